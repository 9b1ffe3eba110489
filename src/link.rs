//! Stage 5: linking. Names are resolved to the fullest form a person has in
//! the article ([`people`]), and scores and goals are joined into matches
//! ([`matches`]).

pub mod matches;
pub mod people;
pub mod roles;
