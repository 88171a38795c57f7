//! Whole pages kept in memory for anonymous visitors.
//!
//! A public page is the same for every visitor who is not signed in, in one language: the market, a
//! product, the agenda, a village. Rendering it costs a few database reads and a few hundred microseconds
//! of HTML; a tourist crowd asks for the same handful of pages. So the first anonymous `GET` of a page is
//! rendered and kept; the next ones are answered from memory.
//!
//! What keeps this safe:
//! - **Never shared:** anything sent with a session cookie, any answer that sets a cookie, anything but a
//!   `200` HTML page, anything marked `no-store`/`private`.
//! - **Never stale for long:** every request that can change data (any method but `GET`/`HEAD`/`OPTIONS`)
//!   moves a generation counter after it is answered, and an entry from an older generation is never
//!   served. Entries also expire after a few seconds, for pages that change with the clock ("this
//!   weekend", "upcoming"). The generation a page is stored under is read *before* it renders, so a write
//!   that lands while it renders makes the entry stale at once.
//! - **A strong CSP still:** a page's inline scripts are allowed by this response's nonce, and a nonce
//!   shared between visitors is no nonce. A page is stored with its `'nonce-…'` replaced by the SHA-256
//!   hashes of its inline scripts (and the nonce attributes removed), which may be shared.
//! - **Bounded memory:** a byte budget; the oldest entries go first.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use axum::{
    body::{Body, Bytes},
    extract::Request,
    middleware::Next,
    response::Response,
};
use base64::Engine;
use futures_util::StreamExt;
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use sha2::{Digest, Sha256};

/// A page larger than this is not kept (none of ours is near it).
const MAX_PAGE_BYTES: usize = 512 * 1024;

/// The response header that says a page came from memory (for benchmarks and tests).
pub const HIT_HEADER: &str = "x-page-cache";

#[derive(Debug, Clone, Copy)]
pub struct PageCacheSettings {
    /// How long an entry may be served; zero turns the cache off.
    pub ttl: Duration,
    /// The most page bytes kept at once.
    pub budget_bytes: usize,
}

impl PageCacheSettings {
    pub const OFF: PageCacheSettings = PageCacheSettings {
        ttl: Duration::ZERO,
        budget_bytes: 0,
    };

    pub fn seconds(ttl_seconds: u64) -> Self {
        PageCacheSettings {
            ttl: Duration::from_secs(ttl_seconds),
            // About two hundred pages: a regency's busy pages, inside the server's memory budget.
            budget_bytes: 8 * 1024 * 1024,
        }
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    language: String,
}

struct Entry {
    generation: u64,
    stored_at: Instant,
    headers: HeaderMap,
    body: Bytes,
}

pub struct PageCache {
    settings: PageCacheSettings,
    generation: AtomicU64,
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    pages: HashMap<Key, Entry>,
    bytes: usize,
}

impl PageCache {
    pub fn new(settings: PageCacheSettings) -> Arc<Self> {
        Arc::new(PageCache {
            settings,
            generation: AtomicU64::new(0),
            entries: Mutex::new(Entries::default()),
        })
    }

    fn enabled(&self) -> bool {
        !self.settings.ttl.is_zero() && self.settings.budget_bytes > 0
    }

    /// Data may have changed: no entry stored before now is served again.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn lookup(&self, key: &Key) -> Option<Response> {
        let generation = self.generation.load(Ordering::SeqCst);
        let entries = self.entries.lock().ok()?;
        let entry = entries.pages.get(key)?;
        if entry.generation != generation || entry.stored_at.elapsed() > self.settings.ttl {
            return None;
        }
        let mut response = Response::new(Body::from(entry.body.clone()));
        *response.headers_mut() = entry.headers.clone();
        response
            .headers_mut()
            .insert(HIT_HEADER, HeaderValue::from_static("hit"));
        Some(response)
    }

