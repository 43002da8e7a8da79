//! All of the reader's state in one place (`App`), the actions that change it, and
//! `update`, the only function that changes it. Nothing outside this module writes an
//! `App`: its fields are private, drawing and tests read it through the accessors below.
//!
//! - `action`: the `Action` enum and the `Effect`s `update` answers with.
//! - `update`: applying an action; `find` (search and filter) and `mouse` are its parts.
//! - `document`: the article as the reader shows it, and wrapping.
//! - `reader`: where the reader pane stands in the document.
//! - `items`: the sidebar's groups, their items and what each points at.
//! - `layout`, `tabs`: where the panes and the sidebar's tabs go, kept by `update` for
//!   paging and hit-testing.
//! - `loading`: long documents opened in the background.

mod action;
pub mod document;
pub mod find;
pub mod items;
pub mod layout;
pub mod loading;
pub mod memory;
mod mouse;
mod navigate;
mod outside;
pub mod reader;
pub mod tabs;
mod update;

pub use action::{Action, Effect};
pub use update::update;

use crate::article::Article;
use document::Document;
use find::Search;
use items::{Group, GroupList, Item, ItemRef, Target};
use layout::Areas;
use reader::Reader;
use std::sync::Arc;
use tabs::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// Typing a search query at the bottom line.
    Search,
    /// Typing a filter for the sidebar group.
    Filter,
    /// After `m`: the next letter names a mark for the place on screen.
    SetMark,
    /// After `'`: the next letter is the mark to go to (`'` the place before the last jump).
    GoToMark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Reader,
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub error: bool,
    /// An action the message points to, shown with its key ("press / to search"): the
    /// keys are the keymap's to name, not the state's.
    pub suggest: Option<(Action, &'static str)>,
}

impl Message {
    pub fn info(text: impl Into<String>) -> Message {
        Message { text: text.into(), error: false, suggest: None }
    }

    pub fn error(text: impl Into<String>) -> Message {
        Message { text: text.into(), error: true, suggest: None }
    }
}

/// What the reader is opened with besides the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The longest line the reader sets, in columns (`--width`).
    pub measure: u16,
    /// How many lines the help overlay has (the keymap writes it), for scrolling it.
    pub help_lines: usize,
    /// `y` copies to the terminal's clipboard (off with `--no-clipboard`).
    pub clipboard: bool,
}

#[derive(Debug)]
pub struct App {
    article: Article,
    doc: Arc<Document>,
    mode: Mode,
    focus: Focus,
    group: Group,
    /// Every group's items, filter, selection and scroll, in `Group::ALL` order.
    lists: Vec<GroupList>,
    reader: Reader,
    /// What the selected item highlights, and its header.
    target: Target,
    search: Search,
    /// The text typed at the prompt (search or filter).
    prompt: String,
    areas: Areas,
    tabs: Vec<Tab>,
    size: (u16, u16),
    options: Options,
    message: Option<Message>,
    help_scroll: usize,
    /// Reading progress in percent, kept up to date by `update`.
    progress: u16,
    /// The title bar's title (the article's, or its lead's first words).
    title: String,
    /// The rest of a long document is still being read and indexed.
    loading: bool,
    /// The URL being fetched, while the page has not come.
    fetching: Option<String>,
    /// Where the reader was when `r` asked for the input again: a block and an offset in
    /// it, to go back to when the new reading arrives.
    reload_at: Option<(usize, usize)>,
    /// Marks set with `m`.
    marks: std::collections::BTreeMap<char, memory::Place>,
    /// The place before the last jump, for `''`.
    before_jump: Option<memory::Place>,
    /// The reader is following the sidebar's selection (moved there by `j`/`k` in the
    /// list): the place before that run of moves is the one `''` goes back to.
    following: bool,
    /// What earlier runs remembered, until the whole article is there to apply it to.
    recall: Option<memory::Recall>,
    /// The article's key, once it is whole.
    key: Option<u64>,
    /// The section on screen, which the Sections tab marks as the reader moves.
    reading_section: usize,
    /// Which of the selected name's mentions `n`/`N` went to last.
    mention: usize,
}

