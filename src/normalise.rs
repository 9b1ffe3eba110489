//! Stage 2: normalise decoded text.
//!
//! Every offset the program writes is a character offset into the text this
//! module returns: line ends folded to `\n` and the whole text in Unicode NFC,
//! exactly as the SPEC ("Input") and `score.py` do it.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Folds CRLF and lone CR to LF and puts the text into NFC.
///
/// ```
/// assert_eq!(anpfiff::normalise::normalise("a\r\nb\rc"), "a\nb\nc");
/// // "u" + combining diaeresis becomes one "ü"
/// assert_eq!(anpfiff::normalise::normalise("Mu\u{308}ller"), "Müller");
/// ```
pub fn normalise(text: &str) -> String {
    normalise_owned(text.to_string())
}

/// [`normalise`], reusing the string when it is already normal (most
/// articles are).
pub fn normalise_owned(text: String) -> String {
    let folded = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if only_plain_characters(&folded) {
        return folded;
    }
    match is_nfc_quick(non_ascii_with_gaps(&folded)) {
        unicode_normalization::IsNormalized::Yes => folded,
        _ => folded.nfc().collect(),
    }
}

/// Whether every character of `text` is one NFC leaves alone whatever
/// surrounds it (quick check "yes", combining class 0): ASCII, the
/// Latin-1 and Latin Extended letters below U+0300, and the dashes, quotes
/// and ellipsis of [`PLAIN_PUNCTUATION`]. Such a text is in NFC; this is
/// the common case, checked eight ASCII bytes at a time.
fn only_plain_characters(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `i` is always at the start of a character
    let mut i = 0;
    while let Some(skip) = bytes.get(i..).and_then(next_non_ascii) {
        i += skip;
        match bytes.get(i) {
            // two-byte characters up to U+02FF
            Some(0xC2..=0xCB) => i += 2,
            _ => {
                let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                    return false;
                };
                if !(('\u{2010}'..='\u{20ac}').contains(&c) && PLAIN_PUNCTUATION.contains(&c)) {
                    return false;
                }
                i += c.len_utf8();
            }
        }
    }
    true
}

/// Punctuation above U+0300 that German news text is full of and NFC never
/// touches: dashes, quotation marks, the ellipsis, the euro sign.
const PLAIN_PUNCTUATION: [char; 13] = [
    '‐', '‑', '‒', '–', '—', '‘', '’', '‚', '“', '”', '„', '…', '€',
];

/// The non-ASCII characters of `text`, with an `a` for each run of ASCII
/// between them. The NFC quick check treats every ASCII character alike
/// (allowed, combining class 0), so it answers the same for this sequence
/// as for the text, without decoding the ASCII bytes one by one.
fn non_ascii_with_gaps(text: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut pending: Option<char> = None;
    std::iter::from_fn(move || {
        if let Some(c) = pending.take() {
            return Some(c);
        }
        let at = pos + next_non_ascii(bytes.get(pos..)?)?;
        let c = text.get(at..)?.chars().next()?;
        let gap = at > pos;
        pos = at + c.len_utf8();
        if gap {
            pending = Some(c);
            Some('a')
        } else {
            Some(c)
        }
    })
}

/// The high bit of each byte of a word read eight bytes at a time.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The index of the first non-ASCII byte, looking at eight bytes at a
/// time (the first high bit of a word tells the byte).
pub(crate) fn next_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in chunks.by_ref() {
        let high = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes) & HIGH;
        if high != 0 {
            return Some(base + (high.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|p| base + p)
}

/// Maps byte offsets of a text to character offsets.
///
/// Extractors work on byte offsets (what `regex` returns); the tables speak
/// in characters. One checkpoint every 64 bytes keeps the map small and a
/// lookup short, even for a 50 MB article.
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    checkpoints: Vec<usize>,
}

const STEP: usize = 64;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / STEP + 1);
            let mut chars = 0usize;
            for block in text.as_bytes().chunks(STEP) {
                checkpoints.push(chars);
                chars += starts_of_chars(block);
            }
        }
        CharIndex {
            text,
            ascii,
            checkpoints,
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let block = (byte / STEP).min(self.checkpoints.len().saturating_sub(1));
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = block * STEP;
        let extra = starts_of_chars(self.text.as_bytes().get(from..byte).unwrap_or_default());
        base + extra
    }
}

