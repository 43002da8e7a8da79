//! Articles: the model and everything that builds it from text. Nothing here knows about
//! terminals.

pub mod export;
mod extract;
pub mod model;
mod parse;
mod resolve;
mod structure;
mod text;

pub use extract::ParagraphRef;
pub use model::*;

/// The pipeline's stages one at a time, for the benchmarks and profiling examples.
pub mod stages {
    pub use super::extract::dates::find_dates;
    pub use super::extract::names::{NameHit, find_names};
    pub use super::extract::numbers::find_statistics;
    pub use super::extract::quotes::find_quotes;
    pub use super::text::sentences::sentences;
    pub use super::text::tokens::{Token, tokenize, tokenize_into};
}
pub use parse::{Format, ParseError, detect, extract, extract_paragraphs, parse, parse_structure};
