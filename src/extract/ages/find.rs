//! Finding age expressions in the text, before their persons are resolved.

use super::super::Context;
use crate::lexicon::{
    AGE_FILLERS, AGE_PAST_MARKERS, AGE_PAST_VERBS, COUNT_CONTEXT, GROUP_WORDS, NON_NAMES,
    alternation,
};
use crate::link::roles::{Np, is_description_noun, np_after, words};
use regex::Regex;
use std::sync::LazyLock;

/// `(44)` after a name.
static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\d{1,2})\)").expect("constant regex"));
/// `44-Jährige`, `23-Jährigen`.
static NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,3})-Jährige[nrm]?\b").expect("constant regex"));
/// `23-jähriger Brasilianer`, `33 Jahre alte Bayer`: the age part and the
/// noun after it.
static ATTRIBUTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,3})(?:-jährige[nrms]?| Jahre alte[nrms]?)\s+(\p{Lu}[\p{L}\p{N}'.\-]*)")
        .expect("constant regex")
});
/// `32 Jahre alt` (not `alte`).
static PREDICATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,3}) Jahre alt\b").expect("constant regex"));
/// `mit (gerade einmal) 32 Jahren`, `im Alter von 32 Jahren`.
static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    let fillers = alternation(AGE_FILLERS.iter().copied());
    Regex::new(&format!(
        r"\b(?:[Mm]it\s+(?:(?:{fillers})\s+)*|[Ii]m Alter von\s+)(\d{{1,3}}) Jahren\b"
    ))
    .expect("constant regex")
});

/// How an age was written, which decides how its person is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// `Name (44)`: the name is given.
    Named,
    /// A description to resolve (`der 44-Jährige`, `der 33 Jahre alte Bayer`).
    Description,
    /// An age of the sentence's subject (`mit 32 Jahren`, `32 Jahre alt`).
    Subject,
}

/// One age found in the text.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) age: u32,
    pub(super) form: Form,
    /// The name for [`Form::Named`] and attributive ages before a name.
    pub(super) name: Option<String>,
    pub(super) past: bool,
}

fn plausible(age: u32) -> bool {
    (14..=110).contains(&age)
}

/// The word before byte `pos` on its line, lowercased.
fn word_before(text: &str, pos: usize, n: usize) -> Vec<String> {
    let from = text
        .get(..pos)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let ws = words(text, from..pos);
    ws.iter()
        .rev()
        .take(n)
        .map(|w| w.text.to_lowercase())
        .collect()
}

fn has_past_marker(text: &str, pos: usize) -> bool {
    word_before(text, pos, 2)
        .iter()
        .any(|w| AGE_PAST_MARKERS.contains(w))
}

