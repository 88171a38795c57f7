//! Villages, accounts, roles and resident verification: data access (server only).

use sqlx::SqlitePool;

use crate::db::decode_code;

use super::access::{Actor, Grant, StaffRole};
use super::nik::masked;
use super::{
    MyAccount, MyVerification, PendingResident, StaffMember, StaffPosition, VerificationStatus,
    VillageKind, VillageOffice, VillageProfile, VillageSummary,
};

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
        })
    }
}

const VILLAGE_COLUMNS: &str =
    "v.slug, v.name, v.kind, v.code, k.name AS kecamatan_name, k.kabupaten,
     v.description_id, v.description_en, v.office_address, v.opening_hours_id, v.opening_hours_en,
     v.contact_phone, v.contact_email
     FROM villages v JOIN kecamatan k ON k.code = v.kecamatan_code";

/// Every village, grouped by kecamatan.
pub async fn list_villages(pool: &SqlitePool) -> Result<Vec<VillageSummary>, sqlx::Error> {
    let rows = sqlx::query_as::<_, VillageRow>(&format!(
        "SELECT {VILLAGE_COLUMNS} ORDER BY k.name, v.name"
    ))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| Ok(row.into_profile()?.summary))
        .collect()
}

/// One village by its URL slug; `None` when there is no such village.
pub async fn find_village(
    pool: &SqlitePool,
    slug: &str,
) -> Result<Option<VillageProfile>, sqlx::Error> {
    let row =
        sqlx::query_as::<_, VillageRow>(&format!("SELECT {VILLAGE_COLUMNS} WHERE v.slug = $1"))
            .bind(slug)
            .fetch_optional(pool)
            .await?;
    row.map(VillageRow::into_profile).transpose()
}

/// A village's name by id (for headings of pages that only know the id).
pub async fn village_name(pool: &SqlitePool, village_id: i64) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM villages WHERE id = $1")
        .bind(village_id)
        .fetch_one(pool)
        .await
}

/// Sets a visitor's home village; nothing when the account already has one.
pub async fn set_home_village(
    pool: &SqlitePool,
    account_id: i64,
    village_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET home_village_id = $1 WHERE id = $2 AND home_village_id IS NULL",
    )
    .bind(village_id)
    .bind(account_id)
    .execute(pool)
    .await?;
    Ok(())
}

/// A village's id and kecamatan by slug (for authorization and writes).
pub async fn village_ref(
    pool: &SqlitePool,
    slug: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, kecamatan_code FROM villages WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await
}

pub async fn update_village_profile(
    pool: &SqlitePool,
    village_id: i64,
    description_id: &str,
    description_en: Option<&str>,
    office: &VillageOffice,
) -> Result<(), sqlx::Error> {
    sqlx::query(
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
    .execute(pool)
    .await?;
    Ok(())
}

// ---- Accounts ----

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
    pool: &SqlitePool,
    account: &NewAccount<'_>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
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
    .fetch_optional(pool)
    .await
}

/// Id, password hash and language of the account with this phone number.
pub async fn find_login(
    pool: &SqlitePool,
    phone: &str,
) -> Result<Option<(i64, String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, password_hash, locale FROM accounts WHERE phone = $1")
        .bind(phone)
        .fetch_optional(pool)
        .await
}

