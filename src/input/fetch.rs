//! Fetching an article from the web: one blocking GET with redirects, time-outs, a size cap
//! and decoding, ending in UTF-8 text and what kind of document it is.
//!
//! Built on ureq (HTTP/1.1, rustls, no async runtime). folio follows redirects itself rather
//! than letting ureq do it, so that every hop picks its own proxy (an `http://` page may
//! redirect to `https://`, or to a host in `NO_PROXY`), a loop is told from a long chain, and
//! the overall time-out covers the whole chain. No cookie is ever stored or sent (ureq's
//! `cookies` feature is off).

mod body;
mod connect;
mod problem;
mod proxy;
mod url;

use std::time::{Duration, Instant};

use ureq::http::Response;
use ureq::{Agent, Body};

use crate::input::charset;
use body::{BodyError, Class};
pub use problem::{FetchError, Problem};
use problem::{Stage, problem_from, seconds};
pub use proxy::Proxy;
use url::Url;

/// Sent as `User-Agent`.
pub const USER_AGENT: &str = concat!("folio/", env!("CARGO_PKG_VERSION"));
/// Sent as `Accept`: pages first, anything else last (so a server's error page still comes).
pub const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.5";
/// Sent as `Accept` for a feed: the feed formats first.
pub const ACCEPT_FEED: &str = "application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml;q=0.9,application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.5";
/// Sent as `Accept-Encoding`: what [`body`] can undo.
const ACCEPT_ENCODING: &str = "gzip, deflate, br";

/// folio's `--timeout` default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long connecting (DNS, TCP, TLS, proxy) may take, at most.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub use super::DEFAULT_MAX_SIZE;
/// Redirects followed before giving up.
pub const DEFAULT_MAX_REDIRECTS: u32 = 10;

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// For the whole fetch: connecting, every redirect, and the body.
    pub timeout: Duration,
    /// For connecting to one host (capped at `timeout`).
    pub connect_timeout: Duration,
    /// The largest body accepted, counted after `Content-Encoding` is undone.
    pub max_size: u64,
    pub max_redirects: u32,
    /// `Proxy::from_env()` in folio; the default is no proxy.
    pub proxy: Proxy,
    pub user_agent: String,
    /// `Accept`, when not [`ACCEPT`] (a feed asks for feeds first).
    pub accept: Option<&'static str>,
    /// What an earlier answer said of itself, sent back so that an unchanged document
    /// is a `304` and no download ([`Fetched::not_modified`]).
    pub validators: Validators,
}

/// An answer's `ETag` and `Last-Modified`, as the server wrote them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            max_size: DEFAULT_MAX_SIZE,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            proxy: Proxy::none(),
            user_agent: USER_AGENT.to_string(),
            accept: None,
            validators: Validators::default(),
        }
    }
}

/// What a fetched document is, from its `Content-Type` (or its first bytes when it has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Text,
    Markdown,
    Json,
    /// RSS, Atom or JSON Feed: kept as bytes (an XML feed's own declaration names its
    /// charset, which the feed parser reads).
    Feed,
}

/// A fetched document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL that answered, after redirects (without any `#fragment`).
    pub final_url: String,
    /// The media type from `Content-Type`, lower case, without parameters.
    pub content_type: Option<String>,
    pub kind: Kind,
    /// The body decoded to UTF-8 (see [`crate::input::charset`]).
    pub text: String,
    /// Repairs and guesses made on the way, e.g. "invalid bytes in windows-1252 replaced".
    pub warnings: Vec<String>,
    /// A feed's body as it came (`text` is then empty).
    pub bytes: Vec<u8>,
    /// The answer's validators, to send back next time.
    pub validators: Validators,
    /// The server answered `304 Not Modified` to the validators sent: nothing came.
    pub not_modified: bool,
}

