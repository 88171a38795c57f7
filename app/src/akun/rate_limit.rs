//! Rate limits for sign-in, sign-up and reset codes (server only): fixed-window counters in the database,
//! per phone number and, more generously, per IP (whole villages share one carrier IP).

use crate::db::Db;

use crate::error::AppError;

/// The client's address, put into each request's extensions by the server (from the socket, or from
/// `X-Forwarded-For` when the server is told it runs behind a proxy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientIp(pub String);

/// The limited actions and their limits, in one place: per phone number, and more generously per IP
/// (a whole village may share one carrier IP).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    SignIn,
    SignUp,
    ResetCode,
    /// Entering an invitation code (eight digits, bound to the signed-in number).
    InvitationCode,
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::SignIn => "sign_in",
            Action::SignUp => "sign_up",
            Action::ResetCode => "reset_code",
            Action::InvitationCode => "invitation_code",
        }
    }

    /// (per phone, per IP, window in seconds). Sign-in has no limit per phone: a number is public, and
    /// a limit on it would let anyone lock the owner out (`sign_in_guard` slows the failing client
    /// instead); its IP limit only guards against floods, and known devices skip it.
    fn limits(self) -> (i64, i64, i64) {
        match self {
            Action::SignIn => (i64::MAX, 1_000, 15 * 60),
            // Per IP for a client without a device cookie (a script); see `hit_sign_up` for phones.
            Action::SignUp => (5, 30, 3600),
            Action::ResetCode => (3, 30, 3600),
            Action::InvitationCode => (10, 100, 3600),
        }
    }
}

/// Counts one attempt at `action` for this phone number and this request's IP.
pub async fn hit_action(pool: &Db, action: Action, phone: &str, now: i64) -> Result<(), AppError> {
    let (per_phone, per_ip, window) = action.limits();
    let limits = [
        Limit::per_phone(action.code(), phone, per_phone, window),
        Limit::per_ip(action.code(), per_ip, window),
    ];
    hit(pool, &limits, now).await
}

/// Sign-ups a browser (its device cookie, set by the sign-up page) may make in an hour: a family signing
/// up on one phone, or an operator helping residents at the balai desa.
pub const SIGN_UPS_PER_DEVICE_PER_HOUR: i64 = 10;
/// Sign-ups from one address in an hour when each comes from its own browser: mobile carriers put a
/// whole village behind one address on its sign-up day.
pub const SIGN_UPS_PER_IP_PER_HOUR: i64 = 300;

/// Counts one sign-up attempt. Limited by more than the address: per phone number, per browser (its
/// device cookie), and per address — generously for browsers that carry a device cookie, as tightly as
/// before (30 an hour) for clients without one (scripts that never keep cookies).
pub async fn hit_sign_up(
    pool: &Db,
    phone: &str,
    device_hash: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    let action = Action::SignUp;
    let (per_phone, per_ip_without_device, window) = action.limits();
    let mut limits = vec![
        Limit::per_phone(action.code(), phone, per_phone, window),
        Limit::per_ip(action.code(), SIGN_UPS_PER_IP_PER_HOUR, window),
    ];
    match device_hash {
        Some(device) => limits.push(Limit {
            key: format!("{}:device:{device}", action.code()),
            limit: SIGN_UPS_PER_DEVICE_PER_HOUR,
            window_seconds: window,
        }),
        None => limits.push(Limit::per_ip(
            "sign_up_without_device",
            per_ip_without_device,
            window,
        )),
    }
    hit(pool, &limits, now).await
}

/// One counter: at most `limit` hits per `window_seconds` for `key`.
#[derive(Debug, Clone)]
pub struct Limit {
    pub key: String,
    pub limit: i64,
    pub window_seconds: i64,
}

impl Limit {
    pub fn per_phone(action: &str, phone: &str, limit: i64, window_seconds: i64) -> Self {
        Limit {
            key: format!("{action}:phone:{phone}"),
            limit,
            window_seconds,
        }
    }

    /// For actions of a signed-in person (requests, registrations, photos, complaints).
    pub fn per_account(action: &str, account_id: i64, limit: i64, window_seconds: i64) -> Self {
        Limit {
            key: format!("{action}:account:{account_id}"),
            limit,
            window_seconds,
        }
    }

    pub fn per_ip(action: &str, limit: i64, window_seconds: i64) -> Self {
        Limit {
            key: format!("{action}:ip:{}", client_ip()),
            limit,
            window_seconds,
        }
    }
}

pub fn client_ip() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientIp>().cloned())
        .map(|ip| ip.0)
        .unwrap_or_else(|| "unknown".into())
}

/// Counts one attempt against every limit; refuses with `TooManyAttempts` (HTTP 429) when any is over.
pub async fn hit(pool: &Db, limits: &[Limit], now: i64) -> Result<(), AppError> {
    let mut over = false;
    for limit in limits {
        let window_start = now - now.rem_euclid(limit.window_seconds);
        let hits: i64 = crate::on_db!(pool, |c| sqlx::query_scalar(
            "INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES ($1, $2, 1)
             ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
             RETURNING hits",
        )
        .bind(&limit.key)
        .bind(window_start)
        .fetch_one(c)
        .await)?;
        over |= hits > limit.limit;
    }
    if over {
        Err(AppError::TooManyAttempts.with_status())
    } else {
        Ok(())
    }
}

/// Forgets windows that ended more than a day ago.
pub async fn prune(pool: &Db, now: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM rate_limit_hits WHERE window_start < $1"
    )
    .bind(now - 24 * 3600)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_limit_holds_within_a_window_and_resets_after() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        let limit = [Limit::per_phone("sign_in", "+6281234567890", 3, 900)];
        // The start of a 15-minute window.
        let now = 1_800_000_000;
        assert_eq!(now % 900, 0);
        for _ in 0..3 {
            hit(&pool, &limit, now).await.unwrap();
        }
        assert_eq!(
            hit(&pool, &limit, now + 10).await,
            Err(AppError::TooManyAttempts)
        );
        // Another number is not affected.
        hit(
            &pool,
            &[Limit::per_phone("sign_in", "+6281200000000", 3, 900)],
            now,
        )
        .await
        .unwrap();
        // The next window starts fresh.
        hit(&pool, &limit, now + 900).await.unwrap();
    }
}
