//! A response body: `Content-Encoding` undone, the decoded size capped, the kind sniffed.
//!
//! Decoding is done here rather than by ureq's `gzip`/`brotli` features: ureq does not
//! decode `deflate`, and doing all three in one place puts the size cap on the decoded bytes
//! of every encoding alike (a gzip bomb stops at the cap, not when memory runs out).

use std::cell::RefCell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use super::Kind;

/// More stacked encodings than this is not a real server.
const MAX_ENCODINGS: usize = 3;

/// How many leading bytes are checked for NUL when the type must be sniffed.
const BINARY_SNIFF: usize = 8 * 1024;

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// More than the cap once decoded.
    TooLarge,
    /// The connection failed (time-out, reset, early close).
    Transport(ureq::Error),
    /// The compressed data is corrupt.
    Decode { encoding: String, error: String },
    /// A `Content-Encoding` we cannot undo.
    UnsupportedEncoding(String),
}

/// Reads the whole body, decoding `content_encoding`, failing past `max_size` decoded bytes.
/// `progress` sees the bytes received from the network so far (before decoding).
pub(crate) fn read_body(
    raw: impl Read,
    content_encoding: Option<&str>,
    max_size: u64,
    size_hint: Option<u64>,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, BodyError> {
    let failure = Rc::new(RefCell::new(None));
    let counted = Counting { inner: raw, total: 0, progress, failure: Rc::clone(&failure) };
    let mut encodings: Vec<String> = content_encoding
        .unwrap_or("")
        .split(',')
        .map(|e| e.trim().to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e != "identity")
        .collect();
    if encodings.len() > MAX_ENCODINGS {
        return Err(BodyError::UnsupportedEncoding(encodings.join(", ")));
    }
    let label = encodings.join(", ");
    // Encodings are listed in the order they were applied: undo the last first.
    encodings.reverse();
    let mut reader: Box<dyn Read + '_> = Box::new(counted);
    for encoding in &encodings {
        reader = match encoding.as_str() {
            "gzip" | "x-gzip" => Box::new(MultiGzDecoder::new(reader)),
            "br" => Box::new(brotli_decompressor::Decompressor::new(reader, 4096)),
            "deflate" => deflate(reader).map_err(|e| classify_error(&failure, &label, e))?,
            other => return Err(BodyError::UnsupportedEncoding(other.to_string())),
        };
    }
    let mut body = Vec::new();
    if encodings.is_empty()
        && let Some(hint) = size_hint
    {
        body.reserve(usize::try_from(hint.min(max_size)).unwrap_or(0));
    }
    let mut limited = reader.take(max_size.saturating_add(1));
    if let Err(e) = limited.read_to_end(&mut body) {
        return Err(classify_error(&failure, &label, e));
    }
    if body.len() as u64 > max_size {
        return Err(BodyError::TooLarge);
    }
    Ok(body)
}

/// HTTP's `deflate` is meant to be zlib-wrapped, but some servers send raw deflate: look at
/// the first two bytes (a zlib header is `CMF FLG` with CM = 8 and a multiple of 31).
fn deflate<'a>(reader: Box<dyn Read + 'a>) -> io::Result<Box<dyn Read + 'a>> {
    let mut buffered = BufReader::new(reader);
    let head = buffered.fill_buf()?;
    let zlib = head.len() >= 2 && head[0] & 0x0f == 8 && (u16::from(head[0]) << 8 | u16::from(head[1])) % 31 == 0;
    Ok(if zlib { Box::new(ZlibDecoder::new(buffered)) } else { Box::new(DeflateDecoder::new(buffered)) })
}

/// A read error is the network's when [`Counting`] saw one, otherwise the decoder's.
fn classify_error(failure: &Rc<RefCell<Option<io::Error>>>, encoding: &str, error: io::Error) -> BodyError {
    match failure.borrow_mut().take() {
        Some(transport) => BodyError::Transport(ureq::Error::from(transport)),
        None if encoding.is_empty() => BodyError::Transport(ureq::Error::from(error)),
        None => BodyError::Decode { encoding: encoding.to_string(), error: error.to_string() },
    }
}

/// Counts the bytes read from the network, reports them, and keeps the network's error aside
/// (decoders may wrap or replace it).
struct Counting<'p, R> {
    inner: R,
    total: u64,
    progress: &'p mut dyn FnMut(u64),
    failure: Rc<RefCell<Option<io::Error>>>,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                if n > 0 {
                    self.total += n as u64;
                    (self.progress)(self.total);
                }
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                *self.failure.borrow_mut() = Some(e);
                Err(io::Error::other("network error"))
            }
        }
    }
}

/// What a `Content-Type` says to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Page(Kind),
    /// No type, or `application/octet-stream`: look at the bytes.
    Sniff,
    /// XML of no stated kind: a feed when its root says so, else a page (XHTML).
    Xml,
    NotPage,
}

/// Classifies a media type (lower case, no parameters).
pub(crate) fn classify(media_type: Option<&str>) -> Class {
    match media_type {
        None | Some("" | "application/octet-stream" | "unknown/unknown") => Class::Sniff,
        Some("text/html" | "application/xhtml+xml") => Class::Page(Kind::Html),
        Some("text/plain") => Class::Page(Kind::Text),
        Some("text/markdown" | "text/x-markdown") => Class::Page(Kind::Markdown),
        Some("application/json") => Class::Page(Kind::Json),
        Some("application/rss+xml" | "application/atom+xml" | "application/rdf+xml" | "application/feed+json") => {
            Class::Page(Kind::Feed)
        }
        Some("application/xml" | "text/xml") => Class::Xml,
        Some(_) => Class::NotPage,
    }
}

