//! The words pages use in their markup, in one place: what a class or id says about an
//! element (boilerplate, content, hidden, a caption, a pull quote, a byline, a deck), what
//! ARIA roles say, and which `<meta>` keys carry which field. The code that asks lives
//! where it is asked (`content::classify`, `blocks`, `meta`); the words live here, as
//! dom_smoothie keeps its in `glob.rs` and trafilatura in `xpaths.py`.

/// Substrings of a lowercased class/id that mark boilerplate.
pub const BOILER_SUBSTRINGS: &[&str] = &[
    "comment",
    "disqus",
    "sidebar",
    "related",
    "recommend",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "sharing",
    "share-",
    "-share",
    "social",
    "promo",
    "sponsor",
    "advert",
    "cookie",
    "consent",
    "gdpr",
    "breadcrumb",
    "footer",
    "masthead",
    "navbar",
    "navigation",
    "popup",
    "modal",
    "widget",
    "outbrain",
    "taboola",
    "trending",
    "popular",
    "most-read",
    "mostread",
    "byline",
    "author",
    "dateline",
    "pagination",
    "pager",
    "toolbar",
    "readmore",
    "read-more",
    "more-stories",
    "morestories",
    "next-article",
    "skip-link",
    "skiplink",
    "login",
    "paywall",
    "banner",
    "rating",
    "keywords",
    "tag-list",
    "taglist",
    "article-tags",
    "post-tags",
    "sharebar",
    "share_",
    "_share",
    "follow-us",
    "jump-link",
    "topics",
    "playlist",
    "also-read",
    "alsoread",
    "see-also",
    "seealso",
    "further-reading",
    "links-list",
    "shopping",
    "affiliate",
    "supplemental",
    "hidden-print",
    "print-only",
    "no-print",
    "d-print-none",
    "inline-ad",
    "ad-container",
    "ad-slot",
    "adslot",
    "adunit",
    "ad-unit",
    "ad-wrapper",
    "dfp",
    "premium-box",
    "upsell",
    "donate",
    "video-player",
    "contributor",
    "timestamp",
    "publish-date",
    "pubdate",
    "editsection",
    "edit-link",
    "carousel",
    "slideshow",
    "lightbox",
    "post-meta",
    "entry-meta",
    "article-meta",
    "meta-data",
    // An author's box under the post, a fact box beside it, a button, a "learn more" box.
    "sabox",
    "factbox",
    "button",
    "savoir-plus",
    "mehr-zum-thema",
    "inline-teaser",
    // Advertising, in the page's language.
    "werbung",
    "anzeige",
    "publicidad",
    "publicite",
    "pubblicita",
];

/// Whole class/id words (split at non-alphanumerics) that mark boilerplate.
pub const BOILER_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "nav",
    "tag",
    "tags",
    "bio",
    "cta",
    "share",
    "shares",
    "menu",
    "meta",
    "rss",
    "tools",
    "utility",
    "subnav",
    "aside",
    "header",
    "masthead",
    "hide",
    "hidden",
    "sticky",
    "overlay",
    "signature",
    "credits",
    "source",
    "date",
    "published",
    "updated",
    "nocontent",
    "noprint",
    "sr",
    "disclaimer",
    "copyright",
    "btn",
];

/// Substrings that mark article content.
pub const CONTENT_SUBSTRINGS: &[&str] = &[
    "article",
    "content",
    "entry",
    "story",
    "post-body",
    "postbody",
    "post-text",
    "main",
    "body",
    "text",
    "blog",
    "hentry",
    "h-entry",
    "page",
];

/// Class/id fragments that look like boilerplate words but are content.
pub const NOT_BOILER: &[&str] = &["commentary", "author-content", "main-content"];

/// Boilerplate names that are a discussion under the article: it can outweigh the
/// article, so it needs more of the page's prose to be excused.
pub const COMMENTS: &[&str] = &["comment", "disqus", "respond", "replies"];

