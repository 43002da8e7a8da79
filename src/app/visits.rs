//! Going from one article to the next: a link followed in folio (the Links tab's `Enter`,
//! or `#` and a number), and the run's history, back (`Backspace`) and forward, each
//! article coming back at the place, selection and search it was left with. The history
//! lives for the run; the place of each article read goes to the store as always.

use super::document::Document;
use super::items::{Group, ItemRef};
use super::listing::{Destination, Listing};
use super::{App, Effect, Focus, Message, Mode, find, memory};
use crate::article::Article;
use std::sync::Arc;

/// The articles kept behind (and ahead of) the one shown: enough for a morning's reading;
/// the oldest go first.
pub const MAX_HISTORY: usize = 50;

/// One step of the history.
#[derive(Debug, Clone, PartialEq)]
pub enum Visit {
    Article(Box<Left>),
    Listing(Listing),
}

/// An article as it was left.
#[derive(Debug, Clone, PartialEq)]
pub struct Left {
    article: Article,
    doc: Arc<Document>,
    location: Option<String>,
    came: Option<Destination>,
    place: memory::Place,
    group: Group,
    selected: Vec<(usize, usize)>,
    focus: Focus,
    query: String,
    sidebar: bool,
    measure: u16,
    marks: std::collections::BTreeMap<char, memory::Place>,
}

impl App {
    /// Where the article shown was read from (a URL, its password hidden, or a file's
    /// path), for the list of recent articles.
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    /// The reader starts knowing where its article was read from.
    pub fn with_location(mut self, location: Option<String>) -> App {
        self.location = location;
        self
    }

    /// The reader starts on a list (`--recent`, a feed).
    pub fn with_listing(mut self, listing: Listing) -> App {
        self.show_listing(listing);
        self
    }

    /// Where the shown page stands in the history, when there is one: (its number, how
    /// many), for the title bar's "‹ 2/3".
    pub fn history_position(&self) -> Option<(usize, usize)> {
        let total = self.back.len() + 1 + self.forward.len();
        (total > 1).then_some((self.back.len() + 1, total))
    }

    /// The list shown in place of the text, if any.
    pub fn listing(&self) -> Option<&Listing> {
        self.listing.as_ref()
    }

    /// Feed entries read in this run, for the store.
    pub fn read_now(&self) -> &[(String, String)] {
        &self.read_now
    }

    /// Whether `#` has numbered the links in the text.
    pub fn links_numbered(&self) -> bool {
        self.numbered
    }

    pub(super) fn show_listing(&mut self, listing: Listing) {
        self.remember_outgoing();
        self.title = listing.title.clone();
        self.listing = Some(listing);
        let was_loading = std::mem::replace(&mut self.loading, false);
        // "fetching … received" or "reading … " is over: the bar says how to read the list.
        if self.fetching.take().is_some() || was_loading {
            self.message = None;
        }
        self.mode = Mode::Normal;
    }

    /// What is remembered of the article being left is kept for the rest of the run.
    fn remember_outgoing(&mut self) {
        if self.listing.is_none()
            && let (Some((key, memory)), Some(recall)) = (self.memory().0, self.recall.as_mut())
        {
            recall.articles.insert(key, memory);
        }
        self.key = None;
    }

    /// The page shown, taken out for the history.
    fn take_visit(&mut self) -> Visit {
        if let Some(l) = self.listing.take() {
            return Visit::Listing(l);
        }
        // The document as the article has it: the numbers come back with `#`.
        self.set_numbers(false);
        self.remember_outgoing();
        let selected = self.lists.iter().map(|l| (l.selected, l.top)).collect();
        let doc = Arc::clone(&self.doc);
        Visit::Article(Box::new(Left {
            article: std::mem::take(&mut self.article),
            place: self.place(),
            doc,
            location: self.location.take(),
            came: self.came.take(),
            group: self.group,
            selected,
            focus: self.focus,
            query: self.search.query.clone(),
            sidebar: self.sidebar,
            measure: self.measure,
            marks: std::mem::take(&mut self.marks),
        }))
    }

