//! Budaya server functions.

use leptos::prelude::*;

use super::EventCard;
use crate::error::AppError;

/// What's on: events not yet over, soonest first, optionally of one village. Public.
#[server(endpoint = "list_upcoming_events")]
pub async fn list_upcoming_events(
    village: Option<String>,
    limit: u32,
) -> Result<Vec<EventCard>, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let village = village.unwrap_or_default();
    let now = crate::db::now_unix();
    Ok(
        super::store::list_upcoming_events(&pool, &village, now, crate::db::list_limit(limit))
            .await?,
    )
}
