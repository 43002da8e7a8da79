//! A list of articles to open, shown in place of the text: a feed's entries (`folio
//! FEED`, `folio --feeds`) or the articles read lately (`folio --recent`). `j`/`k` move,
//! `Enter` opens the row in folio, `n`/`N` go to the next unread entry; `Backspace` comes
//! back to the list from what it opened.

use super::{Action, App, Effect, Message};

/// Where following a link or a row goes: a URL or a file's absolute path, and for a feed
/// entry its own text, read when the page cannot be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// Empty for an entry with no page of its own.
    pub location: String,
    pub fallback: Option<Fallback>,
    /// The fallback is the whole article: read it without fetching the page.
    pub whole: bool,
}

impl Destination {
    pub fn to(location: impl Into<String>) -> Destination {
        Destination { location: location.into(), fallback: None, whole: false }
    }
}

/// A feed entry's own text (HTML) and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    pub title: String,
    pub html: String,
}

/// One row: every text field already safe for the terminal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub title: String,
    /// The feed's name, or the article's site or file.
    pub source: String,
    /// When: the entry's date, or when the article was last read.
    pub when: String,
    /// How far it was read ("62%"), or why a feed failed.
    pub note: String,
    /// What `Enter` opens; none for a line that only reports (a feed that failed).
    pub go: Option<Destination>,
    /// The feed and entry id whose read state the row shows.
    pub entry: Option<(String, String)>,
    /// A failed feed's line.
    pub failed: bool,
}

/// The list and where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// The title bar's title ("3 feeds", "Read lately").
    pub title: String,
    pub rows: Vec<Row>,
    pub selected: usize,
    /// The first row on screen (the view keeps the selection on screen).
    pub top: usize,
}

impl App {
    /// Whether a row's entry is unread (rows that are not feed entries are neither).
    pub fn unread(&self, row: &Row) -> bool {
        row.entry.as_ref().is_some_and(|e| !self.read.contains(e))
    }

    /// A key while a list is shown.
    pub(super) fn listing_key(&mut self, action: Action) -> Option<Effect> {
        let height = self.reader.height.max(1);
        let list = self.listing.as_mut()?;
        let last = list.rows.len().saturating_sub(1);
        let step = |by: isize, list: &mut Listing| {
            list.selected = (list.selected as isize + by).clamp(0, last as isize) as usize;
        };
        match action {
            Action::Down | Action::LineDown => step(1, list),
            Action::Up | Action::LineUp => step(-1, list),
            Action::PageDown => step(height as isize, list),
            Action::PageUp => step(-(height as isize), list),
            Action::HalfDown => step((height / 2).max(1) as isize, list),
            Action::HalfUp => step(-((height / 2).max(1) as isize), list),
            Action::Top => list.selected = 0,
            Action::Bottom => list.selected = last,
            Action::NextMatch | Action::PrevMatch => return self.next_unread(action == Action::NextMatch),
            Action::Activate => return self.open_row(),
            Action::UnknownKey(k) => {
                self.message = Some(Message {
                    text: format!("{}: not a key in the list", crate::sanitize::field(&k)),
                    error: false,
                    suggest: Some((Action::ToggleHelp, "for help")),
                })
            }
            _ => {}
        }
        None
    }

    /// `n`/`N`: the next (previous) unread entry, round the end.
    fn next_unread(&mut self, forward: bool) -> Option<Effect> {
        let list = self.listing.as_ref()?;
        let n = list.rows.len();
        let found = (1..=n)
            .map(|i| if forward { (list.selected + i) % n } else { (list.selected + n * 2 - i) % n })
            .find(|&i| self.unread(&list.rows[i]));
        match (found, self.listing.as_mut()) {
            (Some(i), Some(list)) => list.selected = i,
            _ => self.message = Some(Message::info("no unread entries")),
        }
        None
    }

    /// `Enter` on a row: its article opened in folio, the entry marked read.
    fn open_row(&mut self) -> Option<Effect> {
        let row = self.listing.as_ref().and_then(|l| l.rows.get(l.selected))?.clone();
        let Some(go) = row.go else {
            self.message = Some(Message::error(if row.failed { row.note } else { "nothing to open here".into() }));
            return None;
        };
        if let Some(entry) = row.entry
            && self.read.insert(entry.clone())
        {
            self.read_now.push(entry);
        }
        self.follow(go)
    }

    /// Keeps the selection on a screen of `height` rows.
    pub(super) fn scroll_listing(&mut self, height: usize) {
        if let Some(l) = self.listing.as_mut() {
            l.selected = l.selected.min(l.rows.len().saturating_sub(1));
            if l.selected < l.top {
                l.top = l.selected;
            } else if height > 0 && l.selected >= l.top + height {
                l.top = l.selected + 1 - height;
            }
        }
    }
}

/// A feed entry whose own text has at least this many words is the whole article, read
/// from the feed without fetching its page (most feeds carry a summary of a few dozen).
pub const FULL_TEXT_WORDS: usize = 300;

/// One feed as fetched for a list: its name (the feeds file's, else its title), the key
/// its entries' read state is kept by (its URL, password hidden, or its file's path), and
/// the feed or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedResult {
    pub name: Option<String>,
    pub key: String,
    pub feed: Result<crate::feed::Feed, String>,
}

/// The list of one feed's entries or several feeds' together: newest first (entries
/// without a date last, in their feed's order), a failed feed one line at the top.
pub fn from_feeds(title: String, feeds: Vec<FeedResult>) -> Listing {
    let mut failed = Vec::new();
    let mut rows: Vec<(Option<i64>, usize, Row)> = Vec::new();
    for f in feeds {
        let shown_key = crate::sanitize::url(&f.key);
        let feed = match f.feed {
            Ok(feed) => feed,
            Err(why) => {
                let name = f.name.map_or_else(|| shown_key.clone(), |n| crate::sanitize::field(&n));
                // The error names the URL, which the row shows beside it.
                let why = why.strip_prefix(&format!("{}: ", f.key)).unwrap_or(&why);
                failed.push(Row {
                    title: format!("{name}: {}", crate::sanitize::field(why)),
                    source: shown_key,
                    note: "could not be read".into(),
                    failed: true,
                    ..Row::default()
                });
                continue;
            }
        };
        let name = f.name.map(|n| crate::sanitize::field(&n)).unwrap_or_else(|| feed.title.clone());
        let name = if name.is_empty() { shown_key } else { name };
        for e in feed.entries {
            let words = e.content.as_deref().map_or(0, |c| c.split_whitespace().count());
            let fallback = e.content.map(|html| Fallback { title: e.title.clone(), html });
            let whole = words >= FULL_TEXT_WORDS;
            let go = match (e.link, fallback) {
                (Some(link), fallback) => Some(Destination { location: link, fallback, whole }),
                (None, Some(fallback)) => {
                    Some(Destination { location: String::new(), fallback: Some(fallback), whole: true })
                }
                (None, None) => None,
            };
            let n = rows.len();
            let row = Row {
                title: e.title,
                source: name.clone(),
                when: crate::feed::short_date(e.date),
                note: String::new(),
                go,
                entry: Some((f.key.clone(), e.id)),
                failed: false,
            };
            rows.push((e.date, n, row));
        }
    }
    // Newest first; undated after, in the feeds' order.
    rows.sort_by(|a, b| b.0.is_some().cmp(&a.0.is_some()).then(b.0.cmp(&a.0)).then(a.1.cmp(&b.1)));
    failed.extend(rows.into_iter().map(|(_, _, r)| r));
    Listing { title, rows: failed, selected: 0, top: 0 }
}
