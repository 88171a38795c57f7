//! `POST /admin/wilayah/impor`: the admin uploads the village list (a plain multipart form, works
//! without JavaScript). The file is kept as it came and the admin is sent to its preview; nothing
//! changes before they apply it there.

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::import::MAX_BYTES;
use crate::akun::access::{Actor, Rule};
use crate::akun::extract::sign_in_and_return;
use crate::db::Db;

const PAGE: &str = "/admin/wilayah";

fn refused(code: &str) -> Response {
    Redirect::to(&format!("{PAGE}?galat={code}#berkas")).into_response()
}

/// A spreadsheet on Windows saves CSV in its ANSI code page, not UTF-8: such bytes are read as
/// Windows-1252's Latin part so `Kelurahan Sumberréjo` survives either way.
pub fn decode_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&byte| char::from(byte)).collect(),
    }
}

pub async fn upload_village_list(
    State(pool): State<Db>,
    actor: Option<Actor>,
    mut multipart: Multipart,
) -> Response {
    let Some(actor) = actor else {
        return sign_in_and_return(PAGE);
    };
    if !actor.may(&Rule::AdminKabupaten) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return (StatusCode::BAD_REQUEST, error.body_text()).into_response(),
        };
        if field.name() != Some("berkas") {
            continue;
        }
        let name = field.file_name().unwrap_or("daftar-desa.csv").to_string();
        let mut field = field;
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > MAX_BYTES {
                        return refused("import_too_large");
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(error) => return (StatusCode::BAD_REQUEST, error.body_text()).into_response(),
            }
        }
        file = Some((name, bytes));
    }
    let Some((name, bytes)) = file.filter(|(_, bytes)| !bytes.is_empty()) else {
        return refused("import_empty");
    };
    let name: String = name.chars().take(120).collect();
    let text = decode_text(&bytes);
    match super::store::save_import(&pool, &text, &name, actor.account_id, crate::db::now_unix())
        .await
    {
        Ok(id) => Redirect::to(&format!("{PAGE}/impor/{id}")).into_response(),
        Err(error) => {
            tracing::error!(%error, "saving an uploaded village list");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_windows_files_both_read() {
        assert_eq!(decode_text("Sumberréjo".as_bytes()), "Sumberréjo");
        assert_eq!(decode_text(b"Sumberr\xe9jo"), "Sumberréjo");
    }
}
