//! JSON-LD (`<script type="application/ld+json">`): the article object's headline,
//! authors, date and publisher. Its strings are not HTML, so a character reference in them
//! was never decoded: they are decoded here.

use crate::article::structure::html::text::{collapse, decode_entities};
use serde_json::Value;

/// What the page's JSON-LD says about the article.
#[derive(Default, Debug)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
}

/// schema.org types that describe an article (or a page that is one).
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    matches!(
        t,
        "Article"
            | "NewsArticle"
            | "BlogPosting"
            | "ReportageNewsArticle"
            | "AnalysisNewsArticle"
            | "OpinionNewsArticle"
            | "ReviewNewsArticle"
            | "BackgroundNewsArticle"
            | "AdvertiserContentArticle"
            | "SatiricalArticle"
            | "ScholarlyArticle"
            | "MedicalScholarlyArticle"
            | "SocialMediaPosting"
            | "LiveBlogPosting"
            | "DiscussionForumPosting"
            | "TechArticle"
            | "APIReference"
            | "Report"
            | "AskPublicNewsArticle"
    )
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// A person or organisation's name: a string, or an object's "name".
fn name_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Object(_) => v.get("name").and_then(name_of)?,
        Value::Array(a) => a.iter().find_map(name_of)?,
        _ => return None,
    };
    let s = collapse(&decode_entities(&s));
    (!s.is_empty()).then_some(s)
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(collapse(&decode_entities(s))).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

/// Collect candidate objects: top level, arrays, and `@graph` members (one level of
/// nesting each, iteratively, with a bound on the count).
fn objects(root: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        if out.len() > 200 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                out.push(v);
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(m) = o.get("mainEntity").or(o.get("mainEntityOfPage"))
                    && m.is_object()
                {
                    stack.push(m);
                }
            }
            _ => {}
        }
    }
    out
}

/// Read the article object out of the JSON-LD scripts' texts.
pub fn read<'a>(scripts: impl Iterator<Item = &'a str>) -> LdArticle {
    let mut best: Option<(u8, LdArticle)> = None;
    for src in scripts {
        // Some pages wrap JSON-LD in CDATA or comments.
        let mut src = src.trim();
        for (open, close) in [("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"), ("<!--", "-->")] {
            src = src.trim_start_matches(open).trim_end_matches(close).trim();
        }
        let Ok(v) = serde_json::from_str::<Value>(src.trim()) else {
            continue;
        };
        for o in objects(&v) {
            let ts = types(o);
            let Some(rank) = ts.iter().filter(|t| is_article_type(t)).map(|_| 1u8).max() else {
                continue;
            };
            if best.as_ref().is_some_and(|(r, _)| *r >= rank) {
                continue;
            }
            let mut a = LdArticle {
                headline: string(o.get("headline")),
                name: string(o.get("name")),
                published: string(o.get("datePublished")).or(string(o.get("dateCreated"))),
                publisher: o.get("publisher").and_then(name_of),
                ..Default::default()
            };
            match o.get("author").or(o.get("creator")) {
                Some(Value::Array(list)) => a.authors = list.iter().filter_map(name_of).collect(),
                Some(v) => a.authors.extend(name_of(v)),
                None => {}
            }
            a.authors.dedup();
            best = Some((rank, a));
        }
    }
    best.map(|b| b.1).unwrap_or_default()
}
