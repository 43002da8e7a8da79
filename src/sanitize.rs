//! Making untrusted text safe to write to a terminal.
//!
//! An article is text from the web. Control characters and escape sequences in it (ESC,
//! CSI, OSC 8 links, OSC 52 clipboard writes, 8-bit C1 controls such as U+009B), bidi
//! overrides that reorder what is shown, and zero-width characters that hide text are
//! replaced with visible placeholders. Nothing in an article reaches the terminal as a
//! control. The export keeps the original text; only display goes through here.

use std::borrow::Cow;

/// What a character becomes on screen: itself, or a visible placeholder.
pub enum Shown {
    Keep,
    Replace(&'static str),
    Code(char),
}

/// C0 controls become their Control Pictures (U+2400 block): ESC shows as ␛.
const PICTURES: [&str; 32] = [
    "␀", "␁", "␂", "␃", "␄", "␅", "␆", "␇", "␈", "␉", "␊", "␋", "␌", "␍", "␎", "␏", "␐", "␑", "␒", "␓", "␔", "␕", "␖",
    "␗", "␘", "␙", "␚", "␛", "␜", "␝", "␞", "␟",
];

#[inline]
pub fn classify(c: char, prev: Option<char>) -> Shown {
    match c {
        '\u{0}'..='\u{1f}' => Shown::Replace(PICTURES[c as usize]),
        '\u{7f}' => Shown::Replace("␡"),
        // C1 controls (U+009B is a one-byte CSI in 8-bit terminals).
        '\u{80}'..='\u{9f}' => Shown::Code(c),
        // Bidi embeddings, overrides and isolates; bidi marks.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => Shown::Code(c),
        // Zero-width and invisible characters that can hide or split words. A joiner
        // between emoji (family, flags) is kept: it is how those are written.
        '\u{200d}' if prev.is_some_and(is_emojiish) => Shown::Keep,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}' | '\u{ad}' => {
            Shown::Code(c)
        }
        // Line and paragraph separators, interlinear annotations, specials.
        '\u{2028}' | '\u{2029}' | '\u{fff9}'..='\u{fffb}' => Shown::Code(c),
        // Private-use and unassigned planes render unpredictably; noncharacters too.
        '\u{fffe}' | '\u{ffff}' => Shown::Replace("�"),
        _ => Shown::Keep,
    }
}

fn is_emojiish(c: char) -> bool {
    matches!(c, '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{fe0f}')
}

/// `text` with every unsafe character replaced by a visible placeholder.
pub fn visible(text: &str) -> Cow<'_, str> {
    let mut prev = None;
    let first_bad = text.char_indices().find(|&(_, c)| {
        let bad = !matches!(classify(c, prev), Shown::Keep);
        prev = Some(c);
        bad
    });
    let Some((i, _)) = first_bad else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..i]);
    let mut prev = text[..i].chars().next_back();
    for c in text[i..].chars() {
        match classify(c, prev) {
            Shown::Keep => out.push(c),
            Shown::Replace(s) => out.push_str(s),
            Shown::Code(c) => {
                use std::fmt::Write;
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// One line for tab-separated output: tabs and line ends become spaces, the rest as
/// [`visible`].
pub fn field(text: &str) -> String {
    let flat: String = text.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect();
    visible(&flat).into_owned()
}

/// A URL with its password hidden: `http://alice:***@host/page`. A user name alone is
/// kept. Every URL folio writes (error lines, the title bar, the fetching screen, the
/// source line, the state) goes through here or [`url`].
pub fn hide_password(url: &str) -> Cow<'_, str> {
    let Some(scheme_end) = url.find("://") else { return Cow::Borrowed(url) };
    let from = scheme_end + 3;
    let rest = &url[from..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let Some(at) = authority.rfind('@') else { return Cow::Borrowed(url) };
    let Some(colon) = authority[..at].find(':') else { return Cow::Borrowed(url) };
    Cow::Owned(format!("{}***{}", &url[..from + colon + 1], &url[from + at..]))
}

/// A URL as folio shows it: its password hidden, and safe for the terminal.
pub fn url(u: &str) -> String {
    field(&hide_password(u))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_urls_are_hidden() {
        assert_eq!(hide_password("http://alice:S3CRET@host/page"), "http://alice:***@host/page");
        assert_eq!(hide_password("https://a:b@c@host:8080?x=1"), "https://a:***@host:8080?x=1");
        assert_eq!(hide_password("http://alice@host/"), "http://alice@host/");
        assert_eq!(hide_password("http://host/a:b@c"), "http://host/a:b@c", "an @ in the path is not a password");
        assert_eq!(hide_password("not a url"), "not a url");
    }

    #[test]
    fn escapes_become_pictures() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(visible("\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7}"), "␛]8;;http://x␇link␛]8;;␇");
        assert_eq!(visible("bell\u{7} back\u{8} del\u{7f}"), "bell␇ back␈ del␡");
    }

    #[test]
    fn c1_bidi_and_zero_width_are_named() {
        assert_eq!(visible("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(visible("abc\u{202e}fed"), "abc<U+202E>fed");
        assert_eq!(visible("in\u{200b}visible"), "in<U+200B>visible");
        assert_eq!(visible("\u{2066}iso\u{2069}"), "<U+2066>iso<U+2069>");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        assert!(matches!(visible("Trẻ em — “quoted” 👩‍👩‍👧 日本"), Cow::Borrowed(_)));
        assert_eq!(visible("👩\u{200d}👧"), "👩\u{200d}👧");
    }

    #[test]
    fn fields_are_one_line() {
        assert_eq!(field("a\tb\nc\u{1b}"), "a b c␛");
    }
}
