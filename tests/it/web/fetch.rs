//! fetch() against a local server (no test touches the internet or DNS).

use std::io::Write;
use std::net::TcpListener;

use crate::common::server::{PAGE, Reply, Server, get, ok, redirect, response};
use flate2::Compression;
use flate2::write::{GzEncoder, ZlibEncoder};
use folio::input::fetch::{FetchOptions, Kind, Problem, USER_AGENT, fetch};

#[test]
fn html_200() {
    let server = Server::routes(vec![("/story", ok("text/html; charset=utf-8", PAGE.as_bytes()))]);
    let page = get(&server.url("/story")).unwrap();
    assert_eq!(page.kind, Kind::Html);
    assert_eq!(page.text, PAGE);
    assert_eq!(page.final_url, server.url("/story"));
    assert_eq!(page.content_type.as_deref(), Some("text/html"));
    assert!(page.warnings.is_empty());
}

#[test]
fn redirect_301_and_302_chain() {
    let server = Server::routes(vec![
        ("/old", redirect("301 Moved Permanently", "/older/new")),
        ("/older/new", redirect("302 Found", "final?x=1")),
        ("/older/final?x=1", ok("text/html", PAGE.as_bytes())),
    ]);
    let page = get(&server.url("/old")).unwrap();
    assert_eq!(page.final_url, server.url("/older/final?x=1"));
    assert_eq!(page.text, PAGE);
}

#[test]
fn redirect_303_307_308_absolute_and_dot_segments() {
    let server = Server::start(|req| match req.target() {
        "/a" => redirect("303 See Other", "b/c"),
        "/b/c" => redirect("307 Temporary Redirect", "../d/./e"),
        "/d/e" => redirect("308 Permanent Redirect", "//127.0.0.1:1/never"),
        _ => response("404 Not Found", &[], b""),
    });
    // The 308 points at a port nobody listens on: the error names where it got to.
    let err = get(&server.url("/a")).unwrap_err();
    assert_eq!(err.at.as_deref(), Some("http://127.0.0.1:1/never"));
    assert_eq!(err.problem, Problem::Connect("connection refused".into()));
    assert_eq!(server.requests().iter().map(|r| r.target().to_string()).collect::<Vec<_>>(), ["/a", "/b/c", "/d/e"]);
}

#[test]
fn redirect_loop() {
    let server = Server::start(|req| match req.target() {
        "/one" => redirect("302 Found", "/two"),
        _ => redirect("302 Found", "/one"),
    });
    let err = get(&server.url("/one")).unwrap_err();
    assert_eq!(err.to_string(), format!("{}: redirect loop (back to {})", server.url("/one"), server.url("/one")));
}

#[test]
fn too_many_redirects() {
    // /hop/N redirects to /hop/N+1 until N = 12, which answers.
    let server = Server::start(|req| {
        let n: u32 = req.target().trim_start_matches("/hop/").parse().unwrap_or(0);
        if n == 12 {
            ok("text/html", PAGE.as_bytes())
        } else {
            redirect("301 Moved Permanently", &format!("/hop/{}", n + 1))
        }
    });
    let err = get(&server.url("/hop/0")).unwrap_err();
    assert_eq!(err.to_string(), format!("{}: too many redirects (more than 10)", server.url("/hop/0")));
    // Ten are fine.
    assert_eq!(get(&server.url("/hop/2")).unwrap().final_url, server.url("/hop/12"));
}

