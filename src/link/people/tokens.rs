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

/// The words of `text[from..]`.
pub fn tokenize(text: &str, from: usize) -> Vec<Tok> {
    let Some(body) = text.get(from..) else {
        return Vec::new();
    };
    let bytes = body.as_bytes();
    // the character at byte `i` and its length (ASCII without decoding)
    let at = |i: usize| -> Option<(char, usize)> {
        let b = *bytes.get(i)?;
        if b.is_ascii() {
            return Some((char::from(b), 1));
        }
        let c = body.get(i..)?.chars().next()?;
        Some((c, c.len_utf8()))
    };
    let mut out = Vec::with_capacity(body.len() / 6);
    let mut i = 0;
    while let Some((c, len)) = at(i) {
        i += len;
        if !c.is_alphabetic() {
            continue;
        }
        let first = i - len;
        let mut end = i;
        while let Some((c, len)) = at(i) {
            // a joiner stays inside a word only between two letters
            let joins = joiner(c) && at(i + len).is_some_and(|(n, _)| n.is_alphabetic());
            if c.is_alphabetic() || joins {
                i += len;
                end = i;
            } else {
                break;
            }
        }
        out.push(Tok {
            start: from + first,
            end: from + end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
