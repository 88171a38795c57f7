//! Layanan server functions.

use leptos::prelude::*;

use super::ServiceCard;
use crate::error::AppError;

/// A village's service catalogue (or all villages'). Public.
#[server(endpoint = "list_services")]
pub async fn list_services(
    village: Option<String>,
    limit: u32,
) -> Result<Vec<ServiceCard>, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let village = village.unwrap_or_default();
    Ok(super::store::list_services(&pool, &village, crate::db::list_limit(limit)).await?)
}
