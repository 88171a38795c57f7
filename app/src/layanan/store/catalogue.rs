//! A village's services: the public catalogue, one service with its form and visit rules, and the staff's
//! service editor with its closed dates.

use crate::db::decode_code;
use crate::db::Db;
use crate::layanan::FormField;
use crate::layanan::{ServiceCard, ServiceKind};

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
    pool: &Db,
    village_slug: &str,
    limit: i64,
) -> Result<Vec<ServiceCard>, sqlx::Error> {
    let rows = if village_slug.is_empty() {
        crate::on_db!(pool, |c| {
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
        .fetch_all(c).await
        })?
    } else {
        crate::on_db!(pool, |c| {
            sqlx::query_as::<_, ServiceCardRow>(&format!(
            "SELECT s.slug, s.kind, s.name_id, s.name_en, s.summary_id, s.summary_en, s.processing_days,
                    s.needs_camat, s.fee_rupiah, v.name AS village_name, v.slug AS village_slug,
                    CAST(1 AS BIGINT) AS village_count
             FROM services s
             JOIN villages v ON v.id = s.village_id
             WHERE v.slug = $1
             {CATALOGUE_ORDER}
             LIMIT $2"
        ))
        .bind(village_slug)
        .bind(limit)
        .fetch_all(c).await
        })?
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

// ---------------------------------------------------------------------------------------------------
// Requests: submitting, moving along the status machine, issuing letters.

/// A service with what a request needs from it and its village.
#[derive(sqlx::FromRow, Clone)]
pub struct ServiceRow {
    pub id: i64,
    pub slug: String,
    pub kind: ServiceKind,
    pub name_id: String,
    pub name_en: Option<String>,
    pub summary_id: String,
    pub summary_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub requirements_id: String,
    pub requirements_en: Option<String>,
    pub processing_days: i64,
    /// The law's deadline for an answer, in working days (public information requests).
    pub legal_deadline_workdays: Option<i64>,
    pub needs_camat: bool,
    pub needs_slot: bool,
    pub fee_rupiah: i64,
    pub slot_minutes: i64,
    pub slot_capacity: i64,
    pub classification_code: String,
    pub letter_title: String,
    pub letter_template: String,
    pub village_id: i64,
    pub village_slug: String,
    pub village_name: String,
    pub village_kind: String,
    pub village_code: String,
    pub office_address: String,
    pub kecamatan_code: String,
    pub kecamatan_name: String,
}

const SERVICE_SELECT: &str = "SELECT s.id, s.slug, s.kind, s.name_id, s.name_en, s.summary_id, s.summary_en,
        s.description_id, s.description_en, s.requirements_id, s.requirements_en, s.processing_days,
        s.legal_deadline_workdays, s.needs_camat, s.needs_slot, s.fee_rupiah, s.slot_minutes, s.slot_capacity, s.classification_code,
        s.letter_title, s.letter_template, v.id AS village_id, v.slug AS village_slug, v.name AS village_name,
        v.kind AS village_kind, v.code AS village_code, v.office_address, k.code AS kecamatan_code,
        k.name AS kecamatan_name
     FROM services s JOIN villages v ON v.id = s.village_id JOIN kecamatan k ON k.code = v.kecamatan_code";

/// A service residents may request now (active).
pub async fn find_service(
    pool: &Db,
    village_slug: &str,
    service_slug: &str,
) -> Result<Option<ServiceRow>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{SERVICE_SELECT} WHERE v.slug = $1 AND s.slug = $2 AND s.is_active"
    ))
    .bind(village_slug)
    .bind(service_slug)
    .fetch_optional(c)
    .await)
}

/// The service a request was made for, even if the staff switched it off since: requests already made
/// go on to the end.
pub async fn service_of_request(
    pool: &Db,
    village_slug: &str,
    service_slug: &str,
) -> Result<ServiceRow, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{SERVICE_SELECT} WHERE v.slug = $1 AND s.slug = $2"
    ))
    .bind(village_slug)
    .bind(service_slug)
    .fetch_one(c)
    .await)
}

pub async fn service_fields(pool: &Db, service_id: i64) -> Result<Vec<FormField>, sqlx::Error> {
    let rows: Vec<(String, String, Option<String>, String, String, bool)> =
        crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT name, label_id, label_en, kind, options, required FROM service_fields
         WHERE service_id = $1 ORDER BY position",
        )
        .bind(service_id)
        .fetch_all(c)
        .await)?;
    rows.into_iter()
        .map(|(name, label_id, label_en, kind, options, required)| {
            Ok(FormField {
                kind: decode_code("field kind", &kind, crate::layanan::FieldKind::from_code)?,
                options: options
                    .lines()
                    .map(str::trim)
                    .filter(|option| !option.is_empty())
                    .map(str::to_string)
                    .collect(),
                name,
                label_id,
                label_en,
                required,
            })
        })
        .collect()
}

