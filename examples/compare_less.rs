//! folio beside less in a pseudo-terminal, on the same file: time to the first screen, and
//! time for `/` + a word on the last line + Enter to show that line. Screens are read with
//! a terminal emulator (vt100), as a person would see them. Run by scripts/compare-less.
//!
//! usage: compare_less FILE FOLIO_BINARY [RUNS]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const WORD: &str = "zanzibarquux";
const LAST_LINE: &str = "The last line holds the word";

struct Run {
    first: Duration,
    search: Duration,
}

fn screen(p: &Arc<Mutex<vt100::Parser>>) -> String {
    p.lock().map(|p| p.screen().contents()).unwrap_or_default()
}

fn wait_for(p: &Arc<Mutex<vt100::Parser>>, needle: &str, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if screen(p).contains(needle) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_micros(500));
    }
    None
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
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(ROWS).ok_or("rows")?,
        std::num::NonZeroU16::new(COLS).ok_or("cols")?,
        0,
    )));
    let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
    let mut writer = pair.master.take_writer().map_err(|e| e.to_string())?;
    let p = Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut parser) = p.lock() {
                parser.process(&buf[..n]);
            }
        }
    });
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
    let first = wait_for(&parser, "Chapter 1", Duration::from_secs(20)).ok_or("no first screen")?;
    let _ = start;
    std::thread::sleep(Duration::from_millis(300));
    let t = Instant::now();
    writer.write_all(format!("/{WORD}\r").as_bytes()).map_err(|e| e.to_string())?;
    writer.flush().map_err(|e| e.to_string())?;
    wait_for(&parser, LAST_LINE, Duration::from_secs(60))
        .ok_or_else(|| format!("no last line:\n{}", screen(&parser)))?;
    let search = t.elapsed();
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
    let mut rows = Vec::new();
    for (name, argv) in [("less", vec!["less", file.as_str()]), ("folio", vec![folio.as_str(), file.as_str()])] {
        let mut firsts = Vec::new();
        let mut searches = Vec::new();
        for _ in 0..runs {
            let r = one(&argv).map_err(|e| format!("{name}: {e}"))?;
            firsts.push(r.first);
            searches.push(r.search);
        }
        let (f, s) = (median(firsts), median(searches));
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
