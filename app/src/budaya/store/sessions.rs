//! The sessions of a listing as the organiser manages them: adding, cancelling and moving one (the
//! registered people are told), and the organiser's view with seats taken.

use super::agenda::CONFIRMED_SEATS;
use super::listings::refresh_span;
use super::tickets::{tell, Recipient};
use crate::budaya::seats::seats_left;
use crate::budaya::{ManagedSession, Registrant, TicketStatus};
use crate::db::decode_code;
use crate::db::Db;
use crate::notifikasi::store::Bilingual;

/// Adds sessions; one already at the same start is left as it is. Returns how many were added.
pub async fn add_sessions(
    pool: &Db,
    event_id: i64,
    sessions: &[(i64, i64)],
    capacity: Option<i64>,
) -> Result<u64, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let mut added = 0;
    for (starts_at, ends_at) in sessions {
        added += crate::on_db!(&mut tx, |c| sqlx::query(
            "INSERT INTO event_sessions (event_id, starts_at, ends_at, capacity) VALUES ($1, $2, $3, $4)
             ON CONFLICT (event_id, starts_at) DO NOTHING",
        )
        .bind(event_id)
        .bind(starts_at)
        .bind(ends_at)
        .bind(capacity)
        .execute(c).await.map(crate::db::Done::from))?
        .rows_affected();
    }
    refresh_span(&mut tx, event_id).await?;
    tx.commit().await?;
    Ok(added)
}

async fn active_registrants(
    tx: &mut crate::db::Tx,
    session_id: i64,
) -> Result<Vec<Recipient>, sqlx::Error> {
    crate::on_db!(&mut *tx, |c| {
        sqlx::query_as::<_, Recipient>(
        "SELECT a.id AS account_id, a.phone, a.locale, r.ticket_code FROM event_registrations r
         JOIN accounts a ON a.id = r.account_id WHERE r.session_id = $1 AND r.status <> 'cancelled'",
    )
    .bind(session_id)
    .fetch_all(c).await
    })
}

/// Cancels a session of `event_id` and tells every registrant; `false` if no such scheduled session.
pub async fn cancel_session(
    pool: &Db,
    event_id: i64,
    session_id: i64,
    reason: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let found: Option<(String, i64)> = crate::on_db!(&mut tx, |c| {
        sqlx::query_as(
        "UPDATE event_sessions SET status = 'cancelled' WHERE id = $1 AND event_id = $2 AND status = 'scheduled'
         RETURNING (SELECT title_id FROM events WHERE id = $2), starts_at",
    )
    .bind(session_id)
    .bind(event_id)
    .fetch_optional(c).await
    })?;
    let Some((title, starts_at)) = found else {
        return Ok(false);
    };
    let day_id = crate::format::long_date(starts_at, crate::i18n::Locale::id);
    let day_en = crate::format::long_date(starts_at, crate::i18n::Locale::en);
    for recipient in active_registrants(&mut tx, session_id).await? {
        let id = format!("{title} pada {day_id} dibatalkan penyelenggara: {reason}");
        let en = format!("{title} on {day_en} was cancelled by the organiser: {reason}");
        tell(
            &mut tx,
            &recipient,
            "session_cancelled",
            Bilingual { id: &id, en: &en },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// What became of moving a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Moved,
    NoSuchSession,
    /// Another session of this listing already starts then.
    Clash,
}

/// Moves a scheduled session to a new time and tells every registrant (their tickets stay valid).
pub async fn move_session(
    pool: &Db,
    event_id: i64,
    session_id: i64,
    starts_at: i64,
    ends_at: i64,
    now: i64,
) -> Result<Moved, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let clash: i64 = crate::on_db!(&mut tx, |c| {
        sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_sessions WHERE event_id = $1 AND starts_at = $2 AND id <> $3",
    )
    .bind(event_id)
    .bind(starts_at)
    .bind(session_id)
    .fetch_one(c).await
    })?;
    if clash > 0 {
        return Ok(Moved::Clash);
    }
    let title: Option<String> = crate::on_db!(&mut tx, |c| sqlx::query_scalar(
        "UPDATE event_sessions SET starts_at = $3, ends_at = $4
         WHERE id = $1 AND event_id = $2 AND status = 'scheduled'
         RETURNING (SELECT title_id FROM events WHERE id = $2)",
    )
    .bind(session_id)
    .bind(event_id)
    .bind(starts_at)
    .bind(ends_at)
    .fetch_optional(c)
    .await)?;
    let Some(title) = title else {
        return Ok(Moved::NoSuchSession);
    };
    let when_id = format!(
        "{} {}",
        crate::format::long_date(starts_at, crate::i18n::Locale::id),
        crate::format::time_of_day(starts_at, crate::i18n::Locale::id)
    );
    let when_en = format!(
        "{} {}",
        crate::format::long_date(starts_at, crate::i18n::Locale::en),
        crate::format::time_of_day(starts_at, crate::i18n::Locale::en)
    );
    for recipient in active_registrants(&mut tx, session_id).await? {
        let id = format!("{title} dipindah ke {when_id}. Tiket Anda tetap berlaku.");
        let en = format!("{title} moved to {when_en}. Your ticket stays valid.");
        tell(
            &mut tx,
            &recipient,
            "session_moved",
            Bilingual { id: &id, en: &en },
            now,
        )
        .await?;
    }
    refresh_span(&mut tx, event_id).await?;
    tx.commit().await?;
    Ok(Moved::Moved)
}

