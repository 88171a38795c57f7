//! Letters: issuing one when a letter request is approved (number, verification code, the text filled
//! from the template), finding it for the PDF or the public check, revoking it.

use crate::db::Db;

/// Fills `{field}` placeholders of a template from the answers (and `{nama}`, `{desa}` from the
/// request); an unknown placeholder stays as written.
pub fn fill_template(template: &str, values: &[(String, String)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// An answer as a letter prints it: a date as `28 November 2026`, an amount with thousands separators
/// (`750.000`; numbers under 10 000, such as years, stay as typed), anything else as typed.
pub fn letter_value(value: &str, kind: Option<&str>) -> String {
    match kind {
        Some("date") => match crate::kernel::dates::CivilDate::parse(value) {
            Some(day) => {
                // `Sabtu, 28 November 2026` without the weekday.
                let long = crate::format::long_date(day.at_wib(12 * 60), crate::i18n::Locale::id);
                long.split_once(", ")
                    .map_or(long.clone(), |(_, date)| date.to_string())
            }
            None => value.to_string(),
        },
        Some("number") => match value.parse::<i64>() {
            Ok(amount) if amount >= 10_000 => {
                crate::format::rupiah(amount, crate::i18n::Locale::id)
                    .trim_start_matches("Rp ")
                    .to_string()
            }
            _ => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// What a letter is issued for: the request and the facts of it the letter prints.
pub struct LetterSubject<'a> {
    pub request_id: i64,
    pub village_id: i64,
    pub village_name: &'a str,
    pub kecamatan_code: &'a str,
    pub needs_camat: bool,
    pub service_name_id: &'a str,
    /// The resident's verified name captured at submission; none if they were never verified.
    pub holder_legal_name: Option<&'a str>,
}

/// What the caller decides for a letter issued by a move: its verification code and the year whose
/// number sequence it takes.
pub struct LetterIssue {
    pub verification_code: String,
    pub year: i32,
}

/// Why a letter cannot be issued yet: a code the UI translates.
pub enum LetterBlocked {
    Blocked(&'static str),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for LetterBlocked {
    fn from(error: sqlx::Error) -> Self {
        LetterBlocked::Database(error)
    }
}

/// Freezes the letter: its number, the verified name captured at submission, the answers (each kept on
/// one line: only the village's template makes paragraphs), and the signers on record. Refused when
/// the resident's identity was never verified or the village has no kades/lurah to sign.
pub(super) async fn issue_letter(
    tx: &mut crate::db::Tx,
    request: &LetterSubject<'_>,
    issue: &LetterIssue,
    now: i64,
) -> Result<(), LetterBlocked> {
    let Some(legal_name) = request.holder_legal_name.map(str::to_string) else {
        return Err(LetterBlocked::Blocked("letter_needs_verified_resident"));
    };
    let (village_kind,): (String,) = crate::on_db!(&mut *tx, |c| sqlx::query_as(
        "SELECT kind FROM villages WHERE id = $1"
    )
    .bind(request.village_id)
    .fetch_one(c)
    .await)?;
    let head = VillageHead::of_kind(&village_kind);
    let kades: Option<String> = crate::on_db!(&mut *tx, |c| {
        sqlx::query_scalar(
        "SELECT COALESCE(rv.full_name, a.name) FROM staff_roles sr JOIN accounts a ON a.id = sr.account_id
         LEFT JOIN resident_verifications rv ON rv.account_id = a.id AND rv.status = 'verified'
         WHERE sr.village_id = $1 AND sr.role = 'kades' ORDER BY sr.id LIMIT 1",
    )
    .bind(request.village_id)
    .fetch_optional(c).await
    })?;
    let Some(kades) = kades else {
        return Err(LetterBlocked::Blocked("letter_needs_signer"));
    };
    let sequence: i64 = crate::on_db!(&mut *tx, |c| sqlx::query_scalar(
        "INSERT INTO letter_sequences (village_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (village_id, year) DO UPDATE SET last_number = letter_sequences.last_number + 1
         RETURNING last_number",
    )
    .bind(request.village_id)
    .bind(issue.year)
    .fetch_one(c)
    .await)?;
    let (classification, title, template, village_code): (String, String, String, String) = crate::on_db!(
        &mut *tx,
        |c| {
            sqlx::query_as(
            "SELECT s.classification_code, s.letter_title, s.letter_template, v.code
             FROM service_requests r JOIN services s ON s.id = r.service_id JOIN villages v ON v.id = r.village_id
             WHERE r.id = $1",
        )
        .bind(request.request_id)
        .fetch_one(c).await
        }
    )?;
    let number = crate::layanan::letter_number::format_letter_number(
        &classification,
        sequence,
        &village_code,
        issue.year,
    );
    let answers: Vec<(String, String, Option<String>)> =
        crate::on_db!(&mut *tx, |c| sqlx::query_as(
            "SELECT a.name, a.value, f.kind FROM request_answers a
         JOIN service_requests r ON r.id = a.request_id
         LEFT JOIN service_fields f ON f.service_id = r.service_id AND f.name = a.name
         WHERE a.request_id = $1",
        )
        .bind(request.request_id)
        .fetch_all(c)
        .await)?;
    let mut values: Vec<(String, String)> = answers
        .into_iter()
        .map(|(name, value, kind)| {
            let printed = one_line(&letter_value(&value, kind.as_deref()));
            (name, printed)
        })
        .collect();
    values.push(("nama".into(), one_line(&legal_name)));
    values.push(("desa".into(), request.village_name.to_string()));
    values.push(("jabatan".into(), head.title.into()));
    values.push(("wilayah".into(), head.area.into()));
    let body = fill_template(&template, &values);
    let camat: Option<String> = if request.needs_camat {
        crate::on_db!(&mut *tx, |c| {
            sqlx::query_scalar(
            "SELECT COALESCE(rv.full_name, a.name) FROM request_events e JOIN accounts a ON a.id = e.actor_account_id
             LEFT JOIN resident_verifications rv ON rv.account_id = a.id AND rv.status = 'verified'
             WHERE e.request_id = $1 AND e.status = 'ditandatangani_camat' AND e.role = 'camat'
             ORDER BY e.id DESC LIMIT 1",
        )
        .bind(request.request_id)
        .fetch_optional(c).await
        })?
    } else {
        None
    };
    let kecamatan_name: String = crate::on_db!(&mut *tx, |c| sqlx::query_scalar(
        "SELECT name FROM kecamatan WHERE code = $1"
    )
    .bind(request.kecamatan_code)
    .fetch_one(c)
    .await)?;
    crate::on_db!(&mut *tx, |c| {
        sqlx::query(
        "INSERT INTO letters (request_id, number, verification_code, title, holder_name, body, signer_name,
                              signer_position, camat_name, camat_position, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(request.request_id)
    .bind(&number)
    .bind(&issue.verification_code)
    .bind(if title.is_empty() { request.service_name_id.to_uppercase() } else { title })
    .bind(&legal_name)
    .bind(&body)
    .bind(&kades)
    .bind(format!("{} {}", head.title, request.village_name))
    .bind(&camat)
    .bind(camat.as_ref().map(|_| format!("Camat {kecamatan_name}")))
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

/// What the head of a village is called on its letters: a desa has a kepala desa, a kelurahan a lurah.
pub struct VillageHead {
    /// `{jabatan}` in a template: "Kepala Desa" or "Lurah".
    pub title: &'static str,
    /// `{wilayah}` in a template: "Desa" or "Kelurahan".
    pub area: &'static str,
}

impl VillageHead {
    pub fn of_kind(kind: &str) -> Self {
        if kind == "kelurahan" {
            VillageHead {
                title: "Lurah",
                area: "Kelurahan",
            }
        } else {
            VillageHead {
                title: "Kepala Desa",
                area: "Desa",
            }
        }
    }
}

/// A typed answer as one line: a newline in an answer would print as a paragraph of its own, reading
/// as the village's statement.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An issued letter as stored.
#[derive(sqlx::FromRow, Clone)]
pub struct LetterRow {
    pub number: String,
    pub verification_code: String,
    pub title: String,
    pub holder_name: String,
    pub body: String,
    pub signer_name: String,
    pub signer_position: String,
    pub camat_name: Option<String>,
    pub camat_position: Option<String>,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
    pub revoked_reason: Option<String>,
    pub request_code: String,
    pub village_name: String,
    pub village_kind: String,
    pub office_address: String,
    pub kecamatan_name: String,
}

const LETTER_SELECT: &str = "SELECT l.number, l.verification_code, l.title, l.holder_name, l.body, l.signer_name,
        l.signer_position, l.camat_name, l.camat_position, l.issued_at, l.revoked_at, l.revoked_reason,
        r.code AS request_code, v.name AS village_name, v.kind AS village_kind, v.office_address,
        k.name AS kecamatan_name
     FROM letters l JOIN service_requests r ON r.id = l.request_id JOIN villages v ON v.id = r.village_id
     JOIN kecamatan k ON k.code = v.kecamatan_code";

pub async fn letter_by_verification(
    pool: &Db,
    verification_code: &str,
) -> Result<Option<LetterRow>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{LETTER_SELECT} WHERE l.verification_code = $1"
    ))
    .bind(verification_code)
    .fetch_optional(c)
    .await)
}

pub async fn letter_of_request(
    pool: &Db,
    request_code: &str,
) -> Result<Option<LetterRow>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{LETTER_SELECT} WHERE r.code = $1"
    ))
    .bind(request_code)
    .fetch_optional(c)
    .await)
}

/// Revokes an issued letter with a reason (the verification page then says so). False if there is no
/// letter or it was already revoked.
pub async fn revoke_letter(
    pool: &Db,
    request_id: i64,
    reason: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    Ok(crate::on_db!(pool, |c| sqlx::query(
        "UPDATE letters SET revoked_at = $2, revoked_reason = $3 WHERE request_id = $1 AND revoked_at IS NULL",
    )
    .bind(request_id)
    .bind(now)
    .bind(reason)
    .execute(c).await.map(crate::db::Done::from))?
    .rows_affected()
        > 0)
}

#[cfg(test)]
mod letter_tests {
    #[test]
    fn letters_print_dates_in_words_and_amounts_with_separators() {
        use super::letter_value;
        assert_eq!(letter_value("2026-12-05", Some("date")), "5 Desember 2026");
        assert_eq!(letter_value("750000", Some("number")), "750.000");
        assert_eq!(
            letter_value("2001", Some("number")),
            "2001",
            "a year stays a year"
        );
        assert_eq!(letter_value("Petani kopi", Some("text")), "Petani kopi");
        assert_eq!(letter_value("besok", Some("date")), "besok");
        assert_eq!(letter_value("Bank", None), "Bank");
    }
}