    fn store(&self, key: Key, generation: u64, headers: HeaderMap, body: Bytes) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        let size = body.len() + key.path_and_query.len();
        if let Some(old) = entries.pages.remove(&key) {
            entries.bytes -= old.body.len() + key.path_and_query.len();
        }
        // Make room: drop stale entries first, then the oldest, until the new page fits.
        let current = self.generation.load(Ordering::SeqCst);
        let ttl = self.settings.ttl;
        if entries.bytes + size > self.settings.budget_bytes {
            entries
                .pages
                .retain(|_, entry| entry.generation == current && entry.stored_at.elapsed() <= ttl);
            entries.bytes = entries
                .pages
                .iter()
                .map(|(key, entry)| entry.body.len() + key.path_and_query.len())
                .sum();
        }
        while entries.bytes + size > self.settings.budget_bytes {
            let Some(oldest) = entries
                .pages
                .iter()
                .min_by_key(|(_, entry)| entry.stored_at)
                .map(|(key, _)| key.clone())
            else {
                break;
            };
            if let Some(entry) = entries.pages.remove(&oldest) {
                entries.bytes -= entry.body.len() + oldest.path_and_query.len();
            }
        }
        if entries.bytes + size <= self.settings.budget_bytes {
            entries.bytes += size;
            entries.pages.insert(
                key,
                Entry {
                    generation,
                    stored_at: Instant::now(),
                    headers,
                    body,
                },
            );
        }
    }
}

/// The middleware: answers from memory when it may, keeps what it may, and moves the generation after
/// every request that can write.
pub async fn serve(cache: Arc<PageCache>, request: Request, next: Next) -> Response {
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if writes {
        let response = next.run(request).await;
        cache.invalidate();
        return response;
    }
    let Some(key) = cache.enabled().then(|| shareable_key(&request)).flatten() else {
        return next.run(request).await;
    };
    if let Some(hit) = cache.lookup(&key) {
        return hit;
    }
    let generation = cache.generation.load(Ordering::SeqCst);
    let response = next.run(request).await;
    if !shareable_response(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let mut stream = body.into_data_stream();
    let mut read = Vec::new();
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(chunk) => read.extend_from_slice(&chunk),
            Err(_) => {
                return Response::builder()
                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                    .body(Body::empty())
                    .unwrap_or_default();
            }
        }
        if read.len() > MAX_PAGE_BYTES {
            // Too large to keep: send what was read, then the rest as it comes.
            let head = futures_util::stream::once(async move { Ok(Bytes::from(read)) });
            return Response::from_parts(parts, Body::from_stream(head.chain(stream)));
        }
    }
    let bytes = Bytes::from(read);
    let Some((headers, shared_body)) = with_script_hashes(&parts.headers, &bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    cache.store(key, generation, headers.clone(), shared_body.clone());
    parts.headers = headers;
    Response::from_parts(parts, Body::from(shared_body))
}

/// The cache key of an anonymous visitor's `GET` of a page, or `None` when the answer may be personal.
fn shareable_key(request: &Request) -> Option<Key> {
    if request.method() != Method::GET {
        return None;
    }
    let path = request.uri().path();
    // Only pages: not the API, files, photos, feeds or the health check.
    if path.starts_with("/api/")
        || path.starts_with("/pkg/")
        || path.starts_with("/media/")
        || path == "/healthz"
        || path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
    {
        return None;
    }
    let mut chosen_language: Option<String> = None;
    for cookie in request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
    {
        for pair in cookie.split(';') {
            let (name, value) = pair.trim().split_once('=').unwrap_or((pair.trim(), ""));
            if name == app::akun::session::COOKIE_NAME {
                return None;
            }
            // The page's language, decided as the app decides it (the first valid cookie, else Indonesian).
            if chosen_language.is_none()
                && app::ui::language::locale_from_cookie_header(pair).is_some()
            {
                chosen_language = Some(value.trim().to_string());
            }
        }
    }
    Some(Key {
        path_and_query: request
            .uri()
            .path_and_query()
            .map_or(path, |whole| whole.as_str())
            .to_string(),
        language: chosen_language.unwrap_or_else(|| "id".into()),
    })
}

fn shareable_response(response: &Response) -> bool {
    let headers = response.headers();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let private = headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| value.contains("no-store") || value.contains("private"));
    response.status() == StatusCode::OK
        && html
        && !private
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
}

