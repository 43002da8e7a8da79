//! `update`: the one place an `App` changes. Each action is applied by the mode it
//! arrives in; then the layout, the tabs, the wrapped lines on screen, the reading
//! progress and the help's scroll are brought up to date once, whatever changed.

use super::document::{DocKind, Document};
use super::items::{self, Group, GroupList, Target};
use super::layout::help_rows;
use super::loading::Loaded;
use super::tabs::{self, Counts};
use super::{Action, App, Effect, Focus, Message, Mode, find};
use crate::article::Article;
use ratatui::layout::Rect;
use std::sync::Arc;

/// Applies an action. The only place an `App` changes; answers with what the event loop
/// must do besides drawing, if anything.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if !matches!(
        action,
        Action::Resize(..) | Action::Wheel { .. } | Action::Loaded(_) | Action::LoaderGone | Action::Recalled(_)
    ) {
        app.message = None;
    }
    let effect = match (app.mode, action) {
        (_, Action::Resize(w, h)) => {
            app.size = (w, h);
            app.relayout();
            None
        }
        (_, Action::Quit) => Some(Effect::Quit),
        (_, Action::Loaded(loaded)) => app.receive(loaded),
        (_, Action::LoaderGone) => {
            app.loading = false;
            None
        }
        (_, Action::Recalled(recall)) => {
            app.recalled(recall);
            None
        }
        (_, Action::OpenFailed(why)) => {
            app.message = Some(Message::error(why));
            None
        }
        (Mode::Help, Action::ToggleHelp) => {
            app.mode = Mode::Normal;
            None
        }
        (Mode::Help, a) => {
            app.help_key(a);
            None
        }
        (Mode::SetMark | Mode::GoToMark, Action::MarkKey(c)) => {
            app.mark_key(c);
            None
        }
        (Mode::SetMark | Mode::GoToMark, _) => {
            app.mode = Mode::Normal;
            None
        }
        (Mode::Search | Mode::Filter, a) => {
            find::prompt(app, a);
            None
        }
        (Mode::Normal, Action::Open) => app.open(),
        (Mode::Normal, Action::Reload) => {
            app.reload_at = Some(app.place());
            app.message = Some(Message::info("reloading…"));
            Some(Effect::Reload)
        }
        (Mode::Normal, Action::Copy) => app.copy(),
        (Mode::Normal, a) => {
            normal(app, a);
            None
        }
    };
    app.settle();
    effect
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
        // From either pane: the sidebar's groups are beside the text too.
        Action::NextGroup | Action::PrevGroup => {
            // Links only when there are some; Matches always (it says how to search).
            let has_links = !app.lists[Group::Links.index()].items.is_empty();
            let cycle: Vec<Group> = Group::ALL.into_iter().filter(|&g| g != Group::Links || has_links).collect();
            let here = cycle.iter().position(|&g| g == app.group).unwrap_or(0) as isize;
            let i = here + if action == Action::NextGroup { 1 } else { -1 };
            app.show_group(cycle[i.rem_euclid(cycle.len() as isize) as usize]);
        }
        Action::Down if sidebar => app.move_selection(1),
        Action::Up if sidebar => app.move_selection(-1),
        Action::Top if sidebar => app.select(0, false),
        Action::Bottom if sidebar => app.select(usize::MAX, false),
        Action::PageDown if sidebar => app.move_selection(app.list_height() as isize),
        Action::PageUp if sidebar => app.move_selection(-(app.list_height() as isize)),
        Action::HalfDown if sidebar => app.move_selection((app.list_height() / 2).max(1) as isize),
        Action::HalfUp if sidebar => app.move_selection(-((app.list_height() / 2).max(1) as isize)),
        Action::Down | Action::LineDown => app.scroll_reader(1),
        Action::Up | Action::LineUp => app.scroll_reader(-1),
        Action::Top => {
            app.jump_from_here();
            app.reader.to_start(&app.doc);
        }
        Action::Bottom => {
            app.jump_from_here();
            app.reader.to_end(&app.doc);
        }
        Action::PageDown => app.scroll_reader(app.page() as isize),
        Action::PageUp => app.scroll_reader(-(app.page() as isize)),
        Action::HalfDown => app.scroll_reader((app.reader.height / 2).max(1) as isize),
        Action::HalfUp => app.scroll_reader(-((app.reader.height / 2).max(1) as isize)),
        Action::Activate if sidebar => {
            if !app.following {
                app.jump_from_here();
            }
            let row = app.lists[app.group.index()].selected;
            app.select(row, true);
            if !app.target.ranges.is_empty() {
                app.focus = Focus::Reader;
            }
        }
        Action::NextSection | Action::PrevSection => app.section_jump(action == Action::NextSection),
        Action::NextParagraph | Action::PrevParagraph => app.paragraph_jump(action == Action::NextParagraph),
        Action::StartSearch => find::start_search(app),
        Action::StartFilter => find::start_filter(app),
        // In the People tab, n and N step through the selected name's mentions.
        Action::NextMatch | Action::PrevMatch if app.group == Group::People && !app.target.ranges.is_empty() => {
            app.step_mention(action == Action::NextMatch);
        }
        Action::NextMatch => find::step(app, true),
        Action::PrevMatch => find::step(app, false),
        Action::Clear => find::clear(app),
        Action::StartMark => {
            app.mode = Mode::SetMark;
            app.message = Some(Message::info("mark: press a letter"));
        }
        Action::StartGoToMark => {
            app.mode = Mode::GoToMark;
            app.message = Some(Message::info("go to mark: press its letter (' for the place before the last jump)"));
        }
        Action::UnknownKey(k) => {
            app.message = Some(Message {
                text: format!("{}: not a key here", crate::sanitize::field(&k)),
                error: false,
                suggest: Some((Action::ToggleHelp, "for help")),
            });
        }
        Action::Click(x, y) => app.click(x, y),
        Action::Wheel { column, row, down } => app.wheel(column, row, down),
        _ => {}
    }
}

