//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;
pub mod server;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// `../shared` beside the checkout, where CI keeps third-party articles. `None` (with a
/// notice on stderr) when it is absent, as on a user's machine; under `CI=true` its
/// absence fails the test: CI must have it.
pub fn shared(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared");
    if dir.is_dir() {
        return Some(dir);
    }
    let dir = dir.display();
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test} needs {dir} (third-party articles live there), which is absent; CI=true, so it cannot skip");
    }
    // Written past the test harness's capture, so a passing run still shows what it skipped.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "note: {test} skipped: {dir} is absent (third-party articles live there)");
    None
}

/// Proxy settings a test machine may have: tests talk to their own server on 127.0.0.1
/// directly (the proxy tests set their own).
pub const PROXY_VARS: [&str; 8] =
    ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"];

/// Runs the real binary with `args` and `stdin`, stdout and stderr captured.
pub fn folio(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.env_remove("NO_COLOR");
    for var in PROXY_VARS {
        cmd.env_remove(var);
    }
    // Its own state and config folders: no run reads or writes the user's, or another's.
    let home = tempfile::tempdir().expect("a temporary folder");
    cmd.env("XDG_STATE_HOME", home.path().join("state")).env("XDG_CONFIG_HOME", home.path().join("config"));
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
    let mut app = folio::app::App::new(article, folio::reader_options(88));
    folio::app::update(&mut app, folio::app::Action::Resize(width, height));
    app
}

/// Applies actions in order.
pub fn press(app: &mut folio::app::App, actions: &[folio::app::Action]) {
    for a in actions {
        folio::app::update(app, a.clone());
    }
}

/// Draws the app into a test terminal of its size, in the default theme, without OSC 8
/// links, and returns the buffer.
pub fn render(app: &folio::app::App) -> ratatui::buffer::Buffer {
    render_with(app, &folio::ui::theme::Theme::default())
}

/// Draws the app in `theme`.
pub fn render_with(app: &folio::app::App, theme: &folio::ui::theme::Theme) -> ratatui::buffer::Buffer {
    render_options(app, &folio::ui::Options { theme: *theme, hyperlinks: false, ..Default::default() })
}

/// Draws the app with these drawing options.
pub fn render_options(app: &folio::app::App, options: &folio::ui::Options) -> ratatui::buffer::Buffer {
    let (w, h) = app.size();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| folio::ui::draw(f, app, options)).expect("draw");
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

/// An article carrying the shapes terminal attacks take (less CVE-2022-46663 used OSC 8;
/// glow decoded `&#27;` into a live escape).
pub const HOSTILE: &str = "Hostile article title\n\
Clear screen \u{1b}[2J and move \u{1b}[10;10H here, said the attacker in a long enough paragraph.\n\
Window title \u{1b}]0;pwned\u{7} and \u{1b}]2;also\u{1b}\\ and a link \u{1b}]8;;http://evil.example\u{7}click\u{1b}]8;;\u{7} here.\n\
Clipboard \u{1b}]52;c;cm0gLXJmIH4K\u{7} and DCS \u{1b}Pqpayload\u{1b}\\ and an 8-bit CSI \u{9b}31m red.\n\
Bell \u{7} backspace \u{8} delete \u{7f} and NUL-free controls \u{1}\u{2}\u{3} in a sentence.\n\
Bidi \u{202e}desrever\u{202c} and isolate \u{2066}x\u{2069} and zero\u{200b}width joiner \u{200d}x.\n\
Entity &#27;[31m stays text, as does \\x1b literally.\n";

/// The escapes above, as bytes: none may reach the terminal.
pub const FORBIDDEN: &[&[u8]] = &[
    b"\x1b[2J",
    b"\x1b[10;10H",
    b"\x1b]0;pwned",
    b"\x1b]2;also",
    b"\x1b]8;;http://evil",
    b"\x1b]52;",
    b"\x1bPq",
    b"\xc2\x9b",
    b"\x9b31m",
    b"\x07",
    b"\x08",
    b"\xe2\x80\xae",
    b"\xe2\x81\xa6",
    b"\xe2\x80\x8b",
];

/// The words the reader shows of an article (its source line aside), as a reader counts
/// them: runs of letters between spaces.
pub fn words_shown(text: &str) -> usize {
    let article = folio::article::parse(text, None).expect("parses");
    let doc = folio::app::document::Document::new(&article);
    doc.blocks
        .iter()
        .filter(|b| !matches!(b.kind, folio::app::document::DocKind::Source))
        .map(|b| b.text.split_whitespace().count())
        .sum()
}

/// Minutes to read `words` at `wpm`, rounded, at least one.
pub fn reading_minutes(words: usize, wpm: usize) -> usize {
    ((words as f64 / wpm as f64).round() as usize).max(1)
}

/// "1,204" for 1204.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every `.rs` file under `dir`, for the tests that read the source (`layers`, `tidy`).
pub fn rust_files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}
