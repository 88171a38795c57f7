//! Server functions of buying: the cart, checkout, an order and its moves, the buyer's orders, reviews.

#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Rule};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::kernel::text::optional_text;
#[cfg(feature = "ssr")]
use crate::kernel::text::required_text;
use crate::pasar::{Cart, CheckoutChoice, OrderPage, OrderSummary};
use leptos::prelude::*;

/// Orders per page of "my orders"; the server sends one more when there are older ones.
pub const ORDERS_PAGE_SIZE: i64 = 30;

/// 1–99 pieces.
#[cfg(feature = "ssr")]
fn quantity(text: &str) -> Result<i64, AppError> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|quantity| (1..=99).contains(quantity))
        .ok_or_else(|| AppError::field("quantity", "quantity_invalid"))
}

/// How many items (pieces, not lines) the signed-in person's cart holds; 0 for a visitor. Shown in every
/// page's header.
#[server(endpoint = "cart_count")]
pub async fn get_cart_count() -> Result<u32, AppError> {
    async move {
        let Some(actor) = crate::akun::access::current_actor().await? else {
            return Ok(0);
        };
        let pool = crate::db::pool()?;
        let count = crate::pasar::store::cart_count(&pool, actor.account_id).await?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }
    .await
    .map_err(AppError::with_status)
}

/// Puts a product (one variant) in the signed-in person's cart and answers the cart's new item count (the
/// add-to-cart island shows it in the header; a plain form post follows the redirect to the cart). A
/// visitor is sent to sign in and comes back to the product.
#[server(endpoint = "add_to_cart")]
pub async fn add_to_cart(
    product: String,
    variant_id: i64,
    quantity: String,
) -> Result<u32, AppError> {
    async move {
        let back = format!(
            "/pasar/produk/{}",
            crate::kernel::text::encode_query(&product)
        );
        let actor = match authorize(Rule::SignedIn).await {
            Ok(actor) => actor,
            Err(AppError::Unauthenticated) => {
                // Plain form posts follow the redirect to sign in (or sign up); the item goes into the
                // cart as soon as they have an account (a quantity that makes no sense is not kept).
                if let Ok(quantity) = self::quantity(&quantity) {
                    crate::pasar::pending_cart::remember(variant_id, quantity);
                }
                leptos_axum::redirect(&format!(
                    "/akun/masuk?next={}",
                    crate::kernel::text::encode_query(&back)
                ));
                return Err(AppError::Unauthenticated);
            }
            Err(error) => return Err(error),
        };
        let pool = crate::db::pool()?;
        let quantity = self::quantity(&quantity)?;
        if !crate::pasar::store::add_to_cart(
            &pool,
            actor.account_id,
            variant_id,
            quantity,
            crate::db::now_unix(),
        )
        .await?
        {
            return Err(AppError::field("quantity", "product_unavailable"));
        }
        leptos_axum::redirect("/pasar/keranjang?disimpan=keranjang");
        let count = crate::pasar::store::cart_count(&pool, actor.account_id).await?;
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }
    .await
    .map_err(AppError::with_status)
}

/// Changes a cart line's quantity (0 removes it). Signed in; only one's own cart.
#[server(endpoint = "update_cart")]
pub async fn update_cart(variant_id: i64, quantity: String) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let quantity = match quantity.trim() {
            "0" => 0,
            other => self::quantity(other)?,
        };
        crate::pasar::store::set_cart_quantity(&pool, actor.account_id, variant_id, quantity)
            .await?;
        leptos_axum::redirect("/pasar/keranjang");
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The signed-in person's cart, grouped by shop and priced now.
#[server(endpoint = "get_cart")]
pub async fn get_cart() -> Result<Cart, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        Ok(crate::pasar::store::cart(&pool, actor.account_id).await?)
    }
    .await
    .map_err(AppError::with_status)
}

