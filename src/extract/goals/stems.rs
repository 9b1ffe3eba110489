//! [`WordSet::stem_of`] for the goal and miss words, with byte maps that
//! answer most words without a comparison and without lowering them.
//!
//! A word is a stem's when it is an entry, or starts or ends with an entry
//! of five letters or more (`Ehrentreffer` with `treffer`). `stem_of`
//! compares every word of a sentence with every long entry at both ends
//! (dozens of comparisons per word). Here the first two and the last two
//! bytes of the long entries are kept as bit maps, and each long entry
//! with the number of its first (last) two bytes: a word is compared only
//! with the entries that share them. [`Stems::stem_of_word`] takes a word
//! as written: an ASCII word whose length, first byte and ends (in lower
//! case) fit no entry is answered before it is lowered.

use crate::lexicon::lower::{ROOM, lower};
use crate::lexicon::{Bits, GOAL_WORDS, MISS_WORDS, WordSet};
use std::sync::LazyLock;

/// The goal words (`data/goal_words.txt`) as stems.
pub static GOAL_STEMS: LazyLock<Stems> = LazyLock::new(|| Stems::of(&GOAL_WORDS));
/// The miss words (`data/miss_words.txt`) as stems.
pub static MISS_STEMS: LazyLock<Stems> = LazyLock::new(|| Stems::of(&MISS_WORDS));

pub struct Stems {
    set: &'static WordSet,
    /// The entries' shortest and longest length in bytes, and their first
    /// bytes.
    lengths: (usize, usize),
    firsts: Bits<4>,
    /// The entries of five letters or more (as [`WordSet::stem_of`] takes
    /// them), each with its first two and its last two bytes ([`pair`]).
    heads: Vec<(usize, &'static str)>,
    tails: Vec<(usize, &'static str)>,
    /// The same pairs as bit maps.
    head_bits: Bits<64>,
    tail_bits: Bits<64>,
    /// The shortest long entry, in bytes.
    shortest: usize,
}

/// Two bytes as one of 4096 bits (the low six bits of each: letters stay
/// apart).
fn pair(a: u8, b: u8) -> usize {
    usize::from(a & 63) << 6 | usize::from(b & 63)
}

/// The pairs of the first two and the last two bytes of `b`.
fn ends(b: &[u8]) -> Option<(usize, usize)> {
    let (&b0, &b1) = (b.first()?, b.get(1)?);
    let (&y, &z) = (b.get(b.len().checked_sub(2)?)?, b.last()?);
    Some((pair(b0, b1), pair(y, z)))
}

impl Stems {
    fn of(set: &'static WordSet) -> Self {
        let long: Vec<(usize, usize, &'static str)> = set
            .iter()
            .copied()
            .filter(|e| e.chars().count() >= 5)
            .filter_map(|e| ends(e.as_bytes()).map(|(h, t)| (h, t, e)))
            .collect();
        Stems {
            set,
            lengths: (
                set.iter().map(|e| e.len()).min().unwrap_or(usize::MAX),
                set.iter().map(|e| e.len()).max().unwrap_or(0),
            ),
            firsts: Bits::of(set.iter().filter_map(|e| e.bytes().next()).map(usize::from)),
            heads: long.iter().map(|&(h, _, e)| (h, e)).collect(),
            tails: long.iter().map(|&(_, t, e)| (t, e)).collect(),
            head_bits: Bits::of(long.iter().map(|&(h, _, _)| h)),
            tail_bits: Bits::of(long.iter().map(|&(_, t, _)| t)),
            shortest: long
                .iter()
                .map(|(_, _, e)| e.len())
                .min()
                .unwrap_or(usize::MAX),
        }
    }

    /// [`WordSet::stem_of`] (`word` in lower case).
    pub fn stem_of(&self, word: &str) -> bool {
        if self.set.contains(word) {
            return true;
        }
        if word.len() < self.shortest {
            return false;
        }
        let Some((h, t)) = ends(word.as_bytes()) else {
            return false;
        };
        (self.head_bits.has(h)
            && self
                .heads
                .iter()
                .any(|&(k, e)| k == h && word.starts_with(e)))
            || (self.tail_bits.has(t)
                && self.tails.iter().any(|&(k, e)| k == t && word.ends_with(e)))
    }

    /// [`Stems::stem_of`] of `word` in lower case.
    pub fn stem_of_word(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.is_ascii() {
            // lowering an ASCII word keeps its length and lowers each byte
            let low = |i: usize| b.get(i).map(u8::to_ascii_lowercase);
            let entry = (self.lengths.0..=self.lengths.1).contains(&b.len())
                && low(0).is_some_and(|c| self.firsts.has(c.into()));
            let stem = b.len() >= self.shortest
                && match (
                    low(0),
                    low(1),
                    b.len().checked_sub(2).and_then(low),
                    b.len().checked_sub(1).and_then(low),
                ) {
                    (Some(b0), Some(b1), Some(y), Some(z)) => {
                        self.head_bits.has(pair(b0, b1)) || self.tail_bits.has(pair(y, z))
                    }
                    _ => false,
                };
            if !entry && !stem {
                return false;
            }
        }
        let mut buf = [0; ROOM];
        self.stem_of(&lower(word, &mut buf))
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
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        for w in &words {
            assert_eq!(GOAL_STEMS.stem_of(w), GOAL_WORDS.stem_of(w), "{w:?}");
            assert_eq!(MISS_STEMS.stem_of(w), MISS_WORDS.stem_of(w), "{w:?}");
        }
        for w in words.iter().chain(&upper) {
            let l = w.to_lowercase();
            assert_eq!(GOAL_STEMS.stem_of_word(w), GOAL_WORDS.stem_of(&l), "{w:?}");
            assert_eq!(MISS_STEMS.stem_of_word(w), MISS_WORDS.stem_of(&l), "{w:?}");
        }
        assert!(GOAL_STEMS.stem_of("ehrentreffer") && MISS_STEMS.stem_of("glanzparade"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_stems(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "tor", "treffer", "pfosten", "parade", "vorbei", "ä", "ü", "ß", "x", "e", "n",
                "chance", "latte", "linie", "Tor", "TREFFER", "Ü", "Pfosten", "İ",
            ]), 0..5),
        ) {
            let w: String = v.concat();
            prop_assert_eq!(GOAL_STEMS.stem_of(&w), GOAL_WORDS.stem_of(&w), "{:?}", w);
            prop_assert_eq!(MISS_STEMS.stem_of(&w), MISS_WORDS.stem_of(&w), "{:?}", w);
            let l = w.to_lowercase();
            prop_assert_eq!(GOAL_STEMS.stem_of_word(&w), GOAL_WORDS.stem_of(&l), "{:?}", w);
            prop_assert_eq!(MISS_STEMS.stem_of_word(&w), MISS_WORDS.stem_of(&l), "{:?}", w);
        }
    }
}
