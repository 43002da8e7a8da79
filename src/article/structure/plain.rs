//! Plain text to blocks: logical lines and paragraphs-to-be, before anything decides
//! what each block is. Handles line ends (LF, CRLF, CR, U+2028/9), BOMs, NBSPs, tabs,
//! hard-wrapped text and list markers.

use super::block::{Block, BlockKind, clean_inline, cleaned};

/// Splits on any line end: LF, CRLF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unicode_breaks = memchr::memmem::find(text.as_bytes(), "\u{2028}".as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "\u{2029}".as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "\u{85}".as_bytes()).is_some();
    LineIter { rest: text, done: false, unicode_breaks }
}

struct LineIter<'a> {
    rest: &'a str,
    done: bool,
    unicode_breaks: bool,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        if self.done {
            return None;
        }
        let bytes = self.rest.as_bytes();
        // Fast path: without NEL or U+2028/9 in the text, only \n and \r end lines.
        if !self.unicode_breaks {
            return Some(match memchr::memchr2(b'\n', b'\r', bytes) {
                Some(i) => {
                    let line = &self.rest[..i];
                    let skip = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.rest = &self.rest[i + skip..];
                    line
                }
                None => {
                    self.done = true;
                    self.rest
                }
            });
        }
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    let line = &self.rest[..i];
                    self.rest = &self.rest[i + 1..];
                    return Some(line);
                }
                b'\r' => {
                    let line = &self.rest[..i];
                    let skip = if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.rest = &self.rest[i + skip..];
                    return Some(line);
                }
                0xC2 if bytes.get(i + 1) == Some(&0x85) => {
                    let line = &self.rest[..i];
                    self.rest = &self.rest[i + 2..];
                    return Some(line);
                }
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                    let line = &self.rest[..i];
                    self.rest = &self.rest[i + 3..];
                    return Some(line);
                }
                _ => i += 1,
            }
        }
        self.done = true;
        Some(self.rest)
    }
}

/// A list marker at the start of a (trimmed) line: the marker and the text after it.
/// Unordered markers give `None` as marker.
pub fn list_marker(line: &str) -> Option<(Option<String>, &str)> {
    let first = line.chars().next()?;
    if matches!(first, '-' | '*' | '•' | '·' | '◦' | '▪' | '●' | '‣' | '–' | '+') {
        let rest = &line[first.len_utf8()..];
        if rest.starts_with(' ') && rest.trim_start().chars().next().is_some() {
            // "- 5" is a list item, "-5%" is a number; "– " (en dash) only opens a list
            // when the text after it does not read as an aside.
            return Some((None, rest.trim_start()));
        }
        return None;
    }
    // "1. ", "12) ", "a) ", "(3) "
    if !(first.is_ascii_digit() || first.is_ascii_lowercase() || first == '(') {
        return None;
    }
    let open = first == '(';
    let body = if open { &line[1..] } else { line };
    let end = body.bytes().take(5).position(|b| b == b'.' || b == b')')?;
    let label = &body[..end];
    let ordinal = (!label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()))
        || (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()) && body[end..].starts_with(')'));
    if !ordinal || (open && !body[end..].starts_with(')')) {
        return None;
    }
    let rest = &body[end + 1..];
    if !rest.starts_with(' ') || rest.trim_start().is_empty() {
        return None;
    }
    let rest = rest.trim_start();
    let marker = line[..line.len() - body.len() + end + 1].to_string();
    Some((Some(marker), rest))
}

