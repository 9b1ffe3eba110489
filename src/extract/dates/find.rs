//! Finding date expressions: every pattern of the SPEC's `dates.csv` table,
//! before any calendar resolution.

use super::attach;
use super::folded::Folded;
use super::numeric::numeric_dates;
use crate::lexicon::{
    self, COUNT_NOUNS, MONTH_CONTEXT, MONTHS, NUMBER_LABELS, NUMBER_WORDS, RELATIVE_DAYS, WEEKDAYS,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A date expression as written, not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// Day and month, maybe a year and a weekday.
    Date {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    /// A month, maybe with a year (`März 2010`, `Ende Oktober`).
    Month {
        year: Option<i16>,
        month: i8,
    },
    Year(i16),
    /// `2015/16` → (2015, 2016).
    Season(i16, i16),
    /// A weekday (ISO number) with its modifier, if any.
    Weekday {
        weekday: i8,
        modifier: Modifier,
    },
    /// `heute`, `gestern`, … as a day offset.
    Relative(i32),
    /// `vor 77 Jahren`: an amount of a unit before the anchor.
    Ago {
        amount: i32,
        unit: Unit,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    None,
    /// `vergangenen`, `letzten`, `vorigen`
    Last,
    /// `kommenden`, `nächsten`
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Year,
    Month,
    Week,
    Day,
}

/// One found expression: its byte span, what it says and an attached time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub what: What,
    /// `HH:MM` of an attached clock time.
    pub time: Option<String>,
}

fn months_full() -> String {
    lexicon::alternation(MONTHS.iter().map(|(w, _)| *w).filter(|w| !w.ends_with('.')))
}

pub(super) fn months_any() -> String {
    format!(
        r"(?:{})(?-u:\b)|(?:{})",
        months_full(),
        lexicon::alternation(MONTHS.iter().map(|(w, _)| *w).filter(|w| w.ends_with('.')))
    )
}

fn weekdays() -> String {
    lexicon::alternation(WEEKDAYS.iter().map(|(w, _)| *w))
}

/// `März 2010`, `Ende Oktober`, `im September`.
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<part>Anfang|Mitte|Ende)\s)?(?P<mon>{})(?-u:\b)(?:\s(?P<y>\d{{4}})(?-u:\b))?",
        months_full()
    ))
    .expect("month pattern")
});

static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<a>(?:19|20)\d{2})/(?P<b>\d{4}|\d{2})(?-u:\b)").expect("season pattern")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:1[89]\d{2}|20\d{2})(?-u:\b)").expect("year pattern"));

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<mod>vergangenen|vergangene|letzten|letzte|vorigen|vorige|kommenden|kommende|nächsten|nächste)\s)?(?P<wd>{})(?:abend|morgen|mittag|nachmittag|vormittag|nacht)?",
        weekdays()
    ))
    .expect("weekday pattern")
});

/// `heute`, `gestern`, … in any case ([`Folded`]).
static RELATIVE: LazyLock<Folded> =
    LazyLock::new(|| Folded::new(RELATIVE_DAYS.iter().map(|(w, _)| *w)));

static AGO: LazyLock<Regex> = LazyLock::new(|| {
    let numbers = lexicon::alternation(NUMBER_WORDS.iter().map(|(w, _)| *w));
    Regex::new(&format!(
        r"(?-u:\b)[Vv]or\s(?P<n>\d{{1,3}}|{numbers})\s(?P<unit>Jahren|Jahr|Monaten|Monat|Wochen|Woche|Tagen|Tag)(?-u:\b)"
    ))
    .expect("ago pattern")
});

/// `text[start..end]` is not part of a longer word.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    !prev_char(text, start).is_some_and(word) && !next_char(text, end).is_some_and(word)
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

fn next_char(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// The word right before `pos` (letters only).
fn word_before(text: &str, pos: usize) -> &str {
    let head = text.get(..pos).unwrap_or("").trim_end();
    let start = head
        .rfind(|c: char| !c.is_alphabetic() && c != '.')
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    &head[start..]
}

/// The word right after `pos`.
fn word_after(text: &str, pos: usize) -> &str {
    let tail = text.get(pos..).unwrap_or("").trim_start();
    let end = tail
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | ':'))
        .unwrap_or(tail.len());
    tail[..end].trim_end_matches('.')
}

