use super::*;
use crate::article::Article;

/// (text, player, minute, added, kind, score) of every goal in `t`.
fn goals(t: &str) -> Vec<(String, String, String, String, String, String)> {
    let a = Article::from_text("t.txt", t);
    let ctx = Context::new(&a);
    let mut rows = Goals.extract(&ctx);
    rows.sort_by_key(|r| r.start);
    rows.into_iter()
        .map(|r| {
            let v = r.values.clone();
            (
                a.text[r.start..r.end].to_string(),
                v[0].clone(),
                v[1].clone(),
                v[2].clone(),
                v[3].clone(),
                v[4].clone(),
            )
        })
        .collect()
}

fn texts(t: &str) -> Vec<String> {
    goals(t).into_iter().map(|g| g.0).collect()
}

#[test]
fn named_stamps() {
    let g = goals(
        "Die Tore von Kevin De Bruyne (42.) und Jeremy Doku (44.) entschieden das Spiel. Später traf erneut Doku (60.).",
    );
    assert_eq!(g.len(), 3);
    assert_eq!(
        (g[0].0.as_str(), g[0].1.as_str(), g[0].2.as_str()),
        ("Kevin De Bruyne (42.)", "Kevin De Bruyne", "42")
    );
    assert_eq!(
        (g[2].0.as_str(), g[2].1.as_str()),
        ("Doku (60.)", "Jeremy Doku")
    );
}

#[test]
fn added_time_and_minute_word() {
    let g = goals("Tore: Tomasz Kaczor (90.+ 2.), Paul Berger (11. Minute)");
    assert_eq!((g[0].2.as_str(), g[0].3.as_str()), ("90", "2"));
    assert_eq!(g[0].0, "Tomasz Kaczor (90.+ 2.)");
    assert_eq!(g[1].0, "Paul Berger (11. Minute)");
    let g = goals("Den Ausgleich erzielte Rico Hammer (45.+1).");
    assert_eq!((g[0].2.as_str(), g[0].3.as_str()), ("45", "1"));
}

#[test]
fn penalties_and_own_goals() {
    let kinds = |t: &str| goals(t).into_iter().map(|g| g.4).collect::<Vec<_>>();
    assert_eq!(kinds("Tore: Rooney (13./Elfmeter)"), ["penalty"]);
    assert_eq!(kinds("Tore: Rooney (12., FE)"), ["penalty"]);
    assert_eq!(kinds("Tore: Rooney (12., Foulelfmeter)"), ["penalty"]);
    assert_eq!(kinds("Tore: Rooney (12./Handelfmeter)"), ["penalty"]);
    assert_eq!(kinds("Tore: Rooney (12./Strafstoß)"), ["penalty"]);
    assert_eq!(kinds("Tore: Brolli (30./Eigentor)"), ["own_goal"]);
    assert_eq!(kinds("Tore: Brolli (30., ET)"), ["own_goal"]);
    assert_eq!(
        kinds("Den Treffer erzielte Lina Vogt (57.) per Foulelfmeter."),
        ["penalty"]
    );
    assert_eq!(
        kinds("Es traf nur Jonas Hell (86.) mit einem Eigentor."),
        ["own_goal"]
    );
    assert_eq!(
        kinds("Kiel gewann durch ein Eigentor von Nina Graf (60.)."),
        ["own_goal"]
    );
    // `(45.+1/Elfmeter)`
    let g = goals("Tore: Kane (45.+1/Elfmeter)");
    assert_eq!(
        (g[0].2.as_str(), g[0].3.as_str(), g[0].4.as_str()),
        ("45", "1", "penalty")
    );
}

