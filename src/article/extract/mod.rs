//! What each paragraph says, found one paragraph at a time: `dates` (with listed and
//! relative dates), `numbers` (quantities and the phrases around them), `names` (people
//! and organisations, with the words and cues that tell them apart), `quotes` (with
//! their attributions). The driver here tokenizes each paragraph once and hands it to
//! every finder, on several threads for a long book; `resolve` then works across the
//! paragraphs.

pub mod dates;
pub mod names;
pub mod numbers;
pub mod quotes;
mod table;

use std::sync::OnceLock;

use crate::article::extract::dates::{FoundDate, find_dates};
use crate::article::extract::names::{PlacedHit, find_names};
use crate::article::extract::numbers::{FoundStat, find_statistics};
use crate::article::extract::quotes::{
    ParagraphQuotes, RawQuote, block_quotation, dialogue_line, introduction, quote_candidates,
};
use crate::article::model::{DateMention, Location, ParagraphKind, Statistic};
use crate::article::text::sentences::{sentence_around, sentences};
use crate::article::text::tokens::{Token, tokenize_into};

/// What a run of paragraphs yields before anything is resolved across paragraphs, in
/// reading order. Each worker fills one; they are joined in order.
#[derive(Default)]
pub struct Findings {
    pub statistics: Vec<Statistic>,
    pub dates: Vec<DateMention>,
    pub relative: Vec<DateMention>,
    pub quotes: Vec<ParagraphQuotes>,
    pub hits: Vec<PlacedHit>,
    /// The sentences and verbs of speech of each paragraph that has quotations or names,
    /// in reading order: the speaker ranker reads them instead of tokenizing again.
    pub readings: Vec<Reading>,
}

/// What the speaker ranker needs of a paragraph the extractors have read.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub section: usize,
    pub paragraph: usize,
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Where its verbs of speech stand ("according" is not one here).
    pub verbs: Vec<usize>,
    /// Whether a word only English uses is in it.
    pub english: bool,
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
            readings: concat(&mut parts, |f| &mut f.readings),
        }
    }
}

/// A paragraph as the extractors take it: where it stands, its text and its kind.
#[derive(Debug, Clone, Copy)]
pub struct ParagraphRef<'a> {
    pub section: usize,
    pub paragraph: usize,
    pub text: &'a str,
    pub kind: ParagraphKind,
    /// How many of a table's first rows are its header (0 for other paragraphs).
    pub header_rows: usize,
}

/// Analyses one paragraph into `out`. `tokens` is a buffer reused across paragraphs.
fn analyse(
    p: &ParagraphRef,
    all: &[ParagraphRef],
    accept: &[f32],
    dateline_year: Option<i32>,
    folded: &OnceLock<Vec<String>>,
    tokens: &mut Vec<Token>,
    out: &mut Findings,
) {
    match p.kind {
        // Code is never mined; a table is read cell by cell.
        ParagraphKind::Code => return,
        ParagraphKind::Table => return table::analyse(p, dateline_year, tokens, out),
        _ => {}
    }
    let (section, paragraph, text) = (p.section, p.paragraph, p.text);
    tokenize_into(text, tokens);
    let t = tokens.as_slice();
    let sents = sentences(text, t);
    let loc = |start, end| Location { section, paragraph, start, end };
    // The sentence a statistic stands in, cut around it when very long.
    let sentence_of = |s: &FoundStat| {
        let k = sents.partition_point(|x| x.end <= s.q_start);
        let sentence = sents.get(k).cloned().unwrap_or(0..text.len());
        sentence_around(text, sentence, s.start..s.end).into_owned()
    };
    let dates = find_dates(text, t);
    // (Issue 23.) A caption describes its picture or its chart, whose numbers are the
    // figure's, not the article's statements: a person pasting the article leaves them out.
    let stated = if p.kind == ParagraphKind::Figure { Vec::new() } else { find_statistics(text, t, &dates) };
    out.statistics.extend(stated.into_iter().map(|s| Statistic {
        text: text[s.start..s.end].to_string(),
        quantity: text[s.q_start..s.q_end].to_string(),
        value: s.value.filter(|v| v.is_finite()),
        sentence: sentence_of(&s),
        at: loc(s.start, s.end),
    }));
    push_dates(out, dates, text, dateline_year, loc);
    // A dialogue line is one quotation; quotation marks inside it are its own words.
    let dialogue = (p.kind == ParagraphKind::Body).then(|| dialogue_line(text, t)).flatten();
    let block = (p.kind == ParagraphKind::BlockQuote)
        .then(|| block_quotation(text, next_block_quote(all, p).map(|n| n.text)))
        .flatten();
    let mut quotes: Vec<(RawQuote, String)> = dialogue
        .or_else(|| block.map(|q| vec![q]))
        .unwrap_or_else(|| {
            quote_candidates(text, t, &sents, accept).into_iter().filter(|c| c.score > 0.0).map(|c| c.quote).collect()
        })
        .into_iter()
        .map(|q| {
            let s = text[q.start..q.end].to_string();
            (q, s)
        })
        .collect();
    // A pull quote repeats words from the body: those quotes are counted where they are
    // said, not again in the pull quote.
    // So do a caption and a block quotation that quote the body.
    if matches!(p.kind, ParagraphKind::PullQuote | ParagraphKind::Figure | ParagraphKind::BlockQuote) {
        let folded = folded.get_or_init(|| all.iter().map(|p| fold(p.text)).collect());
        quotes.retain(|(_, q)| !repeated_elsewhere(all, folded, (section, paragraph), q));
    }
    let intro = introduction(text, t, &sents);
    if !quotes.is_empty() || intro.is_some() {
        out.quotes.push(ParagraphQuotes { section, paragraph, text_len: text.len(), quotes, intro });
    }
    let starts: Vec<usize> = sents.iter().map(|s| s.start).collect();
    let before = out.hits.len();
    out.hits.extend(find_names(text, t, &starts).into_iter().map(|hit| PlacedHit::new(section, paragraph, hit)));
    if out.hits.len() > before || out.quotes.last().is_some_and(|q| (q.section, q.paragraph) == (section, paragraph)) {
        use crate::article::text::lexicon::{ENGLISH, SPEECH};
        out.readings.push(Reading {
            section,
            paragraph,
            verbs: t.iter().filter(|x| x.lex.is(SPEECH) && x.text(text) != "according").map(|x| x.start).collect(),
            english: t.iter().any(|x| x.lex.is(ENGLISH)),
            sentences: sents,
        });
    }
}

