//! Bylines ("By NAME", "NAME synthesis", "By NAME, Transport correspondent") and source
//! lines ("Source: URL"): who wrote an article and where it came from, kept out of its text.

use super::lists::{BYLINE_PREFIXES, BYLINE_SUFFIXES};
use crate::article::extract::names::words::is_particle;
use crate::article::structure::dateline;
use crate::article::text::shape::{at_most_words, starts_capitalised};

/// "Source: https://…", "Sources – Reuters", "via: …": the value after the label.
fn source_label(s: &str) -> Option<&str> {
    let lower: String = s.chars().take(40).collect::<String>().to_lowercase();
    let labels = [
        "originally published at",
        "originally published in",
        "originally published on",
        "originally published by",
        "sources",
        "source",
        "nguồn",
        "via",
    ];
    let label = labels.iter().find(|l| lower.starts_with(*l))?;
    // The label's length in `s`: the same characters, whatever their case.
    let cut = s.char_indices().nth(label.chars().count()).map_or(s.len(), |(i, _)| i);
    let rest = s[cut..].trim_start();
    let rest = rest.strip_prefix([':', '：', '-', '–', '—'])?.trim();
    (!rest.is_empty()).then_some(rest)
}

pub fn is_source(s: &str) -> bool {
    at_most_words(s, 20) && source_label(s).is_some()
        || (s.starts_with("http") && !s.contains(' ') && s.contains("://"))
}

pub(super) fn source_value(s: &str) -> &str {
    source_label(s).unwrap_or(s)
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "MINH CHAU synthesis",
/// "Reporting by Jane Doe".
pub fn is_byline(s: &str) -> bool {
    if is_credit_line(s) {
        return true;
    }
    if !at_most_words(s, 12) || s.chars().count() > 120 {
        return false;
    }
    for p in BYLINE_PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            if rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() {
                return names_only(rest.trim()) || name_and_role(rest.trim());
            }
        }
    }
    let lower = s.to_lowercase();
    for suffix in BYLINE_SUFFIXES {
        if let Some(head) = lower.strip_suffix(suffix).filter(|h| h.ends_with([' ', ',', '(', '-', '–', '—'])) {
            let name = s[..head.len()].trim_end_matches([' ', ',', '(', '-', '–', '—']);
            // "MINH CHAU synthesis", but not "The Collected Reports".
            let article = ["The ", "A ", "An ", "THE "].iter().any(|d| name.starts_with(d));
            return !name.is_empty() && !article && names_only(name) && at_most_words(name, 5);
        }
    }
    false
}

/// A wire story's closing credits, in brackets: "(Reporting by Max Cherney in San
/// Francisco; Editing by Richard Chang)".
fn is_credit_line(s: &str) -> bool {
    let Some(inner) = s.trim().strip_prefix('(').and_then(|r| r.strip_suffix(')')) else { return false };
    at_most_words(inner, 40)
        && inner.split(';').all(|part| {
            let part = part.trim();
            // "Reporting by", "Editing by"…: the prefixes with a word before "by".
            BYLINE_PREFIXES.iter().filter(|p| p.contains(' ')).any(|p| {
                part.len() > p.len() + 1 && part.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p))
            })
        })
}

/// The byline as shown: a bracketed credit line without its brackets.
pub(super) fn byline_text(s: &str) -> &str {
    if is_credit_line(s) { s.trim().trim_start_matches('(').trim_end_matches(')') } else { s }
}

/// A byline and the date after its last separator, when that part is a date line.
pub(super) fn split_dated_byline(line: &str) -> (&str, Option<&str>) {
    for sep in [" | ", " · ", " — ", " – ", " / "] {
        if let Some((who, when)) = line.rsplit_once(sep)
            && dateline::is_dateline(when.trim())
            && !who.trim().is_empty()
        {
            return (who.trim(), Some(when.trim()));
        }
    }
    (line, None)
}

/// Words that make a short phrase a journalist's role: "Transport correspondent".
fn names_a_role(s: &str) -> bool {
    const ROLES: [&str; 13] = [
        "correspondent",
        "editor",
        "reporter",
        "writer",
        "journalist",
        "staff",
        "columnist",
        "producer",
        "analyst",
        "contributor",
        "bureau",
        "desk",
        "team",
    ];
    s.split_whitespace()
        .any(|w| ROLES.iter().any(|r| w.trim_matches(|c: char| !c.is_alphabetic()).eq_ignore_ascii_case(r)))
}

/// "Hannah Okafor, Transport correspondent": names, a comma, and a short role.
pub(crate) fn name_and_role(s: &str) -> bool {
    let Some((name, role)) = s.split_once(',') else { return false };
    // A first name and a surname at least: "By March, the editor had resigned" is prose.
    name.split_whitespace().count() >= 2
        && !s.ends_with(['.', '!', '?'])
        && names_only(name.trim())
        && at_most_words(role, 6)
        && names_a_role(role)
}

/// A line that gives only a writer's role, under their name: "Health reporter",
/// "Senior political correspondent".
pub(crate) fn is_role_line(s: &str) -> bool {
    at_most_words(s, 5) && starts_capitalised(s) && !s.ends_with(['.', '!', '?', ':', ',']) && names_a_role(s)
}

/// Every word capitalised (or a connector like "and", "de", "van"), as in a list of names.
pub(super) fn names_only(s: &str) -> bool {
    // "Mariel Santos - Correspondent / @dailycourierPH": a role or handle may follow.
    let s = ["- ", "– ", "— ", " / ", " | "].iter().fold(s, |acc, sep| acc.split(sep).next().unwrap_or(acc));
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() {
        return false;
    }
    let mut capitalised = 0;
    for raw in s.split([' ', ',', '&', '|', '/']).filter(|w| !w.is_empty()) {
        let w = raw.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | '@'));
        if w.is_empty() {
            continue;
        }
        if starts_capitalised(w) {
            capitalised += 1;
        } else if !(is_particle(w) || matches!(w, "and" | "in" | "at" | "for" | "of" | "e")) {
            return false;
        }
    }
    capitalised >= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        for s in [
            "By Jane Doe",
            "By Jane Doe and John Roe, Reuters",
            "MINH CHAU synthesis",
            "Reporting by Jane Doe",
            "BY JANE DOE",
            "By Hannah Okafor, Transport correspondent",
            "By Ana Ruiz, senior reporter in Madrid",
            "(Reporting by Max A. Cherney in San Francisco; Editing by Richard Chang)",
            "(Additional reporting by Jo Ma)",
        ] {
            assert!(is_byline(s), "{s}");
        }
        for s in [
            "By the end of the year, prices rose.",
            "Children account for one-third of victims.",
            "The report shows",
            "By March, the editor had resigned",
            "(Reporting by the committee is due next week.) The vote follows.",
            "(Editing the rules is hard)",
        ] {
            assert!(!is_byline(s), "{s}");
        }
    }

    #[test]
    fn role_lines() {
        for s in ["Health reporter", "Senior political correspondent", "Economics editor"] {
            assert!(is_role_line(s), "{s}");
        }
        for s in ["The reporter left.", "reporter", "Reporters without borders say the law is a threat to them"] {
            assert!(!is_role_line(s), "{s}");
        }
    }

    #[test]
    fn sources() {
        assert!(is_source("Source: https://example.com/a-b-c-123.html"));
        assert_eq!(source_value("Source: https://example.com/x"), "https://example.com/x");
        assert!(is_source("https://example.com/story"));
        assert!(!is_source("Sources close to the minister said the plan was dead."));
    }
}