#[test]
fn several_minutes_for_one_player() {
    let g = goals("Die Treffer: Theo Walcott (68., 78.).");
    assert_eq!(
        texts("Die Treffer: Theo Walcott (68., 78.)."),
        ["68.", "78."]
    );
    assert!(g.iter().all(|x| x.1 == "Theo Walcott"));
    assert_eq!(texts("Tore: Suarez mit vier (7., 12., 83., 88.)").len(), 4);
    assert!(
        goals("Tore: Suarez mit vier (7., 12., 83., 88.)")
            .iter()
            .all(|x| x.1 == "Suarez")
    );
    assert_eq!(texts("Tore: Gomez (9./58./76.)"), ["9.", "58.", "76."]);
    let g = goals("Tore: Gomez (82./90.+1/Foulelfmeter)");
    assert_eq!(g.len(), 2);
    assert_eq!(
        (g[0].4.as_str(), g[1].4.as_str(), g[1].3.as_str()),
        ("goal", "penalty", "1")
    );
    let g = goals("Torschützen waren Tim Bauer (20. Minute, 89. (Elfmeter)).");
    assert_eq!(
        (g[0].0.as_str(), g[1].0.as_str(), g[1].4.as_str()),
        ("20. Minute", "89.", "penalty")
    );
}

#[test]
fn fact_box_scores() {
    let g = goals("Tore: 1:0 Müller (12.), 2:0 Kane (45.+2)");
    assert_eq!(g.len(), 2);
    assert_eq!((g[0].0.as_str(), g[0].5.as_str()), ("Müller (12.)", "1:0"));
    assert_eq!((g[1].1.as_str(), g[1].5.as_str()), ("Kane", "2:0"));
    let g = goals("Tore: 0:1 Damer (53.)");
    assert_eq!(g[0].5, "0:1");
    let g = goals("Tore: 1 :0 Berger (12.) 2: 1 Sommer (28.)");
    assert_eq!((g[0].5.as_str(), g[1].5.as_str()), ("1:0", "2:1"));
    // ice hockey tags
    assert_eq!(
        texts("Tore: Walter (3./PP), Andersson (11./PP, 59./EN)"),
        ["Walter (3./PP)", "11.", "59."]
    );
}

#[test]
fn prose_and_ticker() {
    let g = goals("Lukas Brenner erzielte in der 50. Minute das 1:0.");
    assert_eq!(g.len(), 1);
    assert_eq!(
        (
            g[0].0.as_str(),
            g[0].1.as_str(),
            g[0].2.as_str(),
            g[0].5.as_str()
        ),
        ("50. Minute", "Lukas Brenner", "50", "1:0")
    );
    let g = goals("77. Minute: Nach einer Ecke trifft Florian Schaub zum 3:2.");
    assert_eq!(
        (g[0].1.as_str(), g[0].5.as_str()),
        ("Florian Schaub", "3:2")
    );
    let g = goals(
        "In der zwölften Minute ging es schnell. Der freie Oskar Lind schob den Ball ins Tor.",
    );
    assert_eq!(
        (g[0].0.as_str(), g[0].1.as_str(), g[0].2.as_str()),
        ("zwölften Minute", "Oskar Lind", "12")
    );
    let g = goals(
        "Max Egger lief allein auf das Tor zu und machte eine Minute später alles klar (63.).",
    );
    assert_eq!((g[0].0.as_str(), g[0].1.as_str()), ("(63.)", "Max Egger"));
    let g = goals("Danach erzielte Ryan Dorn das 5:1 (42.).");
    assert_eq!(
        (g[0].0.as_str(), g[0].1.as_str(), g[0].5.as_str()),
        ("(42.)", "Ryan Dorn", "5:1")
    );
}

#[test]
fn not_goals() {
    for t in [
        "Eingewechselt: Sinkgraven (87. Schöne), Krause (60. Bürger)",
        "Bremen: Zetterer - Stark, Kampl (90.+2 Gebel)",
        "Gelb-Rot: Müller (78.)",
        "Gelb: Müller (78.)",
        "Der Stürmer traf nur das Außennetz (6.).",
        "Jan Kurz scheiterte am Torhüter (53.).",
        "Sein Kopfball traf nur den Pfosten (53.).",
        "Lars Wiese köpfte den Ball an die Latte (43.).",
        "Kurz vor Schluss rettete Ole Brand auf der Linie (64.).",
        "Der Tennisprofi (ATP-62.) verlor gegen den Weltranglisten-357.",
        "Anstoß war am Samstag (15.30 Uhr).",
        "In der 60. Minute wurde Timo Berg eingewechselt.",
        "Die Aktion reichte nicht für einen Elfmeter (29.).",
        "Eine gute Gelegenheit für Janis Vogel (50.).",
        "Tim Roth (32.) traf. Er hatte allerdings im Abseits gestanden.",
    ] {
        assert!(goals(t).is_empty(), "{t}: {:?}", goals(t));
    }
}

