//! Which side of its anchor a date lies on, from the clause it stands in
//! (SPEC "dates.csv"): explicit words before it (`seit`), then the tense of
//! the clause (past-tense verbs and auxiliaries → before the anchor; a
//! present-tense or future clause → after it), else simply the nearest.

use crate::lexicon::letters::alphanumeric;
use crate::lexicon::{
    FUTURE_MARKERS, NOT_PARTICIPLES, NOT_PAST, NOT_VERBS, NOUN_ARTICLES, PAST_MARKERS,
    PAST_PREPOSITIONS,
};
use std::ops::Range;

/// Which side of the anchor an expression points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    Either,
}

/// The words of a clause: runs of alphanumeric characters and `-`, as byte
/// ranges. An ASCII byte is classed by a table; a character outside ASCII
/// is decoded and looked up. The same words as `text.split(|c|
/// !alphanumeric(c) && c != '-')` without the empty ones, at a few
/// instructions a byte instead of a decoded character and a call each.
struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// What a byte is to [`Words`]: part of a word (ASCII letters, digits and
/// `-`), a separator, or a byte of a character outside ASCII.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Separator,
    Wide,
}

// indexing in a constant is checked when the program is compiled
#[allow(clippy::indexing_slicing)]
static CLASSES: [Class; 256] = {
    let mut table = [Class::Wide; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() || byte == b'-' {
            Class::Word
        } else {
            Class::Separator
        };
        b += 1;
    }
    table
};

impl Words<'_> {
    /// Whether the character at the position belongs to a word, and its
    /// length.
    fn class(&self) -> Option<(bool, usize)> {
        let b = *self.text.as_bytes().get(self.pos)?;
        match CLASSES.get(usize::from(b))? {
            Class::Word => Some((true, 1)),
            Class::Separator => Some((false, 1)),
            Class::Wide => {
                let c = self.text.get(self.pos..)?.chars().next()?;
                Some((alphanumeric(c), c.len_utf8()))
            }
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        loop {
            let (word, len) = self.class()?;
            if word {
                break;
            }
            self.pos += len;
        }
        let start = self.pos;
        while let Some((true, len)) = self.class() {
            self.pos += len;
        }
        Some(start..self.pos)
    }
}

/// The tenses of one article's clauses, each clause read once.
///
/// A clause's words say the same for every date in it; only the words
/// before a date (`seit Mitte Dezember`) differ. So the last clause asked
/// about is kept with what its words say and where its first preposition
/// of the past ends, and the next date in it is answered from that: a
/// long line without a cut and full of dates is read once, not once per
/// date (it was quadratic: a megabyte took a minute). A sentence with
/// parentheses is read from its start for its cuts, and the reading goes
/// on from where the last date left it.
#[derive(Default)]
pub struct Tenses {
    last: std::cell::RefCell<Option<Sentence>>,
}

/// The sentence last asked about and its clause last asked about.
struct Sentence {
    /// Its start in the article's text and its length.
    key: (usize, usize),
    cuts: Cuts,
    clause: Option<Clause>,
}

struct Clause {
    /// Every position from the first to the last lies in this clause: one
    /// past the cut before it, and the cut after it.
    bounds: (usize, usize),
    /// The clause's text in the sentence (the whole sentence after an en
    /// dash, see [`effective`]).
    range: Range<usize>,
    tense: Tense,
}

