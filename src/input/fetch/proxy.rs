//! Which proxy, if any, a request goes through: the conventional environment variables.
//!
//! * `http_proxy` / `HTTP_PROXY` for `http://` URLs, `https_proxy` / `HTTPS_PROXY` for
//!   `https://` URLs, `all_proxy` / `ALL_PROXY` for either when its own is unset. The lower-case
//!   name wins when both are set (as in curl and Python); an empty value counts as unset.
//! * `no_proxy` / `NO_PROXY`: a comma (or space) separated list of host names, domain suffixes
//!   (`example.com` and `.example.com` both cover `example.com` and its subdomains; `*.x.com`
//!   is read as `.x.com`), IP addresses, CIDR ranges (`10.0.0.0/8`), or `*` for everything.
//!   A `:port` on an entry is ignored. Loopback is not exempt unless listed (curl's rule).
//!
//! ureq reads these itself (`Proxy::try_from_env`), but takes the first of `ALL_PROXY`,
//! `HTTPS_PROXY`, `HTTP_PROXY` for every URL whatever its scheme, so folio chooses per URL
//! here and hands ureq the one proxy that applies.

use std::net::IpAddr;

/// Proxy settings, usually read from the environment by [`Proxy::from_env`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proxy {
    http: Option<Setting>,
    https: Option<Setting>,
    all: Option<Setting>,
    no_proxy: Vec<NoProxy>,
}

/// A proxy URL and the variable it came from (for error messages: the value may hold a password).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Setting {
    var: &'static str,
    url: String,
}

/// One `NO_PROXY` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NoProxy {
    All,
    /// A host name or domain suffix, lower case, without leading dots.
    Domain(String),
    Ip(IpAddr),
    Cidr(IpAddr, u8),
}

impl Proxy {
    /// No proxy at all, whatever the environment says.
    pub fn none() -> Proxy {
        Proxy::default()
    }

    /// Reads the process environment.
    pub fn from_env() -> Proxy {
        Proxy::from_getter(|name| std::env::var(name).ok())
    }

    /// Reads the variables through `get` (so tests need not touch the process environment).
    pub fn from_getter(get: impl Fn(&str) -> Option<String>) -> Proxy {
        let read = |lower: &'static str, upper: &'static str| {
            [lower, upper].into_iter().find_map(|var| {
                let url = get(var)?.trim().to_string();
                (!url.is_empty()).then_some(Setting { var, url })
            })
        };
        let no_proxy = read("no_proxy", "NO_PROXY").map(|s| parse_no_proxy(&s.url)).unwrap_or_default();
        Proxy {
            http: read("http_proxy", "HTTP_PROXY"),
            https: read("https_proxy", "HTTPS_PROXY"),
            all: read("all_proxy", "ALL_PROXY"),
            no_proxy,
        }
    }

    /// The proxy URL for a request to `host` over `scheme` (`http` or `https`), if any.
    pub fn proxy_for(&self, scheme: &str, host: &str) -> Option<&str> {
        self.setting_for(scheme, host).map(|(_, url)| url)
    }

    /// Like [`Proxy::proxy_for`], with the name of the variable the URL came from.
    pub(crate) fn setting_for(&self, scheme: &str, host: &str) -> Option<(&'static str, &str)> {
        let own = match scheme {
            "https" => self.https.as_ref(),
            "http" => self.http.as_ref(),
            _ => None,
        };
        let setting = own.or(self.all.as_ref())?;
        (!self.bypasses(host)).then_some((setting.var, setting.url.as_str()))
    }

    /// True when `NO_PROXY` says to reach `host` directly.
    pub fn bypasses(&self, host: &str) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']').trim_end_matches('.').to_ascii_lowercase();
        let ip = host.parse::<IpAddr>().ok();
        self.no_proxy.iter().any(|entry| match (entry, ip) {
            (NoProxy::All, _) => true,
            (NoProxy::Ip(want), Some(ip)) => *want == ip,
            (NoProxy::Cidr(net, bits), Some(ip)) => in_cidr(ip, *net, *bits),
            (NoProxy::Domain(d), None) => host == *d || host.strip_suffix(d.as_str()).is_some_and(|h| h.ends_with('.')),
            _ => false,
        })
    }
}

fn parse_no_proxy(value: &str) -> Vec<NoProxy> {
    value.split([',', ' ', '\t']).filter_map(parse_entry).collect()
}

