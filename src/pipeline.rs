//! The whole run: read → normalise → segment → extract → link → write.
//!
//! Articles are processed in parallel (rayon) in chunks, and each chunk is
//! written in order before the next is read, so memory stays flat however
//! large the corpus and the output is byte-identical for any thread count.
//! A file that cannot be read, or whose processing fails, becomes a row in
//! `errors.csv`; the run goes on.

use crate::article::Article;
use crate::extract::{self, Extractor};
use crate::link;
use crate::read::{self, Source};
use crate::write::{self, ArticleOutput, CharRow, Output};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// What to run on.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    pub write: write::Options,
}

/// What a run did, for the summary line.
#[derive(Debug, Clone)]
pub struct Summary {
    pub counts: write::Counts,
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    /// One paragraph for people.
    pub fn describe(&self, out: &std::path::Path) -> String {
        let rows: Vec<String> = self
            .counts
            .tables
            .iter()
            .map(|(t, n)| format!("{n} {t}"))
            .collect();
        let mb = self.bytes as f64 / 1e6;
        let rate = if self.seconds > 0.0 {
            mb / self.seconds
        } else {
            0.0
        };
        format!(
            "anpfiff: read {} articles ({:.2} MB) into {}: {}; {} files in errors.csv; {:.2} s, {:.1} MB/s.",
            self.counts.articles,
            mb,
            out.display(),
            rows.join(", "),
            self.counts.errors,
            self.seconds,
            rate
        )
    }
}

/// Why a run could not produce output at all.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot write to output folder {path}: {source}")]
    Output {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// Articles processed in parallel before their rows are written.
const CHUNK: usize = 256;

/// Runs the whole pipeline.
pub fn run(config: &Config) -> Result<Summary, RunError> {
    let started = Instant::now();
    let out_err = |source| RunError::Output {
        path: config.out.display().to_string(),
        source,
    };
    let extractors = extract::all();
    let specs: Vec<_> = extractors.iter().map(|e| e.spec()).collect();
    let mut output = Output::create(&config.out, &specs, config.write.clone()).map_err(out_err)?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.unwrap_or(0))
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;

    let walk = read::walk(&config.inputs);
    for f in &walk.failures {
        output.error(&f.path, &f.error).map_err(out_err)?;
    }
    let mut bytes = 0u64;
    for chunk in walk.sources.chunks(CHUNK) {
        let results: Vec<Processed> =
            pool.install(|| chunk.par_iter().map(|s| process(s, &extractors)).collect());
        for r in results {
            match r {
                Processed::Article(a, n) => {
                    bytes += n;
                    output.article(&a).map_err(out_err)?;
                }
                Processed::Failed(path, error) => output.error(&path, &error).map_err(out_err)?,
            }
        }
    }
    let counts = output.finish().map_err(out_err)?;
    Ok(Summary {
        counts,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

enum Processed {
    Article(Box<ArticleOutput>, u64),
    Failed(String, String),
}

fn process(source: &Source, extractors: &[Box<dyn Extractor>]) -> Processed {
    let path = source.path.to_string_lossy().into_owned();
    let bytes = match std::fs::read(&source.path) {
        Ok(b) => b,
        Err(e) => return Processed::Failed(path, format!("cannot read file: {e}")),
    };
    let (decoded, encoding) = match read::decode(&bytes) {
        Ok(d) => d,
        Err(e) => return Processed::Failed(path, e.to_string()),
    };
    let n = bytes.len() as u64;
    drop(bytes);
    let id = source.article_id.clone();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let article = Article::new(id, path.clone(), encoding, &decoded);
        analyse(&article, extractors)
    }));
    match result {
        Ok(out) => Processed::Article(Box::new(out), n),
        Err(_) => Processed::Failed(
            path,
            "internal error while extracting (please report this file)".into(),
        ),
    }
}

/// Extracts, links and converts one article's rows for writing.
pub fn analyse(article: &Article, extractors: &[Box<dyn Extractor>]) -> ArticleOutput {
    let extraction = extract::run(extractors, article);
    let matches = link::matches::link(&extraction);
    let chars = article.char_index();
    let tables = extraction
        .tables
        .iter()
        .map(|(_, rows)| {
            rows.iter()
                .map(|r| CharRow::from_row(r, &article.text, &chars, article.sentence_of(r.start)))
                .collect()
        })
        .collect();
    let published = article
        .header
        .published
        .or_else(|| extract::dates::dateline(article))
        .map(|d| d.iso())
        .unwrap_or_default();
    ArticleOutput {
        id: article.id.clone(),
        path: article.path.clone(),
        published,
        title: article.header.title.clone().unwrap_or_default(),
        encoding: article.encoding.name(),
        chars: chars.char_at(article.text.len()),
        sentences: article.sentences.len(),
        tables,
        matches,
    }
}
