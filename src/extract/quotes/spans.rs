//! Where quotations are: pairs of quotation marks around speech.
//!
//! Every SPEC style is paired: `„…“`, `“…”`, `"…"`, `»…«`, `«…»`, `‚…‘`,
//! and `'…'` when the apostrophes enclose speech (not `geht's`). Marks of
//! another style inside an open quotation are nested quotes and ignored. A
//! quotation still open at the end of a paragraph continues when the next
//! paragraph opens with a quotation mark (German convention); otherwise it
//! closes at the paragraph end, so a missing closing mark never swallows
//! the rest of the article. Quoted names, titles and scare quotes (one or
//! two words, or a few capitalised words) are not quotations.

use crate::lexicon::TITLE_ARTICLES;
use std::ops::Range;

/// One quotation: the span with its marks and the inner text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte span including the quotation marks.
    pub start: usize,
    pub end: usize,
    /// Byte span of the text inside the marks.
    pub inner: Range<usize>,
}

/// The closing marks that end a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '„' => &['“', '”'],
        '“' => &['”', '“'],
        '”' => &['”'],
        '»' => &['«'],
        '«' => &['»'],
        '‚' => &['‘', '’'],
        '"' => &['"'],
        '\'' => &['\''],
        _ => &[],
    }
}

/// Marks that open a continuation paragraph of a quotation opened by `open`.
fn continues(open: char, c: char) -> bool {
    match open {
        '„' | '“' | '”' => matches!(c, '„' | '“' | '”'),
        _ => c == open,
    }
}

fn is_apostrophe_opener(text: &str, i: usize) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i + 1..).and_then(|s| s.chars().next());
    before.is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '(' | '-' | '–'))
        && after.is_some_and(char::is_alphanumeric)
}

fn is_apostrophe_closer(text: &str, i: usize) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i + 1..).and_then(|s| s.chars().next());
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// All quotation spans in `text[from..]`, in order, after filtering names,
/// titles and scare quotes.
pub fn find(text: &str, from: usize) -> Vec<QuoteSpan> {
    raw_spans(text, from)
        .into_iter()
        .filter(|q| {
            let inner = text.get(q.inner.clone()).unwrap_or("");
            let speech = is_speech(inner) || (has_words(inner) && cue_follows(text, q.end));
            speech && !(after_article(text, q.start) && is_title(inner))
        })
        .collect()
}

/// Whether `inner` has a word at all.
fn has_words(inner: &str) -> bool {
    inner.chars().any(char::is_alphabetic)
}

/// Whether a comma and a speech verb follow byte `pos` (`„Danke“, sagte
/// er`): then even a one-word quotation is speech.
fn cue_follows(text: &str, pos: usize) -> bool {
    let mut to = pos.saturating_add(40).min(text.len());
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    let Some(after) = text.get(pos..to) else {
        return false;
    };
    let Some(rest) = after.trim_start_matches(' ').strip_prefix(',') else {
        return false;
    };
    rest.split_whitespace()
        .next()
        .is_some_and(super::speaker::is_speech_verb)
}

/// Whether the word right before byte `pos` is a definite or indefinite
/// article (`der „Tag des Ehrenamts“`): what follows is named, not said.
fn after_article(text: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(12);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..pos).unwrap_or("");
    if !before.ends_with(' ') {
        return false;
    }
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| TITLE_ARTICLES.contains_lower(w))
}

/// A short capitalised phrase without sentence punctuation (`Tag des
/// Ehrenamts`, `Projekt Aufstieg`).
fn is_title(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() <= 4
        && words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
        && !inner.contains([',', '.', '!', '?', ':'])
}

