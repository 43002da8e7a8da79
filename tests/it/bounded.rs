//! Work bounded by the input (issue 21): pages and paragraphs built to make the parser's
//! time or memory grow faster than their size. Each is generated here, at test time, at
//! a size where the old quadratic behaviour was plain in the output's size or in what was
//! kept, so the tests assert what was built, not how long it took.

use folio::article::parse;

/// "0 workers and 1 workers and … N workers and more.": one sentence holding N figures.
fn figures(n: usize) -> String {
    let mut s = String::from("Figures without end\n\n");
    for i in 0..n {
        s.push_str(&format!("{i} workers and "));
    }
    s.push_str("more.\n");
    s
}

/// Every statistic's sentence is bounded, whatever its paragraph's length: a paragraph of
/// N figures with no sentence end gave N copies of itself (6.3 GB for 349 KB).
#[test]
fn a_statistics_sentence_is_bounded_around_its_figure() {
    let text = figures(3000);
    let a = parse(&text, None).expect("parses");
    assert!(a.statistics.len() > 1500, "{} statistics", a.statistics.len());
    let total: usize = a.statistics.iter().map(|s| s.sentence.len()).sum();
    assert!(total < 1000 * a.statistics.len(), "{total} bytes of sentences for {} statistics", a.statistics.len());
    for s in &a.statistics {
        assert!(s.sentence.len() <= 700, "{} bytes: {:?}", s.sentence.len(), &s.sentence[..80]);
        // The cut keeps the figure with words either side, cut between words.
        assert!(s.sentence.contains(&s.text), "{:?} not in {:?}", s.text, s.sentence);
        let inner = s.sentence.trim_start_matches('…').trim_end_matches('…');
        assert!(text.contains(inner), "the sentence is the text's own words: {inner:?}");
        assert!(inner.starts_with(|c: char| !c.is_whitespace()) && inner.ends_with(|c: char| !c.is_whitespace()));
    }
    // A sentence of ordinary length is kept whole.
    let a = parse("A title here\n\nPay rose by 4 per cent last year, the union said. Nothing more.\n", None)
        .expect("parses");
    assert_eq!(a.statistics[0].sentence, "Pay rose by 4 per cent last year, the union said.");
}

/// The same in a table: every statistic of a row carried the whole row as its sentence,
/// and its row's first cell in its text.
#[test]
fn a_table_rows_sentence_is_bounded_too() {
    let cells: Vec<String> = (0..1500).map(|i| format!("{i} workers")).collect();
    let label = "Workers counted in the long row ".repeat(100);
    let md = format!(
        "# Figures\n\nA table follows.\n\n| {} | {} |\n|{}\n| {label} | {} |\n",
        "Name",
        (0..1500).map(|i| format!("C{i}")).collect::<Vec<_>>().join(" | "),
        " --- |".repeat(1501),
        cells.join(" | ")
    );
    let a = parse(&md, None).expect("parses");
    assert!(a.statistics.len() > 1000, "{} statistics", a.statistics.len());
    for s in &a.statistics {
        assert!(s.sentence.len() <= 700, "{} bytes", s.sentence.len());
        assert!(s.text.len() <= 300, "{} bytes: {}", s.text.len(), &s.text[..80]);
        assert!(s.sentence.contains(&s.quantity), "{:?}", s.sentence);
    }
}

/// A guard against a quadratic walk coming back, not a performance figure (those are in
/// `benches/`): a debug build on a loaded two-core machine takes a few seconds on these
/// pages, the quadratic walks took minutes.
const SLOW: std::time::Duration = std::time::Duration::from_secs(45);

fn within(limit: std::time::Duration, what: &str, f: impl FnOnce()) {
    let t = std::time::Instant::now();
    f();
    assert!(t.elapsed() < limit, "{what} took {:?}", t.elapsed());
}

fn read_page(html: &str) -> folio::article::Article {
    folio::article::parse_structure_at(html, Some(folio::article::Format::Html), None).expect("an article")
}

/// `<h1 a0=x … a99999=x>`: the tokenizer compared each attribute with every earlier one
/// (61 s for 3.9 MB, 390 s for 2 MB in a debug build); past 128 a tag's attributes are
/// dropped.
#[test]
fn a_tag_with_a_hundred_thousand_attributes_is_read_in_linear_time() {
    let attrs: String = (0..100_000).map(|i| format!(" a{i}=x")).collect();
    for tag in ["<h1{}>The headline</h1>", "<p>Some text</p><img src=/a.png{}><p>More</p>"] {
        let html = format!(
            "<html><body><article>{}<p>The story itself, in words enough to be read as the article's text.</p></article></body></html>",
            tag.replace("{}", &attrs)
        );
        within(SLOW, tag, || assert!(read_page(&html).paragraphs().count() > 0));
    }
}

/// One image after another: each block asked whether every paragraph before it was a
/// figure (6.9 s for 100,000 images in a release build; 120 s in a debug one).
#[test]
fn a_hundred_thousand_images_are_read_in_linear_time() {
    let html = format!(
        "<html><body><article><p>{}</p><p>The story itself, in words enough to be read as the article's text.</p></article></body></html>",
        (0..100_000).map(|i| format!("<img src=/{i}.png alt=\"Picture {i}\">")).collect::<String>()
    );
    within(SLOW, "100,000 images", || assert!(read_page(&html).paragraphs().count() > 0));
}

/// `<td colspan=50>` on every row: each row was padded with 49 empty cells, fifty cells
/// held for fifteen bytes (295 MB for a 1.9 MB page); the padding is now bounded by the
/// table's own cells.
#[test]
fn colspans_pad_a_table_within_its_own_size() {
    let rows = 2000;
    let html = format!(
        "<html><body><article><p>The story itself, in words enough to be read as the article's text.</p>\
         <table><tr><th>A<th>B{}</table></article></body></html>",
        "<tr><td colspan=50>7<td>x".repeat(rows)
    );
    let a = read_page(&html);
    let table = a.paragraphs().find_map(|(_, _, p)| p.table()).expect("a table");
    let cells: usize = table.rows.iter().map(|r| r.cells.len()).sum();
    assert!(cells <= 3 * (2 * rows + 2) + 64, "{cells} cells for {} written", 2 * rows + 2);
}
