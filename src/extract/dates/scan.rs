//! The pieces of a regex that the hand-written date searches test one
//! position at a time, each exactly as the `regex` crate reads it:
//!
//! - `(?-u:\b)`, the ASCII word boundary: a byte of `[0-9A-Za-z_]` on one
//!   side and none on the other (every byte of a character outside ASCII
//!   counts as a non-word byte);
//! - `\s`, Unicode white space (`char::is_whitespace` tests the same
//!   property, `White_Space`), so a no-break space counts;
//! - `\d`, a Unicode decimal digit (`Nd`): `٣` is one. Such digits never
//!   parse into a number, so they give no row, but a regex match made of
//!   them takes its bytes away from the next match, and the searches must
//!   do the same.
//!
//! Positions are byte offsets at character boundaries; a test at any other
//! offset answers "no".

use crate::lexicon::letters::{ascii_boundary as boundary, ascii_word_byte, decimal_digit};

/// No word byte right before `pos`: the boundary before a match that
/// starts with a word byte.
pub fn no_word_before(bytes: &[u8], pos: usize) -> bool {
    !ascii_word_byte(pos.checked_sub(1).and_then(|i| bytes.get(i)))
}

/// The character starting at `pos`, if `pos` is a character boundary.
fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The character ending at `pos`.
fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The length of the `\d` character at `pos`.
pub fn digit_at(text: &str, pos: usize) -> Option<usize> {
    match *text.as_bytes().get(pos)? {
        b if b.is_ascii_digit() => Some(1),
        b if b.is_ascii() => None,
        _ => char_at(text, pos)
            .filter(|&c| decimal_digit(c))
            .map(char::len_utf8),
    }
}

/// The length of the `\d` character ending at `pos`.
pub fn digit_before(text: &str, pos: usize) -> Option<usize> {
    match *text.as_bytes().get(pos.checked_sub(1)?)? {
        b if b.is_ascii_digit() => Some(1),
        b if b.is_ascii() => None,
        _ => char_before(text, pos)
            .filter(|&c| decimal_digit(c))
            .map(char::len_utf8),
    }
}

/// The end of `n` `\d` characters from `pos`.
pub fn digits_at(text: &str, mut pos: usize, n: usize) -> Option<usize> {
    for _ in 0..n {
        pos += digit_at(text, pos)?;
    }
    Some(pos)
}

/// The length of the `\s` character at `pos`.
pub fn space_at(text: &str, pos: usize) -> Option<usize> {
    match *text.as_bytes().get(pos)? {
        // `\x0B` is white space to Unicode, not to `is_ascii_whitespace`
        b if b.is_ascii() => (b.is_ascii_whitespace() || b == 0x0B).then_some(1),
        _ => char_at(text, pos)
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
    }
}

/// The length of the `\s` character ending at `pos`.
pub fn space_before(text: &str, pos: usize) -> Option<usize> {
    match *text.as_bytes().get(pos.checked_sub(1)?)? {
        b if b.is_ascii() => (b.is_ascii_whitespace() || b == 0x0B).then_some(1),
        _ => char_before(text, pos)
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
    }
}

/// `(?:\s(?P<y>\d{4})(?-u:\b))?` after a month name ending at `at`: the
/// year's digits, if they follow.
pub fn year_after(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let start = at + space_at(text, at)?;
    let end = digits_at(text, start, 4)?;
    boundary(text.as_bytes(), end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn classes_as_the_regex_reads_them() {
        let space = Regex::new(r"^\s$").expect("space");
        let digit = Regex::new(r"^\d$").expect("digit");
        for c in (0..0x3100).filter_map(char::from_u32) {
            let s = c.to_string();
            let text = format!("a{s}b");
            assert_eq!(space_at(&text, 1).is_some(), space.is_match(&s), "{c:?}");
            assert_eq!(
                space_before(&text, 1 + s.len()).is_some(),
                space.is_match(&s)
            );
            assert_eq!(digit_at(&text, 1).is_some(), digit.is_match(&s), "{c:?}");
            assert_eq!(
                digit_before(&text, 1 + s.len()).is_some(),
                digit.is_match(&s)
            );
        }
        assert_eq!(digit_at("ä", 1), None);
        assert!(boundary(b"a b", 1) && boundary(b"ab", 0) && !boundary(b"ab", 1));
        assert!(boundary("aä".as_bytes(), 1) && !boundary("äü".as_bytes(), 2));
    }
}
