//! Across the whole article: names found paragraph by paragraph become people and
//! organisations (merged, counted, located), and each quote gets its speaker's name.

pub mod descriptions;
pub mod entities;
pub mod speakers;

use crate::article::extract::{Findings, ParagraphRef};
use crate::article::model::{Extraction, ParagraphKind};
use entities::{Registry, Texts};

/// Turns what the paragraphs yielded into the article's quotes and entities.
/// `headings` are the article's sections' headings and levels.
pub fn resolve(paras: &[ParagraphRef], found: Findings, headings: &[(Option<&str>, u8)]) -> Extraction {
    // Where each section's paragraphs start in reading order, from the paragraphs seen.
    let mut section_start = vec![0; headings.len()];
    for (k, p) in paras.iter().enumerate().rev() {
        if let Some(s) = section_start.get_mut(p.section) {
            *s = k - p.paragraph;
        }
    }
    let texts = Texts {
        texts: paras.iter().map(|p| p.text).collect(),
        section_start,
        captions: paras.iter().map(|p| p.kind == ParagraphKind::Figure).collect(),
        headings: headings.to_vec(),
    };
    let mut registry = Registry::build(&found.hits, &texts);
    let quotes = speakers::resolve(&found.quotes, &mut registry, &found.hits, &texts, paras);
    drop(texts);
    let (people, organisations) = registry.into_entities();
    Extraction {
        quotes,
        statistics: found.statistics,
        dates: found.dates,
        relative_dates: found.relative,
        people,
        organisations,
    }
}
