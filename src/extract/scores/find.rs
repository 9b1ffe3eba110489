//! Finding the number pairs `N:M` that are game scores.

use crate::lexicon::{
    SCORE_AFTER_BLOCKERS, SCORE_BLOCKERS, SCORE_COMPOUND_BLOCKERS, STAT_STEMS, TIME_UNITS, lowered,
};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

static PAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,3})( ?):( ?)(\d{1,3})").expect("constant regex"));

/// One `N:M` that passed the filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Byte span of `N:M` as written (`1 :0` keeps its blank).
    pub start: usize,
    pub end: usize,
    pub left: u32,
    pub right: u32,
}

/// Every score-like `N:M` in `text[from..]`, in order.
pub fn pairs(text: &str, from: usize) -> Vec<Pair> {
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in PAIR.captures_iter(body) {
        let (Some(all), Some(l), Some(r)) = (c.get(0), c.get(1), c.get(4)) else {
            continue;
        };
        let spaced =
            c.get(2).is_some_and(|m| !m.is_empty()) || c.get(3).is_some_and(|m| !m.is_empty());
        let start = from + all.start();
        let end = from + all.end();
        if !is_score(text, start, end, l.as_str(), r.as_str(), spaced) {
            continue;
        }
        let (Ok(left), Ok(right)) = (l.as_str().parse(), r.as_str().parse()) else {
            continue;
        };
        out.push(Pair {
            start,
            end,
            left,
            right,
        });
    }
    out
}

/// The lower-cased words right before byte `pos`, nearest first.
pub fn words_before(text: &str, pos: usize, n: usize) -> Vec<Cow<'_, str>> {
    let before = text.get(..pos).unwrap_or("");
    before
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(lowered)
        .collect()
}

/// The words right after byte `pos`, as written.
pub fn words_after(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let after = text.get(pos..).unwrap_or("");
    after
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .take(n)
        .collect()
}

fn is_score(text: &str, start: usize, end: usize, l: &str, r: &str, spaced: bool) -> bool {
    let prev = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).unwrap_or("");
    let mut next = after.chars();
    let n1 = next.next();
    let n2 = next.next();
    // part of a longer number chain: `1:21:13`, `+0:23,0`, `1:35.2`, `12.5:3`
    if prev.is_some_and(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '±')) {
        return false;
    }
    if n1 == Some(':') || (matches!(n1, Some('.')) && n2.is_some_and(|c| c.is_ascii_digit())) {
        return false;
    }
    if n1 == Some(',') && n2.is_some_and(|c| c.is_ascii_digit()) {
        // `7:5,6:3` continues a set list; `0:23,0` is a time
        let tail = after.get(1..).unwrap_or("");
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if tail.as_bytes().get(digits) != Some(&b':') {
            return false;
        }
    }
    // minutes and seconds: `3:05`
    if (r.len() >= 2 && r.starts_with('0')) || (l.len() >= 2 && l.starts_with('0')) {
        return false;
    }
    // fact-box scores written with a blank (`1 :0 Poulsen`) need a name after
    if spaced {
        let rest = after.trim_start_matches(' ');
        if !(after.starts_with(' ') && rest.chars().next().is_some_and(char::is_uppercase)) {
            return false;
        }
    }
    // clock times and durations: `20:45 Uhr`, `in 1:35 Stunden`, `um 15:30`
    // (the word after on the same line: a result line is followed by `Tore:`)
    let line_end = after.find('\n').map_or(text.len(), |i| end + i);
    if let Some(w) = words_after(text.get(..line_end).unwrap_or(text), end, 1).first() {
        let w = w.trim_end_matches([')', '.', ',', ':']);
        if TIME_UNITS.contains(w) || SCORE_AFTER_BLOCKERS.contains_lower(w) {
            return false;
        }
    }
    if after.starts_with('h') && !after.chars().nth(1).is_some_and(char::is_alphabetic) {
        return false;
    }
    let before4 = words_before(text, start, 4);
    let before = before4.get(..2).unwrap_or(&before4);
    if before
        .first()
        .is_some_and(|w| w == "um" || w == "gegen" && l.len() == 2 && r.len() == 2)
    {
        return false;
    }
    if before.iter().any(|w| SCORE_BLOCKERS.contains(w)) {
        return false;
    }
    // `das Reboundduell ging mit 41:33 an …`: a statistic
    if before4
        .iter()
        .any(|w| STAT_STEMS.iter().any(|s| w.contains(*s)))
    {
        return false;
    }
    // `1:1-Situation`
    if let Some(head) = after.strip_prefix('-') {
        let word: String = head
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if SCORE_COMPOUND_BLOCKERS.contains(&word) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(u32, u32)> {
        pairs(t, 0).iter().map(|p| (p.left, p.right)).collect()
    }

    #[test]
    fn scores_and_compounds() {
        assert_eq!(found("Nach der 0:6-Klatsche"), [(0, 6)]);
        assert_eq!(found("die 2:1-Führung"), [(2, 1)]);
        assert_eq!(found("ein 3:2-(0:1)-Heimsieg"), [(3, 2), (0, 1)]);
        assert_eq!(
            found("Tore: 1 :0 Poulsen (12.) 2: 1 Guilavogui"),
            [(1, 0), (2, 1)]
        );
        assert_eq!(found("mit 89:76 gewonnen"), [(89, 76)]);
        assert_eq!(found("7:6(5),6:3,7:5"), [(7, 6), (6, 3), (7, 5)]);
    }

    #[test]
    fn not_scores() {
        assert!(found("Anstoß um 20:45 Uhr.").is_empty());
        assert!(found("Anstoß 20.45 Uhr.").is_empty());
        assert!(found("Er lief in 1:35 Stunden ins Ziel.").is_empty());
        assert!(found("Seine Zeit: 1:21:13.").is_empty());
        assert!(found("Rückstand +0:23,0 Min.").is_empty());
        assert!(found("Nach 3:05 Stunden war Schluss.").is_empty());
        assert!(found("im Verhältnis 2:1 geteilt").is_empty());
        assert!(found("Torschüsse 12:5 für Bayern").is_empty());
        assert!(found("in einer 1:1-Situation").is_empty());
        assert!(found("trotz 18:5 Torschüssen").is_empty());
        assert!(found("1. Hamburg, 5:3 Tore, 7 Punkte").is_empty());
        assert!(found("es steht 2 : 1 für").is_empty());
        assert!(found("Das Reboundduell ging mit 38:30 an Ulm.").is_empty());
        assert!(found("Bei den Assists stand es 22:15.").is_empty());
        // the next line's label is not the score's unit
        assert_eq!(found("Adorf – Bedorf 2:1\n\nTore: Kask (12.)"), [(2, 1)]);
    }
}
