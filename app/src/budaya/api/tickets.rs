//! Server functions of registrations and tickets: registering, cancelling, a ticket, check-in.

#[cfg(feature = "ssr")]
use super::organiser::manages;
#[cfg(feature = "ssr")]
use crate::akun::access::Rule;
use crate::budaya::{Ticket, TicketSummary};
use crate::error::AppError;
use leptos::prelude::*;

/// A fresh random ticket code (40 bits: guessing one that exists is hopeless, and a ticket page still
/// needs its holder's or organiser's session).
#[cfg(feature = "ssr")]
fn new_ticket_code() -> Result<String, AppError> {
    crate::kernel::codes::random_code::<8>()
}

/// Registers the signed-in person for a session (`seats` 1–10); redirects to the ticket.
#[server(endpoint = "register_for_session")]
pub async fn register_for_session(session_id: i64, seats: String) -> Result<(), AppError> {
    use crate::budaya::store::Registered;
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let seats: i64 = seats
        .trim()
        .parse()
        .ok()
        .filter(|seats| (1..=10).contains(seats))
        .ok_or_else(|| AppError::field("seats", "seats_invalid").with_status())?;
    let now = crate::db::now_unix();
    // Registrations a person makes in an hour: plenty for a family's weekend, not a script's.
    let per_hour =
        crate::akun::rate_limit::Limit::per_account("register", actor.account_id, 20, 3600);
    crate::akun::rate_limit::hit(&pool, &[per_hour], now)
        .await
        .map_err(|error| match error {
            AppError::TooManyAttempts => {
                AppError::field("seats", "too_many_requests").with_status()
            }
            other => other,
        })?;
    let outcome = crate::budaya::store::register(
        &pool,
        session_id,
        actor.account_id,
        seats,
        &new_ticket_code()?,
        now,
    )
    .await?;
    match outcome {
        Registered::Ticket { code, .. } => {
            leptos_axum::redirect(&format!("/tiket/{code}"));
            Ok(())
        }
        Registered::NoSuchSession => Err(AppError::NotFound.with_status()),
        Registered::NotOpen => Err(AppError::field("session_id", "session_not_open").with_status()),
        Registered::TooManySeats => {
            Err(AppError::field("seats", "seats_more_than_capacity").with_status())
        }
        Registered::OverPersonalLimit => {
            Err(AppError::field("seats", "seats_too_many").with_status())
        }
    }
}

/// The holder cancels their ticket; the first people waiting get the seats.
#[server(endpoint = "cancel_registration")]
pub async fn cancel_registration(code: String) -> Result<(), AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let code = crate::kernel::codes::normalize_code(&code)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let cancelled = crate::budaya::store::cancel_registration(
        &pool,
        &code,
        actor.account_id,
        crate::db::now_unix(),
    )
    .await?;
    if !cancelled {
        return Err(AppError::NotFound.with_status());
    }
    leptos_axum::redirect(&format!("/tiket/{code}?disimpan=batal"));
    Ok(())
}

/// A ticket: for its holder, and for the listing's organiser and village staff (at the door).
#[server(endpoint = "get_ticket")]
pub async fn get_ticket(code: String) -> Result<Ticket, AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let code = crate::kernel::codes::normalize_code(&code)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let found = crate::budaya::store::find_ticket(&pool, &code)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let is_holder = found.holder == actor.account_id;
    let may_check_in = manages(&actor, found.village_id, found.organiser_account_id);
    if !is_holder && !may_check_in {
        return Err(AppError::Forbidden.with_status());
    }
    let mut ticket = found.ticket;
    ticket.is_holder = is_holder;
    ticket.may_check_in = may_check_in;
    if ticket.status != crate::budaya::TicketStatus::Cancelled {
        let url = format!(
            "{}/tiket/{}",
            crate::kernel::site::request_origin(),
            ticket.code
        );
        ticket.qr_svg = crate::budaya::qr::svg(&url);
    }
    Ok(ticket)
}

/// The signed-in person's tickets.
#[server(endpoint = "list_my_tickets")]
pub async fn list_my_tickets() -> Result<Vec<TicketSummary>, AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    Ok(crate::budaya::store::my_tickets(&pool, actor.account_id, crate::db::now_unix()).await?)
}

/// Lets a ticket holder in. The listing's organiser and village staff; typed or from the QR's page.
#[server(endpoint = "check_in_ticket")]
pub async fn check_in_ticket(code: String, back: Option<String>) -> Result<(), AppError> {
    use crate::budaya::store::CheckIn;
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let Some(code) = crate::kernel::codes::normalize_code(&code) else {
        return Err(AppError::field("code", "ticket_code_invalid").with_status());
    };
    let Some(found) = crate::budaya::store::find_ticket(&pool, &code).await? else {
        return Err(AppError::field("code", "ticket_not_found").with_status());
    };
    if !manages(&actor, found.village_id, found.organiser_account_id) {
        return Err(AppError::Forbidden.with_status());
    }
    match crate::budaya::store::check_in(&pool, &code, actor.account_id, crate::db::now_unix())
        .await?
    {
        CheckIn::CheckedIn => {}
        CheckIn::AlreadyAt(_) => {
            return Err(AppError::field("code", "ticket_already_checked_in").with_status())
        }
        CheckIn::NotConfirmed => {
            return Err(AppError::field("code", "ticket_not_confirmed").with_status())
        }
    }
    let back = crate::kernel::text::safe_next(back.as_deref());
    let separator = if back.contains('?') { '&' } else { '?' };
    leptos_axum::redirect(&format!("{back}{separator}disimpan=masuk-{code}"));
    Ok(())
}
