//! A page's title, byline and site as a reader wants them: entities decoded however many
//! times the page encoded them, the site's name cut from the title in any script and with
//! any separator, and a byline only when it names someone. Every page here is written for
//! these tests.

use folio::article::{Article, Format, parse_structure_at};

fn read(html: &str) -> Article {
    parse_structure_at(html, Some(Format::Html), None).expect("an article")
}

/// A page with `head` in its `<head>`, `top` before the article's text, an `<h1>` when
/// `h1` is not empty.
fn page(head: &str, h1: &str, top: &str) -> String {
    let h1 = if h1.is_empty() { String::new() } else { format!("<h1>{h1}</h1>") };
    format!(
        "<!doctype html><html lang=en><head>{head}</head><body><article>{h1}{top}\
         <p>The harbour bridge reopened to traffic on Monday morning, two years after engineers found cracks.</p>\
         <p>The repairs cost about a fifth more than the council first estimated, according to its figures.</p>\
         </article></body></html>"
    )
}

#[test]
fn entities_left_encoded_in_the_metadata_are_decoded() {
    // The parser decodes an attribute once; these pages encoded theirs twice.
    let a = read(&page(
        "<meta property=og:title content=\"Why the plan isn&amp;#8217;t working: &amp;#8220;We will fight on&amp;#8221;\">\
         <meta property=og:site_name content=\"Herald &amp;amp; Post\">",
        "",
        "",
    ));
    assert_eq!(a.title.as_deref(), Some("Why the plan isn’t working: “We will fight on”"));
    assert_eq!(a.site_name.as_deref(), Some("Herald & Post"));
    // JSON-LD is not HTML: an entity in its strings was never decoded.
    let a = read(&page(
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"Club fined &#8364;12m &amp; banned\",\
         \"author\":{\"@type\":\"Person\",\"name\":\"Se&#225;n O&#8217;Brien\"}}</script>",
        "",
        "",
    ));
    assert_eq!(a.title.as_deref(), Some("Club fined €12m & banned"));
    assert_eq!(a.byline.as_deref(), Some("Seán O’Brien"));
}

#[test]
fn the_sites_name_is_cut_from_the_title_in_any_script() {
    let a = read(&page(
        "<meta property=og:title content=\"香港经济持续复苏-人民网\"><meta property=og:site_name content=人民网>",
        "",
        "",
    ));
    assert_eq!(a.title.as_deref(), Some("香港经济持续复苏"));
    let a = read(&page(
        "<meta property=og:title content=\"Harbour bridge reopens after repairs | The Coastal Herald\">\
         <meta property=og:site_name content=\"The Coastal Herald\">",
        "",
        "",
    ));
    assert_eq!(a.title.as_deref(), Some("Harbour bridge reopens after repairs"));
    // No site name given: the page's own headline shows which part is the title.
    let a = read(&page(
        "<title>NEWS DIGEST|Harbour bridge reopens after two years</title>",
        "Harbour bridge reopens after two years",
        "",
    ));
    assert_eq!(a.title.as_deref(), Some("Harbour bridge reopens after two years"));
}

#[test]
fn a_byline_names_someone_or_is_none() {
    // A comment form's label, in English and in German.
    for label in ["Name (required)", "Name (erforderlich)"] {
        let form = format!(
            "<form id=commentform><p class=comment-form-author><label for=author>{label}</label>\
             <input id=author name=author></p></form>"
        );
        let a = read(&page("<title>Harbour bridge reopens</title>", "Harbour bridge reopens", &form));
        assert_eq!(a.byline, None, "{label}");
    }
    // A date in the author's place.
    let a = read(&page("", "Harbour bridge reopens", "<div class=author-date>12 Mar 2021 14:00 GMT</div>"));
    assert_eq!(a.byline, None);
    // A link to more of the writer's articles, or the date, set right after the name.
    let a = read(&page(
        "",
        "Harbour bridge reopens",
        "<div class=author><a href=/staff/jd>Jane Doe</a><a href=/staff/jd/all>More Articles</a></div>",
    ));
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    let a = read(&page(
        "",
        "Harbour bridge reopens",
        "<div class=byline><span>Jane Doe</span><time datetime=2021-03-12>12 March 2021</time></div>",
    ));
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    // A sentence about the writer is not a byline.
    let a = read(&page(
        "",
        "Harbour bridge reopens",
        "<div class=author-bio>Jane Doe is a senior reporter covering transport for the Herald.</div>",
    ));
    assert!(a.byline.is_none() || a.byline.as_deref() == Some("Jane Doe"), "{:?}", a.byline);
}

#[test]
fn a_byline_keeps_the_name_without_the_date_or_role_on_its_next_line() {
    // The date on a line of its own, after a line break (with the page's indentation
    // between the name and the break, or right after the name's text).
    for top in [
        "<div class=FeatureByline> By <b>Jane Doe</b>\n    <br/>March 25, 2015 </div>",
        "<div class=byline>By Jane Doe<br>March 25, 2015</div>",
    ] {
        let a = read(&page("", "Harbour bridge reopens", top));
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"), "{top}");
    }
    // The writer's role set under the name, in an element of its own.
    let a = read(&page(
        "",
        "Harbour bridge reopens",
        "<div class=author><a href=/staff/jd>Jane Doe</a>\n  <div class=author-title>Transport Editor</div></div>",
    ));
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    // A role alone is still who wrote it ("Reuters Staff").
    let a = read(&page("", "Harbour bridge reopens", "<div class=author>Reuters Staff</div>"));
    assert_eq!(a.byline.as_deref(), Some("Reuters Staff"));
}

#[test]
fn the_author_inside_the_bylines_line_is_the_byline() {
    let read_byline = |top: &str| read(&page("", "Harbour bridge reopens", top)).byline;
    // The line also holds the section it was filed under and the date.
    let line = "<p class=byline><span class=author>By <a rel=author href=/staff/jd>Jane Doe</a></span>\n\
                Filed under: <a href=/transport>Transport</a> <span class=date><time datetime=2023-11-06>\
                6 November 2023</time></span></p>";
    assert_eq!(read_byline(line).as_deref(), Some("Jane Doe"));
    // A line of names is the byline whole.
    let line = "<div class=byline>By <span class=author>Jane Doe</span> and <span class=author>John Roe</span></div>";
    assert_eq!(read_byline(line).as_deref(), Some("Jane Doe and John Roe"));
    // The words before the name in an element of their own, and a separator after it.
    let line = "<div class=byline><em class=byline__by>By</em> <a href=/staff/jd><span class=byline__author>\
                Jane Doe</span></a></div>";
    assert_eq!(read_byline(line).as_deref(), Some("Jane Doe"));
    let line = "<div class=author-name><div class=author-by>Von</div> <a href=/staff/red>Redaktion</a>\
                <div class=author-line> - </div></div>";
    assert_eq!(read_byline(line).as_deref(), Some("Redaktion"));
    // "By" in Spanish, Polish and Dutch.
    for lead in ["Por", "przez", "Door"] {
        let line = format!("<div class=author>{lead} Jane Doe</div>");
        assert_eq!(read_byline(&line).as_deref(), Some("Jane Doe"), "{lead}");
    }
}
