//! Readability-style candidate scoring: which subtree(s) hold the article.

use super::Analysis;
use super::classify::{BOILER, IN_BOILER, POSITIVE, SEMANTIC};
use crate::article::structure::html::dom::{Dom, NONE, NodeId};

/// A block needs this much owned text (non-space bytes) to count as a paragraph
/// (Readability's 25 characters: a caption or a button label is shorter).
pub const MIN_PARAGRAPH: u32 = 25;

/// A candidate's base score by its tag, Readability's: containers of prose start ahead,
/// lists, forms and headings behind.
const TAG_CONTAINER: f32 = 5.0;
const TAG_PROSE_BLOCK: f32 = 3.0;
const TAG_LIST_OR_FORM: f32 = -3.0;
const TAG_HEADING: f32 = -5.0;
/// What the class/id vocabulary adds (content words) or takes away (boilerplate words):
/// Readability's class weight.
const CLASS_WEIGHT: f32 = 25.0;
/// What `<article>`, `<main>`, `role=main` or `itemprop=articleBody` adds: less than a
/// class word, as sites wrap teasers in `<article>` too.
const SEMANTIC_WEIGHT: f32 = 10.0;
/// Commas counted towards a paragraph's points at most (Readability counts them all; a
/// list of names separated by commas outscored whole articles).
const MAX_COMMAS: u32 = 40;
/// A paragraph earns a point per this many bytes of text...
const BYTES_PER_POINT: f32 = 100.0;
/// ... up to this many (Readability's).
const MAX_LENGTH_POINTS: f32 = 3.0;
/// How much of its points a paragraph gives the ancestor `level` steps up: all to the
/// parent, half to the grandparent, then a third of the level (Readability's dividers).
fn divider(level: usize) -> f32 {
    match level {
        0 => 1.0,
        1 => 2.0,
        l => l as f32 * 3.0,
    }
}
/// Runners-up looked at for a common ancestor, and how many of them must be strong...
const RUNNERS_UP: usize = 4;
const STRONG_RUNNERS_UP: usize = 3;
/// ... where strong is this share of the best score (Readability's 0.75).
const STRONG_SHARE: f32 = 0.75;
/// Climbing from the best candidate stops at an ancestor scoring under this share of the
/// last score seen (Readability's third).
const CLIMB_FLOOR: f32 = 1.0 / 3.0;
/// A sibling is kept when it scores this share of the best candidate...
const SIBLING_SHARE: f32 = 0.2;
/// ... and at least this much.
const SIBLING_MIN_SCORE: f32 = 10.0;
/// A sibling sharing the best candidate's class earns this share of its score (Readability's).
const SAME_CLASS_BONUS: f32 = 0.2;
/// A sibling holding prose worth this share of the best candidate's...
const SIBLING_PROSE_SHARE: f32 = 0.2;
/// ... and at least this many bytes of it...
const SIBLING_MIN_PROSE: f32 = 200.0;
/// ... with links under this share of its text, belongs (articles split into sections
/// between figures).
const SIBLING_MAX_LINKS: f32 = 0.3;
/// A sibling `<p>` longer than this (bytes) is kept when under a quarter links; a
/// shorter one only when it has no links and ends a sentence (Readability's 80 and 0.25).
const SHORT_PARAGRAPH: u32 = 80;
const PARAGRAPH_MAX_LINKS: f32 = 0.25;
/// How much of a short sibling is read to see whether it ends a sentence.
const SENTENCE_PROBE: usize = 2000;

/// Whether a block's own text is scored as a paragraph (as in Readability: list items,
/// headings, captions and cells of navigation are not prose).
pub fn is_scorable(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.tag(id).map(|t| &**t),
        Some("p" | "pre" | "td" | "div" | "section" | "article" | "main" | "blockquote" | "center" | "font" | "dd")
    )
}
/// How many ancestors a paragraph's score reaches.
const ANCESTOR_LEVELS: usize = 5;

