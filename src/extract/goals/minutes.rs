//! The two minute patterns, matched by hand:
//!
//! - in a stamp, `(\d{1,3})\.(?:\s?\+\s?(\d{1,2})\.?)?(?:\s?Minute\b)?`
//!   (`42.`, `90.+ 2.`, `20. Minute`), from the periods of the stamp;
//! - in prose, `\b(\d{1,3}\.|[a-zäöüß]+ten)\s(Minute)\b` (`50. Minute`,
//!   `zwölften Minute`), from the occurrences of `Minute`.
//!
//! The prose pattern ran over every article, and the stamp pattern over
//! every parenthesis that opens with a digit; each search with captures
//! cost about a thousand instructions, most articles have no `Minute` at
//! all. Both are matched as the regex crate matches them (leftmost first,
//! no overlap, `\d` and `\s` of Unicode, `\b` of ASCII: the tests keep
//! the patterns and compare).

use crate::lexicon::letters::ascii_boundary;
use crate::lexicon::letters::decimal_digit as digit;

/// One match of the stamp pattern: byte spans of the whole, of the minute
/// and of the added minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinuteMatch {
    pub start: usize,
    pub end: usize,
    pub minute: (usize, usize),
    pub added: Option<(usize, usize)>,
}

/// One match of the prose pattern: byte spans of the whole and of the
/// number (`50.`, `zwölften`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProseMatch {
    pub start: usize,
    pub end: usize,
    pub number: (usize, usize),
}

/// The character of `s` at byte `i`.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// `\s?` then `lit` at byte `i`: where `lit` starts (after the blank when
/// there is one), as the greedy `?` finds it.
fn blank_then(s: &str, i: usize, lit: impl Fn(&str) -> bool) -> Option<usize> {
    match char_at(s, i) {
        Some(c) if c.is_whitespace() && s.get(i + c.len_utf8()..).is_some_and(&lit) => {
            Some(i + c.len_utf8())
        }
        _ => s.get(i..).is_some_and(lit).then_some(i),
    }
}

/// The start of the run of up to `max` characters that satisfy `class`
/// ending at byte `end`, not before `from`.
fn run_back(s: &str, from: usize, end: usize, max: usize, class: impl Fn(char) -> bool) -> usize {
    let mut start = end;
    for (i, c) in s
        .get(from..end)
        .unwrap_or("")
        .char_indices()
        .rev()
        .take(max)
    {
        if !class(c) {
            break;
        }
        start = from + i;
    }
    start
}

/// The digits of `s` from byte `i`, at most `max` (greedy `\d{1,max}`):
/// their end, if there is one.
fn digits_from(s: &str, i: usize, max: usize) -> Option<usize> {
    let mut end = i;
    for c in s.get(i..)?.chars().take(max) {
        if !digit(c) {
            break;
        }
        end += c.len_utf8();
    }
    (end > i).then_some(end)
}

/// Every match of the stamp pattern in `s` (the inside of a parenthesis).
pub fn minute_matches(s: &str) -> impl Iterator<Item = MinuteMatch> + '_ {
    let b = s.as_bytes();
    let mut cursor = 0;
    memchr::memchr_iter(b'.', b).filter_map(move |dot| {
        if dot < cursor {
            return None;
        }
        // `\d{1,3}\.`: the leftmost start is up to three digits back
        let start = run_back(s, cursor, dot, 3, digit);
        if start == dot {
            return None;
        }
        let mut end = dot + 1;
        // `(?:\s?\+\s?(\d{1,2})\.?)?`
        let mut added = None;
        if let Some(plus) = blank_then(s, end, |r| r.starts_with('+'))
            && let Some(from) = blank_then(s, plus + 1, |r| r.starts_with(digit))
            && let Some(to) = digits_from(s, from, 2)
        {
            added = Some((from, to));
            end = to + usize::from(b.get(to) == Some(&b'.'));
        }
        // `(?:\s?Minute\b)?`
        if let Some(m) = blank_then(s, end, |r| r.starts_with("Minute"))
            && ascii_boundary(b, m + "Minute".len())
        {
            end = m + "Minute".len();
        }
        cursor = end;
        Some(MinuteMatch {
            start,
            end,
            minute: (start, dot),
            added,
        })
    })
}

