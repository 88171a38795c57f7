//! Budaya server functions. Browsing is public; registering needs an account; a listing is managed by
//! its organiser and the staff of its village. Each function starts with its authorization decision.
// A form with many fields is a server function with one argument per field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{
    Agenda, AgendaQuery, EventCard, ListingConsole, ListingPage, MonthCalendar, OrganiserHome,
    Ticket, TicketSummary,
};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::kernel::text::optional_text;
#[cfg(feature = "ssr")]
use crate::kernel::text::required_text;

#[cfg(feature = "ssr")]
use crate::akun::access::{Actor, Rule};

/// How many dated sessions one agenda page shows.
pub const AGENDA_PAGE_SIZE: i64 = 20;

/// What's on: sessions not yet over, soonest first, optionally of one village. Public.
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

/// The next classes and events run by a shop's owner (for the shop's page). Public.
#[server(endpoint = "list_shop_classes")]
pub async fn list_shop_classes(shop: String) -> Result<Vec<EventCard>, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let query = AgendaQuery {
        shop,
        ..AgendaQuery::default()
    };
    let now = crate::db::now_unix();
    Ok(super::store::agenda_sessions(&pool, &query, now, now + 366 * 86_400, 6, 0).await?)
}

/// The agenda for a period and filters. Public. A filter that cannot be read is ignored and reported.
#[server(endpoint = "get_agenda")]
pub async fn get_agenda(query: AgendaQuery) -> Result<Agenda, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    let mut ignored = Vec::new();
    // Dates typed into "from"/"to" mean a date range, whatever the period menu still says.
    let when = if query.from.trim().is_empty() && query.to.trim().is_empty() {
        query.when.as_str()
    } else {
        "tanggal"
    };
    let (from, to) =
        super::agenda::period(when, &query.from, &query.to, now).unwrap_or_else(|_| {
            ignored.push("when".to_string());
            super::agenda::period("", "", "", now).unwrap_or((now, now))
        });
    let page = i64::from(query.page.clamp(1, 100));
    let mut sessions = super::store::agenda_sessions(
        &pool,
        &query,
        from,
        to,
        AGENDA_PAGE_SIZE + 1,
        (page - 1) * AGENDA_PAGE_SIZE,
    )
    .await?;
    let has_more = sessions.len() as i64 > AGENDA_PAGE_SIZE;
    sessions.truncate(AGENDA_PAGE_SIZE as usize);
    let places = if page == 1 {
        super::store::places(&pool, &query).await?
    } else {
        Vec::new()
    };
    let villages = crate::akun::store::list_villages(&pool)
        .await?
        .into_iter()
        .map(|village| (village.slug, village.name))
        .collect();
    Ok(Agenda {
        from,
        to,
        sessions,
        places,
        has_more,
        ignored,
        villages,
        tags: super::store::tags_in_use(&pool).await?,
    })
}

/// A month grid with the number of sessions per day (`month` = `2026-12`; empty = this month). Public.
#[server(endpoint = "get_month_calendar")]
pub async fn get_month_calendar(
    month: String,
    kind: String,
    village: String,
) -> Result<MonthCalendar, AppError> {
    use crate::kernel::dates::CivilDate;
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    let today = CivilDate::of_unix_wib(now);
    let first = CivilDate::parse(&format!("{month}-01")).unwrap_or(CivilDate { day: 1, ..today });
    let next = first.first_of_next_month();
    let previous = CivilDate::from_days(first.days() - 1);
    let query = AgendaQuery {
        kind,
        village,
        ..AgendaQuery::default()
    };
    let starts =
        super::store::session_starts(&pool, &query, first.at_wib(0), next.at_wib(0)).await?;
    let days = (first.days()..next.days())
        .map(CivilDate::from_days)
        .map(|day| super::CalendarDay {
            date: day.iso(),
            day: day.day,
            weekday: day.weekday(),
            sessions: starts
                .iter()
                .filter(|start| CivilDate::of_unix_wib(**start) == day)
                .count() as u32,
            is_today: day == today,
        })
        .collect();
    Ok(MonthCalendar {
        year: first.year,
        month: first.month,
        days,
        previous: format!("{:04}-{:02}", previous.year, previous.month),
        next: format!("{:04}-{:02}", next.year, next.month),
    })
}

