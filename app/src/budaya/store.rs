//! Budaya data access (server only): the agenda, listings, sessions, registrations and tickets.
//! Every change that touches seats runs in one `BEGIN IMMEDIATE` transaction, so concurrent
//! registrations are serialised by SQLite's write lock and a session can never be oversold.

use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use crate::db::decode_code;
use crate::notifikasi::store::{enqueue_message, notify, Bilingual};

use super::seats::{admits, promotions, seats_left};
use super::{
    AgendaQuery, EventCard, EventKind, Listing, ManagedListing, ManagedSession, Registrant,
    SessionSlot, Ticket, TicketStatus, TicketSummary,
};

/// Seats already confirmed in a session, as a SQL expression over `s` (the session row).
const CONFIRMED_SEATS: &str = "COALESCE((SELECT SUM(r.seats) FROM event_registrations r
     WHERE r.session_id = s.id AND r.status = 'confirmed'), 0)";

#[derive(sqlx::FromRow)]
struct CardRow {
    slug: String,
    kind: String,
    title_id: String,
    title_en: Option<String>,
    summary_id: String,
    summary_en: Option<String>,
    venue: String,
    starts_at: i64,
    ends_at: i64,
    price_rupiah: i64,
    village_name: String,
    village_slug: String,
    capacity: Option<i64>,
    confirmed_seats: i64,
    cancelled: bool,
    photo_id: Option<i64>,
    photo_key: Option<String>,
    photo_widths: Option<String>,
}

impl CardRow {
    fn into_card(self) -> Result<EventCard, sqlx::Error> {
        Ok(EventCard {
            kind: decode_code("event kind", &self.kind, EventKind::from_code)?,
            slug: self.slug,
            title_id: self.title_id,
            title_en: self.title_en,
            summary_id: self.summary_id,
            summary_en: self.summary_en,
            venue: self.venue,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            price_rupiah: self.price_rupiah,
            village_name: self.village_name,
            village_slug: self.village_slug,
            seats_left: self
                .capacity
                .map(|capacity| seats_left(capacity, self.confirmed_seats)),
            cancelled: self.cancelled,
            photo: crate::media::PhotoRef::from_columns(
                self.photo_id,
                self.photo_key,
                self.photo_widths,
            ),
        })
    }
}

/// The first photo of listing `e`: its columns for a card row, and the join that finds it (one lookup
/// per row).
const FIRST_PHOTO_COLUMNS: &str =
    ", ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths";
const FIRST_PHOTO_JOIN: &str =
    " LEFT JOIN photos ph ON ph.id = (SELECT ep.photo_id FROM event_photos ep
     WHERE ep.event_id = e.id ORDER BY ep.position LIMIT 1)";

/// Escapes `%`, `_` and `\` so a search word matches literally inside `LIKE … ESCAPE '\'`.
fn like_pattern(word: &str) -> String {
    let mut pattern = String::from("%");
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The words of a search, lower-cased, at most six (longer queries add nothing but cost).
pub fn search_words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|word| word.chars().count() >= 2)
        .take(6)
        .collect()
}

/// The filters shared by the agenda, the calendar and the feeds (everything but the period).
fn push_filters(builder: &mut QueryBuilder<'_, Sqlite>, query: &AgendaQuery) {
    builder.push(" WHERE e.status = 'published'");
    if let Some(kind) = EventKind::from_code(&query.kind) {
        builder.push(" AND e.kind = ").push_bind(kind.code());
    }
    if !query.village.is_empty() {
        builder
            .push(" AND v.slug = ")
            .push_bind(query.village.clone());
    }
    if !query.shop.is_empty() {
        builder
            .push(" AND e.shop_id = (SELECT id FROM shops WHERE slug = ")
            .push_bind(query.shop.clone())
            .push(")");
    }
    if !query.tag.is_empty() {
        builder.push(" AND e.tags LIKE ").push_bind(format!(
            "%,{},%",
            query.tag.to_lowercase().replace(['%', '_'], "")
        ));
    }
    match query.cost.as_str() {
        "gratis" => {
            builder.push(" AND e.price_rupiah = 0");
        }
        "berbayar" => {
            builder.push(" AND e.price_rupiah > 0");
        }
        _ => {}
    }
    for word in search_words(&query.q) {
        builder
            .push(
                " AND lower(e.title_id || ' ' || COALESCE(e.title_en, '') || ' ' || e.summary_id || ' ' || \
                 COALESCE(e.summary_en, '') || ' ' || e.tags || ' ' || e.venue || ' ' || v.name || ' ' || \
                 e.organiser_name) LIKE ",
            )
            .push_bind(like_pattern(&word))
            .push(" ESCAPE '\\'");
    }
}

