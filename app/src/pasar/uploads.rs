//! Photo uploads of the market, as plain multipart forms (they work without JavaScript; with it, the
//! form island shows progress): a product's photos and a shop's picture by the seller, a transfer receipt
//! by the buyer. Each answers with a redirect back to its page, `?disimpan=foto` or `?foto_galat={code}`.
//! The receipt is private: it is shown only through `GET /pasar/pesanan/{code}/bukti`, to the buyer and
//! the seller.

use crate::db::Db;
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

use super::OrderStatus;
use crate::akun::access::Actor;
use crate::akun::extract::sign_in_and_return;
use crate::media::serve::PrivateSize;
use crate::media::storage::SharedPhotoStore;
use crate::media::upload::{Kind, PhotoForm, Received};
use crate::media::MAX_PHOTOS;

fn internal(what: &str, error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "pasar upload: {what}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

fn outcome(page: &str, received: &Received) -> Response {
    let query = match received.refused {
        Some(code) => format!("foto_galat={code}"),
        None => "disimpan=foto".to_string(),
    };
    Redirect::to(&format!("{page}?{query}#foto")).into_response()
}

/// `POST /pasar/saya/produk/{slug}/foto`: the shop's owner adds photos to a product (6 at most).
pub async fn upload_product_photos(
    State(pool): State<Db>,
    Path(slug): Path<String>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let page = format!("/pasar/saya/produk/{slug}");
    let Some(actor) = actor else {
        return sign_in_and_return(&page);
    };
    let product = match super::store::find_product(&pool, &slug).await {
        Ok(Some(product)) => product,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("product", error),
    };
    if product.owner_account_id != Some(actor.account_id)
        || product.shop_status != super::ShopStatus::Approved
    {
        return StatusCode::FORBIDDEN.into_response();
    }
    let count = match super::store::product_photos(&pool, product.id).await {
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
        if let Err(error) = super::store::attach_product_photo(&pool, product.id, photo.id).await {
            return internal("attach", error);
        }
    }
    outcome(&page, &received)
}

/// `POST /pasar/saya/foto`: the owner sets the shop's picture (applied or approved).
pub async fn upload_shop_photo(
    State(pool): State<Db>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let page = "/pasar/saya";
    let Some(actor) = actor else {
        return sign_in_and_return(page);
    };
    let shop_id = match super::store::own_shop(&pool, actor.account_id).await {
        Ok(Some((id, _))) => id,
        Ok(None) => return StatusCode::FORBIDDEN.into_response(),
        Err(error) => return internal("shop", error),
    };
    let received = match form.receive(actor.account_id, Kind::Gallery, 1).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    if let Some(photo) = received.photos.first() {
        if let Err(error) = super::store::set_shop_photo(&pool, shop_id, photo.id).await {
            return internal("shop photo", error);
        }
    }
    outcome(page, &received)
}

/// `POST /pasar/pesanan/{code}/bukti`: the buyer of a bank-transfer order uploads the receipt.
pub async fn upload_payment_proof(
    State(pool): State<Db>,
    Path(code): Path<String>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let page = format!(
        "/pasar/pesanan/{}",
        crate::kernel::text::encode_query(&code)
    );
    let Some(actor) = actor else {
        return sign_in_and_return(&page);
    };
    let order = match super::store::find_order(&pool, &code).await {
        Ok(Some(order)) => order,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("order", error),
    };
    if order.party_of(actor.account_id) != Some(super::Party::Buyer) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let may_upload = order.payment.paid_in_advance()
        && matches!(order.status, OrderStatus::Placed | OrderStatus::Confirmed);
    if !may_upload {
        return Redirect::to(&format!("{page}?foto_galat=proof_not_needed#foto")).into_response();
    }
    let now = crate::db::now_unix();
    let received = match form.receive(actor.account_id, Kind::Document, 1).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    if let Some(photo) = received.photos.first() {
        if let Err(error) = super::store::set_payment_proof(
            &pool,
            order.id,
            photo.id,
            order.owner_account_id,
            &order.code,
            now,
        )
        .await
        {
            return internal("proof", error);
        }
    }
    outcome(&page, &received)
}

/// `GET /pasar/pesanan/{code}/bukti`: the receipt, to the order's buyer and seller only, never cached
/// by shared caches.
pub async fn payment_proof(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Path(code): Path<String>,
    Query(size): Query<PrivateSize>,
    actor: Actor,
    headers: HeaderMap,
) -> Response {
    let order = match order_of_a_party(&pool, &code, &actor).await {
        Ok(order) => order,
        Err(response) => return response,
    };
    private_photo(&pool, &store, order.payment_proof_photo_id, &size, &headers).await
}

/// The order with this code, if the actor is its buyer or its seller (404 or 403 otherwise).
async fn order_of_a_party(
    pool: &Db,
    code: &str,
    actor: &Actor,
) -> Result<super::store::OrderRow, Response> {
    let order = match super::store::find_order(pool, code).await {
        Ok(Some(order)) => order,
        Ok(None) => return Err(StatusCode::NOT_FOUND.into_response()),
        Err(error) => return Err(internal("order", error)),
    };
    if order.party_of(actor.account_id).is_none() {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    Ok(order)
}

/// A private photo by id (a receipt, a QRIS code), never cached by shared caches; 404 without one.
async fn private_photo(
    pool: &Db,
    store: &SharedPhotoStore,
    photo_id: Option<i64>,
    size: &PrivateSize,
    headers: &HeaderMap,
) -> Response {
    let Some(photo_id) = photo_id else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match crate::media::store::photo_by_id(pool, photo_id).await {
        Ok(Some(photo)) => {
            crate::media::serve::private_photo_response(store, &photo, size, headers).await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => internal("private photo", error),
    }
}

/// `POST /pasar/saya/qris`: the owner of an approved shop uploads its static QRIS code (a photo of the
/// sticker or the merchant app's screenshot). Kept private, cut to the square around the code.
pub async fn upload_shop_qris(
    State(pool): State<Db>,
    actor: Option<Actor>,
    form: PhotoForm,
) -> Response {
    let page = "/pasar/saya";
    let Some(actor) = actor else {
        return sign_in_and_return(page);
    };
    let shop_id = match super::store::own_shop(&pool, actor.account_id).await {
        Ok(Some((id, shop))) if shop.status == super::ShopStatus::Approved => id,
        Ok(_) => return StatusCode::FORBIDDEN.into_response(),
        Err(error) => return internal("shop", error),
    };
    let received = match form.receive(actor.account_id, Kind::SquareCode, 1).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    if let Some(photo) = received.photos.first() {
        if let Err(error) = super::store::set_shop_qris(&pool, shop_id, Some(photo.id)).await {
            return internal("shop qris", error);
        }
    }
    let query = match received.refused {
        Some(code) => format!("berkas=qris&foto_galat={code}"),
        None => "disimpan=qris".to_string(),
    };
    Redirect::to(&format!("{page}?{query}#qris")).into_response()
}

/// `GET /pasar/saya/qris`: the shop's own QRIS code, to its owner.
pub async fn own_shop_qris(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Query(size): Query<PrivateSize>,
    actor: Actor,
    headers: HeaderMap,
) -> Response {
    let shop_id = match super::store::own_shop(&pool, actor.account_id).await {
        Ok(Some((id, _))) => id,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return internal("shop", error),
    };
    qris_response(&pool, &store, shop_id, &size, &headers).await
}

/// `GET /pasar/pesanan/{code}/qris`: the shop's QRIS code, to the buyer and the seller of an order paid
/// by QRIS only (never a public address of the code; the order page shows it while payment is due).
pub async fn order_qris(
    State(pool): State<Db>,
    State(store): State<SharedPhotoStore>,
    Path(code): Path<String>,
    Query(size): Query<PrivateSize>,
    actor: Actor,
    headers: HeaderMap,
) -> Response {
    let order = match order_of_a_party(&pool, &code, &actor).await {
        Ok(order) => order,
        Err(response) => return response,
    };
    if order.payment != super::Payment::Qris {
        return StatusCode::NOT_FOUND.into_response();
    }
    qris_response(&pool, &store, order.shop_id, &size, &headers).await
}

async fn qris_response(
    pool: &Db,
    store: &SharedPhotoStore,
    shop_id: i64,
    size: &PrivateSize,
    headers: &HeaderMap,
) -> Response {
    match super::store::shop_qris_photo(pool, shop_id).await {
        Ok(photo_id) => private_photo(pool, store, photo_id, size, headers).await,
        Err(error) => internal("qris", error),
    }
}
