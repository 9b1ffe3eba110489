//! `scores.csv` (SPEC "scores.csv"). Not written yet: the table stays header-only.

use super::{Context, Extractor, Row, TableSpec};

pub static SPEC: TableSpec = TableSpec {
    name: "scores",
    columns: &["left", "right", "kind", "qualifier", "team_left", "team_right"],
    numeric: &["left", "right"],
};

pub struct Scores;

impl Extractor for Scores {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, _ctx: &Context<'_>) -> Vec<Row> {
        Vec::new()
    }
}
