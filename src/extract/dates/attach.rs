//! Joining the date candidates: a weekday with the date right after it
//! (`Sonntag, 7. September`), a clock time after a date (`um 20.45 Uhr`),
//! and the year the first end of a range takes from the second (`vom 10.
//! Juni bis 10. Juli 2024`).

use super::find::{Found, What};
use regex::Regex;
use std::sync::LazyLock;

/// A clock time right after a date: ` um 20.45 Uhr`, ` (15.30 Uhr)`, `, 21 Uhr`.
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\s*[,(•\-–]\s*|\s+)(?:um\s|ab\s)?\s*(?P<h>\d{1,2})(?:[.:](?P<min>\d{2}))?\s?Uhr",
    )
    .expect("time pattern")
});

/// What may stand between a weekday and its date: `Sonntag, 7. September`,
/// `Sonntag (7. September 2025)`, `Sonntag, den 7.9.`.
static WEEKDAY_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,\s*(?:den\s)?|\s?\(\s?|\s)$").expect("link pattern"));

/// The clock time (`HH:MM`) right after `end`, and where it ends.
fn time_after(text: &str, end: usize) -> Option<(String, usize)> {
    let c = TIME_AFTER.captures(text.get(end..)?)?;
    let h: u32 = c.name("h")?.as_str().parse().ok()?;
    let m: u32 = c.name("min").map_or(Some(0), |m| m.as_str().parse().ok())?;
    (h < 24 && m < 60).then(|| {
        (
            format!("{h:02}:{m:02}"),
            end + c.get(0).map_or(0, |x| x.end()),
        )
    })
}

/// What joins the two ends of a range: `vom 10. Juni bis 10. Juli`.
pub static RANGE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:bis(?:\s+(?:zum|zur|Ende|Anfang|Mitte))?|-|–)\s*$").expect("range pattern")
});

/// `vom 10. Juni bis 10. Juli 2024`: the first end of a range takes the
/// year of the second.
pub(super) fn range_years(text: &str, found: &mut [Found]) {
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    for i in 0..found.len() {
        let (left, right) = found.split_at_mut(i + 1);
        let Some(f) = left.last_mut() else { continue };
        let Some(g) = right.iter().take(4).find(|g| g.start >= f.end) else {
            continue;
        };
        if !RANGE_LINK.is_match(text.get(f.end..g.start).unwrap_or("x")) {
            continue;
        }
        match (&mut f.what, &g.what) {
            (
                What::Date {
                    year: y1 @ None,
                    month: m1,
                    ..
                },
                What::Date {
                    year: Some(y2),
                    month: m2,
                    ..
                },
            )
            | (
                What::Month {
                    year: y1 @ None,
                    month: m1,
                },
                What::Month {
                    year: Some(y2),
                    month: m2,
                },
            ) => {
                *y1 = Some(if *m1 > *m2 { *y2 - 1 } else { *y2 });
            }
            _ => {}
        }
    }
}

/// Joins a weekday with a date that follows it (`Sonntag (7. September
/// 2025)`) into one row and attaches clock times.
pub(super) fn weekdays_and_times(text: &str, found: &mut Vec<Found>) {
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let mut f = f.clone();
        if let What::Weekday { .. } = f.what {
            // the date must follow within a few bytes: look at the next
            // candidates only, never the rest of the article
            let date = found.iter().skip(i + 1).take(4).find(|g| {
                g.start >= f.end && g.start <= f.end + 8 && matches!(g.what, What::Date { .. })
            });
            if let Some(g) = date {
                let between = text.get(f.end..g.start).unwrap_or("x");
                if WEEKDAY_LINK.is_match(between) {
                    let mut end = g.end;
                    let mut time = None;
                    if let Some((t, after)) = time_after(text, end) {
                        time = Some(t);
                        end = after;
                    }
                    if between.contains('(') {
                        // close the parenthesis the weekday opened
                        let rest = text.get(end..).unwrap_or("");
                        let trimmed = rest.trim_start();
                        if trimmed.starts_with(')') {
                            end += rest.len() - trimmed.len() + 1;
                        } else if time.is_some() {
                            end = g.end;
                            time = None;
                        }
                    }
                    f = Found {
                        start: f.start,
                        end,
                        what: g.what.clone(),
                        time,
                    };
                }
            }
        }
        if f.time.is_none() && matches!(f.what, What::Date { .. } | What::Weekday { .. }) {
            f.time = time_after(text, f.end).map(|(t, _)| t);
        }
        merged.push(f);
    }
    *found = merged;
}
