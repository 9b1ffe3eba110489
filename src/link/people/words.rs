//! Word-level tests for names: roles, first names, capitals, noun
//! suffixes, and the cheap checks that spare most words a lookup.

pub(super) use super::lower::{has_lowercase, has_uppercase, lower_into};
pub(super) use super::name_words::{FIRST, NAME_WORDS, NEVER, PARTICLE, ROLE};
use crate::lexicon::{
    Bits, COUNTRIES, FIRST_NAMES, NON_NAMES, NOUN_SUFFIXES, PERSON_ROLES, PLACE_HEADS, WordSet,
    after_last,
};
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
    ends_with_long_role(lower)
}

/// [`is_role_lower`] of `lower`, with its [`super::vocab::hash`] `h` and
/// whether it has a hyphen known (the finder knows both): the word itself
/// is looked up in [`NAME_WORDS`], its last part only when there is one.
pub(super) fn is_role_hashed(lower: &str, h: u64, hyphen: bool) -> bool {
    is_role_kinds(lower, NAME_WORDS.kinds(h, lower.as_bytes()), hyphen)
}

/// [`is_role_hashed`] of the lower-case form of `word`, an ASCII word
/// whose only capital is its first letter, without writing that form; `h`
/// is [`super::vocab::hash_first_lowered`] of `word`. Only the whole word
/// meets its first byte: a compound's last part and a role it ends with
/// (shorter than the word) leave it out.
pub(super) fn is_role_first_lowered(word: &str, h: u64, hyphen: bool) -> bool {
    let kinds = NAME_WORDS.kinds_first_lowered(h, word.as_bytes());
    kinds & ROLE != 0
        || (hyphen && after_last(word, b'-').is_some_and(|last| PERSON_ROLES.contains(last)))
        || ends_with_long_role(word)
}

/// [`is_role_hashed`] with the word's [`NAME_WORDS`] kinds known.
pub(super) fn is_role_kinds(lower: &str, kinds: u8, hyphen: bool) -> bool {
    kinds & ROLE != 0
        || (hyphen && after_last(lower, b'-').is_some_and(|last| PERSON_ROLES.contains(last)))
        || ends_with_long_role(lower)
}

