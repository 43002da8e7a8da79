//! News feeds: RSS 2.0, RSS 1.0, Atom and JSON Feed read (through `feed-rs`) into a list
//! of entries as folio shows them: a title safe for the terminal, a web link folio may
//! follow, a date, and the feed's own text of the entry for when the page cannot be had.
//! Pure, like `article`: it knows nothing of the network, the store or the terminal.
//!
//! A feed is untrusted text: titles lose their markup and their controls (escape
//! sequences, bidi overrides become placeholders), links other than `http`/`https` are
//! dropped (`javascript:`, `data:`), relative links are resolved against the feed's own
//! address, and the work is bounded: at most [`MAX_BYTES`] of feed and [`MAX_ENTRIES`]
//! entries.

mod text;

pub use text::plain_title;

use std::io::Read;

/// The largest feed folio reads: a busy news site's feed of full articles is a few
/// megabytes; anything past this is refused before it is parsed (a parsed feed takes
/// several times its size in memory).
pub const MAX_BYTES: u64 = 32 << 20;

/// The most entries listed from one feed, in the feed's order; the rest are dropped with a
/// warning. Listing 10,000 takes well under a second (docs/PERFORMANCE.md).
pub const MAX_ENTRIES: usize = 10_000;

/// A feed as folio lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feed {
    /// Its title, safe for the terminal (empty when it has none).
    pub title: String,
    /// Its entries in the feed's order.
    pub entries: Vec<Entry>,
    /// What was dropped or repaired on the way, one line each.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The entry's id (its `guid`/`id`, else one made from its link and title): what
    /// its read state is kept by.
    pub id: String,
    /// Its title, plain and safe for the terminal; "(untitled)" when it has none.
    pub title: String,
    /// The page it stands for: an absolute `http`/`https` URL, or none.
    pub link: Option<String>,
    /// When it was published (else updated), in seconds since 1970.
    pub date: Option<i64>,
    /// The feed's own text of it (HTML): the full article in some feeds, a summary in most.
    pub content: Option<String>,
}

/// Parses a feed. `base` is the address relative links are relative to: the URL that
/// answered, or for a file its absolute path. An error is one line.
pub fn parse(bytes: &[u8], base: Option<&str>) -> Result<Feed, String> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("a feed larger than {} MiB is not read", MAX_BYTES >> 20));
    }
    let base_url = base.and_then(base_url);
    let parser = feed_rs::parser::Builder::new().base_uri(base_url.as_ref().map(url::Url::as_str)).build();
    // The reader stops at the bound even if the length above was wrong.
    let feed = parser
        .parse(bytes.take(MAX_BYTES))
        .map_err(|e| format!("not a feed that can be read: {}", crate::sanitize::field(&e.to_string())))?;
    let mut warnings = Vec::new();
    let total = feed.entries.len();
    if total > MAX_ENTRIES {
        warnings.push(format!("{total} entries: the first {MAX_ENTRIES} are listed"));
    }
    let entries = feed.entries.into_iter().take(MAX_ENTRIES).map(|e| entry(e, base_url.as_ref())).collect();
    let title = feed.title.map(|t| plain_title(&t.content)).unwrap_or_default();
    Ok(Feed { title, entries, warnings })
}

fn entry(e: feed_rs::model::Entry, base: Option<&url::Url>) -> Entry {
    // An alternate link is the page; Atom's others (self, enclosure, replies) are not.
    let href = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .map(|l| l.href.as_str());
    let link = href.and_then(|h| web_link(h, base));
    let title = e.title.as_ref().map(|t| plain_title(&t.content)).filter(|t| !t.is_empty());
    let content = e.content.and_then(|c| c.body).or(e.summary.map(|s| s.content)).filter(|c| !c.trim().is_empty());
    Entry {
        id: e.id,
        title: title.unwrap_or_else(|| "(untitled)".to_string()),
        link,
        date: e.published.or(e.updated).map(|d| d.timestamp()),
        content,
    }
}

/// The address relative links resolve against: a URL as it is, a file as a `file:` URL.
fn base_url(base: &str) -> Option<url::Url> {
    url::Url::parse(base).ok().or_else(|| url::Url::from_file_path(base).ok())
}

/// `href` as an absolute web link, or none: relative links resolved against `base`, and
/// only `http` and `https` kept (a `javascript:` or `data:` link is never followed).
pub fn web_link(href: &str, base: Option<&url::Url>) -> Option<String> {
    let href = href.trim();
    let url = match url::Url::parse(href) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// An entry's date as the list shows it: "2026-12-07 09:30" (UTC), or "" for none.
pub fn short_date(secs: Option<i64>) -> String {
    secs.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or_else(String::new, |d| d.format("%Y-%m-%d %H:%M").to_string())
}

#[cfg(test)]
mod tests;
