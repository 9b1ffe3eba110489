//! Excel output: one workbook `anpfiff.xlsx`, one sheet per table.
//!
//! Every sheet has a bold, frozen header row and an autofilter over its
//! rows. Cells are typed: numeric columns are numbers, a full ISO date
//! (`dates.value`, `articles.published` such as `2024-05-12`) is an Excel
//! date shown as `yyyy-mm-dd`, and everything else — partial dates like
//! `2024-05` included — is a text cell written with `write_string`, so no
//! cell is ever evaluated as a formula and no formula guard is needed.
//! Scores stay two number columns (`left`, `right`); `3:1` is never a cell
//! Excel could turn into a time except as text.
//!
//! Sheets are written in constant-memory mode (row by row through a
//! temporary file in the output folder), so memory stays flat. A sheet holds
//! at most 1,048,576 rows; when a table has more, it continues on a sheet
//! named `dates (2)`, `dates (3)`, … with the same header. A text longer
//! than Excel's 32,767-character cell limit is cut and ends with `…`.

use super::Sink;
use super::layout::{Kind, Layout};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The file name in the output folder.
pub const FILE_NAME: &str = "anpfiff.xlsx";

/// Rows per sheet in Excel (header included).
pub const MAX_ROWS: u32 = 1_048_576;

/// Characters (UTF-16 units) per cell in Excel.
const MAX_CELL: usize = 32_767;

/// One sheet of a table and the rows written to it so far (header included).
struct Part {
    sheet: Worksheet,
    rows: u32,
}

pub(super) struct XlsxSink {
    workbook: Workbook,
    layout: Layout,
    /// Per table, its sheets; the last one is being written.
    parts: Vec<Vec<Part>>,
    max_rows: u32,
    header: Format,
    date: Format,
    tmp: PathBuf,
    path: PathBuf,
}

fn xlsx_err(e: XlsxError) -> io::Error {
    io::Error::other(format!("xlsx: {e}"))
}

impl XlsxSink {
    pub(super) fn create(dir: &Path, layout: &Layout) -> io::Result<Self> {
        Self::with_limit(dir, layout, MAX_ROWS)
    }

    /// As [`XlsxSink::create`], with a smaller sheet size (for tests).
    fn with_limit(dir: &Path, layout: &Layout, max_rows: u32) -> io::Result<Self> {
        let mut workbook = Workbook::new();
        // Sheets are buffered in temporary files; keep them beside the
        // output, where there is room for it, not in a small /tmp.
        workbook.set_tempdir(dir).map_err(xlsx_err)?;
        let mut sink = XlsxSink {
            workbook,
            layout: layout.clone(),
            parts: Vec::new(),
            max_rows: max_rows.max(2),
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            tmp: dir.join(format!(".{FILE_NAME}.partial")),
            path: dir.join(FILE_NAME),
        };
        for t in 0..layout.tables.len() {
            sink.parts.push(Vec::new());
            sink.new_part(t)?;
        }
        Ok(sink)
    }

    /// Starts a new sheet for table `t` and writes its header row.
    fn new_part(&mut self, t: usize) -> io::Result<()> {
        let Some(table) = self.layout.tables.get(t) else {
            return Ok(());
        };
        let Some(parts) = self.parts.get_mut(t) else {
            return Ok(());
        };
        let mut sheet = self
            .workbook
            .new_worksheet_with_constant_memory()
            .map_err(xlsx_err)?;
        let name = match parts.len() {
            0 => table.name.to_string(),
            n => format!("{} ({})", table.name, n + 1),
        };
        sheet.set_name(name).map_err(xlsx_err)?;
        for (c, column) in table.columns.iter().enumerate() {
            let c = col(c)?;
            sheet.set_column_width(c, width(column)).map_err(xlsx_err)?;
            sheet
                .write_string_with_format(0, c, *column, &self.header)
                .map_err(xlsx_err)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
        parts.push(Part { sheet, rows: 1 });
        Ok(())
    }

    /// The sheet names in workbook order.
    #[cfg(test)]
    fn sheet_names(&self) -> Vec<String> {
        self.parts
            .iter()
            .flatten()
            .map(|p| p.sheet.name())
            .collect()
    }
}

fn col(c: usize) -> io::Result<u16> {
    u16::try_from(c).map_err(|_| io::Error::other("xlsx: too many columns"))
}

/// A readable column width for a column name.
fn width(column: &str) -> f64 {
    match column {
        "article_id" | "path" | "title" | "error" => 40.0,
        "text" | "quote" => 50.0,
        "published" | "value" | "speaker" | "player" | "person" | "team" | "team_left"
        | "team_right" => 20.0,
        _ => 10.0,
    }
}

/// `YYYY-MM-DD` that Excel can show as a date (years 1900 to 9999).
fn full_date(cell: &str) -> Option<ExcelDateTime> {
    let b = cell.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year: i16 = cell.get(0..4)?.parse().ok()?;
    let month: i8 = cell.get(5..7)?.parse().ok()?;
    let day: i8 = cell.get(8..10)?.parse().ok()?;
    jiff::civil::Date::new(year, month, day).ok()?;
    if year < 1900 {
        return None;
    }
    ExcelDateTime::from_ymd(year as u16, month as u8, day as u8).ok()
}

/// The text cut to Excel's cell limit.
fn fit(cell: &str) -> std::borrow::Cow<'_, str> {
    // UTF-8 never has fewer bytes than UTF-16 has units: most cells stop here
    if cell.len() <= MAX_CELL || cell.encode_utf16().count() <= MAX_CELL {
        return cell.into();
    }
    let mut units = 0;
    let mut end = 0;
    for (i, ch) in cell.char_indices() {
        if units + ch.len_utf16() > MAX_CELL - 1 {
            break;
        }
        units += ch.len_utf16();
        end = i + ch.len_utf8();
    }
    format!("{}…", cell.get(..end).unwrap_or("")).into()
}

