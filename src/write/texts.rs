//! `--keep-text`: every article's normalised text under `OUT/texts/`.
//!
//! The layout is the one gold folders use, `texts/<article_id>` (the id
//! keeps its extension, so an HTML article's extracted text is saved as
//! `texts/seite.html` — plain text, not HTML). Every `start`/`end` in the
//! tables is a character offset into exactly this file, and an output
//! folder with `texts/` can be read by `anpfiff eval` and `score.py` like a
//! gold folder.
//!
//! Article ids from standard input are arbitrary strings; they are made
//! into safe relative paths (see [`relative_path`]) so that no id can write
//! outside `texts/`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The folder of saved texts.
pub(super) struct Texts {
    dir: PathBuf,
}

impl Texts {
    pub(super) fn create(out: &Path) -> io::Result<Self> {
        let dir = out.join("texts");
        fs::create_dir_all(&dir)?;
        Ok(Texts { dir })
    }

    /// Saves one article's text; returns the path written.
    pub(super) fn save(&self, article_id: &str, text: &str) -> io::Result<PathBuf> {
        let path = self.dir.join(relative_path(article_id));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, text)?;
        Ok(path)
    }
}

/// An article id as a relative path that stays inside its folder: `/`
/// separates folders; empty parts are dropped; `.`, `..`, `%`, `\` and
/// control characters are percent-encoded.
///
/// ```text
/// fussball/spiel.txt  → fussball/spiel.txt
/// ../../etc/passwd    → %2E%2E/%2E%2E/etc/passwd
/// ```
pub fn relative_path(article_id: &str) -> PathBuf {
    let mut path = PathBuf::new();
    for part in article_id.split('/').filter(|p| !p.is_empty()) {
        let safe = match part {
            "." => "%2E".to_string(),
            ".." => "%2E%2E".to_string(),
            _ => part
                .chars()
                .map(|c| match c {
                    '%' | '\\' => format!("%{:02X}", c as u32),
                    c if c.is_control() => format!("%{:02X}", c as u32),
                    c => c.to_string(),
                })
                .collect(),
        };
        path.push(safe);
    }
    if path.as_os_str().is_empty() {
        path.push("_");
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_inside_the_folder() {
        assert_eq!(relative_path("a/b.txt"), PathBuf::from("a/b.txt"));
        assert_eq!(
            relative_path("../../etc/passwd"),
            PathBuf::from("%2E%2E/%2E%2E/etc/passwd")
        );
        assert_eq!(relative_path("/abs//x"), PathBuf::from("abs/x"));
        assert_eq!(relative_path("a\\b%"), PathBuf::from("a%5Cb%25"));
        assert_eq!(relative_path(""), PathBuf::from("_"));
        for id in ["..", "./..", "a/../../b", "/"] {
            let p = relative_path(id);
            assert!(p.is_relative(), "{id}");
            assert!(
                p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
                "{id} → {p:?}"
            );
        }
    }
}
