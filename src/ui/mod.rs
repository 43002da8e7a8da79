//! Drawing. Every function here takes `&App`: the view cannot change state, and tests can
//! draw into a `TestBackend` and compare screens.

pub mod help;
pub mod layout;
pub mod reader;
pub mod sidebar;
pub mod status;
pub mod theme;

use crate::app::{App, Mode};
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let areas = app.layout_for(area);
    if areas.too_small {
        too_small(frame, area);
        return;
    }
    title(frame, app, areas.title);
    sidebar::draw(frame, app, &areas);
    reader::draw(frame, app, &areas);
    status::draw(frame, app, areas.status);
    if app.mode == Mode::Help {
        help::draw(frame, app, area);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let (w, h) = (layout::MIN_WIDTH, layout::MIN_HEIGHT);
    let long = format!("Enlarge the terminal to {w}×{h} (now {}×{})", area.width, area.height);
    let text = [long, format!("Enlarge the terminal to {w}×{h}"), format!("Need {w}×{h}"), "Too small".to_string()]
        .into_iter()
        .find(|s| s.width() <= area.width as usize)
        .unwrap_or_default();
    let y = area.y + area.height / 2;
    let line = Rect { y, height: 1.min(area.height), ..area };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), line);
}

fn title(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let progress = format!(" {}% ", app.progress);
    let mut left = format!(" folio │ {}", visible(&app.title));
    if let Some(b) = &app.article.byline {
        left.push_str(" │ ");
        left.push_str(&visible(b));
    }
    let room = (area.width as usize).saturating_sub(progress.width());
    let left = truncate(&left, room);
    let pad = room.saturating_sub(left.width());
    let line = Line::from(vec![Span::raw(left), Span::raw(" ".repeat(pad)), Span::raw(progress)]).style(t.title_bar);
    frame.render_widget(Paragraph::new(line), area);
}

/// `s` cut to `width` columns, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let gw = g.width();
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}
