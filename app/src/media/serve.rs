//! `GET /media/{key}`: photo files, public and immutable (their names are content hashes). Private
//! photos (payment receipts) are refused here: their own pages serve them after checking who asks.

use crate::db::Db;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::storage::{is_valid_key, SharedPhotoStore};
use super::PhotoRef;

pub async fn photo_file(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Path(file): Path<String>,
) -> Response {
    if !is_valid_key(&file) {
        return StatusCode::NOT_FOUND.into_response();
    }
    // `{key}-{width}.webp`
    let key = file.rsplit_once('-').map_or(file.as_str(), |(key, _)| key);
    match crate::on_db!(&pool, |c| sqlx::query_scalar::<_, bool>(
        "SELECT is_private FROM photos WHERE key = $1"
    )
    .bind(key)
    .fetch_optional(c)
    .await)
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

/// `?ukuran=kecil` ([`super::PRIVATE_THUMBNAIL_QUERY`]) asks a private photo's address for its thumbnail (a list of documents); without it the
/// whole picture is sent (the page a thumbnail opens on tap).
#[derive(Debug, Default, Deserialize)]
pub struct PrivateSize {
    #[serde(default)]
    ukuran: Option<String>,
}

impl PrivateSize {
    fn wants_thumbnail(&self) -> bool {
        self.ukuran.as_deref() == Some("kecil")
    }
}

/// A private photo (a document, a receipt, a complaint's photo), after the caller checked that the viewer
/// may see it. The browser keeps it (`private`: never a shared cache) but asks again each time
/// (`no-cache`), so a visit after the first costs a `304` without the picture, and whoever asks is
/// checked every time: a phone shared in a family never shows one person's KTP to the next.
pub async fn private_photo_response(
    store: &SharedPhotoStore,
    photo: &PhotoRef,
    size: &PrivateSize,
    headers: &HeaderMap,
) -> Response {
    let smallest = photo.widths.iter().copied().min();
    let largest = photo.widths.iter().copied().max();
    let Some(width) = (if size.wants_thumbnail() {
        smallest
    } else {
        largest
    }) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // The key is a hash of the uploaded bytes: the file behind one name never changes.
    let etag = format!("\"{}-{width}\"", photo.key);
    let cache_control = "private, no-cache";
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag));
    if unchanged {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache_control.to_string()),
                (header::VARY, "Cookie".to_string()),
            ],
        )
            .into_response();
    }
    let mut response =
        file_response(store, &format!("{}-{width}.webp", photo.key), cache_control).await;
    if response.status() == StatusCode::OK {
        let response_headers = response.headers_mut();
        if let Ok(etag) = etag.parse() {
            response_headers.insert(header::ETAG, etag);
        }
        response_headers.insert(header::VARY, header::HeaderValue::from_static("Cookie"));
    }
    response
}

/// A stored file with the given caching.
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