#[test]
fn http_404_and_500_name_the_status() {
    let server = Server::routes(vec![
        ("/gone", response("404 Not Found", &[("Content-Type", "text/html")], b"<h1>nope</h1>")),
        ("/broken", response("500 Internal Server Error", &[], b"")),
        ("/teapot", response("418 I'm a teapot", &[], b"")),
    ]);
    assert_eq!(
        get(&server.url("/gone")).unwrap_err().to_string(),
        format!("{}: HTTP 404 Not Found", server.url("/gone"))
    );
    assert_eq!(
        get(&server.url("/broken")).unwrap_err().to_string(),
        format!("{}: HTTP 500 Internal Server Error", server.url("/broken"))
    );
    assert_eq!(
        get(&server.url("/teapot")).unwrap_err().problem,
        Problem::Http { status: 418, reason: "I'm a teapot".into() }
    );
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn gzip_br_and_deflate_bodies() {
    let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
    zlib.write_all(PAGE.as_bytes()).unwrap();
    let mut br = Vec::new();
    brotli::BrotliCompress(&mut PAGE.as_bytes(), &mut br, &Default::default()).unwrap();
    let encoded = |encoding: &str, body: &[u8]| {
        response("200 OK", &[("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", encoding)], body)
    };
    let server = Server::routes(vec![
        ("/gz", encoded("gzip", &gzip(PAGE.as_bytes()))),
        ("/br", encoded("br", &br)),
        ("/deflate", encoded("deflate", &zlib.finish().unwrap())),
    ]);
    for path in ["/gz", "/br", "/deflate"] {
        assert_eq!(get(&server.url(path)).unwrap().text, PAGE, "{path}");
    }
}

/// "café – “quotes”" in windows-1252.
const CAFE_1252: &[u8] = b"caf\xe9 \x96 \x93quotes\x94";

#[test]
fn charset_only_in_the_header() {
    let body = [b"<html><body><p>".as_slice(), CAFE_1252, b"</p></body></html>"].concat();
    let server = Server::routes(vec![("/", ok("text/html; charset=windows-1252", &body))]);
    let page = get(&server.url("/")).unwrap();
    assert_eq!(page.text, "<html><body><p>café – “quotes”</p></body></html>");
    assert!(page.warnings.is_empty());
}

#[test]
fn charset_only_in_a_meta_tag() {
    let body = [b"<html><head><meta charset=\"windows-1252\"></head><body><p>".as_slice(), CAFE_1252, b"</p>"].concat();
    let server = Server::routes(vec![("/", ok("text/html", &body))]);
    assert!(get(&server.url("/")).unwrap().text.ends_with("<p>café – “quotes”</p>"));
}

#[test]
fn windows_1252_page_without_a_declaration() {
    let text = "<html><body><p>Le café – “quotes” – était très animé, déjà à midi.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let server = Server::routes(vec![("/", ok("text/html", &bytes))]);
    let page = get(&server.url("/")).unwrap();
    assert_eq!(page.text, text);
    assert_eq!(page.warnings, ["no character set declared; guessed windows-1252"]);
}

#[test]
fn shift_jis_page_without_a_declaration() {
    let text =
        "<html><body><p>東京都の天気は晴れです。今日は気温が高く、夏のような一日になりました。</p></body></html>";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
    let server = Server::routes(vec![("/", ok("text/html", &bytes))]);
    assert_eq!(get(&server.url("/")).unwrap().text, text);
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let server = Server::routes(vec![("/", ok("text/html; charset=utf-8", b"<p>caf\xc3</p>"))]);
    let page = get(&server.url("/")).unwrap();
    assert_eq!(page.text, "<p>caf\u{fffd}</p>");
    assert_eq!(page.warnings, ["invalid bytes in UTF-8 replaced"]);
}

#[test]
fn an_image_is_not_a_web_page() {
    let server = Server::routes(vec![("/logo.png", ok("image/png", b"\x89PNG\r\n\x1a\n"))]);
    assert_eq!(
        get(&server.url("/logo.png")).unwrap_err().to_string(),
        format!("{}: not a web page (image/png)", server.url("/logo.png"))
    );
}

#[test]
fn text_markdown_and_json_kinds() {
    let server = Server::routes(vec![
        ("/a.txt", ok("text/plain; charset=utf-8", b"Plain words.")),
        ("/a.md", ok("text/markdown", "# Title\n\nCaf\u{e9}.".as_bytes())),
        ("/a.markdown", ok("text/x-markdown", b"# T")),
        ("/a.json", ok("application/json", b"{\"title\":\"T\"}")),
    ]);
    let txt = get(&server.url("/a.txt")).unwrap();
    assert_eq!((txt.kind, txt.text.as_str()), (Kind::Text, "Plain words."));
    let md = get(&server.url("/a.md")).unwrap();
    assert_eq!((md.kind, md.text.as_str()), (Kind::Markdown, "# Title\n\nCafé."));
    assert_eq!(get(&server.url("/a.markdown")).unwrap().kind, Kind::Markdown);
    assert_eq!(get(&server.url("/a.json")).unwrap().kind, Kind::Json);
}

#[test]
fn a_missing_content_type_is_sniffed() {
    let server = Server::routes(vec![
        ("/html", response("200 OK", &[], b"\n  <!doctype html><p>x")),
        ("/text", response("200 OK", &[], b"just words")),
        ("/binary", response("200 OK", &[], b"\x00\x01\x02PK")),
        ("/octets", response("200 OK", &[("Content-Type", "application/octet-stream")], b"<html><p>x")),
    ]);
    let html = get(&server.url("/html")).unwrap();
    assert_eq!((html.kind, html.content_type), (Kind::Html, None));
    assert_eq!(get(&server.url("/text")).unwrap().kind, Kind::Text);
    assert_eq!(get(&server.url("/binary")).unwrap_err().problem, Problem::NotAPage("binary data".into()));
    assert_eq!(get(&server.url("/octets")).unwrap().kind, Kind::Html);
}

#[test]
fn connection_refused() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/");
    assert_eq!(get(&url).unwrap_err().to_string(), format!("{url}: could not connect: connection refused"));
}

