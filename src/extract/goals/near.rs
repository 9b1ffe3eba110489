//! The words right around a minute stamp.
//!
//! A sentence often tells several actions: `Der Stürmer erhöhte auf 3:1
//! (68.) und traf drei Minuten später nur den Pfosten (71.)`. What makes a
//! stamp a miss, a penalty or an own goal is said in its own clause: from
//! the last clause break before it (`,`, `;`, a dash, or a
//! conjunction from `data/clause_breaks.txt`) to the first one after it.
//! Phrases that hold a miss word but tell none (`am langen Pfosten`, `über
//! die Linie`, `der eingewechselte X`: `data/not_miss_phrases.txt`) are
//! taken out before miss words are looked for.

use super::context::{Clause, raw_words, words};
use super::stamps::Mark;
use super::stems::MISS_STEMS;
use crate::lexicon::letters::alphanumeric;
use crate::lexicon::lower::{ROOM, lower};
use crate::lexicon::{
    CLAUSE_BREAKS, CONSOLATION_WORDS, NOT_MISS_PHRASES, OWN_GOAL_PHRASES, PENALTY_WORDS,
};
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Punctuation that ends a clause (a colon does not: what follows it
/// tells the goal the words before announce, `Das 2:0 fiel erst spät:
/// Berger (27.) vollendete`).
const BREAKS: &[&str] = &[", ", "; ", " – ", " - "];

/// Byte offset in `s` after its last clause break (0 without one).
fn after_last_break(s: &str) -> usize {
    let word = word_spans(s)
        .filter(|&(_, w)| CLAUSE_BREAKS.contains_lower(w))
        .map(|(i, w)| i + w.len())
        .last();
    last_punct(s).into_iter().chain(word).max().unwrap_or(0)
}

/// Byte offset in `s` of its first clause break (`s.len()` without one).
fn first_break(s: &str) -> usize {
    let word = word_spans(s)
        .find(|&(_, w)| CLAUSE_BREAKS.contains_lower(w))
        .map(|(i, _)| i);
    first_punct(s)
        .into_iter()
        .chain(word)
        .min()
        .unwrap_or(s.len())
}

/// The end of the last of the [`BREAKS`] in `s`. Each ends with a blank:
/// the blanks are visited from the end, and the first with a break before
/// it ends the last break (a search per break cost more than the clause).
fn last_punct(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memrchr_iter(b' ', b).find_map(|i| {
        let head = b.get(..i)?;
        BREAKS
            .iter()
            .any(|br| {
                br.strip_suffix(' ')
                    .is_some_and(|h| head.ends_with(h.as_bytes()))
            })
            .then_some(i + 1)
    })
}

/// The start of the first of the [`BREAKS`] in `s`: each starts with `,`,
/// `;` or a blank.
fn first_punct(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr3_iter(b',', b';', b' ', b).find(|&i| {
        b.get(i..)
            .is_some_and(|rest| BREAKS.iter().any(|br| rest.starts_with(br.as_bytes())))
    })
}

/// The words of `s` with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    s.split(|c: char| !alphanumeric(c)).filter_map(move |w| {
        let at = pos;
        pos += w.len() + 1;
        (!w.is_empty()).then_some((at, w))
    })
}

/// The lower-case words of `s` with the listed phrases taken out.
fn without_phrases<'s>(s: &'s str, phrases: &crate::lexicon::WordSet) -> Vec<Cow<'s, str>> {
    let mut ws: Vec<Cow<'s, str>> = words(s).collect();
    for p in phrases.phrases() {
        let n = p.len();
        let mut i = 0;
        while i + n <= ws.len() {
            if ws
                .get(i..i + n)
                .is_some_and(|w| w.iter().zip(p).all(|(a, b)| a == b))
            {
                ws.drain(i..i + n);
            } else {
                i += 1;
            }
        }
    }
    ws
}

/// Whether `s` tells a miss, a save or a card.
pub fn tells_miss(s: &str) -> bool {
    // taking phrases out only takes words of the phrases away: without a
    // miss word among all the words (most clauses), none is left, and a
    // miss word that is no word of a phrase stays
    let mut buf = [0; ROOM];
    let mut miss = false;
    for w in raw_words(s) {
        if MISS_STEMS.stem_of_word(w) {
            if !NOT_MISS_WORDS.contains(&*lower(w, &mut buf)) {
                return true;
            }
            miss = true;
        }
    }
    miss && without_phrases(s, &NOT_MISS_PHRASES)
        .iter()
        .any(|w| MISS_STEMS.stem_of(w))
}

/// Every word of the phrases that tell no miss (`data/not_miss_phrases.txt`).
static NOT_MISS_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    NOT_MISS_PHRASES
        .phrases()
        .iter()
        .flatten()
        .copied()
        .collect()
});

/// The first word of every own-goal phrase (`data/own_goal_phrases.txt`).
static OWN_GOAL_FIRSTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    OWN_GOAL_PHRASES
        .phrases()
        .iter()
        .filter_map(|p| p.first())
        .copied()
        .collect()
});

/// Whether `s` calls a goal a consolation (`Ehrentreffer`).
pub fn tells_consolation(s: &str) -> bool {
    raw_words(s).any(|w| CONSOLATION_WORDS.contains_lower(w))
}

/// Whether `s` holds one of `phrases` (lower-case words).
fn has_phrase(s: &str, phrases: &crate::lexicon::WordSet) -> bool {
    let ws: Vec<Cow<'_, str>> = words(s).collect();
    phrases.phrases().iter().any(|p| {
        ws.windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
    })
}

