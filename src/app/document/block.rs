//! One block of the document: its text made safe for the terminal (with a map back to
//! the article's offsets), how it is laid out, and its inline styles.

use crate::article::{Align, Paragraph, ParagraphKind, SpanKind};
use crate::sanitize::{Shown, classify, visible};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocKind {
    /// The headline, at the top of the text.
    Title,
    Subtitle,
    Dateline,
    Heading {
        section: usize,
        level: u8,
    },
    Paragraph {
        section: usize,
        paragraph: usize,
        kind: ParagraphKind,
    },
    Byline,
    Source,
}

/// How a block's text goes on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Wrapped text; `prefix` before the first line (a list's bullet or number, after the
    /// indentation of its depth), later lines indented as far.
    Prose { prefix: Box<str> },
    /// Wrapped text with a bar before every line: a block quote.
    Quoted,
    /// Verbatim lines, cut (with a marker) where they run past the pane.
    Code,
    /// A grid of cells; each cell is a display range of the block's text.
    Table(Box<TableShape>),
    /// An image line (`[image: alt]`), then the caption wrapped.
    Figure { label: Box<str> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableShape {
    pub rows: Vec<Vec<Range<usize>>>,
    pub header: Vec<bool>,
    pub align: Vec<Align>,
}

/// An inline style over a display range: emphasis, strong, code, a link, an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub range: Range<usize>,
    pub kind: SpanKind,
    /// A link's target when it is one folio will hand to a terminal or a browser.
    pub href: Option<Box<str>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocBlock {
    pub kind: DocKind,
    /// The text as shown: control characters and the like replaced by placeholders.
    pub text: String,
    pub shape: Shape,
    pub inline: Box<[Inline]>,
    /// Whether a blank line follows (not between the items of a tight list).
    pub gap_after: bool,
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

/// Which characters a block keeps as they are: its structure's separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Nothing,
    /// A table's tabs between cells and line ends between rows.
    CellBreaks,
    /// Code's line ends; tabs become four spaces.
    LineBreaks,
}

impl DocBlock {
    /// A plain block of wrapped text.
    pub fn prose(kind: DocKind, original: &str) -> DocBlock {
        DocBlock::build(kind, original.to_string(), Shape::Prose { prefix: "".into() }, Keep::Nothing)
    }

    /// The block of a paragraph, whose text it takes.
    pub fn paragraph(kind: DocKind, para: &Paragraph, text: String) -> DocBlock {
        let (shape, keep) = match para.kind {
            ParagraphKind::ListItem => {
                let marker = para.marker().map_or_else(|| "•".to_string(), |m| visible(m).into_owned());
                let indent = "  ".repeat(para.depth() as usize);
                (Shape::Prose { prefix: format!("{indent}{marker} ").into() }, Keep::Nothing)
            }
            ParagraphKind::PullQuote => (Shape::Prose { prefix: "▌ ".into() }, Keep::Nothing),
            ParagraphKind::BlockQuote => (Shape::Quoted, Keep::Nothing),
            ParagraphKind::Code => (Shape::Code, Keep::LineBreaks),
            ParagraphKind::Figure => {
                let alt = para.figure().and_then(|f| f.alt.as_deref()).filter(|a| !a.trim().is_empty());
                let label = match alt {
                    Some(alt) => format!("[image: {}]", crate::sanitize::field(alt)),
                    None => "[image]".to_string(),
                };
                (Shape::Figure { label: label.into() }, Keep::Nothing)
            }
            ParagraphKind::Table => (Shape::Prose { prefix: "".into() }, Keep::CellBreaks),
            ParagraphKind::Body | ParagraphKind::Standfirst => (Shape::Prose { prefix: "".into() }, Keep::Nothing),
        };
        let mut block = DocBlock::build(kind, text, shape, keep);
        if para.kind == ParagraphKind::Table
            && let Some(table) = para.table()
        {
            block.shape = Shape::Table(Box::new(table_shape(&block.text, table)));
        }
        block.inline = para
            .spans()
            .iter()
            .map(|s| Inline {
                range: block.to_display(s.start)..block.to_display(s.end),
                kind: s.kind,
                href: s.href.as_deref().and_then(safe_url).map(Into::into),
            })
            .filter(|i| i.range.start < i.range.end)
            .collect();
        block
    }

    fn build(kind: DocKind, original: String, shape: Shape, keep: Keep) -> DocBlock {
        let (text, changed) = match display_text(&original, keep) {
            None => (original, None),
            Some((text, map)) => (text, Some(Box::new(Changed { original, map }))),
        };
        let ascii_letters = !crate::search::has_non_ascii_letters(&text);
        DocBlock { kind, text, shape, inline: Box::new([]), gap_after: true, ascii_letters, changed }
    }

    /// This block with `inserts` (an offset in the original text, and what goes there, in
    /// order) put into its displayed text, each styled as code: `#`'s link numbers. The
    /// original text, and so every extracted item's place, is unchanged.
    pub fn with_inserts(&self, inserts: &[(usize, String)]) -> DocBlock {
        let at: Vec<(usize, usize, &str)> = inserts
            .iter()
            .map(|(o, s)| {
                let mut d = self.to_display(*o);
                while !self.text.is_char_boundary(d) {
                    d -= 1;
                }
                (*o, d, s.as_str())
            })
            .collect();
        // How far a display offset moves: past every insert before it (and at it, for
        // what starts there).
        let shift = |x: usize, at_too: bool| {
            x + at.iter().filter(|(_, d, _)| *d < x || (at_too && *d == x)).map(|(_, _, s)| s.len()).sum::<usize>()
        };
        let mut text = String::with_capacity(self.text.len() + at.iter().map(|a| a.2.len()).sum::<usize>());
        let mut prev = 0;
        let mut map: Vec<(usize, usize)> =
            self.changed.as_ref().map_or(Vec::new(), |c| c.map.iter().map(|&(o, d)| (o, shift(d, true))).collect());
        let mut marks = Vec::new();
        for &(o, d, s) in &at {
            text.push_str(&self.text[prev..d]);
            let start = text.len();
            text.push_str(s);
            marks.push(start..text.len());
            map.push((o, text.len()));
            prev = d;
        }
        text.push_str(&self.text[prev..]);
        map.sort_unstable();
        let mut inline: Vec<Inline> = self
            .inline
            .iter()
            .map(|i| Inline { range: shift(i.range.start, true)..shift(i.range.end, false), ..i.clone() })
            .collect();
        inline.extend(marks.into_iter().map(|range| Inline { range, kind: SpanKind::Code, href: None }));
        inline.sort_by_key(|i| i.range.start);
        let original = self.original().to_string();
        DocBlock { text, inline: inline.into(), changed: Some(Box::new(Changed { original, map })), ..self.clone() }
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
}

/// A URL folio may hand to a terminal (as an OSC 8 link) or to a browser: `http`, `https`
/// or `mailto`, and nothing in it that a terminal would act on or show as a placeholder
/// (a URL with a control character in it is refused, not cleaned: it would be another
/// URL). `None` for anything else (`javascript:`, `data:`, `file:`, a relative path).
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase())?;
    let clean = url.chars().all(|c| !c.is_whitespace() && matches!(classify(c, None), Shown::Keep));
    (matches!(scheme.as_str(), "http" | "https" | "mailto") && clean && url.len() <= 4096).then(|| url.to_string())
}