/// The base score of a candidate from its tag and class/id vocabulary.
fn initial_score(dom: &Dom, a: &Analysis, id: NodeId) -> f32 {
    let base = match dom.tag(id).map(|t| &**t) {
        Some("div" | "article" | "main" | "section") => TAG_CONTAINER,
        Some("pre" | "td" | "blockquote") => TAG_PROSE_BLOCK,
        Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form") => TAG_LIST_OR_FORM,
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => TAG_HEADING,
        _ => 0.0,
    };
    let mut w = 0.0;
    if a.has(id, POSITIVE) {
        w += CLASS_WEIGHT;
    }
    if a.has(id, BOILER) {
        w -= CLASS_WEIGHT;
    }
    if a.has(id, SEMANTIC) {
        w += SEMANTIC_WEIGHT;
    }
    base + w
}

/// Candidate scores, indexed by node (NaN = not a candidate).
pub struct Scores {
    pub score: Vec<f32>,
}

impl Scores {
    #[inline]
    pub fn get(&self, id: NodeId) -> Option<f32> {
        let s = self.score[id as usize];
        if s.is_nan() { None } else { Some(s) }
    }
}

/// Score every candidate.
pub fn score(dom: &Dom, a: &Analysis) -> Scores {
    let mut s = Scores { score: vec![f32::NAN; dom.nodes.len()] };
    for &id in &a.order {
        let own = a.own[id as usize];
        if own < MIN_PARAGRAPH || a.has(id, IN_BOILER) {
            continue;
        }
        if !is_scorable(dom, id) {
            continue;
        }
        // Readability's points, except that a paragraph made of links (a list of names or
        // tags separated by commas) earns nothing for them.
        let commas = a.commas[id as usize].min(MAX_COMMAS) as f32;
        let length = (own as f32 / BYTES_PER_POINT).min(MAX_LENGTH_POINTS);
        let points = (1.0 + commas + length) * (1.0 - a.link_density(id));
        // A block whose text is its own (a div of text and <br>s) is also its own
        // candidate, as Readability's div-to-p conversion makes it a paragraph whose
        // parent is scored.
        let mut level = 0;
        let mut p = dom.node(id).parent;
        while p != NONE && level < ANCESTOR_LEVELS {
            if dom.element(p).is_none() {
                break;
            }
            let i = p as usize;
            if s.score[i].is_nan() {
                s.score[i] = initial_score(dom, a, p);
            }
            s.score[i] += points / divider(level);
            level += 1;
            p = dom.node(p).parent;
        }
    }
    for &id in &a.order {
        let i = id as usize;
        if !s.score[i].is_nan() {
            s.score[i] *= 1.0 - a.link_density(id);
        }
    }
    s
}

/// The article's root elements in document order: the best candidate, refined as
/// Readability does, and the siblings that belong with it.
pub struct Chosen {
    pub roots: Vec<NodeId>,
    /// The best-scoring candidate: wherever the roots end, the article holds it.
    pub best: NodeId,
}

/// The article's roots (see [`Chosen`]).
pub fn roots(dom: &Dom, a: &Analysis, s: &Scores) -> Chosen {
    let body = a.body;
    let mut best: Vec<(f32, NodeId)> = a
        .order
        .iter()
        .filter_map(|&id| s.get(id).map(|sc| (sc, id)))
        .filter(|&(_, id)| id != body && dom.tag(id).is_some_and(|t| &**t != "html"))
        .collect();
    best.sort_by(|x, y| y.0.total_cmp(&x.0));
    let Some(&(top_score, mut top)) = best.first() else {
        return Chosen { roots: vec![body], best: body };
    };
    let best_candidate = top;
    // Several strong candidates under one ancestor: the article is that ancestor.
    let strong: Vec<NodeId> =
        best.iter().skip(1).take(RUNNERS_UP).filter(|c| c.0 >= top_score * STRONG_SHARE).map(|c| c.1).collect();
    if strong.len() >= STRONG_RUNNERS_UP {
        let mut p = dom.node(top).parent;
        while p != NONE && p != body {
            // (An ancestor of a runner-up, as Readability counts: not the runner-up itself.)
            let holds = strong.iter().filter(|&&c| c != p && dom.contains(p, c)).count();
            if holds >= STRONG_RUNNERS_UP {
                top = p;
                break;
            }
            p = dom.node(p).parent;
        }
    }
    // Climb while the parent scores better (the article is split into sections).
    let mut last = s.get(top).unwrap_or(top_score);
    let mut p = dom.node(top).parent;
    while p != NONE && p != body {
        if let Some(ps) = s.get(p) {
            if ps < last * CLIMB_FLOOR {
                break;
            }
            if ps > last {
                top = p;
                break;
            }
            last = ps;
        }
        p = dom.node(p).parent;
    }
    // A lone child is as good as its parent.
    loop {
        let p = dom.node(top).parent;
        if p == NONE || p == body || dom.element(p).is_none() {
            break;
        }
        if dom.child_elements(p).count() != 1 {
            break;
        }
        top = p;
    }
    let top = widen(dom, a, top);
    Chosen { roots: siblings(dom, a, s, top), best: best_candidate }
}

