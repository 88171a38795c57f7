//! `GET /media/{key}`: photo files, public and immutable (their names are content hashes). Private
//! photos (payment receipts) are refused here: their own pages serve them after checking who asks.

use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use sqlx::SqlitePool;

use super::storage::{is_valid_key, SharedPhotoStore};

pub async fn photo_file(
    State(pool): State<SqlitePool>,
    State(store): State<SharedPhotoStore>,
    Path(file): Path<String>,
) -> Response {
    if !is_valid_key(&file) {
        return StatusCode::NOT_FOUND.into_response();
    }
    // `{key}-{width}.webp`
    let key = file.rsplit_once('-').map_or(file.as_str(), |(key, _)| key);
    match sqlx::query_scalar::<_, bool>("SELECT is_private FROM photos WHERE key = $1")
        .bind(key)
        .fetch_optional(&pool)
        .await
    {
        Ok(Some(false)) => {}
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "looking up a photo");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    file_response(&store, &file, "public, max-age=31536000, immutable").await
}

/// A stored file with the given caching; for a private photo `private, no-store` after the caller's
/// authorization check.
pub async fn file_response(store: &SharedPhotoStore, file: &str, cache_control: &str) -> Response {
    match store.get(file).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, "image/webp".to_string()),
                (header::CACHE_CONTROL, cache_control.to_string()),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "reading a photo");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
