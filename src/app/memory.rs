//! What the reader remembers: marks (`m` and a letter, `'` and the letter), the place
//! before the last jump (`''`), and between runs, through the state file the command line
//! keeps, where reading stopped in each article and the searches typed. Places are kept
//! as a block and a byte offset in its text, so they survive a change of width.

use super::document::{DocKind, Document};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A place in the document: a block and a byte offset in its displayed text; one past the
/// end of the text is the blank line after the block (the top of the screen can be one).
pub type Place = (usize, usize);

/// What is remembered of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    /// Where the top of the screen was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Place>,
    /// How far through it that was, in percent (for "resumed at 62%").
    #[serde(default)]
    pub progress: u16,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<char, Place>,
    /// The text's width, when `<` or `>` set one for this article: a dense text read
    /// narrow, a page of tables wide; the config's `width` stays every other article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u16>,
    /// The sidebar was hidden (`s`): the article is shown full width again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub full_width: bool,
}

/// What the reader starts with from earlier runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recall {
    /// By article: see [`article_key`].
    pub articles: HashMap<u64, Memory>,
    /// Searches typed, oldest first.
    pub searches: Vec<String>,
    /// Go back to where reading stopped (`--no-resume` says no; the marks still come back).
    pub resume: bool,
    /// A message for the status bar about the state itself (a file that could not be read).
    pub notice: Option<String>,
    /// Feed entries read: (feed, entry id).
    pub read: std::collections::HashSet<(String, String)>,
}

/// An article's key: a hash of its paragraphs' text (FNV-1a, 64 bits: fixed, so the key
/// is the same from one build to the next), so a renamed or moved file, or a page saved
/// again, is the same article, and an article edited is a new one.
pub fn article_key(doc: &Document) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc.blocks.iter().filter(|b| matches!(b.kind, DocKind::Paragraph { .. } | DocKind::Heading { .. })) {
        for &byte in b.original().as_bytes().iter().chain(b"\n") {
            h ^= byte as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Whether a place is still inside the document.
pub fn fits(doc: &Document, (block, offset): Place) -> bool {
    doc.blocks.get(block).is_some_and(|b| offset <= b.text.len() + 1)
}
