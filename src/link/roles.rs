//! Resolving descriptions and pronouns to the person they refer to.
//!
//! Articles name a person once and then describe them: `der 26-Jährige`,
//! `der sichtlich enttäuschte Trainer`, `der Spanier`, `sagte er`. This
//! module reads such noun phrases ([`np_after`]) and finds their referent
//! ([`Resolver::antecedent`]): the most recent person reference before the
//! description, skipping names that stand as objects (`gegen Draper`,
//! `von Smith`) and names inside quotations; a description that opens a
//! paragraph under a heading refers to the person the heading names.
//!
//! The references are the People mentions plus descriptions already
//! resolved (`Der 26 Jahre alte Finalist` → Fritz makes a following `sagte
//! der 26-Jährige` refer to Fritz too).

use crate::article::Article;
use crate::lexicon::{
    Bits, DETERMINERS, NATIONALITY_NOUNS, OBJECT_ARTICLES, OPPONENT_PREPOSITIONS, PERSON_ROLES,
    ROLE_NOUNS, lowered,
};
use crate::link::people::People;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

mod np;
mod words;
pub use np::{Np, np_after};
pub use words::{Word, first_words, words, words_before};

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word that describes a person by role: `Trainer`, `Bundestrainer`,
/// `St.-Pauli-Trainer`, `Viertelfinal-Bezwinger`.
pub fn is_role_noun(word: &str) -> bool {
    if !capitalised(word) {
        return false;
    }
    let lower = word.to_lowercase();
    // only the roles that end in the word's last three bytes can end it
    let (bits, roles) = &*ROLE_ENDINGS;
    last3(&lower).is_some_and(|tail| {
        bits.has(ending_bit(tail)) && roles.iter().any(|(t, r)| *t == tail && lower.ends_with(r))
    })
}

/// Every role noun and person role with its last three bytes (every one
/// has three or more), and a 4096-bit map of those endings: a word is
/// compared with the few roles that end like it, not with all 160.
static ROLE_ENDINGS: LazyLock<(Bits<64>, Vec<Ending>)> = LazyLock::new(|| {
    let roles: Vec<Ending> = ROLE_NOUNS
        .iter()
        .chain(PERSON_ROLES.iter())
        .filter_map(|r| Some((last3(r)?, *r)))
        .collect();
    (Bits::of(roles.iter().map(|(t, _)| ending_bit(*t))), roles)
});

/// A role with its last three bytes.
type Ending = ([u8; 3], &'static str);

/// The last three bytes of `word`.
fn last3(word: &str) -> Option<[u8; 3]> {
    word.as_bytes().last_chunk::<3>().copied()
}

/// The bit of a three-byte ending in [`ROLE_ENDINGS`]' map.
fn ending_bit([a, b, c]: [u8; 3]) -> usize {
    let key = u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// A nationality or origin noun: `Spanier`, `Südtiroler`.
pub fn is_nationality_noun(word: &str) -> bool {
    NATIONALITY_NOUNS.contains(word)
}

/// An age noun: `26-Jährige`, `23-Jährigen`, `30-Jähriger`.
pub fn is_age_noun(word: &str) -> bool {
    let Some((num, rest)) = word.split_once('-') else {
        return false;
    };
    !num.is_empty()
        && num.len() <= 3
        && num.bytes().all(|b| b.is_ascii_digit())
        && rest.starts_with("Jährige")
}

/// Any noun that describes a person without naming them.
pub fn is_description_noun(word: &str) -> bool {
    is_role_noun(word) || is_nationality_noun(word) || is_age_noun(word)
}

/// Words of the determiner list that are adverbs (`auch`, `dann`): they do
/// not open a noun phrase.
fn is_adverb(lower: &str) -> bool {
    !matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "eines"
    ) && !lower.starts_with("sein")
        && !lower.starts_with("ihr")
        && lower != "dessen"
        && lower != "deren"
}

/// A reference to a person at a span of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// A reference with what is learnt about its context, read from the text
/// when a search first asks (most references are never asked about). The
/// name of a People mention is borrowed from the People.
#[derive(Debug, Clone)]
struct Entry<'a> {
    start: usize,
    end: usize,
    name: Cow<'a, str>,
    /// It stands as an object (`gegen Draper`), not as a subject.
    object: OnceCell<bool>,
    /// The role noun right before it (`Trainer` of `BVB-Trainer Nuri Şahin`).
    role: OnceCell<Option<String>>,
}

