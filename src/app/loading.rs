//! Opening an article without making the reader wait. A long document: the first
//! screenful is parsed at once, the whole text's structure follows from a background
//! thread, and the extraction (quotes, statistics, names…) after that. A web page: the
//! first frame says it is being fetched (and how much has come), the page follows. A
//! saved page or a JSON export longer than [`SYNC_LIMIT`]: the first frame says it is
//! being read, and it is read and parsed behind it. Short articles are parsed before the
//! first frame. Reloading (`r`) reads the input again behind the screen.

use super::document::Document;
use super::{App, Options};
use crate::article::{
    Article, Format, Paragraph, Section, extract_paragraphs, parse, parse_structure, parse_structure_at,
};
use crate::input::{Origin, Sniffed};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Articles up to this size are parsed whole before the first frame (a few milliseconds).
pub const SYNC_LIMIT: usize = 32 * 1024;

/// How much text the first frame is made from.
const FIRST_SCREENFUL: usize = 8 * 1024;

/// What the background thread sends, in this order.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// The whole document's structure, ready to read; paragraphs' texts live in the
    /// document only.
    Structure { skeleton: Box<Article>, doc: Arc<Document> },
    /// Everything the extractors found.
    Extracted(Extraction),
    /// The rest of the input could not be read; what was shown stays.
    Failed(String),
    /// Bytes of a web page received so far.
    Progress(u64),
    /// A whole article, read and parsed: a fetched page, or the input read again. It
    /// takes the place of what is shown.
    Page(Box<Article>),
    /// The input could not be read at all (a fetch that failed): the reader ends.
    Fatal(String),
    /// A list to show in place of the text: a feed's entries.
    Listing(Box<super::listing::Listing>),
}

pub use crate::article::Extraction;

/// The article without its paragraphs' texts (they are in the document): the reader needs
/// only headings, counts and kinds from it.
fn skeleton(article: &Article) -> Article {
    let mut s = Article { sections: Vec::with_capacity(article.sections.len()), ..article_meta(article) };
    for sec in &article.sections {
        s.sections.push(crate::article::Section {
            heading: sec.heading.clone(),
            level: sec.level,
            paragraphs: sec.paragraphs.iter().map(Paragraph::without_text).collect(),
        });
    }
    s
}

fn article_meta(a: &Article) -> Article {
    Article {
        title: a.title.clone(),
        subtitle: a.subtitle.clone(),
        dateline: a.dateline.clone(),
        byline: a.byline.clone(),
        source: a.source.clone(),
        links: a.links.clone(),
        warnings: a.warnings.clone(),
        ..Article::default()
    }
}

/// The first `FIRST_SCREENFUL` bytes or so, cut at a line end.
fn first_part(text: &str) -> &str {
    if text.len() <= FIRST_SCREENFUL {
        return text;
    }
    let mut cut = FIRST_SCREENFUL;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    match text[..cut].rfind('\n') {
        Some(nl) if nl > 0 => &text[..nl],
        _ => &text[..cut],
    }
}

/// The rest of a long document, to be loaded on a thread of its own once the first frame
/// is on screen (so the first frame has the processor to itself).
pub struct Loader(Box<dyn FnOnce(std::sync::mpsc::Sender<Loaded>) + Send>);

impl Loader {
    /// A loader that runs `job`, which sends what it loads.
    pub fn new(job: impl FnOnce(std::sync::mpsc::Sender<Loaded>) + Send + 'static) -> Loader {
        Loader(Box::new(job))
    }

    /// Starts loading; what is loaded arrives on the returned channel.
    pub fn start(self) -> Receiver<Loaded> {
        let (tx, rx) = channel();
        let job = self.0;
        std::thread::spawn(move || job(tx));
        rx
    }
}

impl std::fmt::Debug for Loader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Loader")
    }
}

