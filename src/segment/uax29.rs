//! A fast path for UAX #29 sentence boundaries on everyday European text.
//!
//! `unicode-segmentation` looks up the Sentence_Break property of every
//! character in a table, which made it the slowest stage of the whole run.
//! German news uses a few dozen distinct characters, whose properties are
//! spelled out in [`category`]. [`starts`] applies the UAX #29 rules SB6–SB11
//! to a line made only of such characters and returns `None` for any other
//! line, which then goes to `unicode-segmentation` as before. The unit tests
//! check that both give the same boundaries, on generated strings and on the
//! corpus.
//!
//! Characters with the Extend, Format, Sep and CR properties are not in the
//! table, so rules SB3–SB5 never apply on the fast path.

/// The Sentence_Break property (UAX #29, table 4) of the characters the
/// fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Lf,
    Sp,
    Lower,
    Upper,
    // (OLetter: no character of the table has it)
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// The property of `c`, or `None` when the fast path does not know it.
const fn category(c: char) -> Option<Cat> {
    use Cat::*;
    Some(match c {
        '\n' => Lf,
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' => Sp,
        'a'..='z' | 'ª' | 'µ' | 'º' | 'ß'..='ö' | 'ø'..='ÿ' => Lower,
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => Upper,
        // Latin Extended-A: case by the Unicode Lowercase/Uppercase
        // properties (every letter of the block has one of them)
        '\u{100}'..='\u{17f}' if c.is_lowercase() => Lower,
        '\u{100}'..='\u{17f}' if c.is_uppercase() => Upper,
        // Latin Extended-B (Romanian `ț`, `ș`) and Greek letters (`μ`):
        // the cased ones; the others (`ǀ`, title-case `ǅ`) are left to
        // the full tables
        '\u{180}'..='\u{24f}' | '\u{391}'..='\u{3c9}' if c.is_lowercase() => Lower,
        '\u{180}'..='\u{24f}' | '\u{391}'..='\u{3c9}' if c.is_uppercase() => Upper,
        '0'..='9' => Numeric,
        '.' | '\u{2024}' => ATerm,
        '!' | '?' | '\u{203c}' | '\u{203d}' => STerm,
        '"'
        | '\''
        | '('
        | ')'
        | '['
        | ']'
        | '{'
        | '}'
        | '«'
        | '»'
        | '\u{2018}'..='\u{201f}'
        | '\u{2039}'
        | '\u{203a}' => Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => SContinue,
        '#' | '$' | '%' | '&' | '*' | '+' | '/' | '<' | '=' | '>' | '@' | '\\' | '^' | '_'
        | '`' | '|' | '~' | '¡' | '¢' | '£' | '¤' | '¥' | '¦' | '§' | '¨' | '©' | '¬' | '®'
        | '¯' | '°' | '±' | '²' | '³' | '´' | '¶' | '·' | '¸' | '¹' | '¼' | '½' | '¾' | '¿'
        | '×' | '÷' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2015}' | '\u{2020}'
        | '\u{2021}' | '\u{2022}' | '\u{2026}' | '\u{2030}' | '\u{20ac}' => Other,
        _ => return None,
    })
}

/// [`category`] of every ASCII character, looked up once.
// indexing in a constant is checked when the program is compiled
#[allow(clippy::indexing_slicing)]
const ASCII: [Option<Cat>; 128] = {
    let mut table = [None; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = category(b as u8 as char);
        b += 1;
    }
    table
};

fn ascii(b: u8) -> Option<Cat> {
    ASCII.get(usize::from(b)).copied().flatten()
}

/// [`category`] of every character of two bytes in UTF-8 (U+0080 to
/// U+07FF, indexed by the code point: the first 128 entries stay unused),
/// looked up once: umlauts, `ß` and the accented letters of names are
/// most of the non-ASCII characters of German text.
// indexing in a constant is checked when the program is compiled
#[allow(clippy::indexing_slicing)]
const TWO_BYTES: [Option<Cat>; 0x800] = {
    let mut table = [None; 0x800];
    let mut c = 0x80;
    while c < 0x800 {
        if let Some(ch) = char::from_u32(c) {
            table[c as usize] = category(ch);
        }
        c += 1;
    }
    table
};

/// Whether the fast path knows an ASCII byte: printable, or tab, line
/// feed, vertical tab, form feed. The same as `ascii(b).is_some()` (a
/// test checks), written without a lookup so a whole line is checked in
/// vector instructions.
fn ascii_known(b: u8) -> bool {
    ((b >= 0x20) & (b != 0x7F)) | (b == b'\t') | (b == b'\n') | (b == 0x0B) | (b == 0x0C)
}

