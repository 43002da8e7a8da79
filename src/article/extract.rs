//! The extraction pipeline: every paragraph is tokenized once and handed to each
//! extractor; names and quotes are then resolved across the article.

use super::dates::{FoundDate, find_dates};
use super::entities::{PlacedHit, Registry, Texts};
use super::model::{Article, DateMention, Entity, Location, ParagraphKind, Quote, Statistic};
use super::names::find_names;
use super::numbers::find_statistics;
use super::quotes::{RawQuote, find_quotes, introduction};
use super::sentences::sentences;
use super::speakers::{ParagraphQuotes, resolve};
use super::tokens::{Token, tokenize_into};
use crate::document::{BlockKind, Document};

/// What a run of paragraphs yields before anything is resolved across paragraphs, in
/// reading order. Each worker fills one; they are joined in order.
#[derive(Default)]
struct Findings {
    statistics: Vec<Statistic>,
    dates: Vec<DateMention>,
    relative: Vec<DateMention>,
    quotes: Vec<ParagraphQuotes>,
    hits: Vec<PlacedHit>,
}

impl Findings {
    /// The workers' findings in order, in lists of the exact size (growing them one
    /// append at a time would leave up to half of each list unused on a long book).
    fn join(parts: Vec<Findings>) -> Findings {
        fn concat<T>(parts: &mut [Findings], list: fn(&mut Findings) -> &mut Vec<T>) -> Vec<T> {
            let mut out = Vec::with_capacity(parts.iter_mut().map(|p| list(p).len()).sum());
            for p in parts.iter_mut() {
                out.append(list(p));
            }
            out
        }
        let mut parts = parts;
        Findings {
            statistics: concat(&mut parts, |f| &mut f.statistics),
            dates: concat(&mut parts, |f| &mut f.dates),
            relative: concat(&mut parts, |f| &mut f.relative),
            quotes: concat(&mut parts, |f| &mut f.quotes),
            hits: concat(&mut parts, |f| &mut f.hits),
        }
    }
}

/// The paragraphs of an article with where they stand and what they are.
struct Para<'a> {
    section: usize,
    paragraph: usize,
    text: &'a str,
    pull_quote: bool,
}

/// Analyses one paragraph into `out`. `tokens` is a buffer reused across paragraphs.
fn analyse(p: &Para, all: &[Para], dateline_year: Option<i32>, tokens: &mut Vec<Token>, out: &mut Findings) {
    let (section, paragraph, text) = (p.section, p.paragraph, p.text);
    tokenize_into(text, tokens);
    let t = tokens.as_slice();
    let sents = sentences(text, t);
    let loc = |start, end| Location { section, paragraph, start, end };
    let sentence_of = |pos: usize| {
        let k = sents.partition_point(|s| s.end <= pos);
        sents.get(k).map_or(text, |s| &text[s.clone()])
    };
    let dates = find_dates(text, t);
    out.statistics.extend(find_statistics(text, t, &dates).into_iter().map(|s| Statistic {
        text: text[s.start..s.end].to_string(),
        quantity: text[s.q_start..s.q_end].to_string(),
        value: s.value.filter(|v| v.is_finite()),
        sentence: sentence_of(s.q_start).to_string(),
        at: loc(s.start, s.end),
    }));
    for d in dates {
        let mut iso = d.iso();
        // A month and day take the year of the dateline, when it gives one.
        if d.year.is_none()
            && d.month.is_some()
            && let Some(y) = dateline_year
        {
            iso = FoundDate { year: Some(y), ..d }.iso();
        }
        let m =
            DateMention { text: text[d.start..d.end].to_string(), iso, relative: d.relative, at: loc(d.start, d.end) };
        if d.relative { out.relative.push(m) } else { out.dates.push(m) }
    }
    let mut quotes: Vec<(RawQuote, String)> = find_quotes(text, t, &sents)
        .into_iter()
        .map(|q| {
            let s = text[q.start..q.end].to_string();
            (q, s)
        })
        .collect();
    // A pull quote repeats words from the body: those quotes are counted where they are
    // said, not again in the pull quote.
    if p.pull_quote {
        quotes.retain(|(_, q)| !repeated_elsewhere(all, (section, paragraph), q));
    }
    let intro = introduction(text, t, &sents);
    if !quotes.is_empty() || intro.is_some() {
        out.quotes.push(ParagraphQuotes { section, paragraph, text_len: text.len(), quotes, intro });
    }
    let starts: Vec<usize> = sents.iter().map(|s| s.start).collect();
    out.hits.extend(find_names(text, t, &starts).into_iter().map(|hit| PlacedHit::new(section, paragraph, hit)));
}

