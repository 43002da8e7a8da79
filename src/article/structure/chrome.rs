//! Page furniture left over from a web page: "Comment (0)", "Share", "Read more: …",
//! "Advertisement", "TAGS: …", "EMBARGOED UNTIL …". Matched by hand rather than with a
//! regex: this runs on every line and its regex took two milliseconds to compile, a
//! third of the time to a long book's first screen.

pub use super::lists::Origin;
use super::lists::{FURNITURE, FURNITURE_PREFIXES, LINK_LISTS, SOCIAL};

/// `s` lowercased, without a leading count ("0 comments"), a trailing count ("Comments
/// (12)", "Share 5"), final punctuation or the symbols around it ("- ENDS -", "› Share").
fn core(s: &str) -> String {
    let l = counted_core(s);
    let t = l.trim_matches(|c: char| !c.is_alphanumeric() && c != '#');
    if t.len() == l.len() { l } else { t.to_string() }
}

fn counted_core(s: &str) -> String {
    let mut l = s.trim().to_lowercase();
    if let Some((n, rest)) = l.split_once(' ')
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        l = rest.trim().to_string();
    }
    loop {
        let t = l.trim_end().trim_end_matches([':', '.', '!']).trim_end();
        let t = if t.ends_with(')') {
            match t.rfind('(') {
                Some(open) if t[open + 1..t.len() - 1].bytes().all(|b| b.is_ascii_digit()) => t[..open].trim_end(),
                _ => t,
            }
        } else {
            t
        };
        let t = match t.rsplit_once(' ') {
            Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => head,
            _ => t,
        };
        if t.len() == l.len() {
            return l;
        }
        l = t.to_string();
    }
}

/// "5 min read", "3 minutes read".
fn reading_time(l: &str) -> bool {
    let mut w = l.split(' ');
    matches!((w.next(), w.next(), w.next(), w.next()), (Some(n), Some("min" | "mins" | "minute" | "minutes"), Some("read"), None) if n.bytes().all(|b| b.is_ascii_digit()))
}

pub fn opens_link_list(s: &str) -> bool {
    s.len() < 40 && LINK_LISTS.contains(&core(s).as_str())
}

/// A line as a link in such a list reads: a few words, no sentence punctuation at the end.
pub fn is_link_like(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && crate::article::text::shape::at_most_words(s, 12)
        && !s.ends_with(['.', '!', '?', ':', ';', ',', '"', '”'])
}

/// The words that open a photo credit.
const CREDITS: [&str; 6] = ["Photograph:", "Photo:", "Photo credit:", "Picture:", "Illustration:", "Image:"];

/// Where a photo caption's credit starts: "Firefighters at the site. Photograph: Name/AFP/
/// Getty Images". The credit is a few words at the end of the line.
fn credit_start(s: &str) -> Option<usize> {
    // The credit is in the last hundred bytes or so: look only there, and only when they
    // hold a colon (this runs on every line of a book).
    let from = s.ceil_char_boundary(s.len().saturating_sub(120));
    let tail = &s[from..];
    memchr::memchr(b':', tail.as_bytes())?;
    CREDITS
        .iter()
        .filter_map(|c| {
            tail.rfind(c).filter(|&at| {
                let credit = &tail[at + c.len()..];
                !credit.trim().is_empty()
                    && credit.split_whitespace().take(9).count() <= 8
                    && !credit.trim_end().ends_with('.')
            })
        })
        .min()
        .map(|at| from + at)
}

fn is_caption(s: &str) -> bool {
    credit_start(s).is_some()
}

/// A figure's caption without its photo credit, which is page chrome: "Water covered the
/// street. Photograph: Jo Bell" gives "Water covered the street."
pub fn without_credit(caption: &str) -> &str {
    match credit_start(caption) {
        Some(at) => caption[..at].trim_end(),
        None => caption,
    }
}

/// A line that credits the reporting, after the story: "Keith Bradsher contributed
/// reporting from Hong Kong.", "Fox News’ Jessica Napoli contributed to this report.", or
/// points to more of it: "Follow AP's full coverage of Brexit at …".
pub fn is_credit_or_promo(s: &str) -> bool {
    let s = s.trim();
    if !crate::article::text::shape::at_most_words(s, 25) {
        return false;
    }
    // Compared in any case without a lowered copy: this runs on every short paragraph.
    use crate::article::text::shape::{contains_ascii_ci, starts_with_ascii_ci};
    let follow = || {
        starts_with_ascii_ci(s, "follow ")
            && [" coverage", " on twitter", " on facebook", " on instagram"].iter().any(|x| contains_ascii_ci(s, x))
    };
    contains_ascii_ci(s, " contributed reporting") || contains_ascii_ci(s, " contributed to this report") || follow()
}

/// Whether a phrase listed for `listed` is furniture in a line read from `origin`.
fn applies(listed: Origin, origin: Origin) -> bool {
    listed == Origin::Text || origin == Origin::Page
}

