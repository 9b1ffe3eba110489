//! One article after reading, normalising and segmenting: the input every
//! extractor works on.

use crate::header::{self, Header};
use crate::normalise::{CharIndex, normalise_owned};
use crate::read::Encoding;
use crate::segment;
use std::ops::Range;

/// An article ready for extraction.
pub struct Article {
    /// Path relative to its input folder, `/`-separated.
    pub id: String,
    /// The path it was read from.
    pub path: String,
    pub encoding: Encoding,
    /// The normalised text (LF line ends, NFC). Every offset points here.
    pub text: String,
    pub header: Header,
    /// Sentences of the article body as byte ranges into `text`.
    pub sentences: Vec<Range<usize>>,
}

impl Article {
    /// Normalises decoded text, reads the header and segments the body.
    pub fn new(id: String, path: String, encoding: Encoding, decoded: String) -> Self {
        let text = normalise_owned(decoded);
        let header = header::parse(&text);
        let sentences = segment::sentences(&text, header.body_start);
        Article {
            id,
            path,
            encoding,
            text,
            header,
            sentences,
        }
    }

    /// An article from a string, for tests and examples.
    pub fn from_text(id: &str, text: &str) -> Self {
        Article::new(
            id.to_string(),
            id.to_string(),
            Encoding::Utf8,
            text.to_string(),
        )
    }

    /// Byte offset where the article body (after the header) begins.
    pub fn body_start(&self) -> usize {
        self.header.body_start
    }

    /// The article body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start()..]
    }

    /// The 1-based sentence index of a byte offset.
    pub fn sentence_of(&self, pos: usize) -> usize {
        segment::sentence_index(&self.sentences, pos)
    }

    /// The sentence holding byte offset `pos`, as a byte range.
    pub fn sentence_range(&self, pos: usize) -> Range<usize> {
        let i = self.sentence_of(pos);
        self.sentences
            .get(i.wrapping_sub(1))
            .cloned()
            .unwrap_or(0..self.text.len())
    }

    /// A byte-to-character offset map for this article's text.
    pub fn char_index(&self) -> CharIndex<'_> {
        CharIndex::new(&self.text)
    }
}
