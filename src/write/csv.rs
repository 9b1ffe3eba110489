//! CSV output: one file per table.
//!
//! Each table goes to a hidden `.NAME.csv.partial` file in the output folder
//! and is renamed into place only when the run is complete, so an
//! interrupted run never leaves a half-written CSV that looks whole. Text
//! cells that a spreadsheet would run as a formula get a leading `'`
//! ([`super::guard`]), unless the guard is switched off.
//!
//! The [`Dialect`] decides delimiter, line ends and BOM: the default is RFC
//! 4180 with `,` and LF; [`Dialect::EXCEL`] is what German Excel opens
//! correctly by double-click (UTF-8 BOM, `;`, CRLF).

use super::layout::{Kind, Layout};
use super::{Encoder, Sink};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Delimiter, line ends and byte-order mark of the CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: u8,
    /// Start every file with the UTF-8 byte-order mark (EF BB BF).
    pub bom: bool,
    /// End records with CR LF instead of LF.
    pub crlf: bool,
}

impl Dialect {
    /// RFC 4180 with `,` and LF line ends, no BOM: the default.
    pub const STANDARD: Dialect = Dialect {
        delimiter: b',',
        bom: false,
        crlf: false,
    };
    /// UTF-8 BOM, `;`, CRLF: opens as proper columns in German Excel.
    pub const EXCEL: Dialect = Dialect {
        delimiter: b';',
        bom: true,
        crlf: true,
    };
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect::STANDARD
    }
}

/// Encodes CSV rows the way `csv::Writer` does (RFC 4180, quotes only
/// where needed, quotes doubled), with the formula guard on text columns.
///
/// It holds no state between rows, so the workers share one and encode
/// their articles' rows themselves ([`super::encode`]).
#[derive(Debug, Clone)]
pub(super) struct RowEncoder {
    /// Only asked which bytes make a field need quotes, once.
    core: csv_core::Writer,
    /// Per byte value: does a field holding it need quotes?
    special: [bool; 256],
    crlf: bool,
    /// Per table and column: does the guard apply?
    guarded: Option<Vec<Vec<bool>>>,
}

impl RowEncoder {
    pub(super) fn new(layout: &Layout, dialect: Dialect, guard: bool) -> Self {
        let core = csv_core::WriterBuilder::new()
            .delimiter(dialect.delimiter)
            .build();
        // a field needs quotes when one of its bytes does
        let special: [bool; 256] = std::array::from_fn(|b| core.should_quote(&[b as u8]));
        let guarded = guard.then(|| {
            layout
                .tables
                .iter()
                .map(|t| t.kinds.iter().map(|k| *k != Kind::Number).collect())
                .collect()
        });
        RowEncoder {
            core,
            special,
            crlf: dialect.crlf,
            guarded,
        }
    }

