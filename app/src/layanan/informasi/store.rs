//! Reading and writing the village information tables (produk hukum, PPID list, bansos page and
//! memberships).

use crate::db::{Db, Sql};

use super::{
    InfoCategory, LegalDocument, LegalKind, LegalStatus, MyMembership, Programme, ProgrammeInfo,
    PublicInformation,
};

fn decode<T>(value: Option<T>, what: &str) -> Result<T, sqlx::Error> {
    value.ok_or_else(|| sqlx::Error::Decode(format!("unknown {what} code").into()))
}

#[derive(sqlx::FromRow)]
struct LegalRow {
    id: i64,
    kind: String,
    number: String,
    year: i64,
    title_id: String,
    title_en: String,
    status: String,
    changed_by_id: Option<i64>,
    changed_by_kind: Option<String>,
    changed_by_number: Option<String>,
    changed_by_year: Option<i64>,
    file_key: Option<String>,
    file_bytes: Option<i64>,
    updated_at: i64,
}

impl LegalRow {
    fn into_document(self) -> Result<LegalDocument, sqlx::Error> {
        let changed_by = match (
            self.changed_by_id,
            self.changed_by_kind
                .as_deref()
                .and_then(LegalKind::from_code),
            self.changed_by_number,
            self.changed_by_year,
        ) {
            (Some(id), Some(kind), Some(number), Some(year)) => {
                Some((id, super::citation(kind, &number, year)))
            }
            _ => None,
        };
        Ok(LegalDocument {
            id: self.id,
            kind: decode(LegalKind::from_code(&self.kind), "legal kind")?,
            number: self.number,
            year: self.year,
            title_id: self.title_id,
            title_en: self.title_en,
            status: decode(LegalStatus::from_code(&self.status), "legal status")?,
            changed_by,
            file_key: self.file_key,
            file_bytes: self.file_bytes,
            updated_at: self.updated_at,
        })
    }
}

/// The village's documents, newest year first, narrowed by kind, year and words of the title or
/// number. `with_drafts`: also those still waiting for their PDF (for the staff).
pub async fn legal_documents(
    pool: &Db,
    village_id: i64,
    kind: Option<LegalKind>,
    year: Option<i64>,
    words: &str,
    with_drafts: bool,
) -> Result<Vec<LegalDocument>, sqlx::Error> {
    let mut sql = Sql::new(
        "SELECT d.id, d.kind, d.number, d.year, d.title_id, d.title_en, d.status, d.changed_by_id,
                c.kind AS changed_by_kind, c.number AS changed_by_number, c.year AS changed_by_year,
                d.file_key, d.file_bytes, d.updated_at
         FROM legal_documents d LEFT JOIN legal_documents c ON c.id = d.changed_by_id
         WHERE d.village_id = ",
    );
    sql.push_bind(village_id);
    if !with_drafts {
        sql.push(" AND d.file_key IS NOT NULL");
    }
    if let Some(kind) = kind {
        sql.push(" AND d.kind = ").push_bind(kind.code());
    }
    if let Some(year) = year {
        sql.push(" AND d.year = ").push_bind(year);
    }
    for word in words.split_whitespace().take(6) {
        let pattern = crate::db::like_pattern(&word.to_lowercase());
        sql.push(" AND (LOWER(d.title_id) LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' OR LOWER(d.title_en) LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' OR LOWER(d.number) LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\')");
    }
    sql.push(" ORDER BY d.year DESC, d.kind, d.number DESC LIMIT 200");
    let rows: Vec<LegalRow> = sql.fetch_all(pool).await?;
    rows.into_iter().map(LegalRow::into_document).collect()
}

/// The years that have published documents, newest first (the year filter's choices).
pub async fn legal_years(pool: &Db, village_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT DISTINCT year FROM legal_documents WHERE village_id = $1 AND file_key IS NOT NULL
         ORDER BY year DESC"
    )
    .bind(village_id)
    .fetch_all(c)
    .await)
}

pub struct NewLegalDocument<'a> {
    pub village_id: i64,
    pub kind: LegalKind,
    pub number: &'a str,
    pub year: i64,
    pub title_id: &'a str,
    pub title_en: &'a str,
    pub created_by: i64,
}

/// Whether the village already has this kind, number and year.
pub async fn legal_number_taken(
    pool: &Db,
    village_id: i64,
    kind: LegalKind,
    number: &str,
    year: i64,
) -> Result<bool, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM legal_documents
         WHERE village_id = $1 AND kind = $2 AND number = $3 AND year = $4)"
    )
    .bind(village_id)
    .bind(kind.code())
    .bind(number)
    .bind(year)
    .fetch_one(c)
    .await)
}

pub async fn insert_legal_document(
    pool: &Db,
    document: &NewLegalDocument<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query_scalar(
        "INSERT INTO legal_documents
             (village_id, kind, number, year, title_id, title_en, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id"
    )
    .bind(document.village_id)
    .bind(document.kind.code())
    .bind(document.number)
    .bind(document.year)
    .bind(document.title_id)
    .bind(document.title_en)
    .bind(document.created_by)
    .bind(now)
    .fetch_one(c)
    .await
    })
}

