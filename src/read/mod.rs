//! Stage 1: find the articles and decode their bytes.
//!
//! The walk is recursive and deterministic (sorted by article id), never
//! follows a link into a loop, and reports what it cannot read instead of
//! stopping. Decoding accepts UTF-8 (with or without BOM) and UTF-16 with a
//! BOM; anything else that is text is read as Windows-1252, the encoding of
//! legacy German web text. HTML pages are reduced to their article text by
//! [`html`]; JSON Lines from standard input are read by [`jsonl`].

pub mod html;
pub mod jsonl;
mod walk;

pub use walk::{Found, Walker};

use std::path::{Path, PathBuf};

/// File endings read as articles.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// What kind of input an article comes from; decides how its text is
/// taken out and what `articles.csv` says in `encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text file (`.txt`, `.md`, or any single file named on the command
    /// line that is not HTML).
    Text,
    /// An HTML page (`.html`, `.htm`).
    Html,
    /// A line of JSON Lines on standard input.
    Json,
}

impl Kind {
    /// The kind of a file, by its ending.
    pub fn of_path(path: &Path) -> Kind {
        let html = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if html { Kind::Html } else { Kind::Text }
    }

    /// The `encoding` column: the encoding alone for text files, with the
    /// input kind in front for HTML (`html/utf-8`) and JSON Lines
    /// (`jsonl/utf-8`).
    pub fn label(self, encoding: Encoding) -> &'static str {
        use Encoding::*;
        match (self, encoding) {
            (Kind::Text, e) => e.name(),
            (Kind::Html, Utf8) => "html/utf-8",
            (Kind::Html, Utf8Bom) => "html/utf-8-bom",
            (Kind::Html, Utf16Le) => "html/utf-16le",
            (Kind::Html, Utf16Be) => "html/utf-16be",
            (Kind::Html, Windows1252) => "html/windows-1252",
            (Kind::Json, _) => "jsonl/utf-8",
        }
    }
}

/// One article file found by the walk.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to its input folder, `/`-separated, with extension.
    pub article_id: String,
    pub path: PathBuf,
    /// Size in bytes, when known: the walk asks the file system only for
    /// a single file named as an input. Inside folders it takes the file
    /// type from the folder listing and saves a system call per file.
    pub size: Option<u64>,
}

impl Source {
    /// The size in bytes, asking the file system when the walk did not
    /// (0 when the file cannot be looked at).
    pub fn bytes(&self) -> u64 {
        self.size
            .or_else(|| std::fs::metadata(&self.path).ok().map(|m| m.len()))
            .unwrap_or(0)
    }
}

/// A file or folder that could not be taken in, with a readable reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: String,
    pub error: String,
}

/// Everything the walk found: articles to read and paths it had to skip.
#[derive(Debug, Default)]
pub struct Walk {
    pub sources: Vec<Source>,
    pub failures: Vec<Failure>,
}

/// Walks every input (folder or single file) and returns the articles in
/// sorted order of their ids, and the failures in order of their paths.
/// [`Walker`] streams the same articles without holding them all.
pub fn walk(inputs: &[PathBuf]) -> Walk {
    collect(Walker::new(inputs, has_article_extension))
}

/// Every file under `root`, whatever its ending (for gold `texts/` folders).
pub fn walk_all(root: &Path) -> Vec<Source> {
    collect(Walker::new(&[root.to_path_buf()], |_| true)).sources
}

fn collect(walker: Walker) -> Walk {
    let mut out = Walk::default();
    for found in walker {
        match found {
            Found::Source(s) => out.sources.push(s),
            Found::Failure(f) => out.failures.push(f),
        }
    }
    out.failures.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Room for a file of unknown size: most news articles fit, larger files
/// grow the buffer.
const READ_BUFFER: usize = 8 * 1024;

/// The bytes of a file: like [`std::fs::read`], without asking the file
/// system for the size. `size` is the size if known, to make room; a file
/// that grew or shrank since is still read whole.
pub fn read_file(path: &Path, size: Option<u64>) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let room = size.map_or(READ_BUFFER, |s| {
        usize::try_from(s).unwrap_or(0).saturating_add(1)
    });
    let mut bytes = Vec::with_capacity(room);
    // through `Take`: `File`'s own `read_to_end` would ask for the size
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The files a folder walk takes as articles: `.txt`, `.md`, `.html`,
/// `.htm` (any case).
pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        .unwrap_or(false)
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The encoding an article was decoded from, as `articles.csv` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Why a file's bytes are not an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("no text, only white space")]
    Blank,
    #[error("binary file (NUL bytes), not text")]
    Binary,
    #[error("not text: {0}")]
    NotText(&'static str),
}

/// Decodes an article's bytes.
///
/// ```
/// use anpfiff::read::{decode, Encoding};
/// assert_eq!(decode(b"M\xfcller").unwrap(), ("Müller".to_string(), Encoding::Windows1252));
/// assert_eq!(decode("\u{feff}Tor".as_bytes()).unwrap(), ("Tor".to_string(), Encoding::Utf8Bom));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], taking the bytes: UTF-8 text keeps its buffer.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    let (text, encoding) = decode_any(bytes)?;
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok((text, encoding))
}

