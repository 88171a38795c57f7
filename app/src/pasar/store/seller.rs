//! A seller's own shop and products: the profile, the product editor and its variants.

use super::catalog::{discounted_sql, CARD_FROM, MIN_BASE_PRICE};
use crate::db::Db;
use crate::media::PhotoRef;
use crate::pasar::{Category, Discount, MyProduct, MyShop, ProductStatus, ShopOptions, ShopStatus};

/// A shop's courier rules from `shops.shipping` (`None`: no courier, or a document this version cannot
/// read, which is logged and treated as none rather than failing every page of the shop).
pub(crate) fn read_shipping(column: Option<&str>) -> Option<crate::pasar::ShippingRules> {
    let text = column?;
    match serde_json::from_str(text) {
        Ok(rules) => Some(rules),
        Err(error) => {
            tracing::warn!(%error, "shops.shipping unreadable");
            None
        }
    }
}

/// The shop owned by an account (any status).
pub async fn own_shop(pool: &Db, account_id: i64) -> Result<Option<(i64, MyShop)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        slug: String,
        name: String,
        pending_name: Option<String>,
        status: ShopStatus,
        story_id: String,
        story_en: Option<String>,
        whatsapp: Option<String>,
        pickup_address: String,
        offers_pickup_balai: bool,
        delivery_fee_rupiah: Option<i64>,
        bank_account: Option<String>,
        shipping: Option<String>,
        has_qris: bool,
        village_name: String,
        photo_id: Option<i64>,
        photo_key: Option<String>,
        photo_widths: Option<String>,
    }
    let row: Option<Row> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT s.id, s.slug, s.name, s.pending_name, s.status, s.story_id, s.story_en, s.whatsapp, s.pickup_address,
                s.offers_pickup_balai, s.delivery_fee_rupiah, s.bank_account, s.shipping,
                s.qris_photo_id IS NOT NULL AS has_qris, v.name AS village_name,
                ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths
         FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN photos ph ON ph.id = s.photo_id
         WHERE s.owner_account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(c).await
    })?;
    Ok(row.map(|row| {
        (
            row.id,
            MyShop {
                slug: row.slug,
                name: row.name,
                pending_name: row.pending_name,
                status: row.status,
                story_id: row.story_id,
                story_en: row.story_en,
                whatsapp: row.whatsapp.unwrap_or_default(),
                options: ShopOptions {
                    pickup_address: row.pickup_address,
                    offers_pickup_balai: row.offers_pickup_balai,
                    delivery_fee_rupiah: row.delivery_fee_rupiah,
                    bank_account: row.bank_account,
                    shipping: read_shipping(row.shipping.as_deref()),
                    qris: row.has_qris,
                },
                photo: PhotoRef::from_columns(row.photo_id, row.photo_key, row.photo_widths),
                village_name: row.village_name,
            },
        )
    }))
}

/// What the shop form sets.
pub struct ShopFields {
    pub name: String,
    pub story_id: String,
    pub story_en: Option<String>,
    pub whatsapp: String,
    pub options: ShopOptions,
}

/// Creates the account's shop application in its home village, or updates its shop. A rejected shop
/// that is changed goes back to the village for a new decision. Returns the shop's slug.
pub async fn save_own_shop(
    pool: &Db,
    account_id: i64,
    fields: &ShopFields,
    now: i64,
) -> Result<String, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let existing: Option<(i64, String)> = crate::on_db!(&mut tx, |c| sqlx::query_as(
        "SELECT id, slug FROM shops WHERE owner_account_id = $1"
    )
    .bind(account_id)
    .fetch_optional(c)
    .await)?;
    let slug = match existing {
        Some((id, slug)) => {
            crate::on_db!(&mut tx, |c| {
                sqlx::query(
                // An approved shop keeps its reviewed name in public until the village approves the new
                // one (a rename would otherwise pass off a verified shop as another).
                "UPDATE shops SET
                        name = CASE WHEN status = 'approved' THEN name ELSE $1 END,
                        pending_name = CASE WHEN status = 'approved' AND name <> $1 THEN $1 ELSE NULL END,
                        story_id = $2, story_en = $3, whatsapp = $4, pickup_address = $5,
                        offers_pickup_balai = $6, delivery_fee_rupiah = $7, bank_account = $8,
                        status = CASE status WHEN 'rejected' THEN 'pending' ELSE status END
                 WHERE id = $9",
            )
            .bind(&fields.name)
            .bind(&fields.story_id)
            .bind(&fields.story_en)
            .bind(&fields.whatsapp)
            .bind(&fields.options.pickup_address)
            .bind(fields.options.offers_pickup_balai)
            .bind(fields.options.delivery_fee_rupiah)
            .bind(&fields.options.bank_account)
            .bind(id)
            .execute(c).await.map(crate::db::Done::from)
            })?;
            slug
        }
        None => {
            let base = crate::kernel::text::slugify(&fields.name);
            let slug = unique_slug(&mut tx, "shops", &base).await?;
            crate::on_db!(&mut tx, |c| {
                sqlx::query(
                "INSERT INTO shops (village_id, slug, name, story_id, story_en, owner_account_id, status,
                                    whatsapp, pickup_address, offers_pickup_balai, delivery_fee_rupiah,
                                    bank_account, created_at)
                 SELECT home_village_id, $1, $2, $3, $4, id, 'pending', $5, $6, $7, $8, $9, $10
                 FROM accounts WHERE id = $11",
            )
            .bind(&slug)
            .bind(&fields.name)
            .bind(&fields.story_id)
            .bind(&fields.story_en)
            .bind(&fields.whatsapp)
            .bind(&fields.options.pickup_address)
            .bind(fields.options.offers_pickup_balai)
            .bind(fields.options.delivery_fee_rupiah)
            .bind(&fields.options.bank_account)
            .bind(now)
            .bind(account_id)
            .execute(c).await.map(crate::db::Done::from)
            })?;
            slug
        }
    };
    tx.commit().await?;
    Ok(slug)
}

