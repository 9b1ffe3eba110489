//! Who said a quotation, and the cue word that says so.
//!
//! In order of trust: a cue verb right after the quote (`„…“, sagte
//! Müller`, `„…“ stellte Xhaka fest`, `„…“, so Glasner`); a caption name
//! after it on the same line (`"…" St.-Pauli-Trainer Alexander Blessin`); a
//! cue verb or a named person in the same sentence before it, usually as a
//! colon intro (`Barisic sagte: „…“`, `Gündogan: '…'`); a description in
//! that intro (`Arsenal-Trainer … verwundert: "…"`). Descriptions and
//! pronouns (`sagte der 26-Jährige`, `sagte er`) are resolved to their
//! person. A quote with none of these continues the previous quote's
//! speaker while the article is still about that person.

use super::spans::QuoteSpan;
use crate::article::Article;
use crate::lexicon::SPEECH_VERBS;
use crate::link::people::People;
use crate::link::roles::{Np, Resolver, Word, first_words, is_description_noun, np_after, words};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Speech verbs: first word → the possible second words (`""` for none,
/// `sich`/`es` directly after, or a separable particle later in the clause).
static VERBS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for line in SPEECH_VERBS.iter() {
        let mut parts = line.split_whitespace();
        if let Some(verb) = parts.next() {
            map.entry(verb)
                .or_default()
                .push(parts.next().unwrap_or(""));
        }
    }
    map
});

/// Whether `word` opens a speech verb (`sagte`, `so`, `fügte`).
pub fn is_speech_verb(word: &str) -> bool {
    VERBS.contains_key(word)
}

/// Attribution of one quotation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    pub speaker: String,
    pub cue: String,
}

/// A cue verb found at word `i` of `ws`: the cue as written in the table
/// (`fügte hinzu`) and the byte offset after the verb (and `sich`/`es`).
fn cue_at(ws: &[Word], i: usize, allow_so: bool) -> Option<(String, usize)> {
    let w = ws.get(i)?;
    if w.text == "so" && !allow_so {
        return None;
    }
    let seconds = VERBS.get(w.text)?;
    let next = ws.get(i + 1);
    // `freut sich`, `hieß es`
    for s in seconds.iter().filter(|s| matches!(**s, "sich" | "es")) {
        if let Some(n) = next
            && n.text == *s
        {
            return Some((format!("{} {}", w.text, s), n.end));
        }
    }
    // separable verbs: the particle closes the clause
    for s in seconds
        .iter()
        .filter(|s| !s.is_empty() && !matches!(**s, "sich" | "es"))
    {
        if ws
            .get(i + 1..)
            .is_some_and(|rest| rest.iter().take(14).any(|x| x.text == *s))
        {
            return Some((format!("{} {}", w.text, s), w.end));
        }
    }
    seconds
        .iter()
        .any(|s| s.is_empty())
        .then(|| (w.text.to_string(), w.end))
}

/// How many words after a quotation are read: a cue verb and a particle
/// up to 14 words after it ([`cue_at`]), more than a caption's 6.
const AFTER_WORDS: usize = 16;

/// How far (bytes) the context of a quotation is read on either side: a
/// cue, caption or intro stands close to its quotation, and the bound keeps
/// the work per quotation constant on huge one-line inputs.
const REACH: usize = 400;

/// Byte offset of the end of the line holding `pos`, or `pos + REACH`
/// (on a char boundary) when the line runs on farther.
fn line_end(text: &str, pos: usize) -> usize {
    let mut to = pos.saturating_add(REACH).min(text.len());
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    text.get(pos..to)
        .and_then(|s| s.find('\n'))
        .map_or(to, |i| pos + i)
}

/// Byte offset of the start of the line holding `pos`, or `pos - REACH`
/// (on a char boundary) when the line began earlier.
fn line_start(text: &str, pos: usize) -> usize {
    let mut from = pos.saturating_sub(REACH).min(text.len());
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    text.get(from..pos)
        .and_then(|s| s.rfind('\n'))
        .map_or(from, |i| from + i + 1)
}

/// What a cue's noun phrase says about the speaker.
enum Said {
    Name(String),
    /// A description or pronoun starting at this offset.
    Refers(usize, String),
    Nobody,
}

fn said(np: Np) -> Said {
    match np {
        Np::Name { name, .. } => Said::Name(name),
        Np::Description { start, noun } => Said::Refers(start, noun),
        Np::Pronoun { start } => Said::Refers(start, String::new()),
        Np::Other => Said::Nobody,
    }
}

/// Resolves a description or pronoun at `pos`; a role noun with nothing
/// before it (a headline) is looked up where it introduces a name.
fn refer(resolver: &Resolver, pos: usize, noun: &str) -> String {
    let role = (!noun.is_empty()).then_some(noun);
    resolver
        .antecedent_where(pos, role, |_| true, |_| false)
        .or_else(|| {
            (!noun.is_empty())
                .then(|| resolver.role_holder(noun))
                .flatten()
        })
        .unwrap_or_default()
}

