//! `dates.csv` (SPEC "dates.csv"): calendar references normalised to ISO
//! 8601 at the precision the text gives.
//!
//! [`find`] spots the expressions (`7. September 2025`, `07.09.2025`,
//! `Ende Oktober`, `EM 2024`, `2015/16`, `vergangenen Dienstag`, `gestern`,
//! `vor 77 Jahren`, …); this module keeps the longest of overlapping ones
//! and [`resolve`] turns weekdays, relative words and dates without a year
//! into calendar dates against the article's anchor.

use super::{Context, Extractor, Row, TableSpec};
use crate::article::Article;
use crate::header::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

mod attach;
mod day_month;
mod find;
mod folded;
mod literals;
mod months;
mod numbers;
mod numeric;
mod resolve;
mod scan;
mod tense;
mod weekday;
mod words;

use find::{Found, What};
use resolve::{Anchor, Source};
use tense::Direction;

pub static SPEC: TableSpec = TableSpec {
    name: "dates",
    columns: &["value", "kind", "time", "anchor"],
    numeric: &[],
};

pub struct Dates;

impl Extractor for Dates {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, ctx: &Context<'_>) -> Vec<Row> {
        extract(ctx.article)
    }
}

/// A dateline that gives the publication date: `(APA, 7.5.2016)` (a place
/// of 2 to 40 letters, spaces, `/`, `.` or `-`), `Stand: 28.07.2024`, or
/// `11.11.2016 - 23.15 Uhr` on its own line.
///
/// The place is matched with `+` and its length checked by [`datelines`]:
/// `{2,40}` of a Unicode class made this the costliest regex to compile
/// (about 25 ms, more than all the others together). Both find the same:
/// the place must end where a run of its characters ends (the next
/// character is `,` or `;`), so a match with a longer or shorter place is
/// none at all, and nothing else can start inside it (it holds one `(`, no
/// `Stand:`, and its line has no room for a date with a time).
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"\((?P<place>[\p{L}/ .-]+)[,;]\s*(?P<a>\d{1,2}\.\d{1,2}\.\d{4})\)";
    Regex::new(&[place, DATELINE_OTHERS].concat()).expect("dateline pattern")
});

/// The datelines without a place in brackets.
const DATELINE_OTHERS: &str = concat!(
    r"|Stand:?\s(?P<b>\d{1,2}\.\d{1,2}\.\d{4})",
    r"|(?m:^\s*(?P<c>\d{1,2}\.\d{1,2}\.\d{4})\s*[-–,]?\s*\d{1,2}[.:]\d{2}\s*(?:Uhr)?\s*$)"
);

/// The publication date a dateline gives, for articles without one in the
/// header.
pub fn dateline(article: &Article) -> Option<PartialDate> {
    datelines(article.body()).find_map(|c| {
        let m = c.name("a").or(c.name("b")).or(c.name("c"))?;
        let mut parts = m.as_str().split('.').map(|p| p.parse::<i16>().ok());
        let (d, mo, y) = (parts.next()??, parts.next()??, parts.next()??);
        let date = PartialDate::day(y, mo as i8, d as i8);
        date.civil().map(|_| date)
    })
}

/// The matches of [`DATELINE`] whose place has 2 to 40 characters.
fn datelines(body: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    DATELINE.captures_iter(body).filter(|c| {
        c.name("place")
            .is_none_or(|p| (2..=40).contains(&p.as_str().chars().count()))
    })
}

/// The publication anchor: the header date, else a dateline when the header
/// does not give the day.
fn published(article: &Article) -> Option<PartialDate> {
    match article.header.published {
        Some(d) if d.day.is_some() => Some(d),
        header => dateline(article).or(header),
    }
}

fn kind(what: &What) -> &'static str {
    match what {
        What::Date { .. } => "date",
        What::Month { .. } => "month",
        What::Year(_) => "year",
        What::Season(..) => "season",
        What::Weekday { .. } => "weekday",
        What::Relative(_) | What::Ago { .. } => "relative",
    }
}

/// Keeps the longest of overlapping expressions (earliest first on ties).
fn longest_first(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        match kept.last() {
            Some(last) if f.start < last.end => {
                if f.end - f.start > last.end - last.start {
                    kept.pop();
                    kept.push(f);
                }
            }
            _ => kept.push(f),
        }
    }
    kept
}