pub async fn set_shop_photo(pool: &Db, shop_id: i64, photo_id: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE shops SET photo_id = $1 WHERE id = $2"
    )
    .bind(photo_id)
    .bind(shop_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// Sets (or, with `None`, stops) the shop's courier shipping.
pub async fn set_shop_shipping(
    pool: &Db,
    shop_id: i64,
    rules: Option<&crate::pasar::ShippingRules>,
) -> Result<(), sqlx::Error> {
    let document = rules.map(|rules| serde_json::to_string(rules).unwrap_or_default());
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE shops SET shipping = $1 WHERE id = $2"
    )
    .bind(&document)
    .bind(shop_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// Sets (or, with `None`, removes) the shop's QRIS code.
pub async fn set_shop_qris(
    pool: &Db,
    shop_id: i64,
    photo_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE shops SET qris_photo_id = $1 WHERE id = $2"
    )
    .bind(photo_id)
    .bind(shop_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// The photo of a shop's QRIS code, if it has one.
pub async fn shop_qris_photo(pool: &Db, shop_id: i64) -> Result<Option<i64>, sqlx::Error> {
    let photo: Option<Option<i64>> = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT qris_photo_id FROM shops WHERE id = $1"
    )
    .bind(shop_id)
    .fetch_optional(c)
    .await)?;
    Ok(photo.flatten())
}

/// `base`, or `base-2`, `base-3`… whichever is free in `table` (shops or products).
async fn unique_slug(
    tx: &mut crate::db::Tx,
    table: &'static str,
    base: &str,
) -> Result<String, sqlx::Error> {
    let mut slug = base.to_string();
    let mut suffix = 2;
    while crate::on_db!(&mut *tx, |c| sqlx::query_scalar::<_, i64>(&format!(
        "SELECT COUNT(*) FROM {table} WHERE slug = $1"
    ))
    .bind(&slug)
    .fetch_one(c)
    .await)?
        > 0
    {
        slug = format!("{base}-{suffix}");
        suffix += 1;
    }
    Ok(slug)
}

pub async fn my_products(pool: &Db, shop_id: i64) -> Result<Vec<MyProduct>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        slug: String,
        title_id: String,
        status: ProductStatus,
        price: i64,
        stock: i64,
        photo_id: Option<i64>,
        photo_key: Option<String>,
        photo_widths: Option<String>,
    }
    let rows: Vec<Row> = crate::on_db!(pool, |c| {
        sqlx::query_as(&format!(
        "SELECT p.slug, p.title_id, p.status, {price} AS price, p.stock,
                ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths
         {CARD_FROM} WHERE p.shop_id = $1
         ORDER BY CASE p.status WHEN 'active' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, p.created_at DESC",
        price = discounted_sql(&format!("COALESCE({MIN_BASE_PRICE}, p.price_rupiah)")),
    ))
    .bind(shop_id)
    .fetch_all(c).await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| MyProduct {
            slug: row.slug,
            title_id: row.title_id,
            status: row.status,
            price_rupiah: row.price,
            stock: row.stock,
            photo: PhotoRef::from_columns(row.photo_id, row.photo_key, row.photo_widths),
        })
        .collect())
}

/// A variant as the seller edits it.
pub struct VariantFields {
    pub id: Option<i64>,
    pub name: String,
    pub price_rupiah: Option<i64>,
    pub stock: i64,
}

/// What the product form sets. `variants` empty: the product has no choices and `stock` is its stock.
pub struct ProductFields {
    pub title_id: String,
    pub title_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub category: Category,
    pub price_rupiah: i64,
    pub unit: String,
    pub stock: i64,
    pub discount: Option<Discount>,
    pub status: ProductStatus,
    pub variants: Vec<VariantFields>,
    /// Grams of one unit (postage by weight).
    pub weight_grams: Option<i64>,
}

