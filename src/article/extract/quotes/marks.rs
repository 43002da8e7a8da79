//! Quotation marks: where each quotation of a paragraph opens and closes, outermost only.
//! “…”, "…", „…“ (German, Czech), «…» (French, Russian), 「…」 and 『…』 (Japanese,
//! Chinese) always; »…« (Danish, some German) in a paragraph without «; ‘…’, ‚…‘ and ‹…›
//! when a paragraph uses single marks; straight single marks only where a colon
//! introduces them ("told the court: 'The harm…'"), since elsewhere they are apostrophes.
//! News archives and typewriter text write a double mark as two characters: ''…'' and
//! ``…''; each pair is one mark here.

use memchr::memmem::Finder;
use std::sync::LazyLock;

/// One quotation's marks, as byte offsets.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// The opening mark.
    pub open: usize,
    /// The first byte after it.
    pub inner: usize,
    /// The closing mark (the text's length if unclosed).
    pub close: usize,
    /// The first byte after the closing mark.
    pub after: usize,
    pub unclosed: bool,
}

/// Two apostrophes standing for a double mark (''We will win,'' he said), and two
/// backticks opening one (``We will win,'' he said). Private-use characters: the scan
/// gives them to a pair, never to a character of the text.
const TWO_APOSTROPHES: char = '\u{F8F0}';
const TWO_BACKTICKS: char = '\u{F8F1}';

fn closes(open: char, c: char) -> bool {
    match open {
        TWO_APOSTROPHES | TWO_BACKTICKS => c == TWO_APOSTROPHES || c == '”',
        // Typed by hand or joined from two sources, a quotation may open with one kind of
        // double mark and close with the other.
        '“' => c == '”' || c == '"' || c == TWO_APOSTROPHES,
        '"' => c == '"' || c == '”',
        '„' => c == '“' || c == '”',
        '«' => c == '»',
        '»' => c == '«',
        '「' => c == '」',
        '『' => c == '』',
        '‹' => c == '›',
        '‚' => c == '‘' || c == '’',
        '‘' => c == '’',
        '\'' => c == '\'',
        _ => false,
    }
}

/// Which marks a paragraph may open quotations with.
struct Marks {
    /// Single curly marks, in a paragraph that uses no double ones.
    single: bool,
    /// Straight single marks: the paragraph opens with one, or a colon introduces one.
    straight_single: bool,
    /// »…«: the paragraph's first guillemet is ».
    reversed: bool,
}

/// The marks to look for, or `None` when the paragraph holds none at all (most do not:
/// found out at memchr speed).
fn marks_in(text: &str) -> Option<Marks> {
    let b = text.as_bytes();
    static INTRODUCED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b": '").into_owned());
    let straight_single = b.starts_with(b"'") || INTRODUCED.find(b).is_some();
    // « is C2 AB, » C2 BB, ‹ E2 80 B9: their last bytes, at memchr speed. “ „ ‘ ‚ are
    // E2 80 9C/9E/98/9A and 「 『 E3 80 8C/8E: one pass over the lead bytes finds them
    // (six substring searches did, one per mark).
    let curly = || {
        memchr::memchr2_iter(0xE2, 0xE3, b).any(|i| {
            matches!(
                (b[i], b.get(i + 1), b.get(i + 2)),
                (0xE2, Some(0x80), Some(0x9C | 0x9E | 0x98 | 0x9A)) | (0xE3, Some(0x80), Some(0x8C | 0x8E))
            )
        })
    };
    static DOUBLED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"''").into_owned());
    let any = memchr::memchr3(b'"', 0xAB, 0xBB, b).is_some()
        || memchr::memchr(b'`', b).is_some()
        || DOUBLED.find(b).is_some()
        || memchr::memchr(0xB9, b).is_some()
        || straight_single
        || curly();
    any.then(|| Marks {
        single: text.contains(['‘', '‚', '‹']) && !text.contains(['“', '"', '„', '«', '»', '「']),
        straight_single,
        // »…« when » comes first (Danish, some German), «…» otherwise.
        reversed: text.find('»').is_some_and(|r| text.find('«').is_none_or(|l| r < l)),
    })
}

/// The characters around the one being read.
#[derive(Clone, Copy)]
struct Around {
    before_prev: Option<char>,
    prev: Option<char>,
    next: Option<char>,
}

