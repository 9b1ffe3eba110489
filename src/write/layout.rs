//! Which tables a run writes, their columns, and what kind of value each
//! column holds.
//!
//! Every output format reads the same [`Layout`]: CSV uses the kinds to
//! decide where the formula guard applies, JSON Lines to write numbers as
//! JSON numbers, xlsx to write numbers and dates as typed cells.

use crate::extract::{SHARED_COLUMNS, TableSpec};

/// The columns of `articles.csv` before the per-table counts.
pub const ARTICLE_COLUMNS: &[&str] = &[
    "article_id",
    "path",
    "published",
    "title",
    "encoding",
    "chars",
    "sentences",
];

/// The columns of `errors.csv`.
pub const ERROR_COLUMNS: &[&str] = &["path", "error"];

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text (the formula guard applies in CSV).
    Text,
    /// An integer, or empty.
    Number,
    /// An ISO date at some precision (`2024-05-12`, `2024-05`, `2024`).
    Date,
}

/// One table: its name (file stem, sheet name, JSON `table` field) and
/// columns.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<&'static str>,
    pub kinds: Vec<Kind>,
}

impl Table {
    fn new(name: &'static str, columns: Vec<&'static str>, numeric: &[&str]) -> Self {
        let kinds = columns
            .iter()
            .map(|c| {
                if numeric.contains(c) {
                    Kind::Number
                } else if is_date_column(name, c) {
                    Kind::Date
                } else {
                    Kind::Text
                }
            })
            .collect();
        Table {
            name,
            columns,
            kinds,
        }
    }
}

/// Columns that hold ISO dates: `articles.published` and `dates.value`.
fn is_date_column(table: &str, column: &str) -> bool {
    matches!(
        (table, column),
        ("articles", "published") | ("dates", "value")
    )
}

/// Every table of a run, in output order: `articles`, the extraction
/// tables, `matches` (when both scores and goals run), `errors`.
#[derive(Debug, Clone)]
pub struct Layout {
    pub tables: Vec<Table>,
    extraction: usize,
    matches: bool,
}

impl Layout {
    /// The layout for a run of the extractors with these specs.
    pub fn new(specs: &[&'static TableSpec]) -> Self {
        let mut article_cols: Vec<&'static str> = ARTICLE_COLUMNS.to_vec();
        article_cols.extend(specs.iter().map(|s| s.name));
        let mut article_numeric = vec!["chars", "sentences"];
        article_numeric.extend(specs.iter().map(|s| s.name));
        let mut tables = vec![Table::new("articles", article_cols, &article_numeric)];
        for spec in specs {
            let mut cols: Vec<&'static str> = SHARED_COLUMNS.to_vec();
            cols.extend_from_slice(spec.columns);
            let mut numeric = vec!["sentence", "start", "end"];
            numeric.extend_from_slice(spec.numeric);
            tables.push(Table::new(spec.name, cols, &numeric));
        }
        let has = |name: &str| specs.iter().any(|s| s.name == name);
        let matches = has("scores") && has("goals");
        if matches {
            tables.push(Table::new(
                "matches",
                crate::link::matches::COLUMNS.to_vec(),
                crate::link::matches::NUMERIC,
            ));
        }
        tables.push(Table::new("errors", ERROR_COLUMNS.to_vec(), &[]));
        Layout {
            tables,
            extraction: specs.len(),
            matches,
        }
    }

    /// The layout of a run with every extractor (for tests).
    #[cfg(test)]
    pub(crate) fn full() -> Self {
        let ex = crate::extract::all();
        let specs: Vec<_> = ex.iter().map(|e| e.spec()).collect();
        Layout::new(&specs)
    }

    /// Index of `articles`.
    pub const ARTICLES: usize = 0;

    /// Index of the `i`-th extraction table.
    pub fn extraction(&self, i: usize) -> Option<usize> {
        (i < self.extraction).then_some(1 + i)
    }

    /// Index of `matches`, when it is written.
    pub fn matches(&self) -> Option<usize> {
        self.matches.then_some(1 + self.extraction)
    }

    /// Index of `errors` (always the last table).
    pub fn errors(&self) -> usize {
        self.tables.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    #[test]
    fn full_layout_order_and_kinds() {
        let ex = extract::all();
        let specs: Vec<_> = ex.iter().map(|e| e.spec()).collect();
        let l = Layout::new(&specs);
        let names: Vec<_> = l.tables.iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            [
                "articles", "dates", "scores", "goals", "ages", "quotes", "matches", "errors"
            ]
        );
        assert_eq!(l.matches(), Some(6));
        assert_eq!(l.errors(), 7);
        let dates = &l.tables[1];
        let kind = |t: &Table, c: &str| t.kinds[t.columns.iter().position(|x| *x == c).unwrap()];
        assert_eq!(kind(dates, "value"), Kind::Date);
        assert_eq!(kind(dates, "start"), Kind::Number);
        assert_eq!(kind(dates, "text"), Kind::Text);
        assert_eq!(kind(&l.tables[0], "published"), Kind::Date);
        assert_eq!(kind(&l.tables[0], "quotes"), Kind::Number);
    }

    #[test]
    fn matches_only_with_scores_and_goals() {
        let ex = extract::all();
        let specs: Vec<_> = ex
            .iter()
            .map(|e| e.spec())
            .filter(|s| s.name != "goals")
            .collect();
        let l = Layout::new(&specs);
        assert_eq!(l.matches(), None);
        assert_eq!(l.tables.last().unwrap().name, "errors");
        assert_eq!(l.extraction(3), Some(4));
        assert_eq!(l.extraction(4), None);
    }
}
