//! The distinct words of a text, numbered.
//!
//! An article of 350 words writes about 220 distinct ones, and a name
//! (`Müller`, `Bayern`) comes back again and again. Numbering the words
//! once lets the finder ask its word-level questions (a role? a first
//! name? never a name?) once per distinct word instead of once per token,
//! keep what it learns about a word in an array instead of a set of
//! strings, and compare names as number sequences instead of joined
//! strings.
//!
//! The table is an open-addressing hash table, at most half full (it
//! doubles when it would be fuller). A slot holds a word's number and the
//! top half of its hash, so that a probe is settled by one load and most
//! probes without comparing bytes; the words' hashes are kept to move
//! them when the table grows.

/// The distinct words of a text, each with a number (in order of first
/// occurrence).
pub(super) struct Vocab<'t> {
    /// The text the words are taken from.
    text: &'t str,
    /// Each distinct word (where it first occurs) and its hash, by number.
    words: Vec<Word>,
    /// The table: a word's [`TAG`] bits and its number plus one in the
    /// low half, 0 for a free slot.
    slots: Vec<u64>,
}

/// A distinct word: its first occurrence, as a byte range of the text
/// (a string is made of it only when asked), and its [`hash`].
struct Word {
    start: usize,
    end: usize,
    hash: u64,
}

/// The bits of a hash kept in a slot (the slot's place is chosen by the
/// low bits).
const TAG: u64 = 0xFFFF_FFFF_0000_0000;

impl<'t> Vocab<'t> {
    /// An empty table for the words of `text`, with room for `words`
    /// distinct words (more if needed).
    pub(super) fn new(text: &'t str, words: usize) -> Self {
        let size = (2 * words).next_power_of_two().max(16);
        Vocab {
            text,
            words: Vec::with_capacity(words),
            slots: vec![0; size],
        }
    }

    /// Twice as many slots, every word moved to its new place.
    fn grow(&mut self) {
        let size = 2 * self.slots.len();
        let mask = size - 1;
        self.slots = vec![0; size];
        for (id, w) in self.words.iter().enumerate() {
            let mut i = slot(w.hash, mask);
            while let Some(s) = self.slots.get_mut(i) {
                if *s == 0 {
                    *s = entry(w.hash, id as u32);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// The number of `word`, the bytes of the text from `start`, given a
    /// new one if it is not in the table yet, and whether it is new. `h`
    /// is the word's [`hash`].
    #[inline(always)]
    pub(super) fn intern(&mut self, word: &[u8], start: usize, h: u64) -> (u32, bool) {
        let mask = self.slots.len() - 1;
        let mut i = slot(h, mask);
        while let Some(&s) = self.slots.get(i) {
            if s == 0 {
                let id = self.words.len() as u32;
                self.words.push(Word {
                    start,
                    end: start + word.len(),
                    hash: h,
                });
                if let Some(free) = self.slots.get_mut(i) {
                    *free = entry(h, id);
                }
                if 2 * self.words.len() > self.slots.len() {
                    self.grow();
                }
                return (id, true);
            }
            if (s ^ h) & TAG == 0 && same_bytes(self.bytes(number(s)), word) {
                return (number(s), false);
            }
            i = (i + 1) & mask;
        }
        (u32::MAX, false)
    }

    /// The number of `word`, if the text has it.
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        self.get_hashed(word, hash(word.as_bytes()))
    }

    /// [`Vocab::get`] with the word's [`hash`] known.
    pub(super) fn get_hashed(&self, word: &str, h: u64) -> Option<u32> {
        self.find(h, |w| same_bytes(w, word.as_bytes()))
    }

    /// The number of the lower-case form of `word`, an ASCII word whose
    /// only capital is its first letter (`Meister` for `meister`), if the
    /// text has it; `h` is [`hash_first_lowered`] of `word`.
    pub(super) fn get_first_lowered(&self, word: &[u8], h: u64) -> Option<u32> {
        self.find(h, |w| first_lowered_is(word, w))
    }

    /// The number of the word with hash `h` that `is` accepts, if any.
    fn find(&self, h: u64, is: impl Fn(&[u8]) -> bool) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = slot(h, mask);
        while let Some(&s) = self.slots.get(i) {
            if s == 0 {
                return None;
            }
            if (s ^ h) & TAG == 0 && is(self.bytes(number(s))) {
                return Some(number(s));
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The bytes of word number `id`.
    fn bytes(&self, id: u32) -> &'t [u8] {
        let text = self.text.as_bytes();
        self.words
            .get(id as usize)
            .and_then(|w| text.get(w.start..w.end))
            .unwrap_or_default()
    }

    /// Word number `id`.
    pub(super) fn word(&self, id: u32) -> &'t str {
        self.words
            .get(id as usize)
            .and_then(|w| self.text.get(w.start..w.end))
            .unwrap_or("")
    }

    /// How many distinct words the table holds.
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }
}

/// A slot of the table: the [`TAG`] bits of hash `h` and number `id` plus
/// one.
fn entry(h: u64, id: u32) -> u64 {
    h & TAG | (u64::from(id) + 1)
}

/// The word number a (taken) slot holds.
fn number(s: u64) -> u32 {
    (s as u32).wrapping_sub(1)
}

/// `a == b`, for words of up to sixteen bytes in two comparisons of
/// numbers (read like [`hash`] reads them) or three of bytes, instead of a
/// call to `memcmp`.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        // the first, middle and last byte are all of them
        1..=3 => a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last(),
        4..=7 => {
            a.first_chunk::<4>() == b.first_chunk::<4>()
                && a.last_chunk::<4>() == b.last_chunk::<4>()
        }
        8..=16 => {
            a.first_chunk::<8>() == b.first_chunk::<8>()
                && a.last_chunk::<8>() == b.last_chunk::<8>()
        }
        _ => a == b,
    }
}