/// Whether `lower` is a compound ending in a role of five or more bytes
/// (`bundestrainer`): the roles that end in the word's last four bytes,
/// compared whole. A role's first byte starts a character, so where it
/// matches the word splits between two characters; the role must leave at
/// least the word's first character before it.
fn ends_with_long_role(lower: &str) -> bool {
    let (bits, tails) = &*ROLE_TAILS;
    lower.len() >= 6
        && last4(lower).is_some_and(|tail| {
            bits.has(tail4_bit(tail))
                && tails
                    .iter()
                    .any(|(t, r)| *t == tail && lower.len() > r.len() && lower.ends_with(r))
        })
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

/// Every role noun of five or more bytes with its last four bytes, and a
/// 4096-bit map of those endings: a word can only end with such a role
/// if it ends with one of these, and most words are answered by one bit.
static ROLE_TAILS: LazyLock<(Bits<64>, Vec<RoleTail>)> = LazyLock::new(|| {
    let tails: Vec<RoleTail> = PERSON_ROLES
        .iter()
        .filter(|r| r.len() >= 5)
        .filter_map(|r| Some((last4(r)?, *r)))
        .collect();
    (Bits::of(tails.iter().map(|(t, _)| tail4_bit(*t))), tails)
});

/// A role noun with its last four bytes.
type RoleTail = ([u8; 4], &'static str);

/// The last four bytes of `word`.
fn last4(word: &str) -> Option<[u8; 4]> {
    word.as_bytes().last_chunk::<4>().copied()
}

/// The bit of a four-byte ending in [`ROLE_TAILS`]' map.
fn tail4_bit(tail: [u8; 4]) -> usize {
    (u32::from_le_bytes(tail).wrapping_mul(0x9E37_79B1) >> 20) as usize
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

/// [`has_noun_suffix`] of the lower-case form of `word`, an ASCII word
/// whose only capital is its first letter, without writing that form:
/// only a suffix as long as the word meets the first byte.
pub(super) fn has_noun_suffix_first_lowered(word: &str) -> bool {
    let (bits, tails) = &*SUFFIX_TAILS;
    let b = word.as_bytes();
    let tail = match b {
        [x, y, z] => [x | 0x20, *y, *z],
        [.., x, y, z] => [*x, *y, *z],
        _ => return false,
    };
    bits.has(tail_bit(tail))
        && tails.iter().any(|(t, s)| {
            let s = s.as_bytes();
            *t == tail
                && match s.len().cmp(&b.len()) {
                    std::cmp::Ordering::Less => b.ends_with(s),
                    std::cmp::Ordering::Equal => match (b.split_first(), s.split_first()) {
                        (Some((w, ws)), Some((l, ls))) => w | 0x20 == *l && ws == ls,
                        _ => false,
                    },
                    std::cmp::Ordering::Greater => false,
                }
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
    use crate::lexicon::NAME_PARTICLES;

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
    fn noun_suffixes_of_capitalised_words_without_lowering() {
        let mut words: Vec<String> = vec!["Ung".into(), "Ab".into(), "Isch".into(), "X".into()];
        for s in NOUN_SUFFIXES.iter().filter(|s| s.is_ascii()) {
            for w in [
                format!("Meister{s}"),
                format!(
                    "{}{}",
                    s.get(..1).unwrap_or("").to_uppercase(),
                    s.get(1..).unwrap_or("")
                ),
                format!("M{s}x"),
                format!("A{s}"),
            ] {
                words.push(w);
            }
        }
        for w in &words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(
                has_noun_suffix_first_lowered(w),
                has_noun_suffix(&lower),
                "{w}"
            );
        }
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

    #[test]
    fn name_words_are_the_three_lists() {
        let kinds = |w: &str| {
            let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
            bit(NAME_PARTICLES.contains(w), PARTICLE)
                | bit(NEVER_NAMES.contains(w), NEVER)
                | bit(FIRST_NAMES.contains(w), FIRST)
                | bit(PERSON_ROLES.contains(w), ROLE)
        };
        let mut words: Vec<String> = Vec::new();
        for list in [
            &*NAME_PARTICLES,
            &*NEVER_NAMES,
            &*FIRST_NAMES,
            &*PERSON_ROLES,
        ] {
            for w in list.iter() {
                words.push(w.to_string());
                words.push(w.to_lowercase());
                words.push(w.to_uppercase());
                words.push(format!("{w}s"));
                words.push(w.chars().skip(1).collect());
            }
        }
        words.extend(["", "x", "Müller", "Bayern", "de la", "Kevinn"].map(String::from));
        for w in &words {
            let h = super::super::vocab::hash(w.as_bytes());
            assert_eq!(NAME_WORDS.kinds(h, w.as_bytes()), kinds(w), "{w}");
        }
    }

    /// The compound test of [`is_role_lower`] as it was: every proper
    /// suffix of five bytes or more looked up.
    fn compound_reference(lower: &str) -> bool {
        lower.len() >= 6
            && lower
                .char_indices()
                .skip(1)
                .map(|(i, _)| i)
                .take_while(|&i| lower.len() - i >= 5)
                .any(|i| lower.get(i..).is_some_and(|t| PERSON_ROLES.contains(t)))
    }

    #[test]
    fn compound_roles_as_before() {
        let mut words: Vec<String> = vec!["".into(), "trainer".into(), "ätrainer".into()];
        for r in PERSON_ROLES.iter() {
            for pre in ["", "b", "ü", "bundes", "co-", "x-"] {
                let w = format!("{pre}{r}");
                words.push(w.clone());
                words.push(w.chars().skip(1).collect());
                words.push(format!("{w}s"));
            }
        }
        for w in &words {
            let exact = PERSON_ROLES.contains(w)
                || after_last(w, b'-').is_some_and(|last| PERSON_ROLES.contains(last));
            assert_eq!(is_role_lower(w), exact || compound_reference(w), "{w}");
            let h = super::super::vocab::hash(w.as_bytes());
            assert_eq!(
                is_role_hashed(w, h, w.contains('-')),
                is_role_lower(w),
                "{w}"
            );
            // the same word capitalised, tested without lowering it
            if let Some((&first, rest)) = w.as_bytes().split_first()
                && first.is_ascii_lowercase()
                && rest.iter().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                let cap = format!(
                    "{}{}",
                    char::from(first.to_ascii_uppercase()),
                    w.get(1..).unwrap_or("")
                );
                let hc = super::super::vocab::hash_first_lowered(cap.as_bytes());
                assert_eq!(
                    is_role_first_lowered(&cap, hc, cap.contains('-')),
                    is_role_lower(w),
                    "{cap}"
                );
            }
        }
    }
}
