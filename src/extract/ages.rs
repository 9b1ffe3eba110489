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
use crate::lexicon::{DETERMINERS, FIRST_PERSON};
use crate::link::roles::{Np, Ref, Resolver, np_after, words};
use find::{Form, Hit, hits};
use std::collections::HashMap;
use std::ops::Range;

mod event;
mod find;
mod forms;
mod paren;

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
    pub(crate) described: bool,
}

/// A quotation and who said it, for ages said inside quotations.
#[derive(Debug, Clone)]
pub struct Said {
    pub span: Range<usize>,
    pub speaker: String,
}

/// Every age of the article with its person, in text order. `quoted` are
/// the sorted quotation spans; `said` their speakers when known (an age
/// in the first person inside a quotation is the speaker's, and a speaker
/// is a person later descriptions may refer to).
pub fn ages(ctx: &Context<'_>, quoted: &[Range<usize>], said: &[Said]) -> Vec<Age> {
    resolve(ctx, quoted, said, hits(ctx, quoted))
}

/// The ages of an article resolved without the quotations' speakers,
/// and the age expressions they came from.
pub(crate) struct FirstPass {
    hits: Vec<Hit>,
    ages: Vec<Age>,
}

impl FirstPass {
    pub(crate) fn ages(&self) -> &[Age] {
        &self.ages
    }
}

/// [`ages`] without speakers, keeping the age expressions for the second
/// pass ([`Ages::extract`]).
pub(crate) fn first_pass(ctx: &Context<'_>, quoted: &[Range<usize>]) -> FirstPass {
    let hits = hits(ctx, quoted);
    let ages = resolve(ctx, quoted, &[], hits.clone());
    FirstPass { hits, ages }
}

