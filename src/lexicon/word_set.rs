//! [`WordSet`]: a word list as a set, with the cheap tests that answer
//! most lookups before any hashing (lengths, first and last bytes, short
//! words packed into numbers behind a bit map).

use super::entries;
use rustc_hash::FxHashSet;

/// A list loaded into a set. Lookups hash every word of every article, so
/// the set uses the fast non-cryptographic Fx hash (the words come from our
/// own data files, not from an adversary).
pub struct WordSet {
    set: FxHashSet<&'static str>,
    /// Shortest and longest entry in bytes: other lengths need no lookup.
    lengths: (usize, usize),
    /// The first and the last bytes of the entries, as 256-bit sets: a
    /// word that starts or ends with another byte needs no lookup (most
    /// words asked about are not entries, and this test costs a few
    /// instructions where hashing costs dozens).
    firsts: ByteSet,
    lasts: ByteSet,
    /// The entries of five letters or more, for [`WordSet::stem_of`].
    long: Vec<&'static str>,
    /// The entries of up to seven bytes, packed into numbers: most words
    /// asked about are short, and a short word is answered here with one
    /// multiplication and a probe or two, without hashing its bytes.
    short: ShortTable,
    /// The entries split at blanks, for lists of phrases (made when first
    /// asked).
    phrases: std::sync::OnceLock<Vec<Vec<&'static str>>>,
}

impl WordSet {
    pub fn new(raw: &'static str) -> Self {
        Self::of(entries(raw))
    }
    /// A set of the given words (to join lists into one).
    pub fn of(words: impl Iterator<Item = &'static str>) -> Self {
        let set: FxHashSet<&'static str> = words.collect();
        let long = set
            .iter()
            .copied()
            .filter(|e| e.chars().count() >= 5)
            .collect();
        let lengths = (
            set.iter().map(|e| e.len()).min().unwrap_or(0),
            set.iter().map(|e| e.len()).max().unwrap_or(0),
        );
        let firsts = ByteSet::of(set.iter().filter_map(|e| e.bytes().next()).map(usize::from));
        let lasts = ByteSet::of(set.iter().filter_map(|e| e.bytes().last()).map(usize::from));
        let short = ShortTable::of(set.iter().filter_map(|e| pack(e)));
        WordSet {
            set,
            lengths,
            long,
            firsts,
            lasts,
            short,
            phrases: std::sync::OnceLock::new(),
        }
    }
    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if !(self.lengths.0..=self.lengths.1).contains(&bytes.len())
            || !bytes.first().is_some_and(|&b| self.firsts.has(b.into()))
        {
            return false;
        }
        match pack(word) {
            Some(packed) => self.short.has(packed),
            None => {
                bytes.last().is_some_and(|&b| self.lasts.has(b.into())) && self.set.contains(word)
            }
        }
    }
    /// Whether `word` in lower case is an entry (`Der` for `der`), without
    /// building a new string for most words.
    pub fn contains_lower(&self, word: &str) -> bool {
        // an ASCII first byte stays in place when lowered: most words are
        // turned away here, before the whole word is read
        if let Some(&b) = word.as_bytes().first()
            && b.is_ascii()
            && !self.firsts.has(b.to_ascii_lowercase().into())
        {
            return false;
        }
        if already_lower(word) {
            return self.contains(word);
        }
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(b) if word.is_ascii() => {
                b.copy_from_slice(word.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).is_ok_and(|w| self.contains(w))
            }
            _ => self.contains(&word.to_lowercase()),
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.set.iter()
    }
    /// The entries as phrases, split at blanks, in the order of [`WordSet::iter`].
    pub fn phrases(&self) -> &[Vec<&'static str>] {
        self.phrases
            .get_or_init(|| self.set.iter().map(|p| p.split(' ').collect()).collect())
    }
    /// Whether `word` is an entry, or starts or ends with an entry of five
    /// letters or more (`Ehrentreffer` with `treffer`, `Glanzparade` with
    /// `parade`).
    pub fn stem_of(&self, word: &str) -> bool {
        self.contains(word)
            || self
                .long
                .iter()
                .any(|e| word.starts_with(*e) || word.ends_with(*e))
    }
}

/// Whether `word` is its own lower case, judged cheaply: it may say no for
/// a word that is (then the caller lowers it anyway), never yes for one
/// that is not. Below U+0180 a character changes in lower case exactly when
/// it is upper case (the title-case digraphs `ǅ` come later).
fn already_lower(word: &str) -> bool {
    word.chars().all(|c| c < '\u{180}' && !c.is_uppercase())
}

/// `word` in lower case, borrowed when it already is.
pub fn lowered(word: &str) -> std::borrow::Cow<'_, str> {
    if already_lower(word) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// A word of one to seven bytes as a number: its bytes, then its length in
/// the top byte (so no two words share a number, and none is zero).
fn pack(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 7 {
        return None;
    }
    let packed = bytes
        .iter()
        .rev()
        .fold(0u64, |acc, &b| acc << 8 | u64::from(b));
    Some(packed | (bytes.len() as u64) << 56)
}

