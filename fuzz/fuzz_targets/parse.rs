//! Arbitrary bytes through everything folio does to an article before drawing it:
//! decoding, parsing (detected and forced formats), the JSON export read back, the
//! reader's document and wrapping, and search. Any broken invariant panics, so
//! libFuzzer reports the input. See fuzz/README.md.

#![no_main]

use folio::article::{Article, Format, Location, detect, parse, parse_structure};
use folio::app::document::{Document, wrap};
use folio::search::Matcher;
use libfuzzer_sys::fuzz_target;
use std::ops::Range;
use std::rc::Rc;

/// The widths every block is wrapped to.
const WIDTHS: [usize; 4] = [1, 7, 40, 88];

fuzz_target!(|data: &[u8]| {
    // Never panics, whatever the bytes.
    let Ok(decoded) = folio::input::decode(data) else { return };
    let text = decoded.text.as_str();

    let mut detected = None;
    let mut checked: Vec<Article> = Vec::new();
    for format in [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Json)] {
        // Forced JSON may be refused; nothing may panic.
        let Ok(article) = parse(text, format) else { continue };
        // A forced format often gives the article detection gave: checked already.
        if checked.contains(&article) {
            continue;
        }
        // An article read from a folio export keeps the export's quote texts; only
        // extracted items are checked against the text they stand on.
        let from_json = match format {
            Some(Format::Json) => true,
            Some(_) => false,
            None => detect(text) == Format::Json && parse_structure(text, Some(Format::Json)).is_ok(),
        };
        check_locations(&article, !from_json);
        check_round_trip(&article);
        let doc = check_document(&article);
        if format.is_none() {
            detected = Some(doc);
        }
        checked.push(article);
    }

    check_search(data, text, detected.as_ref());
});

fn check_loc(article: &Article, what: &str, at: &Location) {
    assert!(
        article.text_at(at).is_some(),
        "{what} location {at:?} is out of range or off a char boundary (paragraph {:?})",
        article.paragraph(at.section, at.paragraph).map(|p| &p.text)
    );
}

fn check_locations(article: &Article, extracted: bool) {
    for q in &article.quotes {
        check_loc(article, "quote", &q.at);
        if extracted {
            assert_eq!(article.text_at(&q.at), Some(q.text.as_str()), "quote text differs from the text at {:?}", q.at);
        }
    }
    for s in &article.statistics {
        check_loc(article, "statistic", &s.at);
    }
    for d in article.dates.iter().chain(&article.relative_dates) {
        check_loc(article, "date", &d.at);
        if extracted {
            assert_eq!(article.text_at(&d.at), Some(d.text.as_str()), "date text differs from the text at {:?}", d.at);
        }
    }
    for e in &article.people {
        for o in &e.occurrences {
            check_loc(article, "person", o);
        }
    }
    for e in &article.organisations {
        for o in &e.occurrences {
            check_loc(article, "organisation", o);
        }
    }
}

/// `--export json` read back is the same article, floats included (serde_json's
/// `float_roundtrip`, turned on after this target found "18.6 lakh" coming back 1 ulp off).
fn check_round_trip(article: &Article) {
    let json = serde_json::to_string(article).expect("an article always serializes");
    let back = match parse(&json, None) {
        Ok(back) => back,
        Err(e) => panic!("export then import failed: {e}\njson: {json}"),
    };
    if back != *article {
        panic!("export then import changed the article: {}\njson: {json}", first_difference(article, &back));
    }
}

/// The first field or item where two articles differ, for the panic message.
fn first_difference(a: &Article, b: &Article) -> String {
    fn items<T: std::fmt::Debug + PartialEq>(name: &str, a: &[T], b: &[T]) -> Option<String> {
        if a.len() != b.len() {
            return Some(format!("{name}: {} items before, {} after", a.len(), b.len()));
        }
        let i = a.iter().zip(b).position(|(x, y)| x != y)?;
        Some(format!("{name}[{i}]: before {:?}, after {:?}", a[i], b[i]))
    }
    let heads = [
        ("schema", format!("{:?}", a.schema), format!("{:?}", b.schema)),
        ("title", format!("{:?}", a.title), format!("{:?}", b.title)),
        ("subtitle", format!("{:?}", a.subtitle), format!("{:?}", b.subtitle)),
        ("dateline", format!("{:?}", a.dateline), format!("{:?}", b.dateline)),
        ("byline", format!("{:?}", a.byline), format!("{:?}", b.byline)),
        ("source", format!("{:?}", a.source), format!("{:?}", b.source)),
    ];
    heads
        .into_iter()
        .find(|(_, x, y)| x != y)
        .map(|(n, x, y)| format!("{n}: before {x}, after {y}"))
        .or_else(|| items("sections", &a.sections, &b.sections))
        .or_else(|| items("quotes", &a.quotes, &b.quotes))
        .or_else(|| items("statistics", &a.statistics, &b.statistics))
        .or_else(|| items("dates", &a.dates, &b.dates))
        .or_else(|| items("relative_dates", &a.relative_dates, &b.relative_dates))
        .or_else(|| items("people", &a.people, &b.people))
        .or_else(|| items("organisations", &a.organisations, &b.organisations))
        .or_else(|| items("warnings", &a.warnings, &b.warnings))
        .unwrap_or_else(|| "no field differs by Debug (a NaN?)".to_string())
}

