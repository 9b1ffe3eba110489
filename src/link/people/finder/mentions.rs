//! Mentions: the full names found become persons, and every mention of
//! the text (a full name, a surname, `De Bruyne`, `J. Eggestein`, a name
//! confirmed by its context) is tied to one of them.
//!
//! Names are compared as word numbers ([`super::super::vocab`]): a name is
//! the same text as another exactly when it is the same sequence of word
//! numbers (words hold no blanks), and `Kevin De Bruyne` ends with ` De
//! Bruyne` exactly when its numbers end with those of `De Bruyne` after
//! at least one more. Only a new person's name is written out as a string.

use super::super::words::Sieve;
use super::super::{Mention, People};
use super::{CONFIRMED, Finder, OPENER, Span, mark, marked};
use rustc_hash::FxHashMap as HashMap;

impl Finder<'_> {
    /// The persons of `spans` and every mention of them, in text order.
    /// `marks` holds what is learnt about each word ([`CONFIRMED`] for the
    /// words confirmed as names by their context);
    /// `upper` is the number of capitalised words (about as many mentions
    /// as there can be).
    pub(super) fn mentions(&self, spans: &[Span], marks: &mut [u8], upper: usize) -> People {
        // each person's fullest name, as text and as word numbers
        let mut persons: Vec<String> = Vec::with_capacity(spans.len());
        let mut person_ids: Vec<&[u32]> = Vec::with_capacity(spans.len());
        // every full name -> its person
        let mut index: HashMap<&[u32], usize> =
            HashMap::with_capacity_and_hasher(spans.len(), Default::default());
        // surname (word number) -> the persons with it
        let mut by_surname = Surnames::new(self.vocab.len());
        let mut longest_first = spans.to_vec();
        longest_first.sort_by_key(|s| std::cmp::Reverse(s.b - s.a));
        for s in &longest_first {
            let full = self.ids_of(s.a, s.b);
            if index.contains_key(full) {
                continue;
            }
            // a shorter form of a person's name (` De Bruyne`)
            if let Some(p) = person_ids
                .iter()
                .position(|f| f.len() > full.len() && f.ends_with(full))
            {
                index.insert(full, p);
                continue;
            }
            let id = persons.len();
            index.insert(full, id);
            persons.push(self.text_of(s.a, s.b));
            person_ids.push(full);
            by_surname.add(self.id(s.b - 1), id);
        }

        // the full-name spans by start, and the last one starting at a
        // token wins (visited in text order below, with a cursor)
        let mut starts: Vec<(usize, usize)> = spans.iter().map(|s| (s.a, s.b - s.a)).collect();
        starts.sort_by_key(|&(a, _)| a);
        let mut cursor = 0;
        let mut lengths: Vec<usize> = spans.iter().map(|s| s.b - s.a).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        // the words that open a known full name
        for k in index.keys() {
            if let Some(&first) = k.first() {
                mark(marks, first, OPENER);
            }
        }
        // most capitalised words are no surname: a sieve spares them the
        // lookup of their genitive's base (`Eggesteins`)
        let mut surname_sieve = Sieve::of(by_surname.words().map(|id| self.vocab.word(id)));
        // person -> the token of its last mention, plus one (0: none yet)
        let mut last_of: Vec<usize> = vec![0; persons.len()];
        let mut mentions: Vec<Mention> = Vec::with_capacity(upper);
        let mut resume = 0;
        for &i in &self.heads {
            if i < resume {
                continue;
            }
            let pick = |cands: &[usize], last_of: &[usize]| -> usize {
                cands
                    .iter()
                    .copied()
                    .max_by_key(|&p| last_of.get(p).copied().unwrap_or(0))
                    .unwrap_or(0)
            };
            let full_here = {
                while starts.get(cursor).is_some_and(|&(a, _)| a < i) {
                    cursor += 1;
                }
                let mut here = None;
                while let Some(&(_, len)) = starts.get(cursor).filter(|&&(a, _)| a == i) {
                    here = Some(len).filter(|&k| k > 0);
                    cursor += 1;
                }
                here
            }
            .or_else(|| {
                // only a word that opens a known full name can
                if !self.flags(i).upper() || !marked(marks, self.id(i), OPENER) {
                    return None;
                }
                lengths
                    .iter()
                    .copied()
                    .find(|&k| self.chained(i, k) && index.contains_key(self.ids_of(i, i + k)))
            });
            if let Some(k) = full_here {
                if let Some(&p) = index.get(self.ids_of(i, i + k)) {
                    seen(&mut last_of, p, i);
                    mentions.push(self.mention(i, i + k, p));
                }
                resume = i + k;
                continue;
            }
            // particle + surname: `De Bruyne`
            if self.flags(i).particle()
                && self.adjacent(i)
                && let Some(c) = by_surname.get(self.id(i + 1))
            {
                let p = pick(c, &last_of);
                let with = [self.id(i), self.id(i + 1)];
                if person_ids
                    .get(p)
                    .is_some_and(|f| f.len() > with.len() && f.ends_with(&with))
                {
                    seen(&mut last_of, p, i);
                    mentions.push(self.mention(i, i + 2, p));
                    resume = i + 2;
                    continue;
                }
            }
            // initial + surname: `J. Eggestein`
            if self.flags(i).upper()
                && let Some(t) = self.toks.get(i)
                && t.end - t.start <= 4
                && self.text.as_bytes().get(t.end) == Some(&b'.')
                && self.word(i).chars().nth(1).is_none()
                && let Some(c) = by_surname.get(self.id(i + 1))
                && let Some(next) = self.toks.get(i + 1)
                && self
                    .text
                    .get(t.end + 1..next.start)
                    .is_some_and(|g| g.chars().all(|c| c == ' '))
            {
                let p = pick(c, &last_of);
                seen(&mut last_of, p, i);
                mentions.push(self.mention(i, i + 2, p));
                resume = i + 2;
                continue;
            }
            if self.flags(i).cap() {
                let id = self.id(i);
                // the word itself, or its genitive's base (a word of the
                // text, if a surname)
                let w = || self.word(i);
                let found = by_surname.get(id).or_else(|| {
                    // most words end otherwise: their last byte tells
                    let end = self.toks.get(i)?.end;
                    if self.text.as_bytes().get(end.checked_sub(1)?) != Some(&b's') {
                        return None;
                    }
                    w().strip_suffix('s')
                        .filter(|b| b.chars().count() >= 3 && surname_sieve.may_hold(b))
                        .and_then(|b| self.vocab.get(b))
                        .and_then(|b| by_surname.get(b))
                });
                if let Some(c) = found {
                    let p = pick(c, &last_of);
                    seen(&mut last_of, p, i);
                    mentions.push(self.mention(i, i + 1, p));
                } else if marked(marks, id, CONFIRMED) {
                    let alone = self.ids_of(i, i + 1);
                    let p = *index.entry(alone).or_insert_with(|| {
                        persons.push(w().to_string());
                        person_ids.push(alone);
                        persons.len() - 1
                    });
                    by_surname.add(id, p);
                    surname_sieve.insert(w());
                    seen(&mut last_of, p, i);
                    mentions.push(self.mention(i, i + 1, p));
                }
            }
        }
        // persons in order of first mention
        let mut remap: Vec<Option<usize>> = vec![None; persons.len()];
        let mut order: Vec<usize> = Vec::with_capacity(persons.len());
        for m in &mentions {
            if let Some(r) = remap.get_mut(m.person)
                && r.is_none()
            {
                *r = Some(order.len());
                order.push(m.person);
            }
        }
        let persons = order
            .iter()
            .map(|&o| persons.get_mut(o).map(std::mem::take).unwrap_or_default())
            .collect();
        for m in &mut mentions {
            m.person = remap.get(m.person).copied().flatten().unwrap_or(0);
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        People { persons, mentions }
    }
}