    /// Shows a page from the history as it was left.
    fn restore(&mut self, visit: Visit) {
        let left = match visit {
            Visit::Listing(l) => return self.show_listing(l),
            Visit::Article(left) => *left,
        };
        self.listing = None;
        self.load_with(left.article, Some(left.doc));
        self.location = left.location;
        self.came = left.came;
        // Its place is the one it was left at, not the one remembered.
        self.recalled = true;
        self.key = self.recall.is_some().then(|| memory::article_key(&self.doc));
        (self.sidebar, self.measure, self.marks, self.focus) = (left.sidebar, left.measure, left.marks, left.focus);
        for (list, (selected, top)) in self.lists.iter_mut().zip(left.selected) {
            (list.selected, list.top) = (selected, top);
        }
        self.group = left.group;
        self.relayout();
        if !left.query.is_empty() {
            self.search.query = left.query;
            find::rerun(self);
        }
        self.refresh_target();
        // The place last: the selection and the search would each take the text to theirs.
        let (block, offset) = left.place;
        if memory::fits(&self.doc, left.place) {
            self.reader.show_at(&self.doc, block, offset);
        }
    }

    /// Opens `to` in folio: the page shown goes into the history, a first frame says what
    /// is being fetched, and the event loop fetches it.
    pub(super) fn follow(&mut self, to: Destination) -> Option<Effect> {
        if self.pending.is_some() {
            self.message = Some(Message::error("a link is still being opened: Backspace to stop"));
            return None;
        }
        let visit = self.take_visit();
        self.back.push(visit);
        if self.back.len() > MAX_HISTORY {
            self.back.remove(0);
        }
        let shown = crate::sanitize::url(&to.location);
        self.load(super::loading::placeholder(&shown, &format!("Fetching {shown} …")));
        self.loading = true;
        self.fetching = Some(shown.clone());
        self.message = Some(Message::info(format!("fetching {shown} …")));
        self.pending = Some(to.clone());
        Some(Effect::Follow(to))
    }

    /// A followed page has come: it takes the placeholder's place.
    pub(super) fn followed(&mut self, article: Article) {
        let came = self.pending.take();
        // A new page ahead: what Backspace had left is gone, as in a browser.
        self.forward.clear();
        self.load(article);
        self.location = came.as_ref().map(|d| crate::sanitize::hide_password(&d.location).into_owned());
        self.came = came;
    }

    /// A followed link named a news feed: its list takes the placeholder's place.
    pub(super) fn followed_listing(&mut self, listing: Listing) {
        self.pending = None;
        self.forward.clear();
        self.show_listing(listing);
    }

    /// A followed page could not be had: back where the link was, and why in the status bar.
    pub(super) fn follow_failed(&mut self, why: &str) {
        self.pending = None;
        if let Some(v) = self.back.pop() {
            self.restore(v);
        }
        self.message = Some(Message::error(format!("could not open the link: {}", crate::sanitize::field(why))));
    }

    /// `Backspace`: the page before; a fetch under way is stopped instead.
    pub(super) fn go_back(&mut self) -> Option<Effect> {
        if self.pending.is_some() {
            self.pending = None;
            if let Some(v) = self.back.pop() {
                self.restore(v);
            }
            self.message = Some(Message::info("stopped"));
            return Some(Effect::Stop);
        }
        let Some(previous) = self.back.pop() else {
            self.message = Some(Message::info("nothing to go back to"));
            return None;
        };
        let here = self.take_visit();
        self.forward.push(here);
        self.restore(previous);
        None
    }

    /// `Alt-Right`: the page `Backspace` left.
    pub(super) fn go_forward(&mut self) {
        let Some(next) = self.forward.pop() else {
            self.message = Some(Message::info("nothing to go forward to"));
            return;
        };
        let here = self.take_visit();
        self.back.push(here);
        self.restore(next);
    }

    /// The Links tab's `Enter`: the selected link opened in folio.
    pub(super) fn follow_selected_link(&mut self) -> Option<Effect> {
        let Some(ItemRef::Link(i)) = self.selected_ref() else { return None };
        self.follow_link(i)
    }

    /// Link `i` (in the Links tab's order) opened in folio: a web link as it is, a
    /// relative one beside the file or page it is in.
    fn follow_link(&mut self, i: usize) -> Option<Effect> {
        let href = self.article.links.get(i)?.url.clone();
        match resolve(&href, self.location.as_deref()) {
            Some(location) => self.follow(Destination::to(location)),
            None => {
                self.message = Some(Message::error(format!(
                    "folio cannot open {} (web pages and files only; o hands it to the browser)",
                    crate::sanitize::url(&href)
                )));
                None
            }
        }
    }

