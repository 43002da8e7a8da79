//! The reader pane: the selected quote's or statistic's header, then the article's wrapped
//! text with the selection and the search matches highlighted.

use super::theme::Theme;
use crate::app::App;
use crate::app::document::{DocKind, wrap};
use crate::app::layout::Areas;
use crate::article::ParagraphKind;
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App, t: &Theme, areas: &Areas) {
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
    let lines = text_lines(app, t, areas.text.width as usize, areas.text.height as usize);
    frame.render_widget(Paragraph::new(lines), areas.text);
}

/// Which kind of emphasis a stretch of text gets; later ones win.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Target,
    Match,
    Current,
}

/// The lines on screen, from the reader's top line down.
pub fn text_lines(app: &App, t: &Theme, width: usize, height: usize) -> Vec<Line<'static>> {
    let doc = app.doc();
    let reader = app.reader();
    let mut out = Vec::with_capacity(height);
    let mut block = reader.top.block;
    let mut skip = reader.top.line;
    while out.len() < height && block < doc.len() {
        let b = &doc.blocks[block];
        let owned;
        let ranges: &[Range<usize>] = match reader.cached(block) {
            Some(r) => r,
            None => {
                owned = wrap(&b.text, width.saturating_sub(b.indent()).max(1));
                &owned
            }
        };
        let base = match &b.kind {
            DocKind::Heading { .. } => t.heading,
            DocKind::Subtitle => t.subtitle,
            DocKind::Dateline | DocKind::Source => t.dim,
            DocKind::Byline => t.byline,
            DocKind::Paragraph { kind: ParagraphKind::PullQuote, .. } => t.pull_quote,
            DocKind::Paragraph { kind: ParagraphKind::Standfirst, .. } => t.subtitle,
            DocKind::Paragraph { .. } => t.text,
        };
        let marks = marks_in(app, block);
        for (n, r) in ranges.iter().enumerate() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if out.len() == height {
                break;
            }
            let mut spans = Vec::new();
            if !b.prefix.is_empty() {
                let p = if n == 0 { b.prefix.to_string() } else { " ".repeat(b.prefix.width()) };
                spans.push(Span::styled(p, t.marker));
            }
            spans.extend(styled(&b.text, r.clone(), &marks, base, t));
            out.push(Line::from(spans));
        }
        // The blank line after a block.
        if skip > 0 {
            skip -= 1;
        } else if out.len() < height {
            out.push(Line::default());
        }
        block += 1;
    }
    out
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

/// One line of text cut into spans at the edges of highlights.
fn styled(
    text: &str,
    line: Range<usize>,
    marks: &[(Range<usize>, Mark)],
    base: Style,
    t: &Theme,
) -> Vec<Span<'static>> {
    let mut cuts = vec![line.start, line.end];
    for (r, _) in marks {
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
            let mark = marks.iter().filter(|(r, _)| r.start <= w[0] && w[1] <= r.end).map(|(_, k)| *k).max();
            let style = match mark {
                Some(Mark::Current) => base.patch(t.search_current),
                Some(Mark::Match) => base.patch(t.search_match),
                Some(Mark::Target) => base.patch(t.highlight),
                None => base,
            };
            Span::styled(text[w[0]..w[1]].to_string(), style)
        })
        .collect()
}
