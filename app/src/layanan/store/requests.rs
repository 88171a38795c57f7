//! Requests: submitting (with the visit slot booked in the same transaction), moving along the status
//! machine with its timeline, rescheduling a visit, and the lists residents and staff see.

use super::catalogue::ServiceRow;
use super::documents::has_missing_documents;
use super::letters::{issue_letter, LetterBlocked, LetterIssue, LetterSubject};
use crate::db::decode_code;
use crate::db::Db;
use crate::layanan::request_flow::{next_status, RequestFacts, RequestRole, RequestStatus};
use crate::layanan::{RequestSummary, ServiceKind, TimelineStep};
use crate::notifikasi::store::{self as notifikasi, Addressee, Bilingual};

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

/// Records a request with its answers and (if any) its visit slot, in one write transaction:
/// the slot's bookings are counted first, so concurrent residents can never overbook it, and the queue
/// number is the next of the village's day. Returns the tracking code and the queue number.
pub async fn submit_request(
    pool: &Db,
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
    let request_id: i64 = crate::on_db!(&mut tx, |c| {
        sqlx::query_scalar(
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
    .fetch_one(c).await
    })?;
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
    tx: &mut crate::db::Tx,
    service: &ServiceRow,
    account_id: i64,
    starts_at: i64,
    moving: Option<i64>,
) -> Result<(String, i64), SubmitRefused> {
    let day = crate::kernel::dates::CivilDate::of_unix_wib(starts_at).iso();
    let held_that_day: bool = crate::on_db!(&mut *tx, |c| {
        sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM service_requests WHERE service_id = $1 AND account_id = $2 AND slot_day = $3
           AND status NOT IN ('dibatalkan', 'ditolak', 'selesai') AND id IS DISTINCT FROM $4)",
    )
    .bind(service.id)
    .bind(account_id)
    .bind(&day)
    .bind(moving)
    .fetch_one(c).await
    })?;
    if held_that_day {
        return Err(SubmitRefused::AlreadyBookedThatDay);
    }
    let booked: i64 = crate::on_db!(&mut *tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM service_requests WHERE service_id = $1 AND slot_starts_at = $2
           AND status NOT IN ('dibatalkan', 'ditolak') AND id IS DISTINCT FROM $3",
    )
    .bind(service.id)
    .bind(starts_at)
    .bind(moving)
    .fetch_one(c)
    .await)?;
    if booked >= service.slot_capacity {
        return Err(SubmitRefused::SlotFull);
    }
    let next: i64 = crate::on_db!(&mut *tx, |c| {
        sqlx::query_scalar(
        "SELECT COALESCE(MAX(queue_number), 0) + 1 FROM service_requests WHERE village_id = $1 AND slot_day = $2",
    )
    .bind(service.village_id)
    .bind(&day)
    .fetch_one(c).await
    })?;
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
    pool: &Db,
    request: &RequestRow,
    service: &ServiceRow,
    starts_at: i64,
    now: i64,
) -> Result<i64, SubmitRefused> {
    let mut tx = crate::db::begin_write(pool).await?;
    // Read again under the write lock: a staff move may have closed the request since the page loaded.
    let status: String = crate::on_db!(&mut tx, |c| sqlx::query_scalar(
        "SELECT status FROM service_requests WHERE id = $1"
    )
    .bind(request.id)
    .fetch_one(c)
    .await)?;
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
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "UPDATE service_requests SET slot_starts_at = $1, slot_day = $2, queue_number = $3, updated_at = $4
         WHERE id = $5",
    )
    .bind(starts_at)
    .bind(&day)
    .bind(number)
    .bind(now)
    .bind(request.id)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    // Not a status change: the event keeps the new slot and queue number (`1796000000 3`), which the
    // timeline shows in the viewer's language.
    let note = format!("{starts_at} {number}");
    crate::on_db!(&mut tx, |c| sqlx::query(
        "INSERT INTO request_events (request_id, status, actor_account_id, role, note, at)
         VALUES ($1, $2, $3, 'pemohon', $4, $5)",
    )
    .bind(request.id)
    .bind(VISIT_MOVED)
    .bind(request.account_id)
    .bind(&note)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    tx.commit().await?;
    Ok(number)
}

async fn save_answers(
    tx: &mut crate::db::Tx,
    request_id: i64,
    answers: &[(String, String)],
) -> Result<(), sqlx::Error> {
    for (name, value) in answers {
        crate::on_db!(&mut *tx, |c| sqlx::query(
            "INSERT INTO request_answers (request_id, name, value) VALUES ($1, $2, $3)
             ON CONFLICT (request_id, name) DO UPDATE SET value = excluded.value",
        )
        .bind(request_id)
        .bind(name)
        .bind(value)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
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
    tx: &mut crate::db::Tx,
    request_id: i64,
    status: RequestStatus,
    actor: Option<i64>,
    role: RequestRole,
    note: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "INSERT INTO request_events (request_id, status, actor_account_id, role, note, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(request_id)
    .bind(status.code())
    .bind(actor)
    .bind(role_code(role))
    .bind(note)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
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
    pub service_kind: ServiceKind,
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
    E: crate::db::Reach<'e>,
{
    crate::on_db!(executor, |c| sqlx::query_as(&format!(
        "{REQUEST_SELECT} WHERE r.code = $1"
    ))
    .bind(code)
    .fetch_optional(c)
    .await)
}

pub async fn request_answers(
    pool: &Db,
    request_id: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT name, value FROM request_answers WHERE request_id = $1 ORDER BY rowid"
    )
    .bind(request_id)
    .fetch_all(c)
    .await)
}

pub async fn request_timeline(
    pool: &Db,
    request_id: i64,
) -> Result<Vec<TimelineStep>, sqlx::Error> {
    // (status, who, role, note, when)
    type StepRow = (String, Option<String>, String, Option<String>, i64);
    let rows: Vec<StepRow> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT e.status, a.name, e.role, e.note, e.at FROM request_events e
         LEFT JOIN accounts a ON a.id = e.actor_account_id WHERE e.request_id = $1 ORDER BY e.at, e.id",
    )
    .bind(request_id)
    .fetch_all(c).await
    })?;
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
    Refused(crate::layanan::request_flow::MoveRefused),
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

