//! Resolving descriptions and pronouns to the person they refer to.
//!
//! Articles name a person once and then describe them: `der 26-Jährige`,
//! `der sichtlich enttäuschte Trainer`, `der Spanier`, `sagte er`. This
//! module reads such noun phrases ([`np_after`]) and finds their referent
//! ([`Resolver::antecedent`]): the most recent person reference before the
//! description, skipping names that stand as objects (`gegen Draper`,
//! `von Smith`) and names inside quotations; a description that opens a
//! paragraph under a heading refers to the person the heading names.
//!
//! The references are the People mentions plus descriptions already
//! resolved (`Der 26 Jahre alte Finalist` → Fritz makes a following `sagte
//! der 26-Jährige` refer to Fritz too).

use crate::article::Article;
use crate::lexicon::{
    DETERMINERS, NATIONALITY_NOUNS, OPPONENT_PREPOSITIONS, PERSON_ROLES, ROLE_NOUNS,
};
use crate::link::people::People;
use std::ops::Range;

mod np;
pub use np::{Np, np_after};

/// One word of the text: a run of letters, digits, hyphens and apostrophes
/// (periods count inside a word, as in `St.-Pauli-Trainer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

/// The words of `text[range]`, in order.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_word = chars
            .peek()
            .is_some_and(|&(_, n)| n.is_alphanumeric() || n == '-');
        let inside = word_char(c) || (c == '.' && start.is_some() && next_is_word);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut out, slice, range.start, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(&mut out, slice, range.start, s, slice.len());
    }
    out
}

fn push_word<'a>(out: &mut Vec<Word<'a>>, slice: &'a str, base: usize, s: usize, e: usize) {
    let Some(raw) = slice.get(s..e) else { return };
    let trimmed = raw.trim_matches(['-', '\'', '’']);
    if trimmed.is_empty() {
        return;
    }
    let lead = raw.len() - raw.trim_start_matches(['-', '\'', '’']).len();
    let start = base + s + lead;
    out.push(Word {
        start,
        end: start + trimmed.len(),
        text: trimmed,
    });
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word that describes a person by role: `Trainer`, `Bundestrainer`,
/// `St.-Pauli-Trainer`, `Viertelfinal-Bezwinger`.
pub fn is_role_noun(word: &str) -> bool {
    if !capitalised(word) {
        return false;
    }
    let lower = word.to_lowercase();
    ROLE_NOUNS
        .iter()
        .chain(PERSON_ROLES.iter())
        .any(|r| lower.ends_with(*r))
}

/// A nationality or origin noun: `Spanier`, `Südtiroler`.
pub fn is_nationality_noun(word: &str) -> bool {
    NATIONALITY_NOUNS.contains(word)
}

/// An age noun: `26-Jährige`, `23-Jährigen`, `30-Jähriger`.
pub fn is_age_noun(word: &str) -> bool {
    let Some((num, rest)) = word.split_once('-') else {
        return false;
    };
    !num.is_empty()
        && num.len() <= 3
        && num.bytes().all(|b| b.is_ascii_digit())
        && rest.starts_with("Jährige")
}

/// Any noun that describes a person without naming them.
pub fn is_description_noun(word: &str) -> bool {
    is_role_noun(word) || is_nationality_noun(word) || is_age_noun(word)
}

/// Words of the determiner list that are adverbs (`auch`, `dann`): they do
/// not open a noun phrase.
fn is_adverb(lower: &str) -> bool {
    !matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "eines"
    ) && !lower.starts_with("sein")
        && !lower.starts_with("ihr")
        && lower != "dessen"
        && lower != "deren"
}

/// A reference to a person at a span of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// Finds the person a description or pronoun refers to.
pub struct Resolver<'a> {
    article: &'a Article,
    /// People mentions outside quotations plus resolved descriptions,
    /// sorted by start.
    refs: Vec<Ref>,
}

