//! Per-element signals: what never reaches the text (hidden, scripts, forms), and what
//! the class/id vocabulary says (boilerplate or content).

use crate::article::structure::html::dom::{Dom, NodeId};
use crate::article::structure::html::vocab;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// How a tag behaves for reading.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cat {
    /// Never read: scripts, styles, embedded objects, form controls, head matter.
    Skip,
    /// Phrasing content: its text flows into the enclosing block.
    Inline,
    /// A block container (div, p, section, li …).
    Block,
}

/// The category of an HTML tag.
pub fn cat(name: &str) -> Cat {
    match name {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "meta" | "link" | "iframe" | "object"
        | "embed" | "canvas" | "audio" | "video" | "map" | "button" | "input" | "select" | "textarea" | "option"
        | "optgroup" | "datalist" | "dialog" | "frameset" | "frame" | "noframes" | "noembed" | "param" | "source"
        | "track" | "svg" | "math" | "label" | "menu" | "output" | "progress" | "meter" => Cat::Skip,
        // A ruby's readings (furigana, pinyin) are not the words: "子(こ)ども" is searched
        // as 子ども.
        "rt" | "rp" => Cat::Skip,
        "a" | "abbr" | "b" | "bdi" | "bdo" | "cite" | "code" | "data" | "del" | "dfn" | "em" | "font" | "i" | "ins"
        | "kbd" | "mark" | "q" | "s" | "samp" | "small" | "span" | "strike" | "strong" | "sub" | "sup" | "time"
        | "tt" | "u" | "var" | "wbr" | "br" | "img" | "picture" | "big" | "nobr" | "ruby" | "acronym" => Cat::Inline,
        _ => Cat::Block,
    }
}

/// Bit flags per node.
pub const SKIP: u8 = 1;
/// Class/id vocabulary says boilerplate (own attributes).
pub const BOILER: u8 = 2;
/// Class/id vocabulary says content.
pub const POSITIVE: u8 = 4;
/// A semantic content marker: `<article>`, `<main>`, `[itemprop=articleBody]`, `role=main`.
pub const SEMANTIC: u8 = 8;
/// Inside a (confirmed) boilerplate element.
pub const IN_BOILER: u8 = 16;
/// A structural boilerplate element (`nav`, `aside`, `footer`, `header` …).
pub const STRUCTURAL: u8 = 32;
/// Named as comments (which can outweigh the article, so need more to be excused).
pub const COMMENTS: u8 = 64;
/// Inside a link (`<a href>`), however deep.
pub const IN_LINK: u8 = 128;

struct Automata {
    boiler: AhoCorasick,
    content: AhoCorasick,
    exempt: AhoCorasick,
}

fn automata() -> &'static Automata {
    static V: OnceLock<Automata> = OnceLock::new();
    V.get_or_init(|| Automata {
        // These pattern sets are constants, so building them cannot fail at run time.
        boiler: AhoCorasick::new(vocab::BOILER_SUBSTRINGS).unwrap_or_else(|_| unreachable!()),
        content: AhoCorasick::new(vocab::CONTENT_SUBSTRINGS).unwrap_or_else(|_| unreachable!()),
        exempt: AhoCorasick::new(vocab::NOT_BOILER).unwrap_or_else(|_| unreachable!()),
    })
}

/// What a class + id string says: (boilerplate, content).
pub fn class_signals(class_id: &str) -> (bool, bool) {
    if class_id.is_empty() {
        return (false, false);
    }
    // "post_meta" is "post-meta": one vocabulary for both ways of joining words.
    let low = class_id.to_ascii_lowercase().replace('_', "-");
    let v = automata();
    let content = v.content.is_match(&low);
    let mut boiler = v.boiler.is_match(&low)
        || low.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| vocab::BOILER_WORDS.contains(&w));
    if boiler && v.exempt.is_match(&low) {
        boiler = false;
    }
    (boiler, content)
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    let low: String = style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    low.contains("display:none") || low.contains("visibility:hidden")
}