/// The cells of a table's display text (cells between tabs, rows between line ends).
fn table_shape(text: &str, table: &crate::article::Table) -> TableShape {
    let mut rows = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let mut cells = Vec::new();
        let mut start = at;
        for cell in line.split('\t') {
            cells.push(start..start + cell.len());
            start += cell.len() + 1;
        }
        rows.push(cells);
        at += line.len() + 1;
    }
    let header = (0..rows.len()).map(|r| table.rows.get(r).is_some_and(|x| x.header)).collect();
    TableShape { rows, header, align: table.align.clone() }
}

/// Sanitized text and the offset map for it; `None` when the text is safe as it is.
fn display_text(original: &str, keep: Keep) -> Option<(String, Vec<(usize, usize)>)> {
    let shown = |c: char, prev: Option<char>| match (keep, c) {
        (Keep::CellBreaks, '\t' | '\n') | (Keep::LineBreaks, '\n') => Shown::Keep,
        (Keep::LineBreaks, '\t') => Shown::Replace("    "),
        _ => classify(c, prev),
    };
    let mut prev = None;
    if original.chars().all(|c| {
        let keep = matches!(shown(c, prev), Shown::Keep);
        prev = Some(c);
        keep
    }) {
        return None;
    }
    let mut text = String::with_capacity(original.len() + 16);
    let mut map = Vec::new();
    let mut prev = None;
    for (i, c) in original.char_indices() {
        match shown(c, prev) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_keep_offsets_straight() {
        let b = DocBlock::prose(DocKind::Byline, "a\u{1b}[2Jb said");
        assert_eq!(b.text, "a␛[2Jb said");
        // "said" starts at 7 in the original and at 9 on screen (␛ is three bytes).
        assert_eq!(b.to_display(7), 9);
        assert_eq!(b.to_original(9), 7);
        assert_eq!(b.to_display(0), 0);
    }

    #[test]
    fn only_web_and_mail_links_are_safe() {
        assert_eq!(safe_url("https://example.org/a?b=c").as_deref(), Some("https://example.org/a?b=c"));
        assert_eq!(safe_url("mailto:desk@example.org").as_deref(), Some("mailto:desk@example.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "file:///etc/passwd",
            "/relative",
            "ht\u{202e}tp://x",
            "http://ex\u{1b}]8;;ample.org\u{7}",
            "https://example.org/\u{9b}31m",
            "https://example.org/a b",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }
}
