//! `7. September 2025`, `7. Sept.`, `3. Februar`, and ranges `10.-12. Mai`.
//!
//! As one regex, `(?:RANGE_HEAD)?DAY_MONTH` starts with digits, so the
//! regex engine must run its automaton over every byte of the text. Without
//! the optional range head the pattern has month names inside, which the
//! engine looks for first and fast (about three times faster on news
//! text). [`day_months`] therefore finds the day-months and then looks
//! back for a range head that ends right where a day-month starts, and
//! gets exactly the matches of the one regex:
//!
//! - a day-month cannot start inside a range head (after `10.` comes `-`
//!   or `bis`, never a month), so the one regex's leftmost match either
//!   starts with the leftmost day-month or with a range head ending at it;
//! - the regex prefers the head when one fits (`?` is greedy), and among
//!   the ways a head fits it takes the first, as the look-back's leftmost
//!   search for `RANGE_HEAD$` does;
//! - a head is short (its longest match is read from the pattern), so the
//!   look-back reads a few bytes, never before the previous match.
//!
//! The property test below checks this against the one regex.

use super::find::months_any;
use regex::{Match, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// The first day of a range and its link: `10.-`, `10. bis `.
const RANGE_HEAD: &str = r"(?P<d1>\d{1,2})\.\s?(?:-|–|bis)\s?";

fn day_month_pattern() -> String {
    format!(
        r"(?P<d>\d{{1,2}})\.\s?(?P<mon>{})(?:\s(?P<y>\d{{4}})(?-u:\b))?",
        months_any()
    )
}

static DAY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&day_month_pattern()).expect("day-month pattern"));

/// A range head that ends where the haystack ends, and its longest match
/// in bytes.
static HEAD_BEFORE: LazyLock<(Regex, usize)> = LazyLock::new(|| {
    let pattern = format!("{RANGE_HEAD}$");
    let longest = regex_syntax::Parser::new()
        .parse(RANGE_HEAD)
        .ok()
        .and_then(|hir| hir.properties().maximum_len())
        .unwrap_or(64);
    (Regex::new(&pattern).expect("range head pattern"), longest)
});

/// One day-month as written, with the parts the dates table reads.
pub struct DayMonth<'h> {
    /// The whole expression, range head included.
    pub all: Range<usize>,
    pub d1: Option<Match<'h>>,
    pub d: Match<'h>,
    pub mon: Match<'h>,
    pub y: Option<Match<'h>>,
}

/// Every day-month of `body`, in order, as the regex
/// `(?:RANGE_HEAD)?DAY_MONTH` finds them.
pub fn day_months(body: &str) -> Vec<DayMonth<'_>> {
    let (head, longest) = &*HEAD_BEFORE;
    let mut out = Vec::new();
    let mut after = 0;
    for c in DAY_MONTH.captures_iter(body) {
        let (Some(all), Some(d), Some(mon)) = (c.get(0), c.name("d"), c.name("mon")) else {
            continue;
        };
        let mut from = after.max(all.start().saturating_sub(*longest));
        while !body.is_char_boundary(from) {
            from += 1;
        }
        let range = body
            .get(..all.start())
            .and_then(|h| head.captures_at(h, from));
        let start = range
            .as_ref()
            .and_then(|r| r.get(0))
            .map_or(all.start(), |m| m.start());
        out.push(DayMonth {
            all: start..all.end(),
            d1: range.and_then(|r| r.name("d1")),
            d,
            mon,
            y: c.name("y"),
        });
        after = all.end();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The one regex, as the dates table used it before.
    static ONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?:{RANGE_HEAD})?{}", day_month_pattern())).expect("one pattern")
    });

    type Parts = (
        Range<usize>,
        Option<Range<usize>>,
        Range<usize>,
        Range<usize>,
        Option<Range<usize>>,
    );

    fn expected(body: &str) -> Vec<Parts> {
        ONE.captures_iter(body)
            .filter_map(|c| {
                let span = |n: &str| c.name(n).map(|m| m.range());
                Some((
                    c.get(0)?.range(),
                    span("d1"),
                    span("d")?,
                    span("mon")?,
                    span("y"),
                ))
            })
            .collect()
    }

    fn got(body: &str) -> Vec<Parts> {
        day_months(body)
            .into_iter()
            .map(|m| {
                (
                    m.all,
                    m.d1.map(|x| x.range()),
                    m.d.range(),
                    m.mon.range(),
                    m.y.map(|x| x.range()),
                )
            })
            .collect()
    }

    #[test]
    fn ranges_and_single_days() {
        for t in [
            "Am 10.-12. Mai 2025 und am 3. bis 5. Juni, dann 7. Sept. und 1. – 2. März.",
            "1.-2.-3. Mai",
            "1. Mai 2025.-3. Juni",
            "125.-3. Juni",
            "1.-  3. Mai",
            "5. Mai bis 7. Mai",
            "Ø 1.-2. Mai ä",
            "",
        ] {
            assert_eq!(got(t), expected(t), "{t}");
        }
        let m = day_months("vom 10.-12. Mai");
        assert_eq!(m.len(), 1);
        assert_eq!(m.first().and_then(|m| m.d1).map(|d| d.as_str()), Some("10"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn agrees_with_the_one_regex(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "1", "2", "12", "0", "2025", ".", " ", "  ", "-", "–", "bis", "Mai", "Juni",
                "Sept.", "Jan.", "x", "ä", "\n", "\u{a0}", "٣",
            ]), 0..30),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(got(&text), expected(&text), "{:?}", text);
        }
    }
}
