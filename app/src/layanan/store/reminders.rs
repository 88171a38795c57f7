//! The visit reminder: a resident whose request has a slot at the village office hears about it once, by
//! message and in the app, from 07:00 WIB the day before (as Budaya's session reminders).

use crate::db::Db;
use crate::i18n::Locale;
use crate::kernel::dates::{day_before_reminder_time, CivilDate};
use crate::notifikasi::store::{self as notifikasi, Addressee, Bilingual};

/// The most reminders one round queues; the next round takes the rest.
const ROUND: i64 = 500;

#[derive(sqlx::FromRow)]
struct DueVisit {
    request_id: i64,
    code: String,
    slot_starts_at: i64,
    queue_number: Option<i64>,
    service_name_id: String,
    service_name_en: Option<String>,
    village_name: String,
    account_id: i64,
    phone: String,
    locale: String,
}

/// Queues the visit reminders due at `now`; returns how many. Each request is marked in the write
/// transaction that queues its message, only if not marked yet: once, across restarts and servers.
pub async fn send_due_visit_reminders(pool: &Db, now: i64) -> Result<usize, sqlx::Error> {
    // A visit before the end of tomorrow (WIB) may have its reminder due now.
    let horizon = CivilDate::from_days(CivilDate::of_unix_wib(now).days() + 2).at_wib(0);
    let candidates: Vec<DueVisit> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT r.id AS request_id, r.code, r.slot_starts_at, r.queue_number,
                s.name_id AS service_name_id, s.name_en AS service_name_en, v.name AS village_name,
                a.id AS account_id, a.phone, a.locale
         FROM service_requests r
         JOIN services s ON s.id = r.service_id
         JOIN villages v ON v.id = r.village_id
         JOIN accounts a ON a.id = r.account_id
         WHERE r.slot_starts_at > $1 AND r.slot_starts_at < $2 AND r.slot_reminded_at IS NULL
           AND r.status NOT IN ('selesai', 'ditolak', 'dibatalkan')
         ORDER BY r.slot_starts_at, r.id
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
        .filter(|due| day_before_reminder_time(due.slot_starts_at) <= now)
    {
        let mut tx = crate::db::begin_write(pool).await?;
        let marked = crate::on_db!(&mut tx, |c| sqlx::query(
            "UPDATE service_requests SET slot_reminded_at = $1
             WHERE id = $2 AND slot_reminded_at IS NULL
               AND status NOT IN ('selesai', 'ditolak', 'dibatalkan')",
        )
        .bind(now)
        .bind(due.request_id)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
        if marked.rows_affected() == 0 {
            // Another server reminded them, or the request was closed, since the list was read.
            tx.rollback().await?;
            continue;
        }
        let when = |locale| {
            format!(
                "{}, {}",
                crate::format::long_date(due.slot_starts_at, locale),
                crate::format::time_of_day(due.slot_starts_at, locale)
            )
        };
        let queue_id = due
            .queue_number
            .map(|number| format!(", antrean nomor {number}"))
            .unwrap_or_default();
        let queue_en = due
            .queue_number
            .map(|number| format!(", queue number {number}"))
            .unwrap_or_default();
        let id = format!(
            "Pengingat: jadwal datang ke kantor Desa {} untuk {} pada {}{queue_id}. Bawa dokumen aslinya.",
            due.village_name,
            due.service_name_id,
            when(Locale::id)
        );
        let en = format!(
            "Reminder: your visit to the {} village office for {} is on {}{queue_en}. Bring the original documents.",
            due.village_name,
            due.service_name_en.as_deref().unwrap_or(&due.service_name_id),
            when(Locale::en)
        );
        let resident = Addressee {
            account_id: due.account_id,
            phone: &due.phone,
            locale: &due.locale,
        };
        notifikasi::tell(
            &mut tx,
            resident,
            Bilingual { id: &id, en: &en },
            &format!("/layanan/permohonan/{}", due.code),
            "layanan_visit_reminder",
            now,
        )
        .await?;
        tx.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
