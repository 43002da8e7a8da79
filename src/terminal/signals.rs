//! Signals and a terminal that goes away: SIGTERM, SIGHUP and SIGINT are caught and
//! passed to the event loop, which ends cleanly; a loop that cannot (a hung-up terminal
//! leaves input reading end-of-file forever) is ended here, after restoring the terminal
//! with plain system calls.

#[cfg(not(unix))]
use super::restore;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

/// Watches for the caught signals on a thread of its own. The event loop sees the
/// signal within one poll and ends cleanly; if it cannot (a hung-up terminal leaves the
/// input reading end-of-file forever), the thread restores what it can and exits. Started
/// once the first frame is out (a thread costs a tenth of a millisecond to start); a
/// signal that came before waits in `signals` and is seen at once.
pub(super) fn watch_signals(mut signals: signal_hook::iterator::Signals, caught: &Arc<AtomicI32>) {
    let flag = Arc::clone(caught);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            flag.store(sig, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(500));
            // Still here: the event loop is stuck. Restore without taking any lock the
            // stuck thread may hold, save what the reader remembers, and leave.
            restore_raw();
            last_words();
            exit_now(128 + sig);
        }
    });
}

/// What to do before folio ends from here, without going back through the event loop:
/// save what the reader remembers.
static LAST_WORDS: std::sync::OnceLock<Box<dyn Fn() + Send + Sync>> = std::sync::OnceLock::new();

/// Sets what is done before an emergency exit (a stuck loop after a signal, a terminal
/// gone, a panic). Once per process.
pub fn before_emergency_exit(f: Box<dyn Fn() + Send + Sync>) {
    let _ = LAST_WORDS.set(f);
}

pub(super) fn last_words() {
    if let Some(f) = LAST_WORDS.get() {
        f();
    }
}

/// The terminal modes before folio changed them, for `restore_raw`.
#[cfg(unix)]
static ORIGINAL: std::sync::OnceLock<(i32, libc::termios)> = std::sync::OnceLock::new();

#[cfg(unix)]
pub(super) fn save_modes() {
    use std::os::fd::IntoRawFd;
    // An fd of our own on the terminal, kept open for the life of the process.
    let fd = std::fs::File::open("/dev/tty").map(IntoRawFd::into_raw_fd).unwrap_or(libc::STDIN_FILENO);
    // SAFETY: tcgetattr writes into the zeroed termios we own.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut t) } == 0 {
        let _ = ORIGINAL.set((fd, t));
    }
}

/// Puts the terminal back with plain system calls: no locks, no allocation.
#[cfg(unix)]
fn restore_raw() {
    const SEQ: &[u8] = b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1049l\x1b[?25h";
    if let Some((fd, t)) = ORIGINAL.get() {
        // SAFETY: restoring saved modes on an fd we opened; writing a static buffer.
        unsafe {
            libc::tcsetattr(*fd, libc::TCSANOW, t);
        }
    }
    // SAFETY: write(2) of a static buffer to stdout.
    unsafe {
        libc::write(libc::STDOUT_FILENO, SEQ.as_ptr().cast(), SEQ.len());
    }
}

#[cfg(unix)]
fn exit_now(code: i32) -> ! {
    // SAFETY: _exit ends the process without running destructors or flushing, which is
    // what we want when another thread is stuck holding locks.
    unsafe { libc::_exit(code) }
}

#[cfg(not(unix))]
pub(super) fn save_modes() {}

#[cfg(not(unix))]
fn restore_raw() {
    restore();
}

#[cfg(not(unix))]
fn exit_now(code: i32) -> ! {
    std::process::exit(code)
}

/// Ends folio when its terminal goes away without a signal (the window closed, tmux killed):
/// crossterm would otherwise read end-of-file forever. A hung-up terminal answers every
/// ioctl with EIO. The event loop is told as for SIGHUP, and ends the run the usual way,
/// saving what it remembers; if it is stuck, this thread saves it and exits.
#[cfg(unix)]
pub(super) fn watch_hangup(caught: &Arc<AtomicI32>) {
    use std::os::fd::AsRawFd;
    let tty = std::fs::File::open("/dev/tty");
    let flag = Arc::clone(caught);
    std::thread::spawn(move || {
        let fd = match &tty {
            Ok(f) => f.as_raw_fd(),
            Err(_) => libc::STDIN_FILENO,
        };
        loop {
            std::thread::sleep(Duration::from_millis(250));
            // SAFETY: tcgetattr only writes into the termios we pass; the fd stays open
            // for the life of this thread (it owns `tty`).
            let alive = unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                libc::tcgetattr(fd, &mut t) == 0
            };
            if !alive {
                let _ = flag.compare_exchange(0, libc::SIGHUP, Ordering::SeqCst, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(1000));
                // Nothing to restore on a terminal that is gone.
                last_words();
                exit_now(128 + libc::SIGHUP);
            }
        }
    });
}

#[cfg(not(unix))]
pub(super) fn watch_hangup(_caught: &Arc<AtomicI32>) {}
