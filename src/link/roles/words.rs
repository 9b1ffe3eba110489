//! The words of a stretch of text, as the resolver, the speakers and the
//! ages read them: runs of letters, digits, hyphens and apostrophes, with
//! periods inside a word (`St.-Pauli-Trainer`).
//!
//! The characters are told by their bytes: ASCII, Latin-1 and Latin
//! Extended letters and the general punctuation (`„`, `–`, `’`) without
//! decoding, other characters from [`alphanumeric`]. Every age, quotation
//! and description reads a few stretches of a hundred bytes or so, and
//! decoding each character and asking the tables cost about forty
//! instructions a character.

use crate::lexicon::letters::alphanumeric;
use std::ops::Range;

/// One word of the text: a run of letters, digits, hyphens and apostrophes
/// (periods count inside a word, as in `St.-Pauli-Trainer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// What a character is to the word splitter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// [`alphanumeric`].
    Alnum,
    Hyphen,
    /// `'` or `’`.
    Apostrophe,
    Dot,
    Other,
}

/// The class of an ASCII byte.
fn ascii_class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Class::Alnum,
        b'-' => Class::Hyphen,
        b'\'' => Class::Apostrophe,
        b'.' => Class::Dot,
        _ => Class::Other,
    }
}

/// The class and the length in bytes of the character at byte `i` of `s`
/// (a character boundary below its length).
#[inline]
fn class_at(s: &str, i: usize) -> (Class, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (ascii_class(b), 1),
        _ => beyond_ascii(s, i),
    }
}

/// [`class_at`] of a character beyond ASCII.
fn beyond_ascii(s: &str, i: usize) -> (Class, usize) {
    let bytes = s.as_bytes();
    let b = bytes.get(i).copied().unwrap_or(0);
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match b {
        0..=0x7f => (ascii_class(b), 1),
        // U+0080-U+00BF: `ª`, `µ`, `º`, `²`, `³`, `¹`, `¼`, `½`, `¾`
        0xC2 => match next {
            0xAA | 0xB5 | 0xBA | 0xB2 | 0xB3 | 0xB9 | 0xBC | 0xBD | 0xBE => (Class::Alnum, 2),
            _ => (Class::Other, 2),
        },
        // U+00C0-U+00FF: letters but `×` and `÷`
        0xC3 if next == 0x97 || next == 0xB7 => (Class::Other, 2),
        // ... and U+0100-U+024F, all letters
        0xC3..=0xC9 => (Class::Alnum, 2),
        // U+2000-U+203F: punctuation, `’` an apostrophe
        0xE2 if next == 0x80 => {
            let third = bytes.get(i + 2).copied().unwrap_or(0);
            let class = if third == 0x99 {
                Class::Apostrophe
            } else {
                Class::Other
            };
            (class, 3)
        }
        _ => match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if alphanumeric(c) => (Class::Alnum, c.len_utf8()),
            Some('’') => (Class::Apostrophe, 3),
            Some(c) => (Class::Other, c.len_utf8()),
            None => (Class::Other, 1),
        },
    }
}

/// The words of `text[range]`, in order.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    first_words(text, range, usize::MAX)
}

/// The first `n` words of `text[range]`: what `words(text, range)` starts
/// with, without reading on (a cue after a quotation is in its first few
/// words, the line after it may run on for hundreds of bytes).
pub fn first_words(text: &str, range: Range<usize>, n: usize) -> Vec<Word<'_>> {
    let Some(slice) = text.get(range.clone()).filter(|_| n > 0) else {
        return Vec::new();
    };
    // room for the words of most stretches (a word and a blank take four
    // bytes or more), so the list seldom grows
    let mut out = Vec::with_capacity((slice.len() / 4 + 1).min(n));
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < slice.len() {
        let (class, len) = class_at(slice, i);
        let inside = match class {
            Class::Alnum | Class::Hyphen | Class::Apostrophe => true,
            // a period inside a word, before a letter, digit or hyphen
            Class::Dot => {
                start.is_some()
                    && i + len < slice.len()
                    && matches!(class_at(slice, i + len).0, Class::Alnum | Class::Hyphen)
            }
            Class::Other => false,
        };
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut out, slice, range.start, s, i);
                if out.len() >= n {
                    return out;
                }
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        push_word(&mut out, slice, range.start, s, slice.len());
    }
    out
}

