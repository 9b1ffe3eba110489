//! Rows into a format's bytes on the worker threads.
//!
//! The main thread writes every row, so whatever it does per row is done
//! on one core while the workers wait for it or compete with it for the
//! other. For CSV and JSON Lines a row's bytes do not depend on the rows
//! before it, so a worker can encode its article's rows itself
//! ([`Encoder::article`]) and leave the main thread only the appending
//! ([`super::Output::encoded`]). xlsx numbers its rows and shares its
//! strings across the workbook, so its rows stay with the main thread.
//!
//! Both paths list an article's rows with the same function
//! ([`each_row`]), and the sinks encode their own rows (header, errors)
//! with the same functions, so the bytes are the same whichever thread
//! made them.

use super::layout::Layout;
use super::{ArticleOutput, csv::RowEncoder, jsonl};
use std::io;

/// Calls `f` with every row an article contributes, table by table: its
/// `articles` row, its rows of each extraction table, its `matches` rows.
/// Each table's rows come together, in output order.
pub(super) fn each_row(
    a: &ArticleOutput,
    layout: &Layout,
    mut f: impl FnMut(usize, &[&str]) -> io::Result<()>,
) -> io::Result<()> {
    let [mut chars, mut sentences] = [(); 2].map(|_| itoa::Buffer::new());
    let mut counts = vec![itoa::Buffer::new(); a.tables.len()];
    let mut rec: Vec<&str> = vec![
        &a.id,
        &a.path,
        &a.published,
        &a.title,
        a.encoding,
        chars.format(a.chars),
        sentences.format(a.sentences),
    ];
    rec.extend(
        counts
            .iter_mut()
            .zip(&a.tables)
            .map(|(b, t)| b.format(t.len())),
    );
    f(Layout::ARTICLES, &rec)?;
    for (i, rows) in a.tables.iter().enumerate() {
        let Some(table) = layout.extraction(i) else {
            continue;
        };
        for row in rows {
            let [mut sentence, mut start, mut end] = [(); 3].map(|_| itoa::Buffer::new());
            let head = [
                a.id.as_str(),
                sentence.format(row.sentence),
                start.format(row.start),
                end.format(row.end),
                &row.text,
            ];
            with_cells(head, &row.values, |cells| f(table, cells))?;
        }
    }
    if let Some(table) = layout.matches() {
        for m in &a.matches {
            with_cells([a.id.as_str()], m, |cells| f(table, cells))?;
        }
    }
    Ok(())
}

/// Calls `f` with the cells `head` and then `rest`, gathered on the
/// stack when they fit (a row has a dozen cells or fewer: no allocation
/// per row).
fn with_cells<const N: usize, R>(
    head: [&str; N],
    rest: &[String],
    f: impl FnOnce(&[&str]) -> R,
) -> R {
    const ROOM: usize = 16;
    let all = head.into_iter().chain(rest.iter().map(String::as_str));
    let n = N + rest.len();
    if n > ROOM {
        return f(&all.collect::<Vec<&str>>());
    }
    let mut cells = [""; ROOM];
    for (slot, cell) in cells.iter_mut().zip(all) {
        *slot = cell;
    }
    f(cells.get(..n).unwrap_or_default())
}

/// Bytes enough for most articles' rows, so the buffer is not grown row
/// by row: the texts and values, and room for the numbers, quotes and
/// separators (JSON Lines also names every column).
fn room_for(a: &ArticleOutput, jsonl: bool) -> usize {
    let row = |text: &str, values: &[String]| {
        48 + text.len() + a.id.len() + values.iter().map(|v| v.len() + 3).sum::<usize>()
    };
    let bytes = 128
        + a.id.len()
        + a.path.len()
        + a.title.len()
        + a.tables
            .iter()
            .flatten()
            .map(|r| row(&r.text, &r.values))
            .sum::<usize>()
        + a.matches.iter().map(|m| row("", m)).sum::<usize>();
    if jsonl { bytes * 3 } else { bytes }
}

/// Encodes articles' rows for a CSV or JSON Lines output; shared by the
/// workers (it holds no state that changes).
#[derive(Debug, Clone)]
pub struct Encoder {
    layout: Layout,
    format: Format,
}

#[derive(Debug, Clone)]
enum Format {
    Csv(Box<RowEncoder>),
    Jsonl,
}

impl Encoder {
    pub(super) fn csv(layout: &Layout, rows: RowEncoder) -> Self {
        Encoder {
            layout: layout.clone(),
            format: Format::Csv(Box::new(rows)),
        }
    }

    pub(super) fn jsonl(layout: &Layout) -> Self {
        Encoder {
            layout: layout.clone(),
            format: Format::Jsonl,
        }
    }

    /// Appends one row of `table` to `out`.
    pub(super) fn row(&self, table: usize, cells: &[&str], out: &mut Vec<u8>) {
        match &self.format {
            Format::Csv(rows) => rows.row(table, cells, out),
            Format::Jsonl => {
                if let Some(t) = self.layout.tables.get(table) {
                    jsonl::encode(out, t.name, &t.columns, &t.kinds, cells);
                }
            }
        }
    }

