//! The article as the reader shows it: a list of blocks (subtitle, headings, paragraphs,
//! byline…) whose text is made safe for the terminal (`block`), and their lines at a
//! width (`lines`, `table` for the grid of a table).

mod block;
mod lines;
mod table;

pub use block::{DocBlock, DocKind, Inline, Shape, safe_url};
pub use lines::{Deco, Seg, VLine, cells, cut_to, lay_out, wrap};

use crate::article::{Article, ParagraphKind, ParagraphRef};

/// The reader's view of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<DocBlock>,
    /// The block of each section's heading (or of its first paragraph when untitled; the
    /// first section starts at the top, with the headline block).
    pub section_start: Vec<usize>,
    /// For each section, the block of its first paragraph.
    first_paragraph: Vec<usize>,
    /// Where the dateline and byline stand among the first section's paragraphs (under
    /// the standfirst), and how many blocks they take.
    masthead_at: Option<(usize, usize)>,
    /// Display bytes before each block, for reading progress.
    bytes_before: Vec<usize>,
    pub total_bytes: usize,
    /// Words before each block, for the time left to read.
    words_before: Vec<usize>,
    /// Words of the text (the source line aside), for the reading time.
    pub total_words: usize,
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
        // The headline block: the title, the standfirst (the first paragraphs, or the
        // subtitle of an export from before standfirsts were paragraphs), then the dateline
        // and the byline, as on the page.
        if let Some(t) = &article.title {
            blocks.push(DocBlock::prose(DocKind::Title, t));
        }
        if let Some(s) = article.subtitle.as_ref().filter(|_| !article.has_standfirst()) {
            blocks.push(DocBlock::prose(DocKind::Subtitle, s));
        }
        let standfirsts = article
            .sections
            .first()
            .map_or(0, |s| s.paragraphs.iter().take_while(|p| p.kind == ParagraphKind::Standfirst).count());
        let masthead = || {
            let mut m: Vec<DocBlock> = Vec::new();
            m.extend(article.dateline.as_ref().map(|d| DocBlock::prose(DocKind::Dateline, d)));
            m.extend(article.byline.as_ref().map(|b| DocBlock::prose(DocKind::Byline, b)));
            // Date and byline line under line, one block with the title above.
            if let Some((last, rest)) = m.split_last_mut() {
                rest.iter_mut().for_each(|b| b.gap_after = false);
                last.gap_after = true;
            }
            m
        };
        let mut masthead_at = None;
        if standfirsts == 0 {
            blocks.extend(masthead());
        }
        let mut section_start = Vec::new();
        let mut first_paragraph = Vec::new();
        for (s, section) in article.sections.iter().enumerate() {
            // The headline block is the top of the first section.
            section_start.push(if s == 0 { 0 } else { blocks.len() });
            if let Some(h) = &section.heading {
                blocks.push(DocBlock::prose(DocKind::Heading { section: s, level: section.level }, h));
            }
            first_paragraph.push(blocks.len());
            for (p, para) in section.paragraphs.iter().enumerate() {
                let kind = DocKind::Paragraph { section: s, paragraph: p, kind: para.kind };
                let text = text_of(s, p, &para.text);
                let mut block = DocBlock::paragraph(kind, para, text);
                // The items of a tight list stand line under line; a numbered list after a
                // bulleted one is another list.
                let tight = |q: &crate::article::Paragraph| {
                    q.kind == ParagraphKind::ListItem && !q.rich().is_some_and(|r| r.loose)
                };
                let ordered = |q: &crate::article::Paragraph| q.rich().is_some_and(|r| r.ordered);
                let same_list = section
                    .paragraphs
                    .get(p + 1)
                    .is_some_and(|n| tight(n) && (n.depth() > 0 || para.depth() > 0 || ordered(n) == ordered(para)));
                block.gap_after = !(tight(para) && same_list);
                blocks.push(block);
                if s == 0 && p + 1 == standfirsts {
                    let m = masthead();
                    if !m.is_empty() {
                        masthead_at = Some((blocks.len(), m.len()));
                        blocks.extend(m);
                    }
                }
            }
        }
        if let Some(s) = &article.source {
            blocks.push(DocBlock::prose(DocKind::Source, &format!("Source: {s}")));
        }
        let mut bytes_before = Vec::with_capacity(blocks.len());
        let mut words_before = Vec::with_capacity(blocks.len());
        let (mut total, mut words) = (0, 0);
        for b in &blocks {
            bytes_before.push(total);
            words_before.push(words);
            total += b.text.len().max(1);
            if b.kind != DocKind::Source {
                words += count_words(&b.text);
            }
        }
        Document {
            blocks,
            section_start,
            first_paragraph,
            masthead_at,
            bytes_before,
            total_bytes: total,
            words_before,
            total_words: words,
        }
    }

    /// The paragraphs' original texts, for the extractors.
    pub fn paragraphs(&self) -> impl Iterator<Item = ParagraphRef<'_>> {
        self.blocks.iter().filter_map(|b| match b.kind {
            DocKind::Paragraph { section, paragraph, kind } => {
                let header_rows = match &b.shape {
                    Shape::Table(t) => t.header.iter().take_while(|h| **h).count(),
                    _ => 0,
                };
                Some(ParagraphRef { section, paragraph, text: b.original(), kind, header_rows })
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
        if section == 0
            && let Some((at, n)) = self.masthead_at
            && b >= at
        {
            b += n;
        }
        match self.blocks.get(b)?.kind {
            DocKind::Paragraph { section: s, paragraph: p, .. } if s == section && p == paragraph => Some(b),
            _ => None,
        }
    }

    /// The document with each link's number after its words, "[3]" for the Links tab's
    /// third (`#`, as w3m and newsboat number them). Tables and code keep their shape.
    pub fn with_link_numbers(&self, links: &[crate::article::Link]) -> Document {
        let mut by_block: std::collections::BTreeMap<usize, Vec<(usize, String)>> = Default::default();
        for (i, l) in links.iter().enumerate() {
            if let Some(b) = self.paragraph_block(l.at.section, l.at.paragraph) {
                by_block.entry(b).or_default().push((l.at.end, format!("[{}]", i + 1)));
            }
        }
        let mut doc = self.clone();
        for (b, mut inserts) in by_block {
            inserts.sort();
            if let Some(block) = doc.blocks.get_mut(b)
                && matches!(block.shape, Shape::Prose { .. } | Shape::Quoted)
            {
                *block = block.with_inserts(&inserts);
            }
        }
        doc
    }

    /// Display bytes before `block`, and in all.
    pub fn bytes_before(&self, block: usize) -> usize {
        self.bytes_before.get(block).copied().unwrap_or(self.total_bytes)
    }

    /// Words before `block`, and in all.
    pub fn words_before(&self, block: usize) -> usize {
        self.words_before.get(block).copied().unwrap_or(self.total_words)
    }
}

/// Words as reading time counts them: runs of letters between spaces, and each character
/// of a script written without spaces (Chinese, Japanese), which is read at about as many
/// characters a minute as English is words.
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    if text.is_ascii() {
        for &b in text.as_bytes() {
            let space = b.is_ascii_whitespace();
            n += usize::from(!space && !in_word);
            in_word = !space;
        }
        return n;
    }
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
        } else if unspaced(c) {
            n += 1;
            in_word = false;
        } else {
            n += usize::from(!in_word);
            in_word = true;
        }
    }
    n
}

