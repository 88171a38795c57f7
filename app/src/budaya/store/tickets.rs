//! Registrations and tickets: taking seats or a waiting-list place under the write lock, cancelling
//! (which promotes the waiting list), finding a ticket and checking it in at the door.

use super::agenda::CONFIRMED_SEATS;
use crate::budaya::seats::{admits, promotions, seats_left};
use crate::budaya::{Ticket, TicketStatus, TicketSummary};
use crate::db::decode_code;
use crate::db::Db;
use crate::notifikasi::store::{self as notifikasi, notify, Addressee, Bilingual};

/// What became of a registration attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registered {
    /// A ticket (new, or the one this person already had for the session: a double tap is harmless).
    Ticket {
        code: String,
        status: TicketStatus,
    },
    NoSuchSession,
    /// Cancelled, already started, or open to all without registration.
    NotOpen,
    /// More seats than the whole session has.
    TooManySeats,
    /// More seats than one registration may take (see `seats::max_seats_per_registration`).
    OverPersonalLimit,
}

#[derive(sqlx::FromRow)]
struct SessionForRegistration {
    capacity: Option<i64>,
    starts_at: i64,
    cancelled: bool,
    published: bool,
    title_id: String,
    title_en: Option<String>,
    confirmed_seats: i64,
    waiting: i64,
}

/// Registers `account_id` for `seats` seats: confirmed if they fit and nobody waits, else waitlisted.
/// The whole decision happens under the write lock.
pub async fn register(
    pool: &Db,
    session_id: i64,
    account_id: i64,
    seats: i64,
    new_code: &str,
    now: i64,
) -> Result<Registered, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let session = crate::on_db!(&mut tx, |c| sqlx::query_as::<_, SessionForRegistration>(
        &format!(
            "SELECT s.capacity, s.starts_at, s.status = 'cancelled' AS cancelled,
                e.status = 'published' AS published, e.title_id, e.title_en,
                {CONFIRMED_SEATS} AS confirmed_seats,
                (SELECT COUNT(*) FROM event_registrations r WHERE r.session_id = s.id
                   AND r.status = 'waitlisted') AS waiting
         FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE s.id = $1"
        )
    )
    .bind(session_id)
    .fetch_optional(c)
    .await)?;
    let Some(session) = session else {
        return Ok(Registered::NoSuchSession);
    };
    let Some(capacity) = session.capacity else {
        return Ok(Registered::NotOpen);
    };
    if session.cancelled || !session.published || session.starts_at <= now {
        return Ok(Registered::NotOpen);
    }
    if seats > capacity {
        return Ok(Registered::TooManySeats);
    }
    if seats > crate::budaya::seats::max_seats_per_registration(capacity) {
        return Ok(Registered::OverPersonalLimit);
    }
    let existing: Option<(String, String)> = crate::on_db!(&mut tx, |c| sqlx::query_as(
        "SELECT ticket_code, status FROM event_registrations
         WHERE session_id = $1 AND account_id = $2 AND status <> 'cancelled'",
    )
    .bind(session_id)
    .bind(account_id)
    .fetch_optional(c)
    .await)?;
    if let Some((code, status)) = existing {
        let status = decode_code("ticket status", &status, TicketStatus::from_code)?;
        return Ok(Registered::Ticket { code, status });
    }
    let status = if admits(
        capacity,
        session.confirmed_seats,
        usize::try_from(session.waiting).unwrap_or(usize::MAX),
        seats,
    ) {
        TicketStatus::Confirmed
    } else {
        TicketStatus::Waitlisted
    };
    let code = new_code.to_string();
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "INSERT INTO event_registrations (session_id, account_id, seats, status, ticket_code, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(session_id)
    .bind(account_id)
    .bind(seats)
    .bind(status.code())
    .bind(&code)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    let title = session.title_id.as_str();
    let title_en = session.title_en.as_deref().unwrap_or(title);
    let (id, en) = match status {
        TicketStatus::Confirmed => (
            format!("Tiket Anda untuk {title} sudah terbit."),
            format!("Your ticket for {title_en} is ready."),
        ),
        _ => (
            format!("{title} penuh: Anda masuk daftar tunggu."),
            format!("{title_en} is full: you are on the waiting list."),
        ),
    };
    let link = format!("/tiket/{code}");
    notify(
        &mut tx,
        account_id,
        Bilingual { id: &id, en: &en },
        Some(&link),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Registered::Ticket { code, status })
}

#[derive(sqlx::FromRow)]
pub(super) struct Recipient {
    account_id: i64,
    phone: String,
    locale: String,
    ticket_code: String,
}

