//! Finding age expressions in the text, before their persons are resolved.

use super::super::Context;
use super::event::event_ages;
use super::forms::{attributives, nouns, predicates};
use super::paren::parens;
use crate::lexicon::{
    AGE_PAST_MARKERS, AGE_PAST_VERBS, COUNT_CONTEXT, GROUP_WORDS, INDEFINITE_ARTICLES, NON_NAMES,
};
use crate::link::roles::{inside_any, is_description_noun, words, words_before};
use std::ops::Range;

/// Which of the words every age but `(44)` is written with an article
/// has: each form needs one (`-Jährige`, `-jährige` or ` Jahre alte`,
/// ` Jahre alt`, ` Jahren`; [`super::forms`], [`super::event`]), and most
/// articles have none. They are found from their `J` or `j` in one byte
/// search, where one byte search per word cost more.
#[derive(Default)]
struct AgeWords {
    /// `-Jährige`
    noun: bool,
    /// `-jährige`
    attributive: bool,
    /// ` Jahre alt`
    jahre_alt: bool,
    /// ` Jahren`
    jahren: bool,
}

impl AgeWords {
    fn of(body: &[u8]) -> Self {
        let mut found = AgeWords::default();
        for j in memchr::memchr2_iter(b'J', b'j', body) {
            let (before, rest) = (j.checked_sub(1).and_then(|b| body.get(b)), body.get(j..));
            let rest = rest.unwrap_or_default();
            match (before, rest.first()) {
                (Some(b'-'), Some(b'J')) => found.noun |= rest.starts_with("Jährige".as_bytes()),
                (Some(b'-'), Some(b'j')) => {
                    found.attributive |= rest.starts_with("jährige".as_bytes());
                }
                (Some(b' '), Some(b'J')) => {
                    found.jahre_alt |= rest.starts_with(b"Jahre alt");
                    found.jahren |= rest.starts_with(b"Jahren");
                }
                _ => {}
            }
            if found.noun && found.attributive && found.jahre_alt && found.jahren {
                break;
            }
        }
        found
    }
}

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
    /// After an indefinite article (`ein 23-jähriger Brasilianer`): a new
    /// person, named in the same sentence if at all.
    pub(super) indefinite: bool,
    /// The noun of an attributive description (`Niederländer`).
    pub(super) noun: Option<String>,
}

fn plausible(age: u32) -> bool {
    (14..=110).contains(&age)
}

/// Byte offset `n` bytes before `pos` (clamped), on a char boundary.
pub(super) fn back(text: &str, pos: usize, n: usize) -> usize {
    let mut from = pos.saturating_sub(n).min(text.len());
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// Byte offset `n` bytes after `pos` (clamped), on a char boundary.
pub(super) fn ahead(text: &str, pos: usize, n: usize) -> usize {
    let mut to = pos.saturating_add(n).min(text.len());
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    to
}

/// The last `n` words before byte `pos` on its line, nearest first
/// (looking back a bounded stretch).
fn word_before(text: &str, pos: usize, n: usize) -> impl Iterator<Item = &str> {
    let window = back(text, pos, 80);
    let from = text
        .get(window..pos)
        .and_then(|s| s.rfind('\n'))
        .map_or(window, |i| window + i + 1);
    words_before(text, from..pos, n).into_iter().map(|w| w.text)
}

fn has_past_marker(text: &str, pos: usize) -> bool {
    past_marker_in(word_before(text, pos, 2))
}

/// Whether one of `words` (the two before an age) marks a past age.
fn past_marker_in<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.any(|w| AGE_PAST_MARKERS.contains_lower(w))
}

/// What the two words before an age description at `pos` tell: whether
/// one marks a past age, and whether the nearer is an indefinite article
/// (read once for both).
fn past_and_indefinite(text: &str, pos: usize) -> (bool, bool) {
    let before: Vec<&str> = word_before(text, pos, 2).collect();
    let indefinite = before
        .first()
        .is_some_and(|w| INDEFINITE_ARTICLES.contains_lower(w));
    (past_marker_in(before.into_iter()), indefinite)
}

