//! Tickets that work without signal: the site's service worker (`/sw.js`, `ui::installable`) and the
//! script the ticket page loads (`/tiket-offline.js`) that registers it and keeps that page and its
//! stylesheet in the cache.

use axum::{http::header, response::IntoResponse};

/// The name of the cache the worker and the page share.
pub const CACHE_NAME: &str = crate::ui::installable::TICKET_CACHE;

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
