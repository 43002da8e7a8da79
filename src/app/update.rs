//! `update`: the one place an `App` changes. Each action is applied by the mode it
//! arrives in; then the layout, the tabs, the wrapped lines on screen, the reading
//! progress and the help's scroll are brought up to date once, whatever changed.

use super::document::DocKind;
use super::items::{self, Group};
use super::layout::help_rows;
use super::loading::Loaded;
use super::tabs::{self, Counts};
use super::{Action, App, Effect, Focus, Message, Mode, find};
use crate::article::Article;
use ratatui::layout::Rect;

/// Applies an action. The only place an `App` changes; answers with what the event loop
/// must do besides drawing, if anything.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    if !matches!(
        action,
        Action::Resize(..) | Action::Wheel { .. } | Action::Loaded(_) | Action::LoaderGone | Action::Recalled(_)
    ) {
        app.message = None;
    }
    // The text scrolled a few lines (not a jump): see `place_header`.
    let scrolled = app.focus == Focus::Reader
        && matches!(
            action,
            Action::Down
                | Action::Up
                | Action::LineDown
                | Action::LineUp
                | Action::PageDown
                | Action::PageUp
                | Action::HalfDown
                | Action::HalfUp
        )
        || matches!(action, Action::LineDown | Action::LineUp | Action::Wheel { .. });
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
        (Mode::LinkNumber, a) => app.link_number_key(a),
        (Mode::Normal, Action::Back) => app.go_back(),
        (Mode::Normal, Action::Forward) => {
            app.go_forward();
            None
        }
        (Mode::Normal, a) if app.listing.is_some() && !matches!(a, Action::ToggleHelp) => app.listing_key(a),
        (Mode::Normal, Action::Open) => app.open(),
        (Mode::Normal, Action::Reload) if app.loading => {
            app.message = Some(Message::info("still reading: r once it is here"));
            None
        }
        (Mode::Normal, Action::Reload) => {
            app.reload_at = Some(app.place());
            app.message = Some(Message::info("reloading…"));
            Some(Effect::Reload(app.came.clone()))
        }
        (Mode::Normal, Action::NumberLinks) => {
            app.toggle_link_numbers();
            None
        }
        (Mode::Normal, Action::Activate) if app.focus == Focus::Sidebar && app.group == Group::Links => {
            app.follow_selected_link()
        }
        (Mode::Normal, Action::Copy) => app.copy(),
        (Mode::Normal, a) => {
            normal(app, a);
            None
        }
    };
    app.settle(scrolled);
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
            app.sidebar |= app.focus == Focus::Sidebar;
            app.relayout();
        }
        Action::ShowGroup(g) if !app.has_items(g) => {
            app.message = Some(match g {
                Group::Matches => Message {
                    text: "no search matches".into(),
                    error: false,
                    suggest: Some((Action::StartSearch, "to search")),
                },
                _ => Message::info(format!("no {} in this article", g.name().to_lowercase())),
            });
        }
        Action::ShowGroup(g) => {
            app.focus = Focus::Sidebar;
            app.sidebar = true;
            app.show_group(g);
        }
        // From either pane: the sidebar's groups are beside the text too. Only groups
        // with something in them.
        Action::NextGroup | Action::PrevGroup => {
            let cycle: Vec<Group> = Group::ALL.into_iter().filter(|&g| app.has_items(g)).collect();
            let here = cycle.iter().position(|&g| g == app.group).unwrap_or(0) as isize;
            let i = here + if action == Action::NextGroup { 1 } else { -1 };
            app.sidebar = true;
            app.show_group(cycle[i.rem_euclid(cycle.len() as isize) as usize]);
        }
        Action::ToggleSidebar => {
            app.sidebar = !app.sidebar;
            if !app.sidebar {
                app.focus = Focus::Reader;
            }
            app.relayout();
        }
        Action::Narrower | Action::Wider => app.change_width(action == Action::Wider),
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
        // In the People and Dates tabs, n and N step through the selected item's mentions.
        Action::NextMatch | Action::PrevMatch
            if matches!(app.group, Group::People | Group::Dates) && !app.target.ranges.is_empty() =>
        {
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
    fn settle(&mut self, scrolled: bool) {
        // A group left with nothing in it (the matches cleared) is not shown.
        if !self.has_items(self.group) {
            self.group = Group::Sections;
            self.refresh_target();
        }
        let visible = !self.areas.too_small && self.size != (0, 0);
        self.scroll_listing(self.size.1.saturating_sub(3) as usize);
        if visible && !self.loading && !self.recalled && self.listing.is_none() {
            self.apply_recall();
        }
        if visible {
            self.place_header(scrolled);
            self.reader.prepare(&self.doc);
            self.progress = self.reader.progress(&self.doc);
            self.words_left = self.reader.words_left(&self.doc);
            let here = self.reader.current_block(&self.doc);
            self.reading_section = self.doc.section_start.iter().rposition(|&s| s <= here).unwrap_or(0);
        }
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let lines = self.help_len();
        self.help_scroll = self.help_scroll.min(lines.saturating_sub(help_rows(area, lines)));
        let counts: Vec<usize> = self.lists.iter().map(|l| l.visible.len()).collect();
        let shown: Vec<bool> = Group::ALL.iter().map(|&g| self.has_items(g)).collect();
        let counts = Counts { current: self.group, counts: &counts, shown: &shown, loading: self.loading };
        self.tabs = tabs::lay_out(&counts, self.areas.tabs.width);
    }

    /// `<` and `>`: the text a step narrower or wider, from the width it has on screen,
    /// between 20 columns and the pane's width.
    fn change_width(&mut self, wider: bool) {
        const STEP: u16 = 4;
        const NARROWEST: u16 = 20;
        let room = self.layout_for(Rect::new(0, 0, self.size.0, self.size.1), false).reader.width.saturating_sub(3);
        let now = self.areas.text.width.max(1);
        let to =
            if wider { now.saturating_add(STEP).min(room.max(now)) } else { now.saturating_sub(STEP).max(NARROWEST) };
        if to == now {
            self.message = Some(if wider {
                Message { text: "the text is as wide as the pane".into(), error: false, suggest: sidebar_hint(self) }
            } else {
                Message::info(format!("the text is as narrow as it goes ({NARROWEST} columns)"))
            });
            return;
        }
        self.measure = to;
        self.relayout();
        self.message = Some(Message::info(format!("text width {to} columns")));
    }

    /// Takes what the background loader has finished.
    fn receive(&mut self, loaded: Loaded) -> Option<Effect> {
        match loaded {
            Loaded::Progress(n) => {
                if let Some(url) = &self.fetching {
                    self.message = Some(Message::info(format!("fetching … {} received from {url}", received(n))));
                }
            }
            Loaded::Page(article) if self.pending.is_some() => self.followed(*article),
            Loaded::Page(article) => self.arrive(*article),
            Loaded::Failed(e) | Loaded::Fatal(e) if self.pending.is_some() => self.follow_failed(&e),
            Loaded::Fatal(e) => return Some(Effect::Fail(e)),
            Loaded::Listing(listing) if self.pending.is_some() => self.followed_listing(*listing),
            Loaded::Listing(listing) => self.show_listing(*listing),
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
    /// the input read again, which keeps the place, the marks and the width.
    fn arrive(&mut self, article: Article) {
        let Some((block, offset)) = self.reload_at.take() else {
            self.load(article);
            return;
        };
        let (marks, before_jump, measure) = (std::mem::take(&mut self.marks), self.before_jump, self.measure);
        self.load(article);
        (self.marks, self.before_jump, self.measure) = (marks, before_jump, measure);
        // The same input: its place is the one it was read at, not the one remembered.
        self.recalled = true;
        self.key = self.recall.is_some().then(|| super::memory::article_key(&self.doc));
        self.relayout();
        let block = block.min(self.doc.len().saturating_sub(1));
        self.reader.show_at(&self.doc, block, offset);
        self.message = Some(Message::info("reloaded"));
    }

    pub(super) fn rebuild_items(&mut self) {
        self.dates = items::DateEntries::new(&self.article);
        for g in Group::ALL {
            if g == Group::Matches {
                continue;
            }
            self.lists[g.index()].items = items::items(&self.article, &self.dates, g);
            self.apply_filter(g);
        }
        self.keep_selection_in_view();
    }

    /// The help's keys: a line, a page, the ends.
    fn help_key(&mut self, a: Action) {
        let page = help_rows(Rect::new(0, 0, self.size.0, self.size.1), self.help_len()).max(1);
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

    /// `n`/`N` in the People and Dates tabs: the next (previous) mention of the selected
    /// name or date.
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
        self.recalled = true;
        let Some(recall) = &self.recall else { return };
        let key = super::memory::article_key(&self.doc);
        self.key = Some(key);
        let Some(m) = recall.articles.get(&key).cloned() else { return };
        let resume = recall.resume;
        let notice = recall.notice.is_some();
        self.marks =
            m.marks.iter().filter(|(_, p)| super::memory::fits(&self.doc, **p)).map(|(c, p)| (*c, *p)).collect();
        // The layout first: the place is a line at that width.
        if let Some(w) = m.width {
            self.measure = w.clamp(20, 1000);
        }
        if m.full_width {
            self.sidebar = false;
            self.focus = Focus::Reader;
        }
        self.relayout();
        if let Some((block, offset)) = m.at.filter(|&p| resume && p != (0, 0) && super::memory::fits(&self.doc, p)) {
            // Read to the end (on another screen, maybe): the end again.
            if m.progress >= 100 {
                self.reader.to_end(&self.doc);
            } else {
                self.reader.show_at(&self.doc, block, offset);
            }
            // The progress as it is now on this screen (the title bar says the same).
            self.reader.prepare(&self.doc);
            let progress = self.reader.progress(&self.doc);
            // A word about the state itself (a file set aside) is worth more than this.
            if !notice {
                self.message = Some(Message::info(format!("resumed at {progress}% (g for the top)")));
            }
        }
    }
}

/// "press s to hide the sidebar" when it is there to hide.
fn sidebar_hint(app: &App) -> Option<(Action, &'static str)> {
    app.sidebar.then_some((Action::ToggleSidebar, "to hide the sidebar"))
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