/// Every span between quotation marks that the acceptance model weighs, in reading order,
/// with its words and features: what it learns from. Dialogue lines and block quotations
/// are quotations by their form and are not weighed.
pub(crate) fn weighed_spans(paras: &[ParagraphRef], accept: &[f32]) -> Vec<(String, crate::article::learn::Features)> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    for p in paras {
        if matches!(p.kind, ParagraphKind::Code | ParagraphKind::Table) {
            continue;
        }
        tokenize_into(p.text, &mut tokens);
        let t = tokens.as_slice();
        let by_form = p.kind == ParagraphKind::Body && dialogue_line(p.text, t).is_some()
            || p.kind == ParagraphKind::BlockQuote
                && block_quotation(p.text, next_block_quote(paras, p).map(|n| n.text)).is_some();
        if by_form {
            continue;
        }
        let sents = sentences(p.text, t);
        for c in quote_candidates(p.text, t, &sents, accept) {
            out.push((p.text[c.quote.start..c.quote.end].to_string(), c.features));
        }
    }
    out
}

/// The block-quote paragraph right after `p`, if the next paragraph is one.
fn next_block_quote<'a>(all: &'a [ParagraphRef<'a>], p: &ParagraphRef) -> Option<&'a ParagraphRef<'a>> {
    // Paragraphs are in reading order.
    let at = all.partition_point(|q| (q.section, q.paragraph) <= (p.section, p.paragraph));
    all.get(at).filter(|n| n.kind == ParagraphKind::BlockQuote)
}

/// Dates found in `text` as the article's mentions, located by `loc`. A month and day
/// take the year of the dateline, when it gives one.
fn push_dates(
    out: &mut Findings,
    dates: Vec<FoundDate>,
    text: &str,
    dateline_year: Option<i32>,
    loc: impl Fn(usize, usize) -> Location,
) {
    for d in dates {
        let mut iso = d.iso();
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
}

/// A text's letters, digits and spaces, lowercased: what `repeated_elsewhere` compares.
fn fold(text: &str) -> String {
    text.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect()
}

/// Whether `words` stand in a paragraph other than `here`, letters compared without case.
/// `folded` holds every paragraph folded, once for the article: a caption or a block
/// quotation with quotes in it folded the whole article again for each quote.
fn repeated_elsewhere(paras: &[ParagraphRef], folded: &[String], here: (usize, usize), words: &str) -> bool {
    let needle = fold(words);
    if needle.trim().is_empty() {
        return false;
    }
    paras
        .iter()
        .zip(folded)
        .filter(|(p, _)| (p.section, p.paragraph) != here)
        .any(|(_, hay)| hay.contains(needle.trim()))
}

pub fn year_in(s: &str) -> Option<i32> {
    let mut t = Vec::new();
    tokenize_into(s, &mut t);
    find_dates(s, &t).into_iter().find_map(|d| d.year)
}

/// Runs every finder over `paras`; `accept` are the weights that decide which quoted
/// words are quotations.
pub fn find_all(paras: &[ParagraphRef], accept: &[f32], dateline_year: Option<i32>) -> Findings {
    let bytes: usize = paras.iter().map(|p| p.text.len()).sum();
    let threads = threads_for(bytes);
    // Folded when a caption or a block quotation first needs it, shared by the threads.
    let folded = OnceLock::new();
    let run = |chunk: &[ParagraphRef]| {
        let mut tokens = Vec::new();
        let mut out = Findings::default();
        for p in chunk {
            analyse(p, paras, accept, dateline_year, &folded, &mut tokens, &mut out);
        }
        out
    };
    if threads < 2 {
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

/// Threads for work over `bytes` of text. Threads pay off only on long documents. The
/// count of processors is asked only then: std reads the cgroup's CPU quota from /sys for
/// it, system calls that were a fifth of the time to parse a short article.
pub fn threads_for(bytes: usize) -> usize {
    if bytes < 256 * 1024 { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()).min(8) }
}
