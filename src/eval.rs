//! Scoring a run against gold annotations (SPEC "Scoring").
//!
//! This is the same measurement as `eval/score.py`, built in so that users
//! who annotate their own articles can score the program without Python:
//! gold rows carry `article_id`, `text`, optional `occurrence` and key
//! columns; a predicted row matches a gold row of the same article when
//! their spans overlap (maximum one-to-one matching), at three levels:
//! `detect` (overlap), `value` (and the values agree) and `full` (and the
//! person agrees).

use crate::normalise::normalise;
use crate::read;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

mod difflib;

/// The tables scored, in order.
pub const TABLES: &[&str] = &["dates", "scores", "goals", "ages", "quotes"];

const QUOTE_MARKS: &[char] = &['„', '“', '”', '"', '»', '«', '‚', '‘', '’', '\''];

type Record = HashMap<String, String>;

/// Whether a predicted and a gold row agree at some level.
type Check<'a> = dyn Fn(&Record, &Record) -> bool + 'a;

/// A row with its resolved character span.
struct Spanned {
    span: (usize, usize),
    row: Record,
}

/// Precision, recall and F1 at one level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

/// The result for one table.
#[derive(Debug, Clone)]
pub struct TableScore {
    pub table: String,
    pub gold: usize,
    pub pred: usize,
    pub detect: Prf,
    pub value: Prf,
    pub full: Prf,
    /// Share of value-level matches whose `kind` agrees (tables with kinds).
    pub kind_accuracy: Option<f64>,
    /// Differences at the full level: (what, article, description).
    pub misses: Vec<(String, String, String)>,
}

/// A whole evaluation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub articles: usize,
    pub tables: Vec<TableScore>,
    pub problems: Vec<String>,
}

impl Report {
    /// The table `score.py` prints, with up to `show` misses per table first.
    pub fn render(&self, show: usize) -> String {
        let mut s = String::new();
        if show > 0 {
            for t in &self.tables {
                let _ = writeln!(
                    s,
                    "--- {}: first {} of {} differences at the full level",
                    t.table,
                    show,
                    t.misses.len()
                );
                for (what, aid, desc) in t.misses.iter().take(show) {
                    let _ = writeln!(s, "  {what:14} {aid}: {desc}");
                }
            }
        }
        let _ = writeln!(
            s,
            "{:8} {:>5} {:>5} | {:>9} {:>9} {:>8} | {:>6} {:>6} (full) | kind acc",
            "table", "gold", "pred", "detect F1", "value F1", "full F1", "P", "R"
        );
        for t in &self.tables {
            let kind = t
                .kind_accuracy
                .map(|k| format!("{k:.3}"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "{:8} {:5} {:5} | {:9.3} {:9.3} {:8.3} | {:6.3} {:6.3}        | {}",
                t.table,
                t.gold,
                t.pred,
                t.detect.f1,
                t.value.f1,
                t.full.f1,
                t.full.p,
                t.full.r,
                kind
            );
        }
        for p in &self.problems {
            let _ = writeln!(s, "problem: {p}");
        }
        s
    }

    /// The score of one table, if it was scored.
    pub fn table(&self, name: &str) -> Option<&TableScore> {
        self.tables.iter().find(|t| t.table == name)
    }
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("no texts under {0}/texts")]
    NoTexts(String),
    #[error("cannot read {path}: {message}")]
    Csv { path: String, message: String },
}

/// Scores the tables of `pred_dir` against the gold CSVs in `gold_dir`
/// (which holds the articles under `texts/`).
pub fn score(
    gold_dir: &Path,
    pred_dir: &Path,
    tables: &[&str],
    show: usize,
) -> Result<Report, EvalError> {
    let texts = load_texts(&gold_dir.join("texts"));
    if texts.is_empty() {
        return Err(EvalError::NoTexts(gold_dir.display().to_string()));
    }
    let mut report = Report {
        articles: texts.len(),
        ..Report::default()
    };
    for table in tables {
        let gold_path = gold_dir.join(format!("{table}.csv"));
        if !gold_path.exists() {
            continue;
        }
        let pred_path = pred_dir.join(format!("{table}.csv"));
        let pred_rows = if pred_path.exists() {
            read_csv(&pred_path)?
        } else {
            report
                .problems
                .push(format!("{table}.csv missing from {}", pred_dir.display()));
            Vec::new()
        };
        let gold = resolve_gold(read_csv(&gold_path)?, &texts, &mut report.problems);
        let pred = resolve_pred(pred_rows, &texts, &mut report.problems);
        report
            .tables
            .push(score_table(table, &gold, &pred, show > 0));
    }
    Ok(report)
}

