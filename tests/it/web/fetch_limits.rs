//! fetch()'s limits against a local server: time-outs, the size cap, compression bombs.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use crate::common::server::{MIB, Reply, Server, get_with, response};
use flate2::Compression;
use folio::input::fetch::{FetchOptions, Problem, fetch};

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::routes(vec![("/", Reply::Hang)]);
    let opts = FetchOptions { timeout: Duration::from_secs(2), ..FetchOptions::default() };
    let start = Instant::now();
    let err = get_with(&server.url("/"), &opts).unwrap_err();
    let elapsed = start.elapsed();
    assert_eq!(err.to_string(), format!("{}: timed out after 2 s", server.url("/")));
    assert!(elapsed >= Duration::from_millis(1900) && elapsed < Duration::from_secs(3), "{elapsed:?}");
}

#[test]
fn a_trickling_body_is_bounded_by_the_overall_timeout() {
    let server = Server::routes(vec![(
        "/",
        Reply::Stream(Box::new(|s: &mut TcpStream| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n");
            for _ in 0..100 {
                if s.write_all(b"x").is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })),
    )]);
    let opts = FetchOptions { timeout: Duration::from_secs(1), ..FetchOptions::default() };
    let start = Instant::now();
    let err = get_with(&server.url("/"), &opts).unwrap_err();
    assert_eq!(err.problem, Problem::TimedOut(Duration::from_secs(1)));
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
}

#[test]
fn an_endless_body_stops_at_the_cap() {
    let server = Server::routes(vec![
        (
            "/chunked",
            endless(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n",
                chunked(&[b'a'; 16384]),
            ),
        ),
        (
            "/close",
            endless(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n", vec![b'b'; 16384]),
        ),
    ]);
    let opts = FetchOptions { max_size: MIB, ..FetchOptions::default() };
    for path in ["/chunked", "/close"] {
        let start = Instant::now();
        let mut last = 0;
        let err = fetch(&server.url(path), &opts, &mut |n| last = n).unwrap_err();
        assert_eq!(err.to_string(), format!("{}: larger than the 1 MiB limit", server.url(path)));
        assert!(start.elapsed() < Duration::from_secs(2), "{path}: {:?}", start.elapsed());
        assert!(last > MIB && last < 2 * MIB, "{path}: read {last} bytes");
    }
}

#[test]
fn a_gzip_bomb_stops_at_the_cap() {
    // An endless gzip stream of zeros: a header, one 1 MiB block, then a block that repeats
    // forever (each a byte-aligned run of back-references: 1 MiB of zeros from ~1 KB).
    let mut compress = flate2::Compress::new(Compression::best(), false);
    let mut deflated = |input: &[u8]| {
        let mut out = Vec::with_capacity(64 * 1024);
        compress.compress_vec(input, &mut out, flate2::FlushCompress::Sync).unwrap();
        out
    };
    let zeros = vec![0u8; MIB as usize];
    let first = deflated(&zeros);
    let repeat = deflated(&zeros);
    assert!(repeat.len() < 4096, "{}", repeat.len());
    let head = [
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n"
            .as_slice(),
        &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255],
        &first,
    ]
    .concat();
    let server = Server::routes(vec![(
        "/bomb",
        Reply::Stream(Box::new(move |s: &mut TcpStream| {
            if s.write_all(&head).is_err() {
                return;
            }
            while s.write_all(&repeat).is_ok() {}
        })),
    )]);
    let opts = FetchOptions { max_size: MIB, ..FetchOptions::default() };
    let start = Instant::now();
    let mut received = 0;
    let err = fetch(&server.url("/bomb"), &opts, &mut |n| received = n).unwrap_err();
    assert_eq!(err.problem, Problem::TooLarge { limit: MIB });
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
    assert!(received < 256 * 1024, "only a little compressed data is read: {received}");
}

#[test]
fn a_declared_length_over_the_cap_fails_before_reading() {
    let server = Server::routes(vec![("/", response("200 OK", &[("Content-Type", "text/html")], &vec![b'x'; 2000]))]);
    let opts = FetchOptions { max_size: 1000, ..FetchOptions::default() };
    let mut calls = 0;
    let err = fetch(&server.url("/"), &opts, &mut |_| calls += 1).unwrap_err();
    assert_eq!(err.problem, Problem::TooLarge { limit: 1000 });
    assert_eq!(err.to_string(), format!("{}: larger than the 1000 bytes limit", server.url("/")));
    assert_eq!(calls, 0);
}

#[test]
fn connect_timeout_on_a_full_accept_queue() {
    use std::os::fd::AsRawFd;
    // A listener that never accepts, with the smallest backlog: once its queue is full, the
    // kernel drops further SYNs on the floor, so connecting hangs (all on loopback).
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    // SAFETY: listen(2) on a socket we own; it only changes the backlog.
    assert_eq!(unsafe { libc::listen(listener.as_raw_fd(), 0) }, 0);
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..8 {
        match TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
            Ok(s) => fillers.push(s),
            Err(_) => break, // the queue is full
        }
    }
    let opts = FetchOptions { connect_timeout: Duration::from_millis(500), ..FetchOptions::default() };
    let start = Instant::now();
    let err = get_with(&format!("http://{addr}/"), &opts).unwrap_err();
    assert_eq!(err.problem, Problem::ConnectTimedOut(Duration::from_millis(500)), "{err}");
    assert!(err.to_string().ends_with("could not connect: timed out after 0.5 s"), "{err}");
    assert!(start.elapsed() < Duration::from_millis(1500), "{:?}", start.elapsed());
}

/// Writes `head`, then `chunk` forever, until the client hangs up.
fn endless(head: &'static [u8], chunk: Vec<u8>) -> Reply {
    Reply::Stream(Box::new(move |s: &mut TcpStream| {
        if s.write_all(head).is_err() {
            return;
        }
        while s.write_all(&chunk).is_ok() {}
    }))
}

fn chunked(data: &[u8]) -> Vec<u8> {
    [format!("{:x}\r\n", data.len()).into_bytes(), data.to_vec(), b"\r\n".to_vec()].concat()
}
