//! Small predicates for the block walker: captions, pull quotes, code languages,
//! link coverage, headline likeness.

use crate::article::model::SpanKind;
use crate::article::structure::html::content::classify::class_or_id_names;
use crate::article::structure::html::dom::{Dom, NONE, NodeId};
use crate::article::structure::html::page::{Block, Kind};
use crate::article::structure::html::vocab;

/// A figure block without a caption.
pub(super) fn is_bare_figure(b: &Block) -> bool {
    matches!(b.kind, Kind::Figure { .. }) && b.text.is_empty()
}

/// Share of words two loose strings have in common (of the longer's count).
pub(super) fn word_overlap(a: &str, b: &str) -> f32 {
    let aw: Vec<&str> = a.split(' ').collect();
    let bw: Vec<&str> = b.split(' ').collect();
    let common = aw.iter().filter(|w| bw.contains(w)).count();
    common as f32 / aw.len().max(bw.len()).max(1) as f32
}

/// Share of `text`'s bytes covered by link spans.
pub(super) fn link_share(text: &str, spans: &[crate::article::model::Span]) -> f32 {
    let mut covered = 0;
    let mut upto = 0;
    for s in spans.iter().filter(|s| s.kind == SpanKind::Link) {
        let start = s.start.max(upto);
        if s.end > start {
            covered += s.end - start;
            upto = s.end;
        }
    }
    if text.is_empty() { 0.0 } else { covered as f32 / text.len() as f32 }
}

pub(super) fn is(dom: &Dom, id: NodeId, name: &str) -> bool {
    dom.tag(id).is_some_and(|t| &**t == name)
}

/// Whether an element's class/id names it a caption or a photo credit.
pub(super) fn caption_class(dom: &Dom, id: NodeId) -> bool {
    class_or_id_names(dom, id, vocab::CAPTION)
}

/// Whether an element's class marks it as a pull quote.
pub(super) fn pull_quote(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "class").is_some_and(|c| vocab::names(&c.to_ascii_lowercase(), vocab::PULL_QUOTE))
}

/// The language of a code block from `language-x` / `lang-x` classes on the `<pre>` or
/// its `<code>`.
pub(super) fn code_language(dom: &Dom, pre: NodeId) -> Option<String> {
    let code = dom.child_elements(pre).find(|&c| is(dom, c, "code")).unwrap_or(NONE);
    for id in [pre, code] {
        if id == NONE {
            continue;
        }
        for class in dom.attr(id, "class").unwrap_or("").split_ascii_whitespace() {
            for prefix in ["language-", "lang-"] {
                if let Some(l) = class.strip_prefix(prefix).filter(|l| !l.is_empty()) {
                    return Some(l.to_ascii_lowercase());
                }
            }
        }
    }
    None
}
