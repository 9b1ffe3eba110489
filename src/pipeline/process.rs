//! One file or input line through the stages: read, decode, normalise,
//! segment, extract, link, and convert its rows for writing. Whatever goes
//! wrong becomes a [`Processed::Failed`], never a panic that ends the run.

use crate::article::Article;
use crate::extract::{self, Extractor};
use crate::link;
use crate::read::{self, Kind, Source, html, jsonl};
use crate::shard::Shard;
use crate::write::{ArticleOutput, CharRow, Encoded, Encoder};

/// Everything the workers share.
pub(super) struct Job<'a> {
    pub(super) extractors: &'a [Box<dyn Extractor>],
    pub(super) shard: Option<Shard>,
    pub(super) keep_text: bool,
    pub(super) matches: bool,
    /// Encodes the rows on the worker, when the output format allows.
    pub(super) encoder: Option<Encoder>,
}

impl Job<'_> {
    pub(super) fn wants(&self, key: &str) -> bool {
        self.shard.is_none_or(|s| s.contains(key))
    }
}

/// What became of one file or input line.
pub(super) enum Processed {
    Article(Box<ArticleOutput>, u64),
    /// An article whose rows are already in the output's bytes.
    Encoded(Box<Encoded>, u64),
    Failed(String, String),
    /// Not this shard's, or a blank line.
    Skipped,
}

pub(super) fn process_file(source: &Source, job: &Job<'_>) -> Processed {
    let path = source.path.to_string_lossy().into_owned();
    let bytes = match read::read_file(&source.path, source.size) {
        Ok(b) => b,
        Err(e) => return Processed::Failed(path, format!("cannot read file: {e}")),
    };
    let n = bytes.len() as u64;
    let (decoded, encoding) = match read::decode_owned(bytes) {
        Ok(d) => d,
        Err(e) => return Processed::Failed(path, e.to_string()),
    };
    let kind = Kind::of_path(&source.path);
    let meta = match kind {
        Kind::Html => {
            let page = html::extract(&decoded);
            if page.text.trim().is_empty() {
                return Processed::Failed(
                    path,
                    "HTML page without article text (nothing in <article>, <main> or <body> \
                     outside navigation, scripts and styles)"
                        .into(),
                );
            }
            Meta {
                text: page.text,
                published: page.published,
                title: page.title,
            }
        }
        _ => Meta {
            text: decoded,
            published: None,
            title: None,
        },
    };
    let id = source.article_id.clone();
    analyse_guarded(id, path, kind, encoding, meta, n, job)
}

pub(super) fn process_line(line: usize, bytes: &[u8], job: &Job<'_>) -> Processed {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Processed::Skipped;
    }
    let path = jsonl::line_path(line);
    let record = match jsonl::parse(line, bytes) {
        Ok(r) => r,
        Err(e) if job.wants(&path) => return Processed::Failed(path, e),
        Err(_) => return Processed::Skipped,
    };
    if !job.wants(&record.id) {
        return Processed::Skipped;
    }
    let meta = Meta {
        text: record.text,
        published: record.date,
        title: record.title,
    };
    let n = bytes.len() as u64;
    let encoding = read::Encoding::Utf8;
    analyse_guarded(record.id, path, Kind::Json, encoding, meta, n, job)
}

/// The text of an article and what its source says about it; the source's
/// date and title win over the text's own header.
struct Meta {
    text: String,
    published: Option<crate::header::PartialDate>,
    title: Option<String>,
}

fn analyse_guarded(
    id: String,
    path: String,
    kind: Kind,
    encoding: read::Encoding,
    meta: Meta,
    n: u64,
    job: &Job<'_>,
) -> Processed {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut article = Article::new(id, path.clone(), encoding, meta.text);
        if meta.published.is_some() {
            article.header.published = meta.published;
        }
        if meta.title.is_some() {
            article.header.title = meta.title;
        }
        let mut out = analyse(&article, job.extractors);
        out.encoding = kind.label(encoding);
        if !job.matches {
            out.matches.clear();
        }
        if job.keep_text {
            out.text = Some(article.text);
        }
        out
    }));
    match result {
        Ok(out) => match &job.encoder {
            Some(e) => Processed::Encoded(Box::new(e.article(out)), n),
            None => Processed::Article(Box::new(out), n),
        },
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
        .into_iter()
        .map(|(_, rows)| {
            rows.into_iter()
                .map(|r| {
                    let sentence = article.sentence_of(r.start);
                    CharRow::from_row(r, &article.text, &chars, sentence)
                })
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
        text: None,
    }
}
