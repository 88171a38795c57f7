//! Server functions of organisers: their listings, the listing editor, sessions, photos.

#[cfg(feature = "ssr")]
use crate::akun::access::{Actor, Rule};
use crate::budaya::{ListingConsole, OrganiserHome};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::kernel::text::optional_text;
#[cfg(feature = "ssr")]
use crate::kernel::text::required_text;
use leptos::prelude::*;

/// Whether `actor` manages a listing: its organiser, or staff of its village (or an admin).
#[cfg(feature = "ssr")]
pub(crate) fn manages(actor: &Actor, village_id: i64, organiser: Option<i64>) -> bool {
    organiser == Some(actor.account_id) || actor.may(&Rule::VillageStaff { village_id })
}

/// The organiser's home: listings they manage and where they may add one. Signed in.
#[server(endpoint = "get_organiser_home")]
pub async fn get_organiser_home() -> Result<OrganiserHome, AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let staff_villages = staff_village_ids(&actor);
    let listings = crate::budaya::store::managed_listings(
        &pool,
        actor.account_id,
        &staff_villages,
        actor.is_admin(),
        crate::db::now_unix(),
    )
    .await?;
    let shop = crate::budaya::store::seller_shop(&pool, actor.account_id).await?;
    let villages = crate::budaya::store::villages(&pool)
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
) -> Result<crate::budaya::store::ListingFields, AppError> {
    use crate::budaya::input;
    let kind = crate::budaya::EventKind::from_code(kind)
        .ok_or_else(|| AppError::field("kind", "kind_unknown"))?;
    let (latitude, longitude) = match input::parse_coordinates(latitude, longitude) {
        Ok(Some((latitude, longitude))) => (Some(latitude), Some(longitude)),
        Ok(None) => (None, None),
        Err(code) => return Err(AppError::field("latitude", code)),
    };
    let capacity =
        input::parse_capacity(capacity).map_err(|code| AppError::field("capacity", code))?;
    let opening_hours_id = optional_text(opening_hours_id);
    if kind == crate::budaya::EventKind::Tempat && opening_hours_id.is_none() {
        return Err(AppError::field(
            "opening_hours_id",
            "opening_hours_required",
        ));
    }
    let description_id = description_id.trim();
    if description_id.chars().count() > 8000 {
        return Err(AppError::field("description_id", "text_too_long"));
    }
    Ok(crate::budaya::store::ListingFields {
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
            let found = crate::budaya::store::find_listing(&pool, slug)
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
            let shop = crate::budaya::store::seller_shop(&pool, actor.account_id)
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
            crate::budaya::store::update_listing(&pool, event_id, &fields).await?;
            slug.unwrap_or_default()
        }
        Err((village_id, shop_id)) => {
            crate::budaya::store::create_listing(
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
pub(crate) async fn managed_listing(
    pool: &crate::db::Db,
    slug: &str,
) -> Result<(Actor, crate::budaya::store::FoundListing), AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let found = crate::budaya::store::find_listing(pool, slug)
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
        crate::budaya::store::managed_sessions(&pool, found.listing.id, crate::db::now_unix())
            .await?;
    Ok(ListingConsole {
        photos: crate::budaya::store::listing_photos(&pool, found.listing.id).await?,
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
    repeat: Option<String>,
    repeat_until: Option<String>,
    exceptions: Option<String>,
    capacity: String,
) -> Result<(), AppError> {
    use crate::budaya::recurrence::{expand, parse_date_list, Cadence, SessionPlan};
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
    let repeat_until = match optional_text(repeat_until) {
        Some(text) => {
            Some(CivilDate::parse(&text).ok_or_else(|| invalid("repeat_until", "date_invalid"))?)
        }
        None => None,
    };
    // Absent (an older form) means weekly; anything else unknown is refused, not guessed.
    let cadence = match optional_text(repeat) {
        Some(code) => {
            Cadence::from_code(&code).ok_or_else(|| invalid("repeat", "repeat_unknown"))?
        }
        None => Cadence::Weekly,
    };
    let exceptions = parse_date_list(&exceptions.unwrap_or_default())
        .map_err(|_| invalid("exceptions", "date_invalid"))?;
    let capacity = crate::budaya::input::parse_capacity(&capacity)
        .map_err(|code| invalid("capacity", code))?
        .or(found.listing.capacity);
    let plan = SessionPlan {
        first_day,
        start_minute,
        last_day,
        end_minute,
        repeat_until,
        cadence,
        exceptions,
    };
    let sessions = expand(&plan).map_err(|error| invalid(error.field(), error.code()))?;
    if sessions[0].0 <= crate::db::now_unix() {
        return Err(invalid("start_date", "date_in_past"));
    }
    crate::budaya::store::add_sessions(&pool, found.listing.id, &sessions, capacity).await?;
    leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=sesi"));
    Ok(())
}

/// Cancels a session and tells everyone registered (a reason is required). Its manager.
#[server(endpoint = "cancel_session")]
pub async fn cancel_session(slug: String, session_id: i64, reason: String) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let (_, found) = managed_listing(&pool, &slug).await?;
    let reason = required_text("reason", &reason, 3, 300).map_err(AppError::with_status)?;
    let cancelled = crate::budaya::store::cancel_session(
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
    use crate::budaya::store::Moved;
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
    match crate::budaya::store::move_session(
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
    if !crate::budaya::store::detach_photo(&pool, found.listing.id, photo_id).await? {
        return Err(AppError::NotFound.with_status());
    }
    leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=foto#foto"));
    Ok(())
}
