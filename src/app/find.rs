//! Incremental search (`/`, `n`, `N`) and the sidebar filter (`f`): their state, and how
//! prompt keys change it.

use super::document::Document;
use super::items::{Group, Item, ItemRef, Target};
use super::reader::Position;
use super::{Action, App, Focus, Message, Mode};
use crate::search::Matcher;
use std::ops::Range;

/// At most this many matches are kept (and counted exactly); a one-letter query over a
/// book would otherwise hold millions.
pub const MAX_MATCHES: usize = 100_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    /// Display byte range in the block's text.
    pub range: Range<usize>,
}

/// The state to go back to when a search is cancelled.
#[derive(Debug)]
struct Origin {
    top: Position,
    query: String,
    matches: Vec<Match>,
    current: Option<usize>,
    capped: bool,
}

#[derive(Debug, Default)]
pub struct Search {
    /// The query whose matches are shown.
    pub query: String,
    pub matches: Vec<Match>,
    /// More matches exist than are kept.
    pub capped: bool,
    pub current: Option<usize>,
    pub error: Option<String>,
    pub history: Vec<String>,
    history_pos: Option<usize>,
    /// Where the reader was when `/` was pressed, and the search before it, for Esc.
    origin: Option<Origin>,
    /// The search Esc cleared, which `n` and `N` bring back (as in vim after :noh), and
    /// where the match that was current is (a block and an offset): they go on from it.
    cleared: Option<(String, Option<(usize, usize)>)>,
}

impl Search {
    /// No search, but the history of queries kept.
    pub fn keeping_history(&mut self) -> Search {
        Search { history: std::mem::take(&mut self.history), ..Search::default() }
    }

    pub fn target(&self, i: usize) -> Target {
        match self.matches.get(i) {
            Some(m) => Target { ranges: vec![(m.block, m.range.clone())], header: None },
            None => Target::default(),
        }
    }

    /// "3/14", "no match", or the query's error.
    pub fn status(&self) -> Option<String> {
        if let Some(e) = &self.error {
            return Some(e.clone());
        }
        if self.query.is_empty() {
            return None;
        }
        if self.matches.is_empty() {
            return Some(format!("no match for {}", self.query));
        }
        let total = if self.capped { format!("{}+", self.matches.len()) } else { self.matches.len().to_string() };
        Some(match self.current {
            Some(c) => format!("{}/{total}", c + 1),
            None => format!("{total} matches"),
        })
    }
}

/// Every match of `matcher` in the document, in reading order. `only` limits the search
/// to these blocks (a longer query can only match where a shorter one did).
pub fn find_matches(doc: &Document, matcher: &Matcher, only: Option<&[usize]>) -> (Vec<Match>, bool) {
    let mut out = Vec::new();
    let mut scan = |b: usize| -> bool {
        // Every block the reader shows, the headline block and the source line included.
        let block = &doc.blocks[b];
        let found =
            if block.ascii_letters { matcher.find_all_ascii(&block.text) } else { matcher.find_all(&block.text) };
        for range in found {
            if out.len() == MAX_MATCHES {
                return false;
            }
            out.push(Match { block: b, range });
        }
        true
    };
    let complete = match only {
        Some(blocks) => blocks.iter().all(|&b| scan(b)),
        None => (0..doc.len()).all(&mut scan),
    };
    (out, !complete)
}

/// Runs the query being typed and moves the reader to the first match at or after where
/// the search started.
fn run(app: &mut App) {
    let query = app.prompt.clone();
    let previous = std::mem::take(&mut app.search.query);
    app.search.error = None;
    if query.is_empty() {
        app.search.matches.clear();
        app.search.current = None;
        app.search.capped = false;
        if let Some(top) = app.search.origin.as_ref().map(|o| o.top) {
            app.reader.restore(&app.doc, top);
        }
        return;
    }
    let matcher = match Matcher::new(&query) {
        Ok(m) => m,
        Err(e) => {
            app.search.error = Some(e);
            app.search.matches.clear();
            app.search.current = None;
            app.search.query = query;
            return;
        }
    };
    // Typing one more letter narrows the search to blocks that matched before.
    let narrowing = !previous.is_empty()
        && query.starts_with(&previous)
        && !query.starts_with("re:")
        && !app.search.capped
        && query.chars().count() > previous.chars().count();
    let blocks: Vec<usize> = if narrowing {
        let mut b: Vec<usize> = app.search.matches.iter().map(|m| m.block).collect();
        b.dedup();
        b
    } else {
        Vec::new()
    };
    let (matches, capped) = find_matches(&app.doc, &matcher, narrowing.then_some(blocks.as_slice()));
    app.search.matches = matches;
    app.search.capped = capped;
    app.search.query = query;
    let from = app.search.origin.as_ref().map_or(app.reader.top, |o| o.top);
    let first = app.search.matches.iter().position(|m| (m.block, m.range.start) >= (from.block, 0));
    app.search.current = first.or(if app.search.matches.is_empty() { None } else { Some(0) });
    show_current(app);
}

