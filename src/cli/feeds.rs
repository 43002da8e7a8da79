//! Subscriptions and fetching feeds: the feeds file (`$XDG_CONFIG_HOME/folio/feeds`, one
//! URL or file a line, `#` comments, an optional name after a space), `--import-opml`,
//! and fetching them at most [`AT_ONCE`] at a time, each with the validators of its last
//! answer (an unchanged feed is a `304` and no download; the copy kept is listed).

use crate::app::listing::FeedResult;
use crate::store::{CachedFeed, Store};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Feeds (and entries' pages) fetched at once: a handful keeps a morning's refresh short
/// without hammering anyone.
pub const AT_ONCE: usize = 4;

/// One line of the feeds file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    pub name: Option<String>,
}

/// Where the feeds file is: beside the config file.
pub fn path() -> Option<PathBuf> {
    super::config::path().map(|p| p.with_file_name("feeds"))
}

/// The feeds file's subscriptions; a missing file is none.
pub fn read(path: &Path) -> Result<Vec<Subscription>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    Ok(parse(&text))
}

/// The lines of a feeds file: a URL (or a file), then optionally a name.
pub fn parse(text: &str) -> Vec<Subscription> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((url, name)) => Subscription { url: url.to_string(), name: Some(name.trim().to_string()) },
            None => Subscription { url: l.to_string(), name: None },
        })
        .collect()
}

/// Adds an OPML file's feeds to the feeds file (those already there are left as they
/// are); how many were added.
pub fn import_opml(opml: &Path, feeds: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(opml).map_err(|e| format!("{}: {e}", opml.display()))?;
    let found = outlines(&text).map_err(|e| format!("{}: not OPML ({e})", opml.display()))?;
    let have: Vec<String> = read(feeds)?.into_iter().map(|s| s.url).collect();
    let mut added = String::new();
    let mut n = 0;
    for s in found.into_iter().filter(|s| !have.contains(&s.url)) {
        // A name on one line, safe to read back.
        let name = s.name.map(|n| crate::sanitize::field(&n)).filter(|n| !n.is_empty());
        added.push_str(&match name {
            Some(name) => format!("{} {name}\n", s.url),
            None => format!("{}\n", s.url),
        });
        n += 1;
    }
    if let Some(dir) = feeds.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(feeds)
        .map_err(|e| format!("{}: {e}", feeds.display()))?;
    f.write_all(added.as_bytes()).map_err(|e| format!("{}: {e}", feeds.display()))?;
    Ok(n)
}

/// The feeds an OPML file lists: every `<outline>` with an `xmlUrl`, named by its
/// `title` or `text`.
fn outlines(text: &str) -> Result<Vec<Subscription>, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    let mut any_opml = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                any_opml |= name.eq_ignore_ascii_case("opml");
                if !name.eq_ignore_ascii_case("outline") {
                    continue;
                }
                let (mut url, mut title, mut label) = (None, None, None);
                for a in e.attributes().flatten() {
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.trim().to_string())
                        .unwrap_or_default();
                    let key = a.key.local_name();
                    let key: &str = key.as_ref();
                    match key {
                        "xmlUrl" | "xmlurl" => url = Some(value),
                        "title" => title = Some(value),
                        "text" => label = Some(value),
                        _ => {}
                    }
                }
                if let Some(url) = url.filter(|u| crate::input::is_url(u) && !u.contains(char::is_whitespace)) {
                    out.push(Subscription { url, name: title.or(label).filter(|n| !n.is_empty()) });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !any_opml {
        return Err("no <opml> element".into());
    }
    Ok(out)
}

/// Every subscription fetched (or read, for a file), at most [`AT_ONCE`] at a time, in
/// their order. With a store, each sends back its last answer's validators, and a new
/// answer is kept.
pub fn fetch_all(subs: &[Subscription], opts: &crate::input::Options, store: Option<&Mutex<Store>>) -> Vec<FeedResult> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Mutex<Vec<Option<FeedResult>>> = Mutex::new(subs.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..AT_ONCE.min(subs.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(sub) = subs.get(i) else { break };
                    let r = fetch_one(sub, opts, store);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(r);
                    }
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.into_iter().flatten().collect()
}