const CARD_COLUMNS: &str =
    "SELECT e.slug, e.kind, e.title_id, e.title_en, e.summary_id, e.summary_en, e.venue,
        s.starts_at, s.ends_at, e.price_rupiah, v.name AS village_name, v.slug AS village_slug,
        s.capacity, ";

/// Dated sessions overlapping `[from, to)`, soonest first. Places (no sessions) are listed apart.
///
/// The page's sessions are chosen first, walking the time index and checking each session's listing
/// (`EXISTS`); only those become cards. Joining listings to every session in range instead made SQLite
/// build a Bloom filter over all listings on each request (38 ms with a regency's 10 000 listings).
pub async fn agenda_sessions(
    pool: &SqlitePool,
    query: &AgendaQuery,
    from: i64,
    to: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<EventCard>, sqlx::Error> {
    let mut builder = QueryBuilder::<Sqlite>::new(CARD_COLUMNS);
    builder
        .push(CONFIRMED_SEATS)
        .push(" AS confirmed_seats, s.status = 'cancelled' AS cancelled");
    builder
        .push(FIRST_PHOTO_COLUMNS)
        .push(" FROM (SELECT s.id FROM event_sessions s");
    // The lower bound on the start lets the time index skip every past session: one that started
    // earlier than a session's longest span before `from` has ended by then.
    builder
        .push(" WHERE s.ends_at > ")
        .push_bind(from)
        .push(" AND s.starts_at > ")
        .push_bind(from.saturating_sub(super::recurrence::MAX_SESSION_DAYS * 86_400))
        .push(" AND s.starts_at < ")
        .push_bind(to)
        .push(" AND EXISTS (SELECT 1 FROM events e JOIN villages v ON v.id = e.village_id");
    push_filters(&mut builder, query);
    builder
        .push(" AND e.id = s.event_id) ORDER BY s.starts_at, s.id LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset)
        .push(
            ") page JOIN event_sessions s ON s.id = page.id JOIN events e ON e.id = s.event_id
             JOIN villages v ON v.id = e.village_id",
        )
        .push(FIRST_PHOTO_JOIN)
        .push(" ORDER BY s.starts_at, s.id");
    let rows: Vec<CardRow> = builder.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(CardRow::into_card).collect()
}

/// Places to visit (sanggar, museum houses) matching the filters; they have opening hours, not dates.
pub async fn places(pool: &SqlitePool, query: &AgendaQuery) -> Result<Vec<EventCard>, sqlx::Error> {
    if !query.kind.is_empty() && query.kind != EventKind::Tempat.code() {
        return Ok(Vec::new());
    }
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT e.slug, e.kind, e.title_id, e.title_en, e.summary_id, e.summary_en, e.venue,
                e.starts_at, e.ends_at, e.price_rupiah, v.name AS village_name, v.slug AS village_slug,
                NULL AS capacity, 0 AS confirmed_seats, FALSE AS cancelled",
    );
    builder
        .push(FIRST_PHOTO_COLUMNS)
        .push(" FROM events e JOIN villages v ON v.id = e.village_id")
        .push(FIRST_PHOTO_JOIN);
    push_filters(&mut builder, query);
    builder.push(" AND e.kind = 'tempat' ORDER BY e.title_id LIMIT 24");
    let rows: Vec<CardRow> = builder.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(CardRow::into_card).collect()
}

/// Start times of the sessions in `[from, to)` matching the filters (for the month calendar).
pub async fn session_starts(
    pool: &SqlitePool,
    query: &AgendaQuery,
    from: i64,
    to: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    // Sessions of the month through the time index, each checked against its listing (as in
    // `agenda_sessions`: a join made SQLite scan every listing for a Bloom filter first).
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT s.starts_at FROM event_sessions s WHERE s.status = 'scheduled' AND s.starts_at >= ",
    );
    builder
        .push_bind(from)
        .push(" AND s.starts_at < ")
        .push_bind(to)
        .push(" AND EXISTS (SELECT 1 FROM events e JOIN villages v ON v.id = e.village_id");
    push_filters(&mut builder, query);
    builder.push(" AND e.id = s.event_id)");
    builder.build_query_scalar().fetch_all(pool).await
}

