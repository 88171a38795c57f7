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