/// Whether `actor` manages a listing: its organiser, or staff of its village (or an admin).
#[cfg(feature = "ssr")]
pub(crate) fn manages(actor: &Actor, village_id: i64, organiser: Option<i64>) -> bool {
    organiser == Some(actor.account_id) || actor.may(&Rule::VillageStaff { village_id })
}

/// A listing's page. Public (a hidden listing only for those who manage it).
#[server(endpoint = "get_listing")]
pub async fn get_listing(slug: String) -> Result<ListingPage, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let found = super::store::find_listing(&pool, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let actor = crate::akun::access::current_actor().await?;
    let may_manage = actor
        .as_ref()
        .is_some_and(|actor| manages(actor, found.village_id, found.organiser_account_id));
    if found.listing.is_hidden && !may_manage {
        return Err(AppError::NotFound.with_status());
    }
    let sessions = super::store::upcoming_slots(
        &pool,
        found.listing.id,
        actor.as_ref().map(|actor| actor.account_id),
        crate::db::now_unix(),
    )
    .await?;
    let photos = super::store::listing_photos(&pool, found.listing.id).await?;
    Ok(ListingPage {
        photos,
        canonical_url: format!(
            "{}/budaya/acara/{}",
            crate::ui::site::request_origin(),
            found.listing.slug
        ),
        listing: found.listing,
        sessions,
        may_manage,
        signed_in: actor.is_some(),
    })
}

/// A fresh random ticket code (40 bits: guessing one that exists is hopeless, and a ticket page still
/// needs its holder's or organiser's session).
#[cfg(feature = "ssr")]
fn new_ticket_code() -> Result<String, AppError> {
    crate::kernel::codes::random_code::<8>()
}

/// Registers the signed-in person for a session (`seats` 1–10); redirects to the ticket.
#[server(endpoint = "register_for_session")]
pub async fn register_for_session(session_id: i64, seats: String) -> Result<(), AppError> {
    use super::store::Registered;
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
    let outcome = super::store::register(
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
    let cancelled =
        super::store::cancel_registration(&pool, &code, actor.account_id, crate::db::now_unix())
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
    let found = super::store::find_ticket(&pool, &code)
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
    if ticket.status != super::TicketStatus::Cancelled {
        let url = format!(
            "{}/tiket/{}",
            crate::ui::site::request_origin(),
            ticket.code
        );
        ticket.qr_svg = super::qr::svg(&url);
    }
    Ok(ticket)
}

/// The signed-in person's tickets.
#[server(endpoint = "list_my_tickets")]
pub async fn list_my_tickets() -> Result<Vec<TicketSummary>, AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    Ok(super::store::my_tickets(&pool, actor.account_id, crate::db::now_unix()).await?)
}

