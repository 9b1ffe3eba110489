//! Scraped web text is full of junk: every input file must end up in
//! exactly one of articles.csv or errors.csv, and the run must finish.

mod common;

use common::*;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

const GOOD: &str = "date: 2024-05-12\nBayern gewann am Sonntag 3:1 (1:0) gegen Köln. Kane (12.) traf. \
„Wir sind zufrieden“, sagte Trainer Max Eberl. Der 32-Jährige lachte.\n\n";

/// Builds the folder of nasty files; returns the names of the files that
/// must each appear exactly once in articles.csv or errors.csv.
fn nasty_folder(dir: &Path) -> Vec<String> {
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("empty.txt".into(), Vec::new()),
        ("whitespace.txt".into(), b"  \n\t\r\n   ".to_vec()),
        ("nul.txt".into(), b"Tor\0\0\0f\xfcr Bayern".to_vec()),
        (
            "image.txt".into(),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
        ),
        ("broken-utf8.txt".into(), {
            let mut b = "Bayern gewann 3:1 gegen Köln. ".as_bytes().to_vec();
            b.extend_from_slice(b"\xff\xfe\xc3 M\xfcller traf (12.). ");
            b.extend_from_slice("Der 32-Jährige jubelte.".as_bytes());
            b
        }),
        ("utf16.txt".into(), {
            let mut b = vec![0xFF, 0xFE];
            for u in "Bayern gewann am 7. Mai 2016 mit 3:1.".encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b
        }),
        (
            "long-line.md".into(),
            "Tor 1:0 (12.) „Ja“ ".repeat(55_000).into_bytes(),
        ),
        ("unbalanced.txt".into(), "„Wir ".repeat(10_000).into_bytes()),
        ("nested.txt".into(), {
            let mut s = "Er sagte: ".to_string();
            s.push_str(&"(„‚»«".repeat(5_000));
            s.push_str("2:1 (45.+2)");
            s.push_str(&")“‘«»".repeat(5_000));
            s.into_bytes()
        }),
        (
            "formula.txt".into(),
            "„=HYPERLINK(\"http://x\";\"klick\")“, sagte er."
                .as_bytes()
                .to_vec(),
        ),
        ("good.txt".into(), GOOD.as_bytes().to_vec()),
    ];
    // one giant article of about 50 MB
    let giant = GOOD.repeat(50_000_000 / GOOD.len());
    files.push(("giant.txt".into(), giant.into_bytes()));
    let mut names = Vec::new();
    for (name, bytes) in &files {
        fs::write(dir.join(name), bytes).expect("write nasty file");
        names.push(name.clone());
    }
    // a file nobody may read (root still can: then it is an article)
    let locked = dir.join("locked.txt");
    fs::write(&locked, GOOD).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    names.push("locked.txt".into());
    #[cfg(unix)]
    {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        // a symlink loop and a file name that is not UTF-8
        std::os::unix::fs::symlink(".", dir.join("loop")).expect("symlink");
        let name = OsStr::from_bytes(b"caf\xe9-bericht.txt");
        fs::write(dir.join(name), GOOD).expect("write");
        names.push(name.to_string_lossy().into_owned());
    }
    names
}

#[test]
fn every_nasty_file_is_an_article_or_an_error() {
    let input = temp_dir("nasty");
    let names = nasty_folder(&input);
    let out = temp_dir("nasty-out");
    let (code, _, err) = run(&[
        input.to_str().expect("p"),
        "-o",
        out.to_str().expect("p"),
        "-q",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let (_, articles) = read_csv(&out.join("articles.csv"));
    let (_, errors) = read_csv(&out.join("errors.csv"));
    let mut seen = HashSet::new();
    for id in articles.iter().map(|r| r[0].clone()) {
        assert!(seen.insert(id.clone()), "{id} twice");
    }
    for path in errors.iter().map(|r| r[0].clone()) {
        let name = Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(seen.insert(name.clone()), "{name} twice");
    }
    let expected: HashSet<String> = names.into_iter().collect();
    assert_eq!(seen, expected);
    // the reasons are readable
    let reason = |name: &str| {
        errors
            .iter()
            .find(|r| r[0].ends_with(name))
            .map(|r| r[1].clone())
            .unwrap_or_else(|| panic!("{name} not in errors.csv"))
    };
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("whitespace.txt").contains("white space"));
    assert!(reason("nul.txt").contains("binary"));
    assert!(reason("image.txt").contains("binary"));
    // the good parts still come out
    let enc = |id: &str| articles.iter().find(|r| r[0] == id).map(|r| r[4].clone());
    assert_eq!(enc("broken-utf8.txt").as_deref(), Some("windows-1252"));
    assert_eq!(enc("utf16.txt").as_deref(), Some("utf-16le"));
    let (_, dates) = read_csv(&out.join("dates.csv"));
    assert!(
        dates
            .iter()
            .any(|r| r[0] == "utf16.txt" && r[5] == "2016-05-07")
    );
}

#[test]
fn formulas_in_articles_cannot_run_in_a_spreadsheet() {
    let input = temp_dir("formula");
    fs::write(
        input.join("hostile.txt"),
        "date: 2024-05-12\n„=HYPERLINK(\"http://example.invalid\";\"Hier klicken\")“, sagte Trainer Max Eberl.\n\
         \"+49 ist keine Zahl, sondern Text\", erklärte er. \"@SUMME(A1:A9) gehört nicht hierher\", meinte Eberl.\n",
    )
    .expect("write");
    let guarded = run_on(&input, &[]);
    let raw = fs::read_to_string(guarded.join("quotes.csv")).expect("quotes.csv");
    let (header, rows) = read_csv(&guarded.join("quotes.csv"));
    let quote = header
        .iter()
        .position(|h| h == "quote")
        .expect("quote column");
    assert!(!rows.is_empty(), "{raw}");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "unguarded cell {cell:?}"
            );
        }
    }
    assert!(
        rows.iter().any(|r| r[quote].starts_with("'=HYPERLINK")),
        "{raw}"
    );
    // numeric columns are never altered
    assert!(
        rows.iter()
            .all(|r| r[2].parse::<usize>().is_ok() && r[3].parse::<usize>().is_ok())
    );
    // machine consumers can turn the guard off
    let plain = run_on(&input, &["--no-formula-guard"]);
    let (_, rows) = read_csv(&plain.join("quotes.csv"));
    assert!(rows.iter().any(|r| r[quote].starts_with("=HYPERLINK")));
}

#[test]
fn an_interrupted_run_leaves_no_whole_looking_table() {
    // tables are written to hidden .partial files and renamed at the end:
    // a finished run leaves none behind, and nothing else in the folder
    let out = run_on(&root().join("corpus"), &[]);
    let names: Vec<String> = fs::read_dir(&out)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("partial")), "{names:?}");
    assert_eq!(names.len(), 8, "{names:?}");
}
