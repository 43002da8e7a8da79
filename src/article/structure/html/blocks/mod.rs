//! Turning the chosen content subtrees into blocks.
//!
//! One iterative walk (an explicit stack of enter/exit frames) per root. Inline content
//! accumulates in an [`InlineText`]; entering or leaving a block element flushes it as a
//! block whose kind comes from the innermost block context (heading, list item, quote).

use crate::article::model::SpanKind;
use crate::article::structure::html::charts;
use crate::article::structure::html::content::Analysis;
use crate::article::structure::html::content::classify::{Cat, IN_BOILER, SKIP, cat};
use crate::article::structure::html::dom::{Dom, NONE, NodeId};
use crate::article::structure::html::furniture;
use crate::article::structure::html::page::{Block, Kind};
use crate::article::structure::html::table;
use crate::article::structure::html::text;
use crate::article::structure::inline::InlineText;
use url::Url;

mod figures;
mod helpers;
use helpers::{caption_class, is, is_bare_figure, link_share, pull_quote, word_overlap};

/// A container more than this share links is a list of links (related stories, tag
/// clouds, share bars).
const LINK_LIST_SHARE: f32 = 0.5;
/// ... unless its links leave the site with sentence-like text: this many bytes of link
/// text a link on average ("Get it at Walmart for $238").
const DESCRIPTIVE_LINK: usize = 15;
/// A paragraph this much one link to the same site is a teaser.
const TEASER_LINK_SHARE: f32 = 0.9;
/// A paragraph all link and this many words at most points elsewhere, wherever it leads.
const POINTER_WORDS: usize = 12;
/// An `<h1>` in the body sharing this share of its words with the headline repeats it.
const HEADLINE_OVERLAP: f32 = 0.7;
/// Links looked at under one container, and elements looked at for an image under a
/// caption: bounds on the work per element.
const LINKS_PROBED: usize = 2000;
const IMAGES_PROBED: usize = 200;

/// A block context: what a flushed paragraph inside it becomes.
enum Ctx {
    Heading(u8),
    Item {
        depth: u8,
        ordered: bool,
        marker: Option<String>,
        loose: bool,
    },
    Quote,
    Pull,
    /// A plain block boundary (div, p …): no kind of its own. True when a single `<br>`
    /// inside it is a line break within a paragraph (`<p>`, table cells, addresses).
    Plain(bool),
}

/// An open list: ordered or not, and the next item number.
struct List {
    ordered: bool,
    next: i64,
    step: i64,
}

/// What to do when leaving an element.
enum Exit {
    Span(usize),
    Block,
    List,
}

enum Frame {
    Enter(NodeId),
    Exit(Exit),
}

/// Builds blocks from content roots.
pub struct Emitter<'a> {
    dom: &'a Dom,
    a: &'a Analysis,
    base: Option<&'a Url>,
    /// The hosts that are the page's own site (without "www.").
    site: &'a [String],
    /// The best-scoring candidate: an element holding it is never a list of links.
    best: NodeId,
    /// The headline, loosely normalised, so a repeat of it is not a block.
    title: Option<String>,
    pub blocks: Vec<Block>,
    cur: InlineText,
    ctx: Vec<Ctx>,
    lists: Vec<List>,
    /// The previous inline event was a `<br>` (two in a row end a paragraph).
    after_br: bool,
    /// A teaser heading ("More Great Stories") was dropped: drop the list that follows.
    teasers: bool,
    /// A teaser-like line was pushed as the last block (its index + 1): dropped too if a
    /// list follows it.
    teaser_line: Option<usize>,
    /// The root being walked is itself inside boilerplate (then its flags are moot).
    root_boiler: bool,
}

