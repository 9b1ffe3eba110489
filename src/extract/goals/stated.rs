//! The team a goal's sentence names for it (`Für Frankreich traf …`,
//! `Englands Treffer erzielten …`, `für die Gäste`, `Favorit Dänemark
//! gewann durch …`).
//!
//! A team is a name of a result's team (or one word of it: `RB` or
//! `Leipzig` for `RB Leipzig`, when no other team has that word), a country
//! (`data/countries.txt`), or a home/away word (`Gäste`, `Hausherren`,
//! `data/home_away_words.txt`). The nearest such word before the goal in
//! its sentence counts, unless a preposition makes it the opponent or a
//! place (`gegen Belgien`, `in Schweden`: `data/team_blocking_words.txt`).
//! After `für` or as a genitive (`Englands`) the statement is strong;
//! otherwise (the clause's subject) it is weak and void when the clause
//! says the team conceded (`kassierte`: `data/concede_words.txt`). `für X`
//! after the goal (`… trafen für RB`) is strong too.

use super::words::words;
use crate::lexicon::{CONCEDE_WORDS, COUNTRIES, HOME_AWAY_WORDS, TEAM_BLOCKING_WORDS};
use std::ops::Range;

/// A team as the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Team {
    Named(String),
    /// The home (left) team of a `Home – Away` result line.
    Home,
    /// The away (right) team of a `Home – Away` result line.
    Away,
}

/// A team stated for a goal, and how firmly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    pub team: Team,
    /// After `für` or a genitive; weak statements (a clause's subject)
    /// yield to the running score.
    pub strong: bool,
    /// A genitive (`Auentals Verteidiger X`): the player's own team, which
    /// an own goal does not credit.
    pub of_player: bool,
}

/// How far before a goal its team may be named (bytes).
const LOOK_BACK: usize = 300;
/// How far after a goal a `für X` may follow (bytes).
const LOOK_AHEAD: usize = 150;

/// The team names of an article's results.
pub struct Names {
    teams: Vec<String>,
    /// The words of each team (split at blanks) with the team's index:
    /// asked for every capitalised word before a goal, split once.
    words: Vec<(String, usize)>,
}

impl Names {
    pub fn new<'a>(teams: impl Iterator<Item = &'a str>) -> Self {
        let mut out: Vec<String> = Vec::new();
        for t in teams {
            if !t.is_empty() && !out.iter().any(|o| o == t) {
                out.push(t.to_string());
            }
        }
        let words = out
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.split(' ').map(move |p| (p.to_string(), i)))
            .collect();
        Names { teams: out, words }
    }

    /// The team a single word names, if any.
    fn team_of(&self, w: &str) -> Option<Team> {
        if let Some((_, home)) = HOME_AWAY_WORDS.iter().find(|(h, _)| *h == w) {
            return Some(if *home { Team::Home } else { Team::Away });
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if let Some(t) = self.teams.iter().find(|t| t.as_str() == w) {
            return Some(Team::Named(t.clone()));
        }
        // the teams that have `w` as a word: one names it, two name none
        let mut with_word = self.words.iter().filter(|(p, _)| p == w).map(|(_, i)| *i);
        let first = with_word.next();
        let other = first.and_then(|f| with_word.find(|&i| i != f));
        match (first.and_then(|f| self.teams.get(f)), other) {
            (Some(one), None) => return Some(Team::Named(one.clone())),
            (Some(_), Some(_)) => return None,
            (None, _) => {}
        }
        if COUNTRIES.contains(w) {
            return Some(Team::Named(w.to_string()));
        }
        None
    }

    /// The team a word names, also as a genitive (`Englands`): the team and
    /// whether it was a genitive.
    fn team_or_genitive(&self, w: &str) -> Option<(Team, bool)> {
        if let Some(t) = self.team_of(w) {
            return Some((t, false));
        }
        let base = w.strip_suffix('s')?;
        if base.chars().count() < 3 {
            return None;
        }
        match self.team_of(base)? {
            t @ Team::Named(_) => Some((t, true)),
            _ => None,
        }
    }
}

