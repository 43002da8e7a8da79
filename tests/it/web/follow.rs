//! Following links inside folio, against a server the test starts on 127.0.0.1: the Links
//! tab's Enter, `#` and a number, `Backspace` back to the same line and `Alt-Right`
//! forward, and a link that fails (a status message, not the end of the session).

use crate::common::pty::Pty;
use crate::common::server::{Server, ok, response};

/// A long page whose first paragraph links to the other pages.
fn first_page() -> String {
    let mut html = String::from(
        "<html><head><title>The first page</title></head><body><article><h1>The first page</h1>\
         <p>Read <a href=\"/second.html\">the second page</a>, <a href=\"/third.html\">the third</a> \
         or <a href=\"/gone.html\">a gone one</a> and come back.</p>",
    );
    for n in 1..=80 {
        html.push_str(&format!(
            "<p>Paragraph number {n} of the first page, with words enough to be read as prose.</p>"
        ));
    }
    html + "</article></body></html>"
}

fn page(title: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>This is {title}, a page of its own with a sentence or two of prose in it.</p>\
         <p>It has a second paragraph, so that it reads as an article and not a stub.</p></article></body></html>"
    )
}

fn server() -> Server {
    let first = first_page();
    Server::start(move |r| match r.target() {
        "/first.html" => ok("text/html", first.as_bytes()),
        "/second.html" => ok("text/html", page("The second page").as_bytes()),
        "/third.html" => ok("text/html", page("The third page").as_bytes()),
        _ => response("404 Not Found", &[("Content-Type", "text/plain")], b"gone"),
    })
}

/// The paragraph at the top of the text.
fn top(screen: &str) -> String {
    screen
        .lines()
        .find_map(|l| l.split("Paragraph number ").nth(1).map(|r| r.split(' ').next().unwrap_or("").to_string()))
        .unwrap_or_default()
}

#[test]
fn a_link_followed_in_folio_and_back_to_the_same_line() {
    let server = server();
    let mut t = Pty::spawn(&[&server.url("/first.html")], 120, 40);
    t.wait_for("Paragraph number 1 of");
    t.keys(&[b" ", b"}", b"}"]);
    let before = t.wait_gone("Paragraph number 1 of");
    let at = top(&before);
    assert!(at.parse::<u32>().is_ok_and(|n| n > 3), "scrolled down: {before}");
    // The first link by its number (the text stays where it is while the number is typed).
    t.keys(&[b"#", b"1", b"\r"]);
    let second = t.wait_for("a page of its own");
    assert!(second.contains("The second page"), "{second}");
    assert!(second.lines().next().unwrap_or("").contains("‹ 2/2"), "the title bar says where: {second}");
    // Backspace: the first page, at the same paragraph.
    t.keys(&[b"\x7f"]);
    let back = t.wait_for("Paragraph number");
    assert_eq!(top(&back), at, "the same paragraph at the top:\n{back}");
    assert!(back.lines().next().unwrap_or("").contains("‹ 1/2"), "{back}");
    // Alt-Right: forward to the second page again, without fetching it.
    let fetched = server.requests().len();
    t.keys(&[b"\x1b[1;3C"]);
    t.wait_for("a page of its own");
    assert_eq!(server.requests().len(), fetched, "forward shows what was read, no fetch");
    // Back, then the Links tab: its third link with Enter opens in folio.
    t.keys(&[b"\x7f"]);
    t.wait_for("Paragraph number");
    t.keys(&[b"7", b"G", b"k", b"\r"]);
    let third = t.wait_for("This is The third page");
    assert!(third.lines().next().unwrap_or("").contains("‹ 2/2"), "the page ahead was replaced: {third}");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}

#[test]
fn numbered_links_and_a_number_then_enter() {
    let server = server();
    let mut t = Pty::spawn(&[&server.url("/first.html")], 120, 40);
    t.wait_for("Paragraph number 1 of");
    t.keys(&[b"#"]);
    let numbered = t.wait_for("[2]");
    assert!(numbered.contains("the second page[1]") && numbered.contains("the third[2]"), "{numbered}");
    t.keys(&[b"2", b"\r"]);
    t.wait_for("This is The third page");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}

#[test]
fn a_link_that_fails_is_a_message_and_the_page_stays() {
    let server = server();
    let mut t = Pty::spawn(&[&server.url("/first.html")], 120, 40);
    t.wait_for("Paragraph number 1 of");
    t.keys(&[b"#", b"3", b"\r"]);
    let after = t.wait_for("could not open the link");
    assert!(after.contains("Paragraph number 1 of"), "the page is still there:\n{after}");
    t.keys(&[b"j"]);
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success(), "the session goes on after a failed link");
}

/// A page saved to a file, with no address of its own: its relative links name the files
/// beside it, and folio opens them (issue 25, item 1).
#[test]
fn a_saved_pages_relative_link_opens_the_file_beside_it() {
    let dir = tempfile::tempdir().expect("dir");
    let saved = first_page().replace("/second.html", "second%20page.html").replace("/third.html", "notes/third.md");
    std::fs::write(dir.path().join("first.html"), saved).expect("write");
    std::fs::write(dir.path().join("second page.html"), page("The second page")).expect("write");
    std::fs::create_dir(dir.path().join("notes")).expect("dir");
    std::fs::write(dir.path().join("notes/third.md"), "# The third page\n\nThis is The third page, in Markdown.\n")
        .expect("write");
    let first = dir.path().join("first.html");
    let mut t = Pty::spawn(&[first.to_str().expect("utf-8 path")], 120, 40);
    t.wait_for("Paragraph number 1 of");
    t.keys(&[b"#", b"1", b"\r"]);
    let second = t.wait_for("a page of its own");
    assert!(second.lines().next().unwrap_or("").contains("‹ 2/2"), "{second}");
    t.keys(&[b"\x7f"]);
    t.wait_for("Paragraph number 1 of");
    t.keys(&[b"#", b"2", b"\r"]);
    t.wait_for("in Markdown");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}
