//! A list of words found in any letter case (`heute`, `Heute`, `HEUTE`),
//! as the regex `(?i)` alternation of the words, longest first, finds them.
//!
//! The regex did this with a prefilter on the first three bytes of every
//! case variant (`ges`, `Ges`, `GES`, `mor`, `vor`, …), which German text
//! is full of. Here the text is lowered once (ASCII letters only, so every
//! byte keeps its offset) and each word is looked for with `memmem`, which
//! picks the word's rarest bytes for its prefilter: two to four times
//! faster on news text.
//!
//! Letters outside ASCII in the words (`übermorgen`) are looked for in
//! both cases (`Übermorgen`). One difference from `(?i)`: the two
//! characters outside ASCII that Unicode folds to ASCII letters, the long
//! `ſ` and the Kelvin sign, do not stand for `s` and `k` here.

use memchr::memmem::Finder;
use std::ops::Range;

/// The words, each in its case variants, with their rank (longest first,
/// then in list order: the regex alternation's preference).
pub struct Folded {
    finders: Vec<(usize, Finder<'static>)>,
}

impl Folded {
    pub fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut words: Vec<String> = words.map(str::to_ascii_lowercase).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let finders = words
            .iter()
            .enumerate()
            .flat_map(|(rank, w)| variants(w).into_iter().map(move |v| (rank, v)))
            .map(|(rank, v)| (rank, Finder::new(v.as_bytes()).into_owned()))
            .collect();
        Folded { finders }
    }

    /// The leftmost-first, non-overlapping matches in `text`.
    pub fn find_iter(&self, text: &str) -> Vec<Range<usize>> {
        let lower = text.as_bytes().to_ascii_lowercase();
        // every occurrence of every variant (overlapping ones too, as a
        // longer word may hide a shorter one), by start and then rank
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for (rank, finder) in &self.finders {
            let mut at = 0;
            while let Some(i) = lower.get(at..).and_then(|h| finder.find(h)) {
                hits.push((at + i, *rank, finder.needle().len()));
                at += i + 1;
            }
        }
        hits.sort_unstable();
        let mut out: Vec<Range<usize>> = Vec::new();
        for (start, _, len) in hits {
            // the first hit at a start has the best rank
            if out.last().is_none_or(|m| start >= m.end) {
                out.push(start..start + len);
            }
        }
        out
    }
}

/// `word` with each letter outside ASCII in both cases.
fn variants(word: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in word.chars() {
        let mut forms = vec![c];
        for f in c.to_lowercase().chain(c.to_uppercase()) {
            if !c.is_ascii() && f.len_utf8() == c.len_utf8() && !forms.contains(&f) {
                forms.push(f);
            }
        }
        out = out
            .iter()
            .flat_map(|v| forms.iter().map(move |f| format!("{v}{f}")))
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    const WORDS: [&str; 5] = ["heute", "gestern", "vorgestern", "morgen", "übermorgen"];

    fn reference(text: &str) -> Vec<Range<usize>> {
        let alternation = crate::lexicon::alternation(WORDS.iter().copied());
        let re = Regex::new(&format!("(?i)(?:{alternation})")).expect("pattern");
        re.find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn finds_in_any_case_longest_first() {
        let f = Folded::new(WORDS.iter().copied());
        let text = "Heute und HEUTE, vorgestern, Übermorgen, ÜBERMORGEN, Sonntagmorgen.";
        let got: Vec<&str> = f.find_iter(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Heute",
                "HEUTE",
                "vorgestern",
                "Übermorgen",
                "ÜBERMORGEN",
                "morgen"
            ]
        );
        assert_eq!(f.find_iter(text), reference(text));
    }

    #[test]
    fn variants_of_letters_outside_ascii() {
        assert_eq!(variants("übermorgen"), ["übermorgen", "Übermorgen"]);
        assert_eq!(variants("heute"), ["heute"]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_matches_as_the_case_insensitive_regex(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "heute", "HeUtE", "ges", "GESTERN", "tern", "vor", "VOR", "über", "ÜBER", "Über",
                "morgen", "mor", "gen", "ä", "ß", " ", ".", "h", "e",
            ]), 0..30),
        ) {
            let text: String = v.concat();
            let f = Folded::new(WORDS.iter().copied());
            prop_assert_eq!(f.find_iter(&text), reference(&text), "{:?}", text);
        }
    }
}
