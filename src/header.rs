//! The metadata header at the top of an article (SPEC "Input").
//!
//! Fields `date`, `datum`, `published`, `title`, `titel`, `url`, `source`
//! as `key value` or `key: value`, case-insensitive, one per line, at the very
//! start of the file. A `date` field may be followed by the article on the
//! same line (` date 2020-11 In seinem zweiten Jahr …`). Header fields are
//! not article text: extraction starts at [`Header::body_start`].

mod scan;

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl PartialDate {
    pub fn day(year: i16, month: i8, day: i8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// ISO 8601 at the precision known: `2020`, `2020-11`, `2020-11-03`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// The full date, when the day is known and the date exists.
    pub fn civil(&self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month?, self.day?).ok()
    }
}

/// What the header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub published: Option<PartialDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Byte offset where the article text begins.
    pub body_start: usize,
}

/// Parses a header date value (`2024`, `2024-05`, `2024-05-12`, `12.05.2024`).
pub fn parse_date(value: &str) -> Option<(PartialDate, usize)> {
    let c = scan::date_value(value)?;
    let num = |i: usize| {
        c.groups
            .get(i)
            .copied()
            .flatten()
            .and_then(|m| m.parse::<i16>().ok())
    };
    let date = if let Some(year) = num(0) {
        PartialDate {
            year,
            month: num(1).map(|m| m as i8),
            day: num(2).map(|d| d as i8),
        }
    } else {
        PartialDate::day(num(5)?, num(4)? as i8, num(3)? as i8)
    };
    let valid_month = date.month.is_none_or(|m| (1..=12).contains(&m));
    let valid_day = date.day.is_none() || date.civil().is_some();
    if !(valid_month && valid_day && (1000..=2999).contains(&date.year)) {
        return None;
    }
    let end = c.end;
    // the value must end at a word boundary
    match value[end..].chars().next() {
        Some(ch) if ch.is_alphanumeric() => None,
        _ => Some((date, end)),
    }
}

/// Reads the header fields at the start of `text`.
pub fn parse(text: &str) -> Header {
    let mut header = Header::default();
    let mut pos = 0;
    // blank lines before the first field
    while let Some(rest) = text.get(pos..) {
        let line_len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        if rest[..line_len].trim().is_empty() && line_len > 0 && rest.len() > line_len {
            pos += line_len;
        } else {
            break;
        }
    }
    let mut found_any = false;
    loop {
        let rest = &text[pos..];
        let line_end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        let line = &rest[..line_end];
        let Some((key, value_start)) = scan::field(line) else {
            break;
        };
        let key = key.to_ascii_lowercase();
        let value = &line[value_start..];
        if matches!(key.as_str(), "date" | "datum" | "published") {
            let Some((date, len)) = parse_date(value) else {
                break;
            };
            header.published = Some(date);
            found_any = true;
            let after = &value[len..];
            if !after.trim().is_empty() {
                // inline form: the article follows on the same line
                let skip = after.len() - after.trim_start().len();
                pos += value_start + len + skip;
                break;
            }
        } else {
            let v = value.trim();
            if v.is_empty() {
                break;
            }
            found_any = true;
            let v = Some(v.to_string());
            match key.as_str() {
                "title" | "titel" => header.title = v,
                "url" => header.url = v,
                _ => header.source = v,
            }
        }
        pos += (line_end + 1).min(rest.len());
        if pos >= text.len() {
            break;
        }
    }
    header.body_start = if found_any { pos } else { 0 };
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_line_then_title() {
        let t = "date: 2024-05-12\ntitle: Abschied\nDer Text.";
        let h = parse(t);
        assert_eq!(h.published, Some(PartialDate::day(2024, 5, 12)));
        assert_eq!(h.title.as_deref(), Some("Abschied"));
        assert_eq!(&t[h.body_start..], "Der Text.");
    }

    #[test]
    fn inline_date_with_article_on_same_line() {
        let t = " date 2020-11 In seinem zweiten Jahr";
        let h = parse(t);
        assert_eq!(h.published.map(|d| d.iso()), Some("2020-11".into()));
        assert_eq!(&t[h.body_start..], "In seinem zweiten Jahr");
    }

    #[test]
    fn german_date_and_case() {
        let h = parse("Datum: 07.09.2025\nText");
        assert_eq!(h.published.map(|d| d.iso()), Some("2025-09-07".into()));
        let h = parse("DATE 2016\nText");
        assert_eq!(h.published.map(|d| d.iso()), Some("2016".into()));
    }

    #[test]
    fn no_header() {
        let h = parse("Datumsgrenze überschritten.\nText");
        assert_eq!(h, Header::default());
        let h = parse("date ist kein Datum");
        assert_eq!(h.body_start, 0);
    }

    #[test]
    fn invalid_dates_are_no_header() {
        assert!(parse_date("2024-13-01").is_none());
        assert!(parse_date("31.02.2024").is_none());
        assert!(parse_date("20245").is_none());
    }
}
