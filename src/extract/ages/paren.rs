//! `(44)`: a number of one or two digits in parentheses, found from its
//! opening parenthesis.
//!
//! The pattern `\((\d{1,2})\)` is the definition. Its search stopped at
//! every `(` of the text (minute stamps, scores, clubs' leagues) and ran
//! an automaton there, with captures; most of these are answered by the
//! next two or three bytes. A digit beyond ASCII (`\d` is every decimal
//! digit of Unicode) is left to the pattern itself, on the few bytes
//! after the parenthesis.

use regex::Regex;
use std::sync::LazyLock;

/// `(44)`, the definition.
static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\d{1,2})\)").expect("constant regex"));

/// One `(44)`: the byte span of the whole and of the digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Paren {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) digits: (usize, usize),
}

/// Every `(44)` of `text`, in order (what `PAREN.captures_iter` finds).
pub(super) fn parens(text: &str) -> impl Iterator<Item = Paren> + '_ {
    memchr::memchr_iter(b'(', text.as_bytes()).filter_map(move |p| at(text, p))
}

/// The `(44)` that starts at byte `p` (a `(`), if any.
fn at(text: &str, p: usize) -> Option<Paren> {
    let bytes = text.as_bytes();
    let byte = |i: usize| bytes.get(p + i).copied().unwrap_or(0);
    let paren = |len: usize| Paren {
        start: p,
        end: p + len + 2,
        digits: (p + 1, p + 1 + len),
    };
    match (byte(1), byte(2), byte(3)) {
        (b'0'..=b'9', b')', _) => Some(paren(1)),
        (b'0'..=b'9', b'0'..=b'9', b')') => Some(paren(2)),
        // a first digit, then another character: only a digit beyond ASCII
        // can still make a match
        (b'0'..=b'9', second, _) if second.is_ascii() => None,
        (first, _, _) if first.is_ascii() && !first.is_ascii_digit() => None,
        _ => by_pattern(text, p),
    }
}

/// [`at`] decided by the pattern, on the bytes a match can span: `(`, two
/// characters of up to four bytes, `)`.
fn by_pattern(text: &str, p: usize) -> Option<Paren> {
    let mut end = (p + 10).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let c = PAREN.captures(text.get(p..end)?)?;
    let (all, digits) = (c.get(0)?, c.get(1)?);
    (all.start() == 0).then_some(Paren {
        start: p,
        end: p + all.end(),
        digits: (p + digits.start(), p + digits.end()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn finds_what_the_pattern_finds(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "(", ")", "1", "4", "0", "9", "٣", "１", "߁", "a", "ä", " ", ".", "((", "(4", "4)",
                "𝟙", "²",
            ]), 0..30),
        ) {
            let text: String = v.concat();
            let want: Vec<Paren> = PAREN
                .captures_iter(&text)
                .filter_map(|c| {
                    let (all, d) = (c.get(0)?, c.get(1)?);
                    Some(Paren { start: all.start(), end: all.end(), digits: (d.start(), d.end()) })
                })
                .collect();
            let got: Vec<Paren> = parens(&text).collect();
            prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    #[test]
    fn ages_in_parentheses() {
        fn spans(t: &str) -> Vec<&str> {
            parens(t).map(|p| &t[p.start..p.end]).collect()
        }
        assert_eq!(
            spans("Ali Aliev (44) und (7), (123) (1.) (٣٤)"),
            ["(44)", "(7)", "(٣٤)"]
        );
        assert!(spans("((1) (").len() == 1);
    }
}