/// Lets a ticket holder in. The listing's organiser and village staff; typed or from the QR's page.
#[server(endpoint = "check_in_ticket")]
pub async fn check_in_ticket(code: String, back: Option<String>) -> Result<(), AppError> {
    use super::store::CheckIn;
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let Some(code) = crate::kernel::codes::normalize_code(&code) else {
        return Err(AppError::field("code", "ticket_code_invalid").with_status());
    };
    let Some(found) = super::store::find_ticket(&pool, &code).await? else {
        return Err(AppError::field("code", "ticket_not_found").with_status());
    };
    if !manages(&actor, found.village_id, found.organiser_account_id) {
        return Err(AppError::Forbidden.with_status());
    }
    match super::store::check_in(&pool, &code, actor.account_id, crate::db::now_unix()).await? {
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

/// The organiser's home: listings they manage and where they may add one. Signed in.
#[server(endpoint = "get_organiser_home")]
pub async fn get_organiser_home() -> Result<OrganiserHome, AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let staff_villages = staff_village_ids(&actor);
    let listings = super::store::managed_listings(
        &pool,
        actor.account_id,
        &staff_villages,
        actor.is_admin(),
        crate::db::now_unix(),
    )
    .await?;
    let shop = super::store::seller_shop(&pool, actor.account_id).await?;
    let villages = super::store::villages(&pool)
        .await?
        .into_iter()
        .filter(|(village_id, _, _)| {
            actor.may(&Rule::VillageStaff {
                village_id: *village_id,
            }) || shop
                .as_ref()
                .is_some_and(|(_, _, shop_village)| shop_village == village_id)
        })
        .map(|(_, slug, name)| (slug, name))
        .collect();
    Ok(OrganiserHome {
        listings,
        villages,
        shop_name: shop.map(|(_, name, _)| name),
    })
}

#[cfg(feature = "ssr")]
fn staff_village_ids(actor: &Actor) -> Vec<i64> {
    actor
        .grants
        .iter()
        .filter_map(|grant| match grant {
            crate::akun::access::Grant::Village { village_id, .. } => Some(*village_id),
            _ => None,
        })
        .collect()
}

/// Reads and checks the listing form.
#[cfg(feature = "ssr")]
fn listing_fields(
    kind: &str,
    title_id: &str,
    title_en: Option<String>,
    summary_id: &str,
    summary_en: Option<String>,
    description_id: &str,
    description_en: Option<String>,
    tags: &str,
    venue: &str,
    address: &str,
    latitude: &str,
    longitude: &str,
    accessibility_id: Option<String>,
    accessibility_en: Option<String>,
    opening_hours_id: Option<String>,
    opening_hours_en: Option<String>,
    organiser_name: &str,
    price: &str,
    capacity: &str,
) -> Result<super::store::ListingFields, AppError> {
    use super::input;
    let kind =
        super::EventKind::from_code(kind).ok_or_else(|| AppError::field("kind", "kind_unknown"))?;
    let (latitude, longitude) = match input::parse_coordinates(latitude, longitude) {
        Ok(Some((latitude, longitude))) => (Some(latitude), Some(longitude)),
        Ok(None) => (None, None),
        Err(code) => return Err(AppError::field("latitude", code)),
    };
    let capacity =
        input::parse_capacity(capacity).map_err(|code| AppError::field("capacity", code))?;
    let opening_hours_id = optional_text(opening_hours_id);
    if kind == super::EventKind::Tempat && opening_hours_id.is_none() {
        return Err(AppError::field(
            "opening_hours_id",
            "opening_hours_required",
        ));
    }
    let description_id = description_id.trim();
    if description_id.chars().count() > 8000 {
        return Err(AppError::field("description_id", "text_too_long"));
    }
    Ok(super::store::ListingFields {
        kind,
        title_id: required_text("title_id", title_id, 3, 120)?,
        title_en: optional_text(title_en),
        summary_id: required_text("summary_id", summary_id, 10, 300)?,
        summary_en: optional_text(summary_en),
        description_id: description_id.to_string(),
        description_en: optional_text(description_en),
        tags: crate::kernel::text::normalize_tags(tags)
            .ok_or_else(|| AppError::field("tags", "tags_invalid"))?,
        venue: required_text("venue", venue, 2, 120)?,
        address: address.trim().chars().take(300).collect(),
        latitude,
        longitude,
        accessibility_id: optional_text(accessibility_id),
        accessibility_en: optional_text(accessibility_en),
        opening_hours_id,
        opening_hours_en: optional_text(opening_hours_en),
        organiser_name: required_text("organiser_name", organiser_name, 2, 120)?,
        price_rupiah: crate::kernel::money::parse_rupiah(price)
            .filter(|price| *price <= 100_000_000)
            .ok_or_else(|| AppError::field("price", "price_invalid"))?,
        capacity,
    })
}

/// Creates a listing (`slug` empty) or saves an existing one. Creating: village staff of that village,
/// or a seller in their shop's village (the listing then shows their shop). Saving: its manager.
#[server(endpoint = "save_listing")]
pub async fn save_listing(
    slug: Option<String>,
    village: Option<String>,
    kind: String,
    title_id: String,
    title_en: Option<String>,
    summary_id: String,
    summary_en: Option<String>,
    description_id: String,
    description_en: Option<String>,
    tags: String,
    venue: String,
    address: String,
    latitude: String,
    longitude: String,
    accessibility_id: Option<String>,
    accessibility_en: Option<String>,
    opening_hours_id: Option<String>,
    opening_hours_en: Option<String>,
    organiser_name: String,
    price: String,
    capacity: String,
) -> Result<(), AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let slug = optional_text(slug);
    // Who may act is decided before the form is checked: a refusal must not depend on the input.
    let target = match &slug {
        Some(slug) => {
            let found = super::store::find_listing(&pool, slug)
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?;
            if !manages(&actor, found.village_id, found.organiser_account_id) {
                return Err(AppError::Forbidden.with_status());
            }
            Ok(found.listing.id)
        }
        None => {
            let village = village.unwrap_or_default();
            let (village_id, _) = crate::akun::store::village_ref(&pool, &village)
                .await?
                .ok_or_else(|| AppError::field("village", "village_unknown").with_status())?;
            let shop = super::store::seller_shop(&pool, actor.account_id)
                .await?
                .filter(|(_, _, shop_village)| *shop_village == village_id);
            if !actor.may(&Rule::VillageStaff { village_id }) && shop.is_none() {
                return Err(AppError::Forbidden.with_status());
            }
            Err((village_id, shop.map(|(id, _, _)| id)))
        }
    };
    let fields = listing_fields(
        &kind,
        &title_id,
        title_en,
        &summary_id,
        summary_en,
        &description_id,
        description_en,
        &tags,
        &venue,
        &address,
        &latitude,
        &longitude,
        accessibility_id,
        accessibility_en,
        opening_hours_id,
        opening_hours_en,
        &organiser_name,
        &price,
        &capacity,
    )
    .map_err(AppError::with_status)?;
    let slug = match target {
        Ok(event_id) => {
            super::store::update_listing(&pool, event_id, &fields).await?;
            slug.unwrap_or_default()
        }
        Err((village_id, shop_id)) => {
            super::store::create_listing(
                &pool,
                village_id,
                actor.account_id,
                shop_id,
                &fields,
                &crate::kernel::text::slugify(&fields.title_id),
                crate::db::now_unix(),
            )
            .await?
        }
    };
    leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=acara"));
    Ok(())
}