/// Every match of the prose pattern in `s`.
pub fn prose_matches(s: &str) -> impl Iterator<Item = ProseMatch> + '_ {
    let b = s.as_bytes();
    let mut cursor = 0;
    memchr::memmem::find_iter(b, "Minute").filter_map(move |m| {
        let end = m + "Minute".len();
        if !ascii_boundary(b, end) {
            return None;
        }
        // `\s` right before
        let blank = s
            .get(..m)?
            .chars()
            .next_back()
            .filter(|c| c.is_whitespace())?;
        let number_end = m - blank.len_utf8();
        let start = if b.get(..number_end)?.ends_with(b".") {
            // `\d{1,3}\.`: the leftmost start with a boundary
            let dot = number_end - 1;
            let first = run_back(s, cursor, dot, 3, digit);
            first_boundary(s, b, first, dot)?
        } else if b.get(..number_end)?.ends_with(b"ten") && number_end >= cursor + 4 {
            // `[a-zäöüß]+ten`: at least one letter before `ten`
            let ten = number_end - 3;
            let first = run_back(s, cursor, ten, usize::MAX, |c| {
                c.is_ascii_lowercase() || matches!(c, 'ä' | 'ö' | 'ü' | 'ß')
            });
            first_boundary(s, b, first, ten)?
        } else {
            return None;
        };
        cursor = end;
        Some(ProseMatch {
            start,
            end,
            number: (start, number_end),
        })
    })
}

/// The first character start in `s[from..to]` with a word boundary.
fn first_boundary(s: &str, b: &[u8], from: usize, to: usize) -> Option<usize> {
    s.get(from..to)?
        .char_indices()
        .map(|(i, _)| from + i)
        .find(|&i| ascii_boundary(b, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    static MINUTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d{1,3})\.(?:\s?\+\s?(\d{1,2})\.?)?(?:\s?Minute(?-u:\b))?")
            .expect("constant regex")
    });
    static PROSE_MINUTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(\d{1,3}\.|[a-zäöüß]+ten)\s(Minute)(?-u:\b)").expect("constant regex")
    });

    fn minute_reference(s: &str) -> Vec<MinuteMatch> {
        MINUTE
            .captures_iter(s)
            .filter_map(|c| {
                let (all, m) = (c.get(0)?, c.get(1)?);
                Some(MinuteMatch {
                    start: all.start(),
                    end: all.end(),
                    minute: (m.start(), m.end()),
                    added: c.get(2).map(|a| (a.start(), a.end())),
                })
            })
            .collect()
    }

    fn prose_reference(s: &str) -> Vec<ProseMatch> {
        PROSE_MINUTE
            .captures_iter(s)
            .filter_map(|c| {
                let (all, n) = (c.get(0)?, c.get(1)?);
                Some(ProseMatch {
                    start: all.start(),
                    end: all.end(),
                    number: (n.start(), n.end()),
                })
            })
            .collect()
    }

    #[test]
    fn forms() {
        for s in [
            "42.",
            "45.+1",
            "90.+ 2.",
            "90. + 2. Minute",
            "11. Minute",
            "20. Minute, 89. (Elfmeter)",
            "82./90.+1/Foulelfmeter",
            "1234.",
            "19.30 Uhr",
        ] {
            assert_eq!(
                minute_matches(s).collect::<Vec<_>>(),
                minute_reference(s),
                "{s:?}"
            );
        }
        let t = "Er traf in der 50. Minute. In der zwölften Minute. Minuten später: 3.\u{a0}Minute";
        assert_eq!(prose_matches(t).collect::<Vec<_>>(), prose_reference(t));
        assert_eq!(prose_matches(t).count(), 3);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]
        #[test]
        fn same_minutes_as_the_patterns(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "1", "23", "456", ".", ". ", "+", " ", "\u{a0}", "Minute", "Minuten", "٣", "x",
                "_", "ten", "zwölf", "ä", "ß", "M", "n", "/", ",", "(", "e", " Minute",
                "ten Minute", "ßten Minute", "äten Minute", "x", ". Minute", "3. Minute",
            ]), 0..16),
        ) {
            let s: String = v.concat();
            prop_assert_eq!(minute_matches(&s).collect::<Vec<_>>(), minute_reference(&s), "{:?}", s);
            prop_assert_eq!(prose_matches(&s).collect::<Vec<_>>(), prose_reference(&s), "{:?}", s);
        }
    }
}