/// The last `n` words of `text[range]`, nearest first: what
/// `words(text, range)` ends with, read backwards from the end (the ages
/// ask for the one or two words before a number).
pub fn words_before(text: &str, range: Range<usize>, n: usize) -> Vec<Word<'_>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    // the character that ends at byte `k`
    let before = |k: usize| {
        let c = slice.get(..k)?.chars().next_back()?;
        Some((k - c.len_utf8(), c))
    };
    let word_char = |at: usize| {
        matches!(
            class_at(slice, at).0,
            Class::Alnum | Class::Hyphen | Class::Apostrophe
        )
    };
    // whether the character at byte `at` is inside a word (as [`words`]
    // reads it: a period only after a word character and before a
    // letter, digit or hyphen)
    let inside = |at: usize| match class_at(slice, at).0 {
        Class::Alnum | Class::Hyphen | Class::Apostrophe => true,
        Class::Dot => {
            at > 0
                && before(at).is_some_and(|(p, _)| word_char(p))
                && at + 1 < slice.len()
                && matches!(class_at(slice, at + 1).0, Class::Alnum | Class::Hyphen)
        }
        Class::Other => false,
    };
    let mut out = Vec::with_capacity(n);
    let mut k = slice.len();
    while out.len() < n {
        // back over what is no word, then over the word
        while let Some((p, _)) = before(k).filter(|&(p, _)| !inside(p)) {
            k = p;
        }
        let end = k;
        while let Some((p, _)) = before(k).filter(|&(p, _)| inside(p)) {
            k = p;
        }
        if k == end {
            break;
        }
        push_word(&mut out, slice, range.start, k, end);
    }
    out
}

/// The word `slice[s..e]` without its leading and trailing hyphens and
/// apostrophes, if anything is left.
fn push_word<'a>(out: &mut Vec<Word<'a>>, slice: &'a str, base: usize, s: usize, e: usize) {
    let Some(raw) = slice.get(s..e) else { return };
    // most words start and end with a letter or digit: nothing to trim
    let joiner_end = |b: Option<&u8>| matches!(b, Some(b'-' | b'\'' | 0xE2 | 0x99));
    let bytes = raw.as_bytes();
    let (lead, trimmed) = if joiner_end(bytes.first()) || joiner_end(bytes.last()) {
        let trimmed = raw.trim_matches(['-', '\'', '’']);
        (
            raw.len() - raw.trim_start_matches(['-', '\'', '’']).len(),
            trimmed,
        )
    } else {
        (0, raw)
    };
    if trimmed.is_empty() {
        return;
    }
    let start = base + s + lead;
    out.push(Word {
        start,
        end: start + trimmed.len(),
        text: trimmed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The words as they were read a character at a time (the reference).
    fn reference<'a>(text: &'a str, range: Range<usize>) -> Vec<Word<'a>> {
        let word_char = |c: char| alphanumeric(c) || c == '-' || c == '\'' || c == '’';
        let Some(slice) = text.get(range.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = slice.char_indices().peekable();
        let push = |out: &mut Vec<Word<'a>>, s: usize, e: usize| {
            let raw = &slice[s..e];
            let trimmed = raw.trim_matches(['-', '\'', '’']);
            if trimmed.is_empty() {
                return;
            }
            let lead = raw.len() - raw.trim_start_matches(['-', '\'', '’']).len();
            let start = range.start + s + lead;
            out.push(Word {
                start,
                end: start + trimmed.len(),
                text: trimmed,
            });
        };
        while let Some((i, c)) = chars.next() {
            let next_is_word = chars
                .peek()
                .is_some_and(|&(_, n)| alphanumeric(n) || n == '-');
            let inside = word_char(c) || (c == '.' && start.is_some() && next_is_word);
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    push(&mut out, s, i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            push(&mut out, s, slice.len());
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_last_words_read_backwards(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", "ä", "ß", "×", "ª", "²", "\u{a0}", "-", "'", "’", "„", "“", "–",
                ".", "..", ",", " ", "\n", "St.", "Pauli", "ein", "damals", "😀",
            ]), 0..30),
            cut in 0usize..4,
            n in 0usize..4,
        ) {
            let text: String = v.concat();
            let from = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
            let want: Vec<Word> = words(&text, from..text.len()).into_iter().rev().take(n).collect();
            prop_assert_eq!(words_before(&text, from..text.len(), n), want, "{:?}", text);
            let want: Vec<Word> = words(&text, from..text.len()).into_iter().take(n).collect();
            prop_assert_eq!(first_words(&text, from..text.len(), n), want, "{:?}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_words_as_a_character_at_a_time(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", "ä", "Ü", "ß", "×", "÷", "ª", "µ", "º", "²", "¹", "¾", "¿", "\u{a0}",
                "ş", "ɏ", "ɐ", "Ω", "日", "-", "'", "’", "‘", "„", "“", "–", ".", ",", " ", "\n",
                "St.", "Pauli", "ⁱ", "😀", "\u{2000}",
            ]), 0..30),
            cut in 0usize..4,
        ) {
            let text: String = v.concat();
            // a range that starts inside the text as well
            let from = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
            prop_assert_eq!(words(&text, from..text.len()), reference(&text, from..text.len()));
        }
    }
}
