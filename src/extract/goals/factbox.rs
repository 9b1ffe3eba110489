//! The goals of an article's fact boxes (`Tore: 1:0 Müller (12.), …`) as
//! the authority on who scored when.
//!
//! Match reports tell the same goal twice: in prose (`Die Antwort gab
//! erneut Owusu (84.)`) and in the fact box. Prose words can hide a goal
//! (no goal word at all) or fake one (`hielt auch einen Penalty von Kowalczyk
//! (34.)`). So a prose minute whose player the fact box lists with that
//! minute is a goal, whatever the words say; and one whose player the fact
//! box lists only with other minutes (none within [`SLACK`]) is none.
//!
//! An article may report several matches, each under its own result line
//! (`Home – Away 2:1`; a line repeating the teams of the one before opens
//! no new match) and with its own fact box; a fact box speaks only for the
//! stamps of its own match: those after the same result line (once a
//! match's box is closed, what follows is the next match's prose), or,
//! for the first match, before its result line.

use std::collections::HashMap;

/// How far a prose minute may be from the fact box's minute for the same
/// goal (reports round added time differently: `90.+2` and `90.+3`).
const SLACK: u32 = 2;

/// The fact-box goals with the result lines that separate matches.
#[derive(Debug, Default)]
pub struct FactBox {
    /// Start offsets of the result lines, sorted.
    lines: Vec<usize>,
    /// (minute, offset) of each fact-box goal, per player and section (a
    /// lookup never scans another match's goals).
    goals: HashMap<(String, usize), Vec<(u32, usize)>>,
    /// The first fact-box goal of each section (offset).
    first_in: HashMap<usize, usize>,
}

impl FactBox {
    /// An empty fact box for an article with result lines at `lines`
    /// (sorted start offsets).
    pub fn new(lines: Vec<usize>) -> Self {
        FactBox {
            lines,
            ..FactBox::default()
        }
    }

    pub fn add(&mut self, player: &str, minute: u32, pos: usize) {
        if player.is_empty() {
            return;
        }
        let section = self.section(pos);
        self.goals
            .entry((player.to_string(), section))
            .or_default()
            .push((minute, pos));
        let first = self.first_in.entry(section).or_insert(pos);
        *first = (*first).min(pos);
    }

    /// How many result lines start at or before `pos`.
    fn section(&self, pos: usize) -> usize {
        self.lines.partition_point(|&l| l <= pos)
    }

    /// The match section of a stamp at `pos`: the one its result line
    /// opens, or the next one when that match's fact box already came
    /// before it (prose of the next match before its own result line).
    fn stamp_section(&self, pos: usize) -> usize {
        let p = self.section(pos);
        let closed = self.first_in.get(&p).is_some_and(|&first| first < pos);
        if closed { p + 1 } else { p }
    }

    /// This player's fact-box minutes for the match of a stamp at `pos`:
    /// those of the stamp's section, or, before any result line, of the
    /// first match (prose, then the result line, then the box).
    fn minutes<'a>(&'a self, player: &str, pos: usize) -> impl Iterator<Item = u32> + 'a {
        let e = self.stamp_section(pos);
        let own = self
            .goals
            .get(&(player.to_string(), e))
            .into_iter()
            .flatten();
        let first = (e == 0)
            .then(|| self.goals.get(&(player.to_string(), 1)))
            .flatten()
            .into_iter()
            .flatten()
            .filter(move |(_, at)| pos < *at);
        own.chain(first).map(|(m, _)| *m)
    }

    /// The fact box lists this player's goal at this minute.
    pub fn confirms(&self, player: &str, minute: u32, pos: usize) -> bool {
        !player.is_empty() && self.minutes(player, pos).any(|m| m == minute)
    }

    /// The fact box lists goals of this player, none near this minute.
    pub fn refutes(&self, player: &str, minute: u32, pos: usize) -> bool {
        let mut theirs = self.minutes(player, pos).peekable();
        theirs.peek().is_some() && theirs.all(|m| m.abs_diff(minute) > SLACK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirms_and_refutes() {
        let mut fb = FactBox::new(Vec::new());
        fb.add("Kai Mohr", 12, 500);
        fb.add("Kai Mohr", 80, 510);
        fb.add("", 5, 520);
        assert!(fb.confirms("Kai Mohr", 80, 100));
        assert!(!fb.confirms("Kai Mohr", 81, 100));
        assert!(!fb.refutes("Kai Mohr", 81, 100));
        assert!(fb.refutes("Kai Mohr", 34, 100));
        // a player the fact box does not list is neither
        assert!(!fb.confirms("Tom Bauer", 12, 100));
        assert!(!fb.refutes("Tom Bauer", 34, 100));
        assert!(!fb.confirms("", 5, 100));
    }

    #[test]
    fn a_fact_box_speaks_for_its_own_match() {
        // match 1: line at 0, fact box at 300; match 2: line at 400, prose
        // at 450, no fact box; match 3: prose at 600, line at 700, fact box
        // at 750
        let mut fb = FactBox::new(vec![0, 400, 700]);
        fb.add("Kai Mohr", 12, 300);
        fb.add("Tom Bauer", 30, 750);
        assert!(fb.refutes("Kai Mohr", 72, 100));
        assert!(!fb.refutes("Kai Mohr", 72, 450));
        assert!(!fb.confirms("Tom Bauer", 30, 450));
        assert!(fb.confirms("Tom Bauer", 30, 720));
        // prose before its own result line, after the last match's box
        let mut fb = FactBox::new(vec![0, 700]);
        fb.add("Kai Mohr", 12, 300);
        fb.add("Tom Bauer", 30, 750);
        assert!(fb.confirms("Tom Bauer", 30, 600));
        assert!(!fb.refutes("Kai Mohr", 72, 600));
        // prose before the first result line
        let mut fb = FactBox::new(vec![700]);
        fb.add("Tom Bauer", 30, 750);
        assert!(fb.confirms("Tom Bauer", 30, 100));
    }
}
