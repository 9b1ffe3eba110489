//! Month names, read once for both patterns that contain them: `März
//! 2010`, `Ende Oktober` (the regex `MONTH`, kept in the tests; here
//! [`months`]) and `7. Sept.` ([`super::day_month`]).
//!
//! Every month name starts with one of the stems [`super::words`] finds.
//! At each stem, [`names`] reads the name the patterns' alternation
//! `(?:FULL)(?-u:\b)|(?:ABBR)` would take there: the first full name (the
//! longest first) that ends at a word boundary, else the first
//! abbreviation. The month pattern takes full names only; the day-month
//! pattern either.

use super::scan::{space_before, year_after};
use super::words::{Hit, Word};
use crate::lexicon::MONTHS;
use crate::lexicon::letters::ascii_boundary;
use std::ops::Range;
use std::sync::LazyLock;

/// A month name or abbreviation as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub month: i8,
    /// `Sept.`: only after a day.
    pub abbr: bool,
}

/// The names in the alternation's order: full names longest first, then
/// abbreviations longest first (a stable sort, as `lexicon::alternation`).
static ORDER: LazyLock<Vec<(&'static str, i8, bool)>> = LazyLock::new(|| {
    let mut names: Vec<(&'static str, i8, bool)> = MONTHS
        .iter()
        .map(|(w, n)| (*w, *n as i8, w.ends_with('.')))
        .collect();
    names.sort_by_key(|(w, _, abbr)| (*abbr, std::cmp::Reverse(w.len())));
    names
});

/// The month name at each month stem of `hits`, where one is written.
pub fn names(text: &str, hits: &[Hit]) -> Vec<Name> {
    let bytes = text.as_bytes();
    hits.iter()
        .filter(|h| h.word == Word::Month)
        .filter_map(|h| {
            let rest = text.get(h.start..)?;
            let (w, month, abbr) = ORDER.iter().find(|(w, _, abbr)| {
                rest.starts_with(w) && (*abbr || ascii_boundary(bytes, h.start + w.len()))
            })?;
            Some(Name {
                start: h.start,
                end: h.start + w.len(),
                month: *month,
                abbr: *abbr,
            })
        })
        .collect()
}

/// `Anfang`, `Mitte`, `Ende` before a month.
const PARTS: [&str; 3] = ["Anfang", "Mitte", "Ende"];

/// One match of the month pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    pub all: Range<usize>,
    /// Whether `Anfang`, `Mitte` or `Ende` opens it.
    pub part: bool,
    /// The name's span and number.
    pub mon: Range<usize>,
    pub month: i8,
    pub year: Option<Range<usize>>,
}

/// Every match of `(?:(?P<part>Anfang|Mitte|Ende)\s)?(?P<mon>FULL)(?-u:\b)
/// (?:\s(?P<y>\d{4})(?-u:\b))?` in `text`, from the full names of
/// [`names`]: a part right before a name opens its match, unless the
/// previous match took its bytes.
pub fn months(text: &str, names: &[Name]) -> Vec<Month> {
    let mut out: Vec<Month> = Vec::new();
    let mut after = 0;
    for n in names.iter().filter(|n| !n.abbr) {
        if n.start < after {
            continue;
        }
        let part = part_before(text, n.start).filter(|&p| p >= after);
        let year = year_after(text, n.end);
        let end = year.as_ref().map_or(n.end, |y| y.end);
        out.push(Month {
            all: part.unwrap_or(n.start)..end,
            part: part.is_some(),
            mon: n.start..n.end,
            month: n.month,
            year,
        });
        after = end;
    }
    out
}

/// Where `Anfang\s`, `Mitte\s` or `Ende\s` ending at `pos` starts.
fn part_before(text: &str, pos: usize) -> Option<usize> {
    let head = text.get(..pos - space_before(text, pos)?)?;
    PARTS
        .iter()
        .filter(|p| head.ends_with(*p))
        .map(|p| head.len() - p.len())
        .min()
}

/// The regexes as they were, the reference of the tests.
#[cfg(test)]
pub(super) mod reference {
    use crate::lexicon::{self, MONTHS};
    use regex::Regex;
    use std::sync::LazyLock;

    pub fn months_full() -> String {
        lexicon::alternation(MONTHS.iter().map(|(w, _)| *w).filter(|w| !w.ends_with('.')))
    }

    pub fn months_any() -> String {
        format!(
            r"(?:{})(?-u:\b)|(?:{})",
            months_full(),
            lexicon::alternation(MONTHS.iter().map(|(w, _)| *w).filter(|w| w.ends_with('.')))
        )
    }

    /// `März 2010`, `Ende Oktober`, `im September`.
    pub static MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:(?P<part>Anfang|Mitte|Ende)\s)?(?P<mon>{})(?-u:\b)(?:\s(?P<y>\d{{4}})(?-u:\b))?",
            months_full()
        ))
        .expect("month pattern")
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon;
    use proptest::prelude::*;

    fn expected(text: &str) -> Vec<Month> {
        reference::MONTH
            .captures_iter(text)
            .filter_map(|c| {
                let mon = c.name("mon")?;
                Some(Month {
                    all: c.get(0)?.range(),
                    part: c.name("part").is_some(),
                    mon: mon.range(),
                    month: lexicon::number_of(&MONTHS, mon.as_str())? as i8,
                    year: c.name("y").map(|y| y.range()),
                })
            })
            .collect()
    }

    fn got(text: &str) -> Vec<Month> {
        months(text, &names(text, &super::super::words::hits(text)))
    }

    #[test]
    fn parts_years_and_boundaries() {
        for t in [
            "Ende Oktober 2024, Anfang\u{a0}Mai, Mitte Juni 20245, im Jänner ٢٠٢٤x.",
            "Dezembers, Maiwand, XEnde Mai, Ende  Mai, Sept. 2020, März_",
            "Mai Ende Juni 2020 Juli",
            "",
        ] {
            assert_eq!(got(t), expected(t), "{t}");
        }
        let t = "Ende Oktober 2024";
        assert_eq!(
            got(t),
            [Month {
                all: 0..t.len(),
                part: true,
                mon: 5..12,
                month: 10,
                year: Some(13..17)
            }]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn agrees_with_the_month_regex(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Mai", "Juni", "Jänner", "August", "Sept.", "Sep", "Nov", "Dez.", "Ende",
                "Anfang", "Mitte", " ", "  ", "\u{a0}", "\n", "2024", "20", "1", "٣", "x",
                "_", "ä", ".", "s",
            ]), 0..24),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(got(&text), expected(&text), "{:?}", text);
        }
    }
}