/// The slot rules of a service: its weekly hours and the village's closed dates.
pub async fn slot_rules(
    pool: &Db,
    service: &ServiceRow,
) -> Result<crate::layanan::slots::SlotRules, sqlx::Error> {
    let hours: Vec<(i64, i64, i64)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT weekday, opens, closes FROM service_hours WHERE service_id = $1 ORDER BY weekday, opens",
    )
    .bind(service.id)
    .fetch_all(c).await
    })?;
    let closed: Vec<String> = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT date FROM village_closed_dates WHERE village_id = $1"
    )
    .bind(service.village_id)
    .fetch_all(c)
    .await)?;
    Ok(crate::layanan::slots::SlotRules {
        hours: hours
            .into_iter()
            .map(
                |(weekday, opens, closes)| crate::layanan::slots::OpeningHours {
                    weekday: weekday as u32,
                    opens: opens as u32,
                    closes: closes as u32,
                },
            )
            .collect(),
        slot_minutes: service.slot_minutes as u32,
        capacity: service.slot_capacity,
        closed: closed
            .iter()
            .filter_map(|date| crate::kernel::dates::CivilDate::parse(date))
            .collect(),
    })
}

/// People booked per slot start of a service between two instants (cancelled/rejected requests free
/// their place).
pub async fn bookings(
    pool: &Db,
    service_id: i64,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT slot_starts_at, COUNT(*) FROM service_requests
         WHERE service_id = $1 AND slot_starts_at >= $2 AND slot_starts_at < $3
           AND status NOT IN ('dibatalkan', 'ditolak')
         GROUP BY slot_starts_at",
    )
    .bind(service_id)
    .bind(from)
    .bind(to)
    .fetch_all(c)
    .await)
}

/// The form fields of the service a request was made for.
pub async fn service_fields_of_request(
    pool: &Db,
    request_id: i64,
) -> Result<Vec<FormField>, sqlx::Error> {
    let service_id: i64 = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT service_id FROM service_requests WHERE id = $1"
    )
    .bind(request_id)
    .fetch_one(c)
    .await)?;
    service_fields(pool, service_id).await
}

/// A village's services for its staff (inactive ones too), letters first.
pub async fn catalogue(
    pool: &Db,
    village_id: i64,
) -> Result<Vec<crate::layanan::CatalogueEntry>, sqlx::Error> {
    type Row = (String, String, String, Option<String>, bool, bool, bool);
    let rows: Vec<Row> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT slug, kind, name_id, name_en, is_active, needs_slot, needs_camat FROM services
         WHERE village_id = $1 ORDER BY kind DESC, name_id",
    )
    .bind(village_id)
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .map(
            |(slug, kind, name_id, name_en, is_active, needs_slot, needs_camat)| {
                Ok(crate::layanan::CatalogueEntry {
                    kind: decode_code("service kind", &kind, ServiceKind::from_code)?,
                    slug,
                    name_id,
                    name_en,
                    is_active,
                    needs_slot,
                    needs_camat,
                })
            },
        )
        .collect()
}

/// The village's closed days from `from` (`2026-12-01`) on.
pub async fn closed_dates(
    pool: &Db,
    village_id: i64,
    from: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT date, reason FROM village_closed_dates WHERE village_id = $1 AND date >= $2 ORDER BY date",
    )
    .bind(village_id)
    .bind(from)
    .fetch_all(c).await
    })
}

pub async fn add_closed_date(
    pool: &Db,
    village_id: i64,
    date: &str,
    reason: &str,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "INSERT INTO village_closed_dates (village_id, date, reason) VALUES ($1, $2, $3)
         ON CONFLICT (village_id, date) DO UPDATE SET reason = excluded.reason",
    )
    .bind(village_id)
    .bind(date)
    .bind(reason)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

pub async fn remove_closed_date(pool: &Db, village_id: i64, date: &str) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM village_closed_dates WHERE village_id = $1 AND date = $2"
    )
    .bind(village_id)
    .bind(date)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// A service of a village as its editor shows it (active or not).
