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
    let folded: std::borrow::Cow<'_, str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    match is_nfc_quick(folded.chars()) {
        unicode_normalization::IsNormalized::Yes => folded.into_owned(),
        _ => folded.nfc().collect(),
    }
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
            let bytes = text.as_bytes();
            let mut chars = 0usize;
            for (i, b) in bytes.iter().enumerate() {
                if i % STEP == 0 {
                    checkpoints.push(chars);
                }
                // count every byte that starts a character
                if (b & 0xC0) != 0x80 {
                    chars += 1;
                }
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
        let extra = self
            .text
            .as_bytes()
            .get(from..byte)
            .unwrap_or_default()
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count();
        base + extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_line_ends() {
        assert_eq!(normalise("a\r\n\r\nb\r"), "a\n\nb\n");
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
