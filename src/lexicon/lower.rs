//! Words in lower case without a new string for each.
//!
//! The scores and goals look words up in lower-case lists and compare
//! them with lower-case words, thousands of times per article with
//! results.
//! `str::to_lowercase` builds a string every time (an allocation and a
//! free, a few hundred instructions for a short word); here the lower
//! case is written into a buffer on the stack instead.
//!
//! The result is always exactly what `str::to_lowercase` gives. Below
//! U+0180 every character but `İ` (U+0130, which becomes `i` and a
//! combining dot) lowers to one character, and only the Greek capital
//! sigma lowers differently by its neighbours; so for words of such
//! characters the lower case is the lower case of each character. Any
//! other word is lowered by the standard library.

use std::borrow::Cow;

/// Bytes of the buffer a word is lowered into; longer words are lowered
/// on the heap.
pub const ROOM: usize = 64;

/// A buffer to lower words into (one per loop, reused for every word).
pub type Buf = [u8; ROOM];

/// `word.to_lowercase()`, borrowed from `word` when it is its own lower
/// case, else written into `buf` when it fits (see the module docs).
pub fn lower<'a>(word: &'a str, buf: &'a mut Buf) -> Cow<'a, str> {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Cow::Borrowed(word);
        }
        if let Some(b) = buf.get_mut(..bytes.len()) {
            b.copy_from_slice(bytes);
            b.make_ascii_lowercase();
            if let Ok(s) = std::str::from_utf8(b) {
                return Cow::Borrowed(s);
            }
        }
        return Cow::Owned(word.to_lowercase());
    }
    if !word.chars().any(|c| c >= '\u{180}' || c.is_uppercase()) {
        return Cow::Borrowed(word);
    }
    let mut n = 0;
    for c in word.chars() {
        let l = match c {
            '\0'..='\u{7f}' => c.to_ascii_lowercase(),
            '\u{130}' => return Cow::Owned(word.to_lowercase()),
            _ if c >= '\u{180}' => return Cow::Owned(word.to_lowercase()),
            _ => c.to_lowercase().next().unwrap_or(c),
        };
        let Some(slot) = buf.get_mut(n..n + l.len_utf8()) else {
            return Cow::Owned(word.to_lowercase());
        };
        l.encode_utf8(slot);
        n += l.len_utf8();
    }
    match buf.get(..n).map(std::str::from_utf8) {
        Some(Ok(s)) => Cow::Borrowed(s),
        _ => Cow::Owned(word.to_lowercase()),
    }
}

/// Whether `word` in lower case equals `target` (itself in lower case):
/// `word.to_lowercase() == target`, without building the lower case.
///
/// For an ASCII lower-case target without `k` no lowering is needed: outside ASCII
/// only the Kelvin sign lowers to ASCII (to `k`), so only an ASCII word
/// can equal such a target in lower case.
pub fn is_lower(word: &str, target: &str) -> bool {
    if target
        .bytes()
        .all(|b| b.is_ascii() && b != b'k' && !b.is_ascii_uppercase())
    {
        return word.is_ascii() && word.eq_ignore_ascii_case(target);
    }
    let mut buf = [0; ROOM];
    lower(word, &mut buf) == target
}

/// Whether `s` in lower case starts with `p`: `s.to_lowercase()
/// .starts_with(p)`, lowering nothing when the bytes compared are ASCII
/// (their lower case is byte for byte; others lower in context).
pub fn lower_starts_with(s: &str, p: &str) -> bool {
    match s.as_bytes().get(..p.len()) {
        Some(head) if head.is_ascii() => head.iter().map(u8::to_ascii_lowercase).eq(p.bytes()),
        // shorter and ASCII: so is its lower case
        None if s.is_ascii() => false,
        _ => s.to_lowercase().starts_with(p),
    }
}

/// `hay.contains(needle)` by a plain scan: the words searched are short,
/// and a substring search's set-up costs more than they do.
pub fn contains_bytes(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    h.windows(n.len())
        .any(|w| w.first() == Some(&first) && w == n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn characters_below_latin_extended_b() {
        let mut buf = [0; ROOM];
        for c in (0u32..0x400).filter_map(char::from_u32) {
            for w in [
                c.to_string(),
                format!("Ab{c}"),
                format!("{c}X{c}"),
                format!("ΑΣ{c}"),
            ] {
                assert_eq!(lower(&w, &mut buf), w.to_lowercase(), "{w:?}");
            }
        }
        for w in [
            "",
            "İstanbul",
            "ΟΔΟΣ",
            "ΣΑ",
            "Straße",
            "ÜBER",
            &"Ä".repeat(40),
        ] {
            assert_eq!(lower(w, &mut buf), w.to_lowercase(), "{w:?}");
        }
        assert!(matches!(lower("der", &mut buf), Cow::Borrowed(_)));
        assert!(is_lower("Trennten", "trennten") && !is_lower("Trennte", "trennten"));
        // outside ASCII, only the Kelvin sign lowers to ASCII
        for c in (0x80u32..0x11_0000).filter_map(char::from_u32) {
            let l = c.to_lowercase().to_string();
            assert!(!l.is_ascii() || c == '\u{212a}', "{c:?}");
        }
        for (w, t) in [
            ("IN", "in"),
            ("In", "In"),
            ("\u{212a}ick", "kick"),
            ("İn", "i̇n"),
        ] {
            assert_eq!(is_lower(w, t), w.to_lowercase() == t, "{w:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_as_to_lowercase(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "ß", "Ä", "ü", "İ", "Σ", "σ", "Ω", "ǅ", "Ÿ", "K", "\u{212a}", " ", "-",
                "7", "é", "É", "Ł", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ]), 0..12),
        ) {
            let w: String = v.concat();
            let mut buf = [0; ROOM];
            prop_assert_eq!(lower(&w, &mut buf), w.to_lowercase(), "{:?}", w);
        }

        #[test]
        fn same_as_the_lowered_searches(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "zur ", "Zur ", "ZUR", " ", "pause", "PAUSE", "İ", "Σ", "\u{212a}", "k", "ü", "z",
            ]), 0..6),
            p in proptest::sample::select(vec!["zur ", " zur ", "zur pause", "k", "", "i̇", "ü"]),
        ) {
            let s: String = v.concat();
            prop_assert_eq!(lower_starts_with(&s, p), s.to_lowercase().starts_with(p), "{:?}", s);
            prop_assert_eq!(contains_bytes(&s, p), s.contains(p), "{:?}", s);
            prop_assert_eq!(is_lower(&s, p), s.to_lowercase() == p, "{:?}", s);
        }
    }
}