impl Sink for XlsxSink {
    fn row(&mut self, table: usize, cells: &[&str]) -> io::Result<()> {
        let full = self
            .parts
            .get(table)
            .and_then(|p| p.last())
            .is_some_and(|p| p.rows >= self.max_rows);
        if full {
            self.new_part(table)?;
        }
        let Some(kinds) = self.layout.tables.get(table).map(|t| &t.kinds) else {
            return Ok(());
        };
        let Some(part) = self.parts.get_mut(table).and_then(|p| p.last_mut()) else {
            return Ok(());
        };
        let r = part.rows;
        for (c, (cell, kind)) in cells.iter().zip(kinds).enumerate() {
            if cell.is_empty() {
                continue;
            }
            let c = col(c)?;
            let sheet = &mut part.sheet;
            let written = match kind {
                Kind::Number => match cell.trim().parse::<f64>() {
                    Ok(n) if n.is_finite() => sheet.write_number(r, c, n),
                    _ => sheet.write_string(r, c, fit(cell)),
                },
                Kind::Date => match full_date(cell) {
                    Some(d) => sheet.write_datetime_with_format(r, c, d, &self.date),
                    None => sheet.write_string(r, c, fit(cell)),
                },
                Kind::Text => sheet.write_string(r, c, fit(cell)),
            };
            written.map_err(xlsx_err)?;
        }
        part.rows += 1;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        let parts = std::mem::take(&mut self.parts);
        for (t, table_parts) in parts.into_iter().enumerate() {
            let last_col = self
                .layout
                .tables
                .get(t)
                .map_or(0, |t| t.columns.len().saturating_sub(1));
            for mut part in table_parts {
                part.sheet
                    .autofilter(0, 0, part.rows.saturating_sub(1), col(last_col)?)
                    .map_err(xlsx_err)?;
                self.workbook.push_worksheet(part.sheet);
            }
        }
        self.workbook.save(&self.tmp).map_err(xlsx_err)?;
        fs::rename(&self.tmp, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn sheet_xml(path: &Path, n: usize) -> String {
        let file = fs::File::open(path).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut s = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    }

    #[test]
    fn a_full_sheet_continues_on_the_next() {
        let dir = std::env::temp_dir().join(format!("anpfiff-xlsx-unit-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let mut sink = Box::new(XlsxSink::with_limit(&dir, &Layout::full(), 3).unwrap());
        for i in 0..5 {
            let start = i.to_string();
            let row = [
                "a.txt",
                "1",
                &start,
                "9",
                "7. Mai",
                "2016-05-07",
                "date",
                "",
                "",
            ];
            sink.row(1, &row).unwrap();
        }
        let names = sink.sheet_names();
        assert_eq!(
            names.get(1..4).unwrap(),
            ["dates", "dates (2)", "dates (3)"]
        );
        assert_eq!(names.last().unwrap(), "errors");
        sink.finish().unwrap();
        let path = dir.join(FILE_NAME);
        // sheet 2 is "dates": header + 2 rows, autofilter over them
        let dates = sheet_xml(&path, 2);
        assert!(dates.contains("<autoFilter ref=\"A1:I3\"/>"), "{dates}");
        assert!(dates.contains("<c r=\"C3\"><v>1</v></c>"), "{dates}");
        // the third dates sheet holds the fifth row (start 4)
        let third = sheet_xml(&path, 4);
        assert!(third.contains("<c r=\"C2\"><v>4</v></c>"), "{third}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn dates_and_long_texts() {
        assert!(full_date("2024-05-12").is_some());
        assert!(full_date("2024-02-30").is_none());
        assert!(full_date("2024-05").is_none());
        assert!(full_date("1850-01-01").is_none());
        let long = "ä".repeat(40_000);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL);
        assert!(cut.ends_with('…'));
        let short = "ä".repeat(20_000); // 40,000 bytes, 20,000 units
        assert_eq!(fit(&short), short);
    }
}
