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
    serde_json::to_writer_pretty(&mut *out, article).map_err(io::Error::other)?;
    out.write_all(b"\n")
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
