//! The sidebar: a row of group tabs with counts, a rule (naming the filter when there is
//! one), and the selected group's items.

use super::theme::Theme;
use super::{cells, truncate};
use crate::app::items::{Group, Item, ItemRef};
use crate::app::layout::Areas;
use crate::app::{Action, App, Focus};
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, o: &super::Options, areas: &Areas) {
    let (t, keys) = (&o.theme, &o.keys);
    let focused = app.focus() == Focus::Sidebar;
    let border = Block::new().borders(Borders::RIGHT).border_style(if focused { t.border_focused } else { t.border });
    frame.render_widget(border, areas.sidebar);
    tabs(frame, app, t, areas.tabs);
    rule(frame, app, t, Rect { y: areas.tabs.y + 1, height: 1, ..areas.tabs });
    if app.list(app.group()).visible.is_empty() {
        empty(frame, app, t, keys, areas.list);
    } else {
        items(frame, app, t, o.bidi, areas.list, focused);
    }
}

/// The tabs as `update` laid them out.
fn tabs(frame: &mut Frame, app: &App, t: &Theme, area: Rect) {
    let mut spans = Vec::new();
    for tab in app.tabs() {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(tab.label.clone(), if tab.group == app.group() { t.tab_active } else { t.tab }));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A rule under the tabs, naming the filter when there is one.
fn rule(frame: &mut Frame, app: &App, t: &Theme, area: Rect) {
    let filter = &app.list(app.group()).filter;
    let width = area.width as usize;
    let rule = if filter.is_empty() {
        "─".repeat(width)
    } else {
        let f = truncate(&format!("─ filter: {} ", visible(filter)), width);
        let pad = width.saturating_sub(cells(&f));
        format!("{f}{}", "─".repeat(pad))
    };
    frame.render_widget(Paragraph::new(Span::styled(rule, t.border)), area);
}

/// The rows of the group on show, from its first row on screen.
fn items(frame: &mut Frame, app: &App, t: &Theme, bidi: bool, area: Rect, focused: bool) {
    let list = app.list(app.group());
    let rows: Vec<Line> = list
        .visible
        .iter()
        .enumerate()
        .skip(list.top)
        .take(area.height as usize)
        .filter_map(|(row, &i)| list.items.get(i).map(|&r| (row, app.item(r))))
        .map(|(row, it)| {
            let selected = row == list.selected;
            // The section on screen is marked as the reader moves.
            let reading = matches!(it.target, ItemRef::Section(s) if s == app.reading_section());
            let style = match (selected, focused) {
                (true, true) => t.selected,
                (true, false) => t.selected_unfocused,
                _ if reading => t.tab_active,
                _ => t.text,
            };
            row_line(&it, selected, reading, style, t, area.width as usize, bidi)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), area);
}

/// `text` made visible and cut to `room` columns at its end, then, when it reads right
/// to left, in visual order: a cut right-to-left label keeps its first words, on its right.
fn fit(text: &str, room: usize, bidi: bool) -> String {
    let cut = truncate(&visible(text), room);
    if bidi { super::bidi::visual_str(&cut) } else { cut }
}

/// One item's row: a quote with its speaker first, an item with a detail at the right
/// ("3", "2024-07-30"), or its label alone; cut to the width.
fn row_line(
    it: &Item,
    selected: bool,
    reading: bool,
    style: Style,
    t: &Theme,
    width: usize,
    bidi: bool,
) -> Line<'static> {
    let marker = match (selected, reading) {
        (true, _) => "▶ ",
        (false, true) => "• ",
        _ => "  ",
    };
    let room = width.saturating_sub(cells(marker));
    match (it.target, &it.detail) {
        (ItemRef::Quote(_), Some(speaker)) => {
            let who = fit(speaker, room.saturating_sub(2), bidi);
            let head = if cells(&who) + 2 <= room { format!("{marker}{who}: ") } else { format!("{marker}{who}") };
            let tail = fit(&it.label, width.saturating_sub(cells(&head)), bidi);
            Line::from(vec![Span::styled(head, style.patch(t.heading)), Span::styled(tail, style)])
        }
        (_, Some(detail)) => {
            let detail = format!(" {}", visible(detail));
            let room = width.saturating_sub(cells(&detail));
            let text = format!("{marker}{}", fit(&it.label, room.saturating_sub(cells(marker)), bidi));
            let pad = room.saturating_sub(cells(&text));
            Line::from(vec![
                Span::styled(format!("{text}{}", " ".repeat(pad)), style),
                Span::styled(detail, if selected { style } else { t.detail }),
            ])
        }
        (_, None) if it.mark.as_ref().is_some_and(|m| it.label.get(m.clone()).is_some()) => {
            // A match in its context: the match marked, each part made visible alone so
            // the mark stays on its words.
            let m = it.mark.clone().unwrap_or_default();
            let mut room = width;
            let mut part = |s: &str| {
                let s = truncate(s, room);
                room -= cells(&s);
                s
            };
            let head = part(&format!("{marker}{}", visible(&it.label[..m.start])));
            let hit = part(&visible(&it.label[m.clone()]));
            let tail = part(&visible(&it.label[m.end..]));
            let pad = " ".repeat(room);
            Line::from(vec![
                Span::styled(head, style),
                Span::styled(hit, style.patch(t.search_match)),
                Span::styled(format!("{tail}{pad}"), style),
            ])
        }
        _ => {
            let text = format!("{marker}{}", fit(&it.label, room, bidi));
            let pad = width.saturating_sub(cells(&text));
            Line::from(Span::styled(format!("{text}{}", " ".repeat(pad)), style))
        }
    }
}

/// Why a group shows nothing.
fn empty(frame: &mut Frame, app: &App, t: &Theme, keys: &crate::keymap::Keymap, area: Rect) {
    let group = app.group();
    let filtered = !app.list(group).filter.is_empty();
    let why = match (group, filtered) {
        (Group::Quotes | Group::Statistics | Group::People | Group::Dates, false) if app.is_loading() => {
            format!("indexing… {} paragraphs", app.doc().paragraph_count())
        }
        (_, true) => "nothing matches the filter".to_string(),
        (Group::Matches, false) if !app.search().query.is_empty() => {
            format!("no match for {}", crate::sanitize::field(&app.search().query))
        }
        (Group::Matches, false) => {
            format!("press {} to search", keys.first_key_for(crate::app::Mode::Normal, &Action::StartSearch))
        }
        (other, false) => format!("no {} found", other.name().to_lowercase()),
    };
    let width = area.width as usize;
    frame.render_widget(
        Paragraph::new(Span::styled(format!("  {}", truncate(&why, width.saturating_sub(2))), t.dim)),
        area,
    );
}