/// The listing and who manages it, or 404 / 401 / 403.
#[cfg(feature = "ssr")]
async fn managed_listing(
    pool: &sqlx::SqlitePool,
    slug: &str,
) -> Result<(Actor, super::store::FoundListing), AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let found = super::store::find_listing(pool, slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if !manages(&actor, found.village_id, found.organiser_account_id) {
        return Err(AppError::Forbidden.with_status());
    }
    Ok((actor, found))
}

/// The organiser's page for a listing: its sessions and who registered. Its manager.
#[server(endpoint = "get_listing_console")]
pub async fn get_listing_console(slug: String) -> Result<ListingConsole, AppError> {
    let pool = crate::db::pool()?;
    let (_, found) = managed_listing(&pool, &slug).await?;
    let sessions =
        super::store::managed_sessions(&pool, found.listing.id, crate::db::now_unix()).await?;
    Ok(ListingConsole {
        photos: super::store::listing_photos(&pool, found.listing.id).await?,
        listing: found.listing,
        sessions,
    })
}

/// Adds one session, or a weekly series with exceptions. Its manager.
#[server(endpoint = "add_sessions")]
pub async fn add_sessions(
    slug: String,
    start_date: String,
    start_time: String,
    end_date: Option<String>,
    end_time: String,
    repeat_until: Option<String>,
    exceptions: Option<String>,
    capacity: String,
) -> Result<(), AppError> {
    use super::recurrence::{expand, parse_date_list, SessionPlan};
    use crate::kernel::dates::{parse_time_of_day, CivilDate};
    let pool = crate::db::pool()?;
    let (_, found) = managed_listing(&pool, &slug).await?;
    let invalid = |field: &str, code: &str| AppError::field(field, code).with_status();
    let first_day =
        CivilDate::parse(&start_date).ok_or_else(|| invalid("start_date", "date_invalid"))?;
    let start_minute =
        parse_time_of_day(&start_time).ok_or_else(|| invalid("start_time", "time_invalid"))?;
    let end_minute =
        parse_time_of_day(&end_time).ok_or_else(|| invalid("end_time", "time_invalid"))?;
    let last_day = match optional_text(end_date) {
        Some(text) => CivilDate::parse(&text).ok_or_else(|| invalid("end_date", "date_invalid"))?,
        None => first_day,
    };
    let weekly_until = match optional_text(repeat_until) {
        Some(text) => {
            Some(CivilDate::parse(&text).ok_or_else(|| invalid("repeat_until", "date_invalid"))?)
        }
        None => None,
    };
    let exceptions = parse_date_list(&exceptions.unwrap_or_default())
        .map_err(|_| invalid("exceptions", "date_invalid"))?;
    let capacity = super::input::parse_capacity(&capacity)
        .map_err(|code| invalid("capacity", code))?
        .or(found.listing.capacity);
    let plan = SessionPlan {
        first_day,
        start_minute,
        last_day,
        end_minute,
        weekly_until,
        exceptions,
    };
    let sessions = expand(&plan).map_err(|error| invalid(error.field(), error.code()))?;
    if sessions[0].0 <= crate::db::now_unix() {
        return Err(invalid("start_date", "date_in_past"));
    }
    super::store::add_sessions(&pool, found.listing.id, &sessions, capacity).await?;
    leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=sesi"));
    Ok(())
}

