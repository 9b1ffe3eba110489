//! Word tokens for name recognition.

/// A word as a byte span: letters, with inner hyphens and apostrophes
/// (`Alexander-Arnold`, `O'Neill`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// The next word follows after blanks only (spaces and no-break
    /// spaces, at least one); false for the last word.
    pub blank_after: bool,
    /// The word has a hyphen (`Alexander-Arnold`).
    pub hyphen: bool,
}

impl Tok {
    pub fn word<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

/// [`char::is_alphabetic`], from tables for the characters of German text.
fn letter(c: char) -> bool {
    crate::lexicon::letters::alphabetic(c)
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Letter,
    /// `-`, `'`, `’`: inside a word between two letters.
    Joiner,
    /// A space or a no-break space.
    Blank,
    Other,
}

/// The kind and the length in bytes of the character at byte `i` of
/// `body` (a character boundary below its length). The characters of
/// German text are told by their bytes: Latin-1 and Latin Extended
/// letters, `„`, `“`, `–`, `’`; others are decoded and looked up.
fn kind_at(body: &str, i: usize) -> (Kind, usize) {
    let bytes = body.as_bytes();
    let b = bytes.get(i).copied().unwrap_or(0);
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => (Kind::Letter, 1),
        b'-' | b'\'' => (Kind::Joiner, 1),
        b' ' => (Kind::Blank, 1),
        0..=0x7f => (Kind::Other, 1),
        // U+0080-U+00BF: `ª`, `µ`, `º` are letters, U+00A0 a blank
        0xC2 => match next {
            0xAA | 0xB5 | 0xBA => (Kind::Letter, 2),
            0xA0 => (Kind::Blank, 2),
            _ => (Kind::Other, 2),
        },
        // U+00C0-U+00FF: letters but `×` and `÷`
        0xC3 if next == 0x97 || next == 0xB7 => (Kind::Other, 2),
        // ... and U+0100-U+024F, all letters
        0xC3..=0xC9 => (Kind::Letter, 2),
        // U+2000-U+203F: punctuation, `’` a joiner
        0xE2 if next == 0x80 => {
            let third = bytes.get(i + 2).copied().unwrap_or(0);
            (
                if third == 0x99 {
                    Kind::Joiner
                } else {
                    Kind::Other
                },
                3,
            )
        }
        _ => match body.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if letter(c) => (Kind::Letter, c.len_utf8()),
            Some(c) if joiner(c) => (Kind::Joiner, c.len_utf8()),
            Some(c) => (Kind::Other, c.len_utf8()),
            None => (Kind::Other, 1),
        },
    }
}

/// The length of the run of ASCII letters that `bytes` starts with, found
/// eight bytes at a time.
fn ascii_letters(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = not_letters(u64::from_le_bytes(eight));
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let rest = bytes.get(n..).unwrap_or_default();
    n + rest.iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// The high bit of every byte of `x` that is not an ASCII letter.
fn not_letters(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // each byte in lower case with its high bit cleared: at most 0x7f, so
    // adding at most 0x1f below never carries into the next byte
    let y = (x | (0x20 * ONES)) & (0x7f * ONES);
    let from_a = y + (0x80 - u64::from(b'a')) * ONES;
    let past_z = y + (0x80 - u64::from(b'z') - 1) * ONES;
    let letters = from_a & !past_z & !x & HIGH;
    !letters & HIGH
}

/// A byte's class for [`tokenize`]: an ASCII byte that is no letter and
/// no blank, a space, an ASCII letter, `-` or `'`, or a byte of a
/// character beyond ASCII (told by [`kind_at`]).
const GAP: u8 = 0;
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const JOIN: u8 = 3;
const BEYOND: u8 = 4;

/// [`GAP`], [`SPACE`], … of every byte: one load answers what took a few
/// comparisons.
// indexing in a constant is checked when the program is compiled
#[allow(clippy::indexing_slicing)]
const CLASS: [u8; 256] = {
    let mut t = [GAP; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'-' | b'\'' => JOIN,
            0x80..=0xff => BEYOND,
            _ => GAP,
        };
        b += 1;
    }
    t
};

/// The class of byte `b`.
fn class(b: u8) -> u8 {
    CLASS.get(usize::from(b)).copied().unwrap_or(GAP)
}

