//! The article as the reader shows it: a list of blocks (subtitle, headings, paragraphs,
//! byline…) whose text is made safe for the terminal, and wrapping of a block to a width.
//!
//! Wrapping works on byte ranges of the display text, so highlights (quotes, matches) can
//! be drawn on the right words without copying text, and only the blocks on screen are
//! ever wrapped: a 10 MB book scrolls as fast as a news story.

use crate::article::{Article, ParagraphKind, ParagraphRef};
use crate::sanitize::{Shown, classify};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocKind {
    Subtitle,
    Dateline,
    Heading { section: usize },
    Paragraph { section: usize, paragraph: usize, kind: ParagraphKind },
    Byline,
    Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocBlock {
    pub kind: DocKind,
    /// The text as shown: control characters and the like replaced by placeholders.
    pub text: String,
    /// Drawn before the first line ("• ", "1. ", "▌ "); later lines are indented as much.
    pub prefix: Box<str>,
    /// Every letter is ASCII: searches can take the fast path.
    pub ascii_letters: bool,
    /// Only for text that needed placeholders (rare): kept out of line, so the blocks of
    /// a long book stay small.
    changed: Option<Box<Changed>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Changed {
    /// The text as written.
    original: String,
    /// (offset in the original, offset in `text`) after each replaced character.
    map: Vec<(usize, usize)>,
}

impl DocBlock {
    fn new(kind: DocKind, original: &str, prefix: &str) -> DocBlock {
        DocBlock::owned(kind, original.to_string(), prefix)
    }

    /// A block that takes its text rather than copying it (a 10 MB book is held once).
    fn owned(kind: DocKind, original: String, prefix: &str) -> DocBlock {
        let (text, changed) = match display_text(&original) {
            None => (original, None),
            Some((text, map)) => (text, Some(Box::new(Changed { original, map }))),
        };
        let ascii_letters = !crate::search::has_non_ascii_letters(&text);
        DocBlock { kind, text, prefix: prefix.into(), ascii_letters, changed }
    }

    /// The text as the article has it (the extractors' positions are in this).
    pub fn original(&self) -> &str {
        self.changed.as_ref().map_or(&self.text, |c| &c.original)
    }

    /// The offset in `text` of an offset in the original article text.
    pub fn to_display(&self, original: usize) -> usize {
        let map = self.changed.as_ref().map_or(&[][..], |c| &c.map[..]);
        let k = map.partition_point(|&(o, _)| o <= original);
        match k.checked_sub(1) {
            None => original.min(self.text.len()),
            Some(k) => {
                let (o, d) = map[k];
                (d + (original - o)).min(self.text.len())
            }
        }
    }

    /// The offset in the original text of an offset in `text` (for search results, which
    /// run over the displayed text).
    pub fn to_original(&self, display: usize) -> usize {
        let map = self.changed.as_ref().map_or(&[][..], |c| &c.map[..]);
        let k = map.partition_point(|&(_, d)| d <= display);
        match k.checked_sub(1) {
            None => display,
            Some(k) => {
                let (o, d) = map[k];
                o + (display - d)
            }
        }
    }

    pub fn indent(&self) -> usize {
        self.prefix.width()
    }
}

/// Sanitized text and the offset map for it; `None` when the text is safe as it is.
fn display_text(original: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let mut prev = None;
    if original.chars().all(|c| {
        let keep = matches!(classify(c, prev), Shown::Keep);
        prev = Some(c);
        keep
    }) {
        return None;
    }
    let mut text = String::with_capacity(original.len() + 16);
    let mut map = Vec::new();
    let mut prev = None;
    for (i, c) in original.char_indices() {
        match classify(c, prev) {
            Shown::Keep => text.push(c),
            Shown::Replace(s) => {
                text.push_str(s);
                map.push((i + c.len_utf8(), text.len()));
            }
            Shown::Code(c) => {
                text.push_str(&format!("<U+{:04X}>", c as u32));
                map.push((i + c.len_utf8(), text.len()));
            }
        }
        prev = Some(c);
    }
    Some((text, map))
}

/// The reader's view of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<DocBlock>,
    /// The block of each section's heading (or of its first paragraph when untitled).
    pub section_start: Vec<usize>,
    /// For each section, the block of its first paragraph.
    first_paragraph: Vec<usize>,
    /// The dateline's block when it stands among the first section's paragraphs (under the
    /// standfirst).
    dateline_at: Option<usize>,
    /// Display bytes before each block, for reading progress.
    bytes_before: Vec<usize>,
    pub total_bytes: usize,
}

impl Document {
    pub fn new(article: &Article) -> Document {
        Document::build(article, |_, _, text| text.to_string())
    }

    /// A document that takes the paragraphs' texts out of `article` instead of copying
    /// them; the article is left with its structure and empty paragraphs.
    pub fn take(article: &mut Article) -> Document {
        let mut texts: Vec<Vec<String>> = article
            .sections
            .iter_mut()
            .map(|s| s.paragraphs.iter_mut().map(|p| std::mem::take(&mut p.text)).collect())
            .collect();
        Document::build(article, |s, p, _| {
            texts.get_mut(s).and_then(|v| v.get_mut(p)).map(std::mem::take).unwrap_or_default()
        })
    }

    fn build(article: &Article, mut text_of: impl FnMut(usize, usize, &str) -> String) -> Document {
        let count = 6 + article.sections.iter().map(|s| s.paragraphs.len() + 1).sum::<usize>();
        let mut blocks = Vec::with_capacity(count);
        // An export from before standfirsts were paragraphs has the subtitle alone.
        if let Some(s) = article.subtitle.as_ref().filter(|_| !article.has_standfirst()) {
            blocks.push(DocBlock::new(DocKind::Subtitle, s, ""));
        }
        // The dateline under the standfirst, as on the page; first when there is none.
        let standfirsts = article
            .sections
            .first()
            .map_or(0, |s| s.paragraphs.iter().take_while(|p| p.kind == ParagraphKind::Standfirst).count());
        let mut dateline_at = None;
        let dateline = || article.dateline.as_ref().map(|d| DocBlock::new(DocKind::Dateline, d, ""));
        if standfirsts == 0 {
            blocks.extend(dateline());
        }
        let mut section_start = Vec::new();
        let mut first_paragraph = Vec::new();
        for (s, section) in article.sections.iter().enumerate() {
            section_start.push(blocks.len());
            if let Some(h) = &section.heading {
                blocks.push(DocBlock::new(DocKind::Heading { section: s }, h, ""));
            }
            first_paragraph.push(blocks.len());
            for (p, para) in section.paragraphs.iter().enumerate() {
                let prefix = match (para.kind, &para.marker) {
                    (ParagraphKind::ListItem, Some(m)) => format!("{m} "),
                    (ParagraphKind::ListItem, None) => "• ".to_string(),
                    (ParagraphKind::PullQuote, _) => "▌ ".to_string(),
                    (ParagraphKind::Body | ParagraphKind::Standfirst, _) => String::new(),
                };
                let kind = DocKind::Paragraph { section: s, paragraph: p, kind: para.kind };
                let text = text_of(s, p, &para.text);
                blocks.push(DocBlock::owned(kind, text, &crate::sanitize::visible(&prefix)));
                if s == 0
                    && p + 1 == standfirsts
                    && let Some(d) = dateline()
                {
                    dateline_at = Some(blocks.len());
                    blocks.push(d);
                }
            }
        }
        if let Some(b) = &article.byline {
            blocks.push(DocBlock::new(DocKind::Byline, b, ""));
        }
        if let Some(s) = &article.source {
            blocks.push(DocBlock::new(DocKind::Source, &format!("Source: {s}"), ""));
        }
        let mut bytes_before = Vec::with_capacity(blocks.len());
        let mut total = 0;
        for b in &blocks {
            bytes_before.push(total);
            total += b.text.len().max(1);
        }
        Document { blocks, section_start, first_paragraph, dateline_at, bytes_before, total_bytes: total }
    }

    /// The paragraphs' original texts, for the extractors.
    pub fn paragraphs(&self) -> impl Iterator<Item = ParagraphRef<'_>> {
        self.blocks.iter().filter_map(|b| match b.kind {
            DocKind::Paragraph { section, paragraph, kind } => {
                Some(ParagraphRef { section, paragraph, text: b.original(), kind })
            }
            _ => None,
        })
    }

    pub fn paragraph_count(&self) -> usize {
        self.blocks.iter().filter(|b| matches!(b.kind, DocKind::Paragraph { .. })).count()
    }

    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The block holding paragraph `paragraph` of section `section`.
    pub fn paragraph_block(&self, section: usize, paragraph: usize) -> Option<usize> {
        let mut b = self.first_paragraph.get(section)? + paragraph;
        if section == 0 && self.dateline_at.is_some_and(|d| b >= d) {
            b += 1;
        }
        match self.blocks.get(b)?.kind {
            DocKind::Paragraph { section: s, paragraph: p, .. } if s == section && p == paragraph => Some(b),
            _ => None,
        }
    }

    /// Display bytes before `block`, and in all.
    pub fn bytes_before(&self, block: usize) -> usize {
        self.bytes_before.get(block).copied().unwrap_or(self.total_bytes)
    }
}

