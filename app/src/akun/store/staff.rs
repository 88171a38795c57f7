//! A village's staff: the list, adding someone by phone number with a position, removing them.

use crate::akun::access::StaffRole;
use crate::akun::StaffMember;
use crate::db::decode_code;
use crate::db::Db;

pub async fn village_staff(
    pool: &Db,
    village_id: i64,
    me: i64,
) -> Result<Vec<StaffMember>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, String, String)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT r.id, a.id, a.name, a.phone, r.role FROM staff_roles r JOIN accounts a ON a.id = r.account_id
         WHERE r.village_id = $1
         ORDER BY CASE r.role WHEN 'kades' THEN 0 WHEN 'sekdes' THEN 1 ELSE 2 END, a.name",
    )
    .bind(village_id)
    .fetch_all(c).await
    })?;
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
    pool: &Db,
    village_id: i64,
    phone: &str,
    role: StaffRole,
    now: i64,
) -> Result<AddStaff, sqlx::Error> {
    let mut transaction = crate::db::begin_write(pool).await?;
    let account: Option<i64> = crate::on_db!(&mut transaction, |c| sqlx::query_scalar(
        "SELECT id FROM accounts WHERE phone = $1"
    )
    .bind(phone)
    .fetch_optional(c)
    .await)?;
    let Some(account_id) = account else {
        return Ok(AddStaff::NoSuchAccount);
    };
    let existing: i64 = crate::on_db!(&mut transaction, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM staff_roles WHERE account_id = $1 AND village_id = $2",
    )
    .bind(account_id)
    .bind(village_id)
    .fetch_one(c)
    .await)?;
    if existing > 0 {
        return Ok(AddStaff::AlreadyStaff);
    }
    crate::on_db!(&mut transaction, |c| {
        sqlx::query(
        "INSERT INTO staff_roles (account_id, role, village_id, granted_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(account_id)
    .bind(role.code())
    .bind(village_id)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    crate::notifikasi::store::notify(
        &mut transaction,
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
    pool: &Db,
    village_id: i64,
    staff_role_id: i64,
) -> Result<bool, sqlx::Error> {
    let removed = crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM staff_roles WHERE id = $1 AND village_id = $2"
    )
    .bind(staff_role_id)
    .bind(village_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?
    .rows_affected();
    Ok(removed == 1)
}

/// The account holding a staff position of this village.
pub async fn staff_account(
    pool: &Db,
    village_id: i64,
    staff_role_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT account_id FROM staff_roles WHERE id = $1 AND village_id = $2"
    )
    .bind(staff_role_id)
    .bind(village_id)
    .fetch_optional(c)
    .await)
}

// ---- Reset codes ----
