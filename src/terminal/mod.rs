//! The terminal: raw mode and the alternate screen on the way in, and always back out:
//! on quit, on error, on panic, and on SIGTERM, SIGHUP or SIGINT. And the event loop that
//! turns terminal events into actions.

use crate::app::listing::Destination;
use crate::app::loading::{Loaded, Loader};
use crate::app::{Action, App, Effect, update};
use crate::ui::Options;
use crate::ui::draw;
pub use signals::before_emergency_exit;
use signals::{save_modes, watch_hangup, watch_signals};

mod effects;
mod signals;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::time::Duration;

pub type Tui = Terminal<CrosstermBackend<FrameWriter>>;

/// Frames go out through one buffer, flushed once per frame: one write(2) for a whole
/// screen instead of one per kilobyte of it. Unlike a `BufWriter`, what is left unflushed
/// is dropped, not written: after a panic mid-frame, the half-frame must not land on the
/// screen the panic hook has just restored.
pub struct FrameWriter {
    buf: Vec<u8>,
    out: Stdout,
}

impl FrameWriter {
    fn new() -> Self {
        FrameWriter { buf: Vec::with_capacity(64 * 1024), out: io::stdout() }
    }
}

impl io::Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.out.write_all(&self.buf).and_then(|()| self.out.flush());
        self.buf.clear();
        result
    }
}

/// Puts the terminal back as it was. Safe to call more than once and from a panic hook:
/// it ignores errors and never panics.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, crossterm::cursor::Show);
}

/// Restores the terminal before the previous panic hook prints the panic message, so the
/// message lands on a normal screen.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        signals::last_words();
        previous(info);
    }));
}

/// Raw mode, alternate screen, hidden cursor, and mouse capture unless the mouse is left
/// to the terminal (its own selection then works without Shift).
pub fn init(mouse: bool) -> io::Result<Tui> {
    install_panic_hook();
    save_modes();
    enable_raw_mode()?;
    let mut stdout = FrameWriter::new();
    // Queued, not written: they go out with the first frame, in the same write.
    let queued = queue!(stdout, EnterAlternateScreen, crossterm::cursor::Hide)
        .and_then(|()| if mouse { queue!(stdout, EnableMouseCapture) } else { Ok(()) });
    if let Err(e) = queued {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())
}

/// How the reader ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// SIGTERM, SIGHUP or SIGINT, by number.
    Signal(i32),
    /// The only input could not be read (a fetch that failed): the error to print once
    /// the terminal is back.
    Failed(String),
}

/// Runs the reader until the user quits or a signal arrives. The terminal is restored
/// before this returns, whatever happened.
/// What the reader is run with besides the app: what else arrives behind the first
/// frame (`arriving`: what earlier runs remembered), and who sees the app after every
/// change (`observe`: the command line saves what it remembers from there).
pub struct Around<'a> {
    pub arriving: Option<Receiver<Action>>,
    pub observe: &'a mut dyn FnMut(&App),
}

pub fn run(
    app: &mut App,
    options: &Options,
    loading: Option<Loader>,
    reopen: &dyn Fn(Option<&Destination>) -> Loader,
    around: Around,
) -> io::Result<Ended> {
    // Caught from the start; `watch_signals` passes them on once the first frame is out.
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let mut terminal = init(options.mouse)?;
    let result = event_loop(&mut terminal, app, options, signals, loading, reopen, around);
    restore();
    let _ = terminal.show_cursor();
    result
}

