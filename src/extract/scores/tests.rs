use super::*;

/// (text, left, right, kind, qualifier) of every score in `t`.
fn got(t: &str) -> Vec<(String, u32, u32, &'static str, &'static str)> {
    scores(t, 0)
        .into_iter()
        .map(|s| {
            (
                t[s.pair.start..s.pair.end].to_string(),
                s.pair.left,
                s.pair.right,
                s.kind.as_str(),
                s.qualifier,
            )
        })
        .collect()
}

fn kinds(t: &str) -> Vec<&'static str> {
    got(t).into_iter().map(|g| g.3).collect()
}

#[test]
fn results_and_halftime() {
    assert_eq!(
        kinds("Die Auswahl gewann am Freitag mit 4:0 (2:0)."),
        ["result", "halftime"]
    );
    assert_eq!(
        kinds("Handball: Kiel schlägt Flensburg 28:25 (14:12)."),
        ["result", "halftime"]
    );
    assert_eq!(kinds("Der Meister siegte 89:76 gegen Ulm."), ["result"]);
    assert_eq!(
        kinds("Nach dem 0:1 gegen Bochum war die Stimmung dahin."),
        ["result"]
    );
    assert_eq!(kinds("Zur Pause 1:0 führten die Gäste."), ["halftime"]);
    assert_eq!(kinds("Mit einem 2:1 ging es in die Pause."), ["halftime"]);
    assert_eq!(kinds("Es blieb beim 1:0 zur Pause."), ["halftime"]);
    assert_eq!(
        kinds("Kiel gewann 2:1, zur Halbzeit stand es 0:0."),
        ["result", "halftime"]
    );
    assert_eq!(
        kinds("Das Hinspiel endete 3:1, Gesamtscore von 3:6."),
        ["result", "result"]
    );
}

#[test]
fn compounds() {
    assert_eq!(
        got("Nach der 0:6-Klatsche trat er zurück.")[0],
        ("0:6".into(), 0, 6, "result", "")
    );
    assert_eq!(kinds("Die 2:1-Führung hielt nicht."), ["running"]);
    assert_eq!(
        kinds("Ein 3:2-(0:1)-Heimsieg gegen Rostock."),
        ["result", "halftime"]
    );
    assert_eq!(kinds("Paul erzielte den 1:1-Ausgleich."), ["running"]);
}

#[test]
fn running_scores() {
    assert_eq!(kinds("Kurz darauf fiel das 1:0."), ["running"]);
    assert_eq!(kinds("Er köpfte zum 3:2 ein."), ["running"]);
    assert_eq!(
        kinds("Nach 40 Minuten hatte es noch 0:0 gestanden."),
        ["running"]
    );
    assert_eq!(kinds("Beim 4:4 im zweiten Satz stürzte er."), ["running"]);
    assert_eq!(kinds("Sie stellte auf 2:1 für Jena (17.)."), ["running"]);
    assert_eq!(
        kinds("Tore: 1:0 Müller (12.), 2:0 Kane (45.+2)"),
        ["running", "running"]
    );
    assert_eq!(
        kinds("Tore: 1 :0 Berger (12.) 2: 1 Sommer (28.)"),
        ["running", "running"]
    );
}

#[test]
fn sets_and_periods() {
    assert_eq!(kinds("Sie gewann 7:6(5),6:3,7:5."), ["set", "set", "set"]);
    // the tie-break in parentheses is not a row
    let g = got("Er siegte 7:5, 7:6 (7:3), 6:2 gegen Ruud.");
    assert_eq!(
        g.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
        ["7:5", "7:6", "6:2"]
    );
    assert!(g.iter().all(|x| x.3 == "set"));
    assert_eq!(kinds("Sie gewann 6:3, 6:4."), ["set", "set"]);
    assert_eq!(
        kinds("Graz gewann 5:1 (1:0,1:0,3:1)."),
        ["result", "period", "period", "period"]
    );
    assert_eq!(
        kinds("Zug – Biel 2:3 n.V. (0:0,0:1,2:1/0:1)"),
        ["result", "period", "period", "period", "period"]
    );
    assert_eq!(
        kinds("Volleyball: Berlin siegte 3:1 (25:20, 22:25, 25:18, 25:23)."),
        ["result", "set", "set", "set", "set"]
    );
}

#[test]
fn qualifiers() {
    assert_eq!(got("Linz verlor 2:3 n.V. gegen Turku.")[0].4, "aet");
    assert_eq!(
        got("Beim 2:3 nach Verlängerung gab es einen Punkt.")[0].4,
        "aet"
    );
    assert_eq!(
        got("Sie scheiterten erst nach Verlängerung mit 5:6.")[0].4,
        "aet"
    );
    assert_eq!(got("Bayern gewann 4:3 i.E. gegen Kiel.")[0].4, "pen");
    assert_eq!(got("Es endete 1:1, dann 5:4 n.E.")[1].4, "pen");
    assert_eq!(got("Die Adler siegten 3:2 n.P. in Köln.")[0].4, "so");
    assert_eq!(got("Sieg 2:1 im Elfmeterschießen.")[0].4, "pen");
    assert_eq!(got("Ein klares 3:0 für Jena.")[0].4, "");
}

