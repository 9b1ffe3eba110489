//! `matches.csv`: one row per match the article reports with a result.
//!
//! Every `result` score is a match; repeated mentions of the same result
//! (same numbers, teams not contradicting) are one match, taking the teams
//! from whichever mention names them. The half-time score is the
//! `halftime` score right after a result. A goal whose `team` is known is
//! linked to the match of that team (the nearest mention before it when
//! several are; a match with an unnamed side when none names it, and no
//! match when every match names both sides and neither is that team);
//! other goals to the nearest result mentioned before them (all goals
//! when the article reports one match). Goals are counted once per minute
//! and player (a minute apart only when told far apart: prose and fact
//! box) and checked against the result: `yes` when their number equals
//! the total and those before minute 46 equal the half-time total, `no`
//! when there are more goals than the result allows (in total or for one
//! team, by the goals' `team`) or the half-time count is contradicted,
//! else empty.
//!
//! A match decided late counts the goals before the decision: after a
//! shoot-out (`n.P.`) the sum of the periods or one less for the winner,
//! after penalties (`i.E.`) the draw told with it (`(2:2)`, or a draw told
//! right after: `Nach 120 Minuten hatte es 2:2 gestanden`, which is no
//! match of its own).

use crate::extract::{Extraction, Row, TableSpec};
use std::collections::{BTreeSet, HashMap};

/// The columns of `matches.csv`.
pub const COLUMNS: &[&str] = &[
    "article_id",
    "team_left",
    "team_right",
    "left",
    "right",
    "halftime",
    "qualifier",
    "goals_found",
    "consistent",
];

/// How far apart (bytes) two mentions of one goal with minutes one apart
/// must be told to count once (prose and fact box).
const TOLD_APART: usize = 300;

/// How far after a match decided late (bytes) a draw during play is its
/// score before the decision.
const REGULAR_REACH: usize = 600;

/// How many matches back a draw may be the score before a late decision
/// (`… 3:2 n.P. … Am Dienstag 5:1 … blieb es beim 2:2`).
const LATE_BACK: usize = 3;

/// Columns of `matches.csv` that hold numbers.
pub const NUMERIC: &[&str] = &["left", "right", "goals_found"];

struct Match {
    team_left: String,
    team_right: String,
    left: u32,
    right: u32,
    halftime: Option<(u32, u32)>,
    /// The score before extra time or the shoot-out decided it (`3:2 n.V.
    /// (2:2, 0:1)`, `Nach 120 Minuten hatte es 0:0 gestanden`), or the sum
    /// of the periods (`3:2 n.P. (1:0,0:2,1:0/0:0)`).
    regular: Option<(u32, u32)>,
    qualifier: String,
    /// Start offsets of the result's mentions.
    at: Vec<usize>,
    goals: BTreeSet<(u32, u32, String)>,
    /// The team credited with each goal, where known.
    teams: HashMap<(u32, u32, String), String>,
}

/// Whether two team names name the same team: equal, or one is a word
/// sequence inside the other (`Talheim`, `SV Talheim`).
fn same_team(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let inside = |short: &str, long: &str| format!(" {long} ").contains(&format!(" {short} "));
    a == b || inside(a, b) || inside(b, a)
}

impl Match {
    /// The side (`true` = left) `team` plays on: named, or the only unnamed
    /// side.
    fn side_of(&self, team: &str) -> Option<bool> {
        if same_team(team, &self.team_left) {
            Some(true)
        } else if same_team(team, &self.team_right) {
            Some(false)
        } else {
            match (self.team_left.is_empty(), self.team_right.is_empty()) {
                (true, false) => Some(true),
                (false, true) => Some(false),
                _ => None,
            }
        }
    }

    fn names(&self, team: &str) -> bool {
        same_team(team, &self.team_left) || same_team(team, &self.team_right)
    }

    /// Decided after extra time or by a shoot-out.
    fn decided_late(&self) -> bool {
        matches!(self.qualifier.as_str(), "aet" | "pen" | "so")
    }

    /// Whether a draw `n:n` can be this match's score before it was decided.
    fn fits_regular(&self, n: u32) -> bool {
        match self.qualifier.as_str() {
            // a shoot-out adds one to the winner
            "so" => n == self.left.min(self.right) && self.left.abs_diff(self.right) == 1,
            "aet" => n <= self.left.min(self.right),
            "pen" => true,
            _ => false,
        }
    }

    /// The goals the players scored, per side: the result, except that a
    /// shoot-out's decisive goal and penalty shoot-outs are no goals.
    fn expected(&self) -> Option<(u32, u32)> {
        match self.qualifier.as_str() {
            "so" => self.regular.or_else(|| {
                let n = self.left.min(self.right);
                (self.left.abs_diff(self.right) == 1).then_some((n, n))
            }),
            "pen" => self.regular,
            _ => Some((self.left, self.right)),
        }
    }

