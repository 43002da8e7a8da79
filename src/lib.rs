//! folio: a terminal reader for news articles.
//!
//! The flow is one way: text -> [`article::Article`] (pure parsing) -> `App` state ->
//! frames. Tests and benchmarks use the same library the binary does.

pub mod app;
pub mod article;
pub mod input;
pub mod keymap;
pub mod search;
pub mod terminal;
pub mod ui;

/// The article folio opens when given no file: `assets/article.txt`.
pub const BUNDLED_ARTICLE: &str = include_str!("../assets/article.txt");
pub mod cli;
pub mod sanitize;
