//! What Layanan forgets of a deleted account (UU PDP 27/2022): the photos of identity documents attached
//! to its requests, and its social-aid memberships. The requests, their timeline and issued letters (with
//! their numbers and the holder's name) stay: the village's administration must keep them.

/// Removes the account's document photos from its requests; returns the photo ids for the media store.
pub async fn forget_resident(
    tx: &mut crate::db::Tx,
    account_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let photos: Vec<i64> = crate::on_db!(&mut *tx, |c| sqlx::query_scalar(
        "SELECT d.photo_id FROM request_documents d
         JOIN service_requests r ON r.id = d.request_id WHERE r.account_id = $1",
    )
    .bind(account_id)
    .fetch_all(c)
    .await)?;
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "DELETE FROM request_documents
         WHERE request_id IN (SELECT id FROM service_requests WHERE account_id = $1)",
    )
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "DELETE FROM bansos_memberships WHERE account_id = $1"
    )
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(photos)
}
