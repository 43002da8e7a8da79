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
pub mod listing;
pub mod loading;
pub mod memory;
mod mouse;
mod navigate;
mod outside;
pub mod reader;
pub mod tabs;
mod update;
pub mod visits;

pub use action::{Action, Effect};
pub use update::update;

use crate::article::Article;
use document::Document;
use find::Search;
use items::{DateEntries, Group, GroupList, Item, ItemRef, Target};
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
    /// After `#`: the links are numbered, and a number then `Enter` follows one.
    LinkNumber,
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
    /// Reading speed, for the reading time (the config's `wpm`).
    pub wpm: u16,
}

/// Words a minute an adult reads non-fiction silently (Brysbaert, 2019: 238, from 190
/// studies): the reading time's default.
pub const WPM: u16 = 238;

/// How long an article takes to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadingTime {
    pub words: usize,
    pub minutes: usize,
    /// Minutes for the words below the reading position; 0 once the end is on screen.
    pub minutes_left: usize,
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
    /// The Dates tab's entries, each date once.
    dates: DateEntries,
    /// The sidebar is on screen (`s` hides it for full-width reading).
    sidebar: bool,
    /// The longest line the reader sets now (`<` and `>` change it; `--width` at first).
    measure: u16,
    /// The selected item's header is drawn: only while the item is on screen.
    header_shown: bool,
    /// Mistakes in the config file, which the help lists.
    mistakes: Vec<String>,
    /// Words below the reading position (the bottom of the screen, as progress counts).
    words_left: usize,
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
    /// What earlier runs remembered (and this run, of the articles it has left).
    recall: Option<memory::Recall>,
    /// What was remembered of the article shown has been applied (once it is whole).
    recalled: bool,
    /// The article's key, once it is whole.
    key: Option<u64>,
    /// The section on screen, which the Sections tab marks as the reader moves.
    reading_section: usize,
    /// Which of the selected name's mentions `n`/`N` went to last.
    mention: usize,
    /// Where the article shown was read from (a URL, its password hidden, or a file).
    location: Option<String>,
    /// How the article shown came, when a link or a list brought it (`r` reads it again).
    came: Option<listing::Destination>,
    /// A link being fetched, to come in place of the placeholder.
    pending: Option<listing::Destination>,
    /// The run's history: the pages before the one shown (the latest last), and those
    /// `Backspace` left (the nearest last).
    back: Vec<visits::Visit>,
    forward: Vec<visits::Visit>,
    /// A list shown in place of the text (a feed's entries, the articles read lately).
    listing: Option<listing::Listing>,
    /// Feed entries read: earlier runs' and this one's; and this run's, for the store.
    read: std::collections::HashSet<(String, String)>,
    read_now: Vec<(String, String)>,
    /// `#` numbered the links: `doc` has the numbers, `plain_doc` is without them.
    numbered: bool,
    plain_doc: Option<Arc<Document>>,
}

impl App {
    /// The reader on `article`, the text with the keys (as in less: `j` and `Space` move it
    /// from the first key).
    pub fn new(article: Article, options: Options) -> App {
        let mut app = App {
            article: Article::default(),
            doc: Arc::new(Document::default()),
            mode: Mode::Normal,
            focus: Focus::Reader,
            group: Group::Sections,
            lists: Vec::new(),
            dates: DateEntries::default(),
            sidebar: true,
            measure: options.measure,
            header_shown: false,
            mistakes: Vec::new(),
            words_left: 0,
            reader: Reader::default(),
            target: Target::default(),
            search: Search::default(),
            prompt: String::new(),
            areas: Areas::default(),
            tabs: Vec::new(),
            size: (0, 0),
            options,
            message: None,
            help_scroll: 0,
            progress: 0,
            title: String::new(),
            loading: false,
            fetching: None,
            reload_at: None,
            marks: Default::default(),
            before_jump: None,
            following: false,
            recall: None,
            recalled: false,
            key: None,
            reading_section: 0,
            mention: 0,
            location: None,
            came: None,
            pending: None,
            back: Vec::new(),
            forward: Vec::new(),
            listing: None,
            read: Default::default(),
            read_now: Vec::new(),
            numbered: false,
            plain_doc: None,
        };
        app.load(article);
        app
    }

