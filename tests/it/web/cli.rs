//! `folio URL` and saved pages from the command line, against a server the test starts on
//! 127.0.0.1: what is printed, what the errors say, and how several inputs are printed.

use crate::common::server::{Reply, Server, ok, redirect, response};
use crate::common::{folio, stderr, stdout};
use serde_json::Value;
use std::io::Write;
use std::net::TcpStream;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

const STORY: &str = include_str!("../../fixtures/web/story.html");
const STORY_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web/story.html");

fn export(args: &[&str]) -> Value {
    let out = folio(&[&["--export", "json"], args].concat(), None);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("one JSON article")
}

/// Runs folio on a URL that must fail; returns its one-line error.
fn failure(args: &[&str]) -> String {
    let out = folio(args, None);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(out.stdout.is_empty());
    err.trim_end().to_string()
}

/// A server with the story at `/news/bridge`, its canonical URL pointing at itself (as a
/// page's does on its own site); the page as served is returned too.
fn story_server() -> (Server, String) {
    let page: Arc<OnceLock<String>> = Arc::default();
    let served = Arc::clone(&page);
    let server = Server::start(move |r| match (r.target(), served.get()) {
        ("/news/bridge", Some(p)) => ok("text/html; charset=utf-8", p.as_bytes()),
        _ => response("404 Not Found", &[], b""),
    });
    let html = STORY.replace("https://coastal-herald.example/news/harbour-bridge-reopens", &server.url("/news/bridge"));
    let _ = page.set(html.clone());
    (server, html)
}