#[test]
fn the_server_closing_without_an_answer() {
    let server = Server::routes(vec![("/", Reply::Raw(Vec::new()))]);
    assert_eq!(
        get(&server.url("/")).unwrap_err().problem,
        Problem::Network("the server closed the connection without answering".into())
    );
}

#[test]
fn a_truncated_body() {
    let server = Server::routes(vec![(
        "/",
        Reply::Raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<p>short".to_vec()),
    )]);
    assert_eq!(
        get(&server.url("/")).unwrap_err().problem,
        Problem::Network("the connection closed before the page was complete".into())
    );
}

#[test]
fn tls_to_a_plain_http_server() {
    let server = Server::routes(vec![]);
    let url = format!("https://{}/", server.addr);
    let err = get(&url).unwrap_err();
    assert!(matches!(err.problem, Problem::Tls(_)), "{err}");
    assert!(err.to_string().starts_with(&format!("{url}: TLS: ")), "{err}");
}

#[test]
fn a_redirect_to_another_scheme() {
    let server = Server::routes(vec![("/", redirect("302 Found", "ftp://files.example.com/a"))]);
    assert_eq!(
        get(&server.url("/")).unwrap_err().problem,
        Problem::BadRedirect { location: "ftp://files.example.com/a".into(), why: "unsupported URL scheme ftp".into() }
    );
}

#[test]
fn request_headers_reach_the_server() {
    let server = Server::routes(vec![("/", ok("text/html", PAGE.as_bytes()))]);
    get(&server.url("/")).unwrap();
    let requests = server.requests();
    let request = &requests[0];
    assert_eq!(request.line, "GET / HTTP/1.1");
    assert_eq!(request.header("user-agent"), Some(USER_AGENT));
    assert_eq!(USER_AGENT, concat!("folio/", env!("CARGO_PKG_VERSION")));
    assert_eq!(
        request.header("accept"),
        Some("text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.5")
    );
    assert_eq!(request.header("accept-encoding"), Some("gzip, deflate, br"));
    assert_eq!(request.header("host"), Some(server.addr.to_string().as_str()));
}

#[test]
fn no_cookie_is_ever_sent_back() {
    let set_cookie = || response("302 Found", &[("Set-Cookie", "session=abc123; Path=/"), ("Location", "/check")], b"");
    let server = Server::start(move |req| match req.target() {
        "/login" => set_cookie(),
        _ => response("200 OK", &[("Content-Type", "text/html"), ("Set-Cookie", "other=1; Path=/")], b"<p>hi"),
    });
    get(&server.url("/login")).unwrap();
    get(&server.url("/check")).unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for r in &requests {
        assert_eq!(r.header("cookie"), None, "{r:?}");
    }
}

#[test]
fn progress_reports_bytes_as_they_arrive() {
    let body = vec![b'x'; 300_000];
    let server = Server::routes(vec![("/", ok("text/plain", &body))]);
    let mut seen = Vec::new();
    fetch(&server.url("/"), &FetchOptions::default(), &mut |n| seen.push(n)).unwrap();
    assert!(seen.len() > 1, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(seen.last(), Some(&300_000));
}

#[test]
fn progress_is_heard_before_the_body_ends() {
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let gate = std::sync::Mutex::new(Some(gate));
    let server = Server::start(move |_| {
        let gate = gate.lock().unwrap().take().expect("one request");
        Reply::Stream(Box::new(move |s: &mut std::net::TcpStream| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4000\r\n\r\n");
            let _ = s.write_all(&[b'a'; 2000]);
            let _ = s.flush();
            let _ = gate.recv_timeout(std::time::Duration::from_secs(10));
            let _ = s.write_all(&[b'b'; 2000]);
        }))
    });
    let mut heard = Vec::new();
    let page = fetch(&server.url("/"), &FetchOptions::default(), &mut |n| {
        heard.push(n);
        if n == 2000 {
            let _ = release.send(());
        }
    })
    .unwrap();
    assert_eq!(page.text.len(), 4000);
    assert_eq!(heard.first(), Some(&2000), "the first half is heard while the second is held back: {heard:?}");
}