impl<'a> Emitter<'a> {
    pub fn new(
        dom: &'a Dom,
        a: &'a Analysis,
        base: Option<&'a Url>,
        site: &'a [String],
        title: Option<&str>,
        best: NodeId,
    ) -> Self {
        Emitter {
            dom,
            a,
            base,
            site,
            best,
            title: title.map(text::loose).filter(|t| !t.is_empty()),
            blocks: Vec::new(),
            cur: InlineText::default(),
            ctx: Vec::new(),
            lists: Vec::new(),
            after_br: false,
            teasers: false,
            teaser_line: None,
            root_boiler: false,
        }
    }

    /// Emit the blocks of one content root.
    pub fn walk(&mut self, root: NodeId) {
        let dom = self.dom;
        self.root_boiler = self.a.has(root, IN_BOILER);
        let mut stack = vec![Frame::Enter(root)];
        while let Some(frame) = stack.pop() {
            let id = match frame {
                Frame::Exit(e) => {
                    self.exit(e);
                    continue;
                }
                Frame::Enter(id) => id,
            };
            if let Some(t) = dom.text(id) {
                if self.after_br && !t.chars().all(text::is_ws) {
                    self.after_br = false;
                }
                self.cur.push(t);
                continue;
            }
            let Some(tag) = dom.tag(id) else { continue };
            if self.a.has(id, SKIP) || (id != root && self.dropped(id)) {
                continue;
            }
            let tag: &str = tag;
            if id != root && charts::is_chart(dom, self.a, id) {
                self.chart(id);
                continue;
            }
            let exit = match tag {
                "br" => {
                    self.br(id);
                    continue;
                }
                "img" => {
                    self.image(id);
                    continue;
                }
                "hr" => {
                    self.flush();
                    continue;
                }
                "pre" => {
                    self.flush();
                    self.code(id);
                    continue;
                }
                "table" if table::is_data_table(dom, id) => {
                    self.flush();
                    let t = table::read(dom, id);
                    let text = t.text();
                    if !text.trim().is_empty() {
                        self.blocks.push(Block { kind: Kind::Table(t), text, spans: vec![] });
                    }
                    continue;
                }
                "figure" if self.figure(id) => continue,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    let level = tag.as_bytes()[1] - b'0';
                    self.open_block(Ctx::Heading(level))
                }
                "ul" | "ol" | "dl" => {
                    self.flush();
                    let ordered = tag == "ol";
                    let reversed = ordered && dom.attr(id, "reversed").is_some();
                    let start = dom.attr(id, "start").and_then(|s| s.trim().parse::<i64>().ok());
                    let n = dom.child_elements(id).filter(|&c| is(dom, c, "li")).count() as i64;
                    let next = start.unwrap_or(if reversed { n } else { 1 });
                    self.lists.push(List { ordered, next, step: if reversed { -1 } else { 1 } });
                    Exit::List
                }
                "li" | "dt" | "dd" => self.list_item(id),
                "blockquote" => self.open_block(if pull_quote(dom, id) { Ctx::Pull } else { Ctx::Quote }),
                "aside" | "figure" if pull_quote(dom, id) => self.open_block(Ctx::Pull),
                "a" => {
                    match dom.attr(id, "href").and_then(|h| crate::article::structure::html::urls::link(self.base, h)) {
                        Some(url) => Exit::Span(self.cur.open(SpanKind::Link, Some(url))),
                        None => Exit::Span(usize::MAX),
                    }
                }
                "em" | "i" => Exit::Span(self.cur.open(SpanKind::Emphasis, None)),
                "strong" | "b" => Exit::Span(self.cur.open(SpanKind::Strong, None)),
                "code" | "kbd" | "samp" | "tt" => Exit::Span(self.cur.open(SpanKind::Code, None)),
                _ if cat(tag) == Cat::Block => {
                    let lines = matches!(tag, "p" | "td" | "th" | "address" | "figcaption" | "caption");
                    self.open_block(Ctx::Plain(lines))
                }
                _ => Exit::Span(usize::MAX),
            };
            stack.push(Frame::Exit(exit));
            let mut c = dom.node(id).last_child;
            while c != NONE {
                stack.push(Frame::Enter(c));
                c = dom.node(c).prev;
            }
        }
        self.flush();
        // A heading with nothing after it (but thumbnails) introduces what was left out
        // ("More in …").
        loop {
            let tail = self.blocks.iter().rev().take_while(|b| is_bare_figure(b)).count();
            let at = self.blocks.len() - tail;
            let prose_before = self.blocks[..at.saturating_sub(1)].iter().any(|b| b.kind == Kind::Paragraph);
            if at > 0 && matches!(self.blocks[at - 1].kind, Kind::Heading(_)) && (tail == 0 || prose_before) {
                self.blocks.truncate(at - 1);
            } else {
                break;
            }
        }
    }

    fn exit(&mut self, e: Exit) {
        match e {
            Exit::Span(usize::MAX) => {}
            Exit::Span(tok) => self.cur.close(tok),
            Exit::Block => {
                self.flush();
                self.ctx.pop();
            }
            Exit::List => {
                self.flush();
                self.lists.pop();
            }
        }
    }

    fn open_block(&mut self, ctx: Ctx) -> Exit {
        self.flush();
        self.ctx.push(ctx);
        Exit::Block
    }

    /// Inside the content, whether element `id` is boilerplate to leave out.
    fn dropped(&self, id: NodeId) -> bool {
        let a = self.a;
        if a.has(id, IN_BOILER) && !self.root_boiler {
            return true;
        }
        let Some(tag) = self.dom.tag(id) else {
            return false;
        };
        // Caption and credit text outside <figcaption> (WordPress "wp-caption-text",
        // "image-credit" lines): not body text, and no image is lost with it.
        if &**tag != "figcaption"
            && &**tag != "figure"
            && caption_class(self.dom, id)
            && !self.dom.descendants(id).take(IMAGES_PROBED).any(|d| is(self.dom, d, "img"))
        {
            return true;
        }
        let container = matches!(
            &**tag,
            "div"
                | "section"
                | "ul"
                | "ol"
                | "dl"
                | "aside"
                | "form"
                | "header"
                | "footer"
                | "nav"
                | "table"
                | "figure"
        );
        // Lists of links (related stories, tag clouds, share bars) — but not a list of
        // descriptive links off the site ("Get it at Walmart for $238"), nor a part of the
        // page around the article whose menus outweigh it.
        container
            && a.text[id as usize] > 0
            && a.link_density(id) > LINK_LIST_SHARE
            && !self.dom.contains(id, self.best)
            && !self.descriptive_external_links(id)
    }

    /// Whether the links under `id` mostly leave the site and have sentence-like text.
    fn descriptive_external_links(&self, id: NodeId) -> bool {
        let dom = self.dom;
        if self.site.is_empty() {
            return false;
        }
        let (mut links, mut external) = (0, 0);
        for d in dom.descendants(id).take(LINKS_PROBED) {
            if !is(dom, d, "a") {
                continue;
            }
            let Some(u) =
                dom.attr(d, "href").and_then(|h| crate::article::structure::html::urls::absolute(self.base, h))
            else {
                continue;
            };
            links += 1;
            let off = Url::parse(&u).ok().and_then(|u| u.host_str().map(|h| !self.on_site(h)));
            if off == Some(true) {
                external += 1;
            }
        }
        links > 0 && external * 2 > links && self.a.link[id as usize] as usize / links >= DESCRIPTIVE_LINK
    }

    fn list_item(&mut self, id: NodeId) -> Exit {
        let dom = self.dom;
        let depth = self.lists.len().saturating_sub(1).min(255) as u8;
        let (ordered, marker) = match self.lists.last_mut() {
            Some(l) if l.ordered && is(dom, id, "li") => {
                if let Some(v) = dom.attr(id, "value").and_then(|v| v.trim().parse::<i64>().ok()) {
                    l.next = v;
                }
                let m = format!("{}.", l.next);
                l.next += l.step;
                (true, Some(m))
            }
            _ => (false, None),
        };
        let loose = dom.child_elements(id).any(|c| is(dom, c, "p"));
        self.open_block(Ctx::Item { depth, ordered, marker, loose })
    }

    /// A `<br>`: two in a row end a paragraph; one ends it too in a bare container (an
    /// old-style page of text and `<br>`s), and is a space inside a paragraph.
    fn br(&mut self, _id: NodeId) {
        let in_paragraph = match self.ctx.last() {
            Some(Ctx::Plain(lines)) => *lines,
            Some(_) => true,
            None => false,
        };
        if self.after_br || !in_paragraph {
            self.flush();
        } else {
            self.cur.space();
        }
        self.after_br = true;
    }

    /// Whether the first link span points into the page's own site.
    fn internal(&self, spans: &[crate::article::model::Span]) -> bool {
        spans
            .iter()
            .find_map(|s| match (s.kind, &s.href) {
                (SpanKind::Link, Some(u)) => Url::parse(u).ok(),
                _ => None,
            })
            .is_some_and(|u| u.host_str().is_some_and(|h| self.on_site(h)))
    }

    /// Whether `host` is the page's own site.
    fn on_site(&self, host: &str) -> bool {
        let host = host.trim_start_matches("www.");
        self.site.iter().any(|s| s == host)
    }

    /// End the current paragraph: push it as a block of the innermost context's kind.
    fn flush(&mut self) {
        self.after_br = false;
        if self.cur.is_empty() {
            self.cur = InlineText::default();
            return;
        }
        let (text, spans) = std::mem::take(&mut self.cur).finish();
        let kind = match self.ctx.iter_mut().rev().find(|c| !matches!(c, Ctx::Plain(_))) {
            Some(Ctx::Heading(l)) => Kind::Heading(*l),
            Some(Ctx::Item { depth, ordered, marker, loose }) => {
                Kind::ListItem { depth: *depth, ordered: *ordered, marker: marker.take(), loose: *loose }
            }
            Some(Ctx::Quote) => Kind::BlockQuote,
            Some(Ctx::Pull) => Kind::PullQuote,
            _ => Kind::Paragraph,
        };
        // A teaser heading ("More Great Stories", as a heading or a lone line) and the list
        // of links under it.
        let item = matches!(kind, Kind::ListItem { .. });
        if item && self.teaser_line == Some(self.blocks.len()) {
            self.blocks.pop();
            self.teasers = true;
        }
        self.teaser_line = None;
        if item && self.teasers {
            return;
        }
        self.teasers = false;
        if furniture::is_teaser_heading(&text) {
            if matches!(kind, Kind::Heading(_)) {
                self.teasers = true;
                return;
            }
            if kind == Kind::Paragraph {
                self.teaser_line = Some(self.blocks.len() + 1);
            }
        }
        if furniture::is_furniture(&kind, &text) {
            return;
        }
        // A paragraph that is one link to another page of the same site is a teaser; so is
        // a short one to anywhere ("Hier das Einzel-Tableau in Pune", "Read the report"),
        // but not an address given as a source.
        let pointer = || crate::article::text::shape::at_most_words(&text, POINTER_WORDS) && !text.contains("://");
        if kind == Kind::Paragraph
            && link_share(&text, &spans) > TEASER_LINK_SHARE
            && (self.internal(&spans) || pointer())
        {
            return;
        }
        if let Some(title) = &self.title
            && matches!(kind, Kind::Heading(_) | Kind::Paragraph)
        {
            let t = text::loose(&text);
            // The headline again, alone, with the site's name around it, or reworded a
            // little (the <h1> and og:title often differ by a word).
            let heading = matches!(kind, Kind::Heading(_));
            if t == *title
                || (heading && t.contains(title.as_str()) && t.len() < title.len() * 2)
                || (kind == Kind::Heading(1) && word_overlap(&t, title) >= HEADLINE_OVERLAP)
            {
                return;
            }
        }
        self.blocks.push(Block { kind, text, spans });
    }
}
