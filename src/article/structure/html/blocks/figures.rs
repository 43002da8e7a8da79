//! Figures, images and code: blocks read whole from their element rather than built up
//! from inline text.

use super::Emitter;
use super::helpers::{code_language, is};
use crate::article::structure::html::content::classify::{Cat, IN_BOILER, SKIP, cat};
use crate::article::structure::html::dom::NodeId;
use crate::article::structure::html::media;
use crate::article::structure::html::page::{Block, Kind};
use crate::article::structure::html::text;
use crate::article::structure::inline::InlineText;

impl Emitter<'_> {
    pub(super) fn image(&mut self, id: NodeId) {
        if !self.cur.is_empty() || media::is_tiny(self.dom, id) {
            return;
        }
        let src = media::img_src(self.dom, id, self.base);
        if src.is_none() {
            return;
        }
        let alt = self.dom.attr(id, "alt").map(text::collapse).filter(|s| !s.is_empty());
        self.blocks.push(Block { kind: Kind::Figure { src, alt }, text: String::new(), spans: vec![] });
    }

    /// A `<figure>` with an image: one Figure block with its caption. Returns false when
    /// the figure holds no image (its content is then walked as usual).
    pub(super) fn figure(&mut self, id: NodeId) -> bool {
        let dom = self.dom;
        let mut img = None;
        let mut caption = None;
        let mut it = dom.descendants(id);
        while let Some(d) = it.next() {
            if self.a.has(d, SKIP) {
                it.skip_children_of(d);
                continue;
            }
            match dom.tag(d).map(|t| &**t) {
                Some("img") if img.is_none() => img = Some(d),
                Some("figcaption") if caption.is_none() => caption = Some(d),
                Some("blockquote" | "table" | "pre" | "p") if img.is_none() => return false,
                _ => {}
            }
        }
        // A figure whose image is left to a script (a placeholder <div>) still has its
        // caption: a figure, not a paragraph of the story.
        if img.is_none() && caption.is_none() {
            return false;
        }
        self.flush();
        let src = img.and_then(|img| media::img_src(dom, img, self.base));
        let alt = img.and_then(|img| dom.attr(img, "alt")).map(text::collapse).filter(|s| !s.is_empty());
        let (text, spans) = match caption {
            Some(c) => self.inline_of(c),
            None => (String::new(), vec![]),
        };
        self.blocks.push(Block { kind: Kind::Figure { src, alt }, text, spans });
        true
    }

    /// A chart (see `charts`): one figure, its caption the chart's `<figcaption>` or its
    /// title (its first heading), its alt text the chart's label; nothing when it has
    /// neither.
    pub(super) fn chart(&mut self, id: NodeId) {
        let dom = self.dom;
        self.flush();
        let caption = dom.descendants(id).find(|&d| is(dom, d, "figcaption")).or_else(|| {
            dom.descendants(id).find(|&d| dom.tag(d).is_some_and(|t| matches!(&**t, "h2" | "h3" | "h4" | "h5" | "h6")))
        });
        let (text, spans) = caption.map(|c| self.inline_of(c)).unwrap_or_default();
        let alt =
            ["aria-label", "title"].iter().find_map(|k| dom.attr(id, k)).map(text::collapse).filter(|a| !a.is_empty());
        if !text.is_empty() || alt.is_some() {
            self.blocks.push(Block { kind: Kind::Figure { src: None, alt }, text, spans });
        }
    }

    /// The inline text of a subtree (for captions), skipping hidden parts.
    fn inline_of(&self, root: NodeId) -> (String, Vec<crate::article::model::Span>) {
        let dom = self.dom;
        let mut t = InlineText::default();
        let mut it = dom.descendants(root);
        while let Some(d) = it.next() {
            if self.a.has(d, SKIP) || (self.a.has(d, IN_BOILER) && !self.a.has(root, IN_BOILER)) {
                it.skip_children_of(d);
            } else if let Some(s) = dom.text(d) {
                t.push(s);
            } else if dom.tag(d).is_some_and(|t| cat(t) == Cat::Block || &**t == "br") {
                t.space();
            } else if dom.element(dom.node(d).prev).is_some() {
                // "…on July 25, 2019.</span><span>J. Scott Applewhite / AP": a caption's
                // credit is a part of its own.
                t.space();
            }
        }
        t.finish()
    }

    /// A `<pre>` as a verbatim code block.
    pub(super) fn code(&mut self, id: NodeId) {
        let dom = self.dom;
        let mut s = String::new();
        let mut it = dom.descendants(id);
        while let Some(d) = it.next() {
            if self.a.has(d, SKIP) {
                it.skip_children_of(d);
            } else if let Some(t) = dom.text(d) {
                s.push_str(t);
            } else if is(dom, d, "br") {
                s.push('\n');
            }
        }
        let s = s.trim_end_matches(['\n', '\r', ' ', '\t']).trim_start_matches(['\n', '\r']);
        if s.trim().is_empty() {
            return;
        }
        let language = code_language(dom, id);
        self.blocks.push(Block { kind: Kind::Code { language }, text: s.to_string(), spans: vec![] });
    }
}