#[test]
fn teams_from_result_lines() {
    let s = scores("**Hafenau - SV Ostrach 2:0 (1:0)**", 0);
    assert_eq!(
        s[0].teams,
        ("Hafenau".to_string(), "SV Ostrach".to_string())
    );
    let s = scores("Estland – Litauen 1:0 (0:0)", 0);
    assert_eq!(s[0].teams, ("Estland".to_string(), "Litauen".to_string()));
    assert_eq!(s[1].teams, ("Estland".to_string(), "Litauen".to_string()));
    let s = scores("SV Walddorf - SG Reutlingen 2:2 (1:2)", 0);
    assert_eq!(
        s[0].teams,
        ("SV Walddorf".to_string(), "SG Reutlingen".to_string())
    );
    let s = scores(
        "Gruppe C: Red Bull Salzburg – Frisk Asker (NOR) 7:2 (2:1,2:0,3:1)",
        0,
    );
    assert_eq!(
        s[0].teams,
        ("Red Bull Salzburg".to_string(), "Frisk Asker".to_string())
    );
    assert_eq!(s[2].teams.1, "Frisk Asker");
    // no teams in prose without a result line
    assert_eq!(
        scores("Es war ein 3:1.", 0)[0].teams,
        (String::new(), String::new())
    );
}

#[test]
fn never_scores() {
    for t in [
        "Anstoß ist um 20:45 Uhr.",
        "Anstoß ist um 20.45 Uhr.",
        "Sie lief in 1:35 Stunden ins Ziel.",
        "Die Siegerzeit war 1:21:13.",
        "Er lag +0:23,0 Min. zurück.",
        "Das Verhältnis 2:1 ist gut: im Verhältnis 2:1 geteilt.",
        "Torschüsse 12:5 sprachen für Kiel.",
        "Beim Stand von 29.10.2024 19:54 Uhr",
        "1. Gibraltar, 4:3 Tore, 6 Punkte",
    ] {
        assert!(scores(t, 0).is_empty(), "{t}");
    }
}

#[test]
fn extractor_reads_body_only() {
    let a =
        crate::article::Article::from_text("t.txt", "title: 1:0 für Bayern\nBayern gewann 2:0.");
    let ctx = Context::new(&a);
    let rows = Scores.extract(&ctx);
    assert_eq!(rows.len(), 1);
    assert_eq!(&a.text[rows[0].start..rows[0].end], "2:0");
    assert_eq!(rows[0].values[..4], ["2", "0", "result", ""]);
}

#[test]
fn arbitrary_input_does_not_panic() {
    for t in [
        "",
        ":",
        "1:",
        ":1",
        "ä1:2ö(",
        "(1:0,",
        "1 : 2",
        "999:999:999",
        "1:0 (",
        "Ä – Ö 1:0 (0:0",
    ] {
        let _ = scores(t, 0);
    }
}

#[test]
fn scores_during_play_by_their_words() {
    assert_eq!(
        kinds("Beim Stand von 3:1 vergab Kramer einen Elfmeter."),
        ["running"]
    );
    assert_eq!(
        kinds("Im dritten Satz lag Friedrichshafen schon 17:21 zurück."),
        ["running"]
    );
    assert_eq!(
        kinds("Zur Pause hatte Kiel noch mit 12:14 zurückgelegen, am Ende gewann Kiel 30:27."),
        ["halftime", "result"]
    );
}

#[test]
fn sets_in_prose_and_late_decisions() {
    assert_eq!(
        kinds("Die Dänin verlor den ersten Satz mit 4:6 und holte sich den zweiten Satz mit 7:5."),
        ["set", "set"]
    );
    // a match result in a sentence without sets stays a result
    assert_eq!(
        kinds("Die Giants gewannen mit 6:3 gegen Lübeck."),
        ["result"]
    );
    // after extra time, two scores in the parenthesis: after 90 minutes, half-time
    assert_eq!(
        kinds("Der FC gewann das Finale mit 3:2 n.V. (2:2, 1:0)."),
        ["result", "running", "halftime"]
    );
    // ice hockey periods after an overtime result stay periods
    assert_eq!(
        kinds("Linz – Turku 2:3 n.V. (0:0,0:1,2:1/0:1)"),
        ["result", "period", "period", "period", "period"]
    );
}