/// Places one order per shop in the cart with the buyer's choices (`choices[i][shop_id]`, …). Prices
/// and totals come from the database, never from the form.
#[server(endpoint = "checkout")]
pub async fn checkout(#[server(default)] choices: Vec<CheckoutChoice>) -> Result<(), AppError> {
    async move {
        use crate::pasar::store::{CheckoutRefused, ShopChoice};
        use crate::pasar::{Fulfilment, Payment};
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let mut checked = Vec::new();
        for choice in &choices {
            let Ok(shop_id) = choice.shop_id.trim().parse::<i64>() else {
                continue;
            };
            let fulfilment = Fulfilment::from_code(&choice.fulfilment)
                .ok_or_else(|| AppError::field("fulfilment", "choice_required"))?;
            let payment = Payment::from_code(&choice.payment)
                .ok_or_else(|| AppError::field("payment", "choice_required"))?;
            let delivery_address = match fulfilment {
                Fulfilment::Delivery | Fulfilment::Courier => Some(
                    required_text("address", &choice.address, 10, 300)
                        .map_err(|_| AppError::field("address", "address_required"))?,
                ),
                Fulfilment::PickupSeller | Fulfilment::PickupBalai => None,
            };
            // A parcel's country, as the buyer wrote it (an empty field means Indonesia, as the form
            // suggests); the courier they prefer, if they picked one.
            let (ship_country, courier) = match fulfilment {
                Fulfilment::Courier => {
                    let country = match choice.country.trim() {
                        "" => "Indonesia".to_string(),
                        country => required_text("country", country, 2, 60)?,
                    };
                    let courier = match choice.courier.trim() {
                        "" => None,
                        code => Some(
                            crate::pasar::Courier::from_code(code)
                                .ok_or_else(|| AppError::field("courier", "courier_unknown"))?,
                        ),
                    };
                    (Some(country), courier)
                }
                _ => (None, None),
            };
            let note = optional_text(Some(choice.note.clone()));
            if note.as_ref().is_some_and(|note| note.chars().count() > 500) {
                return Err(AppError::field("note", "text_too_long"));
            }
            checked.push(ShopChoice {
                shop_id,
                fulfilment,
                payment,
                delivery_address,
                ship_country,
                courier,
                note,
            });
        }
        // One order per shop, so one code each, made before the transaction: without randomness the
        // checkout fails (it used to carry on with a predictable code).
        let mut fresh_codes = (0..checked.len())
            .map(|_| crate::kernel::codes::random_code::<8>())
            .collect::<Result<Vec<_>, _>>()?;
        let mut new_code = move || fresh_codes.pop().unwrap_or_default();
        let codes = match crate::pasar::store::checkout(
            &pool,
            actor.account_id,
            &checked,
            &mut new_code,
            crate::db::now_unix(),
        )
        .await
        {
            Ok(codes) => codes,
            Err(CheckoutRefused::EmptyCart) => return Err(AppError::field("cart", "cart_empty")),
            Err(CheckoutRefused::StockChanged) => {
                return Err(AppError::field("cart", "cart_stock_changed"))
            }
            Err(CheckoutRefused::Choice { field, code }) => {
                return Err(AppError::field(field, code))
            }
            Err(CheckoutRefused::Database(error)) => return Err(error.into()),
        };
        match codes.as_slice() {
            [one] => leptos_axum::redirect(&format!("/pasar/pesanan/{one}?disimpan=pesanan")),
            _ => leptos_axum::redirect("/pasar/pesanan?disimpan=pesanan"),
        }
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// One order, for its buyer or its shop's owner (403 for anyone else).
#[server(endpoint = "get_order")]
pub async fn get_order(code: String) -> Result<OrderPage, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let code = crate::kernel::codes::normalize_code(&code)
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let order = crate::pasar::store::find_order(&pool, &code)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let party = order
            .party_of(actor.account_id)
            .ok_or_else(|| AppError::Forbidden.with_status())?;
        let facts = order.facts();
        let shop_couriers = crate::pasar::store::read_shipping(order.shop_shipping.as_deref())
            .map(|rules| rules.couriers)
            .unwrap_or_default();
        let url = format!(
            "{}/pasar/pesanan/{}",
            crate::kernel::site::request_origin(),
            order.code
        );
        Ok(OrderPage {
            lines: crate::pasar::store::order_lines(&pool, order.id).await?,
            timeline: crate::pasar::store::timeline(&pool, order.id).await?,
            review: crate::pasar::store::order_review(&pool, order.id).await?,
            moves: crate::pasar::order_flow::available_moves(facts, party),
            shop_whatsapp_url: order.shop_whatsapp.as_deref().map(|number| {
                crate::akun::phone::whatsapp_link(
                    number,
                    &format!(
                        "Halo, tentang pesanan {} di Smart Kampung: {url}",
                        crate::kernel::codes::display_code(&order.code)
                    ),
                )
            }),
            buyer_phone: (party == crate::pasar::Party::Seller).then(|| order.buyer_phone.clone()),
            has_payment_proof: order.payment_proof_photo_id.is_some(),
            status: facts.status,
            fulfilment: facts.fulfilment,
            payment: facts.payment,
            party,
            code: order.code,
            shop_slug: order.shop_slug,
            shop_name: order.shop_name,
            pickup_address: order.pickup_address,
            balai_address: order.balai_address,
            bank_account: order.bank_account,
            buyer_name: order.buyer_name,
            delivery_address: order.delivery_address,
            note: order.note,
            subtotal_rupiah: order.subtotal_rupiah,
            delivery_fee_rupiah: order.delivery_fee_rupiah,
            total_rupiah: order.total_rupiah,
            courier: order
                .courier
                .as_deref()
                .and_then(crate::pasar::Courier::from_code),
            ship_country: order.ship_country,
            tracking_number: order.tracking_number,
            receive_by: order.receive_by,
            shop_couriers,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Moves an order on (`to` = confirmed, declined, paid, ready, delivering, shipped, received, completed,
/// cancelled), if the caller's side may make that move now. Shipping takes the courier and the tracking
/// number ("resi"). `back` = "dasbor" returns to the seller's dashboard.
#[server(endpoint = "move_order")]
pub async fn move_order(
    code: String,
    to: String,
    #[server(default)] note: String,
    #[server(default)] tracking_number: String,
    #[server(default)] courier: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    async move {
        use crate::pasar::order_flow::{MoveDetails, MoveRefused};
        use crate::pasar::store::MoveError;
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let to = crate::pasar::OrderStatus::from_code(&to)
            .ok_or_else(|| AppError::field("to", "order_move_not_now"))?;
        if note.chars().count() > 500 {
            return Err(AppError::field("note", "text_too_long"));
        }
        // Tracking numbers are letters and digits (JNE, J&T, Pos: 10–20 characters, some with dashes).
        let tracking_number = tracking_number.trim().to_uppercase();
        if tracking_number.chars().count() > 40
            || !tracking_number
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(AppError::field("tracking_number", "tracking_invalid"));
        }
        let courier = match courier.trim() {
            "" => None,
            code => Some(
                crate::pasar::Courier::from_code(code)
                    .ok_or_else(|| AppError::field("courier", "courier_unknown"))?,
            ),
        };
        match crate::pasar::store::move_order(
            &pool,
            &code,
            actor.account_id,
            to,
            MoveDetails {
                note: &note,
                tracking_number: &tracking_number,
            },
            courier,
            crate::db::now_unix(),
        )
        .await
        {
            Ok(()) => {}
            Err(MoveError::NotFound) => return Err(AppError::NotFound.with_status()),
            Err(MoveError::NotParty) => return Err(AppError::Forbidden.with_status()),
            Err(MoveError::Refused(MoveRefused::TrackingRequired)) => {
                return Err(AppError::field(
                    "tracking_number",
                    MoveRefused::TrackingRequired.code(),
                ))
            }
            Err(MoveError::Refused(refused)) => {
                return Err(AppError::field("note", refused.code()))
            }
            Err(MoveError::Database(error)) => return Err(error.into()),
        }
        if back == "dasbor" {
            leptos_axum::redirect(&format!("/pasar/saya?disimpan={}", to.code()));
        } else {
            leptos_axum::redirect(&format!("/pasar/pesanan/{code}?disimpan={}", to.code()));
        }
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The signed-in person's orders as a buyer, newest first.
#[server(endpoint = "list_my_orders")]
pub async fn list_my_orders(older_than: Option<String>) -> Result<Vec<OrderSummary>, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        Ok(crate::pasar::store::buyer_orders(
            &pool,
            actor.account_id,
            older_than.as_deref().filter(|code| !code.is_empty()),
            ORDERS_PAGE_SIZE + 1,
        )
        .await?)
    }
    .await
    .map_err(AppError::with_status)
}

/// The buyer reviews a completed order: 1–5 stars and a few words (once).
#[server(endpoint = "review_order")]
pub async fn review_order(code: String, stars: String, body: String) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let order = crate::pasar::store::find_order(&pool, &code)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        if order.party_of(actor.account_id) != Some(crate::pasar::Party::Buyer) {
            return Err(AppError::Forbidden.with_status());
        }
        let stars = stars
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|stars| (1..=5).contains(stars))
            .ok_or_else(|| AppError::field("stars", "stars_invalid"))?;
        let body = required_text("body", &body, 3, 1000)?;
        if !crate::pasar::store::add_review(&pool, &order, stars, &body, crate::db::now_unix())
            .await?
        {
            return Err(AppError::field("body", "review_not_possible"));
        }
        leptos_axum::redirect(&format!("/pasar/pesanan/{}?disimpan=ulasan", order.code));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}
