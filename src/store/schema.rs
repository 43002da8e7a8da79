//! The store's tables, as numbered migrations: migration `n` (from 1) takes a store at
//! version `n - 1` to version `n`. A store is only ever moved forward, in one transaction,
//! and a store at a higher version than [`CURRENT`] was written by a newer folio: it is
//! read, never written.

/// Each migration's SQL, in order. Add a new one at the end; never change one that has
/// shipped.
pub const MIGRATIONS: &[&str] = &[
    // 1: where reading stopped in each article, and the searches typed.
    "CREATE TABLE articles (
        -- The article's key: 16 hexadecimal digits (app::memory::article_key), as
        -- state.json had them.
        key TEXT PRIMARY KEY NOT NULL,
        -- What the reader remembers of it (app::memory::Memory) as JSON, so what later
        -- versions add to it needs no migration.
        memory TEXT NOT NULL,
        -- When it was last read, in seconds since 1970: the oldest go first.
        seen INTEGER NOT NULL,
        -- Its title and where it was read from (a file or a URL), when known, for a list
        -- of recent articles.
        title TEXT,
        location TEXT
    );
    CREATE INDEX articles_seen ON articles (seen);
    CREATE TABLE searches (
        query TEXT PRIMARY KEY NOT NULL,
        -- Order: the latest typed has the highest.
        seq INTEGER NOT NULL
    );
    CREATE INDEX searches_seq ON searches (seq);",
    // 2: news feeds: each feed's last answer (for a conditional GET, and to list it when
    // the server says nothing changed), and which entries have been read.
    "CREATE TABLE feeds (
        -- The feed's URL as fetched, its password hidden.
        url TEXT PRIMARY KEY NOT NULL,
        etag TEXT,
        last_modified TEXT,
        -- The feed as it came, to list it again on a 304.
        body BLOB NOT NULL,
        -- When it was fetched, in seconds since 1970: the oldest go first.
        fetched INTEGER NOT NULL
    );
    CREATE TABLE entries_read (
        -- The feed (its URL, password hidden, or a file's path) and the entry's id.
        feed TEXT NOT NULL,
        entry TEXT NOT NULL,
        -- When it was read, in seconds since 1970: the oldest go first.
        read INTEGER NOT NULL,
        PRIMARY KEY (feed, entry)
    );
    CREATE INDEX entries_read_read ON entries_read (read);",
];

/// The version this folio writes.
pub const CURRENT: i64 = MIGRATIONS.len() as i64;

/// The table that holds the version (one row).
pub const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
