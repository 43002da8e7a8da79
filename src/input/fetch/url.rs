//! The little URL handling fetching needs: split an absolute `http(s)://` URL into its parts,
//! resolve a redirect's `Location` against the URL that answered (RFC 3986 §5.2), and
//! percent-encode the bytes a request line cannot carry.
//!
//! This is not a WHATWG URL parser (the `url` crate is that, with IDNA tables behind it).
//! Host names must be ASCII: a non-ASCII (IDN) host is refused rather than guessed at.

use std::fmt;

/// An absolute `http` or `https` URL, split into what a request needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Url {
    /// `http` or `https`, lower case.
    pub scheme: String,
    /// `host[:port]` as written, lower-cased; any `userinfo@` is dropped (never sent).
    pub authority: String,
    /// The host without brackets or port, lower case, any trailing dot removed.
    pub host: String,
    /// The port named, or the scheme's default.
    pub port: u16,
    /// Path and query, always starting with `/`; no fragment (fragments are never sent).
    pub path_query: String,
}

/// Why a string is not a URL folio can fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UrlError {
    /// A scheme other than http/https (lower-cased).
    UnsupportedScheme(String),
    /// Anything else, with a short reason.
    Invalid(&'static str),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::UnsupportedScheme(s) => write!(f, "unsupported URL scheme {s}"),
            UrlError::Invalid(why) => write!(f, "invalid URL ({why})"),
        }
    }
}

impl Url {
    /// Parses an absolute URL. Surrounding whitespace is ignored; characters a request line
    /// cannot carry (spaces, non-ASCII, quotes, ...) are percent-encoded.
    pub fn parse(input: &str) -> Result<Url, UrlError> {
        let input = input.trim();
        let (scheme, rest) = split_scheme(input).ok_or(UrlError::Invalid("no scheme"))?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(UrlError::UnsupportedScheme(scheme));
        }
        let rest = rest.strip_prefix("//").ok_or(UrlError::Invalid("no host"))?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        Url::from_parts(scheme, authority, tail)
    }

    /// Builds a URL from a scheme, a raw authority and the path/query/fragment after it.
    fn from_parts(scheme: String, authority: &str, tail: &str) -> Result<Url, UrlError> {
        if !authority.is_ascii() {
            return Err(UrlError::Invalid("non-ASCII host names are not supported"));
        }
        if authority.bytes().any(|b| b <= b' ' || b"\"<>\\^`{|}".contains(&b)) {
            return Err(UrlError::Invalid("bad character in the host"));
        }
        let authority = authority.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
        let default_port = if scheme == "https" { 443 } else { 80 };
        let (host, port) = host_and_port(&authority, default_port)?;
        let without_fragment = tail.split('#').next().unwrap_or("");
        let path_query = if without_fragment.starts_with('/') {
            encode_request_target(without_fragment.as_bytes())
        } else {
            // "http://host?q" has an empty path, which means "/".
            format!("/{}", encode_request_target(without_fragment.as_bytes()))
        };
        Ok(Url { scheme, authority, host, port, path_query })
    }

    /// Resolves a `Location` header value (raw bytes) against this URL.
    pub fn join(&self, reference: &[u8]) -> Result<Url, UrlError> {
        let reference = encode_request_target(reference.trim_ascii());
        let reference = reference.as_str();
        if split_scheme(reference).is_some() {
            return Url::parse(reference);
        }
        if let Some(rest) = reference.strip_prefix("//") {
            let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            let (authority, tail) = rest.split_at(end);
            return Url::from_parts(self.scheme.clone(), authority, tail);
        }
        let reference = reference.split('#').next().unwrap_or("");
        let (base_path, base_query) = split_query(&self.path_query);
        let (ref_path, ref_query) = split_query(reference);
        let (path, query) = if ref_path.is_empty() {
            (base_path.to_string(), ref_query.or(base_query))
        } else if ref_path.starts_with('/') {
            (remove_dot_segments(ref_path), ref_query)
        } else {
            // Merge: the base path up to its last '/', then the reference.
            let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
            (remove_dot_segments(&format!("{dir}{ref_path}")), ref_query)
        };
        let path = if path.starts_with('/') { path } else { format!("/{path}") };
        let path_query = match query {
            Some(q) => format!("{path}?{q}"),
            None => path,
        };
        Ok(Url { path_query, ..self.clone() })
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority, self.path_query)
    }
}

