//! [`char::is_alphabetic`] and [`char::is_alphanumeric`], answered from
//! tables for the characters of German text: ASCII, Latin-1 (umlauts, `ß`),
//! the Latin Extended letters of foreign names (`ł`, `ş`), and the general
//! punctuation (`„`, `“`, `–`, `’`, none of them letters). The standard
//! library looks every character outside ASCII up in its Unicode tables;
//! the word splitters of the name index, the dates, the roles and the goals
//! ask about every character of the text.

use regex::Regex;
use std::sync::LazyLock;

/// [`char::is_alphabetic`].
pub fn alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphabetic(),
        'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='\u{24f}' => true,
        '\u{80}'..='\u{ff}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`].
pub fn alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        // superscript digits and vulgar fractions are numbers
        '²' | '³' | '¹' | '¼' | '½' | '¾' => true,
        '\u{80}'..='\u{24f}' | '\u{2000}'..='\u{206f}' => alphabetic(c),
        _ => c.is_alphanumeric(),
    }
}

/// `\d` of a pattern: a Unicode decimal digit (`0`-`9`, and the digits of
/// other scripts, the first of them U+0660). ASCII and the ranges without
/// any (below U+0660, the general punctuation) are answered at once; the
/// rare rest asks the class itself.
pub fn decimal_digit(c: char) -> bool {
    static DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\A\d\z").expect("digit class"));
    match c {
        '0'..='9' => true,
        '\0'..='\u{65f}' | '\u{2000}'..='\u{206f}' => false,
        _ => DIGIT.is_match(c.encode_utf8(&mut [0; 4])),
    }
}

/// A byte of an ASCII word (`[0-9A-Za-z_]`), what a pattern's `(?-u:\b)`
/// counts as word; `None` (before the start or past the end of the text)
/// is not. The hand-written searches that stand in for such patterns ask
/// this of the bytes around a match.
pub fn ascii_word_byte(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `(?-u:\b)` at byte `pos` of `bytes`: an ASCII word byte on exactly one
/// side (`aä` has one at 1, `äü` none at 2: bytes beyond ASCII are not word).
pub fn ascii_boundary(bytes: &[u8], pos: usize) -> bool {
    let before = pos.checked_sub(1).and_then(|i| bytes.get(i));
    ascii_word_byte(before) != ascii_word_byte(bytes.get(pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_boundaries_are_the_patterns() {
        let b = regex::bytes::Regex::new(r"(?-u:\b)").expect("pattern");
        for text in ["a b", "ab", "aä", "äü", "_1-x", "", " ", "Tor (12.)"] {
            let want: Vec<usize> = b.find_iter(text.as_bytes()).map(|m| m.start()).collect();
            let got: Vec<usize> = (0..=text.len())
                .filter(|&i| ascii_boundary(text.as_bytes(), i))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn same_answers_as_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        let d = Regex::new(r"\A\d\z").expect("class");
        for c in (0..0x20000).filter_map(char::from_u32) {
            assert_eq!(decimal_digit(c), d.is_match(&c.to_string()), "{c:?}");
        }
    }
}