/// Moves a request on as `role` (one of the roles the caller holds that allows the move), with the
/// resident's corrected answers when they resubmit. Entering "siap" issues the letter: the village's
/// next number for the year and the frozen text, in the same transaction. The resident is told.
#[allow(clippy::too_many_arguments)]
pub async fn move_request(
    pool: &Db,
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
    let request = find_request(&mut tx, code)
        .await?
        .ok_or(MoveError::NotFound)?;
    let facts = request.facts()?;
    let mut refusal = crate::layanan::request_flow::MoveRefused::NotYourRole;
    let mut chosen = None;
    for role in roles {
        match next_status(facts, *role, to, note) {
            Ok(_) => {
                chosen = Some(*role);
                break;
            }
            // "Not now" and "note required" say more than "not your role": keep the most telling.
            Err(other) if other != crate::layanan::request_flow::MoveRefused::NotYourRole => {
                refusal = other
            }
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
    crate::on_db!(&mut tx, |c| sqlx::query(
        "UPDATE service_requests SET status = $1, updated_at = $2 WHERE id = $3"
    )
    .bind(to.code())
    .bind(now)
    .bind(request.id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
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
    if to == RequestStatus::Siap && request.service_kind == ServiceKind::Surat {
        let subject = LetterSubject {
            request_id: request.id,
            village_id: request.village_id,
            village_name: &request.village_name,
            kecamatan_code: &request.kecamatan_code,
            needs_camat: request.needs_camat,
            service_name_id: &request.service_name_id,
            holder_legal_name: request.holder_legal_name.as_deref(),
        };
        issue_letter(&mut tx, &subject, issue, now)
            .await
            .map_err(|refused| match refused {
                LetterBlocked::Blocked(code) => MoveError::Blocked(code),
                LetterBlocked::Database(error) => MoveError::Database(error),
            })?;
    }
    if role != RequestRole::Pemohon {
        tell_resident(&mut tx, &request, to, now).await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// Tells the resident their request moved, in their language.
async fn tell_resident(
    tx: &mut crate::db::Tx,
    request: &RequestRow,
    status: RequestStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (id, en) = crate::layanan::request_flow::status_message(status, &request.service_name_id);
    let link = format!("/layanan/permohonan/{}", request.code);
    let resident = Addressee {
        account_id: request.account_id,
        phone: &request.holder_phone,
        locale: &request.holder_locale,
    };
    let text = Bilingual { id: &id, en: &en };
    notifikasi::tell(tx, resident, text, &link, "layanan_request", now).await
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

pub async fn my_requests(pool: &Db, account_id: i64) -> Result<Vec<RequestSummary>, sqlx::Error> {
    summaries(crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{SUMMARY_SELECT} WHERE r.account_id = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT 100"
    ))
    .bind(account_id)
    .fetch_all(c)
    .await)?)
}

/// A village's requests in `status` (None: every open one), oldest first: the staff inbox.
pub async fn village_inbox(
    pool: &Db,
    village_id: i64,
    status: Option<RequestStatus>,
    after_code: Option<&str>,
    limit: i64,
) -> Result<Vec<RequestSummary>, sqlx::Error> {
    // Keyset paging: the requests after the one with code `after_code`, oldest first.
    summaries(crate::on_db!(pool, |c| {
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
        .fetch_all(c).await
    })?)
}

pub async fn village_counts(
    pool: &Db,
    village_id: i64,
) -> Result<Vec<(RequestStatus, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT status, COUNT(*) FROM service_requests WHERE village_id = $1 GROUP BY status",
    )
    .bind(village_id)
    .fetch_all(c)
    .await)?;
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
    pool: &Db,
    kecamatan_code: &str,
) -> Result<Vec<RequestSummary>, sqlx::Error> {
    summaries(crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{SUMMARY_SELECT} WHERE v.kecamatan_code = $1 AND r.status = 'diteruskan_kecamatan'
             ORDER BY r.updated_at, r.id LIMIT 200"
    ))
    .bind(kecamatan_code)
    .fetch_all(c)
    .await)?)
}

/// The resident rates a finished request (once). False if it is not finished or already rated.
pub async fn rate_request(pool: &Db, request_id: i64, stars: i64) -> Result<bool, sqlx::Error> {
    Ok(crate::on_db!(pool, |c| sqlx::query(
        "UPDATE service_requests SET rating = $2 WHERE id = $1 AND status = 'selesai' AND rating IS NULL",
    )
    .bind(request_id)
    .bind(stars)
    .execute(c).await.map(crate::db::Done::from))?
    .rows_affected()
        > 0)
}

/// Who is coming to the balai desa on one day (WIB `2026-11-30`), in queue order.
pub async fn visits_on(
    pool: &Db,
    village_id: i64,
    day: &str,
) -> Result<Vec<RequestSummary>, sqlx::Error> {
    summaries(crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{SUMMARY_SELECT} WHERE r.village_id = $1 AND r.slot_day = $2
               AND r.status NOT IN ('dibatalkan', 'ditolak')
             ORDER BY r.queue_number"
    ))
    .bind(village_id)
    .bind(day)
    .fetch_all(c)
    .await)?)
}
