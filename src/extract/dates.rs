//! `dates.csv` (SPEC "dates.csv").

use super::{Context, Extractor, Row, TableSpec};
use crate::article::Article;
use crate::header::PartialDate;

pub static SPEC: TableSpec = TableSpec {
    name: "dates",
    columns: &["value", "kind", "time", "anchor"],
    numeric: &[],
};

pub struct Dates;

impl Extractor for Dates {
    fn spec(&self) -> &'static TableSpec {
        &SPEC
    }

    fn extract(&self, _ctx: &Context<'_>) -> Vec<Row> {
        Vec::new()
    }
}

/// The publication date a dateline gives when the header has none.
pub fn dateline(_article: &Article) -> Option<PartialDate> {
    None
}
