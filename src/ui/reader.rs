//! The reader pane: the selected quote's or statistic's header, then the article's lines
//! as the document lays them out, with inline styles (emphasis, strong, code, links),
//! the selection and the search matches highlighted, and links made real OSC 8 links
//! when the terminal is given them.

use super::Options;
use super::theme::Theme;
use crate::app::App;
use crate::app::document::{Deco, DocBlock, DocKind, Seg, VLine, cells};
use crate::app::layout::Areas;
use crate::article::{ParagraphKind, SpanKind};
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::buffer::CellDiffOption;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::num::NonZeroU16;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

pub fn draw(frame: &mut Frame, app: &App, o: &Options, areas: &Areas) {
    let t = &o.theme;
    if let Some((title, body)) = &app.target().header
        && areas.header.height > 0
    {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(t.border)
            .padding(ratatui::widgets::Padding::horizontal(1))
            .title(Span::styled(format!(" {} ", visible(title)), t.header_title));
        let p = Paragraph::new(visible(body).into_owned()).style(t.text).wrap(Wrap { trim: true }).block(block);
        frame.render_widget(p, areas.header);
    }
    let (lines, links) = screen(app, t, o.bidi, areas.text.width as usize, areas.text.height as usize);
    frame.render_widget(Paragraph::new(lines), areas.text);
    if o.hyperlinks {
        hyperlinks(frame, areas.text, &links);
    }
}

/// Which kind of emphasis a stretch of text gets; later ones win.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Target,
    Match,
    Current,
}

/// A link's words on screen: the row, the columns, the target.
pub struct LinkOnScreen {
    pub row: u16,
    pub columns: Range<u16>,
    pub url: Box<str>,
}

/// The lines on screen, from the reader's top line down.
pub fn text_lines(app: &App, t: &Theme, width: usize, height: usize) -> Vec<Line<'static>> {
    screen(app, t, true, width, height).0
}

/// The lines on screen and where their links are.
fn screen(app: &App, t: &Theme, bidi: bool, width: usize, height: usize) -> (Vec<Line<'static>>, Vec<LinkOnScreen>) {
    let doc = app.doc();
    let page_rtl = app.article().dir == Some(crate::article::Direction::Rtl);
    let reader = app.reader();
    let mut out = Vec::with_capacity(height);
    let mut links = Vec::new();
    let mut block = reader.top.block;
    let mut skip = reader.top.line;
    while out.len() < height && block < doc.len() {
        let b = &doc.blocks[block];
        let lines = reader.lines(doc, block);
        let base = block_style(b, t);
        let marks = marks_in(app, block);
        let rtl = bidi && super::bidi::right_to_left(b, page_rtl);
        for line in lines.iter() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if out.len() == height {
                break;
            }
            let row = out.len() as u16;
            let pieces = pieces(b, line, base, &marks, t);
            let pieces = if rtl { super::bidi::visual(pieces, width) } else { pieces };
            out.push(to_line(pieces, row, &mut links));
        }
        // The blank line after a block.
        if b.gap_after {
            if skip > 0 {
                skip -= 1;
            } else if out.len() < height {
                out.push(Line::default());
            }
        }
        block += 1;
    }
    (out, links)
}

fn block_style(b: &DocBlock, t: &Theme) -> Style {
    match &b.kind {
        DocKind::Title => t.headline,
        DocKind::Heading { level, .. } => t.heading_at(*level),
        DocKind::Subtitle => t.subtitle,
        DocKind::Dateline | DocKind::Source => t.dim,
        DocKind::Byline => t.byline,
        DocKind::Paragraph { kind, .. } => match kind {
            ParagraphKind::PullQuote => t.pull_quote,
            ParagraphKind::Standfirst => t.subtitle,
            ParagraphKind::BlockQuote => t.block_quote,
            ParagraphKind::Code => t.code_block,
            ParagraphKind::Figure => t.caption,
            ParagraphKind::Body | ParagraphKind::ListItem | ParagraphKind::Table => t.text,
        },
    }
}

fn deco_style(d: Deco, b: &DocBlock, t: &Theme) -> Style {
    match d {
        Deco::Marker => t.marker,
        Deco::Pad => Style::new(),
        Deco::Rule | Deco::Cut => t.rule,
        Deco::Label => t.figure,
    }
    .patch(if matches!(b.kind, DocKind::Paragraph { kind: ParagraphKind::Code, .. }) && d == Deco::Cut {
        t.code_block
    } else {
        Style::new()
    })
}

/// A stretch of a line as drawn: its text, its style, the link it is the words of.
pub struct Piece {
    pub text: String,
    pub style: Style,
    pub link: Option<Box<str>>,
}

