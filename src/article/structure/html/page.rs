//! A web page read as an article, before it becomes one: the page's metadata, and the
//! main content as blocks of the kinds HTML has.

use crate::article::model::{Span, Table};

/// A web page read as an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

/// What the page says about the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The headline: JSON-LD headline, og:title, the article's `<h1>`, or `<title>` with a
    /// " - Site" / " | Site" suffix removed.
    pub title: Option<String>,
    /// The deck / subtitle under the headline, when the page shows one.
    pub standfirst: Option<String>,
    /// The page's summary (`<meta name=description>`, `og:description`): not shown, but a
    /// heading that repeats it at the top of the body is the standfirst.
    pub description: Option<String>,
    /// The author(s), several joined with ", " and " and ".
    pub byline: Option<String>,
    /// ISO 8601: "2019-01-03", or "2019-01-03T07:00:02Z" / with an offset.
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<crate::article::model::Direction>,
    /// Absolute canonical URL.
    pub canonical: Option<String>,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    /// Whitespace-collapsed text (verbatim for `Code`; cells joined by tabs and rows by
    /// line ends for `Table`; the caption for `Figure`).
    pub text: String,
    /// Inline markup: byte ranges of `text`.
    pub spans: Vec<Span>,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// h2..h6 inside the content (the level is kept); the headline itself is not a block.
    Heading(u8),
    Paragraph,
    /// A list item; depth 0 is the top level; `marker` ("1." …) for ordered items.
    ListItem {
        depth: u8,
        ordered: bool,
        marker: Option<String>,
        loose: bool,
    },
    BlockQuote,
    /// A quote set apart for display (an aside or figure marked as a pull quote).
    PullQuote,
    Table(Table),
    /// Preformatted text, verbatim.
    Code {
        language: Option<String>,
    },
    /// An image; the block's `text` is its caption (possibly empty).
    Figure {
        src: Option<String>,
        alt: Option<String>,
    },
}
