//! Keeping `products.search_stems` filled: the product editor writes it with the product; rows written
//! by bulk SQL (the regency generator, a database migrated from before stems existed) are filled by this
//! pass, which the server runs at start and every minute until none is left.

use crate::db::Db;

/// Products stemmed per round (one short write transaction each).
pub const STEM_BATCH: i64 = 1_000;

/// Stems up to `batch` products that have none yet; returns how many were read (0: all done).
pub async fn stem_unstemmed_products(pool: &Db, batch: i64) -> Result<u64, sqlx::Error> {
    type Row = (i64, String, Option<String>, String, Option<String>);
    let rows: Vec<Row> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, title_id, title_en, description_id, description_en FROM products
         WHERE search_stems IS NULL ORDER BY id LIMIT $1"
    )
    .bind(batch)
    .fetch_all(c)
    .await)?;
    if rows.is_empty() {
        return Ok(0);
    }
    // The dictionary lookups are CPU work: off the async threads that answer pages.
    let stemmed = tokio::task::spawn_blocking(move || {
        rows.into_iter()
            .map(|(id, title_id, title_en, description_id, description_en)| {
                let stems = crate::pasar::search::stems_of_product(
                    &title_id,
                    title_en.as_deref(),
                    &description_id,
                    description_en.as_deref(),
                );
                (id, stems)
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|error| sqlx::Error::Protocol(format!("stemming task: {error}")))?;
    let mut tx = crate::db::begin_write(pool).await?;
    for (id, stems) in &stemmed {
        // A product saved meanwhile already has its (newer) stems.
        crate::on_db!(&mut tx, |c| sqlx::query(
            "UPDATE products SET search_stems = $1 WHERE id = $2 AND search_stems IS NULL"
        )
        .bind(stems)
        .bind(id)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }
    tx.commit().await?;
    Ok(stemmed.len() as u64)
}

/// Runs [`stem_unstemmed_products`] until every product has its stems; returns how many were stemmed.
pub async fn stem_all_products(pool: &Db) -> Result<u64, sqlx::Error> {
    let mut total = 0;
    loop {
        let stemmed = stem_unstemmed_products(pool, STEM_BATCH).await?;
        if stemmed == 0 {
            return Ok(total);
        }
        total += stemmed;
    }
}