fn valid_day(year: Option<i16>, month: i8, day: i8) -> bool {
    let y = year.unwrap_or(2024); // a leap year: 29. Februar is a date
    (1..=12).contains(&month) && jiff::civil::Date::new(y, month, day).is_ok()
}

fn year_of(s: &str) -> Option<i16> {
    let y: i16 = s.parse().ok()?;
    Some(if s.len() == 2 { 2000 + y } else { y })
}

/// Every date expression in `text[from..]`, before overlap resolution.
pub fn candidates(text: &str, from: usize) -> Vec<Found> {
    let body = text.get(from..).unwrap_or("");
    let mut out = Vec::new();
    let push = |out: &mut Vec<Found>, start: usize, end: usize, what: What| {
        out.push(Found {
            start: from + start,
            end: from + end,
            what,
            time: None,
        })
    };

    for c in super::day_month::day_months(body) {
        let (all, d, mon) = (c.all, c.d, c.mon);
        let first = c.d1.unwrap_or(d);
        if matches!(prev_char(body, first.start()), Some(ch) if ch.is_ascii_digit() || ch == '.') {
            continue;
        }
        let Some(month) = lexicon::number_of(&MONTHS, mon.as_str()) else {
            continue;
        };
        let year = c.y.and_then(|y| year_of(y.as_str()));
        let day: i8 = d.as_str().parse().unwrap_or(0);
        if !valid_day(year, month as i8, day) {
            continue;
        }
        if let Some(d1) = c.d1 {
            // `10.-12. Mai`: the first day is a row of its own
            let day1: i8 = d1.as_str().parse().unwrap_or(0);
            if valid_day(year, month as i8, day1) {
                push(
                    &mut out,
                    d1.start(),
                    d1.end() + 1,
                    What::Date {
                        year,
                        month: month as i8,
                        day: day1,
                    },
                );
            }
        }
        push(
            &mut out,
            d.start(),
            all.end,
            What::Date {
                year,
                month: month as i8,
                day,
            },
        );
    }

    for c in numeric_dates(body) {
        let all = c.all;
        if matches!(prev_char(body, all.start), Some(ch) if ch.is_ascii_digit() || ch == '.' || ch == ',' || ch == ':')
        {
            continue;
        }
        if matches!(next_char(body, all.end), Some(ch) if ch.is_ascii_digit()) {
            continue;
        }
        if word_after(body, all.end) == "Uhr" {
            continue;
        }
        let part = |r: Range<usize>| body.get(r).unwrap_or_default();
        let year = c.year.and_then(|y| year_of(part(y)));
        let (Ok(day), Ok(month)) = (part(c.day).parse::<i8>(), part(c.month).parse::<i8>()) else {
            continue;
        };
        if !valid_day(year, month, day) {
            continue;
        }
        push(
            &mut out,
            all.start,
            all.end,
            What::Date { year, month, day },
        );
    }

    for c in MONTH.captures_iter(body) {
        let (Some(all), Some(mon)) = (c.get(0), c.name("mon")) else {
            continue;
        };
        let Some(month) = lexicon::number_of(&MONTHS, mon.as_str()) else {
            continue;
        };
        let year = c.name("y").and_then(|y| year_of(y.as_str()));
        if year.is_none() && c.name("part").is_none() {
            // a bare month name needs a temporal word before it, and
            // `August` before a capitalised word is a first name
            let before = word_before(body, all.start());
            let temporal = MONTH_CONTEXT.contains(before);
            let name_follows = word_after(body, all.end())
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if !temporal || (mon.as_str() == "August" && name_follows) {
                continue;
            }
        }
        push(
            &mut out,
            all.start(),
            all.end(),
            What::Month {
                year,
                month: month as i8,
            },
        );
    }

    for c in SEASON.captures_iter(body) {
        let (Some(all), Some(a), Some(b)) = (c.get(0), c.name("a"), c.name("b")) else {
            continue;
        };
        let (Ok(first), Ok(second)) = (a.as_str().parse::<i16>(), b.as_str().parse::<i16>()) else {
            continue;
        };
        let second = if b.as_str().len() == 2 {
            first - first % 100 + second
        } else {
            second
        };
        let second = if second < first { second + 100 } else { second };
        if second == first + 1 && !matches!(next_char(body, all.end()), Some('/')) {
            push(
                &mut out,
                all.start(),
                all.end(),
                What::Season(first, second),
            );
        }
    }

    for m in YEAR.find_iter(body) {
        if is_year(body, m.start(), m.end())
            && let Ok(y) = m.as_str().parse()
        {
            push(&mut out, m.start(), m.end(), What::Year(y));
        }
    }

    for c in WEEKDAY.captures_iter(body) {
        let (Some(all), Some(wd)) = (c.get(0), c.name("wd")) else {
            continue;
        };
        if matches!(prev_char(body, all.start()), Some(ch) if ch.is_alphabetic()) {
            continue;
        }
        if matches!(next_char(body, all.end()), Some(ch) if ch.is_alphabetic()) {
            continue; // `Sonntags`, `Samstagsspiel`
        }
        let modifier = match c.name("mod").map(|m| m.as_str()) {
            Some(m)
                if m.starts_with("vergangen")
                    || m.starts_with("letzt")
                    || m.starts_with("vorig") =>
            {
                Modifier::Last
            }
            Some(_) => Modifier::Next,
            None => Modifier::None,
        };
        let Some(weekday) = lexicon::number_of(&WEEKDAYS, wd.as_str()) else {
            continue;
        };
        push(
            &mut out,
            all.start(),
            all.end(),
            What::Weekday {
                weekday: weekday as i8,
                modifier,
            },
        );
    }

    for m in RELATIVE.find_iter(body) {
        // a whole word only
        if !whole_word(body, m.start, m.end) {
            continue;
        }
        let word = body.get(m.clone()).unwrap_or_default();
        let lower = word.to_lowercase();
        let Some(days) = lexicon::number_of(&RELATIVE_DAYS, &lower) else {
            continue;
        };
        if word != lower {
            // capitalised: a noun (`am Morgen`) unless it opens a sentence
            let before = body
                .get(..m.start)
                .unwrap_or("")
                .trim_end_matches([' ', '\t']);
            let opens = before.trim_end().is_empty()
                || before.ends_with(['.', '!', '?', ':', '„', '"', '\n', '»', '«', '(']);
            if !opens {
                continue;
            }
        }
        if matches!(next_char(body, m.end), Some('-')) {
            continue;
        }
        push(&mut out, m.start, m.end, What::Relative(days));
    }

    for c in AGO.captures_iter(body) {
        let (Some(all), Some(n), Some(unit)) = (c.get(0), c.name("n"), c.name("unit")) else {
            continue;
        };
        let amount = n
            .as_str()
            .parse()
            .ok()
            .or_else(|| lexicon::number_of(&NUMBER_WORDS, n.as_str()));
        let Some(amount) = amount else { continue };
        let unit = match unit.as_str() {
            u if u.starts_with("Jahr") => Unit::Year,
            u if u.starts_with("Monat") => Unit::Month,
            u if u.starts_with("Woche") => Unit::Week,
            _ => Unit::Day,
        };
        push(&mut out, all.start(), all.end(), What::Ago { amount, unit });
    }

    attach::weekdays_and_times(text, &mut out);
    attach::range_years(text, &mut out);
    out
}