/// The team named for the goal at `start..end` inside `sentence`.
pub fn stated(
    text: &str,
    sentence: Range<usize>,
    start: usize,
    end: usize,
    names: &Names,
) -> Option<Stated> {
    let lo = text
        .floor_char_boundary(start.saturating_sub(LOOK_BACK))
        .max(sentence.start)
        .min(start);
    let before = text.get(lo..start).unwrap_or("");
    let toks: Vec<(usize, usize, &str)> = words(before).map(|(s, w)| (s, s + w.len(), w)).collect();
    let mut found: Option<Stated> = None;
    for (k, &(s, e, w)) in toks.iter().enumerate().rev() {
        let Some((team, genitive)) = names.team_or_genitive(w) else {
            continue;
        };
        // the whole name when written out (`Borussia Dortmund`)
        let (s, k) = match &team {
            Team::Named(t)
                if t.contains(' ') && before.get(..e).is_some_and(|b| b.ends_with(t.as_str())) =>
            {
                let s = e - t.len();
                (s, toks.iter().position(|x| x.0 == s).unwrap_or(k))
            }
            _ => (s, k),
        };
        // a result line `A – B` names both teams, neither for the goal
        let dash = ['–', '-'];
        if before.get(e..).unwrap_or("").trim_start().starts_with(dash)
            || before.get(..s).unwrap_or("").trim_end().ends_with(dash)
        {
            continue;
        }
        // `X (12.) und Y (80.) trafen für RB, Z (28.) …`: a name right
        // after a stamp, in the same clause, belongs to the goals before
        let tail_before = before.get(..s).unwrap_or("");
        if let Some(close) = tail_before.rfind(')')
            && !tail_before
                .get(close..)
                .unwrap_or("")
                .contains([',', ';', ':'])
        {
            break;
        }
        // a fact box's `Tore:` line after a name tells only by its scores
        if before.get(e..).unwrap_or("").contains("Tore:") {
            break;
        }
        let prev = |i: usize| {
            k.checked_sub(i)
                .and_then(|j| toks.get(j))
                .map(|t| t.2.to_lowercase())
        };
        let p1 = prev(1).unwrap_or_default();
        let after_fuer = p1 == "für"
            || (prev(2).is_some_and(|w| w == "für") && matches!(p1.as_str(), "die" | "den"));
        if !after_fuer && TEAM_BLOCKING_WORDS.contains(&p1) {
            continue;
        }
        let strong = after_fuer || genitive;
        if !strong
            && toks
                .get(k + 1..)
                .unwrap_or(&[])
                .iter()
                .any(|t| CONCEDE_WORDS.contains_lower(t.2))
        {
            break;
        }
        found = Some(Stated {
            team,
            strong,
            of_player: genitive,
        });
        break;
    }
    if found.as_ref().is_some_and(|f| f.strong) {
        return found;
    }
    after(text, sentence.end, end, names).or(found)
}

