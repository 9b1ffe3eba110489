//! The header's two patterns, read by hand: a field key and a date value.
//!
//! A header is a few short lines, but each article has one, and a regex
//! search with captures costs a few thousand instructions however short its
//! text: the two patterns took about 2% of a run on news articles. These
//! functions give exactly the patterns' matches (property tests below
//! compare them with the patterns); a date value that does not start with
//! ASCII goes to its pattern, whose `\d` also takes other digits.

use regex::Regex;
use std::sync::LazyLock;

/// The keys, in the pattern's order.
const KEYS: [&str; 7] = [
    "date",
    "datum",
    "published",
    "title",
    "titel",
    "url",
    "source",
];

/// `(?i)^[ \t]*(KEYS)(?:[ \t]*:[ \t]*|[ \t]+)`: the key as written and the
/// offset where the value starts.
pub fn field(line: &str) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    let start = blanks(bytes, 0);
    let rest = line.get(start..)?;
    let len = KEYS.iter().find_map(|k| key_len(rest, k))?;
    let key_end = start + len;
    let gap = blanks(bytes, key_end);
    let value = if bytes.get(gap) == Some(&b':') {
        blanks(bytes, gap + 1)
    } else if gap > key_end {
        gap
    } else {
        return None;
    };
    Some((line.get(start..key_end)?, value))
}

/// The end of the spaces and tabs from `i`.
fn blanks(bytes: &[u8], i: usize) -> usize {
    i + bytes.get(i..).map_or(0, |r| {
        r.iter().take_while(|&&b| b == b' ' || b == b'\t').count()
    })
}

/// The length of `key` at the start of `text`, in any case. Besides the
/// ASCII letters, Unicode's case folding matches only the long `ſ` with a
/// letter of the keys (`s`).
fn key_len(text: &str, key: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for want in key.chars() {
        let (_, c) = chars.next()?;
        if c.to_ascii_lowercase() != want && !(want == 's' && c == 'ſ') {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

/// The groups of a date value: `2024`, `2024-05`, `2024-05-12` (year,
/// month, day), `12.05.2024` (day, month, year), and the end of the match (an attached clock time
/// included).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DateParts<'v> {
    pub groups: [Option<&'v str>; 6],
    pub end: usize,
}

/// The header date pattern.
static DATE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?|(\d{1,2})\.(\d{1,2})\.(\d{4}))(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?")
        .expect("header date pattern")
});

/// The match of [`DATE_VALUE`] in `value`.
pub fn date_value(value: &str) -> Option<DateParts<'_>> {
    let bytes = value.as_bytes();
    // the date and a clock time span at most 19 bytes: in ASCII, every
    // `\d` of the pattern reads an ASCII byte
    if !bytes.iter().take(20).all(u8::is_ascii) {
        return by_pattern(value);
    }
    let digits = |at: usize, n: usize| {
        bytes
            .get(at..at + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            .then(|| at + n)
    };
    // one or two digits at `at` followed by `sep`: the end of the digits
    let one_or_two = |at: usize, sep: u8| {
        [2, 1]
            .into_iter()
            .find_map(|n| digits(at, n).filter(|&e| bytes.get(e) == Some(&sep)))
    };
    let part = |a: usize, b: usize| value.get(a..b);
    let mut groups = [None; 6];
    let mut end;
    if let Some(y) = digits(0, 4) {
        groups[0] = part(0, y);
        end = y;
        // `-` and one or two digits, greedy
        let dash = |at: usize| {
            (bytes.get(at) == Some(&b'-'))
                .then(|| digits(at + 1, 2).or_else(|| digits(at + 1, 1)))
                .flatten()
        };
        if let Some(m) = dash(end) {
            groups[1] = part(end + 1, m);
            end = m;
            if let Some(d) = dash(end) {
                groups[2] = part(end + 1, d);
                end = d;
            }
        }
    } else {
        let d = one_or_two(0, b'.')?;
        let m = one_or_two(d + 1, b'.')?;
        let y = digits(m + 1, 4)?;
        groups[3] = part(0, d);
        groups[4] = part(d + 1, m);
        groups[5] = part(m + 1, y);
        end = y;
    }
    // `[T ]\d{1,2}:\d{2}(?::\d{2})?\S*`
    if matches!(bytes.get(end), Some(b'T' | b' '))
        && let Some(h) = one_or_two(end + 1, b':')
        && let Some(mut t) = digits(h + 1, 2)
    {
        if bytes.get(t) == Some(&b':')
            && let Some(s) = digits(t + 1, 2)
        {
            t = s;
        }
        let tail = value.get(t..).unwrap_or_default();
        end = t + tail
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(tail.len(), |(i, _)| i);
    }
    Some(DateParts { groups, end })
}

fn by_pattern(value: &str) -> Option<DateParts<'_>> {
    let c = DATE_VALUE.captures(value)?;
    let mut groups = [None; 6];
    for (i, g) in groups.iter_mut().enumerate() {
        *g = c.get(i + 1).map(|m| m.as_str());
    }
    Some(DateParts {
        groups,
        end: c.get(0).map_or(0, |m| m.end()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^[ \t]*(date|datum|published|title|titel|url|source)(?:[ \t]*:[ \t]*|[ \t]+)",
        )
        .expect("header pattern")
    });

    fn field_by_pattern(line: &str) -> Option<(&str, usize)> {
        let c = FIELD.captures(line)?;
        Some((c.get(1)?.as_str(), c.get(0)?.end()))
    }

    #[test]
    fn only_the_long_s_folds_onto_a_key_letter() {
        for letter in KEYS.concat().chars() {
            let re = Regex::new(&format!("(?i)^{letter}$")).expect("letter");
            for c in (0..0x3000).filter_map(char::from_u32) {
                let folds = c.to_ascii_lowercase() == letter || (letter == 's' && c == 'ſ');
                assert_eq!(re.is_match(&c.to_string()), folds, "{letter} {c:?}");
            }
        }
    }

    #[test]
    fn fields_and_dates() {
        assert_eq!(field("date: 2024-05-12"), Some(("date", 6)));
        assert_eq!(field(" \tTITEL \t: x"), Some(("TITEL", 11)));
        assert_eq!(field("Datum 7.9.2025"), Some(("Datum", 6)));
        assert_eq!(field("ſource x"), Some(("ſource", 8)));
        assert_eq!(field("dates: x"), None);
        assert_eq!(field("date"), None);
        let d = date_value("2024-05-12T10:30:00Z rest").expect("date");
        assert_eq!(
            d.groups,
            [Some("2024"), Some("05"), Some("12"), None, None, None]
        );
        assert_eq!(d.end, 20);
        let d = date_value("7.9.2025 Text").expect("date");
        assert_eq!(
            d.groups,
            [None, None, None, Some("7"), Some("9"), Some("2025")]
        );
        assert_eq!(date_value("x"), None);
        assert_eq!(date_value("٢٠٢٤"), by_pattern("٢٠٢٤"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn fields_as_the_pattern(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "date", "DATUM", "Published", "titel", "title", "url", "ſource", "s", " ", "\t",
                ":", "x", "ä", "2024",
            ]), 0..8),
        ) {
            let line: String = v.concat();
            prop_assert_eq!(field(&line), field_by_pattern(&line), "{:?}", line);
        }

        #[test]
        fn dates_as_the_pattern(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "2", "0", "12", "2024", "-", ".", ":", "T", " ", "Z", "ä", "\u{a0}", "٣", "x",
            ]), 0..14),
        ) {
            let value: String = v.concat();
            prop_assert_eq!(date_value(&value), by_pattern(&value), "{:?}", value);
        }
    }
}
