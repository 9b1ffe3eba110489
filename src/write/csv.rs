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

use super::Sink;
use super::layout::{Kind, Layout};
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

/// One CSV file being written.
struct CsvTable {
    name: &'static str,
    tmp: PathBuf,
    writer: ::csv::Writer<BufWriter<File>>,
    /// Per column: does the guard apply?
    guarded: Vec<bool>,
}

/// All tables of a run as CSV files in one folder.
pub(super) struct CsvSink {
    dir: PathBuf,
    tables: Vec<CsvTable>,
    guard: bool,
}

impl CsvSink {
    pub(super) fn create(
        dir: &Path,
        layout: &Layout,
        dialect: Dialect,
        guard: bool,
    ) -> io::Result<Self> {
        let mut tables = Vec::new();
        for t in &layout.tables {
            let tmp = dir.join(format!(".{}.csv.partial", t.name));
            let mut file = BufWriter::with_capacity(1 << 16, File::create(&tmp)?);
            if dialect.bom {
                file.write_all(b"\xEF\xBB\xBF")?;
            }
            let terminator = if dialect.crlf {
                ::csv::Terminator::CRLF
            } else {
                ::csv::Terminator::Any(b'\n')
            };
            let mut writer = ::csv::WriterBuilder::new()
                .buffer_capacity(1 << 16)
                .delimiter(dialect.delimiter)
                .terminator(terminator)
                .from_writer(file);
            writer.write_record(&t.columns).map_err(io::Error::other)?;
            tables.push(CsvTable {
                name: t.name,
                tmp,
                writer,
                guarded: t.kinds.iter().map(|k| *k != Kind::Number).collect(),
            });
        }
        Ok(CsvSink {
            dir: dir.to_path_buf(),
            tables,
            guard,
        })
    }
}

/// A cell as the CSV writer takes it (bytes), guarded or not.
struct Cell<'a>(std::borrow::Cow<'a, str>);

impl AsRef<[u8]> for Cell<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl Sink for CsvSink {
    fn row(&mut self, table: usize, cells: &[&str]) -> io::Result<()> {
        let Some(t) = self.tables.get_mut(table) else {
            return Ok(());
        };
        if !self.guard {
            return t.writer.write_record(cells).map_err(io::Error::other);
        }
        let guarded = cells.iter().zip(&t.guarded).map(|(cell, g)| {
            Cell(if *g {
                super::guard(cell)
            } else {
                (*cell).into()
            })
        });
        t.writer.write_record(guarded).map_err(io::Error::other)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        for t in self.tables {
            let file = t
                .writer
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?;
            let file = file.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            drop(file);
            fs::rename(&t.tmp, self.dir.join(format!("{}.csv", t.name)))?;
        }
        Ok(())
    }
}
