//! Markdown out: headings by level, lists nested by indentation and numbered as read,
//! pipe tables with their alignment row, fenced code with its language, images with their
//! caption as the title, and emphasis, strong, code and links inline. What `markdown`
//! reads, this writes back the same.

use super::standfirst;
use crate::article::model::{Align, Article, Paragraph, ParagraphKind, Span, SpanKind, Table};
use std::io::{self, Write};

pub fn write_markdown(a: &Article, out: &mut impl Write) -> io::Result<()> {
    if let Some(t) = &a.title {
        writeln!(out, "# {}\n", escape(t))?;
    }
    for s in standfirst(a) {
        writeln!(out, "*{}*\n", escape(s))?;
    }
    if let Some(d) = &a.dateline {
        writeln!(out, "{}\n", escape(d))?;
    }
    for section in &a.sections {
        if let Some(h) = &section.heading {
            writeln!(out, "{} {}\n", "#".repeat(section.level.clamp(2, 6) as usize), escape(h))?;
        }
        let paras: Vec<&Paragraph> =
            section.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Standfirst).collect();
        let mut lists = ListIndent::default();
        for (i, p) in paras.iter().enumerate() {
            // The next paragraph goes on the same list: an item, and at the top level one of
            // the same kind (a numbered list after a bulleted one is a new list).
            let ordered = |q: &Paragraph| q.rich().is_some_and(|r| r.ordered);
            let next_is_item = paras.get(i + 1).is_some_and(|n| {
                n.kind == ParagraphKind::ListItem && (n.depth() > 0 || ordered(n) == ordered(p) || p.depth() > 0)
            });
            match p.kind {
                ParagraphKind::ListItem => {
                    let marker = p.marker().unwrap_or("-");
                    let indent = lists.indent(p.depth() as usize, marker.len() + 1);
                    writeln!(out, "{}{marker} {}", " ".repeat(indent), inline(p))?;
                    // Loose lists and the end of a list: a blank line.
                    if !next_is_item || p.rich().is_some_and(|r| r.loose) {
                        writeln!(out)?;
                    }
                    continue;
                }
                ParagraphKind::PullQuote | ParagraphKind::BlockQuote => writeln!(out, "> {}\n", inline(p))?,
                ParagraphKind::Table => match p.table() {
                    Some(t) => table(t, out)?,
                    None => writeln!(out, "{}\n", escape(&p.text))?,
                },
                ParagraphKind::Code => {
                    let fence = if p.text.contains("```") { "~~~~" } else { "```" };
                    let language = p.code().and_then(|c| c.language.as_deref()).unwrap_or("");
                    writeln!(out, "{fence}{language}\n{}\n{fence}\n", p.text)?;
                }
                ParagraphKind::Figure => {
                    let f = p.figure();
                    let alt = f.and_then(|f| f.alt.as_deref()).unwrap_or("");
                    let src = f.and_then(|f| f.src.as_deref()).unwrap_or("");
                    if p.text.is_empty() {
                        writeln!(out, "![{}]({})\n", escape(alt), destination(src))?;
                    } else {
                        let title = p.text.replace('\\', "\\\\").replace('"', "\\\"");
                        writeln!(out, "![{}]({} \"{title}\")\n", escape(alt), destination(src))?;
                    }
                }
                ParagraphKind::Body | ParagraphKind::Standfirst => writeln!(out, "{}\n", inline(p))?,
            }
            lists = ListIndent::default();
        }
    }
    if let Some(b) = &a.byline {
        writeln!(out, "{}\n", escape(b))?;
    }
    if let Some(s) = &a.source {
        writeln!(out, "Source: {s}")?;
    }
    Ok(())
}

/// Where the items of a nested list start: each depth under the text of the item above.
#[derive(Default)]
struct ListIndent(Vec<usize>);

