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

/// The clause of `sentence` around byte `at` (relative to the sentence):
/// the stretch between commas, semicolons and dashes outside parentheses,
/// as a byte range. The last cut before `at` opens it, the first at or
/// after `at` closes it.
///
/// All cut characters are ASCII but `–`, so the bytes are read one by one.
/// Most sentences have no parenthesis: then every cut counts, and the
/// cuts next to `at` are found with `memchr`'s vectorised searches,
/// backwards and forwards from `at`, instead of reading the sentence byte
/// by byte from its start. An en dash before `at` puts the clause's
/// start inside it (one byte after its first), which is no character
/// boundary: then the clause is the whole sentence, as it always was.
pub fn clause(sentence: &str, at: usize) -> Range<usize> {
    let bytes = sentence.as_bytes();
    let (start, end) = if memchr::memchr2(b'(', b')', bytes).is_none() {
        let at = at.min(bytes.len());
        (
            last_cut(bytes, at).map_or(0, |i| i + 1),
            first_cut(bytes, at),
        )
    } else {
        nested_clause(bytes, at)
    };
    match sentence.get(start..end) {
        Some(_) => start..end,
        None => 0..bytes.len(),
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

/// [`clause`]'s bounds in a sentence with parentheses: cuts count only
/// outside them, so the sentence is read from its start.
fn nested_clause(bytes: &[u8], at: usize) -> (usize, usize) {
    let mut depth = 0i32;
    let (mut start, mut end) = (0, bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        let cut = match b {
            b'(' => {
                depth += 1;
                false
            }
            b')' => {
                depth -= 1;
                false
            }
            _ => depth <= 0 && is_cut(bytes, i),
        };
        if !cut {
            continue;
        }
        if i < at {
            start = i + 1;
        } else {
            end = i;
            break;
        }
    }
    (start, end)
}

fn looks_like_participle(w: &str) -> bool {
    // the endings first: they turn away most words at the least cost
    ((w.starts_with("ge") && (w.ends_with('t') || w.ends_with("en"))) || w.ends_with("iert"))
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() >= 5
        && !NOT_PARTICIPLES.contains(w)
}

/// Which side of the anchor the clause around `at` points to.
pub fn direction(sentence: &str, at: usize) -> Direction {
    let range = clause(sentence, at);
    let clause_text = sentence.get(range.clone()).unwrap_or(sentence);
    // the words before `at` are the clause's words cut there
    let offset = at.saturating_sub(range.start);
    let before = if clause_text.is_char_boundary(offset) {
        offset
    } else {
        0
    };
    // one pass over the clause's words: a past word or a preposition of
    // the past before `at` decides at once; the rest is gathered for the
    // auxiliaries below
    let mut aux_present = false; // `hat`, `haben`: need a participle
    let mut sein = false; // `ist`, `sind`
    let mut participle = false;
    let mut future = false;
    let mut prev: Option<&str> = None;
    let words = Words {
        text: clause_text,
        pos: 0,
    };
    for r in words {
        if r.start < before
            && PAST_PREPOSITIONS
                .contains_lower(clause_text.get(r.start..r.end.min(before)).unwrap_or(""))
        {
            return Direction::Past;
        }
        let w = clause_text.get(r).unwrap_or("");
        participle = participle || looks_like_participle(w);
        if matches!(w, "hat" | "haben") {
            aux_present = true;
        } else {
            sein = sein || matches!(w, "ist" | "sind");
            if PAST_MARKERS.contains(w) || is_weak_past(w, prev) {
                return Direction::Past;
            }
            future = future || FUTURE_MARKERS.contains(w) || is_present_verb(w);
        }
        prev = Some(w);
    }
    if aux_present {
        if participle {
            return Direction::Past;
        }
        future = true; // `hat am Samstag ein Heimspiel`
    }
    // `ist … gefordert` (a state) and `ist … gestartet` (past) look alike:
    // a clause with `ist`/`sind` and a participle decides nothing by itself
    if sein && participle || !future {
        Direction::Either
    } else {
        Direction::Future
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The clause and the words by characters, as they were.
    mod reference {
        use super::*;

        fn words(text: &str) -> impl Iterator<Item = &str> {
            text.split(|c: char| !alphanumeric(c) && c != '-')
                .filter(|w| !w.is_empty())
        }

        pub fn clause(sentence: &str, at: usize) -> &str {
            let mut depth = 0i32;
            let mut start = 0;
            let mut end = sentence.len();
            for (i, c) in sentence.char_indices() {
                let cut = match c {
                    '(' => {
                        depth += 1;
                        false
                    }
                    ')' => {
                        depth -= 1;
                        false
                    }
                    ',' | ';' | '–' => depth <= 0,
                    '-' => depth <= 0 && sentence.get(i.saturating_sub(1)..i) == Some(" "),
                    _ => false,
                };
                if !cut {
                    continue;
                }
                if i < at {
                    start = i + 1;
                } else {
                    end = i;
                    break;
                }
            }
            sentence.get(start..end).unwrap_or(sentence)
        }

        pub fn direction(sentence: &str, at: usize) -> Direction {
            let clause_text = clause(sentence, at);
            let offset_in_clause =
                at.saturating_sub(clause_text.as_ptr() as usize - sentence.as_ptr() as usize);
            let before = clause_text.get(..offset_in_clause).unwrap_or("");
            if words(before).any(|w| PAST_PREPOSITIONS.contains_lower(w)) {
                return Direction::Past;
            }
            let mut aux_present = false;
            let mut sein = false;
            let mut participle = false;
            let mut future = false;
            let mut prev: Option<&str> = None;
            for w in words(clause_text) {
                participle = participle || looks_like_participle(w);
                if matches!(w, "hat" | "haben") {
                    aux_present = true;
                } else {
                    sein = sein || matches!(w, "ist" | "sind");
                    if PAST_MARKERS.contains(w) || is_weak_past(w, prev) {
                        return Direction::Past;
                    }
                    future = future || FUTURE_MARKERS.contains(w) || is_present_verb(w);
                }
                prev = Some(w);
            }
            if aux_present {
                if participle {
                    return Direction::Past;
                }
                future = true;
            }
            if sein && participle || !future {
                Direction::Either
            } else {
                Direction::Future
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn clause_and_direction_as_by_characters(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Er", "hat", "gewonnen", "spielt", "verlor", "ist", "gefordert", "seit",
                "Seit", "SEIT", "wegen", "Wegen", "kommt", "die", "spielte", "Sonntag", "am",
                "ÜBER", "über", "Ä", " ", " ", " ", ",", ";", "–", "-", " - ", "(", ")", ".",
                "é", "2", "x-y", "\u{a0}", "½",
            ]), 0..24),
            at in 0usize..120,
        ) {
            let s: String = v.concat();
            let old = reference::clause(&s, at);
            let new = s.get(clause(&s, at)).unwrap_or("?");
            prop_assert_eq!(old.as_ptr(), new.as_ptr(), "{:?} {}", s, at);
            prop_assert_eq!(old, new, "{:?} {}", s, at);
            prop_assert_eq!(direction(&s, at), reference::direction(&s, at), "{:?} {}", s, at);
        }
    }

    #[test]
    fn tense_decides_direction() {
        let s = "Die Hamburger verloren am Dienstagabend bei RB Leipzig.";
        assert_eq!(
            direction(s, s.find("Dienstag").unwrap_or(0)),
            Direction::Past
        );
        let s = "Der VfB empfängt am Sonntag (17.30 Uhr) Eintracht Frankfurt.";
        assert_eq!(
            direction(s, s.find("Sonntag").unwrap_or(0)),
            Direction::Future
        );
        let s = "Bayern hat am Samstag in Mainz gewonnen.";
        assert_eq!(
            direction(s, s.find("Samstag").unwrap_or(0)),
            Direction::Past
        );
        let s = "Bayern hat am Samstag ein Heimspiel.";
        assert_eq!(
            direction(s, s.find("Samstag").unwrap_or(0)),
            Direction::Future
        );
        let s = "Er spielt am Sonntag, nachdem er am Mittwoch pausierte.";
        assert_eq!(
            direction(s, s.find("Sonntag").unwrap_or(0)),
            Direction::Future
        );
        assert_eq!(
            direction(s, s.find("Mittwoch").unwrap_or(0)),
            Direction::Past
        );
        let s = "Wegen seines Sturzes Ende Dezember wird er fehlen.";
        assert_eq!(direction(s, s.find("Ende").unwrap_or(0)), Direction::Past);
        let s = "Am Dienstag ist die Mannschaft in Neuburg gefordert.";
        assert_eq!(
            direction(s, s.find("Dienstag").unwrap_or(0)),
            Direction::Either
        );
        let s = "Ergebnisse vom Donnerstag";
        assert_eq!(
            direction(s, s.find("Donnerstag").unwrap_or(0)),
            Direction::Either
        );
    }
}
