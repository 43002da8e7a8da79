//! Finding the article's content in the page.
//!
//! 1. [`Analysis::new`] walks the page once (pre-order, iteratively), marking what is never
//!    read (hidden, scripts, form controls …) and what the class/id vocabulary says; then
//!    it sums text lengths bottom-up and assigns every text run to the block that owns it.
//! 2. [`score::roots`] scores candidates the Readability way (paragraphs push their score
//!    to their ancestors, link density damps it), picks the best, and merges siblings.
//! 3. `blocks.rs` turns the chosen subtrees into blocks, dropping boilerplate inside them.

pub mod classify;
pub mod score;

use crate::article::structure::html::dom::{Dom, NONE, NodeData, NodeId};
use crate::article::structure::html::text;
use crate::article::structure::html::vocab;
use classify::{BOILER, COMMENTS, Cat, IN_BOILER, IN_LINK, SEMANTIC, SKIP, STRUCTURAL, cat};
use rustc_hash::FxHashMap as HashMap;

/// A slide's counter at the start of its title: "1/50", "12 of 50".
fn is_slide_counter(text: &str) -> bool {
    let t = text.trim_start();
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = digits(t);
    if n == 0 {
        return false;
    }
    let rest = t[n..].trim_start();
    let rest = rest.strip_prefix('/').or_else(|| rest.strip_prefix("of ")).map(str::trim_start);
    rest.is_some_and(|r| digits(r) > 0)
}

/// The most text (non-space bytes) a teaser card holds: a headline and a summary.
const MAX_CARD: u32 = 500;
/// A list of teasers has at least this many cards (or counted slides)...
const MIN_CARDS: u32 = 3;
/// ... making up this share of its children at least (two thirds, as a fraction so that
/// the comparison is exact).
const CARD_SHARE: (u32, u32) = (2, 3);
/// How much of a heading is read to see whether it opens with a slide's counter (source
/// indentation counts towards it: room for that).
const SLIDE_PROBE: usize = 400;
/// A boilerplate-named element holding this share of the page's text is a wrapper with an
/// unlucky name ("page-content with-sidebar"), not boilerplate.
const WRAPPER_TEXT_SHARE: f32 = 0.6;
/// ... or holding this share of the page's prose outside its landmarks.
const WRAPPER_PROSE_SHARE: f32 = 0.4;
/// A comments section must hold this share of it: a discussion can outweigh the article.
const COMMENTS_PROSE_SHARE: f32 = 0.8;

/// How far the class/id vocabulary is heeded. A page whose article sits in a container
/// with a boilerplate-looking name gives almost nothing at first, and is read again
/// with the names ignored (as dom_smoothie relaxes its flags one at a time).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pass {
    /// Boilerplate class/id names and structural elements both mark the furniture.
    Strict,
    /// Only structural elements (nav, aside, footer, header, ARIA landmarks) do.
    IgnoreClassNames,
}

/// Facts about every node, indexed by node id.
pub struct Analysis {
    /// Flag bits from [`classify`].
    pub flags: Vec<u8>,
    /// Readable nodes (elements and text) in document order; skipped subtrees left out.
    pub order: Vec<NodeId>,
    /// Text weight (non-space bytes) of the subtree.
    pub text: Vec<u32>,
    /// Text weight inside links.
    pub link: Vec<u32>,
    /// Text weight owned directly (through inline descendants only) by a block element.
    pub own: Vec<u32>,
    /// Commas in the owned text.
    pub commas: Vec<u32>,
    /// Text weight of the paragraphs (scorable blocks with enough own text) in the subtree.
    pub prose: Vec<u32>,
    /// Runs of text (text nodes with something to read) in the subtree...
    pub runs: Vec<u32>,
    /// ... and those that read as a chart's labels: short, with a digit ("2016", "$400").
    pub labels: Vec<u32>,
    /// Text weight of the whole body.
    pub total: u32,
    /// The `<body>` element (or the document when there is none).
    pub body: NodeId,
}

impl Analysis {
    /// Analyse `dom`, heeding the class/id vocabulary as far as `pass` says.
    pub fn new(dom: &Dom, pass: Pass) -> Analysis {
        let n = dom.nodes.len();
        let mut a = Analysis {
            flags: vec![0; n],
            order: Vec::with_capacity(n),
            text: vec![0; n],
            link: vec![0; n],
            own: vec![0; n],
            commas: vec![0; n],
            prose: vec![0; n],
            runs: vec![0; n],
            labels: vec![0; n],
            total: 0,
            body: 0,
        };
        a.walk(dom);
        a.sum(dom);
        a.body = dom.find_tag(dom.html_element(), "body").unwrap_or(0);
        a.total = a.text[a.body as usize];
        a.confirm_boiler(dom, pass);
        a
    }

