//! `scores.csv` (SPEC "scores.csv"): every game score `N:M` with its kind
//! (`result`, `halftime`, `period`, `set`, `running`), qualifier (`aet`,
//! `pen`, `so`) and, where the text states them, the two teams.
//!
//! [`find`] picks the number pairs that are scores (no clock times, race
//! times, ratios or statistics). This module groups them: a comma chain of
//! scores outside parentheses is a list of sets (`7:5, 7:6 (7:3), 6:2`, the
//! tie-break in parentheses is not a row); a score in parentheses right
//! after another is the half-time score, several are periods (or sets when
//! their number equals the sets won: `3:1 (25:20, …)`); a lone score takes
//! its kind from the words around it.

pub mod find;
pub mod kind;
mod qualifier;
pub mod subject;
pub mod teams;

use super::{Context, Extractor, Row, TableSpec};
use crate::lexicon::{CLUB_WORDS, NON_NAMES};
use find::{Pair, pairs};
use kind::lone_kind;
use qualifier::{qualifier, qualifier_end};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub static SPEC: TableSpec = TableSpec {
    name: "scores",
    columns: &[
        "left",
        "right",
        "kind",
        "qualifier",
        "team_left",
        "team_right",
    ],
    numeric: &["left", "right"],
};

pub struct Scores;

impl Extractor for Scores {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, ctx: &Context<'_>) -> Vec<Row> {
        ctx.scores()
            .iter()
            .map(|s| {
                Row::new(
                    s.pair.start,
                    s.pair.end,
                    vec![
                        s.pair.left.to_string(),
                        s.pair.right.to_string(),
                        s.kind.as_str().to_string(),
                        s.qualifier.to_string(),
                        s.teams.0.clone(),
                        s.teams.1.clone(),
                    ],
                )
            })
            .collect()
    }
}

/// What a score stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Result,
    Halftime,
    Period,
    Set,
    Running,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Result => "result",
            Kind::Halftime => "halftime",
            Kind::Period => "period",
            Kind::Set => "set",
            Kind::Running => "running",
        }
    }
}

/// One classified score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub pair: Pair,
    pub kind: Kind,
    pub qualifier: &'static str,
    pub teams: (String, String),
}

/// A group: a score outside parentheses and the scores in the parenthesis
/// right after it.
struct Group {
    head: usize,
    attached: Vec<usize>,
    /// Byte offset after the group (after the closing parenthesis).
    end: usize,
}

static ATTACH_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*(?:n\.\s?V\.|i\.\s?E\.|n\.\s?E\.|n\.\s?P\.))?\s*-?\s*\($")
        .expect("constant regex")
});
static INNER_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[,;/]\s*$").expect("constant regex"));
static CHAIN_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\(\d{1,2}\))?\s*,\s*$").expect("constant regex"));

/// [`ATTACH_GAP`]: every match ends with the `(` that opens the
/// parenthesis, and most gaps (the prose between two scores) do not; they
/// are answered before the pattern's search is set up.
fn attach_gap(gap: &str) -> bool {
    gap.ends_with('(') && ATTACH_GAP.is_match(gap)
}

/// [`CHAIN_GAP`]: every match ends with a comma and blanks (`\s` and
/// [`str::trim_end`] take the same characters for blanks).
fn chain_gap(gap: &str) -> bool {
    gap.trim_end().ends_with(',') && CHAIN_GAP.is_match(gap)
}

static TEAM_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([A-Z]{2,3}\)\s*$").expect("constant regex"));

