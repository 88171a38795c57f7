//! Villages (desa/kelurahan): the list, one village's profile, a resident's home village.

use crate::akun::{VillageKind, VillageOffice, VillageProfile, VillageSummary};
use crate::db::decode_code;
use crate::db::Db;

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
    office_address: String,
    opening_hours_id: String,
    opening_hours_en: Option<String>,
    contact_phone: Option<String>,
    contact_email: Option<String>,
    switched_off_at: Option<i64>,
    photo_id: Option<i64>,
    photo_key: Option<String>,
    photo_widths: Option<String>,
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
            office: VillageOffice {
                address: self.office_address,
                opening_hours_id: self.opening_hours_id,
                opening_hours_en: self.opening_hours_en,
                phone: self.contact_phone,
                email: self.contact_email,
            },
            switched_off: self.switched_off_at.is_some(),
            photo: match (self.photo_id, self.photo_key, self.photo_widths) {
                (Some(id), Some(key), Some(widths)) => Some(crate::media::PhotoRef {
                    id,
                    key,
                    widths: crate::media::PhotoRef::widths_from_text(&widths),
                }),
                _ => None,
            },
        })
    }
}

const VILLAGE_COLUMNS: &str =
    "v.slug, v.name, v.kind, v.code, k.name AS kecamatan_name, k.kabupaten,
     v.description_id, v.description_en, v.office_address, v.opening_hours_id, v.opening_hours_en,
     v.contact_phone, v.contact_email, v.switched_off_at,
     v.photo_id, p.key AS photo_key, p.widths AS photo_widths
     FROM villages v JOIN kecamatan k ON k.code = v.kecamatan_code
     LEFT JOIN photos p ON p.id = v.photo_id";

/// Every village, grouped by kecamatan.
pub async fn list_villages(pool: &Db) -> Result<Vec<VillageSummary>, sqlx::Error> {
    let rows = crate::on_db!(pool, |c| sqlx::query_as::<_, VillageRow>(&format!(
        "SELECT {VILLAGE_COLUMNS} ORDER BY k.name, v.name"
    ))
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .map(|row| Ok(row.into_profile()?.summary))
        .collect()
}

/// One village by its URL slug; `None` when there is no such village.
pub async fn find_village(pool: &Db, slug: &str) -> Result<Option<VillageProfile>, sqlx::Error> {
    let row = crate::on_db!(pool, |c| sqlx::query_as::<_, VillageRow>(&format!(
        "SELECT {VILLAGE_COLUMNS} WHERE v.slug = $1"
    ))
    .bind(slug)
    .fetch_optional(c)
    .await)?;
    row.map(VillageRow::into_profile).transpose()
}

/// A village's name by id (for headings of pages that only know the id).
pub async fn village_name(pool: &Db, village_id: i64) -> Result<String, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT name FROM villages WHERE id = $1"
    )
    .bind(village_id)
    .fetch_one(c)
    .await)
}

/// Sets a visitor's home village; nothing when the account already has one.
pub async fn set_home_village(
    pool: &Db,
    account_id: i64,
    village_id: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE accounts SET home_village_id = $1 WHERE id = $2 AND home_village_id IS NULL",
    )
    .bind(village_id)
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// A village's id and kecamatan by slug (for authorization and writes).
pub async fn village_ref(pool: &Db, slug: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, kecamatan_code FROM villages WHERE slug = $1"
    )
    .bind(slug)
    .fetch_optional(c)
    .await)
}

pub async fn update_village_profile(
    pool: &Db,
    village_id: i64,
    description_id: &str,
    description_en: Option<&str>,
    office: &VillageOffice,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE villages SET description_id = $1, description_en = $2, office_address = $3,
         opening_hours_id = $4, opening_hours_en = $5, contact_phone = $6, contact_email = $7
         WHERE id = $8",
    )
    .bind(description_id)
    .bind(description_en)
    .bind(&office.address)
    .bind(&office.opening_hours_id)
    .bind(&office.opening_hours_en)
    .bind(&office.phone)
    .bind(&office.email)
    .bind(village_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

// ---- Accounts ----

/// Sets the village's photo (one already stored by the photo pipeline).
pub async fn set_village_photo(
    pool: &Db,
    village_id: i64,
    photo_id: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE villages SET photo_id = $1 WHERE id = $2"
    )
    .bind(photo_id)
    .bind(village_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}