    /// Shows `article` in place of what was shown: its document, the sidebar's groups and
    /// the title; the place, the selection, the highlights, the search (not its history),
    /// the marks and the width start afresh, and what is remembered of it is applied once
    /// it is whole and on screen. What was remembered of the article it replaces is kept for
    /// the rest of the run. The one way an article comes into the reader: opening, a fetched
    /// page arriving, a reload.
    pub fn load(&mut self, article: Article) {
        self.load_with(article, None);
    }

    /// [`App::load`], with the article's document when it is at hand (from the history).
    fn load_with(&mut self, article: Article, doc: Option<Arc<Document>>) {
        if let (Some((key, memory)), Some(recall)) = (self.memory().0, self.recall.as_mut()) {
            recall.articles.insert(key, memory);
        }
        self.key = None;
        self.recalled = false;
        self.listing = None;
        self.numbered = false;
        self.plain_doc = None;
        self.message = article.warnings.first().map(|w| Message::error(format!("warning: {w}")));
        self.title = article.display_title();
        self.doc = doc.unwrap_or_else(|| Arc::new(Document::new(&article)));
        self.article = article;
        self.dates = DateEntries::new(&self.article);
        self.lists = Group::ALL.iter().map(|&g| GroupList::new(items::items(&self.article, &self.dates, g))).collect();
        self.target = Target::default();
        self.header_shown = false;
        self.search = self.search.keeping_history();
        self.reader = Reader::default();
        self.measure = self.options.measure;
        self.loading = false;
        self.fetching = None;
        self.marks.clear();
        self.before_jump = None;
        self.following = false;
        self.mention = 0;
        self.relayout();
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
        self.read.extend(recall.read.iter().cloned());
        if let Some(n) = &recall.notice {
            self.message = Some(Message::error(n.clone()));
        }
        self.recall = Some(recall);
        self.recalled = false;
    }

    /// The reader starts with the config file's mistakes: the status bar says how many
    /// (or the one), the help lists them all.
    pub fn with_config_mistakes(mut self, mistakes: Vec<String>) -> App {
        match mistakes.as_slice() {
            [] => {}
            [one] => self.message = Some(Message::error(format!("{one} (the rest of the config applies)"))),
            many => {
                self.message = Some(Message {
                    text: format!("{} mistakes in the config (the rest applies)", many.len()),
                    error: true,
                    suggest: Some((Action::ToggleHelp, "to list them")),
                })
            }
        }
        self.mistakes = mistakes;
        self
    }

    /// What this run has to remember: the article's key and its memory (none before the
    /// article is whole), and the searches typed.
    pub fn memory(&self) -> (Option<(u64, memory::Memory)>, &[String]) {
        let place = self.place();
        let width = (self.measure != self.options.measure).then_some(self.measure);
        let m = self.key.filter(|_| self.listing.is_none()).map(|k| {
            let marks = self.marks.clone();
            let full_width = !self.sidebar;
            (k, memory::Memory { at: Some(place), progress: self.progress, marks, width, full_width })
        });
        (m, &self.search.history)
    }

    /// The place at the top of the screen.
    pub(crate) fn place(&self) -> memory::Place {
        self.reader.place(&self.doc)
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
            _ => items::view(&self.article, &self.doc, &self.dates, r),
        }
    }

    /// Whether the sidebar is on screen (`s` hides it).
    pub fn sidebar_shown(&self) -> bool {
        self.sidebar
    }

    /// Whether a group has anything to show (a group not yet indexed may have).
    pub fn has_items(&self, group: Group) -> bool {
        match group {
            Group::Sections => true,
            Group::Matches => !self.lists[group.index()].items.is_empty(),
            _ => self.loading || !self.lists[group.index()].items.is_empty(),
        }
    }

    /// How long the article is and how long is left: its words, and the minutes to read
    /// them and those below the reading position at the configured speed. `None` while a
    /// long document is still being read.
    pub fn reading_time(&self) -> Option<ReadingTime> {
        if self.loading {
            return None;
        }
        let wpm = self.options.wpm.max(1) as usize;
        let words = self.doc.total_words;
        Some(ReadingTime {
            words,
            minutes: ((words + wpm / 2) / wpm).max(1),
            minutes_left: self.words_left.div_ceil(wpm),
        })
    }

    /// The config file's mistakes, which the help lists.
    pub fn config_mistakes(&self) -> &[String] {
        &self.mistakes
    }

    /// The help's lines: the config's mistakes as the help wraps them (at the width of its
    /// box on this screen), then the keys.
    pub fn help_len(&self) -> usize {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        layout::mistake_lines(&self.mistakes, area).len() + self.options.help_lines
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
