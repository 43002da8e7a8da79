//! Running the real binary in a pseudo-terminal: keys in, screen (via vt100) and the raw
//! byte stream out. Waits are generous; pty tests are timing-sensitive.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(15);

pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// The child's output has ended (the pty reads end of file once it has exited).
    ended: Arc<AtomicBool>,
    /// Tells the reading thread to let go of the pty (for `hang_up`).
    stop: Arc<AtomicBool>,
    reading: Option<std::thread::JoinHandle<()>>,
    /// This run's own state and config folders (unless the test names its own), so no
    /// run resumes where another left off.
    _home: tempfile::TempDir,
}

impl Pty {
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with_env(args, cols, rows, &[])
    }

    pub fn spawn_with_env(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let system = native_pty_system();
        let pair = system.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_folio"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for var in super::PROXY_VARS {
            cmd.env_remove(var);
        }
        let home = tempfile::tempdir().expect("a temporary folder");
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("folio starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let ended = Arc::new(AtomicBool::new(false));
        let (p, r, e) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&ended));
        let stop = Arc::new(AtomicBool::new(false));
        let halt = Arc::clone(&stop);
        #[cfg(unix)]
        let fd = pair.master.as_raw_fd();
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                // Waits for output a little at a time, so that `hang_up` can take the
                // pty away from under a child that is still running.
                #[cfg(unix)]
                if let Some(fd) = fd {
                    let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
                    // SAFETY: one pollfd for the master, which outlives this thread.
                    let ready = unsafe { libc::poll(&mut poll, 1, 50) };
                    if halt.load(Ordering::SeqCst) {
                        break;
                    }
                    if ready == 0 {
                        continue;
                    }
                }
                let Ok(n) = reader.read(&mut buf) else { break };
                if n == 0 {
                    break;
                }
                if let Ok(mut parser) = p.lock() {
                    parser.process(&buf[..n]);
                }
                if let Ok(mut raw) = r.lock() {
                    raw.extend_from_slice(&buf[..n]);
                }
            }
            e.store(true, Ordering::SeqCst);
        });
        Pty {
            master: Some(pair.master),
            child,
            writer: Some(writer),
            parser,
            raw,
            ended,
            stop,
            reading: Some(reading),
            _home: home,
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("the pty is open");
        w.write_all(bytes).expect("write to pty");
        w.flush().expect("flush pty");
    }

    /// Sends keys one at a time, letting each be read on its own (an ESC followed quickly
    /// by a letter would read as Alt+letter).
    pub fn keys(&mut self, keys: &[&[u8]]) {
        for k in keys {
            self.send(k);
            std::thread::sleep(Duration::from_millis(80));
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().map(|p| p.screen().contents()).unwrap_or_default()
    }

    /// Waits until the screen shows `needle`; the screen then.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {needle:?}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_gone(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if !s.contains(needle) {
                return s;
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {needle:?} to go; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Whether some occurrence of `needle` on screen is drawn on the background `rgb`.
    pub fn has_background(&self, needle: &str, rgb: (u8, u8, u8)) -> bool {
        self.cell_matches(needle, |c| c.bgcolor() == vt100::Color::Rgb(rgb.0, rgb.1, rgb.2))
    }

    /// Whether some occurrence of `needle` on screen is drawn bold.
    pub fn is_bold(&self, needle: &str) -> bool {
        self.cell_matches(needle, vt100::Cell::bold)
    }

    fn cell_matches(&self, needle: &str, test: impl Fn(&vt100::Cell) -> bool) -> bool {
        let Ok(p) = self.parser.lock() else { return false };
        let screen = p.screen();
        let (rows, cols) = screen.size();
        for row in 0..u16::from(rows) {
            let line: String = (0..u16::from(cols))
                .map(|c| match screen.cell(row, c).map(vt100::Cell::contents) {
                    Some(s) if !s.is_empty() => s.to_string(),
                    _ => " ".to_string(),
                })
                .collect();
            for (col, _) in line.match_indices(needle) {
                let col = line[..col].chars().count() as u16;
                if screen.cell(row, col).is_some_and(&test) {
                    return true;
                }
            }
        }
        false
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the pty is open")
            .resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("resize");
        if let Ok(mut p) = self.parser.lock() {
            p.screen_mut().set_size(nz(rows), nz(cols));
        }
    }

    /// Closes the terminal under the running child, as closing its window or
    /// `tmux kill-session` does: every end of the pty's master is closed, so the child
    /// gets SIGHUP, and EIO from its writes.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(r) = self.reading.take() {
            let _ = r.join();
        }
        self.writer = None;
        self.master = None;
        self.ended.store(true, Ordering::SeqCst);
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                // The last bytes: wait for the reader thread to see the end of the output.
                while !self.ended.load(Ordering::SeqCst) {
                    if start.elapsed() > WAIT {
                        panic!("folio exited but its output did not end; the screen:\n{}", self.screen());
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                return status;
            }
            if start.elapsed() > WAIT {
                let _ = self.child.kill();
                panic!("folio did not exit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// The pty's terminal modes (shared by both ends on Linux).
    #[cfg(unix)]
    pub fn termios(&self) -> libc::termios {
        let fd = self.master.as_ref().and_then(|m| m.as_raw_fd()).expect("master fd");
        // SAFETY: tcgetattr writes a termios for a valid fd; `t` is a plain C struct.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(fd, &mut t), 0, "tcgetattr");
            t
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}

/// True when `hay` holds `needle` as a byte sequence.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
