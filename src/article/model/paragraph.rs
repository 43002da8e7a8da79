//! A paragraph: its text, its kind, and for the few that have any, what more the source
//! gave (a list item's marker and depth, inline emphasis and links, a table's cells, a
//! code block's language, a figure's image). The more is kept out of line, in one box:
//! a long book has a hundred thousand paragraphs, nearly all plain.
//!
//! In JSON a paragraph is one flat object: `text`, `kind`, and each of the rest only
//! when it is there.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    pub text: String,
    pub kind: ParagraphKind,
    rich: Option<Box<Rich>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    #[default]
    Body,
    ListItem,
    /// A quotation set apart for display, repeating words from the text.
    PullQuote,
    /// The standfirst under the headline (also in `Article::subtitle`): a paragraph of its
    /// own so that what it says (often the story's key figure) is found and located like
    /// the rest.
    Standfirst,
    /// Quoted text the article sets apart (Markdown `>`, HTML `<blockquote>`).
    BlockQuote,
    /// A table: `text` is its cells, a tab between cells and a line end between rows;
    /// the rows themselves are in `table`.
    Table,
    /// Code, verbatim: line ends and indentation kept.
    Code,
    /// An image: `text` is its caption (perhaps empty); the image is in `figure`.
    Figure,
}

/// What a paragraph has beyond its text and kind.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rich {
    /// The marker of an ordered list item ("1.", "b)"), kept out of `text`.
    pub marker: Option<String>,
    /// How deep a list item is nested: 0 at the top.
    pub depth: u8,
    pub ordered: bool,
    /// A loose list's item (blank lines between items): drawn with space around it.
    pub loose: bool,
    /// Emphasis, links and code inside the text, in order of their starts.
    pub spans: Vec<Span>,
    pub table: Option<Table>,
    pub code: Option<Code>,
    pub figure: Option<Figure>,
}

/// Inline markup: `start..end` are byte offsets into the paragraph's `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub kind: SpanKind,
    pub start: usize,
    pub end: usize,
    /// A link's target, or an inline image's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Emphasis,
    Strong,
    Code,
    Link,
    /// An image inside a paragraph: the span covers its alt text.
    Image,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    pub rows: Vec<Row>,
    /// Each column's alignment, where the source gives it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub align: Vec<Align>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Row {
    pub cells: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub header: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Code {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Figure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
}

impl Table {
    /// The table's text as a paragraph holds it: cells joined by tabs, rows by line ends.
    pub fn text(&self) -> String {
        let rows: Vec<String> = self.rows.iter().map(|r| r.cells.join("\t")).collect();
        rows.join("\n")
    }

    /// The byte range of each cell in [`Table::text`], row by row.
    pub fn cell_ranges(&self) -> Vec<Vec<std::ops::Range<usize>>> {
        let mut at = 0;
        let mut out = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let mut cells = Vec::with_capacity(row.cells.len());
            for (i, c) in row.cells.iter().enumerate() {
                if i > 0 {
                    at += 1;
                }
                cells.push(at..at + c.len());
                at += c.len();
            }
            out.push(cells);
            at += 1;
        }
        out
    }
}

impl Paragraph {
    pub fn new(text: impl Into<String>, kind: ParagraphKind) -> Self {
        Paragraph { text: text.into(), kind, rich: None }
    }

    pub fn body(text: impl Into<String>) -> Self {
        Paragraph::new(text, ParagraphKind::Body)
    }

    /// A paragraph with more than text and kind (an empty `Rich` is kept as none).
    pub fn with(text: impl Into<String>, kind: ParagraphKind, rich: Rich) -> Self {
        let rich = (rich != Rich::default()).then(|| Box::new(rich));
        Paragraph { text: text.into(), kind, rich }
    }

    /// The same paragraph's kind and more, without its text (the reader keeps a long
    /// book's texts elsewhere).
    pub fn without_text(&self) -> Self {
        Paragraph { text: String::new(), kind: self.kind, rich: self.rich.clone() }
    }

    pub fn rich(&self) -> Option<&Rich> {
        self.rich.as_deref()
    }

    pub fn marker(&self) -> Option<&str> {
        self.rich().and_then(|r| r.marker.as_deref())
    }

    pub fn depth(&self) -> u8 {
        self.rich().map_or(0, |r| r.depth)
    }

    pub fn spans(&self) -> &[Span] {
        self.rich().map_or(&[], |r| r.spans.as_slice())
    }

    pub fn spans_mut(&mut self) -> &mut [Span] {
        self.rich.as_deref_mut().map_or(&mut [], |r| r.spans.as_mut_slice())
    }

    pub fn table(&self) -> Option<&Table> {
        self.rich().and_then(|r| r.table.as_ref())
    }

    pub fn code(&self) -> Option<&Code> {
        self.rich().and_then(|r| r.code.as_ref())
    }

    pub fn figure(&self) -> Option<&Figure> {
        self.rich().and_then(|r| r.figure.as_ref())
    }
}

/// A paragraph as JSON writes it: flat, each optional field only when it is there.
#[derive(Serialize)]
struct Out<'a> {
    text: &'a str,
    kind: ParagraphKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    marker: Option<&'a str>,
    #[serde(skip_serializing_if = "is_zero")]
    depth: u8,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ordered: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    loose: bool,
    #[serde(skip_serializing_if = "<[Span]>::is_empty")]
    spans: &'a [Span],
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<&'a Table>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a Code>,
    #[serde(skip_serializing_if = "Option::is_none")]
    figure: Option<&'a Figure>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Serialize for Paragraph {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.rich();
        Out {
            text: &self.text,
            kind: self.kind,
            marker: self.marker(),
            depth: self.depth(),
            ordered: r.is_some_and(|r| r.ordered),
            loose: r.is_some_and(|r| r.loose),
            spans: self.spans(),
            table: self.table(),
            code: self.code(),
            figure: self.figure(),
        }
        .serialize(s)
    }
}

/// A paragraph as JSON reads it; exports from before `folio.article/3` have only `text`,
/// `kind` and `marker`.
#[derive(Deserialize)]
struct In {
    text: String,
    #[serde(default)]
    kind: ParagraphKind,
    #[serde(default)]
    marker: Option<String>,
    #[serde(default)]
    depth: u8,
    #[serde(default)]
    ordered: bool,
    #[serde(default)]
    loose: bool,
    #[serde(default)]
    spans: Vec<Span>,
    #[serde(default)]
    table: Option<Table>,
    #[serde(default)]
    code: Option<Code>,
    #[serde(default)]
    figure: Option<Figure>,
}

impl<'de> Deserialize<'de> for Paragraph {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut p = In::deserialize(d)?;
        // Spans that do not fit the text (a hand-edited file) are dropped.
        let text = &p.text;
        p.spans.retain(|s| s.start <= s.end && text.get(s.start..s.end).is_some());
        // A marker means an ordered item, whatever an older export said.
        let ordered = p.ordered || p.marker.is_some();
        let rich = Rich {
            marker: p.marker,
            depth: p.depth,
            ordered,
            loose: p.loose,
            spans: p.spans,
            table: p.table,
            code: p.code,
            figure: p.figure,
        };
        Ok(Paragraph::with(p.text, p.kind, rich))
    }
}
