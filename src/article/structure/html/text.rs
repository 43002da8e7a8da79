//! Whitespace and small text helpers shared by the reader.

use crate::article::structure::html::content::classify::is_skipped;
use crate::article::structure::html::dom::{Dom, NodeId};

/// Whitespace for collapsing: ASCII/Unicode whitespace, NBSP included, and the
/// zero-width space family that pages use as padding.
#[inline]
pub fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}'
}

/// Collapse runs of whitespace to single spaces and trim.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_ws(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Bytes of `s` that are not ASCII whitespace: a cheap text-length measure for scoring.
#[inline]
pub fn weight(s: &str) -> u32 {
    s.bytes().filter(|b| !b.is_ascii_whitespace()).count() as u32
}

/// Commas (Latin and CJK) in `s`: Readability's sign of running prose.
#[inline]
pub fn commas(s: &str) -> u32 {
    let mut n = memchr::memchr_iter(b',', s.as_bytes()).count() as u32;
    if !s.is_ascii() {
        n += s.chars().filter(|&c| matches!(c, '，' | '、' | '،')).count() as u32;
    }
    n
}

/// Normalise a string for loose comparison: lowercase, alphanumerics only, single spaces.
pub fn loose(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if pending && !out.is_empty() {
                out.push(' ');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// The text a reader sees under `root`, whitespace collapsed: hidden and unread elements
/// (scripts, form labels, ruby readings) left out. Reading stops once `limit` bytes are
/// collected.
pub fn visible(dom: &Dom, root: NodeId, limit: usize) -> String {
    collapse(&raw_parts(dom, root, limit).concat())
}

/// [`visible`] in parts: a new part at a line break and wherever an element starts right
/// after another one ends (`<a>Jane Doe</a><a>More Articles</a>`, `<span>Jane
/// Doe</span><time>…`), each collapsed; parts that are only whitespace are left out.
pub fn visible_parts(dom: &Dom, root: NodeId, limit: usize) -> Vec<String> {
    raw_parts(dom, root, limit).iter().map(|p| collapse(p)).filter(|p| !p.is_empty()).collect()
}

fn raw_parts(dom: &Dom, root: NodeId, limit: usize) -> Vec<String> {
    let mut parts: Vec<String> = vec![String::new()];
    let mut len = 0;
    let mut it = dom.descendants(root);
    while let Some(d) = it.next() {
        if dom.element(d).is_some() {
            if is_skipped(dom, d) {
                it.skip_children_of(d);
            } else if parts.last().is_some_and(|p| !p.trim().is_empty()) && starts_part(dom, d) {
                parts.push(String::new());
            }
        } else if let Some(t) = dom.text(d) {
            len += t.len();
            if let Some(p) = parts.last_mut() {
                p.push_str(t);
            }
            if len >= limit {
                break;
            }
        }
    }
    parts
}

/// Whether element `d` starts a part of its own: a line break does, and so does an element
/// right after another one, with at most the page's indentation between them (`<b>Jane
/// Doe</b>⏎    <br/>March 25, 2015`).
fn starts_part(dom: &Dom, d: NodeId) -> bool {
    if dom.tag(d).is_some_and(|t| &**t == "br") {
        return true;
    }
    let mut prev = dom.node(d).prev;
    if dom.text(prev).is_some_and(|t| t.trim().is_empty()) {
        prev = dom.node(prev).prev;
    }
    dom.element(prev).is_some()
}

/// Character references still in a value after the parser's one decoding: a meta tag's
/// content encoded twice (`isn&amp;#8217;t`), or any string of JSON-LD, which is not HTML
/// (`"headline": "Club fined &#8364;12m"`). Numeric references and the common named ones
/// are decoded, twice at most (a page that encoded three times is rare); an unknown or
/// invalid reference is left as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let once = decode_once(s);
    if once.contains('&') { decode_once(&once) } else { once }
}

/// One pass of [`decode_entities`]: what a value escaped once needs (a feed's title).
pub(crate) fn decode_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // A reference is short: "&#x1F600;" or "&hellip;".
        let end = rest.char_indices().take(12).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|e| reference(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names ("#8217", "#x20AC", "amp").
fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    NAMED_ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Named references seen left encoded in metadata: markup's own and typography's.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("middot", '·'),
    ("bull", '•'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
];

#[cfg(test)]
mod tests {
    use super::decode_entities;

    #[test]
    fn references_left_in_a_value_are_decoded() {
        assert_eq!(decode_entities("isn&#8217;t"), "isn’t");
        assert_eq!(decode_entities("&#x20AC;12m &amp; more"), "€12m & more");
        assert_eq!(decode_entities("Q&amp;amp;A"), "Q&A");
        assert_eq!(decode_entities("AT&T and &unknown; and & alone &#0;"), "AT&T and &unknown; and & alone &#0;");
        assert_eq!(decode_entities("&#99999999999;"), "&#99999999999;");
    }
}
