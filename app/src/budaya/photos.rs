//! `POST /budaya/acara/{slug}/foto`: an organiser adds photos to a listing from the phone's camera or
//! gallery. A plain multipart form (works without JavaScript; with it, the form island shows the
//! percentage sent). The answer is a redirect back to the console: `?disimpan=foto` or
//! `?foto_galat={code}` with the reason, translated next to the field. Photos processed before a refused
//! one are kept.

use crate::db::Db;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use crate::akun::access::Actor;
use crate::akun::extract::sign_in_and_return;
use crate::media::upload::{Kind, PhotoForm};
use crate::media::MAX_PHOTOS;

fn back(slug: &str, outcome: &str) -> Response {
    Redirect::to(&format!("/budaya/acara/{slug}/kelola?{outcome}#foto")).into_response()
}

fn internal(what: &str, error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "photo upload: {what}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

pub async fn upload_listing_photos(
    State(pool): State<Db>,
    Path(slug): Path<String>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let Some(actor) = actor else {
        return sign_in_and_return(&format!("/budaya/acara/{slug}/kelola"));
    };
    let found = match super::store::find_listing(&pool, &slug).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("listing", error),
    };
    if !super::api::manages(&actor, found.village_id, found.organiser_account_id) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let count = match super::store::listing_photos(&pool, found.listing.id).await {
        Ok(photos) => photos.len(),
        Err(error) => return internal("gallery", error),
    };
    let received = match form
        .receive(
            actor.account_id,
            Kind::Gallery,
            MAX_PHOTOS.saturating_sub(count),
        )
        .await
    {
        Ok(received) => received,
        Err(response) => return response,
    };
    for photo in &received.photos {
        if let Err(error) = super::store::attach_photo(&pool, found.listing.id, photo.id).await {
            return internal("attach", error);
        }
    }
    match received.refused {
        Some(code) => back(&slug, &format!("foto_galat={code}")),
        None => back(&slug, "disimpan=foto"),
    }
}