/// How many references a search looks back over (keeps lookups linear in
/// the article length even for articles with many thousand names).
const LOOK_BACK: usize = 200;
/// How far (bytes) word-level context is read around a reference.
const WINDOW: usize = 120;

/// `pos` moved back to a char boundary.
fn floor_boundary(text: &str, mut pos: usize) -> usize {
    pos = pos.min(text.len());
    while pos > 0 && !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The start of the line holding `pos`, looking back at most `WINDOW` bytes.
fn near_line_start(text: &str, pos: usize) -> usize {
    let from = floor_boundary(text, pos.saturating_sub(WINDOW));
    text.get(from..pos)
        .and_then(|s| s.rfind('\n'))
        .map_or(from, |i| from + i + 1)
}

/// Finds the person a description or pronoun refers to.
pub struct Resolver<'a> {
    article: &'a Article,
    /// People mentions outside quotations plus resolved descriptions and
    /// speakers, keyed by (start, end, insertion number). A B-tree, not a
    /// sorted list: every resolved description goes in among the mentions,
    /// and a list would move all the mentions after it each time (a 2 MB
    /// article full of descriptions took seconds).
    refs: BTreeMap<(usize, usize, usize), Entry<'a>>,
}

impl<'a> Resolver<'a> {
    /// A resolver over the People mentions of `article`, ignoring mentions
    /// inside `quoted` spans (names said in a quotation are not the topic).
    /// `quoted` must be sorted by start and not overlap.
    pub fn new(article: &'a Article, people: &'a People, quoted: &[Range<usize>]) -> Self {
        let mut me = Resolver {
            article,
            refs: BTreeMap::new(),
        };
        for m in people.mentions() {
            if inside_any(quoted, m.start, m.end) {
                continue;
            }
            let name = people.name_of(m);
            if name.is_empty() {
                continue;
            }
            me.insert(Entry {
                start: m.start,
                end: m.end,
                name: Cow::Borrowed(name),
                object: OnceCell::new(),
                role: OnceCell::new(),
            });
        }
        me
    }

    /// Records a resolved description as a reference for later ones.
    pub fn add(&mut self, r: Ref) {
        self.insert(Entry {
            start: r.start,
            end: r.end,
            name: Cow::Owned(r.name),
            object: OnceCell::new(),
            role: OnceCell::new(),
        });
    }

    /// Records a reference known to be a subject (the speaker of a quote).
    pub fn add_subject(&mut self, r: Ref) {
        self.insert(Entry {
            start: r.start,
            end: r.end,
            name: Cow::Owned(r.name),
            object: OnceCell::from(false),
            role: OnceCell::from(None),
        });
    }

    /// Whether `e` stands as an object ([`Resolver::is_object`]).
    fn object(&self, e: &Entry) -> bool {
        *e.object.get_or_init(|| self.is_object(e.start, e.end))
    }