#[derive(sqlx::FromRow)]
struct ManagedSessionRow {
    id: i64,
    starts_at: i64,
    ends_at: i64,
    capacity: Option<i64>,
    confirmed_seats: i64,
    checked_in_seats: i64,
    cancelled: bool,
}

/// The organiser's view: sessions from yesterday on, each with its registrations.
pub async fn managed_sessions(
    pool: &Db,
    event_id: i64,
    now: i64,
) -> Result<Vec<ManagedSession>, sqlx::Error> {
    let rows = crate::on_db!(pool, |c| {
        sqlx::query_as::<_, ManagedSessionRow>(&format!(
        "SELECT s.id, s.starts_at, s.ends_at, s.capacity, {CONFIRMED_SEATS} AS confirmed_seats,
                CAST(COALESCE((SELECT SUM(r.seats) FROM event_registrations r WHERE r.session_id = s.id
                  AND r.checked_in_at IS NOT NULL), 0) AS BIGINT) AS checked_in_seats,
                s.status = 'cancelled' AS cancelled
         FROM event_sessions s WHERE s.event_id = $1 AND s.ends_at > $2 ORDER BY s.starts_at LIMIT 30"
    ))
    .bind(event_id)
    .bind(now - 86_400)
    .fetch_all(c).await
    })?;
    let mut sessions = Vec::with_capacity(rows.len());
    for row in rows {
        let registrants: Vec<(String, String, i64, String, bool)> = crate::on_db!(pool, |c| {
            sqlx::query_as(
            "SELECT r.ticket_code, a.name, r.seats, r.status, r.checked_in_at IS NOT NULL
             FROM event_registrations r JOIN accounts a ON a.id = r.account_id
             WHERE r.session_id = $1 AND r.status <> 'cancelled' ORDER BY r.status, r.created_at, r.id",
        )
        .bind(row.id)
        .fetch_all(c).await
        })?;
        sessions.push(ManagedSession {
            id: row.id,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            capacity: row.capacity,
            seats_left: row
                .capacity
                .map(|capacity| seats_left(capacity, row.confirmed_seats)),
            checked_in_seats: row.checked_in_seats,
            cancelled: row.cancelled,
            registrants: registrants
                .into_iter()
                .map(|(code, name, seats, status, checked_in)| {
                    Ok(Registrant {
                        status: decode_code("ticket status", &status, TicketStatus::from_code)?,
                        code,
                        name,
                        seats,
                        checked_in,
                    })
                })
                .collect::<Result<_, sqlx::Error>>()?,
        });
    }
    Ok(sessions)
}
