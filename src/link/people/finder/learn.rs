//! What the finder learns about a distinct word: its first letter and
//! the name lists it is in when it first occurs, its [`super::Flags`] bits
//! once the whole text is numbered.

use super::super::vocab::{Vocab, hash, hash_first_lowered};
use super::super::words::{
    self, has_lowercase, has_noun_suffix, has_noun_suffix_first_lowered, has_uppercase,
    is_role_first_lowered, is_role_hashed, is_role_kinds, lower_into, may_end_with_role,
};
use super::{CAP, FIRST, NAME, PARTICLE, ROLE, STRICT, UPPER};
use crate::lexicon::FIRST_NAMES;

/// What the first occurrence of a distinct word of the body tells: its
/// first letter and the name lists it is in.
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
}

/// The [`super::Flags`] bits of word number `id` of `vocab`, learnt from
/// what its first occurrence told (`f`). `vocab` and `facts` hold every
/// word of the body (for the lower-case test); `lowered` is a buffer for
/// the lower-case form.
///
/// Of a word that does not start with a capital the searches only ask
/// whether it is a particle and, before a capitalised word, whether it is
/// a role ([`super::Finder::after_role`]): its bits are [`PARTICLE`] and
/// [`ASK_ROLE`], and [`role_bit`] tells the role when a token before a
/// capitalised word asks. The other bits all need a capital.
pub(super) fn learn(id: u32, f: Facts, vocab: &Vocab, facts: &[Facts], lowered: &mut String) -> u8 {
    let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
    let particle = bit(f.kinds & words::PARTICLE != 0, PARTICLE);
    if !f.upper {
        return particle | ASK_ROLE;
    }
    let w = vocab.word(id);
    let ends_like_role = may_end_with_role(w);
    // a capitalised word
    let cap = has_lowercase(w);
    // [`super::words::is_first_name`]
    let first =
        f.kinds & words::FIRST != 0 || (f.hyphen && w.split('-').all(|p| FIRST_NAMES.contains(p)));
    let (mut role, mut name, mut strict) = (false, false, false);
    let bytes = w.as_bytes();
    // most capitalised words are ASCII with a capital first letter only:
    // their lower-case form differs in the first byte, and the tests below
    // read it without writing it
    let plain = cap
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes
            .get(1..)
            .unwrap_or_default()
            .iter()
            .all(|&b| b.is_ascii() && !b.is_ascii_uppercase());
    if plain {
        let h = hash_first_lowered(bytes);
        role = ends_like_role && is_role_first_lowered(w, h, f.hyphen);
        name = !role && f.kinds & words::NEVER == 0 && !has_noun_suffix_first_lowered(w);
        strict = name
            && !vocab
                .get_first_lowered(bytes, h)
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
    bit(role, ROLE)
        | bit(first, FIRST)
        | bit(name, NAME)
        | bit(strict, STRICT)
        | UPPER
        | bit(cap, CAP)
        | particle
}

/// In a word's bits from [`learn`]: whether it is a role is not learnt yet
/// (not a [`super::Flags`] bit; [`super::ADJACENT`] is never a word's).
pub(super) const ASK_ROLE: u8 = super::ADJACENT;

/// [`ROLE`] if `w`, a word that does not start with a capital (`f` what its
/// first occurrence told), is a role noun or ends with one; `lowered` is a
/// buffer for its lower-case form. Mostly the word is its own lower-case
/// form, with its lists known.
pub(super) fn role_bit(w: &str, f: Option<&Facts>, lowered: &mut String) -> u8 {
    let Some(f) = f else {
        return 0;
    };
    let role = may_end_with_role(w)
        && if has_uppercase(w) {
            let low = lower_into(w, lowered);
            is_role_hashed(low, hash(low.as_bytes()), f.hyphen)
        } else {
            is_role_kinds(w, f.kinds, f.hyphen)
        };
    if role { ROLE } else { 0 }
}
