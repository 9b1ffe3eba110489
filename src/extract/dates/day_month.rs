//! `7. September 2025`, `7. Sept.`, `3. Februar`, and ranges `10.-12. Mai`.
//!
//! As one regex, `(?:RANGE_HEAD)?DAY_MONTH` starts with digits, so the
//! regex engine must run its automaton over every byte of the text.
//! [`day_months`] starts from the month names instead, which
//! [`super::months::names`] has read for the month pattern too, reads the
//! day before a name by hand (`DAY_MONTH` is `(?P<d>\d{1,2})\.\s?`, a name
//! and `(?:\s(?P<y>\d{4})(?-u:\b))?`), and then looks back for a range
//! head that ends right where a day-month starts. It gets exactly the
//! matches of the one regex:
//!
//! - a day-month's leftmost start is fixed by its name: the dot before it
//!   (right before the name or before one space), then two digits if the
//!   previous match left them, else one;
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

use super::months::Name;
use super::scan::{digit_before, space_before, year_after};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The first day of a range and its link: `10.-`, `10. bis `.
const RANGE_HEAD: &str = r"(?P<d1>\d{1,2})\.\s?(?:-|–|bis)\s?";

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayMonth {
    /// The whole expression, range head included.
    pub all: Range<usize>,
    pub d1: Option<Range<usize>>,
    pub d: Range<usize>,
    pub mon: Range<usize>,
    pub month: i8,
    pub y: Option<Range<usize>>,
}

/// Every day-month of `body`, in order, as the regex
/// `(?:RANGE_HEAD)?DAY_MONTH` finds them, from the month names `names`
/// ([`super::months::names`]).
pub fn day_months(body: &str, names: &[Name]) -> Vec<DayMonth> {
    let (head, longest) = &*HEAD_BEFORE;
    let mut out = Vec::new();
    let mut after = 0;
    for n in names {
        let Some(d) = day_before(body, n.start, after) else {
            continue;
        };
        let y = year_after(body, n.end);
        let end = y.as_ref().map_or(n.end, |y| y.end);
        let mut from = after.max(d.start.saturating_sub(*longest));
        while !body.is_char_boundary(from) {
            from += 1;
        }
        let range = body.get(..d.start).and_then(|h| head.captures_at(h, from));
        let start = range
            .as_ref()
            .and_then(|r| r.get(0))
            .map_or(d.start, |m| m.start());
        out.push(DayMonth {
            all: start..end,
            d1: range.and_then(|r| r.name("d1")).map(|m| m.range()),
            d,
            mon: n.start..n.end,
            month: n.month,
            y,
        });
        after = end;
    }
    out
}

/// The day of `(?P<d>\d{1,2})\.\s?` right before a month name at `pos`
/// (what the name is preceded by decides whether the optional space is
/// there), starting at `after` or later: two digits where they fit, as the
/// leftmost match takes them.
fn day_before(body: &str, pos: usize, after: usize) -> Option<Range<usize>> {
    let bytes = body.as_bytes();
    let dot = if bytes.get(pos.checked_sub(1)?) == Some(&b'.') {
        pos - 1
    } else {
        let spaced = pos - space_before(body, pos)?;
        let dot = spaced.checked_sub(1)?;
        (bytes.get(dot) == Some(&b'.')).then_some(dot)?
    };
    let one = dot - digit_before(body, dot)?;
    let start = match digit_before(body, one) {
        Some(l) if one - l >= after => one - l,
        _ => one,
    };
    (start >= after).then_some(start..dot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day_month_pattern() -> String {
        format!(
            r"(?P<d>\d{{1,2}})\.\s?(?P<mon>{})(?:\s(?P<y>\d{{4}})(?-u:\b))?",
            super::super::months::reference::months_any()
        )
    }

    /// The one regex, as the dates table used it before.
    static ONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?:{RANGE_HEAD})?{}", day_month_pattern())).expect("one pattern")
    });

    fn find(body: &str) -> Vec<DayMonth> {
        let names = super::super::months::names(body, &super::super::words::hits(body));
        day_months(body, &names)
    }

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
        find(body)
            .into_iter()
            .map(|m| (m.all, m.d1, m.d, m.mon, m.y))
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
            "1. Mai 202٣1. Juni, 3. Mai 20245. Juni",
            "",
        ] {
            assert_eq!(got(t), expected(t), "{t}");
        }
        let m = find("vom 10.-12. Mai");
        assert_eq!(m.len(), 1);
        assert_eq!(m.first().and_then(|m| m.d1.clone()), Some(4..6));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn agrees_with_the_one_regex(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "1", "2", "12", "0", "2025", ".", " ", "  ", "-", "–", "bis", "Mai", "Juni",
                "Sept.", "Jan.", "x", "ä", "\n", "\u{a0}", "٣", "Januar", "Maix", "Sep",
                "202",
            ]), 0..30),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(got(&text), expected(&text), "{:?}", text);
        }
    }
}
