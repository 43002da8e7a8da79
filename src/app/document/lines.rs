//! A block laid out at a width: its lines on screen, each a row of pieces that are either
//! a stretch of the block's text (by byte range, so highlights land on the right words
//! without copying) or decoration folio draws (a bullet, a quote's bar, a table's rules,
//! the mark of a cut line). Only the blocks on screen are ever laid out: a 10 MB book
//! scrolls as fast as a news story.

use super::block::{DocBlock, Shape};
use ratatui::buffer::CellWidth;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns a text takes on screen: grapheme by grapheme, as the terminal's cells are
/// filled. Not `unicode-width`'s width of the whole string where that joins characters a
/// terminal draws apart: an Arabic lam beside an alef is one column to it (the ligature a
/// typesetter would draw), two cells on screen, so a line measured that way ran past the
/// pane and lost its last letters (issue 24). Every layout in folio measures with this.
pub fn cells(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    // Elsewhere the string's width is the sum of its graphemes', and quicker to find.
    if !s.chars().any(joins_across_graphemes) {
        return s.width();
    }
    s.graphemes(true).map(|g| if g.len() == 1 { 1 } else { usize::from(g.cell_width()) }).sum()
}

/// Characters whose width `unicode-width` takes with the next grapheme's (Arabic letters
/// and their presentation forms, the zero-width joiner of Hebrew's alef-lamed), or that
/// ratatui counts apart from it (halfwidth sound marks).
fn joins_across_graphemes(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{08ff}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}' | '\u{200d}' | '\u{ff9e}' | '\u{ff9f}')
}

/// One line on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VLine {
    pub segs: Vec<Seg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// Text of the block, by display byte range.
    Text(Range<usize>),
    /// What folio draws around the text.
    Deco(Box<str>, Deco),
}

/// What a piece of decoration is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deco {
    /// A list's bullet or number, a pull quote's bar.
    Marker,
    /// Spaces: indentation, a table cell's padding.
    Pad,
    /// A block quote's bar, a table's rules.
    Rule,
    /// The line of a figure naming its image.
    Label,
    /// The mark of a line cut at the pane's edge.
    Cut,
}

impl VLine {
    fn text(range: Range<usize>) -> VLine {
        VLine { segs: vec![Seg::Text(range)] }
    }

    /// Where its first stretch of text starts, if it has any.
    pub fn start(&self) -> Option<usize> {
        self.segs.iter().find_map(|s| match s {
            Seg::Text(r) => Some(r.start),
            Seg::Deco(..) => None,
        })
    }

    /// Its width in columns.
    pub fn width(&self, text: &str) -> usize {
        self.segs
            .iter()
            .map(|s| match s {
                Seg::Text(r) => text.get(r.clone()).map_or(0, cells),
                Seg::Deco(d, _) => cells(d),
            })
            .sum()
    }
}

/// A block's lines at `width` columns.
pub fn lay_out(block: &DocBlock, width: usize) -> Vec<VLine> {
    let width = width.max(1);
    match &block.shape {
        Shape::Prose { prefix } if prefix.is_empty() => wrap(&block.text, width).into_iter().map(VLine::text).collect(),
        Shape::Prose { prefix } => prefixed(&block.text, width, prefix),
        Shape::Quoted => barred(&block.text, width),
        Shape::Code => code(&block.text, width),
        Shape::Table(t) => super::table::lay_out(&block.text, t, width),
        Shape::Figure { label } => figure(&block.text, width, label),
    }
}

/// Wrapped text with `prefix` before the first line and later lines indented as far
/// (the prefix's leading spaces are a list's depth; the rest its marker).
fn prefixed(text: &str, width: usize, prefix: &str) -> Vec<VLine> {
    let indent = cells(prefix).min(width.saturating_sub(1));
    let depth = prefix.len() - prefix.trim_start().len();
    let marker = &prefix[depth..];
    wrap(text, width - indent)
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            let mut segs = Vec::with_capacity(3);
            if n == 0 {
                if depth > 0 {
                    segs.push(Seg::Deco(" ".repeat(depth).into(), Deco::Pad));
                }
                segs.push(Seg::Deco(marker.into(), Deco::Marker));
            } else {
                segs.push(Seg::Deco(" ".repeat(indent).into(), Deco::Pad));
            }
            segs.push(Seg::Text(r));
            VLine { segs }
        })
        .collect()
}

/// A block quote: a bar before every line.
fn barred(text: &str, width: usize) -> Vec<VLine> {
    let bar = if width > 4 { "│ " } else { "" };
    wrap(text, width - cells(bar))
        .into_iter()
        .map(|r| VLine { segs: vec![Seg::Deco(bar.into(), Deco::Rule), Seg::Text(r)] })
        .collect()
}

