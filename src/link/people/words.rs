//! Word-level tests for names: roles, first names, capitals, noun
//! suffixes, and the cheap checks that spare most words a lookup.

use crate::lexicon::{
    Bits, COUNTRIES, FIRST_NAMES, NON_NAMES, NOUN_SUFFIXES, PERSON_ROLES, PLACE_HEADS, WordSet,
    after_last,
};
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// A number or an inflected lower-case adjective (`vier`, `eigene`,
/// `ersten`): the capitalised word after it is a noun, not a name.
pub fn is_attribute(word: &str) -> bool {
    let number = !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
        || crate::lexicon::number_of(&crate::lexicon::NUMBER_WORDS, word).is_some();
    let adjective = word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().count() > 3
        && ["e", "en", "em", "es"].iter().any(|e| word.ends_with(e))
        && !crate::lexicon::NOT_ATTRIBUTES.contains(word);
    number || adjective
}

/// Whether a word is a role noun or ends with one (`Bundestrainer`).
pub fn is_role(word: &str) -> bool {
    may_end_with_role(word) && is_role_lower(lower_into(word, &mut String::new()))
}

/// [`is_role`] of a word already in lower case.
pub(super) fn is_role_lower(lower: &str) -> bool {
    if PERSON_ROLES.contains(lower) {
        return true;
    }
    // the last part of a hyphenated compound (`co-trainer`)
    if after_last(lower, b'-').is_some_and(|last| PERSON_ROLES.contains(last)) {
        return true;
    }
    // a compound ending in a role of five or more bytes: look up each
    // proper suffix (a handful per word) instead of scanning the list, and
    // only when the word ends like one of those roles
    let tail = lower
        .len()
        .checked_sub(4)
        .and_then(|i| lower.as_bytes().get(i..));
    if lower.len() < 6 || !tail.is_some_and(|t| ROLE_TAILS.contains(t)) {
        return false;
    }
    lower
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .take_while(|&i| lower.len() - i >= 5)
        .any(|i| lower.get(i..).is_some_and(|t| PERSON_ROLES.contains(t)))
}

/// Capitalised words that are never part of a name, in one set: the
/// non-names, countries (teams) and place heads (`Arena`, `Cup`).
pub(super) static NEVER_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::of(
        NON_NAMES
            .iter()
            .chain(COUNTRIES.iter())
            .chain(PLACE_HEADS.iter())
            .copied(),
    )
});

/// The last four bytes of every role noun of five or more bytes: a word
/// can only end with such a role if it ends with one of these.
static ROLE_TAILS: LazyLock<HashSet<&'static [u8]>> = LazyLock::new(|| {
    PERSON_ROLES
        .iter()
        .filter(|r| r.len() >= 5)
        .filter_map(|r| r.as_bytes().get(r.len() - 4..))
        .collect()
});

/// `word` in lower case, written into `buf` when it has an upper-case
/// letter.
pub(super) fn lower_into<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return word;
        }
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else if !word.chars().any(char::is_uppercase) {
        return word;
    } else {
        buf.clear();
        for c in word.chars() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
    buf
}

/// Every noun suffix (`-ung`, `-heit`, …) with its last three bytes (every
/// suffix has at least three), and a 4096-bit map of those endings: most
/// words end otherwise and are answered by one bit.
static SUFFIX_TAILS: LazyLock<(Bits<64>, Vec<Tail>)> = LazyLock::new(|| {
    let tails: Vec<Tail> = NOUN_SUFFIXES
        .iter()
        .filter_map(|s| Some((last3(s)?, *s)))
        .collect();
    (Bits::of(tails.iter().map(|(t, _)| tail_bit(*t))), tails)
});

