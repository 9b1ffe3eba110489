//! The patterns that start with digits or with `vor`: years (`EM 2024`),
//! seasons (`2015/16`) and `vor 77 Jahren`, each exactly as its regex in
//! [`reference`] finds it, by hand.
//!
//! Years and seasons start with `18`, `19` or `20` after a word boundary:
//! one `memchr2` search for the bytes `1` and `2` (rare in news text, a few
//! per kilobyte) finds where they may start, and a few byte tests decide.
//! `vor 77 Jahren` starts at a `vor`, which the search for the relative
//! days finds in any case (`super::find`). The regexes ran a search and
//! then a capturing automaton at every candidate.
//!
//! Year matches never overlap (a match ends at a word boundary, and one
//! starting inside it would run on past it with digits), so each candidate
//! is tested alone; a season can start inside the previous one
//! (`2015/2016/17`), so the previous match's end is kept; `vor` matches
//! hold no second `vor`.

use super::scan::{digit_at, digits_at, no_word_before, space_at};
use crate::lexicon::NUMBER_WORDS;
use crate::lexicon::letters::{ascii_boundary as boundary, ascii_word_byte};
use std::ops::Range;

/// Where `(?-u:\b)(?:1[89]|20)\d{2}` starts and its two digits end (the
/// boundary after is the caller's), or `None`.
fn century_at(text: &str, at: usize, centuries: &[&[u8; 2]]) -> Option<usize> {
    let bytes = text.as_bytes();
    let head = bytes.get(at..at + 2)?;
    if !no_word_before(bytes, at) || !centuries.iter().any(|c| head == *c) {
        return None;
    }
    digits_at(text, at + 2, 2)
}

/// The years and the seasons of `text`.
pub fn years_and_seasons(text: &str) -> (Vec<Range<usize>>, Vec<Season>) {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut seasons: Vec<Season> = Vec::new();
    for at in memchr::memchr2_iter(b'1', b'2', bytes) {
        let Some(end) = century_at(text, at, &[b"18", b"19", b"20"]) else {
            continue;
        };
        if boundary(bytes, end) {
            years.push(at..end);
        }
        let free = seasons.last().map_or(0, |s| s.all.end);
        if at >= free
            && bytes.get(at..at + 2) != Some(b"18")
            && let Some(season) = season_rest(text, at, end)
        {
            seasons.push(season);
        }
    }
    (years, seasons)
}

/// One match of `(?-u:\b)(?P<a>(?:19|20)\d{2})/(?P<b>\d{4}|\d{2})(?-u:\b)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Season {
    pub all: Range<usize>,
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// The season whose first year is `text[at..end]`, if `/` and the second
/// follow (four digits where a boundary follows them, else two).
fn season_rest(text: &str, at: usize, end: usize) -> Option<Season> {
    let bytes = text.as_bytes();
    if bytes.get(end) != Some(&b'/') {
        return None;
    }
    let from = end + 1;
    let b_end = [4, 2]
        .into_iter()
        .filter_map(|n| digits_at(text, from, n))
        .find(|&e| boundary(bytes, e))?;
    Some(Season {
        all: at..b_end,
        a: at..end,
        b: from..b_end,
    })
}

/// The units of `vor N Jahren`, in the alternation's order.
pub const UNITS: [&str; 8] = [
    "Jahren", "Jahr", "Monaten", "Monat", "Wochen", "Woche", "Tagen", "Tag",
];

/// One match of `(?-u:\b)[Vv]or\s(?P<n>\d{1,3}|NUMBER_WORDS)\s(?P<unit>UNITS)(?-u:\b)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ago {
    pub all: Range<usize>,
    pub n: Range<usize>,
    pub unit: Range<usize>,
}

/// Every `vor N Jahren` of `text`, from where `vor` is written in any case
/// (`vors`, in order).
pub fn agos(text: &str, vors: &[usize]) -> Vec<Ago> {
    vors.iter().filter_map(|&at| ago_at(text, at)).collect()
}

fn ago_at(text: &str, start: usize) -> Option<Ago> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(start..start + 3), Some(b"vor" | b"Vor"))
        || !no_word_before(bytes, start)
    {
        return None;
    }
    let vor_end = start + 3;
    let n_start = vor_end + space_at(text, vor_end)?;
    let n_end = number_end(text, n_start)?;
    let u_start = n_end + space_at(text, n_end)?;
    // a unit is ASCII letters: it ends where the run of word bytes ends
    let u_len = bytes
        .get(u_start..)?
        .iter()
        .take_while(|&b| ascii_word_byte(Some(b)))
        .count();
    let unit = text.get(u_start..u_start + u_len)?;
    UNITS.contains(&unit).then_some(Ago {
        all: start..u_start + u_len,
        n: n_start..n_end,
        unit: u_start..u_start + u_len,
    })
}

