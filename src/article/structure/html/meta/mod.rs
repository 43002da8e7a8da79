//! Article metadata: headline, standfirst, byline, date, site, language, direction,
//! canonical URL — from JSON-LD, `<meta>` tags, and the page's own elements.

use crate::article::model::Direction;
use crate::article::structure::html::content::classify::{Cat, cat, class_or_id_names, is_skipped};
use crate::article::structure::html::dom::{Dom, NodeId};
use crate::article::structure::html::jsonld;
use crate::article::structure::html::page::Meta;

mod byline;
mod title;
use crate::article::structure::html::text::{collapse, decode_entities, loose, visible};
use crate::article::structure::html::vocab;
use byline::{byline, byline_element};
use title::title;

/// How much of an `<h1>` is read (bytes): a headline is shorter.
const H1_PROBE: usize = 1000;
/// Byline-looking elements kept: the first that names someone is taken.
const MAX_BYLINE_ELEMENTS: usize = 8;

/// Everything read off the page in one walk.
#[derive(Default)]
struct Found {
    /// `<meta>` tags: (lowercased property/name/itemprop, content).
    metas: Vec<(String, String)>,
    doc_title: Option<String>,
    canonical: Option<String>,
    ld_scripts: Vec<String>,
    h1s: Vec<(NodeId, String)>,
    /// itemprop values found on elements: (prop, value).
    props: Vec<(String, String)>,
    /// First `<time datetime>` values.
    times: Vec<String>,
    /// Byline-looking elements (rel=author, class byline/author) and their text.
    bylines: Vec<(NodeId, String)>,
    lang: Option<String>,
    dir: Option<Direction>,
}

impl Found {
    /// The first of `keys` present; for a key given several times, the last one counts
    /// (as in Readability.js).
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            let k = k.replace('.', ":");
            self.metas.iter().rev().find(|(n, v)| *n == k && !v.trim().is_empty()).map(|(_, v)| v.as_str())
        })
    }
    fn prop(&self, key: &str) -> Option<&str> {
        self.props.iter().find(|(n, v)| n == key && !v.is_empty()).map(|(_, v)| v.as_str())
    }
}

fn gather(dom: &Dom) -> Found {
    let mut f = Found::default();
    let html = dom.html_element();
    f.lang = dom
        .attr(html, "lang")
        .or(dom.attr(html, "xml:lang"))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from);
    f.dir = dom.attr(html, "dir").and_then(Direction::parse);
    let mut it = dom.descendants(0);
    while let Some(id) = it.next() {
        let Some(e) = dom.element(id) else { continue };
        if !e.html {
            it.skip_children_of(id);
            continue;
        }
        match &*e.name {
            "meta" => {
                // Many pages encode a tag's content twice ("isn&amp;#8217;t").
                let content = decode_entities(e.attr("content").unwrap_or("").trim());
                for k in ["property", "name", "itemprop"] {
                    if let Some(n) = e.attr(k) {
                        // "DC.creator" and "dc:creator" are one key (as in Readability).
                        for n in n.split_ascii_whitespace() {
                            f.metas.push((n.to_ascii_lowercase().replace('.', ":"), content.clone()));
                        }
                    }
                }
                if let Some(h) = e.attr("http-equiv")
                    && h.eq_ignore_ascii_case("content-language")
                {
                    f.metas.push(("content-language".into(), content));
                }
            }
            "title" if f.doc_title.is_none() => f.doc_title = Some(collapse(&decode_entities(&dom.raw_text(id)))),
            "link" => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical") && f.canonical.is_none() {
                    f.canonical = e.attr("href").map(|h| h.trim().to_string());
                }
            }
            "script" => {
                if e.attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
                    f.ld_scripts.push(dom.raw_text(id));
                }
                it.skip_children_of(id);
            }
            "head" => {}
            "body" if f.dir.is_none() => {
                f.dir = e.attr("dir").and_then(Direction::parse);
            }
            _ if is_skipped(dom, id) => {
                it.skip_children_of(id);
                continue;
            }
            "h1" => f.h1s.push((id, visible(dom, id, H1_PROBE))),
            "time" => {
                if let Some(d) = e.attr("datetime") {
                    f.times.push(d.to_string());
                }
            }
            _ => {}
        }
        if let Some(p) = e.attr("itemprop")
            && p.to_ascii_lowercase().contains("datepublished")
        {
            let v = e
                .attr("content")
                .or(e.attr("datetime"))
                .map(String::from)
                .unwrap_or_else(|| collapse(&dom.text_upto(id, 100)));
            f.props.push(("datepublished".into(), v));
        }
        if f.bylines.len() < MAX_BYLINE_ELEMENTS
            && byline_element(dom, id)
            && let Some(line) = byline::element_line(dom, id)
        {
            f.bylines.push((id, line));
        }
    }
    f
}

