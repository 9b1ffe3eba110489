//! The team credited with a goal (the `team` column), where the text says
//! it. A goal belongs to the nearest result with both teams before it (or,
//! with none before, the first after it: fact boxes close the article);
//! results with the same two teams are one match.
//! The side comes from
//! - the running score against the previous one of the same match
//!   (`1:0 Müller (12.), 1:1 Kane (30.)`; the first `1:0` is the left
//!   team's, `0:1` the right team's) — own goals included, since the score
//!   counts for the team credited;
//! - a `bzw.` in a `Tore:` line: scorers before it are the left team's,
//!   after it the right team's;
//! - otherwise the same player's other goals (own goals credit the other
//!   team).
//!
//! A team the sentence states for the goal ([`super::stated`]) comes
//! first when stated firmly (`für Frankreich`, `Englands Treffer`), after
//! the running score when only the clause's subject names it.

use super::stated::{Stated, Team};
use super::tally;
use std::collections::HashMap;

/// A result with at least one team: start offset, the two names (one may
/// be empty), the numbers and the half-time score when given.
pub struct Result<'a> {
    pub start: usize,
    pub left: &'a str,
    pub right: &'a str,
    /// Written as a `Home – Away` line: `left` is the home team.
    pub line: bool,
    pub score: (u32, u32),
    pub halftime: Option<(u32, u32)>,
}

/// One goal as the team finder needs it.
#[derive(Clone)]
pub struct Goal<'a> {
    pub start: usize,
    pub player: &'a str,
    pub own_goal: bool,
    /// The running score `N:M`, or empty.
    pub score: &'a str,
    /// Left (`Some(true)`) or right side from a `bzw.` split.
    pub side: Option<bool>,
    /// The team its sentence names for it.
    pub stated: Option<Stated>,
    /// Scored before half-time (minute 45 or earlier, added time included).
    pub first_half: bool,
    /// Told as the losing team's consolation goal (`Ehrentreffer`).
    pub consolation: bool,
    /// The minute, to count a goal told twice (prose and fact box) once.
    pub minute: u32,
}

pub(super) fn parse(score: &str) -> Option<(u32, u32)> {
    let (l, r) = score.split_once(':')?;
    Some((l.trim().parse().ok()?, r.trim().parse().ok()?))
}

