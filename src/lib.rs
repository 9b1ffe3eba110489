//! anpfiff turns folders of German sports news (text, Markdown, HTML, or
//! JSON Lines on standard input) into clean tables — CSV, JSON Lines or an
//! Excel workbook: every calendar date, score, goal, age and direct quote,
//! with character offsets back into the text.
//!
//! The pipeline is a row of stages, one module each:
//! [`read`] → [`normalise`] (and [`header`]) → [`segment`] → [`extract`]
//! (one module per table) → [`link`] (people, matches) → [`write`].
//! [`pipeline`] runs them over a corpus (split over machines with
//! [`shard`], watched with [`progress`]); [`eval`] scores a run against
//! gold annotations.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented,
        clippy::indexing_slicing
    )
)]

pub mod article;
pub mod eval;
pub mod extract;
pub mod header;
pub mod lexicon;
pub mod link;
pub mod normalise;
pub mod pipeline;
pub mod progress;
pub mod read;
pub mod segment;
pub mod shard;
pub mod write;