/// Ranges inside `text`, on char boundaries, in order without overlap (and non-empty
/// when asked). `what` names them in the panic message.
fn check_ranges(what: impl Fn() -> String, text: &str, ranges: &[Range<usize>], non_empty: bool) {
    let mut prev_end = 0;
    for r in ranges {
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{}: range {r:?} outside a text of {} bytes",
            what(),
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{}: range {r:?} is off a char boundary in {text:?}",
            what()
        );
        assert!(!non_empty || r.start < r.end, "{}: empty range {r:?}", what());
        assert!(
            r.start >= prev_end,
            "{}: range {r:?} overlaps or precedes the one before (ended at {prev_end})",
            what()
        );
        prev_end = r.end;
    }
}

fn check_document(article: &Article) -> Document {
    let doc = Document::new(article);
    for (i, block) in doc.blocks.iter().enumerate() {
        for w in WIDTHS {
            let lines = wrap(&block.text, w);
            check_ranges(|| format!("wrap(block {i}, {w})"), &block.text, &lines, false);
        }
    }
    // The reader highlights an item by mapping its location to the displayed text.
    let all = article
        .quotes
        .iter()
        .map(|q| q.at)
        .chain(article.statistics.iter().map(|s| s.at))
        .chain(article.dates.iter().chain(&article.relative_dates).map(|d| d.at))
        .chain(article.people.iter().chain(&article.organisations).flat_map(|e| e.occurrences.iter().copied()));
    for at in all {
        let Some(b) = doc.paragraph_block(at.section, at.paragraph) else {
            panic!("no document block for the paragraph of {at:?}");
        };
        let block = &doc.blocks[b];
        let range = block.to_display(at.start)..block.to_display(at.end);
        check_ranges(|| format!("to_display({at:?})"), &block.text, &[range], false);
    }
    doc
}

fn check_search(data: &[u8], text: &str, doc: Option<&Document>) {
    // The query: up to 15 bytes after the first, which sets the length.
    let Some((&n, rest)) = data.split_first() else { return };
    let q = String::from_utf8_lossy(&rest[..rest.len().min(usize::from(n % 16))]).into_owned();
    let queries = if q.starts_with("re:") { vec![q] } else { vec![format!("re:{q}"), q] };
    for q in queries {
        // An invalid query is an error message, never a panic.
        let Some(m) = matcher(&q) else { continue };
        check_ranges(|| format!("find_all({q:?})"), text, &m.find_all(text), true);
        for block in doc.iter().flat_map(|d| &d.blocks) {
            check_ranges(|| format!("find_all({q:?}) in a block"), &block.text, &m.find_all(&block.text), true);
            if block.ascii_letters {
                check_ranges(
                    || format!("find_all_ascii({q:?}) in a block"),
                    &block.text,
                    &m.find_all_ascii(&block.text),
                    true,
                );
            }
        }
    }
}

/// `Matcher::new`, remembered: compiling the accent-aware pattern takes milliseconds, and
/// most inputs the fuzzer tries share their first bytes (the query) with one before.
/// A `Matcher` is a pure function of its query, so reusing one changes no result; it is
/// shared (`Rc`), so the pattern it compiles on first use is kept with it.
fn matcher(q: &str) -> Option<Rc<Matcher>> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static CACHE: RefCell<HashMap<String, Option<Rc<Matcher>>>> = RefCell::new(HashMap::new());
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(m) = c.get(q) {
            return m.clone();
        }
        if c.len() >= 4096 {
            c.clear();
        }
        let m = Matcher::new(q).ok().map(Rc::new);
        c.insert(q.to_string(), m.clone());
        m
    })
}
