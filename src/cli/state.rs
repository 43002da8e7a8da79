//! The reader's state between runs, kept in the store (`crate::store`, in
//! `$XDG_STATE_HOME/folio/`, else `~/.local/state/folio/`): what the reader starts from,
//! and a [`Keeper`] that saves what it remembers as it changes (a second after, on a
//! thread of its own, so the screen never waits for the disk) and once more on every way
//! out, a closed terminal included. `--no-state` opens none of it.

use crate::app::memory::{Memory, Recall};
use crate::store::{Remembered, Saving, Store};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

pub use crate::store::{MAX_ARTICLES, MAX_SEARCHES};

/// How long after a change the place is saved: a burst of keys is one write.
const SETTLE: Duration = Duration::from_secs(1);

/// folio's state folder: `$XDG_STATE_HOME/folio`, else `~/.local/state/folio`.
pub fn dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".local").join("state"))
    })?;
    Some(base.join("folio"))
}

/// Whether an entry's memory is one this reader can read.
fn memory_ok(json: &str) -> bool {
    serde_json::from_str::<Memory>(json).is_ok()
}

/// The store in `dir`, and what to say about it.
pub fn open(dir: &Path) -> (Option<Store>, Vec<String>) {
    let opened = Store::open(dir, memory_ok);
    (opened.store, opened.notices)
}

/// What the reader starts with from the store; `notices` go to the status bar.
pub fn recall(store: Option<&Store>, mut notices: Vec<String>, resume: bool) -> Recall {
    let mut articles = std::collections::HashMap::new();
    let mut searches = Vec::new();
    let mut read = Default::default();
    if let Some(s) = store {
        match s.articles() {
            Ok(rows) => articles.extend(
                rows.into_iter().filter_map(|r| serde_json::from_str::<Memory>(&r.memory).ok().map(|m| (r.key, m))),
            ),
            Err(e) => notices.push(format!("state file {}: {e}", s.path().display())),
        }
        match s.searches() {
            Ok(q) => searches = q,
            Err(e) => notices.push(format!("state file {}: {e}", s.path().display())),
        }
        match s.read_entries() {
            Ok(r) => read = r,
            Err(e) => notices.push(format!("state file {}: {e}", s.path().display())),
        }
    }
    let notice = (!notices.is_empty()).then(|| notices.join("; "));
    Recall { articles, searches, resume, notice, read }
}

/// What one run would save now: the article (its key and memory, its title and where it
/// was read from) and the searches typed in this run.
pub fn saving(
    article: Option<(u64, Memory)>,
    title: Option<String>,
    location: Option<String>,
    searches: Vec<String>,
) -> Saving {
    let article = article.and_then(|(key, m)| {
        let memory = serde_json::to_string(&m).ok()?;
        Some(Remembered { key, memory, seen: 0, title, location })
    });
    Saving { article, searches, ..Saving::default() }
}

/// The run's keeper, once the store is open (it opens behind the first frame), with the
/// searches recalled at the start (those typed in the run are the ones saved).
#[derive(Clone, Default)]
pub struct Kept(Arc<Mutex<Option<Keeping>>>);

struct Keeping {
    keeper: Keeper,
    /// The searches earlier runs remembered.
    recalled: Vec<String>,
    /// What was offered last.
    last: Option<Saving>,
}

impl Kept {
    /// Takes the opened store; from now on what the reader remembers is saved, including
    /// before an emergency exit.
    pub fn keep(&self, store: Option<Store>, recall: &Recall) {
        let Some(store) = store else { return };
        let keeper = Keeper::new(store);
        crate::terminal::before_emergency_exit(Box::new(keeper.last_words()));
        if let Ok(mut k) = self.0.lock() {
            *k = Some(Keeping { keeper, recalled: recall.searches.clone(), last: None });
        }
    }

    /// Offers the app's memory to the keeper when it has changed.
    pub fn offer(&self, app: &crate::app::App) {
        let Ok(mut k) = self.0.lock() else { return };
        let Some(Keeping { keeper, recalled, last }) = k.as_mut() else { return };
        let (article, searches) = app.memory();
        // Only the searches typed in this run: another reader's meanwhile keep their place.
        let typed: Vec<String> = searches.iter().filter(|q| !recalled.contains(q)).cloned().collect();
        let mut now = saving(article, Some(app.article().display_title()), app.location().map(str::to_string), typed);
        now.read = app.read_now().to_vec();
        if last.as_ref() != Some(&now) {
            keeper.offer(now.clone());
            *last = Some(now);
        }
    }

    /// Saves what is pending and stops the keeper.
    pub fn finish(&self) -> Result<(), String> {
        match self.0.lock().ok().and_then(|mut k| k.take()) {
            Some(k) => k.keeper.finish(),
            None => Ok(()),
        }
    }
}

/// Saves a run's memory as it changes and when the run ends, however it ends.
pub struct Keeper {
    shared: Arc<Shared>,
    worker: Option<std::thread::JoinHandle<()>>,
}

