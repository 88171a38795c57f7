//! Server functions of the village information pages. Reading is public (the memberships excepted);
//! writing is for the village's staff.
// A form with many fields is a server function with one argument per field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{BansosPage, LegalFilter, LegalPage, MyMembership, PublicInformationPage};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::{InfoCategory, LegalKind, LegalStatus, Programme};
#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Rule};

/// The village (id, name) for a slug, or not found.
#[cfg(feature = "ssr")]
async fn village_of(pool: &crate::db::Db, slug: &str) -> Result<(i64, String), AppError> {
    let (village_id, _) = crate::akun::store::village_ref(pool, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        village_id,
        crate::akun::store::village_name(pool, village_id).await?,
    ))
}

/// Whether the signed-in person (if any) keeps this village's pages.
#[cfg(feature = "ssr")]
async fn keeps_village(village_id: i64) -> Result<bool, AppError> {
    Ok(crate::akun::access::current_actor()
        .await?
        .is_some_and(|actor| actor.may(&Rule::VillageStaff { village_id })))
}

/// A year typed into a form: four digits between 1945 and next year.
#[cfg(feature = "ssr")]
fn year_field(field: &str, value: &str) -> Result<i64, AppError> {
    let this_year = crate::kernel::dates::CivilDate::of_unix_wib(crate::db::now_unix()).year;
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|year| (1945..=this_year + 1).contains(year))
        .ok_or_else(|| AppError::field(field, "year_invalid"))
}