impl Clause<'_> {
    /// The clause right around stamp `k`: from the last break before it
    /// (inside its clause) to the first break after it.
    pub(super) fn near(&self, k: usize) -> (usize, usize) {
        // asked up to three times per stamp (goal, consolation, score)
        match self.nears.get(k) {
            Some(cell) => *cell.get_or_init(|| self.find_near(k)),
            None => (0, 0),
        }
    }

    fn find_near(&self, k: usize) -> (usize, usize) {
        let Some(st) = self.stamps.get(k) else {
            return (0, 0);
        };
        let (a, b) = self.clause(k);
        let a = a.min(st.open);
        let b = b.max(st.close);
        let from = a + after_last_break(self.slice(a, st.open));
        let to = st.close + first_break(self.slice(st.close, b));
        (from, to)
    }

    /// Whether the clause right around stamp `k` tells a miss or a save.
    pub(super) fn near_miss(&self, k: usize) -> bool {
        let Some(st) = self.stamps.get(k) else {
            return false;
        };
        let (a, b) = self.near(k);
        tells_miss(self.slice(a, st.open)) || tells_miss(self.slice(st.close, b))
    }

    /// Whether the clause right around stamp `k` calls it a consolation
    /// goal (`Der Ehrentreffer durch Kai Lorenz (90.+1)`).
    pub fn consolation(&self, k: usize) -> bool {
        let (a, b) = self.near(k);
        tells_consolation(self.slice(a, b))
    }

    /// A penalty or own goal that the clause right around stamp `k` tells
    /// (`verwandelte einen Strafstoß sicher (34.)`, `lenkte den Ball ins
    /// eigene Netz (71.)`).
    pub(super) fn near_mark(&self, k: usize) -> Option<Mark> {
        let st = self.stamps.get(k)?;
        let (a, b) = self.near(k);
        let around = [self.slice(a, st.open), self.slice(st.close, b)];
        // a phrase needs its first word: most clauses have none
        let mut buf = [0; ROOM];
        if around
            .iter()
            .any(|s| raw_words(s).any(|w| OWN_GOAL_FIRSTS.contains(&*lower(w, &mut buf))))
            && around.iter().any(|s| has_phrase(s, &OWN_GOAL_PHRASES))
        {
            return Some(Mark::OwnGoal);
        }
        let before = self.slice(a, st.open);
        before
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PENALTY_WORDS.contains(w))
            .then_some(Mark::Penalty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definitions: a search per break.
    fn last_reference(s: &str) -> Option<usize> {
        BREAKS
            .iter()
            .filter_map(|b| memchr::memmem::rfind(s.as_bytes(), b.as_bytes()).map(|i| i + b.len()))
            .max()
    }

    fn first_reference(s: &str) -> Option<usize> {
        BREAKS
            .iter()
            .filter_map(|b| memchr::memmem::find(s.as_bytes(), b.as_bytes()))
            .min()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_breaks_as_the_searches(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", ",", ";", "-", "–", "—", "a", "und", "ü", " - ", ", ",
            ]), 0..16),
        ) {
            let s: String = v.concat();
            prop_assert_eq!(last_punct(&s), last_reference(&s), "{:?}", s);
            prop_assert_eq!(first_punct(&s), first_reference(&s), "{:?}", s);
        }

        #[test]
        fn own_goal_phrases_need_a_first_word(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "ins", "eigene", "Netz", "Tor", "lenkte", "den", "Ball", "Eigene", "INS", ",",
            ]), 0..8),
        ) {
            let s = v.join(" ");
            let first = raw_words(&s).any(|w| OWN_GOAL_FIRSTS.contains(&*w.to_lowercase()));
            prop_assert!(first || !has_phrase(&s, &OWN_GOAL_PHRASES), "{:?}", s);
        }

        #[test]
        fn same_misses_without_the_shortcut(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "am", "langen", "Pfosten", "Latte", "über", "die", "Linie", "traf",
                "Eingewechselte", "vorbei", "Tor", ",", "ÜBER",
            ]), 0..10),
        ) {
            let s = v.join(" ");
            let plain = without_phrases(&s, &NOT_MISS_PHRASES)
                .iter()
                .any(|w| crate::lexicon::MISS_WORDS.stem_of(w));
            prop_assert_eq!(tells_miss(&s), plain, "{:?}", s);
        }
    }

    #[test]
    fn breaks() {
        assert_eq!(after_last_break("erhöhte auf 3:1"), 0);
        let s = "traf den Pfosten, dann köpfte Kai";
        assert_eq!(&s[after_last_break(s)..], "dann köpfte Kai");
        let s = "Kai traf den Pfosten und Tom staubte ab";
        assert_eq!(&s[after_last_break(s)..], " Tom staubte ab");
        assert_eq!(first_break(" und traf den Pfosten"), 1);
        assert_eq!(first_break(" zum 2:1 ein"), " zum 2:1 ein".len());
    }

    #[test]
    fn misses_and_their_exceptions() {
        assert!(tells_miss("traf nur den Pfosten"));
        assert!(tells_miss("wurde in der Pause eingewechselt"));
        assert!(!tells_miss("stand am langen Pfosten völlig frei"));
        assert!(!tells_miss("drückte den Ball über die Linie"));
        assert!(!tells_miss("Der eingewechselte Tom Kern traf"));
        assert!(tells_miss("klärte auf der Linie"));
        assert!(!tells_miss("brachte sein Team zurück ins Spiel"));
    }

    #[test]
    fn phrases() {
        assert!(has_phrase(
            "lenkte den Ball ins eigene Netz",
            &OWN_GOAL_PHRASES
        ));
        assert!(!has_phrase("ins Netz", &OWN_GOAL_PHRASES));
    }
}
