//! Who opened a resident's personal data (UU PDP 27/2022): identity documents, verification data,
//! letters. The pillars record each view by someone other than the resident; the resident reads the list
//! on their account page and the admin kabupaten audits it.

use crate::akun::{DataView, PersonalData};
use crate::db::{decode_code, Db};

/// Records that `viewer` opened `subject`'s personal data (`context`: the request's code, the village's
/// name, …). Nothing is recorded when people look at their own data.
pub async fn record_view(
    pool: &Db,
    subject_account_id: i64,
    viewer_account_id: i64,
    what: PersonalData,
    context: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    if subject_account_id == viewer_account_id {
        return Ok(());
    }
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO personal_data_views (subject_account_id, viewer_account_id, what, context, viewed_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(subject_account_id)
    .bind(viewer_account_id)
    .bind(what.code())
    .bind(context)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from)
    })?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ViewRow {
    subject_name: String,
    viewer_name: Option<String>,
    viewer_roles: Option<String>,
    what: String,
    context: String,
    viewed_at: i64,
}

const VIEW_COLUMNS: &str = "s.name AS subject_name, v.name AS viewer_name,
    (SELECT MIN(r.role) FROM staff_roles r WHERE r.account_id = l.viewer_account_id) AS viewer_roles,
    l.what, l.context, l.viewed_at
    FROM personal_data_views l
    JOIN accounts s ON s.id = l.subject_account_id
    LEFT JOIN accounts v ON v.id = l.viewer_account_id";

fn into_views(rows: Vec<ViewRow>) -> Result<Vec<DataView>, sqlx::Error> {
    rows.into_iter()
        .map(|row| {
            Ok(DataView {
                subject_name: row.subject_name,
                viewer_name: row.viewer_name,
                viewer_role: row
                    .viewer_roles
                    .as_deref()
                    .and_then(crate::akun::access::StaffRole::from_code),
                what: decode_code("personal data", &row.what, PersonalData::from_code)?,
                context: row.context,
                viewed_at: row.viewed_at,
            })
        })
        .collect()
}

/// The latest views of one resident's data, for their account page.
pub async fn views_of(
    pool: &Db,
    subject_account_id: i64,
    limit: i64,
) -> Result<Vec<DataView>, sqlx::Error> {
    let rows: Vec<ViewRow> = crate::on_db!(pool, |c| {
        sqlx::query_as(&format!(
        "SELECT {VIEW_COLUMNS} WHERE l.subject_account_id = $1 ORDER BY l.viewed_at DESC, l.id DESC LIMIT $2"
    ))
    .bind(subject_account_id)
    .bind(limit)
    .fetch_all(c)
    .await
    })?;
    into_views(rows)
}

/// The latest views in the whole regency, for the admin's audit.
pub async fn latest_views(pool: &Db, limit: i64) -> Result<Vec<DataView>, sqlx::Error> {
    let rows: Vec<ViewRow> = crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "SELECT {VIEW_COLUMNS} ORDER BY l.viewed_at DESC, l.id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(c)
    .await)?;
    into_views(rows)
}
