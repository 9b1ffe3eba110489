//! Stage 6: write the tables.
//!
//! [`Output`] takes each article's rows and hands them, table by table, to a
//! sink for the chosen [`Format`]: CSV files ([`csv`]), one JSON Lines
//! stream ([`jsonl`]) or one Excel workbook ([`xlsx`]). The pipeline never
//! sees the format. For CSV and JSON Lines the workers encode each
//! article's rows themselves ([`Encoder`]), and the main thread only
//! appends their bytes ([`Output::encoded`]). Every sink writes to hidden `.partial` files that are
//! renamed into place only when the run is complete, so an interrupted run
//! never leaves a half-written table that looks whole. In CSV, text cells
//! that a spreadsheet would run as a formula get a leading `'` (see
//! [`guard`]); xlsx writes every text as a string cell, and JSON Lines is
//! for machines, so neither needs the guard.

pub mod csv;
mod encode;
pub mod jsonl;
pub mod layout;
pub mod texts;
pub mod xlsx;

use crate::extract::{Row, TableSpec};
use crate::normalise::CharIndex;
pub use csv::Dialect;
pub use encode::{Encoded, Encoder};
pub use layout::{ARTICLE_COLUMNS, ERROR_COLUMNS, Layout};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
    if needs_guard(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Whether [`guard`] prefixes `cell`.
fn needs_guard(cell: &str) -> bool {
    matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One CSV file per table.
    Csv(Dialect),
    /// All tables as JSON Lines in `anpfiff.jsonl` or on standard output.
    Jsonl,
    /// One workbook `anpfiff.xlsx`, one sheet per table.
    Xlsx,
}

/// Where the tables go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Folder(PathBuf),
    /// Standard output (JSON Lines only).
    Stdout,
}

impl std::fmt::Display for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Destination::Folder(p) => write!(f, "{}", p.display()),
            Destination::Stdout => write!(f, "standard output"),
        }
    }
}

/// Output settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Apply [`guard`] to text cells (CSV only).
    pub formula_guard: bool,
    pub format: Format,
    /// Save every article's normalised text under `OUT/texts/`.
    pub keep_text: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            formula_guard: true,
            format: Format::Csv(Dialect::STANDARD),
            keep_text: false,
        }
    }
}

/// A format's writer: rows in, files (or a stream) out.
trait Sink {
    /// Writes one row of table `table` (an index into the [`Layout`]).
    fn row(&mut self, table: usize, cells: &[&str]) -> io::Result<()>;
    /// An encoder whose bytes [`Sink::append`] takes, if rows can be
    /// encoded apart from the sink (not in xlsx).
    fn encoder(&self, _layout: &Layout) -> Option<Encoder> {
        None
    }
    /// Writes rows of `table` that this sink's [`Sink::encoder`] encoded.
    fn append(&mut self, _table: usize, _bytes: &[u8]) -> io::Result<()> {
        Err(io::Error::other("this output format takes rows, not bytes"))
    }
    /// Called after every chunk of articles: push buffered rows out.
    fn flush(&mut self) -> io::Result<()>;
    /// Completes the output (renames `.partial` files into place).
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// Everything an article contributes to the output.
#[derive(Debug, Clone)]
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
    /// The normalised text, when it is to be saved (`--keep-text`).
    pub text: Option<String>,
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
    pub fn from_row(row: Row, text: &str, chars: &CharIndex<'_>, sentence: usize) -> Self {
        CharRow {
            sentence,
            start: chars.char_at(row.start),
            end: chars.char_at(row.end),
            text: text.get(row.start..row.end).unwrap_or("").to_string(),
            values: row.values,
        }
    }
}

/// The open output: a sink for the chosen format, and the text folder.
pub struct Output {
    layout: Layout,
    sink: Box<dyn Sink>,
    texts: Option<texts::Texts>,
    rows: Vec<usize>,
}

/// Rows written per table, for the summary.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub articles: usize,
    pub errors: usize,
    pub tables: Vec<(String, usize)>,
}

/// Why an output cannot be opened where asked.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unsupported(pub &'static str);

