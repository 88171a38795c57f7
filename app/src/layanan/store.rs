//! Layanan data access (server only).

use sqlx::SqlitePool;

use crate::db::decode_code;

use super::{ServiceCard, ServiceKind};

#[derive(sqlx::FromRow)]
struct ServiceCardRow {
    slug: String,
    kind: String,
    name_id: String,
    name_en: Option<String>,
    summary_id: String,
    summary_en: Option<String>,
    processing_days: i64,
    needs_camat: bool,
    fee_rupiah: i64,
    village_name: String,
    village_slug: String,
    village_count: i64,
}

const CATALOGUE_ORDER: &str = "ORDER BY s.needs_camat DESC, s.kind DESC, s.name_id, v.name";

/// One village's catalogue, or — with `village_slug` empty — one entry per service offered anywhere,
/// with the number of villages offering it (the overview a visitor sees before choosing a village).
pub async fn list_services(
    pool: &SqlitePool,
    village_slug: &str,
    limit: i64,
) -> Result<Vec<ServiceCard>, sqlx::Error> {
    let rows = if village_slug.is_empty() {
        sqlx::query_as::<_, ServiceCardRow>(&format!(
            "SELECT s.slug, s.kind, s.name_id, s.name_en, s.summary_id, s.summary_en, s.processing_days,
                    s.needs_camat, s.fee_rupiah, v.name AS village_name, v.slug AS village_slug,
                    (SELECT COUNT(*) FROM services same WHERE same.slug = s.slug) AS village_count
             FROM services s
             JOIN villages v ON v.id = s.village_id
             WHERE s.id IN (SELECT MIN(first.id) FROM services first GROUP BY first.slug)
             {CATALOGUE_ORDER}
             LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(pool)
        .await?
    } else {
        sqlx::query_as::<_, ServiceCardRow>(&format!(
            "SELECT s.slug, s.kind, s.name_id, s.name_en, s.summary_id, s.summary_en, s.processing_days,
                    s.needs_camat, s.fee_rupiah, v.name AS village_name, v.slug AS village_slug,
                    1 AS village_count
             FROM services s
             JOIN villages v ON v.id = s.village_id
             WHERE v.slug = $1
             {CATALOGUE_ORDER}
             LIMIT $2"
        ))
        .bind(village_slug)
        .bind(limit)
        .fetch_all(pool)
        .await?
    };
    rows.into_iter()
        .map(|row| {
            let kind = decode_code("service kind", &row.kind, ServiceKind::from_code)?;
            Ok(ServiceCard {
                slug: row.slug,
                kind,
                name_id: row.name_id,
                name_en: row.name_en,
                summary_id: row.summary_id,
                summary_en: row.summary_en,
                processing_days: row.processing_days,
                needs_camat: row.needs_camat,
                fee_rupiah: row.fee_rupiah,
                village_name: row.village_name,
                village_slug: row.village_slug,
                village_count: row.village_count,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_overview_lists_each_service_once_and_a_village_its_own_catalogue() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        crate::demo::load(&pool, 1_800_000_000).await.unwrap();

        let overview = list_services(&pool, "", 48).await.unwrap();
        let mut slugs: Vec<_> = overview
            .iter()
            .map(|service| service.slug.as_str())
            .collect();
        slugs.dedup();
        assert_eq!(slugs.len(), overview.len(), "no service twice");
        assert!(overview.iter().all(|service| service.village_count == 6));
        // Letters the camat signs come first: they are the reason to use the platform.
        assert!(overview[0].needs_camat);

        let kemiren = list_services(&pool, "kemiren", 48).await.unwrap();
        assert_eq!(kemiren.len(), overview.len());
        assert!(kemiren
            .iter()
            .all(|service| service.village_slug == "kemiren"));
    }
}

// ---------------------------------------------------------------------------------------------------
// Requests: submitting, moving along the status machine, issuing letters.

use sqlx::{Sqlite, Transaction};

use super::request_flow::{next_status, RequestFacts, RequestRole, RequestStatus};
use super::{FormField, RequestSummary, TimelineStep};
use crate::notifikasi::store::{enqueue_message, notify, Bilingual};

/// A service with what a request needs from it and its village.
#[derive(sqlx::FromRow, Clone)]
pub struct ServiceRow {
    pub id: i64,
    pub slug: String,
    pub kind: String,
    pub name_id: String,
    pub name_en: Option<String>,
    pub summary_id: String,
    pub summary_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub requirements_id: String,
    pub requirements_en: Option<String>,
    pub processing_days: i64,
    pub needs_camat: bool,
    pub needs_slot: bool,
    pub fee_rupiah: i64,
    pub slot_minutes: i64,
    pub slot_capacity: i64,
    pub classification_code: String,
    pub letter_title: String,
    pub letter_template: String,
    pub village_id: i64,
    pub village_slug: String,
    pub village_name: String,
    pub village_kind: String,
    pub village_code: String,
    pub office_address: String,
    pub kecamatan_code: String,
    pub kecamatan_name: String,
}

const SERVICE_SELECT: &str = "SELECT s.id, s.slug, s.kind, s.name_id, s.name_en, s.summary_id, s.summary_en,
        s.description_id, s.description_en, s.requirements_id, s.requirements_en, s.processing_days,
        s.needs_camat, s.needs_slot, s.fee_rupiah, s.slot_minutes, s.slot_capacity, s.classification_code,
        s.letter_title, s.letter_template, v.id AS village_id, v.slug AS village_slug, v.name AS village_name,
        v.kind AS village_kind, v.code AS village_code, v.office_address, k.code AS kecamatan_code,
        k.name AS kecamatan_name
     FROM services s JOIN villages v ON v.id = s.village_id JOIN kecamatan k ON k.code = v.kecamatan_code";

/// A service residents may request now (active).
pub async fn find_service(
    pool: &SqlitePool,
    village_slug: &str,
    service_slug: &str,
) -> Result<Option<ServiceRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SERVICE_SELECT} WHERE v.slug = $1 AND s.slug = $2 AND s.is_active"
    ))
    .bind(village_slug)
    .bind(service_slug)
    .fetch_optional(pool)
    .await
}

/// The service a request was made for, even if the staff switched it off since: requests already made
/// go on to the end.
pub async fn service_of_request(
    pool: &SqlitePool,
    request: &RequestRow,
) -> Result<ServiceRow, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SERVICE_SELECT} WHERE v.slug = $1 AND s.slug = $2"
    ))
    .bind(&request.village_slug)
    .bind(&request.service_slug)
    .fetch_one(pool)
    .await
}

