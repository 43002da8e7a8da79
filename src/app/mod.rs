//! All of the reader's state in one place, the actions that change it, and `update`, the
//! only function that changes it. Drawing (`ui`) only reads an `App`.

pub mod document;
pub mod find;
pub mod items;
pub mod loading;
mod mouse;
pub mod reader;

use crate::app::document::{BlockKind, Document, wrap};
use crate::article::Article;
use crate::ui::layout::{Areas, areas};
use crate::ui::theme::Theme;
use find::Search;
use items::{Group, Item, ItemRef, Target, items, target};
use ratatui::layout::Rect;
use reader::Reader;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// Typing a search query at the bottom line.
    Search,
    /// Typing a filter for the sidebar group.
    Filter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Reader,
}

/// Everything that can happen to the reader. Keys map to these through the keymap table;
/// mouse, resize and timer events are turned into them by the event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    FocusNext,
    FocusPrev,
    ShowGroup(Group),
    NextGroup,
    PrevGroup,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Activate,
    NextSection,
    PrevSection,
    NextParagraph,
    PrevParagraph,
    StartSearch,
    StartFilter,
    NextMatch,
    PrevMatch,
    Clear,
    PromptInput(char),
    PromptBackspace,
    PromptClear,
    PromptAccept,
    PromptCancel,
    HistoryPrev,
    HistoryNext,
    Resize(u16, u16),
    Click(u16, u16),
    Wheel { column: u16, row: u16, down: bool },
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

#[derive(Debug)]
pub struct App {
    pub article: Article,
    pub doc: Arc<Document>,
    pub mode: Mode,
    pub focus: Focus,
    pub group: Group,
    /// Every group's items, and which of them pass the group's filter.
    pub items: Vec<Vec<ItemRef>>,
    pub filters: Vec<String>,
    pub visible: Vec<Vec<usize>>,
    /// Per group: the selected row (in `visible`) and the first row shown.
    pub selected: Vec<usize>,
    pub list_top: Vec<usize>,
    pub reader: Reader,
    /// What the selected item highlights, and its header.
    pub target: Target,
    pub search: Search,
    /// The text typed at the prompt (search or filter).
    pub prompt: String,
    pub areas: Areas,
    pub size: (u16, u16),
    /// The longest line the reader sets, in columns (`--width`).
    pub measure: u16,
    pub message: Option<Message>,
    pub help_scroll: usize,
    /// Reading progress in percent, kept up to date by `update`.
    pub progress: u16,
    pub theme: Theme,
    /// The title bar's title (the article's, or its lead's first words).
    pub title: String,
    /// The rest of a long document is still being read and indexed.
    pub loading: bool,
    pub quit: bool,
}

impl App {
    pub fn new(article: Article, measure: u16) -> App {
        let doc = Arc::new(Document::new(&article));
        let all: Vec<Vec<ItemRef>> = Group::ALL.iter().map(|&g| items(&article, g)).collect();
        let visible = all.iter().map(|v| (0..v.len()).collect()).collect();
        let message = article.warnings.first().map(|w| Message { text: format!("warning: {w}"), error: true });
        let title = article.display_title();
        App {
            article,
            doc,
            mode: Mode::Normal,
            focus: Focus::Sidebar,
            group: Group::Sections,
            items: all,
            filters: vec![String::new(); Group::ALL.len()],
            visible,
            selected: vec![0; Group::ALL.len()],
            list_top: vec![0; Group::ALL.len()],
            reader: Reader::default(),
            target: Target::default(),
            search: Search::default(),
            prompt: String::new(),
            areas: Areas::default(),
            size: (0, 0),
            measure,
            message,
            help_scroll: 0,
            progress: 0,
            theme: Theme::default(),
            title,
            loading: false,
            quit: false,
        }
    }

