//! Person names in an article and their fullest forms.
//!
//! [`People::new`] finds every person-name mention in the article body
//! (capitalised token sequences in name contexts, first names from
//! `data/first_names.txt`, particles such as `de`, `van`, `da`, `von`,
//! hyphenated names; never ordinary German nouns) and groups mentions of
//! the same person, so `Doku` resolves to `Jeremy Doku` and `De Bruyne` to
//! `Kevin De Bruyne`.
//!
//! STUB: the API below is fixed; the recognition is not written yet (no
//! mentions are found and every name resolves to itself).

use crate::article::Article;

/// One place where the article names a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the name as written (`Doku`, `Jeremy Doku`).
    pub start: usize,
    pub end: usize,
    /// Index into [`People::persons`].
    pub person: usize,
}

/// The people an article names.
#[derive(Debug, Default)]
pub struct People {
    /// Fullest name form of each distinct person, in order of first mention.
    persons: Vec<String>,
    /// Every mention, sorted by `start`.
    mentions: Vec<Mention>,
}

impl People {
    pub fn new(_article: &Article) -> Self {
        People::default()
    }

    /// The fullest form of the name `mention` (`Doku` → `Jeremy Doku`);
    /// the mention itself when the article has no fuller form.
    pub fn resolve(&self, mention: &str) -> String {
        mention.to_string()
    }

    /// Fullest name of each person, in order of first mention.
    pub fn persons(&self) -> &[String] {
        &self.persons
    }

    /// Every person mention, sorted by start offset.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mention that covers byte offset `pos`, if any.
    pub fn mention_at(&self, pos: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.start <= pos && pos < m.end)
    }

    /// The last mention that ends at or before byte offset `pos`.
    pub fn last_before(&self, pos: usize) -> Option<&Mention> {
        self.mentions.iter().rev().find(|m| m.end <= pos)
    }

    /// The fullest name of a mention's person.
    pub fn name_of(&self, mention: &Mention) -> &str {
        self.persons.get(mention.person).map_or("", String::as_str)
    }
}
