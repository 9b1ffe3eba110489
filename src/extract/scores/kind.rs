//! The kind of a score that stands alone (no parenthesis after it, not in
//! a set list), read from the words around it.
//!
//! The checks run from the most specific to the default:
//! - half-time: `zur Pause 1:0`, `1:0 zur Halbzeit`, `Halbzeitstand 1:0`,
//!   `ging es mit 2:1 in die Pause` (`data/halftime_*.txt`);
//! - during play: `beim Stand von 4:2`, `lag 18:21 zurück`, compounds
//!   (`2:1-Führung`, `data/running_compounds.txt`), a goal's score (`das
//!   1:0`, `zum 3:2`, `data/score_leads.txt`), `noch 0:0 gestanden`,
//!   fact-box lines (`1:0 Müller (12.)`) and a minute right after (`das 4:2
//!   (80.)`);
//! - a set in a sentence about sets (`verlor den ersten Satz mit 4:6`);
//! - otherwise the result of a match.
//!
//! Every word list is data (`src/lexicon.rs`); only the shape of the
//! phrases lives here.

use super::Kind;
use super::find::{Pair, words_after, words_before};
use crate::lexicon::lower::{ROOM, contains_bytes, lower, lower_starts_with};
use crate::lexicon::{
    COPULAS, GOALS_LABELS, HALFTIME_AFTER, HALFTIME_LABELS, HALFTIME_WORDS, LYING_AFTER,
    LYING_VERBS, OTHER_MATCH_WORDS, PERIOD_WORDS, RESULT_NOUNS, RESULT_VERBS, RUNNING_AFTER,
    RUNNING_BEFORE, RUNNING_COMPOUNDS, RUNNING_NEXT, SCORE_LEADS, SCORING_VERBS, STATE_WORDS,
    WordSet, lowered,
};
use std::borrow::Cow;

/// Punctuation cut off a word before it is looked up.
const PUNCT: &[char] = &['.', ',', '!', '?', ')', ';', ':'];

/// Whether `w` starts with an entry of `set`.
fn starts_with_any(set: &WordSet, w: &str) -> bool {
    set.iter().any(|s| w.starts_with(*s))
}

/// Kind of a score standing alone, from the words around it; `end` is the
/// end of its group (after a parenthesis that follows it).
pub fn lone_kind(text: &str, p: &Pair, end: usize) -> Kind {
    // the eight words before, nearest first (the first four are `before`)
    let wide = words_before(text, p.start, 8);
    let before = wide.get(..4).unwrap_or(&wide);
    let after = words_after(text, end, 5);
    let after_lower: Vec<Cow<str>> = after.iter().copied().map(lowered).collect();
    let b0 = before.first().map_or("", |w| &**w);
    let b1 = before.get(1).map_or("", |w| &**w);
    let a = |i: usize| after_lower.get(i).map_or("", |w| &**w);
    // the words right after the score are all that count: never scan the
    // rest of the article (a 1 MB line would make this quadratic)
    let tail = floor_str(text, p.end, 120).unwrap_or("");

    // half-time: `zur Pause 1:0`, `zur Halbzeit stand es 0:0`, `zur Pause
    // hatte Ahrenfeld noch mit 13:15 zurückgelegen`
    if wide
        .windows(2)
        .any(|w| matches!(w, [a, b] if HALFTIME_WORDS.contains(a) && b == "zur"))
    {
        return Kind::Halftime;
    }
    // `beim Stand von 4:2`, `lag 18:21 zurück`: a score during play
    let lying = wide.iter().any(|w| LYING_VERBS.contains(w));
    if !tail.starts_with('-')
        && ((b0 == "von" && STATE_WORDS.contains(b1))
            || STATE_WORDS.contains(b0)
            || after_lower.iter().take(4).any(|w| {
                let w = w.trim_end_matches(['.', '!', '?', ')']);
                RUNNING_AFTER.contains(w) || (lying && LYING_AFTER.contains(w))
            }))
    {
        return Kind::Running;
    }
    // `verlor den ersten Satz mit 6:7(4)`: a set score in a sentence about sets
    if b0 == "mit" && set_shaped(p) && sentence_mentions_sets(text, p.start) {
        return Kind::Set;
    }
    // `lag im Match-Tiebreak 5:8 zurück. Dann … setzte sich mit 10:8 durch`
    if b0 == "mit" && tiebreak_shaped(p) && tiebreak_before(text, p.start) {
        return Kind::Set;
    }
    if starts_with_any(&HALFTIME_LABELS, b0) {
        return Kind::Halftime;
    }
    let next = after_lower.join(" ");
    // `zur Pause` right after: the tail is lowered only when it starts so
    let halftime_next = |t: &str, lead: &str| {
        lower_starts_with(t, lead)
            && t.to_lowercase()
                .strip_prefix(lead)
                .is_some_and(|r| HALFTIME_WORDS.iter().any(|w| r.starts_with(*w)))
    };
    if HALFTIME_AFTER.iter().any(|p| contains_bytes(&next, p))
        || halftime_next(tail.trim_start(), "zur ")
    {
        return Kind::Halftime;
    }
    // a running score: compounds and articles
    if let Some(head) = tail.strip_prefix('-') {
        let len = head
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(head.len(), |(i, _)| i);
        let mut buf = [0; ROOM];
        if starts_with_any(
            &RUNNING_COMPOUNDS,
            &lower(head.get(..len).unwrap_or(""), &mut buf),
        ) {
            // `nach einem 0:1-Rückstand zur Pause`
            if halftime_next(head.get(len..).unwrap_or(""), " zur ") {
                return Kind::Halftime;
            }
            return Kind::Running;
        }
        return Kind::Result;
    }
    // `das 0:4 im Vorjahr`: another match's result, unless a goal verb
    // leads (`erzielte das 1:0 im Hinspiel`)
    if b0 == "das"
        && a(0) == "im"
        && OTHER_MATCH_WORDS.contains(a(1).trim_end_matches(PUNCT))
        && !SCORING_VERBS.contains(b1)
    {
        return Kind::Result;
    }
    // `Das 3:1 war der erste Auswärtssieg`: the score named as an outcome
    if b0 == "das"
        && COPULAS.contains(a(0))
        && in_sentence_after(text, end, 6).any(|w| {
            RESULT_NOUNS
                .iter()
                .any(|n| w.trim_end_matches(PUNCT).ends_with(*n))
        })
    {
        return Kind::Result;
    }
    if SCORE_LEADS.contains(b0) || (b0 == "dem" && b1 == "mit") {
        return Kind::Running;
    }
    if b0 == "beim" && in_sentence_after(text, end, 9).any(|w| starts_with_any(&PERIOD_WORDS, &w)) {
        return Kind::Running;
    }
    // `hatten noch mit 0:2 verloren`, `mit 81:70 für sich entschieden`
    if after_lower
        .iter()
        .take(4)
        .any(|w| RESULT_VERBS.contains(w.trim_end_matches(PUNCT)))
    {
        return Kind::Result;
    }
    if before.iter().take(2).any(|w| RUNNING_BEFORE.contains(w))
        || RUNNING_NEXT.contains(a(0).trim_end_matches(PUNCT))
        || (a(0) == "nach" && a(2).starts_with("minute"))
    {
        return Kind::Running;
    }
    // a fact box's `Tore:` line: every score in it is a running score
    if in_goals_line(text, p.start) {
        return Kind::Running;
    }
    // fact box `1:0 Müller (12.)`: a name and a minute stamp after it
    // on the same line only: a result line is followed by its fact box
    let rest = tail.trim_start_matches([' ', '\u{a0}']);
    if rest.chars().next().is_some_and(char::is_uppercase) {
        let line = rest.split('\n').next().unwrap_or("");
        let name_len = line.find('(').unwrap_or(usize::MAX);
        if name_len < 40
            && line
                .get(name_len + 1..)
                .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit()))
        {
            return Kind::Running;
        }
    }
    // a minute right after: `das 4:2 (80.)`
    if rest.starts_with('(')
        && rest
            .get(1..)
            .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit()))
    {
        let inner = rest.get(1..).unwrap_or("");
        let d = inner.bytes().take_while(u8::is_ascii_digit).count();
        if inner.as_bytes().get(d) == Some(&b'.') {
            return Kind::Running;
        }
    }
    Kind::Result
}

