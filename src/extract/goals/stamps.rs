//! Minute stamps in parentheses (`(42.)`, `(45.+1/Elfmeter)`,
//! `(68., 78.)`, `(3./PP)`, `(20. Minute, 89. (Elfmeter))`) and spelled
//! minutes in prose (`in der 50. Minute`, `in der zwölften Minute`).

use super::minutes::{minute_matches, prose_matches};
use crate::lexicon::{GOAL_MINUTE_TAGS, MINUTE_ORDINALS, OWN_GOAL_WORDS, PENALTY_WORDS};

/// Goal kind markers inside or around a stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    #[default]
    Goal,
    Penalty,
    OwnGoal,
}

/// One minute inside a stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minute {
    /// Byte span of the minute expression (`68.`, `90.+ 2.`, `20. Minute`).
    pub start: usize,
    pub end: usize,
    pub minute: u32,
    pub added: Option<u32>,
    pub mark: Mark,
}

/// A parenthesised minute stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Byte offsets of `(` and after `)`.
    pub open: usize,
    pub close: usize,
    pub minutes: Vec<Minute>,
}

/// Every minute stamp in `text[from..]`.
pub fn stamps(text: &str, from: usize) -> Vec<Stamp> {
    let mut out = Vec::new();
    let Some(body) = text.get(from..) else {
        return out;
    };
    for i in memchr::memchr_iter(b'(', body.as_bytes()) {
        let open = from + i;
        if let Some(s) = stamp_at(text, open) {
            out.push(s);
        }
    }
    out
}

/// The byte offset after the parenthesis that closes the one at `open`.
pub fn closing(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, c) in text.get(open..)?.char_indices().take(120) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(open + k + 1);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

fn stamp_at(text: &str, open: usize) -> Option<Stamp> {
    // a stamp opens with a digit: most parentheses are told apart here,
    // before their end is looked for
    if !text
        .as_bytes()
        .get(open + 1)
        .is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let close = closing(text, open)?;
    let inner_start = open + 1;
    let inner = text.get(inner_start..close - 1)?;
    let mut minutes: Vec<Minute> = Vec::new();
    let mut last = 0;
    for m in minute_matches(inner) {
        if !leftover_ok(inner.get(last..m.start)?, &mut minutes) {
            return None;
        }
        // a clock time `(19.30 Uhr)`: digits right after the period
        if inner
            .get(m.end..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        let minute: u32 = inner.get(m.minute.0..m.minute.1)?.parse().ok()?;
        let added = m
            .added
            .and_then(|(a, b)| inner.get(a..b))
            .and_then(|a| a.parse().ok());
        if minute == 0 || minute > 150 {
            return None;
        }
        minutes.push(Minute {
            start: inner_start + m.start,
            end: inner_start + m.end,
            minute,
            added,
            mark: Mark::Goal,
        });
        last = m.end;
    }
    if minutes.is_empty() || !leftover_ok(inner.get(last..)?, &mut minutes) {
        return None;
    }
    Some(Stamp {
        open,
        close,
        minutes,
    })
}

/// Text between minutes may hold separators and goal tags only; a name
/// (`87. Schöne`) makes the stamp a substitution. Penalty and own-goal
/// tags mark the minute before them.
fn leftover_ok(rest: &str, minutes: &mut [Minute]) -> bool {
    for w in rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mark = if PENALTY_WORDS.contains(w) {
            Mark::Penalty
        } else if OWN_GOAL_WORDS.contains(w) {
            Mark::OwnGoal
        } else if GOAL_MINUTE_TAGS.contains(w) || w == "und" || w == "per" {
            continue;
        } else {
            return false;
        };
        match minutes.last_mut() {
            Some(m) => m.mark = mark,
            None => return false,
        }
    }
    true
}

/// A minute spelled in prose: `50. Minute`, `zwölften Minute`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseMinute {
    pub start: usize,
    pub end: usize,
    pub minute: u32,
}