/// A set of packed words ([`pack`]): open addressing, at most half full,
/// zero marks a free slot. A table of a thousand names does not fit the
/// first-level cache, and most words asked about are not in it: a bit map
/// of 8192 bits (1 KB) turns most of them away before the table is read.
struct ShortTable {
    slots: Vec<u64>,
    /// 64 minus the number of index bits.
    shift: u32,
    bits: Box<Bits<128>>,
}

impl ShortTable {
    fn of(packed: impl Iterator<Item = u64>) -> Self {
        let packed: Vec<u64> = packed.collect();
        let bits = (packed.len() * 2)
            .next_power_of_two()
            .max(8)
            .trailing_zeros();
        let mut table = ShortTable {
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            bits: Box::new(Bits::new()),
        };
        for p in packed {
            table.bits.insert(Self::bit(p));
            let mut i = table.slot(p);
            while let Some(s) = table.slots.get_mut(i) {
                if *s == 0 || *s == p {
                    *s = p;
                    break;
                }
                i = (i + 1) & (table.slots.len() - 1);
            }
        }
        table
    }

    fn slot(&self, packed: u64) -> usize {
        (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The bit of a packed word in the bit map (another multiplier than
    /// [`ShortTable::slot`], so the two spread words differently).
    fn bit(packed: u64) -> usize {
        (packed.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) >> 51) as usize
    }

    fn has(&self, packed: u64) -> bool {
        if !self.bits.has(Self::bit(packed)) {
            return false;
        }
        let mut i = self.slot(packed);
        while let Some(&s) = self.slots.get(i) {
            if s == packed {
                return true;
            }
            if s == 0 {
                return false;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
        false
    }
}

/// A fixed set of `64 * N` bits: the cheap filters in front of the word
/// lookups (bytes, packed words, word shapes). A bit past the end is never
/// set.
#[derive(Clone)]
pub(crate) struct Bits<const N: usize>([u64; N]);

impl<const N: usize> Bits<N> {
    pub(crate) fn new() -> Self {
        Bits([0; N])
    }
    pub(crate) fn of(bits: impl Iterator<Item = usize>) -> Self {
        let mut set = Self::new();
        bits.for_each(|i| set.insert(i));
        set
    }
    pub(crate) fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    pub(crate) fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
}

/// A set of bytes.
type ByteSet = Bits<4>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_lower_is_contains_of_the_lower_case() {
        let set = WordSet::new("der\nüber\nfür\nǆ\nstraße\ni̇ch\n");
        let mut words: Vec<String> = [
            "der", "Der", "DER", "über", "Über", "ÜBER", "für", "Für", "ǅ", "Ǆ", "ǆ", "Straße",
            "STRASSE", "İch", "ich", "", "x", "Xx",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        // every character up to Latin Extended-B, alone and in a word
        for c in (0u32..0x250).filter_map(char::from_u32) {
            words.push(c.to_string());
            words.push(format!("de{c}"));
        }
        words.push("a".repeat(40));
        words.push("A".repeat(40));
        for w in &words {
            assert_eq!(
                set.contains_lower(w),
                set.contains(&w.to_lowercase()),
                "{w:?}"
            );
        }
        assert!(set.contains_lower("DER") && set.contains_lower("Über"));
        for w in &words {
            assert_eq!(lowered(w), w.to_lowercase(), "{w:?}");
        }
        assert!(!set.contains_lower("Das"));
    }

    #[test]
    fn byte_prefilters_never_drop_an_entry() {
        use crate::lexicon::{FIRST_NAMES, NAME_PARTICLES, NOUN_SUFFIXES, PERSON_ROLES};
        for list in [
            &*FIRST_NAMES,
            &*PERSON_ROLES,
            &*NAME_PARTICLES,
            &*NOUN_SUFFIXES,
        ] {
            for e in list.iter() {
                assert!(list.contains(e), "{e}");
                // words around the entry answer as the plain set does
                for w in [format!("{e}x"), format!("x{e}"), e.to_uppercase()] {
                    assert_eq!(list.contains(&w), list.set.contains(w.as_str()), "{w}");
                }
            }
        }
        // packed short words: every entry, and nothing else, of lengths
        // around the seven-byte line
        let raw = "a\nab\nabc\nabcdef\nabcdefg\nabcdefgh\nüber\nDer\n";
        let set = WordSet::new(raw);
        let probes = [
            "a", "b", "ab", "ba", "abc", "abcd", "abcdef", "abcdeg", "abcdefg", "abcdefgh",
            "abcdefgi", "über", "uber", "Der", "der", "", "a\0", "ab\0\0",
        ];
        for w in probes {
            assert_eq!(set.contains(w), raw.lines().any(|e| e == w), "{w:?}");
        }
        let set = WordSet::new("über\nab\n");
        assert!(set.contains("über") && set.contains("ab"));
        assert!(!set.contains("") && !set.contains("aber") && !set.contains("üb"));
    }
}