/// Upcoming sessions for the home and village pages (`village_slug` empty = every village).
pub async fn list_upcoming_events(
    pool: &SqlitePool,
    village_slug: &str,
    now: i64,
    limit: i64,
) -> Result<Vec<EventCard>, sqlx::Error> {
    let query = AgendaQuery {
        village: village_slug.to_string(),
        ..AgendaQuery::default()
    };
    agenda_sessions(pool, &query, now, i64::MAX, limit, 0).await
}

/// Tags in use, for the filter's list.
pub async fn tags_in_use(pool: &SqlitePool) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<String> =
        // One row per distinct tag list, read from the index (`events_published_tags`), not every listing.
        sqlx::query_scalar("SELECT DISTINCT tags FROM events WHERE status = 'published'")
            .fetch_all(pool)
            .await?;
    let mut tags: Vec<String> = rows
        .iter()
        .flat_map(|tags| tags.split(','))
        .filter(|tag| !tag.is_empty())
        .map(str::to_string)
        .collect();
    tags.sort();
    tags.dedup();
    Ok(tags)
}

#[derive(sqlx::FromRow)]
struct ListingRow {
    id: i64,
    slug: String,
    kind: String,
    title_id: String,
    title_en: Option<String>,
    summary_id: String,
    summary_en: Option<String>,
    description_id: String,
    description_en: Option<String>,
    tags: String,
    venue: String,
    address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    accessibility_id: Option<String>,
    accessibility_en: Option<String>,
    opening_hours_id: Option<String>,
    opening_hours_en: Option<String>,
    organiser_name: String,
    shop_name: Option<String>,
    shop_slug: Option<String>,
    price_rupiah: i64,
    capacity: Option<i64>,
    village_name: String,
    village_slug: String,
    status: String,
    village_id: i64,
    organiser_account_id: Option<i64>,
}

/// A listing with who may manage it: `(listing, village id, organiser account)`.
pub struct FoundListing {
    pub listing: Listing,
    pub village_id: i64,
    pub organiser_account_id: Option<i64>,
}

pub async fn find_listing(
    pool: &SqlitePool,
    slug: &str,
) -> Result<Option<FoundListing>, sqlx::Error> {
    let row = sqlx::query_as::<_, ListingRow>(
        "SELECT e.id, e.slug, e.kind, e.title_id, e.title_en, e.summary_id, e.summary_en, e.description_id,
                e.description_en, e.tags, e.venue, e.address, e.latitude, e.longitude, e.accessibility_id,
                e.accessibility_en, e.opening_hours_id, e.opening_hours_en, e.organiser_name,
                sh.name AS shop_name, sh.slug AS shop_slug, e.price_rupiah, e.capacity, v.name AS village_name,
                v.slug AS village_slug, e.status, e.village_id, e.organiser_account_id
         FROM events e JOIN villages v ON v.id = e.village_id LEFT JOIN shops sh ON sh.id = e.shop_id
         WHERE e.slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(FoundListing {
        village_id: row.village_id,
        organiser_account_id: row.organiser_account_id,
        listing: Listing {
            kind: decode_code("event kind", &row.kind, EventKind::from_code)?,
            id: row.id,
            slug: row.slug,
            title_id: row.title_id,
            title_en: row.title_en,
            summary_id: row.summary_id,
            summary_en: row.summary_en,
            description_id: row.description_id,
            description_en: row.description_en,
            tags: row
                .tags
                .split(',')
                .filter(|tag| !tag.is_empty())
                .map(str::to_string)
                .collect(),
            venue: row.venue,
            address: row.address,
            latitude: row.latitude,
            longitude: row.longitude,
            accessibility_id: row.accessibility_id,
            accessibility_en: row.accessibility_en,
            opening_hours_id: row.opening_hours_id,
            opening_hours_en: row.opening_hours_en,
            organiser_name: row.organiser_name,
            shop_name: row.shop_name,
            shop_slug: row.shop_slug,
            price_rupiah: row.price_rupiah,
            capacity: row.capacity,
            village_name: row.village_name,
            village_slug: row.village_slug,
            is_hidden: row.status == "hidden",
        },
    }))
}

