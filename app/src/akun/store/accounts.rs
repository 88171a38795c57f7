//! Accounts: signing up and in, password, language, profile, and who someone is (`load_actor`).

use super::villages::find_village;
use crate::akun::access::{Actor, Grant, StaffRole};
use crate::akun::nik::masked;
use crate::akun::{MyAccount, MyVerification, StaffPosition, VerificationStatus};
use crate::db::decode_code;
use crate::db::Db;

pub struct NewAccount<'a> {
    pub phone: &'a str,
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub home_village_id: Option<i64>,
    pub password_hash: &'a str,
    pub locale: &'a str,
}

/// Creates an account; `None` when the phone number already has one.
pub async fn insert_account(
    pool: &Db,
    account: &NewAccount<'_>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query_scalar(
        "INSERT INTO accounts (phone, name, email, home_village_id, password_hash, locale, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (phone) DO NOTHING
         RETURNING id",
    )
    .bind(account.phone)
    .bind(account.name)
    .bind(account.email)
    .bind(account.home_village_id)
    .bind(account.password_hash)
    .bind(account.locale)
    .bind(now)
    .fetch_optional(c).await
    })
}

/// Id, password hash and language of the account with this phone number.
pub async fn find_login(
    pool: &Db,
    phone: &str,
) -> Result<Option<(i64, String, String)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, password_hash, locale FROM accounts WHERE phone = $1"
    )
    .bind(phone)
    .fetch_optional(c)
    .await)
}

pub async fn set_password(
    pool: &Db,
    account_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE accounts SET password_hash = $1 WHERE id = $2"
    )
    .bind(password_hash)
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

pub async fn set_locale(pool: &Db, account_id: i64, locale: &str) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE accounts SET locale = $1 WHERE id = $2"
    )
    .bind(locale)
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

pub async fn update_profile(
    pool: &Db,
    account_id: i64,
    name: &str,
    email: Option<&str>,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE accounts SET name = $1, email = $2 WHERE id = $3"
    )
    .bind(name)
    .bind(email)
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

pub async fn account_name(pool: &Db, account_id: i64) -> Result<String, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT name FROM accounts WHERE id = $1"
    )
    .bind(account_id)
    .fetch_one(c)
    .await)
}

fn grant_from_row(
    role: &str,
    village_id: Option<i64>,
    kecamatan_code: Option<String>,
) -> Result<Grant, sqlx::Error> {
    let role = decode_code("staff role", role, StaffRole::from_code)?;
    match (role, village_id, kecamatan_code) {
        (StaffRole::AdminKabupaten, _, _) => Ok(Grant::Kabupaten),
        (StaffRole::Camat, _, Some(kecamatan_code)) => Ok(Grant::Kecamatan { kecamatan_code }),
        (role, Some(village_id), _) if role.is_village_role() => {
            Ok(Grant::Village { role, village_id })
        }
        _ => Err(sqlx::Error::Decode("staff role without its place".into())),
    }
}

/// Everything authorization needs to know about an account, in three small queries.
pub async fn load_actor(pool: &Db, account_id: i64) -> Result<Option<Actor>, sqlx::Error> {
    let row: Option<(Option<i64>, bool, bool)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT a.home_village_id,
                EXISTS (SELECT 1 FROM resident_verifications r WHERE r.account_id = a.id AND r.status = 'verified'),
                EXISTS (SELECT 1 FROM shops s WHERE s.owner_account_id = a.id AND s.status = 'approved')
         FROM accounts a WHERE a.id = $1",
    )
    .bind(account_id)
    .fetch_optional(c).await
    })?;
    let Some((home_village_id, is_verified_resident, is_seller)) = row else {
        return Ok(None);
    };
    let grants: Vec<(String, Option<i64>, Option<String>)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT role, village_id, kecamatan_code FROM staff_roles WHERE account_id = $1 ORDER BY id",
    )
    .bind(account_id)
    .fetch_all(c).await
    })?;
    let grants = grants
        .into_iter()
        .map(|(role, village_id, kecamatan_code)| grant_from_row(&role, village_id, kecamatan_code))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(Actor {
        account_id,
        home_village_id,
        is_verified_resident,
        is_seller,
        grants,
    }))
}

