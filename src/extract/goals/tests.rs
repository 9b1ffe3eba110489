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
