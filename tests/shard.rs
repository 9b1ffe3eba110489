//! `--shard K/N`: the shards' rows together are exactly one run's rows.

mod common;

use common::*;
use std::fs;
use std::path::Path;

const TABLES: &[&str] = &[
    "articles", "dates", "scores", "goals", "ages", "quotes", "matches", "errors",
];

/// The corpus plus two files that fail, in a fresh folder.
fn corpus_with_failures() -> std::path::PathBuf {
    let input = temp_dir("shard-in");
    let corpus = root().join("corpus");
    for s in anpfiff::read::walk(&[corpus]).sources {
        let target = input.join(&s.article_id);
        fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        fs::copy(&s.path, &target).expect("copy");
    }
    fs::write(input.join("leer.txt"), "").expect("write");
    fs::write(input.join("bild.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    input
}

/// The rows of a table (without header).
fn rows(out: &Path, table: &str) -> Vec<Vec<String>> {
    read_csv(&out.join(format!("{table}.csv"))).1
}

#[test]
fn three_shards_make_one_run() {
    let input = corpus_with_failures();
    let whole = run_on(&input, &[]);
    let shards: Vec<_> = (1..=3)
        .map(|k| run_on(&input, &["--shard", &format!("{k}/3")]))
        .collect();
    for table in TABLES {
        let mut expected = rows(&whole, table);
        let mut union: Vec<Vec<String>> = shards.iter().flat_map(|s| rows(s, table)).collect();
        expected.sort();
        union.sort();
        assert_eq!(union, expected, "{table}");
    }
    assert_eq!(rows(&whole, "errors").len(), 2);
    // every shard got some articles, and none got them all
    for s in &shards {
        let n = rows(s, "articles").len();
        assert!(n > 0 && n < rows(&whole, "articles").len(), "{n}");
    }
}

#[test]
fn shard_of_standard_input() {
    let lines: String = (0..30)
        .map(|i| format!("{{\"id\": \"a{i}\", \"text\": \"Am 7. Mai 2016 siegte Hausen.\"}}\n"))
        .collect();
    let mut total = 0;
    for k in 1..=3 {
        let out = temp_dir("shard-stdin");
        let shard = format!("{k}/3");
        let args = ["-", "-q", "--shard", &shard, "-o", out.to_str().expect("p")];
        assert!(run_with_stdin(&args, lines.as_bytes()));
        total += rows(&out, "articles").len();
    }
    assert_eq!(total, 30);
}

#[test]
fn bad_shards_are_usage_errors() {
    for bad in ["0/3", "4/3", "3", "1/0", "x/y"] {
        let (code, _, err) = run(&["corpus", "--shard", bad]);
        assert_eq!(code, 2, "{bad}");
        assert!(
            err.contains("--shard 2/8") || err.contains("numbered from 1"),
            "{bad}: {err}"
        );
    }
}
