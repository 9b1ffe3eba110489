//! Stage 3: split an article into sentences.
//!
//! Unicode sentence boundaries (UAX #29, via `unicode-segmentation`) break
//! German sports text in the wrong places: after every ordinal
//! (`am 7. September`, `1. FC Köln`, `2. Bundesliga`), after minute stamps
//! (`Doku (60.) Der …`), abbreviations (`Nr. 10`, `z. B.`, `Anm. d. Red.`) and
//! initials (`R. Wagner`). This module takes those boundaries and joins the
//! pieces back where the period does not end a sentence. A line break always
//! ends a sentence: headlines, fact boxes and paragraphs are never joined.

mod uax29;

use crate::lexicon::{ABBREVIATIONS, after_last};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Sentences of `text[from..]` as byte ranges into `text`, in order. Each
/// range runs up to the start of the next one, so every byte of a line
/// belongs to one sentence.
pub fn sentences(text: &str, from: usize) -> Vec<Range<usize>> {
    // news sentences run to about a hundred bytes
    let mut out: Vec<Range<usize>> = Vec::with_capacity(8 + text.len() / 128);
    let mut line_start = from.min(text.len());
    for line in lines(&text[line_start..]) {
        let base = line_start;
        line_start += line.len();
        if line.trim().is_empty() {
            // blank lines belong to the sentence before them
            if let Some(last) = out.last_mut() {
                last.end = line_start;
            }
            continue;
        }
        let mut current: Option<Range<usize>> = None;
        let starts = uax29::starts(line).unwrap_or_else(|| {
            line.split_sentence_bound_indices()
                .map(|(i, _)| i)
                .collect()
        });
        let ends = starts.iter().skip(1).copied().chain([line.len()]);
        for (i, e) in starts.iter().copied().zip(ends) {
            let range = base + i..base + e;
            current = Some(match current {
                Some(cur) if joins(&text[cur.clone()]) => cur.start..range.end,
                Some(cur) => {
                    out.push(cur);
                    range
                }
                None => range,
            });
        }
        if let Some(cur) = current {
            out.push(cur);
        }
    }
    out
}

/// The lines of `text`, each with its `\n` (as `str::split_inclusive`),
/// found with a vectorised search.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at_checked(end)?;
        rest = tail;
        Some(line)
    })
}

/// The 1-based index of the sentence holding byte `pos`.
pub fn sentence_index(sentences: &[Range<usize>], pos: usize) -> usize {
    match sentences.binary_search_by(|s| s.start.cmp(&pos)) {
        Ok(i) => i + 1,
        Err(0) => 1,
        Err(i) => i,
    }
}

/// Whether the piece before a UAX #29 boundary ends with a period that does
/// not end a sentence.
fn joins(piece: &str) -> bool {
    let t = piece.trim_end();
    if t.ends_with(')') {
        return is_minute_stamp(t);
    }
    let Some(body) = t.strip_suffix('.') else {
        return false;
    };
    // the last token, as written
    let token_start = body
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '[' || c == '/')
        .map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &t[token_start..];
    let word = &body[token_start..];
    if word.is_empty() {
        return false;
    }
    // an ordinal or a minute: `7.`, `1.`, `Weltranglisten-357.`, `90.`
    let digits = after_last(word, b'-').unwrap_or(word);
    if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // a date without year: `7.9.` joins only what follows on the line
    if short_numbers(word) {
        return true;
    }
    // an initial or one-letter abbreviation: `R.`, `z.`, `d.`
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    ABBREVIATIONS.contains(token)
}

/// `word` is numbers of one or two digits joined by dots (`7.9`).
fn short_numbers(word: &str) -> bool {
    let mut run = 0;
    for b in word.bytes() {
        match b {
            b'0'..=b'9' if run < 2 => run += 1,
            b'.' if run > 0 => run = 0,
            _ => return false,
        }
    }
    run > 0
}

