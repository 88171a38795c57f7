//! Pasar data access (server only).

use sqlx::SqlitePool;

use crate::db::decode_code;

use super::{Category, ProductCard};

#[derive(sqlx::FromRow)]
struct ProductCardRow {
    slug: String,
    title_id: String,
    title_en: Option<String>,
    category: String,
    price_rupiah: i64,
    unit: String,
    stock: i64,
    shop_name: String,
    village_name: String,
    village_slug: String,
}

/// Active products, newest first; `village_slug` empty means every village.
pub async fn list_active_products(
    pool: &SqlitePool,
    village_slug: &str,
    limit: i64,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    active_products(pool, village_slug, None, limit).await
}

/// Active products of approved shops, newest first, of one village and/or one shop.
async fn active_products(
    pool: &SqlitePool,
    village_slug: &str,
    shop_id: Option<i64>,
    limit: i64,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let rows = sqlx::query_as::<_, ProductCardRow>(
        "SELECT p.slug, p.title_id, p.title_en, p.category, p.price_rupiah, p.unit, p.stock,
                s.name AS shop_name, v.name AS village_name, v.slug AS village_slug
         FROM products p
         JOIN shops s ON s.id = p.shop_id
         JOIN villages v ON v.id = s.village_id
         WHERE p.status = 'active' AND s.status = 'approved' AND ($1 = '' OR v.slug = $1)
           AND ($2 IS NULL OR s.id = $2)
         ORDER BY p.created_at DESC, p.id DESC
         LIMIT $3",
    )
    .bind(village_slug)
    .bind(shop_id)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let category = decode_code("product category", &row.category, Category::from_code)?;
            Ok(ProductCard {
                slug: row.slug,
                title_id: row.title_id,
                title_en: row.title_en,
                category,
                price_rupiah: row.price_rupiah,
                unit: row.unit,
                stock: row.stock,
                shop_name: row.shop_name,
                village_name: row.village_name,
                village_slug: row.village_slug,
            })
        })
        .collect()
}

/// An approved shop: `(id, name, story_id, story_en, village name, village slug, owner verified)`.
pub async fn find_shop(
    pool: &SqlitePool,
    slug: &str,
) -> Result<Option<(i64, String, String, Option<String>, String, String, bool)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id, s.name, s.story_id, s.story_en, v.name, v.slug,
                EXISTS (SELECT 1 FROM resident_verifications rv
                        WHERE rv.account_id = s.owner_account_id AND rv.status = 'verified')
         FROM shops s JOIN villages v ON v.id = s.village_id
         WHERE s.slug = $1 AND s.status = 'approved'",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await
}

/// A shop's active products, newest first.
pub async fn shop_products(
    pool: &SqlitePool,
    shop_id: i64,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    active_products(pool, "", Some(shop_id), 48).await
}
