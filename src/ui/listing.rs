//! A list of articles in place of the text (a feed's entries, the articles read lately):
//! one row each, the unread marked, then title, source, when and a note, cut to the width.
//! Every field came through `sanitize` when the list was made.

use super::{Options, cells, truncate};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, app: &App, o: &Options, area: Rect) {
    let Some(list) = app.listing() else { return };
    let t = &o.theme;
    let width = area.width as usize;
    let height = area.height as usize;
    let mut lines = Vec::with_capacity(height);
    if list.rows.is_empty() {
        lines.push(Line::styled(" nothing to list", t.dim));
    }
    for (i, row) in list.rows.iter().enumerate().skip(list.top).take(height) {
        let mark = if row.failed {
            "!"
        } else if app.unread(row) {
            "●"
        } else {
            " "
        };
        // The right-hand fields first: they are short and never cut.
        let right = [row.when.as_str(), row.source.as_str(), row.note.as_str()]
            .iter()
            .filter(|f| !f.is_empty())
            .map(|f| truncate(f, 28))
            .collect::<Vec<_>>()
            .join("  ");
        let room = width.saturating_sub(cells(&right) + 6);
        let title = truncate(&row.title, room);
        let pad = room.saturating_sub(cells(&title));
        let style = if i == list.selected {
            t.selected
        } else if row.failed {
            t.error
        } else if app.unread(row) {
            t.strong
        } else {
            t.text
        };
        let text = format!(" {mark} {title}{}  {right} ", " ".repeat(pad));
        lines.push(Line::from(Span::styled(truncate(&text, width), style)));
    }
    frame.render_widget(Paragraph::new(lines).style(t.text), area);
}
