//! The age nouns (`44-Jährige`), the attributive ages (`23-jähriger
//! Brasilianer`, `33 Jahre alte Bayer`) and the predicate ages (`32 Jahre
//! alt`), found from their words.
//!
//! Three patterns are the definition (they live on in the tests):
//!
//! - noun: `(?-u:\b)(\d{1,3})-Jährige[nrm]?(?-u:\b)`
//! - attributive: `(?-u:\b)(\d{1,3})(?:-jährige[nrms]?| Jahre
//!   alte[nrms]?)\s+(\p{Lu}[\p{L}\p{N}'.\-]*)`, the number and the noun
//!   after it
//! - predicate: `(?-u:\b)(\d{1,3}) Jahre alt(?-u:\b)`
//!
//! Their searches ran an automaton over the whole article and then another
//! one, with captures, over each match. Here the words (`-Jährige`, ` Jahre
//! alt`) are found with a byte search, the number is read back from them
//! and the rest forward, byte by byte. Characters beyond what German text
//! uses are left to small patterns on a few bytes: a digit beyond ASCII
//! before the number (`\d` is every decimal digit of Unicode), a noun that
//! starts with a capital beyond Latin-1 or goes on with letters beyond
//! Latin Extended.

use crate::lexicon::letters::{ascii_boundary, ascii_word_byte};
use memchr::memmem::Finder;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One age found by a pattern: the byte spans of the whole, of the number
/// and (attributive ages) of the noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub(super) all: Range<usize>,
    pub(super) num: Range<usize>,
    pub(super) noun: Range<usize>,
}

/// `-Jährige`, the word of the noun ages.
const NOUN: &str = "-Jährige";
/// ` Jahre alt`, the words of the predicate ages.
const PREDICATE: &str = " Jahre alt";
/// The words of the attributive ages.
const ATTRIBUTIVE: [&str; 2] = ["-jährige", " Jahre alte"];

static NOUN_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(NOUN));
static PREDICATE_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(PREDICATE));
static ATTRIBUTIVE_FINDERS: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| ATTRIBUTIVE.map(Finder::new));

/// Every `44-Jährige`, `23-Jährigen` of `text`, in order.
pub(super) fn nouns(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    NOUN_FINDER
        .find_iter(bytes)
        .filter_map(|p| {
            let start = number_before(text, 0, p)?;
            let q = p + NOUN.len();
            // greedy `[nrm]?`, then a word boundary
            let end = match bytes.get(q) {
                Some(b'n' | b'r' | b'm') if !ascii_word_byte(bytes.get(q + 1)) => q + 1,
                b if !ascii_word_byte(b) => q,
                _ => return None,
            };
            Some(Found {
                all: start..end,
                num: start..p,
                noun: end..end,
            })
        })
        .collect()
}

/// Every `32 Jahre alt` of `text`, in order.
pub(super) fn predicates(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    PREDICATE_FINDER
        .find_iter(bytes)
        .filter_map(|p| {
            let end = p + PREDICATE.len();
            if ascii_word_byte(bytes.get(end)) {
                return None;
            }
            let start = number_before(text, 0, p)?;
            Some(Found {
                all: start..end,
                num: start..p,
                noun: end..end,
            })
        })
        .collect()
}

/// Every `23-jähriger Brasilianer`, `33 Jahre alte Bayer` of `text`, in
/// order. A noun may run over another age word (`23-jährige
/// U-21-jährige`): that one is part of the match before.
pub(super) fn attributives(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let [dash, jahre] = &*ATTRIBUTIVE_FINDERS;
    let mut words: Vec<(usize, usize)> = dash
        .find_iter(bytes)
        .map(|p| (p, ATTRIBUTIVE[0].len()))
        .chain(jahre.find_iter(bytes).map(|p| (p, ATTRIBUTIVE[1].len())))
        .collect();
    words.sort_unstable();
    let mut out: Vec<Found> = Vec::new();
    // matches do not overlap: the next starts after the last one's end
    let mut from = 0;
    for (p, len) in words {
        if p < from {
            continue;
        }
        let Some(start) = number_before(text, from, p) else {
            continue;
        };
        let Some(noun) = noun_after(text, p + len) else {
            continue;
        };
        from = noun.end;
        out.push(Found {
            all: start..noun.end,
            num: start..p,
            noun,
        });
    }
    out
}

