//! Bytes in: an article's file, standard input or URL, read with a size limit, its
//! format told from its name, its content type and its first bytes (one detector for every
//! mode), and decoded to text (UTF-8 and UTF-16 for text; a page's declared or detected
//! charset for HTML; the HTML inside a page saved as one file).
//!
//! Everything here answers one question: can these bytes be an article? Missing files,
//! directories, binary data, empty text, oversized inputs and failed fetches become an
//! [`InputError`] whose `Display` is the one line folio prints before exiting with status 1.

pub mod charset;
mod detect;
pub mod fetch;
mod file;
pub mod mhtml;

pub use detect::{Sniffed, is_feed, sniff};
pub use file::{Decoded, Head, decode, decode_owned, open_head, read_article};

use crate::article::Format;
use std::fmt;
use std::time::Duration;

/// The default `--max-size`: large enough for any book, small enough not to exhaust memory.
pub const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// Where the article came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    Stdin,
    File(String),
    Url(String),
}

impl Origin {
    /// The origin of a command-line argument: a URL, `-` for standard input, or a file.
    pub fn of(arg: &str) -> Origin {
        if is_url(arg) {
            Origin::Url(arg.to_string())
        } else if arg == "-" {
            Origin::Stdin
        } else {
            Origin::File(arg.to_string())
        }
    }
}

/// Whether a command-line argument is a web address (`http://` or `https://`).
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => f.write_str("bundled article"),
            Origin::Stdin => f.write_str("<stdin>"),
            Origin::File(p) => f.write_str(&crate::sanitize::field(p)),
            Origin::Url(u) => f.write_str(&crate::sanitize::url(u)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotFound,
    IsDirectory,
    PermissionDenied,
    NotText,
    NoText,
    TooLarge {
        limit: u64,
    },
    Io(String),
    /// A fetch that failed, as the fetcher says it ("HTTP 404 Not Found", "timed out
    /// after 30 s").
    Web(String),
    /// A page saved as one file that could not be unpacked.
    Mhtml(String),
    /// A news feed where an article was expected.
    IsFeed,
    /// An article where a feed was expected.
    NotAFeed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub origin: Origin,
    pub problem: Problem,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.origin)?;
        match &self.problem {
            Problem::NotFound => f.write_str("no such file"),
            Problem::IsDirectory => f.write_str("is a directory, not an article"),
            Problem::PermissionDenied => f.write_str("permission denied"),
            Problem::NotText => f.write_str("not a text file"),
            Problem::NoText => f.write_str("no article text"),
            Problem::TooLarge { limit } => write!(f, "larger than the {} limit (see --max-size)", human_size(*limit)),
            Problem::Io(e) | Problem::Web(e) => f.write_str(&crate::sanitize::field(e)),
            Problem::Mhtml(e) => write!(f, "not a page saved as one file ({})", crate::sanitize::field(e)),
            Problem::IsFeed => f.write_str("a news feed, not an article"),
            Problem::NotAFeed => f.write_str("not a news feed (RSS, Atom or JSON Feed)"),
        }
    }
}

impl std::error::Error for InputError {}

/// "256 MiB" for a whole number of MiB, else "N bytes".
pub(crate) fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) { format!("{} MiB", bytes / MIB) } else { format!("{bytes} bytes") }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Refuse larger inputs (`--max-size`), for files and fetched bodies alike.
    pub max_size: u64,
    /// The longest a fetch may take, all told (`--timeout`).
    pub timeout: Duration,
    /// The format `--format` forces, if any.
    pub format: Option<Format>,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_size: DEFAULT_MAX_SIZE, timeout: fetch::DEFAULT_TIMEOUT, format: None }
    }
}

/// What an input gives the parser: its text, the format its name, content type or first
/// bytes say (else the text's content decides), the address links are relative to, and
/// what went wrong on the way that was repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub origin: Origin,
    pub text: String,
    pub format: Option<Format>,
    pub url: Option<String>,
    pub warnings: Vec<String>,
}

/// Reads one input named on the command line: a URL (fetched; `progress` hears the bytes
/// as they arrive), `-` for standard input, or a file. A feed is an error here: see [`open`].
pub fn read(arg: &str, opts: &Options, progress: &mut dyn FnMut(u64)) -> Result<Input, InputError> {
    match open(arg, opts, progress)? {
        Opened::Article(input) => Ok(input),
        Opened::Feed(feed) => Err(InputError { origin: feed.origin, problem: Problem::IsFeed }),
    }
}

/// What an input turned out to be: an article, or a news feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    Article(Input),
    Feed(RawFeed),
}

/// A feed as it came, for the feed parser: its bytes, the address its relative links are
/// relative to (the URL that answered, or the file's path), and its validators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFeed {
    pub origin: Origin,
    pub bytes: Vec<u8>,
    pub base: Option<String>,
    pub validators: fetch::Validators,
    /// A `304` to the validators sent: `bytes` is empty, the copy kept is still good.
    pub not_modified: bool,
}