/// Prose minutes in `text[from..]` outside parentheses.
pub fn prose_minutes(text: &str, from: usize, stamps: &[Stamp]) -> Vec<ProseMinute> {
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in prose_matches(body) {
        let Some(n) = body.get(c.number.0..c.number.1) else {
            continue;
        };
        let start = from + c.start;
        let end = from + c.end;
        let minute = match n.strip_suffix('.') {
            Some(d) => d.parse().ok(),
            None => MINUTE_ORDINALS.get(n).copied(),
        };
        let Some(minute) = minute.filter(|m| (1..=150).contains(m)) else {
            continue;
        };
        let k = stamps.partition_point(|s| s.open <= start);
        let in_stamp = k
            .checked_sub(1)
            .and_then(|k| stamps.get(k))
            .is_some_and(|s| start < s.close);
        if inside_parens(text, start) || in_stamp {
            continue;
        }
        out.push(ProseMinute { start, end, minute });
    }
    out
}

/// Whether byte `pos` lies inside an open parenthesis on its line.
fn inside_parens(text: &str, pos: usize) -> bool {
    // at most 300 bytes back: a parenthesis is never that long
    let lo = text.floor_char_boundary(pos.saturating_sub(300));
    let line = text.get(lo..pos).unwrap_or("");
    let line = line.rsplit('\n').next().unwrap_or(line);
    let opens = line.matches('(').count();
    let closes = line.matches(')').count();
    opens > closes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mins(t: &str) -> Vec<(u32, Option<u32>, Mark, String)> {
        stamps(t, 0)
            .iter()
            .flat_map(|s| s.minutes.iter())
            .map(|m| (m.minute, m.added, m.mark, t[m.start..m.end].to_string()))
            .collect()
    }

    #[test]
    fn stamp_forms() {
        assert_eq!(mins("Kane (42.)"), [(42, None, Mark::Goal, "42.".into())]);
        assert_eq!(mins("(45.+1)")[0].1, Some(1));
        assert_eq!(
            mins("(90.+ 2.)")[0],
            (90, Some(2), Mark::Goal, "90.+ 2.".into())
        );
        assert_eq!(mins("(11. Minute)")[0].3, "11. Minute");
        assert_eq!(mins("(13./Elfmeter)")[0].2, Mark::Penalty);
        assert_eq!(mins("(12., FE)")[0].2, Mark::Penalty);
        assert_eq!(mins("(12., Foulelfmeter)")[0].2, Mark::Penalty);
        assert_eq!(mins("(57., Handelfmeter)")[0].2, Mark::Penalty);
        assert_eq!(mins("(30./Eigentor)")[0].2, Mark::OwnGoal);
        assert_eq!(mins("(30., ET)")[0].2, Mark::OwnGoal);
        assert_eq!(mins("(68., 78.)").len(), 2);
        assert_eq!(mins("(9./58./76.)").len(), 3);
        let m = mins("(82./90.+1/Foulelfmeter)");
        assert_eq!(m.len(), 2);
        assert_eq!((m[1].0, m[1].1, m[1].2), (90, Some(1), Mark::Penalty));
        assert_eq!(m[0].2, Mark::Goal);
        let m = mins("(20. Minute, 89. (Elfmeter))");
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].2, Mark::Penalty);
        assert_eq!(mins("(11./PP, 59./EN)").len(), 2);
    }

    #[test]
    fn not_stamps() {
        assert!(mins("Sinkgraven (87. Schöne)").is_empty());
        assert!(mins("(60. Bürger)").is_empty());
        assert!(mins("Kampl (90.+2 Gebel)").is_empty());
        assert!(mins("(ATP-62.)").is_empty());
        assert!(mins("(19.30 Uhr)").is_empty());
        assert!(mins("(beide 67.)").is_empty());
        assert!(mins("(44)").is_empty());
        assert!(mins("(7.9.2025)").is_empty());
    }

    #[test]
    fn prose() {
        let t = "Er traf in der 50. Minute. In der zwölften Minute. (beide in der 42. Minute)";
        let p = prose_minutes(t, 0, &[]);
        assert_eq!(p.iter().map(|m| m.minute).collect::<Vec<_>>(), [50, 12]);
        assert_eq!(&t[p[1].start..p[1].end], "zwölften Minute");
    }
}
