//! Resolving dates against an anchor (SPEC "dates.csv"): which day a
//! weekday, a relative word or a date without year stands for.
//!
//! The anchor is the publication date when known at day precision (header,
//! else a dateline), else the nearest preceding full date in the text.
//! Which side of the anchor a date lies on follows the clause it stands in:
//! explicit words (`vergangenen`, `kommenden`) here, then the clause's
//! words ([`super::tense`]).

use super::find::{Modifier, Unit};
use super::tense::Direction;
use crate::header::PartialDate;
use jiff::ToSpan;
use jiff::civil::Date;

/// Where an anchor came from, as the `anchor` column says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Published,
    Text,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Published => "published",
            Source::Text => "text",
        }
    }
}

/// An anchor date at day, month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub date: PartialDate,
    pub source: Source,
}

fn iso(d: Date) -> String {
    value(d.year().into(), Some(d.month()), Some(d.day()))
}

/// An ISO 8601 value at the precision given: `2020`, `2020-11`,
/// `2020-11-03` (the day only with a month). The same text as
/// `format!("{:04}-{:02}-{:02}")` and its shorter forms, without the
/// formatting machinery, which took about a thousand instructions a call
/// (most rows need one).
pub fn value(year: i32, month: Option<i8>, day: Option<i8>) -> String {
    let mut out = String::with_capacity(10);
    padded(&mut out, year, 4);
    if let Some(m) = month {
        out.push('-');
        padded(&mut out, m.into(), 2);
        if let Some(d) = day {
            out.push('-');
            padded(&mut out, d.into(), 2);
        }
    }
    out
}

/// `n` as `{:0width$}` writes it: zeros after the sign up to `width`
/// characters in all.
pub fn padded(out: &mut String, n: i32, width: usize) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n.unsigned_abs());
    let mut width = width;
    if n < 0 {
        out.push('-');
        width = width.saturating_sub(1);
    }
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// The day a weekday (ISO number, Monday = 1) stands for.
/// `dir` is asked only when the modifier and the anchor's own weekday
/// leave the side open (asking means reading the clause's tense).
pub fn weekday(
    anchor: Date,
    weekday: i8,
    modifier: Modifier,
    dir: impl FnOnce() -> Direction,
) -> Option<String> {
    let own = anchor.weekday().to_monday_one_offset();
    let back = (own - weekday).rem_euclid(7) as i64; // days back to the last such day
    let ahead = (weekday - own).rem_euclid(7) as i64;
    let offset = match modifier {
        Modifier::Last => -(if back == 0 { 7 } else { back }),
        Modifier::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Modifier::None if back == 0 => 0,
        Modifier::None => match dir() {
            Direction::Past => -back,
            Direction::Future => ahead,
            Direction::Either if back <= ahead => -back,
            Direction::Either => ahead,
        },
    };
    anchor.checked_add(offset.days()).ok().map(iso)
}

/// A day offset from the anchor (`gestern` = -1).
pub fn relative(anchor: Date, days: i32) -> Option<String> {
    anchor.checked_add((days as i64).days()).ok().map(iso)
}

/// `vor N Jahren` and the like, at the precision of the unit.
pub fn ago(anchor: PartialDate, amount: i32, unit: Unit) -> Option<String> {
    match unit {
        Unit::Year => Some(value(anchor.year as i32 - amount, None, None)),
        Unit::Month => {
            let m = anchor.month? as i32;
            let total = anchor.year as i32 * 12 + (m - 1) - amount;
            let month = (total.rem_euclid(12) + 1) as i8;
            Some(value(total.div_euclid(12), Some(month), None))
        }
        Unit::Week => relative(anchor.civil()?, -7 * amount),
        Unit::Day => relative(anchor.civil()?, -amount),
    }
}

/// A position on a month scale with days as fractions, for comparing
/// partial dates.
fn ordinal(year: i32, month: i32, day: Option<i32>) -> f64 {
    (year * 12 + month - 1) as f64 + day.map_or(0.5, |d| (d as f64 - 0.5) / 31.0)
}

