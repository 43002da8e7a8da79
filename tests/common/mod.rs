//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// `../shared` beside the checkout, where CI keeps third-party articles. `None` (with a
/// notice on stderr) when it is absent, as on a user's machine.
pub fn shared(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {test} skipped: {} is absent (third-party articles live there)", dir.display());
        None
    }
}

/// Runs the real binary with `args` and `stdin`, stdout and stderr captured.
pub fn folio(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.env_remove("NO_COLOR");
    let mut child = cmd.spawn().expect("folio binary runs");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // The child may exit before reading everything (e.g. on a size limit).
        let _ = pipe.write_all(input);
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("folio finishes")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Scores an export with the shared scorer; returns (passed, its report).
pub fn score(shared: &std::path::Path, gold: &std::path::Path, export_json: &str, min: Option<f64>) -> (bool, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let export = dir.path().join("export.json");
    std::fs::write(&export, export_json).expect("write export");
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("tools").join("score-extraction")).arg(gold).arg(&export);
    if let Some(m) = min {
        cmd.arg("--min").arg(m.to_string());
    }
    let out = cmd.output().expect("python3 runs the scorer");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The reader on the bundled article, laid out for a `width` x `height` terminal.
pub fn bundled_app(width: u16, height: u16) -> folio::app::App {
    let article = folio::article::parse(folio::BUNDLED_ARTICLE, None).expect("bundled article parses");
    let mut app = folio::app::App::new(article, 88);
    folio::app::update(&mut app, folio::app::Action::Resize(width, height));
    app
}

/// Applies actions in order.
pub fn press(app: &mut folio::app::App, actions: &[folio::app::Action]) {
    for &a in actions {
        folio::app::update(app, a);
    }
}

/// Draws the app into a test terminal of its size and returns the buffer.
pub fn render(app: &folio::app::App) -> ratatui::buffer::Buffer {
    let (w, h) = app.size;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| folio::ui::draw(f, app)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The runs of text drawn with `style`'s modifiers and colours, in reading order.
pub fn styled_runs(buf: &ratatui::buffer::Buffer, style: ratatui::style::Style) -> Vec<String> {
    let area = buf.area;
    let mut runs = Vec::new();
    for y in area.top()..area.bottom() {
        let mut run = String::new();
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            let matches = style.bg.is_none_or(|bg| cell.bg == bg)
                && style.fg.is_none_or(|fg| cell.fg == fg)
                && cell.modifier.contains(style.add_modifier);
            if matches {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    runs
}
