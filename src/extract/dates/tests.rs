//! One test per row of the SPEC's `dates.csv` table and per negative.

use super::*;

/// (text, value, kind, time, anchor) of every row.
fn rows(text: &str) -> Vec<(String, String, String, String, String)> {
    let article = Article::from_text("t.txt", text);
    extract(&article)
        .into_iter()
        .map(|r| {
            let v = &r.values;
            (
                text[r.start..r.end].to_string(),
                v[0].clone(),
                v[1].clone(),
                v[2].clone(),
                v[3].clone(),
            )
        })
        .collect()
}

/// (text, value) pairs only.
fn values(text: &str) -> Vec<(String, String)> {
    rows(text).into_iter().map(|r| (r.0, r.1)).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn weekday_with_date_in_parentheses_is_one_row() {
    let r = rows("Kasachstan verlor am Sonntag (7. September 2025) in Belgien.");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "Sonntag (7. September 2025)");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("2025-09-07", "date"));
}

#[test]
fn weekday_comma_date_is_one_row() {
    let r = rows("date: 2025-09-01\nGespielt wird am Sonntag, 7. September, in Köln.");
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str()),
        ("Sonntag, 7. September", "2025-09-07")
    );
}

#[test]
fn numeric_dates() {
    assert_eq!(
        values("Am 7.9.2025 war es so."),
        pairs(&[("7.9.2025", "2025-09-07")])
    );
    assert_eq!(
        values("Am 07.09.2025 war es so."),
        pairs(&[("07.09.2025", "2025-09-07")])
    );
    assert_eq!(
        values("Am 7.9.25 war es so."),
        pairs(&[("7.9.25", "2025-09-07")])
    );
    assert_eq!(
        values("date: 2025-09-10\nAm 7.9. war es so."),
        pairs(&[("7.9.", "2025-09-07")])
    );
}

#[test]
fn day_month_forms() {
    assert_eq!(
        values("Das Spiel am 7. September 2025 endete torlos."),
        pairs(&[("7. September 2025", "2025-09-07")])
    );
    assert_eq!(
        values("date: 2025-09-01\nDas Spiel am 7. Sept. steigt in Köln."),
        pairs(&[("7. Sept.", "2025-09-07")])
    );
    assert_eq!(
        values("Die Liga startet am 4. Jänner."),
        pairs(&[("4. Jänner", "XXXX-01-04")])
    );
}

#[test]
fn missing_year_follows_the_direction_of_the_sentence() {
    let coming = "date: 2024-11-30\nDas Rückspiel findet am 3. Februar statt.";
    assert_eq!(values(coming), pairs(&[("3. Februar", "2025-02-03")]));
    let past = "date: 2024-11-30\nDas Hinspiel hatte Bayern am 3. Februar gewonnen.";
    assert_eq!(values(past), pairs(&[("3. Februar", "2024-02-03")]));
    let since = "date: 2024-05-12\nEr spielt seit Mitte Dezember nicht mehr.";
    assert_eq!(values(since), pairs(&[("Mitte Dezember", "2023-12")]));
}

#[test]
fn months() {
    assert_eq!(
        values("Er kam im Oktober 2019 nach Köln."),
        pairs(&[("Oktober 2019", "2019-10")])
    );
    let r = rows("date: 2019-11-20\nEnde Oktober verlor Köln in Mainz.");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].2.as_str()),
        ("Ende Oktober", "2019-10", "month")
    );
    assert_eq!(r[0].4, "published");
    assert_eq!(
        values("Im Mai wurde er Meister."),
        pairs(&[("Mai", "XXXX-05")])
    );
}

#[test]
fn years() {
    let r = rows("Bei der EM 2024 war er dabei.");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].2.as_str()),
        ("2024", "2024", "year")
    );
    assert_eq!(
        values("Er spielte von 2004 bis 2007 in Bremen."),
        pairs(&[("2004", "2004"), ("2007", "2007")])
    );
}

#[test]
fn seasons() {
    let r = rows("In der Saison 2015/16 stieg er auf, 2019/2020 wieder ab.");
    assert_eq!(r.len(), 2);
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].2.as_str()),
        ("2015/16", "2015/2016", "season")
    );
    assert_eq!(
        (r[1].0.as_str(), r[1].1.as_str()),
        ("2019/2020", "2019/2020")
    );
    assert_eq!(
        values("Die Spielzeit 2023/24 war lang."),
        pairs(&[("2023/24", "2023/2024")])
    );
}