/// All age expressions of the body, unresolved.
pub(super) fn hits(ctx: &Context<'_>) -> Vec<Hit> {
    let article = ctx.article;
    let text = &article.text;
    let from = article.body_start();
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let people = &ctx.people;
    let mut out = Vec::new();

    for c in PAREN.captures_iter(body) {
        let (Some(all), Some(num)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Ok(age) = num.as_str().parse::<u32>() else {
            continue;
        };
        let open = from + all.start();
        if !plausible(age) {
            continue;
        }
        let sentence = article.sentence_range(open);
        let sentence_text = text.get(sentence.clone()).unwrap_or("");
        // a table or ranking: several bracketed numbers, or count words
        let bracketed = PAREN.find_iter(sentence_text).count();
        let counts = words(text, sentence.clone())
            .iter()
            .any(|w| COUNT_CONTEXT.contains(w.text));
        if bracketed > 1 || counts {
            continue;
        }
        let gap_end = text.get(..open).map_or(open, |s| s.trim_end().len());
        let name_span = match people.mentions().iter().find(|m| m.end == gap_end) {
            Some(m) => Some((m.start, people.name_of(m).to_string())),
            None => fallback_name_before(text, gap_end).map(|(s, n)| (s, people.resolve(&n))),
        };
        let Some((name_start, name)) = name_span else {
            continue;
        };
        out.push(Hit {
            start: name_start,
            end: from + all.end(),
            age,
            form: Form::Named,
            name: Some(name),
            past: false,
        });
    }

    for c in NOUN.captures_iter(body) {
        let (Some(all), Some(num)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Ok(age) = num.as_str().parse::<u32>() else {
            continue;
        };
        let start = from + all.start();
        let before = word_before(text, start, 2);
        let plural = all.as_str().ends_with("Jährigen")
            && before.first().is_some_and(|w| GROUP_WORDS.contains(w));
        if plural || !plausible(age) {
            continue;
        }
        out.push(Hit {
            start,
            end: from + all.end(),
            age,
            form: Form::Description,
            name: None,
            past: has_past_marker(text, start),
        });
    }

    for c in ATTRIBUTIVE.captures_iter(body) {
        let (Some(all), Some(num), Some(noun)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let Ok(age) = num.as_str().parse::<u32>() else {
            continue;
        };
        let start = from + all.start();
        let noun_start = from + noun.start();
        if !plausible(age) {
            continue;
        }
        // the age part: `23-jähriger`, `33 Jahre alte`
        let end = text
            .get(start..noun_start)
            .map_or(noun_start, |s| start + s.trim_end().len());
        let named = people
            .mentions()
            .iter()
            .find(|m| m.start == noun_start)
            .map(|m| people.name_of(m).to_string());
        let (form, name) = match named {
            Some(n) => (Form::Named, Some(n)),
            None if is_description_noun(noun.as_str().trim_end_matches('.')) => {
                (Form::Description, None)
            }
            None => continue,
        };
        out.push(Hit {
            start,
            end,
            age,
            form,
            name,
            past: has_past_marker(text, start),
        });
    }

    for (re, event) in [(&*PREDICATE, false), (&*EVENT, true)] {
        for c in re.captures_iter(body) {
            let (Some(all), Some(num)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let Ok(age) = num.as_str().parse::<u32>() else {
                continue;
            };
            if !plausible(age) {
                continue;
            }
            let start = from + num.start();
            let end = from + all.end();
            let sentence = article.sentence_range(start);
            let past = has_past_marker(text, from + all.start())
                || (event
                    && words(text, sentence)
                        .iter()
                        .any(|w| AGE_PAST_VERBS.contains(&w.text.to_lowercase())));
            out.push(Hit {
                start,
                end,
                age,
                form: Form::Subject,
                name: None,
                past,
            });
        }
    }
    out.sort_by_key(|h| (h.start, h.end));
    out.dedup_by(|a, b| a.start < b.end && b.start < a.end);
    out
}

/// A name right before `end` when People found none: up to three
/// capitalised words, at least two (`Ali Aliev`), none of them a common
/// non-name word.
fn fallback_name_before(text: &str, end: usize) -> Option<(usize, String)> {
    let from = text
        .get(..end)
        .and_then(|s| s.rfind(['\n', '.', ',', ':', '(']))
        .map_or(0, |i| i + 1);
    let ws = words(text, from..end);
    let last = ws.last()?;
    if last.end != end {
        return None;
    }
    let run: Vec<_> = ws
        .iter()
        .rev()
        .take_while(|w| {
            w.text.chars().next().is_some_and(char::is_uppercase)
                && !NON_NAMES.contains(w.text)
                && !is_description_noun(w.text)
        })
        .take(3)
        .collect();
    let first = run.last()?;
    (run.len() >= 2).then(|| {
        (
            first.start,
            text.get(first.start..end).unwrap_or("").to_string(),
        )
    })
}

/// A name opening the sentence that People did not find (`Miroslav Klose
/// ist 46 Jahre alt`).
pub(super) fn subject_name(ctx: &Context<'_>, start: usize, end: usize) -> Option<String> {
    match np_after(ctx.article, &ctx.people, start, end) {
        Np::Name { name, .. } => Some(name),
        _ => None,
    }
}
