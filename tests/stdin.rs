//! `-` input: JSON Lines on standard input, and the line filter
//! `anpfiff - --format jsonl -o -` that Spark and Hadoop Streaming run.

mod common;

use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn filter() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_anpfiff"));
    cmd.args(["-", "--format", "jsonl", "-o", "-", "-q"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Pipes `input` through the filter; returns exit code and output rows.
fn pipe(input: &str, extra: &[&str]) -> (i32, Vec<Value>, String) {
    let mut child = filter().args(extra).spawn().expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer").expect("write stdin");
    let rows = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (
        out.status.code().unwrap_or(-1),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_filter_turns_articles_into_rows() {
    let input = [
        r#"{"id": "spiel-1", "text": "Hausen gewann am Sonntag 3:1 gegen Talheim.", "date": "2024-05-14"}"#,
        "kein json",
        "",
        "{\"text\": \"date: 2023-03-01\\nAm Freitag siegte Hausen 2:0.\"}",
        r#"{"id": 7, "text": "Der 23-jährige Jonas Keller traf am 7. Mai 2016.", "date": "2016-05-08T10:00:00+02:00"}"#,
        r#"{"id": "x", "text": "Text", "date": "gestern"}"#,
    ]
    .join("\n");
    let (code, rows, err) = pipe(&input, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "-q: nothing on stderr: {err}");
    let of = |table: &str| -> Vec<&Value> { rows.iter().filter(|r| r["table"] == table).collect() };
    let articles = of("articles");
    let ids: Vec<&str> = articles
        .iter()
        .map(|r| r["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["spiel-1", "stdin:4", "7"]);
    assert_eq!(articles[0]["path"], "stdin:1");
    assert_eq!(articles[0]["encoding"], "jsonl/utf-8");
    // the date field anchors the weekday: Sunday before Tuesday 2024-05-14
    let dates = of("dates");
    assert_eq!(dates[0]["text"], "Sonntag");
    assert_eq!(dates[0]["value"], "2024-05-12");
    // without a date field the text's own header is read
    assert_eq!(articles[1]["published"], "2023-03-01");
    assert_eq!(dates[1]["value"], "2023-02-24");
    // a timestamp keeps its day
    assert_eq!(articles[2]["published"], "2016-05-08");
    assert_eq!(of("ages")[0]["age"], 23);
    // bad lines are errors rows with their line number; the blank line is skipped
    let errors = of("errors");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["path"], "stdin:2");
    assert!(
        errors[0]["error"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );
    assert_eq!(errors[1]["path"], "stdin:6");
    assert!(errors[1]["error"].as_str().unwrap().contains("not a date"));
    // rows in input order: each article's rows follow its articles row
    let first_date = rows.iter().position(|r| r["table"] == "dates").unwrap();
    let second_article = rows
        .iter()
        .position(|r| r["article_id"] == "stdin:4")
        .unwrap();
    assert!(first_date < second_article);
}

#[test]
fn empty_input_is_fine_and_all_bad_is_not() {
    let (code, rows, _) = pipe("", &[]);
    assert_eq!((code, rows.len()), (0, 0));
    let (code, rows, err) = pipe("nicht json\n", &["--only", "dates"]);
    assert_eq!(code, 1);
    assert_eq!(rows.len(), 1);
    assert!(err.contains("no article"), "{err}");
}

#[test]
fn rows_stream_out_before_the_input_ends() {
    // 300 lines: the first chunk of 256 must come out while stdin is open.
    // Only articles rows (about 40 kB for the chunk, less than the write
    // buffer), so they arrive early only because every chunk is flushed.
    let mut child = filter().args(["--only", "dates"]).spawn().expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    for i in 0..300 {
        writeln!(stdin, r#"{{"id": "a{i}", "text": "Hausen gewann."}}"#).expect("write");
    }
    stdin.flush().expect("flush");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(|l| l.ok());
        let _ = tx.send(first);
        lines.count() + 1
    });
    let first = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("a row arrives while stdin is still open");
    assert!(first.expect("a line").contains("\"article_id\":\"a0\""));
    drop(stdin);
    let status = child.wait().expect("wait");
    assert!(status.success());
    assert_eq!(reader.join().expect("reader"), 300);
}

#[test]
fn stdin_into_a_folder() {
    let out = temp_dir("stdin-folder");
    let args = ["-", "-o", out.to_str().expect("p"), "-q", "--keep-text"];
    let input = b"{\"id\": \"../../weg\", \"text\": \"Am 7. Mai 2016 siegte Hausen.\"}\n";
    assert!(run_with_stdin(&args, input));
    let (_, dates) = read_csv(&out.join("dates.csv"));
    assert_eq!(dates[0][0], "../../weg");
    // the id cannot write outside texts/
    let saved = out.join("texts").join("%2E%2E").join("%2E%2E").join("weg");
    assert_eq!(
        std::fs::read_to_string(saved).expect("text saved inside texts/"),
        "Am 7. Mai 2016 siegte Hausen."
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_filter_quietly() {
    // `anpfiff - --format jsonl -o - | head -1`: the reader goes away after
    // one line; the filter must stop without an error message or status
    let mut child = filter()
        .stderr(Stdio::piped())
        .spawn()
        .expect("start anpfiff");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        for i in 0..2000 {
            let line = format!(
                "{{\"id\": \"a{i}\", \"text\": \"Der FC gewann am 3. Mai 2:1 (1:0). Müller (12.) traf.\"}}\n"
            );
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("first line");
    assert!(first.contains("\"table\":\"articles\""), "{first}");
    // dropping the reader closes the pipe
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    assert!(out.status.success(), "status {:?}", out.status);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("Broken pipe"), "{err}");
}
