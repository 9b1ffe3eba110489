//! Tests of word reading, description nouns, noun phrases and the resolver.

use super::*;

#[test]
fn words_keep_compounds_and_periods() {
    let t = "sagte St.-Pauli-Trainer Alexander Blessin.";
    let w: Vec<&str> = words(t, 0..t.len()).iter().map(|w| w.text).collect();
    assert_eq!(w, ["sagte", "St.-Pauli-Trainer", "Alexander", "Blessin"]);
    let t = "„Das geht's“, so O'Neill";
    let w: Vec<&str> = words(t, 0..t.len()).iter().map(|w| w.text).collect();
    assert_eq!(w, ["Das", "geht's", "so", "O'Neill"]);
}

#[test]
fn role_nouns_as_when_every_role_was_compared() {
    let reference = |word: &str| {
        capitalised(word) && {
            let lower = word.to_lowercase();
            ROLE_NOUNS
                .iter()
                .chain(PERSON_ROLES.iter())
                .any(|r| lower.ends_with(*r))
        }
    };
    let mut words: Vec<String> = ["", "A", "Ab", "Übersetzung", "Trainer", "BVB-TRAINER"]
        .map(String::from)
        .to_vec();
    for r in ROLE_NOUNS.iter().chain(PERSON_ROLES.iter()) {
        let cap = format!(
            "{}{}",
            r.get(..1).unwrap_or("").to_uppercase(),
            r.get(1..).unwrap_or("")
        );
        for w in [
            r.to_string(),
            cap.clone(),
            format!("Bundes{r}"),
            format!("St.-Pauli-{cap}"),
            r.to_uppercase(),
            cap.chars().skip(1).collect(),
            format!("{cap}s"),
        ] {
            words.push(w);
        }
    }
    for w in &words {
        assert_eq!(is_role_noun(w), reference(w), "{w}");
    }
}

#[test]
fn description_nouns() {
    assert!(is_role_noun("Bundestrainer"));
    assert!(is_role_noun("St.-Pauli-Trainer"));
    assert!(is_role_noun("Viertelfinal-Bezwinger"));
    assert!(!is_role_noun("trainer"));
    assert!(!is_role_noun("Übersetzung"));
    assert!(is_nationality_noun("Spanier"));
    assert!(is_age_noun("26-Jährige"));
    assert!(is_age_noun("19-Jährigen"));
    assert!(!is_age_noun("26-jährige"));
    assert!(!is_age_noun("U18-Spieler"));
}

#[test]
fn inside_sorted_ranges() {
    let r = [2..5, 10..20];
    assert!(inside_any(&r, 2, 5));
    assert!(inside_any(&r, 11, 19));
    assert!(!inside_any(&r, 4, 6));
    assert!(!inside_any(&r, 0, 1));
    assert!(!inside_any(&r, 20, 21));
    assert!(!inside_any(&[], 0, 1));
}

fn antecedent(text: &str, at: &str) -> Option<String> {
    let a = Article::from_text("t.txt", text);
    let people = People::new(&a);
    let r = Resolver::new(&a, &people, &[]);
    r.antecedent(text.rfind(at).unwrap_or(0))
}

#[test]
fn objects_are_passed_over() {
    let t = "Lea Kunz schlug im Finale die Britin Emma Stone. Die Siegerin jubelte.";
    // `die Britin` may be a subject: only `den`/`dem` mark objects
    assert_eq!(antecedent(t, "Die Siegerin").as_deref(), Some("Emma Stone"));
    let t = "Lea Kunz schlug im Finale den Briten Tom Stone. Die Siegerin jubelte.";
    assert_eq!(antecedent(t, "Die Siegerin").as_deref(), Some("Lea Kunz"));
    let t = "Lea Kunz siegte. Ihr Gegenüber Anna Berg weinte. Die Verliererin ging.";
    assert_eq!(
        antecedent(t, "Die Verliererin").as_deref(),
        Some("Anna Berg")
    );
    // only an object before: it is still the referent
    let t = "Der Verein trennte sich von Trainer Udo Lenz. Der Coach geht.";
    assert_eq!(antecedent(t, "Der Coach").as_deref(), Some("Udo Lenz"));
}

fn np(text: &str, from: &str) -> Np {
    let a = Article::from_text("t.txt", text);
    let people = People::new(&a);
    let pos = text.find(from).unwrap_or(0);
    np_after(&a, &people, pos, text.len())
}

#[test]
fn noun_phrases_after_a_verb() {
    match np("„Gut“, sagte der sichtlich enttäuschte Trainer.", "der") {
        Np::Description { noun, .. } => assert_eq!(noun, "Trainer"),
        other => panic!("{other:?}"),
    }
    match np("„Gut“, sagte der Spanier im Interview.", "der") {
        Np::Description { noun, .. } => assert_eq!(noun, "Spanier"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        np("„Gut“, sagte er danach.", "er"),
        Np::Pronoun { .. }
    ));
    assert!(matches!(
        np("„Gut“, sagte auch er.", "auch"),
        Np::Pronoun { .. }
    ));
    assert_eq!(np("„Gut“, so die Übersetzung auf X.", "die"), Np::Other);
    assert_eq!(np("„Gut“ hieß es in Minute 80.", "es"), Np::Other);
    match np("„Gut“, sagte der 26-Jährige und ging.", "der") {
        Np::Description { noun, .. } => assert_eq!(noun, "26-Jährige"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn names_after_roles_and_genitives() {
    // The name text itself (People resolves it to the fullest form).
    let name = |text: &str, from: &str| match np(text, from) {
        Np::Name { name, .. } => name,
        other => format!("{other:?}"),
    };
    let got = name("„Gut“, sagte Trainer Oliver Glasner.", "Trainer");
    assert!(got.ends_with("Glasner"), "{got}");
    let got = name(
        "„Gut“, meinte Stuttgarts Schlussmann Lena Brandt, die …",
        "Stuttgarts",
    );
    assert!(
        got.ends_with("Brandt") && !got.contains("Stuttgarts"),
        "{got}"
    );
    let got = name("„Gut“, sagte auch Schmidt nach der Partie.", "auch");
    assert!(got.ends_with("Schmidt"), "{got}");
}