#[test]
fn a_fetched_page_exports_as_the_saved_file_does() {
    let (server, html) = story_server();
    let url = server.url("/news/bridge");
    let fetched = export(&[&url]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bridge.html");
    std::fs::write(&file, html).unwrap();
    let saved = export(&[file.to_str().unwrap()]);
    assert_eq!(fetched, saved);
    assert_eq!(fetched["title"], "Harbour bridge reopens after two years of repairs");
    assert_eq!(fetched["site_name"], "The Coastal Herald");
    assert_eq!(fetched["source"].as_str(), Some(url.as_str()));
    assert_eq!(fetched["published"], "2025-04-14T07:30:00+01:00");
    let links: Vec<&str> = fetched["links"].as_array().unwrap().iter().filter_map(|l| l["url"].as_str()).collect();
    assert_eq!(links, [server.url("/reports/bridge-2025")]);
}

/// The export without its URLs (source, links, image addresses and link spans).
fn without_urls(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for k in ["source", "links", "src", "href", "spans"] {
                    m.remove(k);
                }
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

#[test]
fn without_a_canonical_url_the_source_is_the_url_fetched() {
    let page = STORY.replace("<link rel=\"canonical\"", "<link rel=\"alternate\"");
    let server = Server::routes(vec![
        ("/old", redirect("301 Moved Permanently", "/story")),
        ("/story", ok("text/html", page.as_bytes())),
    ]);
    let fetched = export(&[&server.url("/old")]);
    assert_eq!(fetched["source"].as_str(), Some(server.url("/story").as_str()), "the URL after redirects");
    assert_eq!(fetched["links"][0]["url"].as_str(), Some(server.url("/reports/bridge-2025").as_str()));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.html");
    std::fs::write(&file, &page).unwrap();
    let saved = export(&[file.to_str().unwrap()]);
    assert_eq!(saved["source"], Value::Null);
    // Without a URL, a link from the site's root ("/reports/…") leads nowhere: there is no
    // site to start from, so it is not offered (a path beside the page is: see follow.rs).
    assert_eq!(saved["links"], Value::Array(vec![]));
    assert_eq!(without_urls(fetched), without_urls(saved));
}

/// Served from another host than its own (a local server, a mirror, an archive), a page
/// reads as its saved file does: whether a link stays on the page's site is judged by the
/// page's canonical address too, so a box of the site's other stories is dropped either way.
#[test]
fn a_page_served_from_another_host_reads_as_its_saved_file() {
    let more: String = [
        ("ferry", "Ferry timetable changes for the summer season"),
        ("tolls", "Council rules out tolls on the bridge for good"),
        ("lights", "New lights for the promenade after the storm"),
    ]
    .iter()
    .map(|(path, title)| format!("<p><a href=\"https://coastal-herald.example/news/{path}\">{title}</a></p>"))
    .collect();
    let page = STORY.replace("</article>", &format!("<div class=\"more\">{more}</div></article>"));
    let server = Server::routes(vec![("/mirror/bridge", ok("text/html; charset=utf-8", page.as_bytes()))]);
    let fetched = export(&[&server.url("/mirror/bridge")]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bridge.html");
    std::fs::write(&file, &page).unwrap();
    let saved = export(&[file.to_str().unwrap()]);
    assert!(!fetched.to_string().contains("Ferry timetable"), "{fetched}");
    assert_eq!(without_urls(fetched), without_urls(saved));
}

#[test]
fn what_a_page_gives_on_the_command_line() {
    let quotes = stdout(&folio(&["--list", "quotes", STORY_PATH], None));
    assert!(
        quotes.contains("Maria Okafor\tIt is a relief for everyone who has spent two years in traffic"),
        "{quotes}"
    );
    let stats = stdout(&folio(&["--list", "statistics", STORY_PATH], None));
    for figure in ["18,000", "£31.5m", "20%", "1,200", "30mph"] {
        assert!(stats.contains(figure), "{figure} missing: {stats}");
    }
    let text = stdout(&folio(&["--export", "text", STORY_PATH], None));
    for chrome in
        ["cookies", "Share on", "Related stories", "Ferry timetable", "Great news", "All rights reserved", "Sport"]
    {
        assert!(!text.contains(chrome), "{chrome} is page chrome: {text}");
    }
    assert!(text.contains("What changed") && text.contains("later this month"), "{text}");
}

#[test]
fn http_errors_name_the_url_and_the_status() {
    let server = Server::start(|r| match r.target() {
        "/gone" => response("404 Not Found", &[("Content-Type", "text/html")], b"<h1>Not here</h1>"),
        "/broken" => response("500 Internal Server Error", &[("Content-Type", "text/html")], b"oops"),
        "/loop" => redirect("302 Found", "/loop2"),
        "/loop2" => redirect("302 Found", "/loop"),
        _ => ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    });
    let gone = server.url("/gone");
    assert_eq!(failure(&["--export", "json", &gone]), format!("folio: {gone}: HTTP 404 Not Found"));
    let broken = server.url("/broken");
    assert_eq!(failure(&["--export", "json", &broken]), format!("folio: {broken}: HTTP 500 Internal Server Error"));
    let looping = server.url("/loop");
    assert!(failure(&["--export", "json", &looping]).contains("redirect loop"));
    let image = server.url("/photo.png");
    assert_eq!(failure(&["--export", "json", &image]), format!("folio: {image}: not a web page (image/png)"));
}

#[test]
fn a_refused_connection_and_a_bad_url() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/");
    assert_eq!(failure(&["--export", "json", &url]), format!("folio: {url}: could not connect: connection refused"));
    assert!(failure(&["--export", "json", "http://[::1"]).contains("invalid URL"));
}

#[test]
fn a_silent_server_times_out_within_the_timeout() {
    let server = Server::routes(vec![("/", Reply::Hang)]);
    let start = Instant::now();
    let url = server.url("/");
    assert_eq!(failure(&["--timeout", "1", "--export", "json", &url]), format!("folio: {url}: timed out after 1 s"));
    assert!(start.elapsed() < Duration::from_secs(3), "{:?}", start.elapsed());
}

#[test]
fn an_endless_body_stops_at_max_size() {
    let server = Server::routes(vec![(
        "/",
        Reply::Stream(Box::new(|s: &mut TcpStream| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<p>");
            let chunk = vec![b'a'; 64 * 1024];
            while s.write_all(&chunk).is_ok() {}
        })),
    )]);
    let url = server.url("/");
    assert_eq!(
        failure(&["--max-size", "2M", "--export", "json", &url]),
        format!("folio: {url}: larger than the 2 MiB limit (see --max-size)")
    );
}

#[test]
fn text_responses_are_read_as_their_format() {
    let plain = "Council approves harbour budget\n\nBy Jane Roe\n\nThe council approved a budget of £4m on Tuesday, \
                 it said in a statement.\n";
    let markdown = "# A Markdown page\n\n## Part one\n\nSome *text* with a [link](https://example.org/).\n";
    let server = Server::routes(vec![
        ("/plain", ok("text/plain; charset=utf-8", plain.as_bytes())),
        ("/md", ok("text/markdown", markdown.as_bytes())),
    ]);
    let a = export(&[&server.url("/plain")]);
    assert_eq!(a["title"], "Council approves harbour budget");
    assert_eq!(a["byline"], "By Jane Roe");
    let a = export(&[&server.url("/md")]);
    assert_eq!(a["title"], "A Markdown page");
    assert_eq!(a["sections"][0]["heading"], "Part one");
}

#[test]
fn a_windows_1252_page_declared_in_the_header() {
    let page = b"<html><head><title>Caf\xe9 prices</title></head><body><article><p>The caf\xe9 on the corner \
        raised its prices by 10% this year, its owner said, citing the cost of coffee beans.</p></article></body></html>";
    let server = Server::routes(vec![("/", ok("text/html; charset=windows-1252", page))]);
    let a = export(&[&server.url("/")]);
    assert_eq!(a["title"], "Café prices");
    assert!(a["sections"][0]["paragraphs"][0]["text"].as_str().unwrap().starts_with("The café on the corner"));
}

#[test]
fn several_inputs_are_json_lines_in_order_and_a_failure_does_not_stop_the_rest() {
    let server = Server::routes(vec![("/story", ok("text/html", STORY.as_bytes()))]);
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("note.txt");
    std::fs::write(&note, "Short note on the budget\n\nThe council said on Monday that it would spend £2m.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let url = server.url("/story");
    let args = ["--export", "json", STORY_PATH, missing.to_str().unwrap(), note.to_str().unwrap(), &url];
    let out = folio(&args, None);
    assert_eq!(out.status.code(), Some(1), "one input failed");
    let err = stderr(&out);
    assert_eq!(err.lines().collect::<Vec<_>>(), [format!("folio: {}: no such file", missing.display())]);
    let titles: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("one article per line")["title"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Harbour bridge reopens after two years of repairs",
            "Short note on the budget",
            "Harbour bridge reopens after two years of repairs"
        ]
    );
}

#[test]
fn several_inputs_prefix_list_and_search_lines_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("note.txt");
    std::fs::write(&note, "Short note on the bridge\n\n\u{201c}The bridge is open,\u{201d} said Ann Lee on Monday.\n")
        .unwrap();
    let note = note.to_str().unwrap();
    let quotes = stdout(&folio(&["--list", "quotes", STORY_PATH, note], None));
    let names: Vec<&str> = quotes.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(names, [STORY_PATH, STORY_PATH, note]);
    assert!(quotes.ends_with(&format!("{note}\t0\t0\tAnn Lee\tThe bridge is open\n")), "{quotes}");
    let out = folio(&["--search", "bridge is", STORY_PATH, note], None);
    assert_eq!(out.status.code(), Some(0));
    let hits = stdout(&out);
    assert!(
        hits.lines().all(|l| l.starts_with(&format!("{STORY_PATH}:")) || l.starts_with(&format!("{note}:"))),
        "{hits}"
    );
    assert!(hits.lines().any(|l| l.starts_with(&format!("{note}:"))), "{hits}");
}
