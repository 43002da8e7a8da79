//! HTML to an article: a saved page or a fetched one, read with a real HTML5 parser
//! (html5ever) into an arena (`dom`, `sink`, `parser`), its metadata read off JSON-LD,
//! `<meta>` tags and the page's own elements (`meta`, `jsonld`, `dates`), its main content
//! found (`content`: what is never read, boilerplate by class and id, Readability-style
//! scoring with sibling merging) and turned into blocks (`blocks`, `table`, `media`;
//! `furniture` drops the lines inside the content that are not the article). The
//! markup's vocabulary is in `vocab`. Scripts, styles, templates and
//! hidden elements never reach the text (but an article's copy in `<noscript>`, read by
//! `noscript`); every walk is iterative, so no page can overflow the stack.

mod blocks;
mod charts;
mod content;
mod credits;
mod dates;
mod dom;
mod furniture;
mod jsonld;
mod media;
mod meta;
mod noscript;
mod page;
mod parser;
mod prune;
mod sink;
mod table;
mod text;
mod urls;
mod vocab;

pub(crate) use text::decode_once as decode_references;

use crate::article::model::{Article, Code, Direction, Figure, Paragraph, ParagraphKind, Rich, Section};
use crate::article::text::dates::{Months, in_words as date_in_words};
use content::{Analysis, Pass};
use dom::Dom;
pub use page::{Block, Kind, Page};

/// Reads a page (already decoded to text) as an article's metadata and blocks. `url` is
/// the page's address, for making links absolute.
pub fn read_page(html: &str, url: Option<&str>) -> Page {
    let mut dom = parser::parse(html);
    noscript::read_copies(&mut dom);
    let dom = dom;
    let mut meta = meta::read(&dom, url);
    let base_href = dom.find_tag(dom.html_element(), "base").and_then(|b| dom.attr(b, "href"));
    let base = urls::base(url.or(meta.canonical.as_deref()), base_href);
    // Served from another host (a mirror, an archive, a local server), a page is still of
    // the site its canonical address names: its links there are its own.
    let site = urls::site_hosts([base.as_ref().map(url::Url::as_str), meta.canonical.as_deref()]);
    let read = |pass| body(&dom, base.as_ref(), &site, meta.title.as_deref(), pass);
    let (mut blocks, mut roots) = read(Pass::Strict);
    if body_weight(&blocks) < RETRY_UNDER {
        let again = read(Pass::IgnoreClassNames);
        if body_weight(&again.0) > body_weight(&blocks) * RETRY_GAIN {
            (blocks, roots) = again;
        }
    }
    if meta.standfirst.is_none()
        && let Some(&root) = roots.first()
    {
        meta.standfirst = meta::standfirst_before(&dom, root, meta.title.as_deref(), meta.description.as_deref());
    }
    // Text direction: the nearest dir attribute around the article, else the page's.
    if let Some(&root) = roots.first()
        && let Some(d) =
            std::iter::once(root).chain(dom.ancestors(root)).find_map(|n| dom.attr(n, "dir").and_then(Direction::parse))
    {
        meta.dir = Some(d);
    }
    if meta.dir.is_none() && meta.lang.as_deref().is_some_and(meta::right_to_left) {
        meta.dir = Some(Direction::Rtl);
    }
    Page { meta, blocks }
}

/// A body under this much text (non-space bytes) is read again with the class names
/// ignored: a short news item is longer, a page of furniture around a misnamed article
/// shorter.
const RETRY_UNDER: u32 = 500;
/// The second reading is taken when it gives this many times the text.
const RETRY_GAIN: u32 = 2;
/// A bold line is a subheading when the paragraph after it is longer than this (bytes).
const TEXT_UNDER_HEADING: usize = 80;

/// The body blocks and the content roots they came from.
fn body(
    dom: &Dom,
    base: Option<&url::Url>,
    site: &[String],
    title: Option<&str>,
    pass: Pass,
) -> (Vec<Block>, Vec<dom::NodeId>) {
    let a = Analysis::new(dom, pass);
    let scores = content::score::score(dom, &a);
    let content::score::Chosen { roots, best } = content::score::roots(dom, &a, &scores);
    let mut e = blocks::Emitter::new(dom, &a, base, site, title, best);
    for &r in &roots {
        e.walk(r);
    }
    (e.blocks, roots)
}

fn body_weight(blocks: &[Block]) -> u32 {
    blocks.iter().map(|b| text::weight(&b.text)).sum()
}