#[test]
fn scorer_from_clause() {
    // a save by the keeper is not the scorer: the subject before is
    let g = goals(
        "Werder-Keeper Mats Holm hielt lange. Danach entwischte Edin Kovac der Abwehr. Er überwand Holm zum 2:2 (84.).",
    );
    assert_eq!((g[0].1.as_str(), g[0].5.as_str()), ("Edin Kovac", "2:2"));
    // `durch X` names the scorer
    let g = goals("Ben Roth passte, doch das 2:2 fiel durch Tero Salo (51.).");
    assert_eq!(g[0].1, "Tero Salo");
}

#[test]
fn arbitrary_input_does_not_panic() {
    for t in [
        "",
        "(",
        "(1.",
        "Tore: (",
        "(90.+)",
        "ä (12.) ö",
        "in der 999. Minute",
        "(1., ",
        "Tore: 1 :0 (",
    ] {
        let _ = goals(t);
    }
}

/// (text, team) of every goal in `t`.
fn teams_of(t: &str) -> Vec<(String, String)> {
    let a = Article::from_text("t.txt", t);
    let ctx = Context::new(&a);
    let mut rows = Goals.extract(&ctx);
    rows.sort_by_key(|r| r.start);
    rows.into_iter()
        .map(|r| (a.text[r.start..r.end].to_string(), r.values[5].clone()))
        .collect()
}

#[test]
fn teams_stated_in_the_sentence() {
    // `für die Gäste` is the away team of a `Home – Away` line
    let g = teams_of(
        "Lindau – Hainberg 1:1 (0:0)\n\nFür die Gäste traf Ole Krug (50.), den Ausgleich für die Hausherren erzielte Jan Maas (70.).\n",
    );
    assert_eq!(g[0], ("Ole Krug (50.)".into(), "Hainberg".into()));
    assert_eq!(g[1], ("Jan Maas (70.)".into(), "Lindau".into()));
    // a genitive names the player's team: his own goal credits the other
    let g = teams_of(
        "Estland – Litauen 1:0 (1:0)\n\nDas 1:0 fiel durch Litauens Verteidiger Jonas Petraitis (30.) mit einem Eigentor.\n",
    );
    assert_eq!(g[0].1, "Estland");
    // with no result line, a country named with `für` still counts
    let g = teams_of("Für Schweden traf Ida Holm (57.) per Kopf.");
    assert_eq!(g[0].1, "Schweden");
}

#[test]
fn nouns_after_numbers_and_adjectives_are_not_scorers() {
    let g = goals("Held des Tages war Jonas Brenner mit drei Treffern (12., 40., 77.).");
    assert_eq!(g.len(), 3);
    assert!(g.iter().all(|r| r.1 == "Jonas Brenner"), "{g:?}");
    let g = goals("Kurz vor Schluss lenkte Tim Albers den Ball ins eigene Netz (89.).");
    assert_eq!(g.len(), 1);
    assert_ne!(g[0].1, "Netz", "{g:?}");
    // a name after `gegen` is still a name
    let g = goals("Das 1:0 erzielte Jonas Brenner (12.), später traf er erneut Brenner (40.).");
    assert!(
        g.iter()
            .any(|r| r.0 == "Brenner (40.)" && r.1 == "Jonas Brenner"),
        "{g:?}"
    );
}

#[test]
fn the_clause_around_a_stamp_tells_the_miss() {
    // the miss after `und` belongs to the second stamp only
    let g = goals(
        "Der Stürmer Kai Lenz erhöhte per Kopf auf 2:0 (55.) und traf wenig später nur die Latte (58.).",
    );
    assert_eq!(texts_of(&g), ["(55.)"]);
    assert_eq!(g[0].1, "Kai Lenz");
    // a miss before a comma belongs to another clause
    let g = goals("Ben Roth scheiterte am Pfosten, doch Tim Aust staubte ab (30.).");
    assert_eq!((g[0].0.as_str(), g[0].1.as_str()), ("(30.)", "Tim Aust"));
}

