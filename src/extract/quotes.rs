//! `quotes.csv` (SPEC "quotes.csv"). Not written yet: the table stays header-only.

use super::{Context, Extractor, Row, TableSpec};

pub static SPEC: TableSpec = TableSpec {
    name: "quotes",
    columns: &["quote", "speaker", "cue"],
    numeric: &[],
};

pub struct Quotes;

impl Extractor for Quotes {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, _ctx: &Context<'_>) -> Vec<Row> {
        Vec::new()
    }
}