impl App {
    /// After every action: the wrapped lines on screen, the reading progress, the help's
    /// scroll and the tab row, from whatever the action changed.
    fn settle(&mut self) {
        let visible = !self.areas.too_small && self.size != (0, 0);
        if visible && !self.loading && self.recall.is_some() {
            self.apply_recall();
        }
        if visible {
            self.reader.prepare(&self.doc);
            self.progress = self.reader.progress(&self.doc);
            let here = self.reader.current_block(&self.doc);
            self.reading_section = self.doc.section_start.iter().rposition(|&s| s <= here).unwrap_or(0);
        }
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let lines = self.options.help_lines;
        self.help_scroll = self.help_scroll.min(lines.saturating_sub(help_rows(area, lines)));
        let counts: Vec<usize> = self.lists.iter().map(|l| l.visible.len()).collect();
        let counts = Counts {
            current: self.group,
            counts: &counts,
            has_matches: !self.lists[Group::Matches.index()].items.is_empty(),
            has_links: !self.lists[Group::Links.index()].items.is_empty(),
            loading: self.loading,
        };
        self.tabs = tabs::lay_out(&counts, self.areas.tabs.width);
    }

    /// Takes what the background loader has finished.
    fn receive(&mut self, loaded: Loaded) -> Option<Effect> {
        match loaded {
            Loaded::Progress(n) => {
                if let Some(url) = &self.fetching {
                    self.message = Some(Message::info(format!("fetching … {} received from {url}", received(n))));
                }
            }
            Loaded::Page(article) => self.replace(*article),
            Loaded::Fatal(e) => return Some(Effect::Fail(e)),
            Loaded::Structure { skeleton, doc } => {
                self.title = if skeleton.title.is_some() {
                    skeleton.display_title()
                } else {
                    // The skeleton has no paragraph text: take the lead's words from the document.
                    doc.blocks
                        .iter()
                        .find(|b| matches!(b.kind, DocKind::Paragraph { .. }))
                        .map_or_else(|| self.title.clone(), |b| crate::article::first_words(&b.text, 60))
                };
                self.article = *skeleton;
                self.doc = doc;
                self.reader.reset_wrapping();
                self.rebuild_items();
                self.relayout();
                find::rerun(self);
            }
            Loaded::Failed(e) => {
                self.loading = false;
                self.message = Some(Message::error(format!("could not read the rest: {e}")));
            }
            Loaded::Extracted(x) => {
                x.apply(&mut self.article);
                self.loading = false;
                self.rebuild_items();
                self.refresh_target();
            }
        }
        None
    }

    /// A new reading of the input takes the place of what is shown: a fetched page, or
    /// the input read again (then the reader goes back to where it was).
    fn replace(&mut self, article: Article) {
        let message = article.warnings.first().map(|w| Message::error(format!("warning: {w}")));
        self.title = article.display_title();
        self.doc = Arc::new(Document::new(&article));
        self.article = article;
        self.loading = false;
        self.fetching = None;
        self.target = Target::default();
        self.search = self.search.keeping_history();
        for (g, list) in Group::ALL.iter().zip(self.lists.iter_mut()) {
            *list = GroupList::new(items::items(&self.article, *g));
        }
        self.reader.reset_wrapping();
        self.reader.top = Default::default();
        self.relayout();
        if let Some((block, offset)) = self.reload_at.take() {
            let block = block.min(self.doc.len().saturating_sub(1));
            self.reader.show_at(&self.doc, block, offset);
            self.message = Some(Message::info("reloaded"));
        } else {
            self.message = message;
        }
    }

