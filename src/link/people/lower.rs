//! Lower-case forms of words, and whether a word has capitals or
//! lower-case letters, answered from the bytes where they are ASCII or
//! Latin-1.

/// `word` in lower case, written into `buf` when it has an upper-case
/// letter (each character lowered on its own, by [`char::to_lowercase`]).
pub(super) fn lower_into<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return word;
        }
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return buf;
    }
    // below U+0100 (every byte below 0xC4) a character's lower case is one
    // character: `A`-`Z` and `À`-`Þ` but `×` move by 0x20, the others
    // stay. A German word's only such letter beyond ASCII is mostly its
    // first (`Österreich`): that one is lowered alone and the rest, with
    // no other, in one step
    let mut chars = word.chars();
    if let Some(c) = chars.next()
        && word.bytes().all(|b| b < 0xC4)
        && !latin_upper_in(chars.as_str())
    {
        let rest = chars.as_str();
        let first = if latin_upper(c) {
            char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
        } else {
            c.to_ascii_lowercase()
        };
        if first == c && !rest.bytes().any(|b| b.is_ascii_uppercase()) {
            return word;
        }
        buf.clear();
        buf.push(first);
        buf.push_str(rest);
        buf.make_ascii_lowercase();
        return buf;
    }
    if !word.chars().any(char::is_uppercase) {
        return word;
    }
    buf.clear();
    for c in word.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    buf
}

/// An upper-case letter of Latin-1 beyond ASCII (`À`-`Þ` but `×`).
fn latin_upper(c: char) -> bool {
    matches!(c, 'À'..='Þ') && c != '×'
}

/// Whether `text` (of characters below U+0100) has a [`latin_upper`]
/// letter: `0xC3` and a second byte `0x80`-`0x9E` but `0x97`.
fn latin_upper_in(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| matches!(*w, [0xC3, b] if (0x80..=0x9E).contains(&b) && b != 0x97))
}

/// [`char::is_uppercase`] of any character of `word` (whether
/// [`lower_into`] changes it), answered by the bytes when it is ASCII.
pub(super) fn has_uppercase(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().any(char::is_uppercase)
    }
}

/// [`char::is_lowercase`] of any character of `word`, answered by the
/// bytes when it has an ASCII lower-case letter (most words).
pub(super) fn has_lowercase(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_lowercase())
        || (!word.is_ascii() && word.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lower_into`] as it was written before its Latin-1 steps: a word
    /// without an upper-case letter as it is (the title-case `ǅ` too),
    /// else lowered a character at a time.
    fn lower_reference(word: &str) -> String {
        if !word.chars().any(char::is_uppercase) {
            return word.to_string();
        }
        word.chars().flat_map(char::to_lowercase).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn lowers_like_the_characters_one_by_one(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "M", "ü", "Ü", "Ä", "ö", "À", "Þ", "þ", "×", "÷", "ß", "ÿ", "Ÿ", "ª",
                "µ", "İ", "Σ", "ǅ", "Ł", "ł", "ẞ", "-", "'", "1", "é", "É", "ℌ",
            ]), 0..12),
        ) {
            let word: String = v.concat();
            let mut buf = String::from("old");
            proptest::prop_assert_eq!(lower_into(&word, &mut buf), lower_reference(&word));
        }
    }
}
