//! The database: one of two engines, chosen by the database URL. SQLite (`sqlite://…`, the default: one
//! file in the data directory, nothing to install) for a village or a demo; PostgreSQL (`postgres://…`)
//! for a regency's server shared by several app servers.
//!
//! Stores write their SQL once, in the subset both engines read alike (`$1` placeholders, `RETURNING`,
//! `ON CONFLICT`, integers for times and money). They reach a connection through [`on_db!`], which runs
//! the same query code against whichever engine the pool or transaction holds. What differs between the
//! engines lives in one module per difference: [`sqlite`] and [`postgres`] (opening, time budgets,
//! migrations, "overloaded" errors), [`full_text`] (market search), [`locking`] (claiming work), and
//! [`begin_write`] (how a write transaction excludes other writers).

pub mod copy;
pub mod full_text;
pub mod locking;
pub mod postgres;
mod reach;
mod sql;
pub mod sqlite;

use std::time::Duration;

pub use reach::{Done, Held, Reach, Reached, Target, Tx};
pub use sql::{like_pattern, Sql, SqlValue};
use sqlx::{PgPool, SqlitePool};

use crate::error::AppError;

/// Which engine a pool talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A pool of connections to one database, of either engine. Cheap to clone (the pools are shared).
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }

    /// Whether the database answers a trivial query (the health check).
    pub async fn answers(&self) -> Result<(), sqlx::Error> {
        let one: i32 = crate::on_db!(self, |c| sqlx::query_scalar("SELECT 1").fetch_one(c).await)?;
        debug_assert_eq!(one, 1);
        Ok(())
    }

    /// The SQLite pool, for the few steps only SQLite has (a file backup with `VACUUM INTO`).
    pub fn as_sqlite(&self) -> Option<&SqlitePool> {
        match self {
            Db::Sqlite(pool) => Some(pool),
            Db::Postgres(_) => None,
        }
    }
}

/// Where the database is: a URL naming the engine. Parsed once at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `sqlite://path/to/file.db` (or a bare path).
    Sqlite(std::path::PathBuf),
    /// `postgres://user:password@host:port/name` (`postgresql://` too).
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<DatabaseUrl, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_string()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() || path.contains("://") {
            return Err(format!(
                "{url:?}: expected sqlite://<file> or postgres://<user>@<host>/<database>"
            ));
        }
        Ok(DatabaseUrl::Sqlite(path.into()))
    }

    /// The URL with any password replaced, for logs.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => postgres::redact(url),
        }
    }
}

impl From<&std::path::Path> for DatabaseUrl {
    fn from(path: &std::path::Path) -> DatabaseUrl {
        DatabaseUrl::Sqlite(path.to_path_buf())
    }
}

impl From<&std::path::PathBuf> for DatabaseUrl {
    fn from(path: &std::path::PathBuf) -> DatabaseUrl {
        DatabaseUrl::Sqlite(path.clone())
    }
}

impl From<std::path::PathBuf> for DatabaseUrl {
    fn from(path: std::path::PathBuf) -> DatabaseUrl {
        DatabaseUrl::Sqlite(path)
    }
}

impl From<&DatabaseUrl> for DatabaseUrl {
    fn from(url: &DatabaseUrl) -> DatabaseUrl {
        url.clone()
    }
}

/// Opens the database for a command-line step (demo data, migration, backup): no time budget.
pub async fn connect(url: impl Into<DatabaseUrl>) -> Result<Db, sqlx::Error> {
    match &url.into() {
        DatabaseUrl::Sqlite(path) => sqlite::connect(path).await.map(Db::Sqlite),
        DatabaseUrl::Postgres(url) => postgres::connect(url, None, 8).await.map(Db::Postgres),
    }
}

/// Opens the database and brings its schema up to date (each engine has its own migrations, side by
/// side in `migrations/<engine>/`).
pub async fn connect_and_migrate(url: impl Into<DatabaseUrl>) -> Result<Db, sqlx::Error> {
    match &url.into() {
        DatabaseUrl::Sqlite(path) => sqlite::connect_and_migrate(path).await.map(Db::Sqlite),
        DatabaseUrl::Postgres(url) => postgres::connect_and_migrate(url).await.map(Db::Postgres),
    }
}

