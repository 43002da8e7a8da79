//! Arbitrary bytes as a web page: the charset sniffing and decoding of a saved page, the
//! HTML reader (the parser, the content finder, the block and inline builders, the
//! metadata), and what comes after (extraction, the export read back, the reader's
//! document). Any broken invariant panics, so libFuzzer reports the input. See README.md.

#![no_main]

use folio::app::document::{Document, Seg, lay_out};
use folio::article::{Article, Format, parse, parse_structure_at};
use folio::input::{Origin, from_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Decoding a page never fails but for blank text, and never panics.
    let Ok(input) = from_bytes(Origin::Stdin, Some("page.html"), data.to_vec(), Some(Format::Html)) else { return };
    let text = input.text.as_str();
    // With and without a base URL (links and images resolve only with one).
    for url in [None, Some("https://example.org/news/a/story.html?x=1#top")] {
        let Ok(article) = parse_structure_at(text, Some(Format::Html), url) else { continue };
        check_structure(&article);
    }
    let Ok(article) = parse(text, Some(Format::Html)) else { return };
    check_structure(&article);
    for q in &article.quotes {
        assert_eq!(article.text_at(&q.at), Some(q.text.as_str()), "quote text differs from the text at {:?}", q.at);
    }
    for at in article.statistics.iter().map(|s| &s.at).chain(article.dates.iter().map(|d| &d.at)) {
        assert!(article.text_at(at).is_some(), "location {at:?} off its paragraph");
    }
    // The export reads back as the same article.
    let json = serde_json::to_string(&article).expect("export");
    let back = parse(&json, Some(Format::Json)).expect("the export reads back");
    assert_eq!(back, article, "export round trip");
    // The reader lays every block out (tables, code, lists, figures) within the width,
    // each stretch of text on char boundaries of its block.
    let doc = Document::new(&article);
    for block in &doc.blocks {
        // The reader's text pane is never narrower than 30 columns (the smallest terminal
        // folio draws in is 60 wide, the sidebar takes 24 and the margins the rest).
        for width in [30, 41, 120] {
            for line in lay_out(block, width) {
                for seg in &line.segs {
                    if let Seg::Text(r) = seg {
                        assert!(block.text.get(r.clone()).is_some(), "segment {r:?} off its block");
                    }
                }
                assert!(line.width(&block.text) <= width, "a line wider than {width}: {:?}", block.kind);
            }
        }
    }
});

/// What the HTML reader promises of every article it makes.
fn check_structure(article: &Article) {
    for (s, p, para) in article.paragraphs() {
        for span in para.spans() {
            assert!(
                span.start < span.end
                    && span.end <= para.text.len()
                    && para.text.is_char_boundary(span.start)
                    && para.text.is_char_boundary(span.end),
                "span {span:?} off paragraph {s}:{p} ({} bytes)",
                para.text.len()
            );
            if let Some(href) = &span.href {
                assert!(safe(href), "unsafe link offered: {href:?}");
            }
        }
        if let Some(t) = para.table() {
            assert_eq!(para.text, t.text(), "a table's text is its cells");
        }
        if let Some(src) = para.figure().and_then(|f| f.src.as_deref()) {
            assert!(!src.starts_with("data:") && !src.to_ascii_lowercase().starts_with("javascript:"), "{src:?}");
        }
    }
    for l in &article.links {
        assert!(safe(&l.url), "unsafe link listed: {:?}", l.url);
    }
    for level in article.sections.iter().map(|s| s.level) {
        assert!((2..=6).contains(&level), "section level {level}");
    }
}

fn safe(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}