fn show_current(app: &mut App) {
    if let Some(m) = app.search.current.and_then(|c| app.search.matches.get(c)).cloned()
        && !app.reader.is_visible(&app.doc, m.block, m.range.start)
    {
        app.reader.show(&app.doc, m.block, m.range.start);
    }
}

/// Runs the current search again over the whole document (it grew while loading).
pub fn rerun(app: &mut App) {
    if app.search.query.is_empty() || app.search.error.is_some() {
        return;
    }
    let typed = std::mem::replace(&mut app.prompt, app.search.query.clone());
    app.search.query.clear(); // not a narrowing of the last search: the text is new
    run(app);
    app.prompt = typed;
    if app.mode != Mode::Search {
        rebuild_match_items(app);
    }
}

pub fn start_search(app: &mut App) {
    app.mode = Mode::Search;
    app.prompt.clear();
    app.search.history_pos = None;
    app.search.origin = Some(Origin {
        top: app.reader.top,
        query: std::mem::take(&mut app.search.query),
        matches: std::mem::take(&mut app.search.matches),
        current: app.search.current.take(),
        capped: app.search.capped,
    });
    app.search.error = None;
}

pub fn start_filter(app: &mut App) {
    app.mode = Mode::Filter;
    app.focus = Focus::Sidebar;
    if !app.sidebar {
        app.sidebar = true;
        app.relayout();
    }
    app.prompt = app.lists[app.group.index()].filter.clone();
}

/// A key at the search or filter prompt.
pub fn prompt(app: &mut App, action: Action) {
    match action {
        Action::PromptInput(c) => {
            app.prompt.push(c);
            edited(app);
        }
        Action::PromptBackspace => {
            app.prompt.pop();
            edited(app);
        }
        Action::PromptClear => {
            app.prompt.clear();
            edited(app);
        }
        Action::HistoryPrev | Action::HistoryNext if app.mode == Mode::Search => {
            let h = &app.search.history;
            if h.is_empty() {
                return;
            }
            let pos = match (app.search.history_pos, action) {
                (None, Action::HistoryPrev) => Some(h.len() - 1),
                (Some(p), Action::HistoryPrev) => Some(p.saturating_sub(1)),
                (Some(p), Action::HistoryNext) if p + 1 < h.len() => Some(p + 1),
                _ => None,
            };
            app.search.history_pos = pos;
            app.prompt = pos.map(|p| h[p].clone()).unwrap_or_default();
            app.search.query.clear();
            run(app);
        }
        Action::PromptAccept => accept(app),
        Action::PromptCancel => cancel(app),
        _ => {}
    }
}

fn edited(app: &mut App) {
    match app.mode {
        Mode::Search => run(app),
        Mode::Filter => {
            let g = app.group;
            app.lists[g.index()].filter = app.prompt.clone();
            app.apply_filter(g);
            app.select(0, false);
        }
        _ => {}
    }
}

fn accept(app: &mut App) {
    let mode = app.mode;
    app.mode = Mode::Normal;
    if mode == Mode::Filter {
        return;
    }
    let q = app.prompt.trim().to_string();
    if !q.is_empty() && app.search.history.last() != Some(&q) {
        app.search.history.push(q);
    }
    app.search.origin = None;
    rebuild_match_items(app);
    if let Some(s) = app.search.status() {
        app.message = Some(Message { text: s, error: app.search.error.is_some(), suggest: None });
    }
}

fn cancel(app: &mut App) {
    let mode = app.mode;
    app.mode = Mode::Normal;
    if mode == Mode::Filter {
        let g = app.group;
        app.lists[g.index()].filter.clear();
        app.apply_filter(g);
        let row = app.lists[g.index()].selected;
        app.select(row, false);
        return;
    }
    if let Some(o) = app.search.origin.take() {
        app.reader.restore(&app.doc, o.top);
        app.search.query = o.query;
        app.search.matches = o.matches;
        app.search.current = o.current;
        app.search.capped = o.capped;
    }
    app.search.error = None;
}

