//! Finding the number pairs `N:M` that are game scores.

use crate::lexicon::letters::{alphanumeric, decimal_digit as digit};
use crate::lexicon::lower::{ROOM, contains_bytes, lower};
use crate::lexicon::{
    SCORE_AFTER_BLOCKERS, SCORE_BLOCKERS, SCORE_COMPOUND_BLOCKERS, STAT_STEMS, TIME_UNITS, lowered,
};
use std::borrow::Cow;

/// The pattern of a number pair, kept as the reference of [`raw_pairs`]
/// (tests).
#[cfg(test)]
static PAIR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(\d{1,3})( ?):( ?)(\d{1,3})").expect("constant regex")
});

/// One `N:M` as the pattern `(\d{1,3})( ?):( ?)(\d{1,3})` finds it: byte
/// spans of the whole pair and of both numbers, and whether a blank
/// stands at the colon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawPair {
    pub start: usize,
    pub end: usize,
    pub left: (usize, usize),
    pub right: (usize, usize),
    pub spaced: bool,
}

/// Every match of the number-pair pattern in `s`, in order, found from
/// the colons (`memchr`): most texts have a few, and the pattern has no
/// literal its search could start from but the colon.
///
/// Matched as the regex does: leftmost first and without overlap, so a
/// pair starts at most three digits before its colon (or its blank), never
/// before the end of the pair before it, and its right number takes up to
/// three digits.
pub fn raw_pairs(s: &str) -> impl Iterator<Item = RawPair> + '_ {
    let b = s.as_bytes();
    let mut cursor = 0;
    memchr::memchr_iter(b':', b).filter_map(move |colon| {
        if colon < cursor {
            return None;
        }
        let m = pair_at(s, cursor, colon)?;
        cursor = m.end;
        Some(m)
    })
}

