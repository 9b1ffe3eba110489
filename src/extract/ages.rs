//! `ages.csv` (SPEC "ages.csv"): a person's age in years, whose it is, and
//! whether it is their age now or at an earlier time.
//!
//! Forms: `Ali Aliev (44)`; the noun `der 44-Jährige`; the attributive
//! `ein 23-jähriger Brasilianer` and `der 33 Jahre alte Bayer`; the event
//! ages `mit 32 Jahren` and `im Alter von 32 Jahren`; the predicate `32
//! Jahre alt`. Descriptions are resolved to the person they refer to
//! ([`crate::link::roles`]); event and predicate ages belong to the
//! sentence's subject. Not ages: counts in parentheses (`Polen (10
//! Punkte)`, `Tschechien (5), Norwegen (3)`), durations (`seit 23 Jahren`),
//! age classes (`U18`), multiples (`25-fache`), ages of things (`eine
//! 70-jährige Vita`), groups (`die 20-Jährigen`).

use super::{Context, Extractor, Row, TableSpec};
use crate::link::roles::{Ref, Resolver};
use find::{Form, hits, subject_name};
use std::collections::HashMap;
use std::ops::Range;

mod find;

pub static SPEC: TableSpec = TableSpec {
    name: "ages",
    columns: &["person", "age", "kind"],
    numeric: &["age"],
};

pub struct Ages;

/// One resolved age: span, person, age, whether it is past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    pub start: usize,
    pub end: usize,
    pub person: String,
    pub age: u32,
    pub past: bool,
    described: bool,
}

/// Every age of the article with its person, in text order.
pub fn ages(ctx: &Context<'_>, quoted: &[Range<usize>]) -> Vec<Age> {
    let article = ctx.article;
    let mut resolver = Resolver::new(article, &ctx.people, quoted);
    let mut out: Vec<Age> = Vec::new();
    for h in hits(ctx) {
        let person = match h.form {
            Form::Named => h.name.clone().unwrap_or_default(),
            Form::Description => resolver.antecedent(h.start).unwrap_or_default(),
            Form::Subject => {
                let sentence = article.sentence_range(h.start);
                resolver
                    .first_in(sentence.clone())
                    .or_else(|| subject_name(ctx, sentence.start, h.start))
                    .or_else(|| resolver.antecedent(h.start))
                    .unwrap_or_default()
            }
        };
        let described = h.form != Form::Named;
        if described && !person.is_empty() {
            resolver.add(Ref {
                start: h.start,
                end: h.end,
                name: person.clone(),
            });
        }
        out.push(Age {
            start: h.start,
            end: h.end,
            person,
            age: h.age,
            past: h.past,
            described,
        });
    }
    // a person's younger ages lie in the past
    let mut oldest: HashMap<&str, u32> = HashMap::new();
    for a in out.iter().filter(|a| !a.person.is_empty()) {
        let e = oldest.entry(a.person.as_str()).or_insert(a.age);
        *e = (*e).max(a.age);
    }
    let younger: Vec<bool> = out
        .iter()
        .map(|a| oldest.get(a.person.as_str()).is_some_and(|&m| a.age < m))
        .collect();
    for (a, y) in out.iter_mut().zip(younger) {
        a.past |= y;
    }
    out
}

/// Resolved age descriptions (`der 26-Jährige` → its person) as references
/// for resolving later descriptions, e.g. a quote's `sagte der 26-Jährige`.
pub fn person_refs(ctx: &Context<'_>, quoted: &[Range<usize>]) -> Vec<Ref> {
    ages(ctx, quoted)
        .into_iter()
        .filter(|a| a.described && !a.person.is_empty())
        .map(|a| Ref {
            start: a.start,
            end: a.end,
            name: a.person,
        })
        .collect()
}

