//! Weekdays: `Sonntag`, `vergangenen Dienstag`, `Freitagabend`, the
//! matches of the regex `WEEKDAY` (kept in the tests),
//! `(?:(?P<mod>MODIFIERS)\s)?(?P<wd>WEEKDAYS)(?:SUFFIXES)?`, found from the
//! weekdays' names that [`super::words`] finds.
//!
//! The regex looked for the names too, and then ran its automaton
//! backwards for the modifier and forwards again with captures at each,
//! which cost more than the rest of the date search. By hand:
//!
//! - a match starts with the modifier that ends one space before the name
//!   (no two modifiers end alike, so one at most), unless the previous
//!   match took its bytes (`Montagmorgenächsten Dienstag`); then it
//!   starts with the name;
//! - the suffix is the first of the alternation that follows (no two
//!   of them fit at once).

use super::scan::space_before;
use super::words::{Hit, Word};
use std::ops::Range;

/// The modifiers, in the alternation's order.
pub const MODIFIERS: [&str; 10] = [
    "vergangenen",
    "vergangene",
    "letzten",
    "letzte",
    "vorigen",
    "vorige",
    "kommenden",
    "kommende",
    "nächsten",
    "nächste",
];

/// Times of day a weekday's name may carry, in the alternation's order.
pub const SUFFIXES: [&str; 6] = [
    "abend",
    "morgen",
    "mittag",
    "nachmittag",
    "vormittag",
    "nacht",
];

/// One match of the weekday pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weekday {
    pub all: Range<usize>,
    /// The modifier's span, if one opens the match.
    pub modifier: Option<Range<usize>>,
    /// ISO number, Monday = 1.
    pub weekday: i8,
}

/// Every match of the weekday pattern in `text`, from the weekday `hits`.
pub fn weekdays(text: &str, hits: &[Hit]) -> Vec<Weekday> {
    let mut out = Vec::new();
    let mut after = 0;
    for h in hits {
        let Word::Weekday(weekday) = h.word else {
            continue;
        };
        if h.start < after {
            continue;
        }
        let modifier = modifier_before(text, h.start, after);
        let rest = text.get(h.end..).unwrap_or("");
        let suffix = SUFFIXES
            .iter()
            .find(|s| rest.starts_with(*s))
            .map_or(0, |s| s.len());
        let end = h.end + suffix;
        out.push(Weekday {
            all: modifier.as_ref().map_or(h.start, |m| m.start)..end,
            modifier,
            weekday,
        });
        after = end;
    }
    out
}

/// The leftmost modifier that ends one space before `pos` and starts at
/// `after` or later.
fn modifier_before(text: &str, pos: usize, after: usize) -> Option<Range<usize>> {
    let end = pos - space_before(text, pos)?;
    let head = text.get(..end)?;
    MODIFIERS
        .iter()
        .filter(|m| head.ends_with(*m) && end - m.len() >= after)
        .map(|m| end - m.len())
        .min()
        .map(|start| start..end)
}

/// The regex as it was, the reference of the tests.
#[cfg(test)]
pub(super) mod reference {
    use super::{MODIFIERS, SUFFIXES};
    use crate::lexicon::{self, WEEKDAYS};
    use regex::Regex;
    use std::sync::LazyLock;

    pub static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:(?P<mod>{})\s)?(?P<wd>{})(?:{})?",
            MODIFIERS.join("|"),
            lexicon::alternation(WEEKDAYS.iter().map(|(w, _)| *w)),
            SUFFIXES.join("|"),
        ))
        .expect("weekday pattern")
    });

    #[test]
    fn the_pattern_as_it_was_written() {
        assert_eq!(
            WEEKDAY.as_str(),
            r"(?:(?P<mod>vergangenen|vergangene|letzten|letzte|vorigen|vorige|kommenden|kommende|nächsten|nächste)\s)?(?P<wd>Donnerstag|Sonnabend|Dienstag|Mittwoch|Freitag|Samstag|Sonntag|Montag)(?:abend|morgen|mittag|nachmittag|vormittag|nacht)?"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{self, WEEKDAYS};
    use proptest::prelude::*;

    fn expected(text: &str) -> Vec<Weekday> {
        reference::WEEKDAY
            .captures_iter(text)
            .filter_map(|c| {
                Some(Weekday {
                    all: c.get(0)?.range(),
                    modifier: c.name("mod").map(|m| m.range()),
                    weekday: lexicon::number_of(&WEEKDAYS, c.name("wd")?.as_str())? as i8,
                })
            })
            .collect()
    }

    fn got(text: &str) -> Vec<Weekday> {
        weekdays(text, &super::super::words::hits(text))
    }

    #[test]
    fn modifiers_and_suffixes() {
        for t in [
            "vergangenen Dienstag, letzte\u{a0}Woche Montagabend, kommenden  Sonntag",
            "Montagmorgenächsten Dienstag, xnächste Freitagnachmittags Sonnabendnacht",
            "Samstag vorigen Sonntag",
            "",
        ] {
            assert_eq!(got(t), expected(t), "{t}");
        }
        let t = "am vergangenen Freitagabend";
        assert_eq!(
            got(t),
            [Weekday {
                all: 3..t.len(),
                modifier: Some(3..14),
                weekday: 5
            }]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn agrees_with_the_weekday_regex(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Montag", "Sonntag", "Sonnabend", "Mittwoch", "vergangenen", "vergangene",
                "nächste", "nächsten", "letzte", "n", "abend", "morgen", "nach", "mittag",
                "nacht", "vormittag", " ", "\u{a0}", "\n", "x", "ä", ".", "Mai",
            ]), 0..20),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(got(&text), expected(&text), "{:?}", text);
        }
    }
}
