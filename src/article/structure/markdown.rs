//! Markdown to blocks, with pulldown-cmark: headings keep their level, list items their
//! depth and marker, block quotes their kind; tables their rows and alignment, code its
//! lines and language, an image alone in a paragraph becomes a figure (its title is the
//! caption); emphasis, strong, inline code, links and inline images are spans on the
//! words a reader sees. Strikethrough is read as plain text; raw HTML is left out.

use super::block::{Block, BlockKind};
use super::inline::InlineText;
use crate::article::model::{Align, Code, Figure, Rich, Row, SpanKind, Table};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

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
        if emphasis(t) {
            score += 1;
        }
        // A pipe table's separator row: "| --- | :---: |".
        if t.starts_with('|') && t.contains("---") && t.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ')) {
            score += 2;
        }
        prev_nonblank = !t.is_empty() && !setext;
        if score >= 2 {
            return true;
        }
    }
    false
}

/// "**strong**", "__strong__": a pair of stars or underscores opening a word. A line of
/// underscores ("___", as wires divide their items) or stars emphasises nothing.
fn emphasis(line: &str) -> bool {
    let b = line.as_bytes();
    b.windows(3).enumerate().any(|(i, w)| {
        (w[0] == b'*' && w[1] == b'*' || w[0] == b'_' && w[1] == b'_')
            && w[2].is_ascii_alphanumeric()
            && (i == 0 || b[i - 1] != w[0])
    })
}

fn atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') && !line[hashes..].trim().is_empty()
}

/// A block being collected from parser events.
struct Pending {
    inline: InlineText,
    kind: BlockKind,
    rich: Rich,
    link: Option<String>,
    /// Characters of text outside emphasis: none means the whole block is emphasised.
    plain: usize,
    /// Images met in it: (alt, source, title).
    images: Vec<(String, String, String)>,
}

impl Pending {
    fn new(kind: BlockKind) -> Self {
        Pending { inline: InlineText::default(), kind, rich: Rich::default(), link: None, plain: 0, images: Vec::new() }
    }

    /// The block it makes, if it holds any text. A paragraph that is only an image is a
    /// figure, captioned by the image's title.
    fn finish(self) -> Option<Block> {
        let Pending { inline, kind, mut rich, link, plain, images } = self;
        let emphasised = plain == 0;
        let (text, spans) = inline.finish();
        if let [(alt, src, title)] = images.as_slice()
            && kind == BlockKind::Paragraph
            && text == alt.split_whitespace().collect::<Vec<_>>().join(" ")
        {
            rich.figure = Some(Figure {
                src: Some(src.clone()).filter(|s| !s.is_empty()),
                alt: Some(alt.clone()).filter(|a| !a.trim().is_empty()),
            });
            let mut caption = InlineText::default();
            caption.push(title);
            let (caption, _) = caption.finish();
            return Some(Block { text: caption, kind: BlockKind::Figure, link, emphasised: false, rich });
        }
        if text.is_empty() {
            return None;
        }
        rich.spans = spans;
        Some(Block { text, kind, link, emphasised, rich })
    }
}

/// A list being read: the next item's number when ordered, and its items' depth.
struct List {
    next: Option<u64>,
    depth: u8,
}

/// A table being read.
#[derive(Default)]
struct TableParts {
    align: Vec<Align>,
    rows: Vec<Row>,
    cells: Vec<String>,
    cell: InlineText,
    head: bool,
}

/// Everything the reader keeps between events.
#[derive(Default)]
struct Reader {
    out: Vec<Block>,
    current: Option<Pending>,
    quote_depth: usize,
    lists: Vec<List>,
    table: Option<TableParts>,
    /// A code block being read: its language and text.
    code: Option<(Option<String>, String)>,
    /// An image being read: its source, title and alt text so far.
    image: Option<(String, String, String)>,
    emphasis: usize,
    /// The tokens of the spans open in the current block, innermost last.
    spans: Vec<usize>,
}

pub fn markdown_blocks(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let opts = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut r = Reader::default();
    for event in Parser::new_ext(text, opts) {
        r.event(event);
    }
    r.flush();
    r.out
}

impl Reader {
    fn flush(&mut self) {
        self.spans.clear();
        if let Some(b) = self.current.take().and_then(Pending::finish) {
            self.out.push(b);
        }
    }

    /// Closes the innermost open span (pulldown-cmark's events nest).
    fn close_span(&mut self) {
        if let Some(token) = self.spans.pop() {
            self.target().close(token);
        }
    }

