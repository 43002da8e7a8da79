//! The articles read lately, from the store: `folio --recent` opens them as a list to
//! reopen one from (where it was left), `folio --recent --list` prints one line each for
//! scripts: last read (ISO 8601), progress, title, source.

use crate::app::listing::{Destination, Listing, Row};
use crate::sanitize::field;
use crate::store::{Remembered, Store};
use std::io::Write;

/// One article as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recent {
    /// Seconds since 1970.
    pub seen: u64,
    pub progress: u16,
    pub title: String,
    /// A file's path or a URL; none for stdin and the bundled article.
    pub location: Option<String>,
}

/// The store's articles, newest first.
pub fn articles(store: &Store) -> Result<Vec<Recent>, String> {
    Ok(store.articles()?.into_iter().map(recent).collect())
}

fn recent(r: Remembered) -> Recent {
    let progress = serde_json::from_str::<crate::app::memory::Memory>(&r.memory).map_or(0, |m| m.progress);
    Recent { seen: r.seen, progress, title: r.title.unwrap_or_default(), location: r.location }
}

/// "2026-12-07T09:30:00Z" for seconds since 1970.
pub fn iso(secs: u64) -> String {
    chrono::DateTime::from_timestamp(secs.min(i64::MAX as u64) as i64, 0)
        .map_or_else(String::new, |d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// `--recent --list`: one tab-separated line per article.
pub fn print(articles: &[Recent], out: &mut impl Write) -> std::io::Result<()> {
    for a in articles {
        let source = a.location.as_deref().map_or_else(|| "-".to_string(), |l| field(&crate::sanitize::url(l)));
        writeln!(out, "{}\t{}%\t{}\t{source}", iso(a.seen), a.progress, field(&a.title))?;
    }
    Ok(())
}

/// `--recent`: the list to reopen them from.
pub fn listing(articles: &[Recent]) -> Listing {
    let rows = articles
        .iter()
        .map(|a| Row {
            title: if a.title.is_empty() { "(untitled)".to_string() } else { field(&a.title) },
            source: a.location.as_deref().map_or_else(|| "(standard input)".to_string(), source),
            when: iso(a.seen).replace('T', " ").trim_end_matches('Z').chars().take(16).collect(),
            note: format!("{}%", a.progress),
            go: a.location.clone().map(Destination::to),
            ..Row::default()
        })
        .collect();
    Listing { title: "Read lately".to_string(), rows, selected: 0, top: 0 }
}

/// A URL's site, or a file's name, as the list names where an article came from.
fn source(location: &str) -> String {
    match url::Url::parse(location) {
        Ok(u) if u.host_str().is_some() => field(u.host_str().unwrap_or_default()),
        _ => field(&std::path::Path::new(location).file_name().map_or(location.into(), |n| n.to_string_lossy())),
    }
}
