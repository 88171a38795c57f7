//! PostgreSQL, the engine for a regency's shared server: opening a pool, its time budget per statement,
//! its migrations, and which of its errors mean "overloaded".

use std::{str::FromStr, time::Duration};

use sqlx::{
    migrate::Migrator,
    postgres::{PgConnectOptions, PgPoolOptions},
    ConnectOptions, PgPool,
};

/// Migrations compiled into the binary, kept beside SQLite's (`migrations/postgres/`, same versions).
pub static MIGRATOR: Migrator = sqlx::migrate!("../migrations/postgres");

/// The advisory lock every write transaction takes (see `db::begin_write`): one number for the whole
/// database, shared by every app server on it. ("SK" in ASCII.)
pub const WRITE_LOCK_KEY: i64 = 0x534B;

/// Opens a pool. With a `budget`, every statement is cancelled by the server after it (the
/// `statement_timeout` of each connection) and waiting for a free connection is bounded the same way,
/// as SQLite's progress handler does for that engine.
pub async fn connect(
    url: &str,
    budget: Option<Duration>,
    connections: u32,
) -> Result<PgPool, sqlx::Error> {
    let mut options = PgConnectOptions::from_str(url)?
        .application_name("smart-kampung")
        // Statements are logged by the server's own tracing (path only), never with their values.
        .disable_statement_logging();
    if let Some(budget) = budget {
        options = options.options([("statement_timeout", budget.as_millis().to_string())]);
    }
    let mut pool = PgPoolOptions::new().max_connections(connections);
    if let Some(budget) = budget {
        pool = pool.acquire_timeout(budget.max(Duration::from_secs(1)));
    }
    pool.connect_with(options).await
}

/// Opens the database and applies the migrations. sqlx holds an advisory lock while it migrates, so
/// several app servers starting at once apply each migration once.
pub async fn connect_and_migrate(url: &str) -> Result<PgPool, sqlx::Error> {
    let pool = connect(url, None, 8).await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// 57014 query_canceled (the statement budget), 55P03 lock_not_available, 53300 too_many_connections,
/// 40001 serialization_failure, 40P01 deadlock_detected: "overloaded or too slow, try again".
pub fn is_overloaded_code(code: &str) -> bool {
    matches!(code, "57014" | "55P03" | "53300" | "40001" | "40P01")
}

/// 22021 character_not_in_repertoire: a NUL byte in text.
pub fn is_unstorable_text_code(code: &str) -> bool {
    code == "22021"
}

/// The URL with its password replaced by `***`, for logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "postgres://(unparsable)".to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials
                .split_once(':')
                .map_or(credentials, |(user, _)| user);
            let hidden = if credentials.contains(':') {
                ":***"
            } else {
                ""
            };
            format!("{scheme}://{user}{hidden}@{host}{}", &rest[authority_end..])
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_a_log() {
        assert_eq!(
            redact("postgres://sk:rahasia@db.example:5432/sk"),
            "postgres://sk:***@db.example:5432/sk"
        );
        assert!(!redact("postgres://sk:rahasia@db/sk").contains("rahasia"));
    }

    #[test]
    fn a_cancelled_statement_is_overload_a_unique_violation_is_not() {
        assert!(is_overloaded_code("57014"));
        assert!(!is_overloaded_code("23505"));
    }
}