#[test]
fn weekdays_resolve_against_the_anchor() {
    // 2020-11-05 is a Thursday
    let r = rows("date: 2020-11-05\nAm Mittwochabend gewann Bayern in Salzburg.");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].2.as_str()),
        ("Mittwochabend", "2020-11-04", "weekday")
    );
    assert_eq!(r[0].4, "published");
    assert_eq!(
        values("date: 2020-11-05\nAm vergangenen Dienstag wurde er Meister."),
        pairs(&[("vergangenen Dienstag", "2020-11-03")])
    );
    assert_eq!(
        values("date: 2020-11-05\nAm kommenden Dienstag spielt Bayern."),
        pairs(&[("kommenden Dienstag", "2020-11-10")])
    );
    // present tense for the future
    assert_eq!(
        values("date: 2020-11-05\nBayern trifft am Mittwoch auf Dortmund."),
        pairs(&[("Mittwoch", "2020-11-11")])
    );
    // the anchor's own weekday is the anchor day
    assert_eq!(
        values("date: 2020-11-05\nBayern gewann am Donnerstag."),
        pairs(&[("Donnerstag", "2020-11-05")])
    );
    assert_eq!(
        values("date: 2020-11-05\nBayern spielt am Donnerstag."),
        pairs(&[("Donnerstag", "2020-11-05")])
    );
}

#[test]
fn relative_words() {
    let v = values(
        "date: 2024-09-05\nHeute trainiert er, gestern nicht, vorgestern auch nicht, morgen und übermorgen wieder.",
    );
    assert_eq!(
        v,
        pairs(&[
            ("Heute", "2024-09-05"),
            ("gestern", "2024-09-04"),
            ("vorgestern", "2024-09-03"),
            ("morgen", "2024-09-06"),
            ("übermorgen", "2024-09-07"),
        ])
    );
    let r = rows("date: 2024-05-12\nDer Verein wurde vor 77 Jahren gegründet.");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].2.as_str()),
        ("vor 77 Jahren", "1947", "relative")
    );
    assert_eq!(
        values("Vor zwei Jahren war er Meister."),
        pairs(&[("Vor zwei Jahren", "")])
    );
    // `am Morgen` is a time of day, not tomorrow
    assert_eq!(
        values("date: 2024-05-12\nAm Morgen regnete es."),
        pairs(&[])
    );
}

#[test]
fn clock_times_go_into_the_time_column() {
    let r = rows("date: 2025-09-01\nAnpfiff ist am 7. September um 20.45 Uhr.");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].3.as_str()),
        ("7. September", "2025-09-07", "20:45")
    );
    let r = rows("date: 2025-09-04\nDas Spiel am Samstag (15.30 Uhr) ist ausverkauft.");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].3.as_str()),
        ("Samstag", "2025-09-06", "15:30")
    );
    let r = rows(
        "date: 2024-11-01\nLeverkusen tritt am Dienstag (05.11.2024, 21 Uhr) in Liverpool an.",
    );
    assert_eq!(
        (r[0].0.as_str(), r[0].3.as_str()),
        ("Dienstag (05.11.2024, 21 Uhr)", "21:00")
    );
}

#[test]
fn ranges_are_two_rows() {
    assert_eq!(
        values("Das Turnier läuft vom 10. Juni bis 10. Juli 2024."),
        pairs(&[("10. Juni", "2024-06-10"), ("10. Juli 2024", "2024-07-10")])
    );
    assert_eq!(
        values("date: 2025-04-01\nDie Spiele finden vom 10.-12. Mai statt."),
        pairs(&[("10.", "2025-05-10"), ("12. Mai", "2025-05-12")])
    );
}

#[test]
fn anchors_without_header() {
    // a dateline
    let r = rows("Wien – Salzburg gewann am Donnerstag. (APA, 27.8.2015)");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].4.as_str()),
        ("Donnerstag", "2015-08-27", "published")
    );
    let r = rows("Stand: 28.07.2024 10:00 Uhr\nGestern siegte Bayern.");
    assert_eq!(
        (r[1].0.as_str(), r[1].1.as_str()),
        ("Gestern", "2024-07-27")
    );
    let r = rows("11.11.2016 - 23.15 Uhr\nAm Freitag gewann Nordirland.");
    assert_eq!(
        (r[1].0.as_str(), r[1].1.as_str()),
        ("Freitag", "2016-11-11")
    );
    // the nearest preceding full date in the text
    let r = rows("Am 3. März 2021 stand fest: Am Sonntag darauf verlor Köln.");
    assert_eq!(
        (r[1].0.as_str(), r[1].1.as_str(), r[1].4.as_str()),
        ("Sonntag", "2021-02-28", "text")
    );
    // nothing to resolve against: empty, never a guess
    let r = rows("Am Dienstag trifft die Austria auf den LASK.");
    assert_eq!((r[0].1.as_str(), r[0].4.as_str()), ("", "none"));
}

