//! The village's decision on a shop: applications and renames waiting for the village's staff, and the
//! decision itself (the owner is told). Pasar owns the `shops` table; the village console shows this
//! queue through [`crate::pasar::ShopQueue`].

use crate::db::Db;

use crate::notifikasi::store::{notify, Bilingual};
use crate::pasar::PendingShop;

/// The shops of a village waiting for a decision: new applications and approved shops asking for a
/// new name.
pub async fn pending_shops(pool: &Db, village_id: i64) -> Result<Vec<PendingShop>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        name: String,
        pending_name: Option<String>,
        owner_name: Option<String>,
        story_id: String,
    }
    let rows: Vec<Row> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT s.id, s.name, s.pending_name, a.name AS owner_name, s.story_id FROM shops s
         LEFT JOIN accounts a ON a.id = s.owner_account_id
         WHERE s.village_id = $1 AND (s.status = 'pending' OR (s.status = 'approved' AND s.pending_name IS NOT NULL))
         ORDER BY s.id",
    )
    .bind(village_id)
    .fetch_all(c).await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| PendingShop {
            shop_id: row.id,
            name: row.name,
            new_name: row.pending_name,
            owner_name: row.owner_name.unwrap_or_default(),
            story_id: row.story_id,
        })
        .collect())
}

/// Approves or rejects a pending shop of this village and tells its owner; false when there is none.
pub async fn decide_shop(
    pool: &Db,
    village_id: i64,
    shop_id: i64,
    approved: bool,
    decided_by: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut transaction = crate::db::begin_write(pool).await?;
    // A rename of an approved shop: approving takes the new name, refusing keeps the old one; the shop
    // stays on the market either way.
    let renamed: Option<Option<i64>> = crate::on_db!(&mut transaction, |c| {
        sqlx::query_scalar(
        "UPDATE shops SET name = CASE WHEN $1 THEN pending_name ELSE name END, pending_name = NULL, decided_by = $2
         WHERE id = $3 AND village_id = $4 AND status = 'approved' AND pending_name IS NOT NULL
         RETURNING owner_account_id",
    )
    .bind(approved)
    .bind(decided_by)
    .bind(shop_id)
    .bind(village_id)
    .fetch_optional(c).await
    })?;
    if let Some(owner) = renamed {
        if let Some(owner) = owner {
            let title = if approved {
                Bilingual {
                    id: "Nama baru lapak Anda disetujui desa.",
                    en: "The village approved your shop's new name.",
                }
            } else {
                Bilingual {
                    id: "Nama baru lapak Anda belum disetujui desa; nama lama tetap dipakai.",
                    en: "The village did not approve your shop's new name; the old name stays.",
                }
            };
            notify(&mut transaction, owner, title, Some("/akun"), now).await?;
        }
        transaction.commit().await?;
        return Ok(true);
    }
    let owner: Option<Option<i64>> = crate::on_db!(&mut transaction, |c| {
        sqlx::query_scalar(
        "UPDATE shops SET status = $1, decided_by = $2 WHERE id = $3 AND village_id = $4 AND status = 'pending'
         RETURNING owner_account_id",
    )
    .bind(if approved { "approved" } else { "rejected" })
    .bind(decided_by)
    .bind(shop_id)
    .bind(village_id)
    .fetch_optional(c).await
    })?;
    let Some(owner) = owner else {
        return Ok(false);
    };
    if let Some(owner) = owner {
        let title = if approved {
            Bilingual {
                id: "Lapak Anda disetujui desa dan sudah tampil di Pasar.",
                en: "Your shop was approved by the village and is now on the market.",
            }
        } else {
            Bilingual {
                id: "Pengajuan lapak Anda belum disetujui desa.",
                en: "Your shop application was not approved by the village.",
            }
        };
        notify(&mut transaction, owner, title, Some("/akun"), now).await?;
    }
    transaction.commit().await?;
    Ok(true)
}
