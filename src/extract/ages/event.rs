//! `mit (gerade einmal) 32 Jahren`, `im Alter von 32 Jahren`: an event
//! age, found from its ` Jahren` backwards.
//!
//! The pattern [`EVENT`] is the definition. Its search stopped at every
//! `mit` and `im` of an article (found all over) and ran an automaton from
//! there; here the rare ` Jahren` is found first, and the number, the
//! blanks, the fillers (`gerade`, `einmal`) and the `mit` or `im Alter
//! von` before it are read backwards. A match holds one ` Jahren` (no
//! filler has one), so it lies between the ` Jahren` before it and its
//! own. A digit beyond ASCII (`\d` is every decimal digit of Unicode) is
//! left to the pattern, on that stretch.

use crate::lexicon::letters::ascii_word_byte;
use crate::lexicon::{AGE_FILLERS, alternation};
use regex::Regex;
use std::sync::LazyLock;

/// `mit (gerade einmal) 32 Jahren`, `im Alter von 32 Jahren`, the
/// definition.
static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    let fillers = alternation(AGE_FILLERS.iter().copied());
    Regex::new(&format!(
        r"(?-u:\b)(?:[Mm]it\s+(?:(?:{fillers})\s+)*|[Ii]m Alter von\s+)(\d{{1,3}}) Jahren(?-u:\b)"
    ))
    .expect("constant regex")
});

/// ` Jahren`, the word every event age ends with.
const JAHREN: &[u8] = b" Jahren";

/// The search for [`JAHREN`], built once.
static JAHREN_FINDER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(JAHREN));

/// One event age: the byte spans of the whole and of the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct EventAge {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) digits: (usize, usize),
}

/// Every event age of `text`, in order (what `EVENT.captures_iter` finds).
pub(super) fn event_ages(text: &str) -> Vec<EventAge> {
    let mut out = Vec::new();
    // a match starts after the ` Jahren` before its own
    let mut from = 0;
    for o in JAHREN_FINDER.find_iter(text.as_bytes()) {
        if let Some(m) = ending_at(text, from, o) {
            out.push(m);
        }
        from = o + JAHREN.len();
    }
    out
}

/// The event age whose ` Jahren` is at byte `o`, starting at `from` or
/// later, if any.
fn ending_at(text: &str, from: usize, o: usize) -> Option<EventAge> {
    let bytes = text.as_bytes();
    let end = o + JAHREN.len();
    if ascii_word_byte(bytes.get(end)) {
        return None;
    }
    // the number: one to three digits
    let digits = bytes
        .get(from..o)?
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let d = o - digits;
    if d > from && !bytes.get(d - 1).is_some_and(u8::is_ascii) {
        // a character beyond ASCII: maybe a digit
        return by_pattern(text, from, o);
    }
    if digits == 0 || digits > 3 {
        return None;
    }
    // the blanks before it, then `im Alter von` or a chain of fillers
    // back to a `mit`; the leftmost start wins
    let q = blanks_before(text, from, d)?;
    let starts_at =
        |s: usize| s >= from && !ascii_word_byte(s.checked_sub(1).and_then(|p| bytes.get(p)));
    let ends = |pos: usize, word: &str| {
        pos >= from + word.len() && text.get(pos - word.len()..pos) == Some(word)
    };
    let mut start = ["im Alter von", "Im Alter von"]
        .iter()
        .filter(|w| ends(q, w))
        .map(|w| q - w.len())
        .find(|&s| starts_at(s));
    // the chain back from `q` (positions where blanks start): a filler
    // before the blanks continues it, `mit` opens it. No filler ends
    // another, so it goes on from one place at most (if two ended at one
    // place, the pattern decides)
    let mut pos = q;
    loop {
        for m in ["mit", "Mit"] {
            if ends(pos, m) && starts_at(pos - 3) {
                start = Some(start.map_or(pos - 3, |s| s.min(pos - 3)));
            }
        }
        let mut fillers = AGE_FILLERS.iter().filter(|f| ends(pos, f));
        let Some(f) = fillers.next() else {
            break;
        };
        if fillers.next().is_some() {
            return by_pattern(text, from, o);
        }
        let Some(p) = blanks_before(text, from, pos - f.len()) else {
            break;
        };
        pos = p;
    }
    Some(EventAge {
        start: start?,
        end,
        digits: (d, o),
    })
}

/// The start of the blanks (`\s`, one or more) that end at byte `pos`,
/// going back no further than `from`; `None` when none end there.
fn blanks_before(text: &str, from: usize, pos: usize) -> Option<usize> {
    let before = text.get(from..pos)?;
    let kept = before.trim_end_matches(char::is_whitespace).len();
    (kept < before.len()).then_some(from + kept)
}

/// [`ending_at`] decided by the pattern, on the stretch a match can span.
fn by_pattern(text: &str, from: usize, o: usize) -> Option<EventAge> {
    let end = o + JAHREN.len();
    let mut bound = (end + 1).min(text.len());
    while !text.is_char_boundary(bound) {
        bound += 1;
    }
    let c = EVENT.captures_at(text.get(..bound)?, from)?;
    let (all, num) = (c.get(0)?, c.get(1)?);
    (all.end() == end).then_some(EventAge {
        start: all.start(),
        end,
        digits: (num.start(), num.end()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<EventAge> {
        EVENT
            .captures_iter(text)
            .filter_map(|c| {
                let (all, num) = (c.get(0)?, c.get(1)?);
                Some(EventAge {
                    start: all.start(),
                    end: all.end(),
                    digits: (num.start(), num.end()),
                })
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]
        #[test]
        fn finds_what_the_pattern_finds(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "mit", "Mit", "im Alter von", "Im Alter von", "gerade", "einmal", "noch", "x",
                " ", " ", " ", "  ", "\n", "\u{a0}", "1", "23", "456", "7890", " Jahren", " Jahren",
                "Jahren", "٣", "a", "-", ".", "ü", "_", "im", "Alter", "von",
            ]), 0..24),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(event_ages(&text), reference(&text), "{:?}", text);
        }
    }

    #[test]
    fn event_ages_in_text() {
        let spans = |t: &str| -> Vec<String> {
            event_ages(t)
                .iter()
                .map(|m| t[m.start..m.end].to_string())
                .collect()
        };
        assert_eq!(
            spans("Er kam mit gerade einmal 17 Jahren, im Alter von 32 Jahren ging er."),
            ["mit gerade einmal 17 Jahren", "im Alter von 32 Jahren"]
        );
        assert!(spans("Komit 5 Jahren, mit 1234 Jahren, mit 5 Jahrena").is_empty());
    }
}
