//! The byline: JSON-LD's authors, a meta tag, or the element that shows the writer's name.

use super::Found;
use crate::article::extract::names::words::is_particle;
use crate::article::structure::byline::is_role_line;
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
pub(super) fn byline(dom: &Dom, f: &Found, ld: &jsonld::LdArticle, site: Option<&str>) -> Option<String> {
    let mut names: Vec<String> = ld.authors.iter().filter_map(|a| clean_byline(a)).collect();
    names.retain(|n| site.is_none_or(|s| loose(s) != loose(n)));
    if !names.is_empty() {
        return Some(join_names(&names));
    }
    f.meta(vocab::META_AUTHOR).and_then(clean_byline).or_else(|| page_byline(dom, &f.bylines))
}

/// The first byline element that names someone, the innermost: a byline's line that holds
/// an author's element also holds the date, the section, the comments' count ("Jane Doe ·
/// 6 November 2023 · Transport · 12"), and the author's element only the name. A line
/// that is its inner elements' names and the words between them ("Jane Doe and John Roe")
/// is the byline whole. An element that gives only a role ("Games Editor") is taken when
/// no element names anyone.
fn page_byline(dom: &Dom, elements: &[(NodeId, String)]) -> Option<String> {
    let (names, roles): (Vec<(NodeId, String)>, Vec<_>) = elements
        .iter()
        .filter(|(_, b)| !b.contains('|') && b.split_whitespace().count() <= MAX_BYLINE_WORDS)
        .filter_map(|(id, b)| clean_byline(b).map(|b| (*id, b)))
        .filter(|(_, b)| names_someone(b))
        .partition(|(_, b)| !role_only(b));
    let innermost = names.iter().enumerate().find_map(|(i, (id, line))| {
        let inner: Vec<&str> =
            names[i + 1..].iter().filter(|(d, _)| dom.contains(*id, *d)).map(|(_, b)| b.as_str()).collect();
        (inner.is_empty() || joins_names(line, &inner)).then(|| line.clone())
    });
    innermost.or_else(|| roles.into_iter().next().map(|(_, b)| b))
}

/// Whether `line` is the `names` in order with only connectors between them ("Jane Doe and
/// John Roe", "Jane Doe, John Roe & Ann Poe").
fn joins_names(line: &str, names: &[&str]) -> bool {
    let mut rest = line;
    for (i, name) in names.iter().enumerate() {
        let Some(after) = rest.trim_start().strip_prefix(name) else { return false };
        rest = after.trim_start();
        if i + 1 < names.len() {
            let comma = rest.strip_prefix(',');
            rest = comma.unwrap_or(rest).trim_start();
            let word = rest.split_whitespace().next().unwrap_or("");
            let connector = BYLINE_CONNECTORS.contains(&word);
            if connector {
                rest = &rest[word.len()..];
            }
            if comma.is_none() && !connector {
                return false;
            }
        }
    }
    rest.trim().is_empty()
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
/// `itemprop=name` marks it; parts that are a date, a role, or a label of the page's
/// ("More Articles", "Follow"), left out. None for an element of a form (a comment form's "Name
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
    let mut parts: Vec<String> = visible_parts(dom, name.unwrap_or(id), BYLINE_PROBE)
        .into_iter()
        .filter(|p| !is_date(p) && !chrome::is_chrome(p, Origin::Page) && !is_count(p))
        .collect();
    // The writer's role set apart under the name ("Games Editor") is not a name; a role
    // alone ("Reuters Staff") still says who wrote it.
    if !parts.iter().all(|p| role_only(p)) {
        parts.retain(|p| !role_only(p));
    }
    let line = parts.join(" ");
    (!line.is_empty() && line.len() < MAX_BYLINE_LINE).then_some(line)
}

/// A writer's role without a name ("Games Editor", "Reuters Staff"; not "Jane Doe, Editor").
fn role_only(s: &str) -> bool {
    is_role_line(s) && !s.contains(',')
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
    let letters = s.chars().any(char::is_alphabetic);
    if is_date(s) || sentence || decorated || !letters || is_lead_in(s) {
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

/// The words before a name, alone in an element of their own (`<em class=byline__by>By</em>`,
/// "Von", "Auteur:").
fn is_lead_in(s: &str) -> bool {
    let word = s.trim().trim_end_matches(':');
    let label = s.trim().ends_with(':') && !word.contains(char::is_whitespace);
    label || vocab::BYLINE_LEAD_INS.iter().any(|l| l.trim_end().trim_end_matches(':').eq_ignore_ascii_case(word))
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
    // (The separators around it: "Redaktion -", "· Jane Doe".)
    let t = t.trim_matches(|c: char| matches!(c, '|' | ',' | '-' | '–' | '—' | '·') || c.is_whitespace()).to_string();
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