/// Read the page's metadata: everything gathered in one walk, then each field in turn.
pub fn read(dom: &Dom, url: Option<&str>) -> Meta {
    let f = gather(dom);
    let ld = jsonld::read(f.ld_scripts.iter().map(String::as_str));
    let site_name = site_name(&f, &ld);
    let site = site_name.as_deref();
    let (title, h1) = title(&f, &ld, site);
    let description = f.meta(vocab::META_DESCRIPTION).map(collapse).filter(|d| !d.is_empty());
    Meta {
        title,
        standfirst: standfirst(dom, h1, description.as_deref()),
        byline: byline(dom, &f, &ld, site),
        published: published(&f, &ld),
        lang: f.lang.clone().or_else(|| f.meta(&["content-language"]).map(String::from)),
        dir: f.dir,
        canonical: canonical(&f, url),
        description,
        site_name,
    }
}

/// The site's name: a meta tag (not a social handle), else the JSON-LD publisher.
fn site_name(f: &Found, ld: &jsonld::LdArticle) -> Option<String> {
    f.meta(vocab::META_SITE).map(collapse).filter(|s| !s.starts_with('@')).or(ld.publisher.clone())
}

/// The date of publication: JSON-LD, a meta tag, an itemprop, then the first `<time>`.
fn published(f: &Found, ld: &jsonld::LdArticle) -> Option<String> {
    use crate::article::structure::html::dates::iso;
    ld.published
        .as_deref()
        .and_then(iso)
        .or_else(|| f.meta(vocab::META_PUBLISHED).and_then(iso))
        .or_else(|| f.prop("datepublished").and_then(iso))
        .or_else(|| f.times.iter().find_map(|t| iso(t)))
}

/// The canonical URL, made absolute against the page's: `<link rel=canonical>`,
/// og:url, else the page's own.
fn canonical(f: &Found, url: Option<&str>) -> Option<String> {
    let base = url.and_then(|u| url::Url::parse(u).ok());
    let resolve = |h: &str| match &base {
        Some(b) => b.join(h.trim()).ok().map(String::from),
        None => url::Url::parse(h.trim()).ok().map(String::from),
    };
    f.canonical
        .as_deref()
        .and_then(resolve)
        .or_else(|| f.meta(&["og:url"]).and_then(resolve))
        .or_else(|| base.as_ref().map(|b| b.to_string()))
}

/// The deck under the headline: an element after the `<h1>` whose class says so, or the
/// next paragraph when it repeats the page's description.
fn standfirst(dom: &Dom, h1: Option<NodeId>, description: Option<&str>) -> Option<String> {
    let h1 = h1?;
    let desc = description.map(loose).unwrap_or_default();
    // Look at the few elements that follow the headline in document order.
    let mut cur = h1;
    let mut seen = 0;
    while seen < 40 {
        let n = dom.node(cur);
        cur = if n.next != 0 {
            n.next
        } else {
            let p = n.parent;
            if p == 0 {
                return None;
            }
            let pn = dom.node(p);
            if pn.next == 0 {
                return None;
            }
            pn.next
        };
        seen += 1;
        if dom.element(cur).is_none() || is_skipped(dom, cur) {
            continue;
        }
        let cls = format!("{} {}", dom.attr(cur, "class").unwrap_or(""), dom.attr(cur, "id").unwrap_or(""))
            .to_ascii_lowercase();
        let t = visible(dom, cur, 700);
        if t.len() < 20 || t.len() > 600 {
            continue;
        }
        let named = vocab::names(&cls, vocab::STANDFIRST);
        if named || (!desc.is_empty() && loose(&t) == desc) || dom.tag(cur).is_some_and(|t| &**t == "h2") && seen <= 3 {
            return Some(t);
        }
        if dom.tag(cur).is_some_and(|t| &**t == "p") {
            return None;
        }
    }
    None
}