fn texts_of(g: &[(String, String, String, String, String, String)]) -> Vec<&str> {
    g.iter().map(|r| r.0.as_str()).collect()
}

#[test]
fn phrases_that_hold_a_miss_word_but_tell_a_goal() {
    let g = goals(
        "Der kurz zuvor eingewechselte Timo Berg sorgte mit einem Flachschuss für die 2:1-Führung (62.).",
    );
    assert_eq!((g[0].1.as_str(), g[0].5.as_str()), ("Timo Berg", "2:1"));
    let g =
        goals("In der Nachspielzeit drückte Nils Hahn (90.+1) den Ball zum 2:2 über die Linie.");
    assert_eq!(g[0].0, "Nils Hahn (90.+1)");
    let g = goals(
        "67. Minute: Nach einer Flanke steht Ben Roth am langen Pfosten frei und trifft zum 2:1.",
    );
    assert_eq!((g[0].1.as_str(), g[0].5.as_str()), ("Ben Roth", "2:1"));
    let g = goals("Ein Kopfball von Jan Ott (30./Eigentor) brachte die Gäste zurück ins Spiel.");
    assert_eq!(g[0].4, "own_goal");
    // still misses
    assert!(goals("Sein Schuss wurde von Tim Lau auf der Linie geklärt (80.).").is_empty());
    assert!(goals("Ben Roth wurde für den Torschützen eingewechselt (60.).").is_empty());
}

#[test]
fn the_subject_goes_on_to_the_next_stamp() {
    let g = goals(
        "Timo Berg brachte sein Team mit einem Flachschuss in Führung (20.) und legte kurz darauf nach (24.).",
    );
    assert_eq!(g.len(), 2);
    assert!(g.iter().all(|r| r.1 == "Timo Berg"), "{g:?}");
    // a pronoun after a missed chance: the subject of the clause before
    let g = goals(
        "Ali Demir traf zuerst nur das Außennetz (6.), kurz darauf verwandelte er einen Strafstoß zur Führung (11.).",
    );
    assert_eq!(texts_of(&g), ["(11.)"]);
    assert_eq!((g[0].1.as_str(), g[0].4.as_str()), ("Ali Demir", "penalty"));
}

#[test]
fn penalties_and_own_goals_told_before_the_stamp() {
    let kind = |t: &str| goals(t).into_iter().map(|g| g.4).collect::<Vec<_>>();
    assert_eq!(
        kind(
            "Zuvor hatte Lea Kurz ihr Team mit einem verwandelten Siebenmeter in die Verlängerung gebracht (60.)."
        ),
        ["penalty"]
    );
    assert_eq!(
        kind("Für die Reserve traf Nico Frank, der einen Strafstoß sicher verwandelte (34.)."),
        ["penalty"]
    );
    assert_eq!(
        kind(
            "Als Kapitän Jan Ott eine Flanke unglücklich ins eigene Netz lenkte (71.), war es entschieden."
        ),
        ["own_goal"]
    );
    assert_eq!(
        kind(
            "Kurz vor der Pause holte Eric Sommer einen Elfmeter heraus und trat selbst an (45./Foulelfmeter)."
        ),
        ["penalty"]
    );
    // a penalty in an earlier clause does not mark this goal
    assert_eq!(
        kind("Nachdem Max Roth einen Elfmeter verschossen hatte, traf Tim Aust zum 1:0 (50.)."),
        ["goal"]
    );
}

