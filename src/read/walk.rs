//! Finding the article files: a walk that streams them in sorted order.
//!
//! [`Walker`] yields the articles one at a time, in order of article id
//! (then path), while it walks: memory holds the open folders' listings,
//! never the whole corpus, so a run over a million files needs no more
//! memory than one over a thousand.
//!
//! Sorting folder by folder gives the order of the ids because a folder
//! sorts by its name followed by `/`, the separator of the ids: `a-b.txt`
//! (`-` is 0x2D) comes before the files in folder `a` (`a/…`, `/` is 0x2F),
//! which come before `a0.txt`. Several inputs are walked side by side and
//! merged. A folder reached twice (through a link) is a loop and skipped
//! quietly the second time, so every file is read exactly once.

use super::{Failure, Source, display};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What the walk finds: an article file, or a path it cannot take in.
#[derive(Debug, Clone)]
pub enum Found {
    Source(Source),
    Failure(Failure),
}

impl Found {
    /// The article id of a source, the path of a failure (what `--shard`
    /// distributes by).
    pub fn key(&self) -> &str {
        match self {
            Found::Source(s) => &s.article_id,
            Found::Failure(f) => &f.path,
        }
    }
}

/// The articles under every input, streamed in order of article id.
pub struct Walker {
    roots: Vec<RootWalk>,
    /// What each root yields next (filled on the first call).
    heads: Vec<Option<Found>>,
    started: bool,
}

impl Walker {
    /// A walk over folders and single files; `wanted` picks the files
    /// inside folders (single files named as inputs are always taken).
    pub fn new(inputs: &[PathBuf], wanted: fn(&Path) -> bool) -> Walker {
        Walker {
            roots: inputs
                .iter()
                .map(|i| RootWalk::new(i.clone(), wanted))
                .collect(),
            heads: Vec::new(),
            started: false,
        }
    }
}

impl Iterator for Walker {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        if !self.started {
            self.started = true;
            self.heads = self.roots.iter_mut().map(Iterator::next).collect();
        }
        // failures as soon as they are met, then the smallest id (and path)
        let failure = self
            .heads
            .iter()
            .position(|h| matches!(h, Some(Found::Failure(_))));
        let pick = failure.or_else(|| {
            self.heads
                .iter()
                .enumerate()
                .filter_map(|(i, h)| match h {
                    Some(Found::Source(s)) => Some((i, (s.article_id.as_str(), &s.path))),
                    _ => None,
                })
                .min_by(|a, b| a.1.cmp(&b.1))
                .map(|(i, _)| i)
        })?;
        let next = self.roots.get_mut(pick).and_then(Iterator::next);
        std::mem::replace(self.heads.get_mut(pick)?, next)
    }
}

/// One entry of a folder listing, with what the walk learnt about it.
struct Entry {
    path: PathBuf,
    /// The sort key: the name, with `/` after a folder's.
    key: String,
    kind: EntryKind,
}

enum EntryKind {
    Folder,
    File,
    Failed(String),
}

/// The walk of one input.
struct RootWalk {
    /// The input itself, until it is looked at.
    start: Option<PathBuf>,
    wanted: fn(&Path) -> bool,
    /// Folders entered, by their real path.
    seen: HashSet<PathBuf>,
    /// The sorted listings of the open folders, innermost last, each with
    /// the folder's article id and a `/` (empty for the input itself): an
    /// entry's id is that and its key, without taking its path apart.
    stack: Vec<(String, std::vec::IntoIter<Entry>)>,
}

impl RootWalk {
    fn new(root: PathBuf, wanted: fn(&Path) -> bool) -> RootWalk {
        RootWalk {
            start: Some(root),
            wanted,
            seen: HashSet::new(),
            stack: Vec::new(),
        }
    }

    /// Lists a folder onto the stack; a failure when it cannot be listed.
    /// `id` is the folder's article id followed by `/`.
    fn enter(&mut self, dir: &Path, id: String) -> Option<Found> {
        let failure = |what: &str, e: std::io::Error| {
            Some(Found::Failure(Failure {
                path: display(dir),
                error: format!("{what}: {e}"),
            }))
        };
        match fs::canonicalize(dir) {
            Ok(real) => {
                if !self.seen.insert(real) {
                    return None;
                }
            }
            Err(e) => return failure("cannot resolve folder", e),
        }
        let listing = match fs::read_dir(dir) {
            Ok(l) => l,
            Err(e) => return failure("cannot list folder", e),
        };
        let mut entries: Vec<Entry> = listing
            .filter_map(Result::ok)
            .filter_map(|e| self.entry(e))
            .collect();
        entries.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.path.cmp(&b.path)));
        self.stack.push((id, entries.into_iter()));
        None
    }

    /// What a folder entry is; `None` for files that are not articles.
    /// Its type comes from the folder listing, without a system call for
    /// each file; only links are followed.
    /// `wanted` is asked about the name alone (it looks at the ending).
    fn entry(&self, e: fs::DirEntry) -> Option<Entry> {
        let path = e.path();
        let name = e.file_name();
        let wanted = (self.wanted)(Path::new(&name));
        let name = name
            .into_string()
            .unwrap_or_else(|n| n.to_string_lossy().into_owned());
        let kind = match e.file_type() {
            Ok(t) if t.is_symlink() => fs::metadata(&path).map(|m| m.file_type()),
            other => other,
        };
        let (key, kind) = match kind {
            Err(e) => {
                if !wanted {
                    return None;
                }
                (name, EntryKind::Failed(format!("cannot open file: {e}")))
            }
            Ok(t) if t.is_dir() => (name + "/", EntryKind::Folder),
            Ok(t) if t.is_file() && wanted => (name, EntryKind::File),
            Ok(_) => return None,
        };
        Some(Entry { path, key, kind })
    }
}