/// Whether `lower` is `word` with its first byte in lower case.
pub(super) fn first_lowered_is(word: &[u8], lower: &[u8]) -> bool {
    match (word.split_first(), lower.split_first()) {
        (Some((w, ws)), Some((l, ls))) => w | 0x20 == *l && same_bytes(ws, ls),
        _ => false,
    }
}

/// The slot a hash starts probing at: its low bits (the [`TAG`] bits are
/// the others).
fn slot(h: u64, mask: usize) -> usize {
    h as usize & mask
}

/// A hash of a word's bytes, read eight bytes at a time (the last eight
/// overlapping the ones before; a word of under eight bytes in two reads
/// of up to four), mixed by multiplication. The name lists
/// ([`super::words::NAME_WORDS`]) are looked up with the same hash, so a
/// word is hashed once for both.
pub(super) fn hash(b: &[u8]) -> u64 {
    hash_impl(b, false)
}

/// [`hash`] of `b` with its first byte (an ASCII capital) in lower case:
/// the hash of a capitalised word's lower-case form, without writing it.
pub(super) fn hash_first_lowered(b: &[u8]) -> u64 {
    hash_impl(b, true)
}

/// [`hash`], with the first byte read in lower case when `lower0`.
#[inline(always)]
fn hash_impl(b: &[u8], lower0: bool) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let n = b.len();
    let mix = |h: u64, x: u64| (h.rotate_left(23) ^ x).wrapping_mul(K);
    // a read that starts at byte 0 has that byte lowest
    let first = |x: u64, at0: bool| if lower0 && at0 { x | 0x20 } else { x };
    let mut h = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let mut rest = b;
        let mut at0 = true;
        while let Some((head, tail)) = rest.split_first_chunk::<8>() {
            if tail.is_empty() {
                break;
            }
            h = mix(h, first(u64::from_le_bytes(*head), at0));
            at0 = false;
            rest = tail;
        }
        if let Some(last) = b.last_chunk::<8>() {
            h = mix(h, first(u64::from_le_bytes(*last), n == 8));
        }
    } else if n >= 4 {
        let lo = b.first_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
        let hi = b.last_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
        let (lo, hi) = (first(u64::from(lo), true), first(u64::from(hi), n == 4));
        h = mix(h, lo | hi << 32);
    } else if let (Some(&f), Some(&last)) = (b.first(), b.last()) {
        let mid = b.get(n / 2).copied().unwrap_or(0);
        let byte = |x: u8, at0: bool| first(u64::from(x), at0);
        h = mix(
            h,
            byte(f, true) | byte(mid, n / 2 == 0) << 8 | byte(last, n == 1) << 16,
        );
    }
    h ^ h >> 29
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// `words` joined by spaces, and where each starts.
    fn text_of(words: &[&str]) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::new();
        for w in words {
            starts.push(text.len());
            text.push_str(w);
            text.push(' ');
        }
        (text, starts)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Numbers as a map from word to first occurrence would give them.
        #[test]
        fn numbers_words_like_a_map(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi",
                "abcdefghijklmnopq", "abcdefghijklmnopr", "Müller", "müller", "b", "ba",
                "bcd", "dcb", "abdc", "Mannschaft", "Mannschaften", "abcdefghijkl", "abcdXfghijkl",
                "abcdefghijklmnop", "abcdefghXjklmnop", "abcde", "abXde",
            ]), 0..60),
        ) {
            let (text, starts) = text_of(&v);
            let mut vocab = Vocab::new(&text, v.len());
            let mut map: HashMap<&str, u32> = HashMap::new();
            for (w, &start) in v.iter().zip(&starts) {
                let n = map.len() as u32;
                let want = *map.entry(w).or_insert(n);
                let (got, new) = vocab.intern(w.as_bytes(), start, hash(w.as_bytes()));
                prop_assert_eq!(got, want);
                prop_assert_eq!(new, want == n);
            }
            prop_assert_eq!(vocab.len(), map.len());
            for (w, id) in &map {
                prop_assert_eq!(vocab.get(w), Some(*id));
                prop_assert_eq!(vocab.word(*id), *w);
            }
            prop_assert_eq!(vocab.get("nicht darin"), None);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// A capitalised word's lower-case form is found by its hash and
        /// compared without writing it.
        #[test]
        fn the_lower_case_form_without_writing_it(
            first in proptest::sample::select(vec!["A", "M", "Z"]),
            rest in proptest::collection::vec(proptest::sample::select(vec!["a", "e", "z", "-", "m"]), 0..20),
            other in proptest::collection::vec(proptest::sample::select(vec!["a", "m", "M", "e"]), 0..20),
        ) {
            let word = format!("{first}{}", rest.concat());
            let lower = word.to_ascii_lowercase();
            prop_assert_eq!(hash_first_lowered(word.as_bytes()), hash(lower.as_bytes()));
            let other = other.concat();
            let (text, starts) = text_of(&[&other, &lower]);
            let mut vocab = Vocab::new(&text, 2);
            vocab.intern(other.as_bytes(), 0, hash(other.as_bytes()));
            vocab.intern(lower.as_bytes(), starts[1], hash(lower.as_bytes()));
            let want = vocab.get(&lower);
            prop_assert_eq!(vocab.get_first_lowered(word.as_bytes(), hash_first_lowered(word.as_bytes())), want);
            let only_other = { let mut v = Vocab::new(&other, 1); v.intern(other.as_bytes(), 0, hash(other.as_bytes())); v };
            prop_assert_eq!(
                only_other.get_first_lowered(word.as_bytes(), hash_first_lowered(word.as_bytes())),
                only_other.get(&lower)
            );
        }
    }

    #[test]
    fn the_table_grows() {
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let all: Vec<&str> = words.iter().map(String::as_str).collect();
        let (text, starts) = text_of(&all);
        let mut vocab = Vocab::new(&text, 1);
        for (n, w) in words.iter().enumerate() {
            assert_eq!(
                vocab.intern(w.as_bytes(), starts[n], hash(w.as_bytes())),
                (n as u32, true)
            );
        }
        for (n, w) in words.iter().enumerate() {
            assert_eq!(vocab.get(w), Some(n as u32));
        }
        assert_eq!(vocab.len(), 1000);
    }
}