fn decode_any(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match utf8(rest) {
            Some(s) => Ok((s, Encoding::Utf8Bom)),
            None => Ok((windows_1252(rest), Encoding::Windows1252)),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (enc, kind) = if bytes.first() == Some(&0xFF) {
            (encoding_rs::UTF_16LE, Encoding::Utf16Le)
        } else {
            (encoding_rs::UTF_16BE, Encoding::Utf16Be)
        };
        let (text, _, _) = enc.decode(&bytes);
        return Ok((text.into_owned(), kind));
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(DecodeError::Binary);
    }
    if looks_binary(&bytes) {
        return Err(DecodeError::NotText("mostly control bytes"));
    }
    match utf8(&bytes) {
        Some(s) => Ok((s, Encoding::Utf8)),
        None => Ok((windows_1252(&bytes), Encoding::Windows1252)),
    }
}

/// The bytes as a string, when they are UTF-8.
///
/// `String::from_utf8` would keep the buffer, but its check of the bytes
/// leaves its fast path (eight ASCII bytes at a time) at every umlaut,
/// every few dozen bytes of German text: about two instructions a byte.
/// `encoding_rs` checks with vector code (`simdutf8`, chosen for the
/// processor when the program starts), several times faster, and copying
/// the checked bytes into a string of their own costs less than the
/// difference.
fn utf8(bytes: &[u8]) -> Option<String> {
    encoding_rs::UTF_8
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

fn windows_1252(bytes: &[u8]) -> String {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    text.into_owned()
}

/// More than one byte in ten a control character other than tab, CR, LF or
/// form feed: an image or archive, not an article.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..4096).unwrap_or(bytes);
    // the bytes below 0x20 are at least the control bytes: when they are
    // few (text has a line feed every hundred bytes or so), so are the
    // control bytes, and the exact count (five tests a byte instead of
    // one) is not needed
    let low = count(sample, |b| b < 0x20);
    if low * 10 <= sample.len() {
        return false;
    }
    let control = count(sample, |b| {
        (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C)
    });
    control * 10 > sample.len()
}

/// How many bytes pass `test`: without branches, in runs that fit a
/// byte's count, so the compiler makes vector code of it (240 bytes, a
/// multiple of every vector width: only the end of `bytes` is counted a
/// byte at a time).
fn count(bytes: &[u8], test: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(240)
        .map(|run| {
            run.iter()
                .map(|&b| u8::from(test(b)))
                .fold(0u8, u8::wrapping_add) as usize
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_test_counts_control_bytes_as_the_plain_filter_does() {
        let plain = |bytes: &[u8]| {
            let sample = bytes.get(..4096).unwrap_or(bytes);
            let control = sample
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
                .count();
            control * 10 > sample.len()
        };
        // every byte value, at densities around the one-in-ten line, in
        // texts shorter and longer than a run of 255 and the 4096 sample
        for b in 0..=255u8 {
            for every in [2, 9, 10, 11, 40] {
                for len in [1, 10, 254, 255, 256, 600, 5000] {
                    let bytes: Vec<u8> = (0..len)
                        .map(|i| if i % every == 0 { b } else { b'a' })
                        .collect();
                    assert_eq!(looks_binary(&bytes), plain(&bytes), "{b} {every} {len}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The vector check takes what the standard library takes, in
        /// texts shorter and longer than its 64-byte blocks.
        #[test]
        fn utf8_as_the_standard_library(
            text in "[a-zäöü€„“ \n]{0,150}",
            cut in 0usize..400,
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..3),
            at in 0usize..400,
        ) {
            let mut bytes = text.into_bytes();
            bytes.truncate(cut.max(1));
            let at = at.min(bytes.len());
            bytes.splice(at..at, noise);
            let want = std::str::from_utf8(&bytes).ok().map(str::to_string);
            proptest::prop_assert_eq!(utf8(&bytes), want);
        }
    }

    #[test]
    fn read_file_reads_whole_files_whatever_the_size_hint() {
        let path = std::env::temp_dir().join(format!("anpfiff-read-{}.txt", std::process::id()));
        std::fs::write(&path, "Tor für Bayern").expect("write");
        for hint in [None, Some(0), Some(5), Some(15), Some(1000)] {
            assert_eq!(
                read_file(&path, hint).ok(),
                Some("Tor für Bayern".as_bytes().to_vec())
            );
        }
        // larger than the room made for a file of unknown size
        let long = "Anpfiff. ".repeat(3 * READ_BUFFER / 9 + 5);
        std::fs::write(&path, &long).expect("write");
        for hint in [None, Some(10)] {
            assert_eq!(read_file(&path, hint).ok(), Some(long.as_bytes().to_vec()));
        }
        let _ = std::fs::remove_file(&path);
        assert!(read_file(&path, Some(3)).is_err());
        assert!(read_file(&path, None).is_err());
    }

    #[test]
    fn utf8_plain_and_bom() {
        assert_eq!(decode("Tor".as_bytes()).unwrap().1, Encoding::Utf8);
        let (t, e) = decode(b"\xEF\xBB\xBFTor").unwrap();
        assert_eq!((t.as_str(), e), ("Tor", Encoding::Utf8Bom));
    }

    #[test]
    fn windows_1252_quotes_and_umlauts() {
        // „Schön“ in cp1252: 0x84 ... 0x93
        let (t, e) = decode(b"\x84Sch\xf6n\x93, sagte Gro\xdf").unwrap();
        assert_eq!(t, "„Schön“, sagte Groß");
        assert_eq!(e, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Tor für Müller".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(&bytes).unwrap(),
            ("Tor für Müller".into(), Encoding::Utf16Le)
        );
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::Blank));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
    }
}
