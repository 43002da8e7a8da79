//! Writing an article out: folio JSON (the public contract), Markdown, and plain text.
//! Markdown and text exports read back in as the same structure.

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

pub fn write_markdown(a: &Article, out: &mut impl Write) -> io::Result<()> {
    if let Some(t) = &a.title {
        writeln!(out, "# {t}\n")?;
    }
    for s in standfirst(a) {
        writeln!(out, "*{s}*\n")?;
    }
    if let Some(d) = &a.dateline {
        writeln!(out, "{d}\n")?;
    }
    for section in &a.sections {
        if let Some(h) = &section.heading {
            writeln!(out, "## {h}\n")?;
        }
        let mut in_list = false;
        for p in section.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Standfirst) {
            let list = p.kind == ParagraphKind::ListItem;
            if in_list && !list {
                writeln!(out)?;
            }
            match p.kind {
                ParagraphKind::ListItem => writeln!(out, "{} {}", p.marker.as_deref().unwrap_or("-"), p.text)?,
                ParagraphKind::PullQuote => writeln!(out, "> {}\n", p.text)?,
                ParagraphKind::Body | ParagraphKind::Standfirst => writeln!(out, "{}\n", p.text)?,
            }
            in_list = list;
        }
        if in_list {
            writeln!(out)?;
        }
    }
    if let Some(b) = &a.byline {
        writeln!(out, "{b}\n")?;
    }
    if let Some(s) = &a.source {
        writeln!(out, "Source: {s}")?;
    }
    Ok(())
}

pub fn write_text(a: &Article, out: &mut impl Write) -> io::Result<()> {
    let mut blocks: Vec<String> = Vec::new();
    blocks.extend(a.title.iter().cloned());
    blocks.extend(standfirst(a).map(str::to_string));
    blocks.extend(a.dateline.iter().cloned());
    for section in &a.sections {
        blocks.extend(section.heading.iter().cloned());
        for p in section.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Standfirst) {
            blocks.push(match (p.kind, &p.marker) {
                (ParagraphKind::ListItem, Some(m)) => format!("{m} {}", p.text),
                (ParagraphKind::ListItem, None) => format!("• {}", p.text),
                _ => p.text.clone(),
            });
        }
    }
    blocks.extend(a.byline.iter().cloned());
    blocks.extend(a.source.iter().map(|s| format!("Source: {s}")));
    for b in blocks {
        writeln!(out, "{b}\n")?;
    }
    Ok(())
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
