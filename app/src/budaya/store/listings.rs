//! Listings (classes, events, places) as their organisers keep them: one listing with its upcoming slots,
//! the organiser's list, creating and editing, photos.

use super::agenda::CONFIRMED_SEATS;
use crate::budaya::seats::seats_left;
use crate::budaya::{EventKind, Listing, ManagedListing, SessionSlot};
use crate::db::decode_code;
use crate::db::Db;
use crate::db::Sql;

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

pub async fn find_listing(pool: &Db, slug: &str) -> Result<Option<FoundListing>, sqlx::Error> {
    let row = crate::on_db!(pool, |c| {
        sqlx::query_as::<_, ListingRow>(
        "SELECT e.id, e.slug, e.kind, e.title_id, e.title_en, e.summary_id, e.summary_en, e.description_id,
                e.description_en, e.tags, e.venue, e.address, e.latitude, e.longitude, e.accessibility_id,
                e.accessibility_en, e.opening_hours_id, e.opening_hours_en, e.organiser_name,
                sh.name AS shop_name, sh.slug AS shop_slug, e.price_rupiah, e.capacity, v.name AS village_name,
                v.slug AS village_slug, e.status, e.village_id, e.organiser_account_id
         FROM events e JOIN villages v ON v.id = e.village_id LEFT JOIN shops sh ON sh.id = e.shop_id
         WHERE e.slug = $1",
    )
    .bind(slug)
    .fetch_optional(c).await
    })?;
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
    pool: &Db,
    event_id: i64,
    viewer: Option<i64>,
    now: i64,
) -> Result<Vec<SessionSlot>, sqlx::Error> {
    let rows = crate::on_db!(pool, |c| sqlx::query_as::<_, SlotRow>(&format!(
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
    .fetch_all(c)
    .await)?;
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

/// Listings this person manages: their own, and every listing of the villages they are staff of
/// (`all` for the admin kabupaten).
pub async fn managed_listings(
    pool: &Db,
    account_id: i64,
    staff_villages: &[i64],
    all: bool,
    now: i64,
) -> Result<Vec<ManagedListing>, sqlx::Error> {
    let mut builder = Sql::new(
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
    builder.push(") ORDER BY next_session NULLS LAST, e.title_id LIMIT 100");
    let rows: Vec<(String, String, String, String, Option<i64>, i64)> =
        builder.fetch_all(pool).await?;
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
    pool: &Db,
    account_id: i64,
) -> Result<Option<(i64, String, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, name, village_id FROM shops WHERE owner_account_id = $1 AND status = 'approved'
         ORDER BY id LIMIT 1",
    )
    .bind(account_id)
    .fetch_optional(c)
    .await)
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
    pool: &Db,
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
    while crate::on_db!(&mut tx, |c| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM events WHERE slug = $1"
    )
    .bind(&slug)
    .fetch_one(c)
    .await)?
        > 0
    {
        slug = format!("{base_slug}-{suffix}");
        suffix += 1;
    }
    // The row with its owner and placement; the organiser's fields are then written by the same
    // statement an edit uses.
    let event_id: i64 = crate::on_db!(&mut tx, |c| {
        sqlx::query_scalar(
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
    .fetch_one(c).await
    })?;
    update_listing(&mut tx, event_id, fields).await?;
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
    E: crate::db::Reach<'e>,
{
    crate::on_db!(executor, |c| {
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
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

/// Keeps the listing's overall span (used by older lists and sorting) equal to its sessions'.
pub(super) async fn refresh_span<'e, E>(executor: E, event_id: i64) -> Result<(), sqlx::Error>
where
    E: crate::db::Reach<'e>,
{
    crate::on_db!(executor, |c| {
        sqlx::query(
        "UPDATE events SET
            starts_at = COALESCE((SELECT MIN(starts_at) FROM event_sessions WHERE event_id = $1), starts_at),
            ends_at = COALESCE((SELECT MAX(ends_at) FROM event_sessions WHERE event_id = $1), ends_at)
         WHERE id = $1",
    )
    .bind(event_id)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

/// Every village as `(id, slug, name)`, for choosing where a listing belongs.
pub async fn villages(pool: &Db) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, slug, name FROM villages ORDER BY name"
    )
    .fetch_all(c)
    .await)
}

/// A listing's photos in order.
pub async fn listing_photos(
    pool: &Db,
    event_id: i64,
) -> Result<Vec<crate::media::PhotoRef>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT p.id, p.key, p.widths FROM event_photos ep JOIN photos p ON p.id = ep.photo_id
         WHERE ep.event_id = $1 ORDER BY ep.position, p.id",
    )
    .bind(event_id)
    .fetch_all(c)
    .await)?;
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
pub async fn attach_photo(pool: &Db, event_id: i64, photo_id: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO event_photos (event_id, photo_id, position)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_photos WHERE event_id = $1))
         ON CONFLICT (event_id, photo_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(photo_id)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

/// Takes a photo off a listing (the files stay: another listing or product may show the same photo).
pub async fn detach_photo(pool: &Db, event_id: i64, photo_id: i64) -> Result<bool, sqlx::Error> {
    Ok(crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM event_photos WHERE event_id = $1 AND photo_id = $2"
    )
    .bind(event_id)
    .bind(photo_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?
    .rows_affected()
        > 0)
}
