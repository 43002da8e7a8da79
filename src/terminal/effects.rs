//! Carrying out what `update` asks beyond drawing: a browser started for a link, detached
//! from the terminal (its output never reaches the screen), and text put on the
//! terminal's clipboard with OSC 52. Failures come back as actions, so the status bar
//! says what went wrong and the screen stays whole.

use crate::app::Action;
use base64::Engine;
use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;

/// Starts a browser on `url` (one `safe_url` passed): `$BROWSER` when set (the first of
/// a `:`-separated list; `%s` stands for the URL, else it goes last), otherwise
/// `xdg-open`, or `open` on macOS. It runs in a process group of its own with no terminal
/// for its input or output; a thread waits for it and reports a failure on `results`.
pub fn open(url: &str, results: &Sender<Action>) {
    let (program, args) = browser(url, std::env::var("BROWSER").ok().as_deref());
    let mut cmd = Command::new(&program);
    cmd.args(&args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    match cmd.spawn() {
        Ok(mut child) => {
            let results = results.clone();
            std::thread::spawn(move || match child.wait() {
                Ok(status) if status.success() => {}
                Ok(status) => {
                    let why = status.code().map_or_else(|| "was stopped".to_string(), |c| format!("exited with {c}"));
                    let _ = results.send(Action::OpenFailed(format!("could not open the link: {program} {why}")));
                }
                Err(e) => {
                    let _ = results.send(Action::OpenFailed(format!("could not open the link: {program}: {e}")));
                }
            });
        }
        Err(e) => {
            let why = if e.kind() == io::ErrorKind::NotFound { "not found".to_string() } else { e.to_string() };
            let _ = results.send(Action::OpenFailed(format!("could not open the link: {program}: {why}")));
        }
    }
}

/// The browser command for `url`: the program and its arguments.
fn browser(url: &str, browser: Option<&str>) -> (String, Vec<String>) {
    let chosen = browser.and_then(|b| b.split(':').map(str::trim).find(|b| !b.is_empty()));
    match chosen {
        Some(b) => {
            let mut words = b.split_whitespace().map(str::to_string);
            let program = words.next().unwrap_or_default();
            let mut args: Vec<String> = words.collect();
            if args.iter().any(|a| a.contains("%s")) {
                args.iter_mut().for_each(|a| *a = a.replace("%s", url));
            } else {
                args.push(url.to_string());
            }
            (program, args)
        }
        None if cfg!(target_os = "macos") => ("open".to_string(), vec![url.to_string()]),
        None => ("xdg-open".to_string(), vec![url.to_string()]),
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard. `text` reaches the terminal only
/// as base64, so nothing in it can act as a control.
pub fn clipboard(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Writes the clipboard sequence out at once.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(clipboard(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_command() {
        let url = "https://example.org/a";
        assert_eq!(browser(url, None).1, [url]);
        assert_eq!(browser(url, Some("firefox")), ("firefox".to_string(), vec![url.to_string()]));
        assert_eq!(
            browser(url, Some("lynx -dump %s:w3m")),
            ("lynx".to_string(), vec!["-dump".to_string(), url.to_string()])
        );
        assert_eq!(browser(url, Some(" :chromium --new-window")).0, "chromium");
    }

    #[test]
    fn clipboard_text_goes_as_base64() {
        let seq = clipboard("“A” — B\u{1b}");
        assert!(seq.starts_with("\u{1b}]52;c;") && seq.ends_with('\u{7}'));
        let payload = &seq["\u{1b}]52;c;".len()..seq.len() - 1];
        assert!(payload.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='));
    }
}
