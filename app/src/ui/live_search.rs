//! Search forms whose results follow the typing: the island around a GET filter form asks the router
//! for the results page a moment after the visitor stops typing or changes a filter. The router swaps
//! only the page's `data-live` parts (the results, the quick-filter chips) and replaces the address, so
//! the field keeps its focus and caret and every result list still has its own URL. The server renders
//! the results exactly as for a submitted form; without JavaScript the form is submitted as before.

use leptos::prelude::*;

/// How long typing must pause before the results are fetched (one request per word, not per letter,
/// on a slow link).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const PAUSE_MS: i32 = 350;

#[island]
pub fn LiveSearch(children: Children) -> impl IntoView {
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let on_input = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        browser::after_pause(&event);
    };
    // A submitted form goes the usual way; a search still waiting for its pause is dropped.
    let on_submit = move |_: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        browser::forget_pending();
    };
    view! { <div on:input=on_input on:change=on_input on:submit=on_submit>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::Cell;

    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::HtmlFormElement;

    use super::PAUSE_MS;

    thread_local! {
        static PENDING: Cell<Option<i32>> = const { Cell::new(None) };
    }

    pub fn forget_pending() {
        if let (Some(handle), Some(window)) = (PENDING.take(), web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }

    pub fn after_pause(event: &leptos::ev::Event) {
        let Some(form) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        forget_pending();
        let Some(window) = web_sys::window() else {
            return;
        };
        let fetch = Closure::once_into_js(move || {
            PENDING.set(None);
            // The person may have left the page while typing paused.
            if form.is_connected() {
                show_results_of(&form);
            }
        });
        if let Ok(handle) = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(fetch.unchecked_ref(), PAUSE_MS)
        {
            PENDING.set(Some(handle));
        }
    }

    /// The URL the form would have gone to, given to the router to swap the `data-live` parts in.
    fn show_results_of(form: &HtmlFormElement) {
        let Ok(data) = web_sys::FormData::new_with_form(form) else {
            return;
        };
        let Ok(query) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
            return;
        };
        let action = form.action();
        let base = action.split('?').next().unwrap_or(&action);
        let url = format!("{base}?{}", String::from(query.to_string()));
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"url".into(), &JsValue::from_str(&url));
        let _ = js_sys::Reflect::set(&detail, &"live".into(), &JsValue::TRUE);
        crate::ui::navigation::hand_over(&detail);
    }
}
