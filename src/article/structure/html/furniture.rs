//! The one stage where a block of a page's content is dropped for what it says: page
//! furniture ("Advertisement", "Read more: …", "Share this article"), bylines and date lines
//! repeated in the body, and the headings that introduce teasers. The phrases are in
//! `structure::lists`, shared with pasted text.

use crate::article::structure::chrome::{self, Origin};
use crate::article::structure::html::page::Kind;
use crate::article::structure::lists::{BYLINE_CONNECTORS, DATE_WORDS, MONTH_WORDS, TEASER_HEADINGS, TEASER_MORE};

/// Whether a block of the content is furniture: a furniture line of any text or of a page
/// (`chrome`), a credit or a pointer after the story, or a byline or a date line repeated
/// in the body. The one place a block of a page is dropped for what it says.
pub fn is_furniture(kind: &Kind, text: &str) -> bool {
    chrome::is_chrome(text, Origin::Page)
        || chrome::is_credit_or_promo(text)
        || (*kind == Kind::Paragraph && (is_byline_line(text) || is_date_line(text)))
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters": a byline line (short, "By" and
/// capitalised words).
pub fn is_byline_line(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    let Some(rest) = ["By ", "BY ", "by "].iter().find_map(|p| text.strip_prefix(p)) else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || BYLINE_CONNECTORS.contains(w))
}

/// A line that is only a date (and time): "Nov. 19, 2019, 8:41 AM UTC", "2019-11-19".
pub fn is_date_line(text: &str) -> bool {
    if text.len() > 60 || crate::article::structure::html::dates::iso(text).is_none() {
        return false;
    }
    // Date words, numbers and a few connectives only.
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '|').filter(|w| !w.is_empty()).all(|w| {
        let w = w.trim_matches(|c: char| c == '.' || c == '(' || c == ')').to_ascii_lowercase();
        w.chars().any(|c| c.is_ascii_digit())
            || w.len() <= 3
            || MONTH_WORDS.iter().any(|m| w.starts_with(m))
            || DATE_WORDS.contains(&w.as_str())
    })
}

/// Headings that introduce links to other articles: "More Great WIRED Stories",
/// "Related coverage", "You may also like".
pub fn is_teaser_heading(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let t = text.to_lowercase();
    let t = t.trim();
    let words = t.split_whitespace().count();
    let more = t.starts_with("more ") && words <= 5 && TEASER_MORE.iter().any(|w| t.contains(w));
    more || TEASER_HEADINGS.iter().any(|p| t.starts_with(p))
        || t.ends_with(" stories") && words <= 5
        // "Business news in pictures": a gallery of other stories.
        || (t.ends_with(" in pictures") || t.ends_with(" in photos")) && words <= 6
}
