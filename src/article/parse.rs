//! Text in, [`Article`] out: picks the input format, builds the structure, runs the
//! extractors. Knows nothing of terminals.

use super::extract::{ParagraphRef, find_all, year_in};
use super::learn::Weights;
use super::model::{Article, Extraction, Location, SCHEMA};
use super::resolve::{Considered, Context, resolve};
use super::structure::assemble;
use super::structure::html;
use super::structure::markdown::{looks_like_markdown, markdown_blocks};
use super::structure::plain::plain_blocks;
use std::fmt;
use std::sync::LazyLock;

impl Weights {
    /// The weights compiled in, both models laid out by their modules.
    pub fn compiled() -> &'static Weights {
        static W: LazyLock<Weights> = LazyLock::new(|| Weights {
            accept: super::extract::quotes::compiled_accept().to_vec(),
            speaker: Weights::laid_out(&super::resolve::speaker_names(), super::learn::SPEAKER),
            chain: true,
        });
        &W
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing readable was left once page chrome was set aside.
    NoText,
    /// `--format json` was asked for and the input is not a folio export.
    BadJson(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::NoText => f.write_str("no article text"),
            ParseError::BadJson(e) => write!(f, "not a folio JSON article: {e}"),
        }
    }
}

impl std::error::Error for ParseError {}

/// How much of a text `detect` looks at: the reader decides on the head of a long file
/// (it shows the first screen before the rest is read), so every mode decides on the same
/// bytes, and a file is never read as two formats.
pub const DETECT_BYTES: usize = 32 * 1024;

/// The format the content shows: folio JSON, HTML, Markdown, or plain text. Only the
/// first [`DETECT_BYTES`] are looked at.
pub fn detect(text: &str) -> Format {
    let head = &text[..text.floor_char_boundary(DETECT_BYTES)];
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') && t.contains("\"sections\"") {
        return Format::Json;
    }
    if looks_like_html(t) {
        return Format::Html;
    }
    if looks_like_markdown(head) {
        return Format::Markdown;
    }
    Format::Text
}

/// A page: it opens with a doctype, `<html>`, `<head>` or a comment before one, or has an
/// `<html`/`<body` tag near the top.
pub fn looks_like_html(t: &str) -> bool {
    let start: String = t.chars().take(16).collect::<String>().to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<?xml"].iter().any(|p| start.starts_with(p)) {
        return true;
    }
    let near = &t[..t.floor_char_boundary(4096)].to_ascii_lowercase();
    (start.starts_with("<!--") || start.starts_with('<')) && (near.contains("<html") || near.contains("<body"))
}

/// Parses an article. `format` forces a format; `None` detects it from the content.
pub fn parse(text: &str, format: Option<Format>) -> Result<Article, ParseError> {
    let mut article = parse_structure(text, format)?;
    if !article.has_extractions() {
        extract(&mut article);
    }
    Ok(article)
}

/// Fills the article's quotes, statistics, dates, people and organisations from its
/// sections. Paragraphs are analysed in parallel; the result does not depend on it.
pub fn extract(article: &mut Article) {
    let paras = paragraph_refs(article);
    let x = extract_paragraphs(&paras, article);
    x.apply(article);
}

/// The article's paragraphs as the extractors take them.
pub(crate) fn paragraph_refs(article: &Article) -> Vec<ParagraphRef<'_>> {
    article
        .paragraphs()
        .map(|(section, paragraph, p)| ParagraphRef {
            section,
            paragraph,
            text: p.text.as_str(),
            kind: p.kind,
            header_rows: p.table().map_or(0, |t| t.rows.iter().take_while(|r| r.header).count()),
        })
        .collect()
}

/// The extractors over paragraphs held elsewhere (the reader keeps a long book's text
/// once, in its document): `structure` gives the sections and the dateline.
pub fn extract_paragraphs(paras: &[ParagraphRef], structure: &Article) -> Extraction {
    extract_with(paras, structure, Weights::compiled(), None)
}

/// [`extract_paragraphs`] with the given model weights; `trace` receives the speaker
/// candidates weighed (what training learns from).
pub(crate) fn extract_with(
    paras: &[ParagraphRef],
    structure: &Article,
    weights: &Weights,
    trace: Option<&mut Vec<Considered>>,
) -> Extraction {
    let dateline_year = structure.dateline.as_deref().and_then(year_in);
    let found = find_all(paras, &weights.accept, dateline_year);
    let headings: Vec<(Option<&str>, u8)> =
        structure.sections.iter().map(|s| (s.heading.as_deref(), s.level)).collect();
    let cx = Context {
        headings: &headings,
        byline: structure.byline.as_deref(),
        speaker: &weights.speaker,
        chain: weights.chain,
        threads: None,
    };
    resolve(paras, found, &cx, trace)
}

