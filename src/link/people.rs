//! Person names in an article and their fullest forms.
//!
//! [`People::new`] finds every person-name mention in the article body
//! (capitalised token sequences in name contexts, first names from
//! `data/first_names.txt`, particles such as `de`, `van`, `da`, `von`,
//! hyphenated names; never ordinary German nouns) and groups mentions of
//! the same person, so `Doku` resolves to `Jeremy Doku` and `De Bruyne` to
//! `Kevin De Bruyne`.
//!
//! A full name is found in one of these contexts:
//! - a first name from the list, then optional particles and a surname
//!   (`Kevin De Bruyne`, `Danny da Costa`, `Trent Alexander-Arnold`);
//! - a role noun right before it (`Trainer Benny Link`, `RB-Keeper X Y`);
//! - two capitalised words right before a minute stamp or an age in
//!   parentheses (`Mads Lund (15.)`, `Ali Aliev (44)`);
//! - two capitalised words whose second word stands alone elsewhere in a
//!   name context (`… war Benn Ferriero …` with `Ferriero (51.)`).
//!
//! A single capitalised word before a minute stamp (`Tallinder (65.)`) or
//! after a role noun (`Trainer Fink`) is a person too, when no fuller form
//! exists. Words from `data/non_names.txt`, words the article also writes in
//! lower case, and words with noun suffixes (`-ung`, `-heit`, …) are never
//! names.

mod tokens;

use crate::article::Article;
use crate::lexicon::{
    COPULAS, COUNTRIES, FIRST_NAMES, NAME_PARTICLES, NON_NAMES, NOUN_ARTICLES, NOUN_SUFFIXES,
    PERSON_ROLES, PLACE_HEADS, PREPOSITION_PARTICLES,
};
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;
use tokens::{Tok, tokenize};

/// One place where the article names a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the name as written (`Doku`, `Jeremy Doku`).
    pub start: usize,
    pub end: usize,
    /// Index into [`People::persons`].
    pub person: usize,
}

/// The people an article names.
#[derive(Debug, Default)]
pub struct People {
    /// Fullest name form of each distinct person, in order of first mention.
    persons: Vec<String>,
    /// Every mention, sorted by `start`.
    mentions: Vec<Mention>,
}

impl People {
    pub fn new(article: &Article) -> Self {
        let from = article.body_start().min(article.text.len());
        Finder::new(&article.text, from).run()
    }

    /// The people named in a plain text (the whole text is the body).
    pub fn from_text(text: &str) -> Self {
        Finder::new(text, 0).run()
    }

    /// The fullest form of the name `mention` (`Doku` → `Jeremy Doku`);
    /// the mention itself when the article has no fuller form.
    pub fn resolve(&self, mention: &str) -> String {
        let m = mention.split_whitespace().collect::<Vec<_>>().join(" ");
        if m.is_empty() {
            return m;
        }
        if let Some(p) = self.lookup(&m) {
            return p.to_string();
        }
        // genitive: `Harders` → `Harder`
        if let Some(base) = m.strip_suffix('s')
            && base.chars().count() >= 3
            && let Some(p) = self.lookup(base)
        {
            return p.to_string();
        }
        m
    }

    /// The fullest person name matching a written name, if any.
    fn lookup(&self, m: &str) -> Option<&str> {
        if let Some(p) = self.persons.iter().find(|p| p.as_str() == m) {
            return Some(p);
        }
        // surname (with particles): `Doku`, `De Bruyne`
        let tail = format!(" {m}");
        if let Some(p) = self.persons.iter().find(|p| p.ends_with(&tail)) {
            return Some(p);
        }
        // initial and surname: `J. Eggestein`
        if let Some((initial, rest)) = m.split_once(". ") {
            let mut ic = initial.chars();
            if let (Some(c), None) = (ic.next(), ic.next()) {
                let tail = format!(" {rest}");
                return self
                    .persons
                    .iter()
                    .find(|p| p.starts_with(c) && p.ends_with(&tail))
                    .map(String::as_str);
            }
        }
        None
    }

