//! Right-to-left text: a paragraph in Arabic, Hebrew, Persian or Urdu is laid out line by
//! line in reading (logical) order like any other, then each line is drawn in visual
//! order by the Unicode bidirectional algorithm (the `unicode-bidi` crate), right-aligned
//! in the pane. Numbers and left-to-right words inside it keep their own order, brackets
//! are mirrored, and styles (highlights, links) stay on the characters they belong to,
//! since each character keeps its piece's style as it moves.

use super::reader::Piece;
use crate::app::document::{DocBlock, DocKind, Shape, cells};
use unicode_bidi::{Direction, Level, ParagraphBidiInfo, get_base_direction};
use unicode_segmentation::UnicodeSegmentation;

/// Whether a block reads right to left: its first strong character does, or it has none
/// and the page says so. Code and tables keep their columns.
pub fn right_to_left(b: &DocBlock, page_rtl: bool) -> bool {
    if matches!(b.shape, Shape::Code | Shape::Table(_)) || matches!(b.kind, DocKind::Source) {
        return false;
    }
    match get_base_direction(b.original()) {
        Direction::Rtl => true,
        Direction::Ltr => false,
        Direction::Mixed => page_rtl,
    }
}

/// A line's pieces, in reading order, as they are drawn: in visual order, padded on the
/// left to end at the pane's right edge (`width` columns).
pub fn visual(pieces: Vec<Piece>, width: usize) -> Vec<Piece> {
    let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
    if text.is_empty() {
        return pieces;
    }
    // Which piece each byte of the line belongs to.
    let mut owner = Vec::with_capacity(text.len());
    for (i, p) in pieces.iter().enumerate() {
        owner.extend(std::iter::repeat_n(i, p.text.len()));
    }
    let info = ParagraphBidiInfo::new(&text, Some(Level::rtl()));
    let (levels, runs) = info.visual_runs(0..text.len());
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |g: &str, at: usize, rtl: bool| {
        let p = &pieces[owner[at]];
        let g = if rtl { mirrored(g) } else { g };
        match out.last_mut() {
            Some(last) if last.style == p.style && last.link == p.link => last.text.push_str(g),
            _ => out.push(Piece { text: g.to_string(), style: p.style, link: p.link.clone() }),
        }
    };
    for run in runs {
        let rtl = levels[run.start].is_rtl();
        let graphemes: Vec<(usize, &str)> =
            text[run.clone()].grapheme_indices(true).map(|(i, g)| (run.start + i, g)).collect();
        if rtl {
            graphemes.iter().rev().for_each(|&(at, g)| push(g, at, true));
        } else {
            graphemes.iter().for_each(|&(at, g)| push(g, at, false));
        }
    }
    // The trailing spaces of a wrapped line are at its visual left: trimmed, then the line
    // is set against the right edge. Its width is counted cell by cell, as it is drawn: a
    // lam beside an alef takes two cells, however a string width counts the pair.
    if let Some(first) = out.first_mut() {
        let trimmed = first.text.trim_start().len();
        first.text.drain(..first.text.len() - trimmed);
    }
    let used: usize = out.iter().map(|p| cells(&p.text)).sum();
    if used < width {
        out.insert(0, Piece { text: " ".repeat(width - used), style: ratatui::style::Style::new(), link: None });
    }
    out
}

/// A short text (a title, a sidebar item) in visual order when it reads right to left;
/// as it is otherwise.
pub fn visual_str(text: &str) -> String {
    if get_base_direction(text) != Direction::Rtl {
        return text.to_string();
    }
    let out = visual(vec![Piece { text: text.to_string(), style: ratatui::style::Style::new(), link: None }], 0);
    out.iter().map(|p| p.text.as_str()).collect()
}

/// Brackets and the like point the other way in right-to-left text (Unicode's
/// Bidi_Mirrored pairs for the common ones).
fn mirrored(g: &str) -> &str {
    match g {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        "‹" => "›",
        "›" => "‹",
        _ => g,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Modifier, Style};

    fn plain(text: &str) -> Piece {
        Piece { text: text.into(), style: Style::new(), link: None }
    }

    fn shown(pieces: &[Piece]) -> String {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn hebrew_is_drawn_right_to_left_and_right_aligned() {
        // "שלום עולם" (hello world): the first word read is on the right.
        let out = visual(vec![plain("שלום עולם")], 20);
        let s = shown(&out);
        assert_eq!(s.trim_start(), "םלוע םולש");
        assert_eq!(cells(&s), 20, "set against the right edge");
    }

    #[test]
    fn numbers_and_latin_words_keep_their_order_and_brackets_mirror() {
        // "המחיר עלה ב-25% (לפי OECD) השנה"
        let s = shown(&visual(vec![plain("המחיר עלה ב-25% (לפי OECD) השנה")], 0));
        assert!(s.contains("25%"), "{s}");
        assert!(s.contains("OECD"), "{s}");
        assert!(s.starts_with("הנשה"), "the last word read is on the left: {s}");
        // The bracket that opens the aside (read first) is on its right and mirrored, so
        // the aside reads "(…)" on screen as it does on a page, not ")…(".
        assert!(s.contains("(OECD יפל)"), "{s}");
    }

    #[test]
    fn a_highlight_stays_on_its_characters() {
        let hl = Style::new().add_modifier(Modifier::REVERSED);
        let pieces = vec![plain("שלום "), Piece { text: "עולם".into(), style: hl, link: None }, plain(" טוב")];
        let out = visual(pieces, 0);
        let marked: Vec<&str> = out.iter().filter(|p| p.style == hl).map(|p| p.text.as_str()).collect();
        assert_eq!(marked, ["םלוע"]);
    }

    #[test]
    fn a_line_is_measured_as_it_is_drawn() {
        // "الاستثمار" laid out right to left puts a lam before an alef ("لا"), which
        // unicode-width counts as one column: the line is padded as if it were a cell
        // shorter than it is drawn, and runs past the pane by one letter.
        let out = visual(vec![plain("أعلنت الاستثمارات الأجنبية")], 30);
        assert_eq!(out.iter().map(|p| cells(&p.text)).sum::<usize>(), 30);
    }

    #[test]
    fn left_to_right_text_is_left_as_it_is() {
        let out = visual(vec![plain("plain English")], 0);
        assert_eq!(shown(&out), "plain English", "a line with no right-to-left text keeps its order");
    }
}
