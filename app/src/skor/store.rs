//! The scorecard's facts: one query per indicator, each grouped by village, for one village, a
//! kecamatan or the whole regency. Reading only; the pillars own every table read here.

use std::collections::HashMap;

use crate::db::{Db, Sql};
use crate::kernel::dates::CivilDate;

use super::Indicators;

/// Which villages a query counts.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    Village(i64),
    Kecamatan(&'a str),
    Regency,
}

/// `AND {column} …` restricting the query to the scope's villages.
fn restrict(sql: &mut Sql, column: &str, scope: Scope<'_>) {
    match scope {
        Scope::Village(id) => {
            sql.push(&format!(" AND {column} = ")).push_bind(id);
        }
        Scope::Kecamatan(code) => {
            sql.push(&format!(
                " AND {column} IN (SELECT id FROM villages WHERE kecamatan_code = "
            ))
            .push_bind(code)
            .push(")");
        }
        Scope::Regency => {}
    }
}

/// A village in the scope: (id, slug, name, kecamatan code, kecamatan name).
pub type VillageOfScope = (i64, String, String, String, String);

pub async fn villages(pool: &Db, scope: Scope<'_>) -> Result<Vec<VillageOfScope>, sqlx::Error> {
    let mut sql = Sql::new(
        "SELECT v.id, v.slug, v.name, v.kecamatan_code, k.name FROM villages v
         JOIN kecamatan k ON k.code = v.kecamatan_code WHERE 1 = 1",
    );
    restrict(&mut sql, "v.id", scope);
    sql.push(" ORDER BY v.name");
    sql.fetch_all(pool).await
}

pub async fn kecamatan_name(pool: &Db, code: &str) -> Result<Option<String>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT name FROM kecamatan WHERE code = $1"
    )
    .bind(code)
    .fetch_optional(c)
    .await)
}

/// Adds a per-village count to the indicators.
async fn counted(
    pool: &Db,
    sql: Sql,
    facts: &mut HashMap<i64, Indicators>,
    put: fn(&mut Indicators, i64),
) -> Result<(), sqlx::Error> {
    let rows: Vec<(i64, i64)> = sql.fetch_all(pool).await?;
    for (village_id, count) in rows {
        put(facts.entry(village_id).or_default(), count);
    }
    Ok(())
}

