//! Drawing. Every function here takes `&App`: the view cannot change state, and tests can
//! draw into a `TestBackend` and compare screens. One file per pane (`sidebar`, `reader`,
//! `status`, `help`); `theme` holds the colours. Key names on screen come from the keymap.

pub mod bidi;
pub mod help;
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
use theme::Theme;
use unicode_width::UnicodeWidthStr;

/// How the screen is drawn, beyond the state it shows.
#[derive(Debug, Clone)]
pub struct Options {
    pub theme: Theme,
    /// Links in the text become OSC 8 hyperlinks (`--no-hyperlinks` turns them off).
    pub hyperlinks: bool,
    /// The keys in force, which the help, the hints and messages name.
    pub keys: crate::keymap::Keymap,
    /// folio takes the mouse (wheel, clicks); off (`--no-mouse`), the terminal keeps it.
    pub mouse: bool,
    /// Right-to-left paragraphs are laid out in visual order, right-aligned (`--bidi`).
    pub bidi: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { theme: Theme::default(), hyperlinks: false, keys: Default::default(), mouse: true, bidi: true }
    }
}

/// Draws the whole screen: the panes where `update` last laid them out. A frame of
/// another size than the one `update` knows (a resize not yet applied) is left blank
/// rather than drawn with the old layout.
pub fn draw(frame: &mut Frame, app: &App, options: &Options) {
    let theme = &options.theme;
    let area = frame.area();
    let areas = app.areas();
    if (area.width, area.height) != app.size() {
        return;
    }
    if areas.too_small {
        too_small(frame, area);
        return;
    }
    title(frame, app, options, areas.title);
    sidebar::draw(frame, app, options, &areas);
    reader::draw(frame, app, options, &areas);
    status::draw(frame, app, theme, &options.keys, areas.status);
    if app.mode() == Mode::Help {
        help::draw(frame, app, theme, &options.keys, area);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let (w, h) = (crate::app::layout::MIN_WIDTH, crate::app::layout::MIN_HEIGHT);
    let long = format!("Enlarge the terminal to {w}×{h} (now {}×{})", area.width, area.height);
    let text = [long, format!("Enlarge the terminal to {w}×{h}"), format!("Need {w}×{h}"), "Too small".to_string()]
        .into_iter()
        .find(|s| s.width() <= area.width as usize)
        .unwrap_or_default();
    let y = area.y + area.height / 2;
    let line = Rect { y, height: 1.min(area.height), ..area };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), line);
}

fn title(frame: &mut Frame, app: &App, o: &Options, area: Rect) {
    let t = &o.theme;
    let shown = |s: &str| if o.bidi { bidi::visual_str(&visible(s)) } else { visible(s).into_owned() };
    let progress = format!(" {}% ", app.progress());
    let mut left = String::from(" folio │ ");
    // A web page's site says where the article is from before its headline does.
    if let Some(site) = app.article().site_name.as_deref().filter(|s| !s.trim().is_empty()) {
        left.push_str(&shown(site));
        left.push_str(" │ ");
    }
    left.push_str(&shown(app.title()));
    if let Some(b) = app.article().byline.as_ref().filter(|b| Some(b.as_str()) != app.article().site_name.as_deref()) {
        left.push_str(" │ ");
        left.push_str(&shown(b));
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