/// Records token `i` as the last mention of person `p` (as `i + 1`, so
/// that 0 means none).
fn seen(last_of: &mut Vec<usize>, p: usize, i: usize) {
    if last_of.len() <= p {
        last_of.resize(p + 1, 0);
    }
    if let Some(l) = last_of.get_mut(p) {
        *l = i + 1;
    }
}

/// The persons of each surname, by the surname's word number.
struct Surnames {
    /// Word number -> index into `lists`, `u32::MAX` for none.
    of: Vec<u32>,
    lists: Vec<(u32, Vec<usize>)>,
}

impl Surnames {
    fn new(words: usize) -> Self {
        Surnames {
            of: vec![u32::MAX; words],
            lists: Vec::new(),
        }
    }

    /// The persons with surname `id`, if any.
    fn get(&self, id: u32) -> Option<&[usize]> {
        let at = *self.of.get(id as usize)?;
        self.lists.get(at as usize).map(|(_, l)| l.as_slice())
    }

    /// Adds person `p` to the persons with surname `id`.
    fn add(&mut self, id: u32, p: usize) {
        let Some(at) = self.of.get_mut(id as usize) else {
            return;
        };
        if *at == u32::MAX {
            *at = self.lists.len() as u32;
            self.lists.push((id, Vec::new()));
        }
        if let Some((_, l)) = self.lists.get_mut(*at as usize) {
            l.push(p);
        }
    }

    /// The surnames (word numbers).
    fn words(&self) -> impl Iterator<Item = u32> + '_ {
        self.lists.iter().map(|(id, _)| *id)
    }
}
