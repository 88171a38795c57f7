//! SQLite, the embedded engine: opening the file with the settings we rely on, its time budget per
//! connection use, its migrations, and which of its errors mean "overloaded".

use std::{path::Path, str::FromStr, time::Duration};

use sqlx::{
    migrate::Migrator,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
    SqlitePool,
};

/// Migrations compiled into the binary and applied at start-up.
pub static MIGRATOR: Migrator = sqlx::migrate!("../migrations/sqlite");

/// Opens (creating if needed) the SQLite database: WAL so readers never wait for a writer, foreign keys
/// on, and a busy timeout so concurrent writers queue instead of failing.
///
/// `synchronous = FULL`: every commit waits until the write-ahead log is on disk. With `NORMAL` a
/// commit survives the process being killed but not a power cut (the last transactions before the cut
/// roll back), and a village server on a shared power line loses power; an order or a letter that
/// was acknowledged must still be there. It costs one fsync per write transaction, not per read.
pub async fn connect(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    pool_options().connect_with(connect_options(path)?).await
}

fn pool_options() -> SqlitePoolOptions {
    SqlitePoolOptions::new().max_connections(8)
}

fn connect_options(path: &Path) -> Result<SqliteConnectOptions, sqlx::Error> {
    Ok(SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5)))
}

/// The pool the web server uses: like [`connect`], plus a time budget per use of a connection.
///
/// Without it one slow statement outlives its request (sqlx's SQLite worker keeps stepping after the
/// request's future is dropped), and eight abandoned searches held every connection: sign-in, writes,
/// `/healthz` and the outbox all waited. Now each acquisition (one statement, or one transaction) gets
/// `budget`; SQLite's progress handler interrupts whatever is still running after it, and the caller
/// gets `SQLITE_INTERRUPT` (shown as "busy, try again", 503). Waiting for a free connection is bounded
/// the same way. Command-line steps (demo data, backups) use [`connect`]: no budget.
pub async fn connect_for_serving(
    path: &Path,
    budget: Duration,
    connections: u32,
) -> Result<SqlitePool, sqlx::Error> {
    pool_options()
        .max_connections(connections)
        .acquire_timeout(budget.max(Duration::from_secs(1)))
        .before_acquire(move |connection, _| {
            Box::pin(async move {
                let deadline = std::time::Instant::now() + budget;
                let mut handle = connection.lock_handle().await?;
                // Called every few thousand virtual-machine steps: cheap next to the work it watches.
                handle.set_progress_handler(4_000, move || std::time::Instant::now() < deadline);
                Ok(true)
            })
        })
        .connect_with(connect_options(path)?)
        .await
}

/// SQLITE_BUSY (5 and its extended codes), SQLITE_LOCKED (6), SQLITE_INTERRUPT (9, a statement stopped
/// at the end of its budget): "overloaded or too slow, try again", not a bug.
pub fn is_overloaded_code(code: &str) -> bool {
    code.parse::<i32>()
        .is_ok_and(|code| matches!(code & 0xff, 5 | 6 | 9))
}

/// Opens the database and brings its schema up to date.
///
/// Migrations run on a connection of their own with foreign keys off, as SQLite's procedure for
/// rebuilding a table asks (a table that others refer to, such as `accounts`, is copied and swapped;
/// with foreign keys on, SQLite would point every reference at the old copy and then refuse to drop it).
/// sqlx runs each migration in a transaction, where the switch cannot be flipped, hence the connection.
/// Every reference is checked afterwards: a migration that broke one stops the start.
pub async fn connect_and_migrate(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    let migrating = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(connect_options(path)?.foreign_keys(false))
        .await?;
    MIGRATOR.run(&migrating).await?;
    let broken: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT \"table\", rowid FROM pragma_foreign_key_check")
            .fetch_all(&migrating)
            .await?;
    migrating.close().await;
    if let Some((table, row)) = broken.first() {
        return Err(sqlx::Error::Protocol(format!(
            "after migrating, {} rows refer to nothing (first: {table} row {row:?})",
            broken.len()
        )));
    }
    connect(path).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_new_database_gets_wal_foreign_keys_and_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let pool = connect_and_migrate(&dir.path().join("test.db"))
            .await
            .unwrap();
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(foreign_keys, 1);
        // A product pointing at a missing shop is refused.
        let orphan = sqlx::query(
            "INSERT INTO products (shop_id, slug, title_id, category, price_rupiah, unit, stock, status, created_at)
             VALUES ($1, 'x', 'x', 'seni', 1, 'pcs', 1, 'active', 0)",
        )
        .bind(999_i64)
        .execute(&pool)
        .await;
        assert!(orphan.is_err());
    }

    #[tokio::test]
    async fn a_statement_over_its_budget_is_interrupted_and_the_connection_serves_again() {
        let dir = tempfile::tempdir().unwrap();
        connect_and_migrate(&dir.path().join("t.db")).await.unwrap();
        let pool = connect_for_serving(&dir.path().join("t.db"), Duration::from_millis(300), 1)
            .await
            .unwrap();
        let started = std::time::Instant::now();
        // Counting to ten billion takes minutes.
        let endless = sqlx::query_scalar::<_, i64>(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000)
             SELECT COUNT(*) FROM n",
        )
        .fetch_one(&pool)
        .await
        .unwrap_err();
        assert!(super::super::is_overloaded(&endless), "{endless:?}");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(
            crate::error::AppError::from(endless),
            crate::error::AppError::Busy
        );
        // The one connection was freed and gets a new budget.
        let one: i64 = sqlx::query_scalar("SELECT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(one, 1);
    }
}
