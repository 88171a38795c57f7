//! Server functions of selling: the seller's dashboard, the shop profile, the product editor.

#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Rule};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::kernel::text::optional_text;
#[cfg(feature = "ssr")]
use crate::kernel::text::required_text;
use crate::pasar::{ProductEditor, SellerDashboard, VariantInput};
use leptos::prelude::*;

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
        let Some((shop_id, shop)) = crate::pasar::store::own_shop(&pool, actor.account_id).await?
        else {
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
        let showing = crate::pasar::OrderStatus::from_code(&status);
        let (month_sales_rupiah, month_orders, best_sellers) =
            crate::pasar::store::sales_since(&pool, shop_id, month_start(crate::db::now_unix()))
                .await?;
        Ok(SellerDashboard {
            counts: crate::pasar::store::shop_order_counts(&pool, shop_id).await?,
            orders: crate::pasar::store::shop_orders(&pool, shop_id, showing).await?,
            products: crate::pasar::store::my_products(&pool, shop_id).await?,
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
        let fields = crate::pasar::store::ShopFields {
            name,
            story_id,
            story_en,
            whatsapp,
            options: crate::pasar::ShopOptions {
                pickup_address,
                offers_pickup_balai: offers_pickup_balai.is_some(),
                delivery_fee_rupiah,
                bank_account,
                // Set by their own forms (shipping, QRIS), not this one.
                shipping: None,
                qris: false,
            },
        };
        match crate::pasar::store::save_own_shop(
            &pool,
            actor.account_id,
            &fields,
            crate::db::now_unix(),
        )
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

/// Sets how the caller's shop ships by courier (`shipping[couriers][i]`, `shipping[kind]` flat or
/// weight, `shipping[flat]`, `shipping[bands][i][up_to_grams|rupiah]`, `shipping[abroad_per_kg]`); no
/// courier ticked stops courier shipping. The shop's owner.
#[server(endpoint = "save_shipping")]
pub async fn save_shipping(
    #[server(default)] shipping: crate::pasar::shipping::ShippingInput,
) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let shop_id = my_shop(&pool, actor.account_id).await?;
        let rules = shipping
            .read()
            .map_err(|(field, code)| AppError::field(field, code))?;
        crate::pasar::store::set_shop_shipping(&pool, shop_id, rules.as_ref()).await?;
        leptos_axum::redirect("/pasar/saya?disimpan=pengiriman#pengiriman");
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Removes the caller's shop's QRIS code (buyers can no longer choose QRIS; orders already paid by it
/// keep their proofs).
#[server(endpoint = "remove_qris")]
pub async fn remove_qris() -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let shop_id = my_shop(&pool, actor.account_id).await?;
        crate::pasar::store::set_shop_qris(&pool, shop_id, None).await?;
        leptos_axum::redirect("/pasar/saya?disimpan=qris#qris");
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The caller's shop (id, any status), or 403.
#[cfg(feature = "ssr")]
async fn my_shop(pool: &crate::db::Db, account_id: i64) -> Result<i64, AppError> {
    match crate::pasar::store::own_shop(pool, account_id).await? {
        Some((id, _)) => Ok(id),
        None => Err(AppError::Forbidden.with_status()),
    }
}

/// The caller's approved shop (id), or 403.
#[cfg(feature = "ssr")]
async fn my_approved_shop(pool: &crate::db::Db, account_id: i64) -> Result<i64, AppError> {
    match crate::pasar::store::own_shop(pool, account_id).await? {
        Some((id, shop)) if shop.status == crate::pasar::ShopStatus::Approved => Ok(id),
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
                category: crate::pasar::Category::BatikKain.code().into(),
                ..ProductEditor::default()
            });
        }
        let product = crate::pasar::store::find_product(&pool, &slug)
            .await?
            .filter(|product| product.shop_id == shop_id)
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let variants = crate::pasar::store::editor_variants(&pool, product.id).await?;
        let unnamed_stock = variants
            .iter()
            .find(|(_, name, _, _)| name.is_empty())
            .map(|(_, _, _, stock)| *stock);
        let discount = product.discount();
        Ok(ProductEditor {
            photos: crate::pasar::store::product_photos(&pool, product.id).await?,
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
            weight: product
                .weight_grams
                .map(|grams| grams.to_string())
                .unwrap_or_default(),
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
    #[server(default)] weight: String,
) -> Result<(), AppError> {
    async move {
        use crate::pasar::pricing::Discount;
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
        let category = crate::pasar::Category::from_code(&category)
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
            variant_fields.push(crate::pasar::store::VariantFields {
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
        let status = crate::pasar::ProductStatus::from_code(&status)
            .ok_or_else(|| AppError::field("status", "status_unknown"))?;
        let weight_grams = crate::pasar::shipping::parse_grams(&weight)
            .map_err(|code| AppError::field("weight", code))?;
        let fields = crate::pasar::store::ProductFields {
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
            weight_grams,
        };
        let existing = Some(slug.as_str()).filter(|slug| !slug.is_empty());
        let saved = crate::pasar::store::save_product(
            &pool,
            shop_id,
            existing,
            &fields,
            crate::db::now_unix(),
        )
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
        let product = crate::pasar::store::find_product(&pool, &slug)
            .await?
            .filter(|product| product.shop_id == shop_id)
            .ok_or_else(|| AppError::NotFound.with_status())?;
        crate::pasar::store::detach_product_photo(&pool, product.id, photo_id).await?;
        leptos_axum::redirect(&format!("/pasar/saya/produk/{slug}?disimpan=foto#foto"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}
