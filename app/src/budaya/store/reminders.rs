//! The day-before reminder: everyone holding a confirmed ticket for a session hears about it once, by
//! message and in the app, from 07:00 WIB the day before (never at night). Posyandu and vaccination
//! days rely on it; classes and festivals get it too.

use crate::db::Db;
use crate::i18n::Locale;
use crate::kernel::dates::{day_before_reminder_time as reminder_time, CivilDate};
use crate::notifikasi::store::Bilingual;

use super::tickets::{tell, Recipient};

/// The most reminders one round queues; the next round takes the rest.
const ROUND: i64 = 500;

#[derive(sqlx::FromRow)]
struct Due {
    registration_id: i64,
    starts_at: i64,
    title_id: String,
    title_en: Option<String>,
    venue: String,
    #[sqlx(flatten)]
    recipient: Recipient,
}

/// Queues the reminders due at `now`; returns how many. Each ticket is marked in the same write
/// transaction that queues its message, and only if it was not marked yet, so a restart, a second
/// round or a second app server never reminds anyone twice. Finding what is due only reads: a round
/// with nothing due takes no write lock.
pub async fn send_due_reminders(pool: &Db, now: i64) -> Result<usize, sqlx::Error> {
    // A session starting before the end of tomorrow (WIB) may have its reminder due now.
    let horizon = CivilDate::from_days(CivilDate::of_unix_wib(now).days() + 2).at_wib(0);
    let candidates: Vec<Due> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT r.id AS registration_id, s.starts_at, e.title_id, e.title_en, e.venue,
                a.id AS account_id, a.phone, a.locale, r.ticket_code
         FROM event_sessions s
         JOIN events e ON e.id = s.event_id
         JOIN event_registrations r ON r.session_id = s.id
         JOIN accounts a ON a.id = r.account_id
         WHERE s.starts_at > $1 AND s.starts_at < $2 AND s.status = 'scheduled'
           AND r.status = 'confirmed' AND r.reminded_at IS NULL
         ORDER BY s.starts_at, r.id
         LIMIT $3",
    )
    .bind(now)
    .bind(horizon)
    .bind(ROUND)
    .fetch_all(c)
    .await)?;
    let mut sent = 0;
    for due in candidates
        .into_iter()
        .filter(|due| reminder_time(due.starts_at) <= now)
    {
        let mut tx = crate::db::begin_write(pool).await?;
        let marked = crate::on_db!(&mut tx, |c| sqlx::query(
            "UPDATE event_registrations SET reminded_at = $1
             WHERE id = $2 AND reminded_at IS NULL AND status = 'confirmed'",
        )
        .bind(now)
        .bind(due.registration_id)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
        if marked.rows_affected() == 0 {
            // Another server reminded them, or the ticket was cancelled, since the list was read.
            tx.rollback().await?;
            continue;
        }
        let title_en = due.title_en.as_deref().unwrap_or(&due.title_id);
        let when = |locale| {
            format!(
                "{}, {}",
                crate::format::long_date(due.starts_at, locale),
                crate::format::time_of_day(due.starts_at, locale)
            )
        };
        let id = format!(
            "Pengingat: {} pada {} di {}. Tunjukkan tiket Anda.",
            due.title_id,
            when(Locale::id),
            due.venue
        );
        let en = format!(
            "Reminder: {title_en} on {} at {}. Show your ticket.",
            when(Locale::en),
            due.venue
        );
        tell(
            &mut tx,
            &due.recipient,
            "session_reminder",
            Bilingual { id: &id, en: &en },
            now,
        )
        .await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