/// Every article under `root`, by id, decoded and normalised as the
/// program does it.
fn load_texts(root: &Path) -> BTreeMap<String, Vec<char>> {
    let mut texts = BTreeMap::new();
    let walk = read::walk_all(root);
    for source in walk {
        let Ok(bytes) = fs::read(&source.path) else {
            continue;
        };
        let decoded = read::decode(&bytes).map(|(t, _)| t).unwrap_or_default();
        texts.insert(source.article_id, normalise(&decoded).chars().collect());
    }
    texts
}

fn read_csv(path: &Path) -> Result<Vec<Record>, EvalError> {
    let err = |message: String| EvalError::Csv {
        path: path.display().to_string(),
        message,
    };
    let raw = fs::read(path).map_err(|e| err(e.to_string()))?;
    let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&raw);
    let first = raw.split(|b| *b == b'\n').next().unwrap_or(b"");
    let semis = first.iter().filter(|b| **b == b';').count();
    let commas = first.iter().filter(|b| **b == b',').count();
    let delimiter = if semis > commas { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(raw);
    let headers = reader.headers().map_err(|e| err(e.to_string()))?.clone();
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| err(e.to_string()))?;
        let row = headers
            .iter()
            .zip(rec.iter())
            .map(|(h, v)| (h.to_string(), v.to_string()))
            .collect();
        rows.push(row);
    }
    Ok(rows)
}

fn field<'a>(row: &'a Record, key: &str) -> &'a str {
    row.get(key).map_or("", String::as_str)
}

/// Python's `int(float(value))` with empty as 0; `None` when not a number.
fn as_int(value: &str) -> Option<i64> {
    let v = value.trim();
    if v.is_empty() {
        return Some(0);
    }
    v.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(|f| f.trunc() as i64)
}

fn find_from(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay.get(i..i + needle.len()) == Some(needle))
}

fn resolve_gold(
    rows: Vec<Record>,
    texts: &BTreeMap<String, Vec<char>>,
    problems: &mut Vec<String>,
) -> BTreeMap<String, Vec<Spanned>> {
    let mut out: BTreeMap<String, Vec<Spanned>> = BTreeMap::new();
    for row in rows {
        let aid = field(&row, "article_id").to_string();
        let Some(text) = texts.get(&aid) else {
            problems.push(format!("gold names unknown article '{aid}'"));
            continue;
        };
        let needle: Vec<char> = normalise(field(&row, "text")).chars().collect();
        let nth = as_int(field(&row, "occurrence"))
            .filter(|n| *n > 0)
            .unwrap_or(1);
        let mut pos: Option<usize> = None;
        for _ in 0..nth {
            let from = pos.map_or(0, |p| p + 1);
            pos = find_from(text, &needle, from);
            if pos.is_none() {
                break;
            }
        }
        match pos {
            Some(p) => out.entry(aid).or_default().push(Spanned {
                span: (p, p + needle.len()),
                row,
            }),
            None => {
                let short: String = field(&row, "text").chars().take(60).collect();
                problems.push(format!(
                    "gold text not found in {aid}: '{short}' (occurrence {nth})"
                ));
            }
        }
    }
    out
}