/// Splits `scheme:rest` when the text before the first ':' is a valid scheme
/// (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`).
fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))).then_some((scheme, rest))
}

/// The host (without brackets or a trailing dot) and port of `host[:port]`.
fn host_and_port(authority: &str, default_port: u16) -> Result<(String, u16), UrlError> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (host, rest) = v6.split_once(']').ok_or(UrlError::Invalid("unclosed '[' in the host"))?;
        (host, rest.strip_prefix(':'))
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None | Some("") => default_port,
        Some(p) => p.parse().map_err(|_| UrlError::Invalid("bad port"))?,
    };
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() {
        return Err(UrlError::Invalid("no host"));
    }
    Ok((host.to_string(), port))
}

/// Splits off `?query` (without the `?`).
fn split_query(s: &str) -> (&str, Option<&str>) {
    match s.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (s, None),
    }
}

/// RFC 3986 §5.2.4: removes `.` and `..` segments.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." | ".." => {
                if *seg == ".." && out.len() > 1 {
                    out.pop();
                }
                // A trailing "." or ".." leaves the path ending in '/'.
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') { format!("/{joined}") } else { joined }
}

/// Percent-encodes every byte a request target may not hold: controls, space, non-ASCII and
/// `"<>\^`{|}`. Existing `%XX` escapes are kept as they are.
pub(crate) fn encode_request_target(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        if b <= b' ' || b >= 0x7f || b"\"<>\\^`{|}".contains(&b) {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(char::from(b));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(base: &str, reference: &str) -> String {
        Url::parse(base).unwrap().join(reference.as_bytes()).unwrap().to_string()
    }

    #[test]
    fn parses_parts() {
        let u = Url::parse("  HTTPS://User@Example.COM.:8443/a b/é?q=1#frag ").unwrap();
        assert_eq!(u.scheme, "https");
        assert_eq!(u.host, "example.com");
        assert_eq!(u.port, 8443);
        assert_eq!(u.authority, "example.com.:8443");
        assert_eq!(u.path_query, "/a%20b/%C3%A9?q=1");
        assert_eq!(Url::parse("http://h?x").unwrap().path_query, "/?x");
        assert_eq!(Url::parse("http://[::1]:81/").unwrap().host, "::1");
        assert_eq!(Url::parse("http://[::1]:81/").unwrap().port, 81);
        assert_eq!(Url::parse("http://[::1]/").unwrap().port, 80);
        assert_eq!(Url::parse("https://h/").unwrap().port, 443);
        assert!(Url::parse("http://h:99999/").is_err());
    }

    #[test]
    fn refuses_what_it_cannot_fetch() {
        assert_eq!(Url::parse("ftp://h/x"), Err(UrlError::UnsupportedScheme("ftp".into())));
        assert_eq!(Url::parse("FTP://h/x").unwrap_err().to_string(), "unsupported URL scheme ftp");
        assert!(Url::parse("example.com/x").is_err());
        assert!(Url::parse("http:///x").is_err());
        assert!(Url::parse("http://bücher.example/").is_err());
    }

    /// The normal examples of RFC 3986 §5.4.1 (base "http://a/b/c/d;p?q").
    #[test]
    fn resolves_rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q"),
            ("g#s", "http://a/b/c/g"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("g..", "http://a/b/c/g.."),
            ("./g/.", "http://a/b/c/g/"),
            ("g/../h", "http://a/b/c/h"),
            ("https://other/x", "https://other/x"),
        ] {
            assert_eq!(join(base, reference), want, "reference {reference:?}");
        }
    }

    #[test]
    fn odd_references_never_panic() {
        let base = Url::parse("http://a/b/c?q").unwrap();
        let pieces = ["/", "..", ".", "?", "#", "//", "[", "]", ":", "@", "é", "%", "x", "http:", "https://", " "];
        let mut seed = 7u32;
        for _ in 0..5000 {
            let mut reference = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                reference.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            if let Ok(u) = base.join(reference.as_bytes()) {
                assert!(u.path_query.starts_with('/'), "{reference:?} -> {u}");
            }
        }
    }

    #[test]
    fn encodes_raw_location_bytes() {
        let base = Url::parse("http://a/b").unwrap();
        assert_eq!(base.join("/caf\u{e9} x".as_bytes()).unwrap().path_query, "/caf%C3%A9%20x");
        assert_eq!(base.join(b"/l\xe9").unwrap().path_query, "/l%E9");
    }
}
