//! Server-side sessions (server only). The browser holds a random token in an HttpOnly cookie; the
//! database holds its SHA-256 with the account and times, so sessions survive restarts and sign-out
//! really ends them. A new token is issued at every sign-in (no session fixation).

use crate::db::Db;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::AppError;

pub const COOKIE_NAME: &str = "sk_session";
/// A session unused this long ends (phones are shared in families; a week is what people expect).
pub const IDLE_TIMEOUT_SECONDS: i64 = 7 * 24 * 3600;
/// And every session ends this long after sign-in, however active.
pub const ABSOLUTE_TIMEOUT_SECONDS: i64 = 30 * 24 * 3600;
/// `last_seen_at` is written at most this often, so browsing does not turn every page view into a write.
const TOUCH_INTERVAL_SECONDS: i64 = 300;

pub(crate) fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

pub(crate) fn new_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|error| {
        tracing::error!(%error, "no randomness for a session token");
        AppError::Internal
    })?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The session token from a `Cookie` header, if any.
pub fn token_from_cookie_header(header: &str) -> Option<&str> {
    crate::kernel::cookies::cookie_in(header, COOKIE_NAME).filter(|value| !value.is_empty())
}

fn request_token() -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    let token = crate::kernel::cookies::request_cookies(&parts.headers, COOKIE_NAME)
        .find(|value| !value.is_empty())
        .map(str::to_owned);
    token
}

/// `Secure` when people reach the site over HTTPS (the configured site address says so).
pub(crate) fn request_is_https() -> bool {
    crate::kernel::site::is_https()
}

/// The `Set-Cookie` value for a session token. SameSite=Lax, not Strict: a link shared on WhatsApp must
/// open signed in.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{COOKIE_NAME}={token}; Path=/; Max-Age={ABSOLUTE_TIMEOUT_SECONDS}; HttpOnly; SameSite=Lax{secure}"
    )
}

pub(crate) fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Starts a session for `account_id`: ends the one this browser had (rotation) and sets the new cookie.
pub async fn start(pool: &Db, account_id: i64, now: i64) -> Result<(), AppError> {
    if let Some(old) = request_token() {
        crate::on_db!(pool, |c| sqlx::query(
            "DELETE FROM sessions WHERE token_hash = $1"
        )
        .bind(hash_token(&old))
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }
    let token = insert(pool, account_id, now).await?;
    set_cookie(&session_cookie(&token, request_is_https()));
    Ok(())
}

/// A new session row for `account_id` created at `now`; returns the cookie's token.
async fn insert(pool: &Db, account_id: i64, now: i64) -> Result<String, AppError> {
    let token = new_token()?;
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(hash_token(&token))
    .bind(account_id)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(token)
}

/// Ends this browser's session on the server and clears the cookie.
pub async fn end(pool: &Db) -> Result<(), AppError> {
    if let Some(token) = request_token() {
        crate::on_db!(pool, |c| sqlx::query(
            "DELETE FROM sessions WHERE token_hash = $1"
        )
        .bind(hash_token(&token))
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }
    set_cookie(&format!(
        "{COOKIE_NAME}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
    ));
    Ok(())
}

/// Ends every session of an account (after a password reset).
pub async fn end_all(pool: &Db, account_id: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM sessions WHERE account_id = $1"
    )
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// The account signed in with this request's cookie, honouring both timeouts.
pub async fn current_account_id(pool: &Db) -> Result<Option<i64>, AppError> {
    let Some(token) = request_token() else {
        return Ok(None);
    };
    Ok(account_for_token(pool, &token, crate::db::now_unix()).await?)
}

/// Looks a token up at time `now`; ends the session if it timed out, refreshes its last use otherwise.
pub async fn account_for_token(
    pool: &Db,
    token: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let token_hash = hash_token(token);
    let row: Option<(i64, i64, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT account_id, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
    )
    .bind(&token_hash)
    .fetch_optional(c)
    .await)?;
    let Some((account_id, created_at, last_seen_at)) = row else {
        return Ok(None);
    };
    if now - last_seen_at > IDLE_TIMEOUT_SECONDS || now - created_at > ABSOLUTE_TIMEOUT_SECONDS {
        crate::on_db!(pool, |c| sqlx::query(
            "DELETE FROM sessions WHERE token_hash = $1"
        )
        .bind(&token_hash)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
        return Ok(None);
    }
    if now - last_seen_at > TOUCH_INTERVAL_SECONDS {
        crate::on_db!(pool, |c| sqlx::query(
            "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2"
        )
        .bind(now)
        .bind(&token_hash)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }
    Ok(Some(account_id))
}

/// For tests: a session for `account_id` started at `now`, without a request; returns the cookie token.
pub async fn insert_for_tests(pool: &Db, account_id: i64, now: i64) -> Result<String, AppError> {
    insert(pool, account_id, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_found_among_other_cookies() {
        assert_eq!(
            token_from_cookie_header("i18n_pref_locale=en; sk_session=abc; x=1"),
            Some("abc")
        );
        assert_eq!(token_from_cookie_header("sk_session="), None);
        assert_eq!(token_from_cookie_header("xsk_session=abc"), None);
    }

    #[test]
    fn the_cookie_is_http_only_and_lax() {
        let cookie = session_cookie("t", false);
        assert!(cookie.contains("HttpOnly"));
        assert!(cookie.contains("SameSite=Lax"));
        assert!(!cookie.contains("Secure"));
        assert!(session_cookie("t", true).ends_with("; Secure"));
    }

    #[tokio::test]
    async fn sessions_end_after_idle_and_absolute_timeouts() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        crate::demo::load(&pool, 1_800_000_000).await.unwrap();
        let cipher = crate::akun::nik::NikCipher::from_key([1; 32]);
        crate::demo::load_accounts(&pool, &cipher, 1_800_000_000)
            .await
            .unwrap();
        let account: i64 = crate::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT id FROM accounts ORDER BY id LIMIT 1"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        let start = 1_800_000_000;
        let token = insert_for_tests(&pool, account, start).await.unwrap();
        assert_eq!(
            account_for_token(&pool, &token, start + 60).await.unwrap(),
            Some(account)
        );
        // Used every six days: never idle too long, but the absolute limit still ends it.
        let mut now = start;
        while now + 6 * 24 * 3600 - start <= ABSOLUTE_TIMEOUT_SECONDS {
            now += 6 * 24 * 3600;
            assert_eq!(
                account_for_token(&pool, &token, now).await.unwrap(),
                Some(account)
            );
        }
        assert_eq!(
            account_for_token(&pool, &token, start + ABSOLUTE_TIMEOUT_SECONDS + 1)
                .await
                .unwrap(),
            None
        );

        let idle = insert_for_tests(&pool, account, start).await.unwrap();
        assert_eq!(
            account_for_token(&pool, &idle, start + IDLE_TIMEOUT_SECONDS + 1)
                .await
                .unwrap(),
            None
        );
        // Ended sessions are gone from the database, not just refused.
        assert_eq!(
            account_for_token(&pool, &idle, start + 1).await.unwrap(),
            None
        );
    }
}
