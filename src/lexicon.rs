//! Word lists, kept as data.
//!
//! Every list the extractors use lives in one file under `data/`, one entry
//! per line (`#` starts a comment). This module loads each once and offers
//! simple lookups; the extractors never spell out word lists in code.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Parses a list file: trimmed lines, comments and blanks dropped.
pub fn entries(raw: &'static str) -> impl Iterator<Item = &'static str> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A list loaded into a set.
pub struct WordSet(HashSet<&'static str>);

impl WordSet {
    pub fn new(raw: &'static str) -> Self {
        WordSet(entries(raw).collect())
    }
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.0.iter()
    }
}

/// Abbreviations that end with a period inside a sentence (`Nr.`, `bzw.`).
pub static ABBREVIATIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/abbreviations.txt")));
