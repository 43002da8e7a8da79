//! What an input's bytes are, from its name and its first bytes: a page saved as one
//! file, a web page, or text (whose own content then tells JSON, Markdown and plain text
//! apart: `article::detect`). The reader and every batch mode ask the same question of the
//! same first bytes, so a file is never two formats.

use super::mhtml::looks_like_mhtml;

/// How far into the bytes the detector looks.
pub const SNIFF_BYTES: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A page saved as one file (`.mhtml`, `.mht`, or MIME headers with multipart/related).
    Mhtml,
    /// A web page (`.html`, `.htm`, `.xhtml`, or markup at the top).
    Html,
    /// A news feed: RSS (2.0 or 1.0), Atom or JSON Feed, by its root.
    Feed,
    Text,
}

/// What `bytes` (the first of them are enough) are, given the file's `name` if it has one.
pub fn sniff(name: Option<&str>, bytes: &[u8]) -> Sniffed {
    let ext = name.and_then(|n| n.rsplit_once('.')).map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("mhtml" | "mht") => return Sniffed::Mhtml,
        Some("html" | "htm" | "xhtml" | "shtml") => return Sniffed::Html,
        _ => {}
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if looks_like_mhtml(head) {
        return Sniffed::Mhtml;
    }
    if is_feed(head) {
        return Sniffed::Feed;
    }
    if markup_at_the_top(head) { Sniffed::Html } else { Sniffed::Text }
}

/// Whether the bytes begin a feed: XML whose first element is `<rss>`, `<feed>` (Atom) or
/// `<rdf:RDF>` (RSS 1.0), after the declaration, comments and processing instructions; or
/// a JSON object whose `version` names jsonfeed.org. Only the first [`SNIFF_BYTES`] are read.
pub fn is_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head).trim_ascii_start();
    if head.starts_with(b"{") {
        return memchr::memmem::find(head, b"jsonfeed.org/version").is_some();
    }
    let mut rest = head;
    // Skip the declaration, comments, processing instructions and a doctype.
    while let Some(after) = rest.strip_prefix(b"<") {
        let skip = match after.first() {
            Some(b'?') => memchr::memmem::find(after, b"?>").map(|i| i + 2),
            Some(b'!') if after.starts_with(b"!--") => memchr::memmem::find(after, b"-->").map(|i| i + 3),
            Some(b'!') => memchr::memchr(b'>', after).map(|i| i + 1),
            _ => {
                let name_end = after
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
                    .unwrap_or(after.len());
                let name = &after[..name_end];
                // A prefix is the document's choice (`<rdf:RDF>`, `<atom:feed>`).
                let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
                return local == b"rss" || local == b"feed" || local == b"RDF";
            }
        };
        let Some(skip) = skip else { return false };
        rest = after[skip..].trim_ascii_start();
    }
    false
}

/// A doctype, `<html>`, `<head>` or an XML declaration first (after a BOM and space), or a
/// tag first and `<html`/`<body` soon after. In UTF-16 too (every other byte zero).
fn markup_at_the_top(head: &[u8]) -> bool {
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let bytes: Vec<u8> = if utf16 {
        head[2..].iter().copied().filter(|&b| b != 0).collect()
    } else {
        head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head).to_vec()
    };
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let lower = bytes[start..].to_ascii_lowercase();
    if [&b"<!doctype html"[..], b"<html", b"<head", b"<?xml"].iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    lower.starts_with(b"<") && (has(b"<html") || has(b"<body"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_first_bytes() {
        assert_eq!(sniff(Some("page.HTML"), b"anything"), Sniffed::Html);
        assert_eq!(sniff(Some("saved.mht"), b"anything"), Sniffed::Mhtml);
        assert_eq!(sniff(None, b"\xEF\xBB\xBF  <!DOCTYPE html><p>x"), Sniffed::Html);
        assert_eq!(sniff(None, b"<!-- saved --><html><body>x"), Sniffed::Html);
        assert_eq!(sniff(Some("notes.txt"), b"<3 my cat\nA second line."), Sniffed::Text);
        assert_eq!(sniff(None, b"Title\nA paragraph with <b>markup</b> in it."), Sniffed::Text);
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<html><body>x".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(sniff(None, &utf16), Sniffed::Html);
        assert_eq!(sniff(None, b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"), Sniffed::Feed);
        assert_eq!(sniff(None, b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Sniffed::Feed);
        assert_eq!(sniff(None, b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"), Sniffed::Feed);
        assert_eq!(sniff(None, b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"), Sniffed::Feed);
        assert_eq!(sniff(None, b"<?xml version=\"1.0\"?><html><body>x"), Sniffed::Html);
        assert_eq!(sniff(None, b"{\"schema\": \"folio.article/3\"}"), Sniffed::Text);
        assert_eq!(
            sniff(None, b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n"),
            Sniffed::Mhtml
        );
    }
}
