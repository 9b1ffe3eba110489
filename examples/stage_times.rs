//! Times each stage over files or folders, single-threaded, and prints the
//! total time and throughput per stage:
//!
//! ```sh
//! cargo run --release --example stage_times corpus/
//! ```
//!
//! Use it to see where the time goes before changing anything (issue 6).

use anpfiff::article::Article;
use anpfiff::extract::{self, Context};
use anpfiff::read::{self, Encoding, decode_owned};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        eprintln!("usage: stage_times FILE_OR_FOLDER...");
        return;
    }
    let extractors = extract::all();
    // People are found lazily by the first step that needs them, and their
    // time counts there, as in a real run. ANPFIFF_PEOPLE_FIRST=1 builds
    // them as a stage of their own, for every article (which overstates
    // what a real run pays).
    let people_first = std::env::var_os("ANPFIFF_PEOPLE_FIRST").is_some();
    // the quotations, their speakers and the ages are found once and shared
    // by the quotes and ages tables: one stage, before the extractors
    let mut names = vec![
        "read+decode",
        "normalise",
        "header+segment",
        "people (forced)",
    ];
    names.push("quotes+ages (shared)");
    names.extend(extractors.iter().map(|e| e.spec().name));
    const FIRST_EXTRACTOR: usize = 5;
    let mut times = vec![Duration::ZERO; names.len()];
    let mut rows = vec![0usize; names.len()];
    let mut bytes = 0usize;
    let walk = read::walk(&inputs);
    for source in &walk.sources {
        let t = Instant::now();
        // as the pipeline does: the read buffer becomes the text, and the
        // text is normalised in place when it can be
        let raw = std::fs::read(&source.path).unwrap_or_default();
        bytes += raw.len();
        let (text, enc) = decode_owned(raw).unwrap_or((String::new(), Encoding::Utf8));
        times[0] += t.elapsed();
        let t = Instant::now();
        let normal = anpfiff::normalise::normalise_owned(text);
        let n = t.elapsed();
        times[1] += n;
        let t = Instant::now();
        let id = source.article_id.clone();
        let article = Article::new(id.clone(), id, enc, normal);
        // Article::new normalises again, which costs about what the line
        // above took
        times[2] += t.elapsed().saturating_sub(n);
        let ctx = Context::new(&article);
        if people_first {
            let t = Instant::now();
            rows[3] += ctx.people().mentions().len();
            times[3] += t.elapsed();
        }
        let t = Instant::now();
        rows[4] += ctx.speech().found.len();
        times[4] += t.elapsed();
        for (i, e) in extractors.iter().enumerate() {
            let t = Instant::now();
            rows[FIRST_EXTRACTOR + i] += e.extract(&ctx).len();
            times[FIRST_EXTRACTOR + i] += t.elapsed();
        }
    }
    let mb = bytes as f64 / 1e6;
    let total: Duration = times.iter().sum();
    println!("{} articles, {mb:.2} MB", walk.sources.len());
    for (i, name) in names.iter().enumerate() {
        if i == 3 && !people_first {
            continue;
        }
        let s = times[i].as_secs_f64();
        println!(
            "{name:<22} {s:>8.3} s {:>9.1} MB/s {:>5.1}% {:>8} rows",
            mb / s.max(1e-9),
            100.0 * s / total.as_secs_f64().max(1e-9),
            rows[i]
        );
    }
    println!(
        "{:<22} {:>8.3} s {:>9.1} MB/s",
        "total",
        total.as_secs_f64(),
        mb / total.as_secs_f64().max(1e-9)
    );
}
