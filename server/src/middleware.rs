//! The middleware stack, outermost first: request logging, panic catching, body limit, compression,
//! security headers, timeout.

use std::time::Duration;

use axum::{body::Body, http::Request, Router};
use http::{header, HeaderValue, StatusCode};
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer,
    set_header::SetResponseHeaderLayer, timeout::TimeoutLayer, trace::TraceLayer,
};

/// Forms and server-function calls are small; photo uploads will get their own, larger limit.
const BODY_LIMIT_BYTES: usize = 2 * 1024 * 1024;
/// Long enough for a slow phone link to finish an upload of that size.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

pub fn apply<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
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
            .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
            // HTML and JSON are compressed on the fly; /pkg files arrive precompressed and are skipped.
            .layer(CompressionLayer::new())
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
            // Innermost, because its own 408 answer needs the plain body type.
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT)),
    )
}
