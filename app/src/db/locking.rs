//! Claiming a row of work (an outbox message) so that of several app servers only one handles it.
//!
//! PostgreSQL: `FOR UPDATE SKIP LOCKED` locks the row for the claiming transaction; another server's
//! claim passes over it to the next row instead of waiting. SQLite has no row locks and no need: its
//! database is one file on one machine, served by one server (several servers share PostgreSQL).

use super::Engine;

/// The suffix of a `SELECT … LIMIT n` that claims the rows it returns until the transaction ends.
pub fn claim_rows(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "",
        Engine::Postgres => " FOR UPDATE SKIP LOCKED",
    }
}