pub async fn set_password(
    pool: &SqlitePool,
    account_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn set_locale(
    pool: &SqlitePool,
    account_id: i64,
    locale: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn update_profile(
    pool: &SqlitePool,
    account_id: i64,
    name: &str,
    email: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET name = $1, email = $2 WHERE id = $3")
        .bind(name)
        .bind(email)
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn account_name(pool: &SqlitePool, account_id: i64) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(pool)
        .await
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
pub async fn load_actor(pool: &SqlitePool, account_id: i64) -> Result<Option<Actor>, sqlx::Error> {
    let row: Option<(Option<i64>, bool, bool)> = sqlx::query_as(
        "SELECT a.home_village_id,
                EXISTS (SELECT 1 FROM resident_verifications r WHERE r.account_id = a.id AND r.status = 'verified'),
                EXISTS (SELECT 1 FROM shops s WHERE s.owner_account_id = a.id AND s.status = 'approved')
         FROM accounts a WHERE a.id = $1",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await?;
    let Some((home_village_id, is_verified_resident, is_seller)) = row else {
        return Ok(None);
    };
    let grants: Vec<(String, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT role, village_id, kecamatan_code FROM staff_roles WHERE account_id = $1 ORDER BY id",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?;
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

pub async fn my_account(pool: &SqlitePool, actor: &Actor) -> Result<MyAccount, sqlx::Error> {
    let (name, phone, email, village_slug): (String, String, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT a.name, a.phone, a.email, v.slug FROM accounts a LEFT JOIN villages v ON v.id = a.home_village_id
         WHERE a.id = $1",
    )
    .bind(actor.account_id)
    .fetch_one(pool)
    .await?;
    let home_village = match village_slug {
        Some(slug) => Some(
            find_village(pool, &slug)
                .await?
                .ok_or(sqlx::Error::RowNotFound)?
                .summary,
        ),
        None => None,
    };
    let verification: Option<(String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT status, nik_last4, full_name, address, reason FROM resident_verifications WHERE account_id = $1",
    )
    .bind(actor.account_id)
    .fetch_optional(pool)
    .await?;
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
    let positions: Vec<PositionRow> = sqlx::query_as(
        "SELECT r.role, v.name, v.slug, k.name, r.kecamatan_code FROM staff_roles r
         LEFT JOIN villages v ON v.id = r.village_id
         LEFT JOIN kecamatan k ON k.code = r.kecamatan_code
         WHERE r.account_id = $1 ORDER BY r.id",
    )
    .bind(actor.account_id)
    .fetch_all(pool)
    .await?;
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
    })
}

// ---- Resident verification ----

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
    pool: &SqlitePool,
    request: &VerificationRequest<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
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
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn pending_residents(
    pool: &SqlitePool,
    village_id: i64,
) -> Result<Vec<PendingResident>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT a.id, a.name, a.phone, r.full_name, r.address, r.nik_last4, r.submitted_at
         FROM resident_verifications r JOIN accounts a ON a.id = r.account_id
         WHERE r.village_id = $1 AND r.status = 'pending' ORDER BY r.submitted_at",
    )
    .bind(village_id)
    .fetch_all(pool)
    .await?;
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

pub async fn verified_resident_count(
    pool: &SqlitePool,
    village_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM resident_verifications WHERE village_id = $1 AND status = 'verified'",
    )
    .bind(village_id)
    .fetch_one(pool)
    .await
}

/// Records the staff decision on a pending request of this village; false when there is none.
pub async fn decide_verification(
    pool: &SqlitePool,
    village_id: i64,
    account_id: i64,
    verified: bool,
    reason: Option<&str>,
    decided_by: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut transaction = crate::db::begin_write(pool).await?;
    let updated = sqlx::query(
        "UPDATE resident_verifications SET status = $1, reason = $2, decided_at = $3, decided_by = $4
         WHERE account_id = $5 AND village_id = $6 AND status = 'pending'",
    )
    .bind(if verified { "verified" } else { "rejected" })
    .bind(reason)
    .bind(now)
    .bind(decided_by)
    .bind(account_id)
    .bind(village_id)
    .execute(&mut *transaction)
    .await?
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
        crate::notifikasi::store::notify(&mut *transaction, account_id, title, Some("/akun"), now)
            .await?;
    }
    transaction.commit().await?;
    Ok(updated == 1)
}

// ---- Staff ----

pub async fn village_staff(
    pool: &SqlitePool,
    village_id: i64,
    me: i64,
) -> Result<Vec<StaffMember>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, String, String)> = sqlx::query_as(
        "SELECT r.id, a.id, a.name, a.phone, r.role FROM staff_roles r JOIN accounts a ON a.id = r.account_id
         WHERE r.village_id = $1
         ORDER BY CASE r.role WHEN 'kades' THEN 0 WHEN 'sekdes' THEN 1 ELSE 2 END, a.name",
    )
    .bind(village_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(staff_role_id, account_id, name, phone, role)| {
            Ok(StaffMember {
                staff_role_id,
                name,
                phone,
                role: decode_code("staff role", &role, StaffRole::from_code)?,
                is_me: account_id == me,
            })
        })
        .collect()
}

