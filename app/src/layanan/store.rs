//! Layanan data access (server only).

use sqlx::SqlitePool;

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
}

/// Services in catalogue order (letters first, then by name); `village_slug` empty means every village.
pub async fn list_services(
    pool: &SqlitePool,
    village_slug: &str,
    limit: i64,
) -> Result<Vec<ServiceCard>, sqlx::Error> {
    let rows = sqlx::query_as::<_, ServiceCardRow>(
        "SELECT s.slug, s.kind, s.name_id, s.name_en, s.summary_id, s.summary_en, s.processing_days,
                s.needs_camat, s.fee_rupiah, v.name AS village_name, v.slug AS village_slug
         FROM services s
         JOIN villages v ON v.id = s.village_id
         WHERE ($1 = '' OR v.slug = $1)
         ORDER BY s.needs_camat DESC, s.kind DESC, s.name_id, v.name
         LIMIT $2",
    )
    .bind(village_slug)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let kind = ServiceKind::from_code(&row.kind).ok_or_else(|| {
                sqlx::Error::Decode(format!("unknown service kind {:?}", row.kind).into())
            })?;
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
            })
        })
        .collect()
}
