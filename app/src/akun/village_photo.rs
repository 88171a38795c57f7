//! `POST /desa/{slug}/foto`: the village's staff set its photo (the balai desa, a landscape) through the
//! photo pipeline — a 3–8 MB phone photo is turned upright, cropped 4:3 and stored in three widths.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::access::{Actor, Rule};
use super::extract::sign_in_and_return;
use crate::db::Db;
use crate::media::upload::{Kind, PhotoForm};

pub async fn upload_village_photo(
    State(pool): State<Db>,
    Path(slug): Path<String>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let page = format!("/desa/{}/kelola", crate::kernel::text::encode_query(&slug));
    let Some(actor) = actor else {
        return sign_in_and_return(&page);
    };
    let village_id = match super::store::village_ref(&pool, &slug).await {
        Ok(Some((village_id, _))) => village_id,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "village photo: village");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if !actor.may(&Rule::VillageStaff { village_id }) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let received = match form.receive(actor.account_id, Kind::Gallery, 1).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    if let Some(photo) = received.photos.first() {
        if let Err(error) = super::store::set_village_photo(&pool, village_id, photo.id).await {
            tracing::error!(%error, "village photo: saving");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    let query = match received.refused {
        Some(code) => format!("foto_galat={code}"),
        None => "disimpan=foto".to_string(),
    };
    Redirect::to(&format!("{page}?{query}#foto-desa")).into_response()
}
