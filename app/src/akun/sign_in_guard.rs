//! Guessing passwords, slowed down without locking anyone out (server only).
//!
//! A phone number is public (it is the shop's WhatsApp), so a limit per number would let anyone lock its
//! owner out. Failures are counted per number *and client* — the browser's device cookie, or its IP
//! when it has none — and only that client waits, longer after each failure. Browsers that signed in
//! to the account before (known devices) are never held back by failures elsewhere; unknown clients
//! are slowed to one try per half minute only when a number draws a storm of failures from everywhere.

use crate::db::Db;

use crate::error::AppError;

pub const DEVICE_COOKIE: &str = "sk_device";
/// Failures a client may make before it waits.
const FREE_FAILURES: i64 = 5;
/// Failures are forgotten after an hour without one.
const MEMORY_SECONDS: i64 = 3600;
/// Failures on one number from all clients within the memory that make unknown clients wait.
const STORM_FAILURES: i64 = 100;
const STORM_PAUSE_SECONDS: i64 = 30;
const LONGEST_WAIT_SECONDS: i64 = 15 * 60;

/// How long a client with `failures` recent failures waits after its last one: nothing for the first
/// five, then 30 s, 60 s, 2 min … up to 15 min.
pub fn wait_after(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES).min(10) as u32;
    (30_i64 << doublings).min(LONGEST_WAIT_SECONDS)
}

/// Who is trying: the device cookie (hashed) when the browser has one, else the IP.
pub struct Client {
    pub key: String,
    pub device_hash: Option<String>,
}

pub fn current_client() -> Client {
    let device = leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
        crate::kernel::cookies::request_cookies(&parts.headers, DEVICE_COOKIE)
            .find(|value| !value.is_empty() && value.len() <= 64)
            .map(device_hash)
    });
    match device {
        Some(hash) => Client {
            key: format!("device:{hash}"),
            device_hash: Some(hash),
        },
        None => Client {
            key: format!("ip:{}", super::rate_limit::client_ip()),
            device_hash: None,
        },
    }
}

/// Gives this browser a device cookie if it has none (the sign-up page does, so that sign-ups are
/// counted per phone rather than per carrier address). `Path=/` so that the page itself sees it next
/// time and never hands out a second one (the cookie of a sign-in is `Path=/api`; where both exist the
/// browser sends that longer-path one first, and it is the one counted).
pub fn ensure_device_cookie() -> Result<(), AppError> {
    if current_client().device_hash.is_some() {
        return Ok(());
    }
    let cookie = super::session::new_token()?;
    let secure = if super::session::request_is_https() {
        "; Secure"
    } else {
        ""
    };
    super::session::set_cookie(&format!(
        "{DEVICE_COOKIE}={cookie}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}"
    ));
    Ok(())
}

/// Stored like session tokens: their SHA-256, never the cookie itself.
fn device_hash(cookie: &str) -> String {
    super::session::hash_token(cookie)
}

/// Whether this browser signed in to the account before.
pub async fn is_known_device(
    pool: &Db,
    account_id: Option<i64>,
    client: &Client,
) -> Result<bool, sqlx::Error> {
    match (account_id, &client.device_hash) {
        (Some(account_id), Some(hash)) => {
            crate::on_db!(pool, |c| {
                sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM known_devices WHERE account_id = $1 AND device_hash = $2)",
            )
            .bind(account_id)
            .bind(hash)
            .fetch_one(c).await
            })
        }
        _ => Ok(false),
    }
}

/// Refuses (429) a client that must still wait, before its password is even checked. Returns whether
/// the client is a known device of the account.
pub async fn check(
    pool: &Db,
    phone: &str,
    client: &Client,
    account_id: Option<i64>,
    now: i64,
) -> Result<bool, AppError> {
    let own: Option<(i64, i64)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT failures, last_failed_at FROM sign_in_failures WHERE phone = $1 AND client = $2",
    )
    .bind(phone)
    .bind(&client.key)
    .fetch_optional(c).await
    })?;
    if let Some((failures, last)) = own {
        if now - last < MEMORY_SECONDS && now < last + wait_after(failures) {
            return Err(AppError::TooManyAttempts.with_status());
        }
    }
    let known = is_known_device(pool, account_id, client).await?;
    if !known {
        let (storm, latest): (i64, Option<i64>) = crate::on_db!(pool, |c| {
            sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(failures), 0) AS BIGINT), MAX(last_failed_at) FROM sign_in_failures
             WHERE phone = $1 AND last_failed_at > $2",
        )
        .bind(phone)
        .bind(now - MEMORY_SECONDS)
        .fetch_one(c)
        .await
        })?;
        if storm >= STORM_FAILURES
            && latest.is_some_and(|latest| now < latest + STORM_PAUSE_SECONDS)
        {
            return Err(AppError::TooManyAttempts.with_status());
        }
    }
    Ok(known)
}

/// Counts a wrong password from this client (older failures than the memory start again from one).
pub async fn record_failure(
    pool: &Db,
    phone: &str,
    client: &Client,
    now: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO sign_in_failures (phone, client, failures, last_failed_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (phone, client) DO UPDATE SET
           failures = CASE WHEN sign_in_failures.last_failed_at < $3 - $4 THEN 1
                           ELSE sign_in_failures.failures + 1 END,
           last_failed_at = $3",
    )
    .bind(phone)
    .bind(&client.key)
    .bind(now)
    .bind(MEMORY_SECONDS)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

/// A correct password: this client's failures are forgotten and its browser becomes a known device of
/// the account (a device cookie is set when it had none).
pub async fn record_success(
    pool: &Db,
    phone: &str,
    client: &Client,
    account_id: i64,
    now: i64,
) -> Result<(), AppError> {
    crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM sign_in_failures WHERE phone = $1 AND client = $2"
    )
    .bind(phone)
    .bind(&client.key)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    let hash = match &client.device_hash {
        Some(hash) => hash.clone(),
        None => {
            let cookie = super::session::new_token()?;
            let secure = if super::session::request_is_https() {
                "; Secure"
            } else {
                ""
            };
            // Sent only to server functions (`/api/sign_in`, `/api/request_reset_code`), where it counts.
            super::session::set_cookie(&format!(
                "{DEVICE_COOKIE}={cookie}; Path=/api; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}"
            ));
            device_hash(&cookie)
        }
    };
    crate::on_db!(pool, |c| sqlx::query(
        "INSERT INTO known_devices (account_id, device_hash, last_seen_at) VALUES ($1, $2, $3)
         ON CONFLICT (account_id, device_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at",
    )
    .bind(account_id)
    .bind(&hash)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// Forgets failures and devices unused for a long time (run with the rate-limit pruning).
pub async fn prune(pool: &Db, now: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM sign_in_failures WHERE last_failed_at < $1"
    )
    .bind(now - 24 * 3600)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM known_devices WHERE last_seen_at < $1"
    )
    .bind(now - 400 * 24 * 3600)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::wait_after;

    #[test]
    fn a_client_waits_longer_after_each_failure_but_never_more_than_a_quarter_hour() {
        assert_eq!(wait_after(4), 0);
        assert_eq!(wait_after(5), 30);
        assert_eq!(wait_after(6), 60);
        assert_eq!(wait_after(7), 120);
        assert_eq!(wait_after(10), 900);
        assert_eq!(wait_after(1_000), 900);
    }
}
