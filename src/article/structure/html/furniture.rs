//! Short lines that are page furniture wherever they appear ("Advertisement",
//! "Read more", "Share this article" …).

/// Whether a block's whole text is a furniture line.
pub fn is_junk(text: &str) -> bool {
    // Copyright and rights notices.
    if text.len() < 300 && (text.starts_with('©') || text.starts_with("(c) ") || text.starts_with("Copyright")) {
        return true;
    }
    // Teaser lead-ins: "READ MORE: …", "SEE ALSO: …", "DON'T MISS …".
    if text.len() < 400 {
        let head: String = text.chars().take(16).flat_map(char::to_lowercase).collect();
        let head = head.replace('’', "'");
        if PREFIXES.iter().any(|p| head.starts_with(p)) {
            return true;
        }
    }
    if text.len() > 60 {
        return false;
    }
    let t: String = text.trim_matches(|c: char| !c.is_alphanumeric()).chars().flat_map(char::to_lowercase).collect();
    JUNK.contains(&t.as_str())
}

const JUNK: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "continue reading below",
    "article continues below",
    "scroll to continue with content",
    "read more",
    "read more here",
    "continue reading",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "leave a comment",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "more from",
    "most popular",
    "most read",
    "trending",
    "tags",
    "topics",
    "follow us",
    "subscribe",
    "sign up",
    "newsletter",
    "click here",
    "image",
    "photo",
    "video",
    "loading",
    "play video",
    "watch",
    "listen",
    "back to top",
    "text size",
    "sponsored links",
    "caption",
    "close",
    "open",
    "expand",
    "enlarge",
    "hide caption",
    "toggle caption",
    "view gallery",
    "photos",
    "gallery",
    "skip to content",
    "skip advertisement",
    "anzeige",
    "publicité",
    "publicidad",
    "werbung",
    "pubblicità",
    "реклама",
    "广告",
];

/// Lead-ins of promotional lines that point elsewhere.
const PREFIXES: &[&str] = &[
    "read more:",
    "read more »",
    "see more:",
    "see also:",
    "also read:",
    "read also:",
    "related:",
    "more:",
    "write to ",
    "recommended:",
    "don't miss",
    "click here",
    "sign up for",
    "subscribe to",
    "watch:",
    "listen:",
    "related article",
    "more from ",
    "lire aussi",
    "à lire aussi",
    "leia também",
    "lee también",
    "auch interessant",
    "mehr zum thema",
    // The BBC's labels on a video's or a photo's caption, read as text without markup.
    "media caption",
    "image caption",
    "image copyright",
];

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
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(*w, "and" | "&" | "de" | "van" | "von" | "der" | "la" | "le" | "in" | "for" | "|")
        })
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
            || matches!(
                w.as_str(),
                "updated"
                    | "published"
                    | "posted"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            )
    })
}

const MONTH_WORDS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Headings that introduce links to other articles: "More Great WIRED Stories",
/// "Related coverage", "You may also like".
pub fn is_teaser_heading(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let t = text.to_lowercase();
    let t = t.trim();
    let words = t.split_whitespace().count();
    let more = t.starts_with("more ")
        && words <= 5
        && ["stories", "from", "news", "articles", " on ", " in ", "coverage", "videos", "reading", " to "]
            .iter()
            .any(|w| t.contains(w));
    more || [
        "related",
        "recommended",
        "you may also",
        "you might also",
        "most popular",
        "most read",
        "trending",
        "read next",
        "also on ",
        "more from",
        "popular on",
        "latest news",
        "top stories",
        "editor's picks",
        "editors' picks",
        "don't miss",
        "we recommend",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        || t.ends_with(" stories") && words <= 5
        // "Business news in pictures": a gallery of other stories.
        || (t.ends_with(" in pictures") || t.ends_with(" in photos")) && words <= 6
}
