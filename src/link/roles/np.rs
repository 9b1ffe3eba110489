//! Reading the noun phrase after a cue verb or at a position: a name, a
//! description (`der sichtlich enttäuschte Trainer`), a pronoun, or
//! something that is no person.

use super::{Word, capitalised, is_adverb, is_description_noun, words};
use crate::article::Article;
use crate::lexicon::{ABBREVIATIONS, DETERMINERS, NON_NAMES, PRONOUNS};
use crate::link::people::People;

/// What a noun phrase after a verb (or at a position) refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Np {
    /// A person named as written, already resolved to the fullest form.
    Name { start: usize, name: String },
    /// A description (`der Trainer`, `der 26-Jährige`) starting at `start`.
    Description { start: usize, noun: String },
    /// A pronoun (`er`) at `start`.
    Pronoun { start: usize },
    /// Something that is not a person (`die Übersetzung`, `es`).
    Other,
}

/// Reads the noun phrase that begins at byte `pos` (up to `limit`): skips
/// articles and adverbs (`auch`, `der`), adjectives after an article,
/// possessive team genitives (`Stuttgarts`), and returns the name that
/// follows a role noun (`Trainer Oliver Glasner`), the description, or the
/// pronoun.
pub fn np_after(article: &Article, people: &People, pos: usize, limit: usize) -> Np {
    let text = &article.text;
    let limit = limit.min(text.len());
    // only up to the first clause punctuation
    let stop = clause_end(text, pos, limit);
    let ws = words(text, pos..stop);
    let mut seen_det = false;
    let mut description: Option<(usize, String)> = None;
    let mut i = 0;
    while let Some(w) = ws.get(i) {
        if let Some(m) = people.mention_at(w.start)
            && m.start == w.start
        {
            let name = people.name_of(m);
            if !name.is_empty() {
                return Np::Name {
                    start: w.start,
                    name: name.to_string(),
                };
            }
        }
        let lower = w.text.to_lowercase();
        if ABBREVIATIONS.contains(&format!("{}.", w.text)) {
            // `St. Paulis Trainer`
            i += 1;
            continue;
        }
        if description.is_none()
            && !seen_det
            && PRONOUNS.contains(&lower)
            && i == first_content(&ws)
        {
            return Np::Pronoun { start: w.start };
        }
        if is_description_noun(w.text) {
            description.get_or_insert((w.start, w.text.to_string()));
            i += 1;
            continue;
        }
        if !capitalised(w.text) || (i == 0 && DETERMINERS.contains(&lower)) {
            if description.is_some() {
                break;
            }
            if DETERMINERS.contains(&lower) {
                seen_det = seen_det || !is_adverb(&lower);
                i += 1;
                continue;
            }
            if seen_det || lower == "sich" || lower == "es" {
                i += 1;
                continue;
            }
            // a preposition or other word: the phrase ends
            break;
        }
        // a capitalised word that is no description: an origin adjective
        // before one (`der enttäuschte Rommelsbacher Trainer`), else no person
        if seen_det && description.is_none() {
            if ws.get(i + 1).is_some_and(|n| is_description_noun(n.text)) {
                i += 1;
                continue;
            }
            return Np::Other;
        }
        let next_cap = ws.get(i + 1).is_some_and(|n| capitalised(n.text));
        if w.text.ends_with('s') && next_cap && people.mention_at(w.start).is_none() {
            // `Stuttgarts Trainer`, `Leverkusens Granit Xhaka`
            i += 1;
            continue;
        }
        if NON_NAMES.contains(w.text) {
            break;
        }
        // a name People did not find: the run of capitalised words
        let run: Vec<&Word> = ws
            .iter()
            .skip(i)
            .take_while(|n| capitalised(n.text) && !is_description_noun(n.text))
            .collect();
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            let raw = text.get(first.start..last.end).unwrap_or(first.text);
            return Np::Name {
                start: first.start,
                name: people.resolve(raw),
            };
        }
        break;
    }
    match description {
        Some((start, noun)) => Np::Description { start, noun },
        None => Np::Other,
    }
}

/// The first clause punctuation after `pos` (not before `limit`); the
/// period of an abbreviation (`St. Pauli`) does not end the clause.
fn clause_end(text: &str, pos: usize, limit: usize) -> usize {
    let Some(slice) = text.get(pos..limit) else {
        return limit;
    };
    for (i, c) in slice.char_indices() {
        let stops = match c {
            ',' | ';' | ':' | '!' | '?' | '(' | '"' | '„' | '“' | '”' | '»' | '«' | '\n' => {
                true
            }
            '.' => {
                let before = slice.get(..i).unwrap_or("");
                let word_start = before
                    .rfind(|ch: char| !ch.is_alphanumeric())
                    .map_or(0, |j| j + 1);
                let abbrev = before.get(word_start..).unwrap_or("");
                !ABBREVIATIONS.contains(&format!("{abbrev}."))
            }
            _ => false,
        };
        if stops {
            return pos + i;
        }
    }
    limit
}

fn first_content(ws: &[Word]) -> usize {
    ws.iter()
        .position(|w| {
            let l = w.text.to_lowercase();
            !(DETERMINERS.contains(&l) && is_adverb(&l))
        })
        .unwrap_or(0)
}