impl Marks {
    /// Whether `c` at byte `i` opens a quotation.
    fn opens(&self, c: char, i: usize, at: Around) -> bool {
        let Around { before_prev, prev, next } = at;
        match c {
            '“' | '„' | '«' | '「' | '『' | TWO_BACKTICKS => true,
            TWO_APOSTROPHES => {
                prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
                    && next.is_some_and(|n| !n.is_whitespace())
            }
            '»' => self.reversed && next.is_some_and(|n| !n.is_whitespace()),
            '‘' | '‚' | '‹' => self.single && next.is_some_and(|n| !n.is_whitespace()),
            '\'' => {
                self.straight_single
                    && (i == 0 || prev == Some(' ') && before_prev == Some(':'))
                    && next.is_some_and(char::is_uppercase)
            }
            // A straight quote opens after a space or an opening bracket, not after a digit
            // (5" is inches).
            '"' => {
                prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
                    && next.is_some_and(|n| !n.is_whitespace())
            }
            _ => false,
        }
    }
}

/// Whether `c` closes a quotation opened with `open`. A single closing mark is only a
/// close when no letter follows it ("teachers’ union" goes on; "offensive’ wage" closes);
/// a straight one only after the end of a sentence ("the court's" is an apostrophe;
/// "avoidable.' She" closes).
fn really_closes(open: char, c: char, at: Around) -> bool {
    // “…fascist?“ he asked: an opening mark that can only close, typed for the closing one.
    if open == '“' && c == '“' {
        return turned(at);
    }
    if !closes(open, c) {
        return false;
    }
    match open {
        '“' | '"' | TWO_APOSTROPHES | TWO_BACKTICKS if c != open && c != '”' => {
            at.next.is_none_or(|n| !n.is_alphanumeric())
        }
        '‘' | '‚' => at.next.is_none_or(|n| !n.is_alphanumeric()),
        '\'' => {
            at.prev.is_some_and(|p| matches!(p, '.' | '!' | '?' | ',')) && at.next.is_none_or(|n| !n.is_alphanumeric())
        }
        _ => true,
    }
}

/// An opening double mark that can only close: glued to a word or a stop before it, with
/// a space, a stop or the end after it.
fn turned(at: Around) -> bool {
    at.prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | '!' | '?' | ','))
        && at.next.is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')'))
}

/// Every character that may open or close a quotation.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '‚'
            | '‹'
            | '›'
            | '«'
            | '»'
            | '「'
            | '」'
            | '『'
            | '』'
            | TWO_APOSTROPHES
            | TWO_BACKTICKS
    )
}

/// Quotation spans, outermost only. An unclosed mark runs to the end of the paragraph.
pub fn spans(text: &str) -> Vec<Span> {
    let Some(marks) = marks_in(text) else { return Vec::new() };
    let mut out = Vec::new();
    // Where the open quotation's mark starts, the mark, and its length in bytes.
    let mut open: Option<(usize, char, usize)> = None;
    // Nested quotations using the same marks.
    let mut depth = 0usize;
    // Only the marks matter, and each mark's neighbours: the scan hops from one byte that
    // may start a mark to the next (a quotation mark's first byte is '"', '\'', C2, E2
    // or E3; none of them continues a character) instead of decoding every character.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3) {
            i += 1;
            continue;
        }
        let Some(mut c) = text[i..].chars().next() else { break };
        let mut len = c.len_utf8();
        match (bytes[i], bytes.get(i + 1)) {
            (b'\'', Some(b'\'')) => (c, len) = (TWO_APOSTROPHES, 2),
            (b'`', Some(b'`')) => (c, len) = (TWO_BACKTICKS, 2),
            (b'`', _) => {
                i += 1;
                continue;
            }
            _ => {}
        }
        if !is_mark(c) {
            i += len;
            continue;
        }
        let mut back = text[..i].chars().rev();
        let (prev, before_prev) = (back.next(), back.next());
        let at = Around { before_prev, prev, next: text[i + len..].chars().next() };
        match open {
            None if marks.opens(c, i, at) => {
                open = Some((i, c, len));
                depth = 0;
            }
            None => {}
            Some((_, o, _))
                if c == o && !matches!(o, '"' | '‘' | '\'' | '»' | TWO_APOSTROPHES) && !(o == '“' && turned(at)) =>
            {
                depth += 1
            }
            // “…’’ (two single curly marks for a double one, as some wires write).
            Some((start, '“', olen)) if depth == 0 && c == '’' && at.next == Some(c) => {
                out.push(Span { open: start, inner: start + olen, close: i, after: i + 2 * len, unclosed: false });
                open = None;
                i += 2 * len;
                continue;
            }
            Some((start, o, olen)) if really_closes(o, c, at) => {
                if depth == 0 {
                    out.push(Span { open: start, inner: start + olen, close: i, after: i + len, unclosed: false });
                    open = None;
                } else {
                    depth -= 1;
                }
            }
            Some(_) => {}
        }
        i += len;
    }
    // A straight single mark never closed was an apostrophe after all.
    if let Some((start, _, olen)) = open.filter(|&(_, o, _)| o != '\'') {
        out.push(Span { open: start, inner: start + olen, close: text.len(), after: text.len(), unclosed: true });
    }
    out
}
