//! Client-side navigation: the app behaves as a single-page app without the wasm having to render pages.
//!
//! Every page is rendered on the server (islands mode). The router script (`navigation.js`, inlined by
//! `WasmLoader` into the first page, ~2 KiB compressed) turns link clicks, back/forward and form posts
//! into `fetch`es of the next page, swaps it into the document and starts the islands it brings; islands
//! that the new page renders exactly as before keep running, with their state. Without JavaScript the
//! same links and forms work as plain navigations and posts.
//!
//! Leptos 0.8 ships such a script (`islands_routing.js`, behind the `islands-router` feature, which we
//! turn on for its branch markers and its `Islands-Router` request header). Ours replaces it because it
//! had gaps this app hits:
//! - it copies attributes onto the old elements but never removes stale ones (two bottom-nav links keep
//!   `aria-current="page"`; `aria-invalid`, `hidden`, `data-submitting` survive): here the body is
//!   replaced, not patched, and the attributes of `<html>`/`<body>` are synchronised both ways;
//! - it posts every form as `URLSearchParams`, so multipart photo, document and receipt forms lost their
//!   files: here multipart forms send their `FormData`;
//! - it fetches same-page `#fragment` links (the skip link) instead of scrolling, and fetch drops the
//!   fragment of a redirect (`…?disimpan=profil#profil-desa`): same-page fragments are left to the
//!   browser, and the server hands a navigation's redirect over as an `Islands-Location` header
//!   (`server/src/middleware.rs`) so the router keeps the fragment;
//! - it neither scrolls nor moves focus: here the page goes to the top (or the fragment, or the first
//!   invalid field) and focus moves to the page's heading, so screen readers announce the new page;
//!   back/forward return to the scroll position the person left.
//!
//! It also keeps the title, `<html lang>` and the head's meta tags of the new page (a language switch is
//! a form post like any other, so it happens in place), shows progress (`html[data-navigating]`) on slow
//! links, and falls back to the browser's own navigation when a fetch fails.

/// The router script, run once per document.
pub const ROUTER: &str = include_str!("navigation.js");

/// Shows `url` through the router (for islands that post by themselves, such as the photo upload);
/// a full page load where the router is not running. An empty `url` reloads the page.
#[cfg(feature = "hydrate")]
pub fn go_to(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if url.is_empty() {
        let _ = window.location().reload();
        return;
    }
    if !hand_over(&wasm_bindgen::JsValue::from_str(url)) {
        let _ = window.location().assign(url);
    }
}

/// Gives the router a navigation: a URL, or `{ url, live: true }` to swap only the page's `data-live`
/// parts and replace the address (live search). False if no router took it.
#[cfg(feature = "hydrate")]
pub fn hand_over(detail: &wasm_bindgen::JsValue) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    init.set_cancelable(true);
    // The router cancels the event when it takes the navigation over.
    web_sys::CustomEvent::new_with_event_init_dict("sk:navigate", &init)
        .ok()
        .and_then(|event| window.dispatch_event(&event).ok())
        .is_some_and(|not_cancelled| !not_cancelled)
}

#[cfg(test)]
mod tests {
    use super::ROUTER;

    #[test]
    fn the_script_can_be_inlined_into_a_page() {
        assert!(!ROUTER.to_ascii_lowercase().contains("</script"));
        assert!(!ROUTER.contains("<!--"));
    }
}
