//! Who is asking, for plain axum handlers (photo uploads, private files, letter PDFs) — server functions
//! get theirs from `access::authorize`. Reads the session cookie like the pages do.
//!
//! - `actor: Actor` in a handler's arguments: the signed-in person, or 401 before the handler runs;
//! - `actor: Option<Actor>`: `None` for a visitor, whom a form handler sends to sign in with
//!   [`sign_in_and_return`].
//!
//! A database failure answers 500 (logged) either way.

use crate::db::Db;
use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::{header, request::Parts, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::access::Actor;

/// The signed-in person of a plain request, from the session cookie.
async fn actor_from_headers(
    pool: &Db,
    headers: &HeaderMap,
    now: i64,
) -> Result<Option<Actor>, sqlx::Error> {
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(super::session::token_from_cookie_header)
        .map(str::to_owned);
    let Some(token) = token else {
        return Ok(None);
    };
    match super::session::account_for_token(pool, &token, now).await? {
        Some(account) => super::store::load_actor(pool, account).await,
        None => Ok(None),
    }
}

impl<S> OptionalFromRequestParts<S> for Actor
where
    Db: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Option<Self>, Response> {
        let pool = Db::from_ref(state);
        actor_from_headers(&pool, &parts.headers, crate::db::now_unix())
            .await
            .map_err(|error| {
                tracing::error!(%error, "reading the session of a plain request");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            })
    }
}

impl<S> FromRequestParts<S> for Actor
where
    Db: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        match <Actor as OptionalFromRequestParts<S>>::from_request_parts(parts, state).await? {
            Some(actor) => Ok(actor),
            None => Err(StatusCode::UNAUTHORIZED.into_response()),
        }
    }
}

/// Sends a visitor to the sign-in page, to come back to `page` once signed in.
pub fn sign_in_and_return(page: &str) -> Response {
    let next = crate::kernel::text::encode_query(page);
    Redirect::to(&format!("/akun/masuk?next={next}")).into_response()
}