pub async fn service_fields(
    pool: &SqlitePool,
    service_id: i64,
) -> Result<Vec<FormField>, sqlx::Error> {
    let rows: Vec<(String, String, Option<String>, String, String, bool)> = sqlx::query_as(
        "SELECT name, label_id, label_en, kind, options, required FROM service_fields
         WHERE service_id = $1 ORDER BY position",
    )
    .bind(service_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(name, label_id, label_en, kind, options, required)| {
            Ok(FormField {
                kind: decode_code("field kind", &kind, super::FieldKind::from_code)?,
                options: options
                    .lines()
                    .map(str::trim)
                    .filter(|option| !option.is_empty())
                    .map(str::to_string)
                    .collect(),
                name,
                label_id,
                label_en,
                required,
            })
        })
        .collect()
}

/// The slot rules of a service: its weekly hours and the village's closed dates.
pub async fn slot_rules(
    pool: &SqlitePool,
    service: &ServiceRow,
) -> Result<super::slots::SlotRules, sqlx::Error> {
    let hours: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT weekday, opens, closes FROM service_hours WHERE service_id = $1 ORDER BY weekday, opens",
    )
    .bind(service.id)
    .fetch_all(pool)
    .await?;
    let closed: Vec<String> =
        sqlx::query_scalar("SELECT date FROM village_closed_dates WHERE village_id = $1")
            .bind(service.village_id)
            .fetch_all(pool)
            .await?;
    Ok(super::slots::SlotRules {
        hours: hours
            .into_iter()
            .map(|(weekday, opens, closes)| super::slots::OpeningHours {
                weekday: weekday as u32,
                opens: opens as u32,
                closes: closes as u32,
            })
            .collect(),
        slot_minutes: service.slot_minutes as u32,
        capacity: service.slot_capacity,
        closed: closed
            .iter()
            .filter_map(|date| crate::kernel::dates::CivilDate::parse(date))
            .collect(),
    })
}

/// People booked per slot start of a service between two instants (cancelled/rejected requests free
/// their place).
pub async fn bookings(
    pool: &SqlitePool,
    service_id: i64,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT slot_starts_at, COUNT(*) FROM service_requests
         WHERE service_id = $1 AND slot_starts_at >= $2 AND slot_starts_at < $3
           AND status NOT IN ('dibatalkan', 'ditolak')
         GROUP BY slot_starts_at",
    )
    .bind(service_id)
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await
}

/// Why a request was not submitted.
#[derive(Debug)]
pub enum SubmitRefused {
    /// Every place of the chosen slot was taken meanwhile.
    SlotFull,
    /// The person already holds a visit for this service on that day (one account filled every slot).
    AlreadyBookedThatDay,
    /// The request was closed (done, rejected, cancelled) meanwhile: its visit no longer moves.
    Closed,
    Database(sqlx::Error),
}

impl From<sqlx::Error> for SubmitRefused {
    fn from(error: sqlx::Error) -> Self {
        SubmitRefused::Database(error)
    }
}

/// Records a request with its answers and (if any) its visit slot, in one `BEGIN IMMEDIATE` transaction:
/// the slot's bookings are counted first, so concurrent residents can never overbook it, and the queue
/// number is the next of the village's day. Returns the tracking code and the queue number.
pub async fn submit_request(
    pool: &SqlitePool,
    account_id: i64,
    service: &ServiceRow,
    answers: &[(String, String)],
    slot_starts_at: Option<i64>,
    code: &str,
    now: i64,
) -> Result<Option<i64>, SubmitRefused> {
    let mut tx = crate::db::begin_write(pool).await?;
    let (slot_day, queue_number) = match slot_starts_at {
        Some(starts_at) => {
            let (day, number) = book_slot(&mut tx, service, account_id, starts_at, None).await?;
            (Some(day), Some(number))
        }
        None => (None, None),
    };
    let request_id: i64 = sqlx::query_scalar(
        "INSERT INTO service_requests (code, service_id, village_id, account_id, status, slot_starts_at, slot_day,
                                       queue_number, created_at, updated_at, holder_legal_name)
         VALUES ($1, $2, $3, $4, 'diajukan', $5, $6, $7, $8, $8,
                 (SELECT full_name FROM resident_verifications WHERE account_id = $4 AND status = 'verified'))
         RETURNING id",
    )
    .bind(code)
    .bind(service.id)
    .bind(service.village_id)
    .bind(account_id)
    .bind(slot_starts_at)
    .bind(&slot_day)
    .bind(queue_number)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    save_answers(&mut tx, request_id, answers).await?;
    record_step(
        &mut tx,
        request_id,
        RequestStatus::Diajukan,
        Some(account_id),
        RequestRole::Pemohon,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(queue_number)
}

