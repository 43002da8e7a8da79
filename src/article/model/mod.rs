//! The article model: what folio knows about an article once it is parsed.
//!
//! Every extracted item carries a [`Location`] (section, paragraph, byte range inside that
//! paragraph's `text`), so a reader can highlight it in place. The serde shape of these types
//! is folio's public JSON contract (`folio --export json`); see README.md.

mod paragraph;

pub use paragraph::{Align, Code, Figure, Paragraph, ParagraphKind, Rich, Row, Span, SpanKind, Table};
use serde::{Deserialize, Serialize};

/// The `schema` value written into every export. Bump the number on incompatible changes.
pub const SCHEMA: &str = "folio.article/3";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema: String,
    pub title: Option<String>,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub dateline: Option<String>,
    #[serde(default)]
    pub byline: Option<String>,
    /// Where the article is: a web page's canonical URL, a pasted article's `Source:`.
    #[serde(default)]
    pub source: Option<String>,
    /// When it was published, ISO 8601, as a web page gives it ("2019-01-03T07:00:02Z").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The site a web page belongs to ("The Guardian").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// The page's language ("en", "fr-FR").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The text's direction, when the page says or its language is written right to left
    /// (`"rtl"` or `"ltr"` in JSON).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "Direction::lenient")]
    pub dir: Option<Direction>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub statistics: Vec<Statistic>,
    /// Absolute dates: a year, a month, a day of a month, or a full date.
    #[serde(default)]
    pub dates: Vec<DateMention>,
    /// Dates relative to when the article was written: "this year", "two years later", "Monday".
    #[serde(default)]
    pub relative_dates: Vec<DateMention>,
    #[serde(default)]
    pub people: Vec<Entity>,
    #[serde(default)]
    pub organisations: Vec<Entity>,
    /// Every link in the text, in reading order (from the paragraphs' link spans).
    #[serde(default)]
    pub links: Vec<Link>,
    /// Problems met while reading the input (e.g. invalid UTF-8), for the status bar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Which way a text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// A `dir` attribute's value ("rtl", " RTL "); `None` for anything else ("auto").
    pub fn parse(s: &str) -> Option<Direction> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rtl" => Some(Direction::Rtl),
            "ltr" => Some(Direction::Ltr),
            _ => None,
        }
    }

    /// An export's `dir`: a value folio never wrote reads as unknown, not as a broken file.
    fn lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Direction>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.as_deref().and_then(Direction::parse))
    }
}

impl Article {
    /// Whether the standfirst is among the paragraphs (exports from before it was are not).
    pub fn has_standfirst(&self) -> bool {
        self.sections.iter().flat_map(|s| &s.paragraphs).any(|p| p.kind == ParagraphKind::Standfirst)
    }
}

impl Default for Article {
    fn default() -> Self {
        Article {
            schema: SCHEMA.to_string(),
            title: None,
            subtitle: None,
            dateline: None,
            byline: None,
            source: None,
            published: None,
            site_name: None,
            lang: None,
            dir: None,
            sections: Vec::new(),
            quotes: Vec::new(),
            statistics: Vec::new(),
            dates: Vec::new(),
            relative_dates: Vec::new(),
            people: Vec::new(),
            organisations: Vec::new(),
            links: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    /// The heading's level: 2 for a section (the title is 1), 3 and more for
    /// sub-sections. Sections are flat; the levels say how they nest.
    #[serde(default = "section_level")]
    pub level: u8,
    pub paragraphs: Vec<Paragraph>,
}

fn section_level() -> u8 {
    2
}

impl Section {
    pub fn new(heading: Option<String>, level: u8) -> Section {
        Section { heading, level, paragraphs: Vec::new() }
    }
}

/// A link in the text: its words, where it goes, and where its words stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub text: String,
    pub url: String,
    #[serde(flatten)]
    pub at: Location,
}

/// Everything the extractors find in an article, apart from its structure.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub statistics: Vec<Statistic>,
    pub dates: Vec<DateMention>,
    pub relative_dates: Vec<DateMention>,
    pub people: Vec<Entity>,
    pub organisations: Vec<Entity>,
}

impl Extraction {
    pub fn apply(self, article: &mut Article) {
        article.quotes = self.quotes;
        article.statistics = self.statistics;
        article.dates = self.dates;
        article.relative_dates = self.relative_dates;
        article.people = self.people;
        article.organisations = self.organisations;
    }
}

/// Where an extracted item stands: `start..end` are byte offsets into
/// `sections[section].paragraphs[paragraph].text`, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    pub section: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    pub speaker: Option<String>,
    #[serde(flatten)]
    pub at: Location,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistic {
    /// The quantity with what it counts: "94 per cent of nurses".
    pub text: String,
    /// The number as written: "98", "one-third", "£1,000", "8.9 million".
    pub quantity: String,
    /// Its value where it can be read as one number (8.9 million -> 8900000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The sentence that holds it.
    pub sentence: String,
    #[serde(flatten)]
    pub at: Location,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    /// ISO 8601 where the text gives enough: "2024-07-30", "2024-07", "2017", or "--07-30"
    /// (a month and day whose year the text does not give).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    #[serde(default)]
    pub relative: bool,
    #[serde(flatten)]
    pub at: Location,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub mentions: usize,
    /// Other names it goes by in the text: an acronym, a surname.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where each mention stands, for highlighting.
    #[serde(default)]
    pub occurrences: Vec<Location>,
}

impl Article {
    /// The links of every paragraph's link spans, in reading order.
    pub fn collect_links(&self) -> Vec<Link> {
        let mut out = Vec::new();
        for (section, paragraph, p) in self.paragraphs() {
            for sp in p.spans().iter().filter(|sp| sp.kind == SpanKind::Link) {
                let (Some(url), Some(text)) = (&sp.href, p.text.get(sp.start..sp.end)) else { continue };
                let at = Location { section, paragraph, start: sp.start, end: sp.end };
                out.push(Link { text: text.to_string(), url: url.clone(), at });
            }
        }
        out
    }

    /// The paragraph a location points into, if it exists.
    pub fn paragraph(&self, section: usize, paragraph: usize) -> Option<&Paragraph> {
        self.sections.get(section)?.paragraphs.get(paragraph)
    }

    /// The text a location covers, if the location is valid for this article.
    pub fn text_at(&self, at: &Location) -> Option<&str> {
        self.paragraph(at.section, at.paragraph)?.text.get(at.start..at.end)
    }

    /// Every paragraph with its (section, paragraph) index, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, usize, &Paragraph)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(s, sec)| sec.paragraphs.iter().enumerate().map(move |(p, para)| (s, p, para)))
    }

    /// Whether anything has been extracted yet (an imported export has; pasted text not).
    pub fn has_extractions(&self) -> bool {
        !(self.quotes.is_empty()
            && self.statistics.is_empty()
            && self.dates.is_empty()
            && self.relative_dates.is_empty()
            && self.people.is_empty()
            && self.organisations.is_empty())
    }

    /// A title to show when the article has none: its first words, cut at a word boundary.
    pub fn display_title(&self) -> String {
        if let Some(t) = &self.title {
            return t.clone();
        }
        let lead = self.paragraphs().next().map(|(_, _, p)| p.text.as_str()).unwrap_or("");
        first_words(lead, 60)
    }
}

/// At most `max_chars` characters of `text`, cut at a word boundary, with an ellipsis when cut.
pub fn first_words(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max_chars).collect();
    }
    out.push('…');
    out
}
