//! `--shard K/N`: split one corpus over N machines without coordination.
//!
//! Every article belongs to exactly one shard, decided by a hash of its
//! `article_id` alone (FNV-1a, 64 bit — written out here because it must
//! give the same answer on every machine, platform and Rust version, which
//! std's `DefaultHasher` does not promise). Shard `K` of `N` keeps the
//! articles whose hash modulo `N` is `K - 1`: shards are numbered from 1,
//! like GNU `split -n K/N`. Files that fail are assigned by their path the
//! same way, so each one lands in exactly one shard's `errors` table, and
//! the union of all shards' rows is exactly one full run's rows.

use std::fmt;
use std::str::FromStr;

/// Shard `k` of `n` (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    k: u64,
    n: u64,
}

impl Shard {
    /// Shard `k` of `n`, when `1 <= k <= n`.
    pub fn new(k: u64, n: u64) -> Option<Shard> {
        (k >= 1 && k <= n).then_some(Shard { k, n })
    }

    /// Does this shard take the article (or failed path) with this key?
    ///
    /// ```
    /// use anpfiff::shard::Shard;
    /// let shards: Vec<Shard> = (1..=3).map(|k| Shard::new(k, 3).unwrap()).collect();
    /// let owners = shards.iter().filter(|s| s.contains("fussball/derby.txt")).count();
    /// assert_eq!(owners, 1);
    /// ```
    pub fn contains(&self, key: &str) -> bool {
        fnv1a64(key.as_bytes()) % self.n == self.k - 1
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// Parses `K/N`, with a message that says how to write it.
    fn from_str(s: &str) -> Result<Shard, String> {
        let usage = "write K/N with 1 <= K <= N, e.g. --shard 2/8 for the second of 8 shards";
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("{s:?} is not K/N; {usage}"))?;
        let number = |x: &str| x.trim().parse::<u64>().ok();
        let (Some(k), Some(n)) = (number(k), number(n)) else {
            return Err(format!("{s:?} is not K/N with whole numbers; {usage}"));
        };
        if n == 0 {
            return Err(format!("there must be at least one shard; {usage}"));
        }
        Shard::new(k, n).ok_or_else(|| {
            format!("shard {k} of {n} does not exist: shards are numbered from 1 to {n} (1/{n} … {n}/{n})")
        })
    }
}

/// FNV-1a, 64 bit.
///
/// ```
/// use anpfiff::shard::fnv1a64;
/// assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
/// assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
/// ```
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_validates() {
        assert_eq!("2/8".parse::<Shard>(), Ok(Shard { k: 2, n: 8 }));
        assert_eq!(
            "1/1".parse::<Shard>().map(|s| s.to_string()),
            Ok("1/1".into())
        );
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert!(
            "0/3"
                .parse::<Shard>()
                .unwrap_err()
                .contains("numbered from 1")
        );
    }

    #[test]
    fn known_fnv_values() {
        // reference values of FNV-1a 64 (Fowler, Noll, Vo)
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_key_in_exactly_one_shard_and_spread_evenly() {
        let shards: Vec<Shard> = (1..=4).map(|k| Shard::new(k, 4).unwrap()).collect();
        let mut sizes = [0usize; 4];
        for i in 0..4000 {
            let key = format!("ordner/artikel-{i}.txt");
            let owners: Vec<usize> = (0..4).filter(|&j| shards[j].contains(&key)).collect();
            assert_eq!(owners.len(), 1, "{key}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| (800..1200).contains(&n)), "{sizes:?}");
    }
}
