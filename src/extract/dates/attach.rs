//! Joining the date candidates: a weekday with the date right after it
//! (`Sonntag, 7. September`), a clock time after a date (`um 20.45 Uhr`),
//! and the year the first end of a range takes from the second (`vom 10.
//! Juni bis 10. Juli 2024`).

use super::find::{Found, What};
use super::scan::space_at;
use regex::Regex;
use std::sync::LazyLock;

/// What may stand between a weekday and its date: `Sonntag, 7. September`,
/// `Sonntag (7. September 2025)`, `Sonntag, den 7.9.`.
static WEEKDAY_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,\s*(?:den\s)?|\s?\(\s?|\s)$").expect("link pattern"));

/// The clock time (`HH:MM`) right after `end`, and where it ends: a match
/// of the regex `TIME_AFTER` (kept in the tests), `^(?:\s*[,(•\-–]\s*|\s+)(?:um\s|ab\s)?
/// \s*(?P<h>\d{1,2})(?:[.:](?P<min>\d{2}))?\s?Uhr`, read by hand (a regex
/// search with captures cost about a thousand instructions, and every date
/// and weekday asks).
///
/// The regex never has a choice to regret: a space run is followed by
/// what comes after it or by nothing, so each greedy part takes all it
/// can and the match either goes on from there or fails. Digits are ASCII
/// here; a `\d` outside ASCII (`٣`) made the regex match and the number
/// then failed to parse, so both give no time.
fn time_after(text: &str, end: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    text.get(end..)?;
    // `\s*[,(•\-–]\s*` or `\s+`
    let spaced = spaces(text, end);
    let mut at = match punct_at(bytes, spaced) {
        Some(len) => spaces(text, spaced + len),
        None if spaced > end => spaced,
        None => return None,
    };
    // `(?:um\s|ab\s)?\s*`
    if matches!(bytes.get(at..at + 2), Some(b"um" | b"ab"))
        && let Some(len) = space_at(text, at + 2)
    {
        at += 2 + len;
    }
    at = spaces(text, at);
    // `\d{1,2}`, then `(?:[.:]\d{2})?`
    let (h, h_end) = number(bytes, at, 2)?;
    let (m, m_end) = match bytes.get(h_end) {
        Some(b'.' | b':') => number(bytes, h_end + 1, 2)
            .filter(|&(_, e)| e == h_end + 3)
            .unwrap_or((0, h_end)),
        _ => (0, h_end),
    };
    // `\s?Uhr`
    let uhr = m_end + space_at(text, m_end).unwrap_or(0);
    if bytes.get(uhr..uhr + 3) != Some(b"Uhr") || h >= 24 || m >= 60 {
        return None;
    }
    let mut time = String::with_capacity(5);
    for n in [h, m] {
        if !time.is_empty() {
            time.push(':');
        }
        time.push(char::from(b'0' + (n / 10) as u8));
        time.push(char::from(b'0' + (n % 10) as u8));
    }
    Some((time, uhr + 3))
}

/// The end of the run of `\s` characters from `at`.
fn spaces(text: &str, mut at: usize) -> usize {
    while let Some(len) = space_at(text, at) {
        at += len;
    }
    at
}

/// The length of `,`, `(`, `•`, `-` or `–` at `at`.
fn punct_at(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at..)? {
        [b',' | b'(' | b'-', ..] => Some(1),
        [0xE2, 0x80, 0xA2 | 0x93, ..] => Some(3),
        _ => None,
    }
}

/// Up to `most` ASCII digits from `at` (at least one) as a number, and
/// where they end.
fn number(bytes: &[u8], at: usize, most: usize) -> Option<(u32, usize)> {
    let digits = bytes
        .get(at..)?
        .iter()
        .take(most)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let n = bytes
        .get(at..at + digits)?
        .iter()
        .fold(0, |n, &b| n * 10 + u32::from(b - b'0'));
    (digits > 0).then_some((n, at + digits))
}

/// What joins the two ends of a range: `vom 10. Juni bis 10. Juli`.
static RANGE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:bis(?:\s+(?:zum|zur|Ende|Anfang|Mitte))?|-|–)\s*$").expect("range pattern")
});

/// Whether `between` joins the two ends of a range ([`RANGE_LINK`]). Most
/// texts between two dates are no link, and their first character after
/// the spaces tells (it must start `bis`, `-` or `–`); only the others are
/// asked of the regex.
pub fn range_link(between: &str) -> bool {
    let rest = between.trim_start();
    (rest.starts_with("bis") || rest.starts_with(['-', '–'])) && RANGE_LINK.is_match(between)
}

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
        if !range_link(text.get(f.end..g.start).unwrap_or("x")) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A clock time right after a date: ` um 20.45 Uhr`, ` (15.30 Uhr)`,
    /// `, 21 Uhr`; the pattern as it was.
    pub static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\s*[,(•\-–]\s*|\s+)(?:um\s|ab\s)?\s*(?P<h>\d{1,2})(?:[.:](?P<min>\d{2}))?\s?Uhr",
        )
        .expect("time pattern")
    });

    fn reference(text: &str, end: usize) -> Option<(String, usize)> {
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

    #[test]
    fn clock_times() {
        for (t, want) in [
            ("x um 20.45 Uhr", Some("20:45")),
            ("x (15:30 Uhr)", Some("15:30")),
            ("x, 21 Uhr", Some("21:00")),
            ("x ab\u{a0} 9Uhr", Some("09:00")),
            ("x – 24 Uhr", None),
            ("x 1٣ Uhr", None),
            ("x • 7.5 Uhr", None),
            ("x,um 7 Uhr", Some("07:00")),
            ("x um7 Uhr", None),
        ] {
            assert_eq!(time_after(t, 1), reference(t, 1), "{t}");
            assert_eq!(time_after(t, 1).map(|t| t.0).as_deref(), want, "{t}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn same_times_as_the_pattern(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "  ", "\u{a0}", "\n", ",", "(", "•", "-", "–", "um", "ab", "um ", "a",
                "1", "2", "20", "9", "45", "٣", ".", ":", "Uhr", "Uh", "x", "ä",
            ]), 0..12),
            end in 0usize..4,
        ) {
            let text: String = v.concat();
            prop_assert_eq!(time_after(&text, end), reference(&text, end), "{:?} {}", text, end);
        }

        #[test]
        fn range_links_as_the_pattern(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\u{a0}", "\n", "bis", "zum", "Ende", "-", "–", "x", "b",
            ]), 0..6),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(range_link(&text), RANGE_LINK.is_match(&text), "{:?}", text);
        }
    }
}