impl Tenses {
    /// Which side of the anchor the clause around byte `at` of `sentence`
    /// points to; the sentence starts at byte `start` of the article's
    /// text (dates come in order, sentence by sentence).
    pub fn direction(&self, sentence: &str, start: usize, at: usize) -> Direction {
        let mut last = self.last.borrow_mut();
        let key = (start, sentence.len());
        let known = match &mut *last {
            Some(s) if s.key == key => s,
            other => other.insert(Sentence {
                key,
                cuts: Cuts::of(sentence.as_bytes()),
                clause: None,
            }),
        };
        if let Some(c) = known
            .clause
            .as_mut()
            .filter(|c| c.bounds.0 <= at && at <= c.bounds.1)
        {
            let text = sentence.get(c.range.clone()).unwrap_or(sentence);
            return c.tense.direction(text, before(text, at, c.range.start));
        }
        // a new clause: read it, and answer for this date on the way
        let bounds = known.cuts.bounds(sentence.as_bytes(), at);
        let range = effective(sentence, bounds);
        let text = sentence.get(range.clone()).unwrap_or(sentence);
        let (tense, cut) = Tense::read(text, before(text, at, range.start));
        let side = if cut { Direction::Past } else { tense.answer() };
        known.clause = Some(Clause {
            bounds,
            range,
            tense,
        });
        side
    }
}

/// Where the words before `at` end in a clause that starts at `start`:
/// at `at`, unless that is no character boundary of the clause (or lies
/// past its end), when there are none.
fn before(clause: &str, at: usize, start: usize) -> usize {
    let offset = at.saturating_sub(start);
    if clause.is_char_boundary(offset) {
        offset
    } else {
        0
    }
}

/// The clause of `sentence` around byte `at` (relative to the sentence), as
/// [`Tenses::direction`] finds it.
#[cfg(test)]
pub fn clause(sentence: &str, at: usize) -> Range<usize> {
    let bytes = sentence.as_bytes();
    effective(sentence, Cuts::of(bytes).bounds(bytes, at))
}

/// The clause with the raw `bounds`: the stretch of a sentence between
/// commas, semicolons and dashes outside parentheses; the last cut before a
/// position opens it, the first at or after it closes it. An en dash
/// before the position puts the clause's start inside it (one byte after
/// its first), which is no character boundary: then the clause is the
/// whole sentence, as it always was.
fn effective(sentence: &str, (start, end): (usize, usize)) -> Range<usize> {
    match sentence.get(start..end) {
        Some(_) => start..end,
        None => 0..sentence.len(),
    }
}

/// Where a sentence's clauses are cut. All cut characters are ASCII but
/// `–`, so the bytes are read one by one.
enum Cuts {
    /// No parenthesis, as in most sentences: every cut counts, and the cuts
    /// next to a position are found with `memchr`'s vectorised searches,
    /// backwards and forwards from it, instead of reading the sentence
    /// byte by byte from its start.
    Flat,
    /// Cuts count only outside parentheses, so the sentence is read from
    /// its start; the reading goes on from where the last question left
    /// it (dates come in order).
    Nested(Scan),
}

/// How far a sentence with parentheses has been read: up to `pos`, where
/// the parentheses are `depth` deep; `last` is the last cut before `pos`.
#[derive(Default, Clone, Copy)]
struct Scan {
    pos: usize,
    depth: i32,
    last: Option<usize>,
}

impl Cuts {
    fn of(bytes: &[u8]) -> Cuts {
        if memchr::memchr2(b'(', b')', bytes).is_none() {
            Cuts::Flat
        } else {
            Cuts::Nested(Scan::default())
        }
    }

    /// One past the last cut before `at`, and the first cut at or after it
    /// (else the end).
    fn bounds(&mut self, bytes: &[u8], at: usize) -> (usize, usize) {
        match self {
            Cuts::Flat => {
                let at = at.min(bytes.len());
                (
                    last_cut(bytes, at).map_or(0, |i| i + 1),
                    first_cut(bytes, at),
                )
            }
            Cuts::Nested(scan) => {
                // a cut between `at` and the reading's end: read anew
                if scan.last.is_some_and(|l| l >= at) {
                    *scan = Scan::default();
                }
                let Scan {
                    mut pos,
                    mut depth,
                    mut last,
                } = *scan;
                let mut end = bytes.len();
                while let Some(&b) = bytes.get(pos) {
                    let cut = match b {
                        b'(' => {
                            depth += 1;
                            false
                        }
                        b')' => {
                            depth -= 1;
                            false
                        }
                        _ => depth <= 0 && is_cut(bytes, pos),
                    };
                    if cut {
                        if pos >= at {
                            // the clause's end; read on from here next time
                            end = pos;
                            break;
                        }
                        last = Some(pos);
                    }
                    pos += 1;
                }
                *scan = Scan { pos, depth, last };
                (last.map_or(0, |c| c + 1), end)
            }
        }
    }
}

