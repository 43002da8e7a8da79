//! The reader on a URL, in a pseudo-terminal, against a server the test starts: the first
//! frame while the page comes, the page when it has come, leaving while it comes, a failed
//! fetch, and `r`.

use crate::common::pty::{Pty, contains};
use crate::common::server::{Reply, Server, ok, response};
use std::io::Write;
use std::net::TcpStream;
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const STORY: &str = include_str!("../../fixtures/web/story.html");

#[test]
fn a_url_shows_a_fetching_frame_then_the_article() {
    let (release, gate) = mpsc::channel::<()>();
    let gate = Mutex::new(Some(gate));
    let server = Server::start(move |_| {
        let Some(gate) = gate.lock().unwrap().take() else { return ok("text/html", STORY.as_bytes()) };
        Reply::Stream(Box::new(move |s: &mut TcpStream| {
            let (head, rest) = STORY.split_at(2000);
            let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", STORY.len());
            let _ = s.write_all(head.as_bytes());
            let _ = s.flush();
            let _ = gate.recv_timeout(Duration::from_secs(10));
            let _ = s.write_all(rest.as_bytes());
        }))
    });
    let url = server.url("/news/bridge");
    let mut t = Pty::spawn(&[&url], 120, 40);
    // The first bytes are counted as they come (the count is the first read's, up to 2 KB).
    let first = t.wait_for(&format!("KB received from {url}"));
    assert!(!first.contains("Harbour bridge"), "the page has not come yet: {first}");
    release.send(()).unwrap();
    let page = t.wait_for("Harbour bridge reopens after two years of repairs");
    let title_bar = page.lines().next().unwrap_or("");
    assert!(title_bar.contains("The Coastal Herald"), "the site in the title bar: {title_bar}");
    t.wait_for("The crossing carried 18,000 vehicles");
    t.keys(&[b"G"]);
    t.wait_for("Source: https://coastal-herald.example/news/harbour-bridge-reopens");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}

#[test]
fn q_and_ctrl_c_leave_while_the_page_is_still_coming() {
    for key in [&b"q"[..], b"\x03"] {
        let server = Server::routes(vec![("/", Reply::Hang)]);
        let mut t = Pty::spawn(&[&server.url("/")], 100, 30);
        t.wait_for("fetching http://");
        let start = Instant::now();
        t.keys(&[key]);
        let status = t.wait_exit();
        assert!(start.elapsed() < Duration::from_secs(3), "{key:?} took {:?}", start.elapsed());
        assert!(status.success(), "{key:?}: {status:?}");
        assert!(contains(&t.raw(), b"\x1b[?1049l"), "left the alternate screen");
        let termios = t.termios();
        assert_ne!(termios.c_lflag & libc::ICANON, 0, "cooked mode after leaving");
    }
}

#[test]
fn a_failed_fetch_is_one_line_on_the_restored_screen() {
    let server = Server::routes(vec![("/gone", response("404 Not Found", &[("Content-Type", "text/html")], b"no"))]);
    let url = server.url("/gone");
    let mut t = Pty::spawn(&[&url], 100, 30);
    let status = t.wait_exit();
    assert!(!status.success());
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    let restored = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let error = raw.rfind(&format!("folio: {url}: HTTP 404 Not Found")).expect("the error is printed");
    assert!(restored < error, "the screen is restored before the error is printed");
    assert_ne!(t.termios().c_lflag & libc::ECHO, 0, "echo on after the error");
}

/// A long page: paragraph N says so, so the screen shows where the reader is.
fn long_page() -> String {
    let mut html = String::from("<html><head><title>A long page</title></head><body><article><h1>A long page</h1>");
    for n in 1..=80 {
        html.push_str(&format!(
            "<p>Paragraph number {n} of the long page, with words enough, and commas, to be read as prose.</p>"
        ));
    }
    html + "</article></body></html>"
}

#[test]
fn r_reads_the_page_again_and_keeps_the_place() {
    let page = long_page();
    let server = Server::start(move |_| ok("text/html", page.as_bytes()));
    let url = server.url("/long");
    let mut t = Pty::spawn(&[&url], 100, 30);
    t.wait_for("Paragraph number 1 of");
    // A page down and a few paragraphs on (the text has the keys).
    t.keys(&[b" ", b"}", b"}", b"}"]);
    let before = t.wait_gone("Paragraph number 1 of");
    let top = |screen: &str| {
        screen
            .lines()
            .find_map(|l| l.split("Paragraph number ").nth(1).map(|r| r.split(' ').next().unwrap_or("").to_string()))
            .unwrap_or_default()
    };
    let at = top(&before);
    assert!(at.parse::<u32>().is_ok_and(|n| n > 5), "scrolled down: {before}");
    t.keys(&[b"r"]);
    let after = t.wait_for("reloaded");
    assert_eq!(top(&after), at, "the same paragraph at the top after r:\n{after}");
    assert_eq!(server.requests().len(), 2, "the page was fetched again");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}
