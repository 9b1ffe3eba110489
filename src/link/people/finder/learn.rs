//! What the finder learns about a distinct word: its first letter and
//! the name lists it is in when it first occurs, its [`super::Flags`] bits when a
//! token of it is first asked about.

use super::super::vocab::{Vocab, hash, hash_first_lowered};
use super::super::words::{
    self, has_lowercase, has_noun_suffix, has_noun_suffix_first_lowered, is_role_hashed,
    lower_into, may_end_with_role,
};
use super::{CAP, FIRST, NAME, PARTICLE, ROLE, STRICT, UPPER};
use crate::lexicon::FIRST_NAMES;

/// What is known about one distinct word of the body: its first letter
/// and the name lists it is in, learnt when the word first occurs, and
/// its [`super::Flags`] bits, learnt when a token of the word is first asked
/// about.
#[derive(Clone, Copy, Default)]
pub(super) struct Facts {
    /// Starts with an upper-case letter.
    pub(super) upper: bool,
    /// Starts with a lower-case letter.
    pub(super) lower: bool,
    /// [`words::NAME_WORDS`]' kinds.
    pub(super) kinds: u8,
    /// Has a hyphen ([`super::super::tokens::Tok::hyphen`]).
    pub(super) hyphen: bool,
    /// The bits below are learnt.
    pub(super) learnt: bool,
    /// The [`super::Flags`] bits of an asked token of the word (all but
    /// [`super::ADJACENT`]).
    pub(super) bits: u8,
}

/// The [`super::Flags`] bits of word `w` asked of capitalised words and the words
/// before them, learnt from what its first occurrence told (`f`).
/// `vocab` and `facts` hold every word of the body (for the lower-case
/// test); `lowered` is a buffer for the lower-case form.
pub(super) fn learn(w: &str, f: Facts, vocab: &Vocab, facts: &[Facts], lowered: &mut String) -> u8 {
    let up = f.upper;
    let ends_like_role = may_end_with_role(w);
    let cap = up && has_lowercase(w);
    // [`super::words::is_first_name`]
    let first = up
        && (f.kinds & words::FIRST != 0
            || (f.hyphen && w.split('-').all(|p| FIRST_NAMES.contains(p))));
    let (mut role, mut name, mut strict) = (false, false, false);
    let bytes = w.as_bytes();
    // most capitalised words are ASCII with a capital first letter only:
    // their lower-case form differs in the first byte, and the tests below
    // read it without writing it
    let simple = cap
        && !ends_like_role
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes
            .get(1..)
            .unwrap_or_default()
            .iter()
            .all(|&b| b.is_ascii() && !b.is_ascii_uppercase());
    if simple {
        name = f.kinds & words::NEVER == 0 && !has_noun_suffix_first_lowered(w);
        strict = name
            && !vocab
                .get_first_lowered(bytes, hash_first_lowered(bytes))
                .and_then(|id| facts.get(id as usize))
                .is_some_and(|g| g.lower);
    } else if ends_like_role || cap {
        // one lower-case form, hashed once, serves the role test and the
        // name tests
        let low = lower_into(w, lowered);
        let h = hash(low.as_bytes());
        role = ends_like_role && is_role_hashed(low, h, f.hyphen);
        // countries are teams, `Arena`/`Cup` words places and trophies
        name = cap && !role && f.kinds & words::NEVER == 0 && !has_noun_suffix(low);
        // a name word the article also writes in lower case is not strict
        strict = name
            && !vocab
                .get_hashed(low, h)
                .and_then(|id| facts.get(id as usize))
                .is_some_and(|g| g.lower);
    }
    let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
    bit(role, ROLE)
        | bit(first, FIRST)
        | bit(name, NAME)
        | bit(strict, STRICT)
        | bit(up, UPPER)
        | bit(cap, CAP)
        | bit(f.kinds & words::PARTICLE != 0, PARTICLE)
}
