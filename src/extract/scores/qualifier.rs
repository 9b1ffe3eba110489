//! The qualifier of a result (`aet`, `pen`, `so`): `n.V.`, `i.E.`, `nach
//! Elfmeterschießen` right after it (after its parenthesis, if any), or
//! `nach Verlängerung` … in the words before it.
//!
//! Most results have none: a cheap test of the first letter after the
//! score and of the words before answers them before a pattern runs.

use super::kind::floor_str;
use crate::lexicon::lower::contains_bytes;
use regex::Regex;
use std::sync::LazyLock;

/// A qualifier right after a result (and its parenthesis).
static QUALIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\([^)]*\)\s*)?(?:(?P<aet>n\.\s?V\.|nach Verlängerung|nV(?-u:\b))|(?P<pen>i\.\s?E\.|n\.\s?E\.|nach Elfmeterschießen|im Elfmeterschießen|nach Elfmetern)|(?P<so>n\.\s?P\.|nach Penaltyschießen|im Penaltyschießen|nach Penalty))",
    )
    .expect("constant regex")
});
/// A qualifier in the words before a result.
static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<aet>nach Verlängerung)|(?P<pen>nach Elfmeterschießen|im Elfmeterschießen)|(?P<so>nach Penaltyschießen|im Penaltyschießen))(?:\s+\S+){0,2}\s*$",
    )
    .expect("constant regex")
});

/// The qualifier of the result at `start..end` (`end` may be after its
/// parenthesis), or empty.
pub(super) fn qualifier(text: &str, start: usize, end: usize) -> &'static str {
    let after = text.get(end..).unwrap_or("");
    let after = after.get(..after.len().min(60)).map_or(after, |s| s);
    let pick = |c: &regex::Captures<'_>| {
        if c.name("aet").is_some() {
            "aet"
        } else if c.name("pen").is_some() {
            "pen"
        } else {
            "so"
        }
    };
    let tail = floor_str(text, end, 60).unwrap_or(after);
    if may_open_qualifier(tail)
        && let Some(c) = QUALIFIER_AFTER.captures(tail)
    {
        return pick(&c);
    }
    let lo = text.floor_char_boundary(start.saturating_sub(50));
    let before = text.get(lo..start).unwrap_or("");
    // the sentence's part of `before` holds the phrase only if `before` does
    if !may_close_qualifier(before) {
        return "";
    }
    let before = before
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or(before);
    match QUALIFIER_BEFORE.captures(before) {
        Some(c) => pick(&c),
        None => "",
    }
}

/// The end of a qualifier (`n.V.`, `i.E.`) right after a result.
pub(super) fn qualifier_end(text: &str, end: usize) -> usize {
    let tail = floor_str(text, end, 60).unwrap_or("");
    if !may_open_qualifier(tail) {
        return end;
    }
    QUALIFIER_AFTER.find(tail).map_or(end, |m| end + m.end())
}

/// Whether [`QUALIFIER_AFTER`] may match `tail`: every qualifier starts
/// with `n.`, `nach `, `nV`, `i.` or `im `, after blanks and at most one
/// parenthesis (`[^)]*` ends at the first `)`). Most results have none, and this answers
/// before the pattern's search is set up.
fn may_open_qualifier(tail: &str) -> bool {
    let t = tail.trim_start();
    let t = match t.strip_prefix('(') {
        Some(inner) => match inner.split_once(')') {
            Some((_, rest)) => rest.trim_start(),
            None => return false,
        },
        None => t,
    };
    ["n.", "nach ", "nV", "i.", "im "]
        .iter()
        .any(|q| t.starts_with(q))
}

/// Whether [`QUALIFIER_BEFORE`] may match `before`: each of its phrases
/// holds `Verlängerung` or `schießen`.
fn may_close_qualifier(before: &str) -> bool {
    contains_bytes(before, "Verlängerung") || contains_bytes(before, "schießen")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shortcuts() {
        assert!(may_open_qualifier(" (2:2) n.V."));
        assert!(may_open_qualifier("\u{a0}nach Verlängerung"));
        assert!(!may_open_qualifier(" (2:2 n.V."));
        assert!(!may_open_qualifier(" gegen Ulm"));
        assert_eq!(qualifier("3:2 (2:2) n.V.", 0, 9), "aet");
        let t = "im Elfmeterschießen mit 5:4";
        let at = t.find("5:4").unwrap_or(0);
        assert_eq!(qualifier(t, at, at + 3), "pen");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn shortcuts_never_hide_a_match(
            v in proptest::collection::vec(proptest::sample::select(vec![
                " ", "\u{a0}", "(", ")", "2:2", "n.", "V.", "n. V.", "i.E.", "nV", "nach",
                " Verlängerung", " Elfmeterschießen", "im", " Penaltyschießen", "x", "\n",
                "nach Penalty", "N",
            ]), 0..10),
        ) {
            let s: String = v.concat();
            if !may_open_qualifier(&s) {
                prop_assert!(!QUALIFIER_AFTER.is_match(&s), "{:?}", s);
            }
            if !may_close_qualifier(&s) {
                prop_assert!(!QUALIFIER_BEFORE.is_match(&s), "{:?}", s);
            }
        }
    }
}
