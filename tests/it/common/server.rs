//! A tiny HTTP/1.1 server for tests: 127.0.0.1 on a free port, a thread per connection,
//! one request per connection (every canned answer says `Connection: close`), and a handler
//! that picks the answer — so a test controls misbehaviour byte for byte.
//!
//! Every request is recorded (request line and headers) before it is answered.
//!
//! Shared by several test binaries, each of which uses only part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use folio::input::fetch::{FetchError, FetchOptions, Fetched, Proxy, fetch};

/// How long a connection thread waits on a silent client, and the longest a `Hang` lasts:
/// bounds that keep a broken test from leaving threads behind for long.
const IO_LIMIT: Duration = Duration::from_secs(10);

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET /path HTTP/1.1`
    pub line: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The request target: `/path`, `http://host/path` or `host:443`.
    pub fn target(&self) -> &str {
        self.line.split(' ').nth(1).unwrap_or("")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What to do with a request.
pub enum Reply {
    /// Send these bytes, then close.
    Raw(Vec<u8>),
    /// Never answer; hold the connection until the client gives up.
    Hang,
    /// Write whatever the function writes (it may stream until the client goes away).
    Stream(Box<dyn FnOnce(&mut TcpStream) + Send>),
}

/// A canned response with `Content-Length` and `Connection: close` added.
pub fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", body.len()));
    Reply::Raw([out.into_bytes(), body.to_vec()].concat())
}

/// `200 OK` with a content type.
pub fn ok(content_type: &str, body: &[u8]) -> Reply {
    response("200 OK", &[("Content-Type", content_type)], body)
}

/// A redirect.
pub fn redirect(status: &str, location: &str) -> Reply {
    response(status, &[("Location", location), ("Content-Type", "text/html")], b"moved")
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct Server {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    accept_thread: Option<thread::JoinHandle<()>>,
}

impl Server {
    /// Starts a server that answers each request with `handler(request)`.
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let accept_thread = {
            let (requests, stop) = (Arc::clone(&requests), Arc::clone(&stop));
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (requests, handler) = (Arc::clone(&requests), Arc::clone(&handler));
                    thread::spawn(move || serve(stream, &requests, &*handler));
                }
            })
        };
        Server { addr, requests, stop, accept_thread: Some(accept_thread) }
    }

    /// Starts a server with a fixed route table (request target -> reply); others get 404.
    pub fn routes(routes: Vec<(&str, Reply)>) -> Server {
        let table: Mutex<Vec<(String, Option<Reply>)>> =
            Mutex::new(routes.into_iter().map(|(path, reply)| (path.to_string(), Some(reply))).collect());
        Server::start(move |request| {
            let mut table = table.lock().unwrap();
            let found = table.iter_mut().find(|(path, _)| path == request.target());
            match found.and_then(|(_, reply)| reply.take()) {
                Some(reply) => reply,
                None => response("404 Not Found", &[("Content-Type", "text/plain")], b"no such route"),
            }
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.accept_thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut stream: TcpStream, requests: &Mutex<Vec<Request>>, handler: &Handler) {
    let _ = stream.set_read_timeout(Some(IO_LIMIT));
    let _ = stream.set_write_timeout(Some(IO_LIMIT));
    let Ok(clone) = stream.try_clone() else { return };
    let mut reader = BufReader::new(clone);
    // A TLS ClientHello (0x16) where HTTP was expected: answer in HTTP, as a real server would.
    match reader.fill_buf() {
        Ok([0x16, ..]) => {
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
            return;
        }
        Ok([]) | Err(_) => return,
        Ok(_) => {}
    }
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    let request = Request { line: line.trim_end().to_string(), headers };
    requests.lock().unwrap().push(request.clone());
    match handler(&request) {
        Reply::Raw(bytes) => {
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
        }
        Reply::Hang => {
            // Wait for the client to close (read gives 0 or an error), within IO_LIMIT.
            let start = Instant::now();
            let mut sink = [0u8; 512];
            while start.elapsed() < IO_LIMIT {
                match reader.read(&mut sink) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e)
                        if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {}
                    Err(_) => break,
                }
            }
        }
        Reply::Stream(write) => write(&mut stream),
    }
}

// Helpers for calling fetch().

pub const PAGE: &str = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Zoë’s café</p></body></html>";

pub const MIB: u64 = 1024 * 1024;

pub fn get(url: &str) -> Result<Fetched, FetchError> {
    fetch(url, &FetchOptions::default(), &mut |_| {})
}

pub fn get_with(url: &str, opts: &FetchOptions) -> Result<Fetched, FetchError> {
    fetch(url, opts, &mut |_| {})
}

/// Options with a proxy environment given as pairs.
pub fn with_env(pairs: &[(&str, String)]) -> FetchOptions {
    let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let proxy = Proxy::from_getter(|name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()));
    FetchOptions { proxy, ..FetchOptions::default() }
}
