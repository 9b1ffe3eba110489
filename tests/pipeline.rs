//! The main job on the bundled corpus: tables, headers, order, offsets,
//! determinism, and dates quality against the hand-made gold.

mod common;

use anpfiff::normalise::normalise;
use anpfiff::read::decode;
use common::*;
use std::collections::HashMap;
use std::fs;

const EXTRACTION_TABLES: &[(&str, &[&str])] = &[
    ("dates", &["value", "kind", "time", "anchor"]),
    (
        "scores",
        &[
            "left",
            "right",
            "kind",
            "qualifier",
            "team_left",
            "team_right",
        ],
    ),
    (
        "goals",
        &["player", "minute", "added", "kind", "score", "team"],
    ),
    ("ages", &["person", "age", "kind"]),
    ("quotes", &["quote", "speaker", "cue"]),
];

fn corpus_texts() -> HashMap<String, Vec<char>> {
    let corpus = root().join("corpus");
    anpfiff::read::walk(&[corpus])
        .sources
        .into_iter()
        .map(|s| {
            let bytes = fs::read(&s.path).expect("read corpus file");
            let (text, _) = decode(&bytes).expect("corpus files decode");
            (s.article_id, normalise(&text).chars().collect())
        })
        .collect()
}

#[test]
fn writes_every_table_with_the_spec_header() {
    let out = run_on(&root().join("corpus"), &[]);
    let shared = ["article_id", "sentence", "start", "end", "text"];
    for (table, own) in EXTRACTION_TABLES {
        let (header, _) = read_csv(&out.join(format!("{table}.csv")));
        let expected: Vec<&str> = shared.iter().chain(own.iter()).copied().collect();
        assert_eq!(header, expected, "{table}.csv header");
    }
    let (header, rows) = read_csv(&out.join("articles.csv"));
    assert_eq!(
        header,
        [
            "article_id",
            "path",
            "published",
            "title",
            "encoding",
            "chars",
            "sentences",
            "dates",
            "scores",
            "goals",
            "ages",
            "quotes"
        ]
    );
    assert!(rows.len() >= 15, "corpus has at least 15 articles");
    let (header, _) = read_csv(&out.join("errors.csv"));
    assert_eq!(header, ["path", "error"]);
    let (header, _) = read_csv(&out.join("matches.csv"));
    assert_eq!(
        header,
        [
            "article_id",
            "team_left",
            "team_right",
            "left",
            "right",
            "halftime",
            "qualifier",
            "goals_found",
            "consistent"
        ]
    );
    // no temporary files left behind
    for entry in fs::read_dir(&out).expect("list out") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            name.ends_with(".csv") && !name.starts_with('.'),
            "stray file {name}"
        );
    }
}

#[test]
fn rows_are_ordered_and_offsets_point_at_their_text() {
    let out = run_on(&root().join("corpus"), &[]);
    let texts = corpus_texts();
    let mut checked = 0;
    for (table, _) in EXTRACTION_TABLES {
        let (_, rows) = read_csv(&out.join(format!("{table}.csv")));
        let mut last: Option<(String, usize)> = None;
        for row in rows {
            let (id, start, end) = (
                &row[0],
                row[2].parse::<usize>().expect("start"),
                row[3].parse::<usize>().expect("end"),
            );
            let text = texts
                .get(id)
                .unwrap_or_else(|| panic!("unknown article {id}"));
            assert!(
                start < end && end <= text.len(),
                "{table} {id} {start}..{end}"
            );
            let span: String = text[start..end].iter().collect();
            let cell = row[4]
                .strip_prefix('\'')
                .filter(|s| s.starts_with(['=', '+', '-', '@']))
                .unwrap_or(&row[4]);
            assert_eq!(span, cell, "{table} {id} {start}..{end}");
            let key = (id.clone(), start);
            if let Some(prev) = &last {
                assert!(*prev <= key, "{table}: {prev:?} before {key:?}");
            }
            last = Some(key);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} rows");
}

#[test]
fn output_is_identical_for_one_and_eight_threads() {
    let one = run_on(&root().join("corpus"), &["-j", "1"]);
    let eight = run_on(&root().join("corpus"), &["-j", "8"]);
    for table in [
        "articles", "dates", "scores", "goals", "ages", "quotes", "matches", "errors",
    ] {
        let a = fs::read(one.join(format!("{table}.csv"))).expect("read");
        let b = fs::read(eight.join(format!("{table}.csv"))).expect("read");
        assert!(a == b, "{table}.csv differs between -j 1 and -j 8");
    }
}

/// More files than the pool holds in two chunks of 1024: every article
/// is written once, in the order of the walk, with its own date, and the
/// tables do not depend on the number of threads.
#[test]
fn many_chunks_keep_the_walk_order() {
    const MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let input = temp_dir("chunks");
    let n = 2600;
    for i in 0..n {
        let (day, month) = (i % 28 + 1, i % 12);
        let text = format!(
            "Der Klub spielt am {day}. {} 2024 in der Halle.\n",
            MONTHS[month]
        );
        fs::write(input.join(format!("a{i:05}.txt")), text).expect("write article");
    }
    let one = run_on(&input, &["-j", "1"]);
    let two = run_on(&input, &["-j", "2"]);
    for table in ["articles", "dates"] {
        let a = fs::read(one.join(format!("{table}.csv"))).expect("read");
        let b = fs::read(two.join(format!("{table}.csv"))).expect("read");
        assert!(a == b, "{table}.csv differs between -j 1 and -j 2");
    }
    let (_, articles) = read_csv(&two.join("articles.csv"));
    let ids: Vec<String> = (0..n).map(|i| format!("a{i:05}.txt")).collect();
    let written: Vec<&str> = articles.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(written, ids);
    let (header, dates) = read_csv(&two.join("dates.csv"));
    let value = header
        .iter()
        .position(|h| h == "value")
        .expect("value column");
    let got: Vec<(&str, &str)> = dates
        .iter()
        .map(|r| (r[0].as_str(), r[value].as_str()))
        .collect();
    let expected: Vec<String> = (0..n)
        .map(|i| format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1))
        .collect();
    let want: Vec<(&str, &str)> = ids
        .iter()
        .zip(&expected)
        .map(|(id, v)| (id.as_str(), v.as_str()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn dates_match_the_hand_made_gold() {
    let out = run_on(&root().join("corpus"), &[]);
    let report = anpfiff::eval::score(&root().join("fixtures").join("gold"), &out, &["dates"], 0)
        .expect("score");
    let dates = report.table("dates").expect("dates scored");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(dates.gold >= 60, "gold has {} dates", dates.gold);
    assert!(dates.value.f1 >= 0.98, "{}", report.render(30));
}

#[test]
fn dates_on_the_dev_set() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval/dev is not here");
        return;
    };
    let dev = shared.join("eval").join("dev");
    let out = run_on(&dev.join("texts"), &[]);
    let report = anpfiff::eval::score(&dev, &out, &["dates"], 0).expect("score");
    let dates = report.table("dates").expect("dates scored");
    assert!(
        !report
            .problems
            .iter()
            .any(|p| p.contains("text[start:end]")),
        "{:?}",
        report.problems
    );
    assert!(dates.value.f1 >= 0.95, "{}", report.render(30));
}

#[test]
fn the_summary_names_counts_and_speed() {
    let out = temp_dir("summary");
    let (code, stdout, _) = run(&["corpus", "-o", out.to_str().expect("path")]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("articles") && stdout.contains("MB/s") && stdout.contains("errors.csv"),
        "{stdout}"
    );
}