/// The last cut before byte `end`: the last `,`, `;` or ` -` (`memrchr3`,
/// skipping hyphens inside words) or the last `–` (from its first byte),
/// whichever is later.
fn last_cut(bytes: &[u8], end: usize) -> Option<usize> {
    let last = |find: &dyn Fn(&[u8]) -> Option<usize>| {
        let mut end = end;
        while let Some(i) = find(bytes.get(..end)?) {
            if is_cut(bytes, i) {
                return Some(i);
            }
            end = i;
        }
        None
    };
    let punct = last(&|h| memchr::memrchr3(b',', b';', b'-', h));
    let dash = last(&|h| memchr::memrchr(0xE2, h));
    punct.max(dash)
}

/// The first cut at or after byte `from`, else the end of `bytes`.
fn first_cut(bytes: &[u8], from: usize) -> usize {
    let first = |find: &dyn Fn(&[u8]) -> Option<usize>| {
        let mut from = from;
        while let Some(i) = bytes.get(from..).and_then(find).map(|i| from + i) {
            if is_cut(bytes, i) {
                return i;
            }
            from = i + 1;
        }
        bytes.len()
    };
    let punct = first(&|h| memchr::memchr3(b',', b';', b'-', h));
    let dash = first(&|h| memchr::memchr(0xE2, h));
    punct.min(dash)
}

/// A cut at byte `i`, when outside parentheses: `,`, `;`, `–`, or `-`
/// after a space.
fn is_cut(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b',' | b';') => true,
        Some(0xE2) => bytes.get(i + 1..i + 3) == Some(&[0x80, 0x93]),
        Some(b'-') => i > 0 && bytes.get(i - 1) == Some(&b' '),
        _ => false,
    }
}

fn looks_like_participle(w: &str) -> bool {
    // the endings first: they turn away most words at the least cost
    ((w.starts_with("ge") && (w.ends_with('t') || w.ends_with("en"))) || w.ends_with("iert"))
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() >= 5
        && !NOT_PARTICIPLES.contains(w)
}

/// Which side of the anchor the clause around `at` points to.
#[cfg(test)]
pub fn direction(sentence: &str, at: usize) -> Direction {
    Tenses::default().direction(sentence, 0, at)
}

/// What a clause's words say, whatever the position of a date in it, and
/// its prepositions of the past (`seit`) as far as dates have asked.
struct Tense {
    /// The side the words point to, prepositions aside.
    side: Direction,
    /// Where the first preposition of the past ends, among the words asked.
    preposition_end: Option<usize>,
    /// The words that end here or before have been asked; the next one
    /// starts at `next`.
    asked_to: usize,
    next: usize,
}

