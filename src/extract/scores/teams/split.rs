//! The words and the sentence around a score, found by bytes.
//!
//! Both run for every result told in prose, and for up to thirty sentences
//! before it when its subject is a description (`der Tabellenzweite`):
//! the separators and sentence marks are all ASCII, so `memchr` finds
//! them, where `split` and `rmatch_indices` with a set of characters
//! decoded every character.

/// How far around a score a sentence is looked at, in bytes.
const REACH: usize = 300;

/// A word of `text` as a byte span, with trailing punctuation cut off.
#[derive(Clone, Copy)]
pub(in crate::extract::scores) struct Word {
    pub(in crate::extract::scores) start: usize,
    pub(in crate::extract::scores) end: usize,
    /// Punctuation (`,`, `.`, `;`, `:`) right after the word ends the phrase.
    pub(in crate::extract::scores) stop: bool,
    /// The word opens a parenthesis or quotation: not part of a name before it.
    pub(in crate::extract::scores) opens: bool,
}

/// The words of `text[a..b]`, split on blanks.
///
/// A word's offset counts one byte per separator before it, also for a
/// no-break space (two bytes): after one, the offsets run a byte short, as
/// they always have (the tables depend on it).
pub(in crate::extract::scores) fn words(text: &str, a: usize, b: usize) -> Vec<Word> {
    let Some(s) = text.get(a..b) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut pos = 0;
    for w in blank_split(s) {
        let at = a + pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let wb = w.as_bytes();
        // trailing `,.;:!?)"` and `“`, leading `("` and `„`, by bytes
        let mut tail = wb.len();
        loop {
            let head = wb.get(..tail).unwrap_or_default();
            if head.last().is_some_and(|c| b",.;:!?)\"".contains(c)) {
                tail -= 1;
            } else if head.ends_with("“".as_bytes()) {
                tail -= "“".len();
            } else {
                break;
            }
        }
        let mut lead = 0;
        loop {
            let rest = wb.get(lead..).unwrap_or_default();
            if rest.first().is_some_and(|c| b"(\"".contains(c)) {
                lead += 1;
            } else if rest.starts_with("„".as_bytes()) {
                lead += "„".len();
            } else {
                break;
            }
        }
        if lead >= tail {
            continue;
        }
        let core = wb.get(lead..tail).unwrap_or_default();
        out.push(Word {
            start: at + lead,
            end: at + tail,
            stop: wb
                .get(tail..)
                .is_some_and(|t| t.iter().any(|c| b",.;:!?".contains(c)))
                && !core.ends_with(b"St"),
            opens: lead > 0,
        });
    }
    out
}

/// `s.split([' ', '\n', '\u{a0}'])`, found by bytes: the blanks and line
/// breaks by `memchr`, a no-break space by its first byte.
fn blank_split(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut seps = memchr::memchr3_iter(b' ', b'\n', 0xc2, b).filter_map(|i| match b.get(i) {
        Some(0xc2) => (b.get(i + 1) == Some(&0xa0)).then_some((i, 2)),
        _ => Some((i, 1)),
    });
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match seps.next() {
            Some((i, n)) => {
                start = Some(i + n);
                s.get(from..i)
            }
            None => {
                start = None;
                s.get(from..)
            }
        }
    })
}

/// The sentence around `pos`: from after the last `. `/`! `/`? `/line
/// break before it to the next one, at most [`REACH`] bytes each way.
pub(in crate::extract::scores) fn sentence(text: &str, from: usize, pos: usize) -> (usize, usize) {
    let lo = text
        .floor_char_boundary(pos.saturating_sub(REACH))
        .max(from);
    let before = text.get(lo..pos).unwrap_or("").as_bytes();
    // a line break always ends a sentence: only marks after the last one
    // are looked at
    let line = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let mark = memchr::memrchr3_iter(b'.', b'!', b'?', before.get(line..).unwrap_or_default())
        .map(|i| line + i)
        .find(|&i| {
            let head = before.get(..i).unwrap_or_default();
            matches!(before.get(i + 1), Some(b' ' | b'\n'))
                && !head.ends_with(b"St")
                && !head.last().is_some_and(u8::is_ascii_digit)
        });
    let a = match mark {
        Some(i) => lo + i + 1,
        None if line > 0 => lo + line,
        None => lo,
    };
    let hi = text.floor_char_boundary((pos + REACH).min(text.len()));
    let after = text.get(pos..hi).unwrap_or("").as_bytes();
    let stop = memchr::memchr3(b'!', b'?', b'\n', after);
    let period = memchr::memchr_iter(b'.', after).find(|&i| after.get(i + 1) == Some(&b' '));
    let b = stop.into_iter().chain(period).min().map_or(hi, |i| pos + i);
    (a, b)
}