/// The structure alone (title, sections, byline…), without extraction: what the reader
/// needs to show its first screen.
pub fn parse_structure(text: &str, format: Option<Format>) -> Result<Article, ParseError> {
    parse_structure_at(text, format, None)
}

fn is_web_address(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// [`parse_structure`] for a text that came from `url` (a web page's links and images
/// are made absolute against it, and it is the page's source when it names no other).
pub fn parse_structure_at(text: &str, format: Option<Format>, url: Option<&str>) -> Result<Article, ParseError> {
    let mut article = match format.unwrap_or_else(|| detect(text)) {
        Format::Html => {
            let mut a = html::assemble(html::read_page(text, url));
            // Only a web address is a source (never a `javascript:` canonical link).
            a.source = a.source.filter(|s| is_web_address(s)).or_else(|| url.map(str::to_string));
            a
        }
        // Forced JSON must be JSON; detected JSON that does not parse is read as text.
        Format::Json if format.is_some() => from_json(text)?,
        Format::Json => from_json(text).unwrap_or_else(|_| assemble(plain_blocks(text))),
        Format::Markdown => assemble(markdown_blocks(text)),
        Format::Text => assemble(plain_blocks(text)),
    };
    if article.sections.iter().all(|s| s.paragraphs.is_empty() && s.heading.is_none()) && article.title.is_none() {
        return Err(ParseError::NoText);
    }
    // The source is shown and opened: a web address only, never with the password it
    // was fetched with.
    article.source =
        article.source.filter(|s| is_web_address(s)).map(|s| crate::sanitize::hide_password(&s).into_owned());
    drop_script_links(&mut article);
    Ok(article)
}

/// Links that would run or embed something (`javascript:`, `vbscript:`, `data:`,
/// `file:`) are no links, from any format (HTML never makes them; Markdown and a JSON
/// export can carry them): their words stay as text. Web and mail addresses, and
/// relative ones, stay links.
fn drop_script_links(a: &mut Article) {
    for p in a.sections.iter_mut().flat_map(|s| s.paragraphs.iter_mut()) {
        for span in p.spans_mut() {
            if span.href.as_deref().is_some_and(|h| !followable(h)) {
                span.href = None;
            }
        }
    }
    a.links.retain(|l| followable(&l.url));
}

/// An address with no scheme (relative), or with http, https or mailto. Browsers ignore
/// tabs and line ends inside a scheme (`java&#9;script:`), so this does too.
fn followable(href: &str) -> bool {
    let bare: String = href.trim().chars().filter(|c| !c.is_ascii_control()).take(16).collect();
    let scheme = bare.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    scheme.is_none_or(|s| matches!(s.to_ascii_lowercase().as_str(), "http" | "https" | "mailto"))
}

/// A folio export read back. Items whose locations do not fit the text are dropped, so a
/// hand-edited file cannot make the reader index out of bounds.
fn from_json(text: &str) -> Result<Article, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut a: Article = serde_json::from_str(text).map_err(|e| ParseError::BadJson(e.to_string()))?;
    if !a.schema.starts_with("folio.article/") {
        return Err(ParseError::BadJson(format!("unknown schema {:?} (expected {SCHEMA})", a.schema)));
    }
    let sections = std::mem::take(&mut a.sections);
    let valid = |at: &Location| {
        sections
            .get(at.section)
            .and_then(|s| s.paragraphs.get(at.paragraph))
            .is_some_and(|p| at.start <= at.end && p.text.get(at.start..at.end).is_some())
    };
    a.quotes.retain(|q| valid(&q.at));
    a.statistics.retain(|s| valid(&s.at));
    a.dates.retain(|d| valid(&d.at));
    a.relative_dates.retain(|d| valid(&d.at));
    a.links.retain(|l| valid(&l.at));
    for e in a.people.iter_mut().chain(a.organisations.iter_mut()) {
        e.occurrences.retain(|o| valid(o));
    }
    a.sections = sections;
    // An export that lists no links (an older one, or one cut by hand) has them in its spans.
    if a.links.is_empty() {
        a.links = a.collect_links();
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Misreads seen on screen (issue 14, item 11): a wire dateline's city as an
    /// organisation, a year inside a web address as a date, the digits of an escape
    /// sequence as a statistic.
    #[test]
    fn a_datelines_city_a_year_in_an_address_and_an_escapes_digits_are_not_items() {
        let text = "Markets rally in Asia\n\n\
            TOKYO, Dec 1 (Reuters) - Japanese shares rose on Monday as investors cheered the bank, traders said.\n\n\
            TOKYO: The yen weakened on Tuesday against the dollar, dealers said.\n\n\
            Read more at https://example.com/2024-05-03/story or www.example.org/2021/10/x or example.com/archive/1998, \
            the bank said in 2020.\n\n\
            The index \u{1b}[1mjumped\u{1b}[0m sharply, with 40% of stocks higher.\n";
        let a = parse(text, None).unwrap();
        let orgs: Vec<&str> = a.organisations.iter().map(|o| o.name.as_str()).collect();
        assert!(!orgs.contains(&"TOKYO"), "{orgs:?}");
        assert!(orgs.contains(&"Reuters"), "{orgs:?}");
        let dates: Vec<&str> = a.dates.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dates, ["Dec 1", "2020"]);
        let stats: Vec<&str> = a.statistics.iter().map(|s| s.quantity.as_str()).collect();
        assert_eq!(stats, ["40%"]);
    }

    #[test]
    fn detects_formats() {
        assert_eq!(detect("{\"schema\":\"folio.article/1\",\"sections\":[]}"), Format::Json);
        assert_eq!(detect("# Title\n\nText."), Format::Markdown);
        assert_eq!(detect("Title\nText."), Format::Text);
    }

    #[test]
    fn a_wire_storys_dividers_keep_it_plain_text_a_paragraph_per_line() {
        let text = "Harbour fees to rise\n\
            The port authority said on Monday that fees would rise in May.\n\
            ___.\n\
            10:40 a.m.:\n\
            “We have no choice,” said Ines Moreau, who chairs the authority.\n\
            ___.\n\
            Shippers said the rise came at a bad time.\n";
        assert_eq!(detect(text), Format::Text);
        let a = parse(text, None).expect("parses");
        let paragraphs: Vec<&str> = a.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
        assert!(
            paragraphs.contains(&"“We have no choice,” said Ines Moreau, who chairs the authority."),
            "{paragraphs:?}"
        );
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.quotes[0].speaker.as_deref(), Some("Ines Moreau"));
    }

    #[test]
    fn chrome_only_is_no_text() {
        assert_eq!(parse("Comment (0)\nShare\n", None), Err(ParseError::NoText));
    }

    #[test]
    fn json_round_trip() {
        let a = parse("A title here\nFirst paragraph, said Jane Doe, is “quite long enough to be a quote”.\n", None)
            .unwrap();
        let json = serde_json::to_string(&a).unwrap();
        let b = parse(&json, None).unwrap();
        assert_eq!(a, b);
    }

    /// Found by the fuzzer: 18.6 lakh is 1860000.0000000002 in f64, which serde_json read
    /// back one unit in the last place off until its `float_roundtrip` feature was on.
    #[test]
    fn statistic_values_survive_the_round_trip_exactly() {
        let a = parse(
            "Relief for farmers\nThe package will cover nearly 18.6 lakh farmers, and 0.1 per cent more.\n",
            None,
        )
        .unwrap();
        assert!(
            a.statistics.iter().any(|s| s.value.is_some_and(|v| v.fract() != 0.0 && v > 1e6)),
            "{:?}",
            a.statistics
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(parse(&json, None).unwrap(), a);
    }

    #[test]
    fn bad_locations_in_json_are_dropped() {
        let json = r#"{"schema":"folio.article/1","title":null,"sections":[{"heading":null,"paragraphs":[{"text":"Short."}]}],
            "quotes":[{"text":"x","speaker":null,"section":0,"paragraph":0,"start":2,"end":99}]}"#;
        let a = parse(json, Some(Format::Json)).unwrap();
        assert!(a.quotes.is_empty());
    }

    /// Exports of the two versions before are read: a `/2` list item's marker makes it
    /// ordered, sections take level 2, and nothing else is needed.
    #[test]
    fn older_exports_still_read() {
        let v2 = r#"{"schema":"folio.article/2","title":"T","sections":[{"heading":"Part","paragraphs":[
            {"text":"First step.","kind":"list_item","marker":"1."},{"text":"Plain.","kind":"body"}]}]}"#;
        let a = parse(v2, Some(Format::Json)).unwrap();
        assert_eq!(a.sections[0].level, 2);
        let item = &a.sections[0].paragraphs[0];
        assert_eq!((item.marker(), item.rich().map(|r| r.ordered)), (Some("1."), Some(true)));
        assert!(a.sections[0].paragraphs[1].rich().is_none());
        assert!(a.links.is_empty());
        // A /3 export whose spans do not fit its text loses them, not the paragraph.
        let v3 = r#"{"schema":"folio.article/3","title":"T","sections":[{"heading":null,"level":2,"paragraphs":[
            {"text":"Short.","kind":"body","spans":[{"kind":"link","start":0,"end":99,"href":"https://x.org"}]}]}]}"#;
        let a = parse(v3, Some(Format::Json)).unwrap();
        assert!(a.sections[0].paragraphs[0].spans().is_empty());
        assert!(a.links.is_empty());
    }
}
