pub mod lexicon;
pub mod numerals;
pub mod sentences;
pub mod shape;
pub mod tokens;