#[derive(sqlx::FromRow)]
struct SlotRow {
    id: i64,
    starts_at: i64,
    ends_at: i64,
    capacity: Option<i64>,
    confirmed_seats: i64,
    waiting: i64,
    cancelled: bool,
    started: bool,
    my_ticket: Option<String>,
}

/// A listing's sessions that have not ended, with the visitor's own active ticket for each.
pub async fn upcoming_slots(
    pool: &SqlitePool,
    event_id: i64,
    viewer: Option<i64>,
    now: i64,
) -> Result<Vec<SessionSlot>, sqlx::Error> {
    let rows = sqlx::query_as::<_, SlotRow>(&format!(
        "SELECT s.id, s.starts_at, s.ends_at, s.capacity, {CONFIRMED_SEATS} AS confirmed_seats,
                (SELECT COUNT(*) FROM event_registrations r WHERE r.session_id = s.id
                   AND r.status = 'waitlisted') AS waiting,
                s.status = 'cancelled' AS cancelled, s.starts_at <= $3 AS started,
                (SELECT r.ticket_code FROM event_registrations r WHERE r.session_id = s.id
                   AND r.account_id = $2 AND r.status <> 'cancelled') AS my_ticket
         FROM event_sessions s WHERE s.event_id = $1 AND s.ends_at > $3
         ORDER BY s.starts_at LIMIT 24"
    ))
    .bind(event_id)
    .bind(viewer.unwrap_or(-1))
    .bind(now)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| SessionSlot {
            id: row.id,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            capacity: row.capacity,
            seats_left: row
                .capacity
                .map(|capacity| seats_left(capacity, row.confirmed_seats)),
            waiting: row.waiting,
            cancelled: row.cancelled,
            started: row.started,
            my_ticket: row.my_ticket,
        })
        .collect())
}

/// Sessions for a calendar file or feed: from a month ago to a year ahead.
pub struct FeedSession {
    pub id: i64,
    pub slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub summary_id: String,
    pub summary_en: Option<String>,
    pub venue: String,
    pub address: String,
    pub village_name: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub cancelled: bool,
}

#[derive(sqlx::FromRow)]
struct FeedRow {
    id: i64,
    slug: String,
    title_id: String,
    title_en: Option<String>,
    summary_id: String,
    summary_en: Option<String>,
    venue: String,
    address: String,
    village_name: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    starts_at: i64,
    ends_at: i64,
    cancelled: bool,
}

/// Sessions of one listing (`listing` non-empty) or matching the filters, for iCalendar output.
pub async fn feed_sessions(
    pool: &SqlitePool,
    listing: &str,
    query: &AgendaQuery,
    now: i64,
) -> Result<Vec<FeedSession>, sqlx::Error> {
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT s.id, e.slug, e.title_id, e.title_en, e.summary_id, e.summary_en, e.venue, e.address,
                v.name AS village_name, e.latitude, e.longitude, s.starts_at, s.ends_at,
                s.status = 'cancelled' AS cancelled
         FROM event_sessions s JOIN events e ON e.id = s.event_id JOIN villages v ON v.id = e.village_id",
    );
    push_filters(&mut builder, query);
    if !listing.is_empty() {
        builder
            .push(" AND e.slug = ")
            .push_bind(listing.to_string());
    }
    builder
        .push(" AND s.ends_at > ")
        .push_bind(now - 30 * 86_400)
        .push(" AND s.starts_at < ")
        .push_bind(now + 366 * 86_400)
        .push(" ORDER BY s.starts_at LIMIT 500");
    let rows: Vec<FeedRow> = builder.build_query_as().fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .map(|row| FeedSession {
            id: row.id,
            slug: row.slug,
            title_id: row.title_id,
            title_en: row.title_en,
            summary_id: row.summary_id,
            summary_en: row.summary_en,
            venue: row.venue,
            address: row.address,
            village_name: row.village_name,
            latitude: row.latitude,
            longitude: row.longitude,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            cancelled: row.cancelled,
        })
        .collect())
}

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
    pool: &SqlitePool,
    session_id: i64,
    account_id: i64,
    seats: i64,
    new_code: &str,
    now: i64,
) -> Result<Registered, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let session = sqlx::query_as::<_, SessionForRegistration>(&format!(
        "SELECT s.capacity, s.starts_at, s.status = 'cancelled' AS cancelled,
                e.status = 'published' AS published, e.title_id, e.title_en,
                {CONFIRMED_SEATS} AS confirmed_seats,
                (SELECT COUNT(*) FROM event_registrations r WHERE r.session_id = s.id
                   AND r.status = 'waitlisted') AS waiting
         FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE s.id = $1"
    ))
    .bind(session_id)
    .fetch_optional(&mut *tx)
    .await?;
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
    if seats > super::seats::max_seats_per_registration(capacity) {
        return Ok(Registered::OverPersonalLimit);
    }
    let existing: Option<(String, String)> = sqlx::query_as(
        "SELECT ticket_code, status FROM event_registrations
         WHERE session_id = $1 AND account_id = $2 AND status <> 'cancelled'",
    )
    .bind(session_id)
    .bind(account_id)
    .fetch_optional(&mut *tx)
    .await?;
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
    .execute(&mut *tx)
    .await?;
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
        &mut *tx,
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
struct Recipient {
    account_id: i64,
    phone: String,
    locale: String,
    ticket_code: String,
}

