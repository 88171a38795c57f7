//! Pengaduan data access (server only).

use crate::db::Db;

use crate::db::decode_code;
use crate::layanan::{ComplaintCategory, ComplaintReply, ComplaintStatus, ComplaintSummary};
use crate::notifikasi::store::{self as notifikasi, notify, Addressee, Bilingual};

/// A complaint with what deciding who may see it needs.
#[derive(sqlx::FromRow, Clone)]
pub struct ComplaintRow {
    pub id: i64,
    pub code: String,
    pub village_id: i64,
    pub account_id: i64,
    pub category: String,
    pub body: String,
    pub location: String,
    pub photo_id: Option<i64>,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub author_name: String,
    pub author_phone: String,
    pub author_locale: String,
    pub village_name: String,
    pub village_slug: String,
}

impl ComplaintRow {
    pub fn status(&self) -> Result<ComplaintStatus, sqlx::Error> {
        decode_code("complaint status", &self.status, ComplaintStatus::from_code)
    }

    pub fn category(&self) -> Result<ComplaintCategory, sqlx::Error> {
        decode_code(
            "complaint category",
            &self.category,
            ComplaintCategory::from_code,
        )
    }
}

const COMPLAINT_SELECT: &str = "SELECT c.id, c.code, c.village_id, c.account_id, c.category, c.body, c.location,
        c.photo_id, c.status, c.created_at, c.updated_at, a.name AS author_name, a.phone AS author_phone,
        a.locale AS author_locale, v.name AS village_name, v.slug AS village_slug
    FROM complaints c JOIN accounts a ON a.id = c.account_id JOIN villages v ON v.id = c.village_id";

pub async fn find_complaint(pool: &Db, code: &str) -> Result<Option<ComplaintRow>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{COMPLAINT_SELECT} WHERE c.code = $1"
    ))
    .bind(code)
    .fetch_optional(c)
    .await)
}

/// A complaint as the resident sent it.
pub struct NewComplaint<'a> {
    pub code: &'a str,
    pub village_id: i64,
    pub account_id: i64,
    pub category: ComplaintCategory,
    pub body: &'a str,
    pub location: &'a str,
}

/// Records a complaint as received and tells the village's staff in the app.
pub async fn insert_complaint(
    pool: &Db,
    complaint: &NewComplaint<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let NewComplaint {
        code,
        village_id,
        account_id,
        category,
        body,
        location,
    } = *complaint;
    let mut tx = crate::db::begin_write(pool).await?;
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "INSERT INTO complaints (code, village_id, account_id, category, body, location, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'diterima', $7, $7)",
    )
    .bind(code)
    .bind(village_id)
    .bind(account_id)
    .bind(category.code())
    .bind(body)
    .bind(location)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    notify_village_staff(
        &mut tx,
        village_id,
        Bilingual {
            id: "Pengaduan baru dari warga",
            en: "A new complaint from a resident",
        },
        &format!("/layanan/pengaduan/{code}"),
        now,
    )
    .await?;
    tx.commit().await
}

async fn notify_village_staff(
    tx: &mut crate::db::Tx,
    village_id: i64,
    title: Bilingual<'_>,
    link: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let staff: Vec<i64> = crate::on_db!(&mut *tx, |c| sqlx::query_scalar(
        "SELECT DISTINCT account_id FROM staff_roles WHERE village_id = $1"
    )
    .bind(village_id)
    .fetch_all(c)
    .await)?;
    for account_id in staff {
        notify(
            &mut *tx,
            account_id,
            Bilingual {
                id: title.id,
                en: title.en,
            },
            Some(link),
            now,
        )
        .await?;
    }
    Ok(())
}