fn fetch_one(sub: &Subscription, opts: &crate::input::Options, store: Option<&Mutex<Store>>) -> FeedResult {
    let opts = crate::input::Options { max_size: opts.max_size.min(crate::feed::MAX_BYTES), ..*opts };
    let is_url = crate::input::is_url(&sub.url);
    let key = if is_url {
        crate::sanitize::hide_password(&sub.url).into_owned()
    } else {
        std::path::absolute(&sub.url).map_or_else(|_| sub.url.clone(), |p| p.display().to_string())
    };
    let feed = if is_url { fetch_url(&sub.url, &opts, store) } else { read_file(&sub.url, &opts) };
    FeedResult { name: sub.name.clone(), key, feed }
}

fn read_file(path: &str, opts: &crate::input::Options) -> Result<crate::feed::Feed, String> {
    match crate::input::open(path, opts, &mut |_| {}).map_err(|e| e.to_string())? {
        crate::input::Opened::Feed(raw) => crate::feed::parse(&raw.bytes, raw.base.as_deref()),
        crate::input::Opened::Article(_) => Err(format!("{}: not a news feed", crate::sanitize::field(path))),
    }
}

fn fetch_url(
    url: &str,
    opts: &crate::input::Options,
    store: Option<&Mutex<Store>>,
) -> Result<crate::feed::Feed, String> {
    let cached = store.and_then(|s| s.lock().ok()).and_then(|s| s.cached_feed(url).ok().flatten());
    let validators = cached
        .as_ref()
        .map(|c| crate::input::fetch::Validators { etag: c.etag.clone(), last_modified: c.last_modified.clone() })
        .unwrap_or_default();
    let raw = crate::input::fetch_feed(url, opts, &validators).map_err(|e| e.to_string())?;
    let (bytes, base) = match (raw.not_modified, cached) {
        (true, Some(c)) => (c.body, raw.base),
        _ => {
            if let Some(s) = store.and_then(|s| s.lock().ok()) {
                let keep = CachedFeed {
                    etag: raw.validators.etag.clone(),
                    last_modified: raw.validators.last_modified.clone(),
                    body: raw.bytes.clone(),
                    fetched: 0,
                };
                // A feed not kept is fetched whole next time: said nowhere, lost nothing.
                let _ = s.save_feed(url, &keep);
            }
            (raw.bytes, raw.base)
        }
    };
    crate::feed::parse(&bytes, base.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_feeds_file_has_urls_names_and_comments() {
        let subs = parse("# morning\nhttps://a.test/rss The A Times\n\n  http://b.test/atom.xml\n#https://c.test\n");
        assert_eq!(
            subs,
            [
                Subscription { url: "https://a.test/rss".into(), name: Some("The A Times".into()) },
                Subscription { url: "http://b.test/atom.xml".into(), name: None },
            ]
        );
    }

    #[test]
    fn opml_adds_what_is_not_there_yet() {
        let dir = tempfile::tempdir().unwrap();
        let opml = dir.path().join("subs.opml");
        std::fs::write(
            &opml,
            r#"<?xml version="1.0"?><opml version="2.0"><body><outline text="News">
            <outline type="rss" text="The A Times" xmlUrl="https://a.test/rss"/>
            <outline type="rss" title="B &amp; Co" text="b" xmlUrl="http://b.test/feed"/>
            <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
            </outline></body></opml>"#,
        )
        .unwrap();
        let feeds = dir.path().join("conf").join("feeds");
        std::fs::write(dir.path().join("x"), "").unwrap();
        assert_eq!(import_opml(&opml, &feeds).unwrap(), 2);
        assert_eq!(import_opml(&opml, &feeds).unwrap(), 0, "nothing twice");
        let subs = read(&feeds).unwrap();
        assert_eq!(subs[1], Subscription { url: "http://b.test/feed".into(), name: Some("B & Co".into()) });
        assert!(import_opml(&dir.path().join("x"), &feeds).is_err());
    }
}
