//! The blocks every input format is cut into (a line, a paragraph, a heading, a list
//! item…), before the classifier decides what each one is; and the whitespace cleaning
//! all formats share.

use crate::article::model::Rich;

/// One candidate paragraph: a line of a one-paragraph-per-line article, a blank-line
/// separated group, the joined lines of a hard-wrapped paragraph, or a block a format's
/// markup gives (a heading, a list item, a table…).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    /// The first link's address (Markdown), for a `Source:` line whose text is a name.
    pub link: Option<String>,
    /// All of it emphasised (Markdown `*standfirst*`).
    pub emphasised: bool,
    /// What the paragraph it becomes carries beyond its text: a list item's marker and
    /// depth, inline spans, a table's rows, a code block's language, a figure's image.
    pub rich: Rich,
}

impl Block {
    pub fn new(text: String, kind: BlockKind) -> Self {
        Block { text, kind, link: None, emphasised: false, rich: Rich::default() }
    }

    /// A list item; `marker` for an ordered one ("1.", "a)").
    pub fn list_item(text: String, marker: Option<String>, depth: u8) -> Self {
        let ordered = marker.is_some();
        let rich = Rich { marker, depth, ordered, ..Rich::default() };
        Block { rich, ..Block::new(text, BlockKind::ListItem) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Plain text: what it is (title, heading, byline, body…) is decided later.
    Line,
    /// An explicit heading (Markdown `#`), with its level.
    Heading(u8),
    /// An explicit paragraph (Markdown): never a heading.
    Paragraph,
    /// A list item (its marker, depth and looseness are in `rich`).
    ListItem,
    /// A block quote (Markdown `>`).
    Quote,
    /// A table (its rows are in `rich`; `text` is its cells).
    Table,
    /// Code, verbatim.
    Code,
    /// An image with its caption as `text`.
    Figure,
}

/// Collapses every run of whitespace (tabs, NBSPs, line ends) to one space and trims.
/// Control characters other than whitespace are kept: the display layer shows them safely
/// and the export keeps the original text.
pub fn clean_inline(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut pending_space = false;
    let mut i = 0;
    // Copies runs of ordinary characters in bulk; only whitespace is looked at closely.
    while i < bytes.len() {
        let (ws_len, is_ws) = whitespace_at(text, i);
        if is_ws {
            pending_space = !out.is_empty();
            i += ws_len;
            continue;
        }
        // The run goes on over single ASCII spaces between words (they are what collapsing
        // would leave), so a paragraph of prose is copied in a few pieces, not a word at
        // a time; printable ASCII needs no closer look.
        let start = i;
        i += ws_len;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_graphic() {
                i += 1;
                continue;
            }
            if b == b' ' && bytes.get(i + 1).is_some_and(|&next| next != b' ') && !whitespace_at(text, i + 1).1 {
                i += 1;
                continue;
            }
            let (n, ws) = whitespace_at(text, i);
            if ws {
                break;
            }
            i += n;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push_str(&text[start..i]);
    }
}

/// The length of the character at `i` and whether it is whitespace (or a BOM).
#[inline]
fn whitespace_at(text: &str, i: usize) -> (usize, bool) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (1, matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c));
    }
    // Only these lead bytes start a non-ASCII whitespace character.
    if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) {
        let c = text[i..].chars().next().unwrap_or(' ');
        let ws = (c.is_whitespace() || c == '\u{feff}') && !thousands_space(text, i, c);
        return (c.len_utf8(), ws);
    }
    let n = match b {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    };
    (n, false)
}

/// "2 209", "1 234,5": a no-break or thin space between digits sets off thousands; it
/// is kept so that the number reads as one.
pub fn thousands_space(text: &str, i: usize, c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
        && i > 0
        && text.as_bytes()[i - 1].is_ascii_digit()
        && text.as_bytes().get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit)
}

pub fn cleaned(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    clean_inline(text, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::cleaned;

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        assert_eq!(cleaned("  Water  rose\t\nfast.  "), "Water rose fast.");
        assert_eq!(cleaned("one two three"), "one two three");
        assert_eq!(cleaned("a \u{2009} b\u{00A0}c \u{3000}d"), "a b c d");
        assert_eq!(cleaned("“Quoted,” she said.\r\n"), "“Quoted,” she said.");
        assert_eq!(cleaned("x\u{feff}y z"), "x y z");
        assert_eq!(cleaned("tab\tand\u{0b}vt"), "tab and vt");
        // A no-break or thin space between digits sets off thousands and stays.
        assert_eq!(cleaned("2\u{00A0}209 people, 1\u{202F}234,5 km"), "2\u{00A0}209 people, 1\u{202F}234,5 km");
        // Control characters other than whitespace are kept for the display to show.
        assert_eq!(cleaned("bell\u{7}  here"), "bell\u{7} here");
    }
}