/// Code as written, set in by two columns: one line per line of the source, never
/// wrapped; a line too long for the pane is cut at a grapheme and ends on a marker.
fn code(text: &str, width: usize) -> Vec<VLine> {
    let inset = if width > 8 { "  " } else { "" };
    let width = width - inset.len();
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let range = at..at + line.len();
        at += line.len() + 1;
        let lead = Seg::Deco(inset.into(), Deco::Pad);
        if cells(line) <= width {
            out.push(VLine { segs: vec![lead, Seg::Text(range)] });
            continue;
        }
        let room = width.saturating_sub(1);
        let mut cols = 0;
        let mut end = range.start;
        for (i, g) in line.grapheme_indices(true) {
            if cols + cells(g) > room {
                break;
            }
            cols += cells(g);
            end = range.start + i + g.len();
        }
        out.push(VLine { segs: vec![lead, Seg::Text(range.start..end), Seg::Deco("›".into(), Deco::Cut)] });
    }
    out
}

/// A figure: the image's line (its alt text wrapped, as long as it is), then its caption.
fn figure(text: &str, width: usize, label: &str) -> Vec<VLine> {
    let mut out: Vec<VLine> =
        wrap(label, width).into_iter().map(|r| VLine { segs: vec![Seg::Deco(label[r].into(), Deco::Label)] }).collect();
    if !text.is_empty() {
        out.extend(wrap(text, width).into_iter().map(VLine::text));
    }
    out
}

/// `s` cut to `width` columns, with an ellipsis when cut.
pub fn cut_to(s: &str, width: usize) -> String {
    if cells(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut cols = 0;
    for g in s.graphemes(true) {
        if cols + cells(g) + 1 > width {
            break;
        }
        cols += cells(g);
        out.push_str(g);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Wraps a text to `width` columns: the byte ranges of its lines. Words break at Unicode
/// line-break opportunities; a word wider than the line is cut between graphemes, never
/// inside one.
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
        w.width = cells(w.word);
        if w.width <= width {
            words.push(w);
            continue;
        }
        // Too wide for a line: cut between graphemes.
        let mut start = 0;
        let mut cols = 0;
        for (i, g) in w.word.grapheme_indices(true) {
            let gw = cells(g);
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
            assert!(cells(l) <= 2);
        }
    }

    #[test]
    fn a_line_is_as_wide_as_the_cells_it_takes() {
        // unicode-width joins a lam and an alef into one column; on screen they are two.
        assert_eq!("لا".width(), 1);
        assert_eq!(cells("لا"), 2);
        assert_eq!(cells("الاستثمارات"), 11);
        assert_eq!(cells("trẻ em “quoted” 日本"), 20);
        for text in ["أعلنت وزارة الاقتصاد يوم الثلاثاء أن الاستثمارات الأجنبية في المدن الصغيرة", "e\u{301}t\u{e9}"]
        {
            for line in lines(text, 12) {
                assert!(cells(line) <= 12, "{line:?} takes {} cells", cells(line));
            }
        }
    }

    #[test]
    fn wide_characters_count_double() {
        for l in lines("日本語のテキストを折り返す", 6) {
            assert!(cells(l) <= 6, "{l:?} is {} wide", cells(l));
        }
    }

    #[test]
    fn an_images_alt_text_wraps_instead_of_being_cut() {
        let label = "[image: Firefighters at the site of a damaged substation on the edge of the city]";
        let out = figure("The caption.", 24, label);
        let shown: Vec<String> = out
            .iter()
            .flat_map(|l| &l.segs)
            .filter_map(|s| match s {
                Seg::Deco(d, Deco::Label) => Some(d.to_string()),
                _ => None,
            })
            .collect();
        assert!(shown.len() > 1, "{shown:?}");
        assert!(shown.iter().all(|l| l.width() <= 24), "{shown:?}");
        assert_eq!(
            shown.join(" ").split_whitespace().collect::<Vec<_>>(),
            label.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn code_is_cut_not_wrapped() {
        let text = "fn main() {\n    let answer = compute_the_answer_to_everything(42);\n}";
        let out = code(text, 20);
        assert_eq!(out.len(), 3, "one line per line of code");
        let shown: Vec<String> = out
            .iter()
            .map(|l| {
                l.segs
                    .iter()
                    .map(|s| match s {
                        Seg::Text(r) => text[r.clone()].to_string(),
                        Seg::Deco(d, _) => d.to_string(),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(shown, ["  fn main() {", "      let answer = ›", "  }"]);
        assert!(out.iter().all(|l| l.width(text) <= 20));
    }
}
