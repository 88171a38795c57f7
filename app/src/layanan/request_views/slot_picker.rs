//! The visit slot picker of a service page as an island: the server renders the free slots with their
//! places left; in the browser the list refreshes itself (every 30 s, and when the phone comes back to
//! the page), so a resident filling in the form on a busy morning sees a slot fill up, and is told when
//! the one they chose just did, before they submit.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::layanan::SlotChoice;
use crate::ui::style::SELECT;

/// A slot as the picker shows it: its start (the posted value), its day and time already in words
/// (formatted on the server, in the page's language), and its places left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotOption {
    pub starts_at: i64,
    pub when: String,
    pub places_left: i64,
}

/// `places_template`: "{count} places left", translated. `full`: what to say when the chosen slot filled.
#[island]
pub fn SlotPicker(
    village: String,
    service: String,
    options: Vec<SlotOption>,
    places_template: String,
    full: String,
) -> impl IntoView {
    let options = RwSignal::new(options);
    let chosen_filled = RwSignal::new(false);
    let select = NodeRef::<leptos::html::Select>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        browser::keep_fresh(
            village.clone(),
            service.clone(),
            options,
            chosen_filled,
            select,
        )
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (village, service);
    let places_template = StoredValue::new(places_template);
    let label = move |starts_at: i64| {
        options.with(|options| {
            options
                .iter()
                .find(|option| option.starts_at == starts_at)
                .map(|option| {
                    let places = places_template.with_value(|template| {
                        template.replace("{count}", &option.places_left.to_string())
                    });
                    format!("{} · {places}", option.when)
                })
                .unwrap_or_default()
        })
    };
    view! {
        <select id="f-slot" name="slot" required class=SELECT node_ref=select on:change=move |_| chosen_filled.set(false)>
            <For each=move || options.get() key=|option| option.starts_at let:option>
                <option value=option.starts_at>{move || label(option.starts_at)}</option>
            </For>
        </select>
        <p role="status" data-testid="slot-filled" class="text-sm font-medium text-amber-800" hidden=move || !chosen_filled.get()>{full}</p>
    }
}

impl SlotOption {
    pub fn of(slot: &SlotChoice, when: String) -> Self {
        SlotOption {
            starts_at: slot.starts_at,
            when,
            places_left: slot.places_left,
        }
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use leptos::server_fn::ServerFn;
    use leptos::task::spawn_local;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::SlotOption;
    use crate::layanan::SlotChoice;

    const EVERY_MS: i32 = 30_000;

    pub fn keep_fresh(
        village: String,
        service: String,
        options: RwSignal<Vec<SlotOption>>,
        chosen_filled: RwSignal<bool>,
        select: NodeRef<leptos::html::Select>,
    ) {
        let refresh = move || {
            // The router may have shown another page since: nothing to refresh there.
            if !select
                .get_untracked()
                .is_some_and(|select| select.is_connected())
            {
                return;
            }
            let (village, service) = (village.clone(), service.clone());
            spawn_local(async move {
                let Some(free) = free_slots(&village, &service).await else {
                    return;
                };
                let chosen = select.get_untracked().map(|select| select.value());
                options.update(|options| {
                    options.retain_mut(|option| {
                        match free.iter().find(|slot| slot.starts_at == option.starts_at) {
                            Some(slot) => {
                                option.places_left = slot.places_left;
                                true
                            }
                            None => false,
                        }
                    });
                });
                let still_there = chosen.as_deref().is_none_or(|chosen| {
                    options.with_untracked(|options| {
                        options
                            .iter()
                            .any(|option| option.starts_at.to_string() == chosen)
                    })
                });
                if !still_there {
                    chosen_filled.set(true);
                }
            });
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let on_timer = Closure::<dyn Fn()>::new({
            let refresh = refresh.clone();
            move || {
                if document().visibility_state() == web_sys::VisibilityState::Visible {
                    refresh();
                }
            }
        });
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            on_timer.as_ref().unchecked_ref(),
            EVERY_MS,
        );
        let on_visible = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                refresh();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        // For as long as the page lives.
        on_timer.forget();
        on_visible.forget();
    }

    /// Calls the `list_free_slots` server function with a plain `fetch` and reads its JSON answer with
    /// the browser's own parser: the generic server-function client would add ~15 KiB to the wasm that
    /// every page downloads.
    async fn free_slots(village: &str, service: &str) -> Option<Vec<SlotChoice>> {
        let body = web_sys::UrlSearchParams::new().ok()?;
        body.append("village", village);
        body.append("slug", service);
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let request =
            web_sys::Request::new_with_str_and_init(crate::layanan::ListFreeSlots::url(), &init)
                .ok()?;
        request.headers().set("Accept", "application/json").ok()?;
        let answer: web_sys::Response =
            JsFuture::from(web_sys::window()?.fetch_with_request(&request))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
        if !answer.ok() {
            return None;
        }
        let slots: js_sys::Array = JsFuture::from(answer.json().ok()?)
            .await
            .ok()?
            .dyn_into()
            .ok()?;
        let number = |slot: &JsValue, name: &str| {
            js_sys::Reflect::get(slot, &name.into())
                .ok()?
                .as_f64()
                .map(|value| value as i64)
        };
        slots
            .iter()
            .map(|slot| {
                Some(SlotChoice {
                    starts_at: number(&slot, "starts_at")?,
                    places_left: number(&slot, "places_left")?,
                })
            })
            .collect()
    }
}