/// `n` / `N`: the next or previous match, wrapping around the ends.
pub fn step(app: &mut App, forward: bool) {
    if app.search.matches.is_empty()
        && app.search.query.is_empty()
        && let Some((q, was)) = app.search.cleared.take()
    {
        // The search comes back. As in vim, n goes on from the match that was current
        // while it is on screen (the cursor); from elsewhere, the first match from the
        // top of the screen on is the next.
        let was = was.filter(|&(block, offset)| app.reader.is_visible(&app.doc, block, offset));
        let (top, before) = (app.reader.top, app.place());
        let typed = std::mem::replace(&mut app.prompt, q);
        run(app);
        app.prompt = typed;
        rebuild_match_items(app);
        let found = was.and_then(|(b, o)| app.search.matches.iter().position(|m| m.block == b && m.range.start == o));
        match found {
            Some(c) => {
                app.reader.restore(&app.doc, top);
                app.search.current = Some(c);
            }
            None => {
                // Bringing the search back may have moved the text: a jump, for ''.
                app.before_jump = Some(before);
                app.following = false;
                app.message = app.search.status().map(Message::info);
                return;
            }
        }
    }
    let n = app.search.matches.len();
    if n == 0 {
        app.message = Some(if app.search.query.is_empty() {
            Message { text: "no search".into(), error: true, suggest: Some((Action::StartSearch, "to search")) }
        } else {
            Message::error(format!("no match for {}", app.search.query))
        });
        return;
    }
    let (next, wrapped) = match (app.search.current, forward) {
        (None, _) => (0, false),
        (Some(c), true) if c + 1 < n => (c + 1, false),
        (Some(_), true) => (0, true),
        (Some(c), false) if c > 0 => (c - 1, false),
        (Some(_), false) => (n - 1, true),
    };
    app.jump_from_here();
    app.search.current = Some(next);
    app.select_current_match();
    if app.group == Group::Matches {
        app.keep_selection_in_view();
        app.refresh_target();
    }
    show_current(app);
    let status = app.search.status().unwrap_or_default();
    app.message = Some(Message::info(if wrapped { format!("search wrapped · {status}") } else { status }));
}

/// Esc in normal mode: drop the search highlights, the group's filter and the selection's
/// highlight.
pub fn clear(app: &mut App) {
    let cleared = std::mem::take(&mut app.search.query);
    let current = app.search.current.and_then(|c| app.search.matches.get(c)).map(|m| (m.block, m.range.start));
    app.search = app.search.keeping_history();
    app.search.cleared = Some((cleared, current)).filter(|(q, _)| !q.is_empty());
    let g = app.group;
    if !app.lists[g.index()].filter.is_empty() {
        app.lists[g.index()].filter.clear();
        app.apply_filter(g);
    }
    app.lists[Group::Matches.index()].items.clear();
    app.apply_filter(Group::Matches);
    app.target = Target::default();
    app.relayout();
}

/// The Matches group: each match.
fn rebuild_match_items(app: &mut App) {
    let g = Group::Matches.index();
    app.lists[g].items = (0..app.search.matches.len()).map(ItemRef::Match).collect();
    app.apply_filter(Group::Matches);
}

/// A match as the sidebar shows it: the match in the middle of as much of its context as
/// the list's width holds, the match marked.
pub fn match_item(app: &App, i: usize) -> Item {
    let room = (app.areas.list.width as usize).saturating_sub(2).max(10);
    let found = app.search.matches.get(i).and_then(|m| {
        let b = app.doc.blocks.get(m.block)?;
        let hit = b.text.get(m.range.clone())?.chars().count();
        // As much before as after, an ellipsis at each end allowed for.
        let around = room.saturating_sub(hit + 2) / 2;
        Some(crate::search::context_parts(&b.text, m.range.clone(), around.max(4)))
    });
    let Some((before, hit, after)) = found else {
        return Item { label: String::new(), detail: None, target: ItemRef::Match(i), mark: None };
    };
    let mark = Some(before.len()..before.len() + hit.len());
    Item { label: format!("{before}{hit}{after}"), detail: None, target: ItemRef::Match(i), mark }
}
