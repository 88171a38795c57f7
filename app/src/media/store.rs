//! Photo rows and files together (server only).

use crate::db::Db;

use super::process::ProcessedPhoto;
use super::storage::PhotoStore;
use super::PhotoRef;

/// Writes the files, then the row (a row never points at missing files). The same photo uploaded again
/// reuses its row. A private photo (a payment receipt) is never served from the public `/media` path;
/// the same bytes uploaded publicly too are public (whoever uploaded them has them anyway), so a
/// product photo can never vanish because a receipt happened to be the same file.
pub async fn save(
    pool: &Db,
    store: &dyn PhotoStore,
    photo: ProcessedPhoto,
    uploaded_by: Option<i64>,
    private: bool,
    now: i64,
) -> Result<PhotoRef, crate::error::AppError> {
    let widths: Vec<u32> = photo.variants.iter().map(|(width, _, _)| *width).collect();
    for (width, _, bytes) in photo.variants {
        store
            .put(&format!("{}-{width}.webp", photo.key), bytes)
            .await
            .map_err(|error| {
                tracing::error!(%error, "writing a photo");
                crate::error::AppError::Internal
            })?;
    }
    let id = record(pool, &photo.key, &widths, uploaded_by, private, now).await?;
    Ok(PhotoRef {
        id,
        key: photo.key,
        widths,
    })
}

/// The row of a photo whose files are written (or, for the demo step, about to be): its id.
pub async fn record(
    pool: &Db,
    key: &str,
    widths: &[u32],
    uploaded_by: Option<i64>,
    private: bool,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let widths_text = widths
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    crate::on_db!(pool, |c| {
        sqlx::query_scalar(
        "INSERT INTO photos (key, widths, uploaded_by, created_at, is_private) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET widths = excluded.widths,
             is_private = photos.is_private AND excluded.is_private
         RETURNING id",
    )
    .bind(key)
    .bind(widths_text)
    .bind(uploaded_by)
    .bind(now)
    .bind(private)
    .fetch_one(c).await
    })
}

/// A stored photo by id (a receipt, a complaint's photo): the caller has already checked who may see it.
pub async fn photo_by_id(pool: &Db, photo_id: i64) -> Result<Option<PhotoRef>, sqlx::Error> {
    let row: Option<(i64, String, String)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, key, widths FROM photos WHERE id = $1"
    )
    .bind(photo_id)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(|(id, key, widths)| PhotoRef {
        id,
        key,
        widths: PhotoRef::widths_from_text(&widths),
    }))
}

/// Deletes the records of these photos, in the caller's transaction (a deleted account's identity
/// documents); returns them so their files can be deleted once the transaction is committed. The caller
/// has removed every reference to them first.
pub async fn forget_photos(
    tx: &mut crate::db::Tx,
    photo_ids: &[i64],
) -> Result<Vec<PhotoRef>, sqlx::Error> {
    let mut forgotten = Vec::with_capacity(photo_ids.len());
    for &photo_id in photo_ids {
        let row: Option<(i64, String, String)> = crate::on_db!(&mut *tx, |c| sqlx::query_as(
            "DELETE FROM photos WHERE id = $1 RETURNING id, key, widths"
        )
        .bind(photo_id)
        .fetch_optional(c)
        .await)?;
        if let Some((id, key, widths)) = row {
            forgotten.push(PhotoRef {
                id,
                key,
                widths: PhotoRef::widths_from_text(&widths),
            });
        }
    }
    Ok(forgotten)
}

/// Deletes a forgotten photo's files (every width). A missing file is not an error.
pub async fn delete_files(store: &dyn super::storage::PhotoStore, photo: &PhotoRef) {
    for width in &photo.widths {
        let key = format!("{}-{width}.webp", photo.key);
        if let Err(error) = store.delete(&key).await {
            tracing::warn!(%error, "deleting a forgotten photo's file");
        }
    }
}