struct Shared {
    store: Mutex<Store>,
    /// The latest memory not yet saved.
    pending: Mutex<Option<Saving>>,
    wake: Condvar,
    stop: AtomicBool,
}

impl Shared {
    /// Saves what is pending, now, on this thread.
    fn flush(&self) -> Result<(), String> {
        // The store first: a save under way on the worker finishes before this one.
        let store = self.store.lock().map_err(|_| "the state keeper failed".to_string())?;
        let pending = self.pending.lock().ok().and_then(|mut p| p.take());
        let Some(mut saving) = pending else { return Ok(()) };
        if let Some(a) = &mut saving.article {
            a.seen = crate::store::now();
        }
        store.save(&saving)
    }
}

impl Keeper {
    pub fn new(store: Store) -> Keeper {
        let shared = Arc::new(Shared {
            store: Mutex::new(store),
            pending: Mutex::new(None),
            wake: Condvar::new(),
            stop: AtomicBool::new(false),
        });
        let s = Arc::clone(&shared);
        let worker = std::thread::spawn(move || {
            loop {
                let waiting = s
                    .pending
                    .lock()
                    .map(|p| s.wake.wait_while(p, |p| p.is_none() && !s.stop.load(Ordering::SeqCst)).map(|_| ()).ok());
                if waiting.is_err() || s.stop.load(Ordering::SeqCst) {
                    return;
                }
                // Let a burst of changes settle into one write (the end of the run cuts
                // the wait short: it saves itself).
                let settled = s.pending.lock().map(|p| {
                    let _ = s.wake.wait_timeout_while(p, SETTLE, |_| !s.stop.load(Ordering::SeqCst));
                });
                if settled.is_err() || s.stop.load(Ordering::SeqCst) {
                    return;
                }
                // A failure here is tried again at the end, where it is reported.
                let _ = s.flush();
            }
        });
        Keeper { shared, worker: Some(worker) }
    }

    /// The run's memory as it is now; saved a moment later.
    pub fn offer(&self, mut saving: Saving) {
        if let Ok(mut p) = self.shared.pending.lock() {
            // An article left for another (a link followed) before its last place was
            // saved is saved with the next.
            if let Some(before) = p.take() {
                saving.earlier = before.earlier;
                let key = saving.article.as_ref().map(|a| a.key);
                saving.earlier.extend(before.article.filter(|a| Some(a.key) != key));
            }
            *p = Some(saving);
            self.shared.wake.notify_one();
        }
    }

    /// A function that saves what is pending at once, for a way out that cannot come back
    /// here (a terminal gone, a stuck loop ended from a signal thread).
    pub fn last_words(&self) -> impl Fn() + Send + Sync + 'static {
        let shared = Arc::clone(&self.shared);
        move || {
            let _ = shared.flush();
        }
    }

    /// Saves what is pending and stops the worker.
    pub fn finish(mut self) -> Result<(), String> {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.wake.notify_all();
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
        self.shared.flush()
    }
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
    fn saved_then_recalled_gives_the_same_memory() {
        let dir = tempfile::tempdir().unwrap();
        let (store, notices) = open(dir.path());
        assert!(notices.is_empty(), "{notices:?}");
        let keeper = Keeper::new(store.unwrap());
        keeper.offer(saving(Some((42, memory(7))), Some("T".into()), None, vec!["treaty".into()]));
        keeper.finish().unwrap();
        let (store, _) = open(dir.path());
        let recall = recall(store.as_ref(), Vec::new(), true);
        assert_eq!(recall.articles.get(&42), Some(&memory(7)));
        assert_eq!(recall.searches, ["treaty"]);
        assert_eq!(recall.notice, None);
    }

    /// A link followed before the last place of the article left was saved: both kept.
    #[test]
    fn an_article_left_for_another_is_saved_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let keeper = Keeper::new(open(dir.path()).0.unwrap());
        keeper.offer(saving(Some((1, memory(4))), Some("A".into()), Some("http://a.test/".into()), Vec::new()));
        keeper.offer(saving(Some((2, memory(9))), Some("B".into()), Some("http://b.test/".into()), Vec::new()));
        keeper.finish().unwrap();
        let (store, _) = open(dir.path());
        let recall = recall(store.as_ref(), Vec::new(), true);
        assert_eq!(recall.articles.get(&1), Some(&memory(4)));
        assert_eq!(recall.articles.get(&2), Some(&memory(9)));
    }

    #[test]
    fn the_keeper_saves_a_moment_after_a_change_without_being_asked() {
        let dir = tempfile::tempdir().unwrap();
        let keeper = Keeper::new(open(dir.path()).0.unwrap());
        keeper.offer(saving(Some((7, memory(3))), None, None, Vec::new()));
        std::thread::sleep(SETTLE * 3);
        let (store, _) = open(dir.path());
        assert_eq!(recall(store.as_ref(), Vec::new(), true).articles.get(&7), Some(&memory(3)));
        drop(keeper);
    }
}
