//! Stage 6: write the tables.
//!
//! Each table goes to a temporary file in the output folder and is renamed
//! into place only when the run is complete, so an interrupted run never
//! leaves a half-written CSV that looks whole. Text cells that a spreadsheet
//! would run as a formula get a leading `'` (see [`guard`]).

use crate::extract::{Row, SHARED_COLUMNS, TableSpec};
use crate::normalise::CharIndex;
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

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

/// Prefixes a text cell that Excel, LibreOffice or Google Sheets would
/// treat as a formula (`=`, `+`, `-`, `@`, TAB, CR) with `'`
/// (OWASP "CSV injection", CWE-1236).
///
/// ```
/// use anpfiff::write::guard;
/// assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(guard("Müller"), "Müller");
/// ```
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Output settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Apply [`guard`] to text cells.
    pub formula_guard: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            formula_guard: true,
        }
    }
}

/// One CSV file being written.
struct Table {
    name: String,
    tmp: PathBuf,
    writer: csv::Writer<BufWriter<File>>,
    /// Per column: does the guard apply?
    text_columns: Vec<bool>,
    rows: usize,
}

impl Table {
    fn create(dir: &Path, name: &str, columns: &[&str], numeric: &[&str]) -> io::Result<Self> {
        let tmp = dir.join(format!(".{name}.csv.partial"));
        let file = File::create(&tmp)?;
        let mut writer = csv::WriterBuilder::new()
            .buffer_capacity(1 << 16)
            .from_writer(BufWriter::with_capacity(1 << 16, file));
        writer.write_record(columns).map_err(io::Error::other)?;
        Ok(Table {
            name: name.to_string(),
            tmp,
            writer,
            text_columns: columns.iter().map(|c| !numeric.contains(c)).collect(),
            rows: 0,
        })
    }

    fn write(&mut self, record: &[&str], guard_on: bool) -> io::Result<()> {
        self.rows += 1;
        if !guard_on {
            return self.writer.write_record(record).map_err(io::Error::other);
        }
        let guarded: Vec<std::borrow::Cow<'_, str>> = record
            .iter()
            .zip(&self.text_columns)
            .map(|(cell, text)| if *text { guard(cell) } else { (*cell).into() })
            .collect();
        self.writer
            .write_record(guarded.iter().map(|c| c.as_bytes()))
            .map_err(io::Error::other)
    }

    fn finish(self, dir: &Path) -> io::Result<()> {
        let file = self
            .writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        let file = file.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&self.tmp, dir.join(format!("{}.csv", self.name)))
    }
}

/// Everything an article contributes to the output.
pub struct ArticleOutput {
    pub id: String,
    pub path: String,
    pub published: String,
    pub title: String,
    pub encoding: &'static str,
    pub chars: usize,
    pub sentences: usize,
    /// Rows per extraction table, in the order of the specs given to
    /// [`Output::create`], with character offsets and sentence numbers.
    pub tables: Vec<Vec<CharRow>>,
    /// `matches.csv` rows (values after `article_id`).
    pub matches: Vec<Vec<String>>,
}

/// A row ready for writing: character offsets, sentence, text.
#[derive(Debug, Clone)]
pub struct CharRow {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub values: Vec<String>,
}

impl CharRow {
    /// Converts an extractor's byte-offset row.
    pub fn from_row(row: &Row, text: &str, chars: &CharIndex<'_>, sentence: usize) -> Self {
        CharRow {
            sentence,
            start: chars.char_at(row.start),
            end: chars.char_at(row.end),
            text: text.get(row.start..row.end).unwrap_or("").to_string(),
            values: row.values.clone(),
        }
    }
}

/// The open output folder.
pub struct Output {
    dir: PathBuf,
    options: Options,
    articles: Table,
    tables: Vec<Table>,
    matches: Table,
    errors: Table,
}

/// Rows written per table, for the summary.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub articles: usize,
    pub errors: usize,
    pub tables: Vec<(String, usize)>,
}

impl Output {
    /// Creates the folder (if needed) and opens every table.
    pub fn create(dir: &Path, specs: &[&'static TableSpec], options: Options) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        let mut article_cols: Vec<&str> = ARTICLE_COLUMNS.to_vec();
        article_cols.extend(specs.iter().map(|s| s.name));
        let mut article_numeric = vec!["chars", "sentences"];
        article_numeric.extend(specs.iter().map(|s| s.name));
        let articles = Table::create(dir, "articles", &article_cols, &article_numeric)?;
        let mut tables = Vec::new();
        for spec in specs {
            let mut cols: Vec<&str> = SHARED_COLUMNS.to_vec();
            cols.extend_from_slice(spec.columns);
            let mut numeric = vec!["sentence", "start", "end"];
            numeric.extend_from_slice(spec.numeric);
            tables.push(Table::create(dir, spec.name, &cols, &numeric)?);
        }
        let matches = Table::create(
            dir,
            "matches",
            crate::link::matches::COLUMNS,
            crate::link::matches::NUMERIC,
        )?;
        let errors = Table::create(dir, "errors", ERROR_COLUMNS, &[])?;
        Ok(Output {
            dir: dir.to_path_buf(),
            options,
            articles,
            tables,
            matches,
            errors,
        })
    }

    /// Writes one article's rows to every table.
    pub fn article(&mut self, a: &ArticleOutput) -> io::Result<()> {
        let guard_on = self.options.formula_guard;
        let chars = a.chars.to_string();
        let sentences = a.sentences.to_string();
        let counts: Vec<String> = a.tables.iter().map(|t| t.len().to_string()).collect();
        let mut rec: Vec<&str> = vec![
            &a.id,
            &a.path,
            &a.published,
            &a.title,
            a.encoding,
            &chars,
            &sentences,
        ];
        rec.extend(counts.iter().map(String::as_str));
        self.articles.write(&rec, guard_on)?;
        for (table, rows) in self.tables.iter_mut().zip(&a.tables) {
            for row in rows {
                let sentence = row.sentence.to_string();
                let start = row.start.to_string();
                let end = row.end.to_string();
                let mut rec: Vec<&str> = vec![&a.id, &sentence, &start, &end, &row.text];
                rec.extend(row.values.iter().map(String::as_str));
                table.write(&rec, guard_on)?;
            }
        }
        for m in &a.matches {
            let mut rec: Vec<&str> = vec![&a.id];
            rec.extend(m.iter().map(String::as_str));
            self.matches.write(&rec, guard_on)?;
        }
        Ok(())
    }

    /// Records a file that could not be processed.
    pub fn error(&mut self, path: &str, error: &str) -> io::Result<()> {
        let guard_on = self.options.formula_guard;
        self.errors.write(&[path, error], guard_on)
    }

    /// Renames every table into place.
    pub fn finish(self) -> io::Result<Counts> {
        let mut counts = Counts {
            articles: self.articles.rows,
            errors: self.errors.rows,
            tables: Vec::new(),
        };
        for t in &self.tables {
            counts.tables.push((t.name.clone(), t.rows));
        }
        counts.tables.push(("matches".into(), self.matches.rows));
        self.articles.finish(&self.dir)?;
        for t in self.tables {
            t.finish(&self.dir)?;
        }
        self.matches.finish(&self.dir)?;
        self.errors.finish(&self.dir)?;
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_prefixes_formula_starts_only() {
        for bad in ["=1+1", "+49", "-x", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard(bad), format!("'{bad}"));
        }
        for ok in ["", "Müller", "1:0", "'=already"] {
            assert_eq!(guard(ok), ok);
        }
    }
}
