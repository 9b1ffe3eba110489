//! Teams of a result told in prose: `gewann mit 3:1 gegen Serbien`,
//! `verlor bei Ligakonkurrent RB Leipzig mit 2:4`, `Frankreich schlug
//! Schweden mit 2:1`, `trennten sich Bremen und Stuttgart 2:2`, `der
//! 2:1-Sieg über Hannover 96`. Only names the text puts there are taken;
//! a sentence subject counts as the left team only when it is a known team
//! (a country, a name with a club word such as `FC`, or a team of a result
//! line of the same article).

use super::subject::{
    clause_start, clause_subject, governed_before, has_description, is_description,
    nationality_team, previous_team, relative_antecedent,
};
use crate::lexicon::lower::is_lower;
use crate::lexicon::{
    CLUB_WORDS, COUNTRIES, DETERMINERS, NON_NAMES, NUMBER_WORDS, OBJECT_ARTICLES, PREPOSITIONS,
    RESULT_VERBS, TEAM_LEAD_WORDS, WIN_VERBS,
};
use crate::link::roles::{is_nationality_noun, is_role_noun};
use std::collections::HashSet;

mod split;

pub(super) use split::{Word, sentence, word_str, words};

/// A word that may be part of a team name: capitalised, a number (`96`),
/// a Roman numeral (`II`) or `St.`; never a sentence-opening function word.
pub(super) fn team_word(w: &str) -> bool {
    let first = w.chars().next();
    if first.is_some_and(|c| c.is_ascii_digit()) {
        return w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 4;
    }
    first.is_some_and(char::is_uppercase)
        && (!NON_NAMES.contains(w) || CLUB_WORDS.contains(w))
        && !w.contains(':')
}

/// Whether a name is a team the article or the lists know.
pub(super) fn known(name: &str, teams: &HashSet<String>) -> bool {
    COUNTRIES.contains(name)
        || nationality_team(name).is_some()
        || (name.contains(' ') && name.split(' ').any(|w| CLUB_WORDS.contains(w)))
        || teams.contains(name)
        || teams
            .iter()
            .any(|t| t.contains(' ') && ends_with_word(t, name))
}

/// Whether `t` ends with a blank and `name` (`t.ends_with(&format!(" {name}"))`).
fn ends_with_word(t: &str, name: &str) -> bool {
    t.strip_suffix(name).is_some_and(|h| h.ends_with(' '))
}

/// Whether `name` is a run of whole words of `t` (`format!(" {t} ")
/// .contains(&format!(" {name} "))`): an occurrence with a blank or an end
/// of `t` on both sides (team names are short: every position is tried).
fn holds_words(t: &str, name: &str) -> bool {
    let (tb, nb) = (t.as_bytes(), name.as_bytes());
    (0..=tb.len()).any(|i| {
        tb.get(i..).is_some_and(|r| r.starts_with(nb))
            && (i == 0 || tb.get(i - 1) == Some(&b' '))
            && matches!(tb.get(i + nb.len()), None | Some(b' '))
    })
}

/// Drops leading description nouns (`Schlusslicht Irland`,
/// `Ligakonkurrent RB Leipzig`) when the rest is a known team.
fn strip_description(ws: &[&str], teams: &HashSet<String>) -> String {
    let whole = ws.join(" ");
    if let Some(country) = nationality_team(&whole) {
        return country.to_string();
    }
    // `den Franzosen Lucas Moreau`, `Außenseiter Jack Draper`: a person
    // after a nationality or role noun
    if let [first, rest @ ..] = ws
        && rest.len() >= 2
        && !rest.iter().any(|w| CLUB_WORDS.contains(w))
        && (is_nationality_noun(first) || is_role_noun(first))
    {
        return rest.join(" ");
    }
    if COUNTRIES.contains(&whole) || teams.contains(&whole) {
        return full_form(whole, teams);
    }
    let mut k = 0;
    while k + 1 < ws.len() {
        let Some(&w) = ws.get(k) else { break };
        // only a description goes (`Ligakonkurrent`, `Schlusslicht`), never
        // a word of the name (`Riverside Baskets Kornstadt`)
        if CLUB_WORDS.contains(w)
            || COUNTRIES.contains(w)
            || !(is_description(w) || is_nationality_noun(w) || is_role_noun(w))
        {
            break;
        }
        let rest = ws.get(k + 1..).map(|r| r.join(" ")).unwrap_or_default();
        if !known(&rest, teams) {
            break;
        }
        k += 1;
    }
    let name = match k {
        0 => whole,
        _ => ws.get(k..).map(|r| r.join(" ")).unwrap_or_default(),
    };
    full_form(name, teams)
}

/// `St` lost its period to the word split: `St Pauli` is written `St.
/// Pauli` (`name.replace("St ", "St. ")`, without a copy when there is
/// none).
fn with_st_period(name: String) -> String {
    if name.contains("St ") {
        name.replace("St ", "St. ")
    } else {
        name
    }
}

