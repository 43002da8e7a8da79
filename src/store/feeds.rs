//! The store's part for news feeds: each feed's last answer, kept so that the next fetch
//! can ask "has it changed?" (`If-None-Match`, `If-Modified-Since`) and list it again
//! when the answer is no; and the entries read. Both bounded, the oldest dropped.

use super::{Store, now};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashSet;

/// The feeds whose last answer is kept.
pub const MAX_FEEDS: usize = 500;
/// The entries whose read state is kept: a year of a hundred feeds' news.
pub const MAX_READ_ENTRIES: usize = 100_000;

/// A feed's last answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CachedFeed {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
    /// When it was fetched, in seconds since 1970.
    pub fetched: u64,
}

impl Store {
    /// The last answer kept for `url` (its password hidden), if any.
    pub fn cached_feed(&self, url: &str) -> Result<Option<CachedFeed>, String> {
        self.conn
            .query_row(
                "SELECT etag, last_modified, body, fetched FROM feeds WHERE url = ?1",
                [crate::sanitize::hide_password(url)],
                |r| {
                    Ok(CachedFeed {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        body: r.get(2)?,
                        fetched: r.get::<_, i64>(3)?.max(0) as u64,
                    })
                },
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    /// Keeps a feed's answer (one transaction), dropping the feeds fetched longest ago
    /// past [`MAX_FEEDS`].
    pub fn save_feed(&self, url: &str, feed: &CachedFeed) -> Result<(), String> {
        if self.read_only {
            return Ok(());
        }
        let write = || -> rusqlite::Result<()> {
            let tx = Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO feeds (url, etag, last_modified, body, fetched) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                   body = excluded.body, fetched = excluded.fetched",
                params![crate::sanitize::hide_password(url), feed.etag, feed.last_modified, feed.body, now() as i64],
            )?;
            tx.execute(
                "DELETE FROM feeds WHERE url IN (SELECT url FROM feeds ORDER BY fetched DESC LIMIT -1 OFFSET ?1)",
                [MAX_FEEDS as i64],
            )?;
            tx.commit()
        };
        write().map_err(|e| format!("{}: {e}", self.path.display()))
    }

    /// Every entry read, as (feed, entry id).
    pub fn read_entries(&self) -> Result<HashSet<(String, String)>, String> {
        let read = || -> rusqlite::Result<HashSet<(String, String)>> {
            let mut stmt = self.conn.prepare("SELECT feed, entry FROM entries_read")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect()
        };
        read().map_err(|e| e.to_string())
    }
}

/// Marks entries read inside a save's transaction; another folio's marks stay.
pub(super) fn mark_read(tx: &Transaction, read: &[(String, String)]) -> rusqlite::Result<()> {
    if read.is_empty() {
        return Ok(());
    }
    let at = now() as i64;
    for (feed, entry) in read {
        tx.execute(
            "INSERT INTO entries_read (feed, entry, read) VALUES (?1, ?2, ?3)
             ON CONFLICT (feed, entry) DO UPDATE SET read = excluded.read",
            params![crate::sanitize::hide_password(feed), entry, at],
        )?;
    }
    tx.execute(
        "DELETE FROM entries_read WHERE rowid IN (SELECT rowid FROM entries_read ORDER BY read DESC LIMIT -1 OFFSET ?1)",
        [MAX_READ_ENTRIES as i64],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::Saving;
    use super::*;

    fn open(dir: &std::path::Path) -> Store {
        Store::open(dir, |_| true).store.unwrap()
    }

    #[test]
    fn a_feed_answer_is_kept_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        assert_eq!(store.cached_feed("http://a.test/f").unwrap(), None);
        let one = CachedFeed { etag: Some("\"v1\"".into()), body: b"<rss/>".to_vec(), ..Default::default() };
        store.save_feed("http://alice:secret@a.test/f", &one).unwrap();
        let kept = store.cached_feed("http://alice:secret@a.test/f").unwrap().unwrap();
        assert_eq!((kept.etag.as_deref(), kept.body.as_slice()), (Some("\"v1\""), &b"<rss/>"[..]));
        let raw = std::fs::read(dir.path().join(super::super::FILE)).unwrap();
        assert!(memchr::memmem::find(&raw, b"secret").is_none(), "no password in the store");
    }

    /// Two folios marking entries read at the same moment: every mark is kept.
    #[test]
    fn two_readers_at_once_lose_no_read_mark() {
        let dir = tempfile::tempdir().unwrap();
        drop(open(dir.path()));
        let threads: Vec<_> = (0..2)
            .map(|t| {
                let dir = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    let store = open(&dir);
                    for i in 0..50 {
                        let read = vec![("http://a.test/f".to_string(), format!("{t}-{i}"))];
                        store.save(&Saving { read, ..Default::default() }).unwrap();
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        let read = open(dir.path()).read_entries().unwrap();
        assert_eq!(read.len(), 100);
    }

    /// A store from before feeds (version 1) gains the tables and keeps its rows.
    #[test]
    fn a_version_one_store_moves_forward_with_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(super::super::FILE);
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(super::super::schema::MIGRATIONS[0]).unwrap();
            c.execute_batch(super::super::schema::VERSION_TABLE).unwrap();
            c.execute("INSERT INTO schema_version (version) VALUES (1)", []).unwrap();
            c.execute("INSERT INTO articles (key, memory, seen) VALUES ('00000000000000aa', '{}', 5)", []).unwrap();
        }
        let store = open(dir.path());
        assert_eq!(store.articles().unwrap().len(), 1);
        store.save(&Saving { read: vec![("f".into(), "e".into())], ..Default::default() }).unwrap();
        assert!(store.read_entries().unwrap().contains(&("f".to_string(), "e".to_string())));
    }
}
