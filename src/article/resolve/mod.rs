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
    /// Threads to gather speaker candidates on; `None`: as the article's length asks.
    pub threads: Option<usize>,
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
        cx.threads.unwrap_or_else(|| crate::article::extract::threads_for(texts.texts.iter().map(|t| t.len()).sum())),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::extract::find_all;
    use crate::article::learn::Weights;
    use crate::article::parse::paragraph_refs;

    /// A long report: people named and then carried by pronouns, quotations that only
    /// continue the one before, a description, so that each choice leans on the ones
    /// before it.
    fn long_report() -> String {
        let people = [
            ("Maria Lindqvist", "she"),
            ("Tomas Ferreira", "he"),
            ("Aiko Tanabe", "she"),
            ("Daniel Okafor", "he"),
            ("the harbour authority", "it"),
        ];
        let mut text = String::from("Flood report\n\nBy Jo Writer\n\n");
        for i in 0..400 {
            let (name, pronoun) = people[i % people.len()];
            let (other, _) = people[(i * 3 + 1) % people.len()];
            text.push_str(&format!(
                "{name} said on Tuesday that “the water rose by {i} centimetres overnight.” \
                 {pronoun} added: “We moved {n} families to the school.”\n\n\
                 “Nobody expected it this early,” {other} told reporters.\n\n\
                 “The pumps ran all night.”\n\n",
                n = i % 17 + 2,
                pronoun = capitalised(pronoun),
            ));
        }
        text
    }

    fn capitalised(w: &str) -> String {
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }

    #[test]
    fn speakers_are_the_same_on_one_thread_or_several() {
        let text = long_report();
        let article = crate::article::parse_structure(&text, None).expect("an article");
        let paras = paragraph_refs(&article);
        let headings: Vec<(Option<&str>, u8)> =
            article.sections.iter().map(|s| (s.heading.as_deref(), s.level)).collect();
        let weights = Weights::compiled();
        let run = |threads| {
            let found = find_all(&paras, &weights.accept, None);
            let cx = Context {
                headings: &headings,
                byline: article.byline.as_deref(),
                speaker: &weights.speaker,
                chain: weights.chain,
                threads: Some(threads),
            };
            resolve(&paras, found, &cx, None).quotes
        };
        let one = run(1);
        assert!(one.len() > 1200, "quotations across several blocks: {}", one.len());
        assert!(one.iter().filter(|q| q.speaker.is_some()).count() > one.len() / 2, "most have a speaker");
        assert_eq!(run(3), one);
    }
}