/// Every pair of quotation marks, before filtering.
fn raw_spans(text: &str, from: usize) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let Some(body) = text.get(from..) else {
        return out;
    };
    // only quotation marks and line feeds change the state below: skip
    // every other byte (all marks but `'` and `"` start with 0xC2 or 0xE2)
    let bytes = body.as_bytes();
    let mut ascii = memchr::memchr3_iter(b'\'', b'"', b'\n', bytes).peekable();
    let mut lead = memchr::memchr2_iter(0xC2, 0xE2, bytes).peekable();
    let mut rel = 0;
    loop {
        // the nearest candidate at or after `rel` of either kind
        while ascii.next_if(|&p| p < rel).is_some() {}
        while lead.next_if(|&p| p < rel).is_some() {}
        let Some(next) = [ascii.peek(), lead.peek()]
            .into_iter()
            .flatten()
            .min()
            .copied()
        else {
            break;
        };
        rel = next;
        let Some(c) = body.get(rel..).and_then(|r| r.chars().next()) else {
            break;
        };
        let i = from + rel;
        rel += c.len_utf8();
        match open {
            None => {
                let opens = match c {
                    '\'' => is_apostrophe_opener(text, i),
                    '”' | '“' => text
                        .get(..i)
                        .and_then(|s| s.chars().next_back())
                        .is_none_or(|b| b.is_whitespace() || matches!(b, ':' | '(' | '-')),
                    _ => !closers(c).is_empty(),
                };
                if opens {
                    open = Some((c, i));
                }
            }
            Some((o, start)) => {
                if c == '\n' {
                    // paragraph end: continue into the next paragraph when it
                    // opens with a quotation mark, else close here
                    let rest = text.get(i..).unwrap_or("");
                    let next = rest.trim_start();
                    let next_mark = next.chars().next();
                    if let Some(m) = next_mark.filter(|&m| o != '\'' && continues(o, m)) {
                        // go on after the continuation mark
                        rel = i + (rest.len() - next.len()) + m.len_utf8() - from;
                        continue;
                    }
                    let end = start + text.get(start..i).map_or(0, |s| s.trim_end().len());
                    push(&mut out, text, o, start, end, false);
                    open = None;
                    continue;
                }
                let closes = closers(o).contains(&c)
                    && (o != '\'' || is_apostrophe_closer(text, i))
                    && i > start;
                if closes {
                    push(&mut out, text, o, start, i + c.len_utf8(), true);
                    open = None;
                }
            }
        }
    }
    if let Some((o, start)) = open {
        let end = start + text.get(start..).map_or(0, |s| s.trim_end().len());
        push(&mut out, text, o, start, end, false);
    }
    out
}

fn push(out: &mut Vec<QuoteSpan>, text: &str, open: char, start: usize, end: usize, closed: bool) {
    let inner_start = start + open.len_utf8();
    let inner_end = if closed {
        text.get(..end)
            .and_then(|s| s.chars().next_back())
            .map_or(end, |c| end - c.len_utf8())
    } else {
        end
    };
    if inner_end <= inner_start {
        return;
    }
    out.push(QuoteSpan {
        start,
        end,
        inner: inner_start..inner_end,
    });
}

