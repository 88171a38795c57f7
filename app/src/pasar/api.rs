//! Pasar server functions.

use leptos::prelude::*;

use super::{ProductCard, ShopPage};
use crate::error::AppError;

/// Active products, newest first, optionally of one village. Public.
#[server(endpoint = "list_products")]
pub async fn list_products(
    village: Option<String>,
    limit: u32,
) -> Result<Vec<ProductCard>, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let village = village.unwrap_or_default();
    Ok(super::store::list_active_products(&pool, &village, crate::db::list_limit(limit)).await?)
}

/// A shop's page: story, products, and the classes it runs. Public; an unknown or not yet approved shop
/// is 404.
#[server(endpoint = "get_shop")]
pub async fn get_shop(slug: String) -> Result<ShopPage, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let (id, name, story_id, story_en, village_name, village_slug, owner_verified) =
        super::store::find_shop(&pool, &slug)
            .await?
            .ok_or_else(|| AppError::NotFound.with_status())?;
    let workshops_query = crate::budaya::AgendaQuery {
        shop: slug.clone(),
        ..crate::budaya::AgendaQuery::default()
    };
    let now = crate::db::now_unix();
    let workshops = crate::budaya::store::agenda_sessions(
        &pool,
        &workshops_query,
        now,
        now + 366 * 86_400,
        6,
        0,
    )
    .await?;
    Ok(ShopPage {
        products: super::store::shop_products(&pool, id).await?,
        workshops,
        slug,
        name,
        story_id,
        story_en,
        village_name,
        village_slug,
        owner_verified,
    })
}