/// Levels `widen` climbs at most.
const WIDEN_LEVELS: usize = 3;
/// What the parent adds must be under this share links...
const WIDEN_MAX_LINKS: f32 = 0.3;
/// ... at least this share paragraphs of prose (a gallery's captions, a list of key points
/// or a line of meta are not the article's text) ...
const WIDEN_MIN_PROSE: f32 = 0.5;
/// ... and at most this many times the text already held.
const WIDEN_MAX_GROWTH: u32 = 1;

/// The article spread over sibling parts: a recipe's ingredients beside its steps, a
/// lexicon's entries one after another, a company's page in sections. Climbs to the parent
/// while what it adds beside `top` (leaving out what is boilerplate) is text rather than
/// links, and no more than `top` holds.
fn widen(dom: &Dom, a: &Analysis, mut top: NodeId) -> NodeId {
    for _ in 0..WIDEN_LEVELS {
        let p = dom.node(top).parent;
        if p == NONE || p == a.body || dom.element(p).is_none() || a.has(p, IN_BOILER) {
            break;
        }
        let (mut text, mut link, mut prose) = (0, 0, 0);
        for c in dom.children(p).filter(|&c| c != top && !a.has(c, IN_BOILER)) {
            text += a.text[c as usize];
            link += a.link[c as usize];
            prose += a.prose[c as usize];
        }
        let links = if text == 0 { 0.0 } else { link as f32 / text as f32 };
        let prose_share = if text == 0 { 0.0 } else { prose as f32 / text as f32 };
        if text == 0
            || links >= WIDEN_MAX_LINKS
            || prose_share < WIDEN_MIN_PROSE
            || text > a.text[top as usize] * WIDEN_MAX_GROWTH
        {
            break;
        }
        top = p;
    }
    top
}

/// `top` with the siblings that look like part of the same article.
fn siblings(dom: &Dom, a: &Analysis, s: &Scores, top: NodeId) -> Vec<NodeId> {
    let parent = dom.node(top).parent;
    if parent == NONE || top == a.body {
        return vec![top];
    }
    let top_score = s.get(top).unwrap_or(0.0);
    let threshold = (top_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
    let top_class = dom.attr(top, "class").unwrap_or("");
    let mut out = Vec::new();
    for c in dom.child_elements(parent) {
        if c == top {
            out.push(c);
            continue;
        }
        if a.has(c, IN_BOILER) || a.text[c as usize] == 0 {
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && dom.attr(c, "class") == Some(top_class) {
            bonus = top_score * SAME_CLASS_BONUS;
        }
        // Prose-rich siblings belong too, even when their paragraphs sit too deep to
        // have scored them (articles split into sections between figures).
        let top_prose = a.prose[top as usize] as f32;
        let prose = a.prose[c as usize] as f32;
        if prose >= (top_prose * SIBLING_PROSE_SHARE).max(SIBLING_MIN_PROSE) && a.link_density(c) < SIBLING_MAX_LINKS {
            out.push(c);
            continue;
        }
        let keep = match s.get(c) {
            Some(cs) if cs + bonus >= threshold => true,
            _ => {
                let len = a.text[c as usize];
                let ld = a.link_density(c);
                let is_p = dom.tag(c).is_some_and(|t| &**t == "p");
                if is_p && len > SHORT_PARAGRAPH && ld < PARAGRAPH_MAX_LINKS {
                    true
                } else {
                    is_p && len > 0 && len <= SHORT_PARAGRAPH && ld == 0.0 && ends_sentence(dom, c)
                }
            }
        };
        if keep {
            out.push(c);
        }
    }
    out
}

/// Whether the text of `id` looks like a finished sentence.
fn ends_sentence(dom: &Dom, id: NodeId) -> bool {
    let t = dom.text_upto(id, SENTENCE_PROBE);
    let t = t.trim_end();
    t.ends_with('.') || t.contains(". ")
}
