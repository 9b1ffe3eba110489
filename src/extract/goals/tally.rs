//! What a match's score says about its goals' teams.
//!
//! - A shut-out (`4:0`, `0:6`): every goal went to the team that scored.
//! - The half-time score: when one side had none at the break, every goal
//!   of the first half went to the other.
//! - A consolation goal (`Ehrentreffer`) is the losing team's.
//! - Counting: when the goals found are exactly the result's and one
//!   team's goals are all accounted for, the rest are the other team's.
//! - Orientation: a result told from one team's view (`verloren bei RB
//!   Leipzig mit 2:4`) and a fact box told home first (`…, 4:2 Nusa`) run
//!   the other way round ([`flipped`]).

use super::teams::{Goal, Result};
use std::collections::HashSet;

/// Whether the running scores of a match's goals are written the other way
/// round than its result: one reaches the result reversed, none the result.
pub fn flipped(res: &Result<'_>, scores: &[(u32, u32)]) -> bool {
    let (l, r) = res.score;
    l != r && scores.contains(&(r, l)) && !scores.contains(&(l, r))
}

/// The side (`true` = left) the result alone gives a goal, if any.
pub fn fixed_side(res: &Result<'_>, g: &Goal<'_>) -> Option<bool> {
    // only goals told after the result, or before a result line (prose,
    // then the line and its fact box), surely belong to its match
    if g.start < res.start && !res.line {
        return None;
    }
    let (l, r) = res.score;
    if l + r > 0 && (l == 0 || r == 0) {
        return Some(r == 0);
    }
    if g.first_half
        && let Some((hl, hr)) = res.halftime
        && hl + hr > 0
        && (hl == 0 || hr == 0)
    {
        return Some(hr == 0);
    }
    if g.consolation && l != r {
        return Some(l < r);
    }
    None
}

/// Fills the teams still unknown in `out` by counting: per match whose
/// goals were all found (each counted once by player and minute), when one
/// team has all its goals, the others are the other team's.
/// `of_match` holds the indices of each result's goals.
pub fn complete(
    goals: &[Goal<'_>],
    results: &[Result<'_>],
    of_match: &[Vec<usize>],
    out: &mut [String],
) {
    for (res, mine) in results.iter().zip(of_match) {
        if res.left.is_empty() || res.right.is_empty() {
            continue;
        }
        // one goal per player and minute
        let mut seen: HashSet<(&str, u32)> = HashSet::new();
        let mut distinct: Vec<usize> = Vec::new();
        for &i in mine {
            if let Some(g) = goals.get(i)
                && seen.insert((g.player, g.minute))
            {
                distinct.push(i);
            }
        }
        let (l, r) = res.score;
        if distinct.len() as u32 != l + r {
            continue;
        }
        let count = |team: &str| {
            distinct
                .iter()
                .filter(|&&i| out.get(i).is_some_and(|t| t == team))
                .count() as u32
        };
        let fill = if count(res.left) == l {
            res.right
        } else if count(res.right) == r {
            res.left
        } else {
            continue;
        };
        for &i in mine {
            if let Some(t) = out.get_mut(i)
                && t.is_empty()
            {
                *t = fill.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::teams::assign;
    use super::*;

    fn res(score: (u32, u32), halftime: Option<(u32, u32)>) -> Result<'static> {
        Result {
            start: 0,
            left: "Kasachstan",
            right: "Belgien",
            line: false,
            score,
            halftime,
        }
    }

    fn goal(start: usize, player: &'static str, minute: u32) -> Goal<'static> {
        Goal {
            start,
            player,
            own_goal: false,
            score: "",
            side: None,
            stated: None,
            first_half: minute <= 45,
            consolation: false,
            minute,
        }
    }

    #[test]
    fn shut_outs_and_half_times() {
        let goals = [goal(10, "Doku", 44), goal(20, "Raskin", 51)];
        assert_eq!(assign(&goals, &[res((0, 6), None)]), ["Belgien", "Belgien"]);
        // 1:0 at the break: the first-half goal is the left team's, and
        // counting gives the other to the right team
        assert_eq!(
            assign(&goals, &[res((1, 1), Some((1, 0)))]),
            ["Kasachstan", "Belgien"]
        );
        // with a goal missing, counting tells nothing
        assert_eq!(
            assign(&goals, &[res((2, 1), Some((1, 0)))]),
            ["Kasachstan", ""]
        );
    }

    #[test]
    fn results_told_the_other_way_round() {
        let mut a = goal(10, "Kask", 12);
        a.score = "1:0";
        let mut b = goal(20, "Tamm", 28);
        b.score = "1:1";
        let mut c = goal(30, "Kask", 80);
        c.score = "2:1";
        // the result `1:2` from the view of the team that lost
        let r = res((1, 2), None);
        assert!(flipped(&r, &[(1, 0), (1, 1), (2, 1)]));
        assert_eq!(
            assign(&[a, b, c], &[r]),
            ["Belgien", "Kasachstan", "Belgien"]
        );
    }

    #[test]
    fn consolation_goals_are_the_losers() {
        let mut g = goal(10, "Kask", 88);
        g.consolation = true;
        assert_eq!(assign(&[g], &[res((5, 1), None)]), ["Belgien"]);
    }

    #[test]
    fn counting_fills_the_rest() {
        // 2:1 with three goals found, the right team's one is known
        let mut g2 = goal(20, "Tamm", 30);
        g2.consolation = true;
        let goals = [goal(10, "Kask", 10), g2.clone(), goal(30, "Kask", 70)];
        assert_eq!(
            assign(&goals, &[res((2, 1), None)]),
            ["Kasachstan", "Belgien", "Kasachstan"]
        );
        // a goal told twice counts once
        let goals = [goal(10, "Kask", 10), goal(15, "Kask", 10), g2];
        assert_eq!(assign(&goals, &[res((2, 1), None)]), ["", "", "Belgien"]);
    }
}
