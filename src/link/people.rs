//! Person names in an article and their fullest forms.
//!
//! [`People::new`] finds every person-name mention in the article body
//! (capitalised token sequences in name contexts, first names from
//! `data/first_names.txt`, particles such as `de`, `van`, `da`, `von`,
//! hyphenated names; never ordinary German nouns) and groups mentions of
//! the same person, so `Doku` resolves to `Jeremy Doku` and `De Bruyne` to
//! `Kevin De Bruyne`.
//!
//! A full name is found in one of these contexts:
//! - a first name from the list, then optional particles and a surname
//!   (`Kevin De Bruyne`, `Danny da Costa`, `Trent Alexander-Arnold`);
//! - a role noun right before it (`Trainer Benny Link`, `RB-Keeper X Y`);
//! - two capitalised words right before a minute stamp or an age in
//!   parentheses (`Mads Lund (15.)`, `Ali Aliev (44)`);
//! - two capitalised words whose second word stands alone elsewhere in a
//!   name context (`… war Benn Ferriero …` with `Ferriero (51.)`).
//!
//! A single capitalised word before a minute stamp (`Tallinder (65.)`) or
//! after a role noun (`Trainer Fink`) is a person too, when no fuller form
//! exists. Words from `data/non_names.txt`, words the article also writes in
//! lower case, and words with noun suffixes (`-ung`, `-heit`, …) are never
//! names.
//!
//! This module answers questions about the people found; `finder` finds
//! them, `words` holds the word-level tests (`lower` their lower-case
//! forms), `tokens` splits the text, `vocab` numbers its distinct words.

mod finder;
mod lower;
mod name_words;
#[cfg(test)]
mod reference;
mod tokens;
mod vocab;
mod words;

use crate::article::Article;
use finder::Finder;
pub use words::{is_attribute, is_capitalised, is_first_name, is_role};

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
    pub fn new(article: &Article) -> Self {
        let from = article.body_start().min(article.text.len());
        Finder::new(&article.text, from).run()
    }

    /// The people named in a plain text (the whole text is the body).
    pub fn from_text(text: &str) -> Self {
        Finder::new(text, 0).run()
    }

    /// The fullest form of the name `mention` (`Doku` → `Jeremy Doku`);
    /// the mention itself when the article has no fuller form.
    pub fn resolve(&self, mention: &str) -> String {
        let m = mention.split_whitespace().collect::<Vec<_>>().join(" ");
        if m.is_empty() {
            return m;
        }
        if let Some(p) = self.lookup(&m) {
            return p.to_string();
        }
        // genitive: `Harders` → `Harder`
        if let Some(base) = m.strip_suffix('s')
            && base.chars().count() >= 3
            && let Some(p) = self.lookup(base)
        {
            return p.to_string();
        }
        m
    }

    /// The fullest person name matching a written name, if any.
    fn lookup(&self, m: &str) -> Option<&str> {
        if let Some(p) = self.persons.iter().find(|p| p.as_str() == m) {
            return Some(p);
        }
        // surname (with particles): `Doku`, `De Bruyne`
        let tail = format!(" {m}");
        if let Some(p) = self.persons.iter().find(|p| p.ends_with(&tail)) {
            return Some(p);
        }
        // initial and surname: `J. Eggestein`
        if let Some((initial, rest)) = m.split_once(". ") {
            let mut ic = initial.chars();
            if let (Some(c), None) = (ic.next(), ic.next()) {
                let tail = format!(" {rest}");
                return self
                    .persons
                    .iter()
                    .find(|p| p.starts_with(c) && p.ends_with(&tail))
                    .map(String::as_str);
            }
        }
        None
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
        // mentions are sorted by start and short: only the few that start
        // at or before `pos` can cover it (binary search, not a scan)
        let upto = self.mentions.partition_point(|m| m.start <= pos);
        self.mentions
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(8)
            .find(|m| pos < m.end)
    }

    /// The last mention that ends at or before byte offset `pos`.
    pub fn last_before(&self, pos: usize) -> Option<&Mention> {
        let upto = self.mentions.partition_point(|m| m.start < pos);
        self.mentions
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .find(|m| m.end <= pos)
    }

    /// The fullest name of a mention's person.
    pub fn name_of(&self, mention: &Mention) -> &str {
        self.persons.get(mention.person).map_or("", String::as_str)
    }

    /// The mentions that lie inside a byte range.
    pub fn mentions_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let from = self.mentions.partition_point(|m| m.start < start);
        self.mentions
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |m| m.start < end)
            .filter(move |m| m.end <= end)
    }
}

#[cfg(test)]
mod tests;
