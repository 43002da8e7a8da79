//! Writing an article out: folio JSON (the public contract), Markdown and plain text.
//! Markdown keeps everything the model holds (tables, code, links, images, nesting,
//! emphasis) and reads back as the same structure; plain text lays tables out in columns
//! and keeps code verbatim.

mod markdown;
mod text;

pub use markdown::write_markdown;
pub use text::write_text;

use super::model::{Article, ParagraphKind};
use std::io::{self, Write};

pub fn write_json(article: &Article, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Escaping(serde_json::ser::PrettyFormatter::new()));
    serde::Serialize::serialize(article, &mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// JSON Lines: the article on one line.
pub fn write_json_line(article: &Article, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Escaping(serde_json::ser::CompactFormatter));
    serde::Serialize::serialize(article, &mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// A JSON formatter that also writes as `\uXXXX` the characters serde leaves raw but a
/// terminal may act on or hide: C1 controls (U+009B is an 8-bit CSI), bidi controls,
/// zero-width characters and line separators. The JSON means the same; printed on a
/// terminal, it is inert.
struct Escaping<F>(F);

fn needs_escape(c: char) -> bool {
    // ASCII first: serde_json escapes the controls below 0x20 itself, and most text is ASCII.
    c >= '\u{80}' && !matches!(crate::sanitize::classify(c, None), crate::sanitize::Shown::Keep)
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        if fragment.is_ascii() {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices().filter(|&(_, c)| needs_escape(c)) {
            w.write_all(&fragment.as_bytes()[start..i])?;
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{u:04x}")?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// The standfirst, written under the title as it stands on the page (and where the
/// formats read it back from): its paragraphs, or the subtitle of an older export.
fn standfirst(a: &Article) -> impl Iterator<Item = &str> {
    let paragraphs = a.sections.iter().flat_map(|s| &s.paragraphs).filter(|p| p.kind == ParagraphKind::Standfirst);
    let subtitle = a.subtitle.as_deref().filter(|_| !a.has_standfirst());
    paragraphs.map(|p| p.text.as_str()).chain(subtitle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, parse};

    /// The standfirst goes out under the title and comes back as the standfirst, in both
    /// formats that read back.
    #[test]
    fn the_standfirst_survives_markdown_and_text() {
        let text = "Energy price cap to rise by 10% in January, regulator confirms\n\n\
            Typical household will pay £1,738 a year as wholesale gas prices climb\n\n\
            By Olivia Grant\n\nPublished 23 November 2024\n\n\
            Household energy bills will rise by 10% from 1 January, the regulator has confirmed.\n";
        let a = parse(text, None).unwrap();
        assert_eq!(a.sections[0].paragraphs[0].kind, ParagraphKind::Standfirst);
        for (format, write) in [
            (Format::Markdown, write_markdown as fn(&Article, &mut Vec<u8>) -> io::Result<()>),
            (Format::Text, write_text),
        ] {
            let mut out = Vec::new();
            write(&a, &mut out).unwrap();
            let written = String::from_utf8(out).unwrap();
            assert_eq!(written.matches("£1,738 a year").count(), 1, "{written}");
            let b = parse(&written, Some(format)).unwrap();
            assert_eq!(b.subtitle, a.subtitle, "{format:?}");
            assert_eq!(b.sections[0].paragraphs[0].kind, ParagraphKind::Standfirst, "{format:?}");
            assert_eq!(b.sections[0].paragraphs.len(), a.sections[0].paragraphs.len(), "{format:?}");
        }
    }
}