    /// `#`: the links' numbers shown in the text and the prompt for one (the numbers
    /// stay when the prompt is left with `Esc`; `#` at the prompt hides them).
    pub(super) fn toggle_link_numbers(&mut self) {
        if self.mode == Mode::LinkNumber {
            self.set_numbers(false);
            self.mode = Mode::Normal;
            return;
        }
        if self.article.links.is_empty() {
            self.message = Some(Message::info("no links in this article"));
            return;
        }
        self.set_numbers(true);
        self.mode = Mode::LinkNumber;
        self.prompt.clear();
    }

    fn set_numbers(&mut self, on: bool) {
        if self.numbered == on || self.loading {
            return;
        }
        let (block, offset) = self.place();
        let original = self.doc.blocks.get(block).map_or(offset, |b| b.to_original(offset));
        if on {
            let numbered = Arc::new(self.doc.with_link_numbers(&self.article.links));
            self.plain_doc = Some(std::mem::replace(&mut self.doc, numbered));
        } else if let Some(plain) = self.plain_doc.take() {
            self.doc = plain;
        }
        self.numbered = on;
        self.reader.reset_wrapping();
        self.relayout();
        // The matches are in the displayed text, which the numbers change; the place
        // last, as the search would take the text to its match.
        find::rerun(self);
        self.refresh_target();
        let offset = self.doc.blocks.get(block).map_or(0, |b| b.to_display(original));
        self.reader.show_at(&self.doc, block, offset);
    }

    /// A key at the link-number prompt: digits, then `Enter` follows that link.
    pub(super) fn link_number_key(&mut self, action: super::Action) -> Option<Effect> {
        use super::Action;
        match action {
            Action::PromptInput(c) if c.is_ascii_digit() && self.prompt.len() < 6 => self.prompt.push(c),
            Action::PromptInput('#') => self.toggle_link_numbers(),
            Action::PromptInput(c) => {
                self.message =
                    Some(Message::error(format!("{}: type a link's number", crate::sanitize::field(&c.to_string()))))
            }
            Action::PromptBackspace => {
                self.prompt.pop();
            }
            Action::PromptClear => self.prompt.clear(),
            Action::PromptCancel => self.mode = Mode::Normal,
            Action::PromptAccept => {
                self.mode = Mode::Normal;
                let n: usize = self.prompt.parse().unwrap_or(0);
                self.prompt.clear();
                if n == 0 || n > self.article.links.len() {
                    self.message =
                        Some(Message::error(format!("no link [{n}]: the links are 1 to {}", self.article.links.len())));
                    return None;
                }
                return self.follow_link(n - 1);
            }
            _ => {}
        }
        None
    }
}

/// Where a link goes from the page it is in: an `http`/`https` link as it is; a relative
/// link or a `file:` link, the file beside the file it is in (or on the same site as the
/// page). Anything else (mailto, javascript…) is not for folio.
pub fn resolve(href: &str, from: Option<&str>) -> Option<String> {
    let href = href.trim();
    match url::Url::parse(href) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => return Some(u.to_string()),
        Ok(u) if u.scheme() == "file" => return u.to_file_path().ok().map(|p| p.display().to_string()),
        Ok(_) => return None,
        Err(_) => {}
    }
    let from = from?;
    if let Ok(base) = url::Url::parse(from) {
        return base.join(href).ok().filter(|u| matches!(u.scheme(), "http" | "https")).map(String::from);
    }
    // A file: the link names a file beside it (its fragment and query are not the file's).
    let path = href.split(['#', '?']).next().filter(|p| !p.is_empty())?;
    let beside = std::path::Path::new(from).parent()?.join(percent_decode(path));
    Some(beside.display().to_string())
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map_or_else(|| s.to_string(), |(_, v)| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_beside_their_page() {
        assert_eq!(resolve("https://a.test/x", None).as_deref(), Some("https://a.test/x"));
        assert_eq!(
            resolve("b.html#top", Some("http://a.test/news/a.html")).as_deref(),
            Some("http://a.test/news/b.html#top")
        );
        assert_eq!(resolve("b%20c.md#s", Some("/home/u/notes/a.md")).as_deref(), Some("/home/u/notes/b c.md"));
        assert_eq!(resolve("javascript:alert(1)", Some("http://a.test/")), None);
        assert_eq!(resolve("mailto:x@a.test", None), None);
        assert_eq!(resolve("b.html", None), None);
    }
}