/// Outcome of adding a staff member.
#[derive(Debug, PartialEq, Eq)]
pub enum AddStaff {
    Added,
    NoSuchAccount,
    AlreadyStaff,
}

pub async fn add_village_staff(
    pool: &SqlitePool,
    village_id: i64,
    phone: &str,
    role: StaffRole,
    now: i64,
) -> Result<AddStaff, sqlx::Error> {
    let mut transaction = crate::db::begin_write(pool).await?;
    let account: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE phone = $1")
        .bind(phone)
        .fetch_optional(&mut *transaction)
        .await?;
    let Some(account_id) = account else {
        return Ok(AddStaff::NoSuchAccount);
    };
    let existing: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM staff_roles WHERE account_id = $1 AND village_id = $2",
    )
    .bind(account_id)
    .bind(village_id)
    .fetch_one(&mut *transaction)
    .await?;
    if existing > 0 {
        return Ok(AddStaff::AlreadyStaff);
    }
    sqlx::query(
        "INSERT INTO staff_roles (account_id, role, village_id, granted_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(account_id)
    .bind(role.code())
    .bind(village_id)
    .bind(now)
    .execute(&mut *transaction)
    .await?;
    crate::notifikasi::store::notify(
        &mut *transaction,
        account_id,
        crate::notifikasi::store::Bilingual {
            id: "Anda ditambahkan sebagai perangkat desa. Buka panel desa dari akun Anda.",
            en: "You were added as village staff. Open the village console from your account.",
        },
        Some("/akun"),
        now,
    )
    .await?;
    transaction.commit().await?;
    Ok(AddStaff::Added)
}

/// Removes a staff position of this village (never another village's); false when there is none.
pub async fn remove_village_staff(
    pool: &SqlitePool,
    village_id: i64,
    staff_role_id: i64,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM staff_roles WHERE id = $1 AND village_id = $2")
        .bind(staff_role_id)
        .bind(village_id)
        .execute(pool)
        .await?
        .rows_affected();
    Ok(removed == 1)
}

/// The account holding a staff position of this village.
pub async fn staff_account(
    pool: &SqlitePool,
    village_id: i64,
    staff_role_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT account_id FROM staff_roles WHERE id = $1 AND village_id = $2")
        .bind(staff_role_id)
        .bind(village_id)
        .fetch_optional(pool)
        .await
}

// ---- Reset codes ----

/// Stores a new reset code (hashed) and queues its message, in one transaction.
pub async fn create_reset_code(
    pool: &SqlitePool,
    account_id: i64,
    phone: &str,
    code_hash: &str,
    message: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    let mut transaction = crate::db::begin_write(pool).await?;
    // Only the newest code works: older ones are spent.
    sqlx::query("UPDATE reset_codes SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(account_id)
        .execute(&mut *transaction)
        .await?;
    sqlx::query(
        "INSERT INTO reset_codes (account_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(account_id)
    .bind(code_hash)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *transaction)
    .await?;
    crate::notifikasi::store::enqueue_message(
        &mut *transaction,
        Some(account_id),
        phone,
        "password_reset",
        message,
        now,
    )
    .await?;
    transaction.commit().await
}

/// The live code of an account: id, hash, expiry, attempts so far.
pub async fn live_reset_code(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<(i64, String, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, code_hash, expires_at, attempts FROM reset_codes
         WHERE account_id = $1 AND used_at IS NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await
}

pub async fn count_reset_attempt(pool: &SqlitePool, code_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE reset_codes SET attempts = attempts + 1 WHERE id = $1")
        .bind(code_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Spends the code; false when it was spent meanwhile (two tabs, two taps).
pub async fn spend_reset_code(
    pool: &SqlitePool,
    code_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let spent =
        sqlx::query("UPDATE reset_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(code_id)
            .execute(pool)
            .await?
            .rows_affected();
    Ok(spent == 1)
}
