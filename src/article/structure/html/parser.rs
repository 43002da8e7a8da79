//! Driving html5ever: tokenizer -> nesting limiter -> tree builder -> our arena sink.
//!
//! html5ever's tree builder scans its stack of open elements for many tags ("is there a
//! `<p>` in button scope?"), so a page of 100,000 nested `<div>`s costs it quadratic time.
//! Browsers cap the tree depth (Blink at 512); we do the same: a start tag that would open
//! an element deeper than [`MAX_DEPTH`] is dropped (its text still lands in the deepest
//! open element), except tags that switch the tokenizer into raw-text modes, which must
//! reach the tree builder so that script and style bodies never turn into page text.
//! Before any of it, `prune.rs` cuts what is never read and costs the tokenizer most: tags'
//! absurdly many attributes (its duplicate check is quadratic in their number), and the
//! bodies of scripts of code and of style sheets.

use crate::article::structure::html::dom::{Dom, NodeId};
use crate::article::structure::html::prune;
use crate::article::structure::html::sink::Sink;
use html5ever::interface::TokenizerResult;
use html5ever::interface::Tracer;
use html5ever::interface::TreeSink;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use std::cell::Cell;

/// Deepest nesting of open elements we let the tree builder build.
const MAX_DEPTH: u32 = 512;

/// Parse `html` into a [`Dom`].
pub fn parse(html: &str) -> Dom {
    let html = prune::prune(html);
    let html = html.as_ref();
    let sink = Sink::new(html.len() / 40 + 16);
    let tb = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tok = Tokenizer::new(Limiter { tb }, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    // `feed` stops at each </script> (a hook for script execution) and at encoding hints;
    // we run no scripts and the input is already text, so just keep feeding.
    while let TokenizerResult::Script(_) | TokenizerResult::EncodingIndicator(_) = tok.feed(&input) {}
    tok.end();
    let Limiter { tb } = tok.sink;
    tb.sink.finish()
}

/// Forwards tokens to the tree builder, dropping start tags past the depth limit.
struct Limiter {
    tb: TreeBuilder<NodeId, Sink>,
}

/// Counts the handles the tree builder holds (its open elements, mostly).
struct Counter(Cell<u32>);

impl Tracer for Counter {
    type Handle = NodeId;
    fn trace_handle(&self, _node: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// Tags whose start must always reach the tree builder (raw-text tokenizer states, or
/// elements that are never left open).
fn must_pass(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "template"
            | "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

impl Limiter {
    fn too_deep(&self) -> bool {
        let hint = &self.tb.sink.depth_hint;
        if hint.get() < MAX_DEPTH {
            return false;
        }
        // The hint says we may be deep: count the real stack (bounded by the limit plus
        // the few handles the tree builder keeps besides), and resynchronise the hint.
        let counter = Counter(Cell::new(0));
        self.tb.trace_handles(&counter);
        hint.set(counter.0.get());
        counter.0.get() >= MAX_DEPTH
    }
}

impl TokenSink for Limiter {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        if let Token::TagToken(tag) = &token
            && tag.kind == TagKind::StartTag
            && !tag.self_closing
            && self.too_deep()
            && !must_pass(&tag.name)
        {
            return TokenSinkResult::Continue;
        }
        self.tb.process_token(token, line)
    }

    fn end(&self) {
        self.tb.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.tb.adjusted_current_node_present_but_not_in_html_namespace()
    }
}
