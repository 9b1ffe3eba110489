//! `matches.csv`: one row per match the article reports with a result.
//!
//! Not written yet: the table stays header-only.

use crate::extract::Extraction;

/// The columns of `matches.csv`.
pub const COLUMNS: &[&str] = &[
    "article_id",
    "team_left",
    "team_right",
    "left",
    "right",
    "halftime",
    "qualifier",
    "goals_found",
    "consistent",
];

/// Columns of `matches.csv` that hold numbers.
pub const NUMERIC: &[&str] = &["left", "right", "goals_found"];

/// Values of one `matches.csv` row after `article_id`, in [`COLUMNS`] order.
pub fn link(_extraction: &Extraction) -> Vec<Vec<String>> {
    Vec::new()
}