    /// The role noun right before `e` ([`Resolver::role_before`]).
    fn role<'e>(&self, e: &'e Entry) -> Option<&'e str> {
        e.role.get_or_init(|| self.role_before(e.start)).as_deref()
    }

    fn insert(&mut self, e: Entry<'a>) {
        let key = (e.start, e.end, self.refs.len());
        self.refs.insert(key, e);
    }

    /// The references that end at or before `pos`, nearest first (at most
    /// [`LOOK_BACK`] of them).
    fn before(&self, pos: usize) -> impl Iterator<Item = &Entry<'a>> {
        self.refs
            .range(..(pos, 0, 0))
            .rev()
            .map(|(_, e)| e)
            .filter(move |e| e.end <= pos)
            .take(LOOK_BACK)
    }

    /// The references inside `range`, in text order (at most [`LOOK_BACK`]).
    fn within(&self, range: Range<usize>) -> impl DoubleEndedIterator<Item = &Entry<'a>> {
        let end = range.end.max(range.start);
        self.refs
            .range((range.start, 0, 0)..(end, 0, 0))
            .map(|(_, e)| e)
            .filter(move |e| e.end <= end)
    }

    /// The role noun right before byte `pos` (`Trainer` in `Trainer Ali`,
    /// `BVB-Trainer` in `BVB-Trainer Nuri Şahin`).
    fn role_before(&self, pos: usize) -> Option<String> {
        let text = &self.article.text;
        let from = floor_boundary(text, pos.saturating_sub(80));
        let before = words_before(text, from..pos, 1);
        let w = before.first()?;
        let adjacent = text.get(w.end..pos).is_some_and(|g| g.trim().is_empty());
        (adjacent && is_description_noun(w.text)).then(|| w.text.to_string())
    }

    /// Whether a reference is an object of an opponent preposition
    /// (`gegen Draper`, `gegen Außenseiter Jack Draper`, `von Smith`) or of
    /// an accusative or dative article (`bezwang den Franzosen X`).
    fn is_object(&self, start: usize, end: usize) -> bool {
        let text = &self.article.text;
        if text
            .get(start..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
        {
            // a resolved age description (`26-Jährige`) is a subject
            return false;
        }
        // People may keep the preposition in the name (`von Smith`)
        let first = text
            .get(start..end)
            .and_then(|m| m.split_whitespace().next());
        if first.is_some_and(|f| OPPONENT_PREPOSITIONS.contains(f)) {
            return true;
        }
        let from = near_line_start(text, start);
        // the word before it, and the one before that (nearest first)
        let before = words_before(text, from..start, 2);
        let mut it = before.iter();
        let Some(mut w) = it.next() else { return false };
        if w.end + 1 < start && text.get(w.end..start).is_some_and(|g| g.trim() != "") {
            return false;
        }
        let mut stepped = false;
        if is_role_noun(w.text) || is_nationality_noun(w.text) {
            match it.next() {
                Some(prev) => w = prev,
                None => return false,
            }
            stepped = true;
        }
        // prepositions are written in lower case (`Sein Gegenüber X` is a
        // noun, not `gegenüber X`)
        if OPPONENT_PREPOSITIONS.contains(w.text) {
            return true;
        }
        let lower = lowered(w.text);
        if stepped && OBJECT_ARTICLES.contains(&lower) {
            // `den Franzosen Hugo Mercier`, `dem Spanier X`
            return true;
        }
        // `aus dem Arthur Ashe Stadium`: a name after an article names a thing
        let article_word = !stepped && DETERMINERS.contains(&lower) && !is_adverb(&lower);
        article_word && text.get(w.end..start).is_some_and(|g| g.trim().is_empty())
    }

    /// The person a description or pronoun at byte `pos` refers to.
    pub fn antecedent(&self, pos: usize) -> Option<String> {
        self.antecedent_where(pos, None, |_| true, |_| false)
    }

    /// Whether `from..to` stays inside one paragraph (looking at most a few
    /// thousand bytes: farther apart counts as another paragraph).
    fn same_paragraph(&self, from: usize, to: usize) -> bool {
        to.saturating_sub(from) <= 3000
            && self
                .article
                .text
                .get(from..to)
                .is_some_and(|t| !t.contains('\n'))
    }

    /// The person a description at `pos` refers to, among persons that
    /// `fits`: the person the heading above names, else the nearest person
    /// that is `preferred` (a person known to have the description's age),
    /// else for a `role` noun the nearest subject of the same paragraph or
    /// the nearest holder of that role, else the nearest subject, else the
    /// nearest object.
    pub fn antecedent_where(
        &self,
        pos: usize,
        role: Option<&str>,
        fits: impl Fn(&str) -> bool,
        preferred: impl Fn(&str) -> bool,
    ) -> Option<String> {
        if let Some(name) = self.heading_person(pos)
            && fits(&name)
        {
            return Some(name);
        }
        if let Some(e) = self.before(pos).find(|e| preferred(&e.name)) {
            return Some(e.name.to_string());
        }
        if let Some(noun) = role {
            // a role description (`der Bundestrainer`): the person just
            // talked about in this paragraph, else the one who holds the role
            let near = self
                .before(pos)
                .find(|e| !self.object(e) && fits(&e.name))
                .filter(|e| self.same_paragraph(e.end, pos));
            if let Some(e) = near {
                return Some(e.name.to_string());
            }
            if let Some(name) = self.role_antecedent(pos, noun).filter(|n| fits(n)) {
                return Some(name);
            }
        }
        self.before(pos)
            .find(|e| !self.object(e) && fits(&e.name))
            .or_else(|| self.before(pos).find(|e| fits(&e.name)))
            .map(|e| e.name.to_string())
    }

    /// The person a role description (`der Bundestrainer`) at `pos` refers
    /// to: the nearest person introduced with that role before it.
    pub fn role_antecedent(&self, pos: usize, noun: &str) -> Option<String> {
        if !is_role_noun(noun) {
            return None;
        }
        let noun = noun.to_lowercase();
        self.before(pos)
            .find(|e| {
                self.role(e)
                    .is_some_and(|r| r.to_lowercase().ends_with(&noun))
            })
            .map(|e| e.name.to_string())
    }

    /// The subject-like person of `range`: its first reference that is not
    /// an object.
    pub fn first_in(&self, range: Range<usize>) -> Option<String> {
        self.within(range)
            .take(LOOK_BACK)
            .find(|e| !self.object(e))
            .map(|e| e.name.to_string())
    }

    /// The last person reference in `range` that is not an object.
    pub fn last_in(&self, range: Range<usize>) -> Option<String> {
        self.within(range)
            .rev()
            .take(LOOK_BACK)
            .find(|e| !self.object(e))
            .map(|e| e.name.to_string())
    }

    /// The person named right after another use of the same role noun
    /// (`Arsenal-Trainer Arsene Wenger`), for a description with nothing
    /// before it (a headline).
    pub fn role_holder(&self, noun: &str) -> Option<String> {
        self.refs
            .values()
            .find(|e| self.role(e) == Some(noun))
            .map(|e| e.name.to_string())
    }

    /// For a position in the first sentence of a paragraph: the person the
    /// nearest heading above names (the section's topic), if any.
    fn heading_person(&self, pos: usize) -> Option<String> {
        let text = &self.article.text;
        // back to the paragraph start, unless a sentence ends first (looking
        // back a bounded stretch: a longer first sentence is no heading's)
        let from = floor_boundary(text, pos.saturating_sub(1000));
        let back = text.get(from..pos)?;
        let cut = back.rfind(['\n', '.', '!', '?'])?;
        if back.get(cut..)?.starts_with(['.', '!', '?']) {
            return None;
        }
        let para_start = from + cut + 1;
        let mut end = para_start;
        for _ in 0..8 {
            let prev = text.get(..end)?.trim_end();
            if prev.is_empty() {
                return None;
            }
            // a heading is short: no line start within 400 bytes, no heading
            let from = floor_boundary(text, prev.len().saturating_sub(400));
            let line_start = text
                .get(from..prev.len())?
                .rfind('\n')
                .map(|i| from + i + 1)?;
            if line_start < self.article.body_start() {
                return None;
            }
            let line = prev.get(line_start..)?;
            let separated = text
                .get(line_start + line.len()..end)
                .is_some_and(|g| g.contains("\n\n"))
                && text.get(..line_start)?.ends_with("\n\n");
            let is_heading = separated
                && line.chars().count() <= 90
                && !line.ends_with(['.', '!', '?', ':', '"', '“', '«', ')']);
            if is_heading {
                return self.first_in(line_start..line_start + line.len());
            }
            end = line_start;
        }
        None
    }
}

/// Whether `start..end` lies inside one of the sorted, disjoint `ranges`.
pub fn inside_any(ranges: &[Range<usize>], start: usize, end: usize) -> bool {
    let i = ranges.partition_point(|q| q.start <= start);
    i > 0 && ranges.get(i - 1).is_some_and(|q| end <= q.end)
}

#[cfg(test)]
mod tests;
