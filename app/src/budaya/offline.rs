//! Tickets that work without signal: a small service worker (`/sw.js`, see `ticket-offline.js`) and the
//! script on the ticket page that registers it and keeps that page and its stylesheet in the cache.

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

/// The inline script on a ticket page (it carries the response's CSP nonce).
pub fn register_script() -> String {
    format!(
        "if('serviceWorker'in navigator&&'caches'in window){{navigator.serviceWorker.register('/sw.js');\
         caches.open('{CACHE_NAME}').then(function(c){{return c.addAll([location.pathname].concat(\
         Array.prototype.map.call(document.querySelectorAll('link[rel=stylesheet]'),function(l){{return l.href}})))}})\
         .catch(function(){{}})}}"
    )
}