    /// Pass 1: flags and the reading order.
    fn walk(&mut self, dom: &Dom) {
        let mut it = dom.descendants(0);
        while let Some(id) = it.next() {
            match &dom.node(id).data {
                NodeData::Element(_) => {
                    if classify::is_skipped(dom, id) {
                        self.flags[id as usize] = SKIP;
                        it.skip_children_of(id);
                        continue;
                    }
                    let mut f = classify::own_flags(dom, id);
                    f |= self.flags[dom.node(id).parent as usize] & IN_LINK;
                    if dom.tag(id).is_some_and(|t| &**t == "a") && dom.attr(id, "href").is_some() {
                        f |= IN_LINK;
                    }
                    self.flags[id as usize] = f;
                }
                NodeData::Text(_) => {
                    self.flags[id as usize] = self.flags[dom.node(id).parent as usize] & IN_LINK;
                }
                _ => continue,
            }
            self.order.push(id);
        }
    }

    /// Pass 2: text weights, link weights, and owned text per block.
    fn sum(&mut self, dom: &Dom) {
        for &id in &self.order {
            let Some(t) = dom.text(id) else { continue };
            let w = text::weight(t);
            if w == 0 {
                continue;
            }
            self.text[id as usize] = w;
            self.runs[id as usize] = 1;
            self.labels[id as usize] = u32::from(is_label(t));
            let in_link = self.flags[id as usize] & IN_LINK != 0;
            let mut p = dom.node(id).parent;
            while p != NONE && !dom.tag(p).is_some_and(|t| cat(t) == Cat::Block) {
                p = dom.node(p).parent;
            }
            if p != NONE {
                self.own[p as usize] += w;
                self.commas[p as usize] += text::commas(t);
                if !in_link {
                    // Provisionally the owned text outside links; becomes prose below.
                    self.prose[p as usize] += w;
                }
            }
            if in_link {
                self.link[id as usize] = w;
            }
        }
        // Only the plain text of real paragraphs counts as prose.
        for &id in &self.order {
            let i = id as usize;
            if self.prose[i] > 0 && (self.own[i] < score::MIN_PARAGRAPH || !score::is_scorable(dom, id)) {
                self.prose[i] = 0;
            }
        }
        for &id in self.order.iter().rev() {
            let i = id as usize;
            let parent = dom.node(id).parent as usize;
            self.text[parent] += self.text[i];
            self.link[parent] += self.link[i];
            self.prose[parent] += self.prose[i];
            self.runs[parent] += self.runs[i];
            self.labels[parent] += self.labels[i];
        }
    }

    /// Pass 3: a boilerplate-named element counts as boilerplate unless it holds most of
    /// the page's text or a good share of its prose (then it is a wrapper with an unlucky
    /// name, like "page-content with-sidebar"); descendants of boilerplate are boilerplate.
    fn confirm_boiler(&mut self, dom: &Dom, pass: Pass) {
        let limit = self.total as f32 * WRAPPER_TEXT_SHARE;
        // The page's prose outside nav/header/footer/aside (mega-menus carry teasers).
        let mut prose = self.prose[self.body as usize] as f32;
        let mut it = dom.descendants(self.body);
        while let Some(id) = it.next() {
            if self.flags[id as usize] & (STRUCTURAL | SKIP) != 0 {
                prose -= self.prose[id as usize] as f32;
                it.skip_children_of(id);
            }
        }
        let teasers = self.teaser_lists(dom);
        // An article split in two around a box: both parts carry the same class
        // ("story-body-supplemental"), so a name the main part shows to be the article's
        // is no boilerplate in the other part either.
        let own_prose = self.prose_outside_structural(dom);
        let mut prose_by_class: HashMap<&str, u32> = HashMap::default();
        for &id in &self.order {
            if let Some(c) = dom.attr(id, "class").filter(|c| !c.trim().is_empty()) {
                let e = prose_by_class.entry(c).or_default();
                *e = (*e).max(own_prose[id as usize]);
            }
        }
        for &id in &self.order {
            let i = id as usize;
            let f = self.flags[i];
            if dom.element(id).is_none() {
                continue;
            }
            if teasers[i] {
                self.flags[i] |= IN_BOILER;
                continue;
            }
            let inherited = self.flags[dom.node(id).parent as usize] & IN_BOILER;
            let named = match pass {
                Pass::Strict => BOILER | STRUCTURAL,
                Pass::IgnoreClassNames => STRUCTURAL,
            };
            let share = if f & COMMENTS != 0 { COMMENTS_PROSE_SHARE } else { WRAPPER_PROSE_SHARE };
            let twin_is_article = dom
                .attr(id, "class")
                .and_then(|c| prose_by_class.get(c))
                .is_some_and(|&p| p > 0 && p as f32 >= prose * share && f & COMMENTS == 0);
            // A link or a span inside a paragraph is part of the sentence whatever its class
            // says (`<a class="meta-org">Verizon</a>`, `<p><span class="dateline">KOBE –</span>
            // A total of …`), unless it is kept off paper (Wikipedia's "[citation needed]").
            let in_sentence = dom.tag(id).is_some_and(|t| cat(t) == Cat::Inline)
                && dom.tag(dom.node(id).parent).is_some_and(|t| &**t == "p")
                && !classify::class_or_id_names(dom, id, vocab::NOT_PRINTED);
            // Prose in a nav, an aside, a header or a footer is no sign of a wrapper: a
            // sidebar's "about us" beside minutes set as a list, where the page has no
            // other prose.
            let wrapper = own_prose[i] > 0 && own_prose[i] as f32 >= prose * share;
            let own = f & named != 0
                && f & SEMANTIC == 0
                && !twin_is_article
                && !in_sentence
                && (self.text[i] as f32) < limit
                && !wrapper;
            if own || inherited != 0 {
                self.flags[i] |= IN_BOILER;
            }
        }
    }

