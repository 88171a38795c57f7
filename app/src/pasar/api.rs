//! Pasar server functions. Browsing is public; the cart, orders and reviews need an account; a shop's
//! products and orders are managed by its owner only. Each function starts with its authorization
//! decision, and its body ends in `.map_err(AppError::with_status)` so every refusal carries its HTTP
//! status (a person's mistake is a 4xx, never a 500).
// A form with many fields is a server function with one argument per field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{
    Cart, CheckoutChoice, MarketPage, MarketQuery, OrderPage, OrderSummary, ProductCard,
    ProductEditor, ProductPage, SellerDashboard, ShopPage, VariantInput,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Rule};
#[cfg(feature = "ssr")]
use crate::kernel::text::optional_text;
#[cfg(feature = "ssr")]
use crate::kernel::text::required_text;

/// Orders per page of "my orders"; the server sends one more when there are older ones.
pub const ORDERS_PAGE_SIZE: i64 = 30;

/// Products per market page: two columns of ten on a phone.
pub const MARKET_PAGE_SIZE: i64 = 20;

/// Active products, newest first, optionally of one village (home and village pages). Public.
#[server(endpoint = "list_products")]
pub async fn list_products(
    village: Option<String>,
    limit: u32,
) -> Result<Vec<ProductCard>, AppError> {
    async move {
        crate::akun::access::public();
        let pool = crate::db::pool()?;
        let village = village.unwrap_or_default();
        Ok(
            super::store::list_active_products(&pool, &village, crate::db::list_limit(limit))
                .await?,
        )
    }
    .await
    .map_err(AppError::with_status)
}