    fn rebuild_items(&mut self) {
        for g in Group::ALL {
            if g == Group::Matches {
                continue;
            }
            self.items[g.index()] = items(&self.article, g);
            self.apply_filter(g);
        }
        self.keep_selection_in_view();
    }

    /// What an item shows.
    pub fn item(&self, r: ItemRef) -> Item {
        match r {
            ItemRef::Match(i) => find::match_item(self, i),
            _ => items::view(&self.article, &self.doc, r),
        }
    }

    /// The items of a group that pass its filter.
    pub fn visible_items(&self, group: Group) -> impl Iterator<Item = Item> + '_ {
        let g = group.index();
        self.visible[g].iter().filter_map(move |&i| self.items[g].get(i)).map(|&r| self.item(r))
    }

    pub fn selected_ref(&self) -> Option<ItemRef> {
        let g = self.group.index();
        let i = *self.visible[g].get(self.selected[g])?;
        self.items[g].get(i).copied()
    }

    pub fn selected_item(&self) -> Option<Item> {
        self.selected_ref().map(|r| self.item(r))
    }

    /// Where the panes go in `area` with the current header: the same for `update` and
    /// for drawing.
    pub fn layout_for(&self, area: Rect) -> Areas {
        let probe = areas(area, 1, self.measure);
        // The header's box takes two columns of border and two of padding.
        let lines = match &self.target.header {
            Some((_, body)) => wrap(body, probe.text.width.saturating_sub(4).max(1) as usize).len() as u16,
            None => 0,
        };
        areas(area, lines, self.measure)
    }

    /// Lays the panes out again (after a resize or a header change) and fits the reader.
    pub(crate) fn relayout(&mut self) {
        self.areas = self.layout_for(Rect::new(0, 0, self.size.0, self.size.1));
        if !self.areas.too_small {
            self.reader.set_size(&self.doc, self.areas.text.width as usize, self.areas.text.height as usize);
            self.reader.prepare(&self.doc);
        }
        self.keep_selection_in_view();
    }

    fn list_height(&self) -> usize {
        (self.areas.list.height as usize).max(1)
    }

    fn keep_selection_in_view(&mut self) {
        let g = self.group.index();
        let h = self.list_height();
        let n = self.visible[g].len();
        self.selected[g] = self.selected[g].min(n.saturating_sub(1));
        if self.selected[g] < self.list_top[g] {
            self.list_top[g] = self.selected[g];
        } else if self.selected[g] >= self.list_top[g] + h {
            self.list_top[g] = self.selected[g] + 1 - h;
        }
        self.list_top[g] = self.list_top[g].min(n.saturating_sub(h));
    }

    /// Selects row `row` of the current group and shows it in the reader.
    pub(crate) fn select(&mut self, row: usize, jump: bool) {
        let g = self.group.index();
        let n = self.visible[g].len();
        if n == 0 {
            self.target = Target::default();
            self.relayout();
            return;
        }
        self.selected[g] = row.min(n - 1);
        self.keep_selection_in_view();
        self.refresh_target();
        if let Some((block, range)) = self.target.ranges.first().cloned()
            && (jump || !self.reader.is_visible(&self.doc, block, range.start))
        {
            self.reader.show(&self.doc, block, range.start);
        }
        self.reader.prepare(&self.doc);
    }

    /// Recomputes the selected item's highlights and header.
    fn refresh_target(&mut self) {
        let item = self.selected_ref();
        self.target = match item {
            Some(ItemRef::Match(i)) => self.search.target(i),
            Some(r) => target(&self.article, &self.doc, r),
            None => Target::default(),
        };
        self.relayout();
    }

    fn show_group(&mut self, group: Group) {
        self.group = group;
        self.keep_selection_in_view();
        self.refresh_target();
    }

    fn move_selection(&mut self, delta: isize) {
        let g = self.group.index();
        let row = self.selected[g] as isize + delta;
        self.select(row.max(0) as usize, false);
    }

    fn page(&self) -> usize {
        self.reader.height.saturating_sub(2).max(1)
    }

    /// The first block of the section after (or before) the one on screen.
    fn section_jump(&mut self, forward: bool) {
        let here = self.reader.current_block(&self.doc);
        let starts = &self.doc.section_start;
        let next = if forward {
            starts.iter().copied().find(|&s| s > here)
        } else {
            // From the start of a section, go to the one before; from inside, to its start.
            let at_start = self.reader.top.line == 0;
            starts.iter().copied().rev().find(|&s| if at_start { s < here } else { s <= here })
        };
        match next {
            Some(b) => self.reader.show_block(&self.doc, b),
            None if forward => self.reader.to_end(&self.doc),
            None => self.reader.to_start(&self.doc),
        }
    }

    fn paragraph_jump(&mut self, forward: bool) {
        let here = self.reader.top.block;
        let is_para =
            |b: &crate::app::document::Block| matches!(b.kind, BlockKind::Paragraph { .. } | BlockKind::Heading { .. });
        let next = if forward {
            (here + 1..self.doc.len()).find(|&b| is_para(&self.doc.blocks[b]))
        } else if self.reader.top.line > 0 {
            Some(here)
        } else {
            (0..here).rev().find(|&b| is_para(&self.doc.blocks[b]))
        };
        match next {
            Some(b) => self.reader.show_block(&self.doc, b),
            None if forward => self.reader.to_end(&self.doc),
            None => self.reader.to_start(&self.doc),
        }
    }

    fn scroll_reader(&mut self, lines: isize) {
        self.reader.scroll(&self.doc, lines);
        self.reader.prepare(&self.doc);
    }

    /// Re-applies the current group's filter to its items.
    pub fn apply_filter(&mut self, group: Group) {
        let g = group.index();
        let text = self.filters[g].clone();
        self.visible[g] = if text.is_empty() {
            (0..self.items[g].len()).collect()
        } else {
            match crate::search::Matcher::new(&text) {
                Ok(m) => (0..self.items[g].len())
                    .filter(|&i| {
                        let it = self.item(self.items[g][i]);
                        m.is_match(&it.label) || it.detail.as_deref().is_some_and(|d| m.is_match(d))
                    })
                    .collect(),
                Err(_) => Vec::new(),
            }
        };
        self.selected[g] = 0;
        self.list_top[g] = 0;
    }
}

