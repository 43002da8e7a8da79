//! Helpers of `update` that move the selection, the reader and the layout: what a
//! selection, a jump or a filter does to the panes. Called only from `update`, so an
//! `App` still changes in one place.

use super::App;
use super::Message;
use super::document::{DocBlock, DocKind, Document, wrap};
use super::items::{self, Group, ItemRef, Target, target};
use super::layout::{Areas, areas};
use ratatui::layout::Rect;

impl App {
    /// Where the panes go in `area`, with the selected item's header or without.
    pub(super) fn layout_for(&self, area: Rect, header: bool) -> Areas {
        let probe = areas(area, 1, self.measure, self.sidebar);
        // The header's box takes two columns of border and two of padding.
        let lines = match &self.target.header {
            Some((_, body)) if header => wrap(body, probe.text.width.saturating_sub(4).max(1) as usize).len() as u16,
            _ => 0,
        };
        areas(area, lines, self.measure, self.sidebar)
    }

    /// Takes the selected item's header away once the item is off the screen. When the
    /// text was scrolled off it, the lines stay on the rows they were on (the header's
    /// rows show the lines above); after a jump, the jump's own landing stands.
    pub(super) fn place_header(&mut self, scrolled: bool) {
        if !self.header_shown {
            return;
        }
        let on_screen = self.target.header.is_some()
            && self.target.ranges.first().is_some_and(|(block, range)| {
                self.reader.is_within(&self.doc, *block, range.start, self.areas.text.height as usize)
            });
        if !on_screen {
            let rows = self.areas.header.height as isize;
            self.header_shown = false;
            self.relayout();
            if scrolled {
                self.reader.scroll(&self.doc, -rows);
            }
        }
    }

    /// Lays the panes out again (after a resize or a header change) and fits the reader.
    pub(super) fn relayout(&mut self) {
        self.areas = self.layout_for(Rect::new(0, 0, self.size.0, self.size.1), self.header_shown);
        if !self.areas.too_small {
            self.reader.set_size(&self.doc, self.areas.text.width as usize, self.areas.text.height as usize);
        }
        self.keep_selection_in_view();
    }

    pub(super) fn list_height(&self) -> usize {
        (self.areas.list.height as usize).max(1)
    }

    pub(super) fn keep_selection_in_view(&mut self) {
        let h = self.list_height();
        let list = &mut self.lists[self.group.index()];
        let n = list.visible.len();
        list.selected = list.selected.min(n.saturating_sub(1));
        if list.selected < list.top {
            list.top = list.selected;
        } else if list.selected >= list.top + h {
            list.top = list.selected + 1 - h;
        }
        list.top = list.top.min(n.saturating_sub(h));
    }

    /// Selects row `row` of the current group and shows it in the reader.
    pub(super) fn select(&mut self, row: usize, jump: bool) {
        let n = self.lists[self.group.index()].visible.len();
        if n == 0 {
            self.target = Target::default();
            self.relayout();
            return;
        }
        self.lists[self.group.index()].selected = row.min(n - 1);
        self.keep_selection_in_view();
        // A match chosen in the tab is the current match: n/N go on from it; a name
        // chosen starts its mentions from the first.
        if let Some(ItemRef::Match(i)) = self.selected_ref() {
            self.search.current = Some(i);
        }
        self.mention = 0;
        // An item chosen in the list brings its header (while it is on screen).
        self.header_shown = true;
        self.refresh_target();
        if let Some((block, range)) = self.target.ranges.first().cloned()
            && (jump || !self.reader.is_visible(&self.doc, block, range.start))
        {
            // Following the selection is a jump too, once per run of moves.
            if !self.following {
                self.jump_from_here();
                self.following = true;
            }
            self.reader.show(&self.doc, block, range.start);
        }
    }

    /// Recomputes the selected item's highlights and header.
    pub(super) fn refresh_target(&mut self) {
        self.target = match self.selected_ref() {
            Some(ItemRef::Match(i)) => self.search.target(i),
            Some(r) => target(&self.article, &self.doc, &self.dates, r),
            None => Target::default(),
        };
        self.relayout();
    }

    /// Shows a group, which moves nothing: its selection starts at the item nearest the
    /// reading position (the current match in the Matches tab), highlighted, without a
    /// header.
    pub(super) fn show_group(&mut self, group: Group) {
        self.group = group;
        // No header until an item is chosen: a header would push the text down.
        self.header_shown = false;
        if !(group == Group::Matches && self.select_current_match())
            && let Some((row, mention)) = self.nearest(group)
        {
            self.lists[group.index()].selected = row;
            self.mention = mention;
        }
        self.keep_selection_in_view();
        self.refresh_target();
    }

