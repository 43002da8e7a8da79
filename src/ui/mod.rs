//! Drawing. Every function here takes `&App`: the view cannot change state, and tests can
//! draw into a `TestBackend` and compare screens. One file per pane (`sidebar`, `reader`,
//! `status`, `help`); `theme` holds the colours. Key names on screen come from the keymap.

pub mod bidi;
pub mod help;
pub mod listing;
pub mod reader;
pub mod sidebar;
pub mod status;
pub mod theme;

use crate::app::document::cells;
use crate::app::{App, Mode};
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use theme::Theme;

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
    if app.listing().is_some() {
        let body =
            Rect { y: areas.title.bottom(), height: areas.status.y.saturating_sub(areas.title.bottom()), ..area };
        listing::draw(frame, app, options, body);
    } else {
        sidebar::draw(frame, app, options, &areas);
        reader::draw(frame, app, options, &areas);
    }
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
        .find(|s| cells(s) <= area.width as usize)
        .unwrap_or_default();
    let y = area.y + area.height / 2;
    let line = Rect { y, height: 1.min(area.height), ..area };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), line);
}

/// The title bar: the site, the title and the byline, each cut at its own end (a
/// right-to-left title loses its last words, on its left), then the time left and the
/// progress, never cut.
fn title(frame: &mut Frame, app: &App, o: &Options, area: Rect) {
    let t = &o.theme;
    let width = area.width as usize;
    // Where the page stands in the run's history: "‹ 2/3".
    let lead = match app.history_position() {
        Some((at, of)) => format!(" folio ‹ {at}/{of} │ "),
        None => " folio │ ".to_string(),
    };
    let lead = lead.as_str();
    let progress = match app.listing() {
        Some(l) => format!(" {} ", l.rows.len()),
        None => format!(" {}% ", app.progress()),
    };
    // The time left, while the title keeps a fair share of the bar.
    let right = app
        .reading_time()
        .filter(|r| r.minutes_left > 0 && app.listing().is_none())
        .map(|r| format!(" {} left ·{progress}", duration(r.minutes_left)))
        .filter(|full| width >= cells(lead) + cells(full) + 24)
        .unwrap_or(progress);
    // A list has its title only; the article behind it is not shown.
    let a = if app.listing().is_some() { &crate::article::Article::default() } else { app.article() };
    let mut fields: Vec<&str> = Vec::new();
    // A web page's site says where the article is from before its headline does.
    fields.extend(a.site_name.as_deref().filter(|s| !s.trim().is_empty()));
    fields.push(app.title());
    fields.extend(a.byline.as_deref().filter(|b| Some(*b) != a.site_name.as_deref()));
    let room = width.saturating_sub(cells(&right) + cells(lead));
    let mut left = String::from(lead);
    let mut free = room;
    for (i, field) in fields.into_iter().enumerate() {
        let sep = if i == 0 { "" } else { " │ " };
        if cells(sep) + 2 > free {
            break;
        }
        let shown = visible(field);
        let cut = truncate(&shown, free - cells(sep));
        free -= cells(sep) + cells(&cut);
        left.push_str(sep);
        left.push_str(&if o.bidi { bidi::visual_str(&cut) } else { cut.clone() });
        if cut != shown {
            break;
        }
    }
    let left = truncate(&left, width.saturating_sub(cells(&right)));
    let pad = width.saturating_sub(cells(&left) + cells(&right));
    let line = Line::from(vec![Span::raw(left), Span::raw(" ".repeat(pad)), Span::raw(right)]).style(t.title_bar);
    frame.render_widget(Paragraph::new(line), area);
}

/// Minutes as a reader says them: "4 min", "1 h 20 min".
pub fn duration(minutes: usize) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A count with its thousands marked: "1,204".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `s` cut to `width` columns, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if cells(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let gw = cells(g);
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}
