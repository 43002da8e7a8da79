//! folio: a terminal reader for news articles.
//!
//! The flow is one way: text -> [`article::Article`] (pure parsing) -> `App` state ->
//! frames. Tests and benchmarks use the same library the binary does.

pub mod app;
pub mod article;
pub mod cli;
pub mod feed;
pub mod input;
pub mod keymap;
pub mod sanitize;
pub mod search;
pub mod store;
pub mod terminal;
pub mod training;
pub mod ui;

/// What the reader is opened with: the measure (`--width`) and the help's length, which
/// the keymap knows.
pub fn reader_options(measure: u16) -> app::Options {
    app::Options { measure, help_lines: keymap::help_len(), clipboard: true, wpm: app::WPM }
}

/// The article folio opens when given no file: `assets/article.txt`.
pub const BUNDLED_ARTICLE: &str = include_str!("../assets/article.txt");