#[test]
fn kinds_from_verbs_and_other_matches() {
    // a result verb outweighs `noch` and `für`
    assert_eq!(
        kinds("Das erste Spiel hatte Ulm noch mit 77:70 für sich entschieden."),
        ["result"]
    );
    assert_eq!(
        kinds("Im Pokal hatte der FC noch mit 1:3 verloren."),
        ["result"]
    );
    // another match's score led by `das`; a goal's score stays running
    assert_eq!(kinds("Auch das 1:5 im Hinspiel war deutlich."), ["result"]);
    assert_eq!(kinds("Kai Mohr erzielte das 1:0 im Hinspiel."), ["running"]);
    // the score named as an outcome
    assert_eq!(
        kinds("Das 2:0 war der dritte Heimsieg in Folge."),
        ["result"]
    );
    assert_eq!(kinds("Das 2:0 war ein Sonntagsschuss."), ["running"]);
}

#[test]
fn kinds_during_play() {
    assert_eq!(
        kinds("Nach einem 1:2-Rückstand zur Halbzeit drehte Kiel das Spiel."),
        ["halftime"]
    );
    assert_eq!(
        kinds("Das zwischenzeitliche 3:0 erzielte Tom Ritter."),
        ["running"]
    );
    assert_eq!(
        kinds("Nach 90 Minuten hatte es 2:2 gestanden."),
        ["running"]
    );
    assert_eq!(
        kinds("Beim 14:12 verwandelte Nina Graf den zweiten Satzball."),
        ["running"]
    );
    // particles open names in a fact box line
    assert_eq!(
        kinds("Tore: 1:0 Mohr (12.), 1:1 van Dijk (30.), 2:1 de Jong (70.)"),
        ["running", "running", "running"]
    );
    // a match tie-break to ten is a set
    assert_eq!(
        kinds("Im Match-Tiebreak lag sie 4:7 zurück. Dann setzte sie sich mit 10:7 durch."),
        ["running", "set"]
    );
    // a basketball score of the same shape is no set
    assert_eq!(kinds("Ulm gewann das Hallenspiel mit 10:8."), ["result"]);
}

#[test]
fn teams_for_prose_halftimes_sets_and_participles() {
    // a half-time score told on its own shares the teams of the result before
    let s = scores(
        "Der TSV Adorf gewann mit 80:71 gegen den BG Bedorf. Zur Pause hatte Adorf mit 40:38 vorn gelegen.",
        0,
    );
    assert_eq!(s[1].kind, Kind::Halftime);
    assert_eq!(
        s[1].teams,
        ("TSV Adorf".to_string(), "BG Bedorf".to_string())
    );
    // not across a blank line
    let s = scores(
        "Der TSV Adorf gewann mit 80:71 gegen den BG Bedorf.\n\nZur Pause stand es 40:38.",
        0,
    );
    assert_eq!(s[1].teams, (String::new(), String::new()));
    // a verb of winning after the score: the object before it is the opponent
    let s = scores(
        "Der TSV Adorf ist Erster. Am Sonntag hatte das Team den EHC Bedorf 5:1 besiegt.",
        0,
    );
    assert_eq!(
        s[0].teams,
        ("TSV Adorf".to_string(), "EHC Bedorf".to_string())
    );
    // players of a set list in prose; a phrase of time is skipped
    let s = scores(
        "Jonas Reim besiegte am Mittwochabend den Franzosen Luc Morel mit 7:6(5), 6:3.",
        0,
    );
    assert_eq!(s[0].kind, Kind::Set);
    assert_eq!(s[1].teams.1, "Luc Morel");
    // a count after a lead word is no team
    let s = scores(
        "Sie lieferten sich beim 4:6, 7:5, 6:1 einen Kampf über drei Sätze.",
        0,
    );
    assert_eq!(s[0].teams.1, "");
}

#[test]
fn a_result_line_above_its_fact_box() {
    // the fact box on the next line does not make the result a running score
    assert_eq!(
        kinds("Adorf – Bedorf 2:1\n\nTore: 1:0 Kask (12.), 2:0 Tamm (50.)"),
        ["result", "running", "running"]
    );
}

mod searches {
    use super::super::{ATTACH_GAP, CHAIN_GAP, attach_gap, chain_gap, rfind_by};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn gap_shortcuts_answer_as_the_patterns(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\u{a0}", "\n", "\u{2003}", "(", ")", "12", ",", "-", "n.", "V.", "i.",
                "E.", "P.", "x", ";", "/",
            ]), 0..10),
        ) {
            let s: String = v.concat();
            prop_assert_eq!(attach_gap(&s), ATTACH_GAP.is_match(&s), "{:?}", s);
            prop_assert_eq!(chain_gap(&s), CHAIN_GAP.is_match(&s), "{:?}", s);
        }

        #[test]
        fn last_occurrence_as_rfind(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", ":", ": ", "-", " - ", "–", " – ", "a", "ü",
            ]), 0..16),
        ) {
            let s: String = v.concat();
            prop_assert_eq!(rfind_by(&s, ": ", 0), s.rfind(": "), "{:?}", s);
            prop_assert_eq!(rfind_by(&s, " – ", 1), s.rfind(" – "), "{:?}", s);
            prop_assert_eq!(rfind_by(&s, " - ", 1), s.rfind(" - "), "{:?}", s);
        }
    }
}
