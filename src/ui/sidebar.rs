//! The sidebar: a row of group tabs with counts, and the selected group's items.

use super::layout::Areas;
use super::truncate;
use crate::app::items::{Group, ItemRef};
use crate::app::{App, Focus};
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The groups shown as tabs: the five, and Matches once there are any.
fn groups(app: &App) -> Vec<Group> {
    Group::ALL
        .iter()
        .copied()
        .filter(|&g| {
            g != Group::Matches || app.group == Group::Matches || !app.items[Group::Matches.index()].is_empty()
        })
        .collect()
}

/// A tab's text at one of three lengths: "Quotes 3", "Quo 3", "Q3".
fn label(app: &App, g: Group, size: usize) -> String {
    let n = app.visible[g.index()].len();
    // Counts are not known while a long document is still being indexed.
    let n = if app.loading && g != Group::Sections && g != Group::Matches { "…".to_string() } else { n.to_string() };
    match size {
        2 => format!("{} {n}", g.name()),
        1 => format!("{} {n}", g.short()),
        _ => {
            let letter = match g {
                Group::Sections => 'S',
                Group::Quotes => 'Q',
                Group::Statistics => '#',
                Group::People => 'P',
                Group::Dates => 'D',
                Group::Matches => 'M',
            };
            format!("{letter}{n}")
        }
    }
}

/// Each tab's group and column span, for drawing and for mouse clicks. Names are shortened
/// ("Quo 3") when the full ones do not fit, the current tab's last.
pub fn tab_spans(app: &App, width: u16) -> Vec<(Group, (u16, u16))> {
    let gs = groups(app);
    let current = |g: Group, big: usize, small: usize| if g == app.group { big } else { small };
    let layouts: Vec<Vec<String>> = [(2, 2), (2, 1), (1, 1), (1, 0), (0, 0)]
        .iter()
        .map(|&(big, small)| gs.iter().map(|&g| label(app, g, current(g, big, small))).collect())
        .collect();
    let chosen = layouts
        .iter()
        .find(|ls| ls.iter().map(|l| l.width() + 1).sum::<usize>() < width as usize)
        .unwrap_or(&layouts[layouts.len() - 1]);
    let mut x = 0u16;
    gs.iter()
        .zip(chosen)
        .map(|(&g, l)| {
            let w = (l.width() + 1) as u16;
            let span = (x, x.saturating_add(w).min(width));
            x = x.saturating_add(w);
            (g, span)
        })
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, areas: &Areas) {
    let t = &app.theme;
    let focused = app.focus == Focus::Sidebar;
    let border = Block::new().borders(Borders::RIGHT).border_style(if focused { t.border_focused } else { t.border });
    frame.render_widget(border, areas.sidebar);

    // Tabs.
    let mut spans = Vec::new();
    for (g, (x0, x1)) in tab_spans(app, areas.tabs.width) {
        let w = (x1 - x0) as usize;
        let size = (0..3).rev().find(|&s| label(app, g, s).width() < w).unwrap_or(0);
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            truncate(&label(app, g, size), w.saturating_sub(1)),
            if g == app.group { t.tab_active } else { t.tab },
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), areas.tabs);

    // A rule under the tabs, naming the filter when there is one.
    let g = app.group.index();
    let rule_area = Rect { y: areas.tabs.y + 1, height: 1, ..areas.tabs };
    let filter = &app.filters[g];
    let rule = if filter.is_empty() {
        "─".repeat(rule_area.width as usize)
    } else {
        let f = truncate(&format!("─ filter: {} ", visible(filter)), rule_area.width as usize);
        let pad = (rule_area.width as usize).saturating_sub(f.width());
        format!("{f}{}", "─".repeat(pad))
    };
    frame.render_widget(Paragraph::new(Span::styled(rule, t.border)), rule_area);

    // Items.
    let list = areas.list;
    let width = list.width as usize;
    let rows: Vec<Line> = app.visible[g]
        .iter()
        .enumerate()
        .skip(app.list_top[g])
        .take(list.height as usize)
        .filter_map(|(row, &i)| app.items[g].get(i).map(|&r| (row, app.item(r))))
        .map(|(row, it)| {
            let selected = row == app.selected[g];
            let style = match (selected, focused) {
                (true, true) => t.selected,
                (true, false) => t.selected_unfocused,
                _ => t.text,
            };
            let marker = if selected { "▶ " } else { "  " };
            let label = visible(&it.label);

            match (it.target, &it.detail) {
                (ItemRef::Quote(_), Some(speaker)) => {
                    let who = format!("{}: ", visible(speaker));
                    let text = truncate(&format!("{marker}{who}{label}"), width);
                    let split = (marker.len() + who.len()).min(text.len());
                    let (head, tail) = text.split_at(if text.is_char_boundary(split) { split } else { 0 });
                    Line::from(vec![
                        Span::styled(head.to_string(), style.patch(t.heading)),
                        Span::styled(tail.to_string(), style),
                    ])
                }
                (_, Some(detail)) => {
                    let detail = format!(" {}", visible(detail));
                    let room = width.saturating_sub(detail.width());
                    let text = truncate(&format!("{marker}{label}"), room);
                    let pad = room.saturating_sub(text.width());
                    Line::from(vec![
                        Span::styled(format!("{text}{}", " ".repeat(pad)), style),
                        Span::styled(detail, if selected { style } else { t.detail }),
                    ])
                }
                _ => {
                    let text = truncate(&format!("{marker}{label}"), width);
                    let pad = width.saturating_sub(text.width());
                    Line::from(Span::styled(format!("{text}{}", " ".repeat(pad)), style))
                }
            }
        })
        .collect();
    let empty = app.visible[g].is_empty();
    if empty {
        let why = match (app.group, filter.is_empty()) {
            (Group::Quotes | Group::Statistics | Group::People | Group::Dates, true) if app.loading => {
                format!("indexing… {} paragraphs", app.doc.paragraph_count())
            }
            (_, false) => "nothing matches the filter".to_string(),
            (Group::Matches, true) => "press / to search".to_string(),
            (other, true) => format!("no {} found", other.name().to_lowercase()),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("  {}", truncate(&why, width.saturating_sub(2))), t.dim)),
            list,
        );
    } else {
        frame.render_widget(Paragraph::new(rows), list);
    }
}
