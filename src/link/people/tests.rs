use super::*;

fn names(text: &str) -> Vec<String> {
    People::from_text(text).persons().to_vec()
}

#[test]
fn first_name_and_surname() {
    let p = People::from_text("Am Ende traf Kevin De Bruyne. Dann noch einmal De Bruyne (84.).");
    assert_eq!(p.persons(), ["Kevin De Bruyne"]);
    assert_eq!(p.resolve("De Bruyne"), "Kevin De Bruyne");
    assert_eq!(p.resolve("Bruyne"), "Kevin De Bruyne");
    assert_eq!(p.mentions().len(), 2);
    let m = &p.mentions()[1];
    assert_eq!(
        &"Am Ende traf Kevin De Bruyne. Dann noch einmal De Bruyne (84.)."[m.start..m.end],
        "De Bruyne"
    );
}

#[test]
fn particles_and_hyphens() {
    assert_eq!(names("Danny da Costa flankte."), ["Danny da Costa"]);
    assert_eq!(
        names("Dann kam Trent Alexander-Arnold."),
        ["Trent Alexander-Arnold"]
    );
    assert_eq!(
        names("Rafael van der Vaart lachte."),
        ["Rafael van der Vaart"]
    );
    let p = People::from_text("Trent Alexander-Arnold flankte, Alexander-Arnold traf.");
    assert_eq!(p.resolve("Alexander-Arnold"), "Trent Alexander-Arnold");
    assert_eq!(p.mentions().len(), 2);
}

#[test]
fn surname_resolves_to_full_name() {
    let p = People::from_text("Jeremy Doku (44.) traf. Erneut Doku (60.) erhöhte.");
    assert_eq!(p.resolve("Doku"), "Jeremy Doku");
    assert_eq!(p.resolve("Unbekannt"), "Unbekannt");
    assert_eq!(p.mentions().len(), 2);
}

#[test]
fn nouns_are_not_names() {
    // capitalised nouns and sentence openers never form names
    assert!(names("Die Mannschaft spielte gut. Der Trainer war zufrieden.").is_empty());
    assert!(names("Die Führung hielt nicht lange.").is_empty());
    // `Mark` is a first name, but `ins Mark.` has no surname
    assert!(names("Das traf den Verein ins Mark.").is_empty());
}

#[test]
fn role_and_stamp_contexts() {
    assert_eq!(
        names("Das sah Trainer Ozzo Blitzer anders."),
        ["Ozzo Blitzer"]
    );
    assert_eq!(
        names("Früh traf Vekko Lundqvar (15.) zum 1:0."),
        ["Vekko Lundqvar"]
    );
    // a single word before a minute stamp is a person of its own
    let p = People::from_text("Tore: Tallomir (65.), Brakvik (70.)");
    assert_eq!(p.persons(), ["Tallomir", "Brakvik"]);
    // a noun after an article is not a name, even before a stamp
    assert!(names("Der Ball flog ins Tor der Gastgeber (59.).").is_empty());
}

#[test]
fn words_the_article_writes_in_lower_case_are_not_names() {
    // `Vekko` is no first name: the pair needs both words as strict names
    let pair = "Früh traf Vekko Lundqvar (15.) zum 1:0.";
    assert_eq!(names(pair), ["Vekko Lundqvar"]);
    // without the pair, the word before the stamp is a person of its own
    assert_eq!(names(&format!("{pair} Das war vekko.")), ["Lundqvar"]);
    assert!(names(&format!("{pair} Das war lundqvar.")).is_empty());
    // a capitalised form elsewhere does not count
    assert_eq!(
        names(&format!("{pair} Das war Lundqvar.")),
        ["Vekko Lundqvar"]
    );
}

#[test]
fn confirmed_surname_gives_full_name() {
    let p = People::from_text(
        "Bester Mann war Zobb Ferrazzo mit vier Toren. Ferrazzo (51., 57.) traf spät.",
    );
    assert_eq!(p.resolve("Ferrazzo"), "Zobb Ferrazzo");
}

#[test]
fn initials_and_genitive() {
    let p = People::from_text(
        "Johannes Eggestein kam. Später ging J. Eggestein. Eggesteins Schuss ging vorbei.",
    );
    assert_eq!(p.persons(), ["Johannes Eggestein"]);
    assert_eq!(p.mentions().len(), 3);
    assert_eq!(p.resolve("J. Eggestein"), "Johannes Eggestein");
    assert_eq!(p.resolve("Eggesteins"), "Johannes Eggestein");
}

#[test]
fn two_first_names() {
    assert_eq!(
        names("Im Finale wartet Taylor Fritz auf ihn."),
        ["Taylor Fritz"]
    );
    assert_eq!(
        names("Es traf Marie-Antoinette Katzoro."),
        ["Marie-Antoinette Katzoro"]
    );
}

