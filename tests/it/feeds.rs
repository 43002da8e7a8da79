//! News feeds and the articles read lately, against a server the test starts on
//! 127.0.0.1: a feed in each of the four formats opening as a list, an entry read and
//! back to the list, read state kept across runs, `--export json FEED`, `--list` over a
//! feed, `--recent --list`, a conditional GET, and hostile feeds (one that never ends, a
//! 100 MB one).

use crate::common::pty::Pty;
use crate::common::server::{Reply, Request, Server, ok, response};
use crate::common::{stderr, stdout};
use std::process::{Command, Output, Stdio};

fn page(title: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>The story of {title}, told in a sentence or two of plain prose for the test.</p>\
         <p>A second paragraph says that Mayor Ada Quill opened it on Monday.</p></article></body></html>"
    )
}

fn rss(base: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
        <item><title>Older story</title><link>{base}/older.html</link><guid>older</guid><pubDate>Mon, 01 Dec 2025 08:00:00 GMT</pubDate></item>
        <item><title>Newer story</title><link>{base}/newer.html</link><guid>newer</guid><pubDate>Tue, 02 Dec 2025 08:00:00 GMT</pubDate></item>
        </channel></rss>"#
    )
}

fn feeds(base: &str) -> [(&'static str, &'static str, String); 4] {
    [
        ("/rss2", "application/rss+xml", rss(base)),
        (
            "/rss1",
            "application/rdf+xml",
            format!(
                r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                <channel rdf:about="{base}/"><title>Harbour News</title><link>{base}/</link></channel>
                <item rdf:about="{base}/older.html"><title>Older story</title><link>{base}/older.html</link></item>
                <item rdf:about="{base}/newer.html"><title>Newer story</title><link>{base}/newer.html</link></item></rdf:RDF>"#
            ),
        ),
        (
            "/atom",
            "application/atom+xml",
            format!(
                r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title><id>urn:h</id><updated>2025-12-02T08:00:00Z</updated>
                <entry><title>Older story</title><id>urn:o</id><updated>2025-12-01T08:00:00Z</updated><link href="{base}/older.html"/></entry>
                <entry><title>Newer story</title><id>urn:n</id><updated>2025-12-02T08:00:00Z</updated><link href="{base}/newer.html"/></entry></feed>"#
            ),
        ),
        (
            "/json",
            "application/feed+json",
            format!(
                r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Harbour News", "items": [
                {{"id": "o", "title": "Older story", "url": "{base}/older.html", "date_published": "2025-12-01T08:00:00Z"}},
                {{"id": "n", "title": "Newer story", "url": "{base}/newer.html", "date_published": "2025-12-02T08:00:00Z"}}]}}"#
            ),
        ),
    ]
}

/// A server with the four feeds and their pages; `/gone.html` fails.
fn server() -> Server {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let b = std::sync::Arc::clone(&base);
    let server = Server::start(move |r: &Request| {
        let base = b.get().cloned().unwrap_or_default();
        if let Some((_, t, body)) = feeds(&base).into_iter().find(|(p, _, _)| *p == r.target()) {
            return ok(t, body.as_bytes());
        }
        match r.target() {
            "/older.html" => ok("text/html", page("The older story").as_bytes()),
            "/newer.html" => ok("text/html", page("The newer story").as_bytes()),
            "/front.html" => ok(
                "text/html",
                page("The front page")
                    .replace("</article>", "<p>Follow <a href=\"/rss2\">our feed</a>.</p></article>")
                    .as_bytes(),
            ),
            _ => response("404 Not Found", &[("Content-Type", "text/plain")], b"gone"),
        }
    });
    let _ = base.set(server.url(""));
    server
}

/// The binary with its state and config in `home`.
fn folio_in(home: &std::path::Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for var in crate::common::PROXY_VARS {
        cmd.env_remove(var);
    }
    cmd.env("XDG_STATE_HOME", home.join("state")).env("XDG_CONFIG_HOME", home.join("config"));
    cmd.output().expect("folio runs")
}

