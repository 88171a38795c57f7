//! iCalendar downloads and subscriptions, served as plain files (not pages): one listing's sessions
//! ("add to calendar"), every listing of a village, or of a kind. Calendar apps poll the feed URLs, so
//! a moved or cancelled session updates in people's calendars. Public data only.
//!
//! Routes (wired by the server): `/budaya/ics/acara/{slug}.ics`, `/budaya/ics/desa/{slug}.ics`,
//! `/budaya/ics/jenis/{kind}.ics`; `?lang=en` gives English titles.

use crate::db::Db;
use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::ics::{calendar, IcsEntry};
use super::store::{feed_sessions, FeedSession};
use super::{AgendaQuery, EventKind};
use crate::i18n::Locale;

#[derive(Deserialize)]
pub struct FeedOptions {
    lang: Option<String>,
}

fn locale(options: &FeedOptions) -> Locale {
    match options.lang.as_deref() {
        Some("en") => Locale::en,
        _ => Locale::id,
    }
}

fn entry(session: FeedSession, origin: &str, locale: Locale) -> IcsEntry {
    let pick =
        |id: String, en: Option<String>| crate::ui::text::pick(locale, &id, en.as_deref()).text;
    let url = format!("{origin}/budaya/acara/{}", session.slug);
    let location = [session.venue, session.address, session.village_name]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    IcsEntry {
        uid: format!("session-{}@smart-kampung", session.id),
        starts_at: session.starts_at,
        ends_at: session.ends_at,
        summary: pick(session.title_id, session.title_en),
        description: format!("{}\n{url}", pick(session.summary_id, session.summary_en)),
        location,
        geo: session.latitude.zip(session.longitude),
        url,
        cancelled: session.cancelled,
    }
}

/// `kemiren.ics` → `kemiren`; anything else is not a calendar file.
fn stem(file: &str) -> Option<&str> {
    file.strip_suffix(".ics").filter(|stem| {
        !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

async fn respond(
    pool: &Db,
    headers: &HeaderMap,
    name: &str,
    listing: &str,
    query: AgendaQuery,
    locale: Locale,
    download_as: Option<&str>,
) -> Response {
    let now = crate::db::now_unix();
    let sessions = match feed_sessions(pool, listing, &query, now).await {
        Ok(sessions) => sessions,
        Err(error) => {
            tracing::error!(%error, "calendar feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if !listing.is_empty() && sessions.is_empty() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let origin = crate::kernel::site::site_origin(headers);
    let entries: Vec<IcsEntry> = sessions
        .into_iter()
        .map(|session| entry(session, &origin, locale))
        .collect();
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (header::CACHE_CONTROL, "public, max-age=900".to_string()),
        ],
        calendar(name, &entries, now),
    )
        .into_response();
    if let Some(file) = download_as {
        if let Ok(value) = format!("attachment; filename=\"{file}\"").parse() {
            response
                .headers_mut()
                .insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}

/// One listing's sessions, as a file to open in the phone's calendar.
pub async fn listing_calendar(
    State(pool): State<Db>,
    Path(file): Path<String>,
    Query(options): Query<FeedOptions>,
    headers: HeaderMap,
) -> Response {
    let Some(slug) = stem(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    respond(
        &pool,
        &headers,
        slug,
        slug,
        AgendaQuery::default(),
        locale(&options),
        Some(&file),
    )
    .await
}

/// Every listing of a village, to subscribe to.
pub async fn village_feed(
    State(pool): State<Db>,
    Path(file): Path<String>,
    Query(options): Query<FeedOptions>,
    headers: HeaderMap,
) -> Response {
    let Some(village) = stem(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let name = match crate::on_db!(&pool, |c| sqlx::query_scalar::<_, String>(
        "SELECT name FROM villages WHERE slug = $1"
    )
    .bind(village)
    .fetch_optional(c)
    .await)
    {
        Ok(Some(name)) => name,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "village feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let query = AgendaQuery {
        village: village.to_string(),
        ..AgendaQuery::default()
    };
    respond(
        &pool,
        &headers,
        &format!("{name} · Smart Kampung"),
        "",
        query,
        locale(&options),
        None,
    )
    .await
}

/// Every listing of one kind (all festivals, all classes…), to subscribe to.
pub async fn kind_feed(
    State(pool): State<Db>,
    Path(file): Path<String>,
    Query(options): Query<FeedOptions>,
    headers: HeaderMap,
) -> Response {
    let Some(kind) = stem(&file).and_then(EventKind::from_code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let query = AgendaQuery {
        kind: kind.code().to_string(),
        ..AgendaQuery::default()
    };
    let name = format!("Budaya {} · Smart Kampung", kind.code());
    respond(&pool, &headers, &name, "", query, locale(&options), None).await
}
