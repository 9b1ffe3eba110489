//! Reading the sentence around a minute: was it a goal, who scored, and at
//! which running score.

use super::stamps::{Mark, Stamp};
use super::stems::{GOAL_STEMS, MISS_STEMS};
use crate::article::Article;
use crate::lexicon::letters::alphanumeric;
use crate::lexicon::lower::{ROOM, lower};
use crate::lexicon::{
    DISALLOWED_WORDS, KEEPER_WORDS, NON_NAMES, NOUN_ARTICLES, OWN_GOAL_WORDS, PENALTY_WORDS,
    SCORE_LEAD_COMPOUNDS, SCORE_LEADS, SCORING_VERBS,
};
use crate::link::people::{People, is_capitalised, is_first_name, is_role};
use std::borrow::Cow;
use std::ops::Range;

/// The article's sentences as byte ranges.
pub struct Sentences(Vec<Range<usize>>);

impl Sentences {
    pub fn new(article: &Article) -> Self {
        Sentences(article.sentences.clone())
    }

    /// Index of the sentence holding `pos` (binary search: sentences are
    /// sorted and do not overlap).
    pub(super) fn index(&self, pos: usize) -> Option<usize> {
        let i = self.0.partition_point(|r| r.start <= pos).checked_sub(1)?;
        self.0.get(i).filter(|r| pos < r.end).map(|_| i)
    }

    pub(super) fn get(&self, i: usize) -> Option<Range<usize>> {
        self.0.get(i).cloned()
    }
}

/// A name written right before a stamp.
pub struct Named {
    pub start: usize,
    pub full: String,
}

pub struct Clause<'a> {
    pub(super) text: &'a str,
    pub(super) people: &'a People,
    pub(super) stamps: &'a [Stamp],
    /// Running and result scores: span and `N:M`, sorted by start.
    pub(super) scores: &'a [(usize, usize, String)],
    pub(super) sentences: Sentences,
    /// Persons named right after a keeper word somewhere in the article.
    keepers: std::collections::HashSet<usize>,
    /// The clause right around each stamp ([`Clause::near`]), found when
    /// first asked.
    pub(super) nears: Vec<std::cell::OnceCell<(usize, usize)>>,
}

/// The words of `s` (runs of letters and digits) in lower case.
pub(super) fn words(s: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    raw_words(s).map(crate::lexicon::lowered)
}

/// The words of `s` as written: ask the lists with `contains_lower`, or
/// lower them into a buffer ([`lower`]).
pub(super) fn raw_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| !alphanumeric(c))
        .filter(|w| !w.is_empty())
}

impl<'a> Clause<'a> {
    pub fn new(
        text: &'a str,
        people: &'a People,
        stamps: &'a [Stamp],
        scores: &'a [(usize, usize, String)],
        sentences: Sentences,
    ) -> Self {
        let keepers = people
            .mentions()
            .iter()
            .filter(|m| {
                let before = text
                    .get(text.floor_char_boundary(m.start.saturating_sub(30))..m.start)
                    .unwrap_or("");
                before.split_whitespace().next_back().is_some_and(|w| {
                    let mut buf = [0; ROOM];
                    let w = lower(w, &mut buf);
                    KEEPER_WORDS.iter().any(|k| w.ends_with(*k))
                })
            })
            .map(|m| m.person)
            .collect();
        Clause {
            text,
            people,
            stamps,
            scores,
            sentences,
            keepers,
            nears: vec![std::cell::OnceCell::new(); stamps.len()],
        }
    }