/// Tells a ticket holder something in the app and by message, in their language.
async fn tell(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    recipient: &Recipient,
    purpose: &str,
    text: Bilingual<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let link = format!("/tiket/{}", recipient.ticket_code);
    notify(
        &mut **tx,
        recipient.account_id,
        Bilingual {
            id: text.id,
            en: text.en,
        },
        Some(&link),
        now,
    )
    .await?;
    let body = if recipient.locale == "en" {
        text.en
    } else {
        text.id
    };
    enqueue_message(
        &mut **tx,
        Some(recipient.account_id),
        &recipient.phone,
        purpose,
        &format!("{body} {link}"),
        now,
    )
    .await
}

/// Confirms waitlisted people of a session while seats are free; tells each of them.
async fn promote_waiting(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    session_id: i64,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let (capacity, confirmed, title): (Option<i64>, i64, String) = sqlx::query_as(&format!(
        "SELECT s.capacity, {CONFIRMED_SEATS}, e.title_id FROM event_sessions s
         JOIN events e ON e.id = s.event_id WHERE s.id = $1 AND s.status = 'scheduled'"
    ))
    .bind(session_id)
    .fetch_optional(&mut **tx)
    .await?
    .unwrap_or((None, 0, String::new()));
    let Some(capacity) = capacity else {
        return Ok(0);
    };
    let waiting: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, seats FROM event_registrations WHERE session_id = $1 AND status = 'waitlisted'
         ORDER BY created_at, id",
    )
    .bind(session_id)
    .fetch_all(&mut **tx)
    .await?;
    let promoted = promotions(seats_left(capacity, confirmed), &waiting);
    for registration in &promoted {
        sqlx::query(
            "UPDATE event_registrations SET status = 'confirmed', promoted_at = $2 WHERE id = $1",
        )
        .bind(registration)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        let recipient = sqlx::query_as::<_, Recipient>(
            "SELECT a.id AS account_id, a.phone, a.locale, r.ticket_code FROM event_registrations r
             JOIN accounts a ON a.id = r.account_id WHERE r.id = $1",
        )
        .bind(registration)
        .fetch_one(&mut **tx)
        .await?;
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
    pool: &SqlitePool,
    code: &str,
    account_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let session_id: Option<i64> = sqlx::query_scalar(
        "UPDATE event_registrations SET status = 'cancelled', cancelled_at = $3
         WHERE ticket_code = $1 AND account_id = $2 AND status <> 'cancelled' AND checked_in_at IS NULL
         RETURNING session_id",
    )
    .bind(code)
    .bind(account_id)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(session_id) = session_id else {
        return Ok(false);
    };
    notify(
        &mut *tx,
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

pub async fn find_ticket(
    pool: &SqlitePool,
    code: &str,
) -> Result<Option<FoundTicket>, sqlx::Error> {
    let row = sqlx::query_as::<_, TicketRow>(
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
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let status = decode_code("ticket status", &row.status, TicketStatus::from_code)?;
    let waitlist_position = if status == TicketStatus::Waitlisted {
        let ahead: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM event_registrations WHERE session_id = $1 AND status = 'waitlisted'
             AND (created_at < $2 OR (created_at = $2 AND ticket_code < $3))",
        )
        .bind(row.session_id)
        .bind(row.created_at)
        .bind(&row.ticket_code)
        .fetch_one(pool)
        .await?;
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
    pool: &SqlitePool,
    account_id: i64,
    now: i64,
) -> Result<Vec<TicketSummary>, sqlx::Error> {
    let rows = sqlx::query_as::<_, TicketSummaryRow>(
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
    .fetch_all(pool)
    .await?;
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
    pool: &SqlitePool,
    code: &str,
    staff_account: i64,
    now: i64,
) -> Result<CheckIn, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let (status, checked_in_at, cancelled): (String, Option<i64>, bool) = sqlx::query_as(
        "SELECT r.status, r.checked_in_at, s.status = 'cancelled' FROM event_registrations r
         JOIN event_sessions s ON s.id = r.session_id WHERE r.ticket_code = $1",
    )
    .bind(code)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(at) = checked_in_at {
        return Ok(CheckIn::AlreadyAt(at));
    }
    if status != TicketStatus::Confirmed.code() || cancelled {
        return Ok(CheckIn::NotConfirmed);
    }
    sqlx::query(
        "UPDATE event_registrations SET checked_in_at = $2, checked_in_by = $3 WHERE ticket_code = $1",
    )
    .bind(code)
    .bind(now)
    .bind(staff_account)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(CheckIn::CheckedIn)
}

/// Listings this person manages: their own, and every listing of the villages they are staff of
/// (`all` for the admin kabupaten).
pub async fn managed_listings(
    pool: &SqlitePool,
    account_id: i64,
    staff_villages: &[i64],
    all: bool,
    now: i64,
) -> Result<Vec<ManagedListing>, sqlx::Error> {
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT e.slug, e.kind, e.title_id, v.name AS village_name,
                (SELECT MIN(s.starts_at) FROM event_sessions s WHERE s.event_id = e.id AND s.ends_at > ",
    );
    builder
        .push_bind(now)
        .push(
            " AND s.status = 'scheduled') AS next_session,
                (SELECT COUNT(*) FROM event_registrations r JOIN event_sessions s ON s.id = r.session_id
                 WHERE s.event_id = e.id AND r.status <> 'cancelled') AS registrations
             FROM events e JOIN villages v ON v.id = e.village_id WHERE (e.organiser_account_id = ",
        )
        .push_bind(account_id);
    if all {
        builder.push(" OR TRUE");
    }
    for village in staff_villages {
        builder.push(" OR e.village_id = ").push_bind(*village);
    }
    builder.push(") ORDER BY next_session IS NULL, next_session, e.title_id LIMIT 100");
    let rows: Vec<(String, String, String, String, Option<i64>, i64)> =
        builder.build_query_as().fetch_all(pool).await?;
    rows.into_iter()
        .map(
            |(slug, kind, title_id, village_name, next_session, registrations)| {
                Ok(ManagedListing {
                    kind: decode_code("event kind", &kind, EventKind::from_code)?,
                    slug,
                    title_id,
                    village_name,
                    next_session,
                    registrations,
                })
            },
        )
        .collect()
}

/// The approved shop a seller runs: `(shop id, name, village id)`.
pub async fn seller_shop(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, village_id FROM shops WHERE owner_account_id = $1 AND status = 'approved'
         ORDER BY id LIMIT 1",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await
}

/// What an organiser writes about a listing.
#[derive(Debug, Clone)]
pub struct ListingFields {
    pub kind: EventKind,
    pub title_id: String,
    pub title_en: Option<String>,
    pub summary_id: String,
    pub summary_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    /// Already normalised: `,batik,anak,`.
    pub tags: String,
    pub venue: String,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub accessibility_id: Option<String>,
    pub accessibility_en: Option<String>,
    pub opening_hours_id: Option<String>,
    pub opening_hours_en: Option<String>,
    pub organiser_name: String,
    pub price_rupiah: i64,
    pub capacity: Option<i64>,
}

/// Creates a listing with a slug made unique by a number suffix; returns the slug.
pub async fn create_listing(
    pool: &SqlitePool,
    village_id: i64,
    organiser_account_id: i64,
    shop_id: Option<i64>,
    fields: &ListingFields,
    base_slug: &str,
    now: i64,
) -> Result<String, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let mut slug = base_slug.to_string();
    let mut suffix = 2;
    while sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM events WHERE slug = $1")
        .bind(&slug)
        .fetch_one(&mut *tx)
        .await?
        > 0
    {
        slug = format!("{base_slug}-{suffix}");
        suffix += 1;
    }
    // The row with its owner and placement; the organiser's fields are then written by the same
    // statement an edit uses.
    let event_id: i64 = sqlx::query_scalar(
        "INSERT INTO events (village_id, slug, kind, title_id, summary_id, venue, starts_at, ends_at,
                             organiser_account_id, shop_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)
         RETURNING id",
    )
    .bind(village_id)
    .bind(&slug)
    .bind(fields.kind.code())
    .bind(&fields.title_id)
    .bind(&fields.summary_id)
    .bind(&fields.venue)
    .bind(now)
    .bind(organiser_account_id)
    .bind(shop_id)
    .fetch_one(&mut *tx)
    .await?;
    update_listing(&mut *tx, event_id, fields).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Writes the organiser's fields of a listing (used by creating and editing alike).
pub async fn update_listing<'e, E>(
    executor: E,
    event_id: i64,
    fields: &ListingFields,
) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Sqlite>,
{
    sqlx::query(
        "UPDATE events SET kind = $2, title_id = $3, title_en = $4, summary_id = $5, summary_en = $6,
                venue = $7, price_rupiah = $8, description_id = $9, description_en = $10, tags = $11,
                address = $12, latitude = $13, longitude = $14, accessibility_id = $15,
                accessibility_en = $16, opening_hours_id = $17, opening_hours_en = $18,
                organiser_name = $19, capacity = $20
         WHERE id = $1",
    )
    .bind(event_id)
    .bind(fields.kind.code())
    .bind(&fields.title_id)
    .bind(&fields.title_en)
    .bind(&fields.summary_id)
    .bind(&fields.summary_en)
    .bind(&fields.venue)
    .bind(fields.price_rupiah)
    .bind(&fields.description_id)
    .bind(&fields.description_en)
    .bind(&fields.tags)
    .bind(&fields.address)
    .bind(fields.latitude)
    .bind(fields.longitude)
    .bind(&fields.accessibility_id)
    .bind(&fields.accessibility_en)
    .bind(&fields.opening_hours_id)
    .bind(&fields.opening_hours_en)
    .bind(&fields.organiser_name)
    .bind(fields.capacity)
    .execute(executor)
    .await?;
    Ok(())
}

/// Keeps the listing's overall span (used by older lists and sorting) equal to its sessions'.
async fn refresh_span<'e, E>(executor: E, event_id: i64) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Sqlite>,
{
    sqlx::query(
        "UPDATE events SET
            starts_at = COALESCE((SELECT MIN(starts_at) FROM event_sessions WHERE event_id = $1), starts_at),
            ends_at = COALESCE((SELECT MAX(ends_at) FROM event_sessions WHERE event_id = $1), ends_at)
         WHERE id = $1",
    )
    .bind(event_id)
    .execute(executor)
    .await?;
    Ok(())
}

/// Adds sessions; one already at the same start is left as it is. Returns how many were added.
pub async fn add_sessions(
    pool: &SqlitePool,
    event_id: i64,
    sessions: &[(i64, i64)],
    capacity: Option<i64>,
) -> Result<u64, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let mut added = 0;
    for (starts_at, ends_at) in sessions {
        added += sqlx::query(
            "INSERT INTO event_sessions (event_id, starts_at, ends_at, capacity) VALUES ($1, $2, $3, $4)
             ON CONFLICT (event_id, starts_at) DO NOTHING",
        )
        .bind(event_id)
        .bind(starts_at)
        .bind(ends_at)
        .bind(capacity)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    refresh_span(&mut *tx, event_id).await?;
    tx.commit().await?;
    Ok(added)
}

async fn active_registrants(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    session_id: i64,
) -> Result<Vec<Recipient>, sqlx::Error> {
    sqlx::query_as::<_, Recipient>(
        "SELECT a.id AS account_id, a.phone, a.locale, r.ticket_code FROM event_registrations r
         JOIN accounts a ON a.id = r.account_id WHERE r.session_id = $1 AND r.status <> 'cancelled'",
    )
    .bind(session_id)
    .fetch_all(&mut **tx)
    .await
}

/// Cancels a session of `event_id` and tells every registrant; `false` if no such scheduled session.
pub async fn cancel_session(
    pool: &SqlitePool,
    event_id: i64,
    session_id: i64,
    reason: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let found: Option<(String, i64)> = sqlx::query_as(
        "UPDATE event_sessions SET status = 'cancelled' WHERE id = $1 AND event_id = $2 AND status = 'scheduled'
         RETURNING (SELECT title_id FROM events WHERE id = $2), starts_at",
    )
    .bind(session_id)
    .bind(event_id)
    .fetch_optional(&mut *tx)
    .await?;
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
    pool: &SqlitePool,
    event_id: i64,
    session_id: i64,
    starts_at: i64,
    ends_at: i64,
    now: i64,
) -> Result<Moved, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let clash: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_sessions WHERE event_id = $1 AND starts_at = $2 AND id <> $3",
    )
    .bind(event_id)
    .bind(starts_at)
    .bind(session_id)
    .fetch_one(&mut *tx)
    .await?;
    if clash > 0 {
        return Ok(Moved::Clash);
    }
    let title: Option<String> = sqlx::query_scalar(
        "UPDATE event_sessions SET starts_at = $3, ends_at = $4
         WHERE id = $1 AND event_id = $2 AND status = 'scheduled'
         RETURNING (SELECT title_id FROM events WHERE id = $2)",
    )
    .bind(session_id)
    .bind(event_id)
    .bind(starts_at)
    .bind(ends_at)
    .fetch_optional(&mut *tx)
    .await?;
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
    refresh_span(&mut *tx, event_id).await?;
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
    pool: &SqlitePool,
    event_id: i64,
    now: i64,
) -> Result<Vec<ManagedSession>, sqlx::Error> {
    let rows = sqlx::query_as::<_, ManagedSessionRow>(&format!(
        "SELECT s.id, s.starts_at, s.ends_at, s.capacity, {CONFIRMED_SEATS} AS confirmed_seats,
                COALESCE((SELECT SUM(r.seats) FROM event_registrations r WHERE r.session_id = s.id
                  AND r.checked_in_at IS NOT NULL), 0) AS checked_in_seats,
                s.status = 'cancelled' AS cancelled
         FROM event_sessions s WHERE s.event_id = $1 AND s.ends_at > $2 ORDER BY s.starts_at LIMIT 30"
    ))
    .bind(event_id)
    .bind(now - 86_400)
    .fetch_all(pool)
    .await?;
    let mut sessions = Vec::with_capacity(rows.len());
    for row in rows {
        let registrants: Vec<(String, String, i64, String, bool)> = sqlx::query_as(
            "SELECT r.ticket_code, a.name, r.seats, r.status, r.checked_in_at IS NOT NULL
             FROM event_registrations r JOIN accounts a ON a.id = r.account_id
             WHERE r.session_id = $1 AND r.status <> 'cancelled' ORDER BY r.status, r.created_at, r.id",
        )
        .bind(row.id)
        .fetch_all(pool)
        .await?;
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

/// Every village as `(id, slug, name)`, for choosing where a listing belongs.
pub async fn villages(pool: &SqlitePool) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, slug, name FROM villages ORDER BY name")
        .fetch_all(pool)
        .await
}

/// A listing's photos in order.
pub async fn listing_photos(
    pool: &SqlitePool,
    event_id: i64,
) -> Result<Vec<crate::media::PhotoRef>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.key, p.widths FROM event_photos ep JOIN photos p ON p.id = ep.photo_id
         WHERE ep.event_id = $1 ORDER BY ep.position, p.id",
    )
    .bind(event_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, key, widths)| crate::media::PhotoRef {
            id,
            key,
            widths: crate::media::PhotoRef::widths_from_text(&widths),
        })
        .collect())
}

/// Adds a photo at the end of a listing's gallery (once).
pub async fn attach_photo(
    pool: &SqlitePool,
    event_id: i64,
    photo_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO event_photos (event_id, photo_id, position)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_photos WHERE event_id = $1))
         ON CONFLICT (event_id, photo_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(photo_id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Takes a photo off a listing (the files stay: another listing or product may show the same photo).
pub async fn detach_photo(
    pool: &SqlitePool,
    event_id: i64,
    photo_id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM event_photos WHERE event_id = $1 AND photo_id = $2")
            .bind(event_id)
            .bind(photo_id)
            .execute(pool)
            .await?
            .rows_affected()
            > 0,
    )
}