/// [`ages`] from the age expressions `found` in the text.
fn resolve(ctx: &Context<'_>, quoted: &[Range<usize>], said: &[Said], found: Vec<Hit>) -> Vec<Age> {
    if found.is_empty() {
        // most articles: no age, no need to index the article's references
        return Vec::new();
    }
    let article = ctx.article;
    let text = &article.text;
    let mut resolver = Resolver::new(article, ctx.people(), quoted);
    for s in said.iter().filter(|s| !s.speaker.is_empty()) {
        resolver.add_subject(Ref {
            start: s.span.start,
            end: s.span.end,
            name: s.speaker.clone(),
        });
    }
    // ages the text states with the name: a description with another age
    // is someone else, one with the same age most likely that person
    let mut known: HashMap<String, u32> = HashMap::new();
    for h in found.iter().filter(|h| h.form == Form::Named && !h.past) {
        if let Some(n) = &h.name {
            known.entry(n.clone()).or_insert(h.age);
        }
    }
    // only an age stated with the name makes that person preferred; one
    // inferred from a description only rules out other ages
    let stated = known.clone();
    let mut out: Vec<Age> = Vec::new();
    for h in found {
        let sentence = article.sentence_range(h.start);
        let speaker = said_by(text, said, h.start, h.end);
        let by_age =
            |resolver: &Resolver, known: &HashMap<String, u32>, pos: usize, role: Option<&str>| {
                resolver.antecedent_where(
                    pos,
                    role,
                    |n| known.get(n).is_none_or(|&a| a == h.age || h.past),
                    |n| !h.past && stated.get(n) == Some(&h.age),
                )
            };
        let person = match h.form {
            Form::Named => h.name.clone().unwrap_or_default(),
            _ if speaker.is_some() => speaker.unwrap_or_default(),
            Form::Description if h.indefinite => {
                // a new person: named in the same sentence, if at all
                resolver.first_in(sentence).unwrap_or_default()
            }
            Form::Description => {
                by_age(&resolver, &known, h.start, h.noun.as_deref()).unwrap_or_default()
            }
            Form::Subject => match resolver.first_in(sentence.clone()) {
                Some(n) => n,
                None if h.start - sentence.start.min(h.start) > 400 => String::new(),
                None => match np_after(article, ctx.people(), sentence.start, h.start) {
                    Np::Name { name, .. } => name,
                    Np::Description { start, noun } => {
                        by_age(&resolver, &known, start, Some(&noun)).unwrap_or_default()
                    }
                    // `Der älteste Teilnehmer war 81 Jahre alt`: someone
                    // the text does not name
                    Np::Other if opens_with_article(text, sentence.start, h.start) => String::new(),
                    _ => by_age(&resolver, &known, h.start, None).unwrap_or_default(),
                },
            },
        };
        let described = h.form != Form::Named;
        if described && !person.is_empty() {
            resolver.add(Ref {
                start: h.start,
                end: h.end,
                name: person.clone(),
            });
            if !h.past {
                known.entry(person.clone()).or_insert(h.age);
            }
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

/// The speaker of the quotation holding `start..end` when the age is said
/// in the first person (`„Ich bin 32 Jahre alt“`, `„Mit 18 Jahren bin ich
/// …“`): the words of its clause, inside the quotation, include `ich`.
fn said_by(text: &str, said: &[Said], start: usize, end: usize) -> Option<String> {
    let i = said.partition_point(|s| s.span.start <= start);
    let s = said.get(i.checked_sub(1)?)?;
    if end > s.span.end {
        return None;
    }
    let from = find::back(text, start, 120).max(s.span.start);
    let to = find::ahead(text, end, 120).min(s.span.end);
    let clause = [',', ';', '.', ':', '!', '?', '–'];
    let from = text
        .get(from..start)
        .and_then(|t| t.rfind(clause))
        .map_or(from, |k| from + k + 1);
    let to = text
        .get(end..to)
        .and_then(|t| t.find(clause))
        .map_or(to, |k| end + k);
    let first_person = words(text, from..to)
        .iter()
        .any(|w| FIRST_PERSON.contains_lower(w.text));
    first_person.then(|| s.speaker.clone())
}

/// Whether the sentence part `start..end` opens with an article (`Der
/// älteste Teilnehmer …`).
fn opens_with_article(text: &str, start: usize, end: usize) -> bool {
    let to = find::ahead(text, start, 40).min(end).max(start);
    words(text, start..to).first().is_some_and(|w| {
        let lower = w.text.to_lowercase();
        DETERMINERS.contains(&lower) && !lower.starts_with("sein") && !lower.starts_with("ihr")
    })
}

impl Extractor for Ages {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, ctx: &Context<'_>) -> Vec<Row> {
        // the ages resolve twice: without the quotations' speakers (which
        // the speakers' attribution uses), then with them
        let speech = ctx.speech();
        let said: Vec<Said> = speech
            .found
            .iter()
            .zip(&speech.said)
            .map(|(q, a)| Said {
                span: q.start..q.end,
                speaker: a.speaker.clone(),
            })
            .collect();
        // without quotations the second pass would repeat the first
        let ages = if said.is_empty() {
            speech.ages.ages.clone()
        } else {
            resolve(ctx, &speech.quoted, &said, speech.ages.hits.clone())
        };
        ages.into_iter()
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
        let quoted = ctx.speech().quoted.clone();
        ages(&ctx, &quoted, &[])
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

    /// (text, person, age) of every row the extractor writes (with the
    /// quotations' speakers).
    fn rows(text: &str) -> Vec<(String, String, u32)> {
        let article = Article::from_text("t.txt", text);
        let ctx = Context::new(&article);
        Ages.extract(&ctx)
            .into_iter()
            .map(|r| {
                (
                    text[r.start..r.end].to_string(),
                    r.values[0].clone(),
                    r.values[1].parse().unwrap_or(0),
                )
            })
            .collect()
    }

    #[test]
    fn first_person_age_in_a_quote_is_the_speakers() {
        let got = rows(
            "Trainer Jonas Berger lobte sein Team. Zuvor hatte Stürmer Paul Krämer getroffen. „Ich bin 41 Jahre alt und habe so etwas noch nie erlebt“, sagte Berger.",
        );
        assert_eq!(
            got,
            vec![("41 Jahre alt".into(), "Jonas Berger".into(), 41)]
        );
        let got = rows(
            "Paul Krämer traf doppelt. „Mit 17 Jahren habe ich hier angefangen“, erzählte Kapitän Timo Hensel.",
        );
        assert_eq!(got, vec![("17 Jahren".into(), "Timo Hensel".into(), 17)]);
    }

    #[test]
    fn a_stated_age_picks_the_person() {
        // the nearer person has no stated age: the one named with 24 wins
        let rows = run(
            "Heldin des Abends war Lisa Brandt (24). Kurz vor Schluss traf auch Sophie Kern. Die 24-Jährige wurde gefeiert.",
        );
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(
            (rows[1].0.as_str(), rows[1].1.as_str()),
            ("24-Jährige", "Lisa Brandt")
        );
        // a person with another stated age is someone else
        let rows = run(
            "Max Sander unterschrieb am Montag. Trainer Karl Vogt (58) hatte den 21-Jährigen lange beobachtet.",
        );
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(
            (rows[1].0.as_str(), rows[1].1.as_str()),
            ("21-Jährigen", "Max Sander")
        );
    }

    #[test]
    fn indefinite_descriptions_are_new_persons() {
        let got = one(
            "Ein 19-jähriger Schwede soll die Abwehr verstärken: Der Klub hat Erik Lund verpflichtet.",
        );
        assert_eq!(got.1, "Erik Lund");
        let got = one("Mit Felix Brand debütierte zudem ein 17-jähriger A-Jugendlicher.");
        assert_eq!(got.1, "Felix Brand");
        // nobody named in the sentence: not the person named before
        let got =
            one("Tim Berg traf zweimal. Verpflichtet wurde zudem ein 23-jähriger Brasilianer.");
        assert_eq!(got.1, "");
    }

    #[test]
    fn a_name_after_the_described_noun() {
        let got = one(
            "Jamie Carter (27.) traf früh. Der 20-jährige Engländer Carter war nicht zu halten.",
        );
        assert_eq!(
            got,
            ("20-jährige".into(), "Jamie Carter".into(), 20, "current")
        );
    }

    #[test]
    fn an_unnamed_subject_stays_empty() {
        let got = one("Ole Sand gewann den Lauf. Der älteste Teilnehmer war 79 Jahre alt.");
        assert_eq!(got, ("79 Jahre alt".into(), String::new(), 79, "current"));
        // a role subject is resolved
        let got =
            one("Kai Brenner kehrt zurück. Der Innenverteidiger ist inzwischen 31 Jahre alt.");
        assert_eq!(got.1, "Kai Brenner");
    }

    #[test]
    fn count_words_only_count_near_the_number() {
        let got = one(
            "Am Sonntag verlor die Mannschaft von Trainer Uwe Roth (49) ein turbulentes Spiel mit 2:3.",
        );
        assert_eq!((got.1.as_str(), got.2), ("Uwe Roth", 49));
        // count words inside a quotation say nothing about the number
        let got =
            one("„Uns fehlen noch drei Punkte zum Klassenerhalt“, sagte Coach Tim Haas (39).");
        assert_eq!((got.1.as_str(), got.2), ("Tim Haas", 39));
    }

    #[test]
    fn objects_and_nouns_that_look_like_prepositions() {
        // `den Franzosen Luc Martin` is the beaten opponent
        let got = one(
            "Paul Weiß besiegte in der ersten Runde den Franzosen Luc Martin. Der 22-Jährige trifft nun auf Lukas Ott.",
        );
        assert_eq!(got.1, "Paul Weiß");
        // `Sein Gegenüber` is a noun, not the preposition `gegenüber`
        let got = one(
            "Lukas Ott gewann. Sein Gegenüber Max Vogt war enttäuscht. Der 45-Jährige haderte.",
        );
        assert_eq!(got.1, "Max Vogt");
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