/// Reads one input, as [`read`], and tells an article from a feed (by the content type,
/// else by the first bytes).
pub fn open(arg: &str, opts: &Options, progress: &mut dyn FnMut(u64)) -> Result<Opened, InputError> {
    let origin = Origin::of(arg);
    match &origin {
        Origin::Url(url) => fetch_page(url, opts, None, progress),
        _ => {
            let head = open_head(arg, opts.max_size, usize::MAX)?;
            let name = matches!(origin, Origin::File(_)).then_some(arg);
            let bytes = head.into_bytes()?;
            if opts.format.is_none() && sniff(name, &bytes) == Sniffed::Feed {
                let base = name.and_then(|n| std::path::absolute(n).ok()).map(|p| p.display().to_string());
                let validators = fetch::Validators::default();
                return Ok(Opened::Feed(RawFeed { origin, bytes, base, validators, not_modified: false }));
            }
            from_bytes(origin.clone(), name, bytes, opts.format).map(Opened::Article)
        }
    }
}

/// Fetches a feed, sending back what its last answer said of itself (`validators`): an
/// unchanged feed is a `304` and nothing downloaded. A page where a feed was expected is
/// an error.
pub fn fetch_feed(url: &str, opts: &Options, validators: &fetch::Validators) -> Result<RawFeed, InputError> {
    match fetch_page(url, opts, Some(validators), &mut |_| {})? {
        Opened::Feed(feed) => Ok(feed),
        Opened::Article(input) => Err(InputError { origin: input.origin, problem: Problem::NotAFeed }),
    }
}

/// Fetches a page or a feed and decodes a page; a `text/plain` or `text/markdown` answer
/// is read as that. `feed`: a feed is expected, and these are its last validators.
fn fetch_page(
    url: &str,
    opts: &Options,
    feed: Option<&fetch::Validators>,
    progress: &mut dyn FnMut(u64),
) -> Result<Opened, InputError> {
    let fetch_opts = fetch::FetchOptions {
        timeout: opts.timeout,
        connect_timeout: fetch::DEFAULT_CONNECT_TIMEOUT.min(opts.timeout),
        max_size: opts.max_size,
        proxy: fetch::Proxy::from_env(),
        accept: feed.map(|_| fetch::ACCEPT_FEED),
        validators: feed.cloned().unwrap_or_default(),
        ..fetch::FetchOptions::default()
    };
    let origin = Origin::Url(url.to_string());
    let page = fetch::fetch(url, &fetch_opts, progress).map_err(|e| {
        let problem = match e.problem {
            fetch::Problem::TooLarge { limit } => Problem::TooLarge { limit },
            _ => {
                Problem::Web(e.to_string().strip_prefix(&format!("{}: ", e.url)).unwrap_or(&e.to_string()).to_string())
            }
        };
        InputError { origin: origin.clone(), problem }
    })?;
    if page.kind == fetch::Kind::Feed && opts.format.is_none() {
        return Ok(Opened::Feed(RawFeed {
            origin,
            bytes: page.bytes,
            base: Some(page.final_url),
            validators: page.validators,
            not_modified: page.not_modified,
        }));
    }
    let text =
        if page.kind == fetch::Kind::Feed { String::from_utf8_lossy(&page.bytes).into_owned() } else { page.text };
    if text.trim().is_empty() {
        return Err(InputError { origin, problem: Problem::NoText });
    }
    let format = opts.format.or(match page.kind {
        fetch::Kind::Html => Some(Format::Html),
        fetch::Kind::Text => Some(Format::Text),
        fetch::Kind::Markdown => Some(Format::Markdown),
        fetch::Kind::Json | fetch::Kind::Feed => None,
    });
    Ok(Opened::Article(Input { origin, text, format, url: Some(page.final_url), warnings: page.warnings }))
}

/// An input's bytes to text, by what its name and first bytes say it is: a page saved as
/// one file (unpacked), a web page (its charset found and decoded; NUL bytes allowed), or
/// text (UTF-8 or UTF-16; NUL bytes near the start mean it is not text).
pub fn from_bytes(
    origin: Origin,
    name: Option<&str>,
    bytes: Vec<u8>,
    forced: Option<Format>,
) -> Result<Input, InputError> {
    let err = |problem| InputError { origin: origin.clone(), problem };
    let sniffed = match forced {
        Some(Format::Html) => Sniffed::Html,
        Some(_) => Sniffed::Text,
        None => sniff(name, &bytes),
    };
    // A feed reaches here only when it is to be read as text (`open` takes feeds apart).
    let sniffed = if sniffed == Sniffed::Feed { Sniffed::Text } else { sniffed };
    let (text, url, warnings, format) = match sniffed {
        Sniffed::Mhtml => {
            let page = mhtml::read_mhtml(&bytes).map_err(|e| err(Problem::Mhtml(e)))?;
            (page.html, page.url, page.warnings, Some(Format::Html))
        }
        Sniffed::Html => {
            let (text, warnings) = charset::decode_html(&bytes, None, None);
            (text, None, warnings, Some(Format::Html))
        }
        Sniffed::Text | Sniffed::Feed => {
            let decoded = decode_owned(bytes).map_err(err)?;
            (decoded.text, None, decoded.warnings, forced)
        }
    };
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(err(Problem::NoText));
    }
    Ok(Input { origin, text, format, url, warnings })
}