    /// The scores that start in `a..b` (binary search, never a scan).
    pub(super) fn scores_in(&self, a: usize, b: usize) -> &'a [(usize, usize, String)] {
        let lo = self.scores.partition_point(|(s, _, _)| *s < a);
        let hi = self.scores.partition_point(|(s, _, _)| *s < b).max(lo);
        self.scores.get(lo..hi).unwrap_or(&[])
    }

    /// Whether a stamp opens in `a..b`.
    pub(super) fn stamp_in(&self, a: usize, b: usize) -> bool {
        let lo = self.stamps.partition_point(|st| st.open < a);
        self.stamps.get(lo).is_some_and(|st| st.open < b)
    }

    pub(super) fn slice(&self, a: usize, b: usize) -> &'a str {
        self.text.get(a..b).unwrap_or("")
    }

    pub(super) fn sentence(&self, pos: usize) -> Range<usize> {
        self.sentences
            .index(pos)
            .and_then(|i| self.sentences.get(i))
            .unwrap_or(pos..pos)
    }

    /// A stamp in a `Tore:` line of a fact box.
    pub fn in_fact_box(&self, pos: usize) -> bool {
        // a fact box line is short: look back at most 2000 bytes, so a huge
        // line without breaks never makes this quadratic
        let lo = self.text.floor_char_boundary(pos.saturating_sub(2000));
        let line_start =
            memchr::memrchr(b'\n', self.slice(lo, pos).as_bytes()).map_or(lo, |i| lo + i + 1);
        let line = self.slice(line_start, pos);
        let Some(i) = last_label(line) else {
            return false;
        };
        // nothing but names, scores and stamps after the label
        let rest = line.get(i..).unwrap_or("");
        let rest = rest.split_once(':').map_or("", |(_, r)| r);
        let b = rest.as_bytes();
        !b.iter().enumerate().any(|(k, &c)| {
            c == b':'
                && !(k
                    .checked_sub(1)
                    .and_then(|j| b.get(j))
                    .is_some_and(u8::is_ascii_digit)
                    || b.get(k + 1).is_some_and(u8::is_ascii_digit))
        }) && !rest.contains(". ")
    }

    /// The stamps' neighbours: the clause of stamp `k` runs from the end of
    /// the stamp before it (or its sentence start) to the next stamp (or its
    /// sentence end).
    pub(super) fn clause(&self, k: usize) -> (usize, usize) {
        let Some(st) = self.stamps.get(k) else {
            return (0, 0);
        };
        let s = self.sentence(st.open);
        let prev = k
            .checked_sub(1)
            .and_then(|j| self.stamps.get(j))
            .map(|p| p.close)
            .filter(|&c| c > s.start && c <= st.open)
            .unwrap_or(s.start);
        let next = self
            .stamps
            .get(k + 1)
            .map(|p| p.open)
            .filter(|&o| o < s.end)
            .unwrap_or(s.end);
        (prev, next)
    }

    /// The sentence of stamp `k` tells a goal, its clause no miss or save.
    pub fn says_goal(&self, k: usize) -> bool {
        let Some(st) = self.stamps.get(k) else {
            return false;
        };
        let s = self.sentence(st.open);
        if self.near_miss(k) {
            return false;
        }
        // a keeper named right before the stamp made a save
        if let Some(m) = self.people.last_before(st.open)
            && self.slice(m.end, st.open).trim().is_empty()
            && self.is_keeper(m.person)
        {
            return false;
        }
        // the next sentence says it did not count
        if let Some(next) = self
            .sentences
            .index(st.open)
            .and_then(|i| self.sentences.get(i + 1))
            && raw_words(self.slice(next.start, next.end))
                .any(|w| DISALLOWED_WORDS.contains_lower(w))
        {
            return false;
        }
        // a penalty or own-goal tag in the stamp tells a goal by itself
        st.minutes.iter().any(|m| m.mark != Mark::Goal)
            || raw_words(self.slice(s.start, s.end)).any(|w| GOAL_STEMS.stem_of_word(w))
            || !self.scores_in(s.start, s.end).is_empty()
    }

    fn is_keeper(&self, person: usize) -> bool {
        self.keepers.contains(&person)
    }

    /// The name written right before a stamp (`Doku (60.)`), as its
    /// fullest form.
    pub fn name_before(&self, open: usize) -> Option<Named> {
        let before = self.slice(0, open);
        let trimmed = before.strip_suffix(' ').unwrap_or(before);
        let end = trimmed.len();
        if let Some(m) = self.people.mention_at(end.saturating_sub(1))
            && m.end == end
        {
            // `der Leipziger (59.)` is a noun; `bei dem Mats Hummels (80.)`
            // is a name: it opens with a first name
            let first = self.slice(m.start, m.end).split(' ').next().unwrap_or("");
            let full_name = m.end - m.start > first.len() && is_first_name(first);
            if self.after_article(m.start) && !full_name {
                return None;
            }
            return Some(Named {
                start: m.start,
                full: self.people.name_of(m).to_string(),
            });
        }
        // a capitalised word that is not a known noun
        let start = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || *c == '-' || *c == '\'')
            .last()
            .map(|(i, _)| i)?;
        let word = trimmed.get(start..)?;
        if !is_capitalised(word)
            || NON_NAMES.contains(word)
            || is_role(word)
            || self.after_article(start)
            || self.after_attribute(start)
        {
            return None;
        }
        let mut buf = [0; ROOM];
        if GOAL_STEMS.stem_of(&lower(word, &mut buf))
            || PENALTY_WORDS.contains(word)
            || OWN_GOAL_WORDS.contains(word)
        {
            return None;
        }
        Some(Named {
            start,
            full: self.people.resolve(word),
        })
    }

    /// A capitalised word after a number or an inflected adjective is a
    /// noun, not a name: `mit vier Treffern (8., 19.)`, `ins eigene Netz
    /// (90.+2)`.
    fn after_attribute(&self, start: usize) -> bool {
        let before = self.slice(
            self.text.floor_char_boundary(start.saturating_sub(24)),
            start,
        );
        if !before.ends_with(' ') {
            return false;
        }
        let Some(prev) = before.split_whitespace().next_back() else {
            return false;
        };
        crate::link::people::is_attribute(prev)
    }

    fn after_article(&self, start: usize) -> bool {
        let before = self.slice(
            self.text.floor_char_boundary(start.saturating_sub(12)),
            start,
        );
        before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| NOUN_ARTICLES.contains(w))
            && before.ends_with(' ')
    }

    /// The scorer for a stamp with no name right before it: a person its
    /// clause names, else `carried` (the player of the stamp before it in
    /// the same sentence: the subject goes on), else the subject of the
    /// sentence before.
    pub fn scorer_for_stamp(&self, k: usize, carried: Option<&str>) -> Option<String> {
        let st = self.stamps.get(k)?;
        let (a, _) = self.clause(k);
        self.pick_scorer(a, st.open)
            .or_else(|| {
                self.in_fact_box(st.open)
                    .then(|| self.bare_name(a, st.open))
                    .flatten()
            })
            .or_else(|| carried.filter(|c| !c.is_empty()).map(str::to_string))
            .or_else(|| self.previous_subject(st.open))
    }

    /// The subject of the sentence before the one holding `pos`: its first
    /// person that is no keeper.
    pub(super) fn previous_subject(&self, pos: usize) -> Option<String> {
        let s = self.sentence(pos);
        let prev = self.sentence(s.start.checked_sub(1)?);
        self.people
            .mentions_in(prev.start, prev.end)
            .find(|m| !self.is_keeper(m.person) && !self.is_genitive(m))
            .map(|m| self.people.name_of(m).to_string())
    }

    /// A mention written as a genitive (`nach Fischers drittem Treffer`):
    /// it names the owner of a noun, not the subject.
    fn is_genitive(&self, m: &crate::link::people::Mention) -> bool {
        let written = self.slice(m.start, m.end);
        let full = self.people.name_of(m);
        written.ends_with('s') && !full.ends_with(written)
    }

    /// A capitalised word in `a..b` of a fact box that may be a surname
    /// (`Tore: Suarez mit vier (7., 12.)`), not the first word.
    fn bare_name(&self, a: usize, b: usize) -> Option<String> {
        let region = self.slice(a, b);
        let mut first = true;
        for w in region.split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'') {
            if w.is_empty() {
                continue;
            }
            let is_first = first;
            first = false;
            if is_first || !is_capitalised(w) || NON_NAMES.contains(w) || is_role(w) {
                continue;
            }
            let mut buf = [0; ROOM];
            let lower = lower(w, &mut buf);
            if GOAL_STEMS.stem_of(&lower) || MISS_STEMS.stem_of(&lower) {
                continue;
            }
            return Some(self.people.resolve(w));
        }
        None
    }

    /// The scorer among the mentions in `a..b`: after `durch`/`von`, then
    /// before a scoring verb, then the last one (keepers never).
    pub(super) fn pick_scorer(&self, a: usize, b: usize) -> Option<String> {
        let ms: Vec<_> = self
            .people
            .mentions_in(a, b)
            .filter(|m| !self.is_keeper(m.person) && !self.is_genitive(m))
            .collect();
        let word_before = |m: &crate::link::people::Mention| {
            words(self.slice(
                self.text.floor_char_boundary(m.start.saturating_sub(12)),
                m.start,
            ))
            .last()
        };
        let word_after = |m: &crate::link::people::Mention| {
            words(
                self.slice(
                    m.end,
                    self.text
                        .floor_char_boundary((m.end + 20).min(self.text.len())),
                ),
            )
            .next()
        };
        let pick = ms
            .iter()
            .rev()
            .find(|m| word_before(m).is_some_and(|w| w == "durch" || w == "von"))
            .or_else(|| {
                ms.iter()
                    .find(|m| word_after(m).is_some_and(|w| SCORING_VERBS.contains(&w)))
            })
            .or_else(|| ms.last())?;
        Some(self.people.name_of(pick).to_string())
    }

    /// A score led by `zum`/`das`/… (or a fact-box score) in `a..b`.
    fn led_score(&self, a: usize, b: usize, last: bool) -> Option<String> {
        let mut it = self
            .scores_in(a, b)
            .iter()
            .filter(|(_, e, _)| *e <= b)
            .filter(|(s, e, _)| {
                // the lead word, also before an adjective (`das
                // zwischenzeitliche 4:0`)
                let before: Vec<Cow<'_, str>> =
                    words(self.slice(self.text.floor_char_boundary(s.saturating_sub(32)), *s))
                        .collect();
                let lead = match before.as_slice() {
                    [.., l, adj] if crate::link::people::is_attribute(adj) => Some(l.clone()),
                    [.., l] => Some(l.clone()),
                    [] => None,
                };
                let compound = self
                    .slice(*e, (*e + 12).min(self.text.len()))
                    .to_lowercase();
                lead.is_some_and(|w| SCORE_LEADS.contains(&w))
                    || SCORE_LEAD_COMPOUNDS
                        .iter()
                        .any(|c| compound.starts_with(*c))
                    || self.in_fact_box(*s)
            });
        let found = if last { it.next_back() } else { it.next() };
        found.map(|(_, _, v)| v.clone())
    }

    /// The running score of stamp `k`: before it in its clause, else after
    /// it when it is the last stamp of its sentence.
    pub fn score_for_stamp(&self, k: usize, name_start: Option<usize>) -> String {
        let Some(st) = self.stamps.get(k) else {
            return String::new();
        };
        let (_, b) = self.clause(k);
        // the score of another clause is another goal's (`erhöhte auf 3:0,
        // ehe Kowalczyk zum Ehrentreffer kam (45.)`)
        let (a, _) = self.near(k);
        let upto = name_start.unwrap_or(st.open);
        if let Some(s) = self.led_score(a.min(upto), upto, true) {
            return s;
        }
        let s = self.sentence(st.open);
        if b == s.end
            && let Some(v) = self.led_score(st.close, s.end, false)
        {
            return v;
        }
        String::new()
    }

    /// Penalty or own goal told around a stamp: `(57.) per Foulelfmeter`,
    /// `ein Eigentor von Cayman (60.)`.
    pub fn mark_near(&self, open: usize, close: usize, name_start: Option<usize>) -> Mark {
        let after = self.slice(
            close,
            self.text
                .floor_char_boundary((close + 30).min(self.text.len())),
        );
        let after = after.split(['.', ',', ';']).next().unwrap_or("");
        let from = name_start.unwrap_or(open);
        let before = self.slice(self.text.floor_char_boundary(from.saturating_sub(40)), from);
        let before = before.rsplit([',', ';', '.']).next().unwrap_or("");
        let has = |s: &str, set: &crate::lexicon::WordSet| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| set.contains(w))
        };
        if has(after, &OWN_GOAL_WORDS) || has(before, &OWN_GOAL_WORDS) {
            Mark::OwnGoal
        } else if has(after, &PENALTY_WORDS) {
            Mark::Penalty
        } else {
            Mark::Goal
        }
    }
}

