//! Bad input never stops a run: it becomes a row in errors.csv.

mod common;

use common::*;
use std::fs;

#[test]
fn bad_files_go_to_errors_and_good_ones_still_count() {
    let input = temp_dir("bad");
    fs::write(
        input.join("good.txt"),
        "date: 2024-05-12\nBayern gewann am Sonntag 3:1.",
    )
    .expect("write");
    fs::write(input.join("empty.txt"), "").expect("write");
    fs::write(input.join("bild.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").expect("write");
    fs::write(input.join("notes.csv"), "not an article").expect("write");
    let out = run_on(&input, &[]);
    let (_, articles) = read_csv(&out.join("articles.csv"));
    let (_, errors) = read_csv(&out.join("errors.csv"));
    let ids: Vec<&str> = articles.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["good.txt"]);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e[0].ends_with("empty.txt") && e[1].contains("empty"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e[0].ends_with("bild.txt") && e[1].contains("binary"))
    );
}

#[test]
fn exit_status_and_messages() {
    // nothing processable: exit 1 with a message
    let input = temp_dir("none");
    fs::write(input.join("empty.txt"), "").expect("write");
    let out = temp_dir("none-out");
    let (code, _, err) = run(&[input.to_str().expect("p"), "-o", out.to_str().expect("p")]);
    assert_eq!(code, 1);
    assert!(err.contains("no article"), "{err}");
    // usage error: exit 2
    let (code, _, _) = run(&["--no-such-flag"]);
    assert_eq!(code, 2);
    // an output folder that cannot be created
    let blocker = temp_dir("blocker").join("file");
    fs::write(&blocker, "x").expect("write");
    let target = blocker.join("out");
    let (code, _, err) = run(&["corpus", "-o", target.to_str().expect("p")]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot write to output folder"), "{err}");
}

#[test]
fn windows_1252_is_decoded_and_recorded() {
    let input = temp_dir("cp1252");
    fs::write(
        input.join("alt.txt"),
        b"\x84Sch\xf6n\x93, sagte M\xfcller am 7. Mai 2016.",
    )
    .expect("write");
    let out = run_on(&input, &[]);
    let (header, rows) = read_csv(&out.join("articles.csv"));
    let enc = header
        .iter()
        .position(|h| h == "encoding")
        .expect("encoding column");
    assert_eq!(rows[0][enc], "windows-1252");
    let (_, dates) = read_csv(&out.join("dates.csv"));
    assert_eq!(dates[0][4], "7. Mai 2016");
    assert_eq!(dates[0][2], "25"); // character offset, not byte offset (28)
}
