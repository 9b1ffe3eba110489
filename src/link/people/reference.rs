//! The name finder as it was before the word numbers ([`super::vocab`]):
//! the reference the property tests compare the finder with (tests only).

use super::tokens::{Tok, tokenize};
use super::words::{
    NEVER_NAMES, Sieve, has_noun_suffix, is_attribute, is_first_name, is_role_lower, lower_into,
    may_end_with_role,
};
use super::{Mention, People};
use crate::lexicon::{COPULAS, NAME_PARTICLES, NOUN_ARTICLES, PLACE_HEADS, PREPOSITION_PARTICLES};
use rustc_hash::FxHashSet;

mod mentions;

/// A candidate full name: token range `[a, b)`.
#[derive(Clone, Copy)]
struct Span {
    a: usize,
    b: usize,
}

pub(crate) struct Finder<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    /// What is known about each token, computed once (the searches below
    /// ask about every token several times).
    flags: Vec<Flags>,
    /// Every word of the body, for genitive checks (built when first asked).
    all: std::cell::OnceCell<FxHashSet<&'t str>>,
}

/// Word-level facts about one token.
#[derive(Clone, Copy, Default)]
struct Flags {
    /// A role noun or a compound ending in one.
    role: bool,
    /// In the first-name list (or hyphenated first names).
    first: bool,
    /// May be part of a name ([`Finder::name_word`] not strict).
    name: bool,
    /// ... and the article never writes it in lower case.
    strict: bool,
    /// Starts with an upper-case letter.
    upper: bool,
    /// [`is_capitalised`].
    cap: bool,
    /// A name particle (`de`, `van`, `von`).
    particle: bool,
    /// The next token follows after blanks only ([`Finder::adjacent`]).
    adjacent: bool,
}