/// A line that starts with a furniture prefix of `origin` ("Read more: …", "Tags: …",
/// "© 2024 …"), compared with case and curly apostrophes folded.
fn furniture_prefix(s: &str, origin: Origin) -> bool {
    // Only those that open with the line's first letter are compared: this runs on every
    // paragraph of a long document.
    let Some(first) = s.chars().next().and_then(|c| c.to_lowercase().next()) else { return false };
    // One byte first: `starts_with(char)` is a call to memcmp, and there are over 200
    // prefixes (13% of the 10 MB document's parse before this).
    let mut buf = [0u8; 4];
    let lead = first.encode_utf8(&mut buf).as_bytes()[0];
    FURNITURE_PREFIXES.iter().any(|&(p, listed)| {
        p.as_bytes().first() == Some(&lead) && p.starts_with(first) && applies(listed, origin) && {
            let mut folded = s.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c });
            p.chars().all(|c| folded.next() == Some(c))
        }
    })
}

/// Whether a whole line is page furniture: a listed phrase, a reading time, a row of share
/// buttons, a photo credit, or a line that opens with a listed prefix.
pub fn is_chrome(s: &str, origin: Origin) -> bool {
    if s.len() > MAX_FURNITURE_LINE {
        return false;
    }
    // Only "at most six words?" matters: counting stops at the seventh.
    let words = s.split_whitespace().take(7).count();
    if words <= 6 {
        let l = core(s);
        if FURNITURE.iter().any(|&(w, listed)| w == l && applies(listed, origin))
            || reading_time(&s.trim().to_lowercase())
            || l.strip_prefix("share on ").or(l.strip_prefix("share via ")).is_some_and(|r| !r.contains(' '))
            || l.strip_prefix("follow us on ").is_some_and(|r| !r.contains(' '))
        {
            return true;
        }
        // A row of share buttons: "Facebook Twitter Email".
        let social = s.split_whitespace().all(|w| {
            let w = w.to_ascii_lowercase();
            SOCIAL.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '|'))
        });
        if social && words >= 2 {
            return true;
        }
    }
    if is_caption(s) {
        return true;
    }
    s.len() <= MAX_PREFIXED_LINE && furniture_prefix(s, origin)
}

/// The longest line (bytes) looked at as furniture: a line of tags can be long, a
/// paragraph of the story longer.
const MAX_FURNITURE_LINE: usize = 2000;
/// The longest line (bytes) that a furniture prefix makes furniture: "Read more: " and a
/// headline, "Tags: " and a few of them; a paragraph that opens "Copyright law …" is longer.
const MAX_PREFIXED_LINE: usize = 400;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines() {
        for s in [
            "Comment (0)",
            "0 comments",
            "Comments (12)",
            "Share",
            "Share this article",
            "Read more",
            "Advertisement",
            "Back to top",
            "READ MORE: Some other story",
            "Facebook Twitter Email",
            "5 min read",
            "Share on WhatsApp",
            "TAGS: Albay, Bicol, NDRRMC",
            "EMBARGOED UNTIL 16:00 GMT, WEDNESDAY 12 MARCH 2025",
            "Live",
            "Read Next",
            "- ENDS -",
            "Firefighters work at the site of a damaged substation. Photograph: Oleksandr Gimanov/AFP/Getty Images",
            "Last modified on Fri 14 Mar 2025 09.12 GMT",
            "Reuse this content",
            "Media captionWho is Julian Assange?",
        ] {
            assert!(is_chrome(s, Origin::Text), "{s}");
        }
        for s in [
            "Share prices fell sharply on Monday.",
            "Comments from the minister were brief.",
            "Print media is in decline",
            "Liverpool",
            "The agency released a photo: it showed the damaged substation from above.",
        ] {
            assert!(!is_chrome(s, Origin::Text), "{s}");
        }
    }

    #[test]
    fn credits_and_pointers_after_the_story() {
        assert!(is_credit_or_promo("Keith Bradsher contributed reporting from Hong Kong."));
        assert!(is_credit_or_promo("Fox News’ Jessica Napoli contributed to this report."));
        assert!(is_credit_or_promo(
            "Follow AP's full coverage of Brexit and British politics at https://apnews.com/Brexit"
        ));
        assert!(!is_credit_or_promo(
            "Officials said three people contributed reporting to the inquiry, which began in March and is expected to report next year with recommendations for reform of the agency."
        ));
        assert!(!is_credit_or_promo("Follow the money, investigators said."));
    }

    #[test]
    fn a_captions_credit_is_chrome() {
        assert_eq!(
            without_credit("Water covered the street. Photograph: Jo Bell/Reuters"),
            "Water covered the street."
        );
        assert_eq!(without_credit("Photo: Ana Ruiz"), "");
        assert_eq!(without_credit("A caption with no credit"), "A caption with no credit");
    }
}
