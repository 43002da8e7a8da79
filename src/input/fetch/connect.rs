//! The ureq agent folio uses, and the two pieces ureq lacks.
//!
//! 1. **Plain-HTTP proxying.** ureq sends every request through an HTTP proxy as a `CONNECT`
//!    tunnel, `http://` targets included. Many proxies (Squid's default configuration among
//!    them) only allow `CONNECT` to port 443, and a forward proxy expects `GET http://host/path`.
//!    [`ForwardProxyConnector`] opens the connection to the proxy itself and rewrites each
//!    request line to that absolute form (adding `Proxy-Authorization` when the proxy URL has
//!    credentials). `https://` targets still use ureq's `CONNECT`.
//! 2. **Resolution errors.** ureq's resolver returns the bare `io::Error` of
//!    `getaddrinfo`, which does not say which host failed; [`NamingResolver`] says so, and
//!    answers names under `.invalid` at once without asking DNS (RFC 6761 §6.4).
//!
//! These use ureq's `unversioned` transport API, which is exempt from semver: the crate pins
//! ureq to a 3.5 minor version for that reason.

use std::fmt;

use base64::Engine;
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{
    Buffers, ConnectProxyConnector, ConnectionDetails, Connector, Either, NextTimeout, RustlsConnector, SocksConnector,
    TcpConnector, Transport,
};
use ureq::{Agent, ProxyProtocol};

/// Builds an agent from `config` (which must not set a proxy: each request sets its own).
pub(crate) fn agent(config: Config) -> Agent {
    let connector =
        ().chain(SocksConnector::default())
            .chain(ForwardProxyConnector { direct: config.clone() })
            .chain(ConnectProxyConnector::default())
            .chain(TcpConnector::default())
            .chain(RustlsConnector::default());
    Agent::with_parts(config, connector, NamingResolver(DefaultResolver::default()))
}

/// A host name that could not be resolved (carried through ureq as `Error::Other`).
#[derive(Debug)]
pub(crate) struct ResolveError {
    pub host: String,
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not resolve host {}", self.host)
    }
}

impl std::error::Error for ResolveError {}

/// ureq's resolver, with failures that name the host.
#[derive(Debug)]
pub(crate) struct NamingResolver<R>(pub R);

impl<R: Resolver> Resolver for NamingResolver<R> {
    fn resolve(&self, uri: &Uri, config: &Config, timeout: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default().trim_end_matches('.').to_ascii_lowercase();
        let failed = || ureq::Error::Other(Box::new(ResolveError { host: host.clone() }));
        if host == "invalid" || host.ends_with(".invalid") {
            return Err(failed());
        }
        match self.0.resolve(uri, config, timeout) {
            Err(ureq::Error::Io(_) | ureq::Error::HostNotFound) => Err(failed()),
            other => other,
        }
    }
}

/// Connects `http://` requests that have an HTTP(S) proxy to that proxy, for absolute-form
/// requests (see the module documentation). Anything else passes through untouched.
#[derive(Debug)]
pub(crate) struct ForwardProxyConnector {
    /// The agent's configuration, without a proxy: used for the connection to the proxy.
    direct: Config,
}

impl<In: Transport> Connector<In> for ForwardProxyConnector {
    type Out = Either<In, Box<dyn Transport>>;

    fn connect(&self, details: &ConnectionDetails, chained: Option<In>) -> Result<Option<Self::Out>, ureq::Error> {
        if let Some(transport) = chained {
            return Ok(Some(Either::A(transport)));
        }
        let Some(proxy) = details.config.proxy() else { return Ok(None) };
        let http_proxy = matches!(proxy.protocol(), ProxyProtocol::Http | ProxyProtocol::Https);
        if !http_proxy || details.uri.scheme_str() != Some("http") {
            return Ok(None);
        }
        let authority = details.uri.authority().map(|a| a.as_str()).ok_or(ureq::Error::ConnectionFailed)?;
        let proxy_uri = proxy.uri();
        let addrs = details.resolver.resolve(proxy_uri, &self.direct, details.timeout)?;
        // The same steps ureq's ConnectProxyConnector takes to reach its proxy.
        let proxy_details = ConnectionDetails {
            uri: proxy_uri,
            addrs,
            config: &self.direct,
            request_level: details.request_level,
            resolver: details.resolver,
            now: details.now,
            timeout: details.timeout,
            current_time: details.current_time.clone(),
            run_connector: details.run_connector.clone(),
            register_shutdown: details.register_shutdown.clone(),
        };
        let inner = (details.run_connector)(&proxy_details)?;
        let authorization = (proxy.username().is_some() || proxy.password().is_some()).then(|| {
            let credentials = format!("{}:{}", proxy.username().unwrap_or(""), proxy.password().unwrap_or(""));
            let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
            format!("Proxy-Authorization: Basic {encoded}\r\n").into_bytes()
        });
        let transport = AbsoluteForm { inner, prefix: format!("http://{authority}").into_bytes(), authorization };
        Ok(Some(Either::B(Box::new(transport))))
    }
}