    /// Fullest name of each person, in order of first mention.
    pub fn persons(&self) -> &[String] {
        &self.persons
    }

    /// Every person mention, sorted by start offset.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mention that covers byte offset `pos`, if any.
    pub fn mention_at(&self, pos: usize) -> Option<&Mention> {
        // mentions are sorted by start and short: only the few that start
        // at or before `pos` can cover it (binary search, not a scan)
        let upto = self.mentions.partition_point(|m| m.start <= pos);
        self.mentions
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(8)
            .find(|m| pos < m.end)
    }

    /// The last mention that ends at or before byte offset `pos`.
    pub fn last_before(&self, pos: usize) -> Option<&Mention> {
        let upto = self.mentions.partition_point(|m| m.start < pos);
        self.mentions
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .find(|m| m.end <= pos)
    }

    /// The fullest name of a mention's person.
    pub fn name_of(&self, mention: &Mention) -> &str {
        self.persons.get(mention.person).map_or("", String::as_str)
    }

    /// The mentions that lie inside a byte range.
    pub fn mentions_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let from = self.mentions.partition_point(|m| m.start < start);
        self.mentions
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |m| m.start < end)
            .filter(move |m| m.end <= end)
    }
}

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
    is_role_lower(&lower_case(word))
}

/// [`is_role`] of a word already in lower case.
fn is_role_lower(lower: &str) -> bool {
    if PERSON_ROLES.contains(lower) {
        return true;
    }
    if let Some((_, last)) = lower.rsplit_once('-')
        && PERSON_ROLES.contains(last)
    {
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
static NEVER_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    NON_NAMES
        .iter()
        .chain(COUNTRIES.iter())
        .chain(PLACE_HEADS.iter())
        .copied()
        .collect()
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
fn lower_into<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if !word.chars().any(char::is_uppercase) {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    buf
}

/// The last byte of every noun suffix (`-ung`, `-heit`, …).
static SUFFIX_ENDS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    NOUN_SUFFIXES
        .iter()
        .filter_map(|s| s.bytes().last())
        .collect()
});

/// Whether a lower-case word ends with a noun suffix (`Meisterschaft`):
/// never a name. Only words ending like a suffix are compared in full.
fn has_noun_suffix(lower: &str) -> bool {
    lower
        .bytes()
        .last()
        .is_some_and(|b| SUFFIX_ENDS.contains(&b))
        && NOUN_SUFFIXES.iter().any(|s| lower.ends_with(*s))
}

/// The last two bytes of every role noun, in lower case.
static ROLE_ENDS: LazyLock<HashSet<[u8; 2]>> = LazyLock::new(|| {
    PERSON_ROLES
        .iter()
        .filter_map(|r| r.as_bytes().get(r.len().saturating_sub(2)..))
        .filter_map(|e| <[u8; 2]>::try_from(e).ok())
        .collect()
});

/// False when `word` in lower case cannot end with a role noun (every role
/// word of [`is_role_lower`] ends with one): its last two bytes, ASCII and
/// folded to lower case, end no role. Words ending in other characters
/// are not ruled out.
fn may_end_with_role(word: &str) -> bool {
    match word.as_bytes() {
        [.., a, b] if a.is_ascii() && b.is_ascii() => {
            ROLE_ENDS.contains(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        }
        _ => true,
    }
}

/// A word in lower case, borrowed when it has no upper-case letter.
fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
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
        || (word.contains('-') && word.split('-').all(|p| FIRST_NAMES.contains(p)))
}

/// A candidate full name: token range `[a, b)`.
#[derive(Clone, Copy)]
struct Span {
    a: usize,
    b: usize,
}

struct Finder<'t> {
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
}

