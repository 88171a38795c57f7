//! People own their data (UU PDP 27/2022): a resident downloads everything the platform holds about them
//! as one JSON file, and may ask for their account to be deleted. Both span every pillar, so they are
//! composed here; each pillar says what it forgets (`forget_*`), akun anonymises the account last, all in
//! one transaction.

use leptos::prelude::*;

use crate::error::AppError;

/// Deletes the signed-in person's account at their request. Signed in; the password and the word `HAPUS`
/// (DELETE) confirm it. The account is anonymised — name, number, e-mail, the verification's name,
/// address and NIK erased, photos of their identity documents deleted, sessions ended — while orders,
/// requests and issued letters (with their numbers) stay as the law requires, pointing at "Akun dihapus".
/// A seller closes their shop first; the regency's last administrator cannot leave.
#[server(endpoint = "delete_my_account")]
pub async fn delete_my_account(password: String, confirm: String) -> Result<(), AppError> {
    let actor = crate::akun::access::authorize(crate::akun::access::Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    if !["HAPUS", "DELETE"].contains(&confirm.trim().to_uppercase().as_str()) {
        return Err(AppError::field("confirm", "confirm_word_missing").with_status());
    }
    let phone = crate::akun::store::account_phone(&pool, actor.account_id).await?;
    let stored = crate::akun::store::find_login(&pool, &phone)
        .await?
        .map(|(_, hash, _)| hash);
    if !crate::akun::password::verify_password(password, stored).await {
        return Err(AppError::field("password", "wrong_password").with_status());
    }
    if actor.is_seller {
        return Err(AppError::field("confirm", "close_shop_first").with_status());
    }
    if actor.is_admin() && crate::akun::store::admin_count(&pool).await? <= 1 {
        return Err(AppError::field("confirm", "last_admin").with_status());
    }
    let now = crate::db::now_unix();
    let mut tx = crate::db::begin_write(&pool).await?;
    let documents = crate::layanan::store::forget_resident(&mut tx, actor.account_id).await?;
    let photos = crate::media::store::forget_photos(&mut tx, &documents).await?;
    crate::pasar::store::forget_buyer(&mut tx, actor.account_id).await?;
    crate::notifikasi::store::forget_account(&mut tx, actor.account_id).await?;
    crate::akun::store::anonymise_account(&mut tx, actor.account_id, now).await?;
    tx.commit().await?;
    if let Some(store) = use_context::<crate::media::storage::SharedPhotoStore>() {
        for photo in &photos {
            crate::media::store::delete_files(store.as_ref(), photo).await;
        }
    }
    tracing::info!(
        documents = photos.len(),
        "an account was deleted at its owner's request"
    );
    crate::akun::session::end(&pool).await?;
    leptos_axum::redirect("/?akun=dihapus");
    Ok(())
}

#[cfg(feature = "ssr")]
pub use export::download_my_data;

#[cfg(feature = "ssr")]
mod export {
    use axum::extract::State;
    use axum::http::{header, StatusCode};
    use axum::response::{IntoResponse, Response};
    use serde_json::{json, Value};

    use crate::akun::access::Actor;
    use crate::akun::nik::NikCipher;
    use crate::db::Db;

    fn internal(error: sqlx::Error) -> Response {
        tracing::error!(%error, "exporting a person's data");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    }

    /// `GET /akun/data-saya`: everything about the signed-in person as a JSON file (their NIK included:
    /// it is theirs; the file is never cached).
    pub async fn download_my_data(
        State(pool): State<Db>,
        State(nik): State<NikCipher>,
        actor: Actor,
    ) -> Response {
        match collect(&pool, &nik, actor.account_id).await {
            Ok(data) => (
                [
                    (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                    (header::CACHE_CONTROL, "no-store"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"data-saya-smart-kampung.json\"",
                    ),
                ],
                serde_json::to_string_pretty(&data).unwrap_or_default(),
            )
                .into_response(),
            Err(error) => internal(error),
        }
    }

    async fn collect(pool: &Db, nik: &NikCipher, id: i64) -> Result<Value, sqlx::Error> {
        let now = crate::db::now_unix();
        let account: (String, String, Option<String>, String, i64, Option<String>) =
            crate::on_db!(pool, |c| sqlx::query_as(
                "SELECT a.name, a.phone, a.email, a.locale, a.created_at, v.name
                 FROM accounts a LEFT JOIN villages v ON v.id = a.home_village_id WHERE a.id = $1",
            )
            .bind(id)
            .fetch_one(c)
            .await)?;
        let verification: Option<(String, String, Vec<u8>, String, i64)> =
            crate::on_db!(pool, |c| sqlx::query_as(
                "SELECT full_name, address, nik_ciphertext, status, submitted_at
                 FROM resident_verifications WHERE account_id = $1",
            )
            .bind(id)
            .fetch_optional(c)
            .await)?;
        let requests: Vec<(i64, String, String, String, i64, Option<String>)> =
            crate::on_db!(pool, |c| sqlx::query_as(
                "SELECT r.id, r.code, s.name_id, r.status, r.created_at, l.number
                 FROM service_requests r JOIN services s ON s.id = r.service_id
                 LEFT JOIN letters l ON l.request_id = r.id
                 WHERE r.account_id = $1 ORDER BY r.created_at",
            )
            .bind(id)
            .fetch_all(c)
            .await)?;
        let answers: Vec<(i64, String, String)> = crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT a.request_id, a.name, a.value FROM request_answers a
             JOIN service_requests r ON r.id = a.request_id WHERE r.account_id = $1",
        )
        .bind(id)
        .fetch_all(c)
        .await)?;
        let orders: Vec<(i64, String, String, String, i64, i64)> =
            crate::on_db!(pool, |c| sqlx::query_as(
                "SELECT o.id, o.code, s.name, o.status, o.total_rupiah, o.placed_at
                 FROM orders o JOIN shops s ON s.id = o.shop_id
                 WHERE o.buyer_account_id = $1 ORDER BY o.placed_at",
            )
            .bind(id)
            .fetch_all(c)
            .await)?;
        let items: Vec<(i64, String, String, i64, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT i.order_id, i.title_id, i.variant_name, i.quantity, i.unit_price_rupiah
             FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.buyer_account_id = $1",
        )
        .bind(id)
        .fetch_all(c)
        .await)?;
        let tickets: Vec<(String, String, i64, String, i64)> =
            crate::on_db!(pool, |c| sqlx::query_as(
                "SELECT r.ticket_code, e.title_id, s.starts_at, r.status, r.seats
             FROM event_registrations r JOIN event_sessions s ON s.id = r.session_id
             JOIN events e ON e.id = s.event_id WHERE r.account_id = $1 ORDER BY s.starts_at",
            )
            .bind(id)
            .fetch_all(c)
            .await)?;
        let complaints: Vec<(String, String, String, String, i64)> =
            crate::on_db!(pool, |c| sqlx::query_as(
                "SELECT code, category, body, status, created_at FROM complaints
                 WHERE account_id = $1 ORDER BY created_at",
            )
            .bind(id)
            .fetch_all(c)
            .await)?;
        let certificates: Vec<(String, String, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT c.number, e.title_id, c.issued_at FROM certificates c
             JOIN events e ON e.id = c.event_id WHERE c.account_id = $1",
        )
        .bind(id)
        .fetch_all(c)
        .await)?;
        let views = crate::akun::store::views_of(pool, id, 1000).await?;
        let answers_of = |request: i64| -> Value {
            answers
                .iter()
                .filter(|(of, _, _)| *of == request)
                .map(|(_, name, value)| (name.clone(), Value::String(value.clone())))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        let iso = crate::format::iso_utc;
        Ok(json!({
            "exported_at": iso(now),
            "account": {
                "name": account.0, "phone": account.1, "email": account.2, "language": account.3,
                "created_at": iso(account.4), "home_village": account.5,
            },
            "verification": verification.map(|(full_name, address, ciphertext, status, submitted_at)| json!({
                "full_name": full_name, "address": address, "nik": nik.decrypt(&ciphertext),
                "status": status, "submitted_at": iso(submitted_at),
            })),
            "requests": requests.iter().map(|(request, code, service, status, created_at, letter)| json!({
                "code": code, "service": service, "status": status, "created_at": iso(*created_at),
                "letter_number": letter, "answers": answers_of(*request),
            })).collect::<Vec<_>>(),
            "orders": orders.iter().map(|(order, code, shop, status, total, placed_at)| json!({
                "code": code, "shop": shop, "status": status, "total_rupiah": total, "placed_at": iso(*placed_at),
                "items": items.iter().filter(|item| item.0 == *order).map(|(_, title, variant, quantity, price)| json!({
                    "product": title, "variant": variant, "quantity": quantity, "unit_price_rupiah": price,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "tickets": tickets.iter().map(|(code, title, starts_at, status, seats)| json!({
                "ticket": code, "event": title, "starts_at": iso(*starts_at), "status": status, "seats": seats,
            })).collect::<Vec<_>>(),
            "complaints": complaints.iter().map(|(code, category, body, status, created_at)| json!({
                "code": code, "category": category, "text": body, "status": status, "created_at": iso(*created_at),
            })).collect::<Vec<_>>(),
            "certificates": certificates.iter().map(|(number, title, issued_at)| json!({
                "number": number, "training": title, "issued_at": iso(*issued_at),
            })).collect::<Vec<_>>(),
            "who_looked_at_my_data": views.iter().map(|view| json!({
                "who": view.viewer_name, "role": view.viewer_role.map(|role| role.code()),
                "what": view.what.code(), "context": view.context, "at": iso(view.viewed_at),
            })).collect::<Vec<_>>(),
        }))
    }
}