    /// Goals credited to the left and right team, among those whose team
    /// is known.
    fn per_side(&self, first_half: bool) -> (u32, u32) {
        let mut l = 0;
        let mut r = 0;
        for (key, team) in &self.teams {
            if first_half && key.0 >= 46 {
                continue;
            }
            if same_team(team, &self.team_left) {
                l += 1;
            } else if same_team(team, &self.team_right) {
                r += 1;
            }
        }
        (l, r)
    }

    /// `yes`, `no` or empty: do the goals found add up to the result (and
    /// those before minute 46 to the half-time score)?
    fn consistent(&self) -> &'static str {
        let found = self.goals.len() as u32;
        let first_half = self.goals.iter().filter(|(min, _, _)| *min < 46).count() as u32;
        let (pl, pr) = self.per_side(false);
        let (hl_found, hr_found) = self.per_side(true);
        let Some((el, er)) = self.expected() else {
            return if found > self.left + self.right {
                "no"
            } else {
                ""
            };
        };
        if found > el + er || pl > el || pr > er {
            return "no";
        }
        if let Some((hl, hr)) = self.halftime {
            if first_half > hl + hr || hl_found > hl || hr_found > hr {
                return "no";
            }
            if found == el + er && first_half != hl + hr {
                return "no";
            }
        }
        if found == el + er { "yes" } else { "" }
    }
}

/// The score before a late decision told with a result: the running score
/// in its parenthesis (`3:2 n.V. (2:2, 0:1)`), or for a shoot-out the sum
/// of its periods.
fn regular_of(spec: &TableSpec, rows: &[Row], i: usize, qualifier: &str) -> Option<(u32, u32)> {
    if !matches!(qualifier, "aet" | "pen" | "so") {
        return None;
    }
    let result = rows.get(i)?;
    // only the scores in the parenthesis after it, each right after the one
    // before (`(1:0,0:2,1:0/0:0)`), not a fact box below
    let mut prev_end = result.end;
    let mut first = true;
    let inner = rows.get(i + 1..)?.iter().take_while(|h| {
        let gap = if first { 12 } else { 4 };
        let ok = h.start <= prev_end + gap && h.get(spec, "kind") != "result";
        first = false;
        prev_end = h.end;
        ok
    });
    let mut sum = (0, 0);
    let mut periods = 0;
    for h in inner {
        let (Some(l), Some(r)) = (num(spec, h, "left"), num(spec, h, "right")) else {
            continue;
        };
        match h.get(spec, "kind") {
            "running" => return Some((l, r)),
            "period" => {
                sum = (sum.0 + l, sum.1 + r);
                periods += 1;
            }
            _ => {}
        }
    }
    // a shoot-out: the periods (with overtime) add up to the score before it
    (qualifier == "so" && periods > 0).then_some(sum)
}

fn num(spec: &TableSpec, r: &Row, col: &str) -> Option<u32> {
    r.get(spec, col).parse().ok()
}

