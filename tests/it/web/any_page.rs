//! Pages that are not plain news stories, and the markup around any page's text: ruby
//! readings, an article kept in a script template with a `<noscript>` copy, a table's
//! footer. Every page here is written for these tests.

use folio::article::{Article, Format, ParagraphKind, parse_structure_at};

/// Prose long enough to be scored as an article paragraph.
fn para(n: usize) -> String {
    format!(
        "Paragraph {n} of the story, with enough words, commas, and clauses to read as prose, \
         which the reader must keep as part of the article body."
    )
}

fn read(html: &str) -> Article {
    parse_structure_at(html, Some(Format::Html), None).expect("an article")
}

fn text(a: &Article) -> String {
    a.paragraphs().map(|(_, _, p)| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

#[test]
fn ruby_readings_are_not_read_into_the_words() {
    let html = format!(
        "<html lang=ja><head><title>子どもの本</title></head><body><article>\
         <h1><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの本</h1>\
         <p>{}</p><p>図書館には<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの本が三千冊あり、\
         <ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>の読み方も学べます。{}</p></article></body></html>",
        para(1),
        para(2)
    );
    let a = read(&html);
    let t = text(&a);
    assert!(t.contains("図書館には子どもの本が三千冊あり、漢字の読み方も学べます。"), "{t}");
    assert!(!t.contains("子こ") && !t.contains("かん") && !t.contains("(こ)"), "{t}");
    assert_eq!(a.title.as_deref(), Some("子どもの本"));
}

#[test]
fn an_article_kept_in_a_script_template_reads_from_its_noscript_copy() {
    // Blogger's way: the post's markup in a template script (rendered by JavaScript), and
    // the same markup in <noscript> for readers without it.
    let post = format!(
        "<span class=\"byline-author\">Posted by Ana Ruiz, Security team</span><p>{}</p><p>{}</p><p>{}</p>",
        para(1),
        para(2),
        para(3)
    );
    let html = format!(
        "<html><head><title>A post - The Security Blog</title></head><body>\
         <div class=sidebar><h2>Labels</h2><ul><li><a href=/l/a>android</a></li><li><a href=/l/b>chrome</a></li></ul>\
         <p>Insights from the team on security and safety on the Internet, every week.</p></div>\
         <div class=post><h2 class=title><a href=/post>A post</a></h2><div class=post-body>\
         <script type='text/template'>{post}</script><noscript>{post}</noscript></div></div></body></html>"
    );
    let a = read(&html);
    let t = text(&a);
    for n in 1..=3 {
        assert!(t.contains(&para(n)), "paragraph {n} missing: {t}");
    }
    assert_eq!(t.matches("Paragraph 1 of").count(), 1, "read once: {t}");
    assert!(!t.contains("Insights from the team"), "{t}");
}

#[test]
fn a_noscript_message_or_image_is_not_a_paragraph() {
    let html = format!(
        "<html><head><title>T</title><noscript><img height=1 width=1 src=https://px.example/tr></noscript></head>\
         <body><article><h1>T</h1><p>{}</p><noscript>Please enable JavaScript to view the comments.</noscript>\
         <img src=/lazy.gif data-src=/photo.jpg><noscript><img src=/photo.jpg></noscript><p>{}</p></article></body></html>",
        para(1),
        para(2)
    );
    let a = read(&html);
    let t = text(&a);
    assert!(!t.contains("Please enable JavaScript"), "{t}");
    let figures = a.paragraphs().filter(|(_, _, p)| p.kind == ParagraphKind::Figure).count();
    assert_eq!(figures, 1, "{t}");
}

#[test]
fn a_table_footer_is_its_last_row_not_a_header() {
    // HTML 4 put <tfoot> before <tbody>; it is drawn after the body all the same.
    let html = format!(
        "<html><body><article><p>{}</p><table><thead><tr><th>Region</th><th>Sales</th></tr></thead>\
         <tfoot><tr><th>Total</th><th>30</th></tr></tfoot>\
         <tbody><tr><td>North</td><td>10</td></tr><tr><td>South</td><td>20</td></tr></tbody></table>\
         <p>{}</p></article></body></html>",
        para(1),
        para(2)
    );
    let a = read(&html);
    let table = a.paragraphs().find_map(|(_, _, p)| p.table()).expect("a table");
    let rows: Vec<(&str, bool)> = table.rows.iter().map(|r| (r.cells[0].as_str(), r.header)).collect();
    assert_eq!(rows, [("Region", true), ("North", false), ("South", false), ("Total", false)]);
}

/// A chart drawn in the page's markup (an SVG's `<text>`, or positioned `<div>`s and `<p>`s
/// as ai2html and many newsrooms draw them) is a figure: its title and caption are kept,
/// its labels and values are not paragraphs, and so never statistics.
#[test]
fn a_chart_is_a_figure_not_paragraphs_of_numbers() {
    let labels: String = ["2016", "2017", "2018", "2019", "$0", "$200", "$400", "$600", "312", "405", "388", "530"]
        .iter()
        .map(|l| format!("<div class=g-label><p>{l}</p></div>"))
        .collect();
    let html = format!(
        "<html><body><article><h1>Rents keep rising</h1>\
         <p>Rents in the city rose by 12% last year, the fastest rise in a decade, the council said on Monday.</p>\
         <div class=g-graphic><h3>Average monthly rent</h3><div class=g-artboard>{labels}</div>\
         <p class=g-source>Source: City Housing Office</p></div>\
         <figure><svg viewBox=\"0 0 100 100\"><text>2020</text><text>75%</text></svg>\
         <figcaption>Share of income spent on rent</figcaption></figure>\
         <p>Tenants' groups called for a freeze, saying that 40% of renters now struggle to pay each month.</p>\
         </article></body></html>"
    );
    let a = folio::article::parse(&html, Some(Format::Html)).expect("an article");
    let t = text(&a);
    for label in ["2016", "$400", "530", "2020", "75%"] {
        assert!(!t.lines().any(|l| l.trim() == label), "{label} read as a paragraph: {t}");
    }
    let captions: Vec<&str> =
        a.paragraphs().filter(|(_, _, p)| p.kind == ParagraphKind::Figure).map(|(_, _, p)| p.text.as_str()).collect();
    assert!(captions.iter().any(|c| c.contains("Average monthly rent")), "{captions:?}");
    assert!(captions.iter().any(|c| c.contains("Share of income spent on rent")), "{captions:?}");
    let stats: Vec<&str> = a.statistics.iter().map(|s| s.quantity.as_str()).collect();
    assert_eq!(stats, ["12%", "40%"], "{stats:?}");
}

#[test]
fn a_legal_notice_keeps_its_headings_wrapped_in_blocks_named_header() {
    // A site builder's modules: each heading in a block whose class (and the heading's id)
    // says "header", each text in another.
    let part = |n: usize, h: &str| {
        format!(
            "<div class='j-module n j-header'><h3 id='cc-m-header-{n}'>{h}</h3></div>\
             <div class='j-module n j-text'><p>{}</p></div>",
            para(n)
        )
    };
    let html = format!(
        "<html lang=de><head><title>Impressum</title></head><body>\
         <div class=header><h1>Agentur Beispiel</h1><ul><li><a href=/>Start</a></li><li><a href=/k>Kontakt</a></li></ul></div>\
         <div id=content_area><div class='j-module n j-header'><h1 id='cc-m-header-1'>Impressum</h1></div>{}{}{}</div></body></html>",
        part(2, "Angaben gemäß § 5 TMG"),
        part(3, "Haftung für Inhalte"),
        part(4, "Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV")
    );
    let a = read(&html);
    let heads: Vec<_> = a.sections.iter().filter_map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        heads,
        ["Angaben gemäß § 5 TMG", "Haftung für Inhalte", "Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV"]
    );
    assert!(!text(&a).contains("Kontakt"), "{}", text(&a));
}

#[test]
fn invitations_to_follow_the_site_elsewhere_are_furniture_in_any_language() {
    let invitations = [
        "¿Ya sabías que en Ejemplo.com tenemos canal de Telegram? Únete desde tu celular en este enlace.",
        "Senior Editor, tech and games. You can keep up with me on Twitter: @someone",
        "Folgen Sie uns auf Instagram und verpassen Sie keine Geschichte mehr!",
        "Suivez-nous sur Facebook pour ne rien manquer.",
    ];
    let body: String =
        invitations.iter().enumerate().map(|(i, l)| format!("<p>{}</p><p>{l}</p>", para(i + 1))).collect();
    let html = format!(
        "<html><head><title>A story</title></head><body><article><h1>A story</h1>{body}</article></body></html>"
    );
    let t = text(&read(&html));
    for (i, l) in invitations.iter().enumerate() {
        assert!(t.contains(&para(i + 1)), "{t}");
        assert!(!t.contains(l), "kept: {l}");
    }
    // A sentence of the story that names a network is the story's.
    let story = "The minister announced on Twitter that she would join the talks in Geneva next week.";
    let html = format!(
        "<html><body><article><h1>A story</h1><p>{}</p><p>{story}</p><p>{}</p></article></body></html>",
        para(1),
        para(2)
    );
    assert!(text(&read(&html)).contains(story));
}

#[test]
fn a_sidebars_prose_beside_minutes_in_a_list_is_not_the_article() {
    // Minutes of a meeting: the article is a numbered list; the sidebar's "about us" has more
    // prose than it.
    let items: String = (1..=8)
        .map(|n| {
            format!("<li>Item {n} of the meeting, agreed by the board: the treasurer reports on it next time.</li>")
        })
        .collect();
    let about = "Our club is an association of people who trade goods and services with each other, \
                 using a currency of their own, which keeps prices fair and the economy local.";
    let html = format!(
        "<html><head><title>Minutes of the board</title></head><body><div id=content>\
         <div id=primary><h1>Minutes of the board</h1><div class=entry-content><ol>{items}</ol></div></div>\
         <div id=right-sidebar class=widget-area><aside class='widget widget_text'><p>{about}</p><p>{about}</p>\
         <p>{about}</p></aside></div></div></body></html>"
    );
    let a = read(&html);
    let t = text(&a);
    assert!(t.contains("Item 8 of the meeting"), "{t}");
    assert!(!t.contains("Our club is an association"), "{t}");
}

#[test]
fn a_blogs_comment_form_is_furniture_in_its_platforms_words() {
    let form = [
        "Kommentar verfassen",
        "Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen:",
        "Du kommentierst mit Deinem WordPress.com-Konto. ( Abmelden / Ändern )",
        "You are commenting using your Twitter account. ( Log Out / Change )",
        "Verbinde mit %s",
    ];
    let lines: String = form.iter().map(|l| format!("<p>{l}</p>")).collect();
    let html = format!(
        "<html><head><title>A post</title></head><body><article><h1>A post</h1><p>{}</p><p>{}</p>{lines}</article></body></html>",
        para(1),
        para(2)
    );
    let t = text(&read(&html));
    assert!(t.contains(&para(2)), "{t}");
    for l in form {
        assert!(!t.contains(l), "kept: {l}");
    }
}