    /// The row of `group` nearest the reading position, and which of its mentions that
    /// is: the first item on screen (a section is on screen from its heading to the next),
    /// else the one nearest the top of the screen, above or below.
    fn nearest(&self, group: Group) -> Option<(usize, usize)> {
        let doc: &Document = &self.doc;
        let (top_block, top_offset) = self.place();
        // (The blank line after a block is where the next one starts.)
        let top_offset = top_offset.min(doc.blocks.get(top_block).map_or(0, |b| b.text.len()));
        let here = doc.bytes_before(top_block) + top_offset;
        let last = self.reader.last_block_shown(doc);
        let list = &self.lists[group.index()];
        let mut best: Option<((bool, usize), usize, usize)> = None;
        let mut consider = |row: usize, (k, (block, offset)): items::Mention| {
            let at = doc.bytes_before(block) + offset;
            let on_screen = at >= here && block <= last && self.reader.is_visible(doc, block, offset);
            // On screen first (the earliest), then by distance from the top.
            let rank = if on_screen { (false, at) } else { (true, at.abs_diff(here)) };
            if best.is_none_or(|(b, _, _)| rank < b) {
                best = Some((rank, row, k));
            }
        };
        for (row, &i) in list.visible.iter().enumerate() {
            let Some(&r) = list.items.get(i) else { continue };
            match r {
                // The section the top of the screen is in is on screen.
                ItemRef::Section(s) => {
                    let start = doc.section_start.get(s).copied().unwrap_or(0);
                    let end = doc.section_start.get(s + 1).copied().unwrap_or(doc.len());
                    let inside = (start..end).contains(&top_block);
                    consider(row, (0, if inside { (top_block, top_offset) } else { (start, 0) }));
                }
                ItemRef::Match(m) => {
                    if let Some(m) = self.search.matches.get(m) {
                        consider(row, (0, (m.block, m.range.start)));
                    }
                }
                _ => {
                    let near = items::places_near(&self.article, doc, &self.dates, r, (top_block, top_offset));
                    near.into_iter().flatten().for_each(|m| consider(row, m));
                }
            }
        }
        best.map(|(_, row, k)| (row, k))
    }

    /// The Matches tab's selection on the current match (when the filter shows it).
    pub(super) fn select_current_match(&mut self) -> bool {
        let Some(c) = self.search.current else { return false };
        let list = &mut self.lists[Group::Matches.index()];
        match list.visible.iter().position(|&i| list.items.get(i) == Some(&ItemRef::Match(c))) {
            Some(row) => {
                list.selected = row;
                true
            }
            None => false,
        }
    }

    pub(super) fn move_selection(&mut self, delta: isize) {
        let row = self.lists[self.group.index()].selected as isize + delta;
        self.select(row.max(0) as usize, false);
    }

    pub(super) fn page(&self) -> usize {
        self.reader.height.saturating_sub(2).max(1)
    }

    /// The first block of the section after (or before) the one on screen; past the last
    /// (or before the first) the screen goes to the end (or the top) and says so.
    pub(super) fn section_jump(&mut self, forward: bool) {
        let here = self.reader.current_block(&self.doc);
        let starts = &self.doc.section_start;
        let next = if forward {
            starts.iter().copied().find(|&s| s > here)
        } else {
            // From the start of a section, go to the one before; from inside, to its start.
            let at_start = self.reader.top.line == 0;
            starts.iter().copied().rev().find(|&s| if at_start { s < here } else { s <= here })
        };
        let before = self.reader.top;
        match next {
            Some(b) => self.reader.show_block(&self.doc, b),
            None if forward => self.reader.to_end(&self.doc),
            None => self.reader.to_start(&self.doc),
        }
        // No section further that way, or the screen cannot go on to it: it says so.
        if next.is_none() || self.reader.top == before {
            let last = if forward { "this is the last section" } else { "this is the first section" };
            self.message = Some(Message::info(last));
        }
    }

    pub(super) fn paragraph_jump(&mut self, forward: bool) {
        let here = self.reader.top.block;
        let is_para = |b: &DocBlock| matches!(b.kind, DocKind::Paragraph { .. } | DocKind::Heading { .. });
        let doc: &Document = &self.doc;
        let next = if forward {
            (here + 1..doc.len()).find(|&b| is_para(&doc.blocks[b]))
        } else if self.reader.top.line > 0 {
            Some(here)
        } else {
            (0..here).rev().find(|&b| is_para(&doc.blocks[b]))
        };
        match next {
            Some(b) => self.reader.show_block(&self.doc, b),
            None if forward => self.reader.to_end(&self.doc),
            None => self.reader.to_start(&self.doc),
        }
    }

    pub(super) fn scroll_reader(&mut self, lines: isize) {
        self.following = false;
        self.reader.scroll(&self.doc, lines);
    }

    /// Re-applies a group's filter to its items.
    pub(super) fn apply_filter(&mut self, group: Group) {
        let g = group.index();
        let text = self.lists[g].filter.clone();
        let visible = if text.is_empty() {
            (0..self.lists[g].items.len()).collect()
        } else {
            match crate::search::Matcher::new(&text) {
                Ok(m) => (0..self.lists[g].items.len())
                    .filter(|&i| {
                        let it = self.item(self.lists[g].items[i]);
                        m.is_match(&it.label) || it.detail.as_deref().is_some_and(|d| m.is_match(d))
                    })
                    .collect(),
                Err(_) => Vec::new(),
            }
        };
        // The selected item stays selected when it still passes the filter.
        let list = &mut self.lists[g];
        let was = list.visible.get(list.selected).copied();
        list.selected = was.and_then(|w| visible.iter().position(|&v| v == w)).unwrap_or(0);
        list.visible = visible;
        list.top = 0;
    }
}
