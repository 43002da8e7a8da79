//! What folio keeps between runs, in one SQLite file (`state.db` in folio's state
//! folder): where reading stopped in each article (its memory, as JSON the reader writes),
//! with its title and location, and the searches typed. A layer of its own, under the
//! command line, that knows nothing of the terminal or the reader.
//!
//! Nothing in it is ever lost to folio's own doing:
//! - every write is one transaction, and two folios writing at once wait for each other
//!   (a busy timeout), so both keep what they saved;
//! - a file that cannot be read whole (corrupt, or not SQLite) is renamed aside
//!   (`state.db.bad-YYYYMMDD-HHMMSS`), what can still be read from it kept;
//! - a file a newer folio wrote (a higher schema version) is read, never written;
//! - the JSON file earlier versions kept (`state.json`) is taken in once, entry by entry,
//!   and renamed `state.json.imported`, never deleted.
//!
//! It stays small: the [`MAX_ARTICLES`] most recently read articles and the last
//! [`MAX_SEARCHES`] searches.

mod feeds;
mod legacy;
mod schema;

pub use feeds::{CachedFeed, MAX_FEEDS, MAX_READ_ENTRIES};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use schema::CURRENT as SCHEMA_VERSION;

pub const MAX_ARTICLES: usize = 500;
pub const MAX_SEARCHES: usize = 100;

/// How long a write waits for another folio's to finish.
const BUSY: Duration = Duration::from_secs(3);

/// The store's file name in folio's state folder.
pub const FILE: &str = "state.db";

/// One article as remembered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remembered {
    pub key: u64,
    /// The reader's memory of it, as JSON.
    pub memory: String,
    /// Seconds since 1970.
    pub seen: u64,
    pub title: Option<String>,
    pub location: Option<String>,
}

/// What a run saves: the article read (if it got as far as having one), the articles it
/// left for another since the last save, the searches, and the feed entries read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saving {
    pub article: Option<Remembered>,
    /// Articles read earlier in the run (a link followed away from them), not yet saved.
    pub earlier: Vec<Remembered>,
    /// This run's searches, oldest first: they become the latest.
    pub searches: Vec<String>,
    /// Feed entries read in this run: (feed, entry id).
    pub read: Vec<(String, String)>,
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Written by a newer folio: read, never written.
    read_only: bool,
}

/// A store opened, or not, and what the user should be told about it (once).
#[derive(Debug)]
pub struct Opened {
    pub store: Option<Store>,
    pub notices: Vec<String>,
}

/// Why a file could not be opened as the store.
enum Failed {
    /// It is not a store, or part of it cannot be read.
    Unreadable(String),
    /// Anything else (permissions, a full disk): said, and the file left alone.
    Other(String),
}

impl From<rusqlite::Error> for Failed {
    fn from(e: rusqlite::Error) -> Failed {
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Failed::Unreadable(e.to_string()),
            _ => Failed::Other(e.to_string()),
        }
    }
}

