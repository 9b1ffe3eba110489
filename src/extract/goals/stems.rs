//! [`WordSet::stem_of`] for the goal and miss words, with the two byte
//! maps that answer most words without a comparison.
//!
//! A word is a stem's when it is an entry, or starts or ends with an entry
//! of five letters or more (`Ehrentreffer` with `treffer`). `stem_of`
//! compares every word of a sentence with every long entry at both ends
//! (dozens of comparisons per word); here the first two and the last two
//! bytes of the long entries are kept as bit maps, and a word whose ends
//! are in neither is answered by the set alone.

use crate::lexicon::{Bits, GOAL_WORDS, MISS_WORDS, WordSet};
use std::sync::LazyLock;

/// The goal words (`data/goal_words.txt`) as stems.
pub static GOAL_STEMS: LazyLock<Stems> = LazyLock::new(|| Stems::of(&GOAL_WORDS));
/// The miss words (`data/miss_words.txt`) as stems.
pub static MISS_STEMS: LazyLock<Stems> = LazyLock::new(|| Stems::of(&MISS_WORDS));

pub struct Stems {
    set: &'static WordSet,
    /// The entries of five letters or more (as [`WordSet::stem_of`] takes them).
    long: Vec<&'static str>,
    /// Their first two and last two bytes ([`pair`]).
    heads: Bits<64>,
    tails: Bits<64>,
    /// The shortest long entry, in bytes.
    shortest: usize,
}

/// Two bytes as one of 4096 bits (the low six bits of each: letters stay
/// apart).
fn pair(a: u8, b: u8) -> usize {
    usize::from(a & 63) << 6 | usize::from(b & 63)
}

impl Stems {
    fn of(set: &'static WordSet) -> Self {
        let long: Vec<&'static str> = set
            .iter()
            .copied()
            .filter(|e| e.chars().count() >= 5)
            .collect();
        let ends = |e: &&str, last: bool| {
            let b = e.as_bytes();
            let (x, y) = if last {
                (b.len().checked_sub(2)?, b.len().checked_sub(1)?)
            } else {
                (0, 1)
            };
            Some(pair(*b.get(x)?, *b.get(y)?))
        };
        Stems {
            set,
            heads: Bits::of(long.iter().filter_map(|e| ends(e, false))),
            tails: Bits::of(long.iter().filter_map(|e| ends(e, true))),
            shortest: long.iter().map(|e| e.len()).min().unwrap_or(usize::MAX),
            long,
        }
    }

    /// [`WordSet::stem_of`].
    pub fn stem_of(&self, word: &str) -> bool {
        if self.set.contains(word) {
            return true;
        }
        let b = word.as_bytes();
        if b.len() < self.shortest {
            return false;
        }
        let (Some(&b0), Some(&b1)) = (b.first(), b.get(1)) else {
            return false;
        };
        let (Some(&y), Some(&z)) = (b.len().checked_sub(2).and_then(|i| b.get(i)), b.last()) else {
            return false;
        };
        (self.heads.has(pair(b0, b1)) && self.long.iter().any(|e| word.starts_with(*e)))
            || (self.tails.has(pair(y, z)) && self.long.iter().any(|e| word.ends_with(*e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn same_answers_as_the_word_sets() {
        let mut words: Vec<String> = Vec::new();
        for list in [&*GOAL_WORDS, &*MISS_WORDS] {
            for e in list.iter() {
                words.extend([
                    e.to_string(),
                    format!("x{e}"),
                    format!("{e}x"),
                    format!("ab{e}cd"),
                    e.chars().skip(1).collect(),
                    e.chars().take(e.chars().count() - 1).collect(),
                ]);
            }
        }
        words.extend(["", "a", "ab", "Ehrentreffer", "glanzparade", "über"].map(String::from));
        for w in &words {
            assert_eq!(GOAL_STEMS.stem_of(w), GOAL_WORDS.stem_of(w), "{w:?}");
            assert_eq!(MISS_STEMS.stem_of(w), MISS_WORDS.stem_of(w), "{w:?}");
        }
        assert!(GOAL_STEMS.stem_of("ehrentreffer") && MISS_STEMS.stem_of("glanzparade"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_stems(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "tor", "treffer", "pfosten", "parade", "vorbei", "ä", "ü", "ß", "x", "e", "n",
                "chance", "latte", "linie",
            ]), 0..5),
        ) {
            let w: String = v.concat();
            prop_assert_eq!(GOAL_STEMS.stem_of(&w), GOAL_WORDS.stem_of(&w), "{:?}", w);
            prop_assert_eq!(MISS_STEMS.stem_of(&w), MISS_WORDS.stem_of(&w), "{:?}", w);
        }
    }
}