/// Drops the apostrophe a formula guard put before `=`, `+`, `-`, `@`, TAB, CR.
fn unguard(value: &str) -> String {
    let mut chars = value.chars();
    if chars.next() == Some('\'')
        && matches!(chars.next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
    {
        value[1..].to_string()
    } else {
        value.to_string()
    }
}

fn resolve_pred(
    rows: Vec<Record>,
    texts: &BTreeMap<String, Vec<char>>,
    problems: &mut Vec<String>,
) -> BTreeMap<String, Vec<Spanned>> {
    let mut out: BTreeMap<String, Vec<Spanned>> = BTreeMap::new();
    let mut bad = 0;
    for row in rows {
        let row: Record = row.into_iter().map(|(k, v)| (k, unguard(&v))).collect();
        let aid = field(&row, "article_id").to_string();
        let Some(text) = texts.get(&aid) else {
            continue;
        };
        let (Some(start), Some(end)) = (as_int(field(&row, "start")), as_int(field(&row, "end")))
        else {
            bad += 1;
            continue;
        };
        if !(0 <= start && start < end && end as usize <= text.len()) {
            bad += 1;
            continue;
        }
        let (start, end) = (start as usize, end as usize);
        let span_text: String = text.get(start..end).unwrap_or_default().iter().collect();
        if span_text != normalise(field(&row, "text")) {
            bad += 1;
        }
        out.entry(aid).or_default().push(Spanned {
            span: (start, end),
            row,
        });
    }
    if bad > 0 {
        problems.push(format!(
            "{bad} predicted rows whose text is not text[start:end]"
        ));
    }
    out
}

fn fold(name: &str) -> String {
    normalise(name)
        .to_lowercase()
        .replace('ß', "ss")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn person_match(pred: &str, gold: &str) -> bool {
    let p = fold(pred);
    gold.split('|').any(|g| fold(g) == p)
}

fn inner_quote(text: &str) -> &str {
    text.trim().trim_matches(QUOTE_MARKS).trim()
}

fn value_ok(table: &str, p: &Record, g: &Record) -> bool {
    let ints = |cols: &[&str]| {
        cols.iter()
            .all(|c| as_int(field(p, c)) == as_int(field(g, c)))
    };
    match table {
        "dates" => field(p, "value").trim() == field(g, "value").trim(),
        "scores" => ints(&["left", "right"]),
        "goals" => ints(&["minute", "added"]),
        "ages" => ints(&["age"]),
        "quotes" => {
            let pq = match field(p, "quote") {
                "" => inner_quote(field(p, "text")),
                q => q,
            };
            let gq = match field(g, "quote") {
                "" => inner_quote(field(g, "text")),
                q => q,
            };
            difflib::similar(pq, gq) >= 0.9
        }
        _ => true,
    }
}

fn person_column(table: &str) -> Option<&'static str> {
    match table {
        "goals" => Some("player"),
        "ages" => Some("person"),
        "quotes" => Some("speaker"),
        _ => None,
    }
}

fn full_ok(table: &str, p: &Record, g: &Record) -> bool {
    if !value_ok(table, p, g) {
        return false;
    }
    let Some(col) = person_column(table) else {
        return true;
    };
    let gold = field(g, col).trim();
    let pred = field(p, col).trim();
    if gold.is_empty() {
        return pred.is_empty();
    }
    person_match(pred, gold)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.1.min(b.1) > a.0.max(b.0)
}

/// Maximum one-to-one matching of overlapping pairs that satisfy `ok`
/// (augmenting paths, in the same order as `score.py`).
fn match_rows(
    preds: &[Spanned],
    golds: &[Spanned],
    ok: &dyn Fn(&Record, &Record) -> bool,
) -> Vec<(usize, usize)> {
    let edges: Vec<Vec<usize>> = preds
        .iter()
        .map(|p| {
            golds
                .iter()
                .enumerate()
                .filter(|(_, g)| overlaps(p.span, g.span) && ok(&p.row, &g.row))
                .map(|(j, _)| j)
                .collect()
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; golds.len()];
    fn augment(
        i: usize,
        edges: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &j in edges.get(i).map_or(&[][..], Vec::as_slice) {
            match seen.get_mut(j) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            let free = match owner.get(j).copied().flatten() {
                None => true,
                Some(k) => augment(k, edges, owner, seen),
            };
            if free && let Some(o) = owner.get_mut(j) {
                *o = Some(i);
                return true;
            }
        }
        false
    }
    for i in 0..preds.len() {
        let mut seen = vec![false; golds.len()];
        augment(i, &edges, &mut owner, &mut seen);
    }
    owner
        .iter()
        .enumerate()
        .filter_map(|(j, o)| o.map(|i| (i, j)))
        .collect()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn prf(tp: usize, n_pred: usize, n_gold: usize) -> Prf {
    let p = if n_pred > 0 {
        tp as f64 / n_pred as f64
    } else if n_gold == 0 {
        1.0
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        tp as f64 / n_gold as f64
    } else {
        1.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        p: round4(p),
        r: round4(r),
        f1: round4(f1),
    }
}

fn describe(row: &Record) -> String {
    let mut keys: Vec<&String> = row
        .keys()
        .filter(|k| !matches!(k.as_str(), "article_id" | "sentence") && !row[*k].is_empty())
        .collect();
    keys.sort();
    keys.iter()
        .map(|k| format!("{k}={:?}", row[*k]))
        .collect::<Vec<_>>()
        .join(", ")
}

fn score_table(
    table: &str,
    gold: &BTreeMap<String, Vec<Spanned>>,
    pred: &BTreeMap<String, Vec<Spanned>>,
    collect_misses: bool,
) -> TableScore {
    let n_gold: usize = gold.values().map(Vec::len).sum();
    let n_pred: usize = pred.values().map(Vec::len).sum();
    let ids: BTreeSet<&String> = gold.keys().chain(pred.keys()).collect();
    let empty = Vec::new();
    let mut results = [prf(0, 0, 0); 3];
    let mut kind_accuracy = None;
    let mut misses = Vec::new();
    let detect = |_: &Record, _: &Record| true;
    let value = |p: &Record, g: &Record| value_ok(table, p, g);
    let full = |p: &Record, g: &Record| full_ok(table, p, g);
    let levels: [&Check<'_>; 3] = [&detect, &value, &full];
    for (level, ok) in levels.iter().enumerate() {
        let mut tp = 0;
        let (mut kind_right, mut kind_total) = (0, 0);
        for aid in &ids {
            let ps = pred.get(*aid).unwrap_or(&empty);
            let gs = gold.get(*aid).unwrap_or(&empty);
            let pairs = match_rows(ps, gs, *ok);
            tp += pairs.len();
            if level == 1 && table != "quotes" {
                for (p, g) in pairs
                    .iter()
                    .filter_map(|(i, j)| Some((ps.get(*i)?, gs.get(*j)?)))
                {
                    kind_total += 1;
                    kind_right +=
                        usize::from(field(&p.row, "kind").trim() == field(&g.row, "kind").trim());
                }
            }
            if level == 2 && collect_misses {
                let got_p: BTreeSet<usize> = pairs.iter().map(|(i, _)| *i).collect();
                let got_g: BTreeSet<usize> = pairs.iter().map(|(_, j)| *j).collect();
                for (_, g) in gs.iter().enumerate().filter(|(j, _)| !got_g.contains(j)) {
                    misses.push(("missed/wrong".into(), (*aid).clone(), describe(&g.row)));
                }
                for (_, p) in ps.iter().enumerate().filter(|(i, _)| !got_p.contains(i)) {
                    misses.push(("spurious/wrong".into(), (*aid).clone(), describe(&p.row)));
                }
            }
        }
        if let Some(r) = results.get_mut(level) {
            *r = prf(tp, n_pred, n_gold);
        }
        if level == 1 && table != "quotes" {
            kind_accuracy = (kind_total > 0).then(|| round4(kind_right as f64 / kind_total as f64));
        }
    }
    TableScore {
        table: table.to_string(),
        gold: n_gold,
        pred: n_pred,
        detect: results[0],
        value: results[1],
        full: results[2],
        kind_accuracy,
        misses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(pairs: &[(&str, &str)]) -> Record {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn ints_like_python() {
        assert_eq!(as_int(""), Some(0));
        assert_eq!(as_int(" 7 "), Some(7));
        assert_eq!(as_int("2.9"), Some(2));
        assert_eq!(as_int("x"), None);
    }

    #[test]
    fn names_fold_case_and_alternatives() {
        assert!(person_match("ali  ALIEV", "Ali Aliev"));
        assert!(person_match(
            "Aloscha Shpilevski",
            "Aliaksei Shpilevski|Aloscha Shpilevski"
        ));
        assert!(person_match("Strauss", "Strauß"));
        assert!(!person_match("Aliev", "Ali Aliev"));
    }

    #[test]
    fn unguard_only_formula_starts() {
        assert_eq!(unguard("'=1"), "=1");
        assert_eq!(unguard("'Hallo"), "'Hallo");
    }

    #[test]
    fn matching_is_one_to_one_and_maximal() {
        let s = |a, b| Spanned {
            span: (a, b),
            row: Record::new(),
        };
        // pred 0 overlaps both golds, pred 1 only gold 0: both must match
        let preds = [s(0, 10), s(0, 3)];
        let golds = [s(0, 3), s(5, 8)];
        assert_eq!(match_rows(&preds, &golds, &|_, _| true).len(), 2);
    }

    #[test]
    fn prf_edge_cases() {
        assert_eq!(prf(0, 0, 0).f1, 1.0);
        assert_eq!(prf(0, 0, 3).f1, 0.0);
        assert_eq!(
            prf(1, 2, 1),
            Prf {
                p: 0.5,
                r: 1.0,
                f1: 0.6667
            }
        );
    }

    #[test]
    fn quote_values_compare_inner_text() {
        let p = rec(&[("text", "„Wir sind da“"), ("quote", "")]);
        let g = rec(&[("text", "\"Wir sind da\""), ("quote", "")]);
        assert!(value_ok("quotes", &p, &g));
    }
}
