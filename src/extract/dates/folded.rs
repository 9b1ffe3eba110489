//! A list of words found in any letter case (`heute`, `Heute`, `HEUTE`),
//! as the regex `(?i)` alternation of the words, longest first, finds them.
//!
//! The regex did this with a prefilter on the first three bytes of every
//! case variant (`ges`, `Ges`, `GES`, `mor`, `vor`, …), which German text
//! is full of. Here the text is lowered once (ASCII letters only, so every
//! byte keeps its offset) and all words are looked for in one pass of
//! [`Literals`] (the vectorised Teddy search, leftmost-first in the
//! words' order, as the regex's alternation prefers them).
//!
//! Letters outside ASCII in the words (`übermorgen`) are looked for in
//! both cases (`Übermorgen`). One difference from `(?i)`: the two
//! characters outside ASCII that Unicode folds to ASCII letters, the long
//! `ſ` and the Kelvin sign, do not stand for `s` and `k` here.

use super::literals::Literals;
use std::ops::Range;

/// The words, each in its case variants, longest first, then in list
/// order: the regex alternation's preference.
pub struct Folded {
    words: Literals,
    /// The place in the caller's list of each pattern's word.
    word_of: Vec<usize>,
}

impl Folded {
    pub fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut words: Vec<(usize, String)> =
            words.map(str::to_ascii_lowercase).enumerate().collect();
        words.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
        let (word_of, variants): (Vec<usize>, Vec<String>) = words
            .iter()
            .flat_map(|(i, w)| variants(w).into_iter().map(move |v| (*i, v)))
            .unzip();
        Folded {
            words: Literals::new(&variants),
            word_of,
        }
    }

    /// The leftmost-first, non-overlapping matches in `text`, each with
    /// the place of its word in the list given to [`Folded::new`].
    pub fn find_iter(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let lower = text.as_bytes().to_ascii_lowercase();
        let mut found = Vec::new();
        self.words.for_each(&lower, |m, pattern| {
            if let Some(&word) = self.word_of.get(pattern) {
                found.push((m, word));
            }
        });
        found
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
        let got: Vec<&str> = f
            .find_iter(text)
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
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
        assert_eq!(ranges(&f, text), reference(text));
        let words: Vec<usize> = f
            .find_iter("Vorgestern HEUTE")
            .into_iter()
            .map(|m| m.1)
            .collect();
        assert_eq!(words, [2, 0]);
    }

    fn ranges(f: &Folded, text: &str) -> Vec<Range<usize>> {
        f.find_iter(text).into_iter().map(|(r, _)| r).collect()
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
            prop_assert_eq!(ranges(&f, &text), reference(&text), "{:?}", text);
        }
    }
}