/// Takes a place in a slot inside a write transaction: counts who already holds one (but `moving`, the
/// request being rescheduled), refuses when the slot is full, and gives the next queue number of the
/// village's day. Returns the day (`2026-12-01`) and the queue number.
async fn book_slot(
    tx: &mut Transaction<'static, Sqlite>,
    service: &ServiceRow,
    account_id: i64,
    starts_at: i64,
    moving: Option<i64>,
) -> Result<(String, i64), SubmitRefused> {
    let day = crate::kernel::dates::CivilDate::of_unix_wib(starts_at).iso();
    let held_that_day: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM service_requests WHERE service_id = $1 AND account_id = $2 AND slot_day = $3
           AND status NOT IN ('dibatalkan', 'ditolak', 'selesai') AND id IS NOT $4)",
    )
    .bind(service.id)
    .bind(account_id)
    .bind(&day)
    .bind(moving)
    .fetch_one(&mut **tx)
    .await?;
    if held_that_day {
        return Err(SubmitRefused::AlreadyBookedThatDay);
    }
    let booked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM service_requests WHERE service_id = $1 AND slot_starts_at = $2
           AND status NOT IN ('dibatalkan', 'ditolak') AND id IS NOT $3",
    )
    .bind(service.id)
    .bind(starts_at)
    .bind(moving)
    .fetch_one(&mut **tx)
    .await?;
    if booked >= service.slot_capacity {
        return Err(SubmitRefused::SlotFull);
    }
    let next: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(queue_number), 0) + 1 FROM service_requests WHERE village_id = $1 AND slot_day = $2",
    )
    .bind(service.village_id)
    .bind(&day)
    .fetch_one(&mut **tx)
    .await?;
    Ok((day, next))
}

/// The timeline event of a visit moved to another slot (not a status).
const VISIT_MOVED: &str = "jadwal_dipindah";

/// Whether a request's visit may still be moved: not once it is done, rejected or cancelled.
pub fn visit_movable(status: RequestStatus) -> bool {
    !matches!(
        status,
        RequestStatus::Selesai | RequestStatus::Ditolak | RequestStatus::Dibatalkan
    )
}

/// Moves a request's visit to another slot (same checks as booking; the place in the old slot is freed
/// and the new day's next queue number given) and notes it on the timeline. Returns the queue number.
pub async fn reschedule_request(
    pool: &SqlitePool,
    request: &RequestRow,
    service: &ServiceRow,
    starts_at: i64,
    now: i64,
) -> Result<i64, SubmitRefused> {
    let mut tx = crate::db::begin_write(pool).await?;
    // Read again under the write lock: a staff move may have closed the request since the page loaded.
    let status: String = sqlx::query_scalar("SELECT status FROM service_requests WHERE id = $1")
        .bind(request.id)
        .fetch_one(&mut *tx)
        .await?;
    let status = decode_code("request status", &status, RequestStatus::from_code)?;
    if !visit_movable(status) {
        return Err(SubmitRefused::Closed);
    }
    let (day, number) = book_slot(
        &mut tx,
        service,
        request.account_id,
        starts_at,
        Some(request.id),
    )
    .await?;
    sqlx::query(
        "UPDATE service_requests SET slot_starts_at = $1, slot_day = $2, queue_number = $3, updated_at = $4
         WHERE id = $5",
    )
    .bind(starts_at)
    .bind(&day)
    .bind(number)
    .bind(now)
    .bind(request.id)
    .execute(&mut *tx)
    .await?;
    // Not a status change: the event keeps the new slot and queue number (`1796000000 3`), which the
    // timeline shows in the viewer's language.
    let note = format!("{starts_at} {number}");
    sqlx::query(
        "INSERT INTO request_events (request_id, status, actor_account_id, role, note, at)
         VALUES ($1, $2, $3, 'pemohon', $4, $5)",
    )
    .bind(request.id)
    .bind(VISIT_MOVED)
    .bind(request.account_id)
    .bind(&note)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(number)
}

