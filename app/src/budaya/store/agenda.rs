//! What visitors browse: the agenda of sessions and the places, filtered by words, kind, village and
//! date, and the sessions the calendar feeds publish.

use crate::budaya::seats::seats_left;
use crate::budaya::{AgendaQuery, EventCard, EventKind};
use crate::db::decode_code;
use crate::db::Db;
use crate::db::Sql;

/// Seats already confirmed in a session, as a SQL expression over `s` (the session row).
pub(super) const CONFIRMED_SEATS: &str =
    "CAST(COALESCE((SELECT SUM(r.seats) FROM event_registrations r
     WHERE r.session_id = s.id AND r.status = 'confirmed'), 0) AS BIGINT)";

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
fn push_filters(builder: &mut Sql, query: &AgendaQuery) {
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
            .push_bind(crate::db::like_pattern(&word))
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
    pool: &Db,
    query: &AgendaQuery,
    from: i64,
    to: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<EventCard>, sqlx::Error> {
    let mut builder = Sql::new(CARD_COLUMNS);
    builder
        .push(CONFIRMED_SEATS)
        .push(" AS confirmed_seats, s.status = 'cancelled' AS cancelled");
    builder.push(FIRST_PHOTO_COLUMNS);
    // One kind in one village (the village page's health section) is a handful of listings: find them
    // first (`events_by_kind`), then their sessions (`(event_id, starts_at)`). Walking the regency's
    // sessions in time order until four matched took 12 ms on SQLite; this takes well under one.
    let narrow = !query.village.is_empty() && EventKind::from_code(&query.kind).is_some();
    if narrow {
        builder.push(
            " FROM (SELECT s.id FROM events e JOIN villages v ON v.id = e.village_id
             JOIN event_sessions s ON s.event_id = e.id",
        );
        push_filters(&mut builder, query);
        builder
            .push(" AND s.ends_at > ")
            .push_bind(from)
            .push(" AND s.starts_at < ")
            .push_bind(to);
    } else {
        // The lower bound on the start lets the time index skip every past session: one that started
        // earlier than a session's longest span before `from` has ended by then.
        builder
            .push(" FROM (SELECT s.id FROM event_sessions s")
            .push(" WHERE s.ends_at > ")
            .push_bind(from)
            .push(" AND s.starts_at > ")
            .push_bind(from.saturating_sub(crate::budaya::recurrence::MAX_SESSION_DAYS * 86_400))
            .push(" AND s.starts_at < ")
            .push_bind(to)
            .push(" AND EXISTS (SELECT 1 FROM events e JOIN villages v ON v.id = e.village_id");
        push_filters(&mut builder, query);
        builder.push(" AND e.id = s.event_id)");
    }
    builder
        .push(" ORDER BY s.starts_at, s.id LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset)
        .push(
            ") page JOIN event_sessions s ON s.id = page.id JOIN events e ON e.id = s.event_id
             JOIN villages v ON v.id = e.village_id",
        )
        .push(FIRST_PHOTO_JOIN)
        .push(" ORDER BY s.starts_at, s.id");
    let rows: Vec<CardRow> = builder.fetch_all(pool).await?;
    rows.into_iter().map(CardRow::into_card).collect()
}

/// Places to visit (sanggar, museum houses) matching the filters; they have opening hours, not dates.
/// Health facilities (polindes, pustu, puskesmas, the village midwife's hours) are places tagged
/// `kesehatan`: the health kind's agenda lists them beside its sessions.
pub async fn places(pool: &Db, query: &AgendaQuery) -> Result<Vec<EventCard>, sqlx::Error> {
    let health = query.kind == EventKind::Kesehatan.code();
    if !query.kind.is_empty() && query.kind != EventKind::Tempat.code() && !health {
        return Ok(Vec::new());
    }
    let query = &AgendaQuery {
        kind: String::new(),
        ..query.clone()
    };
    let mut builder = Sql::new(
        "SELECT e.slug, e.kind, e.title_id, e.title_en, e.summary_id, e.summary_en, e.venue,
                e.starts_at, e.ends_at, e.price_rupiah, v.name AS village_name, v.slug AS village_slug,
                CAST(NULL AS BIGINT) AS capacity, CAST(0 AS BIGINT) AS confirmed_seats, FALSE AS cancelled",
    );
    builder
        .push(FIRST_PHOTO_COLUMNS)
        .push(" FROM events e JOIN villages v ON v.id = e.village_id")
        .push(FIRST_PHOTO_JOIN);
    push_filters(&mut builder, query);
    if health {
        builder.push(" AND e.tags LIKE '%,kesehatan,%'");
    }
    builder.push(" AND e.kind = 'tempat' ORDER BY e.title_id LIMIT 24");
    let rows: Vec<CardRow> = builder.fetch_all(pool).await?;
    rows.into_iter().map(CardRow::into_card).collect()
}

/// Start times of the sessions in `[from, to)` matching the filters (for the month calendar).
pub async fn session_starts(
    pool: &Db,
    query: &AgendaQuery,
    from: i64,
    to: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    // Sessions of the month through the time index, each checked against its listing (as in
    // `agenda_sessions`: a join made SQLite scan every listing for a Bloom filter first).
    let mut builder = Sql::new(
        "SELECT s.starts_at FROM event_sessions s WHERE s.status = 'scheduled' AND s.starts_at >= ",
    );
    builder
        .push_bind(from)
        .push(" AND s.starts_at < ")
        .push_bind(to)
        .push(" AND EXISTS (SELECT 1 FROM events e JOIN villages v ON v.id = e.village_id");
    push_filters(&mut builder, query);
    builder.push(" AND e.id = s.event_id)");
    builder.fetch_scalars(pool).await
}

/// Upcoming sessions for the home and village pages (`village_slug` empty = every village).
pub async fn list_upcoming_events(
    pool: &Db,
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

/// A village's health offer for its page: its health facilities, then its next health sessions
/// (posyandu, posbindu, vaccination days).
pub async fn health_offer(
    pool: &Db,
    village_slug: &str,
    now: i64,
    limit: i64,
) -> Result<Vec<EventCard>, sqlx::Error> {
    let query = AgendaQuery {
        village: village_slug.to_string(),
        kind: EventKind::Kesehatan.code().to_string(),
        ..AgendaQuery::default()
    };
    let mut offer = places(pool, &query).await?;
    offer.extend(agenda_sessions(pool, &query, now, i64::MAX, limit, 0).await?);
    Ok(offer)
}

/// Tags in use, for the filter's list.
pub async fn tags_in_use(pool: &Db) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<String> =
        // One row per distinct tag list, read from the index (`events_published_tags`), not every listing.
        crate::on_db!(pool, |c| sqlx::query_scalar("SELECT DISTINCT tags FROM events WHERE status = 'published'")
            .fetch_all(c).await)?;
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
    pool: &Db,
    listing: &str,
    query: &AgendaQuery,
    now: i64,
) -> Result<Vec<FeedSession>, sqlx::Error> {
    let mut builder = Sql::new(
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
    let rows: Vec<FeedRow> = builder.fetch_all(pool).await?;
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
