//! The command line: `--help`, `--only`, messages, and silence when
//! standard error is not a terminal.

mod common;

use common::*;
use std::fs;

#[test]
fn help_explains_every_option_with_an_example() {
    let (code, help, _) = run(&["--help"]);
    assert_eq!(code, 0);
    let options = [
        "--out",
        "--format",
        "--excel",
        "--delimiter",
        "--only",
        "--shard",
        "--keep-text",
        "--jobs",
        "--no-formula-guard",
        "--quiet",
    ];
    let lines: Vec<&str> = help.lines().collect();
    // option lines are indented by two or six spaces, their text by ten
    let is_option_line = |l: &str| {
        let indent = l.len() - l.trim_start().len();
        indent <= 6 && l.trim_start().starts_with('-')
    };
    for option in options {
        let at = lines
            .iter()
            .position(|l| {
                is_option_line(l)
                    && l.split(|c: char| c.is_whitespace() || c == ',')
                        .any(|w| w == option)
            })
            .unwrap_or_else(|| panic!("{option} missing from --help"));
        let section: Vec<&str> = lines[at + 1..]
            .iter()
            .take_while(|l| !is_option_line(l))
            .copied()
            .collect();
        assert!(
            section
                .iter()
                .any(|l| l.trim_start().starts_with("Example")),
            "{option} has no example:\n{}",
            section.join("\n")
        );
    }
    assert!(
        help.contains("[INPUT]") && help.contains("anpfiff - "),
        "{help}"
    );
    assert!(help.contains("Exit status"), "{help}");
}

#[test]
fn only_runs_the_named_tables() {
    let out = temp_dir("only");
    let (code, stdout, err) = run(&[
        "corpus",
        "-o",
        out.to_str().expect("p"),
        "--only",
        "dates,goals",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut files: Vec<String> = fs::read_dir(&out)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["articles.csv", "dates.csv", "errors.csv", "goals.csv"]
    );
    let (header, _) = read_csv(&out.join("articles.csv"));
    assert_eq!(header.last().map(String::as_str), Some("goals"));
    assert!(!header.contains(&"scores".to_string()));
    assert!(
        stdout.contains("dates") && !stdout.contains("scores"),
        "{stdout}"
    );
    // same dates rows as a full run
    let full = run_on(&root().join("corpus"), &[]);
    assert_eq!(
        read_csv(&out.join("dates.csv")),
        read_csv(&full.join("dates.csv"))
    );
    // matches: scores and goals, and the matches table
    let out = run_on(&root().join("corpus"), &["--only", "matches"]);
    assert!(out.join("matches.csv").exists() && out.join("scores.csv").exists());
    assert!(!out.join("dates.csv").exists());
    assert_eq!(
        read_csv(&out.join("matches.csv")),
        read_csv(&full.join("matches.csv"))
    );
    // unknown names: a usage error naming the valid ones
    let (code, _, err) = run(&["corpus", "--only", "dates,tore"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\"tore\"") && err.contains("dates, scores, goals, ages, quotes, matches")
    );
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let out = temp_dir("quiet-progress");
    let (code, stdout, stderr) = run(&["corpus", "-o", out.to_str().expect("p")]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "stderr: {stderr:?}");
    assert!(stdout.starts_with("anpfiff: read 26 articles"), "{stdout}");
    let (_, stdout, stderr) = run(&["corpus", "-o", out.to_str().expect("p"), "-q"]);
    assert!(stdout.is_empty() && stderr.is_empty());
}

#[test]
fn errors_say_what_to_do() {
    let (code, _, err) = run(&["corpus", "-o", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("needs --format jsonl"), "{err}");
    let (code, _, err) = run(&["-", "corpus"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be combined"), "{err}");
    let (code, _, err) = run(&["-", "--format", "jsonl", "-o", "-", "--keep-text"]);
    assert_eq!(code, 2);
    assert!(err.contains("--keep-text"), "{err}");
    let blocker = temp_dir("blocked").join("file");
    fs::write(&blocker, "x").expect("write");
    let (code, _, err) = run(&["corpus", "-o", blocker.join("out").to_str().expect("p")]);
    assert_eq!(code, 1);
    assert!(err.contains("choose another folder with -o"), "{err}");
}
