//! Finding the name mentions of a text and grouping them by person.

use super::tokens::{Tok, tokenize};
use super::vocab::{Vocab, hash};
use super::words::{NAME_WORDS, is_attribute};
use super::{Mention, People};
use crate::lexicon::{COPULAS, NOUN_ARTICLES, PLACE_HEADS, PREPOSITION_PARTICLES};

mod learn;
mod mentions;

use learn::{ASK_ROLE, Facts, learn, role_bit};

/// A candidate full name: token range `[a, b)`.
#[derive(Clone, Copy)]
struct Span {
    a: usize,
    b: usize,
}

pub(super) struct Finder<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    /// The number of each token's word in `vocab`.
    ids: Vec<u32>,
    /// The distinct words of the body.
    vocab: Vocab<'t>,
    /// What is known about each token, computed once (the searches below
    /// ask about every token several times).
    flags: Vec<Flags>,
    /// The tokens where a name can start: the capitalised words and the
    /// particles, in text order.
    heads: Vec<usize>,
}

/// Word-level facts about one token, as bits (built from a word's
/// [`Facts`] with one `or`).
#[derive(Clone, Copy, Default)]
struct Flags(u8);

/// A role noun or a compound ending in one.
const ROLE: u8 = 1;
/// In the first-name list (or hyphenated first names).
const FIRST: u8 = 2;
/// May be part of a name ([`Finder::name_word`] not strict).
const NAME: u8 = 4;
/// ... and the article never writes it in lower case.
const STRICT: u8 = 8;
/// Starts with an upper-case letter.
const UPPER: u8 = 16;
/// [`super::is_capitalised`].
const CAP: u8 = 32;
/// A name particle (`de`, `van`, `von`).
const PARTICLE: u8 = 64;
/// The next token follows after blanks only ([`Finder::adjacent`],
/// [`Tok::blank_after`]).
const ADJACENT: u8 = 128;

impl Flags {
    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
    fn role(self) -> bool {
        self.has(ROLE)
    }
    fn first(self) -> bool {
        self.has(FIRST)
    }
    fn cap(self) -> bool {
        self.has(CAP)
    }
    fn upper(self) -> bool {
        self.has(UPPER)
    }
    fn particle(self) -> bool {
        self.has(PARTICLE)
    }
}

impl<'t> Finder<'t> {
    pub(super) fn new(text: &'t str, from: usize) -> Self {
        let toks = tokenize(text, from);
        // about two distinct words in three
        let mut vocab = Vocab::new(text, toks.len() * 2 / 3);
        let mut facts: Vec<Facts> = Vec::with_capacity(toks.len() * 2 / 3);
        let mut ids: Vec<u32> = Vec::with_capacity(toks.len());
        let names = &*NAME_WORDS;
        let bytes = text.as_bytes();
        // number the words; the first occurrence of each tells its first
        // letter and the name lists it is in
        for t in &toks {
            let w = bytes.get(t.start..t.end).unwrap_or_default();
            let h = hash(w);
            let (id, new) = vocab.intern(w, t.start, h);
            if new {
                let (upper, lower) = match w.first() {
                    Some(&b) if b.is_ascii() => (b.is_ascii_uppercase(), b.is_ascii_lowercase()),
                    _ => {
                        let c = t.word(text).chars().next();
                        (
                            c.is_some_and(char::is_uppercase),
                            c.is_some_and(char::is_lowercase),
                        )
                    }
                };
                facts.push(Facts {
                    upper,
                    lower,
                    kinds: names.kinds(h, w),
                    hyphen: t.hyphen,
                });
            }
            ids.push(id);
        }
        // what the searches ask about each distinct word, once the whole
        // text is numbered (a word is strict when no lower-case twin occurs
        // anywhere)
        let mut lowered = String::new();
        let mut bits: Vec<u8> = facts
            .iter()
            .enumerate()
            .map(|(id, &f)| learn(id as u32, f, &vocab, &facts, &mut lowered))
            .collect();
        let bits_of = |bits: &[u8], id: Option<&u32>| {
            id.and_then(|&id| bits.get(id as usize))
                .copied()
                .unwrap_or(0)
        };
        let mut heads: Vec<usize> = Vec::with_capacity(ids.len() / 2 + 1);
        // the next word's bits, carried to the next round
        let mut next = bits_of(&bits, ids.first());
        let flags: Vec<Flags> = ids
            .iter()
            .zip(&toks)
            .enumerate()
            .map(|(i, (&id, t))| {
                let mut b = next;
                next = bits_of(&bits, ids.get(i + 1));
                // whether a word before a capitalised one is a role is
                // learnt when first asked
                if b & ASK_ROLE != 0 && next & UPPER != 0 {
                    b = b & !ASK_ROLE
                        | role_bit(vocab.word(id), facts.get(id as usize), &mut lowered);
                    if let Some(slot) = bits.get_mut(id as usize) {
                        *slot = b;
                    }
                }
                if b & (UPPER | PARTICLE) != 0 {
                    heads.push(i);
                }
                let adjacent = if t.blank_after { ADJACENT } else { 0 };
                Flags(b & !ASK_ROLE | adjacent)
            })
            .collect();
        Finder {
            text,
            toks,
            ids,
            vocab,
            flags,
            heads,
        }
    }