/// A four-digit number in a year context: not part of a larger number, not
/// a count (`2000 Zuschauer`), not a clock time, not a number label.
fn is_year(text: &str, start: usize, end: usize) -> bool {
    if matches!(prev_char(text, start), Some(c) if c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '+' | '-'))
    {
        // `4.2000`, `1:2000`, `2014/15`; a hyphen before a year is fine only
        // in compounds like `WM-2006`
        let compound = prev_char(text, start) == Some('-')
            && text
                .get(..start.saturating_sub(1))
                .and_then(|s| s.chars().next_back())
                .is_some_and(char::is_alphabetic);
        if !compound {
            return false;
        }
    }
    let rest = text.get(end..).unwrap_or("");
    let digit_after = |sep: char| {
        rest.strip_prefix(sep)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    };
    if matches!(next_char(text, end), Some(c) if c.is_ascii_digit() || matches!(c, ':' | '/'))
        || digit_after('.')
        || digit_after(',')
    {
        return false;
    }
    // `Zuschauer: 2000`
    if let Some(label) = text.get(..start).unwrap_or("").trim_end().strip_suffix(':')
        && COUNT_NOUNS.contains(word_before(label, label.len()))
    {
        return false;
    }
    let after = word_after(text, end);
    if COUNT_NOUNS.contains(after) || after == "Uhr" {
        return false;
    }
    let before = word_before(text, start);
    !NUMBER_LABELS.contains(before)
}
