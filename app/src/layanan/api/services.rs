//! Server functions of a service: the catalogue, one service with its free slots, submitting a request.

#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Rule};
use crate::error::AppError;
use crate::layanan::{ServiceCard, ServicePage};
use leptos::prelude::*;
use std::collections::HashMap;

/// How many days ahead visit slots are offered.
pub const SLOT_DAYS_AHEAD: i64 = 14;

/// A village's service catalogue (or all villages'). Public.
#[server(endpoint = "list_services")]
pub async fn list_services(
    village: Option<String>,
    limit: u32,
) -> Result<Vec<ServiceCard>, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let village = village.unwrap_or_default();
    Ok(crate::layanan::store::list_services(&pool, &village, crate::db::list_limit(limit)).await?)
}

/// One service of a village: requirements, form, free visit slots. Public (submitting needs an account).
#[server(endpoint = "get_service")]
pub async fn get_service(village: String, slug: String) -> Result<ServicePage, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let service = crate::layanan::store::find_service(&pool, &village, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let fields = crate::layanan::store::service_fields(&pool, service.id).await?;
        let viewer = crate::akun::access::current_actor().await?;
        let slots = if service.needs_slot {
            free_slots(&pool, &service, crate::db::now_unix()).await?
        } else {
            Vec::new()
        };
        let lines = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect()
        };
        Ok(ServicePage {
            kind: service.kind,
            requirements_id: lines(&service.requirements_id),
            requirements_en: lines(service.requirements_en.as_deref().unwrap_or_default()),
            signed_in: viewer.is_some(),
            lives_elsewhere: service.kind == crate::layanan::ServiceKind::Surat
                && viewer
                    .as_ref()
                    .is_some_and(|viewer| viewer.home_village_id != Some(service.village_id)),
            needs_verification: service.kind == crate::layanan::ServiceKind::Surat
                && viewer
                    .as_ref()
                    .is_some_and(|viewer| !viewer.is_verified_resident),
            village_slug: service.village_slug,
            village_name: service.village_name,
            slug: service.slug,
            name_id: service.name_id,
            name_en: service.name_en,
            description_id: service.description_id,
            description_en: service.description_en,
            processing_days: service.processing_days,
            needs_camat: service.needs_camat,
            fee_rupiah: service.fee_rupiah,
            needs_slot: service.needs_slot,
            fields,
            slots,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// The free visit slots of a service, for the slot picker to refresh itself. Public, as the service page.
#[server(endpoint = "list_free_slots")]
pub async fn list_free_slots(
    village: String,
    slug: String,
) -> Result<Vec<crate::layanan::SlotChoice>, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let service = crate::layanan::store::find_service(&pool, &village, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        if !service.needs_slot {
            return Ok(Vec::new());
        }
        free_slots(&pool, &service, crate::db::now_unix()).await
    }
    .await
    .map_err(AppError::with_status)
}

/// The slots of the coming days that still have a place.
#[cfg(feature = "ssr")]
pub(super) async fn free_slots(
    pool: &crate::db::Db,
    service: &crate::layanan::store::ServiceRow,
    now: i64,
) -> Result<Vec<crate::layanan::SlotChoice>, AppError> {
    use crate::kernel::dates::CivilDate;
    let rules = crate::layanan::store::slot_rules(pool, service).await?;
    let today = CivilDate::of_unix_wib(now);
    let until = CivilDate::from_days(today.days() + SLOT_DAYS_AHEAD).at_wib(0);
    let booked = crate::layanan::store::bookings(pool, service.id, now, until).await?;
    let mut choices = Vec::new();
    for day in crate::layanan::slots::open_days(&rules, today, SLOT_DAYS_AHEAD) {
        for slot in crate::layanan::slots::slots_on(&rules, day) {
            if !crate::layanan::slots::is_offered(&rules, slot.starts_at, now, 60) {
                continue;
            }
            let taken = booked
                .iter()
                .find(|(starts_at, _)| *starts_at == slot.starts_at)
                .map_or(0, |(_, count)| *count);
            let places_left = crate::layanan::slots::places_left(&rules, taken);
            if places_left > 0 {
                choices.push(crate::layanan::SlotChoice {
                    starts_at: slot.starts_at,
                    places_left,
                });
            }
        }
    }
    Ok(choices)
}

/// Checks the answers against the service's fields: required ones present, numbers, dates and choices
/// valid. Returns them in the form's order.
#[cfg(feature = "ssr")]
pub(super) fn checked_answers(
    fields: &[crate::layanan::FormField],
    answers: &HashMap<String, String>,
) -> Result<Vec<(String, String)>, AppError> {
    use crate::layanan::FieldKind;
    let mut checked = Vec::new();
    for field in fields.iter().filter(|field| field.kind != FieldKind::File) {
        // Every field is one line on the form; a newline typed into a crafted post must not become a
        // paragraph of the letter.
        let value = answers
            .get(&field.name)
            .map(|value| crate::layanan::store::one_line(value))
            .unwrap_or_default();
        let error = |code: &str| AppError::field(&format!("answers[{}]", field.name), code);
        if value.is_empty() {
            if field.required {
                return Err(error("text_required"));
            }
            continue;
        }
        if value.chars().count() > 500 {
            return Err(error("text_too_long"));
        }
        let valid = match field.kind {
            FieldKind::Number => value.parse::<i64>().is_ok(),
            FieldKind::Date => crate::kernel::dates::CivilDate::parse(&value).is_some(),
            FieldKind::Select => field.options.contains(&value),
            FieldKind::Text | FieldKind::File => true,
        };
        if !valid {
            return Err(error(match field.kind {
                FieldKind::Number => "number_invalid",
                FieldKind::Date => "date_invalid",
                _ => "choice_required",
            }));
        }
        checked.push((field.name.clone(), value));
    }
    Ok(checked)
}

/// Submits a request (`answers[field]=…`, `slot` = a slot's start for services with visits). Signed in.
/// Redirects to the request's page with its tracking code.
#[server(endpoint = "submit_request")]
pub async fn submit_request(
    village: String,
    service: String,
    #[server(default)] answers: HashMap<String, String>,
    #[server(default)] slot: String,
) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let found = crate::layanan::store::find_service(&pool, &village, &service)
            .await?
            .ok_or(AppError::NotFound)?;
        // A village the regency switched off takes nothing new (what was filed before goes on).
        if crate::akun::regency::store::is_switched_off(&pool, found.village_id).await? {
            return Err(AppError::field("village", "village_switched_off"));
        }
        // A letter speaks for the village one lives in (an appointment is open to anyone), and names
        // the resident as the village verified them.
        if found.kind == crate::layanan::ServiceKind::Surat
            && actor.home_village_id != Some(found.village_id)
        {
            return Err(AppError::field("village", "letters_from_home_village"));
        }
        if found.kind == crate::layanan::ServiceKind::Surat && !actor.is_verified_resident {
            return Err(AppError::field("village", "letter_needs_verified_resident"));
        }
        let fields = crate::layanan::store::service_fields(&pool, found.id).await?;
        let checked = checked_answers(&fields, &answers)?;
        let now = crate::db::now_unix();
        let slot_starts_at = if found.needs_slot {
            let starts_at = slot
                .trim()
                .parse::<i64>()
                .map_err(|_| AppError::field("slot", "slot_required"))?;
            let rules = crate::layanan::store::slot_rules(&pool, &found).await?;
            if !crate::layanan::slots::is_offered(&rules, starts_at, now, 60) {
                return Err(AppError::field("slot", "slot_not_offered"));
            }
            Some(starts_at)
        } else {
            None
        };
        // Enough for a family's errands; not enough to flood the village's inbox.
        let per_hour = crate::akun::rate_limit::Limit::per_account(
            "submit_request",
            actor.account_id,
            10,
            3600,
        );
        crate::akun::rate_limit::hit(&pool, &[per_hour], now)
            .await
            .map_err(|error| match error {
                AppError::TooManyAttempts => AppError::field("village", "too_many_requests"),
                other => other,
            })?;
        let code = crate::kernel::codes::random_code::<8>()?;
        match crate::layanan::store::submit_request(
            &pool,
            actor.account_id,
            &found,
            &checked,
            slot_starts_at,
            &code,
            now,
        )
        .await
        {
            Ok(_) => {}
            Err(crate::layanan::store::SubmitRefused::AlreadyBookedThatDay) => {
                return Err(AppError::field("slot", "booking_one_per_day"))
            }
            Err(crate::layanan::store::SubmitRefused::SlotFull) => {
                return Err(AppError::field("slot", "slot_full"))
            }
            Err(crate::layanan::store::SubmitRefused::Closed) => return Err(AppError::Internal),
            Err(crate::layanan::store::SubmitRefused::Database(error)) => return Err(error.into()),
        }
        leptos_axum::redirect(&format!("/layanan/permohonan/{code}?disimpan=diajukan"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}
