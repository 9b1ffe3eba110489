//! Finding date expressions: every pattern of the SPEC's `dates.csv` table,
//! before any calendar resolution.
//!
//! The patterns are searched by hand, each exactly as its regex (kept in
//! the tests) found it: one pass finds the words most of them start from
//! ([`words`]: month stems, weekdays, `vor`), the month names are read once
//! for both month patterns ([`months`], [`day_month`]), years and seasons
//! start from the bytes `1` and `2` ([`numbers`]), numeric dates from
//! their dots ([`numeric_dates`]) and the relative day words from a lowered
//! copy ([`Folded`]). Each match is then checked in its context here.

use super::folded::Folded;
use super::numeric::numeric_dates;
use super::{attach, day_month, months, numbers, weekday, words};
use crate::lexicon::{
    self, COUNT_NOUNS, MONTH_CONTEXT, NUMBER_LABELS, NUMBER_WORDS, RELATIVE_DAYS,
};
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

/// `heute`, `gestern`, … in any case ([`Folded`]), and `vor`, where `vor 77
/// Jahren` starts: the search on the lowered copy finds it at little
/// extra cost, where a search of its own took a pass over the text. A `vor`
/// hides no relative word, nor one a `vor` (none starts with `o` or `r` or
/// holds a `vor` but `vorgestern`, which is preferred and needs no space
/// after its `vor`), so both find what they found alone.
static LOWERED: LazyLock<Folded> = LazyLock::new(|| Folded::new(lowered_words()));

/// The words of [`LOWERED`]: the relative days in their list's order, then
/// `vor`.
pub(super) fn lowered_words() -> impl Iterator<Item = &'static str> {
    RELATIVE_DAYS.iter().map(|(w, _)| *w).chain(["vor"])
}

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

    let hits = words::hits(body);
    let names = months::names(body, &hits);
    for c in day_month::day_months(body, &names) {
        let (month, d) = (c.month, &c.d);
        let first = c.d1.as_ref().unwrap_or(d);
        if matches!(prev_char(body, first.start), Some(ch) if ch.is_ascii_digit() || ch == '.') {
            continue;
        }
        let part = |r: &Range<usize>| body.get(r.clone()).unwrap_or_default();
        let year = c.y.as_ref().and_then(|y| year_of(part(y)));
        let day: i8 = part(d).parse().unwrap_or(0);
        if !valid_day(year, month, day) {
            continue;
        }
        if let Some(d1) = &c.d1 {
            // `10.-12. Mai`: the first day is a row of its own
            let day1: i8 = part(d1).parse().unwrap_or(0);
            if valid_day(year, month, day1) {
                push(
                    &mut out,
                    d1.start,
                    d1.end + 1,
                    What::Date {
                        year,
                        month,
                        day: day1,
                    },
                );
            }
        }
        push(
            &mut out,
            d.start,
            c.all.end,
            What::Date { year, month, day },
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

    for m in months::months(body, &names) {
        let (all, month) = (m.all.clone(), m.month);
        let year = m.year.and_then(|y| body.get(y)).and_then(year_of);
        if year.is_none() && !m.part {
            // a bare month name needs a temporal word before it, and
            // `August` before a capitalised word is a first name
            let before = word_before(body, all.start);
            let temporal = MONTH_CONTEXT.contains(before);
            let name_follows = word_after(body, all.end)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if !temporal || (body.get(m.mon) == Some("August") && name_follows) {
                continue;
            }
        }
        push(&mut out, all.start, all.end, What::Month { year, month });
    }

    let (years, seasons) = numbers::years_and_seasons(body);
    for c in seasons {
        let part = |r: Range<usize>| body.get(r).unwrap_or_default();
        let (b_len, all) = (c.b.len(), c.all.clone());
        let (Ok(first), Ok(second)) = (part(c.a).parse::<i16>(), part(c.b).parse::<i16>()) else {
            continue;
        };
        let second = if b_len == 2 {
            first - first % 100 + second
        } else {
            second
        };
        let second = if second < first { second + 100 } else { second };
        if second == first + 1 && !matches!(next_char(body, all.end), Some('/')) {
            push(&mut out, all.start, all.end, What::Season(first, second));
        }
    }

    for m in years {
        if is_year(body, m.start, m.end)
            && let Some(Ok(y)) = body.get(m.clone()).map(str::parse)
        {
            push(&mut out, m.start, m.end, What::Year(y));
        }
    }

    for w in weekday::weekdays(body, &hits) {
        let all = w.all;
        if matches!(prev_char(body, all.start), Some(ch) if ch.is_alphabetic()) {
            continue;
        }
        if matches!(next_char(body, all.end), Some(ch) if ch.is_alphabetic()) {
            continue; // `Sonntags`, `Samstagsspiel`
        }
        let modifier = match w.modifier.and_then(|m| body.get(m)) {
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
        push(
            &mut out,
            all.start,
            all.end,
            What::Weekday {
                weekday: w.weekday,
                modifier,
            },
        );
    }

    let mut vors = Vec::new();
    for (m, word) in LOWERED.find_iter(body) {
        if word == RELATIVE_DAYS.len() {
            vors.push(m.start);
            continue;
        }
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

    for c in numbers::agos(body, &vors) {
        let n = body.get(c.n).unwrap_or_default();
        let amount = n
            .parse()
            .ok()
            .or_else(|| lexicon::number_of(&NUMBER_WORDS, n));
        let Some(amount) = amount else { continue };
        let unit = match body.get(c.unit).unwrap_or_default() {
            u if u.starts_with("Jahr") => Unit::Year,
            u if u.starts_with("Monat") => Unit::Month,
            u if u.starts_with("Woche") => Unit::Week,
            _ => Unit::Day,
        };
        push(&mut out, c.all.start, c.all.end, What::Ago { amount, unit });
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
