//! `POST /budaya/acara/{slug}/foto`: an organiser adds photos to a listing from the phone's camera or
//! gallery. A plain multipart form (works without JavaScript; with it, the `UploadProgress` island shows
//! the percentage sent). The answer is a redirect back to the console: `?disimpan=foto` or
//! `?foto_galat={code}` with the reason, translated next to the field. Photos processed before a refused
//! one are kept.

use axum::{
    extract::{Multipart, Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use sqlx::SqlitePool;

use crate::media::{process, storage::SharedPhotoStore};

use super::MAX_PHOTOS;

fn back(slug: &str, outcome: &str) -> Response {
    Redirect::to(&format!("/budaya/acara/{slug}/kelola?{outcome}#foto")).into_response()
}

pub async fn upload_listing_photos(
    State(pool): State<SqlitePool>,
    State(store): State<SharedPhotoStore>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let now = crate::db::now_unix();
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(crate::akun::session::token_from_cookie_header)
        .map(str::to_owned);
    let account = match token {
        Some(token) => crate::akun::session::account_for_token(&pool, &token, now).await,
        None => Ok(None),
    };
    let actor = match account {
        Ok(Some(account)) => crate::akun::store::load_actor(&pool, account).await,
        Ok(None) => Ok(None),
        Err(error) => Err(error),
    };
    let actor = match actor {
        Ok(Some(actor)) => actor,
        Ok(None) => {
            let next = crate::akun::encode_query(&format!("/budaya/acara/{slug}/kelola"));
            return Redirect::to(&format!("/akun/masuk?next={next}")).into_response();
        }
        Err(error) => {
            tracing::error!(%error, "photo upload: session");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let found = match super::store::find_listing(&pool, &slug).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "photo upload: listing");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if !super::api::manages(&actor, found.village_id, found.organiser_account_id) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut count = match super::store::listing_photos(&pool, found.listing.id).await {
        Ok(photos) => photos.len(),
        Err(error) => {
            tracing::error!(%error, "photo upload: gallery");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut added = 0;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // A body over the limit or a broken connection mid-upload.
            Err(_) => return back(&slug, "foto_galat=photo_too_large"),
        };
        if field.name() != Some("photos") {
            continue;
        }
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(_) => return back(&slug, "foto_galat=photo_too_large"),
        };
        if bytes.is_empty() {
            continue; // the picker was left empty
        }
        if count >= MAX_PHOTOS {
            return back(&slug, "foto_galat=photo_too_many");
        }
        let processed = match tokio::task::spawn_blocking(move || process::process(&bytes)).await {
            Ok(Ok(processed)) => processed,
            Ok(Err(error)) => return back(&slug, &format!("foto_galat={}", error.code())),
            Err(error) => {
                tracing::error!(%error, "photo processing task");
                return back(&slug, "foto_galat=photo_unreadable");
            }
        };
        let photo = match crate::media::store::save(
            &pool,
            store.as_ref(),
            processed,
            Some(actor.account_id),
            now,
        )
        .await
        {
            Ok(photo) => photo,
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
        if let Err(error) = super::store::attach_photo(&pool, found.listing.id, photo.id).await {
            tracing::error!(%error, "photo upload: attach");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        count += 1;
        added += 1;
    }
    if added == 0 {
        return back(&slug, "foto_galat=photo_missing");
    }
    back(&slug, "disimpan=foto")
}