/// Attributes every quotation in `spans` (in text order).
pub fn attribute(
    article: &Article,
    people: &People,
    spans: &[QuoteSpan],
    resolver: &Resolver,
) -> Vec<Attribution> {
    let text = &article.text;
    let mut out: Vec<Attribution> = Vec::with_capacity(spans.len());
    for (k, q) in spans.iter().enumerate() {
        let next_start = spans.get(k + 1).map_or(text.len(), |n| n.start);
        let prev_end = k.checked_sub(1).and_then(|p| spans.get(p)).map(|p| p.end);

        // after the quote
        let after_limit = line_end(text, q.end).min(next_start);
        // a cue is read in the first 15 words, a caption has at most 6
        let after_words = first_words(text, q.end..after_limit, AFTER_WORDS);
        let gap = after_words
            .first()
            .and_then(|w| text.get(q.end..w.start))
            .unwrap_or("");
        let gap_ok = gap.chars().all(|c| c.is_whitespace() || c == ',');
        let mut after_cue: Option<(String, Said)> = None;
        if gap_ok && let Some((cue, end)) = cue_at(&after_words, 0, gap.contains(',')) {
            after_cue = Some((cue, said(np_after(article, people, end, after_limit))));
        }
        // a caption: nothing but a name up to the line end
        let mut caption: Option<String> = None;
        if after_cue.is_none() && gap_ok {
            let rest = text.get(q.end..after_limit).unwrap_or("").trim();
            if !rest.is_empty()
                && after_limit == line_end(text, q.end)
                && !rest.contains(['!', '?', ',', ':'])
                && !rest.contains(". ")
                && !rest.ends_with('.')
                && after_words.len() <= 6
                && let Np::Name { name, .. } = np_after(article, people, q.end, after_limit)
            {
                caption = Some(name);
            }
        }

        // before the quote, in its sentence
        let mut before_start = article
            .sentence_range(q.start)
            .start
            .max(line_start(text, q.start));
        if let Some(p) = prev_end
            && p > before_start
        {
            before_start = p;
        }
        let before_words = words(text, before_start..q.start);
        let mut before_cue: Option<(String, Said, usize)> = None;
        for (i, w) in before_words.iter().enumerate() {
            if let Some((cue, end)) = cue_at(&before_words, i, false) {
                let np = said(np_after(article, people, end, q.start));
                before_cue = Some((cue, np, w.start));
                break;
            }
        }
        let before_name = resolver.last_in(before_start..q.start);
        let before_description = before_words
            .iter()
            .find(|w| is_description_noun(w.text))
            .map(|w| (w.start, w.text.to_string()));

        let attribution = match (after_cue, caption, before_cue) {
            (Some((cue, Said::Name(n))), _, _) => Attribution { speaker: n, cue },
            (Some((cue, Said::Refers(pos, noun))), _, _) => Attribution {
                speaker: before_name.unwrap_or_else(|| refer(resolver, pos, &noun)),
                cue,
            },
            (Some((cue, Said::Nobody)), _, _) => Attribution {
                speaker: before_name.unwrap_or_default(),
                cue,
            },
            (None, Some(n), _) => Attribution {
                speaker: n,
                cue: String::new(),
            },
            (None, None, Some((cue, np, verb_at))) => {
                let speaker = match np {
                    Said::Name(n) => n,
                    Said::Refers(pos, noun) => refer(resolver, pos, &noun),
                    Said::Nobody => resolver
                        .first_in(before_start..verb_at)
                        .or(before_name)
                        .unwrap_or_default(),
                };
                Attribution { speaker, cue }
            }
            (None, None, None) => {
                if let Some(n) = before_name {
                    Attribution {
                        speaker: n,
                        cue: String::new(),
                    }
                } else if let Some((pos, noun)) = before_description {
                    Attribution {
                        speaker: refer(resolver, pos, &noun),
                        cue: String::new(),
                    }
                } else {
                    Attribution {
                        speaker: continuation(article, resolver, spans, &out, k),
                        cue: String::new(),
                    }
                }
            }
        };
        out.push(attribution);
    }
    out
}

/// The speaker of a cue-less quote: the previous quote's speaker when it is
/// near (at most one full paragraph between) and no other person became
/// the subject of a sentence in between.
fn continuation(
    article: &Article,
    resolver: &Resolver,
    spans: &[QuoteSpan],
    done: &[Attribution],
    k: usize,
) -> String {
    let (Some(prev), Some(prev_attr), Some(q)) = (
        k.checked_sub(1).and_then(|p| spans.get(p)),
        k.checked_sub(1).and_then(|p| done.get(p)),
        spans.get(k),
    ) else {
        return String::new();
    };
    let text = &article.text;
    let between = text.get(prev.end..q.start).unwrap_or("");
    // full lines strictly between the two quotes' lines
    let full_lines = match (between.find('\n'), between.rfind('\n')) {
        (Some(a), Some(b)) if a < b => between
            .get(a + 1..b)
            .unwrap_or("")
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .take(2)
            .count(),
        _ => 0,
    };
    if full_lines > 1 {
        return String::new();
    }
    // the subject of the last sentence that has one, strictly after the
    // previous quote's sentence
    let prev_sentence_end = article.sentence_range(prev.end.saturating_sub(1)).end;
    let first = article
        .sentences
        .partition_point(|s| s.start < prev_sentence_end);
    let last = article.sentences.partition_point(|s| s.end <= q.start);
    let subject = article
        .sentences
        .get(first..last.max(first))
        .unwrap_or(&[])
        .iter()
        .rev()
        .find_map(|s| resolver.first_in(s.clone()));
    subject.unwrap_or_else(|| prev_attr.speaker.clone())
}