/// `(42.)`, `(90.+2)`, `(45.+1.)` at the end of a piece.
fn is_minute_stamp(t: &str) -> bool {
    let Some(open) = t.bytes().rposition(|b| b == b'(') else {
        return false;
    };
    let inner = &t[open + 1..t.len() - 1];
    let first = inner
        .bytes()
        .position(|b| b == b'+')
        .map_or(inner, |i| &inner[..i])
        .trim();
    first.ends_with('.')
        && first.len() >= 2
        && first[..first.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_inclusive() {
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "\n\nä\n",
            "Tor!\n\nAus.\nEnde",
        ] {
            assert_eq!(
                lines(t).collect::<Vec<_>>(),
                t.split_inclusive('\n').collect::<Vec<_>>()
            );
        }
    }

    fn split(text: &str) -> Vec<String> {
        sentences(text, 0)
            .into_iter()
            .map(|r| text[r].trim().to_string())
            .collect()
    }

    /// (text, expected number of sentences)
    const CASES: &[(&str, usize)] = &[
        (
            "Das Spiel findet am 7. September statt. Danach ist Pause.",
            2,
        ),
        ("Am Sonntag, 7. September 2025, verlor Kasachstan.", 1),
        ("Der 1. FC Köln gewann. Der 1. FC Union verlor.", 2),
        ("Er spielt in der 2. Bundesliga. Sie nicht.", 2),
        ("Das Tor fiel am 3. Dezember. Es war kalt.", 2),
        ("Die Partie steigt am 3. Ende offen.", 1),
        ("Kevin De Bruyne (42.) traf. Dann Doku.", 2),
        ("Das 1:0 durch Doku (60.) Der Rest war Formsache.", 1),
        ("Der Ausgleich fiel spät (90.+2) Danach war Schluss.", 1),
        ("Es stand 3:1 (63.). Danach kam nichts mehr.", 2),
        ("Er trägt die Nr. 10 im Team. Das ist neu.", 2),
        ("Das Stadion in St. Pölten war voll. Zuschauer kamen.", 2),
        ("Dr. Müller untersuchte ihn. Er ist fit.", 2),
        ("Viele Klubs, z. B. Mainz, sind interessiert. Gut.", 2),
        ("Einige Spieler, u. a. Kane, fehlten. Schade.", 2),
        (
            "Der Vertrag (in Almaty, Anm. d. Red.) läuft. Noch ein Jahr.",
            2,
        ),
        ("Er kommt bzw. geht. Mal sehen.", 2),
        ("R. Wagner wurde eingewechselt. J. Eggestein auch.", 2),
        ("Der Weltranglisten-357. gewann. Das war neu.", 2),
        ("Er wurde am 7.9. Meister. Dann feierte er.", 2),
        ("Er kam in der 90. Minute. Dann war Schluss.", 2),
        (
            "Tore: 1:0 Müller (12.), 2:0 Kane (45.+2). Zuschauer: 40000.",
            2,
        ),
        ("Es war das 2:1. Was für ein Spiel!", 2),
        ("Wer gewinnt? Das weiß niemand.", 2),
        ("Das ist der 25. Titel. Rekord!", 2),
        ("Anpfiff war um 20.45 Uhr. Es regnete.", 2),
        ("Am 07.09.2024 spielten sie. Dann reisten sie ab.", 2),
        ("Ca. 2000 Zuschauer kamen. Es war laut.", 2),
        ("„Wir sind enttäuscht.“ Das sagte er danach.", 2),
        ("Die 1. Halbzeit gehörte Bayern. Die 2. Halbzeit auch.", 2),
        ("Zwei Tore (24., 30.) machte Ferriero. Dann ging er.", 2),
        ("Gelb: Müller (78.) Rot: Meier (80.).", 1),
        ("Erste Zeile.\nZweite Zeile ohne Punkt\nDritte", 3),
        ("Platz eins.\n\nNeuer Absatz. Noch ein Satz.", 3),
    ];

    #[test]
    fn tricky_german_cases() {
        for (text, n) in CASES {
            let got = split(text);
            assert_eq!(got.len(), *n, "{text:?} → {got:?}");
        }
    }

    #[test]
    fn ranges_cover_text_in_order() {
        let text = "A ist da. B auch.\n\nC (42.) kommt. D.";
        let s = sentences(text, 0);
        assert_eq!(s.first().map(|r| r.start), Some(0));
        for w in s.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert_eq!(sentence_index(&s, 0), 1);
        assert_eq!(sentence_index(&s, text.find('B').unwrap_or(0)), 2);
        assert_eq!(sentence_index(&s, text.find('D').unwrap_or(0)), 4);
    }

    #[test]
    fn starts_after_header() {
        let text = "date: 2024-01-01\nEin Satz. Zwei.";
        let s = sentences(text, 17);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].start, 17);
    }
}