/// The noun of an attributive age whose age word ends at byte `q`: a greedy
/// `[nrms]?`, blanks (`\s+`), a capital (`\p{Lu}`) and the letters, digits,
/// apostrophes, periods and hyphens after it.
fn noun_after(text: &str, q: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let blank_at = |i: usize| {
        text.get(i..)
            .and_then(|r| r.chars().next())
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8)
    };
    let q = match bytes.get(q) {
        Some(b'n' | b'r' | b'm' | b's') if blank_at(q + 1).is_some() => q + 1,
        _ => q,
    };
    let mut i = q;
    while let Some(len) = blank_at(i) {
        i += len;
    }
    if i == q {
        return None;
    }
    let start = i;
    i += capital_at(text, i)?;
    loop {
        match noun_char_at(text, i) {
            Some(0) => return Some(start..i),
            Some(len) => i += len,
            // a character beyond Latin Extended: the pattern reads on
            None => {
                let rest = NOUN_TAIL.find(text.get(i..)?)?;
                return Some(start..i + rest.end());
            }
        }
    }
}

/// The length of the capital (`\p{Lu}`) at byte `i`, if one starts there.
fn capital_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    match (bytes.get(i)?, bytes.get(i + 1)) {
        (b'A'..=b'Z', _) => Some(1),
        (0xC3, Some(0x80..=0x9E)) if bytes.get(i + 1) != Some(&0x97) => Some(2),
        // the rest of Latin-1 (`×`, `ß`, small letters) and ASCII
        (0xC3, _) => None,
        (b, _) if b.is_ascii() => None,
        _ => CAPITAL.find(text.get(i..)?).map(|m| m.end()),
    }
}

/// The length of the noun character (`[\p{L}\p{N}'.\-]`) at byte `i`:
/// `Some(0)` for another character or the end, `None` when only the
/// pattern can tell (a character beyond Latin Extended).
fn noun_char_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return Some(0);
    };
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'\'' | b'.' | b'-' => Some(1),
        0..=0x7F => Some(0),
        // U+0080-U+00BF: `ª`, `µ`, `º` are letters, `²`, `³`, `¹`, `¼`, `½`,
        // `¾` numbers
        0xC2 => Some(
            if matches!(
                next,
                0xAA | 0xB5 | 0xBA | 0xB2 | 0xB3 | 0xB9 | 0xBC | 0xBD | 0xBE
            ) {
                2
            } else {
                0
            },
        ),
        // U+00C0-U+00FF: letters but `×` and `÷`
        0xC3 if next == 0x97 || next == 0xB7 => Some(0),
        // ... and U+0100-U+024F, all letters
        0xC3..=0xC9 => Some(2),
        // U+2000-U+203F: punctuation (`„`, `–`)
        0xE2 if next == 0x80 => Some(0),
        _ => None,
    }
}

