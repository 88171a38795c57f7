//! The PDFs of produk hukum desa: a village's staff attach one to a document with a plain multipart form
//! (`POST /desa/{slug}/hukum/{id}/pdf`, works without JavaScript), and anyone downloads it from
//! `GET /desa/{slug}/hukum/berkas/{hash}.pdf`. The store keeps each file under the hash of its bytes,
//! so the same PDF uploaded twice is one file and an address never changes meaning (cached for a year).

use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use sha2::{Digest, Sha256};

use super::MAX_LEGAL_PDF_BYTES;
use crate::akun::access::{Actor, Rule};
use crate::akun::extract::sign_in_and_return;
use crate::db::Db;
use crate::media::storage::SharedPhotoStore;

fn internal(what: &str, error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "legal document file: {what}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Why an upload was refused; the code is translated next to the file field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfRefused {
    Missing,
    TooLarge,
    NotPdf,
}

impl PdfRefused {
    pub fn code(self) -> &'static str {
        match self {
            PdfRefused::Missing => "file_required",
            PdfRefused::TooLarge => "pdf_too_large",
            PdfRefused::NotPdf => "not_a_pdf",
        }
    }
}

/// Checks what arrived: something, not over the limit, and a PDF by its first bytes (a phone may send a
/// photo or a Word file under any name and type).
pub fn check_pdf(bytes: &[u8]) -> Result<(), PdfRefused> {
    if bytes.is_empty() {
        Err(PdfRefused::Missing)
    } else if bytes.len() > MAX_LEGAL_PDF_BYTES {
        Err(PdfRefused::TooLarge)
    } else if !bytes.starts_with(b"%PDF-") {
        Err(PdfRefused::NotPdf)
    } else {
        Ok(())
    }
}

/// The file's name in the store: the SHA-256 of its bytes.
pub fn file_key(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{hex}.pdf")
}

/// Reads the `pdf` field, stopping as soon as it passes the limit (a 40 MB scan is not read whole).
async fn read_pdf(multipart: &mut Multipart) -> Result<Result<Vec<u8>, PdfRefused>, Response> {
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(Err(PdfRefused::Missing)),
            Err(error) => return Err((StatusCode::BAD_REQUEST, error.body_text()).into_response()),
        };
        if field.name() != Some("pdf") {
            continue;
        }
        let mut field = field;
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > MAX_LEGAL_PDF_BYTES {
                        return Ok(Err(PdfRefused::TooLarge));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => return Ok(check_pdf(&bytes).map(|()| bytes)),
                Err(error) => {
                    return Err((StatusCode::BAD_REQUEST, error.body_text()).into_response())
                }
            }
        }
    }
}

/// `POST /desa/{slug}/hukum/{id}/pdf`: the village's staff attach (or replace) a document's PDF.
pub async fn upload_legal_pdf(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Path((slug, id)): Path<(String, i64)>,
    actor: Option<Actor>,
    mut multipart: Multipart,
) -> Response {
    let page = format!("/desa/{}/hukum", crate::kernel::text::encode_query(&slug));
    let Some(actor) = actor else {
        return sign_in_and_return(&page);
    };
    let village_id = match crate::akun::store::village_ref(&pool, &slug).await {
        Ok(Some((village_id, _))) => village_id,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("village", error),
    };
    if !actor.may(&Rule::VillageStaff { village_id }) {
        return StatusCode::FORBIDDEN.into_response();
    }
    match super::store::legal_document_ref(&pool, village_id, id).await {
        Ok(Some(_)) => {}
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("document", error),
    }
    let bytes = match read_pdf(&mut multipart).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(refused)) => {
            return Redirect::to(&format!(
                "{page}?pdf_galat={}&dokumen={id}#dokumen-{id}",
                refused.code()
            ))
            .into_response()
        }
        Err(response) => return response,
    };
    let key = file_key(&bytes);
    let size = bytes.len() as i64;
    if let Err(error) = store.put(&key, bytes).await {
        return internal("store", error);
    }
    let now = crate::db::now_unix();
    if let Err(error) =
        super::store::attach_legal_file(&pool, village_id, id, &key, size, now).await
    {
        return internal("attach", error);
    }
    Redirect::to(&format!("{page}?disimpan=pdf#dokumen-{id}")).into_response()
}

/// `GET /desa/{slug}/hukum/berkas/{hash}.pdf`: a published document's PDF, for anyone.
pub async fn legal_pdf(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    if !file.ends_with(".pdf") || !crate::media::storage::is_valid_key(&file) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let (kind, number, year) = match super::store::legal_file_published(&pool, &slug, &file).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("lookup", error),
    };
    let bytes = match store.get(&file).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("read", error),
    };
    let name: String = format!("{kind}-{number}-{year}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CACHE_CONTROL,
                "public, max-age=31536000, immutable".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}.pdf\""),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pdf_within_the_limit_is_taken() {
        assert_eq!(check_pdf(b""), Err(PdfRefused::Missing));
        assert_eq!(check_pdf(b"\x89PNG\r\n"), Err(PdfRefused::NotPdf));
        assert_eq!(check_pdf(b"PK\x03\x04 word"), Err(PdfRefused::NotPdf));
        assert_eq!(check_pdf(b"%PDF-1.7\n..."), Ok(()));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(MAX_LEGAL_PDF_BYTES + 1, b' ');
        assert_eq!(check_pdf(&big), Err(PdfRefused::TooLarge));
    }

    #[test]
    fn the_same_bytes_get_the_same_name() {
        let key = file_key(b"%PDF-1.4 a");
        assert_eq!(key, file_key(b"%PDF-1.4 a"));
        assert_ne!(key, file_key(b"%PDF-1.4 b"));
        assert!(key.ends_with(".pdf") && key.len() == 68);
        assert!(crate::media::storage::is_valid_key(&key));
    }
}