/// Fetches `url`, following redirects, and decodes the page to text. `progress` is called with
/// the number of body bytes received so far (as they arrive, before decompression).
pub fn fetch(url: &str, opts: &FetchOptions, progress: &mut dyn FnMut(u64)) -> Result<Fetched, FetchError> {
    // `at` is set only once a redirect has been followed.
    let fail = |at: Option<&Url>, problem| FetchError { url: url.to_string(), at: at.map(Url::to_string), problem };
    let mut current = Url::parse(url).map_err(|e| fail(None, e.into()))?;
    let deadline = Instant::now() + opts.timeout;
    let agent = connect::agent(agent_config(opts));
    // Every URL requested so far, in order; more than one means a redirect was followed.
    let mut visited = vec![current.to_string()];
    loop {
        let at = (visited.len() > 1).then_some(&current);
        let response = send(&agent, &current, opts, deadline).map_err(|p| fail(at, p))?;
        let status = response.status();
        let location = response.headers().get("location").filter(|_| is_redirect(status.as_u16()));
        if let Some(location) = location {
            let next = current.join(location.as_bytes()).map_err(|e| {
                let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
                fail(at, Problem::BadRedirect { location, why: e.to_string() })
            })?;
            let next_str = next.to_string();
            if visited.contains(&next_str) {
                return Err(fail(None, Problem::RedirectLoop { back_to: next_str }));
            }
            if visited.len() > opts.max_redirects as usize {
                return Err(fail(None, Problem::TooManyRedirects(opts.max_redirects)));
            }
            visited.push(next_str);
            current = next;
            continue;
        }
        if status.as_u16() == 304 && opts.validators != Validators::default() {
            return Ok(Fetched {
                final_url: current.to_string(),
                content_type: None,
                kind: Kind::Feed,
                text: String::new(),
                warnings: Vec::new(),
                bytes: Vec::new(),
                validators: opts.validators.clone(),
                not_modified: true,
            });
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("").to_string();
            return Err(fail(at, Problem::Http { status: status.as_u16(), reason }));
        }
        return read_page(response, &current, opts, progress).map_err(|p| fail(at, p));
    }
}

/// The redirect statuses folio follows (with a `Location`); 300 and 304 are not redirects to
/// follow for a GET without a cache.
fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// The agent-wide settings: headers, no automatic redirects or status errors, no proxy (each
/// request sets its own).
fn agent_config(opts: &FetchOptions) -> ureq::config::Config {
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(None)
        .user_agent(opts.user_agent.as_str())
        .accept(ACCEPT)
        .accept_encoding(ACCEPT_ENCODING)
        .build()
}

/// Sends one GET with what is left of the time budget and the proxy this URL wants.
fn send(agent: &Agent, url: &Url, opts: &FetchOptions, deadline: Instant) -> Result<Response<Body>, Problem> {
    let remaining = deadline.saturating_duration_since(Instant::now());
    if remaining.is_zero() {
        return Err(Problem::TimedOut(opts.timeout));
    }
    let setting = opts.proxy.setting_for(&url.scheme, &url.host);
    let proxy = match setting {
        Some((var, value)) => {
            let proxy = ureq::Proxy::new(value).map_err(|_| Problem::Proxy(format!("invalid proxy URL in {var}")))?;
            Some(proxy)
        }
        None => None,
    };
    // Through a proxy, folio connects to no one else: a connection that fails is the
    // proxy's.
    let via = setting.map(|(_, value)| crate::sanitize::url(value));
    let proxy_failed = move |problem: Problem| match (&via, problem) {
        (Some(p), Problem::Connect(why)) => Problem::Proxy(format!("could not connect to {p}: {why}")),
        (Some(p), Problem::ConnectTimedOut(d)) => {
            Problem::Proxy(format!("could not connect to {p}: timed out after {}", seconds(d)))
        }
        (_, problem) => problem,
    };
    let connect_timeout = opts.connect_timeout.min(remaining);
    // When what is left of the overall budget is shorter than the connect time-out, running
    // out of it while connecting is the overall time-out.
    let budget_bound = connect_timeout < opts.connect_timeout;
    let mut request = agent.get(url.to_string());
    if let Some(accept) = opts.accept {
        request = request.header("Accept", accept);
    }
    if let Some(etag) = &opts.validators.etag {
        request = request.header("If-None-Match", etag.as_str());
    }
    if let Some(date) = &opts.validators.last_modified {
        request = request.header("If-Modified-Since", date.as_str());
    }
    request
        .config()
        .timeout_global(Some(remaining))
        .timeout_resolve(Some(connect_timeout))
        .timeout_connect(Some(connect_timeout))
        .proxy(proxy)
        .build()
        .call()
        .map_err(|e| match problem_from(e, opts, Stage::Request, url.scheme == "https") {
            Problem::ConnectTimedOut(_) if budget_bound => Problem::TimedOut(opts.timeout),
            problem => proxy_failed(problem),
        })
}

