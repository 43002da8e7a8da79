//! The reader's state between runs: where reading stopped in each article, its marks, and
//! the searches typed, in `$XDG_STATE_HOME/folio/state.json` (else `~/.local/state/folio/`).
//!
//! Small and bounded: the most recently read [`MAX_ARTICLES`] articles and the last
//! [`MAX_SEARCHES`] searches. Written atomically (a temporary file in the same folder,
//! then a rename), merged with what another folio wrote meanwhile. A file that cannot be
//! read or makes no sense is set aside with a message, never a crash; `--no-state` reads
//! and writes nothing.

use crate::app::memory::{Memory, Recall};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub const MAX_ARTICLES: usize = 500;
pub const MAX_SEARCHES: usize = 100;
/// A file larger than this is not read (it was not written by folio).
const MAX_FILE: u64 = 4 << 20;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// By article key (hexadecimal).
    #[serde(default)]
    pub articles: HashMap<String, Entry>,
    /// Oldest first.
    #[serde(default)]
    pub searches: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(flatten)]
    pub memory: Memory,
    /// When it was last read (seconds since 1970), to drop the oldest first.
    #[serde(default)]
    pub seen: u64,
}

/// `$XDG_STATE_HOME/folio/state.json`, else under `~/.local/state`.
pub fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".local").join("state"))
    })?;
    Some(base.join("folio").join("state.json"))
}

/// The state at `path`: nothing when there is none; otherwise what it holds, or nothing
/// and why it could not be read.
pub fn load(path: &Path) -> (State, Option<String>) {
    let bad = |why: String| (State::default(), Some(format!("state file {} ignored: {why}", path.display())));
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => return bad(e.to_string()),
    };
    let mut text = String::new();
    use std::io::Read;
    if let Err(e) = file.take(MAX_FILE + 1).read_to_string(&mut text) {
        return bad(e.to_string());
    }
    if text.len() as u64 > MAX_FILE {
        return bad("too large".into());
    }
    match serde_json::from_str::<State>(&text) {
        Ok(s) if s.version == 1 => (s, None),
        Ok(s) => bad(format!("version {} is not one this folio reads", s.version)),
        Err(e) => bad(format!("not folio's state ({e})")),
    }
}

impl State {
    /// What the reader starts with.
    pub fn recall(&self, resume: bool, notice: Option<String>) -> Recall {
        let articles = self
            .articles
            .iter()
            .filter_map(|(k, e)| u64::from_str_radix(k, 16).ok().map(|k| (k, e.memory.clone())))
            .collect();
        Recall { articles, searches: self.searches.clone(), resume, notice }
    }

    /// Takes in what a run remembers, and keeps the state within bounds.
    pub fn remember(&mut self, article: Option<(u64, Memory)>, searches: &[String], now: u64) {
        self.version = 1;
        if let Some((key, memory)) = article {
            self.articles.insert(format!("{key:016x}"), Entry { memory, seen: now });
        }
        for s in searches {
            self.searches.retain(|x| x != s);
            self.searches.push(s.clone());
        }
        let extra = self.searches.len().saturating_sub(MAX_SEARCHES);
        self.searches.drain(..extra);
        if self.articles.len() > MAX_ARTICLES {
            let mut by_age: Vec<(u64, String)> = self.articles.iter().map(|(k, e)| (e.seen, k.clone())).collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(self.articles.len() - MAX_ARTICLES) {
                self.articles.remove(&k);
            }
        }
    }
}

pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Saves a run's memory: read what is there now (another folio may have written since
/// this one started), take this run's in, write it whole to a temporary file beside it
/// and rename that over it, so a reader of the file never sees half of it.
pub fn save(path: &Path, article: Option<(u64, Memory)>, searches: &[String]) -> Result<(), String> {
    let (mut state, _) = load(path);
    state.remember(article, searches, now());
    let dir = path.parent().ok_or("no folder for the state file")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let text = serde_json::to_string(&state).map_err(|e| e.to_string())?;
    let tmp = dir.join(format!(".state.json.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: {e}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory(block: usize) -> Memory {
        Memory {
            at: Some((block, 0)),
            progress: 10,
            marks: [('a', (block, 3))].into_iter().collect(),
            ..Default::default()
        }
    }

    #[test]
    fn saved_then_loaded_gives_the_same_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("folio").join("state.json");
        save(&path, Some((42, memory(7))), &["treaty".into()]).unwrap();
        let (state, notice) = load(&path);
        assert_eq!(notice, None);
        let recall = state.recall(true, None);
        assert_eq!(recall.articles.get(&42), Some(&memory(7)));
        assert_eq!(recall.searches, ["treaty"]);
        // Nothing is left beside it.
        let names: Vec<_> =
            std::fs::read_dir(path.parent().unwrap()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, ["state.json"]);
    }

    #[test]
    fn a_corrupt_or_foreign_file_is_ignored_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        for (bytes, says) in [
            (&b"{\"version\": 1, \"articles\": [1, 2"[..], "not folio's state"),
            (b"\xff\xfe\x00garbage", "ignored"),
            (b"{\"version\": 9}", "version 9"),
        ] {
            std::fs::write(&path, bytes).unwrap();
            let (state, notice) = load(&path);
            assert_eq!(state, State::default());
            assert!(notice.as_deref().is_some_and(|n| n.contains(says) && n.contains("state.json")), "{notice:?}");
            // Saving over it works, and gives a good file.
            save(&path, Some((1, memory(1))), &[]).unwrap();
            assert_eq!(load(&path).1, None);
        }
    }

    #[test]
    fn the_state_stays_small() {
        let mut s = State::default();
        for i in 0..(MAX_ARTICLES + 50) as u64 {
            s.remember(Some((i, memory(i as usize))), &[format!("query {i}")], 1000 + i);
        }
        assert_eq!(s.articles.len(), MAX_ARTICLES);
        assert!(!s.articles.contains_key(&format!("{:016x}", 0)), "the oldest went first");
        assert!(s.articles.contains_key(&format!("{:016x}", MAX_ARTICLES as u64 + 49)));
        assert_eq!(s.searches.len(), MAX_SEARCHES);
        assert_eq!(s.searches.last().map(String::as_str), Some(format!("query {}", MAX_ARTICLES + 49).as_str()));
        // A search typed again moves to the end, once.
        s.remember(None, &["query 600".into(), "query 549".into()], 9999);
        assert_eq!(s.searches.iter().filter(|q| *q == "query 549").count(), 1);
        assert!(serde_json::to_string(&s).unwrap().len() < 200_000, "bounded in bytes too");
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_an_error_not_a_crash() {
        // A file where the folder should be: no one, root included, can write there.
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("folio");
        std::fs::write(&blocker, "not a folder").unwrap();
        let path = blocker.join("state.json");
        let result = save(&path, Some((1, memory(1))), &[]);
        assert!(result.as_ref().is_err_and(|e| e.contains("folio")), "{result:?}");
        assert_eq!(load(&path).0, State::default(), "and reading it is nothing, not a crash");
    }
}
