//! Per-stage throughput on realistic German text (the bundled corpus):
//! `cargo bench --bench stages`. Figures are bytes of article text per
//! second; see also `benches/corpus.sh` for the end-to-end run.

use anpfiff::article::Article;
use anpfiff::extract::{self, Context};
use anpfiff::link::people::People;
use anpfiff::normalise::normalise_owned;
use anpfiff::pipeline::analyse;
use anpfiff::read::{self, decode};
use anpfiff::segment;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    read::walk(&[root])
        .sources
        .into_iter()
        .filter_map(|s| Some((s.article_id, std::fs::read(&s.path).ok()?)))
        .collect()
}

fn stages(c: &mut Criterion) {
    let files = corpus();
    let bytes: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let articles: Vec<Article> = files
        .iter()
        .filter_map(|(id, b)| {
            let (text, enc) = decode(b).ok()?;
            Some(Article::new(id.clone(), id.clone(), enc, text))
        })
        .collect();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));

    g.bench_function("read+normalise", |b| {
        b.iter(|| {
            for (_, raw) in &files {
                if let Ok((text, _)) = decode(black_box(raw)) {
                    black_box(normalise_owned(text));
                }
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(segment::sentences(&a.text, a.body_start()));
            }
        })
    });
    g.bench_function("people", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(People::new(a));
            }
        })
    });
    // people are found lazily, on the first extractor that asks; find them
    // up front so each extractor's figure is its own work
    let contexts: Vec<Context<'_>> = articles.iter().map(Context::new).collect();
    for c in &contexts {
        black_box(c.people());
    }
    for e in extract::all() {
        g.bench_function(e.spec().name, |b| {
            b.iter(|| {
                for ctx in &contexts {
                    black_box(e.extract(ctx));
                }
            })
        });
    }
    let extractors = extract::all();
    let outputs: Vec<_> = articles.iter().map(|a| analyse(a, &extractors)).collect();
    let specs: Vec<_> = extractors.iter().map(|e| e.spec()).collect();
    // the workers encode each article's rows (CSV bytes), the main thread
    // appends them to the files
    let dir = std::env::temp_dir().join(format!("anpfiff-bench-{}", std::process::id()));
    let open =
        || anpfiff::write::Output::create(&dir, &specs, Default::default()).expect("output dir");
    let encoder = open().encoder().expect("CSV rows can be encoded");
    g.bench_function("encode-csv", |b| {
        b.iter_batched(
            || outputs.clone(),
            |outputs| {
                for o in outputs {
                    black_box(encoder.article(o));
                }
            },
            BatchSize::LargeInput,
        )
    });
    let encoded: Vec<_> = outputs.iter().map(|o| encoder.article(o.clone())).collect();
    g.bench_function("write-csv", |b| {
        b.iter(|| {
            let mut out = open();
            for e in &encoded {
                out.encoded(e).expect("write");
            }
            black_box(out.finish().expect("finish"));
        });
    });
    let _ = std::fs::remove_dir_all(&dir);
    g.bench_function("all-extractors", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(analyse(a, &extractors));
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = stages
}
criterion_main!(benches);