/// Whether the fast path knows every ASCII byte of `bytes`. Ordinary
/// lines have no byte below the space but their line feed at the end and
/// no DEL, which two branch-free tests (a minimum, a comparison) show in
/// vector instructions; only other lines are checked byte by byte with
/// [`ascii_known`].
fn all_ascii_known(bytes: &[u8]) -> bool {
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let (low, del) = body.iter().fold((u8::MAX, false), |(low, del), &b| {
        (low.min(b), del | (b == 0x7F))
    });
    if low >= 0x20 && !del {
        return true;
    }
    bytes
        .iter()
        .fold(true, |ok, &b| ok & (!b.is_ascii() | ascii_known(b)))
}

fn is_sa_term(c: Cat) -> bool {
    matches!(c, Cat::ATerm | Cat::STerm)
}

/// The property of the character at byte `at` of `line` and its length,
/// or `None` at the end of the line (or for a character the table lacks).
fn cat_at(line: &str, at: usize) -> Option<(Cat, usize)> {
    let bytes = line.as_bytes();
    let b = *bytes.get(at)?;
    if b.is_ascii() {
        return Some((ascii(b)?, 1));
    }
    if let (0xC0..=0xDF, Some(&next)) = (b, bytes.get(at + 1)) {
        // the lead byte of two (`line` is UTF-8: `next` continues it)
        let c = usize::from(b & 0x1F) << 6 | usize::from(next & 0x3F);
        return Some((TWO_BYTES.get(c).copied().flatten()?, 2));
    }
    let c = line.get(at..)?.chars().next()?;
    Some((category(c)?, c.len_utf8()))
}

/// The property of the character that ends just before byte `at`.
fn cat_before(line: &str, at: usize) -> Option<Cat> {
    category(line.get(..at)?.chars().next_back()?)
}

