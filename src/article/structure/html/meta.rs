//! Article metadata: headline, standfirst, byline, date, site, language, direction,
//! canonical URL — from JSON-LD, `<meta>` tags, and the page's own elements.

use crate::article::model::Direction;
use crate::article::structure::html::content::classify::{class_or_id_names, is_skipped};
use crate::article::structure::html::dom::{Dom, NodeId};
use crate::article::structure::html::jsonld;
use crate::article::structure::html::page::Meta;
use crate::article::structure::html::text::{collapse, loose};
use crate::article::structure::html::vocab;

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
    /// Text of byline-looking elements (rel=author, class byline/author).
    bylines: Vec<String>,
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
                let content = e.attr("content").unwrap_or("").trim().to_string();
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
            "title" if f.doc_title.is_none() => f.doc_title = Some(collapse(&dom.raw_text(id))),
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
            "h1" => f.h1s.push((id, collapse(&dom.text_upto(id, 1000)))),
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
        if f.bylines.len() < 8 && byline_element(dom, id) {
            // An itemprop=name inside names the author more exactly.
            let name =
                dom.descendants(id).take(50).find(|&d| dom.attr(d, "itemprop").is_some_and(|x| x.contains("name")));
            let t = collapse(&dom.text_upto(name.unwrap_or(id), 200));
            if !t.is_empty() && t.len() < 100 {
                f.bylines.push(t);
            }
        }
    }
    f
}

/// rel=author links and elements whose class/id says byline or author.
fn byline_element(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "rel").is_some_and(|r| r.split_ascii_whitespace().any(|x| x == "author")) {
        return true;
    }
    if dom.attr(id, "itemprop").is_some_and(|p| p.contains("author")) {
        return true;
    }
    class_or_id_names(dom, id, vocab::BYLINE)
}

/// Remove the site part from a document title (Readability's rule): cut at the last
/// " | " / " - " / " » " … separator, or drop the first part when what is left would be
/// under three words; keep the whole title when the result has four words or fewer
/// (then the "suffix" is likely part of the headline).
pub fn strip_site(title: &str, _site: Option<&str>) -> String {
    const SEPS: [&str; 8] = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "];
    let words = |s: &str| s.split_whitespace().count();
    let mut cuts: Vec<(usize, &str)> = Vec::new();
    for sep in SEPS {
        cuts.extend(title.match_indices(sep));
    }
    if cuts.is_empty() {
        return title.to_string();
    }
    cuts.sort();
    let hierarchical = cuts.iter().any(|(_, s)| matches!(*s, " \\ " | " / " | " > " | " » "));
    let (last, _) = cuts[cuts.len() - 1];
    let mut cur = title[..last].trim().to_string();
    if words(&cur) < 3 {
        let (first, sep) = cuts.first().copied().unwrap_or((0, ""));
        cur = title[first + sep.len()..].trim().to_string();
    }
    let bare_words = title.split(|c: char| "|-–—\\/>»".contains(c)).collect::<String>().split_whitespace().count();
    let n = words(&cur);
    if n <= 4 && (!hierarchical || n + 1 != bare_words) {
        return title.to_string();
    }
    cur
}

/// Share of `b`'s words that also occur in `a` (Readability's text similarity).
fn similarity(a: &str, b: &str) -> f32 {
    let a = loose(a);
    let b = loose(b);
    let aw: Vec<&str> = a.split(' ').collect();
    let bw: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    if bw.is_empty() {
        return 0.0;
    }
    let total: usize = bw.iter().map(|w| w.len()).sum();
    let missing: usize = bw.iter().filter(|w| !aw.contains(w)).map(|w| w.len()).sum();
    1.0 - missing as f32 / total.max(1) as f32
}

fn clean_byline(s: &str) -> Option<String> {
    let mut t = collapse(s);
    for p in vocab::BYLINE_LEAD_INS {
        if t.len() > p.len() && t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) {
            t = t.get(p.len()..).unwrap_or("").trim().to_string();
        }
    }
    let t = t.trim_matches(|c: char| c == '|' || c == ',' || c.is_whitespace()).to_string();
    let bad = t.is_empty() || t.len() > 120 || t.starts_with("http") || t.starts_with('@');
    (!bad).then_some(t)
}