/// How many characters start in `bytes`: the bytes that are not UTF-8
/// continuation bytes (`10xxxxxx`, below -64 as signed bytes). Counted
/// without branches into a byte (a block has at most [`STEP`] bytes; the
/// count of longer pieces is summed from such blocks), which the compiler
/// turns into vector code: sixteen bytes in a few instructions.
fn starts_of_chars(bytes: &[u8]) -> usize {
    bytes
        .chunks(STEP)
        .map(|block| {
            block
                .iter()
                .map(|&b| u8::from((b as i8) >= -0x40))
                .fold(0u8, u8::wrapping_add) as usize
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_characters_are_left_alone_by_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..0x300)
            .filter_map(char::from_u32)
            .chain(PLAIN_PUNCTUATION)
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
        }
        assert!(only_plain_characters("„Müller“ – 2:1… für 5 €, Đoković"));
        assert!(!only_plain_characters("Mu\u{308}ller"));
        assert!(!only_plain_characters("Ω\u{2126}"));
        // the same text as NFC, with and without the shortcut
        for t in [
            "Mu\u{308}ller trifft",
            "a\u{2126}b",
            "„Tor“ – ja",
            "12345678ü12345678",
        ] {
            assert_eq!(normalise(t), t.nfc().collect::<String>(), "{t:?}");
        }
    }

    proptest::proptest! {
        /// The eight-byte scan answers as the plain definition does.
        #[test]
        fn plain_scan_is_the_definition(s in "[a-z .ÄüßĐǅ\u{2d8}\u{2ff}\u{300}\u{308}–„“…€Ω‹μ🙂]{0,40}") {
            let plain = s.chars().all(|c| c < '\u{300}' || PLAIN_PUNCTUATION.contains(&c));
            proptest::prop_assert_eq!(only_plain_characters(&s), plain);
        }
    }

    #[test]
    fn finds_the_first_non_ascii_byte() {
        let text = "Tor für Müller, 2:1 — „Ja“ ist gut. abcdefghijklmnopqrstuvwxyz ß".as_bytes();
        for a in 0..text.len() {
            for b in a..=text.len() {
                let piece = text.get(a..b).unwrap_or_default();
                assert_eq!(
                    next_non_ascii(piece),
                    piece.iter().position(|c| !c.is_ascii())
                );
            }
        }
    }

    #[test]
    fn counts_character_starts_like_chars() {
        let text = "Müller trifft — 2:1 (1:0) für Ω und 🙂, ǅ; Straße.\r\n";
        for a in 0..text.len() {
            for b in a..=text.len() {
                if let Some(piece) = text.get(a..b) {
                    assert_eq!(starts_of_chars(piece.as_bytes()), piece.chars().count());
                }
            }
        }
    }

    #[test]
    fn folds_line_ends() {
        assert_eq!(normalise("a\r\n\r\nb\r"), "a\n\nb\n");
    }

    #[test]
    fn quick_check_sees_the_same_without_ascii() {
        use unicode_normalization::IsNormalized;
        let same = |t: &str| {
            let a = is_nfc_quick(t.chars());
            let b = is_nfc_quick(non_ascii_with_gaps(t));
            assert_eq!(a, b, "{t:?}");
            a
        };
        let long = format!("{}Mu\u{308}ller", "x".repeat(70));
        for t in [
            "",
            "abc",
            "Müller",
            "Mu\u{308}ller",
            "a\u{301}\u{316}",
            "a\u{316}\u{301}",
        ] {
            same(t);
        }
        // a combining mark right after another, and one after ASCII
        assert_eq!(same("e\u{301}x\u{316}"), IsNormalized::Maybe);
        assert_eq!(same("\u{301}\u{316}"), IsNormalized::No);
        assert_eq!(same("\u{301}x\u{316}"), IsNormalized::Maybe);
        assert_eq!(same(&long), IsNormalized::Maybe);
        assert_eq!(same("„Gut“ – sagt Özil…"), IsNormalized::Yes);
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(normalise("Jo\u{308}nko\u{308}ping"), "Jönköping");
        assert_eq!(normalise("Jönköping").len(), "Jönköping".len());
    }

    #[test]
    fn char_index_matches_python_offsets() {
        let text = "„Über“ Müller (42.) – 2:1 ".repeat(20);
        assert_eq!(CharIndex::new("ü").char_at(2), 1);
        assert_eq!(CharIndex::new(&"ü".repeat(32)).char_at(64), 32);
        let idx = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_at(byte), chars);
        }
        assert_eq!(idx.char_at(text.len()), text.chars().count());
    }
}