/// Reads and decodes a successful response.
fn read_page(
    response: Response<Body>,
    url: &Url,
    opts: &FetchOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Fetched, Problem> {
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = header("content-type");
    let content_encoding = header("content-encoding");
    let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
    let media_type = content_type
        .as_deref()
        .map(|t| t.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty());
    let class = body::classify(media_type.as_deref());
    if class == Class::NotPage {
        return Err(Problem::NotAPage(media_type.unwrap_or_default()));
    }
    let length = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if content_encoding.is_none() && length.is_some_and(|n| n > opts.max_size) {
        return Err(Problem::TooLarge { limit: opts.max_size });
    }
    let raw = response.into_body().into_reader();
    let bytes =
        body::read_body(raw, content_encoding.as_deref(), opts.max_size, length, progress).map_err(|e| match e {
            BodyError::TooLarge => Problem::TooLarge { limit: opts.max_size },
            BodyError::Transport(e) => problem_from(e, opts, Stage::Body, url.scheme == "https"),
            BodyError::Decode { encoding, error } => {
                Problem::Decode(format!("could not decode the {encoding} body: {error}"))
            }
            BodyError::UnsupportedEncoding(e) => Problem::Decode(format!("unsupported content encoding {e}")),
        })?;
    let kind = match class {
        Class::Page(kind) => kind,
        Class::Xml if crate::input::is_feed(&bytes) => Kind::Feed,
        Class::Xml => Kind::Html,
        _ => {
            body::sniff(&bytes).ok_or_else(|| Problem::NotAPage(media_type.clone().unwrap_or("binary data".into())))?
        }
    };
    // JSON that is a feed (JSON Feed's version names it) is a feed.
    let kind = if kind == Kind::Json && body::is_json_feed(&bytes) { Kind::Feed } else { kind };
    let final_url = url.to_string();
    let header_charset = content_type.as_deref().and_then(charset::charset_param);
    let (text, warnings, bytes) = match kind {
        Kind::Feed => (String::new(), Vec::new(), bytes),
        Kind::Html => {
            let (t, w) = charset::decode_html(&bytes, header_charset, Some(&final_url));
            (t, w, Vec::new())
        }
        _ => {
            let (t, w) = charset::decode_text(&bytes, header_charset, Some(&final_url));
            (t, w, Vec::new())
        }
    };
    Ok(Fetched { final_url, content_type: media_type, kind, text, warnings, bytes, validators, not_modified: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        let e = |problem| FetchError { url: "https://example.com/a".into(), at: None, problem };
        assert_eq!(
            e(Problem::Http { status: 404, reason: "Not Found".into() }).to_string(),
            "https://example.com/a: HTTP 404 Not Found"
        );
        assert_eq!(
            e(Problem::TimedOut(Duration::from_secs(30))).to_string(),
            "https://example.com/a: timed out after 30 s"
        );
        assert_eq!(
            e(Problem::TimedOut(Duration::from_millis(2500))).to_string(),
            "https://example.com/a: timed out after 2.5 s"
        );
        assert_eq!(
            e(Problem::TooLarge { limit: DEFAULT_MAX_SIZE }).to_string(),
            "https://example.com/a: larger than the 256 MiB limit"
        );
        assert_eq!(
            e(Problem::TooLarge { limit: 1000 }).to_string(),
            "https://example.com/a: larger than the 1000 bytes limit"
        );
        assert_eq!(
            e(Problem::TooManyRedirects(10)).to_string(),
            "https://example.com/a: too many redirects (more than 10)"
        );
        let mut moved = e(Problem::NotAPage("image/png".into()));
        moved.at = Some("https://cdn.example.com/x.png".into());
        assert_eq!(
            moved.to_string(),
            "https://example.com/a: not a web page (image/png) (redirected to https://cdn.example.com/x.png)"
        );
    }

    #[test]
    fn unsupported_scheme_fails_before_any_network() {
        let err = fetch("ftp://example.com/file", &FetchOptions::default(), &mut |_| {}).unwrap_err();
        assert_eq!(err.to_string(), "ftp://example.com/file: unsupported URL scheme ftp");
    }

    #[test]
    fn invalid_hosts_fail_without_dns() {
        let err = fetch("http://example.invalid/", &FetchOptions::default(), &mut |_| {}).unwrap_err();
        assert_eq!(err.to_string(), "http://example.invalid/: could not resolve host example.invalid");
    }
}