/// Every score in `text[from..]`, classified, in text order.
pub fn scores(text: &str, from: usize) -> Vec<Score> {
    let ps = pairs(text, from);
    let gap = |a: usize, b: usize| text.get(a..b).unwrap_or("x");
    // groups: each head with the parenthesised list right after it
    let mut groups: Vec<Group> = Vec::new();
    let mut i = 0;
    while let Some(cur) = ps.get(i) {
        let head = i;
        let mut end = cur.end;
        let mut attached = Vec::new();
        if let Some(next) = ps.get(i + 1)
            && attach_gap(gap(cur.end, next.start))
        {
            let mut j = i + 1;
            let mut last = next;
            attached.push(j);
            while let Some(n) = ps.get(j + 1)
                && INNER_GAP.is_match(gap(last.end, n.start))
            {
                j += 1;
                last = n;
                attached.push(j);
            }
            let close = text.get(last.end..).unwrap_or("").trim_start();
            if close.starts_with(')') {
                end = last.end + text.get(last.end..).unwrap_or("").find(')').unwrap_or(0) + 1;
                i = j;
            } else {
                attached.clear();
            }
        }
        groups.push(Group {
            head,
            attached,
            end,
        });
        i += 1;
    }

    let mut out: Vec<Score> = Vec::new();
    // results without a result line: (index in `out`, group end, inner count)
    let mut prose: Vec<(usize, usize, usize)> = Vec::new();
    let mut g = 0;
    while let Some(grp) = groups.get(g) {
        let Some(&head) = ps.get(grp.head) else {
            g += 1;
            continue;
        };
        // a comma chain of heads: sets
        let mut h = g;
        let mut chain_end = grp.end;
        while let Some(next) = groups.get(h + 1)
            && let Some(next_head) = ps.get(next.head)
            && chain_gap(gap(chain_end, next_head.start))
        {
            h += 1;
            chain_end = next.end;
        }
        if h > g {
            let teams = set_players(text, head.start);
            if teams.0.is_empty() {
                // players told in prose: `besiegte den Franzosen X mit 7:6, 6:3`
                prose.push((out.len(), chain_end, h - g));
            }
            for grp in groups.get(g..=h).unwrap_or_default() {
                let Some(&p) = ps.get(grp.head) else { continue };
                out.push(score(p, Kind::Set, "", teams.clone()));
                // a parenthesis in a set list is a tie-break, not a row
            }
            g = h + 1;
            continue;
        }
        let kind_guess = lone_kind(text, &head, grp.end);
        let kind = if grp.attached.is_empty() {
            kind_guess
        } else {
            Kind::Result
        };
        let qualifier = if kind == Kind::Result {
            // `3:2 n.V. (2:2, 0:1)` before the parenthesis, `3:2 (2:2) n.V.` after
            match qualifier(text, head.start, head.end) {
                "" if grp.end != head.end => qualifier(text, head.start, grp.end),
                q => q,
            }
        } else {
            ""
        };
        let teams = if kind == Kind::Result {
            line_teams(text, from, head.start)
        } else {
            (String::new(), String::new())
        };
        let inner: Vec<Pair> = grp
            .attached
            .iter()
            .filter_map(|&a| ps.get(a).copied())
            .collect();
        let sets = inner.len() >= 2
            && inner.len() as u32 == head.left + head.right
            && inner.iter().all(|p| p.left.max(p.right) >= 6);
        if kind == Kind::Result && teams.0.is_empty() {
            prose.push((out.len(), grp.end, inner.len()));
        }
        out.push(score(head, kind, qualifier, teams.clone()));
        let inner_kind = match inner.len() {
            1 => Kind::Halftime,
            _ if sets => Kind::Set,
            _ => Kind::Period,
        };
        // `3:2 n.V. (2:2, 0:1)`: after extra time or penalties, two scores in
        // the parenthesis are the score after regular time and at half-time
        let decided_late = matches!(qualifier, "aet" | "pen") && inner.len() == 2 && !sets;
        for (n, p) in inner.into_iter().enumerate() {
            let kind = match (decided_late, n) {
                (true, 0) => Kind::Running,
                (true, _) => Kind::Halftime,
                _ => inner_kind,
            };
            out.push(score(p, kind, "", teams.clone()));
        }
        g += 1;
    }
    // teams stated in prose; result lines tell which names are teams
    let known: HashSet<String> = out
        .iter()
        .flat_map(|s| [s.teams.0.clone(), s.teams.1.clone()])
        .filter(|t| !t.is_empty())
        .collect();
    for (k, end, inner) in prose {
        let Some(head) = out.get(k) else { continue };
        let qual_end = qualifier_end(text, end);
        let found = teams::prose_teams(text, from, head.pair.start, qual_end, &known);
        if found.0.is_empty() && found.1.is_empty() {
            continue;
        }
        for s in out.iter_mut().skip(k).take(inner + 1) {
            s.teams = found.clone();
        }
    }
    complete_teams(&mut out);
    inherit_teams(text, &mut out);
    out
}

/// How far back (bytes) a half-time or period score in prose looks for the
/// result whose teams it shares.
const INHERIT_REACH: usize = 600;

/// A half-time or period score told on its own (`lagen zur Pause mit 47:38
/// vorn`) belongs to the match of the nearest result before it that names
/// its teams (within [`INHERIT_REACH`] bytes and no blank line between).
fn inherit_teams(text: &str, out: &mut [Score]) {
    let mut last: Option<(usize, (String, String))> = None;
    for s in out.iter_mut() {
        match s.kind {
            Kind::Result if !s.teams.0.is_empty() && !s.teams.1.is_empty() => {
                last = Some((s.pair.end, s.teams.clone()));
            }
            Kind::Halftime | Kind::Period if s.teams.0.is_empty() && s.teams.1.is_empty() => {
                let Some((end, teams)) = &last else { continue };
                let gap = text.get(*end..s.pair.start).unwrap_or("\n\n");
                if s.pair.start.saturating_sub(*end) <= INHERIT_REACH && !gap.contains("\n\n") {
                    s.teams = teams.clone();
                }
            }
            _ => {}
        }
    }
}