/// Cancels a session and tells everyone registered (a reason is required). Its manager.
#[server(endpoint = "cancel_session")]
pub async fn cancel_session(slug: String, session_id: i64, reason: String) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let (_, found) = managed_listing(&pool, &slug).await?;
    let reason = required_text("reason", &reason, 3, 300).map_err(AppError::with_status)?;
    let cancelled = super::store::cancel_session(
        &pool,
        found.listing.id,
        session_id,
        &reason,
        crate::db::now_unix(),
    )
    .await?;
    if !cancelled {
        return Err(AppError::NotFound.with_status());
    }
    leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=batal"));
    Ok(())
}

/// Moves a session to another day or time and tells everyone registered. Its manager.
#[server(endpoint = "move_session")]
pub async fn move_session(
    slug: String,
    session_id: i64,
    date: String,
    start_time: String,
    end_time: String,
) -> Result<(), AppError> {
    use super::store::Moved;
    use crate::kernel::dates::{parse_time_of_day, CivilDate};
    let pool = crate::db::pool()?;
    let (_, found) = managed_listing(&pool, &slug).await?;
    let invalid = |field: &str, code: &str| AppError::field(field, code).with_status();
    let day = CivilDate::parse(&date).ok_or_else(|| invalid("date", "date_invalid"))?;
    let start =
        parse_time_of_day(&start_time).ok_or_else(|| invalid("start_time", "time_invalid"))?;
    let end = parse_time_of_day(&end_time).ok_or_else(|| invalid("end_time", "time_invalid"))?;
    if end <= start {
        return Err(invalid("end_time", "ends_before_start"));
    }
    let now = crate::db::now_unix();
    if day.at_wib(start) <= now {
        return Err(invalid("date", "date_in_past"));
    }
    match super::store::move_session(
        &pool,
        found.listing.id,
        session_id,
        day.at_wib(start),
        day.at_wib(end),
        now,
    )
    .await?
    {
        Moved::Moved => {
            leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=pindah"));
            Ok(())
        }
        Moved::NoSuchSession => Err(AppError::NotFound.with_status()),
        Moved::Clash => Err(invalid("date", "session_clash")),
    }
}

/// Takes a photo off a listing's gallery. Its manager.
#[server(endpoint = "remove_listing_photo")]
pub async fn remove_listing_photo(slug: String, photo_id: i64) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let (_, found) = managed_listing(&pool, &slug).await?;
    if !super::store::detach_photo(&pool, found.listing.id, photo_id).await? {
        return Err(AppError::NotFound.with_status());
    }
    leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=foto#foto"));
    Ok(())
}
