//! Goals told in prose around a spelled minute (`in der 50. Minute das
//! 1:0`, `in der zwölften Minute … traf`): the minute counts when its
//! sentence, or one of the next two, tells a goal.

use super::context::{Clause, words};
use super::near::tells_miss;
use crate::lexicon::{GOAL_TARGETS, SCORE_LEADS, STRONG_GOAL_VERBS, WEAK_GOAL_WORDS};
use crate::link::people::is_attribute;

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
        if tells_miss(here) {
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
                if tells_miss(t) {
                    return None;
                }
            }
            window_end = r.end;
            // a score led by zum/das, or a strong verb or `ins Tor`
            let signal = self
                .scores_in(r.start, r.end)
                .iter()
                .find(|(x, _, _)| {
                    let lead: Vec<std::borrow::Cow<'_, str>> =
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
                let player = self
                    .pick_scorer(self.clause_start(start), pos.max(end))
                    .or_else(|| self.previous_subject(start))
                    .unwrap_or_default();
                return Some(ProseGoal { player, score });
            }
        }
        let _ = window_end;
        None
    }

    /// The scorer the clause of a prose minute names, for a minute that
    /// tells no goal by its words (the fact box may confirm it).
    pub fn prose_scorer(&self, start: usize, end: usize) -> Option<String> {
        let s = self.sentence(start);
        self.pick_scorer(self.clause_start(start), s.end.max(end))
            .or_else(|| self.previous_subject(start))
    }

    /// Where the clause of a prose minute starts: after the last stamp
    /// before it in its sentence (`Nach dem Rückstand durch Demir (31.)
    /// kam die Mannschaft zurück: Roth erzielte in der 50. Minute …`), else
    /// at the sentence start.
    fn clause_start(&self, pos: usize) -> usize {
        let s = self.sentence(pos);
        let k = self.stamps.partition_point(|st| st.close <= pos);
        k.checked_sub(1)
            .and_then(|j| self.stamps.get(j))
            .map(|st| st.close)
            .filter(|&c| c > s.start)
            .unwrap_or(s.start)
    }

    /// Position of a word that tells a goal in `a..b` (weak goal words only
    /// in the minute's own sentence).
    fn strong_word(&self, a: usize, b: usize, own: bool) -> Option<usize> {
        let t = self.slice(a, b);
        let mut pos = 0;
        let mut prev = String::new();
        let mut prev2 = String::new();
        for w in t.split(|c: char| !c.is_alphanumeric()) {
            let at = a + pos;
            pos += w.len() + 1;
            if w.is_empty() {
                continue;
            }
            let l = w.to_lowercase();
            // `ins Tor`, `ins lange Eck`
            let aimed = prev == "ins" || (prev2 == "ins" && is_attribute(&prev));
            let strong = STRONG_GOAL_VERBS.contains(&l) || (aimed && GOAL_TARGETS.contains(&l));
            let weak = own && WEAK_GOAL_WORDS.contains(&l);
            if strong || weak {
                return Some(at);
            }
            prev2 = std::mem::replace(&mut prev, l);
        }
        None
    }
}
