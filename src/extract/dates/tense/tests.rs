//! Tests of the tense reading: the clause and word splitting against the
//! reference that reads by characters, and what clauses say.

use super::*;
use proptest::prelude::*;

/// The clause and the words by characters, as they were.
mod reference {
    use super::*;

    fn words(text: &str) -> impl Iterator<Item = &str> {
        text.split(|c: char| !alphanumeric(c) && c != '-')
            .filter(|w| !w.is_empty())
    }

    pub fn clause(sentence: &str, at: usize) -> &str {
        let mut depth = 0i32;
        let mut start = 0;
        let mut end = sentence.len();
        for (i, c) in sentence.char_indices() {
            let cut = match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' => {
                    depth -= 1;
                    false
                }
                ',' | ';' | '–' => depth <= 0,
                '-' => depth <= 0 && sentence.get(i.saturating_sub(1)..i) == Some(" "),
                _ => false,
            };
            if !cut {
                continue;
            }
            if i < at {
                start = i + 1;
            } else {
                end = i;
                break;
            }
        }
        sentence.get(start..end).unwrap_or(sentence)
    }

    pub fn direction(sentence: &str, at: usize) -> Direction {
        let clause_text = clause(sentence, at);
        let offset_in_clause =
            at.saturating_sub(clause_text.as_ptr() as usize - sentence.as_ptr() as usize);
        let before = clause_text.get(..offset_in_clause).unwrap_or("");
        if words(before).any(|w| PAST_PREPOSITIONS.contains_lower(w)) {
            return Direction::Past;
        }
        let mut aux_present = false;
        let mut sein = false;
        let mut participle = false;
        let mut future = false;
        let mut prev: Option<&str> = None;
        for w in words(clause_text) {
            participle = participle || looks_like_participle(w);
            if matches!(w, "hat" | "haben") {
                aux_present = true;
            } else {
                sein = sein || matches!(w, "ist" | "sind");
                if PAST_MARKERS.contains(w) || is_weak_past(w, prev) {
                    return Direction::Past;
                }
                future = future || FUTURE_MARKERS.contains(w) || is_present_verb(w);
            }
            prev = Some(w);
        }
        if aux_present {
            if participle {
                return Direction::Past;
            }
            future = true;
        }
        if sein && participle || !future {
            Direction::Either
        } else {
            Direction::Future
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]
    #[test]
    fn clause_and_direction_as_by_characters(
        v in proptest::collection::vec(proptest::sample::select(vec![
            "Er", "hat", "gewonnen", "spielt", "verlor", "ist", "gefordert", "seit",
            "Seit", "SEIT", "wegen", "Wegen", "kommt", "die", "spielte", "Sonntag", "am",
            "ÜBER", "über", "Ä", " ", " ", " ", ",", ";", "–", "-", " - ", "(", ")", ".",
            "é", "2", "x-y", "\u{a0}", "½",
        ]), 0..24),
        at in 0usize..120,
    ) {
        let s: String = v.concat();
        let old = reference::clause(&s, at);
        let new = s.get(clause(&s, at)).unwrap_or("?");
        prop_assert_eq!(old.as_ptr(), new.as_ptr(), "{:?} {}", s, at);
        prop_assert_eq!(old, new, "{:?} {}", s, at);
        prop_assert_eq!(direction(&s, at), reference::direction(&s, at), "{:?} {}", s, at);
    }

    #[test]
    fn every_date_of_a_sentence_as_alone(
        v in proptest::collection::vec(proptest::sample::select(vec![
            "Er", "hat", "gewonnen", "spielt", "verlor", "ist", "gefordert", "seit",
            "Seit", "seitlich", "wegen", "kommt", "die", "spielte", "am", "Ä", " ", " ",
            ",", ";", "–", " - ", "(", ")", ".", "é", "2", "x-y",
        ]), 0..24),
        ats in proptest::collection::vec(0usize..120, 1..8),
        sorted in proptest::bool::ANY,
    ) {
        let s: String = v.concat();
        let mut ats = ats;
        if sorted {
            ats.sort_unstable();
        }
        // a second sentence in between now and then
        let other = "Er spielte am Sonntag, seit Montag";
        let tenses = Tenses::default();
        for (i, at) in ats.into_iter().enumerate() {
            prop_assert_eq!(
                tenses.direction(&s, 7, at),
                reference::direction(&s, at),
                "{:?} {}", s, at
            );
            if i % 3 == 2 {
                let at = at % other.len();
                prop_assert_eq!(
                    tenses.direction(other, 7 + s.len() + 1, at),
                    reference::direction(other, at)
                );
            }
        }
    }
}

#[test]
fn tense_decides_direction() {
    let s = "Die Hamburger verloren am Dienstagabend bei RB Leipzig.";
    assert_eq!(
        direction(s, s.find("Dienstag").unwrap_or(0)),
        Direction::Past
    );
    let s = "Der VfB empfängt am Sonntag (17.30 Uhr) Eintracht Frankfurt.";
    assert_eq!(
        direction(s, s.find("Sonntag").unwrap_or(0)),
        Direction::Future
    );
    let s = "Bayern hat am Samstag in Mainz gewonnen.";
    assert_eq!(
        direction(s, s.find("Samstag").unwrap_or(0)),
        Direction::Past
    );
    let s = "Bayern hat am Samstag ein Heimspiel.";
    assert_eq!(
        direction(s, s.find("Samstag").unwrap_or(0)),
        Direction::Future
    );
    let s = "Er spielt am Sonntag, nachdem er am Mittwoch pausierte.";
    assert_eq!(
        direction(s, s.find("Sonntag").unwrap_or(0)),
        Direction::Future
    );
    assert_eq!(
        direction(s, s.find("Mittwoch").unwrap_or(0)),
        Direction::Past
    );
    let s = "Wegen seines Sturzes Ende Dezember wird er fehlen.";
    assert_eq!(direction(s, s.find("Ende").unwrap_or(0)), Direction::Past);
    let s = "Am Dienstag ist die Mannschaft in Neuburg gefordert.";
    assert_eq!(
        direction(s, s.find("Dienstag").unwrap_or(0)),
        Direction::Either
    );
    let s = "Ergebnisse vom Donnerstag";
    assert_eq!(
        direction(s, s.find("Donnerstag").unwrap_or(0)),
        Direction::Either
    );
}
