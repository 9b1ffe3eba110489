//! One table for the name lists the finder asks about every distinct
//! word: the particles, the words never in a name, the first names and
//! the role nouns.

use super::words::NEVER_NAMES;
use crate::lexicon::{Bits, FIRST_NAMES, NAME_PARTICLES, PERSON_ROLES};
use std::sync::LazyLock;

/// [`NameWords::kinds`]: the word is a name particle (`de`, `van`).
pub(super) const PARTICLE: u8 = 1;
/// ... never part of a name ([`NEVER_NAMES`]).
pub(super) const NEVER: u8 = 2;
/// ... a first name ([`FIRST_NAMES`], as written).
pub(super) const FIRST: u8 = 4;
/// ... a role noun ([`PERSON_ROLES`], in lower case).
pub(super) const ROLE: u8 = 8;

/// The name particles, the words never in a name, the first names and
/// the role nouns in one table, looked up with the hash the finder
/// computes anyway for its word numbers ([`super::vocab::hash`]): one
/// probe per distinct word answers all the lists, where asking each
/// [`crate::lexicon::WordSet`] hashed the word again (or packed it) for each. An 8192-bit map (1 KB, in the
/// first-level cache) turns most words away before the table is read.
pub(super) struct NameWords {
    filter: Box<Bits<128>>,
    /// Open addressing, at most a quarter full: an entry's index plus one,
    /// 0 for a free slot.
    slots: Vec<u32>,
    entries: Vec<(u64, &'static str, u8)>,
}

pub(super) static NAME_WORDS: LazyLock<NameWords> = LazyLock::new(|| {
    let mut kinds: rustc_hash::FxHashMap<&'static str, u8> = Default::default();
    for (list, kind) in [
        (&*NAME_PARTICLES, PARTICLE),
        (&*NEVER_NAMES, NEVER),
        (&*FIRST_NAMES, FIRST),
        (&*PERSON_ROLES, ROLE),
    ] {
        for w in list.iter() {
            *kinds.entry(w).or_default() |= kind;
        }
    }
    NameWords::of(kinds.into_iter())
});

impl NameWords {
    fn of(words: impl Iterator<Item = (&'static str, u8)>) -> Self {
        let entries: Vec<(u64, &'static str, u8)> = words
            .map(|(w, k)| (super::vocab::hash(w.as_bytes()), w, k))
            .collect();
        let size = (4 * entries.len()).next_power_of_two().max(16);
        let mut table = NameWords {
            filter: Box::new(Bits::new()),
            slots: vec![0; size],
            entries: Vec::new(),
        };
        for (n, &(h, _, _)) in entries.iter().enumerate() {
            table.filter.insert(Self::bit(h));
            let mut i = table.slot(h);
            while let Some(s) = table.slots.get_mut(i) {
                if *s == 0 {
                    *s = n as u32 + 1;
                    break;
                }
                i = (i + 1) & (size - 1);
            }
        }
        table.entries = entries;
        table
    }

    fn slot(&self, h: u64) -> usize {
        (h >> 20) as usize & (self.slots.len() - 1)
    }

    /// The bit of a hash in the map (other bits than [`NameWords::slot`]'s).
    fn bit(h: u64) -> usize {
        (h >> 51) as usize
    }

    /// The lists `word` (with [`super::vocab::hash`] `h`) is in, as bits
    /// ([`PARTICLE`], [`NEVER`], [`FIRST`], [`ROLE`]); 0 for most words.
    pub(super) fn kinds(&self, h: u64, word: &[u8]) -> u8 {
        self.find(h, |entry| entry == word)
    }

    /// [`NameWords::kinds`] of `word` with its first byte (an ASCII
    /// capital) in lower case, without writing that form; `h` is
    /// [`super::vocab::hash_first_lowered`] of `word`.
    pub(super) fn kinds_first_lowered(&self, h: u64, word: &[u8]) -> u8 {
        self.find(h, |entry| super::vocab::first_lowered_is(word, entry))
    }

    /// The kinds of the entry with hash `h` that `is` accepts, 0 if none.
    fn find(&self, h: u64, is: impl Fn(&[u8]) -> bool) -> u8 {
        if !self.filter.has(Self::bit(h)) {
            return 0;
        }
        let mut i = self.slot(h);
        while let Some(&s) = self.slots.get(i) {
            let Some(&(eh, ew, kinds)) =
                s.checked_sub(1).and_then(|e| self.entries.get(e as usize))
            else {
                return 0;
            };
            if eh == h && is(ew.as_bytes()) {
                return kinds;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
        0
    }
}
