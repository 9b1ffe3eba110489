//! `goals.csv` (SPEC "goals.csv"): every goal with a minute, its scorer
//! resolved to the fullest name form, kind (`goal`, `penalty`,
//! `own_goal`), the running score and the team where stated.
//!
//! Two sources: minute stamps in parentheses ([`stamps`]) after a name
//! (`Kevin De Bruyne (42.)`), in a fact box (`Tore: 1:0 Müller (12.)`) or
//! after a clause (`erzielte Ryan Duncan das 5:1 (42.)`), and minutes in
//! prose (`in der 50. Minute`). A stamp counts when its sentence says a goal
//! was scored and does not say the chance was missed or saved
//! ([`context`]); line-up substitutions (`(87. Schöne)`) are never stamps.

pub mod context;
pub mod factbox;
pub mod minutes;
pub mod near;
pub mod prose;
pub mod stamps;
pub mod stated;
mod stems;
pub mod tally;
pub mod teams;
mod words;

use super::scores::Kind;
use super::{Context, Extractor, Row, TableSpec};
use context::{Clause, Sentences};
use stamps::{Mark, prose_minutes, stamps};

pub static SPEC: TableSpec = TableSpec {
    name: "goals",
    columns: &["player", "minute", "added", "kind", "score", "team"],
    numeric: &["minute", "added"],
};

pub struct Goals;