/// Wraps a block's text to `width` columns (the prefix's indent already taken off):
/// the byte ranges of its lines. Words break at Unicode line-break opportunities; a word
/// wider than the line is cut between graphemes, never inside one.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    if text.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let base = text.as_ptr() as usize;
    let offset = |s: &str| s.as_ptr() as usize - base;
    let mut words: Vec<textwrap::core::Word> = Vec::new();
    // Text without CJK or other scripts that break between letters wraps at spaces, which
    // is much quicker to find than Unicode's line-break opportunities.
    let separator = if text.chars().all(|c| c < '\u{2e80}') {
        textwrap::WordSeparator::AsciiSpace
    } else {
        textwrap::WordSeparator::UnicodeBreakProperties
    };
    for mut w in separator.find_words(text) {
        w.width = w.word.width();
        if w.width <= width {
            words.push(w);
            continue;
        }
        // Too wide for a line: cut between graphemes.
        let mut start = 0;
        let mut cols = 0;
        for (i, g) in w.word.grapheme_indices(true) {
            let gw = g.width();
            if cols > 0 && cols + gw > width {
                words.push(textwrap::core::Word { word: &w.word[start..i], whitespace: "", penalty: "", width: cols });
                start = i;
                cols = 0;
            }
            cols += gw;
        }
        words.push(textwrap::core::Word { word: &w.word[start..], whitespace: w.whitespace, penalty: "", width: cols });
    }
    let lines = textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64]);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if let (Some(first), Some(last)) = (line.first(), line.last()) {
            let start = offset(first.word);
            let end = offset(last.word) + last.word.len();
            out.push(start..end);
        }
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    /// As on the page: the standfirst, then the date; and every paragraph still maps to its
    /// own block, those after the dateline too.
    #[test]
    fn the_dateline_stands_under_the_standfirst() {
        let text = "Energy price cap to rise by 10% in January, regulator confirms\n\n\
            Typical household will pay £1,738 a year as wholesale gas prices climb\n\n\
            By Olivia Grant\n\nPublished 23 November 2024\n\n\
            Household energy bills will rise by 10% from 1 January, the regulator has confirmed.\n\n\
            The cap will apply to about 22 million households.\n";
        let a = crate::article::parse(text, None).unwrap();
        let doc = Document::new(&a);
        let kinds: Vec<&DocKind> = doc.blocks.iter().take(3).map(|b| &b.kind).collect();
        assert!(matches!(kinds[0], DocKind::Paragraph { kind: ParagraphKind::Standfirst, .. }), "{kinds:?}");
        assert_eq!(kinds[1], &DocKind::Dateline);
        for (s, section) in a.sections.iter().enumerate() {
            for p in 0..section.paragraphs.len() {
                let b = doc.paragraph_block(s, p).unwrap_or_else(|| panic!("{s}:{p} has no block"));
                assert_eq!(doc.blocks[b].text, section.paragraphs[p].text);
            }
        }
    }

    #[test]
    fn wraps_words_to_width() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn long_words_break_between_graphemes() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}";
        for l in lines(text, 2) {
            assert!(!l.starts_with('\u{301}'), "a combining mark was split off: {l:?}");
        }
        for l in lines("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 2) {
            assert!(l.width() <= 2);
        }
    }

    #[test]
    fn wide_characters_count_double() {
        for l in lines("日本語のテキストを折り返す", 6) {
            assert!(l.width() <= 6, "{l:?} is {} wide", l.width());
        }
    }

    #[test]
    fn placeholders_keep_offsets_straight() {
        let b = DocBlock::new(DocKind::Byline, "a\u{1b}[2Jb said", "");
        assert_eq!(b.text, "a␛[2Jb said");
        // "said" starts at 7 in the original and at 9 on screen (␛ is three bytes).
        assert_eq!(b.to_display(7), 9);
        assert_eq!(b.to_original(9), 7);
        assert_eq!(b.to_display(0), 0);
    }
}