/// All rows of `dates.csv` for one article.
pub fn extract(article: &Article) -> Vec<Row> {
    let text = &article.text;
    let found = longest_first(find::candidates(text, article.body_start()));
    let published = published(article);
    // full dates written in the text, the fallback anchors
    let full: Vec<(usize, PartialDate)> = found
        .iter()
        .filter_map(|f| match f.what {
            What::Date {
                year: Some(year),
                month,
                day,
            } => Some((f.start, PartialDate::day(year, month, day))),
            _ => None,
        })
        .collect();
    let anchor_at = |pos: usize, need_day: bool| -> Option<Anchor> {
        if let Some(p) = published.filter(|p| !need_day || p.day.is_some()) {
            return Some(Anchor {
                date: p,
                source: Source::Published,
            });
        }
        let before = full.partition_point(|(s, _)| *s < pos);
        before
            .checked_sub(1)
            .and_then(|i| full.get(i))
            .map(|(_, d)| Anchor {
                date: *d,
                source: Source::Text,
            })
    };
    let tenses = tense::Tenses::default();
    let mut rows: Vec<Row> = found
        .iter()
        .map(|f| {
            let sentence = article.sentence_range(f.start);
            let sentence_text = text.get(sentence.clone()).unwrap_or("");
            let dir = || {
                tenses.direction(
                    sentence_text,
                    sentence.start,
                    f.start.saturating_sub(sentence.start),
                )
            };
            let (value, anchor) = resolve_one(&f.what, f.start, &anchor_at, dir);
            Row::new(
                f.start,
                f.end,
                vec![
                    value,
                    kind(&f.what).to_string(),
                    f.time.clone().unwrap_or_default(),
                    anchor.to_string(),
                ],
            )
        })
        .collect();
    share_resolved_range_years(text, &found, &mut rows);
    rows
}

/// `vom 27. Juli bis 4. August`: when neither end has a year, the first
/// takes the year the second resolved to, so a range is never split
/// across years by the direction of its sentence.
fn share_resolved_range_years(text: &str, found: &[Found], rows: &mut [Row]) {
    for i in 1..found.len().min(rows.len()) {
        let (Some(f), Some(g)) = (found.get(i - 1), found.get(i)) else {
            continue;
        };
        let (m1, m2) = match (&f.what, &g.what) {
            (
                What::Date {
                    year: None,
                    month: a,
                    ..
                },
                What::Date {
                    year: None,
                    month: b,
                    ..
                },
            )
            | (
                What::Month {
                    year: None,
                    month: a,
                },
                What::Month {
                    year: None,
                    month: b,
                },
            ) => (*a, *b),
            _ => continue,
        };
        if !attach::range_link(text.get(f.end..g.start).unwrap_or("x")) {
            continue;
        }
        let Some(y2) = rows
            .get(i)
            .and_then(|r| r.values.first())
            .and_then(|v| v.get(..4))
            .and_then(|y| y.parse::<i16>().ok())
        else {
            continue;
        };
        let y1 = if m1 > m2 { y2 - 1 } else { y2 };
        let Some(value) = rows.get_mut(i - 1).and_then(|r| r.values.first_mut()) else {
            continue;
        };
        if let Some(rest) = value.get(4..) {
            *value = format!("{y1:04}{rest}");
        }
    }
}

/// `XXXX-09-07`, `XXXX-09`: a date or month whose year is unknown.
fn unknown_year(month: i8, day: Option<i8>) -> String {
    let mut v = resolve::value(0, Some(month), day);
    v.replace_range(..4, "XXXX");
    v
}

/// The ISO value of one expression and the name of the anchor used.
fn resolve_one(
    what: &What,
    pos: usize,
    anchor_at: &dyn Fn(usize, bool) -> Option<Anchor>,
    dir: impl Fn() -> Direction,
) -> (String, &'static str) {
    let with_day = || anchor_at(pos, true);
    match *what {
        What::Date {
            year: Some(y),
            month,
            day,
        } => (resolve::value(y.into(), Some(month), Some(day)), ""),
        What::Month {
            year: Some(y),
            month,
        } => (resolve::value(y.into(), Some(month), None), ""),
        What::Year(y) => (resolve::value(y.into(), None, None), ""),
        What::Season(a, b) => {
            let mut v = resolve::value(a.into(), None, None);
            v.push('/');
            resolve::padded(&mut v, b.into(), 4);
            (v, "")
        }
        What::Date {
            year: None,
            month,
            day,
        } => match anchor_at(pos, false) {
            Some(a) => {
                let y = resolve::missing_year(a.date, month, Some(day), dir());
                (
                    resolve::value(y.into(), Some(month), Some(day)),
                    a.source.name(),
                )
            }
            None => (unknown_year(month, Some(day)), "none"),
        },
        What::Month { year: None, month } => match anchor_at(pos, false) {
            Some(a) => {
                let y = resolve::missing_year(a.date, month, None, dir());
                (resolve::value(y.into(), Some(month), None), a.source.name())
            }
            None => (unknown_year(month, None), "none"),
        },
        What::Weekday { weekday, modifier } => {
            match with_day().and_then(|a| Some((a.date.civil()?, a.source))) {
                Some((d, source)) => (
                    resolve::weekday(d, weekday, modifier, &dir).unwrap_or_default(),
                    source.name(),
                ),
                None => (String::new(), "none"),
            }
        }
        What::Relative(days) => match with_day().and_then(|a| Some((a.date.civil()?, a.source))) {
            Some((d, source)) => (
                resolve::relative(d, days).unwrap_or_default(),
                source.name(),
            ),
            None => (String::new(), "none"),
        },
        What::Ago { amount, unit } => {
            let a = match unit {
                find::Unit::Year => anchor_at(pos, false),
                find::Unit::Month => anchor_at(pos, false).filter(|a| a.date.month.is_some()),
                _ => with_day(),
            };
            match a.and_then(|a| Some((resolve::ago(a.date, amount, unit)?, a.source))) {
                Some((v, source)) => (v, source.name()),
                None => (String::new(), "none"),
            }
        }
    }
}

#[cfg(test)]
mod tests;