/// A noun suffix with its last three bytes.
type Tail = ([u8; 3], &'static str);

/// The last three bytes of `word`.
fn last3(word: &str) -> Option<[u8; 3]> {
    match word.as_bytes() {
        [.., a, b, c] => Some([*a, *b, *c]),
        _ => None,
    }
}

/// The bit of a three-byte ending in [`SUFFIX_TAILS`]' map.
fn tail_bit([a, b, c]: [u8; 3]) -> usize {
    let key = u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// Whether a lower-case word ends with a noun suffix (`Meisterschaft`):
/// never a name. Only suffixes ending in the word's last three bytes are
/// compared in full.
pub(super) fn has_noun_suffix(lower: &str) -> bool {
    let (bits, tails) = &*SUFFIX_TAILS;
    last3(lower).is_some_and(|tail| {
        bits.has(tail_bit(tail)) && tails.iter().any(|(t, s)| *t == tail && lower.ends_with(s))
    })
}

/// A 4096-bit filter over the first two bytes, last byte and length of a few
/// words: a word it does not hold is surely not one of them, and the test
/// costs a few instructions where hashing the word costs dozens.
pub(super) struct Sieve(Bits<64>);

impl Sieve {
    pub(super) fn of<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        Sieve(Bits::of(words.filter_map(Self::index)))
    }

    pub(super) fn insert(&mut self, word: &str) {
        if let Some(i) = Self::index(word) {
            self.0.insert(i);
        }
    }

    pub(super) fn may_hold(&self, word: &str) -> bool {
        Self::index(word).is_some_and(|i| self.0.has(i))
    }

    fn index(word: &str) -> Option<usize> {
        let b = word.as_bytes();
        let (first, last) = (u64::from(*b.first()?), u64::from(*b.last()?));
        let second = u64::from(b.get(1).copied().unwrap_or(0));
        let key = first | second << 8 | last << 16 | (b.len() as u64) << 24;
        // the top twelve bits of a multiplicative hash
        Some((key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize)
    }
}

/// The last two ASCII bytes of every role noun, as a set of 128 × 128 bits
/// (a bit test, not a hash lookup, for every capitalised word).
static ROLE_ENDS: LazyLock<Bits<{ 128 * 128 / 64 }>> = LazyLock::new(|| {
    Bits::of(PERSON_ROLES.iter().filter_map(|r| match r.as_bytes() {
        [.., a, b] => pair_index(*a, *b),
        _ => None,
    }))
});

/// The bit of two ASCII bytes in [`ROLE_ENDS`].
fn pair_index(a: u8, b: u8) -> Option<usize> {
    (a.is_ascii() && b.is_ascii()).then(|| usize::from(a) * 128 + usize::from(b))
}

/// False when `word` in lower case cannot end with a role noun (every role
/// word of [`is_role_lower`] ends with one): its last two bytes, ASCII and
/// folded to lower case, end no role. Words ending in other characters
/// are not ruled out.
pub(super) fn may_end_with_role(word: &str) -> bool {
    match word.as_bytes() {
        [.., a, b] if a.is_ascii() && b.is_ascii() => {
            pair_index(a.to_ascii_lowercase(), b.to_ascii_lowercase())
                .is_none_or(|i| ROLE_ENDS.has(i))
        }
        _ => true,
    }
}

/// Whether a word is capitalised like a name: upper-case first letter and
/// at least one lower-case letter (`McLean`, `O'Neill`; not `KSC`).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Whether a word is a first name (`Kevin`, `Marie-Antoinette` by parts).
pub fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.contains(word)
        || (word.bytes().any(|b| b == b'-') && word.split('-').all(|p| FIRST_NAMES.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilters_never_drop_a_role_or_suffix() {
        // every role, as written, capitalised, in compounds and in capitals
        for r in PERSON_ROLES.iter() {
            let cap = format!(
                "{}{}",
                r.get(..1).unwrap_or("").to_uppercase(),
                r.get(1..).unwrap_or("")
            );
            for w in [
                r.to_string(),
                cap.clone(),
                format!("Co-{cap}"),
                r.to_uppercase(),
            ] {
                assert!(may_end_with_role(&w) && is_role(&w), "{w}");
            }
            // a compound ends with a role of five letters or more
            let compound = format!("Bundes{r}");
            assert!(may_end_with_role(&compound), "{compound}");
            assert_eq!(is_role(&compound), r.len() >= 5, "{compound}");
        }
        assert!(!may_end_with_role("Haus") && !is_role("Haus"));
        for s in NOUN_SUFFIXES.iter() {
            // the tail test reads three bytes
            assert!(s.len() >= 3, "{s}");
            assert!(has_noun_suffix(&format!("meister{s}")), "{s}");
        }
        assert!(!has_noun_suffix("müller") && !has_noun_suffix(""));
    }

    #[test]
    fn a_sieve_holds_its_words() {
        let words = ["müller", "bayern", "x", "kane", "de"];
        let sieve = Sieve::of(words.iter().copied());
        assert!(words.iter().all(|w| sieve.may_hold(w)));
        assert!(!sieve.may_hold("") && !sieve.may_hold("der") && !sieve.may_hold("kanne"));
        let mut sieve = sieve;
        sieve.insert("der");
        assert!(sieve.may_hold("der") && sieve.may_hold("kane"));
    }
}