/// Opens `text` for reading. Short texts are parsed whole; long ones give an `App` on
/// their first part at once and a loader for the rest.
pub fn open(
    text: String,
    format: Option<Format>,
    warnings: Vec<String>,
    options: Options,
) -> Result<(App, Option<Loader>), crate::article::ParseError> {
    let whole = |f: Format| matches!(f, Format::Json | Format::Html);
    if text.len() <= SYNC_LIMIT {
        let mut article = parse(&text, format)?;
        article.warnings.extend(warnings);
        return Ok((App::new(article, options), None));
    }
    if format.is_some_and(whole) || whole(crate::article::detect(&text)) {
        // Read whole (a page, folio's JSON), behind a first frame that says so.
        return Ok(behind_a_first_frame("the article", options, move || {
            let mut article = parse(&text, format).map_err(|e| e.to_string())?;
            article.warnings.extend(warnings);
            Ok(article)
        }));
    }
    let format = format.or(Some(crate::article::detect(&text)));
    let mut first = parse_structure(first_part(&text), format)?;
    first.warnings.extend(warnings.iter().cloned());
    let mut app = App::new(first, options);
    app.loading = true;
    Ok((app, Some(Loader(Box::new(move |tx| load_rest(text, format, warnings, &tx))))))
}

/// Opens an input of which only the head has been read: the first screen comes from the
/// head; the rest is read, decoded and parsed on a background thread.
pub fn open_head(
    head: crate::input::Head,
    format: Option<Format>,
    options: Options,
) -> Result<(App, Option<Loader>), String> {
    let origin = head.origin.to_string();
    // A web page, or a page saved as one file: read and parsed whole, as every mode does.
    let name = match &head.origin {
        Origin::File(p) => Some(p.clone()),
        _ => None,
    };
    let complete_and_short = head.is_complete() && head.bytes.len() <= SYNC_LIMIT;
    let sniffed =
        if format == Some(Format::Html) { Sniffed::Html } else { crate::input::sniff(name.as_deref(), &head.bytes) };
    if let (None, Sniffed::Feed, Some(path)) = (format, sniffed, &name) {
        let (app, _) = behind_a_first_frame(&origin, options, || Err(String::new()));
        let opts = crate::input::Options { max_size: crate::feed::MAX_BYTES, ..Default::default() };
        return Ok((app, Some(article_or_feed(path.clone(), opts))));
    }
    if format.is_none_or(|f| f == Format::Html) && sniffed != Sniffed::Text {
        let origin_kind = head.origin.clone();
        let read = move || -> Result<crate::input::Input, String> {
            let bytes = head.into_bytes().map_err(|e| e.to_string())?;
            crate::input::from_bytes(origin_kind, name.as_deref(), bytes, format).map_err(|e| e.to_string())
        };
        if complete_and_short {
            return page(read()?, options);
        }
        // A long page is read and parsed behind a first frame that says so: the reader
        // answers keys and resizes while it comes.
        return Ok(behind_a_first_frame(&origin, options, move || {
            let input = read()?;
            let mut article = parse_whole(&input).map_err(|e| format!("{}: {e}", input.origin))?;
            article.warnings.extend(input.warnings);
            Ok(article)
        }));
    }
    let utf8 = !head.bytes.starts_with(&[0xFF, 0xFE]) && !head.bytes.starts_with(&[0xFE, 0xFF]);
    if head.is_complete() || !utf8 {
        let decoded = head.finish().map_err(|e| e.to_string())?;
        return open(decoded.text, format, decoded.warnings, options).map_err(|e| format!("{origin}: {e}"));
    }
    if head.looks_binary() {
        return Err(format!("{origin}: not a text file"));
    }
    // The head may end inside a character; invalid bytes before that are the full
    // decode's to report.
    let bytes = head.bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&head.bytes);
    let prefix = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
    };
    let format = format.or_else(|| Some(crate::article::detect(&prefix)));
    let first = parse_structure(first_part(&prefix), format).map_err(|e| format!("{origin}: {e}"))?;
    drop(prefix);
    let mut app = App::new(first, options);
    app.loading = true;
    let loader = Loader(Box::new(move |tx| match head.finish() {
        Ok(decoded) => load_rest(decoded.text, format, decoded.warnings, &tx),
        Err(e) => {
            let _ = tx.send(Loaded::Failed(e.to_string()));
        }
    }));
    Ok((app, Some(loader)))
}

/// A first frame that says `what` is being read, and a loader that reads and parses it
/// whole (`job`), sending the article; a failure ends the reader with its message, as a
/// failed fetch does.
fn behind_a_first_frame(
    what: &str,
    options: Options,
    job: impl FnOnce() -> Result<Article, String> + Send + 'static,
) -> (App, Option<Loader>) {
    let shown = crate::sanitize::field(what);
    let placeholder = placeholder(&shown, &format!("Reading {shown} …"));
    let mut app = App::new(placeholder, options);
    app.loading = true;
    app.message = Some(super::Message::info(format!("reading {shown} …")));
    let loader = Loader(Box::new(move |tx| {
        let _ = tx.send(match job() {
            Ok(article) => Loaded::Page(Box::new(article)),
            Err(e) => Loaded::Fatal(e),
        });
    }));
    (app, Some(loader))
}

