//! The help overlay, written from the keymap: its rows, its title and its scroll hint.

use super::theme::Theme;
use crate::app::layout::{help_box, help_rows, mistake_lines};
use crate::app::{Action, App, Mode};
use crate::keymap::{HelpLine, Keymap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The help's lines, styled.
pub fn lines(t: &Theme, keys: &Keymap) -> Vec<Line<'static>> {
    keys.help_lines()
        .into_iter()
        .map(|l| match l {
            HelpLine::Heading(name) => Line::from(Span::styled(name.to_string(), t.heading)),
            HelpLine::Row(keys, help) => {
                Line::from(vec![Span::styled(format!("  {keys:<18}"), t.key), Span::raw(help)])
            }
            HelpLine::Blank => Line::default(),
        })
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, t: &Theme, keys: &Keymap, area: Rect) {
    // The config's mistakes first (all of them: the status bar has room for one), then
    // the keys.
    let mistakes = mistake_lines(app.config_mistakes(), area);
    let mut all: Vec<Line> = mistakes
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { Line::from(Span::styled(l, t.error)) } else { Line::from(l) })
        .collect();
    all.extend(lines(t, keys));
    let r = help_box(area, all.len());
    let rows = help_rows(area, all.len());
    let scroll = app.help_scroll();
    let more = all.len() > rows + scroll;
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(rows).collect();
    let close = keys.key_for(Mode::Help, &Action::ToggleHelp);
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border_focused)
        .title(Span::styled(format!(" folio keys — {close} closes "), t.header_title));
    if more || scroll > 0 {
        let scroll = format!(
            "{}/{}",
            keys.first_key_for(Mode::Help, &Action::PageDown),
            keys.first_key_for(Mode::Help, &Action::PageUp)
        );
        let hint = if more { format!(" {scroll} page · more below ") } else { format!(" {scroll} page ") };
        block = block.title_bottom(Span::styled(hint, t.key));
    }
    frame.render_widget(Clear, r);
    frame.render_widget(Paragraph::new(shown).block(block), r);
}
