//! Whitespace and small text helpers shared by the reader.

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
