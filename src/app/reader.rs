//! The reader pane's state: where it stands in the document, at what width, and the
//! wrapped lines of the blocks on screen. Moving changes the state; questions about it
//! (is this on screen? how far in are we?) only read it, wrapping a block that is not
//! on screen without keeping it.

use super::document::{Document, VLine, lay_out};
use std::borrow::Cow;
use std::collections::HashMap;

/// The top line on screen: a block, and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub block: usize,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct Reader {
    pub top: Position,
    /// Text columns (the measure): the pane width capped at `--width`.
    pub width: usize,
    /// Lines on screen.
    pub height: usize,
    wrapped: HashMap<usize, Vec<VLine>>,
    /// Where the reader was put by the user: a block and the display offset of its top
    /// line. A resize starts from here, so a size at which everything fits (and the top is
    /// clamped to the start) does not lose the place.
    anchor: Option<(usize, usize)>,
}

impl Reader {
    /// Sets the text width; a change drops the wrapped lines and keeps the top line's text
    /// on screen (a resize keeps the reader at the same paragraph).
    pub fn set_size(&mut self, doc: &Document, width: usize, height: usize) {
        let width = width.max(1);
        if self.anchor.is_none() {
            self.anchor = self.line_start(doc, self.top).map(|start| (self.top.block, start));
        }
        if width != self.width {
            self.wrapped.clear();
            self.width = width;
        }
        self.height = height.max(1);
        if let Some((block, offset)) = self.anchor.filter(|&(b, _)| b < doc.len()) {
            self.top = Position { block, line: self.line_of(doc, block, offset) };
        }
        self.clamp(doc);
    }

    /// Remembers the current top as the user's place.
    fn settle(&mut self, doc: &Document) {
        self.clamp(doc);
        self.anchor = self.line_start(doc, self.top).map(|start| (self.top.block, start));
    }

    /// Forgets the wrapped lines (the document changed under them).
    pub fn reset_wrapping(&mut self) {
        self.wrapped.clear();
    }

    /// Lays a block out at the reader's width.
    fn wrap_block(&self, doc: &Document, block: usize) -> Vec<VLine> {
        match doc.blocks.get(block) {
            Some(b) => lay_out(b, self.width),
            None => vec![VLine::default()],
        }
    }

