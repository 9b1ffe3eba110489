//! The similarity ratio of Python's `difflib.SequenceMatcher` (with
//! `autojunk=False`), which `score.py` uses to compare quotes.

use std::collections::HashMap;

/// `SequenceMatcher(None, a, b, autojunk=False).ratio()` after folding runs
/// of white space, as `score.py` does.
pub fn similar(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let b: Vec<char> = b
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let matched = matching_chars(&a, &b);
    2.0 * matched as f64 / (a.len() + b.len()) as f64
}

/// Total size of the matching blocks: the longest common block, then the
/// same recursively left and right of it.
fn matching_chars(a: &[char], b: &[char]) -> usize {
    let mut b2j: HashMap<char, Vec<usize>> = HashMap::new();
    for (j, c) in b.iter().enumerate() {
        b2j.entry(*c).or_default().push(j);
    }
    let mut total = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, &b2j, alo, ahi, blo, bhi);
        if k > 0 {
            total += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    total
}

fn longest_match(
    a: &[char],
    b2j: &HashMap<char, Vec<usize>>,
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
    let mut j2len: HashMap<usize, usize> = HashMap::new();
    for (i, c) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut next: HashMap<usize, usize> = HashMap::new();
        if let Some(js) = b2j.get(c) {
            for &j in js {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = j
                    .checked_sub(1)
                    .and_then(|p| j2len.get(&p))
                    .copied()
                    .unwrap_or(0)
                    + 1;
                next.insert(j, k);
                if k > bestsize {
                    besti = i + 1 - k;
                    bestj = j + 1 - k;
                    bestsize = k;
                }
            }
        }
        j2len = next;
    }
    (besti, bestj, bestsize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_like_python() {
        // difflib.SequenceMatcher(None, "abcd", "bcde", autojunk=False).ratio() == 0.75
        assert!((similar("abcd", "bcde") - 0.75).abs() < 1e-9);
        assert_eq!(similar("", ""), 1.0);
        assert_eq!(similar("Tor", "Tor"), 1.0);
        // "Wir  sind" folds to "Wir sind"
        assert_eq!(similar("Wir  sind", "Wir sind"), 1.0);
        assert_eq!(similar("abc", "xyz"), 0.0);
    }
}
