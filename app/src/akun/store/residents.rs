//! Resident verification: a resident's NIK and address sent for checking, and the village's decision.

use crate::akun::nik::masked;
use crate::akun::PendingResident;
use crate::db::Db;

pub struct VerificationRequest<'a> {
    pub account_id: i64,
    pub village_id: i64,
    pub full_name: &'a str,
    pub address: &'a str,
    pub nik_ciphertext: &'a [u8],
    pub nik_last4: &'a str,
}

/// Submits (or resubmits) what a resident provides; any earlier decision is replaced by "pending".
pub async fn submit_verification(
    pool: &Db,
    request: &VerificationRequest<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO resident_verifications
           (account_id, village_id, full_name, address, nik_ciphertext, nik_last4, status, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)
         ON CONFLICT (account_id) DO UPDATE SET
           village_id = excluded.village_id, full_name = excluded.full_name, address = excluded.address,
           nik_ciphertext = excluded.nik_ciphertext, nik_last4 = excluded.nik_last4, status = 'pending',
           reason = NULL, submitted_at = excluded.submitted_at, decided_at = NULL, decided_by = NULL",
    )
    .bind(request.account_id)
    .bind(request.village_id)
    .bind(request.full_name)
    .bind(request.address)
    .bind(request.nik_ciphertext)
    .bind(request.nik_last4)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

pub async fn pending_residents(
    pool: &Db,
    village_id: i64,
) -> Result<Vec<PendingResident>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String, String, i64)> =
        crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT a.id, a.name, a.phone, r.full_name, r.address, r.nik_last4, r.submitted_at
         FROM resident_verifications r JOIN accounts a ON a.id = r.account_id
         WHERE r.village_id = $1 AND r.status = 'pending' ORDER BY r.submitted_at",
        )
        .bind(village_id)
        .fetch_all(c)
        .await)?;
    Ok(rows
        .into_iter()
        .map(
            |(account_id, account_name, phone, full_name, address, last4, submitted_at)| {
                PendingResident {
                    account_id,
                    account_name,
                    phone,
                    full_name,
                    address,
                    nik_masked: masked(&last4),
                    submitted_at,
                }
            },
        )
        .collect())
}

pub async fn verified_resident_count(pool: &Db, village_id: i64) -> Result<i64, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM resident_verifications WHERE village_id = $1 AND status = 'verified'",
    )
    .bind(village_id)
    .fetch_one(c)
    .await)
}

/// Records the staff decision on a pending request of this village; false when there is none.
pub async fn decide_verification(
    pool: &Db,
    village_id: i64,
    account_id: i64,
    verified: bool,
    reason: Option<&str>,
    decided_by: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut transaction = crate::db::begin_write(pool).await?;
    let updated = crate::on_db!(&mut transaction, |c| sqlx::query(
        "UPDATE resident_verifications SET status = $1, reason = $2, decided_at = $3, decided_by = $4
         WHERE account_id = $5 AND village_id = $6 AND status = 'pending'",
    )
    .bind(if verified { "verified" } else { "rejected" })
    .bind(reason)
    .bind(now)
    .bind(decided_by)
    .bind(account_id)
    .bind(village_id)
    .execute(c).await.map(crate::db::Done::from))?
    .rows_affected();
    if updated == 1 {
        let title = if verified {
            crate::notifikasi::store::Bilingual {
                id: "Data Anda sudah diverifikasi: Anda warga terverifikasi.",
                en: "Your details were verified: you are a verified resident.",
            }
        } else {
            crate::notifikasi::store::Bilingual {
                id: "Verifikasi warga ditolak. Lihat alasannya di akun Anda.",
                en: "Resident verification was declined. See the reason in your account.",
            }
        };
        crate::notifikasi::store::notify(&mut transaction, account_id, title, Some("/akun"), now)
            .await?;
    }
    transaction.commit().await?;
    Ok(updated == 1)
}

// ---- Staff ----

/// What a key rotation did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NikRotation {
    /// Sealed again with the new key.
    pub rotated: usize,
    /// Already sealed with the new key (a rotation interrupted after its commit, run again).
    pub already_new: usize,
}

/// Re-encrypts every stored NIK from `old` to `new` in one write transaction: all or nothing. A NIK that
/// neither key opens stops the rotation (nothing is changed) and is reported by its account id — never by
/// its value. Erased NIKs (deleted accounts) are skipped.
pub async fn rotate_nik_key(
    pool: &Db,
    old: &crate::akun::nik::NikCipher,
    new: &crate::akun::nik::NikCipher,
) -> Result<Result<NikRotation, Vec<i64>>, crate::error::AppError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let rows: Vec<(i64, Vec<u8>)> = crate::on_db!(&mut tx, |c| sqlx::query_as(
        "SELECT account_id, nik_ciphertext FROM resident_verifications ORDER BY account_id"
    )
    .fetch_all(c)
    .await)?;
    let mut rotation = NikRotation::default();
    let mut unreadable = Vec::new();
    for (account_id, stored) in rows {
        if stored.is_empty() {
            continue;
        }
        if let Some(nik) = old.decrypt(&stored) {
            let sealed = new.encrypt(&nik)?;
            crate::on_db!(&mut tx, |c| sqlx::query(
                "UPDATE resident_verifications SET nik_ciphertext = $1 WHERE account_id = $2"
            )
            .bind(sealed)
            .bind(account_id)
            .execute(c)
            .await
            .map(crate::db::Done::from))?;
            rotation.rotated += 1;
        } else if new.decrypt(&stored).is_some() {
            rotation.already_new += 1;
        } else {
            unreadable.push(account_id);
        }
    }
    if !unreadable.is_empty() {
        tx.rollback().await?;
        return Ok(Err(unreadable));
    }
    tx.commit().await?;
    Ok(Ok(rotation))
}