    /// The lines of a block: kept ones (drawing finds those on screen ready), or laid out
    /// now at the reader's width (and not kept).
    pub fn lines(&self, doc: &Document, block: usize) -> Cow<'_, [VLine]> {
        match self.wrapped.get(&block) {
            Some(lines) => Cow::Borrowed(lines.as_slice()),
            None => Cow::Owned(self.wrap_block(doc, block)),
        }
    }

    /// Lines a block takes on screen: its own and the blank line after it (none between
    /// the items of a tight list).
    pub fn height_of(&self, doc: &Document, block: usize) -> usize {
        let gap = doc.blocks.get(block).is_some_and(|b| b.gap_after);
        self.wrapped.get(&block).map_or_else(|| self.wrap_block(doc, block).len(), Vec::len) + usize::from(gap)
    }

    /// Where line `p.line` of its block starts in the text (lines of decoration alone,
    /// such as a table's rule, start where the text before them ended; the blank line after
    /// the block, one past the end of its text).
    fn line_start(&self, doc: &Document, p: Position) -> Option<usize> {
        let block = doc.blocks.get(p.block)?;
        let lines = self.lines(doc, p.block);
        if p.line >= lines.len() {
            return Some(block.text.len() + 1);
        }
        lines.get(..=p.line)?.iter().rev().find_map(VLine::start).or(Some(0))
    }

    /// The place at the top of the screen: its block and where its line starts, which the
    /// same line is found by again at any width.
    pub fn place(&self, doc: &Document) -> (usize, usize) {
        (self.top.block, self.line_start(doc, self.top).unwrap_or(0))
    }

    /// The line of `block` that holds display offset `offset` (past the end of the text,
    /// the blank line after it).
    pub fn line_of(&self, doc: &Document, block: usize, offset: usize) -> usize {
        let lines = self.lines(doc, block);
        if doc.blocks.get(block).is_some_and(|b| offset > b.text.len()) {
            return lines.len();
        }
        lines.iter().rposition(|l| l.start().is_some_and(|s| s <= offset)).unwrap_or(0)
    }

    /// Moves the top by `n` lines down (positive) or up (negative), within the document.
    pub fn scroll(&mut self, doc: &Document, n: isize) {
        if n > 0 {
            let mut left = n as usize;
            while left > 0 {
                let h = self.height_of(doc, self.top.block);
                if self.top.line + left < h {
                    self.top.line += left;
                    break;
                }
                left -= h - self.top.line;
                if self.top.block + 1 >= doc.len() {
                    self.top.line = h.saturating_sub(1);
                    break;
                }
                self.top.block += 1;
                self.top.line = 0;
            }
        } else {
            let mut left = n.unsigned_abs();
            while left > 0 {
                if self.top.line >= left {
                    self.top.line -= left;
                    break;
                }
                left -= self.top.line;
                if self.top.block == 0 {
                    self.top.line = 0;
                    break;
                }
                self.top.block -= 1;
                self.top.line = self.height_of(doc, self.top.block);
            }
        }
        self.settle(doc);
    }

    /// The lowest the top may go: the last screenful of the document.
    fn max_top(&self, doc: &Document) -> Position {
        let mut need = self.height;
        let mut block = doc.len();
        while block > 0 {
            block -= 1;
            // The last block's blank line is not shown at the bottom.
            let last_gap = block + 1 == doc.len() && doc.blocks[block].gap_after;
            let h = self.height_of(doc, block) - usize::from(last_gap);
            if h >= need {
                return Position { block, line: h - need };
            }
            need -= h;
        }
        Position::default()
    }

    pub fn clamp(&mut self, doc: &Document) {
        if doc.is_empty() {
            self.top = Position::default();
            return;
        }
        self.top.block = self.top.block.min(doc.len() - 1);
        let h = self.height_of(doc, self.top.block);
        self.top.line = self.top.line.min(h.saturating_sub(1));
        let max = self.max_top(doc);
        if (self.top.block, self.top.line) > (max.block, max.line) {
            self.top = max;
        }
    }

    pub fn to_start(&mut self, doc: &Document) {
        self.top = Position::default();
        self.settle(doc);
    }

    pub fn to_end(&mut self, doc: &Document) {
        self.top = self.max_top(doc);
        self.settle(doc);
    }

    /// Every jump lands the same way (a section, a paragraph, an item, a match): the
    /// block holding `offset` starts on the top line, or, when `offset` is further into it
    /// than a third of the screen, its line is the top line. Near the end the screen
    /// stops at the last line.
    pub fn show(&mut self, doc: &Document, block: usize, offset: usize) {
        if block >= doc.len() {
            return;
        }
        let line = self.line_of(doc, block, offset);
        let line = if line < (self.height / 3).max(1) { 0 } else { line };
        self.top = Position { block, line };
        self.settle(doc);
    }

    /// Puts the line holding `offset` of `block` on top (the place kept over a reload).
    pub fn show_at(&mut self, doc: &Document, block: usize, offset: usize) {
        if block >= doc.len() {
            return;
        }
        self.top = Position { block, line: self.line_of(doc, block, offset) };
        self.anchor = None;
        self.settle(doc);
    }

    /// Scrolls so that `block` starts at the top (a jump, as [`Reader::show`] lands it).
    pub fn show_block(&mut self, doc: &Document, block: usize) {
        self.show(doc, block.min(doc.len().saturating_sub(1)), 0);
    }

    /// Puts the top back where it was (a cancelled search).
    pub fn restore(&mut self, doc: &Document, top: Position) {
        self.top = top;
        self.settle(doc);
    }

    /// Whether `offset` in `block` is on screen.
    pub fn is_visible(&self, doc: &Document, block: usize, offset: usize) -> bool {
        self.is_within(doc, block, offset, self.height)
    }

    /// The last block with a line on screen.
    pub fn last_block_shown(&self, doc: &Document) -> usize {
        let (mut block, mut rows) = (self.top.block, 0);
        loop {
            rows += self.height_of(doc, block).saturating_sub(if block == self.top.block { self.top.line } else { 0 });
            if rows >= self.height || block + 1 >= doc.len() {
                return block;
            }
            block += 1;
        }
    }

    /// Whether `offset` in `block` is among the first `rows` lines from the top. A block
    /// above the top or below the screen is told without laying it out.
    pub fn is_within(&self, doc: &Document, block: usize, offset: usize, rows: usize) -> bool {
        if block < self.top.block {
            return false;
        }
        let mut seen = 0;
        let mut p = self.top;
        while seen < rows && p.block < doc.len() {
            let h = self.height_of(doc, p.block);
            if p.block == block {
                let line = self.line_of(doc, block, offset);
                return line >= p.line && seen + (line - p.line) < rows;
            }
            seen += h - p.line.min(h);
            p = Position { block: p.block + 1, line: 0 };
        }
        false
    }

    /// Wraps and keeps every block on screen, so drawing finds them ready, and those of
    /// the last screenful, which every change of position measures against.
    pub fn prepare(&mut self, doc: &Document) {
        let mut rows = 0;
        let mut block = self.top.block;
        let mut line = self.top.line;
        while rows < self.height && block < doc.len() {
            let gap = usize::from(doc.blocks[block].gap_after);
            let h = self.keep(doc, block).len() + gap;
            rows += h.saturating_sub(line);
            block += 1;
            line = 0;
        }
        let mut rows = 0;
        let mut block = doc.len();
        while rows < self.height && block > 0 {
            block -= 1;
            rows += self.keep(doc, block).len() + usize::from(doc.blocks[block].gap_after);
        }
    }

    /// The wrapped lines of a block, kept from now on.
    fn keep(&mut self, doc: &Document, block: usize) -> &[VLine] {
        if !self.wrapped.contains_key(&block) {
            let lines = self.wrap_block(doc, block);
            self.wrapped.insert(block, lines);
        }
        self.wrapped.get(&block).map_or(&[], Vec::as_slice)
    }

    /// How far down the text the bottom of the screen is: the block there, its lines
    /// above the bottom and its height (without its blank line); `None` once the end is on
    /// screen.
    fn bottom(&self, doc: &Document) -> Option<(usize, usize, usize)> {
        // The lines on screen, block by block from the top, until the screen is full.
        let (mut block, mut line, mut left) = (self.top.block, self.top.line, self.height.max(1));
        let shown = loop {
            if block >= doc.len() {
                return None;
            }
            let h = self.height_of(doc, block);
            let here = h.saturating_sub(line);
            if left <= here {
                break line + left;
            }
            left -= here;
            (block, line) = (block + 1, 0);
        };
        // The last block's blank line is never shown: its last line on screen is the end.
        let gap = usize::from(doc.blocks[block].gap_after);
        let h = self.height_of(doc, block).saturating_sub(gap).max(1);
        if block + 1 == doc.len() && shown >= h {
            return None;
        }
        Some((block, shown.min(h), h))
    }

    /// Reading progress, 0–100, as less counts it: how much of the text is above the
    /// bottom of the screen. It rises line by line and is 100 when the end is on screen.
    pub fn progress(&self, doc: &Document) -> u16 {
        let Some((block, shown, h)) = self.bottom(doc) else { return 100 };
        let block_bytes = doc.bytes_before(block + 1) - doc.bytes_before(block);
        let at = doc.bytes_before(block) + block_bytes * shown / h;
        ((at as u128 * 100) / doc.total_bytes.max(1) as u128).min(100) as u16
    }

    /// The words below the bottom of the screen, where progress is counted: none once the
    /// end is on screen.
    pub fn words_left(&self, doc: &Document) -> usize {
        let Some((block, shown, h)) = self.bottom(doc) else { return 0 };
        let block_words = doc.words_before(block + 1) - doc.words_before(block);
        doc.total_words.saturating_sub(doc.words_before(block) + block_words * shown / h)
    }

    /// The block at the top of the screen (skipping to the next when only its blank line
    /// shows).
    pub fn current_block(&self, doc: &Document) -> usize {
        let h = self.height_of(doc, self.top.block);
        if self.top.line + 1 >= h && self.top.block + 1 < doc.len() { self.top.block + 1 } else { self.top.block }
    }
}
