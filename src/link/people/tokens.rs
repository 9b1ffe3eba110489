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
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(first, c)) = chars.get(i) {
        if !c.is_alphabetic() {
            i += 1;
            continue;
        }
        let s = i;
        while let Some(&(_, c)) = chars.get(i) {
            let joins =
                joiner(c) && i > s && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphabetic());
            if c.is_alphabetic() || joins {
                i += 1;
            } else {
                break;
            }
        }
        let start = from + first;
        let end = from + chars.get(i).map_or(body.len(), |(b, _)| *b);
        out.push(Tok { start, end });
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