/// A capital (`\p{Lu}`) at the start, for the capitals beyond Latin-1.
static CAPITAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\p{Lu}").expect("constant regex"));
/// The rest of a noun, from a character beyond Latin Extended on.
static NOUN_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A[\p{L}\p{N}'.\-]*").expect("constant regex"));
/// One to three digits, the whole of what it is asked about.
static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\d{1,3}\z").expect("constant regex"));

/// The start of the number (`(?-u:\b)\d{1,3}`) that ends at byte `p`,
/// starting at `from` or later (the leftmost, so the longest).
fn number_before(text: &str, from: usize, p: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let run = bytes
        .get(from..p)?
        .iter()
        .rev()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let d = p - run;
    if d > from && run < 4 && !bytes.get(d - 1).is_some_and(u8::is_ascii) {
        // a character beyond ASCII: maybe a digit
        return number_by_pattern(text, from, p);
    }
    let boundary = !ascii_word_byte(d.checked_sub(1).and_then(|i| bytes.get(i)));
    ((1..=3).contains(&run) && boundary).then_some(d)
}

/// [`number_before`] for a number that may hold digits beyond ASCII: the
/// leftmost start of up to three characters back that has a word boundary
/// and only digits up to `p`.
fn number_by_pattern(text: &str, from: usize, p: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let head = text.get(from..p)?;
    let starts: Vec<usize> = head
        .char_indices()
        .rev()
        .take(3)
        .map(|(i, _)| from + i)
        .collect();
    starts
        .into_iter()
        .rev()
        .find(|&s| ascii_boundary(bytes, s) && text.get(s..p).is_some_and(|n| DIGITS.is_match(n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definitions.
    static NOUN_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(\d{1,3})-Jährige[nrm]?(?-u:\b)").expect("constant regex")
    });
    static ATTRIBUTIVE_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?-u:\b)(\d{1,3})(?:-jährige[nrms]?| Jahre alte[nrms]?)\s+(\p{Lu}[\p{L}\p{N}'.\-]*)",
        )
        .expect("constant regex")
    });
    static PREDICATE_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(\d{1,3}) Jahre alt(?-u:\b)").expect("constant regex")
    });

    fn reference(re: &Regex, text: &str) -> Vec<Found> {
        re.captures_iter(text)
            .filter_map(|c| {
                let (all, num) = (c.get(0)?, c.get(1)?);
                let noun = c.get(2).map_or(all.end()..all.end(), |n| n.range());
                Some(Found {
                    all: all.range(),
                    num: num.range(),
                    noun,
                })
            })
            .collect()
    }

    /// Texts of random pieces, or of age words with numbers, blanks and
    /// nouns around them.
    fn texts() -> impl Strategy<Value = String> {
        let pieces = proptest::collection::vec(
            proptest::sample::select(vec![
                "-Jährige",
                "-jährige",
                " Jahre alt",
                " Jahre alte",
                "n",
                "r",
                "m",
                "s",
                "e",
                "1",
                "23",
                "456",
                "7890",
                "٣",
                "１",
                " ",
                "  ",
                "\n",
                "\u{a0}",
                "a",
                "_",
                "B",
                "Ä",
                "é",
                "Ω",
                "ω",
                "Ⅻ",
                "×",
                "²",
                "'",
                ".",
                "-",
                "ü",
                "中",
                "Ǆ",
                "ǅ",
                "x",
                "„",
                "–",
                "ß",
            ]),
            0..16,
        )
        .prop_map(|v| v.concat());
        let ages = "([0-9٣１ a_x.]{0,4}(-jährige|-Jährige| Jahre alte| Jahre alt)[nrmse]?\
                    [ \u{a0}\n]{0,2}[BÄÉΩωⅫ×a1'.ɏɎªǅ„–ß\u{2071}-]{0,4}){0,3}";
        prop_oneof![pieces, ages]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]
        #[test]
        fn nouns_as_the_pattern_finds_them(text in texts()) {
            prop_assert_eq!(nouns(&text), reference(&NOUN_RE, &text), "{:?}", text);
        }

        #[test]
        fn attributives_as_the_pattern_finds_them(text in texts()) {
            prop_assert_eq!(attributives(&text), reference(&ATTRIBUTIVE_RE, &text), "{:?}", text);
        }

        #[test]
        fn predicates_as_the_pattern_finds_them(text in texts()) {
            prop_assert_eq!(predicates(&text), reference(&PREDICATE_RE, &text), "{:?}", text);
        }
    }

    #[test]
    fn ages_in_text() {
        let t = "Der 35-Jährige, ein 23-jähriger Brasilianer, der 33 Jahre alte Bayer ist 38 Jahre alt.";
        let spans = |f: Vec<Found>| -> Vec<&str> { f.iter().map(|m| &t[m.all.clone()]).collect() };
        assert_eq!(spans(nouns(t)), ["35-Jährige"]);
        assert_eq!(
            spans(attributives(t)),
            ["23-jähriger Brasilianer", "33 Jahre alte Bayer"]
        );
        assert_eq!(spans(predicates(t)), ["38 Jahre alt"]);
        assert!(nouns("1234-Jährige a5-Jährige 5-Jährigex").is_empty());
    }
}
