//! Resolving hrefs and image sources against the page's base URL.

use url::Url;

/// The base for relative URLs: `<base href>` (itself resolved against the page URL), else
/// the page URL.
pub fn base(page: Option<&str>, base_href: Option<&str>) -> Option<Url> {
    let page = page.and_then(|u| Url::parse(u.trim()).ok());
    match base_href.map(str::trim).filter(|b| !b.is_empty()) {
        Some(b) => match &page {
            Some(p) => p.join(b).ok().or(Some(p.clone())),
            None => Url::parse(b).ok(),
        },
        None => page,
    }
}

/// An href as an absolute http(s)/mailto URL; anything else (javascript:, data:, fragments
/// without a base …) gives None.
pub fn link(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let u = match Url::parse(href) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    match u.scheme() {
        "http" | "https" | "mailto" => Some(u.into()),
        _ => None,
    }
}

/// An image source made absolute when possible (kept as written when there is no base);
/// `data:` URIs and other schemes give None.
pub fn image(base: Option<&Url>, src: &str) -> Option<String> {
    let src = src.trim();
    if src.is_empty() || src.starts_with("data:") {
        return None;
    }
    match Url::parse(src) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => Some(u.into()),
        Ok(_) => None,
        Err(url::ParseError::RelativeUrlWithoutBase) => match base {
            Some(b) => b.join(src).ok().map(Into::into),
            None => Some(src.to_string()),
        },
        Err(_) => None,
    }
}

/// The hosts of the given addresses, without "www." and each once: the page's own site.
pub fn site_hosts<'a>(addresses: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut hosts: Vec<String> = Vec::new();
    for a in addresses.into_iter().flatten() {
        if let Some(h) =
            Url::parse(a.trim()).ok().and_then(|u| u.host_str().map(|h| h.trim_start_matches("www.").to_string()))
            && !hosts.contains(&h)
        {
            hosts.push(h);
        }
    }
    hosts
}