/// A whole input (a page) parsed and opened.
fn page(input: crate::input::Input, options: Options) -> Result<(App, Option<Loader>), String> {
    let mut article = parse_whole(&input).map_err(|e| format!("{}: {e}", input.origin))?;
    article.warnings.extend(input.warnings);
    Ok((App::new(article, options), None))
}

fn parse_whole(input: &crate::input::Input) -> Result<Article, crate::article::ParseError> {
    let mut article = parse_structure_at(&input.text, input.format, input.url.as_deref())?;
    if !article.has_extractions() {
        crate::article::extract(&mut article);
    }
    Ok(article)
}

/// What the first frame shows while an article comes: its name as the title and one line
/// saying what is happening.
pub(super) fn placeholder(title: &str, line: &str) -> Article {
    Article {
        title: Some(title.to_string()),
        sections: vec![Section { paragraphs: vec![Paragraph::body(line.to_string())], ..Section::new(None, 2) }],
        ..Article::default()
    }
}

/// Opens a web page: the first frame says it is being fetched; the page comes from a
/// background thread, with how many bytes have come as they come.
pub fn fetching(url: &str, opts: crate::input::Options, options: Options) -> (App, Loader) {
    let shown = crate::sanitize::url(url);
    let placeholder = placeholder(&shown, &format!("Fetching {shown} …"));
    let mut app = App::new(placeholder, options);
    app.loading = true;
    app.message = Some(super::Message::info(format!("fetching {shown} …")));
    app.fetching = Some(shown);
    (app, article_or_feed(url.to_string(), opts))
}

/// What the reader reads (and reads again on `r`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Bundled,
    /// A file, `-`, or a URL, as given.
    Input(String),
}

/// A loader that reads `arg` whole and sends it as a `Page` (a fetch's progress on the
/// way); a failure ends the reader when nothing was shown yet (`first`), and is a
/// message otherwise.
pub fn reader(source: Source, opts: crate::input::Options, first: bool) -> Loader {
    Loader(Box::new(move |tx| {
        let Source::Input(arg) = source else {
            let article = parse(crate::BUNDLED_ARTICLE, opts.format);
            let _ = tx.send(match article {
                Ok(a) => Loaded::Page(Box::new(a)),
                Err(e) => Loaded::Failed(format!("bundled article: {e}")),
            });
            return;
        };
        // The first bytes at once, then ten updates a second at most: plenty for a status
        // bar, and few enough messages on a fast link.
        let mut last: Option<std::time::Instant> = None;
        let mut progress = |n: u64| {
            if last.is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(100)) {
                last = Some(std::time::Instant::now());
                let _ = tx.send(Loaded::Progress(n));
            }
        };
        let result = read_article(&arg, &opts, &mut progress);
        let _ = tx.send(match result {
            Ok(article) => Loaded::Page(Box::new(article)),
            Err(e) if first => Loaded::Fatal(e),
            Err(e) => Loaded::Failed(e),
        });
    }))
}

/// An input read and parsed whole; an error is one line.
pub fn read_article(arg: &str, opts: &crate::input::Options, progress: &mut dyn FnMut(u64)) -> Result<Article, String> {
    let input = crate::input::read(arg, opts, progress).map_err(|e| e.to_string())?;
    let mut article = parse_whole(&input).map_err(|e| format!("{}: {e}", input.origin))?;
    article.warnings.extend(input.warnings);
    Ok(article)
}

/// A loader that opens where a link or a list row goes: the page fetched (or the file
/// read) and parsed as any input is; a feed entry's own text when its page cannot be had.
pub fn follow(to: super::listing::Destination, opts: crate::input::Options) -> Loader {
    Loader(Box::new(move |tx| {
        let mut last: Option<std::time::Instant> = None;
        let mut progress = |n: u64| {
            if last.is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(100)) {
                last = Some(std::time::Instant::now());
                let _ = tx.send(Loaded::Progress(n));
            }
        };
        let page = |r: Result<Article, String>| r.map(|a| Loaded::Page(Box::new(a)));
        let result = match &to.fallback {
            Some(fallback) if to.whole || to.location.is_empty() => page(entry_text(fallback, &to.location, None)),
            // A link may name a news feed: its list of entries opens.
            _ => page_or_listing(&to.location, &opts, &mut progress).or_else(|e| match &to.fallback {
                Some(fallback) => page(entry_text(fallback, &to.location, Some(&e))),
                None => Err(e),
            }),
        };
        let _ = tx.send(result.unwrap_or_else(Loaded::Failed));
    }))
}

