//! The mouse: a click selects a tab or a sidebar item or focuses the reader; the wheel
//! scrolls the pane under the pointer.

use super::{App, Focus};
use ratatui::layout::{Position, Rect};

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let a = self.areas;
        let inside = |r: Rect| r.contains(Position { x: column, y: row });
        if inside(a.tabs) {
            let offsets = crate::ui::sidebar::tab_spans(self, a.tabs.width);
            if let Some(&(g, _)) =
                offsets.iter().find(|&&(_, (x0, x1))| column >= a.tabs.x + x0 && column < a.tabs.x + x1)
            {
                self.focus = Focus::Sidebar;
                self.show_group(g);
            }
        } else if inside(a.list) {
            let g = self.group.index();
            let row = self.list_top[g] + (row - a.list.y) as usize;
            if row < self.visible[g].len() {
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
            let g = self.group.index();
            let n = self.visible[g].len();
            let max = n.saturating_sub(self.list_height());
            self.list_top[g] = if down { (self.list_top[g] + 3).min(max) } else { self.list_top[g].saturating_sub(3) };
        } else if inside(a.reader) {
            self.scroll_reader(if down { 3 } else { -3 });
        }
    }
}
