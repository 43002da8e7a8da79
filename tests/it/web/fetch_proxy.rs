//! fetch() through proxies: fake proxies on 127.0.0.1 record what they are sent.

use crate::common::server::{PAGE, Server, get_with, ok, response, with_env};
use folio::input::fetch::Problem;

#[test]
fn http_proxy_gets_absolute_form_requests() {
    let proxy = Server::routes(vec![("http://news.example.test/story?id=7", ok("text/html", PAGE.as_bytes()))]);
    let opts =
        with_env(&[("HTTP_PROXY", format!("http://{}", proxy.addr)), ("HTTPS_PROXY", "http://127.0.0.1:1".into())]);
    let page = get_with("http://news.example.test/story?id=7#top", &opts).unwrap();
    assert_eq!(page.final_url, "http://news.example.test/story?id=7");
    let requests = proxy.requests();
    assert_eq!(requests[0].line, "GET http://news.example.test/story?id=7 HTTP/1.1");
    assert_eq!(requests[0].header("host"), Some("news.example.test"));
    assert_eq!(requests[0].header("proxy-authorization"), None);
}

#[test]
fn proxy_credentials_are_sent_to_the_proxy() {
    let proxy = Server::routes(vec![("http://site.test:8080/", ok("text/html", PAGE.as_bytes()))]);
    let opts = with_env(&[("http_proxy", format!("http://reader:p%40ss@{}", proxy.addr))]);
    get_with("http://site.test:8080/", &opts).unwrap();
    // base64("reader:p@ss")
    assert_eq!(proxy.requests()[0].header("proxy-authorization"), Some("Basic cmVhZGVyOnBAc3M="));
}

#[test]
fn no_proxy_bypasses_the_proxy() {
    let proxy = Server::routes(vec![]);
    let server = Server::routes(vec![("/", ok("text/html", PAGE.as_bytes()))]);
    let opts =
        with_env(&[("HTTP_PROXY", format!("http://{}", proxy.addr)), ("NO_PROXY", "localhost, 127.0.0.1".into())]);
    assert_eq!(get_with(&server.url("/"), &opts).unwrap().text, PAGE);
    assert!(proxy.requests().is_empty());
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn https_goes_through_the_proxy_with_connect() {
    let proxy = Server::routes(vec![("secure.example.test:443", response("403 Forbidden", &[], b""))]);
    let opts = with_env(&[("HTTPS_PROXY", format!("http://{}", proxy.addr))]);
    let err = get_with("https://secure.example.test/a", &opts).unwrap_err();
    assert_eq!(proxy.requests()[0].line, "CONNECT secure.example.test:443 HTTP/1.1");
    assert_eq!(err.problem, Problem::Proxy("the proxy refused the connection (HTTP 403 Forbidden)".into()));
}

#[test]
fn a_bad_proxy_setting_names_the_variable() {
    let opts = with_env(&[("HTTP_PROXY", "http://[::1".into())]);
    let err = get_with("http://site.test/", &opts).unwrap_err();
    assert_eq!(err.problem, Problem::Proxy("invalid proxy URL in HTTP_PROXY".into()));
}

#[test]
fn an_unresolvable_proxy_names_the_proxy_host() {
    let opts = with_env(&[("HTTP_PROXY", "http://proxy.corp.invalid:3128".into())]);
    let err = get_with("http://site.test/", &opts).unwrap_err();
    assert_eq!(err.problem, Problem::Resolve { host: "proxy.corp.invalid".into() });
}

#[test]
fn all_proxy_socks5h_tunnels_to_the_named_host() {
    use std::io::{Read, Write};
    use std::net::TcpListener;
    // A one-connection SOCKS5 proxy (RFC 1928, no authentication) that answers the tunnelled
    // HTTP request itself and reports the host it was asked for.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let proxy = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut greeting = [0u8; 3];
        s.read_exact(&mut greeting).unwrap();
        assert_eq!(greeting, [5, 1, 0]);
        s.write_all(&[5, 0]).unwrap();
        let mut head = [0u8; 5];
        s.read_exact(&mut head).unwrap();
        assert_eq!(&head[..4], &[5, 1, 0, 3], "CONNECT to a domain name");
        let mut rest = vec![0u8; usize::from(head[4]) + 2];
        s.read_exact(&mut rest).unwrap();
        let (host, port) = rest.split_at(rest.len() - 2);
        let target = format!("{}:{}", String::from_utf8_lossy(host), u16::from_be_bytes([port[0], port[1]]));
        s.write_all(&[5, 0, 0, 1, 0, 0, 0, 0, 0, 0]).unwrap();
        let mut request = Vec::new();
        let mut byte = [0u8; 1];
        while !request.ends_with(b"\r\n\r\n") && s.read(&mut byte).unwrap() == 1 {
            request.push(byte[0]);
        }
        let body = PAGE.as_bytes();
        let head = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", body.len());
        s.write_all(&[head.as_bytes(), body].concat()).unwrap();
        (target, String::from_utf8_lossy(&request).lines().next().unwrap_or("").to_string())
    });
    let opts = with_env(&[("ALL_PROXY", format!("socks5h://{addr}"))]);
    let page = get_with("http://onion.example.test/a", &opts).unwrap();
    assert_eq!(page.text, PAGE);
    let (target, line) = proxy.join().unwrap();
    assert_eq!(target, "onion.example.test:80");
    assert_eq!(line, "GET /a HTTP/1.1", "inside a tunnel the request is origin-form");
}

#[test]
fn each_redirect_hop_chooses_its_own_proxy() {
    let direct = Server::routes(vec![("/landing", ok("text/html", PAGE.as_bytes()))]);
    let landing = direct.url("/landing");
    let proxy =
        Server::routes(vec![("http://short.example.test/x", crate::common::server::redirect("302 Found", &landing))]);
    let opts = with_env(&[("http_proxy", format!("http://{}", proxy.addr)), ("no_proxy", "127.0.0.1".into())]);
    let page = get_with("http://short.example.test/x", &opts).unwrap();
    assert_eq!(page.final_url, landing);
    assert_eq!(proxy.requests().len(), 1);
    assert_eq!(direct.requests()[0].line, "GET /landing HTTP/1.1");
}