/// Marks a document amended or revoked by a later one of the same village (or in force again).
/// Returns whether the document exists in that village.
pub async fn set_legal_status(
    pool: &Db,
    village_id: i64,
    id: i64,
    status: LegalStatus,
    changed_by_id: Option<i64>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = crate::on_db!(pool, |c| sqlx::query(
        "UPDATE legal_documents SET status = $3, changed_by_id = $4, updated_at = $5
         WHERE village_id = $1 AND id = $2"
    )
    .bind(village_id)
    .bind(id)
    .bind(status.code())
    .bind(changed_by_id)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(done.rows_affected() == 1)
}

/// The village's document with this id, if any: (kind, number, year).
pub async fn legal_document_ref(
    pool: &Db,
    village_id: i64,
    id: i64,
) -> Result<Option<(String, String, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT kind, number, year FROM legal_documents WHERE village_id = $1 AND id = $2"
    )
    .bind(village_id)
    .bind(id)
    .fetch_optional(c)
    .await)
}

/// Attaches (or replaces) a document's PDF.
pub async fn attach_legal_file(
    pool: &Db,
    village_id: i64,
    id: i64,
    file_key: &str,
    file_bytes: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = crate::on_db!(pool, |c| sqlx::query(
        "UPDATE legal_documents SET file_key = $3, file_bytes = $4, updated_at = $5
         WHERE village_id = $1 AND id = $2"
    )
    .bind(village_id)
    .bind(id)
    .bind(file_key)
    .bind(file_bytes)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(done.rows_affected() == 1)
}

/// Whether a published document of the village has this file (the PDF address names both).
pub async fn legal_file_published(
    pool: &Db,
    village_slug: &str,
    file_key: &str,
) -> Result<Option<(String, String, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT d.kind, d.number, d.year FROM legal_documents d JOIN villages v ON v.id = d.village_id
         WHERE v.slug = $1 AND d.file_key = $2 LIMIT 1"
    )
    .bind(village_slug)
    .bind(file_key)
    .fetch_optional(c)
    .await
    })
}

#[derive(sqlx::FromRow)]
struct InformationRow {
    id: i64,
    category: String,
    title_id: String,
    title_en: String,
    body_id: String,
    body_en: String,
    updated_at: i64,
}

pub async fn public_information(
    pool: &Db,
    village_id: i64,
) -> Result<Vec<PublicInformation>, sqlx::Error> {
    let rows: Vec<InformationRow> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, category, title_id, title_en, body_id, body_en, updated_at
         FROM public_information WHERE village_id = $1 ORDER BY category, title_id"
    )
    .bind(village_id)
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .map(|row| {
            Ok(PublicInformation {
                id: row.id,
                category: decode(InfoCategory::from_code(&row.category), "category")?,
                title_id: row.title_id,
                title_en: row.title_en,
                body_id: row.body_id,
                body_en: row.body_en,
                updated_at: row.updated_at,
            })
        })
        .collect()
}

pub struct NewInformation<'a> {
    pub village_id: i64,
    pub category: InfoCategory,
    pub title_id: &'a str,
    pub title_en: &'a str,
    pub body_id: &'a str,
    pub body_en: &'a str,
}

pub async fn insert_public_information(
    pool: &Db,
    item: &NewInformation<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO public_information (village_id, category, title_id, title_en, body_id, body_en, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(item.village_id)
    .bind(item.category.code())
    .bind(item.title_id)
    .bind(item.title_en)
    .bind(item.body_id)
    .bind(item.body_en)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from)
    })?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ProgrammeRow {
    programme: String,
    who_id: String,
    who_en: String,
    schedule_id: String,
    schedule_en: String,
    how_id: String,
    how_en: String,
    updated_at: i64,
}

/// Every programme, written up or not (an unwritten one has empty texts), with its counts.
pub async fn bansos_programmes(
    pool: &Db,
    village_id: i64,
) -> Result<Vec<ProgrammeInfo>, sqlx::Error> {
    let rows: Vec<ProgrammeRow> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT programme, who_id, who_en, schedule_id, schedule_en, how_id, how_en, updated_at
         FROM bansos_programmes WHERE village_id = $1"
    )
    .bind(village_id)
    .fetch_all(c)
    .await)?;
    let counts: Vec<(String, i64, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT programme, year, recipients FROM bansos_recipient_counts WHERE village_id = $1
         ORDER BY year DESC"
    )
    .bind(village_id)
    .fetch_all(c)
    .await)?;
    Ok(Programme::ALL
        .into_iter()
        .map(|programme| {
            let row = rows.iter().find(|row| row.programme == programme.code());
            let text =
                |pick: fn(&ProgrammeRow) -> &String| row.map(pick).cloned().unwrap_or_default();
            ProgrammeInfo {
                programme,
                who_id: text(|row| &row.who_id),
                who_en: text(|row| &row.who_en),
                schedule_id: text(|row| &row.schedule_id),
                schedule_en: text(|row| &row.schedule_en),
                how_id: text(|row| &row.how_id),
                how_en: text(|row| &row.how_en),
                updated_at: row.map(|row| row.updated_at),
                counts: counts
                    .iter()
                    .filter(|(code, _, _)| code == programme.code())
                    .map(|(_, year, recipients)| (*year, *recipients))
                    .collect(),
            }
        })
        .collect())
}

