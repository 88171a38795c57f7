//! Private photos of Layanan, as plain multipart forms (they work without JavaScript; with it, the form
//! island shows progress): documents (KTP, KK, a letter from the RT…) attached to a request, and the photo
//! of a complaint. They are personal data: kept private (never under `/media`), shown only through
//! `GET /layanan/permohonan/{code}/dokumen/{field}/{photo}` to the resident and the staff who may see the
//! request, and `GET /layanan/pengaduan/{code}/foto` to the complaint's author and the village's staff,
//! never cached by a shared cache.

use crate::db::Db;
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

use super::request_flow::RequestRole;
use super::store::RequestRow;
use super::{FieldKind, MAX_PHOTOS_PER_DOCUMENT};
use crate::akun::access::Actor;
use crate::akun::extract::sign_in_and_return;
use crate::media::serve::PrivateSize;
use crate::media::storage::SharedPhotoStore;
use crate::media::upload::{Kind, PhotoForm};

fn internal(what: &str, error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "layanan document: {what}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The request and the viewer's parts in it, or the answer to give instead.
async fn request_for(
    pool: &Db,
    actor: &Actor,
    code: &str,
) -> Result<(RequestRow, Vec<RequestRole>), Response> {
    let request = match super::store::find_request(pool, code).await {
        Ok(Some(request)) => request,
        Ok(None) => return Err(StatusCode::NOT_FOUND.into_response()),
        Err(error) => return Err(internal("request", error)),
    };
    let facts = request.facts().map_err(|error| internal("status", error))?;
    let roles = super::api::roles_for(actor, &request);
    if !super::api::may_see(&roles, facts) {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    Ok((request, roles))
}

/// `POST /layanan/permohonan/{code}/dokumen/{field}`: the resident attaches photos for one of the
/// service's file fields while the request is open to changes.
pub async fn upload_request_documents(
    State(pool): State<Db>,
    Path((code, field)): Path<(String, String)>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let page = format!(
        "/layanan/permohonan/{}",
        crate::kernel::text::encode_query(&code)
    );
    let Some(actor) = actor else {
        return sign_in_and_return(&page);
    };
    let (request, roles) = match request_for(&pool, &actor, &code).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if !roles.contains(&RequestRole::Pemohon) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let refused = |code: &str| {
        Redirect::to(&format!(
            "{page}?foto_galat={code}&berkas={}#dokumen",
            crate::kernel::text::encode_query(&field)
        ))
        .into_response()
    };
    let status = match request.facts() {
        Ok(facts) => facts.status,
        Err(error) => return internal("status", error),
    };
    if !super::request_flow::documents_open(status) {
        return refused("documents_closed");
    }
    let fields = match super::store::service_fields_of_request(&pool, request.id).await {
        Ok(fields) => fields,
        Err(error) => return internal("fields", error),
    };
    if !fields
        .iter()
        .any(|known| known.kind == FieldKind::File && known.name == field)
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    let attached = match super::store::request_documents(&pool, request.id).await {
        Ok(documents) => documents.iter().filter(|(name, _)| *name == field).count(),
        Err(error) => return internal("documents", error),
    };
    let received = match form
        .receive(
            actor.account_id,
            Kind::Document,
            MAX_PHOTOS_PER_DOCUMENT.saturating_sub(attached),
        )
        .await
    {
        Ok(received) => received,
        Err(response) => return response,
    };
    let ids: Vec<i64> = received.photos.iter().map(|photo| photo.id).collect();
    if let Err(error) = super::store::attach_documents(&pool, request.id, &field, &ids).await {
        return internal("attach", error);
    }
    match received.refused {
        Some(code) => refused(code),
        None => Redirect::to(&format!("{page}?disimpan=dokumen#dokumen")).into_response(),
    }
}

/// `GET /layanan/permohonan/{code}/dokumen/{field}/{photo}`: one document photo, to whoever may see the
/// request (the resident, the village's staff, the camat's once forwarded).
pub async fn request_document(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Path((code, _field, photo)): Path<(String, String, i64)>,
    Query(size): Query<PrivateSize>,
    actor: Actor,
    headers: HeaderMap,
) -> Response {
    let (request, _) = match request_for(&pool, &actor, &code).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let photo = match super::store::document_photo(&pool, request.id, photo).await {
        Ok(Some(photo)) => photo,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("photo", error),
    };
    // The resident's identity documents: who other than them opens one is recorded (UU PDP).
    if let Err(error) = crate::akun::store::record_view(
        &pool,
        request.account_id,
        actor.account_id,
        crate::akun::PersonalData::Document,
        &request.code,
        crate::db::now_unix(),
    )
    .await
    {
        return internal("access log", error);
    }
    crate::media::serve::private_photo_response(&store, &photo, &size, &headers).await
}

/// `POST /layanan/pengaduan/{code}/foto`: the author adds (or replaces) the complaint's photo while the
/// village has not started on it.
pub async fn upload_complaint_photo(
    State(pool): State<Db>,
    Path(code): Path<String>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let page = format!(
        "/layanan/pengaduan/{}",
        crate::kernel::text::encode_query(&code)
    );
    let Some(actor) = actor else {
        return sign_in_and_return(&page);
    };
    let complaint = match super::store::complaints::find_complaint(&pool, &code).await {
        Ok(Some(complaint)) => complaint,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("complaint", error),
    };
    if complaint.account_id != actor.account_id {
        return StatusCode::FORBIDDEN.into_response();
    }
    match complaint.status() {
        Ok(super::ComplaintStatus::Diterima) => {}
        Ok(_) => {
            return Redirect::to(&format!("{page}?foto_galat=complaint_closed#foto"))
                .into_response()
        }
        Err(error) => return internal("status", error),
    }
    let received = match form.receive(actor.account_id, Kind::Document, 1).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    if let Some(photo) = received.photos.first() {
        if let Err(error) =
            super::store::complaints::set_complaint_photo(&pool, complaint.id, photo.id).await
        {
            return internal("attach", error);
        }
    }
    match received.refused {
        Some(code) => Redirect::to(&format!("{page}?foto_galat={code}#foto")).into_response(),
        None => Redirect::to(&format!("{page}?disimpan=foto")).into_response(),
    }
}

/// `GET /layanan/pengaduan/{code}/foto`: the complaint's photo, to its author and the village's staff.
pub async fn complaint_photo(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Path(code): Path<String>,
    Query(size): Query<PrivateSize>,
    actor: Actor,
    headers: HeaderMap,
) -> Response {
    let complaint = match super::store::complaints::find_complaint(&pool, &code).await {
        Ok(Some(complaint)) => complaint,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("complaint", error),
    };
    if super::complaint_api::complaint_parts(&actor, &complaint).is_none() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let Some(photo_id) = complaint.photo_id else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let photo = match crate::media::store::photo_by_id(&pool, photo_id).await {
        Ok(Some(photo)) => photo,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("photo", error),
    };
    crate::media::serve::private_photo_response(&store, &photo, &size, &headers).await
}