pub async fn my_account(pool: &Db, actor: &Actor) -> Result<MyAccount, sqlx::Error> {
    let (name, phone, email, village_slug): (String, String, Option<String>, Option<String>) = crate::on_db!(
        pool,
        |c| {
            sqlx::query_as(
        "SELECT a.name, a.phone, a.email, v.slug FROM accounts a LEFT JOIN villages v ON v.id = a.home_village_id
         WHERE a.id = $1",
    )
    .bind(actor.account_id)
    .fetch_one(c).await
        }
    )?;
    let home_village = match village_slug {
        Some(slug) => Some(
            find_village(pool, &slug)
                .await?
                .ok_or(sqlx::Error::RowNotFound)?
                .summary,
        ),
        None => None,
    };
    let verification: Option<(String, String, String, String, Option<String>)> = crate::on_db!(
        pool,
        |c| {
            sqlx::query_as(
        "SELECT status, nik_last4, full_name, address, reason FROM resident_verifications WHERE account_id = $1",
    )
    .bind(actor.account_id)
    .fetch_optional(c).await
        }
    )?;
    let verification = verification
        .map(|(status, last4, full_name, address, reason)| {
            Ok::<_, sqlx::Error>(MyVerification {
                status: decode_code(
                    "verification status",
                    &status,
                    VerificationStatus::from_code,
                )?,
                nik_masked: masked(&last4),
                full_name,
                address,
                reason,
            })
        })
        .transpose()?;
    // role, village name, village slug, kecamatan name
    type PositionRow = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let positions: Vec<PositionRow> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT r.role, v.name, v.slug, k.name, r.kecamatan_code FROM staff_roles r
         LEFT JOIN villages v ON v.id = r.village_id
         LEFT JOIN kecamatan k ON k.code = r.kecamatan_code
         WHERE r.account_id = $1 ORDER BY r.id",
    )
    .bind(actor.account_id)
    .fetch_all(c)
    .await)?;
    let positions = positions
        .into_iter()
        .map(
            |(role, village_name, village_slug, kecamatan_name, kecamatan_code)| {
                let role = decode_code("staff role", &role, StaffRole::from_code)?;
                Ok(StaffPosition {
                    role,
                    place_name: village_name
                        .or(kecamatan_name)
                        .unwrap_or_else(|| "Kabupaten Banyuwangi".into()),
                    // Village staff open their console; camat staff the letters waiting for signature.
                    console_href: village_slug
                        .map(|slug| format!("/desa/{slug}/kelola"))
                        .or_else(|| {
                            kecamatan_code.map(|code| format!("/kecamatan/{code}/layanan"))
                        }),
                })
            },
        )
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(MyAccount {
        name,
        phone,
        email,
        home_village,
        verification,
        is_seller: actor.is_seller,
        positions,
        data_views: super::views_of(pool, actor.account_id, 50).await?,
    })
}

// ---- Resident verification ----

/// The phone number of an account (E.164).
pub async fn account_phone(pool: &Db, account_id: i64) -> Result<String, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT phone FROM accounts WHERE id = $1"
    )
    .bind(account_id)
    .fetch_one(c)
    .await)
}

/// Anonymises an account at its owner's request, in the caller's transaction: the name, number and
/// e-mail are erased (the number becomes free for a new account), the password can no longer match,
/// sessions, devices, codes, staff roles, open invitations and the resident verification (name, address,
/// encrypted NIK) go. The row stays: orders and issued letters point at it.
pub async fn anonymise_account(
    tx: &mut crate::db::Tx,
    account_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let phone: String = crate::on_db!(&mut *tx, |c| sqlx::query_scalar(
        "SELECT phone FROM accounts WHERE id = $1"
    )
    .bind(account_id)
    .fetch_one(c)
    .await)?;
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "UPDATE staff_invitations SET cancelled_at = $1
         WHERE phone = $2 AND accepted_at IS NULL AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(&phone)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    for sql in [
        "DELETE FROM sessions WHERE account_id = $1",
        "DELETE FROM known_devices WHERE account_id = $1",
        "DELETE FROM reset_codes WHERE account_id = $1",
        "DELETE FROM staff_roles WHERE account_id = $1",
    ] {
        crate::on_db!(&mut *tx, |c| sqlx::query(sql)
            .bind(account_id)
            .execute(c)
            .await
            .map(crate::db::Done::from))?;
    }
    // The verification goes whole (name, address, the encrypted NIK): issued letters and requests keep
    // the legal name they were made out to in their own rows.
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "DELETE FROM resident_verifications WHERE account_id = $1"
    )
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "UPDATE accounts SET name = 'Akun dihapus', phone = $1, email = NULL, password_hash = '',
                deleted_at = $2
         WHERE id = $3",
    )
    // Not a number anyone can sign in with or be messaged at, and unique as the column requires.
    .bind(format!("deleted:{account_id}"))
    .bind(now)
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// How many regency administrators there are.
pub async fn admin_count(pool: &Db) -> Result<i64, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM staff_roles WHERE role = 'admin_kabupaten'"
    )
    .fetch_one(c)
    .await)
}
