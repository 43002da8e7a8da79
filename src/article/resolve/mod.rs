//! Across the whole article: names found paragraph by paragraph become people and
//! organisations (merged, counted, located), and each quote gets its speaker's name.

pub mod descriptions;
pub mod entities;
pub mod ranker;
pub mod speakers;

pub use ranker::{Considered, speaker_names};

use crate::article::extract::quotes::word_count;
use crate::article::extract::{Findings, ParagraphRef};
use crate::article::model::{Extraction, ParagraphKind};
use entities::{Registry, Texts};

/// Quoted words of this many words or fewer are kept only with a speaker. Measured on
/// polnear-train (five-fold): at 3, quotation precision rose by more than recall fell; at
/// 4 and 5 recall fell faster.
const UNATTRIBUTED_TERM_WORDS: usize = 3;

/// What the article says of itself that speakers are resolved against.
pub struct Context<'a> {
    /// The sections' headings and levels.
    pub headings: &'a [(Option<&'a str>, u8)],
    /// Who wrote it: who "I" is.
    pub byline: Option<&'a str>,
    /// The `speaker` model's weights.
    pub speaker: &'a [f32],
    /// Whether the speakers of the quotations before are the model's own (see `ranker`).
    pub chain: bool,
}

/// Turns what the paragraphs yielded into the article's quotes and entities. `trace`,
/// when given, receives the speaker candidates the model weighed (for training).
pub fn resolve(
    paras: &[ParagraphRef],
    found: Findings,
    cx: &Context,
    trace: Option<&mut Vec<Considered>>,
) -> Extraction {
    let headings = cx.headings;
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
    let mut quotes = speakers::resolve(&found.quotes, &mut registry, &found.hits, &texts, paras);
    ranker::rank(
        &mut quotes,
        &found.quotes,
        &registry,
        &found.hits,
        &found.readings,
        &texts,
        cx.speaker,
        cx.byline,
        cx.chain,
        trace,
    );
    // A few words in marks that nobody is said to have said are a term or a scare quote
    // ("the so-called “sharing economy”"), not a quotation.
    quotes.retain(|q| q.speaker.is_some() || word_count(&q.text).0 > UNATTRIBUTED_TERM_WORDS);
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