/// Values of one `matches.csv` row after `article_id`, in [`COLUMNS`] order.
pub fn link(extraction: &Extraction) -> Vec<Vec<String>> {
    let Some((sspec, srows)) = extraction.table("scores") else {
        return Vec::new();
    };
    let mut matches: Vec<Match> = Vec::new();
    let mut by_numbers: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
    for (i, r) in srows.iter().enumerate() {
        // a draw during play right after a match decided late (`Nach 120
        // Minuten hatte es 2:2 gestanden`) is its score before the decision
        if r.get(sspec, "kind") == "running"
            && let (Some(l), Some(rr)) = (num(sspec, r, "left"), num(sspec, r, "right"))
            && l == rr
            && let Some(m) = matches.last_mut()
            && m.decided_late()
            && m.regular.is_none()
            && m.fits_regular(l)
            && m.at
                .last()
                .is_some_and(|&a| r.start.saturating_sub(a) < REGULAR_REACH)
        {
            m.regular = Some((l, rr));
            continue;
        }
        if r.get(sspec, "kind") != "result" {
            continue;
        }
        let (Some(left), Some(right)) = (num(sspec, r, "left"), num(sspec, r, "right")) else {
            continue;
        };
        let tl = r.get(sspec, "team_left").to_string();
        let tr = r.get(sspec, "team_right").to_string();
        let halftime = srows.get(i + 1).and_then(|h| {
            (h.get(sspec, "kind") == "halftime" && h.start <= r.end + 20)
                .then(|| Some((num(sspec, h, "left")?, num(sspec, h, "right")?)))
                .flatten()
        });
        let qualifier = r.get(sspec, "qualifier").to_string();
        let regular = regular_of(sspec, srows, i, &qualifier);
        // a draw with no teams right after a match decided late is that
        // match's score before extra time or the shoot-out, not a match
        if tl.is_empty()
            && tr.is_empty()
            && left == right
            && let Some(m) = matches
                .iter_mut()
                .rev()
                .take(LATE_BACK)
                .find(|m| m.decided_late() && m.fits_regular(left))
        {
            m.regular = m.regular.or(Some((left, right)));
            continue;
        }
        // only matches with the same numbers can be the same match
        let same_numbers = by_numbers.entry((left, right)).or_default();
        let same = same_numbers.iter().copied().find(|&k| {
            matches.get(k).is_some_and(|m| {
                (tl.is_empty() || m.team_left.is_empty() || m.team_left == tl)
                    && (tr.is_empty() || m.team_right.is_empty() || m.team_right == tr)
            })
        });
        if same.is_none() {
            same_numbers.push(matches.len());
        }
        match same.and_then(|k| matches.get_mut(k)) {
            Some(m) => {
                if m.team_left.is_empty() {
                    m.team_left = tl;
                }
                if m.team_right.is_empty() {
                    m.team_right = tr;
                }
                if m.halftime.is_none() {
                    m.halftime = halftime;
                }
                if m.qualifier.is_empty() {
                    m.qualifier = qualifier;
                }
                if m.regular.is_none() {
                    m.regular = regular;
                }
                m.at.push(r.start);
            }
            None => matches.push(Match {
                team_left: tl,
                team_right: tr,
                left,
                right,
                halftime,
                regular,
                qualifier,
                at: vec![r.start],
                goals: BTreeSet::new(),
                teams: HashMap::new(),
            }),
        }
    }
    // every mention of every match, by start, for a binary search
    let mut mentions: Vec<(usize, usize)> = matches
        .iter()
        .enumerate()
        .flat_map(|(k, m)| m.at.iter().map(move |&a| (a, k)))
        .collect();
    mentions.sort_unstable();
    if let Some((gspec, grows)) = extraction.table("goals") {
        // the minutes (and where told) already linked per player, so the
        // check stays linear
        let mut linked: HashMap<String, Vec<(u32, usize)>> = HashMap::new();
        // latest first: fact boxes follow their result line, so a goal told
        // twice is linked where its box puts it
        for g in grows.iter().rev() {
            let Some(minute) = num(gspec, g, "minute") else {
                continue;
            };
            let added = num(gspec, g, "added").unwrap_or(0);
            let key = (minute, added, g.get(gspec, "player").to_lowercase());
            let team = g.get(gspec, "team");
            let target = if matches.len() == 1 {
                Some(0)
            } else if team.is_empty() {
                nearest_before(&mentions, g.start, |_| true)
            } else {
                let named = |k: usize| matches.get(k).is_some_and(|m| m.names(team));
                let open = |k: usize| matches.get(k).is_some_and(|m| m.side_of(team).is_some());
                nearest_before(&mentions, g.start, named)
                    .or_else(|| first_of(&matches, |m| m.names(team)))
                    .or_else(|| nearest_before(&mentions, g.start, open))
                    .or_else(|| first_of(&matches, |m| m.side_of(team).is_some()))
            };
            // a goal told twice (same player, same minute, or a minute
            // apart when told far apart: prose and fact box) counts once;
            // two goals a minute apart in one stretch are two
            let minutes = linked.entry(key.2.clone()).or_default();
            let told = minutes.iter().any(|&(mi, at): &(u32, usize)| {
                mi == key.0 || (mi.abs_diff(key.0) == 1 && at.abs_diff(g.start) > TOLD_APART)
            });
            if !told && let Some(m) = target.and_then(|k| matches.get_mut(k)) {
                minutes.push((key.0, g.start));
                if !team.is_empty() {
                    m.teams.insert(key.clone(), team.to_string());
                }
                m.goals.insert(key);
            }
        }
    }
    matches.into_iter().map(row).collect()
}

/// The match of the nearest mention at or before `pos` that `ok` accepts.
/// Mentions are few per article; the scan stops at the first fit.
fn nearest_before(
    mentions: &[(usize, usize)],
    pos: usize,
    ok: impl Fn(usize) -> bool,
) -> Option<usize> {
    let upto = mentions.partition_point(|(a, _)| *a <= pos);
    mentions
        .get(..upto)?
        .iter()
        .rev()
        .map(|(_, k)| *k)
        .find(|&k| ok(k))
}

/// The first match that `ok` accepts (for goals told before any result).
fn first_of(matches: &[Match], ok: impl Fn(&Match) -> bool) -> Option<usize> {
    matches.iter().position(ok)
}

fn row(m: Match) -> Vec<String> {
    let found = m.goals.len();
    let consistent = m.consistent();
    vec![
        m.team_left,
        m.team_right,
        m.left.to_string(),
        m.right.to_string(),
        m.halftime
            .map(|(l, r)| format!("{l}:{r}"))
            .unwrap_or_default(),
        m.qualifier,
        found.to_string(),
        consistent.to_string(),
    ]
}

#[cfg(test)]
mod tests;