/// Tells a ticket holder something in the app and by message, in their language.
pub(super) async fn tell(
    tx: &mut crate::db::Tx,
    recipient: &Recipient,
    purpose: &str,
    text: Bilingual<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let link = format!("/tiket/{}", recipient.ticket_code);
    let holder = Addressee {
        account_id: recipient.account_id,
        phone: &recipient.phone,
        locale: &recipient.locale,
    };
    notifikasi::tell(tx, holder, text, &link, purpose, now).await
}

/// Confirms waitlisted people of a session while seats are free; tells each of them.
async fn promote_waiting(
    tx: &mut crate::db::Tx,
    session_id: i64,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let (capacity, confirmed, title): (Option<i64>, i64, String) =
        crate::on_db!(&mut *tx, |c| sqlx::query_as(&format!(
            "SELECT s.capacity, {CONFIRMED_SEATS}, e.title_id FROM event_sessions s
         JOIN events e ON e.id = s.event_id WHERE s.id = $1 AND s.status = 'scheduled'"
        ))
        .bind(session_id)
        .fetch_optional(c)
        .await)?
        .unwrap_or((None, 0, String::new()));
    let Some(capacity) = capacity else {
        return Ok(0);
    };
    let waiting: Vec<(i64, i64)> = crate::on_db!(&mut *tx, |c| {
        sqlx::query_as(
        "SELECT id, seats FROM event_registrations WHERE session_id = $1 AND status = 'waitlisted'
         ORDER BY created_at, id",
    )
    .bind(session_id)
    .fetch_all(c).await
    })?;
    let promoted = promotions(seats_left(capacity, confirmed), &waiting);
    for registration in &promoted {
        crate::on_db!(&mut *tx, |c| sqlx::query(
            "UPDATE event_registrations SET status = 'confirmed', promoted_at = $2 WHERE id = $1",
        )
        .bind(registration)
        .bind(now)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
        let recipient = crate::on_db!(&mut *tx, |c| {
            sqlx::query_as::<_, Recipient>(
            "SELECT a.id AS account_id, a.phone, a.locale, r.ticket_code FROM event_registrations r
             JOIN accounts a ON a.id = r.account_id WHERE r.id = $1",
        )
        .bind(registration)
        .fetch_one(c).await
        })?;
        let id = format!("Kursi tersedia! Anda naik dari daftar tunggu: {title}.");
        let en = format!("A seat opened up! You moved off the waiting list: {title}.");
        tell(
            tx,
            &recipient,
            "ticket_promoted",
            Bilingual { id: &id, en: &en },
            now,
        )
        .await?;
    }
    Ok(promoted.len())
}

/// The holder cancels their own ticket; the seats go to the waiting list. `false` if there was no
/// active ticket with that code for this account.
pub async fn cancel_registration(
    pool: &Db,
    code: &str,
    account_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let session_id: Option<i64> = crate::on_db!(&mut tx, |c| {
        sqlx::query_scalar(
        "UPDATE event_registrations SET status = 'cancelled', cancelled_at = $3
         WHERE ticket_code = $1 AND account_id = $2 AND status <> 'cancelled' AND checked_in_at IS NULL
         RETURNING session_id",
    )
    .bind(code)
    .bind(account_id)
    .bind(now)
    .fetch_optional(c).await
    })?;
    let Some(session_id) = session_id else {
        return Ok(false);
    };
    notify(
        &mut tx,
        account_id,
        Bilingual {
            id: "Tiket Anda sudah dibatalkan.",
            en: "Your ticket has been cancelled.",
        },
        Some(&format!("/tiket/{code}")),
        now,
    )
    .await?;
    promote_waiting(&mut tx, session_id, now).await?;
    tx.commit().await?;
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct TicketRow {
    ticket_code: String,
    status: String,
    seats: i64,
    account_id: i64,
    holder_name: String,
    created_at: i64,
    session_id: i64,
    slug: String,
    title_id: String,
    title_en: Option<String>,
    venue: String,
    address: String,
    village_name: String,
    starts_at: i64,
    ends_at: i64,
    session_cancelled: bool,
    checked_in_at: Option<i64>,
    village_id: i64,
    organiser_account_id: Option<i64>,
}

/// A ticket with who may see it: `(ticket without QR, holder account, village id, organiser)`.
pub struct FoundTicket {
    pub ticket: Ticket,
    pub holder: i64,
    pub village_id: i64,
    pub organiser_account_id: Option<i64>,
}

pub async fn find_ticket(pool: &Db, code: &str) -> Result<Option<FoundTicket>, sqlx::Error> {
    let row = crate::on_db!(pool, |c| {
        sqlx::query_as::<_, TicketRow>(
        "SELECT r.ticket_code, r.status, r.seats, r.account_id, a.name AS holder_name, r.created_at,
                r.session_id, e.slug, e.title_id, e.title_en, e.venue, e.address, v.name AS village_name,
                s.starts_at, s.ends_at, s.status = 'cancelled' AS session_cancelled, r.checked_in_at,
                e.village_id, e.organiser_account_id
         FROM event_registrations r JOIN accounts a ON a.id = r.account_id
         JOIN event_sessions s ON s.id = r.session_id JOIN events e ON e.id = s.event_id
         JOIN villages v ON v.id = e.village_id
         WHERE r.ticket_code = $1",
    )
    .bind(code)
    .fetch_optional(c).await
    })?;
    let Some(row) = row else { return Ok(None) };
    let status = decode_code("ticket status", &row.status, TicketStatus::from_code)?;
    let waitlist_position = if status == TicketStatus::Waitlisted {
        let ahead: i64 = crate::on_db!(pool, |c| {
            sqlx::query_scalar(
            "SELECT COUNT(*) FROM event_registrations WHERE session_id = $1 AND status = 'waitlisted'
             AND (created_at < $2 OR (created_at = $2 AND ticket_code < $3))",
        )
        .bind(row.session_id)
        .bind(row.created_at)
        .bind(&row.ticket_code)
        .fetch_one(c).await
        })?;
        Some(ahead + 1)
    } else {
        None
    };
    Ok(Some(FoundTicket {
        holder: row.account_id,
        village_id: row.village_id,
        organiser_account_id: row.organiser_account_id,
        ticket: Ticket {
            code: row.ticket_code,
            status,
            seats: row.seats,
            waitlist_position,
            holder_name: row.holder_name,
            event_slug: row.slug,
            title_id: row.title_id,
            title_en: row.title_en,
            venue: row.venue,
            address: row.address,
            village_name: row.village_name,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            session_cancelled: row.session_cancelled,
            checked_in_at: row.checked_in_at,
            qr_svg: String::new(),
            is_holder: false,
            may_check_in: false,
        },
    }))
}

#[derive(sqlx::FromRow)]
struct TicketSummaryRow {
    ticket_code: String,
    status: String,
    title_id: String,
    title_en: Option<String>,
    starts_at: i64,
    session_cancelled: bool,
}

/// A person's tickets: upcoming first, then the most recent past ones.
pub async fn my_tickets(
    pool: &Db,
    account_id: i64,
    now: i64,
) -> Result<Vec<TicketSummary>, sqlx::Error> {
    let rows = crate::on_db!(pool, |c| sqlx::query_as::<_, TicketSummaryRow>(
        "SELECT r.ticket_code, r.status, e.title_id, e.title_en, s.starts_at,
                s.status = 'cancelled' AS session_cancelled
         FROM event_registrations r JOIN event_sessions s ON s.id = r.session_id
         JOIN events e ON e.id = s.event_id
         WHERE r.account_id = $1
         ORDER BY s.ends_at < $2, CASE WHEN s.ends_at < $2 THEN -s.starts_at ELSE s.starts_at END
         LIMIT 20",
    )
    .bind(account_id)
    .bind(now)
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .map(|row| {
            Ok(TicketSummary {
                status: decode_code("ticket status", &row.status, TicketStatus::from_code)?,
                code: row.ticket_code,
                title_id: row.title_id,
                title_en: row.title_en,
                starts_at: row.starts_at,
                session_cancelled: row.session_cancelled,
            })
        })
        .collect()
}

/// What happened at the door.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckIn {
    CheckedIn,
    /// Already let in earlier (shown with the time, so a shared screenshot is spotted).
    AlreadyAt(i64),
    NotConfirmed,
}

pub async fn check_in(
    pool: &Db,
    code: &str,
    staff_account: i64,
    now: i64,
) -> Result<CheckIn, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let (status, checked_in_at, cancelled): (String, Option<i64>, bool) =
        crate::on_db!(&mut tx, |c| sqlx::query_as(
            "SELECT r.status, r.checked_in_at, s.status = 'cancelled' FROM event_registrations r
         JOIN event_sessions s ON s.id = r.session_id WHERE r.ticket_code = $1",
        )
        .bind(code)
        .fetch_one(c)
        .await)?;
    if let Some(at) = checked_in_at {
        return Ok(CheckIn::AlreadyAt(at));
    }
    if status != TicketStatus::Confirmed.code() || cancelled {
        return Ok(CheckIn::NotConfirmed);
    }
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "UPDATE event_registrations SET checked_in_at = $2, checked_in_by = $3 WHERE ticket_code = $1",
    )
    .bind(code)
    .bind(now)
    .bind(staff_account)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    tx.commit().await?;
    Ok(CheckIn::CheckedIn)
}