impl Store {
    /// Opens (or creates) the store in `dir`, setting aside a file that cannot be read and
    /// taking in an old `state.json`.
    /// `memory_ok` tells whether an old entry's memory (JSON) is one the reader can read.
    pub fn open(dir: &Path, memory_ok: fn(&str) -> bool) -> Opened {
        let mut notices = Vec::new();
        if let Err(e) = std::fs::create_dir_all(dir) {
            notices.push(format!("state folder {}: {e}", dir.display()));
            return Opened { store: None, notices };
        }
        let path = dir.join(FILE);
        let store = match Store::at(&path) {
            Ok(s) => Some(s),
            Err(Failed::Other(why)) => {
                notices.push(format!("state file {}: {why}", path.display()));
                None
            }
            Err(Failed::Unreadable(why)) => {
                let aside = set_aside(&path);
                let salvaged = aside.as_deref().map(salvage).unwrap_or_default();
                match Store::at(&path) {
                    Ok(s) => {
                        let kept = s.take_in(&salvaged).err().map_or(String::new(), |e| format!(" ({e})"));
                        let to = aside
                            .map_or_else(|| "could not be moved".to_string(), |a| format!("moved to {}", a.display()));
                        notices.push(format!(
                            "state file {} could not be read whole ({why}): {to}; {} places and {} searches kept{kept}",
                            path.display(),
                            salvaged.article_count(),
                            salvaged.searches.len()
                        ));
                        Some(s)
                    }
                    Err(Failed::Other(e) | Failed::Unreadable(e)) => {
                        notices.push(format!("state file {}: {e}", path.display()));
                        None
                    }
                }
            }
        };
        if let Some(s) = &store {
            if s.read_only {
                notices.push(format!(
                    "state file {} is from a newer folio: read only, nothing will be saved this run",
                    path.display()
                ));
            } else {
                notices.extend(legacy::import(s, dir, memory_ok));
            }
        }
        Opened { store, notices }
    }

    /// The store at `path`, brought up to this version, and checked whole.
    fn at(path: &Path) -> Result<Store, Failed> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY)?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(Failed::Unreadable(check));
        }
        let mut store = Store { conn, path: path.to_path_buf(), read_only: false };
        let version = store.migrate()?;
        store.read_only = version > schema::CURRENT;
        Ok(store)
    }

    /// Runs the migrations this store has not had; its version after.
    fn migrate(&mut self) -> Result<i64, Failed> {
        let version = |c: &Connection| -> rusqlite::Result<i64> {
            let has_table: bool = c.query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
                [],
                |r| r.get(0),
            )?;
            if !has_table {
                return Ok(0);
            }
            Ok(c.query_row("SELECT version FROM schema_version", [], |r| r.get(0)).optional()?.unwrap_or(0))
        };
        if version(&self.conn)? >= schema::CURRENT {
            return Ok(version(&self.conn)?);
        }
        // IMMEDIATE: another folio migrating at the same moment waits, then finds it done.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let from = version(&tx)?;
        for sql in schema::MIGRATIONS.iter().skip(from.max(0) as usize) {
            tx.execute_batch(sql)?;
        }
        tx.execute_batch(schema::VERSION_TABLE)?;
        tx.execute("DELETE FROM schema_version", [])?;
        tx.execute("INSERT INTO schema_version (version) VALUES (?1)", [schema::CURRENT.max(from)])?;
        tx.commit()?;
        Ok(schema::CURRENT.max(from))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this run may only read (a newer folio's store).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Every article remembered whose row can be read; newest first.
    pub fn articles(&self) -> Result<Vec<Remembered>, String> {
        read_articles(&self.conn).map_err(|e| e.to_string())
    }

    /// The searches, oldest first.
    pub fn searches(&self) -> Result<Vec<String>, String> {
        read_searches(&self.conn).map_err(|e| e.to_string())
    }

    /// Saves a run's article and searches in one transaction, then drops the oldest past
    /// the bounds. Another folio's rows are left as they are.
    pub fn save(&self, saving: &Saving) -> Result<(), String> {
        if self.read_only {
            return Ok(());
        }
        let articles = saving.earlier.iter().chain(saving.article.iter());
        self.write(articles, &saving.searches, &saving.read).map_err(|e| format!("{}: {e}", self.path.display()))
    }

    fn write<'a>(
        &self,
        articles: impl Iterator<Item = &'a Remembered>,
        searches: &[String],
        read: &[(String, String)],
    ) -> rusqlite::Result<()> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
        feeds::mark_read(&tx, read)?;
        for a in articles {
            tx.execute(
                "INSERT INTO articles (key, memory, seen, title, location) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (key) DO UPDATE SET memory = excluded.memory, seen = excluded.seen,
                   title = coalesce(excluded.title, title), location = coalesce(excluded.location, location)
                 WHERE excluded.seen >= articles.seen",
                params![format!("{:016x}", a.key), a.memory, a.seen as i64, a.title, a.location],
            )?;
        }
        for q in searches {
            tx.execute(
                "INSERT INTO searches (query, seq) VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM searches))
                 ON CONFLICT (query) DO UPDATE SET seq = excluded.seq",
                [q],
            )?;
        }
        tx.execute(
            "DELETE FROM articles WHERE key IN (SELECT key FROM articles ORDER BY seen DESC, key LIMIT -1 OFFSET ?1)",
            [MAX_ARTICLES as i64],
        )?;
        tx.execute(
            "DELETE FROM searches WHERE query IN (SELECT query FROM searches ORDER BY seq DESC LIMIT -1 OFFSET ?1)",
            [MAX_SEARCHES as i64],
        )?;
        tx.commit()
    }

    /// Rows read from elsewhere (a salvaged file, the old JSON), kept unless this store
    /// has a newer reading of the same article.
    fn take_in(&self, rows: &Salvaged) -> Result<(), String> {
        self.write(rows.articles.iter(), &rows.searches, &[]).map_err(|e| e.to_string())
    }
}

