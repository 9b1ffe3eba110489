//! JSON Lines output: one JSON object per row, all tables in one stream.
//!
//! Every object begins with a `table` field (`"articles"`, `"dates"`, …,
//! `"errors"`), followed by that table's columns in CSV order. Rows come in
//! the same order as in the CSV files: per article its `articles` row, then
//! its rows of each extraction table, then its `matches` rows; an `errors`
//! row where the failed file would have been.
//!
//! Numeric columns are JSON numbers, or `null` when empty (a goal without
//! added time); every other column is a JSON string, `""` when empty — so
//! each column keeps one JSON type, which schema inference (Spark, pandas)
//! relies on. There is no formula guard: JSON Lines is for machines.
//!
//! The stream goes to `anpfiff.jsonl` in the output folder (written as a
//! hidden `.partial` file and renamed when complete) or to standard output,
//! flushed after every chunk of articles so a downstream reader sees rows
//! while the run goes on.

use super::layout::{Kind, Layout};
use super::{Encoder, Sink};
use std::fs::{self, File};
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

/// The file name in the output folder.
pub const FILE_NAME: &str = "anpfiff.jsonl";

enum Target {
    File {
        writer: BufWriter<File>,
        tmp: PathBuf,
        path: PathBuf,
    },
    Stdout(BufWriter<Stdout>),
}

pub(super) struct JsonlSink {
    target: Target,
    layout: Layout,
    line: Vec<u8>,
}

impl JsonlSink {
    /// Writes to `anpfiff.jsonl` in `dir`.
    pub(super) fn create(dir: &Path, layout: &Layout) -> io::Result<Self> {
        let tmp = dir.join(format!(".{FILE_NAME}.partial"));
        let writer = BufWriter::with_capacity(1 << 16, File::create(&tmp)?);
        Ok(JsonlSink {
            target: Target::File {
                writer,
                tmp,
                path: dir.join(FILE_NAME),
            },
            layout: layout.clone(),
            line: Vec::new(),
        })
    }

    /// Writes to standard output.
    pub(super) fn stdout(layout: &Layout) -> Self {
        JsonlSink {
            target: Target::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
            layout: layout.clone(),
            line: Vec::new(),
        }
    }

    fn writer(&mut self) -> &mut dyn Write {
        match &mut self.target {
            Target::File { writer, .. } => writer,
            Target::Stdout(w) => w,
        }
    }
}

/// Appends one row as a JSON object and a newline to `line`.
pub(super) fn encode(
    line: &mut Vec<u8>,
    table: &str,
    columns: &[&str],
    kinds: &[Kind],
    cells: &[&str],
) {
    line.extend_from_slice(b"{\"table\":");
    string(line, table);
    for ((column, kind), cell) in columns.iter().zip(kinds).zip(cells) {
        line.push(b',');
        string(line, column);
        line.push(b':');
        match kind {
            Kind::Number => number(line, cell),
            Kind::Text | Kind::Date => string(line, cell),
        }
    }
    line.extend_from_slice(b"}\n");
}

fn string(line: &mut Vec<u8>, s: &str) {
    // Serialising a &str into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *line, s);
}

/// A numeric cell: the number, `null` when empty, a string if it is
/// unexpectedly not a number (so nothing is ever lost).
fn number(line: &mut Vec<u8>, cell: &str) {
    let cell = cell.trim();
    if cell.is_empty() {
        line.extend_from_slice(b"null");
    } else if let Ok(n) = cell.parse::<i64>() {
        line.extend_from_slice(n.to_string().as_bytes());
    } else {
        string(line, cell);
    }
}

impl Sink for JsonlSink {
    fn row(&mut self, table: usize, cells: &[&str]) -> io::Result<()> {
        let Some(t) = self.layout.tables.get(table) else {
            return Ok(());
        };
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        encode(&mut line, t.name, &t.columns, &t.kinds, cells);
        let result = self.writer().write_all(&line);
        self.line = line;
        result
    }

    fn encoder(&self, layout: &Layout) -> Option<Encoder> {
        Some(Encoder::jsonl(layout))
    }

    fn append(&mut self, _table: usize, bytes: &[u8]) -> io::Result<()> {
        self.writer().write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        match self.target {
            Target::File {
                writer, tmp, path, ..
            } => {
                let file = writer.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()?;
                drop(file);
                fs::rename(tmp, path)
            }
            Target::Stdout(mut w) => w.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_strings_and_nulls() {
        let mut line = Vec::new();
        encode(
            &mut line,
            "goals",
            &["article_id", "minute", "added", "player"],
            &[Kind::Text, Kind::Number, Kind::Number, Kind::Text],
            &["a.txt", "90", "", "Jörg \"Jo\" Groß"],
        );
        assert_eq!(
            String::from_utf8(line).unwrap(),
            "{\"table\":\"goals\",\"article_id\":\"a.txt\",\"minute\":90,\"added\":null,\"player\":\"Jörg \\\"Jo\\\" Groß\"}\n"
        );
    }

    #[test]
    fn odd_numbers_stay_strings_and_newlines_are_escaped() {
        let mut line = Vec::new();
        encode(
            &mut line,
            "x",
            &["n", "t"],
            &[Kind::Number, Kind::Text],
            &["12a", "a\nb"],
        );
        let s = String::from_utf8(line).unwrap();
        assert_eq!(s, "{\"table\":\"x\",\"n\":\"12a\",\"t\":\"a\\nb\"}\n");
        assert_eq!(s.matches('\n').count(), 1);
    }
}