/// Takes what the background loader sends (see `loading`): the other way state changes,
/// and like `update` the only code that does it for its kind of input.
pub fn receive(app: &mut App, loaded: loading::Loaded) {
    match loaded {
        loading::Loaded::Structure { skeleton, doc } => {
            app.title = if skeleton.title.is_some() {
                skeleton.display_title()
            } else {
                // The skeleton has no paragraph text: take the lead's words from the document.
                doc.blocks
                    .iter()
                    .find(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
                    .map_or_else(|| app.title.clone(), |b| crate::article::first_words(&b.text, 60))
            };
            app.article = *skeleton;
            app.doc = doc;
            app.reader.reset_wrapping();
            app.rebuild_items();
            app.relayout();
            find::rerun(app);
        }
        loading::Loaded::Failed(e) => {
            app.loading = false;
            app.message = Some(Message { text: format!("could not read the rest: {e}"), error: true });
        }
        loading::Loaded::Extracted(x) => {
            app.article.quotes = x.quotes;
            app.article.statistics = x.statistics;
            app.article.dates = x.dates;
            app.article.relative_dates = x.relative_dates;
            app.article.people = x.people;
            app.article.organisations = x.organisations;
            app.loading = false;
            app.rebuild_items();
            app.refresh_target();
        }
    }
    if !app.areas.too_small && app.size != (0, 0) {
        app.progress = app.reader.progress(&app.doc);
    }
}

/// Applies an action. The only place an `App` changes; returns a follow-up action, if any.
pub fn update(app: &mut App, action: Action) -> Option<Action> {
    if !matches!(action, Action::Resize(..) | Action::Wheel { .. }) {
        app.message = None;
    }
    match (app.mode, action) {
        (_, Action::Resize(w, h)) => {
            app.size = (w, h);
            app.relayout();
        }
        (_, Action::Quit) => app.quit = true,
        (Mode::Help, Action::ToggleHelp) => app.mode = Mode::Normal,
        (Mode::Help, Action::Down) => app.help_scroll += 1,
        (Mode::Help, Action::Up) => app.help_scroll = app.help_scroll.saturating_sub(1),
        (Mode::Help, _) => {}
        (Mode::Search | Mode::Filter, a) => find::prompt(app, a),
        (Mode::Normal, a) => normal(app, a),
    }
    if !app.areas.too_small && app.size != (0, 0) {
        app.progress = app.reader.progress(&app.doc);
    }
    None
}

fn normal(app: &mut App, action: Action) {
    let sidebar = app.focus == Focus::Sidebar;
    match action {
        Action::ToggleHelp => {
            app.mode = Mode::Help;
            app.help_scroll = 0;
        }
        Action::FocusNext | Action::FocusPrev => {
            app.focus = if sidebar { Focus::Reader } else { Focus::Sidebar };
        }
        Action::ShowGroup(g) => {
            app.focus = Focus::Sidebar;
            app.show_group(g);
        }
        Action::NextGroup | Action::PrevGroup if sidebar => {
            let i = app.group.index() as isize + if action == Action::NextGroup { 1 } else { -1 };
            let n = Group::ALL.len() as isize;
            app.show_group(Group::ALL[i.rem_euclid(n) as usize]);
        }
        Action::Down if sidebar => app.move_selection(1),
        Action::Up if sidebar => app.move_selection(-1),
        Action::Top if sidebar => app.select(0, false),
        Action::Bottom if sidebar => app.select(usize::MAX, false),
        Action::PageDown if sidebar => app.move_selection(app.list_height() as isize),
        Action::PageUp if sidebar => app.move_selection(-(app.list_height() as isize)),
        Action::HalfDown if sidebar => app.move_selection((app.list_height() / 2).max(1) as isize),
        Action::HalfUp if sidebar => app.move_selection(-((app.list_height() / 2).max(1) as isize)),
        Action::Down => app.scroll_reader(1),
        Action::Up => app.scroll_reader(-1),
        Action::Top => {
            app.reader.to_start(&app.doc);
            app.reader.prepare(&app.doc);
        }
        Action::Bottom => {
            app.reader.to_end(&app.doc);
            app.reader.prepare(&app.doc);
        }
        Action::PageDown => app.scroll_reader(app.page() as isize),
        Action::PageUp => app.scroll_reader(-(app.page() as isize)),
        Action::HalfDown => app.scroll_reader((app.reader.height / 2).max(1) as isize),
        Action::HalfUp => app.scroll_reader(-((app.reader.height / 2).max(1) as isize)),
        Action::Activate if sidebar => {
            let g = app.group.index();
            let row = app.selected[g];
            app.select(row, true);
            if !app.target.ranges.is_empty() {
                app.focus = Focus::Reader;
            }
        }
        Action::NextSection | Action::PrevSection => {
            app.section_jump(action == Action::NextSection);
            app.reader.prepare(&app.doc);
        }
        Action::NextParagraph | Action::PrevParagraph => {
            app.paragraph_jump(action == Action::NextParagraph);
            app.reader.prepare(&app.doc);
        }
        Action::StartSearch => find::start_search(app),
        Action::StartFilter => find::start_filter(app),
        Action::NextMatch => find::step(app, true),
        Action::PrevMatch => find::step(app, false),
        Action::Clear => find::clear(app),
        Action::Click(x, y) => app.click(x, y),
        Action::Wheel { column, row, down } => app.wheel(column, row, down),
        _ => {}
    }
}
