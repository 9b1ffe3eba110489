use super::*;
use crate::article::Article;
use crate::extract::{all, run};

fn link_text(t: &str) -> Vec<Vec<String>> {
    let a = Article::from_text("t.txt", t);
    link(&run(&all(), &a))
}

#[test]
fn one_match_with_goals() {
    let rows = link_text(
        "Estland – Litauen 2:1 (1:0)\n\nTore: 1:0 Kask (12.), 2:0 Tamm (50.), 2:1 Petraitis (88.)\n",
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0],
        ["Estland", "Litauen", "2", "1", "1:0", "", "3", "yes"]
    );
}

#[test]
fn contradiction_and_too_few() {
    // two goals before the break, but half-time was 1:0
    let rows = link_text("Estland – Litauen 2:0 (1:0)\n\nTore: 1:0 Kask (12.), 2:0 Tamm (30.)\n");
    assert_eq!(rows[0][7], "no");
    let rows = link_text("Estland – Litauen 3:0 (1:0)\n\nTore: 1:0 Kask (12.)\n");
    assert_eq!(rows[0][6], "1");
    assert_eq!(rows[0][7], "");
}

#[test]
fn goals_go_to_their_team_s_match() {
    // three results before any goal: each match gets only its own
    let rows = link_text(
        "Dänemark gewann 2:0 (0:0) gegen Belgien. Frankreich schlug Schweden mit 2:1 (1:0). Island spielte 1:1 gegen Wales.

         Für Dänemark trafen Mia Lund (60.) und Ida Berg (75.). Für Frankreich erzielte Lea Roux (30.) das 1:0, Schwedens Ausgleich durch Ebba Nil (55.) hielt nicht lange, denn für Frankreich traf Zoé Blanc (80.).
",
    );
    assert_eq!(rows.len(), 3);
    let fr = rows.iter().find(|r| r[0] == "Frankreich").expect("match");
    assert_eq!(fr[6..], ["3", "yes"]);
    let dk = rows
        .iter()
        .find(|r| r[2] == "2" && r[3] == "0")
        .expect("match");
    assert_eq!(dk[6..], ["2", "yes"]);
    // no goal of Iceland's match is told
    let is = rows.iter().find(|r| r[2] == "1").expect("match");
    assert_eq!(is[6..], ["0", ""]);
}

#[test]
fn team_goals_contradict_the_half_time() {
    let rows = link_text(
        "Frankreich schlug Schweden mit 2:1 (0:1). Island spielte 0:0 gegen Wales.

         Für Frankreich trafen Lea Roux (20.) und Zoé Blanc (30.), für Schweden Ebba Nil (70.).
",
    );
    let fr = rows.iter().find(|r| r[0] == "Frankreich").expect("match");
    assert_eq!(fr[6..], ["3", "no"]);
}

#[test]
fn late_decisions() {
    // a shoot-out's decisive goal is no goal: the periods add up to 2:2
    let rows = link_text(
        "Adorf – Bedorf 3:2 n.P. (1:0,0:2,1:0/0:0)\nTore: 1:0 Kask (11.), 1:1 Tamm (24.), 1:2 Tamm (37.), 2:2 Kask (59.)\n",
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][5..], ["so", "4", "yes"]);
    // a draw after a penalty shoot-out is its score before it, not a match
    let rows = link_text(
        "Der SC Adorf gewann gegen den SV Bedorf mit 5:4 i.E. Nach 120 Minuten hatte es 1:1 gestanden. Für Adorf traf Kai Lenz (30.), für Bedorf Tom Ritter (88.).\n",
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][5..], ["pen", "2", "yes"]);
    let rows = link_text(
        "Der SC Adorf gewann gegen den SV Bedorf mit 4:3 i.E. Zuvor blieb es beim 0:0.\n",
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][6..], ["0", "yes"]);
}

#[test]
fn one_player_in_two_minutes_scores_twice() {
    let rows = link_text(
        "Adorf – Bedorf 2:0 (0:0)\n\nKai Lenz traf zum 1:0 (62.) und legte gleich zum 2:0 nach (63.).\n",
    );
    assert_eq!(rows[0][6..], ["2", "yes"]);
}

#[test]
fn goals_of_a_team_beyond_its_result() {
    // three goals credited to Estland, which scored two
    let rows = link_text(
        "Estland – Litauen 2:1\n\nTore: 1:0 Kask (12.), 2:0 Tamm (50.) bzw. Petraitis (88.)\nFür Estland traf außerdem Kask (70.).\n",
    );
    assert_eq!(rows[0][7], "no");
}

#[test]
fn repeated_result_is_one_match() {
    let rows =
        link_text("Nach dem 0:6 war Schluss. Beim 0:6 in Brüssel war Kasachstan chancenlos.\n");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][2..4], ["0", "6"]);
}
