//! `quotes.csv` (SPEC "quotes.csv"): direct speech in quotation marks, who
//! said it and the cue word.
//!
//! [`spans`] finds the quotations, [`speaker`] attributes them.

use super::{Context, Extractor, Row, TableSpec};
use crate::link::roles::Resolver;
use std::ops::Range;

pub mod spans;
pub mod speaker;

pub static SPEC: TableSpec = TableSpec {
    name: "quotes",
    columns: &["quote", "speaker", "cue"],
    numeric: &[],
};

pub struct Quotes;

/// Byte spans of every quotation in the article body (for other modules
/// that must ignore names said inside quotes).
pub fn quoted_ranges(ctx: &Context<'_>) -> Vec<Range<usize>> {
    spans::find(&ctx.article.text, ctx.article.body_start())
        .into_iter()
        .map(|q| q.start..q.end)
        .collect()
}

impl Extractor for Quotes {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, ctx: &Context<'_>) -> Vec<Row> {
        let article = ctx.article;
        let text = &article.text;
        let found = spans::find(text, article.body_start());
        let quoted: Vec<Range<usize>> = found.iter().map(|q| q.start..q.end).collect();
        let mut resolver = Resolver::new(article, &ctx.people, &quoted);
        for r in super::ages::person_refs(ctx, &quoted) {
            resolver.add(r);
        }
        let said = speaker::attribute(article, &ctx.people, &found, &resolver);
        found
            .iter()
            .zip(said)
            .map(|(q, a)| {
                let inner = text.get(q.inner.clone()).unwrap_or("").trim();
                Row::new(q.start, q.end, vec![inner.to_string(), a.speaker, a.cue])
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