/// A tennis set (`6:3`, `7:5`, `6:7`) or a volleyball set (`25:21`,
/// `15:13`).
fn set_shaped(p: &Pair) -> bool {
    let (hi, lo) = (p.left.max(p.right), p.left.min(p.right));
    (hi == 6 && lo <= 4)
        || (hi == 7 && (5..=6).contains(&lo))
        || ((hi == 25 || hi == 15) && hi - lo >= 2)
        || (hi > 25 && hi - lo == 2)
}

/// Up to `n` lower-case words after `pos`, up to the end of the sentence.
fn in_sentence_after(text: &str, pos: usize, n: usize) -> impl Iterator<Item = String> + '_ {
    let ws = words_after(text, pos, n);
    let upto = ws
        .iter()
        .position(|w| w.ends_with(['.', '!', '?']))
        .map_or(ws.len(), |i| i + 1);
    ws.into_iter().take(upto).map(str::to_lowercase)
}

/// A match tie-break to ten (`10:8`, `12:10`).
fn tiebreak_shaped(p: &Pair) -> bool {
    let (hi, lo) = (p.left.max(p.right), p.left.min(p.right));
    (hi == 10 && lo <= 8) || (hi > 10 && hi - lo == 2)
}

/// Whether a tie-break is spoken of in the 300 bytes before `pos`, within
/// its paragraph.
fn tiebreak_before(text: &str, pos: usize) -> bool {
    let lo = text.floor_char_boundary(pos.saturating_sub(300));
    let before = text.get(lo..pos).unwrap_or("");
    let para = before.rsplit('\n').next().unwrap_or(before);
    para.to_lowercase().replace('-', "").contains("tiebreak")
}

/// Whether the score at `pos` stands after the label of a `Tore:` line.
fn in_goals_line(text: &str, pos: usize) -> bool {
    let lo = text.floor_char_boundary(pos.saturating_sub(400));
    let before = text.get(lo..pos).unwrap_or("");
    let line = before.rsplit('\n').next().unwrap_or(before).trim_start();
    GOALS_LABELS.iter().any(|l| line.starts_with(*l))
}

/// Whether the sentence before byte `pos` (at most 200 bytes back) speaks
/// of sets.
fn sentence_mentions_sets(text: &str, pos: usize) -> bool {
    let lo = text.floor_char_boundary(pos.saturating_sub(200));
    let before = text.get(lo..pos).unwrap_or("");
    let sentence = before
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or(before);
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.starts_with("Satz") || w.starts_with("Sätze") || w.ends_with("satz"))
}

/// Up to `len` bytes of `text` from `pos`, cut on a char boundary.
pub fn floor_str(text: &str, pos: usize, len: usize) -> Option<&str> {
    let end = text.floor_char_boundary((pos + len).min(text.len()));
    text.get(pos..end)
}
