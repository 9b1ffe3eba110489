//! The whole run: read → normalise → segment → extract → link → write.
//!
//! Articles are processed in parallel (rayon) in chunks, and each chunk is
//! written in order before the next is read, so memory stays flat however
//! large the corpus and the output is byte-identical for any thread count.
//! Standard input is read the same way, one chunk of lines at a time, which
//! makes the program a streaming line filter. A file or line that cannot be
//! read, or whose processing fails, becomes a row in the `errors` table; the
//! run goes on. The output format is [`write::Output`]'s business.

mod process;

pub use process::analyse;

use crate::extract::{self, Extractor};
use crate::progress::Progress;
use crate::read;
use crate::shard::Shard;
use crate::write::{self, Destination, Output};
use process::{Job, Processed, process_file, process_line};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

/// Where the articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Folders (walked recursively) and single files.
    Paths(Vec<PathBuf>),
    /// JSON Lines on standard input, one article per line.
    Stdin,
}

/// What to run on.
#[derive(Debug, Clone)]
pub struct Config {
    pub input: Input,
    pub output: Destination,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    pub write: write::Options,
    /// Run only these tables' extractors (`--only`); `None` runs all.
    pub only: Option<Vec<String>>,
    /// Process only this shard's articles.
    pub shard: Option<Shard>,
    /// Draw a progress bar on standard error.
    pub progress: bool,
}

/// What a run did, for the summary line.
#[derive(Debug, Clone)]
pub struct Summary {
    pub counts: write::Counts,
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    /// One paragraph for people; `target` is where the tables went,
    /// `errors` the name of the errors table there (`errors.csv`).
    pub fn describe(&self, target: &str, errors: &str) -> String {
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
            "anpfiff: read {} articles ({:.2} MB) into {}: {}; {} files in {}; {:.2} s, {:.1} MB/s.",
            self.counts.articles,
            mb,
            target,
            rows.join(", "),
            self.counts.errors,
            errors,
            self.seconds,
            rate
        )
    }
}

/// Why a run could not produce output at all.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot write to output folder {path}: {source}; choose another folder with -o")]
    Output {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write to standard output: {0}")]
    Stdout(std::io::Error),
    #[error("cannot read standard input: {0}")]
    Stdin(std::io::Error),
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    /// The configuration asks for something impossible (exit status 2).
    #[error("{0}")]
    Usage(String),
}

/// Files processed together, their rows written once the whole chunk is
/// done (in the order of the walk). When the chunks were handed out one at
/// a time, each ended with the workers waiting for its slowest article, so
/// 1024 instead of 256 was about 10% faster with two workers, for 5 MB
/// more memory; with [`IN_FLIGHT`] chunks the workers no longer wait.
const CHUNK: usize = 1024;

/// Lines of standard input processed together: smaller, so that a stream
/// filter passes rows on soon.
const LINE_CHUNK: usize = 256;

/// The most articles a worker takes as one piece of a chunk. Rayon splits
/// a slice only while it thinks the threads need work, and a piece it did
/// not split is worked through by one thread and cannot be stolen: with
/// its own splitting, one worker often finished a chunk of 1024 articles
/// with a run of a hundred or more still ahead of it while the other
/// waited (2 to 11 ms per chunk, 3.5% of the CPU time with two workers).
/// Pieces of eight leave a tail of a few articles, and handing them out
/// costs next to nothing (pieces of one cost a little more CPU time).
const PIECE: usize = 8;

/// Chunks handed to the pool at a time ([`run`]).
const IN_FLIGHT: usize = 2;

/// The tables `--only` accepts; `matches` brings in scores and goals.
pub fn table_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = extract::all().iter().map(|e| e.spec().name).collect();
    names.push("matches");
    names
}