fn pty_in(home: &std::path::Path, args: &[&str]) -> Pty {
    let state = home.join("state").display().to_string();
    let config = home.join("config").display().to_string();
    Pty::spawn_with_env(args, 120, 40, &[("XDG_STATE_HOME", &state), ("XDG_CONFIG_HOME", &config)])
}

#[test]
fn a_feed_in_each_format_opens_as_a_list_newest_first() {
    let server = server();
    for (path, _, _) in feeds("") {
        let mut t = Pty::spawn(&[&server.url(path)], 120, 40);
        let list = t.wait_for("Older story");
        let (newer, older) = (list.find("Newer story"), list.find("Older story"));
        if path != "/rss1" {
            assert!(newer < older, "{path}: newest first:\n{list}");
        }
        assert!(list.contains("Harbour News"), "{path}: the feed's name:\n{list}");
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success(), "{path}");
    }
}

#[test]
fn an_entry_read_back_to_the_list_and_its_read_state_kept_across_runs() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    let url = server.url("/rss2");
    let mut t = pty_in(home.path(), &[&url]);
    let list = t.wait_for("Older story");
    assert_eq!(list.matches('●').count(), 2, "both unread:\n{list}");
    // The newest first: Enter reads it.
    t.keys(&[b"\r"]);
    t.wait_for("The story of The newer story");
    t.keys(&[b"\x7f"]);
    let back = t.wait_for("Older story");
    assert_eq!(back.matches('●').count(), 1, "the entry read is marked read:\n{back}");
    // n: the next unread entry.
    t.keys(&[b"n", b"\r"]);
    t.wait_for("The story of The older story");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
    let mut t = pty_in(home.path(), &[&url]);
    t.wait_for("Older story");
    // The store's read state arrives behind the first frame.
    let again = t.wait_gone("●");
    assert!(again.contains("Newer story"), "read in the last run, read in this one:\n{again}");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}

#[test]
fn a_feed_file_opens_as_a_list_whose_status_bar_says_how_to_read_it() {
    let home = tempfile::tempdir().unwrap();
    let feed = home.path().join("harbour.xml");
    std::fs::write(&feed, rss("https://harbour.test")).unwrap();
    let mut t = pty_in(home.path(), &[feed.to_str().expect("utf-8 path")]);
    let list = t.wait_for("Older story");
    let status = list.lines().last().unwrap_or("").to_string();
    // The "reading …" of the first frame is over once the list is there.
    let status = if status.contains("read  n next unread") { status } else { t.wait_for("next unread") };
    assert!(!status.contains("reading"), "{status}");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}

#[test]
fn a_link_to_a_feed_opens_its_list_and_backspace_returns_to_the_page() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    let mut t = pty_in(home.path(), &[&server.url("/front.html")]);
    t.wait_for("The story of The front page");
    t.keys(&[b"#", b"1", b"\r"]);
    let list = t.wait_for("Older story");
    assert!(list.contains("Newer story") && list.contains("Harbour News"), "the feed's entries:\n{list}");
    t.keys(&[b"\x7f"]);
    t.wait_for("The story of The front page");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}

#[test]
fn export_json_over_a_feed_is_one_line_per_entry_in_the_feeds_order() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    let out = folio_in(home.path(), &["--export", "json", &server.url("/rss2")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let titles: Vec<&str> = lines.iter().map(|v| v["title"].as_str().unwrap_or("")).collect();
    assert_eq!(titles, ["The older story", "The newer story"]);
    // --list prefixes each line with the entry's URL.
    let out = folio_in(home.path(), &["--list", "people", &server.url("/atom")]);
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.starts_with(&format!("{}\t", server.url("/older.html")))), "{text}");
}

