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
    let mut out = Vec::with_capacity(body.len() / 6);
    let mut chars = body.char_indices().peekable();
    while let Some((first, c)) = chars.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let mut end = first + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            // a joiner stays inside a word only between two letters
            let joins = joiner(c)
                && body
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
