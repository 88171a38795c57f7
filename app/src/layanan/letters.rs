//! `GET /layanan/surat/{request code}`: the issued letter as a PDF, for the resident and the staff who
//! may see the request — never from a public path, never cached by shared caches.

use crate::db::Db;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

use super::store::LetterRow;
use crate::akun::access::Actor;
use crate::kernel::official_pdf::LetterContent;

/// What the PDF prints for a stored letter; `origin` makes the QR's verification address absolute.
pub fn letter_content(letter: &LetterRow, origin: &str) -> LetterContent {
    LetterContent {
        letterhead: crate::kernel::official_pdf::village_letterhead(
            &letter.kecamatan_name,
            &letter.village_name,
            &letter.village_kind,
        ),
        office_address: letter.office_address.clone(),
        title: letter.title.clone(),
        number: letter.number.clone(),
        paragraphs: letter
            .body
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect(),
        details: Vec::new(),
        place_and_date: format!(
            "{}, {}",
            letter.village_name,
            crate::format::long_date(letter.issued_at, crate::i18n::Locale::id)
        ),
        signer: (letter.signer_position.clone(), letter.signer_name.clone()),
        camat: letter
            .camat_name
            .clone()
            .zip(letter.camat_position.clone())
            .map(|(name, position)| (position, name)),
        verification_url: format!("{origin}/verifikasi/{}", letter.verification_code),
    }
}

pub async fn letter_pdf(
    State(pool): State<Db>,
    Path(code): Path<String>,
    actor: Actor,
    headers: HeaderMap,
) -> Response {
    let internal = |error: sqlx::Error| {
        tracing::error!(%error, "letter pdf");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    };
    let request = match super::store::find_request(&pool, &code).await {
        Ok(Some(request)) => request,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal(error),
    };
    let facts = match request.facts() {
        Ok(facts) => facts,
        Err(error) => return internal(error),
    };
    if !super::api::may_see(&super::api::roles_for(&actor, &request), facts) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let letter = match super::store::letter_of_request(&pool, &request.code).await {
        Ok(Some(letter)) => letter,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal(error),
    };
    if let Err(error) = crate::akun::store::record_view(
        &pool,
        request.account_id,
        actor.account_id,
        crate::akun::PersonalData::Letter,
        &request.code,
        crate::db::now_unix(),
    )
    .await
    {
        return internal(error);
    }
    let origin = crate::kernel::site::site_origin(&headers);
    let pdf = crate::kernel::official_pdf::render(&letter_content(&letter, &origin));
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"surat-{}.pdf\"", request.code),
            ),
        ],
        pdf,
    )
        .into_response()
}