/// The shortest team of a result line that ends with `name`
/// (`Hainstadt` → `FC Rotweiß Hainstadt`), else `name`.
fn full_form(name: String, teams: &HashSet<String>) -> String {
    if teams.is_empty() {
        return name;
    }
    if let Some(t) = teams
        .iter()
        .filter(|t| ends_with_word(t, &name))
        .min_by_key(|t| (t.len(), t.as_str()))
    {
        return t.clone();
    }
    // `Storhamar` → `Storhamar Hockey Hamar`: the one team that holds the
    // name as whole words
    let mut holding = teams
        .iter()
        .filter(|t| t.len() > name.len() && holds_words(t, &name));
    match (holding.next(), holding.next()) {
        (Some(one), None) if !name.is_empty() => one.clone(),
        _ => name,
    }
}

fn plausible(name: &str) -> bool {
    !name.is_empty()
        && name.len() < 60
        && name.split(' ').count() <= 5
        && name.chars().next().is_some_and(char::is_uppercase)
        && !(name.split(' ').count() == 1 && NON_NAMES.contains(name))
}

/// The team named from word `i` on: determiners and lower-case adjectives
/// skipped, then a run of team words.
fn team_from(text: &str, ws: &[Word], i: usize, teams: &HashSet<String>) -> Option<String> {
    let (name, next) = run_from(text, ws, i, teams)?;
    // `bezwang der Tabellenzweite die Eisbären Hohenfels`: the description
    // is the subject, the object follows
    if is_description(&name) && !name.contains(' ') {
        return run_from(text, ws, next, teams).map(|(n, _)| n);
    }
    plausible(&name).then_some(name)
}

