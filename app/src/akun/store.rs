//! Village data access (server only).

use sqlx::SqlitePool;

use crate::db::decode_code;

use super::{VillageKind, VillageProfile, VillageSummary};

#[derive(sqlx::FromRow)]
struct VillageRow {
    slug: String,
    name: String,
    kind: String,
    code: String,
    kecamatan_name: String,
    kabupaten: String,
    description_id: String,
    description_en: Option<String>,
}

impl VillageRow {
    fn into_profile(self) -> Result<VillageProfile, sqlx::Error> {
        let kind = decode_code("village kind", &self.kind, VillageKind::from_code)?;
        Ok(VillageProfile {
            summary: VillageSummary {
                slug: self.slug,
                name: self.name,
                kind,
                code: self.code,
                kecamatan_name: self.kecamatan_name,
            },
            kabupaten: self.kabupaten,
            description_id: self.description_id,
            description_en: self.description_en,
        })
    }
}

const VILLAGE_COLUMNS: &str =
    "v.slug, v.name, v.kind, v.code, k.name AS kecamatan_name, k.kabupaten,
     v.description_id, v.description_en
     FROM villages v JOIN kecamatan k ON k.code = v.kecamatan_code";

/// Every village, grouped by kecamatan.
pub async fn list_villages(pool: &SqlitePool) -> Result<Vec<VillageSummary>, sqlx::Error> {
    let rows = sqlx::query_as::<_, VillageRow>(&format!(
        "SELECT {VILLAGE_COLUMNS} ORDER BY k.name, v.name"
    ))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| Ok(row.into_profile()?.summary))
        .collect()
}

/// One village by its URL slug; `None` when there is no such village.
pub async fn find_village(
    pool: &SqlitePool,
    slug: &str,
) -> Result<Option<VillageProfile>, sqlx::Error> {
    let row =
        sqlx::query_as::<_, VillageRow>(&format!("SELECT {VILLAGE_COLUMNS} WHERE v.slug = $1"))
            .bind(slug)
            .fetch_optional(pool)
            .await?;
    row.map(VillageRow::into_profile).transpose()
}
