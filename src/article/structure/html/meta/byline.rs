//! The byline: JSON-LD's authors, a meta tag, or the element that shows the writer's name.

use super::Found;
use crate::article::extract::names::words::is_particle;
use crate::article::structure::chrome::{self, Origin};
use crate::article::structure::html::content::classify::class_or_id_names;
use crate::article::structure::html::dates;
use crate::article::structure::html::dom::{Dom, NodeId};
use crate::article::structure::html::jsonld;
use crate::article::structure::html::text::{collapse, loose, visible_parts};
use crate::article::structure::html::vocab;
use crate::article::structure::lists::BYLINE_CONNECTORS;

/// The authors: JSON-LD's (not the site itself), else a meta tag, else the first page
/// element that reads like a name line (menus that happen to carry an "author" class
/// have bars and many words).
pub(super) fn byline(f: &Found, ld: &jsonld::LdArticle, site: Option<&str>) -> Option<String> {
    let mut names: Vec<String> = ld.authors.iter().filter_map(|a| clean_byline(a)).collect();
    names.retain(|n| site.is_none_or(|s| loose(s) != loose(n)));
    if !names.is_empty() {
        return Some(join_names(&names));
    }
    f.meta(vocab::META_AUTHOR).and_then(clean_byline).or_else(|| {
        f.bylines
            .iter()
            .filter(|b| !b.contains('|') && b.split_whitespace().count() <= MAX_BYLINE_WORDS)
            .filter_map(|b| clean_byline(b))
            .find(|b| names_someone(b))
    })
}

/// A line of names has at most this many words ("By Jane Doe and John Roe, Transport
/// correspondent"); a menu or a biography that happens to carry an "author" class more.
const MAX_BYLINE_WORDS: usize = 12;
/// How much of a byline element is read (bytes), and the longest line kept.
const BYLINE_PROBE: usize = 200;
const MAX_BYLINE_LINE: usize = 100;
/// Descendants looked at for a form control or a name inside a byline element.
const BYLINE_DESCENDANTS: usize = 50;

/// The text of a byline element as a line of names: the writer's name when an
/// `itemprop=name` marks it; parts that are a date, or a label of the page's ("More
/// Articles", "Follow"), left out. None for an element of a form (a comment form's "Name
/// (required)" field).
pub(super) fn element_line(dom: &Dom, id: NodeId) -> Option<String> {
    let mut inside = dom.descendants(id).take(BYLINE_DESCENDANTS);
    if inside.any(|d| dom.tag(d).is_some_and(|t| matches!(&**t, "input" | "textarea" | "select" | "label"))) {
        return None;
    }
    let name = dom
        .descendants(id)
        .take(BYLINE_DESCENDANTS)
        .find(|&d| dom.attr(d, "itemprop").is_some_and(|x| x.contains("name")));
    let parts: Vec<String> = visible_parts(dom, name.unwrap_or(id), BYLINE_PROBE)
        .into_iter()
        .filter(|p| !is_date(p) && !chrome::is_chrome(p, Origin::Page) && !is_count(p))
        .collect();
    let line = parts.join(" ");
    (!line.is_empty() && line.len() < MAX_BYLINE_LINE).then_some(line)
}

/// A bare number beside a name: its comments' or articles' count.
fn is_count(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || c == ',' || c == '.')
}

/// A date or a time, alone or after a dash ("12 Mar 2021 14:00 GMT", "– 2 August 2025").
fn is_date(s: &str) -> bool {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    dates::iso(s).is_some() && s.split_whitespace().count() <= 6
}

/// Whether a byline read off the page names someone: a person's or an organisation's
/// name, a few of them, maybe with a role ("Jane Doe, Transport correspondent"), not a
/// date, a decoration ("*****Notes*****") or a sentence about the writer ("Jane Doe is a
/// senior reporter …"). Most words are capitalised in scripts with case; a script without
/// case (Chinese, Arabic) has no such sign, and any short line passes.
fn names_someone(s: &str) -> bool {
    let sentence = s.ends_with(['.', '!', '?']) && s.split_whitespace().count() > 3;
    let decorated = s.chars().any(|c| matches!(c, '*' | '#' | '=' | '<' | '>' | '[' | ']' | '{' | '}'));
    if is_date(s) || sentence || decorated {
        return false;
    }
    // After a comma comes a role, in any case ("Jane Doe, senior reporter").
    let names = s.split(',').next().unwrap_or(s);
    let (mut words, mut lowercase) = (0, 0);
    for w in names.split_whitespace() {
        words += 1;
        let first = w.chars().find(|c| c.is_alphanumeric());
        if first.is_some_and(char::is_lowercase) && !is_particle(w) && !BYLINE_CONNECTORS.contains(&w) {
            lowercase += 1;
        }
    }
    // "Rob Ewaschuk Edited by Betsy Beyer", "Martin Untersinger (avec Damien Leloup …)".
    lowercase * LOWERCASE_SHARE.1 <= words * LOWERCASE_SHARE.0
}

/// The share of a line of names that may be lowercase words (a lead-in of another name,
/// "avec", "edited by"): a third.
const LOWERCASE_SHARE: (usize, usize) = (1, 3);

/// rel=author links and elements whose class/id says byline or author.
pub(super) fn byline_element(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "rel").is_some_and(|r| r.split_ascii_whitespace().any(|x| x == "author")) {
        return true;
    }
    if dom.attr(id, "itemprop").is_some_and(|p| p.contains("author")) {
        return true;
    }
    class_or_id_names(dom, id, vocab::BYLINE)
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
