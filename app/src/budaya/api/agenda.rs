//! Server functions visitors use: the agenda, the month calendar, a listing, a shop's classes.

#[cfg(feature = "ssr")]
use super::organiser::manages;
use crate::budaya::{Agenda, AgendaQuery, EventCard, ListingPage, MonthCalendar};
use crate::error::AppError;
use leptos::prelude::*;

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
    Ok(crate::budaya::store::list_upcoming_events(
        &pool,
        &village,
        now,
        crate::db::list_limit(limit),
    )
    .await?)
}

/// A village's health facilities and its next health sessions (for the village page). Public.
#[server(endpoint = "list_health_offer")]
pub async fn list_health_offer(village: String, limit: u32) -> Result<Vec<EventCard>, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    Ok(crate::budaya::store::health_offer(
        &pool,
        &village,
        crate::db::now_unix(),
        crate::db::list_limit(limit),
    )
    .await?)
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
    Ok(crate::budaya::store::agenda_sessions(&pool, &query, now, now + 366 * 86_400, 6, 0).await?)
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
    let (from, to) = crate::budaya::agenda::period(when, &query.from, &query.to, now)
        .unwrap_or_else(|_| {
            ignored.push("when".to_string());
            crate::budaya::agenda::period("", "", "", now).unwrap_or((now, now))
        });
    let page = i64::from(query.page.clamp(1, 100));
    let mut sessions = crate::budaya::store::agenda_sessions(
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
        crate::budaya::store::places(&pool, &query).await?
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
        tags: crate::budaya::store::tags_in_use(&pool).await?,
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
        crate::budaya::store::session_starts(&pool, &query, first.at_wib(0), next.at_wib(0))
            .await?;
    let days = (first.days()..next.days())
        .map(CivilDate::from_days)
        .map(|day| crate::budaya::CalendarDay {
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

/// A listing's page. Public (a hidden listing only for those who manage it).
#[server(endpoint = "get_listing")]
pub async fn get_listing(slug: String) -> Result<ListingPage, AppError> {
    crate::akun::access::public();
    let pool = crate::db::pool()?;
    let found = crate::budaya::store::find_listing(&pool, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let actor = crate::akun::access::current_actor().await?;
    let may_manage = actor
        .as_ref()
        .is_some_and(|actor| manages(actor, found.village_id, found.organiser_account_id));
    if found.listing.is_hidden && !may_manage {
        return Err(AppError::NotFound.with_status());
    }
    let sessions = crate::budaya::store::upcoming_slots(
        &pool,
        found.listing.id,
        actor.as_ref().map(|actor| actor.account_id),
        crate::db::now_unix(),
    )
    .await?;
    let photos = crate::budaya::store::listing_photos(&pool, found.listing.id).await?;
    Ok(ListingPage {
        photos,
        canonical_url: format!(
            "{}/budaya/acara/{}",
            crate::kernel::site::request_origin(),
            found.listing.slug
        ),
        listing: found.listing,
        sessions,
        may_manage,
        signed_in: actor.is_some(),
    })
}
