//! `goals.csv` (SPEC "goals.csv"). Not written yet: the table stays header-only.

use super::{Context, Extractor, Row, TableSpec};

pub static SPEC: TableSpec = TableSpec {
    name: "goals",
    columns: &["player", "minute", "added", "kind", "score", "team"],
    numeric: &["minute", "added"],
};

pub struct Goals;

impl Extractor for Goals {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, _ctx: &Context<'_>) -> Vec<Row> {
        Vec::new()
    }
}