/// The words of `text[from..]`.
pub fn tokenize(text: &str, from: usize) -> Vec<Tok> {
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let bytes = body.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(body.len() / 6);
    let mut i = 0;
    // a word starts at `i`, after one space (found with the word before)
    let mut next = false;
    loop {
        let first = if next {
            i
        } else {
            // the gap before the next word: its length and whether it is
            // all blanks
            let gap = i;
            let mut blank = true;
            let first = loop {
                let Some(&b) = bytes.get(i) else {
                    break None;
                };
                match class(b) {
                    SPACE => i += 1,
                    LETTER => break Some(i),
                    BEYOND => match kind_at(body, i) {
                        (Kind::Letter, _) => break Some(i),
                        (kind, len) => {
                            blank &= kind == Kind::Blank;
                            i += len;
                        }
                    },
                    _ => {
                        blank = false;
                        i += 1;
                    }
                }
            };
            let Some(first) = first else {
                break;
            };
            if let Some(last) = out.last_mut() {
                last.blank_after = blank && first > gap;
            }
            first
        };
        let mut hyphen = false;
        // the word: runs of ASCII letters eight bytes at a time, other
        // letters one by one, a joiner only before a letter
        loop {
            i += ascii_letters(bytes.get(i..).unwrap_or_default());
            let Some(&b) = bytes.get(i) else {
                break;
            };
            match class(b) {
                BEYOND | JOIN => match kind_at(body, i) {
                    (Kind::Letter, len) => i += len,
                    (Kind::Joiner, len)
                        if i + len < bytes.len() && kind_at(body, i + len).0 == Kind::Letter =>
                    {
                        hyphen |= b == b'-';
                        i += len;
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        // most gaps are one space before an ASCII letter: the next word
        // starts right there
        next = bytes.get(i) == Some(&b' ') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        out.push(Tok {
            start: from + first,
            end: from + i,
            blank_after: next,
            hyphen,
        });
        i += usize::from(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition: letters, and joiners between two letters.
    fn reference(text: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((first, c)) = chars.next() {
            if !c.is_alphabetic() {
                continue;
            }
            let mut end = first + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                let joins = joiner(c)
                    && text
                        .get(i + c.len_utf8()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphabetic);
                if c.is_alphabetic() || joins {
                    end = i + c.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: first,
                end,
                blank_after: false,
                hyphen: text[first..end].contains('-'),
            });
        }
        // blanks only between two words: spaces and no-break spaces
        for k in 1..out.len() {
            let gap = &text[out[k - 1].end..out[k].start];
            out[k - 1].blank_after =
                !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}');
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_words_as_the_plain_definition(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "ä", "ß", "É", "ş", "日", "-", "'", "’", " ", "1", ".", "(", "\n", "–",
                "\u{a0}", "ª", "µ", "º", "×", "÷", "¿", "ɏ", "ɐ", "ⁱ", "„", "“", "\u{2000}", "‿",
                "\u{80}", "ǅ", "Ω", "😀",
            ]), 0..40),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(tokenize(&text, 0), reference(&text), "{:?}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Long words, to cross the eight-byte steps of [`ascii_letters`].
        #[test]
        fn same_long_words_as_the_plain_definition(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "Mannschaft", "abcdefgh", "Zz", "`", "@", "[", "{", "ä", "-", "'", " ", "7", "\u{7f}",
            ]), 0..30),
        ) {
            let text: String = v.concat();
            prop_assert_eq!(tokenize(&text, 0), reference(&text), "{:?}", text);
        }
    }

    #[test]
    fn ascii_letter_runs() {
        assert_eq!(ascii_letters(b"Mannschaft"), 10);
        assert_eq!(ascii_letters(b"abcdefgh"), 8);
        assert_eq!(ascii_letters(b"abcdefg@"), 7);
        assert_eq!(ascii_letters(b"azAZ`{@[xyz"), 4);
        assert_eq!(ascii_letters("Müller".as_bytes()), 1);
        assert_eq!(ascii_letters(b"1a"), 0);
        assert_eq!(ascii_letters(b""), 0);
    }

    fn words(t: &str) -> Vec<&str> {
        tokenize(t, 0).iter().map(|k| k.word(t)).collect()
    }

    #[test]
    fn splits_words() {
        assert_eq!(
            words("Trent Alexander-Arnold (66.)"),
            ["Trent", "Alexander-Arnold"]
        );
        assert_eq!(
            words("Michael O'Neill, Müller-Wohlfahrt -"),
            ["Michael", "O'Neill", "Müller-Wohlfahrt"]
        );
        assert_eq!(words("2:1-Führung"), ["Führung"]);
        assert_eq!(words("geht's"), ["geht's"]);
        assert!(words("").is_empty());
    }
}
