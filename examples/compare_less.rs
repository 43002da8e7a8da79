//! folio beside less in a pseudo-terminal, on the same file: time to the first screen, and
//! time for `/` + a word on the last line + Enter to show that line. Screens are read with
//! a terminal emulator (vt100), as a person would see them. Run by scripts/compare-less.
//!
//! usage: compare_less FILE FOLIO_BINARY [RUNS]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const WORD: &str = "zanzibarquux";
const LAST_LINE: &str = "The last line holds the word";

struct Run {
    first: Duration,
    search: Duration,
}

/// The emulated screen, and the moment a awaited text first appeared on it. The reader
/// thread checks after every chunk of output, so the time is when the bytes arrived, not
/// when a poll happened to look.
#[derive(Default)]
struct Watch {
    needle: Option<&'static str>,
    seen: Option<Instant>,
}

struct Screen {
    parser: Mutex<(vt100::Parser, Watch)>,
    changed: Condvar,
}

impl Screen {
    fn contents(&self) -> String {
        self.parser.lock().map(|p| p.0.screen().contents()).unwrap_or_default()
    }

    fn expect(&self, needle: &'static str) {
        if let Ok(mut p) = self.parser.lock() {
            p.1 = Watch { needle: Some(needle), seen: None };
        }
    }

    /// When the expected text appeared, waiting at most `limit`.
    fn seen(&self, limit: Duration) -> Option<Instant> {
        let guard = self.parser.lock().ok()?;
        let (guard, _) = self.changed.wait_timeout_while(guard, limit, |p| p.1.seen.is_none()).ok()?;
        guard.1.seen
    }

    fn feed(&self, bytes: &[u8]) {
        if let Ok(mut p) = self.parser.lock() {
            p.0.process(bytes);
            if let Some(needle) = p.1.needle
                && p.1.seen.is_none()
                && p.0.screen().contents().contains(needle)
            {
                p.1.seen = Some(Instant::now());
                self.changed.notify_all();
            }
        }
    }
}

fn one(argv: &[&str]) -> Result<Run, String> {
    let pty = native_pty_system();
    let size = PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 };
    let pair = pty.openpty(size).map_err(|e| e.to_string())?;
    let mut cmd = CommandBuilder::new(argv[0]);
    cmd.args(&argv[1..]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LESS", "");
    cmd.env("LESSOPEN", "");
    let screen = Arc::new(Screen {
        parser: Mutex::new((
            vt100::Parser::new(
                std::num::NonZeroU16::new(ROWS).ok_or("rows")?,
                std::num::NonZeroU16::new(COLS).ok_or("cols")?,
                0,
            ),
            Watch::default(),
        )),
        changed: Condvar::new(),
    });
    let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
    let mut writer = pair.master.take_writer().map_err(|e| e.to_string())?;
    let feed = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.feed(&buf[..n]);
        }
    });
    screen.expect("Chapter 1");
    // From before the fork: starting the program is part of showing the first screen.
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
    let first = screen.seen(Duration::from_secs(20)).ok_or("no first screen")? - start;
    std::thread::sleep(Duration::from_millis(300));
    screen.expect(LAST_LINE);
    let t = Instant::now();
    writer.write_all(format!("/{WORD}\r").as_bytes()).map_err(|e| e.to_string())?;
    writer.flush().map_err(|e| e.to_string())?;
    let search =
        screen.seen(Duration::from_secs(60)).ok_or_else(|| format!("no last line:\n{}", screen.contents()))? - t;
    let _ = child.kill();
    let _ = child.wait();
    Ok(Run { first, search })
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let file = args.get(1).ok_or("usage: compare_less FILE FOLIO [RUNS]")?;
    let folio = args.get(2).ok_or("usage: compare_less FILE FOLIO [RUNS]")?;
    let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(7);
    let size = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    println!("file: {file} ({:.1} MB), terminal {COLS}x{ROWS}, {runs} runs each, medians", size as f64 / 1e6);
    // Runs alternate between the two programs, so a busy moment on the machine falls on
    // both alike.
    let programs = [("less", vec!["less", file.as_str()]), ("folio", vec![folio.as_str(), file.as_str()])];
    let mut firsts = [Vec::new(), Vec::new()];
    let mut searches = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (i, (name, argv)) in programs.iter().enumerate() {
            let r = one(argv).map_err(|e| format!("{name}: {e}"))?;
            firsts[i].push(r.first);
            searches[i].push(r.search);
        }
    }
    let mut rows = Vec::new();
    for (i, (name, _)) in programs.iter().enumerate() {
        let (f, s) = (median(firsts[i].clone()), median(searches[i].clone()));
        println!(
            "{name:6} first screen {:8.1} ms   search to the end {:8.1} ms",
            f.as_secs_f64() * 1e3,
            s.as_secs_f64() * 1e3
        );
        rows.push((f, s));
    }
    let (lf, ls) = rows[0];
    let (ff, fs) = rows[1];
    println!(
        "folio / less: first screen {:.2}x, search to the end {:.3}x",
        ff.as_secs_f64() / lf.as_secs_f64(),
        fs.as_secs_f64() / ls.as_secs_f64()
    );
    Ok(())
}