/// The pair around the colon at `colon`, starting at `cursor` or later.
fn pair_at(s: &str, cursor: usize, colon: usize) -> Option<RawPair> {
    let b = s.as_bytes();
    let blank_before = colon > cursor && b.get(colon - 1) == Some(&b' ');
    let l_end = if blank_before { colon - 1 } else { colon };
    let mut l_start = l_end;
    for (i, c) in s.get(cursor..l_end)?.char_indices().rev().take(3) {
        if !digit(c) {
            break;
        }
        l_start = cursor + i;
    }
    let blank_after = b.get(colon + 1) == Some(&b' ');
    let r_start = colon + 1 + usize::from(blank_after);
    let mut r_end = r_start;
    for (i, c) in s.get(r_start..)?.char_indices().take(3) {
        if !digit(c) {
            break;
        }
        r_end = r_start + i + c.len_utf8();
    }
    (l_start < l_end && r_start < r_end).then_some(RawPair {
        start: l_start,
        end: r_end,
        left: (l_start, l_end),
        right: (r_start, r_end),
        spaced: blank_before || blank_after,
    })
}

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
    for m in raw_pairs(body) {
        let (Some(l), Some(r)) = (body.get(m.left.0..m.left.1), body.get(m.right.0..m.right.1))
        else {
            continue;
        };
        let start = from + m.start;
        let end = from + m.end;
        if !is_score(text, start, end, l, r, m.spaced) {
            continue;
        }
        let (Ok(left), Ok(right)) = (l.parse(), r.parse()) else {
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
///
/// The words of `split(|c| !c.is_alphanumeric() && c != '.' && c != '-')`
/// from the end, read backwards until `n` are found: ASCII by its bytes,
/// other characters decoded and looked up in [`alphanumeric`]'s tables.
pub fn words_before(text: &str, pos: usize, n: usize) -> Vec<Cow<'_, str>> {
    let before = text.get(..pos).unwrap_or("");
    let b = before.as_bytes();
    let mut out = Vec::with_capacity(n);
    if n == 0 {
        return out;
    }
    let mut word_end = None;
    let mut i = b.len();
    while i > 0 {
        // the character ending at byte `i`
        let (at, part) = match b.get(i - 1) {
            Some(&c) if c < 0x80 => (i - 1, c.is_ascii_alphanumeric() || c == b'.' || c == b'-'),
            _ => {
                let c = before
                    .get(..i)
                    .and_then(|h| h.chars().next_back())
                    .unwrap_or(' ');
                (i - c.len_utf8(), alphanumeric(c))
            }
        };
        match (part, word_end) {
            (true, None) => word_end = Some(i),
            (false, Some(e)) => {
                word_end = None;
                out.push(lowered(before.get(i..e).unwrap_or("")));
                if out.len() == n {
                    return out;
                }
            }
            _ => {}
        }
        i = at;
    }
    if let Some(e) = word_end {
        out.push(lowered(before.get(..e).unwrap_or("")));
    }
    out
}

/// The words right after byte `pos`, as written.
///
/// The words of `split(|c| c.is_whitespace() || c == ',' || c == ';')`:
/// ASCII separators are told by their bytes, other characters decoded.
pub fn words_after(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let after = text.get(pos..).unwrap_or("");
    let b = after.as_bytes();
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    let mut i = 0;
    while out.len() < n {
        let (len, sep) = match b.get(i) {
            None => (0, true),
            Some(&c) if c < 0x80 => (
                1,
                c.is_ascii_whitespace() || c == 0x0b || c == b',' || c == b';',
            ),
            _ => {
                let c = after.get(i..).and_then(|r| r.chars().next()).unwrap_or('x');
                (c.len_utf8(), c.is_whitespace())
            }
        };
        if sep {
            if i > start {
                out.extend(after.get(start..i));
            }
            if i >= b.len() {
                break;
            }
            start = i + len;
        }
        i += len;
    }
    out
}

/// A separator of [`words_after`].
fn separator(c: char) -> bool {
    c.is_whitespace() || c == ',' || c == ';'
}

/// The first word of `after` on its line: the first of [`words_after`]
/// of the text up to the next line break, without looking for the break
/// (a paragraph is one line: it could be far).
fn word_on_line(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches(separator);
    // a line break among the separators: the word is on another line
    if after.get(..after.len() - rest.len())?.contains('\n') {
        return None;
    }
    let len = rest.find(separator).unwrap_or(rest.len());
    rest.get(..len).filter(|w| !w.is_empty())
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
    if let Some(w) = word_on_line(after) {
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
        .any(|w| STAT_STEMS.iter().any(|s| contains_bytes(w, s)))
    {
        return false;
    }
    // `1:1-Situation`
    if let Some(head) = after.strip_prefix('-') {
        let len = head
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(head.len(), |(i, _)| i);
        let mut buf = [0; ROOM];
        if SCORE_COMPOUND_BLOCKERS.contains(&lower(head.get(..len).unwrap_or(""), &mut buf)) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The matches of the pattern, as [`raw_pairs`] gives them.
    fn reference(s: &str) -> Vec<RawPair> {
        PAIR.captures_iter(s)
            .filter_map(|c| {
                let (all, l, r) = (c.get(0)?, c.get(1)?, c.get(4)?);
                Some(RawPair {
                    start: all.start(),
                    end: all.end(),
                    left: (l.start(), l.end()),
                    right: (r.start(), r.end()),
                    spaced: c.get(2).is_some_and(|m| !m.is_empty())
                        || c.get(3).is_some_and(|m| !m.is_empty()),
                })
            })
            .collect()
    }

    /// The words before, as the split found them.
    fn words_reference(text: &str, pos: usize, n: usize) -> Vec<Cow<'_, str>> {
        let before = text.get(..pos).unwrap_or("");
        before
            .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
            .filter(|w| !w.is_empty())
            .rev()
            .take(n)
            .map(lowered)
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn same_pairs_as_the_pattern(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "1", "2", "0", "12", "345", ":", ":", " ", "  ", "٣", "x", "ü", ".", "-", "\n",
            ]), 0..24),
        ) {
            let s: String = v.concat();
            prop_assert_eq!(raw_pairs(&s).collect::<Vec<_>>(), reference(&s), "{:?}", s);
        }

        #[test]
        fn same_words_after_as_the_split(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\n", "\t", "\u{b}", "\u{c}", "\r", ",", ";", "\u{a0}", "\u{2009}", "\u{85}",
                "Uhr", "x", "ü", ")", "\u{1c}",
            ]), 0..12),
            pos in 0usize..12,
            n in 0usize..6,
        ) {
            let text: String = v.concat();
            let pos = text.floor_char_boundary(pos.min(text.len()));
            let plain: Vec<&str> = text
                .get(pos..)
                .unwrap_or("")
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .filter(|w| !w.is_empty())
                .take(n)
                .collect();
            prop_assert_eq!(words_after(&text, pos, n), plain, "{:?}", text);
        }

        #[test]
        fn same_word_on_the_line(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\n", ",", ";", "\u{a0}", "Uhr", "x", "ü", ")",
            ]), 0..10),
            end in 0usize..12,
        ) {
            let text: String = v.concat();
            let end = text.floor_char_boundary(end.min(text.len()));
            let after = text.get(end..).unwrap_or("");
            let line_end = after.find('\n').map_or(text.len(), |i| end + i);
            let plain = words_after(text.get(..line_end).unwrap_or(&text), end, 1).first().copied();
            prop_assert_eq!(word_on_line(after), plain, "{:?}", text);
        }

        #[test]
        fn same_words_before_as_the_split(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Um", "gegen", " ", ".", "-", ",", "Ü", "ß", "²", "½", "–", "„", "7", "İ", "x",
            ]), 0..16),
            pos in 0usize..40,
            n in 0usize..6,
        ) {
            let s: String = v.concat();
            let pos = s.floor_char_boundary(pos.min(s.len()));
            prop_assert_eq!(words_before(&s, pos, n), words_reference(&s, pos, n), "{:?}", s);
        }
    }

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
