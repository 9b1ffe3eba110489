use super::*;

fn teams(t: &str, score: &str) -> (String, String) {
    let start = t.find(score).unwrap_or(0);
    let known: HashSet<String> = ["Hafenberg United".to_string()].into_iter().collect();
    prose_teams(t, 0, start, start + score.len(), &known)
}

fn pair(l: &str, r: &str) -> (String, String) {
    (l.to_string(), r.to_string())
}

#[test]
fn opponent_after_the_score() {
    assert_eq!(
        teams("Brasilien gewann mit 3:1 gegen Serbien.", "3:1"),
        pair("Brasilien", "Serbien")
    );
    assert_eq!(
        teams("Der Karlsruher SC verlor 1:2 gegen Hannover 96.", "1:2"),
        pair("Karlsruher SC", "Hannover 96")
    );
    assert_eq!(
        teams(
            "Nach dem 2:1-Sieg über den FC Rommelsbach jubelten alle.",
            "2:1"
        ),
        pair("", "FC Rommelsbach")
    );
    // a description before the name is not part of it
    assert_eq!(
        teams("England siegte 2:1 gegen Schlusslicht Irland.", "2:1"),
        pair("England", "Irland")
    );
}

#[test]
fn country_after_in_and_subject_after_the_verb() {
    assert_eq!(
        teams(
            "Beim 0:6 in Belgien verabschiedete sich Kasachstan von der WM.",
            "0:6"
        ),
        pair("Kasachstan", "Belgien")
    );
    // a city is a place, not a team; the subject is still stated
    assert_eq!(
        teams("Kasachstan verlor 0:6 in Brüssel.", "0:6"),
        pair("Kasachstan", "")
    );
}

#[test]
fn opponent_before_the_score() {
    assert_eq!(
        teams(
            "Dann drehte der FC Talheim II beim SV Bergheim einen Rückstand in ein 3:2.",
            "3:2"
        ),
        pair("FC Talheim II", "SV Bergheim")
    );
    assert_eq!(
        teams(
            "Die Gäste verloren bei Ligakonkurrent RB Leipzig mit 2:4.",
            "2:4"
        ),
        pair("", "RB Leipzig")
    );
}

#[test]
fn verbs_and_pairs() {
    assert_eq!(
        teams("Frankreich schlug Schweden mit 2:1 (1:0).", "2:1"),
        pair("Frankreich", "Schweden")
    );
    assert_eq!(
        teams(
            "Am Ende trennten sich Werder Bremen und der VfB Stuttgart 2:2.",
            "2:2"
        ),
        pair("Werder Bremen", "VfB Stuttgart")
    );
}

#[test]
fn short_forms_and_clauses() {
    // a short form takes the full name from the article's result lines
    assert_eq!(
        teams("Die Gäste unterlagen 1:2 gegen United.", "1:2"),
        pair("", "Hafenberg United")
    );
    // a comma after the score ends its clause
    assert_eq!(
        teams(
            "Es blieb beim 3:6, die Wiener scheiterten gegen Litvinov.",
            "3:6"
        ),
        pair("", "")
    );
    // `trennten sich` needs two known teams
    assert_eq!(
        teams(
            "Dann trennten sich Titelverteidiger und Vize-Meister 0:0.",
            "0:0"
        ),
        pair("", "")
    );
    // a country in parentheses is not part of the club's name
    assert_eq!(
        teams(
            "Wien scheiterte gegen Litvinov (Tschechien) mit 5:6.",
            "5:6"
        ),
        pair("", "Litvinov")
    );
    // a closing parenthesis does not end the clause
    assert_eq!(
        teams(
            "Belgien verlor mit 0:2 (0:1) gegen die Slowakei.",
            "0:2 (0:1)"
        ),
        pair("Belgien", "Slowakei")
    );
    assert_eq!(
        teams("Belgien unterlag Kroatien mit 0:1.", "0:1"),
        pair("Belgien", "Kroatien")
    );
}

#[test]
fn nothing_stated() {
    // a sentence subject that is not a known team is not taken
    assert_eq!(teams("Die Mannschaft gewann 3:0.", "3:0"), pair("", ""));
    assert_eq!(
        teams("Trainer Ozzo Blitzer sah ein 1:1 in Prag.", "1:1"),
        pair("", "")
    );
    assert_eq!(teams("", "x"), pair("", ""));
    assert_eq!(teams("gegen", "gegen"), pair("", ""));
}

mod whole_words {
    use super::super::{ends_with_word, holds_words};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_as_the_formatted_searches(
            t in proptest::collection::vec(proptest::sample::select(vec![
                " ", "a", "b", "ab", "a b", "ü",
            ]), 0..8),
            n in proptest::collection::vec(proptest::sample::select(vec![
                " ", "a", "b", "ab", "a b",
            ]), 0..3),
        ) {
            let (t, n) = (t.concat(), n.concat());
            prop_assert_eq!(holds_words(&t, &n), format!(" {t} ").contains(&format!(" {n} ")));
            prop_assert_eq!(ends_with_word(&t, &n), t.ends_with(&format!(" {n}")));
        }
    }
}