    /// Encodes every row of an article.
    pub fn article(&self, a: ArticleOutput) -> Encoded {
        let jsonl = matches!(self.format, Format::Jsonl);
        let mut bytes = Vec::with_capacity(room_for(&a, jsonl));
        let mut parts: Vec<Part> = Vec::new();
        // the closure never fails: encoding into memory cannot
        let _ = each_row(&a, &self.layout, |table, cells| {
            self.row(table, cells, &mut bytes);
            match parts.last_mut() {
                Some(p) if p.table == table => {
                    p.end = bytes.len();
                    p.rows += 1;
                }
                _ => parts.push(Part {
                    table,
                    end: bytes.len(),
                    rows: 1,
                }),
            }
            Ok(())
        });
        Encoded {
            bytes,
            parts,
            id: a.id,
            path: a.path,
            text: a.text,
        }
    }
}

/// An article's rows in its output's bytes, made by [`Encoder::article`]
/// and written by [`super::Output::encoded`].
#[derive(Debug)]
pub struct Encoded {
    bytes: Vec<u8>,
    /// Each table's rows, in order: they end at `end` in `bytes` and
    /// begin where the part before them ends.
    parts: Vec<Part>,
    pub(super) id: String,
    pub(super) path: String,
    /// The normalised text, when it is to be saved (`--keep-text`).
    pub(super) text: Option<String>,
}

#[derive(Debug)]
struct Part {
    table: usize,
    end: usize,
    rows: usize,
}

impl Encoded {
    /// Each table's bytes and number of rows, in output order.
    pub(super) fn parts(&self) -> impl Iterator<Item = (usize, &[u8], usize)> {
        let mut start = 0;
        self.parts.iter().map(move |p| {
            let bytes = self.bytes.get(start..p.end).unwrap_or(&[]);
            start = p.end;
            (p.table, bytes, p.rows)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CharRow, Dialect, Format, Options, Output};
    use super::*;
    use crate::extract;
    use std::path::{Path, PathBuf};

    fn article(id: &str) -> ArticleOutput {
        let row = |text: &str, values: &[&str]| CharRow {
            sentence: 2,
            start: 10,
            end: 10 + text.chars().count(),
            text: text.to_string(),
            values: values.iter().map(|v| v.to_string()).collect(),
        };
        ArticleOutput {
            id: id.to_string(),
            path: format!("ordner/{id}"),
            published: "2024-05-12".into(),
            title: "=Sieg, \"klar\"\nund verdient".into(),
            encoding: "utf-8",
            chars: 1234,
            sentences: 9,
            tables: vec![
                vec![row("12. Mai", &["2024-05-12", "day"])],
                vec![],
                vec![
                    row(
                        "Müller (90.+2)",
                        &["Thomas Müller", "90", "2", "goal", "=2:1", ""],
                    ),
                    row("@Kane (3.)", &["@Kane", "3", "", "penalty", "1:0", "x;y"]),
                ],
            ],
            matches: vec![vec!["1".into(), "FC A".into(), "-B".into()]],
            text: Some("Der Text.".into()),
        }
    }

    /// Writes the articles once through [`Output::article`] and once
    /// through the encoder, and returns both folders.
    fn both(format: Format, name: &str) -> (PathBuf, PathBuf) {
        let ex = extract::all();
        let specs: Vec<_> = ex.iter().map(|e| e.spec()).collect();
        let base =
            std::env::temp_dir().join(format!("anpfiff-encode-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let options = Options {
            formula_guard: true,
            format,
            keep_text: true,
        };
        let (direct, encoded) = (base.join("direct"), base.join("encoded"));
        let mut out = Output::create(&direct, &specs[..3], options.clone()).unwrap();
        assert!(out.encoder().is_some());
        for id in ["a.txt", "b.txt"] {
            out.article(&article(id)).unwrap();
        }
        out.error("kaputt.txt", "cannot read file").unwrap();
        let direct_counts = out.finish().unwrap();
        let mut out = Output::create(&encoded, &specs[..3], options).unwrap();
        let encoder = out.encoder().unwrap();
        for id in ["a.txt", "b.txt"] {
            out.encoded(&encoder.article(article(id))).unwrap();
        }
        out.error("kaputt.txt", "cannot read file").unwrap();
        let encoded_counts = out.finish().unwrap();
        assert_eq!(direct_counts.tables, encoded_counts.tables);
        assert_eq!(direct_counts.articles, 2);
        assert_eq!(encoded_counts.articles, 2);
        (direct, encoded)
    }

    fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                all.extend(files(&path));
            } else {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                all.push((name, std::fs::read(&path).unwrap()));
            }
        }
        all.sort();
        all
    }

    #[test]
    fn encoded_rows_are_the_rows_written_directly() {
        for (format, name) in [
            (Format::Csv(Dialect::STANDARD), "csv"),
            (Format::Csv(Dialect::EXCEL), "excel"),
            (Format::Jsonl, "jsonl"),
        ] {
            let (direct, encoded) = both(format, name);
            let (a, b) = (files(&direct), files(&encoded));
            assert_eq!(a, b, "{name}");
            let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
            assert!(names.contains(&"a.txt"), "{names:?}");
            if name == "csv" {
                let goals = &a.iter().find(|(n, _)| n == "goals.csv").unwrap().1;
                let goals = String::from_utf8_lossy(goals);
                assert_eq!(goals.lines().count(), 1 + 4, "{goals}");
                assert!(goals.contains("'@Kane"), "{goals}");
                assert!(goals.contains(",90,2,goal,'=2:1,\n"), "{goals}");
            }
            let _ = std::fs::remove_dir_all(direct.parent().unwrap());
        }
    }
}
