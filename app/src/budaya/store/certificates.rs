//! Training certificates: the listing's rule (how many sessions to attend, whether it teaches selling),
//! who has earned one (checked in at that many of its sessions), and the certificates issued.

use crate::db::Db;

use crate::budaya::{CertificateRule, IssuedCertificate, MyCertificate};

pub async fn certificate_rule(pool: &Db, event_id: i64) -> Result<CertificateRule, sqlx::Error> {
    let (sessions, teaches_selling): (Option<i64>, bool) =
        crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT certificate_sessions, teaches_selling FROM events WHERE id = $1"
        )
        .bind(event_id)
        .fetch_one(c)
        .await)?;
    Ok(CertificateRule {
        sessions,
        teaches_selling,
    })
}

pub async fn set_certificate_rule(
    pool: &Db,
    event_id: i64,
    rule: &CertificateRule,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE events SET certificate_sessions = $2, teaches_selling = $3 WHERE id = $1"
    )
    .bind(event_id)
    .bind(rule.sessions)
    .bind(rule.teaches_selling)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// People checked in at `required` or more of the listing's sessions who hold no certificate for it
/// yet: (account, name for the certificate, sessions attended). The name is the one the village
/// verified, else the account's.
pub async fn earned_without_certificate(
    pool: &Db,
    event_id: i64,
    required: i64,
) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT a.id, COALESCE(MAX(v.full_name), a.name), COUNT(DISTINCT r.session_id)
         FROM event_registrations r
         JOIN event_sessions s ON s.id = r.session_id
         JOIN accounts a ON a.id = r.account_id
         LEFT JOIN resident_verifications v ON v.account_id = a.id AND v.status = 'verified'
         WHERE s.event_id = $1 AND r.checked_in_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.event_id = $1 AND c.account_id = a.id)
         GROUP BY a.id, a.name
         HAVING COUNT(DISTINCT r.session_id) >= $2
         ORDER BY a.id"
    )
    .bind(event_id)
    .bind(required)
    .fetch_all(c)
    .await
    })
}

pub struct NewCertificate<'a> {
    pub event_id: i64,
    pub account_id: i64,
    pub holder_name: &'a str,
    pub sessions_attended: i64,
    pub verification_code: &'a str,
    pub issued_by: i64,
}

/// Issues one certificate, numbered after the listing's last ("SERT/12/2026/004"). Returns false when
/// that person already holds one (a second tap, or another organiser at the same moment).
pub async fn insert_certificate(
    pool: &Db,
    certificate: &NewCertificate<'_>,
    year: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let held: bool = crate::on_db!(&mut tx, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM certificates WHERE event_id = $1 AND account_id = $2)"
    )
    .bind(certificate.event_id)
    .bind(certificate.account_id)
    .fetch_one(c)
    .await)?;
    if held {
        tx.rollback().await?;
        return Ok(false);
    }
    let issued_before: i64 = crate::on_db!(&mut tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM certificates WHERE event_id = $1"
    )
    .bind(certificate.event_id)
    .fetch_one(c)
    .await)?;
    let number = format!(
        "SERT/{}/{year}/{:03}",
        certificate.event_id,
        issued_before + 1
    );
    crate::on_db!(&mut tx, |c| sqlx::query(
        "INSERT INTO certificates (event_id, account_id, number, verification_code, holder_name,
                                   sessions_attended, issued_by, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    )
    .bind(certificate.event_id)
    .bind(certificate.account_id)
    .bind(&number)
    .bind(certificate.verification_code)
    .bind(certificate.holder_name)
    .bind(certificate.sessions_attended)
    .bind(certificate.issued_by)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    tx.commit().await?;
    Ok(true)
}

pub async fn issued_certificates(
    pool: &Db,
    event_id: i64,
) -> Result<Vec<IssuedCertificate>, sqlx::Error> {
    let rows: Vec<(String, String, String, i64, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT number, verification_code, holder_name, sessions_attended, issued_at
         FROM certificates WHERE event_id = $1 ORDER BY id"
    )
    .bind(event_id)
    .fetch_all(c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(
            |(number, verification_code, holder_name, sessions_attended, issued_at)| {
                IssuedCertificate {
                    number,
                    verification_code,
                    holder_name,
                    sessions_attended,
                    issued_at,
                }
            },
        )
        .collect())
}

/// Everything a certificate prints and its verification page shows.
#[derive(sqlx::FromRow)]
pub struct CertificateRow {
    pub account_id: i64,
    pub number: String,
    pub verification_code: String,
    pub holder_name: String,
    pub sessions_attended: i64,
    pub issued_at: i64,
    pub title_id: String,
    pub title_en: Option<String>,
    pub organiser_name: String,
    pub organiser_account_id: Option<i64>,
    pub village_id: i64,
    pub village_name: String,
    pub village_kind: String,
    pub kecamatan_name: String,
    pub slug: String,
}

pub async fn certificate_by_code(
    pool: &Db,
    code: &str,
) -> Result<Option<CertificateRow>, sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT c.account_id, c.number, c.verification_code, c.holder_name, c.sessions_attended, c.issued_at,
                e.title_id, e.title_en, e.organiser_name, e.organiser_account_id, e.village_id,
                v.name AS village_name, v.kind AS village_kind, k.name AS kecamatan_name, e.slug
         FROM certificates c
         JOIN events e ON e.id = c.event_id
         JOIN villages v ON v.id = e.village_id
         JOIN kecamatan k ON k.code = v.kecamatan_code
         WHERE c.verification_code = $1"
    )
    .bind(code)
    .fetch_optional(c)
    .await
    })
}

pub async fn certificates_of(
    pool: &Db,
    account_id: i64,
) -> Result<Vec<MyCertificate>, sqlx::Error> {
    let rows: Vec<(String, String, String, Option<String>, i64)> =
        crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT c.verification_code, c.number, e.title_id, e.title_en, c.issued_at
             FROM certificates c JOIN events e ON e.id = c.event_id
             WHERE c.account_id = $1 ORDER BY c.issued_at DESC"
        )
        .bind(account_id)
        .fetch_all(c)
        .await)?;
    Ok(rows
        .into_iter()
        .map(
            |(verification_code, number, title_id, title_en, issued_at)| MyCertificate {
                verification_code,
                number,
                title_id,
                title_en,
                issued_at,
            },
        )
        .collect())
}

/// The selling trainings the owner of a shop completed: (title id, title en), newest first.
pub async fn selling_trainings_of_shop(
    pool: &Db,
    shop_slug: &str,
) -> Result<Vec<(String, Option<String>)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT e.title_id, e.title_en FROM shops s
         JOIN certificates c ON c.account_id = s.owner_account_id
         JOIN events e ON e.id = c.event_id
         WHERE s.slug = $1 AND e.teaches_selling
         ORDER BY c.issued_at DESC LIMIT 5"
    )
    .bind(shop_slug)
    .fetch_all(c)
    .await)
}