#[test]
fn the_fact_box_confirms_and_refutes_prose_minutes() {
    let t = "Die Antwort gab erneut Kai Lenz (84.), der vor dem Keeper die Nerven behielt.\n\nTSV Adorf – FC Bedorf 2:1\nTore: 1:0 Lenz (10.), 1:1 Ott (50.), 2:1 Lenz (84.)\n";
    assert_eq!(texts(t)[0], "Kai Lenz (84.)");
    let t = "Keeper Max Beck hielt sogar einen Penalty von Jan Ott (34.), der sonst immer trifft.\n\nTSV Adorf – FC Bedorf 1:1\nTore: 1:0 Kai Lenz (10.), 1:1 Ott (50.)\n";
    assert!(
        !texts(t).contains(&"Jan Ott (34.)".to_string()),
        "{:?}",
        texts(t)
    );
    // a prose minute the fact box confirms, without a goal word
    let t = "Gerd Stein nahm in der 27. Minute Tempo auf und ließ zwei Gegner stehen.\n\nTSV Adorf – FC Bedorf 1:0\nTore: 1:0 Stein (27.)\n";
    assert_eq!(goals(t)[0].0, "27. Minute");
    // the fact box of another match says nothing about this one
    let t = "TSV Adorf – FC Bedorf 1:0\nTore: 1:0 Kai Lenz (10.)\n\nTSV Adorf II – FC Cedorf 2:0\n\nDoch Kai Lenz machte alles klar (72.) und traf zum 2:0.\n";
    assert!(texts(t).contains(&"(72.)".to_string()), "{:?}", texts(t));
}

#[test]
fn scorers_of_prose_minutes() {
    let g = goals(
        "Der 20-jährige Linksaußen Gerd Stein nahm in der 27. Minute Tempo auf und schob den Ball flach ins lange Eck.",
    );
    assert_eq!(
        (g[0].0.as_str(), g[0].1.as_str()),
        ("27. Minute", "Gerd Stein")
    );
    // a description as subject: the person of the sentence before
    let g = goals(
        "Heldin des Abends war Mia Kranz. Die Kreisläuferin erzielte neun Tore, das wichtigste in der 58. Minute zum 25:24.",
    );
    assert_eq!((g[0].1.as_str(), g[0].5.as_str()), ("Mia Kranz", "25:24"));
    // the clause after an earlier stamp, not the sentence start
    let g = goals(
        "Nach dem Rückstand durch Tim Aust (31.) kam die Elf zurück: Jan Roth erzielte in der 50. Minute das 1:1.",
    );
    assert_eq!(g[1].1, "Jan Roth");
}

#[test]
fn names_and_genitives() {
    // a genitive names the owner of a noun, not the scorer
    let g = goals(
        "Jan Ott traf früh zum 1:0 (5.). Doch Kai Lenz machte eine Minute nach Otts zweitem Treffer alles klar (72.).",
    );
    assert_eq!(g[1].1, "Kai Lenz");
    // a full name after a relative `dem` is a name
    let g = goals("Es war ein 4:0, bei dem Mats Vogel (80./Eigentor) den Schlusspunkt setzte.");
    assert_eq!(
        (g[0].0.as_str(), g[0].4.as_str()),
        ("Mats Vogel (80./Eigentor)", "own_goal")
    );
    let g = goals("Kurz vor Schluss hatte Paul Kern (88.) noch ausgeglichen.");
    assert_eq!(g[0].1, "Paul Kern");
    // a Turkish first name opens a full name
    let g = goals("Nachdem Ömer Kaya per Kopf verkürzt hatte (65.), war alles offen.");
    assert_eq!(g[0].1, "Ömer Kaya");
}

#[test]
fn teams_from_what_the_result_says() {
    // the score of the clause before is another goal's; a consolation goal
    // is the losing team's
    let t = "EHC Adorf – EV Bedorf 5:1\n\nIm Schlussdrittel erhöhte Tim Sand auf 3:0, ehe Ole Kurz doch noch zum Ehrentreffer kam (45.).\n";
    let g = goals(t);
    assert_eq!((g[0].0.as_str(), g[0].5.as_str()), ("(45.)", ""));
    assert_eq!(teams_of(t)[0].1, "EV Bedorf");
    // a shut-out: every goal is the winner's
    let t = "Beim 0:3 in Belgien verabschiedete sich Kasachstan. Die Tore schossen Jan Peeters (12.) und Tom Smet (50.).";
    assert_eq!(
        teams_of(t).into_iter().map(|x| x.1).collect::<Vec<_>>(),
        ["Belgien", "Belgien"]
    );
    // the half-time score gives the first half's goals
    let t = "SV Adorf – FC Bedorf 1:1 (0:1)\n\nDas 0:1 erzielte Kai Lenz (31.), später glich Tom Ritter aus (70.).\n";
    assert_eq!(teams_of(t)[0].1, "FC Bedorf");
}