/// Where the last `Tore:` of `line` starts, else the last `Torschützen:`.
/// Both end with a colon: the colons are found from the end (vectorised),
/// which is cheaper than a reverse substring search of the whole line per
/// label.
fn last_label(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut scorers = None;
    for colon in memchr::memrchr_iter(b':', bytes) {
        let head = bytes.get(..colon).unwrap_or_default();
        if head.ends_with(b"Tore") {
            return Some(colon - 4);
        }
        if scorers.is_none() && head.ends_with("Torschützen".as_bytes()) {
            scorers = Some(colon - "Torschützen".len());
        }
    }
    scorers
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition: a reverse search per label.
    fn reference(line: &str) -> Option<usize> {
        let label = |l: &str| memchr::memmem::rfind(line.as_bytes(), l.as_bytes());
        label("Tore:").or_else(|| label("Torschützen:"))
    }

    #[test]
    fn labels_of_a_fact_box_line() {
        let line = "Torschützen: Müller (12.), Tore: 2:1";
        assert_eq!(last_label(line), line.find("Tore:"));
        assert_eq!(line.find("Tore:"), Some(29));
        assert_eq!(last_label("Torschützen: Kane (3.)"), Some(0));
        assert_eq!(last_label("Die Tore fielen spät: 2:1"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_label_as_the_reverse_search(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Tore", "Tor", "e", ":", "Torschützen", "schützen", " ", "2:1", "ü", "x",
            ]), 0..16),
        ) {
            let line: String = v.concat();
            prop_assert_eq!(last_label(&line), reference(&line), "{:?}", line);
        }
    }
}