/// A connection to a forward proxy: request lines go out as `GET http://host:port/path`.
#[derive(Debug)]
struct AbsoluteForm {
    inner: Box<dyn Transport>,
    /// `http://host[:port]`, inserted before the origin-form target.
    prefix: Vec<u8>,
    /// A `Proxy-Authorization` header line, inserted after the request line.
    authorization: Option<Vec<u8>>,
}

impl Transport for AbsoluteForm {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        let output = self.inner.buffers().output();
        let amount = rewrite_request_line(output, amount, &self.prefix, self.authorization.as_deref())?;
        self.inner.transmit_output(amount, timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.inner.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }
}

/// When `buf[..amount]` starts with an origin-form request line (`GET /x HTTP/1.1`), rewrites
/// it in place to absolute form and inserts `extra_header` after it; returns the new amount.
/// Other output (there is none for folio's bodiless GETs) is left alone.
///
/// ureq writes a whole request head into the output buffer and transmits it in one call,
/// so a request line is always at the start of a transmission.
fn rewrite_request_line(
    buf: &mut [u8],
    amount: usize,
    prefix: &[u8],
    extra_header: Option<&[u8]>,
) -> Result<usize, ureq::Error> {
    let data = &buf[..amount];
    let Some(space) = data.iter().take(16).position(|&b| b == b' ') else { return Ok(amount) };
    let is_request_line =
        space > 0 && data[..space].iter().all(u8::is_ascii_uppercase) && data.get(space + 1) == Some(&b'/');
    let Some(line_end) = data.windows(2).position(|w| w == b"\r\n").map(|p| p + 2) else { return Ok(amount) };
    if !is_request_line || line_end <= space {
        return Ok(amount);
    }
    let extra = extra_header.unwrap_or_default();
    let mut head = Vec::with_capacity(amount + prefix.len() + extra.len());
    head.extend_from_slice(&data[..=space]);
    head.extend_from_slice(prefix);
    head.extend_from_slice(&data[space + 1..line_end]);
    head.extend_from_slice(extra);
    head.extend_from_slice(&data[line_end..]);
    let too_long = || ureq::Error::Io(std::io::Error::other("request head too long to rewrite for the proxy"));
    let target = buf.get_mut(..head.len()).ok_or_else(too_long)?;
    target.copy_from_slice(&head);
    Ok(head.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A resolver that fails the way `getaddrinfo` does through ureq: an `io::Error`.
    #[derive(Debug)]
    struct Failing;

    impl Resolver for Failing {
        fn resolve(&self, _: &Uri, _: &Config, _: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
            Err(ureq::Error::Io(std::io::Error::other("failed to lookup address information")))
        }
    }

    #[test]
    fn resolution_failures_name_the_host() {
        let config = Config::default();
        let uri: Uri = "http://News.Example.COM./a".parse().unwrap();
        match NamingResolver(Failing).resolve(&uri, &config, NextTimeout::default()) {
            Err(ureq::Error::Other(e)) => assert_eq!(e.to_string(), "could not resolve host news.example.com"),
            other => panic!("{other:?}"),
        }
    }

    fn rewrite(input: &[u8], extra: Option<&[u8]>) -> Vec<u8> {
        let mut buf = vec![0u8; 256];
        buf[..input.len()].copy_from_slice(input);
        let n = rewrite_request_line(&mut buf, input.len(), b"http://h:81", extra).unwrap();
        buf.truncate(n);
        buf
    }

    #[test]
    fn request_lines_become_absolute() {
        assert_eq!(
            rewrite(b"GET /a?b HTTP/1.1\r\nHost: h:81\r\n\r\n", None),
            b"GET http://h:81/a?b HTTP/1.1\r\nHost: h:81\r\n\r\n"
        );
        assert_eq!(
            rewrite(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n", Some(b"Proxy-Authorization: Basic eDp5\r\n")),
            b"GET http://h:81/ HTTP/1.1\r\nProxy-Authorization: Basic eDp5\r\nHost: h\r\n\r\n"
        );
    }

    #[test]
    fn other_output_is_untouched() {
        for other in [b"hello world\r\n".as_slice(), b"GET http://x/ HTTP/1.1\r\n", b"", b"GET /no-line-end"] {
            assert_eq!(rewrite(other, None), other);
        }
    }

    #[test]
    fn a_full_buffer_is_an_error_not_a_panic() {
        let mut buf = b"GET / HTTP/1.1\r\n".to_vec();
        let n = buf.len();
        assert!(rewrite_request_line(&mut buf, n, b"http://h", None).is_err());
    }
}
