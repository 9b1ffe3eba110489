//! Goals told in prose around a spelled minute (`in der 50. Minute das
//! 1:0`, `in der zwölften Minute … traf`): the minute counts when its
//! sentence, or one of the next two, tells a goal.

use super::context::{Clause, listed, words};
use crate::lexicon::{MISS_WORDS, SCORE_LEADS, STRONG_GOAL_VERBS};

/// A goal told in prose.
pub struct ProseGoal {
    pub player: String,
    pub score: String,
}

impl Clause<'_> {
    /// A goal told around a prose minute (`in der 50. Minute das 1:0`),
    /// possibly finished in the next two sentences.
    pub fn prose_goal(&self, start: usize, end: usize) -> Option<ProseGoal> {
        let s = self.sentence(start);
        let here = self.slice(s.start, s.end);
        if words(here).any(|w| listed(&MISS_WORDS, &w)) {
            return None;
        }
        let idx = self.sentences.index(start)?;
        let mut window_end = s.end;
        for j in 0..3 {
            let r = self.sentences.get(idx + j)?;
            if j > 0 {
                let t = self.slice(r.start, r.end);
                if t.contains("Minute") || self.stamp_in(r.start, r.end) {
                    return None;
                }
                if words(t).any(|w| listed(&MISS_WORDS, &w)) {
                    return None;
                }
            }
            window_end = r.end;
            // a score led by zum/das, or a strong verb or `ins Tor`
            let signal = self
                .scores_in(r.start, r.end)
                .iter()
                .find(|(x, _, _)| {
                    let lead: Vec<String> =
                        words(self.slice(self.text.floor_char_boundary(x.saturating_sub(10)), *x))
                            .collect();
                    lead.last()
                        .is_some_and(|w| SCORE_LEADS.contains(w) || w == "dem")
                })
                .map(|(x, _, v)| (*x, v.clone()))
                .or_else(|| {
                    self.strong_word(r.start, r.end, j == 0)
                        .map(|x| (x, String::new()))
                });
            if let Some((pos, score)) = signal {
                let player = self.pick_scorer(s.start, pos.max(end)).unwrap_or_default();
                return Some(ProseGoal { player, score });
            }
        }
        let _ = window_end;
        None
    }

    /// Position of a word that tells a goal in `a..b` (weak goal words only
    /// in the minute's own sentence).
    fn strong_word(&self, a: usize, b: usize, own: bool) -> Option<usize> {
        let t = self.slice(a, b);
        let mut pos = 0;
        let mut prev = String::new();
        for w in t.split(|c: char| !c.is_alphanumeric()) {
            let at = a + pos;
            pos += w.len() + 1;
            if w.is_empty() {
                continue;
            }
            let l = w.to_lowercase();
            let strong = STRONG_GOAL_VERBS.contains(&l)
                || (prev == "ins" && matches!(l.as_str(), "tor" | "netz" | "gehäuse"));
            let weak = own
                && matches!(
                    l.as_str(),
                    "führung"
                        | "ausgleich"
                        | "anschluss"
                        | "treffer"
                        | "tor"
                        | "anschlusstreffer"
                        | "ausgleichstreffer"
                );
            if strong || weak {
                return Some(at);
            }
            prev = l;
        }
        None
    }
}
