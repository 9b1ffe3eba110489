//! Articles as JSON Lines: one object per line, as standard input brings
//! them (`anpfiff - --format jsonl -o -`).
//!
//! ```text
//! {"id": "spiel-1", "text": "Bayern gewann am Sonntag 3:1.", "date": "2024-05-12"}
//! ```
//!
//! - `text` (required): the article text. It may carry its own metadata
//!   header, as a file can (`date: 2024-05-12\n…`).
//! - `id`: the `article_id` (a string or a number); missing or empty →
//!   `stdin:LINE` (1-based line number).
//! - `date` (optional): the publication date, `YYYY-MM-DD`, `YYYY-MM`,
//!   `YYYY`, `DD.MM.YYYY` or an ISO timestamp (`2024-05-12T18:30:00+02:00`,
//!   the day is kept). It wins over a date in the text's header; `null` or
//!   `""` means none.
//! - `title` (optional): the title, winning over the header's.
//!
//! Other fields are ignored. A line that is not such an object is not an
//! article: the reason goes to the `errors` table with path `stdin:LINE`.

use crate::header::{PartialDate, parse_date};
use serde_json::Value;

/// One article from a JSON line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub date: Option<PartialDate>,
    pub title: Option<String>,
}

/// The `path` of line `line` (1-based): `stdin:LINE`.
pub fn line_path(line: usize) -> String {
    format!("stdin:{line}")
}

const EXPECTED: &str =
    "expected one JSON object per line: {\"id\": \"…\", \"text\": \"…\", \"date\": \"YYYY-MM-DD\"}";

/// Parses line number `line` (1-based; without its line end).
///
/// ```
/// use anpfiff::read::jsonl::parse;
/// let r = parse(3, br#"{"text": "Tor!", "date": "2024-05-12T18:30:00Z"}"#).unwrap();
/// assert_eq!(r.id, "stdin:3");
/// assert_eq!(r.date.unwrap().iso(), "2024-05-12");
/// assert!(parse(4, b"{\"id\": 1}").unwrap_err().contains("\"text\""));
/// ```
pub fn parse(line: usize, bytes: &[u8]) -> Result<Record, String> {
    let s = std::str::from_utf8(bytes)
        .map_err(|e| format!("line is not UTF-8 ({e}); JSON Lines must be UTF-8"))?;
    let value: Value =
        serde_json::from_str(s).map_err(|e| format!("not valid JSON ({e}); {EXPECTED}"))?;
    let Value::Object(obj) = value else {
        return Err(format!("not a JSON object; {EXPECTED}"));
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" must be a string or a number".into()),
    };
    let id = if id.is_empty() { line_path(line) } else { id };
    let text = match obj.get("text") {
        Some(Value::String(t)) => t.clone(),
        None | Some(Value::Null) => {
            return Err(format!("no \"text\" field; {EXPECTED}"));
        }
        Some(_) => return Err("\"text\" must be a string".into()),
    };
    if text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    let date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(d)) if d.trim().is_empty() => None,
        Some(Value::String(d)) => Some(date(d.trim()).ok_or_else(|| {
            format!(
                "\"date\" {d:?} is not a date; use YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO timestamp"
            )
        })?),
        Some(_) => return Err("\"date\" must be a string such as \"2024-05-12\"".into()),
    };
    let title = match obj.get("title") {
        Some(Value::String(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    };
    Ok(Record {
        id,
        text,
        date,
        title,
    })
}

/// A whole field value as a date (nothing may follow it).
fn date(value: &str) -> Option<PartialDate> {
    let (d, len) = parse_date(value)?;
    value.get(len..)?.trim().is_empty().then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_record() {
        let r = parse(
            1,
            r#"{"id": "a/b", "text": "Text", "date": "2024-05", "title": "T", "x": 1}"#.as_bytes(),
        )
        .unwrap();
        assert_eq!(r.id, "a/b");
        assert_eq!(r.text, "Text");
        assert_eq!(r.date.map(|d| d.iso()), Some("2024-05".into()));
        assert_eq!(r.title.as_deref(), Some("T"));
        let r = parse(9, br#"{"id": 17, "text": "x", "date": null}"#).unwrap();
        assert_eq!((r.id.as_str(), r.date), ("17", None));
    }

    #[test]
    fn bad_lines_say_why() {
        let err = |s: &[u8]| parse(5, s).unwrap_err();
        assert!(err(b"{\"text\": ").contains("not valid JSON"));
        assert!(err(b"[1, 2]").contains("not a JSON object"));
        assert!(err(b"{\"id\": \"x\"}").contains("no \"text\""));
        assert!(err(b"{\"text\": 3}").contains("must be a string"));
        assert!(err(b"{\"text\": \"  \"}").contains("empty"));
        assert!(err(b"{\"text\": \"x\", \"date\": \"gestern\"}").contains("not a date"));
        assert!(err(b"{\"text\": \"x\", \"date\": \"2024-05-12 abends\"}").contains("not a date"));
        assert!(err(b"{\"text\": \"M\xfcller\"}").contains("UTF-8"));
        assert!(err(b"{\"id\": [1], \"text\": \"x\"}").contains("\"id\""));
    }
}