/// A result told again with both teams (`… 7:2-Heimsieg über Vojens` and
/// `Salzburg – Vojens 7:2`) lends the missing one to a mention that names
/// one of them, when exactly one such pair fits (same numbers, the named
/// team agrees); the scores in its parenthesis follow.
fn complete_teams(out: &mut [Score]) {
    let full: Vec<(u32, u32, String, String)> = out
        .iter()
        .filter(|s| s.kind == Kind::Result && !s.teams.0.is_empty() && !s.teams.1.is_empty())
        .map(|s| {
            (
                s.pair.left,
                s.pair.right,
                s.teams.0.clone(),
                s.teams.1.clone(),
            )
        })
        .collect();
    let mut by_score: HashMap<(u32, u32), Vec<(String, String)>> = HashMap::new();
    for (l, r, a, b) in full {
        let v = by_score.entry((l, r)).or_default();
        if !v.contains(&(a.clone(), b.clone())) {
            v.push((a, b));
        }
    }
    let mut current: Option<(String, String)> = None;
    for s in out.iter_mut() {
        if s.kind == Kind::Result {
            current = None;
            // one team stated: the other is never guessed from nothing
            if s.teams.0.is_empty() != s.teams.1.is_empty() {
                let fits: Vec<&(String, String)> = by_score
                    .get(&(s.pair.left, s.pair.right))
                    .map(|v| {
                        v.iter()
                            .filter(|(a, b)| {
                                (s.teams.0.is_empty() || s.teams.0 == *a)
                                    && (s.teams.1.is_empty() || s.teams.1 == *b)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                if let [one] = fits.as_slice() {
                    s.teams = (*one).clone();
                    current = Some(s.teams.clone());
                }
            }
        } else if matches!(s.kind, Kind::Halftime | Kind::Period)
            && let Some(t) = &current
        {
            s.teams = t.clone();
        } else {
            current = None;
        }
    }
}

/// The last occurrence of `needle` in `hay` (`rfind`), found from the
/// occurrences of its byte at `key` (choose a rare one): a reverse
/// substring search costs more to set up than a short line takes.
fn rfind_by(hay: &str, needle: &str, key: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    memchr::memrchr_iter(*n.get(key)?, h)
        .filter_map(|i| i.checked_sub(key))
        .find(|&at| h.get(at..).is_some_and(|r| r.starts_with(n)))
}

fn score(pair: Pair, kind: Kind, qualifier: &'static str, teams: (String, String)) -> Score {
    Score {
        pair,
        kind,
        qualifier,
        teams,
    }
}

/// Teams from a result line `Estland – Litauen 1:0 (0:0)`.
fn line_teams(text: &str, from: usize, start: usize) -> (String, String) {
    // a result line is short: look back at most 300 bytes
    let lo = text
        .floor_char_boundary(start.saturating_sub(300))
        .max(from);
    let line_start = text
        .get(lo..start)
        .and_then(|s| memchr::memrchr(b'\n', s.as_bytes()))
        .map_or(lo, |i| lo + i + 1);
    let mut seg = text.get(line_start..start).unwrap_or("");
    if let Some(i) = rfind_by(seg, ": ", 0) {
        seg = seg.get(i + 2..).unwrap_or("");
    }
    // Markdown emphasis around a result line: `**A - B 3:2**`
    let seg = seg.trim_end().trim_start_matches(['*', '_', '#', ' ']);
    // `seg.rsplit_once(" – ").or_else(|| seg.rsplit_once(" - "))`
    let split = |dash: &str| {
        let i = rfind_by(seg, dash, 1)?;
        Some((seg.get(..i)?, seg.get(i + dash.len()..)?))
    };
    let Some((l, r)) = split(" – ").or_else(|| split(" - ")) else {
        return (String::new(), String::new());
    };
    // a team code (`(EST)`) ends with a parenthesis: without one the
    // pattern has nothing to take away
    let clean = |s: &str| {
        if s.trim_end().ends_with(')') {
            TEAM_CODE.replace(s, "").trim().to_string()
        } else {
            s.trim().to_string()
        }
    };
    let right = clean(r);
    // the left team: the capitalised words right before the dash
    let words: Vec<&str> = l.split(' ').collect();
    let mut k = words.len();
    while k > 0 {
        let Some(&w) = words.get(k - 1) else { break };
        let team_word = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(')
            && (!NON_NAMES.contains(w.trim_end_matches([',', '.'])) || CLUB_WORDS.contains(w))
            && !w.ends_with(['.', ',', ')'])
            || is_code(w)
            || w == "St.";
        if !team_word || w.ends_with(':') {
            break;
        }
        k -= 1;
    }
    let left = clean(&words.get(k..).unwrap_or_default().join(" "));
    let ok = |t: &str| {
        !t.is_empty()
            && t.len() < 60
            && t.chars().next().is_some_and(char::is_uppercase)
            && t.split(' ').count() <= 5
    };
    if ok(&left) && ok(&right) {
        (left, right)
    } else {
        (String::new(), String::new())
    }
}

fn is_code(w: &str) -> bool {
    w.len() >= 4
        && w.starts_with('(')
        && w.ends_with(')')
        && w[1..w.len() - 1].chars().all(|c| c.is_ascii_uppercase())
}

/// Players of a set list: `A besiegte B … 6:3, 6:4` is not attempted; only
/// `A – B 6:3, 6:4` lines.
fn set_players(text: &str, start: usize) -> (String, String) {
    line_teams(text, 0, start)
}

#[cfg(test)]
mod tests;