/// A person named right after byte `pos` (`Engländer Gittens`).
fn name_after(ctx: &Context<'_>, pos: usize) -> Option<String> {
    let text = &ctx.article.text;
    let rest = text.get(pos..)?;
    let start = pos + (rest.len() - rest.trim_start_matches(' ').len());
    if start == pos {
        return None;
    }
    let m = ctx
        .people()
        .mention_at(start)
        .filter(|m| m.start == start)?;
    Some(ctx.people().name_of(m).to_string()).filter(|n| !n.is_empty())
}

/// All age expressions of the body, unresolved. `quoted` are the sorted
/// quotation spans.
pub(super) fn hits(ctx: &Context<'_>, quoted: &[Range<usize>]) -> Vec<Hit> {
    let article = ctx.article;
    let text = &article.text;
    let from = article.body_start();
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let mut out = Vec::new();

    // `(44)` after a name
    for paren in parens(body) {
        let num = body.get(paren.digits.0..paren.digits.1).unwrap_or("");
        let Ok(age) = num.parse::<u32>() else {
            continue;
        };
        let open = from + paren.start;
        if !plausible(age) {
            continue;
        }
        // a table or ranking: several bracketed numbers in the sentence, or
        // count words near the number (outside quotations)
        let sentence = article.sentence_range(open);
        let near = sentence.start.max(back(text, open, 300))
            ..sentence.end.min(ahead(text, open, 300)).max(open);
        let bracketed = text.get(near.clone()).map_or(0, |t| parens(t).count());
        let close = from + paren.end;
        let local = sentence.start.max(back(text, open, 60))
            ..sentence.end.min(ahead(text, close, 60)).max(close);
        let counts = words(text, local)
            .iter()
            .any(|w| COUNT_CONTEXT.contains(w.text) && !inside_any(quoted, w.start, w.end));
        if bracketed > 1 || counts {
            continue;
        }
        let gap_end = text.get(..open).map_or(open, |s| s.trim_end().len());
        let mention = gap_end
            .checked_sub(1)
            .and_then(|p| ctx.people().mention_at(p))
            .filter(|m| m.end == gap_end);
        let name_span = match mention {
            Some(m) => Some((m.start, ctx.people().name_of(m).to_string())),
            None => fallback_name_before(text, gap_end).map(|(s, n)| (s, ctx.people().resolve(&n))),
        };
        let Some((name_start, name)) = name_span else {
            continue;
        };
        out.push(Hit {
            start: name_start,
            end: from + paren.end,
            age,
            form: Form::Named,
            name: Some(name),
            past: false,
            indefinite: false,
            noun: None,
        });
    }

    // which patterns can match at all
    let AgeWords {
        noun,
        attributive,
        jahre_alt,
        jahren,
    } = AgeWords::of(body.as_bytes());

    // `-Jährige`
    for m in if noun { nouns(body) } else { Vec::new() } {
        let Ok(age) = body.get(m.num).unwrap_or("").parse::<u32>() else {
            continue;
        };
        let all = m.all;
        let start = from + all.start;
        let plural = body
            .get(all.clone())
            .is_some_and(|a| a.ends_with("Jährigen"))
            && word_before(text, start, 1).any(|w| GROUP_WORDS.contains_lower(w));
        if plural || !plausible(age) {
            continue;
        }
        let (past, indefinite) = past_and_indefinite(text, start);
        out.push(Hit {
            start,
            end: from + all.end,
            age,
            form: Form::Description,
            name: None,
            past,
            indefinite,
            noun: None,
        });
    }

    // `-jährige` or ` Jahre alte`
    for m in if attributive || jahre_alt {
        attributives(body)
    } else {
        Vec::new()
    } {
        let Ok(age) = body.get(m.num).unwrap_or("").parse::<u32>() else {
            continue;
        };
        let start = from + m.all.start;
        let noun_start = from + m.noun.start;
        if !plausible(age) {
            continue;
        }
        // the age part: `23-jähriger`, `33 Jahre alte`
        let end = text
            .get(start..noun_start)
            .map_or(noun_start, |s| start + s.trim_end().len());
        let named = ctx
            .people()
            .mention_at(noun_start)
            .filter(|m| m.start == noun_start)
            .map(|m| ctx.people().name_of(m).to_string());
        let noun_word = body.get(m.noun.clone()).unwrap_or("").trim_end_matches('.');
        let (form, name) = match named {
            Some(n) => (Form::Named, Some(n)),
            None if is_description_noun(noun_word) => {
                // `der 20-jährige Engländer Gittens`: the name follows
                match name_after(ctx, from + m.noun.end) {
                    Some(n) => (Form::Named, Some(n)),
                    None => (Form::Description, None),
                }
            }
            None => continue,
        };
        let noun_text = (form == Form::Description).then(|| noun_word.to_string());
        let (past, indefinite) = past_and_indefinite(text, start);
        out.push(Hit {
            start,
            end,
            age,
            form,
            name,
            past,
            indefinite,
            noun: noun_text,
        });
    }

    // ` Jahre alt`, then the event ages: every one says ` Jahren` (the event
    // pattern's own search stopped at every `mit` and `im`)
    let predicates = if jahre_alt {
        predicates(body)
    } else {
        Vec::new()
    };
    let events = if jahren { event_ages(body) } else { Vec::new() };
    let subjects = predicates.into_iter().map(|m| (m.all, m.num, false));
    let events = events
        .into_iter()
        .map(|m| (m.start..m.end, m.digits.0..m.digits.1, true));
    for (all, num, event) in subjects.chain(events) {
        let Ok(age) = body.get(num.clone()).unwrap_or("").parse::<u32>() else {
            continue;
        };
        if !plausible(age) {
            continue;
        }
        let start = from + num.start;
        let end = from + all.end;
        let sentence = article.sentence_range(start);
        let near = sentence.start.max(back(text, start, 300))
            ..sentence.end.min(ahead(text, end, 300)).max(end);
        let past = has_past_marker(text, from + all.start)
            || (event
                && words(text, near)
                    .iter()
                    .any(|w| AGE_PAST_VERBS.contains_lower(w.text)));
        out.push(Hit {
            start,
            end,
            age,
            form: Form::Subject,
            name: None,
            past,
            indefinite: false,
            noun: None,
        });
    }
    out.sort_by_key(|h| (h.start, h.end));
    out.dedup_by(|a, b| a.start < b.end && b.start < a.end);
    out
}