#[test]
fn month_precision_header_gives_years_but_not_days() {
    let r = rows(" date 2020-11 Am vergangenen Dienstag wurde er Meister, im Oktober noch nicht.");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.as_str(), r[0].4.as_str()),
        ("vergangenen Dienstag", "", "none")
    );
    assert_eq!((r[1].0.as_str(), r[1].1.as_str()), ("Oktober", "2020-10"));
}

#[test]
fn negatives() {
    for text in [
        "Er ist seit 16 Jahren im Verein.",
        "Er sprach eine halbe Minute lang.",
        "Es ist ein paar Wochen her.",
        "Im Sommer wechselt er, zu Jahresbeginn kam er.",
        "Am Wochenende spielt Bayern, im Vorjahr nicht.",
        "Anpfiff ist um 20.45 Uhr, Einlass um 19:00 Uhr.",
        "Vor 2000 Zuschauern gewann Bayern, 1500 Meter weiter.",
        "Der 44-Jährige ist Trainer.",
        "In der 3. Runde traf er in der 90. Minute.",
        "Er spielt sonntags nie.",
        "Der Weltranglisten-357. gewann mit 6:3.",
        "Es kamen 4.350 Zuschauer, die Kasse meldete 40478.",
        "Er lief 1:53,72 Minuten.",
        "Er trägt die Nr. 2010 nicht.",
    ] {
        assert_eq!(values(text), pairs(&[]), "{text}");
    }
}

#[test]
fn datelines_give_published() {
    let a = Article::from_text("t.txt", "Text. (APA, 6.10.2015) Mehr.");
    assert_eq!(dateline(&a), Some(PartialDate::day(2015, 10, 6)));
    let a = Article::from_text("t.txt", "Kein Datum hier.");
    assert_eq!(dateline(&a), None);
}

#[test]
fn dateline_places_have_two_to_forty_characters() {
    let at = |t: &str| dateline(&Article::from_text("t.txt", t));
    let forty = "Ü".repeat(40);
    assert_eq!(
        at(&format!("Text. ({forty}, 6.10.2015) Mehr.")),
        Some(PartialDate::day(2015, 10, 6))
    );
    assert_eq!(at(&format!("Text. ({forty}x, 6.10.2015) Mehr.")), None);
    assert_eq!(at("Text. (B, 6.10.2015) Mehr."), None);
    // a place too long is no dateline, and a later one still counts
    assert_eq!(
        at(&format!("({forty}x; 1.2.2014) und (Graz, 6.10.2015)")),
        Some(PartialDate::day(2015, 10, 6))
    );
}

mod dateline_pattern {
    use super::*;
    use proptest::prelude::*;

    /// The pattern as it was, with the place's length in the regex.
    static BOUNDED: LazyLock<Regex> = LazyLock::new(|| {
        let place = r"\((?:[\p{L}/ .-]{2,40})[,;]\s*(?P<a>\d{1,2}\.\d{1,2}\.\d{4})\)";
        Regex::new(&[place, DATELINE_OTHERS].concat()).expect("bounded dateline pattern")
    });

    type Found = (std::ops::Range<usize>, Option<String>);

    fn found<'h>(matches: impl Iterator<Item = regex::Captures<'h>>) -> Vec<Found> {
        matches
            .filter_map(|c| {
                let date = c.name("a").or(c.name("b")).or(c.name("c"));
                Some((c.get(0)?.range(), date.map(|m| m.as_str().to_string())))
            })
            .collect()
    }

    /// A piece of text: a token, or a bracket with a place, a separator
    /// and maybe a date (places of every length around the limits).
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(vec![
                "(",
                ")",
                ",",
                ";",
                " ",
                "\n",
                "Stand",
                ":",
                "Wien",
                "ü",
                "-",
                "/",
                ".",
                "1",
                "12",
                "2015",
                "6.10.2015",
                "12:30",
                " Uhr",
                "x",
                "٣",
            ])
            .prop_map(String::from),
            (
                "[a-zäüA-Z /.-]{0,44}",
                proptest::sample::select(vec![",", ";", ":"]),
                proptest::sample::select(vec!["", " ", "\n "]),
                proptest::sample::select(vec!["6.10.2015", "1.2.2014", "7.9.", "x"]),
            )
                .prop_map(|(place, sep, space, date)| format!("({place}{sep}{space}{date})")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn agrees_with_the_bounded_pattern(v in proptest::collection::vec(piece(), 0..12)) {
            let text: String = v.concat();
            prop_assert_eq!(
                found(datelines(&text)),
                found(BOUNDED.captures_iter(&text)),
                "{:?}", text
            );
        }
    }
}
