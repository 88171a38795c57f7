//! `GET /budaya/sertifikat/{code}`: a training certificate as a PDF, for its holder and whoever manages
//! the training — drawn like the village's letters, with a QR code to its public verification page.

use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

use crate::akun::access::Actor;
use crate::db::Db;
use crate::kernel::official_pdf::LetterContent;

use super::store::CertificateRow;

/// What the PDF prints; `origin` makes the QR's address absolute.
pub fn certificate_content(certificate: &CertificateRow, origin: &str) -> LetterContent {
    LetterContent {
        letterhead: crate::kernel::official_pdf::village_letterhead(
            &certificate.kecamatan_name,
            &certificate.village_name,
            &certificate.village_kind,
        ),
        office_address: certificate.organiser_name.clone(),
        title: "SERTIFIKAT PELATIHAN".into(),
        number: certificate.number.clone(),
        paragraphs: vec![
            "Diberikan kepada:".into(),
            format!(
                "telah mengikuti {} sesi pelatihan \"{}\" dan dinyatakan selesai.",
                certificate.sessions_attended, certificate.title_id
            ),
            certificate
                .title_en
                .as_ref()
                .map(|title| {
                    format!(
                        "Certificate of completion: {} sessions of \"{title}\".",
                        certificate.sessions_attended
                    )
                })
                .unwrap_or_default(),
        ]
        .into_iter()
        .filter(|paragraph| !paragraph.is_empty())
        .collect(),
        details: vec![("Nama".into(), certificate.holder_name.clone())],
        place_and_date: format!(
            "{}, {}",
            certificate.village_name,
            crate::format::long_date(certificate.issued_at, crate::i18n::Locale::id)
        ),
        signer: ("Penyelenggara".into(), certificate.organiser_name.clone()),
        camat: None,
        verification_url: format!(
            "{origin}/verifikasi/sertifikat/{}",
            certificate.verification_code
        ),
    }
}

pub async fn certificate_pdf(
    State(pool): State<Db>,
    Path(code): Path<String>,
    actor: Actor,
    headers: HeaderMap,
) -> Response {
    let certificate =
        match super::store::certificate_by_code(&pool, &code.to_ascii_uppercase()).await {
            Ok(Some(certificate)) => certificate,
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(error) => {
                tracing::error!(%error, "certificate pdf");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
    let holder = certificate.account_id == actor.account_id;
    if !holder
        && !super::api::manages(
            &actor,
            certificate.village_id,
            certificate.organiser_account_id,
        )
    {
        return StatusCode::FORBIDDEN.into_response();
    }
    let origin = crate::kernel::site::site_origin(&headers);
    let pdf = crate::kernel::official_pdf::render(&certificate_content(&certificate, &origin));
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "inline; filename=\"sertifikat-{}.pdf\"",
                    certificate.verification_code
                ),
            ),
        ],
        pdf,
    )
        .into_response()
}