impl<'t> Finder<'t> {
    fn new(text: &'t str, from: usize) -> Self {
        let toks = tokenize(text, from);
        let words: Vec<&'t str> = toks.iter().map(|t| t.word(text)).collect();
        let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut lowered = String::new();
        // the lower-case forms of the name words, in one buffer (to find
        // the ones the article also writes in lower case, below)
        let mut arena = String::new();
        let mut forms: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut flags: Vec<Flags> = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            let up = upper(w);
            let particle = NAME_PARTICLES.contains(w);
            // the role flag is only asked of capitalised words and of the
            // word before one ([`Finder::after_role`])
            let asked = up || words.get(i + 1).is_some_and(|n| upper(n));
            if !asked {
                flags.push(Flags {
                    particle,
                    ..Flags::default()
                });
                continue;
            }
            let role = may_end_with_role(w) && is_role_lower(lower_into(w, &mut lowered));
            let cap = up && w.chars().any(char::is_lowercase);
            // countries are teams, `Arena`/`Cup` words places and trophies
            let name = cap && !role && !NEVER_NAMES.contains(w) && {
                let start = arena.len();
                arena.push_str(lower_into(w, &mut lowered));
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
            });
        }
        // a name word the article also writes in lower case is not strict
        let candidates: FxHashSet<&str> = forms
            .iter()
            .filter_map(|(_, r)| arena.get(r.clone()))
            .collect();
        let lower: FxHashSet<&str> = words
            .iter()
            .copied()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .filter(|w| candidates.contains(*w))
            .collect();
        if !lower.is_empty() {
            for (i, r) in &forms {
                if arena
                    .get(r.clone())
                    .is_some_and(|form| lower.contains(form))
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
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}')),
            _ => false,
        }
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

    fn run(self) -> People {
        let n = self.toks.len();
        // single words confirmed as names by their context
        let confirmed: HashSet<&str> = (0..n)
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
        let mut i = 0;
        while i < n {
            let span = self
                .first_name_span(i)
                .filter(|s| !self.before_place(s.b))
                .or_else(|| {
                    let s = self.pair_span(i)?;
                    self.after_role(i).then_some(s)
                });
            match span {
                Some(s) => {
                    spans.push(s);
                    taken
                        .get_mut(s.a..s.b)
                        .unwrap_or_default()
                        .iter_mut()
                        .for_each(|t| *t = true);
                    i = s.b;
                }
                None => i += 1,
            }
        }
        // `Fritz von …` where `Fritz` is another person's surname: no name
        let surnames: HashSet<&str> = spans.iter().map(|s| self.word(s.b - 1)).collect();
        spans.retain(|s| {
            !(s.b - s.a >= 3
                && PREPOSITION_PARTICLES.contains(self.word(s.a + 1))
                && surnames.contains(self.word(s.a)))
        });
        let mut known: HashSet<&str> = spans.iter().map(|s| self.word(s.b - 1)).collect();
        let mut i = 0;
        while i < n {
            let pair = self.pair_span(i).filter(|s| {
                let last = s.b - 1;
                !taken.get(s.a..s.b).unwrap_or_default().iter().any(|t| *t)
                    && !known.contains(self.word(last))
                    && (self.before_stamp(last)
                        || self.before_age(last)
                        || confirmed.contains(self.word(last)))
                    && !self.genitive_of_known_word(s.a)
            });
            match pair {
                Some(s) => {
                    known.insert(self.word(s.b - 1));
                    spans.push(s);
                    i = s.b;
                }
                None => i += 1,
            }
        }

        let mut people = People::default();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
        let mut longest_first = spans.clone();
        longest_first.sort_by_key(|s| std::cmp::Reverse(s.b - s.a));
        for s in &longest_first {
            let full = self.text_of(s.a, s.b);
            if index.contains_key(&full) {
                continue;
            }
            let tail = format!(" {full}");
            if let Some(p) = people.persons.iter().position(|f| f.ends_with(&tail)) {
                index.insert(full, p);
                continue;
            }
            let id = people.persons.len();
            index.insert(full.clone(), id);
            people.persons.push(full);
            by_surname
                .entry(self.word(s.b - 1).to_string())
                .or_default()
                .push(id);
        }

        let starts: HashMap<usize, Span> = spans.iter().map(|s| (s.a, *s)).collect();
        let mut lengths: Vec<usize> = spans.iter().map(|s| s.b - s.a).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        let openers: FxHashSet<String> = index
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        let mut last_of: HashMap<usize, usize> = HashMap::default(); // person -> last mention
        let mut mentions: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < n {
            let pick = |cands: &Vec<usize>, last_of: &HashMap<usize, usize>| -> usize {
                cands
                    .iter()
                    .copied()
                    .max_by_key(|p| last_of.get(p).copied().map_or(0, |x| x + 1))
                    .unwrap_or(0)
            };
            let full_here = starts.get(&i).map(|s| s.b - s.a).or_else(|| {
                // only a word that opens a known full name can (cheap test
                // before building candidate strings)
                if !self.flags(i).upper || !openers.contains(self.word(i)) {
                    return None;
                }
                lengths
                    .iter()
                    .copied()
                    .find(|&k| self.chained(i, k) && index.contains_key(&self.text_of(i, i + k)))
            });
            if let Some(k) = full_here {
                if let Some(&p) = index.get(&self.text_of(i, i + k)) {
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + k, p));
                }
                i += k;
                continue;
            }
            let w = self.word(i);
            // particle + surname: `De Bruyne`
            if self.flags(i).particle
                && self.adjacent(i)
                && let Some(c) = by_surname.get(self.word(i + 1))
            {
                let p = pick(c, &last_of);
                let with = format!(" {} {}", w, self.word(i + 1));
                if people.persons.get(p).is_some_and(|f| f.ends_with(&with)) {
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + 2, p));
                    i += 2;
                    continue;
                }
            }
            // initial + surname: `J. Eggestein`
            if self.flags(i).upper
                && w.chars().nth(1).is_none()
                && let Some(t) = self.toks.get(i)
                && self.text.get(t.end..t.end + 1) == Some(".")
                && let Some(c) = by_surname.get(self.word(i + 1))
                && let Some(next) = self.toks.get(i + 1)
                && self
                    .text
                    .get(t.end + 1..next.start)
                    .is_some_and(|g| g.chars().all(|c| c == ' '))
            {
                let p = pick(c, &last_of);
                last_of.insert(p, i);
                mentions.push(self.mention(i, i + 2, p));
                i += 2;
                continue;
            }
            if self.flags(i).cap {
                let found = by_surname.get(w).or_else(|| {
                    w.strip_suffix('s')
                        .filter(|b| b.chars().count() >= 3)
                        .and_then(|b| by_surname.get(b))
                });
                if let Some(c) = found {
                    let p = pick(c, &last_of);
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + 1, p));
                } else if confirmed.contains(w) {
                    let p = *index.entry(w.to_string()).or_insert_with(|| {
                        people.persons.push(w.to_string());
                        people.persons.len() - 1
                    });
                    by_surname.entry(w.to_string()).or_default().push(p);
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + 1, p));
                }
            }
            i += 1;
        }
        // persons in order of first mention
        let mut order: Vec<usize> = Vec::new();
        for m in &mentions {
            if !order.contains(&m.person) {
                order.push(m.person);
            }
        }
        let remap: HashMap<usize, usize> = order.iter().enumerate().map(|(n, &o)| (o, n)).collect();
        let persons = order
            .iter()
            .filter_map(|&o| people.persons.get(o).cloned())
            .collect();
        for m in &mut mentions {
            m.person = remap.get(&m.person).copied().unwrap_or(0);
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        People { persons, mentions }
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

#[cfg(test)]
mod tests;
