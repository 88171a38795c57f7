//! The village console's server functions: staff manage their own village only (profile, staff list,
//! resident verification; shop approvals are pasar's, in `pasar::shop_approval`). Each starts with its authorization decision.
// A form with eight fields is a server function with eight arguments (one per form field).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::access::{Rule, StaffRole};
use super::VillageConsole;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::kernel::text::optional_text;

/// The id of the village a staff page or action names; 404 when there is none.
#[cfg(feature = "ssr")]
pub async fn village_or_404(pool: &crate::db::Db, slug: &str) -> Result<i64, AppError> {
    super::store::village_ref(pool, slug)
        .await?
        .map(|(id, _)| id)
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// Everything the console shows. Village staff of this village (or an admin).
#[server(endpoint = "get_village_console")]
pub async fn get_village_console(slug: String) -> Result<VillageConsole, AppError> {
    let pool = crate::db::pool()?;
    let village_id = village_or_404(&pool, &slug).await?;
    let actor = super::access::authorize(Rule::VillageStaff { village_id }).await?;
    let village = super::store::find_village(&pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let pending_residents = super::store::pending_residents(&pool, village_id).await?;
    let now = crate::db::now_unix();
    for resident in &pending_residents {
        super::store::record_view(
            &pool,
            resident.account_id,
            actor.account_id,
            super::PersonalData::Verification,
            &village.summary.name,
            now,
        )
        .await?;
    }
    Ok(VillageConsole {
        village,
        staff: super::store::village_staff(&pool, village_id, actor.account_id).await?,
        pending_residents,
        verified_residents: super::store::verified_resident_count(&pool, village_id).await?,
        may_manage_staff: actor.may(&Rule::VillageHead { village_id }),
        may_switch_off: actor.is_admin(),
    })
}

/// A two-way staff decision from its button (`yes` or `no`); anything else is a malformed form.
#[cfg(feature = "ssr")]
pub fn parse_decision(value: &str, yes: &str, no: &str) -> Result<bool, AppError> {
    match value {
        value if value == yes => Ok(true),
        value if value == no => Ok(false),
        _ => Err(AppError::field("decision", "decision_unknown").with_status()),
    }
}

/// A decision on a record that is no longer waiting (or is another village's) finds nothing: 404.
#[cfg(feature = "ssr")]
pub fn found(decided: bool) -> Result<(), AppError> {
    if decided {
        Ok(())
    } else {
        Err(AppError::NotFound.with_status())
    }
}

/// Edits the public profile. Village staff of this village (or an admin).
#[server(endpoint = "update_village_profile")]
pub async fn update_village_profile(
    slug: String,
    description_id: String,
    description_en: Option<String>,
    office_address: String,
    opening_hours_id: String,
    opening_hours_en: Option<String>,
    contact_phone: Option<String>,
    contact_email: Option<String>,
) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let village_id = village_or_404(&pool, &slug).await?;
    super::access::authorize(Rule::VillageStaff { village_id }).await?;
    let description_id = description_id.trim();
    if description_id.chars().count() < 10 {
        return Err(AppError::field("description_id", "description_too_short").with_status());
    }
    if description_id.chars().count() > 4000 {
        return Err(AppError::field("description_id", "text_too_long").with_status());
    }
    let contact_phone = match optional_text(contact_phone) {
        Some(phone) => Some(super::phone::normalize_mobile(&phone).or_else(|_| {
            // Balai desa often have a landline: accept digits, spaces and dashes as typed.
            if phone
                .chars()
                .all(|c| c.is_ascii_digit() || " -+().".contains(c))
                && phone.len() <= 20
            {
                Ok(phone.clone())
            } else {
                Err(AppError::field("contact_phone", "phone_invalid_characters").with_status())
            }
        })?),
        None => None,
    };
    let contact_email = optional_text(contact_email);
    if contact_email
        .as_deref()
        .is_some_and(|email| !email.contains('@') || email.len() > 254)
    {
        return Err(AppError::field("contact_email", "email_invalid").with_status());
    }
    let office = super::VillageOffice {
        address: office_address.trim().to_string(),
        opening_hours_id: opening_hours_id.trim().to_string(),
        opening_hours_en: optional_text(opening_hours_en),
        phone: contact_phone,
        email: contact_email,
    };
    super::store::update_village_profile(
        &pool,
        village_id,
        description_id,
        optional_text(description_en).as_deref(),
        &office,
    )
    .await?;
    leptos_axum::redirect(&format!("/desa/{slug}/kelola?disimpan=profil#profil-desa"));
    Ok(())
}

/// Adds an existing account as operator or sekdes (the kades), or as kades (an admin only).
#[server(endpoint = "add_village_staff")]
pub async fn add_village_staff(slug: String, phone: String, role: String) -> Result<(), AppError> {
    use super::store::AddStaff;
    let pool = crate::db::pool()?;
    let village_id = village_or_404(&pool, &slug).await?;
    let actor = super::access::authorize(Rule::VillageHead { village_id }).await?;
    let role = StaffRole::from_code(&role)
        .filter(|role| role.is_village_role())
        .ok_or_else(|| AppError::field("role", "role_unknown").with_status())?;
    if role == StaffRole::Kades && !actor.is_admin() {
        return Err(AppError::Forbidden.with_status());
    }
    let phone = super::phone::normalize_mobile(&phone)
        .map_err(|error| AppError::field("phone", error.code()).with_status())?;
    match super::store::add_village_staff(&pool, village_id, &phone, role, crate::db::now_unix())
        .await?
    {
        AddStaff::Added => Ok(()),
        AddStaff::NoSuchAccount => Err(AppError::field("phone", "no_such_account").with_status()),
        AddStaff::AlreadyStaff => Err(AppError::field("phone", "already_staff").with_status()),
    }
}

/// Removes a staff member of this village. The kades (or an admin); nobody removes themselves, so a
/// village never loses its last head by a slip of the thumb.
#[server(endpoint = "remove_village_staff")]
pub async fn remove_village_staff(slug: String, staff_role_id: i64) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let village_id = village_or_404(&pool, &slug).await?;
    let actor = super::access::authorize(Rule::VillageHead { village_id }).await?;
    let holder = super::store::staff_account(&pool, village_id, staff_role_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if holder == actor.account_id {
        return Err(AppError::field("staff_role_id", "cannot_remove_self").with_status());
    }
    super::store::remove_village_staff(&pool, village_id, staff_role_id).await?;
    Ok(())
}

/// Verifies or declines a resident of this village (`decision` = `verify` | `reject`; a reason is
/// required to decline). Village staff of this village (or an admin).
#[server(endpoint = "decide_resident")]
pub async fn decide_resident(
    slug: String,
    account_id: i64,
    decision: String,
    reason: Option<String>,
) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let village_id = village_or_404(&pool, &slug).await?;
    let actor = super::access::authorize(Rule::VillageStaff { village_id }).await?;
    let verified = parse_decision(&decision, "verify", "reject")?;
    let reason = optional_text(reason);
    if !verified && reason.is_none() {
        return Err(AppError::field("reason", "reason_required").with_status());
    }
    let decided = super::store::decide_verification(
        &pool,
        village_id,
        account_id,
        verified,
        reason.as_deref(),
        actor.account_id,
        crate::db::now_unix(),
    )
    .await?;
    found(decided)
}
