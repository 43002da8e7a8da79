//! What folio must not give away or follow (issue 21, items 8 and 9): a password in a URL
//! is never written, a dead proxy is named as the proxy, links that would run script are
//! no links from any format, and stderr carries no control either.

use crate::common::pty::Pty;
use crate::common::server::{Reply, Server, with_env};
use crate::common::{folio, stderr};
use folio::input::fetch::Problem;

/// `http://alice:S3CRET@host/…`, on a server of the test's own.
fn with_password(server: &Server, path: &str) -> String {
    server.url(path).replacen("http://", "http://alice:S3CRET@", 1)
}

#[test]
fn a_password_in_a_url_is_never_printed() {
    let server = Server::routes(vec![("/gone", Reply::Raw(Vec::new()))]);
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let dead = format!("http://alice:S3CRET@{}/page", closed.local_addr().expect("addr"));
    drop(closed);
    for url in [with_password(&server, "/missing"), with_password(&server, "/gone"), dead] {
        let out = folio(&["--export", "text", "--timeout", "5", &url], None);
        let err = stderr(&out);
        assert!(!out.status.success(), "{err}");
        assert!(err.contains("alice:***@") && !err.contains("S3CRET"), "{url}: {err}");
    }
}

#[test]
fn a_password_in_a_url_is_not_on_the_fetching_screen() {
    let server = Server::routes(vec![("/slow", Reply::Hang)]);
    let url = with_password(&server, "/slow");
    let mut t = Pty::spawn(&[&url], 120, 30);
    let screen = t.wait_for("alice:***@");
    assert!(!screen.contains("S3CRET"), "{screen}");
    t.keys(&[b"q"]);
    t.wait_exit();
    assert!(!String::from_utf8_lossy(&t.raw()).contains("S3CRET"), "nowhere in what reached the terminal");
}

#[test]
fn a_dead_proxy_is_named_as_the_proxy() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let proxy = format!("http://user:pw@{}", closed.local_addr().expect("addr"));
    drop(closed);
    let opts = with_env(&[("HTTP_PROXY", proxy)]);
    let err = crate::common::server::get_with("http://site.test/", &opts).unwrap_err();
    match &err.problem {
        Problem::Proxy(why) => assert!(why.starts_with("could not connect to http://user:***@127.0.0.1:"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn script_links_from_markdown_and_json_are_no_links() {
    let md = "# Links\n\nA [bad one](javascript:alert(1)) and [a data one](data:text/html,x) beside \
              [a good one](https://example.org/a) and [a tabbed one](java\tscript:alert(2)).\n";
    let a = folio::article::parse(md, None).expect("parses");
    let urls: Vec<&str> = a.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://example.org/a"]);
    assert!(
        a.paragraphs()
            .all(|(_, _, p)| p.spans().iter().all(|s| s.href.as_deref().is_none_or(|h| h.starts_with("https"))))
    );
    // The words stay.
    assert!(a.paragraphs().any(|(_, _, p)| p.text.contains("bad one")));
    // Read back from an export that carries them, and a canonical link that is one.
    let good = folio::article::parse(&md.replace("javascript", "https"), None).expect("parses");
    let mut out = Vec::new();
    folio::article::export::write_json(&good, &mut out).expect("export");
    let mut json: serde_json::Value = serde_json::from_slice(&out).expect("json");
    json["links"][0]["url"] = "javascript:alert(3)".into();
    json["source"] = "javascript:alert(4)".into();
    let a = folio::article::parse(&json.to_string(), None).expect("reads back");
    assert!(a.links.iter().all(|l| !l.url.contains("javascript")), "{:?}", a.links);
    assert_eq!(a.source, None);
    let page = "<html><head><link rel=canonical href=\"javascript:alert(5)\"></head><body><article><h1>T</h1>\
                <p>The story itself, in words enough to be read as the article's text here.</p></article></body></html>";
    let a = folio::article::parse_structure_at(page, Some(folio::article::Format::Html), None).expect("a page");
    assert_eq!(a.source, None);
}

#[test]
fn stderr_carries_no_escape_from_the_config_or_the_environment() {
    let home = tempfile::tempdir().expect("dir");
    let config = home.path().join("config").join("folio");
    std::fs::create_dir_all(&config).expect("dir");
    std::fs::write(config.join("config.toml"), "\"\\u001b]0;pwned\\u0007\" = 1\n").expect("write");
    let mut t = Pty::spawn_with_env(
        &[],
        100,
        30,
        &[
            ("XDG_CONFIG_HOME", home.path().join("config").to_str().expect("utf-8")),
            ("XDG_STATE_HOME", "/dev/null/\u{1b}[2Jx"),
        ],
    );
    t.wait_for("Threatening progress made");
    t.keys(&[b"q"]);
    t.wait_exit();
    let raw = t.raw();
    assert!(!crate::common::pty::contains(&raw, b"\x1b]0;pwned"), "the config's key reached the terminal");
    assert!(!crate::common::pty::contains(&raw, b"\x1b[2Jx"), "the state folder's name reached the terminal");
}
