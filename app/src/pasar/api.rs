//! Pasar server functions.

use leptos::prelude::*;

use super::ProductCard;
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
