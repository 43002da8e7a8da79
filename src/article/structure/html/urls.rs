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

/// An href as an absolute http(s)/mailto URL; anything else (javascript:, data:, …) gives
/// None. A page read from a file with no address of its own keeps a relative path as written,
/// so that the reader can open the file it names beside the page; an in-page fragment
/// (`#notes`) without a base goes nowhere and is dropped.
pub fn link(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    match (absolute(base, href), base) {
        (Some(u), _) => Some(u),
        (None, None) if is_relative_path(href) => Some(href.to_string()),
        _ => None,
    }
}

/// An href as an absolute http(s)/mailto URL, resolved against `base` (None for a relative
/// href without a base): what the page's own-site and external decisions look at.
pub fn absolute(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
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

/// A relative reference to another document: no scheme, no fragment-only anchor, no
/// path from the site's root (`/news/x`, `//host/x`: without the page's address there is
/// no site to start from), no control characters.
fn is_relative_path(href: &str) -> bool {
    !href.starts_with(['#', '?', '/', '\\'])
        && !href.chars().any(char::is_control)
        && matches!(Url::parse(href), Err(url::ParseError::RelativeUrlWithoutBase))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_an_address_keeps_its_relative_paths() {
        assert_eq!(link(None, "b.html").as_deref(), Some("b.html"));
        assert_eq!(link(None, " ../notes/c%20d.md#top ").as_deref(), Some("../notes/c%20d.md#top"));
        assert_eq!(link(None, "#footnote-1"), None, "an anchor in the page itself goes nowhere");
        assert_eq!(link(None, "//cdn.test/x"), None);
        assert_eq!(link(None, "/reports/bridge"), None, "from the root of a site folio does not know");
        assert_eq!(link(None, "javascript:alert(1)"), None);
        assert_eq!(absolute(None, "b.html"), None, "site decisions see absolute links only");
    }

    #[test]
    fn a_page_with_an_address_makes_its_links_absolute() {
        let base = base(Some("https://news.test/a/b.html"), None);
        assert_eq!(link(base.as_ref(), "c.html").as_deref(), Some("https://news.test/a/c.html"));
        assert_eq!(link(base.as_ref(), "#n1").as_deref(), Some("https://news.test/a/b.html#n1"));
        assert_eq!(link(base.as_ref(), "data:text/html,x"), None);
    }
}