impl Extractor for Ages {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, ctx: &Context<'_>) -> Vec<Row> {
        let quoted = super::quotes::quoted_ranges(ctx);
        ages(ctx, &quoted)
            .into_iter()
            .map(|a| {
                let kind = if a.past { "past" } else { "current" };
                Row::new(
                    a.start,
                    a.end,
                    vec![a.person, a.age.to_string(), kind.to_string()],
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    /// (text, person, age, kind) of every age row.
    fn run(text: &str) -> Vec<(String, String, u32, &'static str)> {
        let article = Article::from_text("t.txt", text);
        let ctx = Context::new(&article);
        let quoted = crate::extract::quotes::quoted_ranges(&ctx);
        ages(&ctx, &quoted)
            .into_iter()
            .map(|a| {
                (
                    text[a.start..a.end].to_string(),
                    a.person,
                    a.age,
                    if a.past { "past" } else { "current" },
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, u32, &'static str) {
        let rows = run(text);
        assert_eq!(rows.len(), 1, "{text}: {rows:?}");
        rows.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn name_with_age_in_parentheses() {
        let got = one("Der Verband trennte sich am Montag von Trainer Ali Aliev (44).");
        assert_eq!(
            got,
            ("Ali Aliev (44)".into(), "Ali Aliev".into(), 44, "current")
        );
    }

    #[test]
    fn age_nouns_resolve_to_the_person_before() {
        let got = one("Marco Reus traf zweimal. Der 35-Jährige jubelte lange.");
        assert_eq!(
            got,
            ("35-Jährige".into(), "Marco Reus".into(), 35, "current")
        );
        let got =
            one("Kevin Schade wechselt nach London. Der Klub zahlt für den 23-Jährigen viel Geld.");
        assert_eq!(
            got,
            ("23-Jährigen".into(), "Kevin Schade".into(), 23, "current")
        );
    }

    #[test]
    fn attributive_ages_before_person_nouns() {
        let got = one(
            "Guus Hiddink übernimmt das Team. Der 69-jährige Niederländer unterschrieb bis 2026.",
        );
        assert_eq!(
            got,
            ("69-jährige".into(), "Guus Hiddink".into(), 69, "current")
        );
        let got = one("Karl Geiger fehlt. Der 33 Jahre alte Bayer zählt nicht zum Aufgebot.");
        assert_eq!(
            got,
            ("33 Jahre alte".into(), "Karl Geiger".into(), 33, "current")
        );
        // nobody named before: the person stays empty
        let got = one("Verpflichtet wurde ein 23-jähriger Brasilianer.");
        assert_eq!(got, ("23-jähriger".into(), String::new(), 23, "current"));
    }

    #[test]
    fn event_and_predicate_ages() {
        let got =
            one("Thomas Müller ist mit gerade einmal 34 Jahren der älteste Spieler im Kader.");
        assert_eq!(
            got,
            ("34 Jahren".into(), "Thomas Müller".into(), 34, "current")
        );
        let got = one("Im Alter von 32 Jahren wechselte Sami Khedira nach Berlin.");
        assert_eq!(got, ("32 Jahren".into(), "Sami Khedira".into(), 32, "past"));
        let got = one("Manuel Neuer ist 38 Jahre alt.");
        assert_eq!(
            got,
            ("38 Jahre alt".into(), "Manuel Neuer".into(), 38, "current")
        );
    }

    #[test]
    fn past_ages() {
        let rows = run(
            "Dann wechselte Dieter Hecking nach Wolfsburg. Dort wurde der damals 30-Jährige Co-Trainer.",
        );
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].3, "past");
        // the younger of two ages of one person is past
        let rows =
            run("Miroslav Klose ist 46 Jahre alt. Er musste mit 18 Jahren eine Pause einlegen.");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!((rows[0].2, rows[0].3), (46, "current"));
        assert_eq!(
            (rows[1].2, rows[1].3, rows[1].1.as_str()),
            (18, "past", "Miroslav Klose")
        );
    }

    #[test]
    fn not_ages() {
        for text in [
            "Manchester City (64) liegt vor Arsenal (62).",
            "Dahinter folgen Ecuador (3) und Katar (0).",
            "Den Rekord hält Trainer Sepp Herberger (94) mit den meisten Siegen.",
            "Polen (10 Punkte) führt die Gruppe an.",
            "Der Klub ist seit 23 Jahren in der Liga. Vor 77 Jahren wurde er gegründet.",
            "Er spielte in der U18 und bei der U17-EM.",
            "Der 25-fache Nationalspieler fehlt.",
            "Er blickt auf eine 70-jährige Vita zurück. Das 100-jährige Jubiläum steht an.",
            "Die 20-Jährigen gewannen das Turnier.",
            "Das 100 Jahre alte Stadion wird abgerissen.",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "(44)",
            "Ä (9)",
            "-Jährige",
            "99-Jährigen",
            "mit 1 Jahren",
            "ü 12 Jahre alt",
        ] {
            let _ = run(t);
        }
    }
}
