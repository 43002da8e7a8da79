//! The words of a text: tokens with their lexicon entry, sentences, and the shapes of
//! lines and numbers that the structure and the extractors both ask about. Knows nothing
//! of articles.

pub mod dates;
pub mod lexicon;
pub mod numerals;
pub mod script;
pub mod sentences;
pub mod shape;
pub mod tokens;