/// Every indicator of every village in the scope over `[since, now]`; villages with no activity are
/// absent (all zero).
pub async fn indicators(
    pool: &Db,
    scope: Scope<'_>,
    since: i64,
    now: i64,
) -> Result<HashMap<i64, Indicators>, sqlx::Error> {
    let mut facts: HashMap<i64, Indicators> = HashMap::new();

    // Public services: each request finished in the window (a request reaches "selesai" once), with
    // its promise and rating.
    let mut sql = Sql::new(
        "SELECT r.village_id, r.created_at, e.at, s.processing_days, r.rating
         FROM request_events e
         JOIN service_requests r ON r.id = e.request_id
         JOIN services s ON s.id = r.service_id
         WHERE e.status = 'selesai' AND r.status = 'selesai' AND e.at >= ",
    );
    sql.push_bind(since);
    restrict(&mut sql, "r.village_id", scope);
    let finished: Vec<(i64, i64, i64, i64, Option<i64>)> = sql.fetch_all(pool).await?;
    for (village_id, created_at, finished_at, processing_days, rating) in finished {
        let entry = facts.entry(village_id).or_default();
        entry.requests_finished += 1;
        // Promised in working days: on time when finished by the end of the last one (WIB).
        let last_day = CivilDate::of_unix_wib(created_at).plus_working_days(processing_days);
        if finished_at < CivilDate::from_days(last_day.days() + 1).at_wib(0) {
            entry.requests_on_time += 1;
        }
        if let Some(stars) = rating {
            entry.rating_sum += stars;
            entry.rating_count += 1;
        }
    }

    // Economy: approved shops with something for sale; orders completed in the window.
    let mut sql = Sql::new(
        "SELECT s.village_id, COUNT(*) FROM shops s WHERE s.status = 'approved'
           AND EXISTS (SELECT 1 FROM products p WHERE p.shop_id = s.id AND p.status = 'active')",
    );
    restrict(&mut sql, "s.village_id", scope);
    sql.push(" GROUP BY s.village_id");
    counted(pool, sql, &mut facts, |i, n| i.active_shops = n).await?;

    let mut sql = Sql::new(
        "SELECT s.village_id, COUNT(*) FROM orders o JOIN shops s ON s.id = o.shop_id
         WHERE o.status = 'completed' AND o.updated_at >= ",
    );
    sql.push_bind(since);
    restrict(&mut sql, "s.village_id", scope);
    sql.push(" GROUP BY s.village_id");
    counted(pool, sql, &mut facts, |i, n| i.completed_orders = n).await?;

    // Health: posyandu, posbindu and vaccination sessions held.
    let mut sql = Sql::new(
        "SELECT e.village_id, COUNT(*) FROM event_sessions s JOIN events e ON e.id = s.event_id
         WHERE e.kind = 'kesehatan' AND s.status <> 'cancelled' AND s.starts_at >= ",
    );
    sql.push_bind(since)
        .push(" AND s.starts_at <= ")
        .push_bind(now);
    restrict(&mut sql, "e.village_id", scope);
    sql.push(" GROUP BY e.village_id");
    counted(pool, sql, &mut facts, |i, n| i.health_sessions = n).await?;

    // Education and culture: sessions held and people checked in at them.
    let mut sql = Sql::new(
        "SELECT e.village_id, COUNT(DISTINCT s.id), COUNT(r.checked_in_at)
         FROM event_sessions s JOIN events e ON e.id = s.event_id
         LEFT JOIN event_registrations r ON r.session_id = s.id
         WHERE e.kind IN ('festival', 'pertunjukan', 'kelas', 'program') AND s.status <> 'cancelled'
           AND s.starts_at >= ",
    );
    sql.push_bind(since)
        .push(" AND s.starts_at <= ")
        .push_bind(now);
    restrict(&mut sql, "e.village_id", scope);
    sql.push(" GROUP BY e.village_id");
    let culture: Vec<(i64, i64, i64)> = sql.fetch_all(pool).await?;
    for (village_id, sessions, check_ins) in culture {
        let entry = facts.entry(village_id).or_default();
        entry.culture_sessions = sessions;
        entry.culture_check_ins = check_ins;
    }

    // Human capacity: training certificates issued.
    let mut sql = Sql::new(
        "SELECT e.village_id, COUNT(*) FROM certificates c JOIN events e ON e.id = c.event_id
         WHERE c.issued_at >= ",
    );
    sql.push_bind(since);
    restrict(&mut sql, "e.village_id", scope);
    sql.push(" GROUP BY e.village_id");
    counted(pool, sql, &mut facts, |i, n| i.certificates = n).await?;

    // Poverty: SKTM letters issued (and not revoked); the bansos page's last update.
    let mut sql = Sql::new(
        "SELECT r.village_id, COUNT(*) FROM letters l
         JOIN service_requests r ON r.id = l.request_id
         JOIN services s ON s.id = r.service_id
         WHERE s.slug = 'sktm' AND l.revoked_at IS NULL AND l.issued_at >= ",
    );
    sql.push_bind(since);
    restrict(&mut sql, "r.village_id", scope);
    sql.push(" GROUP BY r.village_id");
    counted(pool, sql, &mut facts, |i, n| i.sktm_issued = n).await?;

    let mut sql = Sql::new("SELECT village_id, MAX(updated_at) FROM bansos_programmes WHERE 1 = 1");
    restrict(&mut sql, "village_id", scope);
    sql.push(" GROUP BY village_id");
    counted(pool, sql, &mut facts, |i, at| {
        i.bansos_updated_at = Some(at)
    })
    .await?;

    // Legal information: regulations published or updated (with their PDF).
    let mut sql = Sql::new(
        "SELECT village_id, COUNT(*) FROM legal_documents WHERE file_key IS NOT NULL AND updated_at >= ",
    );
    sql.push_bind(since);
    restrict(&mut sql, "village_id", scope);
    sql.push(" GROUP BY village_id");
    counted(pool, sql, &mut facts, |i, n| i.legal_documents = n).await?;

    Ok(facts)
}
