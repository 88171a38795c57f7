//! The documents attached to a request (photos of KK, KTP…): which are still missing, attaching and
//! removing them, and reading one for the people allowed to see it.

use crate::db::Db;

/// Whether a required document field of the request's service has no photo yet.
pub(super) async fn has_missing_documents(
    tx: &mut crate::db::Tx,
    request_id: i64,
) -> Result<bool, sqlx::Error> {
    crate::on_db!(&mut *tx, |c| {
        sqlx::query_scalar(
        "SELECT EXISTS (
             SELECT 1 FROM service_fields f JOIN service_requests r ON r.service_id = f.service_id
             WHERE r.id = $1 AND f.kind = 'file' AND f.required
               AND NOT EXISTS (SELECT 1 FROM request_documents d WHERE d.request_id = r.id AND d.field = f.name))",
    )
    .bind(request_id)
    .fetch_one(c).await
    })
}

/// The photos of documents attached to a request: (form field, photo id), in the order attached.
pub async fn request_documents(
    pool: &Db,
    request_id: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT field, photo_id FROM request_documents WHERE request_id = $1 ORDER BY rowid",
    )
    .bind(request_id)
    .fetch_all(c)
    .await)
}

pub async fn attach_documents(
    pool: &Db,
    request_id: i64,
    field: &str,
    photo_ids: &[i64],
) -> Result<(), sqlx::Error> {
    for photo_id in photo_ids {
        crate::on_db!(pool, |c| {
            sqlx::query(
                "INSERT INTO request_documents (request_id, field, photo_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            )
            .bind(request_id)
            .bind(field)
            .bind(photo_id)
            .execute(c)
            .await
            .map(crate::db::Done::from)
        })?;
    }
    Ok(())
}

/// Takes a photo off a request; false when it was not attached to it.
pub async fn remove_document(
    pool: &Db,
    request_id: i64,
    photo_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM request_documents WHERE request_id = $1 AND photo_id = $2"
    )
    .bind(request_id)
    .bind(photo_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(done.rows_affected() > 0)
}

/// A document photo of a request (its stored key and widths), only if it is attached to that request.
pub async fn document_photo(
    pool: &Db,
    request_id: i64,
    photo_id: i64,
) -> Result<Option<crate::media::PhotoRef>, sqlx::Error> {
    let row: Option<(i64, String, String)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT p.id, p.key, p.widths FROM request_documents d JOIN photos p ON p.id = d.photo_id
         WHERE d.request_id = $1 AND d.photo_id = $2",
    )
    .bind(request_id)
    .bind(photo_id)
    .fetch_optional(c).await
    })?;
    Ok(row.map(|(id, key, widths)| crate::media::PhotoRef {
        id,
        key,
        widths: crate::media::PhotoRef::widths_from_text(&widths),
    }))
}
