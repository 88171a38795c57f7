//! The cart in the header and "add to cart" without leaving the product: two islands that talk through
//! one browser event (`sk:cart`, its detail the cart's new item count), since islands share no signals.

use leptos::prelude::*;

use crate::i18n::*;
use crate::pasar::get_cart_count;

/// The window event that carries the cart's new item count from [`QuickAdd`] to [`CartBadge`].
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const CART_CHANGED: &str = "sk:cart";

/// The header's cart link with the number of items in it (server-rendered on every page, so a plain
/// page load is always right).
#[component]
pub fn CartLink() -> impl IntoView {
    let i18n = use_i18n();
    let count = Resource::new(|| (), |_| get_cart_count());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let count = count.await.unwrap_or(0);
                view! { <CartBadge count label=t_string!(i18n, pasar.cart_title).to_string() /> }
            })}
        </Suspense>
    }
}

/// The cart link as an island: it keeps its count up to date when [`QuickAdd`] puts something in the
/// cart, without a page load.
#[island]
fn CartBadge(count: u32, label: String) -> impl IntoView {
    let count = RwSignal::new(count);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::follow_cart(count));
    let aria_label = {
        let label = label.clone();
        move || format!("{label} ({})", count.get())
    };
    view! {
        <a
            href="/pasar/keranjang"
            aria-label=aria_label
            class="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-teal-800"
        >
            <svg viewBox="0 0 24 24" class="h-6 w-6" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
                <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2M10 21h.01M17 21h.01" />
            </svg>
            <span
                data-testid="cart-count"
                hidden=move || count.get() == 0
                class="absolute right-0 top-0 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold text-stone-900"
            >
                {move || count.get()}
            </span>
        </a>
    }
}

/// Wraps the add-to-cart form of a product page. Without JavaScript (or before the wasm has loaded) it
/// is the plain form: posted, then the cart opens. Live, a tap adds the item in place: the header's count
/// changes and a note links to the cart. Anything the server refuses (a visitor not signed in, a
/// quantity out of range, sold out meanwhile) goes the plain way, through the router, so the person sees
/// the same page and messages as without JavaScript.
#[island]
pub fn QuickAdd(added: String, view_cart: String, children: Children) -> impl IntoView {
    let note = RwSignal::new(false);
    let busy = RwSignal::new(false);
    #[cfg(not(feature = "hydrate"))]
    let _ = busy;
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        browser::add(event, note, busy);
    };
    view! {
        <div on:submit:capture=on_submit>
            {children()}
            <p role="status" data-testid="added-to-cart" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900" hidden=move || !note.get()>
                {added} " "
                <a href="/pasar/keranjang" class="font-semibold underline">{view_cart}</a>
            </p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{HtmlFormElement, Request, RequestInit, Response};

    use super::CART_CHANGED;

    pub fn follow_cart(count: RwSignal<u32>) {
        let on_change =
            Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
                if let Some(new_count) = event.detail().as_f64() {
                    count.set(new_count as u32);
                }
            });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback(CART_CHANGED, on_change.as_ref().unchecked_ref());
        }
        // As long as the header is shown: the router keeps this island while the count stays the same.
        on_change.forget();
    }

    /// Runs on the wrapper itself, before the page-wide listeners (form progress, then the router).
    pub fn add(event: leptos::ev::SubmitEvent, note: RwSignal<bool>, busy: RwSignal<bool>) {
        let Some(form) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        if form.has_attribute("data-plain") {
            return;
        }
        event.prevent_default();
        // A second tap while the first is on its way adds nothing.
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        note.set(false);
        spawn_local(async move {
            let count = post(&form).await;
            busy.set(false);
            crate::ui::form::release(&form);
            match count {
                Some(count) => {
                    tell_header(count);
                    note.set(true);
                }
                // The plain way: the router posts the form and shows the server's answer.
                None => {
                    let _ = form.set_attribute("data-plain", "");
                    let _ = form.request_submit();
                    let _ = form.remove_attribute("data-plain");
                }
            }
        });
    }

    /// Calls the server function with the form's fields; the new count if it was added.
    async fn post(form: &HtmlFormElement) -> Option<u32> {
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let request = Request::new_with_str_and_init(&form.action(), &init).ok()?;
        request.headers().set("Accept", "application/json").ok()?;
        let answer = JsFuture::from(web_sys::window()?.fetch_with_request(&request))
            .await
            .ok()?
            .dyn_into::<Response>()
            .ok()?;
        if !answer.ok() {
            return None;
        }
        let text = JsFuture::from(answer.text().ok()?)
            .await
            .ok()?
            .as_string()?;
        text.trim().parse().ok()
    }

    fn tell_header(count: u32) {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&JsValue::from_f64(f64::from(count)));
        if let (Some(window), Ok(event)) = (
            web_sys::window(),
            web_sys::CustomEvent::new_with_event_init_dict(CART_CHANGED, &init),
        ) {
            let _ = window.dispatch_event(&event);
        }
    }
}
