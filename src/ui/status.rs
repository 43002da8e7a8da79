//! The status bar: the mode, the prompt while typing, key hints from the keymap, and
//! messages (search position, errors, the invalid UTF-8 warning).

use super::theme::Theme;
use super::{cells, duration, thousands, truncate};
use crate::app::{Action, App, Mode};
use crate::keymap::Keymap;
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, app: &App, t: &Theme, keys: &Keymap, area: Rect) {
    let mode = match app.mode() {
        Mode::Normal if app.listing().is_some() => " LIST ",
        Mode::Normal if app.focus() == crate::app::Focus::Reader => " READER ",
        Mode::Normal => " LIST ",
        Mode::Help => " HELP ",
        Mode::Search => " SEARCH ",
        Mode::Filter => " FILTER ",
        Mode::SetMark | Mode::GoToMark => " MARK ",
        Mode::LinkNumber => " LINK ",
    };
    let mut spans = vec![Span::styled(mode, t.mode), Span::raw(" ")];
    let mut used = cells(mode) + 1;
    // A message may take all but the mode's room; the hints make do with what is left.
    let right = right_text(app, t, keys, (area.width as usize).saturating_sub(used + 1));
    let right_w = right.as_ref().map_or(0, |(s, _)| cells(s) + 1);
    let room = (area.width as usize).saturating_sub(used + right_w);
    match app.mode() {
        Mode::Search | Mode::Filter | Mode::LinkNumber => {
            let lead = match app.mode() {
                Mode::Search => "/",
                Mode::Filter => "filter: ",
                _ => "follow link [number]: ",
            };
            let typed = visible(app.prompt());
            // Show the end of a long query: that is where the cursor is.
            let shown = tail(&typed, room.saturating_sub(cells(lead) + 1));
            let text = format!("{lead}{shown}");
            let cursor_x = area.x + (used + cells(&text)) as u16;
            used += cells(&text);
            spans.push(Span::styled(text, t.text));
            if cursor_x < area.right() {
                frame.set_cursor_position(Position::new(cursor_x, area.y));
            }
        }
        _ => {
            let mut s = String::new();
            for (key, hint) in keys.hints(app.mode(), app.focus()) {
                let piece = format!("{key} {hint}  ");
                if cells(&s) + cells(&piece) > room {
                    break;
                }
                spans.push(Span::styled(key, t.key));
                spans.push(Span::styled(format!(" {hint}  "), t.status));
                s.push_str(&piece);
            }
            used += cells(&s);
        }
    }
    if let Some((text, style)) = right {
        let pad = (area.width as usize).saturating_sub(used + cells(&text));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.status), area);
}

/// The message at the right: an explicit message, else the search position, else a
/// warning about the input, else how long the article is ("1,204 words · 5 min").
fn right_text(app: &App, t: &Theme, keys: &Keymap, limit: usize) -> Option<(String, ratatui::style::Style)> {
    if let Some(m) = app.message() {
        let text = match &m.suggest {
            Some((action, what)) => format!("{}: press {} {what}", m.text, keys.first_key_for(app.mode(), action)),
            None => m.text.clone(),
        };
        return Some((truncate(&visible(&text), limit), if m.error { t.error } else { t.status }));
    }
    // A list: how to read from it.
    if app.listing().is_some() {
        let (open, back) =
            (keys.first_key_for(Mode::Normal, &Action::Activate), keys.first_key_for(Mode::Normal, &Action::Back));
        let unread = keys.first_key_for(Mode::Normal, &Action::NextMatch);
        return Some((truncate(&format!("{open} read  {unread} next unread  {back} back"), limit), t.status));
    }
    if let Some(s) = app.search().status() {
        return Some((truncate(&visible(&s), limit), if app.search().error.is_some() { t.error } else { t.status }));
    }
    if let Some(w) = app.article().warnings.first() {
        return Some((truncate(&format!("⚠ {}", visible(w)), limit), t.error));
    }
    let r = app.reading_time()?;
    let length = format!("{} words · {}", thousands(r.words), duration(r.minutes));
    Some((truncate(&length, limit), t.status))
}

fn tail(s: &str, width: usize) -> String {
    if cells(s) <= width {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut w = 0;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out.into_iter().rev().collect()
}
