//! What is cut from a page before html5ever reads it, none of it ever read:
//!
//! - **Attributes past any page's need.** html5ever's tokenizer checks each attribute's
//!   name against every earlier one of the same tag (duplicates are dropped), so one tag
//!   of N attributes costs N²/2 comparisons: `<h1 a0=x … a399999=x>`, 3.9 MB, took 61 s.
//!   Past [`MAX_ATTRIBUTES`] a tag keeps its first ones and loses the rest, as if they had
//!   not been written.
//! - **The bodies of scripts of code and of style sheets.** The tokenizer walks a raw-text
//!   body a character at a time, and on news pages they are most of the bytes (62% of the
//!   61 zyte-dev pages: style sheets 38%, code 24%). The tags stay, empty; a JSON-LD or a
//!   template script keeps its body (the metadata and the noscript reader read them).
//!
//! Every other byte reaches the parser as it was, and a page with neither is not copied.

use memchr::{memchr, memchr3, memmem};
use std::borrow::Cow;

/// Attributes kept on one tag. Real elements carry a few dozen at most (a framework's
/// data- and aria- attributes included); the quadratic check then costs at most
/// N·64/2 comparisons for a page of N bytes of such tags.
pub const MAX_ATTRIBUTES: usize = 128;

/// Elements whose content the tokenizer reads as text up to their end tag: a `<` inside
/// them starts no tag.
const RAW_TEXT: [&[u8]; 9] =
    [b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes", b"noscript"];

/// `html` with every tag's attributes past the first [`MAX_ATTRIBUTES`] dropped, and the
/// bodies of `<style>` and of scripts of code left out.
pub fn prune(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &b[i..]) {
        let at = i + lt;
        let next = b.get(at + 1).copied().unwrap_or(0);
        let (name_start, end_tag) = match next {
            b'!' if b[at..].starts_with(b"<!--") => {
                i = memmem::find(&b[at + 4..], b"-->").map_or(b.len(), |p| at + 4 + p + 3);
                continue;
            }
            b'!' | b'?' => {
                i = memchr(b'>', &b[at..]).map_or(b.len(), |p| at + p + 1);
                continue;
            }
            b'/' if b.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => (at + 2, true),
            c if c.is_ascii_alphabetic() => (at + 1, false),
            _ => {
                i = at + 1;
                continue;
            }
        };
        let name_end = b[name_start..]
            .iter()
            .position(|&c| is_space(c) || c == b'/' || c == b'>')
            .map_or(b.len(), |p| name_start + p);
        let end = tag_end(b, name_end);
        // A tag too short to hold that many attributes (each takes two bytes at least)
        // needs no count: almost every tag.
        if end - at > 2 * MAX_ATTRIBUTES
            && let Some(cut) = past_the_limit(b, name_end, end)
        {
            out.push_str(html[copied..cut].trim_end());
            let self_closing = end >= 2 && b[end - 1] == b'>' && b[end - 2] == b'/';
            if b.get(end - 1) == Some(&b'>') {
                out.push_str(if self_closing { "/>" } else { ">" });
            }
            copied = end;
        }
        i = end;
        let name = &b[name_start..name_end];
        if name.eq_ignore_ascii_case(b"plaintext") && !end_tag {
            break; // the rest of the page is text
        }
        if !end_tag && RAW_TEXT.iter().any(|r| name.eq_ignore_ascii_case(r)) {
            i = raw_text_end(b, end, name);
            // A script's code and a style sheet's rules: nothing reads them, and the
            // tokenizer would walk them a character at a time (most of many pages' bytes).
            let body_end = if i < b.len() { i - 2 } else { b.len() };
            if body_end > end && unread_body(b, name, name_end, end) {
                out.push_str(&html[copied..end]);
                copied = body_end;
            }
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// A `<style>`, or a `<script>` of code (no type, or a JavaScript one): its body is never
/// read (a JSON-LD or template script's is).
fn unread_body(b: &[u8], name: &[u8], from: usize, end: usize) -> bool {
    if name.eq_ignore_ascii_case(b"style") {
        return true;
    }
    if !name.eq_ignore_ascii_case(b"script") {
        return false;
    }
    match attribute(b, from, end, b"type") {
        None => true,
        Some(t) => {
            let t = t.trim_ascii();
            t.is_empty()
                || [
                    &b"module"[..],
                    b"text/javascript",
                    b"application/javascript",
                    b"text/ecmascript",
                    b"application/ecmascript",
                ]
                .iter()
                .any(|js| t.eq_ignore_ascii_case(js))
        }
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Where a tag whose name ends at `from` ends (just past its `>`, or the end of the
/// page): a `>` inside a quoted value does not end it.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(p) = memchr3(b'>', b'"', b'\'', &b[i..]) {
        let at = i + p;
        if b[at] == b'>' {
            return at + 1;
        }
        // A quote opens a value only right after `=` (spaces between allowed).
        let before = b[from..at].iter().rposition(|&c| !is_space(c)).map(|q| b[from + q]);
        if before == Some(b'=') {
            match memchr(b[at], &b[at + 1..]) {
                Some(q) => i = at + 1 + q + 1,
                None => return b.len(),
            }
        } else {
            i = at + 1;
        }
    }
    b.len()
}

/// Where the attribute past the limit starts in the tag `from..end`, if the tag has that
/// many.
fn past_the_limit(b: &[u8], from: usize, end: usize) -> Option<usize> {
    let mut count = 0;
    attributes(b, from, end, |at, _, _| {
        count += 1;
        (count > MAX_ATTRIBUTES).then_some(at)
    })
}

/// The value of the tag's first attribute `name` (in any case), quotes off.
fn attribute<'a>(b: &'a [u8], from: usize, end: usize, name: &[u8]) -> Option<&'a [u8]> {
    attributes(b, from, end, |_, n, v| n.eq_ignore_ascii_case(name).then_some(v))
}

/// Calls `each` with every attribute of the tag `from..end` (where it starts, its name,
/// its value) until it answers: the tokenizer's attribute states, on bytes.
fn attributes<'a, T>(
    b: &'a [u8],
    from: usize,
    end: usize,
    mut each: impl FnMut(usize, &'a [u8], &'a [u8]) -> Option<T>,
) -> Option<T> {
    let mut i = from;
    while i < end {
        let c = b[i];
        if is_space(c) || c == b'/' {
            i += 1;
            continue;
        }
        if c == b'>' {
            return None;
        }
        // An attribute's name ('=' may open one)…
        let start = i;
        i += 1;
        while i < end && !(is_space(b[i]) || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        let name = &b[start..i];
        while i < end && is_space(b[i]) {
            i += 1;
        }
        if i >= end || b[i] != b'=' {
            if let Some(t) = each(start, name, &[]) {
                return Some(t);
            }
            continue;
        }
        // … and its value.
        i += 1;
        while i < end && is_space(b[i]) {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) if i < end => match memchr(q, &b[i + 1..end]) {
                Some(p) => {
                    let v = &b[i + 1..i + 1 + p];
                    i += p + 2;
                    v
                }
                None => {
                    let v = &b[i + 1..end];
                    i = end;
                    v
                }
            },
            _ => {
                let v0 = i;
                while i < end && !(is_space(b[i]) || b[i] == b'>') {
                    i += 1;
                }
                &b[v0..i]
            }
        };
        if let Some(t) = each(start, name, value) {
            return Some(t);
        }
    }
    None
}

/// Just past the end tag of the raw-text element `name` whose content starts at `from`.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = memmem::find(&b[i..], b"</") {
        let at = i + p + 2;
        if b.get(at..at + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return at;
        }
        i = at;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn many(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=x")).collect()
    }

    #[test]
    fn a_tag_keeps_its_first_attributes_and_the_page_the_rest() {
        let html = format!("<p>Before.</p><h1 class=\"t\"{}>Title</h1><p>After.</p>", many(1000));
        let pruned = prune(&html);
        assert!(pruned.contains(&format!("<h1 class=\"t\"{}>Title</h1>", many(MAX_ATTRIBUTES - 1))));
        assert!(!pruned.contains(&format!(" a{}=x", MAX_ATTRIBUTES - 1)));
        assert!(pruned.starts_with("<p>Before.</p>") && pruned.ends_with("<p>After.</p>"));
        // Self-closing stays so, and end tags are capped too.
        let html = format!("<img{}/><br></b{}>", many(500), many(500));
        assert_eq!(prune(&html), format!("<img{}/><br></b{}>", many(MAX_ATTRIBUTES), many(MAX_ATTRIBUTES)));
    }

    #[test]
    fn ordinary_pages_are_not_copied() {
        let html = format!(
            "<html><head><title>a<b {} c</title><script type=\"application/ld+json\">{{\"a\": \"<b{}\"}}</script></head><body><p title=\"x > y{}\">Text</p><!-- <a{}> --></body></html>",
            many(300),
            many(300),
            many(300),
            many(300)
        );
        assert!(
            matches!(prune(&html), Cow::Borrowed(_)),
            "inside titles, data scripts, values and comments nothing is a tag"
        );
        let html = "<p>".repeat(1000) + &"<a href=\"/x\" class=\"y\">".repeat(100);
        assert!(matches!(prune(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn code_and_style_sheets_are_left_out_data_and_templates_kept() {
        let page = concat!(
            "<head><style>p { color: red } /* <p>not text</p> */</style>",
            "<script>var s = '<p>Hidden</p>'; if (a < b) {}</script>",
            "<script type=\"Text/JavaScript\">x()</script><script type=module>y()</script>",
            "<script type='application/ld+json'>{\"headline\": \"Harbour fees rise\"}</script>",
            "<script type=\"text/template\"><p>The story</p></script>",
            "<script src=\"app.js\"></script></head><body><p>Text.</p></body>"
        );
        assert_eq!(
            prune(page),
            concat!(
                "<head><style></style><script></script>",
                "<script type=\"Text/JavaScript\"></script><script type=module></script>",
                "<script type='application/ld+json'>{\"headline\": \"Harbour fees rise\"}</script>",
                "<script type=\"text/template\"><p>The story</p></script>",
                "<script src=\"app.js\"></script></head><body><p>Text.</p></body>"
            )
        );
        // A script the page never closes runs to its end, as the tokenizer reads it.
        assert_eq!(prune("<p>A</p><script>var x = '</p>"), "<p>A</p><script>");
        // An empty script costs nothing: the page is not copied.
        assert!(matches!(prune("<script src=\"a.js\"></script><p>B</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_values_and_unfinished_tags() {
        let html = format!("<p{} b=\"x>y\">T", many(200));
        assert_eq!(prune(&html), format!("<p{}>T", many(MAX_ATTRIBUTES)));
        // A tag the page never ends is cut where the limit falls; the parser drops it as
        // it would have.
        let html = format!("<p>T<i{}", many(200));
        assert_eq!(prune(&html), format!("<p>T<i{}", many(MAX_ATTRIBUTES)));
    }
}