fn event_loop(
    terminal: &mut Tui,
    app: &mut App,
    options: &Options,
    signals: signal_hook::iterator::Signals,
    loader: Option<Loader>,
    reopen: &dyn Fn(Option<&Destination>) -> Loader,
    around: Around,
) -> io::Result<Ended> {
    let Around { arriving, observe } = around;
    let caught = Arc::new(AtomicI32::new(0));
    let mut signals = Some(signals);
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut first_frame = true;
    let mut loader = loader;
    let mut loading: Option<Receiver<Loaded>> = None;
    let mut quit = None;
    // What the outside world reports back: a browser that failed.
    let (results, outside) = std::sync::mpsc::channel::<Action>();
    loop {
        match caught.load(Ordering::SeqCst) {
            0 if quit.is_some() => return Ok(quit.unwrap_or(Ended::Quit)),
            0 => {}
            sig => return Ok(Ended::Signal(sig)),
        }
        if dirty {
            // A resize the terminal has seen but not yet reported is applied first, so the
            // frame is drawn with the layout of its own size.
            let size = terminal.size()?;
            if (size.width, size.height) != app.size() {
                update(app, Action::Resize(size.width, size.height));
            }
            observe(app);
            terminal.draw(|frame| draw(frame, app, options))?;
            dirty = false;
        }
        if first_frame {
            first_frame = false;
            // The rest of a long document starts loading once the first frame is out.
            loading = loader.take().map(Loader::start);
            if let Some(signals) = signals.take() {
                watch_signals(signals, &caught);
            }
            watch_hangup(&caught);
            // For the end-to-end test that a panic leaves the terminal usable; not in a
            // release build.
            #[cfg(debug_assertions)]
            if std::env::var_os("FOLIO_TEST_PANIC").is_some() {
                panic!("FOLIO_TEST_PANIC is set");
            }
        }
        // Whatever the loader has finished since the last frame.
        if let Some(rx) = &loading {
            let action = match rx.try_recv() {
                Ok(loaded) => Some(Action::Loaded(loaded)),
                Err(TryRecvError::Disconnected) => {
                    loading = None;
                    Some(Action::LoaderGone)
                }
                Err(TryRecvError::Empty) => None,
            };
            if let Some(action) = action {
                quit = quit.or(carry_out(terminal, update(app, action), &results, reopen, &mut loading)?);
                dirty = true;
                continue;
            }
        }
        if let Some(action) = arriving.as_ref().and_then(|r| r.try_recv().ok()) {
            quit = quit.or(carry_out(terminal, update(app, action), &results, reopen, &mut loading)?);
            dirty = true;
        }
        if let Ok(action) = outside.try_recv() {
            quit = quit.or(carry_out(terminal, update(app, action), &results, reopen, &mut loading)?);
            dirty = true;
        }
        let wait = if loading.is_some() { 20 } else { 100 };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        // Take every event that is waiting, then draw once: a burst of resizes or a held
        // key costs one frame, not one each.
        loop {
            if let Some(action) = to_action(app, &options.keys, event::read()?) {
                quit = quit.or(carry_out(terminal, update(app, action), &results, reopen, &mut loading)?);
                dirty = true;
            }
            if quit.is_some() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// Does what `update` asked; how the reader ends, if it asked to end.
fn carry_out(
    terminal: &mut Tui,
    effect: Option<Effect>,
    results: &Sender<Action>,
    reopen: &dyn Fn(Option<&Destination>) -> Loader,
    loading: &mut Option<Receiver<Loaded>>,
) -> io::Result<Option<Ended>> {
    match effect {
        Some(Effect::Quit) => return Ok(Some(Ended::Quit)),
        Some(Effect::Fail(message)) => return Ok(Some(Ended::Failed(message))),
        Some(Effect::Open(url)) => effects::open(&url, results),
        Some(Effect::Copy(text)) => effects::copy(terminal.backend_mut(), &text)?,
        // A new loader; what the old one still sends is dropped with its channel.
        Some(Effect::Reload(to)) => *loading = Some(reopen(to.as_ref()).start()),
        Some(Effect::Follow(to)) => *loading = Some(reopen(Some(&to)).start()),
        Some(Effect::Stop) => *loading = None,
        None => {}
    }
    Ok(None)
}

fn to_action(app: &App, keys: &crate::keymap::Keymap, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => keys.action_for(app.mode(), &key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel { column: m.column, row: m.row, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { column: m.column, row: m.row, down: false }),
            _ => None,
        },
        _ => None,
    }
}
