//! Stage 4: extraction, one module per table.
//!
//! Every extractor implements [`Extractor`]: it reads an [`Article`] (with
//! the shared [`Context`] built by the link stage's people index) and returns
//! [`Row`]s with byte spans into the article text and its own columns. The
//! writer adds the columns every table shares (`article_id`, `sentence`,
//! `start`, `end`, `text`) and turns byte offsets into character offsets.
//!
//! Adding a table means adding a module here and one line in [`all`].

use crate::article::Article;
use crate::link::people::People;

pub mod ages;
pub mod dates;
pub mod goals;
pub mod quotes;
pub mod scores;

/// The name and own columns of an extraction table.
#[derive(Debug)]
pub struct TableSpec {
    /// File stem: `dates` is written to `dates.csv`.
    pub name: &'static str,
    /// The table's own columns, after the shared ones.
    pub columns: &'static [&'static str],
    /// Which of `columns` hold numbers (never touched by the formula guard).
    pub numeric: &'static [&'static str],
}

impl TableSpec {
    /// Index of a column in [`Row::values`].
    pub fn col(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == name)
    }
}

/// The columns every extraction table begins with.
pub const SHARED_COLUMNS: &[&str] = &["article_id", "sentence", "start", "end", "text"];

/// One extracted span and the values of its table's own columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Byte offsets into the article's normalised text, `end` exclusive.
    pub start: usize,
    pub end: usize,
    /// One value per column of the table, in [`TableSpec::columns`] order.
    pub values: Vec<String>,
}

impl Row {
    pub fn new(start: usize, end: usize, values: Vec<String>) -> Self {
        Row { start, end, values }
    }

    /// The value of a named column.
    pub fn get<'a>(&'a self, spec: &TableSpec, column: &str) -> &'a str {
        spec.col(column)
            .and_then(|i| self.values.get(i))
            .map_or("", String::as_str)
    }
}

/// What every extractor sees of an article.
pub struct Context<'a> {
    pub article: &'a Article,
    /// Person names found in the article, for resolving a surname to the
    /// fullest form of the name; found on first use (most articles have no
    /// goal, age or quotation, and never need them).
    people: std::cell::OnceCell<People>,
    /// Quotations, their speakers and the ages (built on first use).
    speech: std::cell::OnceCell<quotes::Speech>,
    /// The scores (the goals table reads them too).
    scores: std::cell::OnceCell<Vec<scores::Score>>,
}

impl<'a> Context<'a> {
    pub fn new(article: &'a Article) -> Self {
        Context {
            article,
            people: std::cell::OnceCell::new(),
            speech: std::cell::OnceCell::new(),
            scores: std::cell::OnceCell::new(),
        }
    }

    /// The people the article names (found on first call).
    pub fn people(&self) -> &People {
        self.people.get_or_init(|| People::new(self.article))
    }

    /// The scores of the article body (found on first call).
    pub fn scores(&self) -> &[scores::Score] {
        self.scores
            .get_or_init(|| scores::scores(&self.article.text, self.article.body_start()))
    }

    /// The quotations with their speakers, and the ages found on the way
    /// (built on first call; the ages and quotes tables share them).
    pub fn speech(&self) -> &quotes::Speech {
        self.speech.get_or_init(|| quotes::speech(self))
    }
}

/// One table's extractor.
pub trait Extractor: Sync + Send {
    fn spec(&self) -> &'static TableSpec;
    /// All rows of this table for the article, in any order.
    fn extract(&self, ctx: &Context<'_>) -> Vec<Row>;
}

/// Every extractor, in the order the tables are listed in `articles.csv`.
pub fn all() -> Vec<Box<dyn Extractor>> {
    vec![
        Box::new(dates::Dates),
        Box::new(scores::Scores),
        Box::new(goals::Goals),
        Box::new(ages::Ages),
        Box::new(quotes::Quotes),
    ]
}

/// The rows of all tables for one article, each table sorted by `start`.
pub struct Extraction {
    pub tables: Vec<(&'static TableSpec, Vec<Row>)>,
}

impl Extraction {
    pub fn table(&self, name: &str) -> Option<&(&'static TableSpec, Vec<Row>)> {
        self.tables.iter().find(|(s, _)| s.name == name)
    }
}

/// Runs `extractors` over one article.
pub fn run(extractors: &[Box<dyn Extractor>], article: &Article) -> Extraction {
    let ctx = Context::new(article);
    let tables = extractors
        .iter()
        .map(|e| {
            let mut rows = e.extract(&ctx);
            rows.retain(|r| valid_span(&article.text, r));
            rows.sort_by_key(|r| (r.start, r.end));
            rows.dedup_by(|a, b| a.start == b.start && a.end == b.end);
            (e.spec(), rows)
        })
        .collect();
    Extraction { tables }
}

/// A span inside the text on character boundaries, not empty.
fn valid_span(text: &str, row: &Row) -> bool {
    row.start < row.end
        && row.end <= text.len()
        && text.is_char_boundary(row.start)
        && text.is_char_boundary(row.end)
}
