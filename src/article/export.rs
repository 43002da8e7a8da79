//! Writing an article out: folio JSON (the public contract), Markdown, and plain text.
//! Markdown and text exports read back in as the same structure.

use super::model::{Article, ParagraphKind};
use std::io::{self, Write};

pub fn write_json(article: &Article, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, article).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

pub fn write_markdown(a: &Article, out: &mut impl Write) -> io::Result<()> {
    if let Some(t) = &a.title {
        writeln!(out, "# {t}\n")?;
    }
    if let Some(s) = &a.subtitle {
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
        for p in &section.paragraphs {
            let list = p.kind == ParagraphKind::ListItem;
            if in_list && !list {
                writeln!(out)?;
            }
            match p.kind {
                ParagraphKind::ListItem => writeln!(out, "{} {}", p.marker.as_deref().unwrap_or("-"), p.text)?,
                ParagraphKind::PullQuote => writeln!(out, "> {}\n", p.text)?,
                ParagraphKind::Body => writeln!(out, "{}\n", p.text)?,
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
    blocks.extend(a.subtitle.iter().cloned());
    blocks.extend(a.dateline.iter().cloned());
    for section in &a.sections {
        blocks.extend(section.heading.iter().cloned());
        for p in &section.paragraphs {
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
