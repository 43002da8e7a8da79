//! One block's text with its inline spans (emphasis, links, code), built while a format's
//! parser walks the block. Whitespace is collapsed as text arrives, so the offsets the
//! spans record are the final ones. Markdown and HTML share it.

use crate::article::model::{Span, SpanKind};

/// Whitespace for collapsing: Unicode whitespace (NBSP included) and the zero-width
/// spaces and BOMs pages pad with.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

#[derive(Debug, Default)]
pub struct InlineText {
    text: String,
    spans: Vec<Span>,
    /// Spans opened and not yet closed: kind, start, target.
    open: Vec<(SpanKind, usize, Option<String>)>,
    /// A space is owed before the next character that is not one.
    pending_space: bool,
}

impl InlineText {
    /// Appends text, collapsing every run of whitespace (NBSPs, line ends and the
    /// zero-width spaces pages pad with too) to one space, and none at the start.
    pub fn push(&mut self, s: &str) {
        for (i, c) in s.char_indices() {
            // "2&nbsp;209": the space that sets off thousands stays.
            let thousands = !self.pending_space
                && matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
                && self.text.ends_with(|d: char| d.is_ascii_digit())
                && s.as_bytes().get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit);
            if is_space(c) && !thousands {
                self.pending_space = !self.text.is_empty();
            } else {
                if self.pending_space {
                    self.text.push(' ');
                    self.pending_space = false;
                }
                self.text.push(c);
            }
        }
    }

    /// A word boundary without a character of its own (a line break, a cell's edge).
    pub fn space(&mut self) {
        if !self.text.is_empty() {
            self.pending_space = true;
        }
    }

    /// Whether any text that is not space was pushed.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Opens a span; the token it returns closes it.
    pub fn open(&mut self, kind: SpanKind, href: Option<String>) -> usize {
        self.open.push((kind, self.text.len(), href));
        self.open.len() - 1
    }

    /// Closes the span opened as `token`, and any opened after it and left open.
    pub fn close(&mut self, token: usize) {
        while self.open.len() > token {
            let Some((kind, mut start, href)) = self.open.pop() else { break };
            // A space owed when the span opened was written after it: the span starts past it.
            if self.text.as_bytes().get(start) == Some(&b' ') {
                start += 1;
            }
            let end = self.text.len();
            if end > start {
                self.spans.push(Span { kind, start, end, href });
            }
        }
    }

    /// Text pushed inside a span of `kind` and closed at once: inline code, an image's
    /// alt text.
    pub fn push_span(&mut self, kind: SpanKind, s: &str, href: Option<String>) {
        let token = self.open(kind, href);
        self.push(s);
        self.close(token);
    }

    /// The text and its spans, in order of their starts (outer spans first).
    pub fn finish(mut self) -> (String, Vec<Span>) {
        self.close(0);
        self.spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        (self.text, self.spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_land_on_collapsed_text() {
        let mut t = InlineText::default();
        t.push("  Some ");
        let strong = t.open(SpanKind::Strong, None);
        t.push("  bold\n text ");
        t.close(strong);
        t.push(" and a ");
        let link = t.open(SpanKind::Link, Some("https://example.org".into()));
        t.push("link");
        t.close(link);
        t.push(".");
        let (text, spans) = t.finish();
        assert_eq!(text, "Some bold text and a link.");
        assert_eq!(&text[spans[0].start..spans[0].end], "bold text");
        assert_eq!(&text[spans[1].start..spans[1].end], "link");
        assert_eq!(spans[1].href.as_deref(), Some("https://example.org"));
    }
}