pub async fn service_editor(
    pool: &Db,
    village_id: i64,
    slug: &str,
) -> Result<Option<crate::layanan::ServiceEditor>, sqlx::Error> {
    let Some(service): Option<ServiceRow> = crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{SERVICE_SELECT} WHERE v.id = $1 AND s.slug = $2"
    ))
    .bind(village_id)
    .bind(slug)
    .fetch_optional(c)
    .await)?
    else {
        return Ok(None);
    };
    let is_active: bool = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT is_active FROM services WHERE id = $1"
    )
    .bind(service.id)
    .fetch_one(c)
    .await)?;
    let rules = slot_rules(pool, &service).await?;
    // Monday first, Sunday last.
    let week = [1u32, 2, 3, 4, 5, 6, 0]
        .into_iter()
        .map(|weekday| crate::layanan::DayHours {
            weekday,
            hours: rules
                .hours
                .iter()
                .find(|hours| hours.weekday == weekday)
                .map(|hours| (hours.opens, hours.closes)),
        })
        .collect();
    Ok(Some(crate::layanan::ServiceEditor {
        kind: service.kind,
        fields: service_fields(pool, service.id).await?,
        week,
        is_active,
        village_slug: service.village_slug,
        village_name: service.village_name,
        slug: service.slug,
        name_id: service.name_id,
        name_en: service.name_en,
        summary_id: service.summary_id,
        description_id: service.description_id,
        description_en: service.description_en,
        requirements_id: service.requirements_id,
        requirements_en: service.requirements_en,
        processing_days: service.processing_days,
        fee_rupiah: service.fee_rupiah,
        needs_camat: service.needs_camat,
        needs_slot: service.needs_slot,
        slot_minutes: service.slot_minutes,
        slot_capacity: service.slot_capacity,
        letter_title: service.letter_title,
        letter_template: service.letter_template,
    }))
}

/// The settings of the service editor, checked.
pub struct ServiceSettings {
    pub name_id: String,
    pub name_en: Option<String>,
    pub summary_id: String,
    pub description_id: String,
    pub description_en: Option<String>,
    pub requirements_id: String,
    pub requirements_en: Option<String>,
    pub processing_days: i64,
    pub fee_rupiah: i64,
    pub needs_camat: bool,
    pub needs_slot: bool,
    pub slot_minutes: i64,
    pub slot_capacity: i64,
    pub is_active: bool,
    pub letter_title: String,
    pub letter_template: String,
}

/// Saves a service's settings, replaces its form fields and weekly hours, in one transaction.
pub async fn save_service(
    pool: &Db,
    village_id: i64,
    slug: &str,
    settings: &ServiceSettings,
    fields: &[FormField],
    week: &[crate::layanan::slots::OpeningHours],
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let service_id: i64 = crate::on_db!(&mut tx, |c| {
        sqlx::query_scalar(
        "UPDATE services SET name_id = $3, name_en = $4, summary_id = $5, description_id = $6,
                description_en = $7, requirements_id = $8, requirements_en = $9, processing_days = $10,
                fee_rupiah = $11, needs_camat = $12, needs_slot = $13, slot_minutes = $14,
                slot_capacity = $15, is_active = $16, letter_title = $17, letter_template = $18
         WHERE village_id = $1 AND slug = $2 RETURNING id",
    )
    .bind(village_id)
    .bind(slug)
    .bind(&settings.name_id)
    .bind(&settings.name_en)
    .bind(&settings.summary_id)
    .bind(&settings.description_id)
    .bind(&settings.description_en)
    .bind(&settings.requirements_id)
    .bind(&settings.requirements_en)
    .bind(settings.processing_days)
    .bind(settings.fee_rupiah)
    .bind(settings.needs_camat)
    .bind(settings.needs_slot)
    .bind(settings.slot_minutes)
    .bind(settings.slot_capacity)
    .bind(settings.is_active)
    .bind(&settings.letter_title)
    .bind(&settings.letter_template)
    .fetch_one(c).await
    })?;
    crate::on_db!(&mut tx, |c| sqlx::query(
        "DELETE FROM service_fields WHERE service_id = $1"
    )
    .bind(service_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    for (position, field) in fields.iter().enumerate() {
        crate::on_db!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO service_fields (service_id, position, name, label_id, label_en, kind, options, required)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(service_id)
        .bind(position as i64)
        .bind(&field.name)
        .bind(&field.label_id)
        .bind(&field.label_en)
        .bind(field.kind.code())
        .bind(field.options.join("\n"))
        .bind(field.required)
        .execute(c).await.map(crate::db::Done::from)
        })?;
    }
    crate::on_db!(&mut tx, |c| sqlx::query(
        "DELETE FROM service_hours WHERE service_id = $1"
    )
    .bind(service_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    for hours in week {
        crate::on_db!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO service_hours (service_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)",
        )
        .bind(service_id)
        .bind(hours.weekday as i64)
        .bind(hours.opens as i64)
        .bind(hours.closes as i64)
        .execute(c).await.map(crate::db::Done::from)
        })?;
    }
    tx.commit().await
}
