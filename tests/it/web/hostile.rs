//! Hostile pages: character references that decode to controls, links that would run
//! code, markup nested past any sane depth, NUL bytes. Nothing raw reaches the terminal,
//! nothing unsafe is offered, and nothing overflows the stack.

use crate::common::{FORBIDDEN, folio, render, screen_text, stderr, stdout};
use folio::app::{Action, App, update};
use folio::article::{Format, parse};

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A page whose article is full of escapes written as character references, and raw.
const PAGE: &str = "<!doctype html><html><head><title>Hostile &#27;[2J page</title></head><body><article>\
    <h1>Hostile &#27;[2J page</h1>\
    <p>Clear screen &#27;[2J and move &#x1b;[10;10H here, said the attacker in a long enough paragraph.</p>\
    <p>Window title &#27;]0;pwned&#7; and a link &#x1B;]8;;http://evil.example&#x07;click here, in a sentence.</p>\
    <p>Clipboard &#27;]52;c;cm0gLXJmIH4K&#7; and an 8-bit CSI &#x9b;31m and a raw one \u{9b}31m red.</p>\
    <p>Bidi &#x202e;desrever&#x202c; and isolate &#x2066;x&#x2069; and a bell &#7; in text.</p>\
    <p>\u{201c}Quote with &#27;[31m red inside,\u{201d} said Eve Mallory, who wrote this page.</p>\
    <p>Links: <a href=\"javascript:alert(1)\">run me</a>, <a href=\"JaVaScRiPt:alert(2)\">me too</a>, \
    <a href=\" javascript:alert(3)\">spaced</a>, <a href=\"java&#x09;script:alert(4)\">tabbed</a>, \
    <a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a>, <a href=\"vbscript:msgbox\">vb</a>, \
    <a href=\"file:///etc/passwd\">file</a>, <a href=\"https://example.org/ok\">the one safe link</a>.</p>\
    </article></body></html>";

#[test]
fn entities_that_decode_to_controls_are_placeholders_on_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.html");
    std::fs::write(&file, PAGE).unwrap();
    let file = file.to_str().unwrap();
    for args in [
        &["--list", "sections", file][..],
        &["--list", "quotes", file],
        &["--list", "people", file],
        &["--list", "links", file],
        &["--search", "re:.", file],
    ] {
        let out = folio(args, None);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        for bad in FORBIDDEN.iter().chain(&[&b"\x1b"[..], b"\x07", b"\xe2\x80\xae"]) {
            assert!(!contains(&out.stdout, bad), "{args:?} wrote {bad:?}");
        }
    }
    let hits = stdout(&folio(&["--search", "clear", file], None));
    assert!(hits.contains("␛[2J"), "the placeholder shows where the escape was: {hits}");
    // A piped export is data: it keeps the page's characters, as the JSON export does.
    let text = folio(&["--export", "text", file], None);
    assert!(contains(&text.stdout, b"Clear screen \x1b[2J"));
    let quotes = stdout(&folio(&["--list", "quotes", file], None));
    assert!(quotes.contains("Eve Mallory\tQuote with ␛[31m red inside"), "{quotes}");
}

#[test]
fn the_reader_draws_a_hostile_page_with_placeholders() {
    let article = parse(PAGE, Some(Format::Html)).expect("an article");
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(140, 40));
    let buf = render(&app);
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(!c.is_control(), "a control character reached the screen: {:?}", cell.symbol());
            assert!(!matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'), "{c:?}");
        }
    }
    let screen = screen_text(&buf);
    // HTML5 reads &#x9b; as windows-1252 (U+203A); a raw U+009B in the page stays one.
    for placeholder in ["␛[2J", "␛]0;pwned␇", "<U+202E>", "<U+009B>31m"] {
        assert!(screen.contains(placeholder), "missing {placeholder}:\n{screen}");
    }
    assert!(screen.contains("Hostile ␛[2J page"), "the title bar too:\n{screen}");
}

#[test]
fn only_safe_links_are_ever_offered() {
    let article = parse(PAGE, Some(Format::Html)).expect("an article");
    let urls: Vec<&str> = article.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://example.org/ok"]);
    let spans: Vec<_> =
        article.paragraphs().flat_map(|(_, _, p)| p.spans().iter().filter_map(|s| s.href.clone())).collect();
    assert_eq!(spans, ["https://example.org/ok"]);
    // The words of the refused links are still there to read.
    let text: String = article.paragraphs().map(|(_, _, p)| p.text.clone()).collect();
    assert!(text.contains("run me") && text.contains("data"), "{text}");
}

#[test]
fn a_deeply_nested_page_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deep.html");
    let para = "A paragraph at the bottom of a very deep page, with words, commas, and a sentence.";
    std::fs::write(&file, format!("<html><body>{}<p>{para}</p></body></html>", "<div><span>".repeat(100_000))).unwrap();
    let out = folio(&["--export", "text", file.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(para));
}

#[test]
fn nul_bytes_do_not_make_a_page_binary() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nul.html");
    let page = "<!doctype html><html><head><title>A page with NULs</title></head><body><p>Before\0 the NUL \
        and after it, the paragraph goes on, with enough words to be read as the article.</p></body></html>";
    std::fs::write(&file, page).unwrap();
    let out = folio(&["--export", "text", file.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("A page with NULs") && stdout(&out).contains("the paragraph goes on"));
    assert!(!out.stdout.contains(&0), "the NUL itself is not written");
}