/// The page and headers to share: the CSP's `'nonce-…'` becomes the hashes of the page's inline scripts
/// and the nonce attributes are removed. `None` when the page cannot be shared safely (a nonce in the
/// page but no CSP naming it, a page that is not UTF-8).
fn with_script_hashes(headers: &HeaderMap, body: &[u8]) -> Option<(HeaderMap, Bytes)> {
    let mut headers = headers.clone();
    let html = std::str::from_utf8(body).ok()?;
    let Some(policy) = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|value| value.to_str().ok())
        .map(str::to_string)
    else {
        // No policy, so no nonce to protect; but a page with nonce attributes and no policy is odd.
        return (!html.contains(" nonce=")).then(|| (headers, Bytes::copy_from_slice(body)));
    };
    let Some(nonce) = policy
        .split_whitespace()
        .find_map(|source| source.strip_prefix("'nonce-")?.strip_suffix('\''))
    else {
        return Some((headers, Bytes::copy_from_slice(body)));
    };
    let attribute = format!(" nonce=\"{nonce}\"");
    let mut hashes = Vec::new();
    for script in inline_scripts(html) {
        let digest = Sha256::digest(script.as_bytes());
        let source = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        );
        if !hashes.contains(&source) {
            hashes.push(source);
        }
    }
    let shared_policy = policy.replace(&format!("'nonce-{nonce}'"), &hashes.join(" "));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&shared_policy).ok()?,
    );
    // Leptos 0.8 also writes the nonce as the wasm preload's `crossorigin` value, which browsers read as
    // an invalid keyword, that is `anonymous`: the empty value means the same.
    let shared_html = html
        .replace(&attribute, "")
        .replace(&format!(" crossorigin=\"{nonce}\""), " crossorigin=\"\"");
    // The nonce must be gone from the page entirely, or the shared copy would hand it out.
    if shared_html.contains(nonce) {
        return None;
    }
    Some((headers, Bytes::from(shared_html)))
}

/// The contents of the page's inline `<script>` elements (those without `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after_tag_name = &rest[start + "<script".len()..];
        let Some(tag_end) = after_tag_name.find('>') else {
            break;
        };
        let attributes = &after_tag_name[..tag_end];
        let content_and_rest = &after_tag_name[tag_end + 1..];
        let Some(close) = content_and_rest.find("</script>") else {
            break;
        };
        if !attributes.contains(" src=") {
            scripts.push(&content_and_rest[..close]);
        }
        rest = &content_and_rest[close + "</script>".len()..];
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_becomes_the_hashes_of_the_inline_scripts() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"),
        );
        let html = r#"<html><head><link rel="modulepreload" href="/pkg/a.js" nonce="abc123"><script type="module" nonce="abc123">import('/pkg/a.js')</script></head><body><script src="/x.js" nonce="abc123"></script><script></script></body></html>"#;
        let (shared, body) = with_script_hashes(&headers, html.as_bytes()).unwrap();
        let policy = shared[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import('/pkg/a.js')"));
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert!(!policy.contains("nonce"), "{policy}");
        assert!(policy.contains("'wasm-unsafe-eval'"));
        let body = std::str::from_utf8(&body).unwrap();
        assert!(!body.contains("abc123"), "{body}");
        assert!(body.contains("<script type=\"module\">import('/pkg/a.js')</script>"));
    }

    #[test]
    fn a_page_that_still_shows_its_nonce_elsewhere_is_not_shared() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'nonce-abc123'"),
        );
        let html = r#"<script nonce="abc123">x</script><p data-n='abc123'></p>"#;
        assert!(with_script_hashes(&headers, html.as_bytes()).is_none());
    }

    #[test]
    fn the_budget_keeps_the_newest_pages() {
        let cache = PageCache::new(PageCacheSettings {
            ttl: Duration::from_secs(60),
            budget_bytes: 250,
        });
        for page in 0..5 {
            let key = Key {
                path_and_query: format!("/p{page}"),
                language: "id".into(),
            };
            cache.store(key, 0, HeaderMap::new(), Bytes::from(vec![b'x'; 97]));
        }
        let entries = cache.entries.lock().unwrap();
        assert!(entries.bytes <= 250);
        assert_eq!(entries.pages.len(), 2);
        assert!(entries.pages.keys().any(|key| key.path_and_query == "/p4"));
    }
}
