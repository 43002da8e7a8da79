//! The help overlay, written from the keymap table.

use crate::app::{App, Mode};
use crate::keymap::{BINDINGS, keys_label};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

const SECTIONS: [(Mode, &str); 4] = [
    (Mode::Normal, "Reading"),
    (Mode::Search, "Search prompt"),
    (Mode::Filter, "Filter prompt"),
    (Mode::Help, "This help"),
];

/// The help's lines: a heading per mode, then each key and what it does. Keys that do
/// the same thing share a row ("Tab/Shift-Tab").
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    for (mode, name) in SECTIONS {
        out.push(Line::from(Span::styled(name.to_string(), t.heading)));
        let mut rows: Vec<(String, &str)> = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
            match rows.iter_mut().find(|(_, h)| *h == b.help) {
                Some((keys, _)) => {
                    keys.push('/');
                    keys.push_str(&keys_label(b));
                }
                None => rows.push((keys_label(b), b.help)),
            }
        }
        if mode == Mode::Search || mode == Mode::Filter {
            rows.push(("any character".to_string(), "type into the prompt"));
        }
        if mode == Mode::Normal {
            rows.push(("mouse".to_string(), "wheel scrolls a pane; click a tab or an item"));
        }
        for (keys, help) in rows {
            out.push(Line::from(vec![Span::styled(format!("  {keys:<18}"), t.key), Span::raw(help)]));
        }
        out.push(Line::default());
    }
    out.pop();
    out
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let all = lines(app);
    let width = 66.min(area.width.saturating_sub(4)).max(10);
    let height = (all.len() as u16 + 2).min(area.height.saturating_sub(2)).max(3);
    let r = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    let inner_h = height.saturating_sub(2) as usize;
    let scroll = app.help_scroll.min(all.len().saturating_sub(inner_h));
    let more = all.len() > inner_h + scroll;
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(inner_h).collect();
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focused)
        .title(Span::styled(" folio keys — Esc or ? closes ", app.theme.header_title));
    if more || scroll > 0 {
        let hint = if more { " j/k scroll · more below " } else { " j/k scroll " };
        block = block.title_bottom(Span::styled(hint, app.theme.key));
    }
    frame.render_widget(Clear, r);
    frame.render_widget(Paragraph::new(shown).block(block), r);
}
