//! Helpers shared by the integration tests.
#![allow(dead_code)]

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
