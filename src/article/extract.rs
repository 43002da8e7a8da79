//! The extraction pipeline: every paragraph is tokenized once and handed to each
//! extractor; names and quotes are then resolved across the article.

use super::dates::{FoundDate, find_dates};
use super::entities::{PlacedHit, Registry, Texts};
use super::model::{Article, DateMention, Location, ParagraphKind, Statistic};
use super::names::find_names;
use super::numbers::find_statistics;
use super::quotes::{RawQuote, Said, find_quotes, introduction};
use super::sentences::sentences;
use super::speakers::{ParagraphQuotes, resolve};
use super::tokens::{Token, tokenize_into};

/// What one paragraph yields before anything is resolved across paragraphs.
#[derive(Default)]
struct ParagraphFindings {
    statistics: Vec<Statistic>,
    dates: Vec<(FoundDate, String, Location)>,
    quotes: Vec<(RawQuote, String)>,
    intro: Option<Said>,
    hits: Vec<PlacedHit>,
}

fn analyse(section: usize, paragraph: usize, text: &str, tokens: &mut Vec<Token>) -> ParagraphFindings {
    tokenize_into(text, tokens);
    let t = tokens.as_slice();
    let sents = sentences(text, t);
    let loc = |start, end| Location { section, paragraph, start, end };
    let sentence_of = |pos: usize| {
        let k = sents.partition_point(|s| s.end <= pos);
        sents.get(k).map_or(text, |s| &text[s.clone()])
    };
    let dates = find_dates(text, t);
    let statistics = find_statistics(text, t, &dates)
        .into_iter()
        .map(|s| Statistic {
            text: text[s.start..s.end].to_string(),
            quantity: text[s.q_start..s.q_end].to_string(),
            value: s.value.filter(|v| v.is_finite()),
            sentence: sentence_of(s.q_start).to_string(),
            at: loc(s.start, s.end),
        })
        .collect();
    let quotes = find_quotes(text, t, &sents).into_iter().map(|q| {
        let s = text[q.start..q.end].to_string();
        (q, s)
    });
    let starts: Vec<usize> = sents.iter().map(|s| s.start).collect();
    let hits = find_names(text, t, &starts).into_iter().map(|hit| PlacedHit { section, paragraph, hit }).collect();
    ParagraphFindings {
        statistics,
        dates: dates
            .into_iter()
            .map(|d| {
                let s = text[d.start..d.end].to_string();
                let l = loc(d.start, d.end);
                (d, s, l)
            })
            .collect(),
        quotes: quotes.collect(),
        intro: introduction(text, t, &sents),
        hits,
    }
}

/// Fills the article's quotes, statistics, dates, people and organisations from its
/// sections. Paragraphs are analysed in parallel; the result does not depend on it.
pub fn extract(article: &mut Article) {
    let paras: Vec<(usize, usize, &str)> =
        article.paragraphs().map(|(s, p, para)| (s, p, para.text.as_str())).collect();
    let findings = analyse_all(&paras);

    let mut statistics = Vec::new();
    let mut dates = Vec::new();
    let mut relative = Vec::new();
    let mut hits = Vec::new();
    let mut quote_paras = Vec::new();
    let dateline_year = article.dateline.as_deref().and_then(year_in);
    for (f, &(section, paragraph, text)) in findings.into_iter().zip(&paras) {
        statistics.extend(f.statistics);
        for (d, s, at) in f.dates {
            let mut iso = d.iso();
            if d.year.is_none()
                && d.month.is_some()
                && let Some(y) = dateline_year
            {
                iso = FoundDate { year: Some(y), ..d.clone() }.iso();
            }
            let m = DateMention { text: s, iso, relative: d.relative, at };
            if d.relative { relative.push(m) } else { dates.push(m) }
        }
        hits.extend(f.hits);
        let mut f_quotes = f.quotes;
        // A pull quote repeats words from the body: those quotes are counted where they
        // are said, not again in the pull quote.
        let pull = article.paragraph(section, paragraph).is_some_and(|p| p.kind == ParagraphKind::PullQuote);
        if pull {
            f_quotes.retain(|(_, q)| !repeated_elsewhere(&paras, (section, paragraph), q));
        }
        if !f_quotes.is_empty() || f.intro.is_some() {
            quote_paras.push(ParagraphQuotes {
                section,
                paragraph,
                text_len: text.len(),
                quotes: f_quotes,
                intro: f.intro,
            });
        }
    }
    let mut section_start = Vec::with_capacity(article.sections.len());
    let mut n = 0;
    for s in &article.sections {
        section_start.push(n);
        n += s.paragraphs.len();
    }
    let texts = Texts { texts: paras.iter().map(|p| p.2).collect(), section_start };
    let mut registry = Registry::build(&hits, &texts);
    let quotes = resolve(&quote_paras, &mut registry, &hits, &texts);
    drop(texts);
    let (people, organisations) = registry.into_entities();
    article.statistics = statistics;
    article.dates = dates;
    article.relative_dates = relative;
    article.quotes = quotes;
    article.people = people;
    article.organisations = organisations;
}

/// Whether `words` stand in a paragraph other than `here`, letters compared without case.
fn repeated_elsewhere(paras: &[(usize, usize, &str)], here: (usize, usize), words: &str) -> bool {
    let needle: String = words.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
    if needle.trim().is_empty() {
        return false;
    }
    paras.iter().filter(|p| (p.0, p.1) != here).any(|p| {
        let hay: String = p.2.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
        hay.contains(needle.trim())
    })
}

fn year_in(s: &str) -> Option<i32> {
    let mut t = Vec::new();
    tokenize_into(s, &mut t);
    find_dates(s, &t).into_iter().find_map(|d| d.year)
}

fn analyse_all(paras: &[(usize, usize, &str)]) -> Vec<ParagraphFindings> {
    let bytes: usize = paras.iter().map(|p| p.2.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let run = |chunk: &[(usize, usize, &str)]| {
        let mut tokens = Vec::new();
        chunk.iter().map(|&(s, p, text)| analyse(s, p, text, &mut tokens)).collect::<Vec<_>>()
    };
    // Threads pay off only on long documents.
    if threads < 2 || bytes < 256 * 1024 {
        return run(paras);
    }
    let per = paras.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paras.chunks(per.max(1)).map(|c| scope.spawn(move || run(c))).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}
