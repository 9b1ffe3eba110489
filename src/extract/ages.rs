//! `ages.csv` (SPEC "ages.csv"). Not written yet: the table stays header-only.

use super::{Context, Extractor, Row, TableSpec};

pub static SPEC: TableSpec = TableSpec {
    name: "ages",
    columns: &["person", "age", "kind"],
    numeric: &["age"],
};

pub struct Ages;

impl Extractor for Ages {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, _ctx: &Context<'_>) -> Vec<Row> {
        Vec::new()
    }
}
