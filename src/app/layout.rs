//! Where each pane goes for a given terminal size. Pure geometry: `update` lays the
//! panes out with it and keeps the result, for paging and mouse hit-testing; drawing
//! draws into what `update` kept, so both agree.

use ratatui::layout::Rect;

/// The smallest terminal folio draws its panes in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub sidebar: Rect,
    /// The tab row at the top of the sidebar.
    pub tabs: Rect,
    /// The list of items under the tabs.
    pub list: Rect,
    pub reader: Rect,
    /// The quote or statistic header above the text (zero height when none).
    pub header: Rect,
    /// The wrapped text itself, at most the measure wide.
    pub text: Rect,
    pub status: Rect,
    pub too_small: bool,
}

/// Lays out a terminal of `area` with a header of `header_lines` text lines (0 for none),
/// a reading measure of `measure` columns, and the sidebar or not.
pub fn areas(area: Rect, header_lines: u16, measure: u16, sidebar: bool) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas { too_small: true, ..Areas::default() };
    }
    let title = Rect { height: 1, ..area };
    let status = Rect { y: area.bottom() - 1, height: 1, ..area };
    let body = Rect { y: area.y + 1, height: area.height - 2, ..area };
    // The sidebar: about 30% of the width, at least 24 columns.
    let side_w = if sidebar { (body.width * 3 / 10).max(24).min(body.width / 2) } else { 0 };
    let sidebar = Rect { width: side_w, ..body };
    // The sidebar's right border takes one column.
    let tabs = Rect { x: sidebar.x, y: sidebar.y, width: side_w.saturating_sub(1), height: u16::from(side_w > 0) };
    let list = Rect {
        x: sidebar.x,
        y: sidebar.y + 2,
        width: side_w.saturating_sub(1),
        height: if side_w > 0 { sidebar.height.saturating_sub(2) } else { 0 },
    };
    let reader = Rect { x: body.x + side_w, width: body.width - side_w, ..body };
    // Text starts two columns in and runs to the measure or the pane's edge; alone on
    // the screen, the column stands in the middle, as a page does.
    let inner_w = reader.width.saturating_sub(3).min(measure).max(1);
    let inner_x = if side_w > 0 { reader.x + 2 } else { reader.x + (reader.width - inner_w) / 2 };
    let header_h = if header_lines == 0 { 0 } else { (header_lines + 2).min(reader.height / 3).max(3) };
    let header = Rect { x: inner_x, y: reader.y, width: inner_w, height: header_h };
    let text = Rect { x: inner_x, y: reader.y + header_h, width: inner_w, height: reader.height - header_h };
    Areas { title, sidebar, tabs, list, reader, header, text, status, too_small: false }
}

/// The help overlay's width: at most 76 columns.
fn help_width(area: Rect) -> u16 {
    76.min(area.width.saturating_sub(4)).max(10).min(area.width)
}

/// The help overlay's box for `lines` lines of help: centred.
pub fn help_box(area: Rect, lines: usize) -> Rect {
    let width = help_width(area);
    let height = (lines.min(u16::MAX as usize) as u16)
        .saturating_add(2)
        .min(area.height.saturating_sub(2))
        .max(3)
        .min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// The help's lines that fit in its box (the box has a border all round).
pub fn help_rows(area: Rect, lines: usize) -> usize {
    help_box(area, lines).height.saturating_sub(2) as usize
}

/// The config's mistakes as the help lists them: a heading, then each mistake wrapped to
/// the help's box (inside its border, set in by two), then a blank line; none without
/// mistakes.
pub fn mistake_lines(mistakes: &[String], area: Rect) -> Vec<String> {
    if mistakes.is_empty() {
        return Vec::new();
    }
    let room = (help_width(area) as usize).saturating_sub(4).max(1);
    let mut out = vec!["Mistakes in the config (the rest of it applies)".to_string()];
    for m in mistakes {
        let m = crate::sanitize::field(m);
        out.extend(super::document::wrap(&m, room).into_iter().map(|r| format!("  {}", &m[r])));
    }
    out.push(String::new());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_inside_the_terminal() {
        for (w, h) in [(60, 15), (80, 24), (120, 40), (200, 60), (500, 200)] {
            let a = areas(Rect::new(0, 0, w, h), 4, 88, true);
            assert!(!a.too_small);
            for r in [a.title, a.sidebar, a.tabs, a.list, a.reader, a.header, a.text, a.status] {
                assert!(r.right() <= w && r.bottom() <= h, "{r:?} outside {w}x{h}");
            }
            assert!(a.sidebar.width >= 24);
            assert!(a.text.width <= 88);
            let alone = areas(Rect::new(0, 0, w, h), 4, 88, false);
            assert_eq!((alone.sidebar.width, alone.list.height, alone.reader.width), (0, 0, w));
            assert!(alone.text.right() <= w && alone.text.width >= a.text.width);
        }
    }

    #[test]
    fn small_terminals_are_too_small() {
        assert!(areas(Rect::new(0, 0, 59, 40), 0, 88, true).too_small);
        assert!(areas(Rect::new(0, 0, 120, 14), 0, 88, true).too_small);
        assert!(areas(Rect::new(0, 0, 1, 1), 0, 88, false).too_small);
    }
}