/// One line in reading order: its decoration and its stretches of text, each cut at the
/// edges of inline styles and highlights. A table's header rows are drawn in the header
/// style.
fn pieces(b: &DocBlock, line: &VLine, base: Style, marks: &[(Range<usize>, Mark)], t: &Theme) -> Vec<Piece> {
    let header = is_header_line(b, line);
    let base = if header { base.patch(t.table_header) } else { base };
    let mut out = Vec::new();
    for seg in &line.segs {
        match seg {
            Seg::Deco(d, kind) => out.push(Piece { text: d.to_string(), style: deco_style(*kind, b, t), link: None }),
            Seg::Text(r) => {
                out.extend(styled(b, r.clone(), marks, base, t).into_iter().map(|(text, style, link)| Piece {
                    text,
                    style,
                    link,
                }));
            }
        }
    }
    out
}

/// The pieces as a line on screen, noting where its links are.
fn to_line(pieces: Vec<Piece>, row: u16, links: &mut Vec<LinkOnScreen>) -> Line<'static> {
    let mut col = 0u16;
    let spans = pieces
        .into_iter()
        .map(|p| {
            let w = cells(&p.text) as u16;
            if let Some(url) = p.link {
                links.push(LinkOnScreen { row, columns: col..col.saturating_add(w), url });
            }
            col = col.saturating_add(w);
            Span::styled(p.text, p.style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// Whether a line of a table belongs to one of its header rows.
fn is_header_line(b: &DocBlock, line: &VLine) -> bool {
    let crate::app::document::Shape::Table(shape) = &b.shape else { return false };
    let Some(start) = line.start() else { return false };
    shape.rows.iter().zip(&shape.header).any(|(cells, &h)| {
        h && cells.first().is_some_and(|c| c.start <= start) && cells.last().is_some_and(|c| start <= c.end)
    })
}

fn marks_in(app: &App, block: usize) -> Vec<(Range<usize>, Mark)> {
    let mut marks: Vec<(Range<usize>, Mark)> =
        app.target().ranges.iter().filter(|(b, _)| *b == block).map(|(_, r)| (r.clone(), Mark::Target)).collect();
    let m = &app.search().matches;
    let first = m.partition_point(|x| x.block < block);
    for (i, x) in m.iter().enumerate().skip(first).take_while(|(_, x)| x.block == block) {
        let kind = if app.search().current == Some(i) { Mark::Current } else { Mark::Match };
        marks.push((x.range.clone(), kind));
    }
    marks
}

/// A stretch of a block's text cut into pieces at the edges of its inline styles and
/// highlights: each piece's text, style, and link target when it is a link's words.
fn styled(
    b: &DocBlock,
    line: Range<usize>,
    marks: &[(Range<usize>, Mark)],
    base: Style,
    t: &Theme,
) -> Vec<(String, Style, Option<Box<str>>)> {
    let text = &b.text;
    let mut cuts = vec![line.start, line.end];
    let edges = marks.iter().map(|(r, _)| r).chain(b.inline.iter().map(|i| &i.range));
    for r in edges {
        for p in [r.start, r.end] {
            if p > line.start && p < line.end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let inside = |r: &Range<usize>| r.start <= w[0] && w[1] <= r.end;
            let mut style = base;
            let mut link = None;
            for i in b.inline.iter().filter(|i| inside(&i.range)) {
                style = style.patch(match i.kind {
                    SpanKind::Emphasis => t.emphasis,
                    SpanKind::Strong => t.strong,
                    SpanKind::Code => t.code,
                    SpanKind::Link => t.link,
                    SpanKind::Image => t.figure,
                });
                if i.kind == SpanKind::Link {
                    link = i.href.clone();
                }
            }
            let mark = marks.iter().filter(|(r, _)| inside(r)).map(|(_, k)| *k).max();
            style = match mark {
                Some(Mark::Current) => style.patch(t.search_current),
                Some(Mark::Match) => style.patch(t.search_match),
                Some(Mark::Target) => style.patch(t.highlight),
                None => style,
            };
            (text[w[0]..w[1]].to_string(), style, link)
        })
        .collect()
}

/// Makes the links on screen real OSC 8 hyperlinks: each cell of a link's words carries
/// the sequence around its grapheme, with its width forced to the grapheme's (the
/// sequence itself takes no room on screen). The target is a URL `safe_url` passed: http,
/// https or mailto, no control characters.
fn hyperlinks(frame: &mut Frame, area: Rect, links: &[LinkOnScreen]) {
    let buf = frame.buffer_mut();
    for link in links {
        let y = area.y + link.row;
        for x in link.columns.clone() {
            let x = area.x + x;
            let Some(cell) = buf.cell_mut((x, y)) else { continue };
            let g = cell.symbol().to_string();
            let width = cells(&g);
            let Some(w) = NonZeroU16::new(width as u16) else { continue };
            if g.graphemes(true).count() != 1 {
                continue;
            }
            cell.set_symbol(&format!("\u{1b}]8;;{}\u{7}{g}\u{1b}]8;;\u{7}", link.url));
            cell.set_diff_option(CellDiffOption::ForcedWidth(w));
        }
    }
}
