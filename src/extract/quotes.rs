//! `quotes.csv` (SPEC "quotes.csv"): direct speech in quotation marks, who
//! said it and the cue word.
//!
//! [`spans`] finds the quotations, [`speaker`] attributes them.

use super::ages::{Age, FirstPass};
use super::{Context, Extractor, Row, TableSpec};
use crate::link::roles::{Ref, Resolver};
use std::collections::HashMap;
use std::ops::Range;

pub mod spans;
pub mod speaker;

pub static SPEC: TableSpec = TableSpec {
    name: "quotes",
    columns: &["quote", "speaker", "cue"],
    numeric: &[],
};

pub struct Quotes;

/// The quotations of an article with their speakers, and the ages found
/// on the way (an age description can be a speaker: `sagte der
/// 26-Jährige`). The ages and quotes tables both need all of it, so
/// [`Context::speech`] builds it once per article.
pub struct Speech {
    /// Every quotation of the article body, in order.
    pub found: Vec<spans::QuoteSpan>,
    /// Their byte spans.
    pub quoted: Vec<Range<usize>>,
    /// The ages, resolved before the speakers are known.
    pub(crate) ages: FirstPass,
    /// The attribution of each quotation in `found`.
    pub said: Vec<speaker::Attribution>,
}

/// Builds [`Speech`]; use [`Context::speech`], which keeps it.
pub fn speech(ctx: &Context<'_>) -> Speech {
    let article = ctx.article;
    let found = spans::find(&article.text, article.body_start());
    let quoted: Vec<Range<usize>> = found.iter().map(|q| q.start..q.end).collect();
    let ages = super::ages::first_pass(ctx, &quoted);
    let said = attribute_with(ctx, &found, &quoted, ages.ages());
    Speech {
        found,
        quoted,
        ages,
        said,
    }
}

/// Attributes the quotations `found` (with their spans `quoted`), given
/// the article's ages (resolved age descriptions are person references:
/// `sagte der 26-Jährige`).
pub fn attribute_with(
    ctx: &Context<'_>,
    found: &[spans::QuoteSpan],
    quoted: &[Range<usize>],
    ages: &[Age],
) -> Vec<speaker::Attribution> {
    if found.is_empty() {
        return Vec::new();
    }
    let article = ctx.article;
    let mut resolver = Resolver::new(article, ctx.people(), quoted);
    // full names that only the ages know (`Pep Guardiola (45)` when People
    // missed it): a speaker named by surname alone takes the full form
    let mut full: HashMap<&str, Option<&str>> = HashMap::new();
    for a in ages {
        if let Some((_, surname)) = a.person.rsplit_once(' ') {
            let e = full.entry(surname).or_insert(Some(a.person.as_str()));
            if *e != Some(a.person.as_str()) {
                *e = None;
            }
        }
    }
    for a in ages.iter().filter(|a| a.described && !a.person.is_empty()) {
        resolver.add(Ref {
            start: a.start,
            end: a.end,
            name: a.person.clone(),
        });
    }
    let mut said = speaker::attribute(article, ctx.people(), found, &resolver);
    for a in &mut said {
        if let Some(Some(name)) = full.get(a.speaker.as_str()) {
            a.speaker = (*name).to_string();
        }
    }
    said
}