async fn save_answers(
    tx: &mut Transaction<'static, Sqlite>,
    request_id: i64,
    answers: &[(String, String)],
) -> Result<(), sqlx::Error> {
    for (name, value) in answers {
        sqlx::query(
            "INSERT INTO request_answers (request_id, name, value) VALUES ($1, $2, $3)
             ON CONFLICT (request_id, name) DO UPDATE SET value = excluded.value",
        )
        .bind(request_id)
        .bind(name)
        .bind(value)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub fn role_code(role: RequestRole) -> &'static str {
    match role {
        RequestRole::Pemohon => "pemohon",
        RequestRole::Operator => "operator",
        RequestRole::Kades => "kades",
        RequestRole::Camat => "camat",
    }
}

async fn record_step(
    tx: &mut Transaction<'static, Sqlite>,
    request_id: i64,
    status: RequestStatus,
    actor: Option<i64>,
    role: RequestRole,
    note: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO request_events (request_id, status, actor_account_id, role, note, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(request_id)
    .bind(status.code())
    .bind(actor)
    .bind(role_code(role))
    .bind(note)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A request with its service and village facts.
#[derive(sqlx::FromRow, Clone)]
pub struct RequestRow {
    pub id: i64,
    pub code: String,
    pub status: String,
    pub account_id: i64,
    pub holder_name: String,
    /// The verified full name captured at submission (None: the account was not verified then).
    pub holder_legal_name: Option<String>,
    pub holder_phone: String,
    pub holder_locale: String,
    pub slot_starts_at: Option<i64>,
    pub queue_number: Option<i64>,
    pub rating: Option<i64>,
    pub created_at: i64,
    pub service_slug: String,
    pub service_kind: String,
    pub service_name_id: String,
    pub service_name_en: Option<String>,
    pub needs_camat: bool,
    pub village_id: i64,
    pub village_slug: String,
    pub village_name: String,
    pub kecamatan_code: String,
}

impl RequestRow {
    pub fn facts(&self) -> Result<RequestFacts, sqlx::Error> {
        Ok(RequestFacts {
            status: decode_code("request status", &self.status, RequestStatus::from_code)?,
            needs_camat: self.needs_camat,
        })
    }
}

const REQUEST_SELECT: &str = "SELECT r.id, r.code, r.status, r.account_id, a.name AS holder_name, r.holder_legal_name,
        a.phone AS holder_phone, a.locale AS holder_locale, r.slot_starts_at, r.queue_number, r.rating,
        r.created_at, s.slug AS service_slug, s.kind AS service_kind, s.name_id AS service_name_id,
        s.name_en AS service_name_en, s.needs_camat, v.id AS village_id, v.slug AS village_slug,
        v.name AS village_name, v.kecamatan_code
     FROM service_requests r JOIN services s ON s.id = r.service_id JOIN villages v ON v.id = r.village_id
     JOIN accounts a ON a.id = r.account_id";

pub async fn find_request<'e, E>(executor: E, code: &str) -> Result<Option<RequestRow>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Sqlite>,
{
    sqlx::query_as(&format!("{REQUEST_SELECT} WHERE r.code = $1"))
        .bind(code)
        .fetch_optional(executor)
        .await
}

pub async fn request_answers(
    pool: &SqlitePool,
    request_id: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT name, value FROM request_answers WHERE request_id = $1 ORDER BY rowid")
        .bind(request_id)
        .fetch_all(pool)
        .await
}

pub async fn request_timeline(
    pool: &SqlitePool,
    request_id: i64,
) -> Result<Vec<TimelineStep>, sqlx::Error> {
    // (status, who, role, note, when)
    type StepRow = (String, Option<String>, String, Option<String>, i64);
    let rows: Vec<StepRow> = sqlx::query_as(
        "SELECT e.status, a.name, e.role, e.note, e.at FROM request_events e
         LEFT JOIN accounts a ON a.id = e.actor_account_id WHERE e.request_id = $1 ORDER BY e.at, e.id",
    )
    .bind(request_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(status, by, role, note, at)| {
            if status == VISIT_MOVED {
                let moved_to = note.as_deref().and_then(|note| {
                    let (starts_at, queue) = note.split_once(' ')?;
                    Some((starts_at.parse().ok()?, queue.parse().ok()?))
                });
                return Ok(TimelineStep {
                    status: None,
                    moved_to,
                    by: by.unwrap_or_default(),
                    role,
                    note: None,
                    at,
                });
            }
            Ok(TimelineStep {
                status: Some(decode_code(
                    "request status",
                    &status,
                    RequestStatus::from_code,
                )?),
                moved_to: None,
                by: by.unwrap_or_default(),
                role,
                note,
                at,
            })
        })
        .collect()
}

/// Why a move was not made.
#[derive(Debug)]
pub enum MoveError {
    NotFound,
    Refused(super::request_flow::MoveRefused),
    /// The move is allowed but the request is not complete enough for it; the code says what is
    /// missing (`documents_missing`, `letter_needs_verified_resident`, `letter_needs_signer`).
    Blocked(&'static str),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for MoveError {
    fn from(error: sqlx::Error) -> Self {
        MoveError::Database(error)
    }
}

/// What the caller decides for a letter issued by a move: its verification code and the year whose
/// number sequence it takes.
pub struct LetterIssue {
    pub verification_code: String,
    pub year: i32,
}

/// Moves a request on as `role` (one of the roles the caller holds that allows the move), with the
/// resident's corrected answers when they resubmit. Entering "siap" issues the letter: the village's
/// next number for the year and the frozen text, in the same transaction. The resident is told.
#[allow(clippy::too_many_arguments)]
pub async fn move_request(
    pool: &SqlitePool,
    code: &str,
    actor_account_id: i64,
    roles: &[RequestRole],
    to: RequestStatus,
    note: &str,
    corrected_answers: &[(String, String)],
    issue: &LetterIssue,
    now: i64,
) -> Result<RequestStatus, MoveError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let request = find_request(&mut *tx, code)
        .await?
        .ok_or(MoveError::NotFound)?;
    let facts = request.facts()?;
    let mut refusal = super::request_flow::MoveRefused::NotYourRole;
    let mut chosen = None;
    for role in roles {
        match next_status(facts, *role, to, note) {
            Ok(_) => {
                chosen = Some(*role);
                break;
            }
            // "Not now" and "note required" say more than "not your role": keep the most telling.
            Err(other) if other != super::request_flow::MoveRefused::NotYourRole => refusal = other,
            Err(_) => {}
        }
    }
    let role = chosen.ok_or(MoveError::Refused(refusal))?;
    // An approval, a forwarding or a letter needs every required document photographed.
    if matches!(
        to,
        RequestStatus::DisetujuiKades | RequestStatus::DiteruskanKecamatan | RequestStatus::Siap
    ) && has_missing_documents(&mut tx, request.id).await?
    {
        return Err(MoveError::Blocked("documents_missing"));
    }
    sqlx::query("UPDATE service_requests SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(to.code())
        .bind(now)
        .bind(request.id)
        .execute(&mut *tx)
        .await?;
    if role == RequestRole::Pemohon && to == RequestStatus::Diajukan {
        save_answers(&mut tx, request.id, corrected_answers).await?;
    }
    let note = Some(note.trim()).filter(|note| !note.is_empty());
    record_step(
        &mut tx,
        request.id,
        to,
        Some(actor_account_id),
        role,
        note,
        now,
    )
    .await?;
    if to == RequestStatus::Siap && request.service_kind == "surat" {
        issue_letter(&mut tx, &request, issue, now).await?;
    }
    if role != RequestRole::Pemohon {
        tell_resident(&mut tx, &request, to, now).await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// Fills `{field}` placeholders of a template from the answers (and `{nama}`, `{desa}` from the
/// request); an unknown placeholder stays as written.
pub fn fill_template(template: &str, values: &[(String, String)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// An answer as a letter prints it: a date as `28 November 2026`, an amount with thousands separators
/// (`750.000`; numbers under 10 000, such as years, stay as typed), anything else as typed.
pub fn letter_value(value: &str, kind: Option<&str>) -> String {
    match kind {
        Some("date") => match crate::kernel::dates::CivilDate::parse(value) {
            Some(day) => {
                // `Sabtu, 28 November 2026` without the weekday.
                let long = crate::format::long_date(day.at_wib(12 * 60), crate::i18n::Locale::id);
                long.split_once(", ")
                    .map_or(long.clone(), |(_, date)| date.to_string())
            }
            None => value.to_string(),
        },
        Some("number") => match value.parse::<i64>() {
            Ok(amount) if amount >= 10_000 => {
                crate::format::rupiah(amount, crate::i18n::Locale::id)
                    .trim_start_matches("Rp ")
                    .to_string()
            }
            _ => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// Whether a required document field of the request's service has no photo yet.
async fn has_missing_documents(
    tx: &mut Transaction<'static, Sqlite>,
    request_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (
             SELECT 1 FROM service_fields f JOIN service_requests r ON r.service_id = f.service_id
             WHERE r.id = $1 AND f.kind = 'file' AND f.required
               AND NOT EXISTS (SELECT 1 FROM request_documents d WHERE d.request_id = r.id AND d.field = f.name))",
    )
    .bind(request_id)
    .fetch_one(&mut **tx)
    .await
}

/// Freezes the letter: its number, the verified name captured at submission, the answers (each kept on
/// one line: only the village's template makes paragraphs), and the signers on record. Refused when
/// the resident's identity was never verified or the village has no kades/lurah to sign.
async fn issue_letter(
    tx: &mut Transaction<'static, Sqlite>,
    request: &RequestRow,
    issue: &LetterIssue,
    now: i64,
) -> Result<(), MoveError> {
    let Some(legal_name) = request.holder_legal_name.clone() else {
        return Err(MoveError::Blocked("letter_needs_verified_resident"));
    };
    let (village_kind,): (String,) = sqlx::query_as("SELECT kind FROM villages WHERE id = $1")
        .bind(request.village_id)
        .fetch_one(&mut **tx)
        .await?;
    let head = VillageHead::of_kind(&village_kind);
    let kades: Option<String> = sqlx::query_scalar(
        "SELECT COALESCE(rv.full_name, a.name) FROM staff_roles sr JOIN accounts a ON a.id = sr.account_id
         LEFT JOIN resident_verifications rv ON rv.account_id = a.id AND rv.status = 'verified'
         WHERE sr.village_id = $1 AND sr.role = 'kades' ORDER BY sr.id LIMIT 1",
    )
    .bind(request.village_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(kades) = kades else {
        return Err(MoveError::Blocked("letter_needs_signer"));
    };
    let sequence: i64 = sqlx::query_scalar(
        "INSERT INTO letter_sequences (village_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (village_id, year) DO UPDATE SET last_number = last_number + 1
         RETURNING last_number",
    )
    .bind(request.village_id)
    .bind(issue.year)
    .fetch_one(&mut **tx)
    .await?;
    let (classification, title, template, village_code): (String, String, String, String) =
        sqlx::query_as(
            "SELECT s.classification_code, s.letter_title, s.letter_template, v.code
             FROM service_requests r JOIN services s ON s.id = r.service_id JOIN villages v ON v.id = r.village_id
             WHERE r.id = $1",
        )
        .bind(request.id)
        .fetch_one(&mut **tx)
        .await?;
    let number = super::letter_number::format_letter_number(
        &classification,
        sequence,
        &village_code,
        issue.year,
    );
    let answers: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT a.name, a.value, f.kind FROM request_answers a
         JOIN service_requests r ON r.id = a.request_id
         LEFT JOIN service_fields f ON f.service_id = r.service_id AND f.name = a.name
         WHERE a.request_id = $1",
    )
    .bind(request.id)
    .fetch_all(&mut **tx)
    .await?;
    let mut values: Vec<(String, String)> = answers
        .into_iter()
        .map(|(name, value, kind)| {
            let printed = one_line(&letter_value(&value, kind.as_deref()));
            (name, printed)
        })
        .collect();
    values.push(("nama".into(), one_line(&legal_name)));
    values.push(("desa".into(), request.village_name.clone()));
    values.push(("jabatan".into(), head.title.into()));
    values.push(("wilayah".into(), head.area.into()));
    let body = fill_template(&template, &values);
    let camat: Option<String> = if request.needs_camat {
        sqlx::query_scalar(
            "SELECT COALESCE(rv.full_name, a.name) FROM request_events e JOIN accounts a ON a.id = e.actor_account_id
             LEFT JOIN resident_verifications rv ON rv.account_id = a.id AND rv.status = 'verified'
             WHERE e.request_id = $1 AND e.status = 'ditandatangani_camat' AND e.role = 'camat'
             ORDER BY e.id DESC LIMIT 1",
        )
        .bind(request.id)
        .fetch_optional(&mut **tx)
        .await?
    } else {
        None
    };
    let kecamatan_name: String = sqlx::query_scalar("SELECT name FROM kecamatan WHERE code = $1")
        .bind(&request.kecamatan_code)
        .fetch_one(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO letters (request_id, number, verification_code, title, holder_name, body, signer_name,
                              signer_position, camat_name, camat_position, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(request.id)
    .bind(&number)
    .bind(&issue.verification_code)
    .bind(if title.is_empty() { request.service_name_id.to_uppercase() } else { title })
    .bind(&legal_name)
    .bind(&body)
    .bind(&kades)
    .bind(format!("{} {}", head.title, request.village_name))
    .bind(&camat)
    .bind(camat.as_ref().map(|_| format!("Camat {kecamatan_name}")))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What the head of a village is called on its letters: a desa has a kepala desa, a kelurahan a lurah.
pub struct VillageHead {
    /// `{jabatan}` in a template: "Kepala Desa" or "Lurah".
    pub title: &'static str,
    /// `{wilayah}` in a template: "Desa" or "Kelurahan".
    pub area: &'static str,
}

impl VillageHead {
    pub fn of_kind(kind: &str) -> Self {
        if kind == "kelurahan" {
            VillageHead {
                title: "Lurah",
                area: "Kelurahan",
            }
        } else {
            VillageHead {
                title: "Kepala Desa",
                area: "Desa",
            }
        }
    }
}

/// A typed answer as one line: a newline in an answer would print as a paragraph of its own, reading
/// as the village's statement.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// In-app notification and a message to the resident's phone, in their language.
async fn tell_resident(
    tx: &mut Transaction<'static, Sqlite>,
    request: &RequestRow,
    status: RequestStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (id, en) = super::request_flow::status_message(status, &request.service_name_id);
    let link = format!("/layanan/permohonan/{}", request.code);
    notify(
        &mut **tx,
        request.account_id,
        Bilingual { id: &id, en: &en },
        Some(&link),
        now,
    )
    .await?;
    let body = if request.holder_locale == "en" {
        en
    } else {
        id
    };
    enqueue_message(
        &mut **tx,
        Some(request.account_id),
        &request.holder_phone,
        "layanan_request",
        &format!("{body} {link}"),
        now,
    )
    .await
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    code: String,
    status: String,
    service_name_id: String,
    service_name_en: Option<String>,
    holder_name: String,
    village_name: String,
    slot_starts_at: Option<i64>,
    queue_number: Option<i64>,
    created_at: i64,
}

fn summaries(rows: Vec<SummaryRow>) -> Result<Vec<RequestSummary>, sqlx::Error> {
    rows.into_iter()
        .map(|row| {
            Ok(RequestSummary {
                status: decode_code("request status", &row.status, RequestStatus::from_code)?,
                code: row.code,
                service_name_id: row.service_name_id,
                service_name_en: row.service_name_en,
                holder_name: row.holder_name,
                village_name: row.village_name,
                slot_starts_at: row.slot_starts_at,
                queue_number: row.queue_number,
                created_at: row.created_at,
            })
        })
        .collect()
}

const SUMMARY_SELECT: &str = "SELECT r.code, r.status, s.name_id AS service_name_id, s.name_en AS service_name_en,
        a.name AS holder_name, v.name AS village_name, r.slot_starts_at, r.queue_number, r.created_at
     FROM service_requests r JOIN services s ON s.id = r.service_id JOIN villages v ON v.id = r.village_id
     JOIN accounts a ON a.id = r.account_id";

pub async fn my_requests(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<RequestSummary>, sqlx::Error> {
    summaries(
        sqlx::query_as(&format!(
            "{SUMMARY_SELECT} WHERE r.account_id = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT 100"
        ))
        .bind(account_id)
        .fetch_all(pool)
        .await?,
    )
}

/// A village's requests in `status` (None: every open one), oldest first: the staff inbox.
pub async fn village_inbox(
    pool: &SqlitePool,
    village_id: i64,
    status: Option<RequestStatus>,
    after_code: Option<&str>,
    limit: i64,
) -> Result<Vec<RequestSummary>, sqlx::Error> {
    // Keyset paging: the requests after the one with code `after_code`, oldest first.
    summaries(
        sqlx::query_as(&format!(
            "{SUMMARY_SELECT} WHERE r.village_id = $1
               AND (($2 IS NULL AND r.status NOT IN ('selesai', 'ditolak', 'dibatalkan')) OR r.status = $2)
               AND ($3 IS NULL OR (r.created_at, r.id) >
                    (SELECT created_at, id FROM service_requests WHERE code = $3 AND village_id = $1))
             ORDER BY r.created_at, r.id LIMIT $4"
        ))
        .bind(village_id)
        .bind(status.map(RequestStatus::code))
        .bind(after_code)
        .bind(limit)
        .fetch_all(pool)
        .await?,
    )
}

pub async fn village_counts(
    pool: &SqlitePool,
    village_id: i64,
) -> Result<Vec<(RequestStatus, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, COUNT(*) FROM service_requests WHERE village_id = $1 GROUP BY status",
    )
    .bind(village_id)
    .fetch_all(pool)
    .await?;
    Ok(RequestStatus::ALL
        .into_iter()
        .map(|status| {
            (
                status,
                rows.iter()
                    .find(|(code, _)| code == status.code())
                    .map_or(0, |(_, count)| *count),
            )
        })
        .collect())
}

/// Requests forwarded to a kecamatan and waiting for the camat's signature, from every village in it.
pub async fn kecamatan_inbox(
    pool: &SqlitePool,
    kecamatan_code: &str,
) -> Result<Vec<RequestSummary>, sqlx::Error> {
    summaries(
        sqlx::query_as(&format!(
            "{SUMMARY_SELECT} WHERE v.kecamatan_code = $1 AND r.status = 'diteruskan_kecamatan'
             ORDER BY r.updated_at, r.id LIMIT 200"
        ))
        .bind(kecamatan_code)
        .fetch_all(pool)
        .await?,
    )
}

/// An issued letter as stored.
#[derive(sqlx::FromRow, Clone)]
pub struct LetterRow {
    pub number: String,
    pub verification_code: String,
    pub title: String,
    pub holder_name: String,
    pub body: String,
    pub signer_name: String,
    pub signer_position: String,
    pub camat_name: Option<String>,
    pub camat_position: Option<String>,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
    pub revoked_reason: Option<String>,
    pub request_code: String,
    pub village_name: String,
    pub village_kind: String,
    pub office_address: String,
    pub kecamatan_name: String,
}

const LETTER_SELECT: &str = "SELECT l.number, l.verification_code, l.title, l.holder_name, l.body, l.signer_name,
        l.signer_position, l.camat_name, l.camat_position, l.issued_at, l.revoked_at, l.revoked_reason,
        r.code AS request_code, v.name AS village_name, v.kind AS village_kind, v.office_address,
        k.name AS kecamatan_name
     FROM letters l JOIN service_requests r ON r.id = l.request_id JOIN villages v ON v.id = r.village_id
     JOIN kecamatan k ON k.code = v.kecamatan_code";

pub async fn letter_by_verification(
    pool: &SqlitePool,
    verification_code: &str,
) -> Result<Option<LetterRow>, sqlx::Error> {
    sqlx::query_as(&format!("{LETTER_SELECT} WHERE l.verification_code = $1"))
        .bind(verification_code)
        .fetch_optional(pool)
        .await
}

pub async fn letter_of_request(
    pool: &SqlitePool,
    request_code: &str,
) -> Result<Option<LetterRow>, sqlx::Error> {
    sqlx::query_as(&format!("{LETTER_SELECT} WHERE r.code = $1"))
        .bind(request_code)
        .fetch_optional(pool)
        .await
}

/// The resident rates a finished request (once). False if it is not finished or already rated.
pub async fn rate_request(
    pool: &SqlitePool,
    request_id: i64,
    stars: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE service_requests SET rating = $2 WHERE id = $1 AND status = 'selesai' AND rating IS NULL",
    )
    .bind(request_id)
    .bind(stars)
    .execute(pool)
    .await?
    .rows_affected()
        > 0)
}

/// Revokes an issued letter with a reason (the verification page then says so). False if there is no
/// letter or it was already revoked.
pub async fn revoke_letter(
    pool: &SqlitePool,
    request_id: i64,
    reason: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE letters SET revoked_at = $2, revoked_reason = $3 WHERE request_id = $1 AND revoked_at IS NULL",
    )
    .bind(request_id)
    .bind(now)
    .bind(reason)
    .execute(pool)
    .await?
    .rows_affected()
        > 0)
}

/// Who is coming to the balai desa on one day (WIB `2026-11-30`), in queue order.
pub async fn visits_on(
    pool: &SqlitePool,
    village_id: i64,
    day: &str,
) -> Result<Vec<RequestSummary>, sqlx::Error> {
    summaries(
        sqlx::query_as(&format!(
            "{SUMMARY_SELECT} WHERE r.village_id = $1 AND r.slot_day = $2
               AND r.status NOT IN ('dibatalkan', 'ditolak')
             ORDER BY r.queue_number"
        ))
        .bind(village_id)
        .bind(day)
        .fetch_all(pool)
        .await?,
    )
}

/// The photos of documents attached to a request: (form field, photo id), in the order attached.
pub async fn request_documents(
    pool: &SqlitePool,
    request_id: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT field, photo_id FROM request_documents WHERE request_id = $1 ORDER BY rowid",
    )
    .bind(request_id)
    .fetch_all(pool)
    .await
}

pub async fn attach_documents(
    pool: &SqlitePool,
    request_id: i64,
    field: &str,
    photo_ids: &[i64],
) -> Result<(), sqlx::Error> {
    for photo_id in photo_ids {
        sqlx::query(
            "INSERT OR IGNORE INTO request_documents (request_id, field, photo_id) VALUES ($1, $2, $3)",
        )
        .bind(request_id)
        .bind(field)
        .bind(photo_id)
        .execute(pool)
        .await?;
    }
    Ok(())
}

/// Takes a photo off a request; false when it was not attached to it.
pub async fn remove_document(
    pool: &SqlitePool,
    request_id: i64,
    photo_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM request_documents WHERE request_id = $1 AND photo_id = $2")
        .bind(request_id)
        .bind(photo_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// A document photo of a request (its stored key and widths), only if it is attached to that request.
pub async fn document_photo(
    pool: &SqlitePool,
    request_id: i64,
    photo_id: i64,
) -> Result<Option<crate::media::PhotoRef>, sqlx::Error> {
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.key, p.widths FROM request_documents d JOIN photos p ON p.id = d.photo_id
         WHERE d.request_id = $1 AND d.photo_id = $2",
    )
    .bind(request_id)
    .bind(photo_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(id, key, widths)| crate::media::PhotoRef {
        id,
        key,
        widths: crate::media::PhotoRef::widths_from_text(&widths),
    }))
}

/// The form fields of the service a request was made for.
pub async fn service_fields_of_request(
    pool: &SqlitePool,
    request_id: i64,
) -> Result<Vec<FormField>, sqlx::Error> {
    let service_id: i64 =
        sqlx::query_scalar("SELECT service_id FROM service_requests WHERE id = $1")
            .bind(request_id)
            .fetch_one(pool)
            .await?;
    service_fields(pool, service_id).await
}

/// A village's services for its staff (inactive ones too), letters first.
pub async fn catalogue(
    pool: &SqlitePool,
    village_id: i64,
) -> Result<Vec<super::CatalogueEntry>, sqlx::Error> {
    type Row = (String, String, String, Option<String>, bool, bool, bool);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT slug, kind, name_id, name_en, is_active, needs_slot, needs_camat FROM services
         WHERE village_id = $1 ORDER BY kind DESC, name_id",
    )
    .bind(village_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(slug, kind, name_id, name_en, is_active, needs_slot, needs_camat)| {
                Ok(super::CatalogueEntry {
                    kind: decode_code("service kind", &kind, ServiceKind::from_code)?,
                    slug,
                    name_id,
                    name_en,
                    is_active,
                    needs_slot,
                    needs_camat,
                })
            },
        )
        .collect()
}

/// The village's closed days from `from` (`2026-12-01`) on.
pub async fn closed_dates(
    pool: &SqlitePool,
    village_id: i64,
    from: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT date, reason FROM village_closed_dates WHERE village_id = $1 AND date >= $2 ORDER BY date",
    )
    .bind(village_id)
    .bind(from)
    .fetch_all(pool)
    .await
}

pub async fn add_closed_date(
    pool: &SqlitePool,
    village_id: i64,
    date: &str,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO village_closed_dates (village_id, date, reason) VALUES ($1, $2, $3)
         ON CONFLICT (village_id, date) DO UPDATE SET reason = excluded.reason",
    )
    .bind(village_id)
    .bind(date)
    .bind(reason)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn remove_closed_date(
    pool: &SqlitePool,
    village_id: i64,
    date: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM village_closed_dates WHERE village_id = $1 AND date = $2")
        .bind(village_id)
        .bind(date)
        .execute(pool)
        .await?;
    Ok(())
}

/// A service of a village as its editor shows it (active or not).
pub async fn service_editor(
    pool: &SqlitePool,
    village_id: i64,
    slug: &str,
) -> Result<Option<super::ServiceEditor>, sqlx::Error> {
    let Some(service): Option<ServiceRow> =
        sqlx::query_as(&format!("{SERVICE_SELECT} WHERE v.id = $1 AND s.slug = $2"))
            .bind(village_id)
            .bind(slug)
            .fetch_optional(pool)
            .await?
    else {
        return Ok(None);
    };
    let is_active: bool = sqlx::query_scalar("SELECT is_active FROM services WHERE id = $1")
        .bind(service.id)
        .fetch_one(pool)
        .await?;
    let rules = slot_rules(pool, &service).await?;
    // Monday first, Sunday last.
    let week = [1u32, 2, 3, 4, 5, 6, 0]
        .into_iter()
        .map(|weekday| super::DayHours {
            weekday,
            hours: rules
                .hours
                .iter()
                .find(|hours| hours.weekday == weekday)
                .map(|hours| (hours.opens, hours.closes)),
        })
        .collect();
    Ok(Some(super::ServiceEditor {
        kind: decode_code("service kind", &service.kind, ServiceKind::from_code)?,
        fields: service_fields(pool, service.id).await?,
        week,
        is_active,
        village_slug: service.village_slug,
        village_name: service.village_name,
        slug: service.slug,
        name_id: service.name_id,
        name_en: service.name_en,
        summary_id: service.summary_id,
        description_id: service.description_id,
        description_en: service.description_en,
        requirements_id: service.requirements_id,
        requirements_en: service.requirements_en,
        processing_days: service.processing_days,
        fee_rupiah: service.fee_rupiah,
        needs_camat: service.needs_camat,
        needs_slot: service.needs_slot,
        slot_minutes: service.slot_minutes,
        slot_capacity: service.slot_capacity,
        letter_title: service.letter_title,
        letter_template: service.letter_template,
    }))
}

/// The settings of the service editor, checked.
pub struct ServiceSettings {
    pub name_id: String,
    pub name_en: Option<String>,
    pub summary_id: String,
    pub description_id: String,
    pub description_en: Option<String>,
    pub requirements_id: String,
    pub requirements_en: Option<String>,
    pub processing_days: i64,
    pub fee_rupiah: i64,
    pub needs_camat: bool,
    pub needs_slot: bool,
    pub slot_minutes: i64,
    pub slot_capacity: i64,
    pub is_active: bool,
    pub letter_title: String,
    pub letter_template: String,
}

/// Saves a service's settings, replaces its form fields and weekly hours, in one transaction.
pub async fn save_service(
    pool: &SqlitePool,
    village_id: i64,
    slug: &str,
    settings: &ServiceSettings,
    fields: &[FormField],
    week: &[super::slots::OpeningHours],
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let service_id: i64 = sqlx::query_scalar(
        "UPDATE services SET name_id = $3, name_en = $4, summary_id = $5, description_id = $6,
                description_en = $7, requirements_id = $8, requirements_en = $9, processing_days = $10,
                fee_rupiah = $11, needs_camat = $12, needs_slot = $13, slot_minutes = $14,
                slot_capacity = $15, is_active = $16, letter_title = $17, letter_template = $18
         WHERE village_id = $1 AND slug = $2 RETURNING id",
    )
    .bind(village_id)
    .bind(slug)
    .bind(&settings.name_id)
    .bind(&settings.name_en)
    .bind(&settings.summary_id)
    .bind(&settings.description_id)
    .bind(&settings.description_en)
    .bind(&settings.requirements_id)
    .bind(&settings.requirements_en)
    .bind(settings.processing_days)
    .bind(settings.fee_rupiah)
    .bind(settings.needs_camat)
    .bind(settings.needs_slot)
    .bind(settings.slot_minutes)
    .bind(settings.slot_capacity)
    .bind(settings.is_active)
    .bind(&settings.letter_title)
    .bind(&settings.letter_template)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM service_fields WHERE service_id = $1")
        .bind(service_id)
        .execute(&mut *tx)
        .await?;
    for (position, field) in fields.iter().enumerate() {
        sqlx::query(
            "INSERT INTO service_fields (service_id, position, name, label_id, label_en, kind, options, required)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(service_id)
        .bind(position as i64)
        .bind(&field.name)
        .bind(&field.label_id)
        .bind(&field.label_en)
        .bind(field.kind.code())
        .bind(field.options.join("\n"))
        .bind(field.required)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM service_hours WHERE service_id = $1")
        .bind(service_id)
        .execute(&mut *tx)
        .await?;
    for hours in week {
        sqlx::query(
            "INSERT INTO service_hours (service_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)",
        )
        .bind(service_id)
        .bind(hours.weekday as i64)
        .bind(hours.opens as i64)
        .bind(hours.closes as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

#[cfg(test)]
mod letter_tests {
    #[test]
    fn letters_print_dates_in_words_and_amounts_with_separators() {
        use super::letter_value;
        assert_eq!(letter_value("2026-12-05", Some("date")), "5 Desember 2026");
        assert_eq!(letter_value("750000", Some("number")), "750.000");
        assert_eq!(
            letter_value("2001", Some("number")),
            "2001",
            "a year stays a year"
        );
        assert_eq!(letter_value("Petani kopi", Some("text")), "Petani kopi");
        assert_eq!(letter_value("besok", Some("date")), "besok");
        assert_eq!(letter_value("Bank", None), "Bank");
    }
}
