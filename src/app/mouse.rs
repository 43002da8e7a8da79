//! The mouse: a click selects a tab or a sidebar item or focuses the reader; the wheel
//! scrolls the pane under the pointer. Both find their target in the layout and the tabs
//! `update` last laid out.

use super::{App, Focus};
use ratatui::layout::{Position, Rect};

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let a = self.areas;
        let inside = |r: Rect| r.contains(Position { x: column, y: row });
        if inside(a.tabs) {
            let x = column - a.tabs.x;
            if let Some(g) = self.tabs.iter().find(|t| x >= t.start && x < t.end).map(|t| t.group) {
                self.focus = Focus::Sidebar;
                self.show_group(g);
            }
        } else if inside(a.list) {
            let list = &self.lists[self.group.index()];
            let row = list.top + (row - a.list.y) as usize;
            if row < list.visible.len() {
                self.focus = Focus::Sidebar;
                self.select(row, false);
            }
        } else if inside(a.reader) {
            self.focus = Focus::Reader;
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let a = self.areas;
        let inside = |r: Rect| r.contains(Position { x: column, y: row });
        if inside(a.sidebar) {
            let h = self.list_height();
            let list = &mut self.lists[self.group.index()];
            let max = list.visible.len().saturating_sub(h);
            list.top = if down { (list.top + 3).min(max) } else { list.top.saturating_sub(3) };
        } else if inside(a.reader) {
            self.scroll_reader(if down { 3 } else { -3 });
        }
    }
}