/// A feed entry's own text as the article, when its page could not be had (`why`).
pub fn entry_text(fallback: &super::listing::Fallback, url: &str, why: Option<&str>) -> Result<Article, String> {
    let url = Some(url).filter(|u| !u.is_empty());
    let mut article = parse_structure_at(&fallback.html, Some(Format::Html), url).map_err(|e| e.to_string())?;
    if article.title.is_none() {
        article.title = Some(fallback.title.clone());
    }
    crate::article::extract(&mut article);
    if let Some(why) = why {
        article.warnings.push(format!("the feed's own text: the page could not be had ({why})"));
    }
    Ok(article)
}

/// A loader for what the reader opens first when it may be a feed: an article is sent
/// as a page, a feed as the list of its entries.
pub fn article_or_feed(arg: String, opts: crate::input::Options) -> Loader {
    Loader(Box::new(move |tx| {
        let mut last: Option<std::time::Instant> = None;
        let mut progress = |n: u64| {
            if last.is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(100)) {
                last = Some(std::time::Instant::now());
                let _ = tx.send(Loaded::Progress(n));
            }
        };
        let _ = tx.send(page_or_listing(&arg, &opts, &mut progress).unwrap_or_else(Loaded::Fatal));
    }))
}

/// An input read and parsed as an article, or, when it is a news feed, the list of its
/// entries; an error is one line.
fn page_or_listing(arg: &str, opts: &crate::input::Options, progress: &mut dyn FnMut(u64)) -> Result<Loaded, String> {
    match crate::input::open(arg, opts, progress).map_err(|e| e.to_string())? {
        crate::input::Opened::Article(input) => {
            let mut article = parse_whole(&input).map_err(|e| format!("{}: {e}", input.origin))?;
            article.warnings.extend(input.warnings);
            Ok(Loaded::Page(Box::new(article)))
        }
        crate::input::Opened::Feed(raw) => {
            // Read state goes by the feed's URL as given, or its file's full path.
            let key =
                if crate::input::is_url(arg) { arg.to_string() } else { raw.base.clone().unwrap_or(arg.to_string()) };
            let feed = crate::feed::parse(&raw.bytes, raw.base.as_deref());
            let title = feed.as_ref().map_or_else(|_| crate::sanitize::url(&key), |f| f.title.clone());
            let one =
                super::listing::FeedResult { name: None, key: crate::sanitize::hide_password(&key).into_owned(), feed };
            Ok(Loaded::Listing(Box::new(super::listing::from_feeds(title, vec![one]))))
        }
    }
}

/// The background half of loading: structure, then extraction, each sent when done. The
/// paragraphs' texts move into the document, which the reader and the extractors share.
fn load_rest(text: String, format: Option<Format>, warnings: Vec<String>, tx: &std::sync::mpsc::Sender<Loaded>) {
    let mut article = match parse_structure(&text, format) {
        Ok(a) => a,
        Err(e) => {
            let _ = tx.send(Loaded::Failed(e.to_string()));
            return;
        }
    };
    drop(text);
    article.warnings.extend(warnings);
    let doc = Arc::new(Document::take(&mut article));
    // The skeleton goes to the reader; the extractors need only the sections and the
    // dateline, so the paragraphs are not held twice.
    let skeleton = skeleton(&article);
    article.sections.iter_mut().for_each(|s| s.paragraphs = Vec::new());
    if tx.send(Loaded::Structure { skeleton: Box::new(skeleton), doc: Arc::clone(&doc) }).is_err() {
        return; // the reader has gone
    }
    let x = extract_paragraphs(&doc.paragraphs().collect::<Vec<_>>(), &article);
    drop(doc);
    let _ = tx.send(Loaded::Extracted(x));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_part_ends_at_a_line() {
        let text = "line one\n".repeat(20_000);
        let part = first_part(&text);
        assert!(part.len() <= FIRST_SCREENFUL);
        assert!(part.ends_with("line one"));
        assert_eq!(first_part("short"), "short");
    }
}
