//! Pengaduan server functions. A complaint goes to the author's home village; it is seen by its author
//! and that village's staff (or an admin) only — never public, since it may name neighbours or officials.

use leptos::prelude::*;

use super::{ComplaintInbox, ComplaintPage, ComplaintSummary};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::{ComplaintCategory, ComplaintStatus};
#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Actor, Rule};

/// Sends a complaint or an aspiration to the resident's village (`category` code, `body`, optional
/// `location` text); a photo can be added on the next page. Signed in; rate-limited per account and per
/// address. Redirects to the complaint's page.
#[server(endpoint = "submit_complaint")]
pub async fn submit_complaint(
    category: String,
    body: String,
    #[server(default)] location: String,
) -> Result<(), AppError> {
    use super::complaint_flow::{COMPLAINTS_PER_ACCOUNT_PER_DAY, COMPLAINTS_PER_IP_PER_HOUR};
    use crate::akun::rate_limit::{hit, Limit};
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let category = ComplaintCategory::from_code(category.trim())
            .ok_or_else(|| AppError::field("category", "choice_required"))?;
        let body = crate::kernel::text::required_text("body", &body, 15, 2000)?;
        let location = location.trim();
        if location.chars().count() > 200 {
            return Err(AppError::field("location", "text_too_long"));
        }
        let now = crate::db::now_unix();
        hit(
            &pool,
            &[
                Limit::per_account(
                    "complaint",
                    actor.account_id,
                    COMPLAINTS_PER_ACCOUNT_PER_DAY,
                    86_400,
                ),
                Limit::per_ip("complaint", COMPLAINTS_PER_IP_PER_HOUR, 3600),
            ],
            now,
        )
        .await?;
        let code = crate::kernel::codes::random_code::<8>()?;
        super::store::complaints::insert_complaint(
            &pool,
            &super::store::complaints::NewComplaint {
                code: &code,
                village_id: actor
                    .home_village_id
                    .ok_or_else(|| AppError::field("category", "home_village_needed"))?,
                account_id: actor.account_id,
                category,
                body: &body,
                location,
            },
            now,
        )
        .await?;
        leptos_axum::redirect(&format!("/layanan/pengaduan/{code}?disimpan=diterima"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Whether `actor` may see a complaint, and as whom: (is author, is the village's staff).
#[cfg(feature = "ssr")]
pub(crate) fn complaint_parts(
    actor: &Actor,
    complaint: &super::store::complaints::ComplaintRow,
) -> Option<(bool, bool)> {
    let is_author = actor.account_id == complaint.account_id;
    let is_staff = actor.may(&Rule::VillageStaff {
        village_id: complaint.village_id,
    });
    (is_author || is_staff).then_some((is_author, is_staff))
}

/// One complaint with its replies. Its author and the village's staff.
#[server(endpoint = "get_complaint")]
pub async fn get_complaint(code: String) -> Result<ComplaintPage, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let code = crate::kernel::codes::normalize_code(&code).ok_or(AppError::NotFound)?;
        let complaint = super::store::complaints::find_complaint(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        let (is_author, is_staff) =
            complaint_parts(&actor, &complaint).ok_or(AppError::Forbidden)?;
        Ok(ComplaintPage {
            category: complaint.category()?,
            status: complaint.status()?,
            replies: super::store::complaints::complaint_replies(&pool, complaint.id).await?,
            has_photo: complaint.photo_id.is_some(),
            code: complaint.code,
            body: complaint.body,
            location: complaint.location,
            village_name: complaint.village_name,
            village_slug: complaint.village_slug,
            author_name: complaint.author_name,
            created_at: complaint.created_at,
            is_author,
            is_staff,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// A reply under a complaint: the staff may move it on (`status` = a later status code, or empty); the
/// author may answer back. Redirects to the complaint (or to `back`, an inbox).
#[server(endpoint = "reply_complaint")]
pub async fn reply_complaint(
    code: String,
    body: String,
    #[server(default)] status: String,
) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let complaint = super::store::complaints::find_complaint(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        let (_, is_staff) = complaint_parts(&actor, &complaint).ok_or(AppError::Forbidden)?;
        let status = match status.trim() {
            "" => None,
            code => {
                let to = ComplaintStatus::from_code(code)
                    .ok_or_else(|| AppError::field("status", "choice_required"))?;
                if !is_staff {
                    return Err(AppError::Forbidden);
                }
                if !complaint.status()?.may_move_to(to) {
                    return Err(AppError::field("status", "complaint_move_not_now"));
                }
                Some(to)
            }
        };
        let body = crate::kernel::text::required_text("body", &body, 2, 2000)?;
        super::store::complaints::add_reply(
            &pool,
            &complaint,
            actor.account_id,
            is_staff,
            &body,
            status,
            crate::db::now_unix(),
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/layanan/pengaduan/{}?disimpan=balasan",
            complaint.code
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The signed-in person's complaints, latest activity first.
#[server(endpoint = "list_my_complaints")]
pub async fn list_my_complaints() -> Result<Vec<ComplaintSummary>, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        Ok(super::store::complaints::my_complaints(&pool, actor.account_id).await?)
    }
    .await
    .map_err(AppError::with_status)
}

/// A village's complaints (`status` empty: all), with counts. That village's staff (or an admin).
#[server(endpoint = "get_complaint_inbox")]
pub async fn get_complaint_inbox(slug: String, status: String) -> Result<ComplaintInbox, AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let showing = ComplaintStatus::from_code(&status);
        Ok(ComplaintInbox {
            village_name: crate::akun::store::village_name(&pool, village_id).await?,
            counts: super::store::complaints::village_complaint_counts(&pool, village_id).await?,
            complaints: super::store::complaints::village_complaints(&pool, village_id, showing)
                .await?,
            showing,
        })
    }
    .await
    .map_err(AppError::with_status)
}