impl Iterator for RootWalk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        if let Some(input) = self.start.take() {
            match fs::metadata(&input) {
                Err(e) => {
                    return Some(Found::Failure(Failure {
                        path: display(&input),
                        error: format!("cannot open input: {e}"),
                    }));
                }
                Ok(m) if m.is_file() => {
                    let id = input
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| display(&input));
                    return Some(Found::Source(Source {
                        article_id: id,
                        path: input,
                        size: Some(m.len()),
                    }));
                }
                Ok(_) => {
                    if let Some(f) = self.enter(&input, String::new()) {
                        return Some(f);
                    }
                }
            }
        }
        loop {
            let (folder, listing) = self.stack.last_mut()?;
            let Some(entry) = listing.next() else {
                self.stack.pop();
                continue;
            };
            // the folder's id and the entry's key (a folder's ends in `/`)
            let id = [folder.as_str(), &entry.key].concat();
            match entry.kind {
                EntryKind::Folder => {
                    if let Some(f) = self.enter(&entry.path, id) {
                        return Some(f);
                    }
                }
                EntryKind::File => {
                    return Some(Found::Source(Source {
                        article_id: id,
                        path: entry.path,
                        size: None,
                    }));
                }
                EntryKind::Failed(error) => {
                    return Some(Found::Failure(Failure {
                        path: display(&entry.path),
                        error,
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article id of `path` as the walk once made it: its components
    /// below `root`, joined by `/` (the ids are now the folders' ids and
    /// the names, which must come to the same).
    fn relative_id(root: &Path, path: &Path) -> String {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let mut id = String::with_capacity(rel.as_os_str().len());
        for (i, c) in rel.components().enumerate() {
            if i > 0 {
                id.push('/');
            }
            id.push_str(&c.as_os_str().to_string_lossy());
        }
        id
    }

    fn tree(name: &str, files: &[&str]) -> PathBuf {
        let root = std::env::temp_dir().join(format!("anpfiff-walk-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for f in files {
            let p = root.join(f);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent).expect("mkdir");
            }
            fs::write(&p, "x").expect("write");
        }
        root
    }

    fn ids(inputs: &[PathBuf]) -> Vec<String> {
        Walker::new(inputs, |_| true)
            .filter_map(|f| match f {
                Found::Source(s) => Some(s.article_id),
                Found::Failure(_) => None,
            })
            .collect()
    }

    #[test]
    fn streams_in_order_of_article_id() {
        let root = tree(
            "order",
            &[
                "a/x.txt",
                "a-b.txt",
                "a.txt",
                "a0.txt",
                "a/b/c.txt",
                "a/b.txt",
                "A.txt",
                "ä.txt",
                "z/a.txt",
                "a b/q.txt",
                "a.b/r.txt",
            ],
        );
        let got = ids(std::slice::from_ref(&root));
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(got, sorted);
        assert_eq!(got.len(), 11);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn relative_ids_use_slashes() {
        let id = relative_id(Path::new("/a/b"), Path::new("/a/b/c/d.txt"));
        assert_eq!(id, "c/d.txt");
        assert_eq!(relative_id(Path::new("a"), Path::new("a/ä.txt")), "ä.txt");
        assert_eq!(relative_id(Path::new("a"), Path::new("a")), "");
        // as the components joined by `/` (the root component is `/`)
        assert_eq!(
            relative_id(Path::new("q"), Path::new("/x/y.txt")),
            "//x/y.txt"
        );
        assert_eq!(
            relative_id(Path::new("q"), Path::new("x/./y.txt")),
            "x/y.txt"
        );
    }

    #[test]
    fn ids_are_the_paths_below_the_input() {
        let root = tree(
            "ids",
            &["a/x.txt", "a/b/c/d.txt", "ä.txt", "a b/q.txt", "z.md"],
        );
        let spelled = root.display().to_string();
        for input in [
            root.clone(),
            PathBuf::from(format!("{spelled}/")),
            PathBuf::from(format!("{spelled}/.")),
            PathBuf::from(format!("{spelled}/a/..")),
        ] {
            let sources: Vec<Source> = Walker::new(std::slice::from_ref(&input), |_| true)
                .filter_map(|f| match f {
                    Found::Source(s) => Some(s),
                    Found::Failure(_) => None,
                })
                .collect();
            assert_eq!(sources.len(), 5, "{input:?}");
            for s in sources {
                assert_eq!(s.article_id, relative_id(&input, &s.path), "{input:?}");
            }
        }
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn several_inputs_merge() {
        let one = tree("one", &["b.txt", "d/e.txt"]);
        let two = tree("two", &["a.txt", "c.txt", "d.txt"]);
        assert_eq!(
            ids(&[one.clone(), two.clone()]),
            ["a.txt", "b.txt", "c.txt", "d.txt", "d/e.txt"]
        );
        let _ = fs::remove_dir_all(&one);
        let _ = fs::remove_dir_all(&two);
    }

    #[test]
    fn a_missing_input_is_a_failure() {
        let found: Vec<Found> =
            Walker::new(&[PathBuf::from("/nonexistent/anpfiff")], |_| true).collect();
        assert!(
            matches!(found.as_slice(), [Found::Failure(f)] if f.error.starts_with("cannot open input"))
        );
    }
}
