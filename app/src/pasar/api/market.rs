//! Server functions of the market as buyers browse it: the market page, a product, a shop.

use crate::error::AppError;
use crate::pasar::{MarketPage, MarketQuery, ProductCard, ProductPage, ShopPage};
use leptos::prelude::*;

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
            crate::pasar::store::list_active_products(
                &pool,
                &village,
                crate::db::list_limit(limit),
            )
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
        let (filter, ignored) = crate::pasar::market_filter::MarketFilter::read(&query);
        let page = query.page.clamp(1, 500);
        let (products, total) = crate::pasar::store::market(
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
            page_count: ((total.min(crate::pasar::store::MARKET_COUNT_CAP) + MARKET_PAGE_SIZE - 1)
                / MARKET_PAGE_SIZE) as u32,
            ignored,
            villages,
            sort: filter.effective_sort(),
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Shops per directory page.
pub const DIRECTORY_PAGE_SIZE: i64 = 24;

/// `/pasar/toko`: approved shops by name, filtered by village (slug) and by the category of what they
/// sell. Public. An unknown category is ignored (every shop), an unknown village lists none.
#[server(endpoint = "get_shop_directory")]
pub async fn get_shop_directory(
    #[server(default)] village: String,
    #[server(default)] category: String,
    #[server(default)] page: u32,
) -> Result<crate::pasar::ShopDirectory, AppError> {
    async move {
        crate::akun::access::public();
        let pool = crate::db::pool()?;
        let category_filter = crate::pasar::Category::from_code(&category);
        let village = village.trim().to_string();
        let page = page.clamp(1, 1000);
        let (shops, total) = crate::pasar::store::shop_directory(
            &pool,
            Some(village.as_str()).filter(|village| !village.is_empty()),
            category_filter,
            DIRECTORY_PAGE_SIZE,
            i64::from(page - 1) * DIRECTORY_PAGE_SIZE,
        )
        .await?;
        let villages = crate::akun::store::list_villages(&pool)
            .await?
            .into_iter()
            .map(|village| (village.slug, village.name))
            .collect();
        Ok(crate::pasar::ShopDirectory {
            shops,
            total,
            page,
            page_count: ((total + DIRECTORY_PAGE_SIZE - 1) / DIRECTORY_PAGE_SIZE).max(1) as u32,
            villages,
            village,
            category: category_filter
                .map(|category| category.code().to_string())
                .unwrap_or_default(),
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
        let product = crate::pasar::store::find_product(&pool, &slug)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        let actor = crate::akun::access::current_actor().await?;
        let is_owner = actor
            .as_ref()
            .is_some_and(|actor| product.owner_account_id == Some(actor.account_id));
        let on_sale = product.status == crate::pasar::ProductStatus::Active
            && product.shop_status == crate::pasar::ShopStatus::Approved;
        if !on_sale && !is_owner {
            return Err(AppError::NotFound.with_status());
        }
        let shop = crate::pasar::store::find_shop(&pool, &product.shop_slug).await?;
        let canonical_url = format!(
            "{}/pasar/produk/{}",
            crate::kernel::site::request_origin(),
            product.slug
        );
        let seller = match &shop {
            Some(shop) => crate::pasar::SellerCard {
                slug: shop.slug.clone(),
                name: shop.name.clone(),
                village_name: shop.village_name.clone(),
                village_slug: shop.village_slug.clone(),
                owner_verified: shop.owner_verified,
                rating: crate::pasar::store::shop_rating(&pool, shop.id).await?,
                photo: shop.photo(),
                whatsapp_url: whatsapp_for_product(
                    shop.whatsapp.as_deref(),
                    &product.title_id,
                    &canonical_url,
                ),
                reach: shop.reach(),
            },
            // The owner previewing a product of a shop still waiting for approval.
            None => crate::pasar::SellerCard {
                slug: product.shop_slug.clone(),
                name: String::new(),
                village_name: String::new(),
                village_slug: String::new(),
                owner_verified: false,
                rating: None,
                photo: None,
                whatsapp_url: None,
                reach: None,
            },
        };
        let reviews =
            crate::pasar::store::reviews(&pool, product.shop_id, Some(product.id), 20).await?;
        let rating = {
            let count = reviews.len() as i64;
            let sum: i64 = reviews.iter().map(|review| review.stars).sum();
            crate::pasar::Rating::from_average(
                (count > 0).then(|| sum as f64 / count as f64),
                count,
            )
        };
        Ok(ProductPage {
            category: crate::db::decode_code(
                "product category",
                &product.category,
                crate::pasar::Category::from_code,
            )?,
            variants: crate::pasar::store::variants(&pool, &product).await?,
            photos: crate::pasar::store::product_photos(&pool, product.id).await?,
            more_from_shop: crate::pasar::store::shop_products(
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
        let shop = crate::pasar::store::find_shop(&pool, &slug)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
        Ok(ShopPage {
            products: crate::pasar::store::shop_products(&pool, shop.id, None, 48).await?,
            rating: crate::pasar::store::shop_rating(&pool, shop.id).await?,
            reviews: crate::pasar::store::reviews(&pool, shop.id, None, 10).await?,
            photo: shop.photo(),
            reach: shop.reach(),
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
