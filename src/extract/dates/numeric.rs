//! Numeric dates as written: `07.09.2025`, `7.9.25`, `7.9.`, the matches
//! of `(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?` (leftmost first, none
//! overlapping), with ASCII digits.
//!
//! Found from the dots (`memchr`): every match has a dot one or two bytes
//! after its start. The regex had no literal to start from and ran its
//! reverse-and-forward search at every dot of the text.

use std::ops::Range;

/// One match: the whole date, the day, the month and the year as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeric {
    pub all: Range<usize>,
    pub day: Range<usize>,
    pub month: Range<usize>,
    pub year: Option<Range<usize>>,
}

/// Every numeric date of `text`.
pub fn numeric_dates(text: &str) -> Vec<Numeric> {
    let bytes = text.as_bytes();
    let mut out: Vec<Numeric> = Vec::new();
    for dot in memchr::memchr_iter(b'.', bytes) {
        let free = out.last().map_or(0, |m| m.all.end);
        // the day's digits end at this dot: two of them, else one (the
        // rest of a match does not depend on which)
        let day = [2, 1]
            .into_iter()
            .filter_map(|n| dot.checked_sub(n).map(|s| s..dot))
            .find(|d| d.start >= free && digits(bytes, d.clone()));
        if let Some(day) = day
            && let Some(m) = rest(bytes, day)
        {
            out.push(m);
        }
    }
    out
}

/// The match whose day is `day` (its dot follows), if the month and its
/// dot follow.
fn rest(bytes: &[u8], day: Range<usize>) -> Option<Numeric> {
    let from = day.end + 1;
    let month = [2, 1]
        .into_iter()
        .map(|n| from..from + n)
        .find(|m| digits(bytes, m.clone()) && bytes.get(m.end) == Some(&b'.'))?;
    let after = month.end + 1;
    let year = [4, 2]
        .into_iter()
        .map(|n| after..after + n)
        .find(|y| digits(bytes, y.clone()));
    let end = year.as_ref().map_or(after, |y| y.end);
    Some(Numeric {
        all: day.start..end,
        day,
        month,
        year,
    })
}

/// `bytes[range]` exists and is all ASCII digits.
fn digits(bytes: &[u8], range: Range<usize>) -> bool {
    bytes
        .get(range)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    fn reference(text: &str) -> Vec<Numeric> {
        let re = Regex::new(r"(?-u:(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?)").expect("pattern");
        re.captures_iter(text)
            .filter_map(|c| {
                Some(Numeric {
                    all: c.get(0)?.range(),
                    day: c.get(1)?.range(),
                    month: c.get(2)?.range(),
                    year: c.get(3).map(|y| y.range()),
                })
            })
            .collect()
    }

    #[test]
    fn dates_and_their_parts() {
        let text = "Am 07.09.2025, am 7.9.25 und am 7.9. um 123.4.5 Uhr; 1.2.3.4.2024";
        let got: Vec<&str> = numeric_dates(text)
            .into_iter()
            .map(|m| &text[m.all])
            .collect();
        assert_eq!(
            got,
            ["07.09.2025", "7.9.25", "7.9.", "23.4.", "1.2.", "3.4.2024"]
        );
        let first = &numeric_dates(text)[0];
        assert_eq!(
            (&text[first.day.clone()], &text[first.month.clone()]),
            ("07", "09")
        );
        assert_eq!(numeric_dates(text), reference(text));
        assert!(numeric_dates("").is_empty() && numeric_dates("...").is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn same_matches_as_the_pattern(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "1", "2", "0", "9", "12", "2025", ".", ".", "..", " ", "a", "ä", "٣", ":",
            ]), 0..30),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(numeric_dates(&text), reference(&text), "{:?}", text);
        }
    }
}
