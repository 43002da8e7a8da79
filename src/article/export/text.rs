//! Plain text out: one block per paragraph with a blank line between, lists indented by
//! depth, tables in aligned columns under a rule, code verbatim, images as a line naming
//! them over their caption.

use super::standfirst;
use crate::article::model::{Align, Article, ParagraphKind, Table};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

pub fn write_text(a: &Article, out: &mut impl Write) -> io::Result<()> {
    let mut blocks: Vec<String> = Vec::new();
    blocks.extend(a.title.iter().cloned());
    blocks.extend(standfirst(a).map(str::to_string));
    blocks.extend(a.dateline.iter().cloned());
    for section in &a.sections {
        blocks.extend(section.heading.iter().cloned());
        let paras: Vec<_> = section.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Standfirst).collect();
        for (i, p) in paras.iter().enumerate() {
            let text = match p.kind {
                ParagraphKind::ListItem => {
                    let indent = "  ".repeat(p.depth() as usize);
                    format!("{indent}{} {}", p.marker().unwrap_or("•"), p.text)
                }
                ParagraphKind::BlockQuote => format!("> {}", p.text),
                ParagraphKind::Table => p.table().map_or_else(|| p.text.clone(), columns),
                ParagraphKind::Figure => {
                    let alt = p.figure().and_then(|f| f.alt.as_deref()).filter(|a| !a.is_empty());
                    let image = alt.map_or_else(|| "[image]".to_string(), |a| format!("[image: {a}]"));
                    if p.text.is_empty() { image } else { format!("{image}\n{}", p.text) }
                }
                _ => p.text.clone(),
            };
            // The items of a tight list stand line under line (a numbered list after a
            // bulleted one is another list).
            let tight =
                |q: &crate::article::Paragraph| q.kind == ParagraphKind::ListItem && !q.rich().is_some_and(|r| r.loose);
            let ordered = |q: &crate::article::Paragraph| q.rich().is_some_and(|r| r.ordered);
            let same_list = |a: &crate::article::Paragraph, b: &crate::article::Paragraph| {
                tight(a) && tight(b) && (a.depth() > 0 || b.depth() > 0 || ordered(a) == ordered(b))
            };
            match blocks.last_mut() {
                Some(last) if i > 0 && same_list(paras[i - 1], p) => {
                    last.push('\n');
                    last.push_str(&text);
                }
                _ => blocks.push(text),
            }
        }
    }
    blocks.extend(a.byline.iter().cloned());
    blocks.extend(a.source.iter().map(|s| format!("Source: {s}")));
    for b in blocks {
        writeln!(out, "{b}\n")?;
    }
    Ok(())
}

/// A table in columns as wide as their widest cell, two spaces apart, a rule under the
/// header rows.
fn columns(t: &Table) -> String {
    let cols = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut widths = vec![0; cols];
    for r in &t.rows {
        for (c, cell) in r.cells.iter().enumerate() {
            widths[c] = widths[c].max(cell.width());
        }
    }
    let mut lines = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let cells: Vec<String> = (0..cols)
            .map(|c| {
                let cell = r.cells.get(c).map_or("", String::as_str);
                let pad = widths[c] - cell.width();
                match t.align.get(c).copied().unwrap_or_default() {
                    Align::Right => format!("{}{cell}", " ".repeat(pad)),
                    Align::Center => format!("{}{cell}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2)),
                    Align::Left | Align::None => format!("{cell}{}", " ".repeat(pad)),
                }
            })
            .collect();
        lines.push(cells.join("  ").trim_end().to_string());
        if r.header && !t.rows.get(i + 1).is_some_and(|n| n.header) {
            lines.push(widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>().join("  "));
        }
    }
    lines.join("\n")
}
