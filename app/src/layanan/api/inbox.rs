//! Server functions of request lists: the resident's, the village's and kecamatan's inboxes, a day's
//! visits, and the public check of a letter.

#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Rule};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::layanan::request_flow::RequestStatus;
use crate::layanan::{Inbox, LetterVerification, RequestSummary, VisitDay};
use leptos::prelude::*;

/// The signed-in person's requests, newest first.
#[server(endpoint = "list_my_requests")]
pub async fn list_my_requests() -> Result<Vec<RequestSummary>, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        Ok(crate::layanan::store::my_requests(&pool, actor.account_id).await?)
    }
    .await
    .map_err(AppError::with_status)
}

/// A village's inbox (`status` empty: every open request). That village's staff (or an admin).
/// Requests per page of a village inbox (oldest first; the next page continues after the last one).
pub const INBOX_PAGE_SIZE: i64 = 50;

#[server(endpoint = "get_village_inbox")]
pub async fn get_village_inbox(
    slug: String,
    status: String,
    after: Option<String>,
) -> Result<Inbox, AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let place_name = crate::akun::store::village_name(&pool, village_id).await?;
        let showing = RequestStatus::from_code(&status);
        let after = after.filter(|code| !code.is_empty());
        let mut requests = crate::layanan::store::village_inbox(
            &pool,
            village_id,
            showing,
            after.as_deref(),
            INBOX_PAGE_SIZE + 1,
        )
        .await?;
        let next_after = (requests.len() as i64 > INBOX_PAGE_SIZE)
            .then(|| {
                requests.truncate(INBOX_PAGE_SIZE as usize);
                requests.last().map(|request| request.code.clone())
            })
            .flatten();
        Ok(Inbox {
            place_name,
            counts: crate::layanan::store::village_counts(&pool, village_id).await?,
            requests,
            showing,
            paged: after.is_some(),
            next_after,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// The requests waiting for the camat's signature in a kecamatan. Its camat staff (or an admin).
#[server(endpoint = "get_kecamatan_inbox")]
pub async fn get_kecamatan_inbox(code: String) -> Result<Inbox, AppError> {
    async move {
        let pool = crate::db::pool()?;
        let name: String = crate::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT name FROM kecamatan WHERE code = $1"
        )
        .bind(&code)
        .fetch_optional(c)
        .await)?
        .ok_or(AppError::NotFound)?;
        authorize(Rule::KecamatanStaff {
            kecamatan_code: code.clone(),
        })
        .await?;
        Ok(Inbox {
            place_name: name,
            counts: Vec::new(),
            showing: Some(RequestStatus::DiteruskanKecamatan),
            requests: crate::layanan::store::kecamatan_inbox(&pool, &code).await?,
            paged: false,
            next_after: None,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// The public verification page of a letter (from its QR code): number, kind, date, village, signers,
/// the holder's name masked — never the NIK or the documents. Public.
#[server(endpoint = "verify_letter")]
pub async fn verify_letter(code: String) -> Result<LetterVerification, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let code = code.trim().to_ascii_uppercase();
        let letter = crate::layanan::store::letter_by_verification(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(LetterVerification {
            holder_masked: crate::layanan::letter_number::masked_name(&letter.holder_name),
            signer: format!("{} ({})", letter.signer_name, letter.signer_position),
            camat: letter
                .camat_name
                .zip(letter.camat_position)
                .map(|(name, position)| format!("{name} ({position})")),
            number: letter.number,
            title: letter.title,
            issued_at: letter.issued_at,
            village_name: letter.village_name,
            kecamatan_name: letter.kecamatan_name,
            revoked_at: letter.revoked_at,
            revoked_reason: letter.revoked_reason,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Who comes to the balai desa on a day (`date` empty: today), in queue order. That village's staff.
#[server(endpoint = "get_visit_day")]
pub async fn get_visit_day(slug: String, date: String) -> Result<VisitDay, AppError> {
    use crate::kernel::dates::CivilDate;
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let day = CivilDate::parse(&date)
            .unwrap_or_else(|| CivilDate::of_unix_wib(crate::db::now_unix()));
        Ok(VisitDay {
            village_name: crate::akun::store::village_name(&pool, village_id).await?,
            visits: crate::layanan::store::visits_on(&pool, village_id, &day.iso()).await?,
            previous: CivilDate::from_days(day.days() - 1).iso(),
            next: CivilDate::from_days(day.days() + 1).iso(),
            date: day.iso(),
        })
    }
    .await
    .map_err(AppError::with_status)
}
