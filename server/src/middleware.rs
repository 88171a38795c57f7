//! The middleware stack, outermost first: request logging, panic catching, client IP, cross-site
//! refusal, compression, the page cache, security headers, server-function answers; then, per part of the
//! router, its allowance of body size and time (`allow`: photo uploads get more than forms).

use std::time::Duration;

use app::akun::rate_limit::ClientIp;
use axum::{
    body::Body,
    extract::{ConnectInfo, DefaultBodyLimit},
    http::Request,
    middleware::{from_fn, Next},
    response::{IntoResponse, Response},
    Router,
};
use http::{header, HeaderValue, StatusCode};
use tower::{util::MapRequestLayer, ServiceBuilder};
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer,
    set_header::SetResponseHeaderLayer, trace::TraceLayer,
};

/// What a kind of route allows a request: its body's size and its time. Each router part gets its own
/// (`allow`), so no middleware needs to recognise upload paths by their spelling.
#[derive(Clone, Copy, Debug)]
pub struct Allowance {
    pub body_bytes: usize,
    pub time: Duration,
}

/// Pages, forms and server-function calls are small, and a slow phone link finishes such a post within
/// a minute.
pub const FORMS: Allowance = Allowance {
    body_bytes: BODY_LIMIT_BYTES,
    time: Duration::from_secs(60),
};

/// Photo uploads: up to six phone photos (the upload handler refuses a single file over 12 MB itself,
/// with a message next to the field), which over 3G (~1 Mbit/s up) take minutes, not seconds.
pub const PHOTO_UPLOADS: Allowance = Allowance {
    body_bytes: 80 * 1024 * 1024,
    time: Duration::from_secs(600),
};

const BODY_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// Gives every route of `router` this allowance: 413 at once when the declared length is over it, a
/// cut-off for a body that grows past it without declaring its length, 408 past the time. axum's own
/// extractor limit (2 MiB by default, which turned away every ordinary 3 MB phone photo) is set to the
/// same size.
pub fn allow<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    allowance: Allowance,
) -> Router<S> {
    router
        .layer(from_fn(move |request, next| {
            enforce(allowance, request, next)
        }))
        .layer(DefaultBodyLimit::max(allowance.body_bytes))
}

async fn enforce(allowance: Allowance, request: Request<Body>, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > allowance.body_bytes) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let request =
        request.map(|body| Body::new(http_body_util::Limited::new(body, allowance.body_bytes)));
    match tokio::time::timeout(allowance.time, next.run(request)).await {
        Ok(response) => response,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

pub fn apply<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    trust_forwarded_for: bool,
    page_cache: std::sync::Arc<crate::page_cache::PageCache>,
) -> Router<S> {
    // HSTS only for a site served over HTTPS (browsers ignore it over plain HTTP anyway). A year, as
    // the preload list asks; subdomains are not ours to promise.
    let strict_transport_security = app::kernel::site::configured()
        .filter(|url| url.starts_with("https://"))
        .map(|_| HeaderValue::from_static("max-age=31536000"));
    router.layer(
        ServiceBuilder::new()
            // Log method, path (never the query string: it may carry personal data) and outcome.
            .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
                tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
            }))
            .layer(CatchPanicLayer::custom(|_| {
                tracing::error!("a request handler panicked");
                http::Response::builder()
                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                    .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
                    .body(Body::from("Maaf, ada gangguan. / Sorry, something went wrong."))
                    .unwrap_or_default()
            }))
            .layer(MapRequestLayer::new(move |request: Request<Body>| {
                with_client_ip(request, trust_forwarded_for)
            }))
            .layer(from_fn(refuse_cross_site))
            .layer(from_fn(hand_redirects_to_the_router))
            // HTML and JSON are compressed on the fly; /pkg files arrive precompressed and are skipped.
            .layer(CompressionLayer::new())
            // Inside compression (a kept page is compressed for each visitor's encoding) and outside the
            // headers below, which a kept page gets again on every answer.
            .layer(from_fn(move |request, next| {
                crate::page_cache::serve(page_cache.clone(), request, next)
            }))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_FRAME_OPTIONS,
                HeaderValue::from_static("DENY"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            ))
            // No page uses the camera API, the microphone, location or payments (photos come
            // through a file picker): a script injected anywhere gets none of them.
            .layer(SetResponseHeaderLayer::if_not_present(
                http::HeaderName::from_static("permissions-policy"),
                HeaderValue::from_static(
                    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
                ),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::STRICT_TRANSPORT_SECURITY,
                strict_transport_security,
            ))
            .layer(from_fn(server_function_answers)),
    )
}

/// Records who is asking (for per-IP rate limits): the socket's address, or the last address a trusted
/// reverse proxy appended to `X-Forwarded-For`.
fn with_client_ip(mut request: Request<Body>, trust_forwarded_for: bool) -> Request<Body> {
    let forwarded = trust_forwarded_for
        .then(|| request.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|value| value.to_str().ok())
        .and_then(|list| list.rsplit(',').next())
        .map(|ip| ip.trim().to_string())
        .filter(|ip| !ip.is_empty());
    let socket = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip().to_string());
    if let Some(ip) = forwarded.or(socket) {
        request.extensions_mut().insert(ClientIp(ip));
    }
    request
}