impl Output {
    /// Creates the folder (if needed) and opens every table there.
    pub fn create(dir: &Path, specs: &[&'static TableSpec], options: Options) -> io::Result<Self> {
        Self::open(&Destination::Folder(dir.to_path_buf()), specs, options)
    }

    /// Opens the output at `destination`.
    pub fn open(
        destination: &Destination,
        specs: &[&'static TableSpec],
        options: Options,
    ) -> io::Result<Self> {
        let layout = Layout::new(specs);
        let (sink, texts): (Box<dyn Sink>, _) = match destination {
            Destination::Folder(dir) => {
                fs::create_dir_all(dir)?;
                let sink: Box<dyn Sink> = match options.format {
                    Format::Csv(dialect) => Box::new(csv::CsvSink::create(
                        dir,
                        &layout,
                        dialect,
                        options.formula_guard,
                    )?),
                    Format::Jsonl => Box::new(jsonl::JsonlSink::create(dir, &layout)?),
                    Format::Xlsx => Box::new(xlsx::XlsxSink::create(dir, &layout)?),
                };
                let texts = match options.keep_text {
                    true => Some(texts::Texts::create(dir)?),
                    false => None,
                };
                (sink, texts)
            }
            Destination::Stdout => {
                if options.format != Format::Jsonl {
                    return Err(io::Error::other(Unsupported(
                        "only --format jsonl can be written to standard output",
                    )));
                }
                if options.keep_text {
                    return Err(io::Error::other(Unsupported(
                        "--keep-text needs an output folder, not standard output",
                    )));
                }
                (
                    Box::new(jsonl::JsonlSink::stdout(&layout)) as Box<dyn Sink>,
                    None,
                )
            }
        };
        Ok(Output {
            rows: vec![0; layout.tables.len()],
            layout,
            sink,
            texts,
        })
    }

    /// The tables this output writes.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    fn row(&mut self, table: usize, cells: &[&str]) -> io::Result<()> {
        if let Some(n) = self.rows.get_mut(table) {
            *n += 1;
        }
        self.sink.row(table, cells)
    }

    /// An encoder for the workers, when this output's rows can be encoded
    /// apart from it (CSV and JSON Lines; see [`Encoder`]).
    pub fn encoder(&self) -> Option<Encoder> {
        self.sink.encoder(&self.layout)
    }

    /// Writes one article's rows to every table (and its text, with
    /// `--keep-text`; a text that cannot be saved becomes an `errors` row).
    pub fn article(&mut self, a: &ArticleOutput) -> io::Result<()> {
        let (rows, sink) = (&mut self.rows, &mut self.sink);
        encode::each_row(a, &self.layout, |table, cells| {
            if let Some(n) = rows.get_mut(table) {
                *n += 1;
            }
            sink.row(table, cells)
        })?;
        self.save_text(&a.id, &a.path, a.text.as_deref())
    }

    /// Writes one article's rows that a worker encoded with this output's
    /// [`Output::encoder`] (and its text, as [`Output::article`] does).
    pub fn encoded(&mut self, e: &Encoded) -> io::Result<()> {
        for (table, bytes, rows) in e.parts() {
            if let Some(n) = self.rows.get_mut(table) {
                *n += rows;
            }
            self.sink.append(table, bytes)?;
        }
        self.save_text(&e.id, &e.path, e.text.as_deref())
    }

    fn save_text(&mut self, id: &str, path: &str, text: Option<&str>) -> io::Result<()> {
        if let (Some(texts), Some(text)) = (&self.texts, text)
            && let Err(e) = texts.save(id, text)
        {
            let message = format!("cannot save the extracted text (--keep-text): {e}");
            self.error(path, &message)?;
        }
        Ok(())
    }

    /// Records a file (or input line) that could not be processed.
    pub fn error(&mut self, path: &str, error: &str) -> io::Result<()> {
        self.row(self.layout.errors(), &[path, error])
    }

    /// Pushes buffered rows out (after every chunk of articles).
    pub fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }

    /// Completes every table.
    pub fn finish(self) -> io::Result<Counts> {
        let errors = self.layout.errors();
        let mut counts = Counts {
            articles: self.rows.first().copied().unwrap_or(0),
            errors: self.rows.get(errors).copied().unwrap_or(0),
            tables: Vec::new(),
        };
        for (i, t) in self.layout.tables.iter().enumerate() {
            if i != Layout::ARTICLES && i != errors {
                counts
                    .tables
                    .push((t.name.to_string(), self.rows.get(i).copied().unwrap_or(0)));
            }
        }
        self.sink.finish()?;
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
