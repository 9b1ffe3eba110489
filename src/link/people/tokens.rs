//! Word tokens for name recognition.

/// A word as a byte span: letters, with inner hyphens and apostrophes
/// (`Alexander-Arnold`, `O'Neill`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
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

/// The words of `text[from..]`.
pub fn tokenize(text: &str, from: usize) -> Vec<Tok> {
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let bytes = body.as_bytes();
    let char_at = |i: usize| body.get(i..).and_then(|r| r.chars().next());
    let mut out = Vec::with_capacity(body.len() / 6);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // not a letter: ASCII bytes are skipped without decoding
        if b.is_ascii() && !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if !b.is_ascii() {
            let Some(c) = char_at(i) else { break };
            if !letter(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let first = i;
        let mut end = i;
        // the rest of the word: runs of ASCII letters go a byte at a time,
        // and the word ends at any other ASCII byte but a joiner
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphabetic() {
                i += ascii_letters(bytes.get(i..).unwrap_or_default());
                end = i;
                continue;
            }
            if b.is_ascii() && b != b'-' && b != b'\'' {
                break;
            }
            let Some(c) = char_at(i) else { break };
            // a joiner stays inside a word only between two letters
            let joins = joiner(c) && char_at(i + c.len_utf8()).is_some_and(letter);
            if (!c.is_ascii() && letter(c)) || joins {
                i += c.len_utf8();
                end = i;
            } else {
                break;
            }
        }
        out.push(Tok {
            start: from + first,
            end: from + end,
        });
        i = end.max(i);
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
            out.push(Tok { start: first, end });
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn same_words_as_the_plain_definition(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "ä", "ß", "É", "ş", "日", "-", "'", "’", " ", "1", ".", "(", "\n", "–",
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