/// What could be read from a file set aside or from the old JSON.
#[derive(Debug, Default)]
struct Salvaged {
    articles: Vec<Remembered>,
    searches: Vec<String>,
}

impl Salvaged {
    fn article_count(&self) -> usize {
        self.articles.len()
    }
}

fn read_articles(c: &Connection) -> rusqlite::Result<Vec<Remembered>> {
    let mut stmt = c.prepare("SELECT key, memory, seen, title, location FROM articles ORDER BY seen DESC")?;
    let mut out = Vec::new();
    // A row that is not what this folio wrote (a bad key) is skipped, not fatal.
    for r in stmt.query_map([], row)? {
        out.extend(r?);
    }
    Ok(out)
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Option<Remembered>> {
    let key: String = r.get(0)?;
    let Ok(key) = u64::from_str_radix(&key, 16) else { return Ok(None) };
    Ok(Some(Remembered {
        key,
        memory: r.get(1)?,
        seen: r.get::<_, i64>(2)?.max(0) as u64,
        title: r.get(3)?,
        location: r.get(4)?,
    }))
}

fn read_searches(c: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = c.prepare("SELECT query FROM searches ORDER BY seq")?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

/// Renames a file that cannot be read to `NAME.bad-YYYYMMDD-HHMMSS` beside it; the new
/// name, or none when it could not be moved.
fn set_aside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let mut aside = path.with_file_name(format!("{name}.bad-{}", stamp(now())));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = path.with_file_name(format!("{name}.bad-{}-{n}", stamp(now())));
    }
    std::fs::rename(path, &aside).ok()?;
    // The journal of the file set aside goes with it.
    let journal = path.with_file_name(format!("{name}-journal"));
    if journal.exists() {
        let _ = std::fs::rename(&journal, aside.with_file_name(format!("{}-journal", aside.display())));
    }
    Some(aside)
}

/// What can still be read from a store set aside: the rows up to the first that cannot.
fn salvage(path: &Path) -> Salvaged {
    let Ok(c) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return Salvaged::default();
    };
    let mut out = Salvaged::default();
    if let Ok(mut stmt) = c.prepare("SELECT key, memory, seen, title, location FROM articles")
        && let Ok(rows) = stmt.query_map([], row)
    {
        out.articles = rows.map_while(Result::ok).flatten().collect();
    }
    if let Ok(mut stmt) = c.prepare("SELECT query FROM searches ORDER BY seq")
        && let Ok(rows) = stmt.query_map([], |r| r.get(0))
    {
        out.searches = rows.map_while(Result::ok).collect();
    }
    out
}

/// Seconds since 1970.
pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// "20261207-193012" (UTC) for seconds since 1970.
fn stamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}{m:02}{d:02}-{:02}{:02}{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests;