    /// Appends one row of table `table` to `out`.
    ///
    /// Most cells are copied as they are after one look at their bytes;
    /// a cell with quotes or a guard goes the longer way ([`Self::field`]).
    pub(super) fn row(&self, table: usize, cells: &[&str], out: &mut Vec<u8>) {
        let guarded = self
            .guarded
            .as_ref()
            .and_then(|g| g.get(table))
            .map_or(&[][..], Vec::as_slice);
        // room for the cells, their delimiters and the line end: quotes
        // are rare enough to grow the buffer when they come
        out.reserve(cells.iter().map(|c| c.len() + 1).sum::<usize>() + 2);
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(self.core.get_delimiter());
            }
            let bytes = cell.as_bytes();
            let guard = guarded.get(i) == Some(&true) && super::needs_guard(cell);
            if guard || self.needs_quotes(bytes) {
                self.field(guard, bytes, out);
            } else {
                out.extend_from_slice(bytes);
            }
        }
        self.end(cells.len() == 1 && cells.iter().all(|c| c.is_empty()), out);
    }

    /// Appends one record, unguarded (the header).
    fn record<S: AsRef<str>>(&self, cells: impl Iterator<Item = S>, out: &mut Vec<u8>) {
        let mut count = 0;
        let mut empty = true;
        for cell in cells {
            if count > 0 {
                out.push(self.core.get_delimiter());
            }
            count += 1;
            empty &= cell.as_ref().is_empty();
            self.field(false, cell.as_ref().as_bytes(), out);
        }
        self.end(count == 1 && empty, out);
    }

    /// Appends one field: in quotes, its quotes doubled, when a byte of it
    /// or of the guard's `'` needs them (`'` does when it is the
    /// delimiter); the guarded cell is written as `'` and the cell,
    /// without making that string.
    #[inline(never)]
    fn field(&self, guard: bool, field: &[u8], out: &mut Vec<u8>) {
        let prefix: &[u8] = if guard { b"'" } else { b"" };
        if self.needs_quotes(prefix) || self.needs_quotes(field) {
            let quote = self.core.get_quote();
            out.push(quote);
            doubled(prefix, quote, out);
            doubled(field, quote, out);
            out.push(quote);
        } else {
            out.extend_from_slice(prefix);
            out.extend_from_slice(field);
        }
    }

    /// Ends a record. Like csv::Writer, a record of one empty field is
    /// written `""`, or it would read back as no record at all.
    fn end(&self, one_empty_field: bool, out: &mut Vec<u8>) {
        if one_empty_field {
            let quote = self.core.get_quote();
            out.extend_from_slice(&[quote, quote]);
        }
        out.extend_from_slice(if self.crlf { b"\r\n" } else { b"\n" });
    }

    /// Whether a byte of `field` needs quotes (as `csv_core` decides),
    /// looked up without a branch per byte (the fields are short: a
    /// vector search would spend more on its set-up than on the bytes).
    fn needs_quotes(&self, field: &[u8]) -> bool {
        field.iter().fold(false, |q, &b| {
            q | (self.special.get(usize::from(b)) == Some(&true))
        })
    }
}

/// Appends `field` with its quotes doubled.
fn doubled(field: &[u8], quote: u8, out: &mut Vec<u8>) {
    let mut rest = field;
    while let Some(i) = memchr::memchr(quote, rest) {
        let (head, tail) = rest.split_at(i + 1);
        out.extend_from_slice(head);
        out.push(quote);
        rest = tail;
    }
    out.extend_from_slice(rest);
}

/// One CSV file being written.
struct CsvTable {
    name: &'static str,
    tmp: PathBuf,
    file: BufWriter<File>,
}

/// All tables of a run as CSV files in one folder.
pub(super) struct CsvSink {
    dir: PathBuf,
    tables: Vec<CsvTable>,
    rows: RowEncoder,
    line: Vec<u8>,
}

impl CsvSink {
    pub(super) fn create(
        dir: &Path,
        layout: &Layout,
        dialect: Dialect,
        guard: bool,
    ) -> io::Result<Self> {
        let rows = RowEncoder::new(layout, dialect, guard);
        let mut tables = Vec::new();
        let mut line = Vec::new();
        for t in &layout.tables {
            let tmp = dir.join(format!(".{}.csv.partial", t.name));
            let mut file = BufWriter::with_capacity(1 << 16, File::create(&tmp)?);
            if dialect.bom {
                file.write_all(b"\xEF\xBB\xBF")?;
            }
            line.clear();
            rows.record(t.columns.iter(), &mut line);
            file.write_all(&line)?;
            tables.push(CsvTable {
                name: t.name,
                tmp,
                file,
            });
        }
        Ok(CsvSink {
            dir: dir.to_path_buf(),
            tables,
            rows,
            line,
        })
    }
}

impl Sink for CsvSink {
    fn row(&mut self, table: usize, cells: &[&str]) -> io::Result<()> {
        let Some(t) = self.tables.get_mut(table) else {
            return Ok(());
        };
        self.line.clear();
        self.rows.row(table, cells, &mut self.line);
        t.file.write_all(&self.line)
    }

    fn encoder(&self, layout: &Layout) -> Option<Encoder> {
        Some(Encoder::csv(layout, self.rows.clone()))
    }