/// Plain text to blocks. Blank lines separate blocks; within a run of non-blank lines,
/// each line is a block unless the text is hard-wrapped, in which case lines that end
/// mid-paragraph are joined. List items nest by their indentation; a list with blank
/// lines between its items is loose.
pub fn plain_blocks(text: &str) -> Vec<Block> {
    let raw: Vec<&str> = split_lines(text).collect();
    let lines: Vec<&str> = raw.iter().map(|l| l.trim()).collect();
    let wrap = hard_wrap_width(&lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false; // whether the last block may take a continuation line
    let mut prev_len = 0usize;
    let mut list = Nesting::default();
    let mut blank_before = false;
    for (line, raw) in lines.iter().copied().zip(raw) {
        if line.is_empty() {
            open = false;
            blank_before = true;
            continue;
        }
        if let Some((marker, rest)) = list_marker(line) {
            let depth = list.depth_of(indent_of(raw));
            let mut item = Block::list_item(cleaned(rest), marker, depth);
            // Loose: a blank line between this item and the one before it.
            if blank_before && blocks.last().is_some_and(|b| b.kind == BlockKind::ListItem) {
                item.rich.loose = true;
                if let Some(prev) = blocks.last_mut() {
                    prev.rich.loose = true;
                }
            }
            blocks.push(item);
            open = wrap.is_some();
            prev_len = line.chars().count();
            blank_before = false;
            continue;
        }
        blank_before = false;
        let len = line.chars().count();
        // "> …": a quoted line, as mail and Markdown set quotations apart.
        if let Some(rest) = quoted_line(line) {
            match blocks.last_mut() {
                Some(last) if last.kind == BlockKind::Quote && open && wrap.is_some() => {
                    last.text.push(' ');
                    clean_inline(rest, &mut last.text);
                }
                _ => blocks.push(Block::new(cleaned(rest), BlockKind::Quote)),
            }
            open = true;
            prev_len = len;
            continue;
        }
        let joins =
            open && wrap.is_some_and(|w| prev_len * 10 >= w * 6 || line.starts_with(|c: char| c.is_lowercase()));
        match blocks.last_mut() {
            Some(last) if joins => {
                last.text.push(' ');
                clean_inline(line, &mut last.text);
            }
            _ => {
                list = Nesting::default();
                blocks.push(Block::new(cleaned(line), BlockKind::Line));
            }
        }
        open = true;
        prev_len = len;
    }
    blocks
}

/// The words of a line quoted with ">" (or "> >", a quotation in a quotation).
fn quoted_line(line: &str) -> Option<&str> {
    let mut rest = line.strip_prefix('>')?;
    while let Some(r) = rest.trim_start().strip_prefix('>') {
        rest = r;
    }
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// Columns of indentation before a line's text (a tab counts four).
fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

/// The indentations of the list items open around the current one.
#[derive(Default)]
struct Nesting(Vec<usize>);

impl Nesting {
    /// The depth of an item indented `indent` columns: deeper than an item indented less,
    /// level with one indented as much.
    fn depth_of(&mut self, indent: usize) -> u8 {
        while self.0.last().is_some_and(|&i| i > indent) {
            self.0.pop();
        }
        if self.0.last() != Some(&indent) {
            self.0.push(indent);
        }
        (self.0.len() - 1).min(u8::MAX as usize) as u8
    }
}

/// The wrap width of hard-wrapped text, or `None` when each line is a paragraph.
/// Hard-wrapped prose has short-ish lines and many breaks in mid-sentence.
fn hard_wrap_width(lines: &[&str]) -> Option<usize> {
    let mut max = 0usize;
    let mut nonblank = 0usize;
    let mut mid_sentence = 0usize;
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.is_empty() {
            continue;
        }
        if b.chars().next().is_some_and(|c| c.is_lowercase())
            && a.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',')
        {
            mid_sentence += 1;
        }
    }
    for l in lines {
        if !l.is_empty() {
            nonblank += 1;
            max = max.max(l.chars().count());
        }
    }
    (max <= 120 && mid_sentence >= 2 && mid_sentence * 10 >= nonblank * 2).then_some(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn every_line_end_splits() {
        let v: Vec<&str> = split_lines("a\r\nb\rc\nd\u{2028}e").collect();
        assert_eq!(v, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let b = plain_blocks("Heading here\nFirst paragraph is here.\nSecond one.\n");
        assert_eq!(texts(&b), ["Heading here", "First paragraph is here.", "Second one."]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Title of it\n\nThe quick brown fox jumps over the lazy dog and\nkeeps running until it reaches the\nriver bank.\n\nAnother paragraph begins here and it goes\non for a while longer than the first.\n";
        let b = plain_blocks(text);
        assert_eq!(
            texts(&b),
            [
                "Title of it",
                "The quick brown fox jumps over the lazy dog and keeps running until it reaches the river bank.",
                "Another paragraph begins here and it goes on for a while longer than the first."
            ]
        );
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(cleaned("\u{feff}a\t b\u{a0}\u{a0}c  "), "a b c");
    }

    #[test]
    fn list_markers() {
        assert_eq!(list_marker("• 47% reduction"), Some((None, "47% reduction")));
        assert_eq!(list_marker("- item"), Some((None, "item")));
        assert_eq!(list_marker("1. First"), Some((Some("1.".into()), "First")));
        assert_eq!(list_marker("(2) Second"), Some((Some("(2)".into()), "Second")));
        assert_eq!(list_marker("a) third"), Some((Some("a)".into()), "third")));
        assert_eq!(list_marker("-5% growth"), None);
        assert_eq!(list_marker("2024. A year"), None);
        assert_eq!(list_marker("Mr. Smith"), None);
    }

    #[test]
    fn bullets_with_leading_spaces_are_list_items() {
        let b = plain_blocks("Intro line here.\n  • 47% reduction in West Africa\n  • 40% reduction\n");
        assert_eq!(b[1].kind, BlockKind::ListItem);
        assert_eq!(b[1].rich.marker, None);
        assert_eq!(b[1].text, "47% reduction in West Africa");
    }

    #[test]
    fn nested_and_loose_lists() {
        let b = plain_blocks("Intro line here.\n- one\n  - one a\n  - one b\n- two\n\nAfter.\n");
        let depths: Vec<(&str, u8)> =
            b.iter().filter(|b| b.kind == BlockKind::ListItem).map(|b| (b.text.as_str(), b.rich.depth)).collect();
        assert_eq!(depths, [("one", 0), ("one a", 1), ("one b", 1), ("two", 0)]);
        assert!(b.iter().all(|b| !b.rich.loose), "a tight list");
        let b = plain_blocks("Intro line here.\n\n- one\n\n- two\n\n- three\n");
        assert!(b.iter().filter(|b| b.kind == BlockKind::ListItem).all(|b| b.rich.loose), "a loose list");
    }

    #[test]
    fn quoted_lines_are_block_quotations() {
        let b = plain_blocks("Intro line here.\n\n> The client may send the server data.\n> > Nested.\n\n>\nAfter.\n");
        let quoted: Vec<&str> = b.iter().filter(|b| b.kind == BlockKind::Quote).map(|b| b.text.as_str()).collect();
        assert_eq!(quoted, ["The client may send the server data.", "Nested."]);
        assert_eq!(b.last().map(|b| (b.text.as_str(), b.kind)), Some(("After.", BlockKind::Line)));
    }
}
