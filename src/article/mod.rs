//! Articles: the model and everything that builds it from text. Nothing here knows about
//! terminals.

pub mod attribution;
pub mod byline;
pub mod chrome;
pub mod date_lists;
pub mod dateline;
pub mod dates;
pub mod entities;
pub mod export;
pub mod extract;
pub mod lexicon_source;
pub mod lines;
pub mod markdown;
pub mod model;
pub mod name_words;
pub mod names;
pub mod numbers;
pub mod org_runs;
pub mod parse;
pub mod person_cues;
pub mod quantity;
pub mod quotes;
pub mod relative_dates;
pub mod sentences;
pub mod speakers;
pub mod stat_phrase;
pub mod structure;
pub mod tokens;
pub mod words;

pub use model::*;
pub use parse::{Format, ParseError, detect, parse, parse_structure};