/// The extractors a run uses: all of them, or the ones named (in their
/// usual order). `matches` stands for scores and goals, the tables it links.
///
/// ```
/// use anpfiff::pipeline::extractors;
/// let names = |only: &[&str]| -> Vec<&str> {
///     let only: Vec<String> = only.iter().map(|s| s.to_string()).collect();
///     extractors(Some(&only)).unwrap().iter().map(|e| e.spec().name).collect()
/// };
/// assert_eq!(names(&["goals", "dates"]), ["dates", "goals"]);
/// assert_eq!(names(&["matches"]), ["scores", "goals"]);
/// assert!(extractors(Some(&["tore".to_string()])).is_err());
/// ```
pub fn extractors(only: Option<&[String]>) -> Result<Vec<Box<dyn Extractor>>, String> {
    let all = extract::all();
    let Some(only) = only else {
        return Ok(all);
    };
    let mut wanted: Vec<&str> = Vec::new();
    for name in only.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "matches" => wanted.extend(["scores", "goals"]),
            n => match all.iter().find(|e| e.spec().name == n) {
                Some(e) => wanted.push(e.spec().name),
                None => {
                    return Err(format!(
                        "unknown table {name:?} in --only; choose from {}",
                        table_names().join(", ")
                    ));
                }
            },
        }
    }
    if wanted.is_empty() {
        return Err(format!(
            "--only needs at least one table, e.g. --only dates,goals (tables: {})",
            table_names().join(", ")
        ));
    }
    Ok(all
        .into_iter()
        .filter(|e| wanted.contains(&e.spec().name))
        .collect())
}