/// The end of `\d{1,3}` or a number word at `at`, where a space follows
/// (the regex backtracks in vain everywhere else: after three digits of a
/// longer run, or after a word that is the start of another, comes no
/// space; so at most one reading fits).
fn number_end(text: &str, at: usize) -> Option<usize> {
    let mut end = at;
    for _ in 0..3 {
        match digit_at(text, end) {
            Some(len) => end += len,
            None => break,
        }
    }
    if end > at {
        return space_at(text, end).map(|_| end);
    }
    let rest = text.get(at..)?;
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| rest.starts_with(w) && space_at(text, at + w.len()).is_some())
        .map(|(w, _)| at + w.len())
}

/// The regexes as they were, the reference of the tests.
#[cfg(test)]
pub(super) mod reference {
    use crate::lexicon::{self, NUMBER_WORDS};
    use regex::Regex;
    use std::sync::LazyLock;

    pub static SEASON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?P<a>(?:19|20)\d{2})/(?P<b>\d{4}|\d{2})(?-u:\b)")
            .expect("season pattern")
    });

    pub static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:1[89]\d{2}|20\d{2})(?-u:\b)").expect("year pattern")
    });

    pub static AGO: LazyLock<Regex> = LazyLock::new(|| {
        let numbers = lexicon::alternation(NUMBER_WORDS.iter().map(|(w, _)| *w));
        Regex::new(&format!(
            r"(?-u:\b)[Vv]or\s(?P<n>\d{{1,3}}|{numbers})\s(?P<unit>Jahren|Jahr|Monaten|Monat|Wochen|Woche|Tagen|Tag)(?-u:\b)"
        ))
        .expect("ago pattern")
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn expected(text: &str) -> (Vec<Range<usize>>, Vec<Season>, Vec<Ago>) {
        let years = reference::YEAR.find_iter(text).map(|m| m.range()).collect();
        let seasons = reference::SEASON
            .captures_iter(text)
            .filter_map(|c| {
                Some(Season {
                    all: c.get(0)?.range(),
                    a: c.name("a")?.range(),
                    b: c.name("b")?.range(),
                })
            })
            .collect();
        let agos = reference::AGO
            .captures_iter(text)
            .filter_map(|c| {
                Some(Ago {
                    all: c.get(0)?.range(),
                    n: c.name("n")?.range(),
                    unit: c.name("unit")?.range(),
                })
            })
            .collect();
        (years, seasons, agos)
    }

    fn got(text: &str) -> (Vec<Range<usize>>, Vec<Season>, Vec<Ago>) {
        let (years, seasons) = years_and_seasons(text);
        let lowered = super::super::folded::Folded::new(super::super::find::lowered_words());
        let vors: Vec<usize> = lowered
            .find_iter(text)
            .into_iter()
            .filter(|m| m.1 == crate::lexicon::RELATIVE_DAYS.len())
            .map(|m| m.0.start)
            .collect();
        (years, seasons, agos(text, &vors))
    }

    #[test]
    fn years_seasons_and_agos() {
        for t in [
            "EM 2024, 1899/1900, 2015/16, 2015/2016/17, 20٣٣x 1999, 12000, WM-2006",
            "vor 77 Jahren, Vor drei Wochen, vor einem Jahr, vor 1234 Tagen, Favor 3 Tag",
            "vor\u{a0}zwölf\nMonaten vor ٣ Tagen_ vor ein Jahre vor fünfzehn Tag",
            "",
        ] {
            assert_eq!(got(t), expected(t), "{t}");
        }
        let t = "Saison 2015/16 vor zwei Jahren";
        let (years, seasons, agos) = got(t);
        assert_eq!(
            (years.first(), years.len(), seasons.len()),
            (Some(&(7..11)), 1, 1)
        );
        assert_eq!(agos[0].n, 19..23);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn agrees_with_the_regexes(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "19", "20", "18", "2", "1", "0", "99", "2016", "/", "-", ".", "٣", "x", "_",
                " ", "\u{a0}", "vor", "Vor", "VOR", "ein", "einem", "zwei", "Jahr", "Jahren",
                "Tag", "e", "ä", "gestern", "heute", "n",
            ]), 0..24),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(got(&text), expected(&text), "{:?}", text);
        }
    }
}