/// A name right before `end` when People found none: up to three
/// capitalised words, at least two (`Ali Aliev`), none of them a common
/// non-name word.
fn fallback_name_before(text: &str, end: usize) -> Option<(usize, String)> {
    let window = back(text, end, 120);
    let from = text
        .get(window..end)
        .and_then(|s| s.rfind(['\n', '.', ',', ':', '(']))
        .map_or(window, |i| window + i + 1);
    // the last three words, nearest first
    let ws = words_before(text, from..end, 3);
    let last = ws.first()?;
    if last.end != end {
        return None;
    }
    let run: Vec<_> = ws
        .iter()
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The words are found where a search for each finds them.
        #[test]
        fn age_words_as_searched_one_by_one(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "-Jährige", "-jährige", " Jahre alt", " Jahren", "J", "j", "-", " ", "Jahre",
                "ährige", "alt", "n", "x", "ä",
            ]), 0..12),
        ) {
            let text: String = v.concat();
            let found = AgeWords::of(text.as_bytes());
            prop_assert_eq!(found.noun, text.contains("-Jährige"), "{:?}", text);
            prop_assert_eq!(found.attributive, text.contains("-jährige"), "{:?}", text);
            prop_assert_eq!(found.jahre_alt, text.contains(" Jahre alt"), "{:?}", text);
            prop_assert_eq!(found.jahren, text.contains(" Jahren"), "{:?}", text);
        }
    }
}