#[test]
fn mention_lookup() {
    let text = "Trainer Ali Aliev trat zurück. Aliev sagte nichts.";
    let p = People::from_text(text);
    let m = p.last_before(text.len()).expect("a mention");
    assert_eq!(&text[m.start..m.end], "Aliev");
    assert_eq!(p.name_of(m), "Ali Aliev");
    assert!(
        p.mention_at(text.find("Aliev sagte").unwrap_or(0))
            .is_some()
    );
}

#[test]
fn arbitrary_input_does_not_panic() {
    for t in ["", "(", "A. ", "Ä’ö- (1", "J.", "De", "X (999999.)"] {
        let _ = People::from_text(t);
    }
}

#[test]
fn countries_and_places_are_not_persons() {
    // a role noun before a country: the team, not a person
    assert!(
        names("Titelverteidiger Schweden trifft auf Trainer Ole Berg.")
            .iter()
            .all(|n| !n.contains("Schweden"))
    );
    assert_eq!(
        names("Titelverteidiger Schweden trifft auf Trainer Ole Berg."),
        ["Ole Berg"]
    );
    // a name before `Stadium`/`Arena`/`Cup` is a place or a trophy
    assert!(
        names("Das Finale im Billie Jean Stadium gewann Anna Roth.")
            .iter()
            .all(|n| !n.contains("Jean"))
    );
    assert!(
        names("Im Davis Cup verlor Jan Kühn (34.) klar.")
            .iter()
            .all(|n| n != "Davis")
    );
    assert_eq!(names("Im Davis Cup verlor Jan Kühn klar."), ["Jan Kühn"]);
}

#[test]
fn von_joins_names_not_nouns() {
    assert_eq!(
        names("Der Sieg war klar. Thomas von Heesen lobte."),
        ["Thomas von Heesen"]
    );
    assert_eq!(
        names("Dann sprach Ursula von der Leyen."),
        ["Ursula von der Leyen"]
    );
    // a plural noun after `von` is no surname
    assert!(names("Fritz von Emotionen überwältigt").is_empty());
    assert!(names("Max von Erinnerungen getragen").is_empty());
    // the surname of another person is no first name before `von`
    assert_eq!(
        names("Taylor Fritz gewann.\n\nFritz von Gefühlen überwältigt\n\nEr weinte."),
        ["Taylor Fritz"]
    );
}

#[test]
fn names_in_short_sentences() {
    assert_eq!(
        names("Miroslav Klose ist 46 Jahre alt."),
        ["Miroslav Klose"]
    );
    // an age after a pair confirms an unknown first name
    assert_eq!(
        names("Zdravko Kuzmanic ist 36 Jahre alt."),
        ["Zdravko Kuzmanic"]
    );
    assert_eq!(names("Lukas Podolski war 39."), ["Lukas Podolski"]);
    // a club's age is no person's
    assert!(names("Hertha Berlin ist 130 Jahre alt.").is_empty());
}

mod same_as_reference {
    use super::*;
    use proptest::prelude::*;

    /// Name words, particles, roles, nouns, their lower-case and genitive
    /// forms, and the contexts that confirm names.
    const PIECES: &[&str] = &[
        "Kevin",
        "Taylor",
        "Marie-Antoinette",
        "Anna",
        "Maria",
        "Jan",
        "Fritz",
        "Müller",
        "Doku",
        "Bruyne",
        "Eggestein",
        "Eggesteins",
        "Müllers",
        "Stuttgart",
        "Stuttgarts",
        "Lundqvar",
        "Vekko",
        "Ölund",
        "ÖLUND",
        "J.",
        "J",
        "de",
        "De",
        "van",
        "der",
        "von",
        "da",
        "la",
        "Trainer",
        "Bundestrainer",
        "Co-Trainer",
        "Mannschaft",
        "Führung",
        "Der",
        "Die",
        "Schweden",
        "Stadium",
        "Arena",
        "müller",
        "fritz",
        "lundqvar",
        "ölund",
        "vier",
        "eigene",
        "(12.)",
        "(45.+1)",
        "(44)",
        "ist 46 Jahre alt",
        "war 32.",
        "und",
        "traf",
        "KSC",
    ];
    const GAPS: &[&str] = &[" ", " ", " ", "", ". ", "\u{a0}", ", ", "\n\n", "-", "  "];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The finder finds the same persons and mentions as the one before
        /// the word numbers.
        #[test]
        fn same_people_as_the_reference(
            v in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(GAPS)),
                0..50,
            ),
        ) {
            let text: String = v.iter().flat_map(|(p, g)| [*p, *g]).collect();
            let want = super::super::reference::Finder::new(&text, 0).run();
            let got = People::from_text(&text);
            prop_assert_eq!(got.persons(), want.persons(), "{:?}", text);
            prop_assert_eq!(got.mentions(), want.mentions(), "{:?}", text);
        }
    }
}