fn parse_entry(entry: &str) -> Option<NoProxy> {
    let entry = entry.trim().to_ascii_lowercase();
    if entry.is_empty() {
        return None;
    }
    if entry == "*" {
        return Some(NoProxy::All);
    }
    if let Some((net, bits)) = entry.split_once('/') {
        let net: IpAddr = net.trim_start_matches('[').trim_end_matches(']').parse().ok()?;
        let max = if net.is_ipv4() { 32 } else { 128 };
        let bits = bits.parse::<u8>().ok().filter(|&b| b <= max)?;
        return Some(NoProxy::Cidr(net, bits));
    }
    // "[::1]:8080", "[::1]", "::1", "10.1.2.3:80", "host:80".
    let host = if let Some(v6) = entry.strip_prefix('[') {
        v6.split(']').next().unwrap_or(v6)
    } else if entry.parse::<IpAddr>().is_ok() {
        entry.as_str()
    } else {
        entry.split(':').next().unwrap_or(&entry)
    };
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Some(NoProxy::Ip(ip));
    }
    let domain = host.trim_start_matches('*').trim_start_matches('.').trim_end_matches('.');
    (!domain.is_empty()).then(|| NoProxy::Domain(domain.to_string()))
}

fn in_cidr(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    let (ip, net, width) = match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => (u128::from(u32::from(a)), u128::from(u32::from(b)), 32),
        (IpAddr::V6(a), IpAddr::V6(b)) => (u128::from(a), u128::from(b), 128),
        _ => return false,
    };
    let shift = width - u32::from(bits);
    shift >= width || (ip >> shift) == (net >> shift)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> Proxy {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Proxy::from_getter(|k| map.get(k).cloned())
    }

    #[test]
    fn each_scheme_has_its_own_variable() {
        let p = env(&[("HTTP_PROXY", "http://plain:3128"), ("HTTPS_PROXY", "http://secure:3128")]);
        assert_eq!(p.proxy_for("http", "example.com"), Some("http://plain:3128"));
        assert_eq!(p.proxy_for("https", "example.com"), Some("http://secure:3128"));
        let p = env(&[("HTTP_PROXY", "http://plain:3128")]);
        assert_eq!(p.proxy_for("https", "example.com"), None);
    }

    #[test]
    fn all_proxy_fills_the_gaps_and_lower_case_wins() {
        let p = env(&[
            ("ALL_PROXY", "socks5h://s:1080"),
            ("https_proxy", "http://lower:1"),
            ("HTTPS_PROXY", "http://UPPER:1"),
        ]);
        assert_eq!(p.proxy_for("http", "example.com"), Some("socks5h://s:1080"));
        assert_eq!(p.setting_for("https", "example.com"), Some(("https_proxy", "http://lower:1")));
        let p = env(&[("http_proxy", " "), ("HTTP_PROXY", "http://upper:1")]);
        assert_eq!(p.proxy_for("http", "x"), Some("http://upper:1"));
        assert_eq!(env(&[]).proxy_for("http", "x"), None);
        assert_eq!(Proxy::none().proxy_for("http", "x"), None);
    }

    #[test]
    fn no_proxy_entries() {
        let p = env(&[
            ("HTTP_PROXY", "http://p:1"),
            ("NO_PROXY", "example.com, .internal,*.corp.net ,10.0.0.0/8,192.168.1.7, [::1]:80,fd00::/8,host.lan:8080"),
        ]);
        for direct in [
            "example.com",
            "www.example.com",
            "EXAMPLE.COM.",
            "a.internal",
            "internal",
            "x.corp.net",
            "10.20.30.40",
            "192.168.1.7",
            "::1",
            "[::1]",
            "fd12::1",
            "host.lan",
        ] {
            assert!(p.bypasses(direct), "{direct} should bypass");
            assert_eq!(p.proxy_for("http", direct), None);
        }
        for proxied in ["notexample.com", "example.com.evil.org", "11.0.0.1", "192.168.1.8", "::2", "lan"] {
            assert!(!p.bypasses(proxied), "{proxied} should use the proxy");
            assert_eq!(p.proxy_for("http", proxied), Some("http://p:1"));
        }
    }

    #[test]
    fn no_proxy_star_and_lower_case() {
        let p = env(&[("HTTP_PROXY", "http://p:1"), ("no_proxy", "*"), ("NO_PROXY", "other")]);
        assert!(p.bypasses("anything.at.all"));
        assert!(p.bypasses("127.0.0.1"));
        let p = env(&[("HTTP_PROXY", "http://p:1"), ("NO_PROXY", "bad/99,,  ,*.")]);
        assert!(!p.bypasses("example.com"));
    }

    #[test]
    fn cidr() {
        let net = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(in_cidr(net("10.1.2.3"), net("10.0.0.0"), 8));
        assert!(!in_cidr(net("11.1.2.3"), net("10.0.0.0"), 8));
        assert!(in_cidr(net("1.2.3.4"), net("0.0.0.0"), 0));
        assert!(in_cidr(net("1.2.3.4"), net("1.2.3.4"), 32));
        assert!(!in_cidr(net("1.2.3.4"), net("::"), 0));
    }
}
