//! Output formats: CSV for Excel (`--excel`, `--delimiter`), JSON Lines to
//! a folder, and the xlsx workbook, read back from its zip container.

mod common;

use common::*;
use std::fs;
use std::io::Read;
use std::path::Path;

/// A small input with a title holding `;` and one starting with `=`.
fn tricky_input() -> std::path::PathBuf {
    let input = temp_dir("tricky");
    fs::write(
        input.join("a.txt"),
        "date: 2024-05-12\ntitle: Bayern; Dortmund\n\nBayern gewann am Sonntag 3:1 gegen Dortmund.",
    )
    .expect("write");
    fs::write(
        input.join("b.txt"),
        "title: =HYPERLINK(\"http://x\")\n\nAm 7. Mai 2016 siegte Hausen mit 2:0.",
    )
    .expect("write");
    input
}

#[test]
fn excel_csv_has_bom_semicolons_and_crlf() {
    let out = run_on(&root().join("corpus"), &["--excel"]);
    let reference = run_on(&root().join("corpus"), &[]);
    for table in ["articles", "dates", "scores", "goals", "errors"] {
        let bytes = fs::read(out.join(format!("{table}.csv"))).expect("read");
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{table}: BOM");
        let text = std::str::from_utf8(&bytes[3..]).expect("utf-8");
        let header = text.split("\r\n").next().expect("header");
        assert!(
            header.starts_with("article_id;") || header == "path;error",
            "{header}"
        );
        // every line end is CRLF: no LF without CR before it
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "{table}"
        );
        // same rows as the default CSV, just another dialect
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.expect("record").iter().map(String::from).collect())
            .collect();
        let (_, expected) = read_csv(&reference.join(format!("{table}.csv")));
        assert_eq!(rows, expected, "{table}");
    }
}

#[test]
fn excel_quotes_a_field_with_a_semicolon_and_guards_formulas() {
    let out = run_on(&tricky_input(), &["--excel"]);
    let bytes = fs::read(out.join("articles.csv")).expect("read");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(
        text.contains("\r\na.txt;") && text.contains(";\"Bayern; Dortmund\";"),
        "{text}"
    );
    assert!(
        text.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"),
        "{text}"
    );
}

#[test]
fn any_delimiter() {
    let out = run_on(&tricky_input(), &["--delimiter", "tab"]);
    let text = fs::read_to_string(out.join("articles.csv")).expect("read");
    assert!(text.starts_with("article_id\tpath\t"), "{text}");
    assert!(text.contains("\tBayern; Dortmund\t") && !text.contains('\r'));
    let out = run_on(&tricky_input(), &["--excel", "--delimiter", ","]);
    let bytes = fs::read(out.join("articles.csv")).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFarticle_id,path,"));
    let (code, _, err) = run(&["corpus", "--delimiter", "ab"]);
    assert_eq!(code, 2);
    assert!(err.contains("one ASCII character"), "{err}");
    let (code, _, err) = run(&["corpus", "--excel", "--format", "xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("for CSV"), "{err}");
}

#[test]
fn jsonl_folder_has_every_csv_row_in_order_with_types() {
    let input = root().join("corpus");
    let csv_out = run_on(&input, &[]);
    let out = run_on(&input, &["--format", "jsonl"]);
    let text = fs::read_to_string(out.join("anpfiff.jsonl")).expect("jsonl");
    assert!(!out.join("dates.csv").exists());
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    for table in [
        "articles", "dates", "scores", "goals", "ages", "quotes", "matches", "errors",
    ] {
        let (header, expected) = read_csv(&csv_out.join(format!("{table}.csv")));
        let got: Vec<Vec<String>> = rows
            .iter()
            .filter(|r| r["table"] == table)
            .map(|r| {
                header
                    .iter()
                    .map(|c| match &r[c] {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Null => String::new(),
                        v => v.to_string(),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(got, expected, "{table}");
    }
    // "table" comes first; numbers are numbers, empty numbers null
    assert!(text.starts_with("{\"table\":\"articles\",\"article_id\":"));
    let goal = rows
        .iter()
        .find(|r| r["table"] == "goals" && r["added"].is_null())
        .expect("a goal without added time");
    assert!(goal["minute"].is_u64() && goal["start"].is_u64());
    assert!(goal["team"].is_string());
}

fn zip_file(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).expect("xlsx")).expect("zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect(name)
        .read_to_string(&mut s)
        .expect("read");
    s
}

#[test]
fn xlsx_has_a_typed_sheet_per_table() {
    let out = run_on(&tricky_input(), &["--format", "xlsx"]);
    let book = out.join("anpfiff.xlsx");
    let workbook = zip_file(&book, "xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        names,
        [
            "articles", "dates", "scores", "goals", "ages", "quotes", "matches", "errors"
        ]
    );
    let articles = zip_file(&book, "xl/worksheets/sheet1.xml");
    // frozen header and autofilter over header + 2 rows of 12 columns
    assert!(articles.contains("state=\"frozen\""), "{articles}");
    assert!(workbook.contains("articles!$A$1:$L$3"), "{workbook}");
    // the title starting with = is a string cell, not a formula
    assert!(
        articles.contains("<t>=HYPERLINK(\"http://x\")</t>")
            || articles.contains("<t>=HYPERLINK(&quot;http://x&quot;)</t>"),
        "{articles}"
    );
    assert!(!articles.contains("<f>"), "no formulas: {articles}");
    // a.txt published 2024-05-12: a date (serial 45424, date style)
    assert!(
        articles.contains("<c r=\"C2\" s=\"2\"><v>45424</v></c>"),
        "{articles}"
    );
    // chars is a number
    assert!(articles.contains("<c r=\"F2\"><v>"), "{articles}");
    let styles = zip_file(&book, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"yyyy\\-mm\\-dd\"") || styles.contains("yyyy-mm-dd"));
    // scores: left and right are numbers
    let scores = zip_file(&book, "xl/worksheets/sheet3.xml");
    assert!(
        scores.contains("<c r=\"F2\"><v>3</v></c><c r=\"G2\"><v>1</v></c>"),
        "{scores}"
    );
}

#[test]
fn nothing_is_left_partial() {
    for format in ["csv", "jsonl", "xlsx"] {
        let out = run_on(&root().join("corpus"), &["--format", format]);
        let partial: Vec<_> = fs::read_dir(&out)
            .expect("dir")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(partial.is_empty(), "{format}: {partial:?}");
    }
}
