//! Notification server functions.

use leptos::prelude::*;

use super::{Notification, OutboxMessage};
use crate::error::AppError;

/// The signed-in person's latest notifications. Signed-in only; always their own.
#[server(endpoint = "list_my_notifications")]
pub async fn list_my_notifications() -> Result<Vec<Notification>, AppError> {
    let actor = crate::akun::access::authorize(crate::akun::access::Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    Ok(super::store::list_notifications(&pool, actor.account_id, 50).await?)
}

/// Marks all of the person's notifications read. Signed-in only; always their own.
#[server(endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let actor = crate::akun::access::authorize(crate::akun::access::Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    super::store::mark_all_read(&pool, actor.account_id, crate::db::now_unix()).await?;
    Ok(())
}

/// The latest messages to phones, bodies included (the recording sender's only reader). Admin kabupaten
/// only: reset codes are in there.
#[server(endpoint = "list_outbox")]
pub async fn list_outbox() -> Result<Vec<OutboxMessage>, AppError> {
    crate::akun::access::authorize(crate::akun::access::Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    Ok(super::store::list_outbox(&pool, 100).await?)
}