/// The year for a date without one (`am 3. Februar`), or for a month
/// (`day` = None), nearest to the anchor on the side `dir` says.
pub fn missing_year(anchor: PartialDate, month: i8, day: Option<i8>, dir: Direction) -> i16 {
    let a = ordinal(
        anchor.year as i32,
        anchor.month.map_or(7, i32::from),
        if anchor.month.is_some() {
            anchor.day.map(i32::from)
        } else {
            None
        },
    );
    // for a month, "on or before" means the same month or earlier
    let at = |y: i32| {
        if day.is_none() {
            (y * 12 + month as i32 - 1) as f64 + 0.5
        } else {
            ordinal(y, month as i32, day.map(i32::from))
        }
    };
    let anchor_month_mid =
        (anchor.year as i32 * 12 + anchor.month.map_or(7, i32::from) - 1) as f64 + 0.5;
    let a_cmp = if day.is_none() { anchor_month_mid } else { a };
    let years = [
        anchor.year as i32 - 1,
        anchor.year as i32,
        anchor.year as i32 + 1,
    ];
    let pick = match dir {
        Direction::Past => years.iter().rev().find(|y| at(**y) <= a_cmp + 1e-9),
        Direction::Future => years.iter().find(|y| at(**y) >= a_cmp - 1e-9),
        Direction::Either => years
            .iter()
            .min_by(|x, y| (at(**x) - a).abs().total_cmp(&(at(**y) - a).abs())),
    };
    pick.copied().unwrap_or(anchor.year as i32) as i16
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn values_as_format_writes_them() {
        for y in [-12345, -2024, -5, 0, 7, 99, 2024, 12345] {
            for m in [-3i8, 0, 1, 12, 100] {
                assert_eq!(value(y, None, None), format!("{y:04}"));
                assert_eq!(value(y, Some(m), None), format!("{y:04}-{m:02}"));
                assert_eq!(
                    value(y, Some(m), Some(-m)),
                    format!("{y:04}-{m:02}-{:02}", -m)
                );
            }
        }
        let mut s = String::new();
        padded(&mut s, i32::MIN, 4);
        assert_eq!(s, format!("{:04}", i32::MIN));
    }

    #[test]
    fn weekday_sides() {
        let friday = date(2024, 11, 1);
        // Samstag after a Friday: next day when coming, 6 days back when past
        assert_eq!(
            weekday(friday, 6, Modifier::None, || Direction::Future).as_deref(),
            Some("2024-11-02")
        );
        assert_eq!(
            weekday(friday, 6, Modifier::None, || Direction::Past).as_deref(),
            Some("2024-10-26")
        );
        assert_eq!(
            weekday(friday, 6, Modifier::None, || Direction::Either).as_deref(),
            Some("2024-11-02")
        );
        // the anchor's own weekday is the anchor day …
        assert_eq!(
            weekday(friday, 5, Modifier::None, || Direction::Past).as_deref(),
            Some("2024-11-01")
        );
        // … unless vergangenen/kommenden says otherwise
        assert_eq!(
            weekday(friday, 5, Modifier::Last, || Direction::Either).as_deref(),
            Some("2024-10-25")
        );
        assert_eq!(
            weekday(friday, 5, Modifier::Next, || Direction::Either).as_deref(),
            Some("2024-11-08")
        );
        assert_eq!(
            weekday(friday, 2, Modifier::Next, || Direction::Past).as_deref(),
            Some("2024-11-05")
        );
    }

    #[test]
    fn missing_years_follow_the_spec() {
        let a = PartialDate::day(2024, 11, 30);
        assert_eq!(missing_year(a, 2, Some(3), Direction::Future), 2025);
        assert_eq!(missing_year(a, 2, Some(3), Direction::Past), 2024);
        // seit Mitte Dezember in an article of 2024-05-12
        let b = PartialDate::day(2024, 5, 12);
        assert_eq!(missing_year(b, 12, None, Direction::Past), 2023);
        assert_eq!(missing_year(b, 12, None, Direction::Either), 2023);
        assert_eq!(missing_year(b, 5, None, Direction::Past), 2024);
        assert_eq!(missing_year(b, 5, Some(20), Direction::Past), 2023);
    }

    #[test]
    fn ago_units() {
        let a = PartialDate::day(2024, 3, 10);
        assert_eq!(ago(a, 77, Unit::Year).as_deref(), Some("1947"));
        assert_eq!(ago(a, 4, Unit::Month).as_deref(), Some("2023-11"));
        assert_eq!(ago(a, 2, Unit::Week).as_deref(), Some("2024-02-25"));
    }
}
