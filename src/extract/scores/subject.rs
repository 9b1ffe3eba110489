//! The left team of a result told in prose when it is not the word right
//! before the verb: German moves the subject around.
//!
//! - After the verb: `Damals entschied der FC Bayern die Partie mit 2:0
//!   für sich`, `Schon am Freitag hatte Ettlingen beim TC Aalen mit 5:4
//!   gewonnen` — a clause that opens with an adverbial (not with `der`,
//!   `die`, `sein`: `data/nominative_openers.txt`) has its subject right
//!   after the verb ([`clause_subject`]).
//! - In a relative clause: `… der SC Weidenau, der sich im Finale gegen den
//!   TSV Hohenfels II mit 5:4 n.E. durchsetzte` — the name before `, der`
//!   ([`relative_antecedent`]).
//! - As a description: `Am Samstag gewann das Team von Trainerin Roth mit
//!   3:1 gegen den VC Neustadt`, `bezwang der Tabellenzweite die Eisbären`
//!   (`data/team_descriptions.txt`) — the team an earlier sentence has as
//!   its subject ([`previous_team`]).
//! - As a group of a nation: `Die Däninnen … 3:0 gegen Belgien`
//!   (`data/nationality_teams.txt`, [`nationality_team`]).

use super::teams::{Word, known, sentence, team_before, team_word, word_str, words};
use crate::lexicon::lower::{ROOM, lower};
use crate::lexicon::{
    Bits, CLAUSE_BREAKS, DETERMINERS, NATIONALITY_TEAMS, NOMINATIVE_OPENERS, POSSESSIVES,
    PREPOSITIONS, RELATIVE_PRONOUNS, RESULT_VERBS, TEAM_BLOCKING_WORDS, TEAM_DESCRIPTIONS, WordSet,
};
use std::collections::HashSet;
use std::sync::LazyLock;

/// How many sentences back a description's team may be named.
const SENTENCES_BACK: usize = 30;

/// The country a plural nationality noun stands for (`Däninnen` →
/// `Dänemark`).
pub fn nationality_team(word: &str) -> Option<&'static str> {
    // most words asked about are none: the word set's length and byte
    // tests answer them before the map hashes the word
    if !NATIONALITY_NOUNS_PLURAL.contains(word) {
        return None;
    }
    NATIONALITY_TEAMS.get(word).copied()
}

/// The keys of [`NATIONALITY_TEAMS`] as a word set.
static NATIONALITY_NOUNS_PLURAL: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::of(NATIONALITY_TEAMS.keys().copied()));

/// Whether a word describes a team (`Tabellenzweite`, `Eishockey-Senioren`).
pub fn is_description(word: &str) -> bool {
    let Some((bits, tails)) = DESCRIPTION_TAILS.as_ref() else {
        let mut buf = [0; ROOM];
        let lower = lower(word, &mut buf);
        let last = lower.rsplit('-').next().unwrap_or(&lower);
        return TEAM_DESCRIPTIONS.iter().any(|d| last.ends_with(*d));
    };
    // most words end otherwise than every description: their last two
    // bytes answer before the word is lowered
    let b = word.as_bytes();
    if b.len() >= 2 && b.is_ascii() {
        let (Some(&y), Some(&z)) = (b.get(b.len() - 2), b.last()) else {
            return false;
        };
        if !bits.has(tail_bit(y.to_ascii_lowercase(), z.to_ascii_lowercase())) {
            return false;
        }
    }
    let mut buf = [0; ROOM];
    let lower = lower(word, &mut buf);
    let last = lower.rsplit('-').next().unwrap_or(&lower).as_bytes();
    // only the descriptions that end with the same two bytes can end it
    match (
        last.len().checked_sub(2).and_then(|i| last.get(i)),
        last.last(),
    ) {
        (Some(&y), Some(&z)) => {
            let key = tail_bit(y, z);
            tails
                .iter()
                .any(|&(k, d)| k == key && last.ends_with(d.as_bytes()))
        }
        _ => false,
    }
}

