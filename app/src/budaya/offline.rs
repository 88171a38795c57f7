//! Tickets that work without signal: a small service worker (`/sw.js`, see `ticket-offline.js`) and the
//! script the ticket page loads (`/tiket-offline.js`) that registers it and keeps that page and its
//! stylesheet in the cache.

use axum::{http::header, response::IntoResponse};

const SERVICE_WORKER: &str = include_str!("ticket-offline.js");

/// The name of the cache the worker and the page share.
pub const CACHE_NAME: &str = "sk-tiket-v1";

/// `GET /sw.js`. Served from the root so the worker's scope covers `/tiket/`; never cached long, so a
/// new version reaches phones at once.
pub async fn service_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SERVICE_WORKER,
    )
}

/// The path of the script a ticket page loads to register the worker.
pub const REGISTRATION_PATH: &str = "/tiket-offline.js";

/// `GET /tiket-offline.js`: registers the worker and keeps the page that loaded it, and its stylesheet,
/// in the cache. A file rather than an inline script: the client-side router runs a swapped-in page's
/// `<script src>` as a page load would, while an inline one would need the first page's CSP nonce.
pub async fn registration_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        format!(
            "if('serviceWorker'in navigator&&'caches'in window){{navigator.serviceWorker.register('/sw.js');\
             caches.open('{CACHE_NAME}').then(function(c){{return c.addAll([location.pathname].concat(\
             Array.prototype.map.call(document.querySelectorAll('link[rel=stylesheet]'),function(l){{return l.href}})))}})\
             .catch(function(){{}})}}"
        ),
    )
}