/// The name from word `i` on and the index after it (see [`team_from`]).
fn run_from(
    text: &str,
    ws: &[Word],
    mut i: usize,
    teams: &HashSet<String>,
) -> Option<(String, usize)> {
    let mut skipped = 0;
    while let Some(w) = ws.get(i) {
        let s = word_str(text, *w);
        if PREPOSITIONS.contains(s) && !w.stop && skipped < 3 {
            // `besiegte am Mittwochabend den …`: a phrase of time or place
            i += 1;
            while ws
                .get(i)
                .is_some_and(|w| DETERMINERS.contains(word_str(text, *w)))
            {
                i += 1;
            }
            i += 1;
            skipped += 1;
        } else if crate::lexicon::number_of(&NUMBER_WORDS, s).is_some() {
            // `über fünf Sätze`: a count, not a team
            return None;
        } else if (DETERMINERS.contains(s) || s.starts_with(char::is_lowercase))
            && !w.stop
            && skipped < 3
        {
            i += 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let mut run: Vec<&str> = Vec::new();
    while let Some(w) = ws.get(i) {
        let s = word_str(text, *w);
        if !(team_word(s) || s == "St") || run.len() >= 5 || (w.opens && !run.is_empty()) {
            break;
        }
        run.push(s);
        i += 1;
        if w.stop && s != "St" {
            break;
        }
    }
    let name = with_st_period(strip_description(&run, teams));
    plausible(&name).then_some((name, i))
}

/// The team that ends right before word `i` (the subject before a verb).
pub(super) fn team_before(
    text: &str,
    ws: &[Word],
    i: usize,
    teams: &HashSet<String>,
) -> Option<String> {
    let mut k = i;
    while k > 0 {
        let Some(&w) = ws.get(k - 1) else { break };
        let s = word_str(text, w);
        if !(team_word(s) || s == "St") || (w.stop && k < i) {
            break;
        }
        k -= 1;
    }
    let run: Vec<&str> = ws
        .get(k..i)
        .unwrap_or_default()
        .iter()
        .map(|w| word_str(text, *w))
        .collect();
    if run.is_empty() || run.len() > 5 {
        return None;
    }
    let name = with_st_period(strip_description(&run, teams));
    (plausible(&name) && known(&name, teams)).then_some(name)
}

/// `hatte das Team den EHC Zollernalb 5:1 besiegt`: with a verb of winning
/// or losing closing the clause after the score, the object (`den`,
/// `dem`) of the clause before it is the opponent.
fn participle_object(
    text: &str,
    ws: &[Word],
    at: usize,
    after: usize,
    teams: &HashSet<String>,
) -> Option<String> {
    let closes = (after..ws.len().min(after + 6))
        .take_while(|&i| i == after || ws.get(i - 1).is_some_and(|w| !w.stop))
        .any(|i| {
            ws.get(i)
                .is_some_and(|w| RESULT_VERBS.contains_lower(word_str(text, *w)))
        });
    if !closes {
        return None;
    }
    let c = clause_start(text, ws, at);
    let o = (c..at).find(|&i| {
        ws.get(i)
            .is_some_and(|w| OBJECT_ARTICLES.contains(word_str(text, *w)))
    })?;
    if governed_before(text, ws, o + 1) {
        return None;
    }
    team_from(text, ws, o + 1, teams)
}

/// Teams of the result `text[start..end]` (`end` after its parenthesis and
/// qualifier), from the words of its sentence.
pub fn prose_teams(
    text: &str,
    from: usize,
    start: usize,
    end: usize,
    teams: &HashSet<String>,
) -> (String, String) {
    let (a, b) = sentence(text, from, start);
    let ws = words(text, a, b.max(end));
    let at = ws.partition_point(|w| w.end <= start);
    let after = ws.partition_point(|w| w.start < end);
    // word `i` as written (lists are asked with `contains_lower`)
    let word = |i: usize| ws.get(i).map(|w| word_str(text, *w));

    // `X schlug Y (mit) 2:1`; with a description as the subject (`bezwang
    // der Tabellenzweite die Eisbären`) the object is still the opponent
    let mut verb_object: Option<String> = None;
    for v in (0..at).rev() {
        let Some(verb) = word(v) else { continue };
        if ws.get(v).is_some_and(|w| w.stop) {
            break;
        }
        if WIN_VERBS.contains_lower(verb)
            && let Some(r) = team_from(text, &ws, v + 1, teams)
        {
            if let Some(l) = team_before(text, &ws, v, teams) {
                return (l, r);
            }
            verb_object = Some(r);
            break;
        }
    }
    // `trennten sich X und Y 2:2`, `X und Y trennten sich 2:2`
    for v in 0..at {
        if word(v).is_some_and(|w| is_lower(w, "trennten"))
            && word(v + 1).is_some_and(|w| is_lower(w, "sich"))
        {
            let pair = |i: usize| {
                let l = team_from(text, &ws, i, teams)?;
                let n = ws
                    .get(i..at)?
                    .iter()
                    .position(|w| word_str(text, *w) == "und")?;
                let r = team_from(text, &ws, i + n + 1, teams)?;
                Some((l, r))
            };
            let both = |p: &(String, String)| known(&p.0, teams) && known(&p.1, teams);
            if let Some(p) = pair(v + 2).filter(both).or_else(|| pair(0).filter(both)) {
                return p;
            }
        }
    }
    // the opponent: after a lead word right after the score, else before it
    // `0:6 in Belgien`: a country after `in` is where a national team
    // played, so the opponent
    let in_country = |i: usize| {
        word(i).is_some_and(|w| is_lower(w, "in"))
            && ws
                .get(i + 1)
                .is_some_and(|w| COUNTRIES.contains(word_str(text, *w)))
    };
    let lead_after = (after..ws.len().min(after + 6))
        .take_while(|&i| i > 0 && ws.get(i - 1).is_some_and(|w| !w.stop))
        .find(|&i| word(i).is_some_and(|w| TEAM_LEAD_WORDS.contains_lower(w)) || in_country(i));
    let lead_before = (0..at)
        .rev()
        .take(8)
        .take_while(|&i| ws.get(i).is_some_and(|w| !w.stop))
        .find(|&i| word(i).is_some_and(|w| TEAM_LEAD_WORDS.contains_lower(w)));
    let right = lead_after
        .or(lead_before)
        .and_then(|i| team_from(text, &ws, i + 1, teams))
        .or(verb_object)
        .or_else(|| participle_object(text, &ws, at, after, teams))
        .unwrap_or_default();
    // the subject: a known team opening the sentence, or right before the
    // lead word (`drehte der FC Talheim II beim SV Bergheim …`)
    let left = lead_before
        .filter(|&i| !governed_before(text, &ws, i))
        .and_then(|i| team_before(text, &ws, i, teams))
        .or_else(|| {
            let mut i = 0;
            while ws
                .get(i)
                .is_some_and(|w| DETERMINERS.contains_lower(word_str(text, *w)))
            {
                i += 1;
            }
            let mut k = i;
            while ws.get(k).is_some_and(|w| {
                let s = word_str(text, *w);
                team_word(s) && k < at && !w.stop
            }) {
                k += 1;
            }
            // a verb follows the subject
            let verb = ws.get(k).map(|w| word_str(text, *w))?;
            if k == i || !verb.starts_with(char::is_lowercase) {
                return None;
            }
            team_before(text, &ws, k, teams)
        })
        .or_else(|| relative_antecedent(text, &ws, at, teams))
        .or_else(|| {
            let c = clause_start(text, &ws, at);
            clause_subject(text, &ws, c, lead_before.unwrap_or(at), teams)
        })
        .filter(|l| *l != right);
    if right.is_empty() {
        // no opponent named: only a subject the sentence states firmly
        return (left.unwrap_or_default(), right);
    }
    let left = left
        .or_else(|| {
            // `Beim 0:6 in Belgien verabschiedete sich Kasachstan`: the one
            // other country in the sentence
            let mut others = ws
                .iter()
                .filter(|w| !w.opens)
                .map(|w| word_str(text, *w))
                .filter(|w| COUNTRIES.contains(w) && *w != right)
                .collect::<Vec<_>>();
            others.dedup();
            match others.as_slice() {
                [one] => Some(one.to_string()),
                _ => None,
            }
        })
        .or_else(|| {
            // `gewann das Team von Trainerin Roth … gegen den VC Neustadt`:
            // the team an earlier sentence has as its subject
            has_description(text, &ws, 0, at)
                .then(|| previous_team(text, from, a, teams, &right))
                .flatten()
        })
        .unwrap_or_default();
    (left, right)
}

#[cfg(test)]
mod tests;
