//! HTML pages: article text without page furniture, metadata from the
//! page, offsets into the extracted text (checked with `--keep-text`).

mod common;

use common::*;
use std::fs;

fn html_dir() -> std::path::PathBuf {
    root().join("tests").join("fixtures").join("html")
}

#[test]
fn html_articles_are_read_and_offsets_point_into_the_saved_text() {
    let out = run_on(&html_dir(), &["--keep-text"]);
    let (header, articles) = read_csv(&out.join("articles.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    assert_eq!(articles.len(), 1, "{articles:?}");
    let a = &articles[0];
    assert_eq!(a[col("article_id")], "derby.html");
    assert_eq!(a[col("title")], "Mühlbach gewinnt das Derby gegen Talheim");
    assert_eq!(a[col("published")], "2024-10-06");
    assert_eq!(a[col("encoding")], "html/utf-8");

    let text = fs::read_to_string(out.join("texts").join("derby.html")).expect("kept text");
    // no navigation, script, style, figure caption, aside, footer, hidden
    for furniture in [
        "Anmelden",
        "Handball",
        "dataLayer",
        "font-family",
        "Foto: Agentur",
        "Mehr zum Thema",
        "Impressum",
        "Teilen",
        "Newsletter",
        "trackPageview",
    ] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
    // the article's own header (headline, lead) stays; entities decoded
    assert!(text.starts_with("Mühlbach gewinnt das Derby gegen Talheim\n\nDer FC Mühlbach"));
    assert!(text.contains("zur Führung.") && text.contains("„Wir haben"));
    assert!(text.contains("20. Oktober 2024"), "nbsp becomes a space");
    assert_eq!(text.matches("\n\n").count(), 3, "four paragraphs: {text}");

    // every row's offsets are character offsets into the saved text
    let chars: Vec<char> = text.chars().collect();
    let (_, articles_rows) = read_csv(&out.join("articles.csv"));
    assert_eq!(articles_rows[0][col("chars")], chars.len().to_string());
    let mut checked = 0;
    for table in ["dates", "scores", "goals", "quotes"] {
        let (_, rows) = read_csv(&out.join(format!("{table}.csv")));
        for r in rows {
            let (s, e): (usize, usize) = (r[2].parse().expect("start"), r[3].parse().expect("end"));
            let span: String = chars[s..e].iter().collect();
            assert_eq!(span, r[4], "{table}");
            checked += 1;
        }
    }
    assert!(checked >= 6, "{checked}");
    // only the page's own facts: nothing from the script, nav, aside or hidden block
    let (_, scores) = read_csv(&out.join("scores.csv"));
    let found: Vec<&str> = scores.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(found, ["2:1", "1:0"]);
    // the weekday is resolved against the page's publication date
    let (_, dates) = read_csv(&out.join("dates.csv"));
    assert!(
        dates
            .iter()
            .any(|r| r[4] == "Sonntag" && r[5] == "2024-10-06" && r[8] == "published"),
        "{dates:?}"
    );
}

#[test]
fn a_page_without_article_text_is_an_error() {
    let out = run_on(&html_dir(), &[]);
    let (_, errors) = read_csv(&out.join("errors.csv"));
    assert_eq!(errors.len(), 1);
    assert!(errors[0][0].ends_with("leer.htm"));
    assert!(
        errors[0][1].contains("HTML page without article text"),
        "{errors:?}"
    );
}

#[test]
fn windows_1252_html() {
    let input = temp_dir("html1252");
    fs::write(
        input.join("alt.htm"),
        b"<html><body><main><p>M\xfcller traf am 7. Mai 2016 zum 1:0.</p></main></body></html>",
    )
    .expect("write");
    let out = run_on(&input, &["--keep-text"]);
    let (_, articles) = read_csv(&out.join("articles.csv"));
    assert_eq!(articles[0][4], "html/windows-1252");
    let text = fs::read_to_string(out.join("texts").join("alt.htm")).expect("text");
    assert_eq!(text, "Müller traf am 7. Mai 2016 zum 1:0.\n");
}
