//! Mentions: the full names found become persons, and every mention of
//! the text (a full name, a surname, `De Bruyne`, `J. Eggestein`, a name
//! confirmed by its context) is tied to one of them.

use super::super::words::Sieve;
use super::super::{Mention, People};
use super::{Finder, Span};
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet;

impl Finder<'_> {
    /// The persons of `spans` and every mention of them, in text order.
    pub(super) fn mentions(&self, spans: &[Span], confirmed: &FxHashSet<&str>) -> People {
        let n = self.toks.len();
        let mut people = People::default();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
        let mut longest_first = spans.to_vec();
        longest_first.sort_by_key(|s| std::cmp::Reverse(s.b - s.a));
        for s in &longest_first {
            let full = self.text_of(s.a, s.b);
            if index.contains_key(&full) {
                continue;
            }
            let tail = format!(" {full}");
            if let Some(p) = people.persons.iter().position(|f| f.ends_with(&tail)) {
                index.insert(full, p);
                continue;
            }
            let id = people.persons.len();
            index.insert(full.clone(), id);
            people.persons.push(full);
            by_surname
                .entry(self.word(s.b - 1).to_string())
                .or_default()
                .push(id);
        }

        // the length of the full-name span starting at each token, if any
        let mut span_at: Vec<usize> = vec![0; n];
        for sp in spans {
            if let Some(len) = span_at.get_mut(sp.a) {
                *len = sp.b - sp.a;
            }
        }
        let mut lengths: Vec<usize> = spans.iter().map(|s| s.b - s.a).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        let openers: FxHashSet<String> = index
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        // most capitalised words are none of these: sieves spare them the
        // hash lookups of the loop below
        let opener_sieve = Sieve::of(openers.iter().map(String::as_str));
        let mut surname_sieve = Sieve::of(by_surname.keys().map(String::as_str));
        let confirmed_sieve = Sieve::of(confirmed.iter().copied());
        let mut last_of: HashMap<usize, usize> = HashMap::default(); // person -> last mention
        let mut mentions: Vec<Mention> = Vec::new();
        let heads = (0..n).filter(|&i| self.flags(i).upper || self.flags(i).particle);
        let mut resume = 0;
        for i in heads {
            if i < resume {
                continue;
            }
            let pick = |cands: &Vec<usize>, last_of: &HashMap<usize, usize>| -> usize {
                cands
                    .iter()
                    .copied()
                    .max_by_key(|p| last_of.get(p).copied().map_or(0, |x| x + 1))
                    .unwrap_or(0)
            };
            let full_here = span_at.get(i).copied().filter(|&k| k > 0).or_else(|| {
                // only a word that opens a known full name can (cheap test
                // before building candidate strings)
                if !self.flags(i).upper
                    || !opener_sieve.may_hold(self.word(i))
                    || !openers.contains(self.word(i))
                {
                    return None;
                }
                lengths
                    .iter()
                    .copied()
                    .find(|&k| self.chained(i, k) && index.contains_key(&self.text_of(i, i + k)))
            });
            if let Some(k) = full_here {
                if let Some(&p) = index.get(&self.text_of(i, i + k)) {
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + k, p));
                }
                resume = i + k;
                continue;
            }
            let w = self.word(i);
            // particle + surname: `De Bruyne`
            if self.flags(i).particle
                && self.adjacent(i)
                && surname_sieve.may_hold(self.word(i + 1))
                && let Some(c) = by_surname.get(self.word(i + 1))
            {
                let p = pick(c, &last_of);
                let with = format!(" {} {}", w, self.word(i + 1));
                if people.persons.get(p).is_some_and(|f| f.ends_with(&with)) {
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + 2, p));
                    resume = i + 2;
                    continue;
                }
            }
            // initial + surname: `J. Eggestein`
            if self.flags(i).upper
                && w.chars().nth(1).is_none()
                && let Some(t) = self.toks.get(i)
                && self.text.get(t.end..t.end + 1) == Some(".")
                && surname_sieve.may_hold(self.word(i + 1))
                && let Some(c) = by_surname.get(self.word(i + 1))
                && let Some(next) = self.toks.get(i + 1)
                && self
                    .text
                    .get(t.end + 1..next.start)
                    .is_some_and(|g| g.chars().all(|c| c == ' '))
            {
                let p = pick(c, &last_of);
                last_of.insert(p, i);
                mentions.push(self.mention(i, i + 2, p));
                resume = i + 2;
                continue;
            }
            if self.flags(i).cap {
                let known = |w: &str| {
                    surname_sieve
                        .may_hold(w)
                        .then(|| by_surname.get(w))
                        .flatten()
                };
                let found = known(w).or_else(|| {
                    w.strip_suffix('s')
                        .filter(|b| b.chars().count() >= 3)
                        .and_then(known)
                });
                if let Some(c) = found {
                    let p = pick(c, &last_of);
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + 1, p));
                } else if confirmed_sieve.may_hold(w) && confirmed.contains(w) {
                    let p = *index.entry(w.to_string()).or_insert_with(|| {
                        people.persons.push(w.to_string());
                        people.persons.len() - 1
                    });
                    by_surname.entry(w.to_string()).or_default().push(p);
                    surname_sieve.insert(w);
                    last_of.insert(p, i);
                    mentions.push(self.mention(i, i + 1, p));
                }
            }
        }
        // persons in order of first mention
        let mut order: Vec<usize> = Vec::new();
        for m in &mentions {
            if !order.contains(&m.person) {
                order.push(m.person);
            }
        }
        let remap: HashMap<usize, usize> = order.iter().enumerate().map(|(n, &o)| (o, n)).collect();
        let persons = order
            .iter()
            .filter_map(|&o| people.persons.get(o).cloned())
            .collect();
        for m in &mut mentions {
            m.person = remap.get(&m.person).copied().unwrap_or(0);
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        People { persons, mentions }
    }
}