    pub(super) fn rebuild_items(&mut self) {
        for g in Group::ALL {
            if g == Group::Matches {
                continue;
            }
            self.lists[g.index()].items = items::items(&self.article, g);
            self.apply_filter(g);
        }
        self.keep_selection_in_view();
    }

    /// The help's keys: a line, a page, the ends.
    fn help_key(&mut self, a: Action) {
        let page = help_rows(Rect::new(0, 0, self.size.0, self.size.1), self.options.help_lines).max(1);
        match a {
            Action::ToggleHelp => self.mode = Mode::Normal,
            Action::Down => self.help_scroll += 1,
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::PageDown => self.help_scroll += page,
            Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(page),
            Action::Top => self.help_scroll = 0,
            // Clamped to the last page in `settle`.
            Action::Bottom => self.help_scroll = usize::MAX,
            Action::UnknownKey(k) => {
                self.message = Some(Message {
                    text: format!("{}: not a key in the help", crate::sanitize::field(&k)),
                    error: false,
                    suggest: Some((Action::ToggleHelp, "to close it")),
                })
            }
            _ => {}
        }
    }

    /// `n`/`N` in the People tab: the next (previous) mention of the selected name.
    fn step_mention(&mut self, forward: bool) {
        let n = self.target.ranges.len();
        self.mention = if forward { (self.mention + 1) % n } else { (self.mention + n - 1) % n };
        if let Some((block, range)) = self.target.ranges.get(self.mention).cloned() {
            self.jump_from_here();
            self.reader.show(&self.doc, block, range.start);
        }
        let name = self.selected_item().map(|i| i.label).unwrap_or_default();
        let name = crate::sanitize::field(&name);
        self.message = Some(Message::info(format!("{name}: mention {}/{n}", self.mention + 1)));
    }

    /// Remembers where the screen is before a jump, for `''`.
    pub(super) fn jump_from_here(&mut self) {
        self.before_jump = Some(self.place());
        self.following = false;
    }

    /// The letter after `m` or `'`.
    fn mark_key(&mut self, c: char) {
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        let here = self.place();
        match mode {
            Mode::SetMark if c.is_alphabetic() => {
                self.marks.insert(c, here);
                self.message = Some(Message::info(format!("mark {c} set")));
            }
            Mode::SetMark => {
                self.message =
                    Some(Message::error(format!("{}: marks are letters", crate::sanitize::field(&c.to_string()))))
            }
            Mode::GoToMark => {
                let to = if c == '\'' { self.before_jump } else { self.marks.get(&c).copied() };
                match to.filter(|&p| super::memory::fits(&self.doc, p)) {
                    Some((block, offset)) => {
                        self.before_jump = Some(here);
                        self.following = false;
                        self.reader.show_at(&self.doc, block, offset);
                    }
                    None if c == '\'' => self.message = Some(Message::info("no jump to go back from yet")),
                    None => {
                        self.message =
                            Some(Message::error(format!("no mark {}", crate::sanitize::field(&c.to_string()))))
                    }
                }
            }
            _ => {}
        }
    }

    /// Once the whole article is there: its key, the marks and (unless told not to) the
    /// place earlier runs remembered.
    fn apply_recall(&mut self) {
        let Some(recall) = self.recall.take() else { return };
        let key = super::memory::article_key(&self.doc);
        self.key = Some(key);
        let Some(m) = recall.articles.get(&key) else { return };
        self.marks =
            m.marks.iter().filter(|(_, p)| super::memory::fits(&self.doc, **p)).map(|(c, p)| (*c, *p)).collect();
        if let Some((block, offset)) =
            m.at.filter(|&p| recall.resume && p != (0, 0) && super::memory::fits(&self.doc, p))
        {
            self.reader.show_at(&self.doc, block, offset);
            // A word about the state itself (a file set aside) is worth more than this.
            if recall.notice.is_none() {
                self.message = Some(Message::info(format!("resumed at {}% (g for the top)", m.progress)));
            }
        }
    }
}

/// A byte count as the status bar shows it: "640 bytes", "4.2 KB", "312 KB", "3.4 MB".
fn received(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} bytes"),
        1_000..10_000 => format!("{:.1} KB", n as f64 / 1e3),
        10_000..1_000_000 => format!("{} KB", n / 1_000),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}