    fn flags(&self, i: usize) -> Flags {
        self.flags.get(i).copied().unwrap_or_default()
    }

    fn word(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.word(self.text))
    }

    /// The word number of token `i` (`u32::MAX`, no word's, past the end).
    fn id(&self, i: usize) -> u32 {
        self.ids.get(i).copied().unwrap_or(u32::MAX)
    }

    /// Tokens `i` and `i + 1` are separated by blanks only.
    fn adjacent(&self, i: usize) -> bool {
        self.flags(i).has(ADJACENT)
    }

    /// A capitalised word that may be part of a name. `strict` also rejects
    /// words the article writes in lower case elsewhere.
    fn name_word(&self, i: usize, strict: bool) -> bool {
        self.flags(i).has(if strict { STRICT } else { NAME })
    }

    /// What follows token `i` is a minute stamp: ` (42.)`, `(45.+1`,
    /// `(12., 30.)`, `(3./PP)`, `(27. Minute)`; not a substitution
    /// (`(69. Lukeba)`) or a clock time (`(19.30 Uhr)`).
    fn before_stamp(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // most words are followed by neither: asked of the bytes first
        let bytes = self.text.as_bytes();
        let open = t.end + usize::from(bytes.get(t.end) == Some(&b' '));
        if bytes.get(open) != Some(&b'(') {
            return false;
        }
        let Some(inner) = self.text.get(open + 1..) else {
            return false;
        };
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || inner.as_bytes().get(digits) != Some(&b'.') {
            return false;
        }
        let after = inner.get(digits + 1..).unwrap_or("").trim_start();
        after.starts_with([')', ',', '/', '+', ';']) || after.starts_with("Minute")
    }

    /// What follows token `i` states an age: ` ist 46 Jahre alt`, ` war
    /// 32.` (`Miroslav Klose ist 46 Jahre alt`: a person, even with a first
    /// name the list lacks).
    fn before_age(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let rest = self.text.get(t.end..).unwrap_or("");
        let Some((verb, rest)) = rest.strip_prefix(' ').and_then(|r| r.split_once(' ')) else {
            return false;
        };
        if !COPULAS.contains(verb) {
            return false;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits)
            && rest.get(digits..).is_some_and(|r| {
                r.starts_with(" Jahre") || r.starts_with('.') || r.starts_with(',')
            })
    }

    /// Token `i` follows a lower-case article (`der Leipziger (59.)`) or
    /// an attribute (`vier Treffern`, `eigene Netz`): a noun, not a name.
    fn after_article(&self, i: usize) -> bool {
        i > 0
            && self.adjacent(i - 1)
            && (NOUN_ARTICLES.contains(self.word(i - 1)) || is_attribute(self.word(i - 1)))
    }

    /// Token `i` is preceded (adjacent) by a role noun.
    fn after_role(&self, i: usize) -> bool {
        i > 0 && self.adjacent(i - 1) && self.flags(i - 1).role()
    }

    /// The full name starting at token `i` anchored on a first name.
    fn first_name_span(&self, i: usize) -> Option<Span> {
        if !self.flags(i).first() || !self.flags(i).cap() {
            return None;
        }
        let mut j = i + 1;
        let mut firsts = 1;
        while firsts < 3
            && self.adjacent(j - 1)
            && self.flags(j).first()
            && self.name_word(j, false)
        {
            j += 1;
            firsts += 1;
        }
        let mut k = j;
        let mut preposition = false;
        while k < j + 2 && self.adjacent(k - 1) {
            if PREPOSITION_PARTICLES.contains(self.word(k)) && k == j {
                preposition = true;
            } else if !self.flags(k).particle() {
                break;
            }
            k += 1;
        }
        // after `von` a noun is never a surname (`Fritz von Emotionen`)
        if self.adjacent(k - 1) && self.name_word(k, preposition) {
            return Some(Span { a: i, b: k + 1 });
        }
        // `Taylor Fritz`: the last of several first names is the surname
        if firsts >= 2 && k == j {
            return Some(Span { a: i, b: j });
        }
        None
    }

    /// Two (or three with a particle) name words from `i`, as a span.
    fn pair_span(&self, i: usize) -> Option<Span> {
        if !self.name_word(i, true) || !self.adjacent(i) || self.flags(i).particle() {
            return None;
        }
        let mut k = i + 1;
        while k < i + 3 && self.flags(k).particle() && self.flags(k).cap() && self.adjacent(k) {
            k += 1;
        }
        if self.name_word(k, true) && !self.before_place(k + 1) {
            Some(Span { a: i, b: k + 1 })
        } else {
            None
        }
    }

    /// The words of tokens `a..b`, joined by blanks.
    fn text_of(&self, a: usize, b: usize) -> String {
        let mut text = String::with_capacity(
            self.toks
                .get(a..b)
                .map_or(0, |t| t.iter().map(|t| t.end - t.start + 1).sum::<usize>()),
        );
        for i in a..b {
            if i > a {
                text.push(' ');
            }
            text.push_str(self.word(i));
        }
        text
    }

    /// The word numbers of tokens `a..b` (a name as numbers: two names are
    /// the same text exactly when they are the same numbers).
    fn ids_of(&self, a: usize, b: usize) -> &[u32] {
        self.ids.get(a..b).unwrap_or_default()
    }

    pub(super) fn run(self) -> People {
        let n = self.toks.len();
        // names start at capitalised words: the searches below visit only
        // those (and, for `de Bruyne`, the particles)
        let mut upper: Vec<usize> = Vec::with_capacity(self.heads.len());
        upper.extend(self.heads.iter().filter(|&&i| self.flags(i).upper()));
        // words confirmed as names by their context (by word number)
        // what is learnt about each word below, as bits ([`CONFIRMED`], …)
        let mut marks = vec![0u8; self.vocab.len()];
        for &i in &upper {
            if self.name_word(i, true)
                && (self.before_stamp(i) || self.after_role(i))
                && !self.after_article(i)
            {
                mark(&mut marks, self.id(i), CONFIRMED);
            }
        }

        // full-name spans: first-name and role anchored ones first, then
        // pairs whose surname has no anchored full name yet
        let mut spans: Vec<Span> = Vec::with_capacity(upper.len() / 4 + 4);
        let mut taken = vec![false; n];
        // the first token not inside a span found already
        let mut next = 0;
        for &i in &upper {
            if i < next {
                continue;
            }
            let span = self
                .first_name_span(i)
                .filter(|s| !self.before_place(s.b))
                .or_else(|| self.after_role(i).then(|| self.pair_span(i)).flatten());
            if let Some(s) = span {
                spans.push(s);
                taken
                    .get_mut(s.a..s.b)
                    .unwrap_or_default()
                    .iter_mut()
                    .for_each(|t| *t = true);
                next = s.b;
            }
        }
        // `Fritz von …` where `Fritz` is another person's surname: no name
        spans
            .iter()
            .for_each(|s| mark(&mut marks, self.id(s.b - 1), SURNAME));
        spans.retain(|s| {
            !(s.b - s.a >= 3
                && PREPOSITION_PARTICLES.contains(self.word(s.a + 1))
                && marked(&marks, self.id(s.a), SURNAME))
        });
        spans
            .iter()
            .for_each(|s| mark(&mut marks, self.id(s.b - 1), KNOWN));
        let mut next = 0;
        for &i in &upper {
            if i < next {
                continue;
            }
            let pair = self.pair_span(i).filter(|s| {
                let last = s.b - 1;
                !taken.get(s.a..s.b).unwrap_or_default().iter().any(|t| *t)
                    && !marked(&marks, self.id(last), KNOWN)
                    && (self.before_stamp(last)
                        || self.before_age(last)
                        || marked(&marks, self.id(last), CONFIRMED))
                    && !self.genitive_of_known_word(s.a)
            });
            if let Some(s) = pair {
                mark(&mut marks, self.id(s.b - 1), KNOWN);
                spans.push(s);
                next = s.b;
            }
        }

        self.mentions(&spans, &mut marks, upper.len())
    }

    /// Token `b` is a place head right after the name ending before it
    /// (`Arthur Ashe Stadium`).
    fn before_place(&self, b: usize) -> bool {
        b > 0 && self.adjacent(b - 1) && PLACE_HEADS.contains(self.word(b))
    }

    /// Tokens `i..i + k` follow each other with blanks only.
    fn chained(&self, i: usize, k: usize) -> bool {
        k >= 2 && i + k <= self.toks.len() && (i..i + k - 1).all(|j| self.adjacent(j))
    }

    /// A word that is the genitive of another word of the article
    /// (`Stuttgarts` when `Stuttgart` occurs): a place or club, not a name.
    fn genitive_of_known_word(&self, i: usize) -> bool {
        let w = self.word(i);
        w.strip_suffix('s')
            .is_some_and(|base| base.chars().count() >= 3 && self.vocab.get(base).is_some())
    }

    fn mention(&self, a: usize, b: usize, person: usize) -> Mention {
        let start = self.toks.get(a).map_or(0, |t| t.start);
        let end = self.toks.get(b.saturating_sub(1)).map_or(start, |t| t.end);
        Mention { start, end, person }
    }
}

/// A word is confirmed as a name by its context ([`Finder::run`]).
const CONFIRMED: u8 = 1;
/// ... is the last word of a full name found first.
const SURNAME: u8 = 2;
/// ... is the last word of a full name found so far.
const KNOWN: u8 = 4;
/// ... opens a known full name ([`Finder::mentions`]).
const OPENER: u8 = 8;

/// Sets `bit` of word number `id` in a per-word list of marks.
fn mark(marks: &mut [u8], id: u32, bit: u8) {
    if let Some(m) = marks.get_mut(id as usize) {
        *m |= bit;
    }
}

/// Whether word number `id` has `bit` set.
fn marked(marks: &[u8], id: u32, bit: u8) -> bool {
    marks.get(id as usize).is_some_and(|m| m & bit != 0)
}