impl Extractor for Goals {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, ctx: &Context<'_>) -> Vec<Row> {
        let article = ctx.article;
        let text = &article.text;
        let from = article.body_start().min(text.len());
        let all_stamps = stamps(text, from);
        let prose = prose_minutes(text, from, &all_stamps);
        if all_stamps.is_empty() && prose.is_empty() {
            // nothing to read: spare the people and score searches
            return Vec::new();
        }
        let all_scores = ctx.scores();
        // results naming both teams mark the matches; with none, those
        // naming one team
        let both = all_scores
            .iter()
            .any(|s| s.kind == Kind::Result && !s.teams.0.is_empty() && !s.teams.1.is_empty());
        let results: Vec<teams::Result<'_>> = all_scores
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.kind == Kind::Result
                    && if both {
                        !s.teams.0.is_empty() && !s.teams.1.is_empty()
                    } else {
                        !s.teams.0.is_empty() || !s.teams.1.is_empty()
                    }
            })
            .map(|(i, s)| teams::Result {
                start: s.pair.start,
                left: &s.teams.0,
                right: &s.teams.1,
                line: home_away_line(text, s.pair.start, &s.teams.1),
                score: (s.pair.left, s.pair.right),
                // the half-time score in the parenthesis right after it
                halftime: all_scores
                    .get(i + 1)
                    .filter(|h| h.kind == Kind::Halftime && h.pair.start < s.pair.end + 40)
                    .map(|h| (h.pair.left, h.pair.right)),
            })
            .collect();
        let names = stated::Names::new(
            all_scores
                .iter()
                .filter(|s| s.kind == Kind::Result)
                .flat_map(|s| [s.teams.0.as_str(), s.teams.1.as_str()]),
        );
        let running: Vec<(usize, usize, String)> = all_scores
            .iter()
            .filter(|s| s.kind == Kind::Running || s.kind == Kind::Result)
            .map(|s| {
                let p = s.pair;
                (p.start, p.end, format!("{}:{}", p.left, p.right))
            })
            .collect();
        let cx = Clause::new(
            text,
            ctx.people(),
            &all_stamps,
            &running,
            Sentences::new(article),
        );
        // the player of every stamp, goal or not: a later stamp of the same
        // sentence without a name of its own carries it on (`sorgte für die
        // 2:1-Führung (62.) und machte kurz darauf alles klar (63.)`)
        let mut players: Vec<(Option<context::Named>, String)> = Vec::new();
        for (k, st) in all_stamps.iter().enumerate() {
            let named = cx.name_before(st.open);
            let player = match &named {
                Some(n) => n.full.clone(),
                None => {
                    let carried = k
                        .checked_sub(1)
                        .and_then(|j| Some((all_stamps.get(j)?, players.get(j)?)))
                        .filter(|(p, _)| cx.sentence(p.open) == cx.sentence(st.open))
                        .map(|(_, (_, name))| name.as_str());
                    cx.scorer_for_stamp(k, carried).unwrap_or_default()
                }
            };
            players.push((named, player));
        }
        // result lines open matches; one repeating the teams of the line
        // before (a summary on top, the box below) opens no new one
        let mut lines: Vec<&teams::Result<'_>> = Vec::new();
        for r in results.iter().filter(|r| r.line) {
            if !lines
                .last()
                .is_some_and(|l| l.left == r.left && l.right == r.right)
            {
                lines.push(r);
            }
        }
        let mut fact_box = factbox::FactBox::new(lines.iter().map(|r| r.start).collect());
        for (st, (_, player)) in all_stamps.iter().zip(&players) {
            if cx.in_fact_box(st.open) {
                for m in &st.minutes {
                    fact_box.add(player, m.minute, st.open);
                }
            }
        }
        let mut rows = Vec::new();
        let mut sides: Vec<Option<bool>> = Vec::new();
        let mut consolations: Vec<bool> = Vec::new();
        let mut stateds: Vec<Option<stated::Stated>> = Vec::new();
        for (k, (st, (named, player))) in all_stamps.iter().zip(&players).enumerate() {
            let fact_box_line = cx.in_fact_box(st.open);
            let confirmed = st
                .minutes
                .iter()
                .all(|m| fact_box.confirms(player, m.minute, st.open));
            if !fact_box_line && !confirmed && !cx.says_goal(k) {
                continue;
            }
            let score = cx.score_for_stamp(k, named.as_ref().map(|n| n.start));
            let near = match cx.mark_near(st.open, st.close, named.as_ref().map(|n| n.start)) {
                Mark::Goal => cx.near_mark(k).unwrap_or(Mark::Goal),
                m => m,
            };
            let single = st.minutes.len() == 1;
            let side = teams::bzw_side(text, st.open);
            for m in &st.minutes {
                if !fact_box_line && fact_box.refutes(player, m.minute, st.open) {
                    continue;
                }
                let (start, end) = match (named, single) {
                    (Some(n), true) => (n.start, st.close),
                    (None, true) => (st.open, st.close),
                    _ => (m.start, m.end),
                };
                let mark = if m.mark == Mark::Goal { near } else { m.mark };
                rows.push(row(
                    start,
                    end,
                    player,
                    m.minute,
                    m.added,
                    mark,
                    if single { &score } else { "" },
                ));
                sides.push(side);
                consolations.push(cx.consolation(k));
                stateds.push(stated::stated(
                    text,
                    cx.sentence(st.open),
                    start,
                    st.close,
                    &names,
                ));
            }
        }
        for pm in prose {
            let goal = match cx.prose_goal(pm.start, pm.end) {
                Some(g) if !fact_box.refutes(&g.player, pm.minute, pm.start) => g,
                Some(_) => continue,
                None => {
                    // a minute the fact box confirms for the clause's player
                    let player = cx.prose_scorer(pm.start, pm.end).unwrap_or_default();
                    if !fact_box.confirms(&player, pm.minute, pm.start) {
                        continue;
                    }
                    prose::ProseGoal {
                        player,
                        score: String::new(),
                    }
                }
            };
            rows.push(row(
                pm.start,
                pm.end,
                &goal.player,
                pm.minute,
                None,
                Mark::Goal,
                &goal.score,
            ));
            sides.push(None);
            let s = cx.sentence(pm.start);
            consolations.push(near::tells_consolation(cx.slice(s.start, s.end)));
            stateds.push(stated::stated(
                text,
                cx.sentence(pm.start),
                pm.start,
                pm.end,
                &names,
            ));
        }
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| rows.get(i).map(|r| r.start));
        let goals: Vec<teams::Goal<'_>> = order
            .iter()
            .filter_map(|&i| {
                let r = rows.get(i)?;
                let value = |k: usize| r.values.get(k).map_or("", String::as_str);
                let minute: u32 = value(1).parse().unwrap_or(0);
                Some(teams::Goal {
                    start: r.start,
                    player: value(0),
                    own_goal: value(3) == "own_goal",
                    score: value(4),
                    side: sides.get(i).copied().flatten(),
                    stated: stateds.get(i).cloned().flatten(),
                    first_half: minute <= 45,
                    consolation: consolations.get(i).copied().unwrap_or(false),
                    minute,
                })
            })
            .collect();
        let found = teams::assign(&goals, &results);
        drop(goals);
        for (&i, team) in order.iter().zip(found) {
            if let Some(v) = rows.get_mut(i).and_then(|r| r.values.get_mut(5)) {
                *v = team;
            }
        }
        rows
    }
}

/// Whether the result at `start` closes a `Home – Away` line ending with
/// its right team.
fn home_away_line(text: &str, start: usize, right: &str) -> bool {
    let lo = text.floor_char_boundary(start.saturating_sub(200));
    let before = text.get(lo..start).unwrap_or("").trim_end();
    let Some(rest) = before.strip_suffix(right) else {
        return false;
    };
    let rest = rest.trim_end();
    !right.is_empty() && (rest.ends_with('–') || rest.ends_with('-'))
}

fn row(
    start: usize,
    end: usize,
    player: &str,
    minute: u32,
    added: Option<u32>,
    mark: Mark,
    score: &str,
) -> Row {
    let kind = match mark {
        Mark::Goal => "goal",
        Mark::Penalty => "penalty",
        Mark::OwnGoal => "own_goal",
    };
    Row::new(
        start,
        end,
        vec![
            player.to_string(),
            minute.to_string(),
            added.map(|a| a.to_string()).unwrap_or_default(),
            kind.to_string(),
            score.to_string(),
            String::new(),
        ],
    )
}

#[cfg(test)]
mod tests;