pub(in crate::extract::scores) fn word_str(text: &str, w: Word) -> &str {
    text.get(w.start..w.end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definitions the byte scans replace.
    fn words_reference(text: &str, a: usize, b: usize) -> Vec<(usize, usize, bool, bool)> {
        let Some(s) = text.get(a..b) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut pos = 0;
        for w in s.split([' ', '\n', '\u{a0}']) {
            let at = a + pos;
            pos += w.len() + 1;
            if w.is_empty() {
                continue;
            }
            let core = w.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '"', '“']);
            let core = core.trim_start_matches(['(', '"', '„']);
            if core.is_empty() {
                continue;
            }
            let lead = w.len() - w.trim_start_matches(['(', '"', '„']).len();
            let stop = w
                .get(lead + core.len()..)
                .is_some_and(|t| t.contains([',', '.', ';', ':', '!', '?']))
                && !core.ends_with("St");
            out.push((at + lead, at + lead + core.len(), stop, lead > 0));
        }
        out
    }

    fn sentence_reference(text: &str, from: usize, pos: usize) -> (usize, usize) {
        let lo = text
            .floor_char_boundary(pos.saturating_sub(REACH))
            .max(from);
        let before = text.get(lo..pos).unwrap_or("");
        let a = before
            .rmatch_indices(['.', '!', '?', '\n'])
            .find(|(i, m)| {
                *m == "\n"
                    || before
                        .get(i + 1..)
                        .is_some_and(|r| r.starts_with(' ') || r.starts_with('\n'))
                        && !before.get(..*i).is_some_and(|b| b.ends_with("St"))
                        && !before
                            .get(..*i)
                            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
            })
            .map_or(lo, |(i, _)| lo + i + 1);
        let hi = text.floor_char_boundary((pos + REACH).min(text.len()));
        let after = text.get(pos..hi).unwrap_or("");
        let b = after
            .match_indices(['!', '?', '\n'])
            .map(|(i, _)| i)
            .chain(after.match_indices(". ").map(|(i, _)| i))
            .min()
            .map_or(hi, |i| pos + i);
        (a, b)
    }

    fn flat(ws: &[Word]) -> Vec<(usize, usize, bool, bool)> {
        ws.iter()
            .map(|w| (w.start, w.end, w.stop, w.opens))
            .collect()
    }

    #[test]
    fn words_and_sentences() {
        let t = "Der FC St. Pauli (Hamburg) gewann 2:1.\nDann: „Tor“!";
        let ws = words(t, 0, t.len());
        let got: Vec<&str> = ws.iter().map(|w| word_str(t, *w)).collect();
        assert_eq!(
            got,
            [
                "Der", "FC", "St", "Pauli", "Hamburg", "gewann", "2:1", "Dann", "Tor"
            ]
        );
        assert!(!ws[2].stop && ws[4].opens && !ws[4].stop);
        assert_eq!(
            sentence(t, 0, t.find("2:1").unwrap()),
            (0, t.find('\n').unwrap())
        );
        // a no-break space counts one byte, as the split always did
        let t = "A\u{a0}Bc d";
        assert_eq!(flat(&words(t, 0, t.len())), words_reference(t, 0, t.len()));
        assert_eq!(words(t, 0, t.len())[2].start, 5);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_words_and_sentences_as_the_splits(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\n", "\u{a0}", "«", ".", ". ", "!", "?", ",", ":", ";", "(", ")",
                "\"", "„", "“", "St", "St.", "7", "a", "Bb", "ü", "2:1",
            ]), 0..40),
            cut in 0usize..400,
            from in 0usize..60,
        ) {
            let t: String = v.concat();
            let a = t.floor_char_boundary(from.min(t.len()));
            let b = t.floor_char_boundary(cut.min(t.len()));
            prop_assert_eq!(flat(&words(&t, a, b)), words_reference(&t, a, b), "{:?}", t);
            prop_assert_eq!(flat(&words(&t, 0, t.len())), words_reference(&t, 0, t.len()));
            prop_assert_eq!(sentence(&t, a, b), sentence_reference(&t, a, b), "{:?}", t);
            prop_assert_eq!(sentence(&t, 0, b), sentence_reference(&t, 0, b), "{:?}", t);
        }
    }
}