impl Tense {
    /// One pass over the clause's words: a past word decides at once; the
    /// rest is gathered for the auxiliaries below. The words that end
    /// before `before` (a date's position) are asked for prepositions on
    /// the way, and so is the part before it of a word it cuts (whether
    /// that is one is the second answer).
    fn read(clause: &str, before: usize) -> (Tense, bool) {
        let mut aux_present = false; // `hat`, `haben`: need a participle
        let mut sein = false; // `ist`, `sind`
        let mut participle = false;
        let mut future = false;
        let mut cut = false;
        let mut prev: Option<&str> = None;
        let mut tense = Tense {
            side: Direction::Past,
            preposition_end: None,
            asked_to: before,
            next: clause.len(),
        };
        let words = Words {
            text: clause,
            pos: 0,
        };
        for r in words {
            if r.end > before {
                if tense.next == clause.len() {
                    tense.next = r.start;
                    cut = r.start < before
                        && clause
                            .get(r.start..before)
                            .is_some_and(|w| PAST_PREPOSITIONS.contains_lower(w));
                }
            } else if tense.preposition_end.is_none() {
                tense.preposition_end = clause
                    .get(r.clone())
                    .filter(|w| PAST_PREPOSITIONS.contains_lower(w))
                    .map(|_| r.end);
            }
            let w = clause.get(r).unwrap_or("");
            participle = participle || looks_like_participle(w);
            if matches!(w, "hat" | "haben") {
                aux_present = true;
            } else {
                sein = sein || matches!(w, "ist" | "sind");
                if PAST_MARKERS.contains(w) || is_weak_past(w, prev) {
                    return (tense, cut);
                }
                future = future || FUTURE_MARKERS.contains(w) || is_present_verb(w);
            }
            prev = Some(w);
        }
        if aux_present {
            if participle {
                return (tense, cut);
            }
            future = true; // `hat am Samstag ein Heimspiel`
        }
        // `ist … gefordert` (a state) and `ist … gestartet` (past) look
        // alike: a clause with `ist`/`sind` and a participle decides nothing
        // by itself
        tense.side = if sein && participle || !future {
            Direction::Either
        } else {
            Direction::Future
        };
        (tense, cut)
    }

    /// The side for the date [`Tense::read`] was read for, when no word it
    /// cuts says otherwise.
    fn answer(&self) -> Direction {
        if self.preposition_end.is_some() {
            Direction::Past
        } else {
            self.side
        }
    }

    /// The side for a date whose words before it end at byte `before` of
    /// `clause`: the past when a preposition of the past stands there,
    /// whole or cut by the date (the words before a date are the clause's
    /// words cut there).
    fn direction(&mut self, clause: &str, before: usize) -> Direction {
        if self.side == Direction::Past {
            return Direction::Past;
        }
        if self.preposition_end.is_none() && before > self.asked_to {
            self.ask(clause, before);
        }
        let cut = || cut_word(clause, before).is_some_and(|w| PAST_PREPOSITIONS.contains_lower(w));
        if self.preposition_end.is_some_and(|e| e <= before) || cut() {
            Direction::Past
        } else {
            self.side
        }
    }

    /// Asks the words that end at `before` or earlier and were not asked.
    fn ask(&mut self, clause: &str, before: usize) {
        let words = Words {
            text: clause,
            pos: self.next,
        };
        self.asked_to = before;
        self.next = clause.len();
        for r in words {
            if r.end > before {
                self.next = r.start;
                return;
            }
            if clause
                .get(r.clone())
                .is_some_and(|w| PAST_PREPOSITIONS.contains_lower(w))
            {
                self.preposition_end = Some(r.end);
                return;
            }
        }
    }
}

/// The part before `at` of a word that goes on after it, if `at` falls
/// inside a word.
fn cut_word(clause: &str, at: usize) -> Option<&str> {
    let head = clause.get(..at)?;
    if !clause.get(at..)?.chars().next().is_some_and(word_char) {
        return None;
    }
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word_char(c))
        .last()?
        .0;
    head.get(start..)
}

/// A character of [`Words`]' words.
fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '-'
    } else {
        alphanumeric(c)
    }
}

fn is_weak_past(w: &str, prev: Option<&str>) -> bool {
    (w.ends_with("te") || w.ends_with("ten"))
        && !w.ends_with("ste")
        && !w.ends_with("sten")
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() >= 5
        && !NOT_PAST.contains(w)
        && !prev.is_some_and(|p| NOUN_ARTICLES.contains_lower(p))
}

fn is_present_verb(w: &str) -> bool {
    w.ends_with('t')
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() >= 4
        && !NOT_VERBS.contains(w)
        && !w.ends_with("iert")
        || matches!(w, "gastiert" | "empfängt")
}

#[cfg(test)]
mod tests;