    /// Each element's prose outside nav, aside, header and footer elements (none for
    /// such an element itself).
    fn prose_outside_structural(&self, dom: &Dom) -> Vec<u32> {
        let mut inside = vec![0u32; self.flags.len()];
        for &id in self.order.iter().rev() {
            let parent = dom.node(id).parent;
            if parent != NONE {
                let i = id as usize;
                inside[parent as usize] += if self.flags[i] & STRUCTURAL != 0 { self.prose[i] } else { inside[i] };
            }
        }
        let structural = |i: usize| self.flags[i] & STRUCTURAL != 0;
        (0..self.flags.len()).map(|i| if structural(i) { 0 } else { self.prose[i].saturating_sub(inside[i]) }).collect()
    }

    /// Lists of teaser cards (a "Recommended for you" stream): three or more children, most
    /// of them short and led by a heading that is all link, to another story. Their names
    /// are no help ("Stream", "js-content"), and their summaries read as prose.
    fn teaser_lists(&self, dom: &Dom) -> Vec<bool> {
        // Whether a subtree holds a heading whose whole text is a link.
        let mut linked = vec![false; self.flags.len()];
        for &id in self.order.iter().rev() {
            let i = id as usize;
            let heading = dom.tag(id).is_some_and(|t| matches!(&**t, "h2" | "h3" | "h4" | "h5" | "h6"));
            if heading && self.text[i] > 0 && self.link[i] == self.text[i] {
                linked[i] = true;
            }
            let parent = dom.node(id).parent;
            if linked[i] && parent != NONE {
                linked[parent as usize] = true;
            }
        }
        // Slide titles in each subtree ("1/50 United goin down"), for slideshows of other
        // stories.
        let mut headings = vec![0u32; self.flags.len()];
        for &id in self.order.iter().rev() {
            let i = id as usize;
            if dom.tag(id).is_some_and(|t| matches!(&**t, "h2" | "h3" | "h4" | "h5" | "h6"))
                && is_slide_counter(&dom.text_upto(id, SLIDE_PROBE))
            {
                headings[i] += 1;
            }
            let parent = dom.node(id).parent;
            if parent != NONE {
                headings[parent as usize] += headings[i];
            }
        }
        let mut out = vec![false; self.flags.len()];
        for &id in &self.order {
            if dom.element(id).is_none() {
                continue;
            }
            // A slideshow whose slides have titles of their own, counted ("1/50 United
            // goin down", "2/50 …"), is a gallery of other stories; an article's own photos
            // have captions, and its numbered parts are "1." or "Part 1", not "1/50".
            let (mut children, mut cards, mut slides) = (0, 0, 0);
            for c in dom.child_elements(id) {
                children += 1;
                cards += (linked[c as usize] && self.text[c as usize] <= MAX_CARD) as u32;
                slides += (headings[c as usize] == 1) as u32;
            }
            out[id as usize] = (cards >= MIN_CARDS || slides >= MIN_CARDS)
                && cards.max(slides) * CARD_SHARE.1 >= children * CARD_SHARE.0;
        }
        out
    }

    /// Link density of a subtree: share of its text inside links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let t = self.text[id as usize];
        if t == 0 { 0.0 } else { self.link[id as usize] as f32 / t as f32 }
    }

    #[inline]
    pub fn has(&self, id: NodeId, flag: u8) -> bool {
        self.flags[id as usize] & flag != 0
    }
}

/// Whether a run of text reads as a chart's label: short, with a digit (counted here,
/// judged in `charts`).
fn is_label(run: &str) -> bool {
    let t = run.trim();
    !t.is_empty() && t.len() <= MAX_LABEL && t.bytes().any(|b| b.is_ascii_digit())
}

/// A label is at most this long (bytes, trimmed): a year, a value, a short category.
const MAX_LABEL: usize = 16;
