//! The JSON file folio kept its state in before the store (`state.json`, version 1): read
//! once, entry by entry, into the store, then renamed `state.json.imported`. An entry that
//! cannot be read is left out (and said), not the file; a file that is not JSON at all, or
//! too large to be folio's, is renamed aside; one of another version is left as it is.

use super::{Remembered, Salvaged, Store, set_aside};
use std::io::Read;
use std::path::Path;

/// The old file's name in the state folder.
pub const FILE: &str = "state.json";

/// folio never wrote more than a few hundred kilobytes there.
const MAX_FILE: u64 = 4 << 20;

/// Takes `dir/state.json` into `store`, if it is there; what the user should be told.
pub fn import(store: &Store, dir: &Path, memory_ok: fn(&str) -> bool) -> Option<String> {
    let path = dir.join(FILE);
    let file = std::fs::File::open(&path).ok()?;
    let shown = path.display();
    let mut text = String::new();
    let read = file.take(MAX_FILE + 1).read_to_string(&mut text);
    let value = match read {
        Err(e) => Err(e.to_string()),
        Ok(_) if text.len() as u64 > MAX_FILE => Err("too large to be folio's".to_string()),
        Ok(_) => serde_json::from_str::<serde_json::Value>(&text).map_err(|e| format!("not JSON ({e})")),
    };
    let value = match value {
        Ok(v) => v,
        Err(why) => {
            let to = set_aside(&path)
                .map_or_else(|| "could not be moved".to_string(), |a| format!("moved to {}", a.display()));
            return Some(format!("old state file {shown} could not be read ({why}): {to}"));
        }
    };
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(1) => {}
        other => {
            let v = other.map_or_else(|| "no version".to_string(), |v| format!("version {v}"));
            return Some(format!("old state file {shown} has {v}, not one this folio reads: left as it is"));
        }
    }
    let (rows, bad) = entries(&value, memory_ok);
    if let Err(e) = store.take_in(&rows) {
        return Some(format!("old state file {shown} could not be taken in ({e}): left as it is"));
    }
    let done = path.with_file_name(format!("{FILE}.imported"));
    let moved = std::fs::rename(&path, &done);
    match (bad, moved) {
        // Another folio starting at the same moment took it in and renamed it first.
        (0, Ok(())) => None,
        (0, Err(e)) if e.kind() == std::io::ErrorKind::NotFound => None,
        (_, Err(e)) => Some(format!("old state file {shown} was taken in but not renamed ({e})")),
        (n, Ok(())) => Some(format!(
            "old state file {shown}: {n} entr{} could not be read and {} left out (the file is now {})",
            if n == 1 { "y" } else { "ies" },
            if n == 1 { "was" } else { "were" },
            done.display()
        )),
    }
}

/// The readable articles and searches of a version 1 file, and how many entries were not.
fn entries(value: &serde_json::Value, memory_ok: fn(&str) -> bool) -> (Salvaged, usize) {
    let mut out = Salvaged::default();
    let mut bad = 0;
    if let Some(articles) = value.get("articles").and_then(serde_json::Value::as_object) {
        for (key, entry) in articles {
            let Some(mut fields) = entry.as_object().cloned() else {
                bad += 1;
                continue;
            };
            // The memory's fields and `seen` stood side by side.
            let seen = fields.remove("seen").map(|s| s.as_u64());
            let memory = serde_json::Value::Object(fields).to_string();
            match (u64::from_str_radix(key, 16), seen.unwrap_or(Some(0))) {
                (Ok(key), Some(seen)) if memory_ok(&memory) => {
                    out.articles.push(Remembered { key, memory, seen, title: None, location: None });
                }
                _ => bad += 1,
            }
        }
    }
    if let Some(searches) = value.get("searches").and_then(serde_json::Value::as_array) {
        for s in searches {
            match s.as_str() {
                Some(q) => out.searches.push(q.to_string()),
                None => bad += 1,
            }
        }
    }
    (out, bad)
}
