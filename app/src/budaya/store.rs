//! Budaya data access (server only).

use sqlx::SqlitePool;

use crate::db::decode_code;

use super::{EventCard, EventKind};

#[derive(sqlx::FromRow)]
struct EventCardRow {
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
}

/// Events that have not ended by `now`, soonest first; `village_slug` empty means every village.
pub async fn list_upcoming_events(
    pool: &SqlitePool,
    village_slug: &str,
    now: i64,
    limit: i64,
) -> Result<Vec<EventCard>, sqlx::Error> {
    let rows = sqlx::query_as::<_, EventCardRow>(
        "SELECT e.slug, e.kind, e.title_id, e.title_en, e.summary_id, e.summary_en, e.venue,
                e.starts_at, e.ends_at, e.price_rupiah, v.name AS village_name, v.slug AS village_slug
         FROM events e
         JOIN villages v ON v.id = e.village_id
         WHERE e.ends_at >= $1 AND ($2 = '' OR v.slug = $2)
         ORDER BY e.starts_at, e.id
         LIMIT $3",
    )
    .bind(now)
    .bind(village_slug)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let kind = decode_code("event kind", &row.kind, EventKind::from_code)?;
            Ok(EventCard {
                slug: row.slug,
                kind,
                title_id: row.title_id,
                title_en: row.title_en,
                summary_id: row.summary_id,
                summary_en: row.summary_en,
                venue: row.venue,
                starts_at: row.starts_at,
                ends_at: row.ends_at,
                price_rupiah: row.price_rupiah,
                village_name: row.village_name,
                village_slug: row.village_slug,
            })
        })
        .collect()
}
