//! Markdown to blocks, with pulldown-cmark: headings keep their level, block quotes and list
//! items their kind, and emphasis, links and images are reduced to the words a reader sees.

use super::block::{Block, BlockKind, clean_inline};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// True when `text` shows Markdown structure that plain pasted text would not have.
pub fn looks_like_markdown(text: &str) -> bool {
    let mut score = 0;
    let mut prev_nonblank = false;
    for line in text.lines().take(2000) {
        let t = line.trim_end();
        if atx_heading(t) {
            return true;
        }
        let setext = !t.is_empty() && (t.bytes().all(|b| b == b'=') || t.len() >= 3 && t.bytes().all(|b| b == b'-'));
        if setext && prev_nonblank {
            score += 2;
        }
        if t.starts_with("> ") || t.starts_with("```") {
            score += 1;
        }
        if t.contains("](") && t.contains('[') {
            score += 1;
        }
        if t.contains("**") || t.contains("__") {
            score += 1;
        }
        prev_nonblank = !t.is_empty() && !setext;
        if score >= 2 {
            return true;
        }
    }
    false
}

fn atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') && !line[hashes..].trim().is_empty()
}

/// A block being collected from parser events.
struct Pending {
    raw: String,
    kind: BlockKind,
    link: Option<String>,
    /// Characters of text outside emphasis: none means the whole block is emphasised.
    plain: usize,
}

impl Pending {
    fn new(kind: BlockKind) -> Self {
        Pending { raw: String::new(), kind, link: None, plain: 0 }
    }
}

pub fn markdown_blocks(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut current: Option<Pending> = None;
    let mut quote_depth = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_image = 0usize;
    let mut emphasis = 0usize;
    let flush = |current: &mut Option<Pending>, out: &mut Vec<Block>| {
        if let Some(p) = current.take() {
            let mut s = String::with_capacity(p.raw.len());
            clean_inline(&p.raw, &mut s);
            if !s.is_empty() {
                let emphasised = p.plain == 0;
                out.push(Block { text: s, kind: p.kind, link: p.link, emphasised });
            }
        }
    };
    let in_item = |c: &Option<Pending>| matches!(c, Some(Pending { kind: BlockKind::ListItem(_), .. }));
    let opts = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut out);
                current = Some(Pending::new(BlockKind::Heading(level as u8)));
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::TableRow)
            | Event::Start(Tag::TableHead)
                if !in_item(&current) =>
            {
                flush(&mut current, &mut out);
                let kind = if quote_depth > 0 { BlockKind::Quote } else { BlockKind::Paragraph };
                current = Some(Pending::new(kind));
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut current, &mut out);
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut current, &mut out);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut current, &mut out);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, &mut out);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out);
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        Some(m)
                    }
                    _ => None,
                };
                current = Some(Pending::new(BlockKind::ListItem(marker)));
            }
            Event::Start(Tag::Emphasis) | Event::Start(Tag::Strong) => emphasis += 1,
            Event::End(TagEnd::Emphasis) | Event::End(TagEnd::Strong) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(p) = current.as_mut() {
                    p.link.get_or_insert_with(|| dest_url.to_string());
                }
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::End(TagEnd::Paragraph) if in_item(&current) => {}
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableRow)
            | Event::End(TagEnd::TableHead) => flush(&mut current, &mut out),
            Event::End(TagEnd::TableCell) => {
                if let Some(p) = current.as_mut() {
                    p.raw.push_str(" | ");
                }
            }
            Event::Text(t) | Event::Code(t) if in_image == 0 => {
                let p = current.get_or_insert_with(|| Pending::new(BlockKind::Paragraph));
                if emphasis == 0 {
                    p.plain += t.trim().len();
                }
                p.raw.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = current.as_mut() {
                    p.raw.push(' ');
                }
            }
            Event::Rule => flush(&mut current, &mut out),
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_markdown() {
        assert!(looks_like_markdown("# Title\n\nBody."));
        assert!(looks_like_markdown("Title\n=====\n\nBody."));
        assert!(!looks_like_markdown("Plain title\nBody text here.\n- a list item"));
        assert!(!looks_like_markdown("#MeToo is a movement.\n"));
    }

    #[test]
    fn headings_quotes_lists_and_emphasis() {
        let md = "# The title\n\nSome *emphasis* and **bold** and a [link](http://x.y).\n\n## Part two\n\n> A block quote.\n\n1. first\n2. second\n\n- loose\n";
        let b = markdown_blocks(md);
        let got: Vec<(&str, &BlockKind)> = b.iter().map(|b| (b.text.as_str(), &b.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("The title", &BlockKind::Heading(1)),
                ("Some emphasis and bold and a link.", &BlockKind::Paragraph),
                ("Part two", &BlockKind::Heading(2)),
                ("A block quote.", &BlockKind::Quote),
                ("first", &BlockKind::ListItem(Some("1.".into()))),
                ("second", &BlockKind::ListItem(Some("2.".into()))),
                ("loose", &BlockKind::ListItem(None)),
            ]
        );
    }
}