/// The team of each goal (empty when unknown), in the order of `goals`
/// (which must be sorted by start; `results` too).
pub fn assign(goals: &[Goal<'_>], results: &[Result<'_>]) -> Vec<String> {
    // a match told twice (in the lead and in the result line) is one
    // match: the first result with the same two teams stands for it
    // (one pass with a map: a huge article has many results)
    let mut first: HashMap<(&str, &str), usize> = HashMap::new();
    let canon: Vec<usize> = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let pair = if r.left <= r.right {
                (r.left, r.right)
            } else {
                (r.right, r.left)
            };
            *first.entry(pair).or_insert(i)
        })
        .collect();
    let match_of = |pos: usize| -> Option<usize> {
        let k = results.partition_point(|r| r.start < pos);
        match k {
            0 if results.is_empty() => None,
            0 => Some(0),
            _ => Some(k - 1),
        }
    };
    // the key of a goal's match for the teams of its players
    let key_of = |m: Option<usize>| m.and_then(|m| canon.get(m).copied());
    // the goals of each match (one pass)
    let mut of_match: Vec<Vec<usize>> = vec![Vec::new(); results.len()];
    for (i, g) in goals.iter().enumerate() {
        if let Some(v) = match_of(g.start).and_then(|m| of_match.get_mut(m)) {
            v.push(i);
        }
    }
    // matches whose running scores are written the other way round
    let flip: Vec<bool> = results
        .iter()
        .zip(&of_match)
        .map(|(r, mine)| {
            let scores: Vec<(u32, u32)> = mine
                .iter()
                .filter_map(|&i| goals.get(i).and_then(|g| parse(g.score)))
                .collect();
            tally::flipped(r, &scores)
        })
        .collect();
    let mut out = vec![String::new(); goals.len()];
    // previous running score per match
    let mut prev: HashMap<usize, (u32, u32)> = HashMap::new();
    for (g, slot) in goals.iter().zip(out.iter_mut()) {
        let m = match_of(g.start);
        let res = m.and_then(|m| results.get(m));
        let stated = g.stated.as_ref().and_then(|st| {
            let team = match (&st.team, res) {
                (Team::Named(t), _) => t.clone(),
                (Team::Home, Some(r)) if r.line => r.left.to_string(),
                (Team::Away, Some(r)) if r.line => r.right.to_string(),
                _ => return None,
            };
            Some((team, st.strong, st.of_player))
        });
        let (Some(m), Some(res)) = (m, res) else {
            if let Some((t, _, of_player)) = stated
                && !(of_player && g.own_goal)
            {
                *slot = t;
            }
            continue;
        };
        // an own goal credits the other team than the player's
        let stated = stated.and_then(|(t, strong, of_player)| {
            let t = if of_player && g.own_goal {
                other(res, &t)
            } else {
                t
            };
            (!t.is_empty()).then_some((t, strong))
        });
        let tally = prev.get(&m).copied().unwrap_or((0, 0));
        let flipped = flip.get(m).copied().unwrap_or(false);
        let side = match (g.side, parse(g.score)) {
            (Some(s), _) => Some(s),
            (None, Some((l, r))) => {
                let (pl, pr) = tally;
                if l == pl + 1 && r == pr {
                    Some(true)
                } else if r == pr + 1 && l == pl {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        }
        .map(|left| left != flipped)
        .or_else(|| tally::fixed_side(res, g));
        // the running tally goes on with every goal whose side is known
        let side_of_stated = stated.as_ref().and_then(|(t, _)| {
            (t == res.left)
                .then_some(true)
                .or_else(|| (t == res.right).then_some(false))
        });
        match (parse(g.score), side.or(side_of_stated)) {
            (Some(score), _) => {
                prev.insert(m, score);
            }
            (None, Some(left)) => {
                let (l, r) = tally;
                prev.insert(m, if left { (l + 1, r) } else { (l, r + 1) });
            }
            (None, None) => {}
        }
        let by_side = side
            .map(|left| if left { res.left } else { res.right })
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        // a shut-out leaves no doubt; else a firm statement comes first
        let certain = tally::fixed_side(res, g).is_some();
        *slot = match (stated, by_side) {
            (_, Some(t)) if certain => t,
            (Some((t, true)), _) => t,
            (_, Some(t)) => t,
            (Some((t, false)), None) => t,
            (None, None) => String::new(),
        };
    }
    // the same player's other goals of the same match (of the article
    // when no result names both teams)
    let mut player_team: HashMap<(Option<usize>, &str), String> = HashMap::new();
    for (g, t) in goals.iter().zip(&out) {
        if t.is_empty() || g.player.is_empty() {
            continue;
        }
        let m = match_of(g.start);
        let own = match m.and_then(|m| results.get(m)) {
            Some(res) if g.own_goal => other(res, t),
            None if g.own_goal => continue,
            _ => t.clone(),
        };
        if !own.is_empty() {
            player_team.entry((key_of(m), g.player)).or_insert(own);
        }
    }
    for (g, t) in goals.iter().zip(out.iter_mut()) {
        if !t.is_empty() || g.player.is_empty() {
            continue;
        }
        let m = match_of(g.start);
        let Some(own) = player_team.get(&(key_of(m), g.player)) else {
            continue;
        };
        *t = match m.and_then(|m| results.get(m)) {
            Some(res) if g.own_goal => other(res, own),
            None if g.own_goal => continue,
            _ => own.clone(),
        };
    }
    tally::complete(goals, results, &of_match, &mut out);
    out
}

/// The opponent of `team` in a result; empty when it is not one of its teams.
fn other(res: &Result<'_>, team: &str) -> String {
    if team == res.left {
        res.right.to_string()
    } else if team == res.right {
        res.left.to_string()
    } else {
        String::new()
    }
}

/// Whether a stamp at `pos` in a `Tore:` line stands after a `bzw.`
/// (right team) or before it (left team); `None` without one.
pub fn bzw_side(text: &str, pos: usize) -> Option<bool> {
    let lo = text.floor_char_boundary(pos.saturating_sub(400));
    let hi = text.floor_char_boundary((pos + 400).min(text.len()));
    let before = text.get(lo..pos)?;
    let label = before.rfind("Tore:")?;
    let line = before.get(label..)?;
    if line.contains('\n') {
        return None;
    }
    if line.contains(" bzw. ") {
        return Some(false);
    }
    let after = text.get(pos..hi)?;
    let end = after
        .find(['\n'])
        .into_iter()
        .chain(
            after
                .match_indices(". ")
                .map(|(i, _)| i)
                .find(|&i| !after.get(..i).is_some_and(|b| b.ends_with("bzw"))),
        )
        .min()
        .unwrap_or(after.len());
    after
        .get(..end)
        .is_some_and(|a| a.contains(" bzw. "))
        .then_some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal<'a>(start: usize, player: &'a str, score: &'a str, own: bool) -> Goal<'a> {
        Goal {
            start,
            player,
            own_goal: own,
            score,
            side: None,
            stated: None,
            first_half: false,
            consolation: false,
            minute: start as u32,
        }
    }

    #[test]
    fn running_scores_give_the_side() {
        let res = [Result {
            start: 0,
            left: "Estland",
            right: "Litauen",
            line: true,
            score: (2, 2),
            halftime: None,
        }];
        let goals = [
            goal(10, "Kask", "0:1", false),
            goal(20, "Tamm", "1:1", true),
            goal(30, "Kask", "", false),
            goal(40, "Tamm", "", false),
        ];
        // the own goal counts for Estland; Tamm therefore plays for Litauen
        assert_eq!(
            assign(&goals, &res),
            ["Litauen", "Estland", "Litauen", "Litauen"]
        );
    }

    #[test]
    fn no_result_no_team() {
        assert_eq!(assign(&[goal(5, "Kask", "1:0", false)], &[]), [""]);
        // a score that does not follow from the one before tells nothing
        let res = [Result {
            start: 0,
            left: "A",
            right: "B",
            line: false,
            score: (2, 2),
            halftime: None,
        }];
        assert_eq!(assign(&[goal(5, "Kask", "2:2", false)], &res), [""]);
    }

    #[test]
    fn bzw_splits_the_line() {
        let t = "Tore: Walter (3.), Connelly (17.) bzw. Lund (15.). Danach";
        assert_eq!(bzw_side(t, t.find("(3.)").unwrap_or(0)), Some(true));
        assert_eq!(bzw_side(t, t.find("(15.)").unwrap_or(0)), Some(false));
        assert_eq!(bzw_side("Tore: Walter (3.)", 13), None);
        assert_eq!(bzw_side("Walter (3.) bzw. X", 7), None);
    }
}