    fn append(&mut self, table: usize, bytes: &[u8]) -> io::Result<()> {
        match self.tables.get_mut(table) {
            Some(t) => t.file.write_all(bytes),
            None => Ok(()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        for t in self.tables {
            let file = t.file.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            drop(file);
            fs::rename(&t.tmp, self.dir.join(format!("{}.csv", t.name)))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::guard;
    use proptest::prelude::*;

    /// What the csv crate's writer makes of the same record.
    fn reference(cells: &[String], dialect: Dialect) -> Vec<u8> {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(dialect.delimiter)
            .terminator(if dialect.crlf {
                ::csv::Terminator::CRLF
            } else {
                ::csv::Terminator::Any(b'\n')
            })
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(cells).unwrap();
        w.into_inner().unwrap()
    }

    fn encoded(cells: &[String], dialect: Dialect) -> Vec<u8> {
        let rows = RowEncoder::new(&Layout::full(), dialect, false);
        let mut out = Vec::new();
        rows.row(
            1,
            &cells.iter().map(String::as_str).collect::<Vec<_>>(),
            &mut out,
        );
        out
    }

    #[test]
    fn quotes_only_where_needed() {
        let cells = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let std = Dialect::STANDARD;
        assert_eq!(encoded(&cells(&["a", "b c", "1:0"]), std), b"a,b c,1:0\n");
        assert_eq!(
            encoded(&cells(&["„Tor“, sagte er", "er sagte \"ja\"", ""]), std),
            "\"„Tor“, sagte er\",\"er sagte \"\"ja\"\"\",\n".as_bytes()
        );
        assert_eq!(encoded(&cells(&["a;b", "x\ny"]), std), b"a;b,\"x\ny\"\n");
        let excel = Dialect::EXCEL;
        assert_eq!(encoded(&cells(&["a;b", "a,b"]), excel), b"\"a;b\";a,b\r\n");
        // a lone empty field is written so that it reads back as a record
        assert_eq!(encoded(&cells(&[""]), std), b"\"\"\n");
        assert_eq!(encoded(&cells(&["", ""]), std), b",\n");
    }

    #[test]
    fn guard_applies_to_text_columns_only() {
        let l = Layout::full();
        let rows = RowEncoder::new(&l, Dialect::STANDARD, true);
        let goals = l.tables.iter().position(|t| t.name == "goals").unwrap();
        let kinds = &l.tables[goals].kinds;
        let cells: Vec<&str> = kinds
            .iter()
            .map(|k| if *k == Kind::Number { "-1" } else { "=1+1" })
            .collect();
        let mut out = Vec::new();
        rows.row(goals, &cells, &mut out);
        let want: Vec<&str> = kinds
            .iter()
            .map(|k| if *k == Kind::Number { "-1" } else { "'=1+1" })
            .collect();
        assert_eq!(String::from_utf8(out).unwrap(), want.join(",") + "\n");
        let unguarded = RowEncoder::new(&l, Dialect::STANDARD, false);
        let mut out = Vec::new();
        unguarded.row(goals, &cells, &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), cells.join(",") + "\n");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// A guarded row is the unguarded row of the guarded cells, for
        /// every delimiter (`'` too, which the guard's prefix then holds).
        #[test]
        fn guard_as_the_guarded_cells(
            cells in proptest::collection::vec("[a\";,\r\n' ä=+@\t-]{0,40}", 11),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'\'', b'a']),
        ) {
            let l = Layout::full();
            let goals = l.tables.iter().position(|t| t.name == "goals").unwrap();
            let dialect = Dialect { delimiter, bom: false, crlf: false };
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            let mut out = Vec::new();
            RowEncoder::new(&l, dialect, true).row(goals, &cells, &mut out);
            let guarded: Vec<String> = cells
                .iter()
                .zip(&l.tables[goals].kinds)
                .map(|(c, k)| if *k == Kind::Number { c.to_string() } else { guard(c).into_owned() })
                .collect();
            prop_assert_eq!(out, reference(&guarded, dialect));
        }

        /// The hand-written record encoder writes what `csv::Writer` writes.
        #[test]
        fn same_bytes_as_the_csv_crate(
            cells in proptest::collection::vec("[a\";,\r\n' ä„“=]{0,6}|[a ä„“=]{10,40}[a\";,\r\n' ä]{0,20}", 1..6),
            excel in any::<bool>(),
        ) {
            let dialect = if excel { Dialect::EXCEL } else { Dialect::STANDARD };
            prop_assert_eq!(encoded(&cells, dialect), reference(&cells, dialect));
        }
    }
}
