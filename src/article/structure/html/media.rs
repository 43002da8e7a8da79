//! Images: the real source of lazy-loaded images, and what counts as a figure.

use crate::article::structure::html::dom::{Dom, NodeId};
use url::Url;

/// Whether a `src` is a placeholder rather than the image (data: URIs, 1x1 gifs, spacers).
fn placeholder(src: &str) -> bool {
    let s = src.trim().to_ascii_lowercase();
    s.is_empty()
        || s.starts_with("data:")
        || s.contains("placeholder")
        || s.contains("spacer")
        || s.contains("blank.gif")
        || s.contains("blank_")
        || s.contains("1x1")
        || s.contains("pixel.gif")
        || s.contains("lazy")
        || s.contains("transparent")
        || s.contains("grey.gif")
        || s.contains("loading")
        || s.ends_with(".svg")
}

/// The first URL of a `srcset` (candidates are "url descriptor, …"); the largest would
/// need the descriptors, but any real candidate beats a placeholder.
fn from_srcset(srcset: &str) -> Option<&str> {
    srcset
        .split(',')
        .filter_map(|c| c.split_ascii_whitespace().next())
        .find(|u| !u.is_empty() && !u.starts_with("data:"))
}

/// The source of `<img>` element `img`, looking through lazy-loading attributes.
pub fn img_src(dom: &Dom, img: NodeId, base: Option<&Url>) -> Option<String> {
    let e = dom.element(img)?;
    let src = e.attr("src").unwrap_or("");
    let mut pick: Option<&str> = if placeholder(src) { None } else { Some(src) };
    if pick.is_none() {
        for name in
            ["data-src", "data-lazy-src", "data-original", "data-url", "data-lazy", "data-hi-res-src", "data-full-src"]
        {
            if let Some(v) = e.attr(name).filter(|v| !placeholder(v)) {
                pick = Some(v);
                break;
            }
        }
    }
    if pick.is_none() {
        for name in ["srcset", "data-srcset", "data-lazy-srcset"] {
            if let Some(v) = e.attr(name).and_then(from_srcset) {
                pick = Some(v);
                break;
            }
        }
    }
    if pick.is_none() {
        // <picture><source srcset=…><img></picture>
        let parent = dom.node(img).parent;
        if dom.tag(parent).is_some_and(|t| &**t == "picture") {
            pick = dom
                .child_elements(parent)
                .filter(|&c| dom.tag(c).is_some_and(|t| &**t == "source"))
                .find_map(|c| dom.attr(c, "srcset").or(dom.attr(c, "data-srcset")))
                .and_then(from_srcset);
        }
    }
    // A placeholder src is still better than nothing when it is not a data: URI.
    let chosen = pick.or(Some(src).filter(|s| !s.trim().is_empty()))?;
    crate::article::structure::html::urls::image(base, chosen)
}

/// Whether an image is too small to be a figure (icons, avatars, tracking pixels).
pub fn is_tiny(dom: &Dom, img: NodeId) -> bool {
    let dim = |name: &str| dom.attr(img, name).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok());
    matches!(dim("width"), Some(w) if w < 100) || matches!(dim("height"), Some(h) if h < 60)
}