    fn in_item(&self) -> bool {
        matches!(self.current, Some(Pending { kind: BlockKind::ListItem, .. }))
    }

    /// The block text goes to: the table cell, or the current block (a paragraph when none).
    fn target(&mut self) -> &mut InlineText {
        if let Some(t) = self.table.as_mut() {
            return &mut t.cell;
        }
        let kind = if self.quote_depth > 0 { BlockKind::Quote } else { BlockKind::Paragraph };
        &mut self.current.get_or_insert_with(|| Pending::new(kind)).inline
    }

    fn text(&mut self, t: &str) {
        if let Some((_, code)) = self.code.as_mut() {
            code.push_str(t);
        } else if let Some((_, _, alt)) = self.image.as_mut() {
            alt.push_str(t);
        } else {
            let plain = self.emphasis == 0;
            self.target().push(t);
            if plain && let Some(p) = self.current.as_mut() {
                p.plain += t.trim().len();
            }
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) if self.image.is_none() => {
                let plain = self.emphasis == 0;
                self.target().push_span(SpanKind::Code, &t, None);
                if plain && let Some(p) = self.current.as_mut() {
                    p.plain += t.trim().len();
                }
            }
            Event::Code(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, alt)) = self.image.as_mut() {
                    alt.push(' ');
                } else if self.code.is_none() {
                    self.target().space();
                }
            }
            Event::Rule => self.flush(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.current = Some(Pending::new(BlockKind::Heading(level as u8)));
            }
            Tag::Paragraph if self.in_item() => {
                if let Some(p) = self.current.as_mut() {
                    // A paragraph inside an item: the list is loose.
                    p.rich.loose = true;
                    p.inline.space();
                }
            }
            Tag::Paragraph => {
                self.flush();
                let kind = if self.quote_depth > 0 { BlockKind::Quote } else { BlockKind::Paragraph };
                self.current = Some(Pending::new(kind));
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((language, String::new()));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::List(start) => {
                self.flush();
                let depth = self.lists.len().min(u8::MAX as usize) as u8;
                self.lists.push(List { next: start, depth });
            }
            Tag::Item => {
                self.flush();
                let (marker, depth) = match self.lists.last_mut() {
                    Some(List { next: Some(n), depth }) => {
                        let m = format!("{n}.");
                        *n += 1;
                        (Some(m), *depth)
                    }
                    Some(List { next: None, depth }) => (None, *depth),
                    None => (None, 0),
                };
                let mut p = Pending::new(BlockKind::ListItem);
                p.rich = Rich { ordered: marker.is_some(), marker, depth, ..Rich::default() };
                self.current = Some(p);
            }
            Tag::Table(aligns) => {
                self.flush();
                let align = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None => Align::None,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect();
                self.table = Some(TableParts { align, ..TableParts::default() });
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.head = true;
                }
            }
            Tag::Emphasis | Tag::Strong => {
                self.emphasis += 1;
                let kind = if matches!(tag, Tag::Strong) { SpanKind::Strong } else { SpanKind::Emphasis };
                if self.image.is_none() && self.table.is_none() {
                    let token = self.target().open(kind, None);
                    self.spans.push(token);
                }
            }
            Tag::Link { dest_url, .. } if self.image.is_none() && self.table.is_none() => {
                let url = dest_url.to_string();
                let p = self.current.get_or_insert_with(|| Pending::new(BlockKind::Paragraph));
                p.link.get_or_insert_with(|| url.clone());
                let token = self.target().open(SpanKind::Link, Some(url));
                self.spans.push(token);
            }
            Tag::Image { dest_url, title, .. } => {
                self.image = Some((dest_url.to_string(), title.to_string(), String::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if self.in_item() => {}
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item => self.flush(),
            TagEnd::CodeBlock => {
                if let Some((language, mut code)) = self.code.take() {
                    while code.ends_with('\n') {
                        code.pop();
                    }
                    if !code.trim().is_empty() {
                        let rich = Rich { code: Some(Code { language }), ..Rich::default() };
                        self.out.push(Block { rich, ..Block::new(code, BlockKind::Code) });
                    }
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::TableCell => {
                if let Some(t) = self.table.as_mut() {
                    let (cell, _) = std::mem::take(&mut t.cell).finish();
                    t.cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let cells = std::mem::take(&mut t.cells);
                    t.rows.push(Row { cells, header: t.head });
                    t.head = false;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let table = Table { rows: t.rows, align: t.align };
                    let rich = Rich { table: Some(table.clone()), ..Rich::default() };
                    self.out.push(Block { rich, ..Block::new(table.text(), BlockKind::Table) });
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => {
                self.emphasis = self.emphasis.saturating_sub(1);
                if self.image.is_none() && self.table.is_none() {
                    self.close_span();
                }
            }
            TagEnd::Link if self.image.is_none() && self.table.is_none() => self.close_span(),
            TagEnd::Image => {
                if let Some((src, title, alt)) = self.image.take() {
                    if self.table.is_some() {
                        self.target().push(&alt);
                    } else {
                        let plain = self.emphasis == 0;
                        self.target().push_span(SpanKind::Image, &alt, Some(src.clone()));
                        if let Some(p) = self.current.as_mut() {
                            if plain {
                                p.plain += alt.trim().len();
                            }
                            p.images.push((alt, src, title));
                        }
                    }
                }
            }
            _ => {}
        }
    }
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
        // Wire dividers and a row of stars are no emphasis; "**bold**" and "__it__" are.
        assert!(!looks_like_markdown("Item one.\n___.\nItem two.\n___\nItem three.\n* * *\n****\n"));
        assert!(looks_like_markdown("Some **bold** words.\n\nAnd __strong__ ones.\n"));
    }

    #[test]
    fn headings_quotes_lists_and_emphasis() {
        let md = "# The title\n\nSome *emphasis* and **bold** and a [link](http://x.y).\n\n## Part two\n\n> A block quote.\n\n1. first\n2. second\n\n- loose\n";
        let b = markdown_blocks(md);
        let got: Vec<(&str, BlockKind, Option<&str>)> =
            b.iter().map(|b| (b.text.as_str(), b.kind, b.rich.marker.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("The title", BlockKind::Heading(1), None),
                ("Some emphasis and bold and a link.", BlockKind::Paragraph, None),
                ("Part two", BlockKind::Heading(2), None),
                ("A block quote.", BlockKind::Quote, None),
                ("first", BlockKind::ListItem, Some("1.")),
                ("second", BlockKind::ListItem, Some("2.")),
                ("loose", BlockKind::ListItem, None),
            ]
        );
        let spans: Vec<(SpanKind, &str, Option<&str>)> =
            b[1].rich.spans.iter().map(|s| (s.kind, &b[1].text[s.start..s.end], s.href.as_deref())).collect();
        assert_eq!(
            spans,
            [
                (SpanKind::Emphasis, "emphasis", None),
                (SpanKind::Strong, "bold", None),
                (SpanKind::Link, "link", Some("http://x.y"))
            ]
        );
    }

    #[test]
    fn tables_code_figures_and_nested_lists() {
        let md = "# T\n\n| Item | Cost |\n| :--- | ---: |\n| Pavements | $4.2m |\n\n```rust\nfn main() {\n    println!(\"hi\");\n}\n```\n\n![A flooded road](https://img.example/road.jpg \"The A38 at Bovey\")\n\n- one\n  - one a\n3. three\n4. four\n";
        let b = markdown_blocks(md);
        let table = b.iter().find(|b| b.kind == BlockKind::Table).expect("a table");
        assert_eq!(table.text, "Item\tCost\nPavements\t$4.2m");
        let t = table.rich.table.as_ref().expect("rows");
        assert_eq!(t.align, [Align::Left, Align::Right]);
        assert!(t.rows[0].header && !t.rows[1].header);
        let code = b.iter().find(|b| b.kind == BlockKind::Code).expect("code");
        assert_eq!(code.text, "fn main() {\n    println!(\"hi\");\n}");
        assert_eq!(code.rich.code.as_ref().and_then(|c| c.language.as_deref()), Some("rust"));
        let fig = b.iter().find(|b| b.kind == BlockKind::Figure).expect("a figure");
        assert_eq!(fig.text, "The A38 at Bovey");
        let f = fig.rich.figure.as_ref().expect("image");
        assert_eq!(
            (f.src.as_deref(), f.alt.as_deref()),
            (Some("https://img.example/road.jpg"), Some("A flooded road"))
        );
        let items: Vec<(&str, u8, Option<&str>)> = b
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| (b.text.as_str(), b.rich.depth, b.rich.marker.as_deref()))
            .collect();
        assert_eq!(items, [("one", 0, None), ("one a", 1, None), ("three", 0, Some("3.")), ("four", 0, Some("4."))]);
    }
}
