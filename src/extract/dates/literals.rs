//! A leftmost-first search for a few literal strings, as the word searches
//! of the dates use it ([`super::words`], [`super::folded`]).
//!
//! `aho-corasick`'s automaton finds its candidates with the vectorised
//! Teddy search and then runs the automaton from each of them to confirm
//! the match, which Teddy has already verified. Its packed searcher is
//! Teddy alone and reports the same matches (the same leftmost-first
//! preference among patterns) without that second look. It exists only
//! where the CPU has the vector instructions Teddy needs; elsewhere the
//! automaton searches.

use aho_corasick::{AhoCorasick, MatchKind, packed};
use std::ops::Range;

pub enum Literals {
    Teddy(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Literals {
    /// A search for `patterns`, preferring the earlier of two that match at
    /// one position.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Self {
        let mut teddy = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder();
        match teddy.extend(patterns).build() {
            Some(searcher) => Literals::Teddy(searcher),
            None => Literals::Automaton(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(patterns)
                    .expect("a few words make an automaton"),
            ),
        }
    }

    /// Calls `found` with each of the leftmost-first matches in `haystack`
    /// that do not overlap, in order, and its pattern's number.
    pub fn for_each(&self, haystack: &[u8], mut found: impl FnMut(Range<usize>, usize)) {
        match self {
            Literals::Teddy(s) => s
                .find_iter(haystack)
                .for_each(|m| found(m.range(), m.pattern().as_usize())),
            Literals::Automaton(a) => a
                .find_iter(haystack)
                .for_each(|m| found(m.range(), m.pattern().as_usize())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WORDS: [&str; 9] = [
        "Mai",
        "Montag",
        "Mon",
        "vorgestern",
        "vor",
        "gestern",
        "über",
        "Über",
        "ab",
    ];

    fn automaton(text: &str) -> Vec<(Range<usize>, usize)> {
        let a = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(WORDS)
            .expect("automaton");
        a.find_iter(text)
            .map(|m| (m.range(), m.pattern().as_usize()))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn teddy_finds_what_the_automaton_finds(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Mai", "Mo", "Montag", "ntag", "vor", "gestern", "ges", "über", "Über", "ab",
                "a", " ", "ü", "x",
            ]), 0..60),
        ) {
            let text: String = v.concat();
            let literals = Literals::new(&WORDS);
            prop_assert!(matches!(literals, Literals::Teddy(_)) || !cfg!(target_arch = "x86_64"));
            let mut found = Vec::new();
            literals.for_each(text.as_bytes(), |r, p| found.push((r, p)));
            prop_assert_eq!(found, automaton(&text), "{:?}", text);
        }
    }
}