/// Byte offsets where the sentence pieces of `line` start (the first is 0),
/// as `unicode-segmentation`'s `split_sentence_bound_indices` finds them;
/// `None` when the line holds a character the fast path does not know.
/// `line` holds at most one line feed, at its end.
///
/// Only terminators (`.`, `!`, `?`, …) can start a new piece, so after one
/// check that every character is known, the rules are applied at each
/// terminator by looking at its neighbours.
pub fn starts(line: &str) -> Option<Vec<usize>> {
    let bytes = line.as_bytes();
    if !all_ascii_known(bytes) {
        return None;
    }
    // the terminators: ASCII ones by memchr, others while checking that
    // every non-ASCII character is known (room for a terminator every 64
    // bytes of a paragraph to start with, so the list seldom grows)
    let mut terms: Vec<(usize, Cat)> = Vec::with_capacity(8 + (bytes.len() / 64).min(1024));
    terms.extend(memchr::memchr3_iter(b'.', b'!', b'?', bytes).map(|i| {
        (
            i,
            if bytes.get(i) == Some(&b'.') {
                Cat::ATerm
            } else {
                Cat::STerm
            },
        )
    }));
    let mut other = false;
    let mut at = 0;
    while let Some(skip) = bytes.get(at..).and_then(crate::normalise::next_non_ascii) {
        at += skip;
        let (cat, len) = cat_at(line, at)?;
        if is_sa_term(cat) {
            terms.push((at, cat));
            other = true;
        }
        at += len;
    }
    if other {
        terms.sort_unstable_by_key(|t| t.0);
    }
    let mut out = Vec::with_capacity(terms.len() + 1);
    out.push(0);
    for (term, c) in terms {
        // the character after the terminator
        let mut i = term + cat_at(line, term).map_or(1, |(_, len)| len);
        // SB6 ATerm × Numeric; SB7 (Upper | Lower) ATerm × Upper
        if c == Cat::ATerm {
            match cat_at(line, i) {
                Some((Cat::Numeric, _)) => continue,
                Some((Cat::Upper, _))
                    if matches!(cat_before(line, term), Some(Cat::Upper | Cat::Lower)) =>
                {
                    continue;
                }
                _ => {}
            }
        }
        // SB9, SB10: SATerm Close* Sp* ParaSep? stays together
        while let Some((Cat::Close, len)) = cat_at(line, i) {
            i += len;
        }
        while let Some((Cat::Sp, len)) = cat_at(line, i) {
            i += len;
        }
        match cat_at(line, i) {
            None => break, // end of text: no break inside
            Some((Cat::Lf, len)) => {
                i += len;
                if i < line.len() {
                    out.push(i);
                }
                continue;
            }
            // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
            Some((n, _)) if n == Cat::SContinue || is_sa_term(n) => continue,
            _ => {}
        }
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
        if c == Cat::ATerm {
            let mut j = i;
            let next_letter = loop {
                match cat_at(line, j) {
                    None => break None,
                    Some((k, _))
                        if matches!(k, Cat::Upper | Cat::Lower | Cat::Lf) || is_sa_term(k) =>
                    {
                        break Some(k);
                    }
                    Some((_, len)) => j += len,
                }
            };
            if next_letter == Some(Cat::Lower) {
                continue;
            }
        }
        // SB11: break after the terminator and its closing marks and spaces
        out.push(i);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn reference(line: &str) -> Vec<usize> {
        let mut v: Vec<usize> = line
            .split_sentence_bound_indices()
            .map(|(i, _)| i)
            .collect();
        if v.is_empty() {
            v.push(0);
        }
        v
    }

    fn same(line: &str) {
        if let Some(fast) = starts(line) {
            assert_eq!(fast, reference(line), "{line:?}");
        }
    }

    #[test]
    fn known_characters_agree_with_the_table() {
        // every character the fast path knows, after and before a period
        for c in (0u32..0x2100).filter_map(char::from_u32) {
            if category(c).is_some() && c != '\n' {
                for t in [
                    format!("Ab.{c}Cd. ef"),
                    format!("Ab. {c}cd"),
                    format!("a{c}. B"),
                    format!("x!{c} y\n"),
                    format!("A.{c} b.\n"),
                    format!("1{c}.2 "),
                ] {
                    same(&t);
                }
            }
        }
    }

    #[test]
    fn ascii_check_matches_the_table() {
        // `ascii_known` restates, branch-free, which ASCII bytes the table
        // knows; both must agree
        for b in 0u8..128 {
            assert_eq!(ascii_known(b), ascii(b).is_some(), "{b:#x}");
        }
    }

    #[test]
    fn known_lines_as_byte_by_byte() {
        let plain = |bytes: &[u8]| bytes.iter().all(|&b| !b.is_ascii() | ascii_known(b));
        // every byte value, alone, inside a line, at its end, before a
        // line feed
        for b in 0..=255u8 {
            for bytes in [
                vec![b],
                vec![b'a', b, b'c'],
                [b"Tor f\xc3\xbcr".as_slice(), &[b]].concat(),
                [b"Der Ball ".as_slice(), &[b], b"\n"].concat(),
                [
                    b"Der Ball ist rund und alle wissen das ".as_slice(),
                    &[b, b'\n'],
                ]
                .concat(),
            ] {
                assert_eq!(all_ascii_known(&bytes), plain(&bytes), "{bytes:?}");
            }
        }
    }

    #[test]
    fn two_byte_characters_as_the_table() {
        for c in ('\u{80}'..='\u{7ff}').filter(|c| c.len_utf8() == 2) {
            let s = format!("a{c}b");
            assert_eq!(cat_at(&s, 1), category(c).map(|k| (k, 2)), "{c:?}");
        }
        // inside a character: nothing
        assert_eq!(cat_at("ü", 1), None);
    }

    #[test]
    fn german_examples() {
        for t in [
            "Er traf. Dann kam der Ausgleich.\n",
            "Am 7. September spielte der 1. FC Köln.\n",
            "„Wir sind zufrieden.“ Dann ging er.\n",
            "Doku (60.) Der Belgier. z. B. das\n",
            "Was? Nein! Doch… ja. U.S.A. Team\n",
            "Er sagte: „Wir kommen wieder.“ – und ging.\n",
        ] {
            same(t);
            assert!(starts(t).is_some(), "{t}");
        }
        assert_eq!(starts("Er traf. Dann kam\n"), Some(vec![0, 9]));
        assert_eq!(starts("Der Japaner 日本"), None);
    }

    #[test]
    fn corpus_lines_agree() {
        let mut n = 0;
        for s in crate::read::walk(&[std::path::PathBuf::from("corpus")]).sources {
            let raw = std::fs::read(&s.path).unwrap_or_default();
            let Ok((text, _)) = crate::read::decode(&raw) else {
                continue;
            };
            let text = crate::normalise::normalise(&text);
            for line in text.split_inclusive('\n') {
                same(line);
                n += 1;
            }
        }
        assert!(n > 100, "corpus lines read: {n}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn agrees_with_unicode_segmentation(
            v in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'B', 'ä', 'Ü', 'ß', 'ş', 'Ł', '1', ' ', '\u{a0}', '.', '!', '?', '"', '\'',
                '(', ')', ',', '-', ':', ';', '«', '»', '„', '“', '”', '‚', '‘', '–', '—', '…',
                '\t', '#', '/', '€', 'ª', '\u{2024}', '‼',
            ]), 0..24),
            lf in any::<bool>(),
        ) {
            let mut s: String = v.into_iter().collect();
            if lf {
                s.push('\n');
            }
            let fast = starts(&s);
            prop_assert!(fast.is_some());
            prop_assert_eq!(fast.unwrap_or_default(), reference(&s), "{:?}", s);
        }
    }
}