pub struct ProgrammeText<'a> {
    pub who_id: &'a str,
    pub who_en: &'a str,
    pub schedule_id: &'a str,
    pub schedule_en: &'a str,
    pub how_id: &'a str,
    pub how_en: &'a str,
}

pub async fn save_programme(
    pool: &Db,
    village_id: i64,
    programme: Programme,
    text: &ProgrammeText<'_>,
    updated_by: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO bansos_programmes
             (village_id, programme, who_id, who_en, schedule_id, schedule_en, how_id, how_en, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (village_id, programme) DO UPDATE SET
             who_id = excluded.who_id, who_en = excluded.who_en,
             schedule_id = excluded.schedule_id, schedule_en = excluded.schedule_en,
             how_id = excluded.how_id, how_en = excluded.how_en,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at"
    )
    .bind(village_id)
    .bind(programme.code())
    .bind(text.who_id)
    .bind(text.who_en)
    .bind(text.schedule_id)
    .bind(text.schedule_en)
    .bind(text.how_id)
    .bind(text.how_en)
    .bind(updated_by)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from)
    })?;
    Ok(())
}

/// Sets a year's count; it also counts as bringing the programme's page up to date.
pub async fn save_recipient_count(
    pool: &Db,
    village_id: i64,
    programme: Programme,
    year: i64,
    recipients: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    crate::on_db!(&mut tx, |c| sqlx::query(
        "INSERT INTO bansos_recipient_counts (village_id, programme, year, recipients)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (village_id, programme, year) DO UPDATE SET recipients = excluded.recipients"
    )
    .bind(village_id)
    .bind(programme.code())
    .bind(year)
    .bind(recipients)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::on_db!(&mut tx, |c| sqlx::query(
        "UPDATE bansos_programmes SET updated_at = $3 WHERE village_id = $1 AND programme = $2"
    )
    .bind(village_id)
    .bind(programme.code())
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    tx.commit().await
}

/// The verified resident of the village with this phone number: (account id, verified name).
pub async fn verified_resident_by_phone(
    pool: &Db,
    village_id: i64,
    phone: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT a.id, r.full_name FROM accounts a
         JOIN resident_verifications r ON r.account_id = a.id AND r.status = 'verified'
         WHERE a.phone = $1 AND r.village_id = $2 AND a.home_village_id = $2
         LIMIT 1"
    )
    .bind(phone)
    .bind(village_id)
    .fetch_optional(c)
    .await)
}

pub async fn record_membership(
    pool: &Db,
    account_id: i64,
    village_id: i64,
    programme: Programme,
    since_year: i64,
    recorded_by: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO bansos_memberships (account_id, programme, village_id, since_year, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (account_id, programme) DO UPDATE SET
             village_id = excluded.village_id, since_year = excluded.since_year,
             recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at"
    )
    .bind(account_id)
    .bind(programme.code())
    .bind(village_id)
    .bind(since_year)
    .bind(recorded_by)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from)
    })?;
    Ok(())
}

/// Ends a membership recorded by this village; returns whether there was one.
pub async fn remove_membership(
    pool: &Db,
    account_id: i64,
    village_id: i64,
    programme: Programme,
) -> Result<bool, sqlx::Error> {
    let done = crate::on_db!(pool, |c| {
        sqlx::query(
        "DELETE FROM bansos_memberships WHERE account_id = $1 AND village_id = $2 AND programme = $3"
    )
    .bind(account_id)
    .bind(village_id)
    .bind(programme.code())
    .execute(c)
    .await
    .map(crate::db::Done::from)
    })?;
    Ok(done.rows_affected() == 1)
}

pub async fn memberships_of(pool: &Db, account_id: i64) -> Result<Vec<MyMembership>, sqlx::Error> {
    let rows: Vec<(String, i64, String, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT m.programme, m.since_year, v.name, m.recorded_at FROM bansos_memberships m
         JOIN villages v ON v.id = m.village_id WHERE m.account_id = $1 ORDER BY m.programme"
    )
    .bind(account_id)
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .map(|(programme, since_year, village_name, recorded_at)| {
            Ok(MyMembership {
                programme: decode(Programme::from_code(&programme), "programme")?,
                since_year,
                village_name,
                recorded_at,
            })
        })
        .collect()
}
