//! The browser entry point. It lives in its own tiny crate so that building the server never links an
//! unused (~100 MB) cdylib of the whole `app`.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Islands mode: only components marked `#[island]` come alive; the rest stays server-rendered HTML.
    app::start_islands();
}