impl App {
    pub fn new(article: Article, options: Options) -> App {
        let doc = Arc::new(Document::new(&article));
        let lists = Group::ALL.iter().map(|&g| GroupList::new(items::items(&article, g))).collect();
        let message = article.warnings.first().map(|w| Message::error(format!("warning: {w}")));
        let title = article.display_title();
        App {
            article,
            doc,
            mode: Mode::Normal,
            focus: Focus::Sidebar,
            group: Group::Sections,
            lists,
            reader: Reader::default(),
            target: Target::default(),
            search: Search::default(),
            prompt: String::new(),
            areas: Areas::default(),
            tabs: Vec::new(),
            size: (0, 0),
            options,
            message,
            help_scroll: 0,
            progress: 0,
            title,
            loading: false,
            fetching: None,
            reload_at: None,
            marks: Default::default(),
            before_jump: None,
            following: false,
            recall: None,
            key: None,
            reading_section: 0,
            mention: 0,
        }
    }

    /// The section the top of the screen is in.
    pub fn reading_section(&self) -> usize {
        self.reading_section
    }

    /// The reader starts from what earlier runs remembered: the searches at once, the
    /// place and the marks once the whole article is there.
    pub fn with_recall(mut self, recall: memory::Recall) -> App {
        self.recalled(recall);
        self
    }

    /// Takes in what earlier runs remembered (at the start, or when it arrives behind the
    /// first frame): searches typed meanwhile stay the latest.
    fn recalled(&mut self, recall: memory::Recall) {
        let typed = std::mem::take(&mut self.search.history);
        let mut history: Vec<String> = recall.searches.iter().filter(|q| !typed.contains(q)).cloned().collect();
        history.extend(typed);
        self.search.history = history;
        if let Some(n) = &recall.notice {
            self.message = Some(Message::error(n.clone()));
        }
        self.recall = Some(recall);
    }

    /// The reader starts with this message in the status bar (a mistake in the config).
    pub fn with_notice(mut self, text: String) -> App {
        self.message = Some(Message::error(text));
        self
    }

    /// What this run has to remember: the article's key and its memory (none before the
    /// article is whole), and the searches typed.
    pub fn memory(&self) -> (Option<(u64, memory::Memory)>, &[String]) {
        let place = self.place();
        let m = self
            .key
            .map(|k| (k, memory::Memory { at: Some(place), progress: self.progress, marks: self.marks.clone() }));
        (m, &self.search.history)
    }

    /// The place at the top of the screen.
    pub(crate) fn place(&self) -> memory::Place {
        let top = self.reader.top;
        let offset = self.reader.lines(&self.doc, top.block).get(top.line).and_then(|l| l.start()).unwrap_or(0);
        (top.block, offset)
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The sidebar group on show.
    pub fn group(&self) -> Group {
        self.group
    }

    /// A group's items, filter, selection and scroll.
    pub fn list(&self, group: Group) -> &GroupList {
        &self.lists[group.index()]
    }

    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    /// What the selected item highlights in the text, and the header above it.
    pub fn target(&self) -> &Target {
        &self.target
    }

    pub fn search(&self) -> &Search {
        &self.search
    }

    /// What has been typed at the search or filter prompt.
    pub fn prompt(&self) -> &str {
        &self.prompt
    }

    /// Where the panes are, as `update` last laid them out.
    pub fn areas(&self) -> Areas {
        self.areas
    }

    /// The sidebar's tabs as `update` last laid them out.
    pub fn tabs(&self) -> &[Tab] {
        &self.tabs
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// The first help line shown.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    pub fn progress(&self) -> u16 {
        self.progress
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    /// The rest of a long document is still being read and indexed.
    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// The URL being fetched, while the page has not come.
    pub fn fetching(&self) -> Option<&str> {
        self.fetching.as_deref()
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
        let list = self.list(group);
        list.visible.iter().filter_map(move |&i| list.items.get(i)).map(|&r| self.item(r))
    }

    pub fn selected_ref(&self) -> Option<ItemRef> {
        let list = self.list(self.group);
        let i = *list.visible.get(list.selected)?;
        list.items.get(i).copied()
    }

    pub fn selected_item(&self) -> Option<Item> {
        self.selected_ref().map(|r| self.item(r))
    }
}
