//! The headline: JSON-LD, meta tags, `<title>` or the page's `<h1>`, without the site's
//! name around it.

use super::Found;
use crate::article::structure::html::dom::NodeId;
use crate::article::structure::html::jsonld;
use crate::article::structure::html::text::{collapse, loose};
use crate::article::structure::html::vocab;

/// The headline, and the `<h1>` that shows it (the standfirst is looked for after it).
/// `<title>` has its site part removed by Readability's rule, any title the site's name
/// when it stands on one side of a separator.
pub(super) fn title(f: &Found, ld: &jsonld::LdArticle, site: Option<&str>) -> (Option<String>, Option<NodeId>) {
    let sites = Sites {
        names: site.into_iter().chain(ld.publisher.as_deref()).map(loose).filter(|s| !s.is_empty()).collect(),
        // A social handle names the site after a title ("… | EnBW" beside "@EnBW"); before
        // one it is as often the product's name ("Firefox — Customize and make it your own").
        handle: f.meta(&["twitter:site"]).map(|h| loose(h.trim_start_matches('@'))).filter(|h| !h.is_empty()),
    };
    let doc_title = f.doc_title.as_deref().map(|t| strip_site(t, site)).filter(|t| !t.is_empty());
    let meta_title = ld_title(f, ld, site).or_else(|| f.meta(vocab::META_TITLE).map(collapse));
    let meta_title = meta_title.map(|t| without_site(t, &sites, &f.h1s));
    let h1 = f.h1s.iter().find(|(_, h)| {
        let hl = loose(h);
        !hl.is_empty()
            && [meta_title.as_deref(), doc_title.as_deref()].into_iter().flatten().any(|t| {
                let tl = loose(t);
                tl == hl || (hl.len() > 15 && tl.starts_with(&hl))
            })
    });
    let doc_title = doc_title.map(|dt| without_site(dt, &sites, &f.h1s));
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

/// The title without the site's name around it: the part on one side of a separator
/// when the other side is the site's name ("Harbour bridge reopens | The Coastal Herald",
/// "香港经济持续复苏-人民网", in any script), or when one side is the page's own `<h1>`
/// ("Geschichte | Klänge des Verschweigens"; "NEWS DIGEST|Harbour bridge reopens …" when
/// the headline is the longer part).
fn without_site(title: String, sites: &Sites, h1s: &[(NodeId, String)]) -> String {
    let h1s: Vec<String> = h1s.iter().map(|(_, h)| loose(h)).filter(|h| h.len() >= MIN_H1_PART).collect();
    let edge = |c: char| c.is_whitespace() || TITLE_SEPARATORS.contains(&c);
    for (at, sep) in title.char_indices().filter(|&(at, c)| separates(&title, at, c)) {
        let head = title[..at].trim_matches(edge);
        let tail = title[at + sep.len_utf8()..].trim_matches(edge);
        // Both parts some <h1> of the page (the site's heading and the article's): no
        // telling which is the headline.
        let (lh, lt) = (loose(head), loose(tail));
        if lh.is_empty() || lt.is_empty() || h1s.contains(&lh) && h1s.contains(&lt) {
            continue;
        }
        // A site name as long as the headline is a misconfigured one (og:site_name set to
        // the page's title).
        // The <h1> names a part only at a separator set apart ("Naturkosmetik- doch
        // gesünder?" is one title under a section's <h1> "Naturkosmetik").
        let apart = set_apart(&title, at, sep);
        let site_after = (sites.names.contains(&lt) || sites.handle.as_ref() == Some(&lt)) && lt.len() < lh.len();
        if site_after || apart && h1s.contains(&lh) {
            return head.to_string();
        }
        if sites.names.contains(&lh) && lh.len() < lt.len() || apart && h1s.contains(&lt) && lt.len() > lh.len() {
            return tail.to_string();
        }
    }
    title
}

/// The site's names, loosely: og:site_name and the JSON-LD publisher, and its social handle.
struct Sites {
    names: Vec<String>,
    handle: Option<String>,
}

/// Whether the character at `at` separates a title's parts: a bar or an underscore
/// anywhere, a dash or a colon with a space beside it ("Privatkredit-Zinsen" is one word)
/// or between characters of a script without spaces ("香港经济持续复苏-人民网").
fn separates(title: &str, at: usize, c: char) -> bool {
    if !TITLE_SEPARATORS.contains(&c) {
        return false;
    }
    if matches!(c, '|' | '_' | '｜' | '丨' | '︱') {
        return true;
    }
    let before = title[..at].chars().next_back();
    let after = title[at + c.len_utf8()..].chars().next();
    let spaced = |x: Option<char>| x.is_some_and(char::is_whitespace);
    let unspaced_script =
        |x: Option<char>| x.is_some_and(|x| x.is_alphabetic() && !x.is_lowercase() && !x.is_uppercase());
    spaced(after) || c != ':' && spaced(before) || unspaced_script(before) && unspaced_script(after)
}

/// A bar or an underscore, or a dash with spaces on both sides: not a colon.
fn set_apart(title: &str, at: usize, c: char) -> bool {
    let spaced = |x: Option<char>| x.is_some_and(char::is_whitespace);
    matches!(c, '|' | '_' | '｜' | '丨' | '︱')
        || c != ':' && spaced(title[..at].chars().next_back()) && spaced(title[at + c.len_utf8()..].chars().next())
}

/// What stands between a title and the site's name: "Title | Site", "Title - Site",
/// "Site · Title", "标题_网站", "标题｜网站". (Not « and », which also quote: "Screenshot :
/// «Vape Wave», «6 Days»".)
const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '·', '•', '/', '\\', '_', ':', '~', '｜', '丨', '︱'];
/// An `<h1>` names a part of the title only when it says this much (loosely, in bytes): a
/// one-word heading ("News") is a section's, not the article's.
const MIN_H1_PART: usize = 4;

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
