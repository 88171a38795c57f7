//! Server functions of one request: who may see and move it (roles_for, may_see), its moves,
//! rescheduling, documents, rating and revoking its letter.

#[cfg(feature = "ssr")]
use super::services::{checked_answers, free_slots};
#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Actor, Grant, Rule, StaffRole};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::layanan::request_flow::{RequestFacts, RequestRole, RequestStatus};
use crate::layanan::RequestPage;
use leptos::prelude::*;
use std::collections::HashMap;

/// The parts `actor` plays for a request (an admin kabupaten may act as village or camat staff).
#[cfg(feature = "ssr")]
pub(crate) fn roles_for(
    actor: &Actor,
    request: &crate::layanan::store::RequestRow,
) -> Vec<RequestRole> {
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
        let request = crate::layanan::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        let facts = request.facts()?;
        let roles = roles_for(&actor, &request);
        if !may_see(&roles, facts) {
            return Err(AppError::Forbidden);
        }
        let service = crate::layanan::store::service_of_request(
            &pool,
            &request.village_slug,
            &request.service_slug,
        )
        .await?;
        let fields = crate::layanan::store::service_fields(&pool, service.id).await?;
        let answers = crate::layanan::store::request_answers(&pool, request.id).await?;
        let mut moves: Vec<RequestStatus> = roles
            .iter()
            .flat_map(|role| crate::layanan::request_flow::available_moves(facts, *role))
            .collect();
        moves.sort_by_key(|status| RequestStatus::ALL.iter().position(|s| s == status));
        moves.dedup();
        let letter = crate::layanan::store::letter_of_request(&pool, &request.code).await?;
        let letter_revoked = letter
            .as_ref()
            .is_some_and(|letter| letter.revoked_at.is_some());
        let letter = letter.map(|letter| (letter.number, letter.verification_code));
        let is_village_staff = roles
            .iter()
            .any(|role| matches!(role, RequestRole::Operator | RequestRole::Kades));
        let is_resident = roles.contains(&RequestRole::Pemohon);
        let attached = crate::layanan::store::request_documents(&pool, request.id).await?;
        let documents = fields
            .iter()
            .filter(|field| field.kind == crate::layanan::FieldKind::File)
            .map(|field| crate::layanan::DocumentSlot {
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
                if is_resident
                    && current > now
                    && crate::layanan::store::visit_movable(facts.status) =>
            {
                free_slots(&pool, &service, now)
                    .await?
                    .into_iter()
                    .filter(|slot| slot.starts_at != current)
                    .collect()
            }
            _ => Vec::new(),
        };
        let legal_deadline = service.legal_deadline_workdays.map(|workdays| {
            let asked = crate::kernel::dates::CivilDate::of_unix_wib(request.created_at);
            (asked.plus_working_days(workdays).at_wib(0), workdays)
        });
        Ok(RequestPage {
            legal_deadline,
            answers: answers_in_form_order(fields, answers),
            timeline: crate::layanan::store::request_timeline(&pool, request.id).await?,
            is_resident,
            may_attach: is_resident && crate::layanan::request_flow::documents_open(facts.status),
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
    use crate::layanan::store::MoveError;
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let to = RequestStatus::from_code(&to)
            .ok_or_else(|| AppError::field("note", "request_move_not_now"))?;
        if note.chars().count() > 1000 {
            return Err(AppError::field("note", "text_too_long"));
        }
        let request = crate::layanan::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        let roles = roles_for(&actor, &request);
        if !may_see(&roles, request.facts()?) {
            return Err(AppError::Forbidden);
        }
        let corrected = if to == RequestStatus::Diajukan {
            let service = crate::layanan::store::service_of_request(
                &pool,
                &request.village_slug,
                &request.service_slug,
            )
            .await?;
            let fields = crate::layanan::store::service_fields(&pool, service.id).await?;
            checked_answers(&fields, &answers)?
        } else {
            Vec::new()
        };
        let now = crate::db::now_unix();
        let issue = crate::layanan::store::LetterIssue {
            verification_code: crate::kernel::codes::random_code::<12>()?,
            year: crate::kernel::dates::CivilDate::of_unix_wib(now).year as i32,
        };
        match crate::layanan::store::move_request(
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
    fields: Vec<crate::layanan::FormField>,
    answers: Vec<(String, String)>,
) -> Vec<crate::layanan::Answer> {
    let mut ordered: Vec<crate::layanan::Answer> = fields
        .iter()
        .filter_map(|field| {
            let value = answers
                .iter()
                .find(|(name, _)| *name == field.name)
                .map(|(_, value)| value.clone())?;
            Some(crate::layanan::Answer {
                field: field.clone(),
                value,
            })
        })
        .collect();
    for (name, value) in answers {
        if !fields.iter().any(|field| field.name == name) {
            ordered.push(crate::layanan::Answer {
                field: crate::layanan::FormField {
                    label_id: name.replace('_', " "),
                    label_en: None,
                    name,
                    kind: crate::layanan::FieldKind::Text,
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
    use crate::layanan::store::SubmitRefused;
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let request = crate::layanan::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        if request.account_id != actor.account_id {
            return Err(AppError::Forbidden);
        }
        let now = crate::db::now_unix();
        let movable = crate::layanan::store::visit_movable(request.facts()?.status)
            && request.slot_starts_at.is_some_and(|current| current > now);
        if !movable {
            return Err(AppError::field("slot", "visit_not_movable"));
        }
        let service = crate::layanan::store::service_of_request(
            &pool,
            &request.village_slug,
            &request.service_slug,
        )
        .await?;
        let starts_at = slot
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::field("slot", "slot_required"))?;
        let rules = crate::layanan::store::slot_rules(&pool, &service).await?;
        if !crate::layanan::slots::is_offered(&rules, starts_at, now, 60) {
            return Err(AppError::field("slot", "slot_not_offered"));
        }
        match crate::layanan::store::reschedule_request(&pool, &request, &service, starts_at, now)
            .await
        {
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
        let request = crate::layanan::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        if request.account_id != actor.account_id {
            return Err(AppError::Forbidden);
        }
        if !crate::layanan::request_flow::documents_open(request.facts()?.status) {
            return Err(AppError::field("photo", "documents_closed"));
        }
        if !crate::layanan::store::remove_document(&pool, request.id, photo).await? {
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

/// The resident rates a finished request, 1–5 stars (once).
#[server(endpoint = "rate_request")]
pub async fn rate_request(code: String, stars: String) -> Result<(), AppError> {
    async move {
        let actor = authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        let request = crate::layanan::store::find_request(&pool, &code)
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
        if !crate::layanan::store::rate_request(&pool, request.id, stars).await? {
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
        let request = crate::layanan::store::find_request(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        if !actor.may(&Rule::VillageStaff {
            village_id: request.village_id,
        }) {
            return Err(AppError::Forbidden);
        }
        let reason = crate::kernel::text::required_text("reason", &reason, 5, 300)?;
        if !crate::layanan::store::revoke_letter(&pool, request.id, &reason, crate::db::now_unix())
            .await?
        {
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