pub async fn set_complaint_photo(
    pool: &Db,
    complaint_id: i64,
    photo_id: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE complaints SET photo_id = $1 WHERE id = $2"
    )
    .bind(photo_id)
    .bind(complaint_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// Adds a reply; a staff reply may move the complaint on (`status`). The other side is told: the
/// resident in the app and by message when the staff answer; the village's staff in the app when the
/// resident does.
pub async fn add_reply(
    pool: &Db,
    complaint: &ComplaintRow,
    author_account_id: i64,
    from_staff: bool,
    body: &str,
    status: Option<ComplaintStatus>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "INSERT INTO complaint_replies (complaint_id, author_account_id, body, status, from_staff, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(complaint.id)
    .bind(author_account_id)
    .bind(body)
    .bind(status.map(ComplaintStatus::code))
    .bind(from_staff)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    crate::on_db!(&mut tx, |c| sqlx::query(
        "UPDATE complaints SET status = COALESCE($1, status), updated_at = $2 WHERE id = $3",
    )
    .bind(status.map(ComplaintStatus::code))
    .bind(now)
    .bind(complaint.id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    let link = format!("/layanan/pengaduan/{}", complaint.code);
    if from_staff {
        let (id, en) = (
            format!(
                "Pengaduan Anda dibalas oleh desa {}",
                complaint.village_name
            ),
            format!(
                "{} village replied to your complaint",
                complaint.village_name
            ),
        );
        let author = Addressee {
            account_id: complaint.account_id,
            phone: &complaint.author_phone,
            locale: &complaint.author_locale,
        };
        let text = Bilingual { id: &id, en: &en };
        notifikasi::tell(&mut tx, author, text, &link, "layanan_complaint", now).await?;
    } else {
        notify_village_staff(
            &mut tx,
            complaint.village_id,
            Bilingual {
                id: "Warga menanggapi sebuah pengaduan",
                en: "A resident answered on a complaint",
            },
            &link,
            now,
        )
        .await?;
    }
    tx.commit().await
}

pub async fn complaint_replies(
    pool: &Db,
    complaint_id: i64,
) -> Result<Vec<ComplaintReply>, sqlx::Error> {
    let rows: Vec<(String, bool, String, Option<String>, i64)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT a.name, r.from_staff, r.body, r.status, r.at FROM complaint_replies r
         JOIN accounts a ON a.id = r.author_account_id WHERE r.complaint_id = $1 ORDER BY r.at, r.id",
    )
    .bind(complaint_id)
    .fetch_all(c).await
    })?;
    rows.into_iter()
        .map(|(author_name, from_staff, body, status, at)| {
            Ok(ComplaintReply {
                status: status
                    .map(|code| decode_code("complaint status", &code, ComplaintStatus::from_code))
                    .transpose()?,
                author_name,
                from_staff,
                body,
                at,
            })
        })
        .collect()
}

/// The first `limit` characters of a text, cut at a word, with an ellipsis when cut.
fn excerpt(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", at_word.trim_end())
}

async fn summaries(
    pool: &Db,
    condition: &str,
    bind: i64,
    status: Option<ComplaintStatus>,
) -> Result<Vec<ComplaintSummary>, sqlx::Error> {
    let rows: Vec<ComplaintRow> = crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{COMPLAINT_SELECT} WHERE {condition} AND ($2 IS NULL OR c.status = $2)
         ORDER BY c.updated_at DESC LIMIT 100"
    ))
    .bind(bind)
    .bind(status.map(ComplaintStatus::code))
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .map(|row| {
            Ok(ComplaintSummary {
                category: row.category()?,
                status: row.status()?,
                excerpt: excerpt(&row.body, 120),
                code: row.code,
                author_name: row.author_name,
                village_name: row.village_name,
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
        })
        .collect()
}

pub async fn my_complaints(
    pool: &Db,
    account_id: i64,
) -> Result<Vec<ComplaintSummary>, sqlx::Error> {
    summaries(pool, "c.account_id = $1", account_id, None).await
}

pub async fn village_complaints(
    pool: &Db,
    village_id: i64,
    status: Option<ComplaintStatus>,
) -> Result<Vec<ComplaintSummary>, sqlx::Error> {
    summaries(pool, "c.village_id = $1", village_id, status).await
}

pub async fn village_complaint_counts(
    pool: &Db,
    village_id: i64,
) -> Result<Vec<(ComplaintStatus, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT status, COUNT(*) FROM complaints WHERE village_id = $1 GROUP BY status",
    )
    .bind(village_id)
    .fetch_all(c)
    .await)?;
    Ok(ComplaintStatus::ALL
        .into_iter()
        .map(|status| {
            let count = rows
                .iter()
                .find(|(code, _)| code == status.code())
                .map_or(0, |(_, count)| *count);
            (status, count)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(super::excerpt("Lampu jalan mati", 120), "Lampu jalan mati");
        assert_eq!(
            super::excerpt("Lampu jalan di dusun Krajan mati", 15),
            "Lampu jalan di…"
        );
    }
}