/// `für X` right after a goal, in its sentence.
fn after(text: &str, sentence_end: usize, end: usize, names: &Names) -> Option<Stated> {
    let hi = text
        .floor_char_boundary((end + LOOK_AHEAD).min(text.len()))
        .min(sentence_end)
        .max(end);
    let tail = text.get(end..hi).unwrap_or("");
    // most goals have no `für` after them: no need to split the words
    memchr::memmem::find(tail.as_bytes(), "für".as_bytes())?;
    let toks: Vec<&str> = words(tail).map(|(_, w)| w).collect();
    let k = toks.iter().position(|w| *w == "für")?;
    let next = toks.get(k + 1)?;
    let w = if matches!(*next, "die" | "den") {
        toks.get(k + 2)?
    } else {
        next
    };
    let (team, _) = names.team_or_genitive(w)?;
    Some(Stated {
        team,
        strong: true,
        of_player: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The teams that hold a word, as the plain search found them.
    fn with_word_reference(names: &Names, w: &str) -> Option<Team> {
        let with_word: Vec<&String> = names
            .teams
            .iter()
            .filter(|t| t.split(' ').any(|p| p == w))
            .collect();
        if let [one] = with_word.as_slice() {
            return Some(Team::Named((*one).clone()));
        }
        (with_word.is_empty() && COUNTRIES.contains(w)).then(|| Team::Named(w.to_string()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_team_of_a_word(
            teams in proptest::collection::vec(proptest::sample::select(vec![
                "FC Lindau", "FC Hainberg", "RB Leipzig", "Lindau Lindau", "SV", "Estland",
            ]), 0..4),
            w in proptest::sample::select(vec!["FC", "Lindau", "RB", "SV", "Estland", "Hainberg", "X"]),
        ) {
            let names = Names::new(teams.into_iter());
            let exact = names.teams.iter().find(|t| t.as_str() == w).map(|t| Team::Named(t.clone()));
            prop_assert_eq!(names.team_of(w), exact.or_else(|| with_word_reference(&names, w)));
        }
    }

    fn names() -> Names {
        Names::new(["RB Leipzig", "Borussia Dortmund", "Estland"].into_iter())
    }

    fn team_for(t: &str, goal: &str) -> Option<Stated> {
        let start = t.find(goal)?;
        stated(t, 0..t.len(), start, start + goal.len(), &names())
    }

    fn named(t: &str, strong: bool) -> Option<Stated> {
        Some(Stated {
            team: Team::Named(t.to_string()),
            strong,
            of_player: false,
        })
    }

    #[test]
    fn fuer_and_genitive_are_strong() {
        assert_eq!(
            team_for("Für Leipzig traf zunächst Kai Mohr (12.).", "Kai Mohr"),
            named("RB Leipzig", true)
        );
        assert_eq!(
            team_for(
                "Kai Mohr (12.) und Tim Bauer (50.) trafen für RB.",
                "Kai Mohr"
            ),
            named("RB Leipzig", true)
        );
        assert_eq!(
            team_for(
                "Schwedens Tore schossen Lina Berg (5.) und Ida Holm (57.).",
                "Ida Holm"
            ),
            Some(Stated {
                team: Team::Named("Schweden".to_string()),
                strong: true,
                of_player: true,
            })
        );
        assert_eq!(
            team_for(
                "Den Ausgleich für die Gäste besorgte Tom Kühn (77.).",
                "Tom Kühn"
            ),
            Some(Stated {
                team: Team::Away,
                strong: true,
                of_player: false,
            })
        );
    }

    #[test]
    fn subject_is_weak_and_opponents_do_not_count() {
        assert_eq!(
            team_for(
                "Favorit Dortmund gewann durch Tore von Ole Krug (30.).",
                "Ole Krug"
            ),
            named("Borussia Dortmund", false)
        );
        // the opponent after `gegen`, a place after `in`
        assert_eq!(
            team_for("Beim Sieg gegen Estland traf Ole Krug (30.).", "Ole Krug"),
            None
        );
        assert_eq!(
            team_for(
                "In Schweden gelang Ole Krug (30.) der Siegtreffer.",
                "Ole Krug"
            ),
            None
        );
        // the subject conceded
        assert_eq!(
            team_for(
                "Estland kassierte durch Ole Krug (30.) das 0:1.",
                "Ole Krug"
            ),
            None
        );
        // a result line names both teams
        assert_eq!(
            team_for("Estland – Borussia Dortmund 0:1 Ole Krug (30.)", "Ole Krug"),
            None
        );
        // the nearest statement wins
        assert_eq!(
            team_for(
                "Für Estland traf Jaan Kask (20.), ehe Dortmund durch Ole Krug (30.) ausglich.",
                "Ole Krug"
            ),
            named("Borussia Dortmund", false)
        );
    }

    #[test]
    fn names_after_stamps_belong_to_the_goals_before() {
        let t = "Kai Mohr (12.) und Tim Bauer (50.) trafen für RB, Ole Krug (28.) gelang nur der Anschluss.";
        assert_eq!(team_for(t, "Ole Krug"), None);
        assert_eq!(team_for(t, "Tim Bauer"), named("RB Leipzig", true));
        // a fact box line after the teams
        assert_eq!(
            team_for(
                "RB Leipzig 4 Hamburg 2 Tore: 1:0 Kai Mohr (12.)",
                "Kai Mohr"
            ),
            None
        );
    }

    #[test]
    fn nothing_stated() {
        assert_eq!(
            team_for("Die Führung durch Ole Krug (30.) hielt.", "Ole Krug"),
            None
        );
        assert_eq!(team_for("", ""), None);
        // a word two teams share names neither
        let two = Names::new(["FC Lindau", "FC Hainberg"].into_iter());
        let t = "Für FC traf Ole Krug (30.).";
        assert_eq!(stated(t, 0..t.len(), 16, 24, &two), None);
    }
}