/// Refuses state-changing requests sent by pages of other sites (see `app::akun::csrf`).
async fn refuse_cross_site(request: Request<Body>, next: Next) -> Response {
    match app::akun::csrf::check(request.method(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(reason) => {
            tracing::warn!(?reason, path = %request.uri().path(), "cross-site request refused");
            (
                StatusCode::FORBIDDEN,
                "Permintaan dari situs lain ditolak. / Cross-site request refused.",
            )
                .into_response()
        }
    }
}

/// The header the client-side router (`app/src/ui/navigation.js`) sends with each page it fetches.
const ROUTER_REQUEST: &str = "islands-router";
/// Where a redirect would have sent the router.
const ROUTER_LOCATION: &str = "islands-location";

/// A redirect answered to the router's `fetch` comes as `200` with the target in `Islands-Location`:
/// fetch would follow a real one itself and lose its `#fragment` (`/akun?disimpan=profil#profil`), so
/// the page would open at the top instead of at the saved section. `307`/`308` (repeat the post) stay.
async fn hand_redirects_to_the_router(request: Request<Body>, next: Next) -> Response {
    let from_router = request.headers().contains_key(ROUTER_REQUEST);
    let mut response = next.run(request).await;
    let redirect = matches!(
        response.status(),
        StatusCode::MOVED_PERMANENTLY | StatusCode::FOUND | StatusCode::SEE_OTHER
    );
    if !(from_router && redirect) {
        return response;
    }
    let Some(location) = response.headers_mut().remove(header::LOCATION) else {
        return response;
    };
    *response.status_mut() = StatusCode::OK;
    *response.body_mut() = Body::empty();
    response.headers_mut().remove(header::CONTENT_LENGTH);
    response.headers_mut().remove(header::CONTENT_TYPE);
    response
        .headers_mut()
        .insert(http::HeaderName::from_static(ROUTER_LOCATION), location);
    response
}

/// Server-function calls (`/api/…`). Arguments that are not UTF-8 once percent-decoded are refused with
/// 422 (they were silently stored as U+FFFD). And an argument the caller got wrong — missing, repeated,
/// not a number — must answer with its error's own status: server_fn answers every error it raises while
/// reading arguments with 500, so the `AppError` in such an answer decides the status.
async fn server_function_answers(request: Request<Body>, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(arguments) = axum::body::to_bytes(body, BODY_LIMIT_BYTES).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let url_encoded = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    let query_is_text = parts
        .uri
        .query()
        .is_none_or(|query| percent_decodes_to_utf8(query.as_bytes()));
    if !query_is_text || (url_encoded && !percent_decodes_to_utf8(&arguments)) {
        let error = app::error::AppError::field("", "not_utf8");
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            [(header::CONTENT_TYPE, "application/json")],
            serde_json::to_string(&error).unwrap_or_default(),
        )
            .into_response();
    }
    let mut response = next
        .run(Request::from_parts(parts, Body::from(arguments.clone())))
        .await;
    if url_encoded {
        keep_typed_values_of_refusal(&mut response, &arguments);
    }
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(answer) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<app::error::AppError>(&answer) {
        if let Ok(status) = StatusCode::from_u16(error.status()) {
            parts.status = status;
        }
    }
    Response::from_parts(parts, Body::from(answer))
}

/// A refused plain form post is redirected back to its form with `__err`: the typed values (never
/// secrets) go along in a short-lived cookie for the form to show again (see `app::ui::form_draft`).
fn keep_typed_values_of_refusal(response: &mut Response, arguments: &[u8]) {
    use app::ui::form_draft::{keepable_fields, DRAFT_COOKIE, DRAFT_SECONDS};
    let refused = response.status().is_redirection()
        && response
            .headers()
            .get(header::LOCATION)
            .and_then(|location| location.to_str().ok())
            .is_some_and(|location| location.contains("__err="));
    if !refused {
        return;
    }
    let Some(draft) = keepable_fields(arguments) else {
        return;
    };
    let secure = if app::kernel::site::configured().is_some_and(|url| url.starts_with("https://")) {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{DRAFT_COOKIE}={draft}; Path=/; Max-Age={DRAFT_SECONDS}; HttpOnly; SameSite=Lax{secure}"
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Whether a URL-encoded form (or query) decodes to UTF-8 text: `%FF` or raw bytes that are not UTF-8
/// make it false. A malformed `%` escape is left to the form parser.
fn percent_decodes_to_utf8(encoded: &[u8]) -> bool {
    let mut decoded = Vec::with_capacity(encoded.len());
    let mut index = 0;
    while index < encoded.len() {
        let byte = encoded[index];
        let hex = |at: usize| {
            encoded
                .get(at)
                .and_then(|digit| (*digit as char).to_digit(16))
        };
        match (byte, hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                decoded.push((high * 16 + low) as u8);
                index += 3;
            }
            (b'&' | b'=', _, _) => {
                // Each key and value must be text on its own.
                if std::str::from_utf8(&decoded).is_err() {
                    return false;
                }
                decoded.clear();
                index += 1;
            }
            _ => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::percent_decodes_to_utf8;

    #[test]
    fn forms_must_decode_to_text() {
        assert!(percent_decodes_to_utf8(b"name=Kopi+Osing&note=caf%C3%A9"));
        assert!(percent_decodes_to_utf8(b"q=100%25&x=%zz"));
        assert!(!percent_decodes_to_utf8(b"name=%FF%FE"));
        assert!(
            !percent_decodes_to_utf8(b"name=caf%C3&x=%A9"),
            "split across fields"
        );
        assert!(!percent_decodes_to_utf8(b"name=\xff"));
        assert!(!percent_decodes_to_utf8(&[b'a', b'=', 0xff]));
    }
}