/// The pool the web server uses: a time budget per use of a connection, so one slow statement never
/// outlives its request and holds a connection others wait for (see each engine's module for how).
pub async fn connect_for_serving(
    url: impl Into<DatabaseUrl>,
    budget: Duration,
    connections: u32,
) -> Result<Db, sqlx::Error> {
    match &url.into() {
        DatabaseUrl::Sqlite(path) => sqlite::connect_for_serving(path, budget, connections)
            .await
            .map(Db::Sqlite),
        DatabaseUrl::Postgres(url) => postgres::connect(url, Some(budget), connections)
            .await
            .map(Db::Postgres),
    }
}

/// Whether a database error means "overloaded or too slow, try again" rather than a bug.
pub fn is_overloaded(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(database) => database.code().is_some_and(|code| {
            if database
                .try_downcast_ref::<sqlx::sqlite::SqliteError>()
                .is_some()
            {
                sqlite::is_overloaded_code(&code)
            } else {
                postgres::is_overloaded_code(&code)
            }
        }),
        _ => false,
    }
}

/// Whether a database error says a text could not be stored at all: PostgreSQL refuses a NUL character
/// in text (SQLite keeps it). Such text comes only from a hand-made request (forms and `kernel::text`
/// drop control characters), and as a lookup key it names nothing: "not found", not a server error.
pub fn is_unstorable_text(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(database) => database
            .code()
            .is_some_and(|code| postgres::is_unstorable_text_code(&code)),
        _ => false,
    }
}

/// Starts a write transaction that excludes every other writer until it ends, so a transaction that
/// reads then writes (stock, seats, queue and letter numbers) sees no one else's write in between.
///
/// SQLite: `BEGIN IMMEDIATE` takes the database's one write lock at once. PostgreSQL: a transaction-scoped
/// advisory lock gives the same guarantee across every app server sharing the database, without the
/// retries `SERIALIZABLE` would ask of each caller. Readers are never blocked on either engine. Writes
/// are short (a few rows), so one at a time holds a regency's load (see the README's benchmark).
pub async fn begin_write(db: &Db) -> Result<Tx, sqlx::Error> {
    match db {
        Db::Sqlite(pool) => Ok(Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?)),
        Db::Postgres(pool) => {
            let mut tx = pool.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(postgres::WRITE_LOCK_KEY)
                .execute(&mut *tx)
                .await?;
            Ok(Tx::Postgres(tx))
        }
    }
}

/// Starts a transaction that only reads (or writes rows no one else can touch): no write lock.
pub async fn begin(db: &Db) -> Result<Tx, sqlx::Error> {
    match db {
        Db::Sqlite(pool) => Ok(Tx::Sqlite(pool.begin().await?)),
        Db::Postgres(pool) => Ok(Tx::Postgres(pool.begin().await?)),
    }
}

/// Turns a code stored in a text column (an enum such as a product category) into its Rust value. An
/// unknown code means the data and the code disagree: a decode error for the log, never a panic.
pub fn decode_code<T>(
    column: &str,
    code: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, sqlx::Error> {
    parse(code).ok_or_else(|| sqlx::Error::Decode(format!("unknown {column} {code:?}").into()))
}

/// The pool provided to every request by the server.
pub fn pool() -> Result<Db, AppError> {
    leptos::prelude::use_context::<Db>().ok_or_else(|| {
        tracing::error!("no database pool in the request context");
        AppError::Internal
    })
}

/// How many rows a list may ask for: at least one, at most a page's worth.
pub fn list_limit(requested: u32) -> i64 {
    i64::from(requested.clamp(1, 48))
}

/// Now, as unix seconds (UTC).
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_names_the_engine() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/smart-kampung.db"),
            Ok(DatabaseUrl::Sqlite("data/smart-kampung.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("data/x.db"),
            Ok(DatabaseUrl::Sqlite("data/x.db".into()))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://sk@localhost/sk"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert!(DatabaseUrl::parse("mysql://x").is_err());
        assert!(DatabaseUrl::parse("").is_err());
    }

    #[test]
    fn list_limits_are_bounded() {
        assert_eq!(list_limit(0), 1);
        assert_eq!(list_limit(4), 4);
        assert_eq!(list_limit(10_000), 48);
    }
}