/// `/desa/{slug}/hukum`: the published produk hukum, filtered; the staff also see those waiting for
/// their PDF.
#[server(endpoint = "get_legal_documents")]
pub async fn get_legal_documents(
    village: String,
    filter: LegalFilter,
) -> Result<LegalPage, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let (village_id, village_name) = village_of(&pool, &village).await?;
        let may_edit = keeps_village(village_id).await?;
        let kind = LegalKind::from_code(filter.kind.trim());
        let year = filter.year.trim().parse::<i64>().ok();
        let words: String = filter.q.chars().take(100).collect();
        Ok(LegalPage {
            documents: super::store::legal_documents(
                &pool, village_id, kind, year, &words, may_edit,
            )
            .await?,
            years: super::store::legal_years(&pool, village_id).await?,
            village_name,
            village_slug: village,
            may_edit,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Adds a produk hukum (its PDF is attached next, on the same page). The village's staff.
#[server(endpoint = "add_legal_document")]
pub async fn add_legal_document(
    village: String,
    kind: String,
    number: String,
    year: String,
    title_id: String,
    title_en: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = village_of(&pool, &village).await?;
        let actor = authorize(Rule::VillageStaff { village_id }).await?;
        let kind = LegalKind::from_code(kind.trim())
            .ok_or_else(|| AppError::field("kind", "choice_required"))?;
        let number = crate::kernel::text::required_text("number", &number, 1, 20)?;
        if !number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/'))
        {
            return Err(AppError::field("number", "legal_number_invalid"));
        }
        let year = year_field("year", &year)?;
        let title_id = crate::kernel::text::required_text("title_id", &title_id, 5, 300)?;
        let title_en = crate::kernel::text::required_text("title_en", &title_en, 5, 300)?;
        if super::store::legal_number_taken(&pool, village_id, kind, &number, year).await? {
            return Err(AppError::field("number", "legal_number_taken"));
        }
        let inserted = super::store::insert_legal_document(
            &pool,
            &super::store::NewLegalDocument {
                village_id,
                kind,
                number: &number,
                year,
                title_id: &title_id,
                title_en: &title_en,
                created_by: actor.account_id,
            },
            crate::db::now_unix(),
        )
        .await;
        let id = match inserted {
            Ok(id) => id,
            // Two staff adding the same number at the same moment: the second is told, as above.
            Err(error)
                if error
                    .as_database_error()
                    .is_some_and(|error| error.is_unique_violation()) =>
            {
                return Err(AppError::field("number", "legal_number_taken"));
            }
            Err(error) => return Err(error.into()),
        };
        leptos_axum::redirect(&format!(
            "/desa/{village}/hukum?disimpan=dokumen#dokumen-{id}"
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Marks a document in force, amended or revoked; an amended or revoked one names the document that
/// changed it (`changed_by`, an id of the same village). The village's staff.
#[server(endpoint = "set_legal_status")]
pub async fn set_legal_status(
    village: String,
    document: i64,
    status: String,
    #[server(default)] changed_by: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = village_of(&pool, &village).await?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let status = LegalStatus::from_code(status.trim())
            .ok_or_else(|| AppError::field("status", "choice_required"))?;
        let changed_by = match (status, changed_by.trim()) {
            (LegalStatus::InForce, _) => None,
            (_, "") => return Err(AppError::field("changed_by", "legal_changed_by_required")),
            (_, id) => {
                let id = id
                    .parse::<i64>()
                    .ok()
                    .filter(|id| *id != document)
                    .ok_or_else(|| AppError::field("changed_by", "legal_changed_by_required"))?;
                super::store::legal_document_ref(&pool, village_id, id)
                    .await?
                    .ok_or_else(|| AppError::field("changed_by", "legal_changed_by_required"))?;
                Some(id)
            }
        };
        let now = crate::db::now_unix();
        if !super::store::set_legal_status(&pool, village_id, document, status, changed_by, now)
            .await?
        {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect(&format!(
            "/desa/{village}/hukum?disimpan=status#dokumen-{document}"
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// `/desa/{slug}/ppid`: the village's list of public information.
#[server(endpoint = "get_public_information")]
pub async fn get_public_information(village: String) -> Result<PublicInformationPage, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let (village_id, village_name) = village_of(&pool, &village).await?;
        Ok(PublicInformationPage {
            items: super::store::public_information(&pool, village_id).await?,
            may_edit: keeps_village(village_id).await?,
            village_name,
            village_slug: village,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Adds an item to the PPID list, in both languages. The village's staff.
#[server(endpoint = "add_public_information")]
pub async fn add_public_information(
    village: String,
    category: String,
    title_id: String,
    title_en: String,
    body_id: String,
    body_en: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = village_of(&pool, &village).await?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let category = InfoCategory::from_code(category.trim())
            .ok_or_else(|| AppError::field("category", "choice_required"))?;
        let title_id = crate::kernel::text::required_text("title_id", &title_id, 3, 200)?;
        let title_en = crate::kernel::text::required_text("title_en", &title_en, 3, 200)?;
        let body_id = crate::kernel::text::required_text("body_id", &body_id, 10, 2000)?;
        let body_en = crate::kernel::text::required_text("body_en", &body_en, 10, 2000)?;
        super::store::insert_public_information(
            &pool,
            &super::store::NewInformation {
                village_id,
                category,
                title_id: &title_id,
                title_en: &title_en,
                body_id: &body_id,
                body_en: &body_en,
            },
            crate::db::now_unix(),
        )
        .await?;
        leptos_axum::redirect(&format!("/desa/{village}/ppid?disimpan=informasi"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// `/desa/{slug}/bansos`: the programmes as the village explains them, and public counts.
#[server(endpoint = "get_bansos_page")]
pub async fn get_bansos_page(village: String) -> Result<BansosPage, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let (village_id, village_name) = village_of(&pool, &village).await?;
        let programmes = super::store::bansos_programmes(&pool, village_id).await?;
        Ok(BansosPage {
            updated_at: programmes.iter().filter_map(|info| info.updated_at).max(),
            programmes,
            may_edit: keeps_village(village_id).await?,
            village_name,
            village_slug: village,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Writes one programme's explanation in both languages. The village's staff.
#[server(endpoint = "save_bansos_programme")]
pub async fn save_bansos_programme(
    village: String,
    programme: String,
    who_id: String,
    who_en: String,
    schedule_id: String,
    schedule_en: String,
    how_id: String,
    how_en: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = village_of(&pool, &village).await?;
        let actor = authorize(Rule::VillageStaff { village_id }).await?;
        let programme = Programme::from_code(programme.trim()).ok_or(AppError::NotFound)?;
        let text =
            |field: &str, value: &str| crate::kernel::text::required_text(field, value, 10, 1500);
        let who_id = text("who_id", &who_id)?;
        let who_en = text("who_en", &who_en)?;
        let schedule_id = text("schedule_id", &schedule_id)?;
        let schedule_en = text("schedule_en", &schedule_en)?;
        let how_id = text("how_id", &how_id)?;
        let how_en = text("how_en", &how_en)?;
        super::store::save_programme(
            &pool,
            village_id,
            programme,
            &super::store::ProgrammeText {
                who_id: &who_id,
                who_en: &who_en,
                schedule_id: &schedule_id,
                schedule_en: &schedule_en,
                how_id: &how_id,
                how_en: &how_en,
            },
            actor.account_id,
            crate::db::now_unix(),
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/desa/{village}/bansos?disimpan=program#{}",
            programme.code()
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Sets how many households received a programme in a year. The village's staff.
#[server(endpoint = "save_bansos_count")]
pub async fn save_bansos_count(
    village: String,
    programme: String,
    year: String,
    recipients: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = village_of(&pool, &village).await?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let programme = Programme::from_code(programme.trim()).ok_or(AppError::NotFound)?;
        let year = year_field("year", &year)?;
        let recipients = recipients
            .trim()
            .replace('.', "")
            .parse::<i64>()
            .ok()
            .filter(|count| (0..=100_000).contains(count))
            .ok_or_else(|| AppError::field("recipients", "count_invalid"))?;
        super::store::save_recipient_count(
            &pool,
            village_id,
            programme,
            year,
            recipients,
            crate::db::now_unix(),
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/desa/{village}/bansos?disimpan=jumlah#{}",
            programme.code()
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Records (`remove` empty) or ends (`remove` = "1") a verified resident's membership of a programme,
/// found by their mobile number. The village's staff; the resident sees it on their account page.
#[server(endpoint = "set_bansos_membership")]
pub async fn set_bansos_membership(
    village: String,
    phone: String,
    programme: String,
    #[server(default)] since_year: String,
    #[server(default)] remove: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = village_of(&pool, &village).await?;
        let actor = authorize(Rule::VillageStaff { village_id }).await?;
        let phone = crate::akun::phone::normalize_mobile(&phone)
            .map_err(|error| AppError::field("phone", error.code()))?;
        let programme = Programme::from_code(programme.trim())
            .ok_or_else(|| AppError::field("programme", "choice_required"))?;
        let (account_id, _) = super::store::verified_resident_by_phone(&pool, village_id, &phone)
            .await?
            .ok_or_else(|| AppError::field("phone", "not_a_verified_resident"))?;
        if remove == "1" {
            if !super::store::remove_membership(&pool, account_id, village_id, programme).await? {
                return Err(AppError::field("programme", "membership_not_found"));
            }
        } else {
            let since_year = year_field("since_year", &since_year)?;
            super::store::record_membership(
                &pool,
                account_id,
                village_id,
                programme,
                since_year,
                actor.account_id,
                crate::db::now_unix(),
            )
            .await?;
        }
        leptos_axum::redirect(&format!(
            "/desa/{village}/bansos?disimpan=penerima#penerima"
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The programmes the signed-in resident receives, as their village recorded them. Only them.
#[server(endpoint = "list_my_bansos")]
pub async fn list_my_bansos() -> Result<Vec<MyMembership>, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        Ok(super::store::memberships_of(&pool, actor.account_id).await?)
    }
    .await
    .map_err(AppError::with_status)
}