/// Join author names: "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
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
        byline: byline(&f, &ld, site),
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

/// The headline, and the `<h1>` that shows it (the standfirst is looked for after it).
/// Meta titles are taken as written (as Readability.js does); only `<title>` has its
/// site part removed.
fn title(f: &Found, ld: &jsonld::LdArticle, site: Option<&str>) -> (Option<String>, Option<NodeId>) {
    let doc_title = f.doc_title.as_deref().map(|t| strip_site(t, site)).filter(|t| !t.is_empty());
    let meta_title = ld_title(f, ld, site).or_else(|| f.meta(vocab::META_TITLE).map(collapse));
    let h1 = f.h1s.iter().find(|(_, h)| {
        let hl = loose(h);
        !hl.is_empty()
            && [meta_title.as_deref(), doc_title.as_deref()].into_iter().flatten().any(|t| {
                let tl = loose(t);
                tl == hl || (hl.len() > 15 && tl.starts_with(&hl))
            })
    });
    let doc_title = doc_title.map(|dt| title_before_h1(f, dt));
    let title = meta_title
        .filter(|t| !t.is_empty())
        .or(doc_title)
        .or_else(|| if let [(_, h)] = f.h1s.as_slice() { Some(h.clone()) } else { None });
    (title, h1.map(|h| h.0))
}

/// JSON-LD's title: name and headline usually agree; when they differ, the one that
/// matches the document title (Wikipedia's headline is a description).
fn ld_title(f: &Found, ld: &jsonld::LdArticle, site: Option<&str>) -> Option<String> {
    match (&ld.name, &ld.headline) {
        // A name that is the publisher's is not the article's.
        (Some(n), Some(h))
            if site.is_some_and(|s| loose(s) == loose(n))
                || ld.publisher.as_deref().is_some_and(|p| loose(p) == loose(n)) =>
        {
            Some(h.clone())
        }
        (Some(n), Some(h)) if n != h => {
            let dt = f.doc_title.as_deref().unwrap_or("");
            if similarity(h, dt) > 0.75 && similarity(n, dt) <= 0.75 { Some(h.clone()) } else { Some(n.clone()) }
        }
        (n, h) => n.clone().or(h.clone()),
    }
}

/// From `<title>` alone: when the page's `<h1>` is the title's first part (before a
/// separator), the rest is the site.
fn title_before_h1(f: &Found, dt: String) -> String {
    let dl = loose(&dt);
    f.h1s
        .iter()
        .map(|(_, h)| h)
        .find(|h| {
            let hl = loose(h);
            hl.len() >= 4
                && hl.len() < dl.len()
                && dl.starts_with(&hl)
                && dt.get(h.len()..).is_some_and(|rest| {
                    [" | ", " - ", " – ", " — ", " :: ", " » ", " · "].iter().any(|s| rest.starts_with(s))
                })
        })
        .cloned()
        .unwrap_or(dt)
}

/// The authors: JSON-LD's (not the site itself), else a meta tag, else the first page
/// element that reads like a name line (menus that happen to carry an "author" class
/// have bars and many words).
fn byline(f: &Found, ld: &jsonld::LdArticle, site: Option<&str>) -> Option<String> {
    let mut names: Vec<String> = ld.authors.iter().filter_map(|a| clean_byline(a)).collect();
    names.retain(|n| site.is_none_or(|s| loose(s) != loose(n)));
    if !names.is_empty() {
        return Some(join_names(&names));
    }
    f.meta(vocab::META_AUTHOR).and_then(clean_byline).or_else(|| {
        f.bylines
            .iter()
            .filter(|b| !b.contains('|') && b.split_whitespace().count() <= 12)
            .find_map(|b| clean_byline(b))
    })
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
        let t = collapse(&dom.text_upto(cur, 700));
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

/// A language written right to left (its primary subtag: "ar", "he-IL", "fa"), for a page
/// that names its language but not its direction.
pub fn right_to_left(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "iw" | "ks" | "ps" | "sd" | "syr" | "ug" | "ur" | "yi"
    )
}
