//! `GET /media/{key}`: photo files, public and immutable (their names are content hashes).

use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

use super::storage::{is_valid_key, SharedPhotoStore};

pub async fn photo_file(
    State(store): State<SharedPhotoStore>,
    Path(key): Path<String>,
) -> Response {
    if !is_valid_key(&key) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match store.get(&key).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, "image/webp"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
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
