//! One block's text with its inline spans (emphasis, links, code), built while a format's
//! parser walks the block. Whitespace is collapsed as text arrives, so the offsets the
//! spans record are the final ones. Markdown and HTML share it.

use crate::article::model::{Span, SpanKind};

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
    /// Appends text, collapsing every run of whitespace (NBSPs and line ends too) to one
    /// space, and none at the start.
    pub fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{feff}' {
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

    /// Opens a span; `close` ends the latest open span of the same kind.
    pub fn open(&mut self, kind: SpanKind, href: Option<String>) {
        self.open.push((kind, self.text.len(), href));
    }

    pub fn close(&mut self, kind: SpanKind) {
        let Some(i) = self.open.iter().rposition(|(k, _, _)| *k == kind) else { return };
        let (kind, mut start, href) = self.open.remove(i);
        // A space owed when the span opened was written after it: the span starts past it.
        if self.text.as_bytes().get(start) == Some(&b' ') {
            start += 1;
        }
        let end = self.text.len();
        if end > start {
            self.spans.push(Span { kind, start, end, href });
        }
    }

    /// Text pushed inside a span of `kind` and closed at once: inline code, an image's
    /// alt text.
    pub fn push_span(&mut self, kind: SpanKind, s: &str, href: Option<String>) {
        self.open(kind, href);
        self.push(s);
        self.close(kind);
    }

    /// The text and its spans, in order of their starts (outer spans first).
    pub fn finish(mut self) -> (String, Vec<Span>) {
        while let Some(&(kind, _, _)) = self.open.last() {
            self.close(kind);
        }
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
        t.open(SpanKind::Strong, None);
        t.push("  bold\n text ");
        t.close(SpanKind::Strong);
        t.push(" and a ");
        t.open(SpanKind::Link, Some("https://example.org".into()));
        t.push("link");
        t.close(SpanKind::Link);
        t.push(".");
        let (text, spans) = t.finish();
        assert_eq!(text, "Some bold text and a link.");
        assert_eq!(&text[spans[0].start..spans[0].end], "bold text");
        assert_eq!(&text[spans[1].start..spans[1].end], "link");
        assert_eq!(spans[1].href.as_deref(), Some("https://example.org"));
    }
}