/// Runs the whole pipeline.
pub fn run(config: &Config) -> Result<Summary, RunError> {
    let started = Instant::now();
    let extractors = extractors(config.only.as_deref()).map_err(RunError::Usage)?;
    let specs: Vec<_> = extractors.iter().map(|e| e.spec()).collect();
    let out_err = |source: std::io::Error| output_error(&config.output, source);
    let mut output =
        Output::open(&config.output, &specs, config.write.clone()).map_err(|e| {
            match e
                .get_ref()
                .and_then(|i| i.downcast_ref::<write::Unsupported>())
            {
                Some(u) => RunError::Usage(u.to_string()),
                None => out_err(e),
            }
        })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.unwrap_or(0))
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    let job = Job {
        extractors: &extractors,
        shard: config.shard,
        keep_text: config.write.keep_text,
        matches: output.layout().matches().is_some(),
        encoder: output.encoder(),
    };
    let mut bytes = 0u64;
    let mut emit = |output: &mut Output, r: &Processed| -> Result<(), RunError> {
        match r {
            Processed::Article(a, n) => {
                bytes += n;
                output.article(a).map_err(out_err)
            }
            Processed::Encoded(e, n) => {
                bytes += n;
                output.encoded(e).map_err(out_err)
            }
            Processed::Failed(path, error) => output.error(path, error).map_err(out_err),
            Processed::Skipped => Ok(()),
        }
    };
    match &config.input {
        Input::Paths(paths) => {
            // the walk streams the articles in order: memory holds a chunk,
            // never the list of every file
            let found = || {
                read::Walker::new(paths, read::has_article_extension).filter(|f| job.wants(f.key()))
            };
            let mut progress = if config.progress {
                // a bar needs the totals first: one more walk, counting
                let (files, bytes) = found()
                    .filter_map(|f| match f {
                        read::Found::Source(s) => Some(s.bytes()),
                        read::Found::Failure(_) => None,
                    })
                    .fold((0u64, 0u64), |(n, b), size| (n + 1, b + size));
                Progress::files(true, files, bytes)
            } else {
                Progress::hidden()
            };
            let mut walk = found();
            // two chunks are handed to the pool at a time: when the workers
            // run out of one, they go on with the next at once instead of
            // waiting for this thread to hand it over, and this thread
            // writes each chunk's rows as soon as it is done
            let (job, pool) = (&job, &pool);
            pool.in_place_scope(|scope| -> Result<(), RunError> {
                let mut in_flight = VecDeque::with_capacity(IN_FLIGHT);
                // the next chunks of the walk, handed to the pool until
                // `IN_FLIGHT` are there
                let mut refill = |in_flight: &mut VecDeque<_>| {
                    while in_flight.len() < IN_FLIGHT
                        && let Some(chunk) = next_chunk(&mut walk)
                    {
                        let (done, results) = std::sync::mpsc::sync_channel(1);
                        scope.spawn(move |_| {
                            let made: Vec<Made> = chunk
                                .par_iter()
                                .with_max_len(PIECE)
                                .map(|f| {
                                    Made::here(match f {
                                        read::Found::Source(s) => process_file(s, job),
                                        read::Found::Failure(f) => {
                                            Processed::Failed(f.path.clone(), f.error.clone())
                                        }
                                    })
                                })
                                .collect();
                            // the receiver is gone only when writing failed
                            let _ = done.send((made, chunk));
                        });
                        in_flight.push_back(results);
                    }
                };
                refill(&mut in_flight);
                while let Some(results) = in_flight.pop_front() {
                    let (results, chunk) = results
                        .recv()
                        .map_err(|_| RunError::Threads("a worker thread failed".into()))?;
                    // the workers go on while this chunk is written
                    refill(&mut in_flight);
                    for (r, f) in results.iter().zip(&chunk) {
                        emit(&mut output, &r.processed)?;
                        if let read::Found::Source(s) = f {
                            progress.advance(match r.processed {
                                Processed::Article(_, n) | Processed::Encoded(_, n) => n,
                                _ => s.bytes(),
                            });
                        }
                    }
                    output.flush().map_err(out_err)?;
                    free_where_made(pool, results);
                }
                Ok(())
            })?;
            progress.finish();
        }
        Input::Stdin => {
            let mut stdin = std::io::stdin().lock();
            let mut progress = Progress::stream(config.progress);
            let mut line_no = 0usize;
            loop {
                let mut lines = Vec::with_capacity(LINE_CHUNK);
                while lines.len() < LINE_CHUNK {
                    let mut buf = Vec::new();
                    if stdin.read_until(b'\n', &mut buf).map_err(RunError::Stdin)? == 0 {
                        break;
                    }
                    line_no += 1;
                    lines.push((line_no, buf));
                }
                if lines.is_empty() {
                    break;
                }
                let results: Vec<Made> = pool.install(|| {
                    lines
                        .par_iter()
                        .with_max_len(PIECE)
                        .map(|(n, l)| Made::here(process_line(*n, l, &job)))
                        .collect()
                });
                for (r, (_, l)) in results.iter().zip(&lines) {
                    let counted = !matches!(r.processed, Processed::Skipped);
                    emit(&mut output, &r.processed)?;
                    if counted {
                        progress.advance(l.len() as u64);
                    }
                }
                output.flush().map_err(out_err)?;
                free_where_made(&pool, results);
            }
            progress.finish();
        }
    }
    let counts = output.finish().map_err(out_err)?;
    Ok(Summary {
        counts,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// A processed file or line and the pool thread that made it.
struct Made {
    processed: Processed,
    by: Option<usize>,
}

impl Made {
    fn here(processed: Processed) -> Made {
        Made {
            processed,
            by: rayon::current_thread_index(),
        }
    }
}

/// Drops written results, each on the pool thread that allocated it.
///
/// glibc's allocator gives each thread its own arena, and freeing a block
/// locks the arena it came from. Freed on the main thread or on the other
/// worker, every free would wait for the arena's owner, which is busy
/// allocating in it: the threads blocked on each other about 2,000 times
/// per 200 MB, and the run took 5% more CPU time.
fn free_where_made(pool: &rayon::ThreadPool, results: Vec<Made>) {
    let mut parts: Vec<Vec<Processed>> = (0..pool.current_num_threads())
        .map(|_| Vec::new())
        .collect();
    for made in results {
        if let Some(part) = made.by.and_then(|t| parts.get_mut(t)) {
            part.push(made.processed);
        }
    }
    let parts: Vec<Mutex<Vec<Processed>>> = parts.into_iter().map(Mutex::new).collect();
    pool.spawn_broadcast(move |ctx| {
        if let Some(Ok(mut part)) = parts.get(ctx.index()).map(Mutex::lock) {
            drop(std::mem::take(&mut *part));
        }
    });
}

/// The next [`CHUNK`] items of the walk, if any are left.
fn next_chunk(walk: &mut impl Iterator<Item = read::Found>) -> Option<Vec<read::Found>> {
    let chunk: Vec<read::Found> = walk.take(CHUNK).collect();
    (!chunk.is_empty()).then_some(chunk)
}

fn output_error(destination: &Destination, source: std::io::Error) -> RunError {
    match destination {
        Destination::Folder(p) => RunError::Output {
            path: p.display().to_string(),
            source,
        },
        Destination::Stdout => RunError::Stdout(source),
    }
}