impl ListIndent {
    /// The indentation of an item at `depth` whose marker and space take `marker` columns.
    fn indent(&mut self, depth: usize, marker: usize) -> usize {
        self.0.truncate(depth + 1);
        let at = if depth == 0 { 0 } else { self.0.get(depth - 1).copied().unwrap_or(2 * depth) };
        if self.0.len() == depth + 1 {
            self.0[depth] = at + marker;
        } else {
            while self.0.len() < depth {
                let last = self.0.last().copied().unwrap_or(0);
                self.0.push(last + 2);
            }
            self.0.push(at + marker);
        }
        at
    }
}

/// A paragraph's text with its spans written as Markdown.
fn inline(p: &Paragraph) -> String {
    let text = &p.text;
    let spans = p.spans();
    if spans.is_empty() {
        return escape(text);
    }
    // Openings and closings at each offset; closings first, innermost first.
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    let mut open: Vec<&Span> = Vec::new();
    let mut points: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    points.push(text.len());
    points.sort_unstable();
    points.dedup();
    for point in points {
        let Some(piece) = text.get(at..point) else { continue };
        if open.iter().any(|s| s.kind == SpanKind::Code) {
            out.push_str(piece);
        } else if at == 0 {
            out.push_str(&escape(piece));
        } else {
            out.push_str(&escape_rest(piece));
        }
        at = point;
        while let Some(s) = open.last().filter(|s| s.end <= point) {
            out.push_str(&close(s));
            open.pop();
        }
        for s in spans.iter().filter(|s| s.start == point && s.end > point) {
            out.push_str(opening(s.kind));
            open.push(s);
        }
    }
    while let Some(s) = open.pop() {
        out.push_str(&close(s));
    }
    out
}

fn opening(kind: SpanKind) -> &'static str {
    match kind {
        SpanKind::Emphasis => "*",
        SpanKind::Strong => "**",
        SpanKind::Code => "`",
        SpanKind::Link => "[",
        SpanKind::Image => "![",
    }
}

fn close(s: &Span) -> String {
    match s.kind {
        SpanKind::Emphasis => "*".to_string(),
        SpanKind::Strong => "**".to_string(),
        SpanKind::Code => "`".to_string(),
        SpanKind::Link | SpanKind::Image => format!("]({})", destination(s.href.as_deref().unwrap_or(""))),
    }
}

/// A link destination as Markdown reads it back: in angle brackets when it has spaces or
/// brackets.
fn destination(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) { format!("<{}>", url.replace(['<', '>'], "")) } else { url.to_string() }
}

/// Text with the characters Markdown would read as markup escaped: inline markup
/// anywhere, and what would open a block (a heading, a quote, a list item, a table row)
/// at its start.
fn escape(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &text[..digits], escape_rest(&text[digits..]));
    }
    if text.starts_with(['#', '>', '+', '-', '|']) {
        return format!("\\{}", escape_rest(text));
    }
    escape_rest(text)
}

/// Text with inline markup characters escaped.
fn escape_rest(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A pipe table: the header row (the first row when none is marked), the alignment row,
/// the rest.
fn table(t: &Table, out: &mut impl Write) -> io::Result<()> {
    let cols = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if cols == 0 {
        return Ok(());
    }
    let row = |cells: &[String]| {
        let cells: Vec<String> =
            (0..cols).map(|c| cells.get(c).map_or(String::new(), |s| escape_rest(s).replace('|', "\\|"))).collect();
        format!("| {} |", cells.join(" | "))
    };
    let head = t.rows.iter().position(|r| r.header).unwrap_or(0);
    writeln!(out, "{}", row(&t.rows[head].cells))?;
    let rule: Vec<&str> = (0..cols)
        .map(|c| match t.align.get(c).copied().unwrap_or_default() {
            Align::Left => ":---",
            Align::Right => "---:",
            Align::Center => ":---:",
            Align::None => "---",
        })
        .collect();
    writeln!(out, "| {} |", rule.join(" | "))?;
    for (i, r) in t.rows.iter().enumerate() {
        if i != head {
            writeln!(out, "{}", row(&r.cells))?;
        }
    }
    writeln!(out)
}
