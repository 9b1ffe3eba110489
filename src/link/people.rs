//! Person names in an article and their fullest forms.
//!
//! Not written yet: every mention resolves to itself.

use crate::article::Article;

/// The people an article names.
#[derive(Debug, Default)]
pub struct People {}

impl People {
    pub fn new(_article: &Article) -> Self {
        People {}
    }

    /// The fullest form of the name `mention` (`Doku` → `Jeremy Doku`).
    pub fn resolve(&self, mention: &str) -> String {
        mention.to_string()
    }
}