#[test]
fn an_entry_that_fails_is_a_line_on_stderr_and_exit_1() {
    let gone = format!(
        r#"<rss version="2.0"><channel><title>t</title><item><title>ok</title><link>{0}/older.html</link></item>
        <item><title>bad</title><link>{0}/gone.html</link></item></channel></rss>"#,
        "BASE"
    );
    let server = server();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.xml");
    std::fs::write(&file, gone.replace("BASE", &server.url(""))).unwrap();
    let out = folio_in(dir.path(), &["--export", "json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1, "the good entry is written");
    assert!(stderr(&out).contains("/gone.html: HTTP 404"), "{}", stderr(&out));
}

#[test]
fn recent_list_after_reading_two_articles_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    for (name, title) in [("one.md", "First article"), ("two.md", "Second article")] {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("# {title}\n\nSome words of the {title}, enough to read.\n")).unwrap();
        let mut t = pty_in(dir.path(), &[path.to_str().unwrap()]);
        t.wait_for(title);
        // The store opens behind the first frame; an article is remembered once it has.
        std::thread::sleep(std::time::Duration::from_millis(800));
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());
        // A second apart: the store keeps seconds.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let out = folio_in(dir.path(), &["--recent", "--list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!((lines[0][2], lines[1][2]), ("Second article", "First article"), "{text}");
    assert!(lines[0][0].ends_with('Z') && lines[0][0].contains('T'), "ISO 8601: {text}");
    assert!(lines[0][1].ends_with('%') && lines[0][3].ends_with("two.md"), "{text}");
    // --recent opens them as a list; Enter reopens one.
    let mut t = pty_in(dir.path(), &["--recent"]);
    let list = t.wait_for("First article");
    assert!(list.find("Second article") < list.find("First article"), "{list}");
    t.keys(&[b"j", b"\r"]);
    t.wait_for("Some words of the First article");
    t.keys(&[b"\x7f"]);
    t.wait_for("Read lately");
    t.keys(&[b"q"]);
    assert!(t.wait_exit().success());
}

#[test]
fn the_second_refresh_downloads_nothing() {
    let body = rss("http://127.0.0.1:9");
    let server = Server::start(move |r: &Request| {
        if r.header("If-None-Match") == Some("\"v1\"") {
            return response("304 Not Modified", &[("ETag", "\"v1\"")], b"");
        }
        response("200 OK", &[("Content-Type", "application/rss+xml"), ("ETag", "\"v1\"")], body.as_bytes())
    });
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/folio")).unwrap();
    std::fs::write(home.path().join("config/folio/feeds"), format!("# mine\n{} The Harbour\n", server.url("/feed")))
        .unwrap();
    for run in 0..2 {
        let mut t = pty_in(home.path(), &["--feeds"]);
        let list = t.wait_for("Older story");
        assert!(list.contains("The Harbour"), "the name from the feeds file:\n{list}");
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success(), "run {run}");
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("If-None-Match"), None);
    assert_eq!(requests[1].header("If-None-Match"), Some("\"v1\""), "the validator sent back");
}

#[test]
fn a_feed_that_never_ends_and_a_100_mb_feed_are_refused_in_bounded_time() {
    let server = Server::start(|_| {
        Reply::Stream(Box::new(|s: &mut std::net::TcpStream| {
            use std::io::Write;
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n<rss version=\"2.0\"><channel>",
            );
            let item = b"<item><title>again</title></item>".repeat(1000);
            while s.write_all(&item).is_ok() {}
        }))
    });
    let home = tempfile::tempdir().unwrap();
    let start = std::time::Instant::now();
    let out = folio_in(home.path(), &["--export", "json", "--max-size", "4M", &server.url("/")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("larger than"), "{}", stderr(&out));
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    // 100 MB on disk (sparse): refused before it is parsed.
    let big = home.path().join("big.xml");
    std::fs::write(&big, b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>").unwrap();
    std::fs::File::options().write(true).open(&big).unwrap().set_len(100 << 20).unwrap();
    let out = folio_in(home.path(), &["--export", "json", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("larger than 32 MiB"), "{}", stderr(&out));
}