/// Whether JSON is a JSON Feed (its `version` names jsonfeed.org).
pub(crate) fn is_json_feed(bytes: &[u8]) -> bool {
    crate::input::is_feed(bytes)
}

/// HTML when the bytes start (after a BOM and whitespace) like an HTML document, text when
/// they have no NUL in the first 8 KiB, `None` for binary data.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Kind> {
    if crate::input::is_feed(bytes) {
        return Some(Kind::Feed);
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes).trim_ascii_start();
    // The HTML spec's MIME sniffing patterns for text/html.
    const TAGS: [&[u8]; 16] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<script",
        b"<iframe",
        b"<h1",
        b"<div",
        b"<font",
        b"<table",
        b"<a",
        b"<style",
        b"<title",
        b"<b",
        b"<body",
        b"<br",
        b"<p",
    ];
    let starts_with_tag = TAGS.iter().any(|tag| {
        body.len() > tag.len()
            && body[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(body[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'\x0c')
    });
    if starts_with_tag || body.starts_with(b"<!--") {
        return Some(Kind::Html);
    }
    let utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    let binary = bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0);
    (utf16 || !binary).then_some(Kind::Text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::{DeflateEncoder, GzEncoder, ZlibEncoder};
    use std::io::Write;

    fn read(raw: &[u8], encoding: Option<&str>, max: u64) -> Result<Vec<u8>, BodyError> {
        read_body(raw, encoding, max, None, &mut |_| {})
    }

    #[test]
    fn identity_and_encodings() {
        let text = b"hello hello hello hello".repeat(100);
        assert_eq!(read(&text, None, 1 << 20).unwrap(), text);
        assert_eq!(read(&text, Some("identity"), 1 << 20).unwrap(), text);
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(&text).unwrap();
        assert_eq!(read(&gz.finish().unwrap(), Some("GZIP"), 1 << 20).unwrap(), text);
        let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
        zlib.write_all(&text).unwrap();
        assert_eq!(read(&zlib.finish().unwrap(), Some("deflate"), 1 << 20).unwrap(), text);
        let mut raw = DeflateEncoder::new(Vec::new(), Compression::default());
        raw.write_all(&text).unwrap();
        assert_eq!(read(&raw.finish().unwrap(), Some("deflate"), 1 << 20).unwrap(), text);
    }

    #[test]
    fn stacked_encodings_are_undone_in_reverse() {
        let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
        zlib.write_all(b"twice").unwrap();
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(&zlib.finish().unwrap()).unwrap();
        assert_eq!(read(&gz.finish().unwrap(), Some("deflate, gzip"), 100).unwrap(), b"twice");
    }

    #[test]
    fn cap_applies_to_decoded_bytes() {
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&vec![0u8; 4 << 20]).unwrap();
        let small = gz.finish().unwrap();
        assert!(small.len() < 10_000);
        assert!(matches!(read(&small, Some("gzip"), 1 << 20), Err(BodyError::TooLarge)));
        assert_eq!(read(b"12345", None, 5).unwrap(), b"12345");
        assert!(matches!(read(b"123456", None, 5), Err(BodyError::TooLarge)));
    }

    #[test]
    fn corrupt_and_unknown_encodings() {
        match read(b"\x1f\x8b\x08\x00garbage-garbage", Some("gzip"), 100) {
            Err(BodyError::Decode { encoding, .. }) => assert_eq!(encoding, "gzip"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(read(b"x", Some("zstd"), 100), Err(BodyError::UnsupportedEncoding(e)) if e == "zstd"));
        assert!(matches!(read(b"x", Some("gzip,gzip,gzip,gzip"), 100), Err(BodyError::UnsupportedEncoding(_))));
    }

    #[test]
    fn progress_counts_network_bytes() {
        let mut seen = Vec::new();
        read_body(&[7u8; 10][..], None, 100, Some(10), &mut |n| seen.push(n)).unwrap();
        assert_eq!(seen.last(), Some(&10));
    }

    #[test]
    fn classification() {
        assert_eq!(classify(Some("text/html")), Class::Page(Kind::Html));
        assert_eq!(classify(Some("application/xhtml+xml")), Class::Page(Kind::Html));
        assert_eq!(classify(Some("text/x-markdown")), Class::Page(Kind::Markdown));
        assert_eq!(classify(Some("application/json")), Class::Page(Kind::Json));
        assert_eq!(classify(None), Class::Sniff);
        assert_eq!(classify(Some("image/png")), Class::NotPage);
        assert_eq!(classify(Some("application/pdf")), Class::NotPage);
        assert_eq!(classify(Some("application/rss+xml")), Class::Page(Kind::Feed));
        assert_eq!(classify(Some("application/feed+json")), Class::Page(Kind::Feed));
        assert_eq!(classify(Some("text/xml")), Class::Xml);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"\xef\xbb\xbf  \n<!DOCTYPE HTML>\n<html>"), Some(Kind::Html));
        assert_eq!(sniff(b"<HTML lang=en>"), Some(Kind::Html));
        assert_eq!(sniff(b"<p>Hello</p>"), Some(Kind::Html));
        assert_eq!(sniff(b"<!-- c --><x>"), Some(Kind::Html));
        assert_eq!(sniff(b"<pre>x"), Some(Kind::Text)); // "<p" must end the tag name
        assert_eq!(sniff(b"Plain words"), Some(Kind::Text));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
    }
}