/// Whole class names that hide text from sighted readers (screen-reader-only helpers).
pub const HIDING_CLASSES: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader-only",
    "element-invisible",
    "a11y-hidden",
    "hide-text",
    "offscreen",
    "u-hidden",
    "is-hidden",
    "d-none",
];

/// Class substrings of what a page keeps off paper: asides to the reader on screen.
pub const NOT_PRINTED: &[&str] = &["noprint", "no-print", "d-print-none", "hidden-print"];

/// Whole class/id words of a chart or a data graphic.
pub const CHART_WORDS: &[&str] =
    &["chart", "charts", "graph", "graphic", "infographic", "infografik", "dataviz", "datavis", "visualization"];

/// Class/id substrings of charting libraries and graphics tools.
pub const CHART_LIBRARIES: &[&str] = &[
    "highcharts",
    "datawrapper",
    "ai2html",
    "plotly",
    "flourish",
    "chartjs",
    "amcharts",
    "apexcharts",
    "echarts",
    "vega-embed",
    "g-artboard",
];

/// ARIA roles of the article itself.
pub const CONTENT_ROLES: &[&str] = &["main", "article"];

/// ARIA roles of the page around the article (landmarks, menus, dialogs).
pub const STRUCTURAL_ROLES: &[&str] =
    &["navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar", "dialog", "alert"];

/// Class/id substrings of a caption or a photo credit ("wp-caption-text", "image-credit",
/// an image's "legend", German "bildunterschrift").
pub const CAPTION: &[&str] = &["caption", "credit", "legend", "bildunterschrift"];

/// Class substrings of a pull quote.
pub const PULL_QUOTE: &[&str] = &["pullquote", "pull-quote", "pull_quote"];

/// Class/id substrings of an element holding the byline.
pub const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Class/id substrings of the deck under the headline.
pub const STANDFIRST: &[&str] = &[
    "standfirst",
    "subtitle",
    "subheadline",
    "sub-headline",
    "subhead",
    "dek",
    "deck",
    "strapline",
    "summary",
    "lede",
    "teaser",
    "excerpt",
    "intro",
    "description",
];

/// Class/id substrings of a deck set apart from the headline, before the article's text
/// ("article-excerpt", "leadIn", "intro"): the deck's words without "description", which
/// also names a site's tagline.
pub const DECK: &[&str] = &[
    "standfirst",
    "subtitle",
    "subheadline",
    "sub-headline",
    "subhead",
    "dek",
    "deck",
    "strapline",
    "summary",
    "lede",
    "lead",
    "teaser",
    "excerpt",
    "intro",
];

/// `<meta>` keys naming the site, in order of trust.
pub const META_SITE: &[&str] = &["og:site_name", "application-name", "twitter:site"];

/// `<meta>` keys holding the headline, in order of trust.
pub const META_TITLE: &[&str] = &[
    "dc:title",
    "dc.title",
    "dcterm:title",
    "dcterms.title",
    "og:title",
    "title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
];

/// `<meta>` keys naming the author, in order of trust.
pub const META_AUTHOR: &[&str] =
    &["dc:creator", "dcterm:creator", "author", "parsely-author", "article:author", "sailthru.author", "byl"];

/// `<meta>` keys holding the date of publication, in order of trust.
pub const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "og:published_time",
    "published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "publish-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterm:date",
    "date",
    "article.published",
];

/// `<meta>` keys holding the page's summary.
pub const META_DESCRIPTION: &[&str] = &["description", "og:description"];

/// Words before a name in a byline element or meta tag ("By", "Written by", "von", "par",
/// "por", "przez", "door").
pub const BYLINE_LEAD_INS: &[&str] =
    &["by:", "by ", "written by ", "posted by ", "words by ", "story by ", "von ", "par ", "por ", "przez ", "door "];

/// Whether `class_id` (lowercased) contains one of `words`.
pub fn names(class_id: &str, words: &[&str]) -> bool {
    words.iter().any(|w| class_id.contains(w))
}