/// A paragraph that is one short bold line over text ("<p><strong>1. Take the blankets
/// off the bed</strong></p>") is how many pages set their subheadings: a heading, one
/// level under the page's own.
fn bold_lines_as_headings(blocks: &mut [page::Block]) {
    for i in 0..blocks.len() {
        let next_is_text =
            blocks.get(i + 1).is_some_and(|n| n.kind == Kind::Paragraph && n.text.len() > TEXT_UNDER_HEADING);
        let b = &blocks[i];
        let all_bold = b
            .spans
            .iter()
            .any(|s| matches!(s.kind, crate::article::SpanKind::Strong) && s.start == 0 && s.end == b.text.len());
        // (A bold "Caroline Hawley, BBC diplomatic correspondent" is a byline, not a part.)
        let byline = crate::article::structure::byline::name_and_role(&b.text);
        if b.kind == Kind::Paragraph
            && all_bold
            && next_is_text
            && !byline
            && crate::article::structure::classify::is_heading_like(&b.text)
        {
            blocks[i].kind = Kind::Heading(3);
            blocks[i].spans.clear();
        }
    }
}

/// A page as an article: the metadata as title, standfirst, byline, dateline (the
/// published date as a reader writes it), source (the canonical URL), site, language and
/// direction; headings as sections with their levels; every other block a paragraph of
/// its kind. The standfirst is the first paragraph when the page's body opens with it.
pub fn assemble(page: Page) -> Article {
    let Page { meta, mut blocks } = page;
    bold_lines_as_headings(&mut blocks);
    let mut article = Article {
        title: meta.title,
        byline: meta.byline,
        dateline: meta.published.as_deref().and_then(|d| date_in_words(d, Months::Long)),
        published: meta.published,
        source: meta.canonical,
        site_name: meta.site_name,
        lang: meta.lang,
        dir: meta.dir,
        ..Article::default()
    };
    let mut standfirst = meta.standfirst.map(|s| text::collapse(&s)).filter(|s| !s.is_empty());
    let description = meta.description.as_deref().map(text::loose);
    let mut sections: Vec<Section> = Vec::new();
    // Only a lead photo may stand before the opening: true until a heading or a
    // paragraph that is not a figure has been placed (kept as it goes, not asked of every
    // paragraph again for each block: a page of 100,000 images was quadratic).
    let mut opening = true;
    for mut b in blocks {
        opening = opening
            && sections.last().is_none_or(|s| {
                s.heading.is_none() && s.paragraphs.last().is_none_or(|p| p.kind == ParagraphKind::Figure)
            });
        // A deck set as a heading over the body ("<h2>Snopes writer asked …</h2>") is a
        // sentence to read, not a part of the article to jump to.
        // So is one that reads as a sentence of its own ("The once-ubiquitous form of
        // lighting was novel when it first emerged …, though it has since come to
        // represent decline."): subheadings are not written with a full stop.
        let sentence =
            standfirst.is_none() && b.text.split_whitespace().count() >= 8 && b.text.trim_end().ends_with('.');
        if opening
            && matches!(b.kind, Kind::Heading(_))
            && (standfirst.as_deref() == Some(b.text.as_str())
                || description.as_deref() == Some(&text::loose(&b.text))
                || sentence)
        {
            standfirst = Some(b.text.clone());
            b.kind = Kind::Paragraph;
        }
        let (kind, rich) = match b.kind {
            Kind::Heading(level) => {
                sections.push(Section::new(Some(b.text), level.clamp(2, 6)));
                continue;
            }
            Kind::Paragraph => {
                let kind = if opening && standfirst.as_deref() == Some(b.text.as_str()) {
                    ParagraphKind::Standfirst
                } else {
                    ParagraphKind::Body
                };
                (kind, Rich::default())
            }
            Kind::ListItem { depth, ordered, marker, loose } => {
                (ParagraphKind::ListItem, Rich { marker, depth, ordered, loose, ..Rich::default() })
            }
            Kind::BlockQuote => (ParagraphKind::BlockQuote, Rich::default()),
            Kind::PullQuote => (ParagraphKind::PullQuote, Rich::default()),
            Kind::Table(t) => (ParagraphKind::Table, Rich { table: Some(t), ..Rich::default() }),
            Kind::Code { language } => (ParagraphKind::Code, Rich { code: Some(Code { language }), ..Rich::default() }),
            Kind::Figure { src, alt } => {
                let alt = alt.map(|a| credits::without_credit(&a).to_string()).filter(|a| !a.is_empty());
                (ParagraphKind::Figure, Rich { figure: Some(Figure { src, alt }), ..Rich::default() })
            }
        };
        let text = if kind == ParagraphKind::Figure { credits::without_credit(&b.text).to_string() } else { b.text };
        let rich = Rich { spans: b.spans, ..rich };
        if sections.is_empty() {
            sections.push(Section::new(None, 2));
        }
        if let Some(s) = sections.last_mut() {
            s.paragraphs.push(Paragraph::with(text, kind, rich));
        }
    }
    article.subtitle = standfirst;
    article.sections = sections;
    article.links = article.collect_links();
    article
}