/// A gap between two words is blanks only: spaces and no-break spaces.
fn blanks(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

impl<'t> Finder<'t> {
    pub(crate) fn new(text: &'t str, from: usize) -> Self {
        let toks = tokenize(text, from);
        let words: Vec<&'t str> = toks.iter().map(|t| t.word(text)).collect();
        let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut lowered = String::new();
        // the lower-case forms of the name words, in one buffer (to find
        // the ones the article also writes in lower case, below)
        let mut arena = String::new();
        let mut forms: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut flags: Vec<Flags> = Vec::with_capacity(words.len());
        // whether the next word is capitalised, carried to the next round
        let mut next_up = words.first().is_some_and(|w| upper(w));
        for (i, w) in words.iter().enumerate() {
            let up = next_up;
            next_up = words.get(i + 1).is_some_and(|n| upper(n));
            let particle = NAME_PARTICLES.contains(w);
            let adjacent = match (toks.get(i), toks.get(i + 1)) {
                (Some(a), Some(b)) => text.get(a.end..b.start).is_some_and(blanks),
                _ => false,
            };
            // the role flag is only asked of capitalised words and of the
            // word before one ([`Finder::after_role`])
            let asked = up || next_up;
            if !asked {
                flags.push(Flags {
                    particle,
                    adjacent,
                    ..Flags::default()
                });
                continue;
            }
            let ends_like_role = may_end_with_role(w);
            let cap = up && w.chars().any(char::is_lowercase);
            // one lower-case form serves the role test and the name forms
            let low = if ends_like_role || cap {
                lower_into(w, &mut lowered)
            } else {
                w
            };
            let role = ends_like_role && is_role_lower(low);
            // countries are teams, `Arena`/`Cup` words places and trophies
            let name = cap && !role && !NEVER_NAMES.contains(w) && {
                let start = arena.len();
                arena.push_str(low);
                let form = arena.get(start..).unwrap_or_default();
                if has_noun_suffix(form) {
                    arena.truncate(start);
                    false
                } else {
                    forms.push((i, start..arena.len()));
                    true
                }
            };
            flags.push(Flags {
                role,
                // only asked of capitalised words ([`Finder::first_name_span`])
                first: up && is_first_name(w),
                name,
                // for now: whether the article writes it in lower case is
                // checked below
                strict: name,
                upper: up,
                cap,
                particle,
                adjacent,
            });
        }
        // a name word the article also writes in lower case is not strict:
        // the lower-case words that may be a name form (by a sieve, no
        // hashing) go into a set, usually a small one, and only the forms
        // its own sieve lets through are looked up in it
        let form_sieve = Sieve::of(forms.iter().filter_map(|(_, r)| arena.get(r.clone())));
        let lower: FxHashSet<&str> = words
            .iter()
            .copied()
            .filter(|w| form_sieve.may_hold(w))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect();
        if !lower.is_empty() {
            let lower_sieve = Sieve::of(lower.iter().copied());
            for (i, r) in &forms {
                if arena
                    .get(r.clone())
                    .is_some_and(|form| lower_sieve.may_hold(form) && lower.contains(form))
                    && let Some(f) = flags.get_mut(*i)
                {
                    f.strict = false;
                }
            }
        }
        Finder {
            text,
            toks,
            flags,
            all: std::cell::OnceCell::new(),
        }
    }

    fn all(&self) -> &FxHashSet<&'t str> {
        self.all
            .get_or_init(|| self.toks.iter().map(|t| t.word(self.text)).collect())
    }

    fn flags(&self, i: usize) -> Flags {
        self.flags.get(i).copied().unwrap_or_default()
    }

    fn word(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.word(self.text))
    }

    /// Tokens `i` and `i + 1` are separated by blanks only.
    fn adjacent(&self, i: usize) -> bool {
        self.flags(i).adjacent
    }

    /// A capitalised word that may be part of a name. `strict` also rejects
    /// words the article writes in lower case elsewhere.
    fn name_word(&self, i: usize, strict: bool) -> bool {
        let f = self.flags(i);
        if strict { f.strict } else { f.name }
    }

    /// What follows token `i` is a minute stamp: ` (42.)`, `(45.+1`,
    /// `(12., 30.)`, `(3./PP)`, `(27. Minute)`; not a substitution
    /// (`(69. Lukeba)`) or a clock time (`(19.30 Uhr)`).
    fn before_stamp(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let rest = self.text.get(t.end..).unwrap_or("");
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let Some(inner) = rest.strip_prefix('(') else {
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
        i > 0 && self.adjacent(i - 1) && self.flags(i - 1).role
    }

    /// The full name starting at token `i` anchored on a first name.
    fn first_name_span(&self, i: usize) -> Option<Span> {
        if !self.flags(i).first || !self.flags(i).cap {
            return None;
        }
        let mut j = i + 1;
        let mut firsts = 1;
        while firsts < 3 && self.adjacent(j - 1) && self.flags(j).first && self.name_word(j, false)
        {
            j += 1;
            firsts += 1;
        }
        let mut k = j;
        let mut preposition = false;
        while k < j + 2 && self.adjacent(k - 1) {
            if PREPOSITION_PARTICLES.contains(self.word(k)) && k == j {
                preposition = true;
            } else if !self.flags(k).particle {
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
        if !self.name_word(i, true) || !self.adjacent(i) || self.flags(i).particle {
            return None;
        }
        let mut k = i + 1;
        while k < i + 3 && self.flags(k).particle && self.flags(k).cap && self.adjacent(k) {
            k += 1;
        }
        if self.name_word(k, true) && !self.before_place(k + 1) {
            Some(Span { a: i, b: k + 1 })
        } else {
            None
        }
    }

    fn text_of(&self, a: usize, b: usize) -> String {
        (a..b).map(|i| self.word(i)).collect::<Vec<_>>().join(" ")
    }

    pub(crate) fn run(self) -> People {
        let n = self.toks.len();
        // names start at capitalised words: the searches below visit only
        // those (and, for `de Bruyne`, the particles)
        let upper: Vec<usize> = (0..n).filter(|&i| self.flags(i).upper).collect();
        // single words confirmed as names by their context
        let confirmed: FxHashSet<&str> = upper
            .iter()
            .copied()
            .filter(|&i| {
                self.name_word(i, true)
                    && (self.before_stamp(i) || self.after_role(i))
                    && !self.after_article(i)
            })
            .map(|i| self.word(i))
            .collect();

        // full-name spans: first-name and role anchored ones first, then
        // pairs whose surname has no anchored full name yet
        let mut spans: Vec<Span> = Vec::new();
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
                .or_else(|| {
                    let s = self.pair_span(i)?;
                    self.after_role(i).then_some(s)
                });
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
        let surnames: FxHashSet<&str> = spans.iter().map(|s| self.word(s.b - 1)).collect();
        spans.retain(|s| {
            !(s.b - s.a >= 3
                && PREPOSITION_PARTICLES.contains(self.word(s.a + 1))
                && surnames.contains(self.word(s.a)))
        });
        let mut known: FxHashSet<&str> = spans.iter().map(|s| self.word(s.b - 1)).collect();
        let mut next = 0;
        for &i in &upper {
            if i < next {
                continue;
            }
            let pair = self.pair_span(i).filter(|s| {
                let last = s.b - 1;
                !taken.get(s.a..s.b).unwrap_or_default().iter().any(|t| *t)
                    && !known.contains(self.word(last))
                    && (self.before_stamp(last)
                        || self.before_age(last)
                        || confirmed.contains(self.word(last)))
                    && !self.genitive_of_known_word(s.a)
            });
            if let Some(s) = pair {
                known.insert(self.word(s.b - 1));
                spans.push(s);
                next = s.b;
            }
        }

        self.mentions(&spans, &confirmed)
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
            .is_some_and(|base| base.chars().count() >= 3 && self.all().contains(base))
    }

    fn mention(&self, a: usize, b: usize, person: usize) -> Mention {
        let start = self.toks.get(a).map_or(0, |t| t.start);
        let end = self.toks.get(b.saturating_sub(1)).map_or(start, |t| t.end);
        Mention { start, end, person }
    }
}