/// Fills the article's quotes, statistics, dates, people and organisations from its
/// sections. Paragraphs are analysed in parallel; the result does not depend on it.
pub fn extract(article: &mut Article) {
    let paras: Vec<Para> = article
        .paragraphs()
        .map(|(section, paragraph, p)| Para {
            section,
            paragraph,
            text: p.text.as_str(),
            pull_quote: p.kind == ParagraphKind::PullQuote,
        })
        .collect();
    let x = run(paras, article);
    x.apply(article);
}

/// Everything the extractors find in an article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub statistics: Vec<Statistic>,
    pub dates: Vec<DateMention>,
    pub relative_dates: Vec<DateMention>,
    pub people: Vec<Entity>,
    pub organisations: Vec<Entity>,
}

impl Extraction {
    pub fn apply(self, article: &mut Article) {
        article.quotes = self.quotes;
        article.statistics = self.statistics;
        article.dates = self.dates;
        article.relative_dates = self.relative_dates;
        article.people = self.people;
        article.organisations = self.organisations;
    }
}

/// The extractors over the paragraphs of a document whose texts have moved into it (the
/// reader keeps a long book's text once): `skeleton` gives the structure.
pub fn extract_document(doc: &Document, skeleton: &Article) -> Extraction {
    let paras: Vec<Para> = doc
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Paragraph { section, paragraph, kind } => {
                Some(Para { section, paragraph, text: b.original(), pull_quote: kind == ParagraphKind::PullQuote })
            }
            _ => None,
        })
        .collect();
    run(paras, skeleton)
}

fn run(paras: Vec<Para>, structure: &Article) -> Extraction {
    let dateline_year = structure.dateline.as_deref().and_then(year_in);
    let found = analyse_all(&paras, dateline_year);
    // Where each section's paragraphs start in reading order, from the paragraphs seen.
    let mut section_start = vec![0; structure.sections.len()];
    for (k, p) in paras.iter().enumerate().rev() {
        if let Some(s) = section_start.get_mut(p.section) {
            *s = k - p.paragraph;
        }
    }
    let texts = Texts { texts: paras.iter().map(|p| p.text).collect(), section_start };
    let mut registry = Registry::build(&found.hits, &texts);
    let quotes = resolve(&found.quotes, &mut registry, &found.hits, &texts);
    drop(texts);
    drop(paras);
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

/// Whether `words` stand in a paragraph other than `here`, letters compared without case.
fn repeated_elsewhere(paras: &[Para], here: (usize, usize), words: &str) -> bool {
    let needle: String = words.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
    if needle.trim().is_empty() {
        return false;
    }
    paras.iter().filter(|p| (p.section, p.paragraph) != here).any(|p| {
        let hay: String = p.text.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
        hay.contains(needle.trim())
    })
}

fn year_in(s: &str) -> Option<i32> {
    let mut t = Vec::new();
    tokenize_into(s, &mut t);
    find_dates(s, &t).into_iter().find_map(|d| d.year)
}

fn analyse_all(paras: &[Para], dateline_year: Option<i32>) -> Findings {
    let bytes: usize = paras.iter().map(|p| p.text.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let run = |chunk: &[Para]| {
        let mut tokens = Vec::new();
        let mut out = Findings::default();
        for p in chunk {
            analyse(p, paras, dateline_year, &mut tokens, &mut out);
        }
        out
    };
    // Threads pay off only on long documents.
    if threads < 2 || bytes < 256 * 1024 {
        return run(paras);
    }
    // Chunks of about equal bytes, in order.
    let target = bytes.div_ceil(threads);
    let mut chunks = Vec::new();
    let (mut from, mut acc) = (0, 0);
    for (i, p) in paras.iter().enumerate() {
        acc += p.text.len();
        if acc >= target && chunks.len() + 1 < threads {
            chunks.push(&paras[from..=i]);
            from = i + 1;
            acc = 0;
        }
    }
    chunks.push(&paras[from..]);
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks.into_iter().map(|c| scope.spawn(move || run(c))).collect();
        let parts: Vec<Findings> =
            handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect();
        Findings::join(parts)
    })
}
