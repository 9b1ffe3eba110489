//! The words around a goal, as the pattern `\p{L}[\p{L}\d'’-]*` finds
//! them: a letter, then letters, digits, apostrophes and hyphens.
//!
//! Found by hand, not with that regex: the team of a goal is looked for in
//! up to 300 bytes before it, word by word, and each regex match paid the
//! search's set-up again. Characters below U+0250 and the general
//! punctuation (`„`, `–`, `’`) are classified from tables
//! ([`crate::lexicon::letters`]); any other
//! character asks the regex crate's Unicode tables, so the words are
//! exactly the regex's.

use crate::lexicon::letters::{alphabetic, decimal_digit};
use regex::Regex;
use std::sync::LazyLock;

/// The words of `s`, each with its byte offset. ASCII characters are
/// told by their bytes; others are decoded and classified.
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    // the character at byte `i` and its length, classified by `ascii` for
    // ASCII and by `other` else
    let class = move |i: usize, ascii: fn(u8) -> bool, other: fn(char) -> bool| match b.get(i) {
        Some(&c) if c < 0x80 => Some((1, ascii(c))),
        Some(_) => {
            let c = s.get(i..)?.chars().next()?;
            Some((c.len_utf8(), other(c)))
        }
        None => None,
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (len, is) = class(i, |c| c.is_ascii_alphabetic(), letter)?;
            i += len;
            if is {
                break i - len;
            }
        };
        while let Some((len, true)) = class(
            i,
            |c| c.is_ascii_alphanumeric() || c == b'\'' || c == b'-',
            |c| letter(c) || decimal_digit(c) || c == '’',
        ) {
            i += len;
        }
        Some((start, s.get(start..i).unwrap_or_default()))
    })
}

/// `\p{L}`. Below U+0250 and in the general punctuation it is the same as
/// [`alphabetic`], whose tables answer there.
fn letter(c: char) -> bool {
    if c < '\u{250}' || ('\u{2000}'..='\u{206f}').contains(&c) {
        alphabetic(c)
    } else {
        is(&LETTER, c)
    }
}

static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\A\p{L}\z").expect("letter class"));

fn is(class: &Regex, c: char) -> bool {
    class.is_match(c.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{L}[\p{L}\d'’-]*").expect("word pattern"));

    fn reference(s: &str) -> Vec<(usize, &str)> {
        WORD.find_iter(s).map(|m| (m.start(), m.as_str())).collect()
    }

    #[test]
    fn tables_agree_with_the_unicode_classes() {
        let l = Regex::new(r"\A\p{L}\z").expect("class");
        for c in (0..0x3000).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(letter(c), l.is_match(&s), "{c:?}");
        }
    }

    #[test]
    fn words_of_a_sentence() {
        let s = "Für Borussia Mönchengladbach traf Jean-Manuel Mbom’s Team (2:1) im Ü30-Spiel.";
        let got: Vec<&str> = words(s).map(|(_, w)| w).collect();
        assert_eq!(
            got,
            [
                "Für",
                "Borussia",
                "Mönchengladbach",
                "traf",
                "Jean-Manuel",
                "Mbom’s",
                "Team",
                "im",
                "Ü30-Spiel"
            ]
        );
        assert_eq!(words(s).nth(2).map(|(i, _)| i), s.find("Mönchen"));
        assert_eq!(words("").count(), 0);
        assert_eq!(words("12 - '’ 3").count(), 0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_words_as_the_pattern(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "ß", "ł", "Ω", "ж", "日", "ǅ", "Ⅻ", "\u{301}", "7", "٣", "²", "-", "'",
                "’", "„", "–", " ", ".", "\n",
            ]), 0..40),
        ) {
            let s: String = v.concat();
            prop_assert_eq!(words(&s).collect::<Vec<_>>(), reference(&s), "{:?}", s);
        }
    }
}
