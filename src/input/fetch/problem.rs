//! What went wrong with a fetch, as folio says it: one line naming the URL, the problem
//! and where it happened, mapped from ureq's errors.

use std::fmt;
use std::io::ErrorKind;
use std::time::Duration;

use super::FetchOptions;
use super::connect::ResolveError;
use super::url::UrlError;

/// A failed fetch. `Display` is one line naming the URL the user gave, then what went wrong,
/// then the URL it happened at when redirects led elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub url: String,
    /// Where the failure happened, when that is not `url`.
    pub at: Option<String>,
    pub problem: Problem,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A scheme other than `http`/`https`.
    UnsupportedScheme(String),
    InvalidUrl(String),
    Resolve {
        host: String,
    },
    /// Connecting failed: "connection refused", "network unreachable", ...
    Connect(String),
    ConnectTimedOut(Duration),
    TimedOut(Duration),
    Tls(String),
    /// A 4xx or 5xx answer (or a 3xx that is not a usable redirect).
    Http {
        status: u16,
        reason: String,
    },
    TooManyRedirects(u32),
    RedirectLoop {
        back_to: String,
    },
    BadRedirect {
        location: String,
        why: String,
    },
    /// The media type of something that is not a page, or "binary data".
    NotAPage(String),
    TooLarge {
        limit: u64,
    },
    Proxy(String),
    /// The connection failed some other way, or the server spoke bad HTTP.
    Network(String),
    /// The compressed body is corrupt, or compressed in a way folio cannot undo.
    Decode(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", crate::sanitize::url(&self.url), self.problem)?;
        match &self.at {
            Some(at) => write!(f, " (redirected to {})", crate::sanitize::url(at)),
            None => Ok(()),
        }
    }
}

impl std::error::Error for FetchError {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnsupportedScheme(s) => write!(f, "unsupported URL scheme {s}"),
            Problem::InvalidUrl(why) => write!(f, "invalid URL ({why})"),
            Problem::Resolve { host } => write!(f, "could not resolve host {host}"),
            Problem::Connect(why) => write!(f, "could not connect: {why}"),
            Problem::ConnectTimedOut(d) => write!(f, "could not connect: timed out after {}", seconds(*d)),
            Problem::TimedOut(d) => write!(f, "timed out after {}", seconds(*d)),
            Problem::Tls(why) => write!(f, "TLS: {why}"),
            Problem::Http { status, reason } if reason.is_empty() => write!(f, "HTTP {status}"),
            Problem::Http { status, reason } => write!(f, "HTTP {status} {reason}"),
            Problem::TooManyRedirects(n) => write!(f, "too many redirects (more than {n})"),
            Problem::RedirectLoop { back_to } => write!(f, "redirect loop (back to {})", crate::sanitize::url(back_to)),
            Problem::BadRedirect { location, why } => {
                write!(f, "bad redirect to {}: {why}", crate::sanitize::url(location))
            }
            Problem::NotAPage(what) => write!(f, "not a web page ({what})"),
            Problem::TooLarge { limit } => write!(f, "larger than the {} limit", crate::input::human_size(*limit)),
            Problem::Proxy(why) => write!(f, "proxy: {why}"),
            Problem::Network(why) | Problem::Decode(why) => f.write_str(why),
        }
    }
}

/// "30 s", "2.5 s".
pub(super) fn seconds(d: Duration) -> String {
    let s = format!("{:.3}", d.as_secs_f64());
    format!("{} s", s.trim_end_matches('0').trim_end_matches('.'))
}

/// Whether an error came before the response headers or while reading the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    Request,
    Body,
}

/// Maps ureq's error to what folio says. (What ureq returns for each case was checked
/// against the local test server: see tests/fetch.rs.) `https` tells that the connection
/// is TLS: rustls reports handshake and certificate failures as `io::Error`s of kind
/// `InvalidData` that wrap its own error, not as `Error::Rustls`.
pub(super) fn problem_from(error: ureq::Error, opts: &FetchOptions, stage: Stage, https: bool) -> Problem {
    use ureq::Error as E;
    match error {
        E::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
            Problem::ConnectTimedOut(opts.connect_timeout.min(opts.timeout))
        }
        E::Timeout(_) => Problem::TimedOut(opts.timeout),
        E::Other(inner) => match inner.downcast::<ResolveError>() {
            Ok(resolve) => Problem::Resolve { host: resolve.host },
            Err(inner) => Problem::Network(inner.to_string()),
        },
        E::Io(io) => match io.kind() {
            ErrorKind::InvalidData if https => Problem::Tls(io.to_string()),
            ErrorKind::ConnectionRefused => Problem::Connect("connection refused".into()),
            ErrorKind::HostUnreachable => Problem::Connect("host unreachable".into()),
            ErrorKind::NetworkUnreachable => Problem::Connect("network unreachable".into()),
            ErrorKind::TimedOut | ErrorKind::WouldBlock if stage == Stage::Request => {
                Problem::ConnectTimedOut(opts.connect_timeout.min(opts.timeout))
            }
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Problem::TimedOut(opts.timeout),
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => {
                Problem::Network("the connection was reset".into())
            }
            ErrorKind::UnexpectedEof if stage == Stage::Body => {
                Problem::Network("the connection closed before the page was complete".into())
            }
            ErrorKind::UnexpectedEof => Problem::Network("the server closed the connection without answering".into()),
            _ => Problem::Network(io.to_string()),
        },
        E::Rustls(e) => Problem::Tls(e.to_string()),
        E::Tls(why) => Problem::Tls(why.to_string()),
        E::Pem(e) => Problem::Tls(format!("{e:?}")),
        E::TlsRequired => Problem::Tls("the connection is not encrypted".into()),
        E::ConnectProxyFailed(why) => Problem::Proxy(connect_refusal(&why).unwrap_or(why)),
        E::InvalidProxyUrl => Problem::Proxy("invalid proxy URL".into()),
        E::Protocol(e) => Problem::Network(format!("bad HTTP from the server: {e}")),
        E::LargeResponseHeader(..) => Problem::Network("the response headers are too large".into()),
        E::BadUri(why) => Problem::InvalidUrl(why),
        E::Http(e) => Problem::InvalidUrl(e.to_string()),
        E::TooManyRedirects => Problem::TooManyRedirects(opts.max_redirects),
        other => Problem::Network(other.to_string()),
    }
}

/// ureq says "proxy server responded 403/403" when a proxy refuses a `CONNECT`.
fn connect_refusal(why: &str) -> Option<String> {
    let code: u16 = why.strip_prefix("proxy server responded ")?.split('/').next()?.parse().ok()?;
    let reason = ureq::http::StatusCode::from_u16(code).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
    Some(format!("the proxy refused the connection (HTTP {code} {reason})").replace(" )", ")"))
}

impl From<UrlError> for Problem {
    fn from(e: UrlError) -> Self {
        match e {
            UrlError::UnsupportedScheme(s) => Problem::UnsupportedScheme(s),
            UrlError::Invalid(why) => Problem::InvalidUrl(why.to_string()),
        }
    }
}
