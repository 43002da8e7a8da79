//! Saved pages read as articles: what of a page is the article, and what comes through as
//! its structure and metadata. Every page here is written for these tests.

use folio::article::{Align, Article, Format, ParagraphKind, SpanKind, parse, parse_structure_at};
use std::time::{Duration, Instant};

/// Prose long enough to be scored as an article paragraph.
fn para(n: usize) -> String {
    format!(
        "Paragraph {n} of the story, with enough words, commas, and clauses to read as prose, \
         which the reader must keep as part of the article body."
    )
}

/// A page with navigation, an article holding `body`, and a footer.
fn page(body: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><title>The Headline - Example News</title></head>\
         <body><nav><ul><li><a href=/a>Home</a></li><li><a href=/b>World</a></li></ul></nav>\
         <article><h1>The Headline</h1>{body}</article>\
         <footer><p>Copyright Example News, all rights reserved, and more words here.</p></footer>\
         </body></html>"
    )
}

fn read(html: &str) -> Article {
    read_at(html, None)
}

fn read_at(html: &str, url: Option<&str>) -> Article {
    parse_structure_at(html, Some(Format::Html), url).expect("an article")
}

fn text(a: &Article) -> String {
    a.paragraphs().map(|(_, _, p)| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn within(limit: Duration, f: impl FnOnce()) {
    let t = Instant::now();
    f();
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
}

// A guard against a quadratic walk, not a performance figure (those are in benches/): a
// debug build on a loaded two-core machine took 16 s on the 10 MB attribute; a walk
// quadratic in the depth or the length takes hours on these pages.
const SLOW: Duration = Duration::from_secs(60);

#[test]
fn navigation_and_footer_are_not_the_article() {
    let a = read(&page(&format!("<p>{}</p><p>{}</p>", para(1), para(2))));
    let t = text(&a);
    assert!(t.contains("Paragraph 1") && t.contains("Paragraph 2"), "{t}");
    assert!(!t.contains("Home") && !t.contains("Copyright"), "{t}");
    assert_eq!(a.title.as_deref(), Some("The Headline"));
    assert!(a.paragraphs().all(|(_, _, p)| p.text != "The Headline"), "the headline is the title, not a paragraph");
    assert_eq!(a.lang.as_deref(), Some("en"));
}

#[test]
fn chrome_inside_the_article_is_dropped() {
    let body = format!(
        "<p>{}</p><div class=\"share-bar\"><a href=/f>Share on Facebook</a> <a href=/t>Tweet</a></div>\
         <aside class=related><h3>Related stories</h3><ul><li><a href=/r1>Another story about things</a></li>\
         <li><a href=/r2>Yet another story</a></li></ul></aside>\
         <div class=\"newsletter-signup\"><p>Sign up for our newsletter, every morning, free.</p></div>\
         <p>{}</p><div id=comments><p>First comment, which is not part of the story at all, really.</p></div>",
        para(1),
        para(2)
    );
    let t = text(&read(&page(&body)));
    assert!(t.contains("Paragraph 1") && t.contains("Paragraph 2"), "{t}");
    for chrome in ["Share on", "Related stories", "Another story", "newsletter", "First comment"] {
        assert!(!t.contains(chrome), "{chrome} kept: {t}");
    }
}

#[test]
fn hidden_content_never_reaches_the_text() {
    let body = format!(
        "<p>{}</p><p hidden>SECRET1</p><p aria-hidden=\"true\">SECRET2</p>\
         <p style=\"display: none\">SECRET3</p><p style=\"color:red;VISIBILITY:hidden\">SECRET4</p>\
         <p>{} <script>var SECRET5 = 1;</script><style>.SECRET6{{}}</style>\
         <noscript>SECRET7</noscript><template><p>SECRET8</p></template>\
         <svg><text>SECRET9</text><title>SECRET10</title></svg></p><p>{}</p>",
        para(1),
        para(2),
        para(3)
    );
    let t = text(&read(&page(&body)));
    assert!(t.contains("Paragraph 3"));
    for i in 1..=10 {
        assert!(!t.contains(&format!("SECRET{i}")), "SECRET{i} leaked: {t}");
    }
}

#[test]
fn subheadings_are_sections_with_their_levels() {
    let body = format!("<p>{}</p><h2>First part</h2><p>{}</p><h3>A detail</h3><p>{}</p>", para(1), para(2), para(3));
    let a = read(&page(&body));
    let heads: Vec<_> = a.sections.iter().map(|s| (s.heading.as_deref(), s.level)).collect();
    assert_eq!(heads, [(None, 2), (Some("First part"), 2), (Some("A detail"), 3)]);
    assert!(a.sections[2].paragraphs[0].text.starts_with("Paragraph 3"));
}

#[test]
fn an_article_split_around_a_related_box_is_read_whole() {
    // Both parts carry a class that reads as boilerplate ("supplemental"); the first is
    // short, the second long, with a box of related stories and an advert between.
    let part = |n: std::ops::Range<usize>| n.map(|i| format!("<p>{}</p>", para(i))).collect::<String>();
    let body = format!(
        "<div class=\"story-body-supplemental\"><div class=\"story-body story-body-1\">\
         <p><a class=\"meta-org\" href=/topic/yahoo>Yahoo</a>’s sale to \
         <a class=\"meta-org\" href=/topic/verizon>Verizon</a> is a complicated beast, as this story shows.</p>{}</div>\
         <aside class=\"marginalia related-coverage\"><h2>Related Coverage</h2><ul>\
         <li><a href=/a><h2>Another story entirely</h2></a></li><li><a href=/b><h2>And one more</h2></a></li>\
         <li><a href=/c><h2>A third teaser</h2></a></li></ul></aside></div>\
         <div class=\"ad\"><p>Advertisement</p></div>\
         <div class=\"story-body-supplemental\"><div class=\"story-body story-body-2\">{}</div></div>",
        part(1..3),
        part(3..12)
    );
    let a = read(&page(&body));
    let t = text(&a);
    assert!(t.starts_with("Yahoo’s sale to Verizon is a complicated beast"), "{t}");
    assert!(t.contains(&para(1)) && t.contains(&para(11)), "{t}");
    assert!(!t.contains("Another story entirely") && !t.contains("Advertisement"), "{t}");
}

#[test]
fn a_deck_set_as_a_heading_is_the_standfirst() {
    let deck = "The once-ubiquitous form of lighting was novel when it first emerged in the early 1900s.";
    let photo = "<figure><img src=/lead.jpg alt=Neon><figcaption>A neon sign in Paris</figcaption></figure>";
    let html = page(&format!("{photo}<h2>{deck}</h2><p>{}</p><h2>What came next</h2><p>{}</p>", para(1), para(2)));
    let a = parse(&html, Some(Format::Html)).expect("an article");
    assert_eq!(a.subtitle.as_deref(), Some(deck));
    let heads: Vec<_> = a.sections.iter().filter_map(|s| s.heading.as_deref()).collect();
    assert_eq!(heads, ["What came next"]);
    // Read like the rest: its decade is a date.
    assert!(a.dates.iter().any(|d| d.text == "1900s"), "{:?}", a.dates);
}

/// A page whose headline is in a <div> and whose deck is in its own block above the body's
/// container.
fn page_with_deck(deck: &str) -> String {
    format!(
        "<html><head><title>The Sea Wall</title></head><body><header><p class=site-intro>A small paper \
         for a small town, with news of the harbour every single day.</p></header><main>\
         <div class=top><div class=headline>The Sea Wall</div><div class=article-excerpt>{deck}</div>\
         <ul class=tags><li><a href=/t/1>Harbour works</a></li><li><a href=/t/2>Town council</a></li>\
         <li><a href=/t/3>Coastal erosion</a></li><li><a href=/t/4>Public spending</a></li></ul></div>\
         <div class=body>{}</div></main></body></html>",
        (1..=6).map(|n| format!("<p>{}</p>", para(n))).collect::<String>()
    )
}

#[test]
fn a_deck_above_the_article_body_is_the_standfirst() {
    let deck = "Why the harbour town rebuilt its sea wall twice in one decade, and what it cost.";
    let a = read(&page_with_deck(deck));
    assert_eq!(a.subtitle.as_deref(), Some(deck), "{}", text(&a));
    assert!(!text(&a).contains(deck), "{}", text(&a));
}

#[test]
fn a_deck_that_opens_with_a_word_for_by_is_still_the_standfirst() {
    // A writer's line opens with "By" and a name; these decks open with "By" or "Por" and a
    // sentence.
    for deck in [
        "By the end of the decade the harbour town had rebuilt its sea wall twice, at twice the cost.",
        "Por primera vez en una década, el puerto reconstruye su muro de contención frente al mar.",
    ] {
        let a = read(&page_with_deck(deck));
        assert_eq!(a.subtitle.as_deref(), Some(deck), "{}", text(&a));
    }
}

#[test]
fn br_separated_text_gives_paragraphs() {
    let html = format!(
        "<html><body><div>{}<br><br>{}<br><br>{}<br>\n<br>{}</div></body></html>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let a = read(&html);
    let bodies = a.paragraphs().filter(|(_, _, p)| p.kind == ParagraphKind::Body).count();
    assert_eq!(bodies, 4, "{}", text(&a));
}

#[test]
fn figures_keep_the_real_image_and_the_caption() {
    let body = format!(
        "<p>{}</p><figure><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/real1.jpg\" alt=\"A bridge\">\
         <figcaption>The bridge at dawn. Photograph: A Person/Agency</figcaption></figure><p>{}</p>\
         <figure><img src=\"/placeholder.png\" data-lazy-src=\"/real2.jpg\"></figure>\
         <figure><img src=\"data:image/png;base64,xx\" srcset=\"/real3-400.jpg 400w, /real3-800.jpg 800w\"></figure>\
         <p>{}</p>",
        para(1),
        para(2),
        para(3)
    );
    let a = read_at(&page(&body), Some("https://example.com/news/story.html"));
    let figures: Vec<_> = a.paragraphs().filter_map(|(_, _, p)| p.figure().map(|f| (p, f))).collect();
    let srcs: Vec<_> = figures.iter().filter_map(|(_, f)| f.src.as_deref()).collect();
    assert_eq!(
        srcs,
        ["https://example.com/real1.jpg", "https://example.com/real2.jpg", "https://example.com/real3-400.jpg"]
    );
    let (first, f) = figures[0];
    assert_eq!(first.kind, ParagraphKind::Figure);
    assert_eq!(f.alt.as_deref(), Some("A bridge"));
    assert_eq!(first.text, "The bridge at dawn.", "the photo credit is chrome");
}

#[test]
fn layout_tables_are_unwrapped_data_tables_kept() {
    let layout = format!(
        "<html><body><table role=presentation><tr><td><a href=/>Home</a></td><td>\
         <table><tr><td><p>{}</p><p>{}</p><p>{}</p></td></tr></table></td></tr></table></body></html>",
        para(1),
        para(2),
        para(3)
    );
    let a = read(&layout);
    assert!(a.paragraphs().all(|(_, _, p)| p.kind != ParagraphKind::Table), "{}", text(&a));
    assert!(a.paragraphs().filter(|(_, _, p)| p.kind == ParagraphKind::Body).count() >= 3);

    let body = format!(
        "<p>{}</p><table><thead><tr><th>Name</th><th align=right>Score</th>\
         <th style=\"text-align: center\">Rank</th></tr></thead><tbody>\
         <tr><td>Ann</td><td align=right>10</td><td style=\"text-align:center\">1</td></tr>\
         <tr><td>Bob</td><td align=right>8</td><td style=\"text-align:center\">2</td></tr>\
         </tbody></table><p>{}</p>",
        para(1),
        para(2)
    );
    let a = read(&page(&body));
    let (_, _, p) = a.paragraphs().find(|(_, _, p)| p.kind == ParagraphKind::Table).expect("a table");
    let t = p.table().expect("its rows");
    assert!(t.rows[0].header && !t.rows[1].header);
    assert_eq!(t.rows[1].cells, ["Ann", "10", "1"]);
    assert_eq!(t.align, [Align::None, Align::Right, Align::Center]);
    assert_eq!(p.text, "Name\tScore\tRank\nAnn\t10\t1\nBob\t8\t2");
}

#[test]
fn lists_keep_numbering_and_depth() {
    let body = format!(
        "<p>{}</p><ol start=3><li>three</li><li value=7>seven</li><li>eight\
         <ul><li>nested</li></ul></li></ol><p>{}</p>",
        para(1),
        para(2)
    );
    let a = read(&page(&body));
    let items: Vec<_> = a
        .paragraphs()
        .filter(|(_, _, p)| p.kind == ParagraphKind::ListItem)
        .map(|(_, _, p)| (p.text.clone(), p.depth(), p.marker().map(str::to_string)))
        .collect();
    assert_eq!(items[0], ("three".into(), 0, Some("3.".into())));
    assert_eq!(items[1], ("seven".into(), 0, Some("7.".into())));
    assert_eq!(items[2], ("eight".into(), 0, Some("8.".into())));
    assert_eq!(items[3].0, "nested");
    assert_eq!(items[3].1, 1);
}

#[test]
fn code_is_verbatim_with_its_language() {
    let body = format!(
        "<p>{}</p><pre><code class=\"language-rust\">fn main() {{\n    println!(\"&lt;hi&gt;\");\n}}</code></pre><p>{}</p>",
        para(1),
        para(2)
    );
    let a = read(&page(&body));
    let (_, _, p) = a.paragraphs().find(|(_, _, p)| p.kind == ParagraphKind::Code).expect("code");
    assert_eq!(p.text, "fn main() {\n    println!(\"<hi>\");\n}");
    assert_eq!(p.code().and_then(|c| c.language.as_deref()), Some("rust"));
}

#[test]
fn block_quotes_and_inline_spans() {
    let body = format!(
        "<p>{}</p><blockquote><p>A quoted passage from a report, which the article sets apart.</p></blockquote>\
         <p>{} It was <em>very <strong>bold</strong></em> and <code>x = 1</code>.</p>",
        para(1),
        para(2)
    );
    let a = read(&page(&body));
    assert!(a.paragraphs().any(|(_, _, p)| p.kind == ParagraphKind::BlockQuote && p.text.starts_with("A quoted")));
    let (_, _, p) = a.paragraphs().find(|(_, _, p)| p.text.contains("bold")).expect("the paragraph");
    let span = |k: SpanKind| p.spans().iter().find(|s| s.kind == k).map(|s| &p.text[s.start..s.end]);
    assert_eq!(span(SpanKind::Emphasis), Some("very bold"));
    assert_eq!(span(SpanKind::Strong), Some("bold"));
    assert_eq!(span(SpanKind::Code), Some("x = 1"));
}

#[test]
fn links_are_made_absolute_and_only_safe_ones_kept() {
    let body = format!(
        "<p>{} <a href=\"/x\">rel</a> <a href=\"javascript:alert(1)\">js</a> \
         <a href=\"mailto:a@b.c\">mail</a> <a href=\"data:text/html,x\">data</a> \
         <a href=\"vbscript:x\">vb</a></p><p>{}</p>",
        para(1),
        para(2)
    );
    let html = page(&body).replace("<head>", "<head><base href=\"https://cdn.example.org/base/\">");
    let a = read_at(&html, Some("https://example.com/a/b.html"));
    let (_, _, p) = a.paragraphs().find(|(_, _, p)| p.text.contains("rel")).expect("the paragraph");
    let links: Vec<_> = p
        .spans()
        .iter()
        .filter(|s| s.kind == SpanKind::Link)
        .map(|s| (s.href.clone().unwrap_or_default(), &p.text[s.start..s.end]))
        .collect();
    assert_eq!(links, [("https://cdn.example.org/x".to_string(), "rel"), ("mailto:a@b.c".to_string(), "mail")]);
    // The words of a refused link stay as text.
    assert!(p.text.contains("js") && p.text.contains("data"));
}

#[test]
fn metadata_from_json_ld_meta_tags_and_the_page() {
    let html = "<!doctype html><html lang=fr dir=ltr><head><title>Le titre | Le Site</title>\
        <link rel=canonical href=\"https://example.fr/article/42\">\
        <meta property=\"og:site_name\" content=\"Le Site\">\
        <meta name=author content=\"Meta Author\">\
        <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
        \"headline\":\"Le titre\",\"datePublished\":\"2023-11-02T08:30:00+01:00\",\
        \"author\":[{\"@type\":\"Person\",\"name\":\"Marie Curie\"},{\"@type\":\"Person\",\"name\":\"Paul Langevin\"}]}</script>\
        </head><body><article><h1>Le titre</h1><p class=standfirst>Un chapeau qui résume l'article en une phrase.</p>"
        .to_string()
        + &format!("<p>{}</p><p>{}</p></article></body></html>", para(1), para(2));
    let a = read_at(&html, Some("https://example.fr/article/42?utm=x"));
    assert_eq!(a.title.as_deref(), Some("Le titre"));
    assert_eq!(a.byline.as_deref(), Some("Marie Curie and Paul Langevin"));
    assert_eq!(a.published.as_deref(), Some("2023-11-02T08:30:00+01:00"));
    assert_eq!(a.dateline.as_deref(), Some("2 November 2023"));
    assert_eq!(a.site_name.as_deref(), Some("Le Site"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
    assert_eq!(a.source.as_deref(), Some("https://example.fr/article/42"));
}

#[test]
fn a_right_to_left_language_gives_rtl() {
    let html = format!("<html lang=ar><head><title>عنوان</title></head><body><p>{}</p></body></html>", para(1));
    assert_eq!(read(&html).dir, Some(folio::article::Direction::Rtl));
    let html = format!("<html dir=rtl><head><title>x</title></head><body><p>{}</p></body></html>", para(1));
    assert_eq!(read(&html).dir, Some(folio::article::Direction::Rtl));
}

#[test]
fn the_page_gives_quotes_statistics_and_people() {
    let body = "<p>\u{201c}We will finish the bridge by spring,\u{201d} said Ann Lee, the city's engineer, \
        on Tuesday.</p><p>The work has cost \u{a3}4.2m so far, and 40% of it went on steel, according \
        to the council.</p>";
    let a = parse(&page(body), Some(Format::Html)).expect("an article");
    let q = a.quotes.first().expect("a quote");
    assert_eq!(q.text, "We will finish the bridge by spring");
    assert_eq!(q.speaker.as_deref(), Some("Ann Lee"));
    let stats: Vec<_> = a.statistics.iter().map(|s| s.quantity.as_str()).collect();
    assert!(stats.contains(&"\u{a3}4.2m") && stats.contains(&"40%"), "{stats:?}");
    assert!(a.people.iter().any(|p| p.name == "Ann Lee"));
}

#[test]
fn hundred_thousand_nested_elements_finish() {
    let html = format!("{}<p>{}</p>", "<div>".repeat(100_000), para(1));
    within(SLOW, || assert!(text(&read(&html)).contains("Paragraph 1")));
    for open in ["<span>", "<b>", "<table><tr><td>", "<ul><li>", "<blockquote>", "<a href=x>"] {
        let html = format!("{}<p>{}</p>", open.repeat(30_000), para(1));
        within(SLOW, || drop(parse_structure_at(&html, Some(Format::Html), None)));
    }
}

#[test]
fn a_ten_megabyte_attribute_finishes() {
    let big = "x".repeat(10_000_000);
    let html = page(&format!("<p class=\"{big}\" data-x=\"{big}\">{}</p><p>{}</p>", para(1), para(2)));
    within(SLOW, || assert!(text(&read(&html)).contains("Paragraph 2")));
}

#[test]
fn malformed_markup_still_gives_the_article() {
    let html = "<html><body><div><nav><a href=/>Home</a></div></div></div>\
        <div class=article><p>First paragraph of the story, which has commas, clauses, and words \
        enough to count<p>Second paragraph, unclosed, with more words, more commas, and more text\
        </span></div></div><p>Third paragraph after stray closers, still, the article, goes on.\
        <div><b>bold <i>both</b> italic</i> end of the story, with some more words to read.";
    let t = text(&read(html));
    assert!(t.contains("First paragraph") && t.contains("Second paragraph"), "{t}");
}

#[test]
fn nul_bytes_inside_a_page_are_not_binary() {
    let html = page(&format!("<p>{}\0 with a NUL\0</p><p>{}</p>", para(1), para(2)));
    assert!(text(&read(&html)).contains("Paragraph 2"));
}

#[test]
fn empty_and_garbage_pages_are_an_error_not_a_panic() {
    for html in [
        "",
        "<html><body></body></html>",
        "<html><body><nav><a href=/>Home</a></nav><script>x()</script></body></html>",
    ] {
        let a = parse_structure_at(html, Some(Format::Html), Some("not a url"));
        assert!(a.is_err(), "{html:?}: {:?}", a.map(|a| text(&a)));
    }
    // Stray markup is text to an HTML5 parser: it is read as such.
    for html in ["<", "<<<>>>", "\0\0\0 and words", "</div></p></table>words"] {
        let _ = parse_structure_at(html, Some(Format::Html), None);
    }
}
