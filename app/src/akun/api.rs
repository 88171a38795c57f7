//! Village server functions.

use leptos::prelude::*;

use super::{VillageProfile, VillageSummary};
use crate::error::AppError;

/// All villages on the platform. Public.
#[server(endpoint = "list_villages")]
pub async fn list_villages() -> Result<Vec<VillageSummary>, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    Ok(super::store::list_villages(&pool).await?)
}

/// One village's public profile; `NotFound` (HTTP 404) for an unknown slug. Public.
#[server(endpoint = "get_village")]
pub async fn get_village(slug: String) -> Result<VillageProfile, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    super::store::find_village(&pool, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}