/// The deck when no `<h1>` shows the headline (it is set in a `<div>`, or the `<h1>` is a
/// breadcrumb's): the element nearest before the article's first root, inside the part of
/// the page around it, whose class names a deck ("article-excerpt", "leadIn", "intro") or
/// whose text is the page's description.
pub fn standfirst_before(dom: &Dom, root: NodeId, title: Option<&str>, description: Option<&str>) -> Option<String> {
    let desc = description.map(loose).unwrap_or_default();
    let title = title.map(loose).unwrap_or_default();
    let scope = dom.ancestors(root).take(DECK_LEVELS).last()?;
    let mut found = None;
    let mut it = dom.descendants(scope);
    while let Some(d) = it.next() {
        if d == root {
            break;
        }
        if dom.element(d).is_none() || dom.contains(d, root) {
            continue;
        }
        // The site's own header (its tagline), menus, asides and captions hold no deck.
        let caption = dom.tag(d).is_some_and(|t| matches!(&**t, "figure" | "figcaption"))
            || class_or_id_names(dom, d, vocab::CAPTION);
        if is_skipped(dom, d) || site_part(dom, d) || caption {
            it.skip_children_of(d);
            continue;
        }
        let named = class_or_id_names(dom, d, vocab::DECK);
        if !named && desc.is_empty() || dom.tag(d).is_some_and(|t| &**t == "h1") {
            continue;
        }
        // A header's block holds the headline itself, and more than one block of text (a
        // photo, a byline, a bio): a deck is under it, one block of its own.
        let blocks = dom.child_elements(d).filter(|&c| dom.tag(c).is_some_and(|t| cat(t) == Cat::Block)).count();
        if dom.find_tag(d, "h1").is_some() || blocks > 1 {
            continue;
        }
        let t = visible(dom, d, MAX_DECK + 100);
        // (Not the block of headline, section and date: "SPACE The First Map of …".)
        // (Nor a writer's line: "By Alex Heath, a deputy editor …"; "Por primera vez …"
        // may be a deck.)
        let writers_line = vocab::BYLINE_LEAD_INS.iter().any(|l| {
            t.get(..l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l))
                && t[l.len()..].trim_start().starts_with(char::is_uppercase)
        });
        let not_a_deck = !title.is_empty() && loose(&t).contains(&title) || writers_line;
        if (MIN_DECK..=MAX_DECK).contains(&t.len()) && (named || loose(&t) == desc) && !not_a_deck {
            found = Some(t);
            it.skip_children_of(d);
        }
    }
    found
}

/// A part of the page around the article: a menu, an aside, a footer, or a header that is
/// not an article's.
fn site_part(dom: &Dom, id: NodeId) -> bool {
    match dom.tag(id).map(|t| &**t) {
        Some("nav" | "aside" | "footer") => true,
        Some("header") => !dom.ancestors(id).any(|a| dom.tag(a).is_some_and(|t| matches!(&**t, "article" | "main"))),
        _ => false,
    }
}

/// The deck is looked for this many levels above the article's first root at most.
const DECK_LEVELS: usize = 4;
/// A deck is a sentence or a few (bytes).
const MIN_DECK: usize = 40;
const MAX_DECK: usize = 600;

/// A language written right to left (its primary subtag: "ar", "he-IL", "fa"), for a page
/// that names its language but not its direction.
pub fn right_to_left(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "iw" | "ks" | "ps" | "sd" | "syr" | "ug" | "ur" | "yi"
    )
}
