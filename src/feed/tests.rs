use super::*;

pub const RSS2: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>The Harbour Gazette</title><link>http://example.test/</link>
<item><title>Older story</title><link>/news/older.html</link><guid>g-1</guid>
<pubDate>Mon, 01 Dec 2025 08:00:00 GMT</pubDate><description>A summary.</description></item>
<item><title>Newer story</title><link>http://example.test/news/newer.html</link><guid>g-2</guid>
<pubDate>Tue, 02 Dec 2025 09:30:00 +0100</pubDate></item>
</channel></rss>"#;

const RSS1: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.test/"><title>Quarterly</title><link>http://example.test/</link></channel>
<item rdf:about="http://example.test/a"><title>First</title><link>http://example.test/a</link><dc:date>2025-12-01T10:00:00Z</dc:date></item>
</rdf:RDF>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;b&gt;Atom&lt;/b&gt; Weekly</title><id>urn:x</id>
<updated>2025-12-03T00:00:00Z</updated>
<entry><title>An entry</title><id>urn:e1</id><updated>2025-12-03T00:00:00Z</updated>
<link rel="self" href="http://example.test/self"/><link rel="alternate" href="entries/one"/>
<content type="html">&lt;p&gt;The whole text.&lt;/p&gt;</content></entry>
</feed>"#;

const JSON: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Json Daily",
 "items": [{"id": "j1", "title": "From JSON", "url": "http://example.test/j1", "date_published": "2025-12-04T12:00:00Z",
 "content_html": "<p>Body</p>"}]}"#;

#[test]
fn the_four_formats_read_as_lists() {
    let f = parse(RSS2.as_bytes(), Some("http://example.test/feed.xml")).unwrap();
    assert_eq!(f.title, "The Harbour Gazette");
    assert_eq!(f.entries.len(), 2);
    assert_eq!(f.entries[0].link.as_deref(), Some("http://example.test/news/older.html"), "relative link resolved");
    assert_eq!(f.entries[0].id, "g-1");
    assert_eq!(f.entries[1].date, Some(1_764_664_200));
    assert_eq!(f.entries[0].content.as_deref(), Some("A summary."));

    let f = parse(RSS1.as_bytes(), None).unwrap();
    assert_eq!((f.title.as_str(), f.entries[0].title.as_str()), ("Quarterly", "First"));
    assert_eq!(f.entries[0].date, Some(1_764_583_200));

    let f = parse(ATOM.as_bytes(), Some("http://example.test/atom.xml")).unwrap();
    assert_eq!(f.title, "Atom Weekly", "HTML in a title is its words");
    assert_eq!(f.entries[0].link.as_deref(), Some("http://example.test/entries/one"), "the alternate link");
    assert!(f.entries[0].content.as_deref().is_some_and(|c| c.contains("<p>The whole text.</p>")));

    let f = parse(JSON.as_bytes(), None).unwrap();
    assert_eq!((f.title.as_str(), f.entries[0].link.as_deref()), ("Json Daily", Some("http://example.test/j1")));
}

#[test]
fn hostile_titles_and_links_are_made_safe() {
    let feed = "<rss version=\"2.0\"><channel><title>\u{1b}[2J\u{1b}]0;owned\u{7}News \u{202e}cba</title>\
        <item><title>&lt;script&gt;x&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt; &#x1b;[31mred</title>\
        <link>javascript:alert(1)</link></item>\
        <item><title>data</title><link>data:text/html,hi</link></item>\
        <item><title>file</title><link>file:///etc/passwd</link></item></channel></rss>";
    let f = parse(feed.as_bytes(), Some("http://example.test/")).unwrap();
    let unsafe_char = |c: char| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) || c == '\u{1b}';
    assert!(!f.title.chars().any(unsafe_char), "{:?}", f.title);
    for e in &f.entries {
        assert!(!e.title.chars().any(unsafe_char), "{:?}", e.title);
        assert_eq!(e.link, None, "{} is not followed", e.title);
    }
    assert!(f.entries[0].title.contains("Bold"));
    assert!(!f.entries[0].title.contains("<b>"));
}

#[test]
fn dates_in_many_formats_and_some_wrong() {
    let dates = [
        ("Tue, 02 Dec 2025 09:30:00 GMT", true),
        ("Tue, 02 Dec 2025 09:30:00 EST", true),
        ("02 Dec 2025 09:30 +0000", true),
        ("2025-12-02T09:30:00Z", true),
        ("2025-12-02T09:30:00.123+05:30", true),
        ("2025-12-02", true),
        ("yesterday-ish", false),
        ("", false),
        ("Tue, 31 Feb 2025 99:99:99 GMT", false),
    ];
    let items: String = dates
        .iter()
        .enumerate()
        .map(|(i, (d, _))| format!("<item><title>t{i}</title><guid>{i}</guid><pubDate>{d}</pubDate></item>"))
        .collect();
    let f = parse(format!("<rss version=\"2.0\"><channel><title>d</title>{items}</channel></rss>").as_bytes(), None)
        .unwrap();
    for (e, (d, ok)) in f.entries.iter().zip(dates) {
        assert_eq!(e.date.is_some(), ok, "{d:?} read as {:?}", e.date);
    }
}

#[test]
fn a_feed_is_bounded() {
    let item = "<item><title>x</title><link>http://example.test/x</link></item>";
    let many =
        format!("<rss version=\"2.0\"><channel><title>m</title>{}</channel></rss>", item.repeat(MAX_ENTRIES + 5));
    let f = parse(many.as_bytes(), None).unwrap();
    assert_eq!(f.entries.len(), MAX_ENTRIES);
    assert_eq!(f.warnings.len(), 1);
    let huge = vec![b' '; MAX_BYTES as usize + 1];
    assert!(parse(&huge, None).unwrap_err().contains("larger than"));
}

#[test]
fn not_a_feed_is_one_line() {
    let e = parse(b"<html><body>hi</body></html>", None).unwrap_err();
    assert!(!e.contains('\n'), "{e}");
    assert!(parse(b"", None).is_err());
}