impl<'a> Resolver<'a> {
    /// A resolver over the People mentions of `article`, ignoring mentions
    /// inside `quoted` spans (names said in a quotation are not the topic).
    pub fn new(article: &'a Article, people: &People, quoted: &[Range<usize>]) -> Self {
        let mut refs: Vec<Ref> = people
            .mentions()
            .iter()
            .filter(|m| !quoted.iter().any(|q| q.start <= m.start && m.end <= q.end))
            .map(|m| Ref {
                start: m.start,
                end: m.end,
                name: people.name_of(m).to_string(),
            })
            .filter(|r| !r.name.is_empty())
            .collect();
        refs.sort_by_key(|r| r.start);
        Resolver { article, refs }
    }

    /// Records a resolved description as a reference for later ones.
    pub fn add(&mut self, r: Ref) {
        let at = self.refs.partition_point(|x| x.start <= r.start);
        self.refs.insert(at, r);
    }

    /// Whether a reference is an object of an opponent preposition
    /// (`gegen Draper`, `gegen Außenseiter Jack Draper`, `von Smith`).
    fn is_object(&self, r: &Ref) -> bool {
        let text = &self.article.text;
        let line_start = text
            .get(..r.start)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let mut from = line_start.max(r.start.saturating_sub(120));
        while from > 0 && !text.is_char_boundary(from) {
            from -= 1;
        }
        let before = words(text, from..r.start);
        let mut it = before.iter().rev();
        if text
            .get(r.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
        {
            // a resolved age description (`26-Jährige`) is a subject
            return false;
        }
        // People may keep the preposition in the name (`von Smith`)
        let first = text
            .get(r.start..r.end)
            .and_then(|m| m.split_whitespace().next());
        if first.is_some_and(|f| OPPONENT_PREPOSITIONS.contains(f)) {
            return true;
        }
        let Some(mut w) = it.next() else { return false };
        if w.end + 1 < r.start && text.get(w.end..r.start).is_some_and(|g| g.trim() != "") {
            return false;
        }
        let mut stepped = false;
        if is_role_noun(w.text) || is_nationality_noun(w.text) {
            match it.next() {
                Some(prev) => w = prev,
                None => return false,
            }
            stepped = true;
        }
        let lower = w.text.to_lowercase();
        // `aus dem Arthur Ashe Stadium`: a name after an article names a thing
        let article_word = !stepped && DETERMINERS.contains(&lower) && !is_adverb(&lower);
        OPPONENT_PREPOSITIONS.contains(&lower)
            || (article_word
                && text
                    .get(w.end..r.start)
                    .is_some_and(|g| g.trim().is_empty()))
    }

    /// The person a description or pronoun at byte `pos` refers to.
    pub fn antecedent(&self, pos: usize) -> Option<String> {
        if let Some(name) = self.heading_person(pos) {
            return Some(name);
        }
        self.refs
            .iter()
            .rev()
            .filter(|r| r.end <= pos)
            .find(|r| !self.is_object(r))
            .map(|r| r.name.clone())
    }

    /// The subject-like person of `range`: its first reference that is not
    /// an object.
    pub fn first_in(&self, range: Range<usize>) -> Option<String> {
        self.refs
            .iter()
            .filter(|r| range.start <= r.start && r.end <= range.end)
            .find(|r| !self.is_object(r))
            .map(|r| r.name.clone())
    }

    /// The last person reference in `range` that is not an object.
    pub fn last_in(&self, range: Range<usize>) -> Option<String> {
        self.refs
            .iter()
            .rev()
            .filter(|r| range.start <= r.start && r.end <= range.end)
            .find(|r| !self.is_object(r))
            .map(|r| r.name.clone())
    }

    /// The person named right after another use of the same role noun
    /// (`Arsenal-Trainer Arsene Wenger`), for a description with nothing
    /// before it (a headline).
    pub fn role_holder(&self, noun: &str) -> Option<String> {
        let text = &self.article.text;
        self.refs
            .iter()
            .find(|r| {
                let before = words(text, r.start.saturating_sub(80)..r.start);
                before.last().is_some_and(|w| {
                    w.text == noun
                        && text
                            .get(w.end..r.start)
                            .is_some_and(|g| g.trim().is_empty())
                })
            })
            .map(|r| r.name.clone())
    }

    /// For a position in the first sentence of a paragraph: the person the
    /// nearest heading above names (the section's topic), if any.
    fn heading_person(&self, pos: usize) -> Option<String> {
        let text = &self.article.text;
        let para_start = text.get(..pos)?.rfind('\n').map_or(0, |i| i + 1);
        let before_in_para = text.get(para_start..pos)?;
        if before_in_para.contains(['.', '!', '?']) {
            return None;
        }
        let mut end = para_start;
        for _ in 0..8 {
            let prev = text.get(..end)?.trim_end();
            if prev.is_empty() {
                return None;
            }
            let line_start = prev.rfind('\n').map_or(0, |i| i + 1);
            if line_start < self.article.body_start() || line_start == 0 {
                return None;
            }
            let line = prev.get(line_start..)?;
            let separated = text
                .get(line_start + line.len()..end)
                .is_some_and(|g| g.contains("\n\n"))
                && text.get(..line_start)?.ends_with("\n\n");
            let is_heading = separated
                && line.chars().count() <= 90
                && !line.ends_with(['.', '!', '?', ':', '"', '“', '«', ')']);
            if is_heading {
                return self.first_in(line_start..line_start + line.len());
            }
            end = line_start;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_compounds_and_periods() {
        let t = "sagte St.-Pauli-Trainer Alexander Blessin.";
        let w: Vec<&str> = words(t, 0..t.len()).iter().map(|w| w.text).collect();
        assert_eq!(w, ["sagte", "St.-Pauli-Trainer", "Alexander", "Blessin"]);
        let t = "„Das geht's“, so O'Neill";
        let w: Vec<&str> = words(t, 0..t.len()).iter().map(|w| w.text).collect();
        assert_eq!(w, ["Das", "geht's", "so", "O'Neill"]);
    }

    #[test]
    fn description_nouns() {
        assert!(is_role_noun("Bundestrainer"));
        assert!(is_role_noun("St.-Pauli-Trainer"));
        assert!(is_role_noun("Viertelfinal-Bezwinger"));
        assert!(!is_role_noun("trainer"));
        assert!(!is_role_noun("Übersetzung"));
        assert!(is_nationality_noun("Spanier"));
        assert!(is_age_noun("26-Jährige"));
        assert!(is_age_noun("19-Jährigen"));
        assert!(!is_age_noun("26-jährige"));
        assert!(!is_age_noun("U18-Spieler"));
    }

    fn np(text: &str, from: &str) -> Np {
        let a = Article::from_text("t.txt", text);
        let people = People::new(&a);
        let pos = text.find(from).unwrap_or(0);
        np_after(&a, &people, pos, text.len())
    }

    #[test]
    fn noun_phrases_after_a_verb() {
        match np("„Gut“, sagte der sichtlich enttäuschte Trainer.", "der") {
            Np::Description { noun, .. } => assert_eq!(noun, "Trainer"),
            other => panic!("{other:?}"),
        }
        match np("„Gut“, sagte der Spanier im Interview.", "der") {
            Np::Description { noun, .. } => assert_eq!(noun, "Spanier"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            np("„Gut“, sagte er danach.", "er"),
            Np::Pronoun { .. }
        ));
        assert!(matches!(
            np("„Gut“, sagte auch er.", "auch"),
            Np::Pronoun { .. }
        ));
        assert_eq!(np("„Gut“, so die Übersetzung auf X.", "die"), Np::Other);
        assert_eq!(np("„Gut“ hieß es in Minute 80.", "es"), Np::Other);
        match np("„Gut“, sagte der 26-Jährige und ging.", "der") {
            Np::Description { noun, .. } => assert_eq!(noun, "26-Jährige"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_after_roles_and_genitives() {
        // The name text itself (People resolves it to the fullest form).
        let name = |text: &str, from: &str| match np(text, from) {
            Np::Name { name, .. } => name,
            other => format!("{other:?}"),
        };
        let got = name("„Gut“, sagte Trainer Oliver Glasner.", "Trainer");
        assert!(got.ends_with("Glasner"), "{got}");
        let got = name(
            "„Gut“, meinte Stuttgarts Schlussmann Lena Brandt, die …",
            "Stuttgarts",
        );
        assert!(
            got.ends_with("Brandt") && !got.contains("Stuttgarts"),
            "{got}"
        );
        let got = name("„Gut“, sagte auch Schmidt nach der Partie.", "auch");
        assert!(got.ends_with("Schmidt"), "{got}");
    }
}