/// The market: search, filters, sort and one page. Public. A filter that cannot be read is ignored and
/// reported, never an error page.
#[server(endpoint = "get_market")]
pub async fn get_market(query: MarketQuery) -> Result<MarketPage, AppError> {
    async move {
        crate::akun::access::public();
        let pool = crate::db::pool()?;
        let (filter, ignored) = super::market_filter::MarketFilter::read(&query);
        let page = query.page.clamp(1, 500);
        let (products, total) = super::store::market(
            &pool,
            &filter,
            MARKET_PAGE_SIZE,
            i64::from(page - 1) * MARKET_PAGE_SIZE,
        )
        .await?;
        let villages = crate::akun::store::list_villages(&pool)
            .await?
            .into_iter()
            .map(|village| (village.slug, village.name))
            .collect();
        Ok(MarketPage {
            products,
            total,
            page,
            page_count: ((total.min(super::store::MARKET_COUNT_CAP) + MARKET_PAGE_SIZE - 1)
                / MARKET_PAGE_SIZE) as u32,
            ignored,
            villages,
            sort: filter.effective_sort(),
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// The WhatsApp chat link for a product: the message names the product and its link.
#[cfg(feature = "ssr")]
fn whatsapp_for_product(whatsapp: Option<&str>, title: &str, url: &str) -> Option<String> {
    whatsapp.map(|number| {
        crate::akun::phone::whatsapp_link(
            number,
            &format!("Halo, saya tertarik dengan \"{title}\" di Smart Kampung: {url}"),
        )
    })
}

/// A product's page. Public for active products of approved shops; drafts and archived products only
/// for their shop's owner.
#[server(endpoint = "get_product")]
pub async fn get_product(slug: String) -> Result<ProductPage, AppError> {
    async move {
        crate::akun::access::public();
        let pool = crate::db::pool()?;
        let product = super::store::find_product(&pool, &slug)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let actor = crate::akun::access::current_actor().await?;
        let is_owner = actor
            .as_ref()
            .is_some_and(|actor| product.owner_account_id == Some(actor.account_id));
        let on_sale = product.status == super::ProductStatus::Active
            && product.shop_status == super::ShopStatus::Approved;
        if !on_sale && !is_owner {
            return Err(AppError::NotFound.with_status());
        }
        let shop = super::store::find_shop(&pool, &product.shop_slug).await?;
        let canonical_url = format!(
            "{}/pasar/produk/{}",
            crate::ui::site::request_origin(),
            product.slug
        );
        let seller = match &shop {
            Some(shop) => super::SellerCard {
                slug: shop.slug.clone(),
                name: shop.name.clone(),
                village_name: shop.village_name.clone(),
                village_slug: shop.village_slug.clone(),
                owner_verified: shop.owner_verified,
                rating: super::store::shop_rating(&pool, shop.id).await?,
                photo: shop.photo(),
                whatsapp_url: whatsapp_for_product(
                    shop.whatsapp.as_deref(),
                    &product.title_id,
                    &canonical_url,
                ),
            },
            // The owner previewing a product of a shop still waiting for approval.
            None => super::SellerCard {
                slug: product.shop_slug.clone(),
                name: String::new(),
                village_name: String::new(),
                village_slug: String::new(),
                owner_verified: false,
                rating: None,
                photo: None,
                whatsapp_url: None,
            },
        };
        let reviews = super::store::reviews(&pool, product.shop_id, Some(product.id), 20).await?;
        let rating = {
            let count = reviews.len() as i64;
            let sum: i64 = reviews.iter().map(|review| review.stars).sum();
            super::Rating::from_average((count > 0).then(|| sum as f64 / count as f64), count)
        };
        Ok(ProductPage {
            category: crate::db::decode_code(
                "product category",
                &product.category,
                super::Category::from_code,
            )?,
            variants: super::store::variants(&pool, &product).await?,
            photos: super::store::product_photos(&pool, product.id).await?,
            more_from_shop: super::store::shop_products(
                &pool,
                product.shop_id,
                Some(product.id),
                4,
            )
            .await?,
            discount: product.discount(),
            slug: product.slug,
            title_id: product.title_id,
            title_en: product.title_en,
            description_id: product.description_id,
            description_en: product.description_en,
            unit: product.unit,
            status: product.status,
            seller,
            reviews,
            rating,
            canonical_url,
            signed_in: actor.is_some(),
            is_owner,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// A shop's page: story, products and reviews (the classes it runs come from `budaya`; the page in
/// `pages::shop` shows both). Public; an unknown or not yet approved shop is 404.
#[server(endpoint = "get_shop")]
pub async fn get_shop(slug: String) -> Result<ShopPage, AppError> {
    async move {
        crate::akun::access::public();
        let pool = crate::db::pool()?;
        let shop = super::store::find_shop(&pool, &slug)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        Ok(ShopPage {
            products: super::store::shop_products(&pool, shop.id, None, 48).await?,
            rating: super::store::shop_rating(&pool, shop.id).await?,
            reviews: super::store::reviews(&pool, shop.id, None, 10).await?,
            photo: shop.photo(),
            slug,
            name: shop.name,
            story_id: shop.story_id,
            story_en: shop.story_en,
            village_name: shop.village_name,
            village_slug: shop.village_slug,
            owner_verified: shop.owner_verified,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// 1–99 pieces.
#[cfg(feature = "ssr")]
fn quantity(text: &str) -> Result<i64, AppError> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|quantity| (1..=99).contains(quantity))
        .ok_or_else(|| AppError::field("quantity", "quantity_invalid"))
}

/// Puts a product (one variant) in the signed-in person's cart. A visitor is sent to sign in and comes
/// back to the product.
#[server(endpoint = "add_to_cart")]
pub async fn add_to_cart(
    product: String,
    variant_id: i64,
    quantity: String,
) -> Result<(), AppError> {
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
                    super::pending_cart::remember(variant_id, quantity);
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
        if !super::store::add_to_cart(
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
        Ok(())
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
        super::store::set_cart_quantity(&pool, actor.account_id, variant_id, quantity).await?;
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
        Ok(super::store::cart(&pool, actor.account_id).await?)
    }
    .await
    .map_err(AppError::with_status)
}

/// Places one order per shop in the cart with the buyer's choices (`choices[i][shop_id]`, …). Prices
/// and totals come from the database, never from the form.
#[server(endpoint = "checkout")]
pub async fn checkout(#[server(default)] choices: Vec<CheckoutChoice>) -> Result<(), AppError> {
    async move {
        use super::store::{CheckoutRefused, ShopChoice};
        use super::{Fulfilment, Payment};
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
                Fulfilment::Delivery => Some(
                    required_text("address", &choice.address, 10, 300)
                        .map_err(|_| AppError::field("address", "address_required"))?,
                ),
                _ => None,
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
                note,
            });
        }
        // One order per shop, so one code each, made before the transaction: without randomness the
        // checkout fails (it used to carry on with a predictable code).
        let mut fresh_codes = (0..checked.len())
            .map(|_| crate::kernel::codes::random_code::<8>())
            .collect::<Result<Vec<_>, _>>()?;
        let mut new_code = move || fresh_codes.pop().unwrap_or_default();
        let codes = match super::store::checkout(
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
        let order = super::store::find_order(&pool, &code)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let party = order
            .party_of(actor.account_id)
            .ok_or_else(|| AppError::Forbidden.with_status())?;
        let facts = order.facts()?;
        let url = format!(
            "{}/pasar/pesanan/{}",
            crate::ui::site::request_origin(),
            order.code
        );
        Ok(OrderPage {
            lines: super::store::order_lines(&pool, order.id).await?,
            timeline: super::store::timeline(&pool, order.id).await?,
            review: super::store::order_review(&pool, order.id).await?,
            moves: super::order_flow::available_moves(facts, party),
            shop_whatsapp_url: order.shop_whatsapp.as_deref().map(|number| {
                crate::akun::phone::whatsapp_link(
                    number,
                    &format!(
                        "Halo, tentang pesanan {} di Smart Kampung: {url}",
                        crate::kernel::codes::display_code(&order.code)
                    ),
                )
            }),
            buyer_phone: (party == super::Party::Seller).then(|| order.buyer_phone.clone()),
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
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Moves an order on (`to` = confirmed, declined, paid, ready, delivering, completed, cancelled), if the
/// caller's side may make that move now. `back` = "dasbor" returns to the seller's dashboard.
#[server(endpoint = "move_order")]
pub async fn move_order(
    code: String,
    to: String,
    #[server(default)] note: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    async move {
        use super::store::MoveError;
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let to = super::OrderStatus::from_code(&to)
            .ok_or_else(|| AppError::field("to", "order_move_not_now"))?;
        if note.chars().count() > 500 {
            return Err(AppError::field("note", "text_too_long"));
        }
        match super::store::move_order(
            &pool,
            &code,
            actor.account_id,
            to,
            &note,
            crate::db::now_unix(),
        )
        .await
        {
            Ok(()) => {}
            Err(MoveError::NotFound) => return Err(AppError::NotFound.with_status()),
            Err(MoveError::NotParty) => return Err(AppError::Forbidden.with_status()),
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
        Ok(super::store::buyer_orders(
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
        let order = super::store::find_order(&pool, &code)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        if order.party_of(actor.account_id) != Some(super::Party::Buyer) {
            return Err(AppError::Forbidden.with_status());
        }
        let stars = stars
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|stars| (1..=5).contains(stars))
            .ok_or_else(|| AppError::field("stars", "stars_invalid"))?;
        let body = required_text("body", &body, 3, 1000)?;
        if !super::store::add_review(&pool, &order, stars, &body, crate::db::now_unix()).await? {
            return Err(AppError::field("body", "review_not_possible"));
        }
        leptos_axum::redirect(&format!("/pasar/pesanan/{}?disimpan=ulasan", order.code));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The start of this month in WIB, as unix seconds.
#[cfg(feature = "ssr")]
fn month_start(now: i64) -> i64 {
    let today = crate::kernel::dates::CivilDate::of_unix_wib(now);
    crate::kernel::dates::CivilDate { day: 1, ..today }.at_wib(0)
}

/// `/pasar/saya`: the seller's dashboard, or the shop application for someone without a shop. Signed in.
#[server(endpoint = "get_seller_dashboard")]
pub async fn get_seller_dashboard(status: String) -> Result<SellerDashboard, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let home_village_name = match actor.home_village_id {
            Some(village_id) => Some(crate::akun::store::village_name(&pool, village_id).await?),
            None => None,
        };
        let Some((shop_id, shop)) = super::store::own_shop(&pool, actor.account_id).await? else {
            return Ok(SellerDashboard {
                shop: None,
                home_village_name,
                counts: Vec::new(),
                showing: None,
                orders: Vec::new(),
                products: Vec::new(),
                month_sales_rupiah: 0,
                month_orders: 0,
                best_sellers: Vec::new(),
            });
        };
        let showing = super::OrderStatus::from_code(&status);
        let (month_sales_rupiah, month_orders, best_sellers) =
            super::store::sales_since(&pool, shop_id, month_start(crate::db::now_unix())).await?;
        Ok(SellerDashboard {
            counts: super::store::shop_order_counts(&pool, shop_id).await?,
            orders: super::store::shop_orders(&pool, shop_id, showing).await?,
            products: super::store::my_products(&pool, shop_id).await?,
            shop: Some(shop),
            home_village_name,
            showing,
            month_sales_rupiah,
            month_orders,
            best_sellers,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Applies for a shop in one's home village, or edits one's shop (a rejected shop goes back to the
/// village). Signed in.
#[server(endpoint = "save_shop")]
pub async fn save_shop(
    name: String,
    story_id: String,
    story_en: Option<String>,
    whatsapp: String,
    pickup_address: String,
    offers_pickup_balai: Option<String>,
    delivery_fee: Option<String>,
    bank_account: Option<String>,
) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        if actor.home_village_id.is_none() {
            // A shop is listed under its village: a visitor adds their home village first.
            return Err(AppError::field("name", "home_village_needed"));
        }
        let pool = crate::db::pool()?;
        let name = required_text("name", &name, 3, 60)?;
        let story_id = required_text("story_id", &story_id, 20, 2000)?;
        let story_en = optional_text(story_en);
        if story_en
            .as_ref()
            .is_some_and(|story| story.chars().count() > 2000)
        {
            return Err(AppError::field("story_en", "text_too_long"));
        }
        let whatsapp = crate::akun::phone::normalize_mobile(&whatsapp)
            .map_err(|error| AppError::field("whatsapp", error.code()))?;
        let pickup_address = required_text("pickup_address", &pickup_address, 10, 300)?;
        let delivery_fee_rupiah = match optional_text(delivery_fee) {
            None => None,
            Some(text) => Some(
                crate::kernel::money::parse_rupiah(&text)
                    .filter(|fee| *fee <= 1_000_000)
                    .ok_or_else(|| AppError::field("delivery_fee", "price_invalid"))?,
            ),
        };
        let bank_account = optional_text(bank_account);
        if bank_account
            .as_ref()
            .is_some_and(|account| account.chars().count() > 120)
        {
            return Err(AppError::field("bank_account", "text_too_long"));
        }
        let fields = super::store::ShopFields {
            name,
            story_id,
            story_en,
            whatsapp,
            options: super::ShopOptions {
                pickup_address,
                offers_pickup_balai: offers_pickup_balai.is_some(),
                delivery_fee_rupiah,
                bank_account,
            },
        };
        match super::store::save_own_shop(&pool, actor.account_id, &fields, crate::db::now_unix())
            .await
        {
            Ok(_) => {}
            // Another shop has this slug's base and the suffixing lost a race: ask to retry.
            Err(error) => return Err(error.into()),
        }
        leptos_axum::redirect("/pasar/saya?disimpan=lapak");
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The caller's approved shop (id), or 403.
#[cfg(feature = "ssr")]
async fn my_approved_shop(pool: &sqlx::SqlitePool, account_id: i64) -> Result<i64, AppError> {
    match super::store::own_shop(pool, account_id).await? {
        Some((id, shop)) if shop.status == super::ShopStatus::Approved => Ok(id),
        _ => Err(AppError::Forbidden.with_status()),
    }
}

/// The product form's values (`slug` empty: a new product). The shop's owner only.
#[server(endpoint = "get_product_editor")]
pub async fn get_product_editor(slug: String) -> Result<ProductEditor, AppError> {
    async move {
        let actor = authorize(Rule::Seller).await?;
        let pool = crate::db::pool()?;
        let shop_id = my_approved_shop(&pool, actor.account_id).await?;
        if slug.is_empty() {
            return Ok(ProductEditor {
                status: "active".into(),
                unit: "pcs".into(),
                category: super::Category::BatikKain.code().into(),
                ..ProductEditor::default()
            });
        }
        let product = super::store::find_product(&pool, &slug)
            .await?
            .filter(|product| product.shop_id == shop_id)
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let variants = super::store::editor_variants(&pool, product.id).await?;
        let unnamed_stock = variants
            .iter()
            .find(|(_, name, _, _)| name.is_empty())
            .map(|(_, _, _, stock)| *stock);
        let discount = product.discount();
        Ok(ProductEditor {
            photos: super::store::product_photos(&pool, product.id).await?,
            variants: variants
                .into_iter()
                .filter(|(_, name, _, _)| !name.is_empty())
                .map(|(id, name, price, stock)| VariantInput {
                    id: id.to_string(),
                    name,
                    price: price.map(|price| price.to_string()).unwrap_or_default(),
                    stock: stock.to_string(),
                })
                .collect(),
            stock: unnamed_stock.unwrap_or(0).to_string(),
            discount_kind: discount
                .map(|d| d.kind_code().to_string())
                .unwrap_or_default(),
            discount_value: discount.map(|d| d.value().to_string()).unwrap_or_default(),
            slug: product.slug,
            title_id: product.title_id,
            title_en: product.title_en.unwrap_or_default(),
            description_id: product.description_id,
            description_en: product.description_en.unwrap_or_default(),
            category: product.category,
            price: product.price_rupiah.to_string(),
            unit: product.unit,
            status: product.status.code().to_string(),
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Creates or updates a product of the caller's shop, with its variants (`variants[i][name|price|stock|
/// id]`; rows without a name are ignored). Redirects to the product's editor.
#[server(endpoint = "save_product")]
pub async fn save_product(
    slug: String,
    title_id: String,
    title_en: Option<String>,
    description_id: String,
    description_en: Option<String>,
    category: String,
    price: String,
    unit: String,
    #[server(default)] stock: String,
    #[server(default)] discount_kind: String,
    #[server(default)] discount_value: String,
    status: String,
    #[server(default)] variants: Vec<VariantInput>,
) -> Result<(), AppError> {
    async move {
        use super::pricing::Discount;
        let actor = authorize(Rule::Seller).await?;
        let pool = crate::db::pool()?;
        let shop_id = my_approved_shop(&pool, actor.account_id).await?;
        let title_id = required_text("title_id", &title_id, 3, 120)?;
        let title_en = optional_text(title_en);
        let description_id = required_text("description_id", &description_id, 10, 4000)?;
        let description_en = optional_text(description_en);
        if title_en.as_ref().is_some_and(|t| t.chars().count() > 120) {
            return Err(AppError::field("title_en", "text_too_long"));
        }
        if description_en
            .as_ref()
            .is_some_and(|t| t.chars().count() > 4000)
        {
            return Err(AppError::field("description_en", "text_too_long"));
        }
        let category = super::Category::from_code(&category)
            .ok_or_else(|| AppError::field("category", "category_unknown"))?;
        // Empty reads as 0 (free) for Budaya; a product needs a price.
        let price_rupiah = crate::kernel::money::parse_rupiah(&price)
            .filter(|price| *price > 0)
            .ok_or_else(|| AppError::field("price", "price_invalid"))?;
        let unit = required_text("unit", &unit, 1, 20)?;
        let read_stock = |field: &'static str, text: &str| {
            text.trim()
                .parse::<i64>()
                .ok()
                .filter(|stock| (0..=100_000).contains(stock))
                .ok_or_else(|| AppError::field(field, "stock_invalid"))
        };
        let mut variant_fields = Vec::new();
        for row in variants.iter().filter(|row| !row.name.trim().is_empty()) {
            let name = required_text("variants", &row.name, 1, 40)?;
            let price = match row.price.trim() {
                "" => None,
                text => Some(
                    crate::kernel::money::parse_rupiah(text)
                        .filter(|price| *price > 0)
                        .ok_or_else(|| AppError::field("variants", "price_invalid"))?,
                ),
            };
            variant_fields.push(super::store::VariantFields {
                id: row.id.trim().parse().ok(),
                name,
                price_rupiah: price,
                stock: read_stock("variants", &row.stock)?,
            });
        }
        let stock = if variant_fields.is_empty() {
            read_stock("stock", &stock)?
        } else {
            0
        };
        let discount = match discount_kind.as_str() {
            "" => None,
            kind => {
                let value = discount_value
                    .trim()
                    .trim_end_matches('%')
                    .parse::<i64>()
                    .ok()
                    .or_else(|| crate::kernel::money::parse_rupiah(&discount_value))
                    .ok_or_else(|| AppError::field("discount_value", "discount_amount_invalid"))?;
                let discount = Discount::from_parts(Some(kind), Some(value))
                    .ok_or_else(|| AppError::field("discount_kind", "discount_amount_invalid"))?;
                let cheapest = variant_fields
                    .iter()
                    .filter_map(|variant| variant.price_rupiah)
                    .chain([price_rupiah])
                    .min()
                    .unwrap_or(price_rupiah);
                discount
                    .check(cheapest)
                    .map_err(|code| AppError::field("discount_value", code))?;
                Some(discount)
            }
        };
        let status = super::ProductStatus::from_code(&status)
            .ok_or_else(|| AppError::field("status", "status_unknown"))?;
        let fields = super::store::ProductFields {
            title_id,
            title_en,
            description_id,
            description_en,
            category,
            price_rupiah,
            unit,
            stock,
            discount,
            status,
            variants: variant_fields,
        };
        let existing = Some(slug.as_str()).filter(|slug| !slug.is_empty());
        let saved =
            super::store::save_product(&pool, shop_id, existing, &fields, crate::db::now_unix())
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?;
        leptos_axum::redirect(&format!("/pasar/saya/produk/{saved}?disimpan=produk"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Takes a photo off one of the caller's products.
#[server(endpoint = "remove_product_photo")]
pub async fn remove_product_photo(slug: String, photo_id: i64) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::Seller).await?;
        let pool = crate::db::pool()?;
        let shop_id = my_approved_shop(&pool, actor.account_id).await?;
        let product = super::store::find_product(&pool, &slug)
            .await?
            .filter(|product| product.shop_id == shop_id)
            .ok_or_else(|| AppError::NotFound.with_status())?;
        super::store::detach_product_photo(&pool, product.id, photo_id).await?;
        leptos_axum::redirect(&format!("/pasar/saya/produk/{slug}?disimpan=foto#foto"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}