/// Class names that hide text from sighted readers (screen-reader-only helpers).
fn class_hides(class: &str) -> bool {
    class.split_ascii_whitespace().any(|c| vocab::HIDING_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
}

/// Whether element `id` (and so its subtree) is never to be read.
pub fn is_skipped(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else {
        return false;
    };
    if !e.html {
        return true;
    }
    if cat(&e.name) == Cat::Skip {
        return true;
    }
    for a in &e.attrs {
        let v = &*a.value;
        match &*a.name.local {
            "hidden" => return true,
            "aria-hidden" if v.trim().eq_ignore_ascii_case("true") => {
                // Icons and decorations are aria-hidden; so is real text sometimes, but
                // Readability drops it too and it is never the article body.
                return true;
            }
            "style" if style_hides(v) => return true,
            "class" if class_hides(v) => return true,
            "type" if &*e.name == "input" => return true,
            _ => {}
        }
    }
    false
}

/// Own (not inherited) flags of element `id`: BOILER / POSITIVE / SEMANTIC / STRUCTURAL.
pub fn own_flags(dom: &Dom, id: NodeId) -> u8 {
    let Some(e) = dom.element(id) else { return 0 };
    let mut f = 0;
    match &*e.name {
        "article" | "main" => f |= SEMANTIC,
        "nav" | "aside" | "footer" | "header" => f |= STRUCTURAL,
        _ => {}
    }
    // A custom element's name is its author's vocabulary too (`<pp-inline-teaser>`).
    let mut class_id = if e.name.contains('-') { format!("{} ", &*e.name) } else { String::new() };
    for a in &e.attrs {
        match &*a.name.local {
            "class" => {
                class_id.push_str(&a.value);
                class_id.push(' ');
            }
            "id" if !is_slug(&a.value) => {
                class_id.push_str(&a.value);
                class_id.push(' ');
            }
            "itemprop" if a.value.to_ascii_lowercase().contains("articlebody") => f |= SEMANTIC,
            "role" if vocab::CONTENT_ROLES.contains(&&*a.value) => f |= SEMANTIC,
            "role" if vocab::STRUCTURAL_ROLES.contains(&&*a.value) => f |= STRUCTURAL,
            _ => {}
        }
    }
    let (mut boiler, content) = class_signals(&class_id);
    // A heading, or a block that only wraps one, named a "header" is the heading of a
    // part of the text ("j-header", "cc-m-header-1298"), not the page's header.
    if boiler && (is_heading(&e.name) || heads_text(dom, id)) {
        boiler = class_signals(&class_id.to_ascii_lowercase().replace("header", "")).0;
    }
    if boiler && vocab::names(&class_id.to_ascii_lowercase(), vocab::COMMENTS) {
        f |= COMMENTS;
    }
    if boiler {
        f |= BOILER;
    }
    if content {
        f |= POSITIVE;
    }
    f
}

/// A block that only wraps a heading (`<div class="j-header"><h2>…</h2></div>`).
fn heads_text(dom: &Dom, id: NodeId) -> bool {
    let mut kids =
        dom.children(id).filter(|&c| dom.element(c).is_some() || dom.text(c).is_some_and(|t| !t.trim().is_empty()));
    kids.next().is_some_and(|c| dom.tag(c).is_some_and(|t| is_heading(t))) && kids.next().is_none()
}

/// A heading below the headline's level (a site's name is often its `<h1>`).
fn is_heading(tag: &str) -> bool {
    matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether the class or the id of element `id` (each lowercased) contains one of `words`.
pub fn class_or_id_names(dom: &Dom, id: NodeId, words: &[&str]) -> bool {
    let id_attr = dom.attr(id, "id").filter(|v| !is_slug(v));
    dom.attr(id, "class").into_iter().chain(id_attr).any(|v| vocab::names(&v.to_ascii_lowercase(), words))
}

/// An id made from a heading's words ("umgang-mit-den-sozialen-medien-sowie-grundlegende-
/// techniken"), for links to it: its words are the text's, not a designer's vocabulary
/// ("grundlegende" is no caption's "legend", "sponsoring" no sponsor's box).
fn is_slug(id: &str) -> bool {
    id.split(['-', '_']).filter(|w| !w.is_empty()).count() >= SLUG_WORDS
}

/// Words an id needs to be a heading's slug: designers' ids are shorter
/// ("main-content", "post-17538", "js-recipe-ingredients").
const SLUG_WORDS: usize = 5;
