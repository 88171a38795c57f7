//! Password reset codes: stored hashed, sent through the outbox, counted and spent once.

use crate::db::Db;

/// Stores a new reset code (hashed) and queues its message, in one transaction.
pub async fn create_reset_code(
    pool: &Db,
    account_id: i64,
    phone: &str,
    code_hash: &str,
    message: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    let mut transaction = crate::db::begin_write(pool).await?;
    // Only the newest code works: older ones are spent.
    crate::on_db!(&mut transaction, |c| sqlx::query(
        "UPDATE reset_codes SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL"
    )
    .bind(now)
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::on_db!(&mut transaction, |c| {
        sqlx::query(
        "INSERT INTO reset_codes (account_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(account_id)
    .bind(code_hash)
    .bind(now)
    .bind(expires_at)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    crate::notifikasi::store::enqueue_message(
        &mut transaction,
        Some(account_id),
        phone,
        "password_reset",
        message,
        now,
    )
    .await?;
    transaction.commit().await
}

/// The live code of an account: id, hash, expiry, attempts so far.
pub async fn live_reset_code(
    pool: &Db,
    account_id: i64,
) -> Result<Option<(i64, String, i64, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, code_hash, expires_at, attempts FROM reset_codes
         WHERE account_id = $1 AND used_at IS NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(account_id)
    .fetch_optional(c)
    .await)
}

pub async fn count_reset_attempt(pool: &Db, code_id: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE reset_codes SET attempts = attempts + 1 WHERE id = $1"
    )
    .bind(code_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// Spends the code; false when it was spent meanwhile (two tabs, two taps).
pub async fn spend_reset_code(pool: &Db, code_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let spent = crate::on_db!(pool, |c| sqlx::query(
        "UPDATE reset_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL"
    )
    .bind(now)
    .bind(code_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?
    .rows_affected();
    Ok(spent == 1)
}
