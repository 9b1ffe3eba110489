//! [`char::is_alphabetic`] and [`char::is_alphanumeric`], answered from
//! tables for the characters of German text: ASCII, Latin-1 (umlauts, `ß`),
//! the Latin Extended letters of foreign names (`ł`, `ş`), and the general
//! punctuation (`„`, `“`, `–`, `’`, none of them letters). The standard
//! library looks every character outside ASCII up in its Unicode tables;
//! the word splitters of the name index, the dates, the roles and the goals
//! ask about every character of the text.

/// [`char::is_alphabetic`].
pub fn alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphabetic(),
        'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='\u{24f}' => true,
        '\u{80}'..='\u{ff}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`].
pub fn alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        // superscript digits and vulgar fractions are numbers
        '²' | '³' | '¹' | '¼' | '½' | '¾' => true,
        '\u{80}'..='\u{24f}' | '\u{2000}'..='\u{206f}' => alphabetic(c),
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