/// Whether the inner text of a quotation is speech rather than a quoted
/// name, title or scare quote.
fn is_speech(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.len() < 3 {
        return false;
    }
    // a title: a few words, all capitalised, no sentence punctuation
    let all_caps = words.iter().all(|w| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| !c.is_lowercase())
    });
    !(all_caps && words.len() <= 4 && !inner.contains([',', '.', '!', '?']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        find(text, 0)
            .into_iter()
            .map(|q| text[q.start..q.end].to_string())
            .collect()
    }

    fn inner(text: &str) -> Vec<String> {
        find(text, 0)
            .into_iter()
            .map(|q| text[q.inner].to_string())
            .collect()
    }

    #[test]
    fn every_quotation_style() {
        let cases = [
            (
                "Er sagte: „Wir sind sehr froh.“ Dann ging er.",
                "„Wir sind sehr froh.“",
            ),
            (
                "Er sagte: “Wir sind sehr froh.” Dann ging er.",
                "“Wir sind sehr froh.”",
            ),
            (
                "Er sagte: \"Wir sind sehr froh.\" Dann ging er.",
                "\"Wir sind sehr froh.\"",
            ),
            (
                "Er sagte: »Wir sind sehr froh.« Dann ging er.",
                "»Wir sind sehr froh.«",
            ),
            (
                "Er sagte: «Wir sind sehr froh.» Dann ging er.",
                "«Wir sind sehr froh.»",
            ),
            (
                "Er sagte: ‚Wir sind sehr froh.‘ Dann ging er.",
                "‚Wir sind sehr froh.‘",
            ),
            (
                "Kimmich: 'Das brauchen wir jetzt' - Analyse",
                "'Das brauchen wir jetzt'",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), vec![want.to_string()], "{text}");
        }
    }

    #[test]
    fn apostrophes_in_words_are_not_quotes() {
        assert!(quotes("So geht's nicht weiter, sagt's der Coach.").is_empty());
        assert_eq!(
            quotes("Müller: 'So geht's nicht weiter mit uns' - klar"),
            vec!["'So geht's nicht weiter mit uns'".to_string()]
        );
    }

    #[test]
    fn names_titles_and_scare_quotes_are_not_quotes() {
        assert!(quotes("Laut „Kicker.de“ ist er fit.").is_empty());
        assert!(quotes("Die „Blues“ gewannen.").is_empty());
        assert!(quotes("Laut «France Football» ist er der Beste.").is_empty());
        assert!(quotes("Das \"Finale\" in Gruppe drei und der \"Joker\" stach.").is_empty());
        assert!(quotes("Sie sahen „Das Aktuelle Sportstudio“ im ZDF.").is_empty());
        // three words of speech are a quote
        assert_eq!(
            quotes("Es sei sein \"letztes großes Ziel\" gewesen."),
            vec!["\"letztes großes Ziel\"".to_string()]
        );
    }

    #[test]
    fn parentheses_and_nested_quotes_stay_inside() {
        let t = "\"Mein Vertrag (in Wien, Anm. d. Red.) läuft noch.\" Danach nichts.";
        assert_eq!(
            inner(t),
            vec!["Mein Vertrag (in Wien, Anm. d. Red.) läuft noch.".to_string()]
        );
        let t = "„Er rief ‚Lauf doch!‘ und ich lief los“, sagte sie.";
        assert_eq!(
            inner(t),
            vec!["Er rief ‚Lauf doch!‘ und ich lief los".to_string()]
        );
        let t = "»Sie nennen ihn „den Boss“ hier im Verein«, sagte er.";
        assert_eq!(
            inner(t),
            vec!["Sie nennen ihn „den Boss“ hier im Verein".to_string()]
        );
    }

    #[test]
    fn quotes_over_paragraphs() {
        let t = "„Wir haben gut gespielt.\n\n„Am Ende fehlte das Glück“, sagte er.\nNeuer Absatz.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert!(
            q[0].starts_with("„Wir") && q[0].ends_with("Glück“"),
            "{q:?}"
        );
        let t = "\"Das war stark. Wirklich stark.\n\n\"Und morgen geht es weiter\", sagte sie.";
        assert_eq!(find(t, 0).len(), 1);
    }

    #[test]
    fn unbalanced_marks_close_at_paragraph_end() {
        let t =
            "Er sagte: „Wir haben heute gut gespielt.\nDas Spiel endete 2:1. Die Fans feierten.";
        assert_eq!(
            quotes(t),
            vec!["„Wir haben heute gut gespielt.".to_string()]
        );
        let t = "Er sagte: \"Wir haben das verdient. Dann ging er.";
        assert_eq!(
            quotes(t),
            vec!["\"Wir haben das verdient. Dann ging er.".to_string()]
        );
    }

    #[test]
    fn spaces_inside_ascii_quotes() {
        let t = "\" Was das Ergebnis angeht, sind wir enttäuscht \", stellte er fest. \" Wir kommen wieder \".";
        let q = inner(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].trim(), "Was das Ergebnis angeht, sind wir enttäuscht");
        assert_eq!(q[1].trim(), "Wir kommen wieder");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in ["„", "\"", "'", "„“", "a ' b ' c", "»«»«", "‚x", "\n„\n„\n"] {
            let _ = find(t, 0);
        }
    }
}