/// Creates (`slug` None) or updates one of the shop's products with its variants; returns the slug.
/// Variants that disappear from the form are switched off, never deleted (orders point at them).
pub async fn save_product(
    pool: &Db,
    shop_id: i64,
    slug: Option<&str>,
    fields: &ProductFields,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let (product_id, slug) = match slug {
        Some(slug) => {
            let Some(id) = crate::on_db!(&mut tx, |c| sqlx::query_scalar::<_, i64>(
                "SELECT id FROM products WHERE slug = $1 AND shop_id = $2",
            )
            .bind(slug)
            .bind(shop_id)
            .fetch_optional(c)
            .await)?
            else {
                return Ok(None);
            };
            (id, slug.to_string())
        }
        None => {
            let base = crate::kernel::text::slugify(&fields.title_id);
            let slug = unique_slug(&mut tx, "products", &base).await?;
            let id: i64 = crate::on_db!(&mut tx, |c| {
                sqlx::query_scalar(
                "INSERT INTO products (shop_id, slug, title_id, category, price_rupiah, unit, stock, status,
                                       created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 0, 'draft', $7, $7) RETURNING id",
            )
            .bind(shop_id)
            .bind(&slug)
            .bind(&fields.title_id)
            .bind(fields.category.code())
            .bind(fields.price_rupiah)
            .bind(&fields.unit)
            .bind(now)
            .fetch_one(c).await
            })?;
            (id, slug)
        }
    };
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "UPDATE products SET title_id = $1, title_en = $2, description_id = $3, description_en = $4,
                category = $5, price_rupiah = $6, unit = $7, discount_kind = $8, discount_value = $9,
                status = $10, updated_at = $11, weight_grams = $13, search_stems = $14
         WHERE id = $12",
    )
    .bind(&fields.title_id)
    .bind(&fields.title_en)
    .bind(&fields.description_id)
    .bind(&fields.description_en)
    .bind(fields.category.code())
    .bind(fields.price_rupiah)
    .bind(&fields.unit)
    .bind(fields.discount.map(Discount::kind_code))
    .bind(fields.discount.map(Discount::value))
    .bind(fields.status)
    .bind(now)
    .bind(product_id)
    .bind(fields.weight_grams)
    .bind(crate::pasar::search::stems_of_product(
        &fields.title_id,
        fields.title_en.as_deref(),
        &fields.description_id,
        fields.description_en.as_deref(),
    ))
    .execute(c).await.map(crate::db::Done::from)
    })?;
    // Switch everything off, then switch on (and update) what the form lists.
    crate::on_db!(&mut tx, |c| sqlx::query(
        "UPDATE product_variants SET is_active = FALSE WHERE product_id = $1"
    )
    .bind(product_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    let unnamed = [VariantFields {
        id: None,
        name: String::new(),
        price_rupiah: None,
        stock: fields.stock,
    }];
    let rows = if fields.variants.is_empty() {
        &unnamed[..]
    } else {
        &fields.variants[..]
    };
    for (position, variant) in rows.iter().enumerate() {
        // An existing row of this product: by its id, or (the unnamed one) by its empty name.
        let existing: Option<i64> = crate::on_db!(&mut tx, |c| sqlx::query_scalar(
            "SELECT id FROM product_variants WHERE product_id = $1
               AND (id = $2 OR ($2 IS NULL AND name_id = $3)) LIMIT 1",
        )
        .bind(product_id)
        .bind(variant.id)
        .bind(&variant.name)
        .fetch_optional(c)
        .await)?;
        match existing {
            Some(id) => {
                crate::on_db!(&mut tx, |c| {
                    sqlx::query(
                    "UPDATE product_variants SET name_id = $1, price_rupiah = $2, stock = $3, is_active = TRUE,
                            position = $4 WHERE id = $5",
                )
                .bind(&variant.name)
                .bind(variant.price_rupiah)
                .bind(variant.stock)
                .bind(position as i64)
                .bind(id)
                .execute(c).await.map(crate::db::Done::from)
                })?;
            }
            None => {
                crate::on_db!(&mut tx, |c| {
                    sqlx::query(
                    "INSERT INTO product_variants (product_id, name_id, price_rupiah, stock, position)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(product_id)
                .bind(&variant.name)
                .bind(variant.price_rupiah)
                .bind(variant.stock)
                .bind(position as i64)
                .execute(c).await.map(crate::db::Done::from)
                })?;
            }
        }
    }
    // Switched-off variants leave the carts they were in.
    crate::on_db!(&mut tx, |c| sqlx::query(
        "DELETE FROM cart_items WHERE variant_id IN
           (SELECT id FROM product_variants WHERE product_id = $1 AND NOT is_active)",
    )
    .bind(product_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    tx.commit().await?;
    Ok(Some(slug))
}

/// The variants as the form shows them (the unnamed one is the form's plain "stock").
pub async fn editor_variants(
    pool: &Db,
    product_id: i64,
) -> Result<Vec<(i64, String, Option<i64>, i64)>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, name_id, price_rupiah, stock FROM product_variants
         WHERE product_id = $1 AND is_active ORDER BY position, id",
    )
    .bind(product_id)
    .fetch_all(c)
    .await)
}

// ---------------------------------------------------------------------------------------------------
// Cart
