//! Layanan server functions. The catalogue and the letter verification page are public; requests need
//! an account and are seen by their resident, their village's staff, and — once forwarded — the camat
//! staff of the village's kecamatan. Each function starts with its authorization decision and maps every
//! refusal to its HTTP status.
// A form with many fields is a server function with one argument per field.
#![allow(clippy::too_many_arguments)]

use std::collections::HashMap;

use leptos::prelude::*;

use super::{
    Inbox, LetterVerification, RequestPage, RequestSummary, ServiceCard, ServicePage, VisitDay,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::request_flow::{RequestFacts, RequestRole, RequestStatus};
#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Actor, Grant, Rule, StaffRole};

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
    Ok(super::store::list_services(&pool, &village, crate::db::list_limit(limit)).await?)
}

/// One service of a village: requirements, form, free visit slots. Public (submitting needs an account).
#[server(endpoint = "get_service")]
pub async fn get_service(village: String, slug: String) -> Result<ServicePage, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let service = super::store::find_service(&pool, &village, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let fields = super::store::service_fields(&pool, service.id).await?;
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
            lives_elsewhere: service.kind == super::ServiceKind::Surat
                && viewer
                    .as_ref()
                    .is_some_and(|viewer| viewer.home_village_id != Some(service.village_id)),
            needs_verification: service.kind == super::ServiceKind::Surat
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

/// The slots of the coming days that still have a place.
#[cfg(feature = "ssr")]
async fn free_slots(
    pool: &sqlx::SqlitePool,
    service: &super::store::ServiceRow,
    now: i64,
) -> Result<Vec<super::SlotChoice>, AppError> {
    use crate::kernel::dates::CivilDate;
    let rules = super::store::slot_rules(pool, service).await?;
    let today = CivilDate::of_unix_wib(now);
    let until = CivilDate::from_days(today.days() + SLOT_DAYS_AHEAD).at_wib(0);
    let booked = super::store::bookings(pool, service.id, now, until).await?;
    let mut choices = Vec::new();
    for day in super::slots::open_days(&rules, today, SLOT_DAYS_AHEAD) {
        for slot in super::slots::slots_on(&rules, day) {
            if !super::slots::is_offered(&rules, slot.starts_at, now, 60) {
                continue;
            }
            let taken = booked
                .iter()
                .find(|(starts_at, _)| *starts_at == slot.starts_at)
                .map_or(0, |(_, count)| *count);
            let places_left = super::slots::places_left(&rules, taken);
            if places_left > 0 {
                choices.push(super::SlotChoice {
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
fn checked_answers(
    fields: &[super::FormField],
    answers: &HashMap<String, String>,
) -> Result<Vec<(String, String)>, AppError> {
    use super::FieldKind;
    let mut checked = Vec::new();
    for field in fields.iter().filter(|field| field.kind != FieldKind::File) {
        // Every field is one line on the form; a newline typed into a crafted post must not become a
        // paragraph of the letter.
        let value = answers
            .get(&field.name)
            .map(|value| super::store::one_line(value))
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
        let found = super::store::find_service(&pool, &village, &service)
            .await?
            .ok_or(AppError::NotFound)?;
        // A letter speaks for the village one lives in (an appointment is open to anyone), and names
        // the resident as the village verified them.
        if found.kind == super::ServiceKind::Surat
            && actor.home_village_id != Some(found.village_id)
        {
            return Err(AppError::field("village", "letters_from_home_village"));
        }
        if found.kind == super::ServiceKind::Surat && !actor.is_verified_resident {
            return Err(AppError::field("village", "letter_needs_verified_resident"));
        }
        let fields = super::store::service_fields(&pool, found.id).await?;
        let checked = checked_answers(&fields, &answers)?;
        let now = crate::db::now_unix();
        let slot_starts_at = if found.needs_slot {
            let starts_at = slot
                .trim()
                .parse::<i64>()
                .map_err(|_| AppError::field("slot", "slot_required"))?;
            let rules = super::store::slot_rules(&pool, &found).await?;
            if !super::slots::is_offered(&rules, starts_at, now, 60) {
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
        match super::store::submit_request(
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
            Err(super::store::SubmitRefused::AlreadyBookedThatDay) => {
                return Err(AppError::field("slot", "booking_one_per_day"))
            }
            Err(super::store::SubmitRefused::SlotFull) => {
                return Err(AppError::field("slot", "slot_full"))
            }
            Err(super::store::SubmitRefused::Closed) => return Err(AppError::Internal),
            Err(super::store::SubmitRefused::Database(error)) => return Err(error.into()),
        }
        leptos_axum::redirect(&format!("/layanan/permohonan/{code}?disimpan=diajukan"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The parts `actor` plays for a request (an admin kabupaten may act as village or camat staff).
#[cfg(feature = "ssr")]
pub(crate) fn roles_for(actor: &Actor, request: &super::store::RequestRow) -> Vec<RequestRole> {
    let mut roles = Vec::new();
    if actor.account_id == request.account_id {
        roles.push(RequestRole::Pemohon);
    }
    for grant in &actor.grants {
        match grant {
            Grant::Village { role, village_id } if *village_id == request.village_id => {
                roles.push(if *role == StaffRole::Kades {
                    RequestRole::Kades
                } else {
                    RequestRole::Operator
                });
            }
            Grant::Kecamatan { kecamatan_code } if *kecamatan_code == request.kecamatan_code => {
                roles.push(RequestRole::Camat)
            }
            Grant::Kabupaten => roles.extend([
                RequestRole::Operator,
                RequestRole::Kades,
                RequestRole::Camat,
            ]),
            _ => {}
        }
    }
    roles
}

/// Whether the viewer may see the request: the resident and the village's staff always; camat staff
/// only a request for a letter the camat signs, once it reached the kecamatan (a village-only letter
/// that is ready or done never went there, and its answers and documents are none of theirs).
#[cfg(feature = "ssr")]
pub(crate) fn may_see(roles: &[RequestRole], facts: RequestFacts) -> bool {
    roles.iter().any(|role| match role {
        RequestRole::Camat => {
            facts.needs_camat
                && matches!(
                    facts.status,
                    RequestStatus::DiteruskanKecamatan
                        | RequestStatus::DitandatanganiCamat
                        | RequestStatus::Siap
                        | RequestStatus::Selesai
                )
        }
        _ => true,
    })
}

/// One request with its answers, timeline, the viewer's possible moves and the letter.
#[server(endpoint = "get_request")]
pub async fn get_request(code: String) -> Result<RequestPage, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let code = crate::kernel::codes::normalize_code(&code).ok_or(AppError::NotFound)?;
        let request = super::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        let facts = request.facts()?;
        let roles = roles_for(&actor, &request);
        if !may_see(&roles, facts) {
            return Err(AppError::Forbidden);
        }
        let service =
            super::store::service_of_request(&pool, &request.village_slug, &request.service_slug)
                .await?;
        let fields = super::store::service_fields(&pool, service.id).await?;
        let answers = super::store::request_answers(&pool, request.id).await?;
        let mut moves: Vec<RequestStatus> = roles
            .iter()
            .flat_map(|role| super::request_flow::available_moves(facts, *role))
            .collect();
        moves.sort_by_key(|status| RequestStatus::ALL.iter().position(|s| s == status));
        moves.dedup();
        let letter = super::store::letter_of_request(&pool, &request.code).await?;
        let letter_revoked = letter
            .as_ref()
            .is_some_and(|letter| letter.revoked_at.is_some());
        let letter = letter.map(|letter| (letter.number, letter.verification_code));
        let is_village_staff = roles
            .iter()
            .any(|role| matches!(role, RequestRole::Operator | RequestRole::Kades));
        let is_resident = roles.contains(&RequestRole::Pemohon);
        let attached = super::store::request_documents(&pool, request.id).await?;
        let documents = fields
            .iter()
            .filter(|field| field.kind == super::FieldKind::File)
            .map(|field| super::DocumentSlot {
                photo_ids: attached
                    .iter()
                    .filter(|(name, _)| *name == field.name)
                    .map(|(_, id)| *id)
                    .collect(),
                field: field.clone(),
            })
            .collect();
        let now = crate::db::now_unix();
        let reschedule_slots = match request.slot_starts_at {
            Some(current)
                if is_resident && current > now && super::store::visit_movable(facts.status) =>
            {
                free_slots(&pool, &service, now)
                    .await?
                    .into_iter()
                    .filter(|slot| slot.starts_at != current)
                    .collect()
            }
            _ => Vec::new(),
        };
        Ok(RequestPage {
            answers: answers_in_form_order(fields, answers),
            timeline: super::store::request_timeline(&pool, request.id).await?,
            is_resident,
            may_attach: is_resident && super::request_flow::documents_open(facts.status),
            documents,
            reschedule_slots,
            letter_revoked,
            is_village_staff,
            status: facts.status,
            moves,
            letter,
            code: request.code,
            service_name_id: request.service_name_id,
            service_name_en: request.service_name_en,
            village_name: request.village_name,
            holder_name: request.holder_name,
            needs_camat: request.needs_camat,
            slot_starts_at: request.slot_starts_at,
            queue_number: request.queue_number,
            rating: request.rating,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Moves a request on (`to` = a status code) with a note (required for revision and rejection); the
/// resident resubmitting after a revision sends corrected `answers`. `back` = an inbox path to return to.
#[server(endpoint = "move_request")]
pub async fn move_request(
    code: String,
    to: String,
    #[server(default)] note: String,
    #[server(default)] answers: HashMap<String, String>,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use super::store::MoveError;
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let to = RequestStatus::from_code(&to)
            .ok_or_else(|| AppError::field("note", "request_move_not_now"))?;
        if note.chars().count() > 1000 {
            return Err(AppError::field("note", "text_too_long"));
        }
        let request = super::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        let roles = roles_for(&actor, &request);
        if !may_see(&roles, request.facts()?) {
            return Err(AppError::Forbidden);
        }
        let corrected = if to == RequestStatus::Diajukan {
            let service = super::store::service_of_request(
                &pool,
                &request.village_slug,
                &request.service_slug,
            )
            .await?;
            let fields = super::store::service_fields(&pool, service.id).await?;
            checked_answers(&fields, &answers)?
        } else {
            Vec::new()
        };
        let now = crate::db::now_unix();
        let issue = super::store::LetterIssue {
            verification_code: crate::kernel::codes::random_code::<12>()?,
            year: crate::kernel::dates::CivilDate::of_unix_wib(now).year as i32,
        };
        match super::store::move_request(
            &pool,
            &request.code,
            actor.account_id,
            &roles,
            to,
            &note,
            &corrected,
            &issue,
            now,
        )
        .await
        {
            Ok(_) => {}
            Err(MoveError::NotFound) => return Err(AppError::NotFound),
            Err(MoveError::Refused(refused)) => {
                return Err(AppError::field("note", refused.code()))
            }
            Err(MoveError::Blocked(code)) => return Err(AppError::field("note", code)),
            Err(MoveError::Database(error)) => return Err(error.into()),
        }
        if back.is_empty() {
            leptos_axum::redirect(&format!(
                "/layanan/permohonan/{}?disimpan={}",
                request.code,
                to.code()
            ));
        } else {
            leptos_axum::redirect(&crate::kernel::text::safe_next(Some(&back)));
        }
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The answers in the order of the service's form; answers to fields the staff removed since come last,
/// labelled with their name, so nothing a resident sent disappears from the request.
#[cfg(feature = "ssr")]
fn answers_in_form_order(
    fields: Vec<super::FormField>,
    answers: Vec<(String, String)>,
) -> Vec<super::Answer> {
    let mut ordered: Vec<super::Answer> = fields
        .iter()
        .filter_map(|field| {
            let value = answers
                .iter()
                .find(|(name, _)| *name == field.name)
                .map(|(_, value)| value.clone())?;
            Some(super::Answer {
                field: field.clone(),
                value,
            })
        })
        .collect();
    for (name, value) in answers {
        if !fields.iter().any(|field| field.name == name) {
            ordered.push(super::Answer {
                field: super::FormField {
                    label_id: name.replace('_', " "),
                    label_en: None,
                    name,
                    kind: super::FieldKind::Text,
                    options: Vec::new(),
                    required: false,
                },
                value,
            });
        }
    }
    ordered
}

/// The resident moves the visit of a request to another free slot (`slot` = its start).
#[server(endpoint = "reschedule_request")]
pub async fn reschedule_request(code: String, slot: String) -> Result<(), AppError> {
    use super::store::SubmitRefused;
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let request = super::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        if request.account_id != actor.account_id {
            return Err(AppError::Forbidden);
        }
        let now = crate::db::now_unix();
        let movable = super::store::visit_movable(request.facts()?.status)
            && request.slot_starts_at.is_some_and(|current| current > now);
        if !movable {
            return Err(AppError::field("slot", "visit_not_movable"));
        }
        let service =
            super::store::service_of_request(&pool, &request.village_slug, &request.service_slug)
                .await?;
        let starts_at = slot
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::field("slot", "slot_required"))?;
        let rules = super::store::slot_rules(&pool, &service).await?;
        if !super::slots::is_offered(&rules, starts_at, now, 60) {
            return Err(AppError::field("slot", "slot_not_offered"));
        }
        match super::store::reschedule_request(&pool, &request, &service, starts_at, now).await {
            Ok(_) => {}
            Err(SubmitRefused::SlotFull) => return Err(AppError::field("slot", "slot_full")),
            Err(SubmitRefused::AlreadyBookedThatDay) => {
                return Err(AppError::field("slot", "booking_one_per_day"))
            }
            Err(SubmitRefused::Closed) => return Err(AppError::field("slot", "visit_not_movable")),
            Err(SubmitRefused::Database(error)) => return Err(error.into()),
        }
        leptos_axum::redirect(&format!(
            "/layanan/permohonan/{}?disimpan=jadwal",
            request.code
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The resident takes a document photo off a request while it is open to changes.
#[server(endpoint = "remove_request_document")]
pub async fn remove_request_document(code: String, photo: i64) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let request = super::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        if request.account_id != actor.account_id {
            return Err(AppError::Forbidden);
        }
        if !super::request_flow::documents_open(request.facts()?.status) {
            return Err(AppError::field("photo", "documents_closed"));
        }
        if !super::store::remove_document(&pool, request.id, photo).await? {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect(&format!(
            "/layanan/permohonan/{}?disimpan=dokumen#dokumen",
            request.code
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// The signed-in person's requests, newest first.
#[server(endpoint = "list_my_requests")]
pub async fn list_my_requests() -> Result<Vec<RequestSummary>, AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        Ok(super::store::my_requests(&pool, actor.account_id).await?)
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
        let mut requests = super::store::village_inbox(
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
            counts: super::store::village_counts(&pool, village_id).await?,
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
        let name: String = sqlx::query_scalar("SELECT name FROM kecamatan WHERE code = $1")
            .bind(&code)
            .fetch_optional(&pool)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::KecamatanStaff {
            kecamatan_code: code.clone(),
        })
        .await?;
        Ok(Inbox {
            place_name: name,
            counts: Vec::new(),
            showing: Some(RequestStatus::DiteruskanKecamatan),
            requests: super::store::kecamatan_inbox(&pool, &code).await?,
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
        let letter = super::store::letter_by_verification(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(LetterVerification {
            holder_masked: super::letter_number::masked_name(&letter.holder_name),
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

/// The resident rates a finished request, 1–5 stars (once).
#[server(endpoint = "rate_request")]
pub async fn rate_request(code: String, stars: String) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let request = super::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        if request.account_id != actor.account_id {
            return Err(AppError::Forbidden);
        }
        let stars = stars
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|stars| (1..=5).contains(stars))
            .ok_or_else(|| AppError::field("stars", "stars_invalid"))?;
        if !super::store::rate_request(&pool, request.id, stars).await? {
            return Err(AppError::field("stars", "rating_not_possible"));
        }
        leptos_axum::redirect(&format!(
            "/layanan/permohonan/{}?disimpan=nilai",
            request.code
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Revokes a request's letter with a reason. Staff of the request's village (or an admin).
#[server(endpoint = "revoke_letter")]
pub async fn revoke_letter(code: String, reason: String) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let request = super::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        if !actor.may(&Rule::VillageStaff {
            village_id: request.village_id,
        }) {
            return Err(AppError::Forbidden);
        }
        let reason = crate::kernel::text::required_text("reason", &reason, 5, 300)?;
        if !super::store::revoke_letter(&pool, request.id, &reason, crate::db::now_unix()).await? {
            return Err(AppError::field("reason", "letter_not_revocable"));
        }
        leptos_axum::redirect(&format!(
            "/layanan/permohonan/{}?disimpan=dicabut",
            request.code
        ));
        Ok(())
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
            visits: super::store::visits_on(&pool, village_id, &day.iso()).await?,
            previous: CivilDate::from_days(day.days() - 1).iso(),
            next: CivilDate::from_days(day.days() + 1).iso(),
            date: day.iso(),
        })
    }
    .await
    .map_err(AppError::with_status)
}