/// Every team description with its last two bytes ([`tail_bit`]), and
/// those as a bit map.
type Tails = (Bits<64>, Vec<(usize, &'static str)>);

/// The [`Tails`] of the team descriptions; none when a description is
/// shorter than two bytes.
static DESCRIPTION_TAILS: LazyLock<Option<Tails>> = LazyLock::new(|| {
    let tails: Option<Vec<(usize, &'static str)>> = TEAM_DESCRIPTIONS
        .iter()
        .map(|d| {
            let b = d.as_bytes();
            Some((tail_bit(*b.get(b.len().checked_sub(2)?)?, *b.last()?), *d))
        })
        .collect();
    tails.map(|t| (Bits::of(t.iter().map(|(k, _)| *k)), t))
});

/// Two bytes as one of 4096 bits (the low six bits of each: letters stay
/// apart).
fn tail_bit(y: u8, z: u8) -> usize {
    usize::from(y & 63) << 6 | usize::from(z & 63)
}

/// The word `i` as written.
fn at<'t>(text: &'t str, ws: &[Word], i: usize) -> &'t str {
    ws.get(i).map_or("", |w| word_str(text, *w))
}

/// Whether the team words ending right before word `i` follow a
/// preposition (`gegen TPS Turku beim 2:3`): an object, not a subject.
pub(super) fn governed_before(text: &str, ws: &[Word], i: usize) -> bool {
    let mut k = i;
    while k > 0 && team_word(at(text, ws, k - 1)) {
        k -= 1;
    }
    while k > 0 && DETERMINERS.contains_lower(at(text, ws, k - 1)) {
        k -= 1;
    }
    k > 0 && {
        let g = at(text, ws, k - 1);
        PREPOSITIONS.contains_lower(g) || TEAM_BLOCKING_WORDS.contains_lower(g)
    }
}

/// Where the clause holding word `at_word` starts: after the last stop
/// before it that opens a new clause (a determiner, a conjunction or a
/// capitalised word follows; `am Sonntag, 9. Februar 2025, im Derby`
/// goes on).
pub(super) fn clause_start(text: &str, ws: &[Word], at_word: usize) -> usize {
    (1..at_word)
        .rev()
        .find(|&k| {
            let next = at(text, ws, k);
            ws.get(k - 1).is_some_and(|w| w.stop)
                && (DETERMINERS.contains_lower(next)
                    || CLAUSE_BREAKS.contains(next)
                    || next.starts_with(char::is_uppercase))
        })
        .unwrap_or(0)
}

/// A known team run starting at word `i` (after determiners, `sich` and
/// up to three lower-case words), with the index after it.
fn np_team(
    text: &str,
    ws: &[Word],
    mut i: usize,
    end: usize,
    teams: &HashSet<String>,
) -> Option<(String, usize)> {
    let mut skipped = 0;
    while i < end && skipped < 3 {
        let w = at(text, ws, i);
        if w == "sich" {
            i += 1;
        } else if PREPOSITIONS.contains(w) {
            // `gelang gegen TPS Turku …`: an object, not the subject
            return None;
        } else if DETERMINERS.contains_lower(w) || w.starts_with(char::is_lowercase) {
            i += 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let mut k = i;
    while k < end
        && ws
            .get(k)
            .is_some_and(|w| team_word(word_str(text, *w)) && !(k > i && w.opens))
    {
        let stop = ws.get(k).is_some_and(|w| w.stop);
        k += 1;
        if stop {
            break;
        }
    }
    if k == i || ws.get(i).is_some_and(|w| w.opens) {
        return None;
    }
    Some((team_before(text, ws, k, teams)?, k))
}

/// The subject of the clause `c..end` when the clause does not open with
/// it (German puts the subject right after the verb then): `Damals
/// entschied der FC Bayern …`, `Schon am Freitag hatte Ettlingen …`. For
/// clauses that open with no nominative opener ([`clause_subject`]).
fn inverted_subject(
    text: &str,
    ws: &[Word],
    c: usize,
    end: usize,
    teams: &HashSet<String>,
) -> Option<String> {
    // the verb: the first lower-case word after the opening phrase that is
    // no preposition or determiner
    let verb = (c + 1..end).find(|&k| {
        let w = at(text, ws, k);
        w.starts_with(char::is_lowercase)
            && !PREPOSITIONS.contains(w)
            && !DETERMINERS.contains(w)
            && !CLAUSE_BREAKS.contains(w)
    })?;
    np_team(text, ws, verb + 1, end, teams).map(|(name, _)| name)
}

/// The subject of the clause `c..end`: a known team opening it (also as
/// the genitive after a description: `Die Volleyballerinnen des TSV
/// Lindenhof haben …`), else the team right after its verb.
pub(super) fn clause_subject(
    text: &str,
    ws: &[Word],
    c: usize,
    end: usize,
    teams: &HashSet<String>,
) -> Option<String> {
    let opener = NOMINATIVE_OPENERS.contains_lower(at(text, ws, c));
    if opener || team_word(at(text, ws, c)) {
        let start = if opener { c + 1 } else { c };
        if let Some((name, k)) = np_team(text, ws, start, end, teams)
            && k < end
            && at(text, ws, k).starts_with(char::is_lowercase)
        {
            return Some(name);
        }
        // `Die Handballerinnen der TSG Ahrenfeld`
        if let Some(noun) = (start..end.min(start + 3)).find(|&k| is_description(at(text, ws, k)))
            && matches!(at(text, ws, noun + 1), "des" | "der")
        {
            return np_team(text, ws, noun + 2, end, teams).map(|(n, _)| n);
        }
        if opener {
            return None;
        }
    }
    inverted_subject(text, ws, c, end, teams)
}

/// The team named before `, der …` when the score's clause is a relative
/// clause; a run of at least two team words counts even when unknown
/// (`die Moorburg Hurricanes, die sich … durchsetzten`).
pub(super) fn relative_antecedent(
    text: &str,
    ws: &[Word],
    at: usize,
    teams: &HashSet<String>,
) -> Option<String> {
    let r = (1..at).rev().find(|&r| {
        let w = ws.get(r).map_or("", |w| word_str(text, *w));
        RELATIVE_PRONOUNS.contains(w) && ws.get(r - 1).is_some_and(|p| p.stop)
    })?;
    // no other clause break between the pronoun and the score
    if ws.get(r..at)?.iter().any(|w| w.stop) {
        return None;
    }
    if let Some(t) = team_before(text, ws, r, teams) {
        return Some(t);
    }
    let mut k = r;
    while k > 0
        && ws
            .get(k - 1)
            .is_some_and(|w| team_word(word_str(text, *w)) && (k == r || !w.stop))
    {
        k -= 1;
    }
    let run: Vec<&str> = ws.get(k..r)?.iter().map(|w| word_str(text, *w)).collect();
    let descriptive = run.first().is_some_and(|w| is_description(w));
    // an unknown name counts only when the clause tells a result
    let told = ws
        .get(r..)?
        .iter()
        .any(|w| RESULT_VERBS.contains_lower(word_str(text, *w)));
    (told && run.len() >= 2 && run.len() <= 5 && !descriptive).then(|| run.join(" "))
}

/// Whether words `a..b` hold a team description after a determiner (`das
/// Team von …`, `der Tabellenzweite`) that no preposition governs.
pub(super) fn has_description(text: &str, ws: &[Word], a: usize, b: usize) -> bool {
    (a + 1..b).any(|i| {
        let s = at(text, ws, i);
        let det = at(text, ws, i - 1);
        let before = i.checked_sub(2).map(|k| at(text, ws, k));
        // `Sein Team`, `ihre Mannschaft`: a person's team, not the subject
        // talked about
        s.starts_with(char::is_uppercase)
            && is_description(s)
            && DETERMINERS.contains_lower(det)
            && !POSSESSIVES.contains_lower(det)
            && !before.is_some_and(|w| {
                PREPOSITIONS.contains_lower(w) || TEAM_BLOCKING_WORDS.contains_lower(w)
            })
    })
}

/// The team an earlier sentence (nearest first) has as its subject, other
/// than `not`: the team a description at `pos` refers to.
pub fn previous_team(
    text: &str,
    from: usize,
    pos: usize,
    teams: &HashSet<String>,
    not: &str,
) -> Option<String> {
    // `pos` is the start of the description's sentence
    let mut end = pos;
    for _ in 0..SENTENCES_BACK {
        if end <= from {
            return None;
        }
        // a position inside the sentence before: before its final mark
        let body = text.get(from..end).unwrap_or("");
        let inside = body
            .trim_end()
            .trim_end_matches(['.', '!', '?', '"', '“', '»', '«', '\''])
            .len();
        if inside == 0 {
            return None;
        }
        let (a, b) = sentence(text, from, text.floor_char_boundary(from + inside - 1));
        let ws = words(text, a, b);
        if let Some(t) = clause_subject(text, &ws, 0, ws.len(), teams).filter(|t| t != not) {
            return Some(t);
        }
        if a >= end {
            return None;
        }
        end = a;
    }
    None
}

/// Whether a name is a team for the subject rules.
pub fn is_known(name: &str, teams: &HashSet<String>) -> bool {
    known(name, teams) || nationality_team(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::teams::prose_teams;
    use super::{is_description, nationality_team};
    use crate::lexicon::TEAM_DESCRIPTIONS;
    use proptest::prelude::*;
    use std::collections::HashSet;

    /// The plain definition: the whole word lowered, each description tried.
    fn description_reference(word: &str) -> bool {
        let lower = word.to_lowercase();
        let last = lower.rsplit('-').next().unwrap_or(&lower);
        TEAM_DESCRIPTIONS.iter().any(|d| last.ends_with(*d))
    }

    #[test]
    fn descriptions_as_the_plain_definition() {
        for d in TEAM_DESCRIPTIONS.iter() {
            let mut up = d.chars();
            let cap: String = up
                .next()
                .map(|c| c.to_uppercase().chain(up).collect())
                .unwrap_or_default();
            for w in [
                d.to_string(),
                cap.clone(),
                d.to_uppercase(),
                format!("Eishockey-{cap}"),
                format!("{cap}-Eishockey"),
                format!("X{d}"),
                format!("{d}x"),
            ] {
                assert_eq!(is_description(&w), description_reference(&w), "{w:?}");
            }
        }
        assert!(is_description("Tabellenzweite") && is_description("Eishockey-Senioren"));
        assert!(!is_description("Kornstadt") && !is_description(""));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_descriptions(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Team", "team", "TEAM", "elf", "Elf", "-", "Fußball", "ERINNEN", "x", "İ", "ß", "e",
            ]), 0..4),
        ) {
            let w: String = v.concat();
            prop_assert_eq!(is_description(&w), description_reference(&w), "{:?}", w);
        }
    }

    fn teams(t: &str, score: &str) -> (String, String) {
        let start = t.find(score).unwrap_or(0);
        prose_teams(t, 0, start, start + score.len(), &HashSet::new())
    }

    fn pair(l: &str, r: &str) -> (String, String) {
        (l.to_string(), r.to_string())
    }

    #[test]
    fn nations_as_groups() {
        assert_eq!(
            teams(
                "Die Norwegerinnen sicherten sich durch ein 2:0 gegen Polen den Gruppensieg vor Titelverteidiger Schweden.",
                "2:0"
            ),
            pair("Norwegen", "Polen")
        );
        assert_eq!(
            teams("Die Kasachen hatten zuletzt 0:1 in Wales verloren.", "0:1"),
            pair("Kasachstan", "Wales")
        );
        // the singular is a person, not a team
        assert_eq!(nationality_team("Spanier"), Some("Spanien"));
        assert_eq!(nationality_team("Spanierin"), None);
    }

    #[test]
    fn subject_after_the_verb() {
        assert_eq!(
            teams(
                "Damals entschied der SC Freiburg das Spiel mit 2:0 für sich.",
                "2:0"
            ),
            pair("SC Freiburg", "")
        );
        assert_eq!(
            teams(
                "Schon am Freitag hatte der TSV Lohr beim TC Aalen mit 5:4 gewonnen.",
                "5:4"
            ),
            pair("TSV Lohr", "TC Aalen")
        );
        // a clause opened by its subject: the team after the verb is the object
        assert_eq!(
            teams(
                "Die zuvor punktlosen Hamburger trotzten dem FC Kiel ein 0:0 ab.",
                "0:0"
            ),
            pair("", "")
        );
        // a team after a preposition is no subject
        assert_eq!(
            teams(
                "Zwar gelang gegen den SV Linz beim 2:3 der erste Punkt.",
                "2:3"
            ),
            pair("", "")
        );
    }

    #[test]
    fn relative_clauses() {
        assert_eq!(
            teams(
                "Den Pokal holte sich der SC Weidach, der sich im Finale gegen den TSV Hohenau mit 5:4 n.E. durchsetzte.",
                "5:4"
            ),
            pair("SC Weidach", "TSV Hohenau")
        );
        // an unknown name counts when the clause tells a result
        assert_eq!(
            teams(
                "Dort warten die Kieler Sprotten, die sich bei den Harzer Luchsen mit 4:3 durchsetzten.",
                "4:3"
            ),
            pair("Kieler Sprotten", "Harzer Luchsen")
        );
        assert_eq!(
            teams(
                "Es war Dinamos Spieler Tom Ader, der beim 2:1 im Hinspiel auffiel.",
                "2:1"
            ),
            pair("", "")
        );
    }

    #[test]
    fn descriptions_refer_to_an_earlier_subject() {
        assert_eq!(
            teams(
                "Der TSV Hohenau ist Meister. Am Sonntag gewann der Spitzenreiter gegen die SG Tal mit 5:1.",
                "5:1"
            ),
            pair("TSV Hohenau", "SG Tal")
        );
        assert_eq!(
            teams(
                "Die Handballerinnen der TSG Ahrweiler haben den Pokal geholt. Im Finale setzte sich das Team von Trainerin Ute Kern mit 30:28 gegen den HC Bonn durch.",
                "30:28"
            ),
            pair("TSG Ahrweiler", "HC Bonn")
        );
        // with a win verb the object after the description is the opponent
        assert_eq!(
            teams(
                "Der EHC Landau ist Zweiter. Am Freitag bezwang der Tabellenzweite die Eisbären Hagen mit 5:1.",
                "5:1"
            ),
            pair("EHC Landau", "Eisbären Hagen")
        );
        // a word of the name is no description
        assert_eq!(
            teams(
                "Die Riverside Baskets Kornstadt gewannen mit 89:76 gegen die Giants.",
                "89:76"
            ),
            pair("Riverside Baskets Kornstadt", "Giants")
        );
    }
}
