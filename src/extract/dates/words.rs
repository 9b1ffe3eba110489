//! The words most date patterns start from, found in one pass over the
//! text: the first three letters of every month name and abbreviation
//! (`Sep` stands for `September`, `Sept.` and `Sep.`) and the weekdays'
//! names.
//!
//! One vectorised Teddy search ([`Literals`]) finds them all, where the
//! regexes each ran their own search and then a capturing automaton at
//! every hit. The search reports leftmost-first matches that
//! do not overlap, and yet it misses none that a pattern needs:
//!
//! - no two of the words match at one position (they differ within their
//!   first three bytes);
//! - month stems and weekdays start with a capital and have none inside,
//!   so one of them never starts inside another word's match.

use super::literals::Literals;
use crate::lexicon::{MONTHS, WEEKDAYS};
use std::sync::LazyLock;

/// What a hit is the start of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// The first three letters of a month name or abbreviation.
    Month,
    /// A weekday's name, with its ISO number (Monday = 1).
    Weekday(i8),
}

/// One word found: its byte span and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub word: Word,
}

struct Words {
    search: Literals,
    /// What each pattern of `search` is, by pattern number.
    words: Vec<Word>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut words = Vec::new();
    for (name, _) in MONTHS.iter() {
        let stem: String = name.chars().take(3).collect();
        if !patterns.contains(&stem) {
            patterns.push(stem);
            words.push(Word::Month);
        }
    }
    for (name, n) in WEEKDAYS.iter() {
        patterns.push(name.to_string());
        words.push(Word::Weekday(*n as i8));
    }
    Words {
        search: Literals::new(&patterns),
        words,
    }
});

/// Every month stem and weekday of `text`, in order.
pub fn hits(text: &str) -> Vec<Hit> {
    let w = &*WORDS;
    let mut hits = Vec::new();
    w.search.for_each(text.as_bytes(), |m, pattern| {
        if let Some(&word) = w.words.get(pattern) {
            hits.push(Hit {
                start: m.start,
                end: m.end,
                word,
            });
        }
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_kind() {
        let text = "Am Sonntag, 7. Sept., vor 3 Jahren: Novor, Vorlage, Mai.";
        let found: Vec<(&str, Word)> = hits(text)
            .into_iter()
            .map(|h| (&text[h.start..h.end], h.word))
            .collect();
        assert_eq!(
            found,
            [
                ("Sonntag", Word::Weekday(7)),
                ("Sep", Word::Month),
                ("Nov", Word::Month),
                ("Mai", Word::Month),
            ]
        );
    }

    #[test]
    fn every_name_is_one_hit_of_its_kind() {
        // the proof above needs names with one capital, at their start
        for (name, n) in MONTHS.iter().chain(WEEKDAYS.iter()) {
            let mut chars = name.chars();
            assert!(chars.next().is_some_and(char::is_uppercase), "{name}");
            assert!(!chars.any(char::is_uppercase), "{name}");
            let found = hits(name);
            assert_eq!(found.len(), 1, "{name}");
            let weekday = WEEKDAYS.iter().any(|w| w.0 == *name);
            let want = if weekday {
                Word::Weekday(*n as i8)
            } else {
                Word::Month
            };
            assert_eq!((found[0].start, found[0].word), (0, want), "{name}");
        }
    }
}
