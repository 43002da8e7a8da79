//! Articles: the model and everything that builds it from text. Nothing here knows about
//! terminals; nothing here imports from outside `article` but `crate::sanitize`.
//!
//! The way through, one layer on the next (each imports only those below it):
//! - `text/`: tokens, sentences, the lexicon (word lists compiled in by `build.rs`), and
//!   the line and number shapes every layer asks about.
//! - `extract/`: per paragraph, one folder per family of finder (dates, numbers, names,
//!   quotes), and the driver that runs them all over the paragraphs.
//! - `structure/`: plain text and Markdown to blocks, and what each block is (title,
//!   byline, dateline, chrome, heading, body); it asks the date finder about date lines.
//! - `resolve/`: across the article: names into people and organisations, speakers.
//! - `model.rs` the types (the JSON contract), `parse.rs` text to `Article` in that
//!   order, `export.rs` writing an article out.

pub mod export;
pub(crate) mod extract;
pub mod learn;
pub mod model;
pub(crate) mod parse;
pub(crate) mod resolve;
mod structure;
mod text;

pub use extract::ParagraphRef;
pub use model::*;
pub use text::dates::{Months, in_words as date_in_words};

/// The pipeline's stages one at a time, for the benchmarks and profiling examples.
pub mod stages {
    pub use super::extract::dates::find_dates;
    pub use super::extract::names::{NameHit, find_names};
    pub use super::extract::numbers::find_statistics;
    pub use super::extract::quotes::find_quotes;
    pub use super::text::sentences::sentences;
    pub use super::text::tokens::{Token, tokenize, tokenize_into};
}
pub use parse::{
    DETECT_BYTES, Format, ParseError, detect, extract, extract_paragraphs, looks_like_html, parse, parse_structure,
    parse_structure_at,
};
pub(crate) use structure::html::decode_references;