/// CJK ideographs and kana: scripts written without spaces between words.
fn unspaced(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{20000}'..='\u{3ffff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_a_reader_reads_them() {
        assert_eq!(count_words("The cap will apply to about 22 million households."), 9);
        assert_eq!(count_words("  a  b\tc\n"), 3);
        assert_eq!(count_words("وقالت الخبيرة الاقتصادية"), 3);
        assert_eq!(count_words("東京都は 2024年"), 4 + 1 + 1);
        assert_eq!(count_words(""), 0);
    }

    /// As on the page: the headline, the standfirst, then the date and the byline; and every
    /// paragraph still maps to its own block, those after the dateline too.
    #[test]
    fn the_dateline_stands_under_the_standfirst() {
        let text = "Energy price cap to rise by 10% in January, regulator confirms\n\n\
            Typical household will pay £1,738 a year as wholesale gas prices climb\n\n\
            By Olivia Grant\n\nPublished 23 November 2024\n\n\
            Household energy bills will rise by 10% from 1 January, the regulator has confirmed.\n\n\
            The cap will apply to about 22 million households.\n";
        let a = crate::article::parse(text, None).unwrap();
        let doc = Document::new(&a);
        let kinds: Vec<&DocKind> = doc.blocks.iter().take(4).map(|b| &b.kind).collect();
        assert_eq!(kinds[0], &DocKind::Title);
        assert!(matches!(kinds[1], DocKind::Paragraph { kind: ParagraphKind::Standfirst, .. }), "{kinds:?}");
        assert_eq!(kinds[2], &DocKind::Dateline);
        assert_eq!(kinds[3], &DocKind::Byline);
        for (s, section) in a.sections.iter().enumerate() {
            for p in 0..section.paragraphs.len() {
                let b = doc.paragraph_block(s, p).unwrap_or_else(|| panic!("{s}:{p} has no block"));
                assert_eq!(doc.blocks[b].text, section.paragraphs[p].text);
            }
        }
    }
}