impl Extractor for Quotes {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, ctx: &Context<'_>) -> Vec<Row> {
        let text = &ctx.article.text;
        let speech = ctx.speech();
        speech
            .found
            .iter()
            .zip(&speech.said)
            .map(|(q, a)| {
                let inner = text.get(q.inner.clone()).unwrap_or("").trim();
                Row::new(
                    q.start,
                    q.end,
                    vec![inner.to_string(), a.speaker.clone(), a.cue.clone()],
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    /// (quote, speaker, cue) of every quote row.
    fn run(text: &str) -> Vec<(String, String, String)> {
        let article = Article::from_text("t.txt", text);
        let ctx = Context::new(&article);
        Quotes
            .extract(&ctx)
            .into_iter()
            .map(|r| {
                let mut v = r.values.into_iter();
                let mut next = || v.next().unwrap_or_default();
                (next(), next(), next())
            })
            .collect()
    }

    fn who(text: &str) -> Vec<(String, String)> {
        run(text).into_iter().map(|(_, s, c)| (s, c)).collect()
    }

    fn pair(s: &str, c: &str) -> (String, String) {
        (s.to_string(), c.to_string())
    }

    #[test]
    fn cue_verbs_after_the_quote() {
        assert_eq!(
            who("„Wir haben verdient gewonnen“, sagte Sandro Wagner nach dem Spiel."),
            vec![pair("Sandro Wagner", "sagte")]
        );
        assert_eq!(
            who("„Wir kommen sicher wieder zurück“, so Oliver Glasner."),
            vec![pair("Oliver Glasner", "so")]
        );
        assert_eq!(
            who("„Wir prüfen alle Optionen“, ließ Präsident Herbert Hainer verlauten."),
            vec![pair("Herbert Hainer", "ließ verlauten")]
        );
        assert_eq!(
            who("„Das ist ein besonderer Tag“, freut sich Lena Oberdorf."),
            vec![pair("Lena Oberdorf", "freut sich")]
        );
        assert_eq!(
            who("\" Das Ergebnis ist bitter \" stellte Kapitän Joshua Kimmich fest."),
            vec![pair("Joshua Kimmich", "stellte fest")]
        );
    }

    #[test]
    fn colon_intros() {
        assert_eq!(
            who("Niko Kovac sagte: „Wir haben heute verdient gewonnen.“"),
            vec![pair("Niko Kovac", "sagte")]
        );
        assert_eq!(
            who("Ilkay Gündogan: 'Das brauchen wir, um weit zu kommen'"),
            vec![pair("Ilkay Gündogan", "")]
        );
        // the speaker named in the intro, a description after the quote
        assert_eq!(
            who(
                "Ähnlich klang sein Trainer Xabi Alonso: „Wir haben gut gespielt“, sagte der Spanier."
            ),
            vec![pair("Xabi Alonso", "sagte")]
        );
    }

    #[test]
    fn roles_and_pronouns_resolve_to_persons() {
        let t = "Ali Aliev trat am Sonntag zurück.\n\n„Alles liegt in meiner Verantwortung“, sagte der sichtlich enttäuschte Trainer.";
        assert_eq!(who(t), vec![pair("Ali Aliev", "sagte")]);
        let t = "Jonas Hofmann war zufrieden. „Das war ein gutes Spiel von uns“, sagte er.";
        assert_eq!(who(t), vec![pair("Jonas Hofmann", "sagte")]);
        let t = "Marvin Ducksch bereitete beide Tore vor. „Wir können zufrieden sein“, sagte der 30-Jährige.";
        assert_eq!(who(t), vec![pair("Marvin Ducksch", "sagte")]);
        // an opponent named in between is not the speaker
        let t = "Jannik Sinner gewann gegen Außenseiter Jack Draper. „Es war hart heute“, sagte der Italiener.";
        assert_eq!(who(t), vec![pair("Jannik Sinner", "sagte")]);
    }

    #[test]
    fn headline_role_found_later() {
        let t = "Bayern-Trainer verärgert: \"Das war kein Elfmeter, ganz klar\"\n\nMünchen – Bayern-Trainer Vincent Kompany hat den Schiedsrichter kritisiert.";
        assert_eq!(who(t), vec![pair("Vincent Kompany", "")]);
    }

    #[test]
    fn captions_and_continuations() {
        let t = "\"Wir müssen jede Woche so spielen.\" Bayern-Trainer Vincent Kompany\n\nDanach ging es weiter.";
        assert_eq!(who(t), vec![pair("Vincent Kompany", "")]);
        let t = "„Wir waren heute besser“, sagte Julian Nagelsmann. „Am Ende zählt aber nur das Ergebnis.“";
        assert_eq!(
            who(t),
            vec![
                pair("Julian Nagelsmann", "sagte"),
                pair("Julian Nagelsmann", "")
            ]
        );
        // another person became the subject in between
        let t = "„Wir waren heute besser“, sagte Julian Nagelsmann. Thomas Tuchel sah das anders. „Wir hatten die besseren Chancen.“";
        assert_eq!(who(t)[1], pair("Thomas Tuchel", ""));
    }

    #[test]
    fn unknown_speakers_stay_empty() {
        let t = "Auf X schrieb ein Fan: „Ich schwöre, das ist kein Traum.“";
        assert_eq!(who(t), vec![pair("", "schrieb")]);
        let t = "Im Fankanal herrschte Ekstase: \"Zehn Minuten bis zum Aufstieg\" hieß es dort.";
        assert_eq!(who(t), vec![pair("", "hieß es")]);
        let t = "\"Ich werde heute weinen, ehrlich\", so die Übersetzung. Und: \"Wir steigen auf, endlich.\"";
        assert_eq!(who(t), vec![pair("", "so"), pair("", "")]);
    }

    #[test]
    fn quote_text_and_names_in_quotes() {
        let rows = run(
            "Laut „Transfermarkt.de“ sprach er. Die „Blues“ jubelten. „Wir sind sehr froh“, sagte Mason Mount.",
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, "Wir sind sehr froh");
        assert_eq!(rows[0].1, "Mason Mount");
    }

    #[test]
    fn role_descriptions_find_their_role_holder() {
        // the person talked about in the paragraph is nobody: the holder of
        // the role from an earlier paragraph
        let t = "Deutschland verlor unter Bundestrainer Hans Flick. Später traf noch Leon Kurz (75.).\n\n„Wir waren nicht gut genug“, sagte der Bundestrainer.";
        assert_eq!(who(t), vec![pair("Hans Flick", "sagte")]);
        // the person of the paragraph comes first, even with another
        // holder of the role before
        let t = "Die Elf von Trainer Paul Stein (50) siegte.\n\nAuf der Gegenseite haderte Uwe Bach mit dem Ergebnis. „Wir hatten heute kein Glück“, sagte der enttäuschte Kölner Trainer.";
        assert_eq!(who(t), vec![pair("Uwe Bach", "sagte")]);
    }

    #[test]
    fn descriptions_with_ages_and_objects() {
        let t = "Paul Weiß besiegte in der ersten Runde den Franzosen Luc Martin. „Das war ein hartes Stück Arbeit“, so der 22-Jährige.";
        assert_eq!(who(t), vec![pair("Paul Weiß", "so")]);
        let t = "Trainer Max Vogt (45) lobte. Sein Gegenüber Jan Roth war sauer. „Das war heute ein Witz“, sagte der 51-Jährige.";
        assert_eq!(who(t), vec![pair("Jan Roth", "sagte")]);
    }

    #[test]
    fn short_quotes_with_a_cue_are_speech() {
        assert_eq!(
            who("„Einfach Wahnsinn!“, sagte Kapitän Jonas Frey."),
            vec![pair("Jonas Frey", "sagte")]
        );
        // without a cue two words are a scare quote
        assert!(run("Das „Wunder von Bern“ und die „Blues“ jubelten.").is_empty());
    }

    #[test]
    fn titles_after_an_article_are_not_quotes() {
        let rows = run("Die Partie war zugleich der „Tag der Jugend“, an dem der Verein feierte.");
        assert!(rows.is_empty(), "{rows:?}");
        let rows = run("Es war sein \"letztes großes Ziel\" gewesen, sagte Tim Ott.");
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "„",
            "\", sagte",
            "„a b c“, so",
            ": „x y z“",
            "'a b c' sagte er",
            "„a b c\n\n„d e f",
        ] {
            let _ = run(t);
        }
    }
}
