//! Scanning a ticket's QR code at the door, where the phone's browser can read QR codes itself
//! (`BarcodeDetector`, Chrome on Android). The organiser taps "Scan", the camera opens (a file input with
//! `capture`: no camera permission is asked of the page), and the code read from the photo fills the
//! check-in form and sends it; the router shows the answer in place. Elsewhere the button stays hidden
//! and the code is typed, as without JavaScript.

use leptos::prelude::*;

/// `field`: the id of the code input of the check-in form next to it.
#[island]
pub fn ScanTicket(field: String, scan: String, unreadable: String) -> impl IntoView {
    let available = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| available.set(browser::detector().is_some()));
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let on_photo = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        browser::read(&event, field.clone(), unreadable.clone(), message);
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = (&field, &unreadable);
    view! {
        <div class="mt-2" hidden=move || !available.get() data-testid="scan-ticket">
            <label class="inline-flex min-h-12 cursor-pointer items-center justify-center rounded-lg border border-stone-300 bg-white px-4 font-semibold">
                {scan}
                <input type="file" accept="image/*" capture="environment" class="sr-only" on:change=on_photo />
            </label>
            <p role="status" class="mt-1 text-sm font-medium text-red-700">{move || message.get()}</p>
        </div>
    }
}

/// The ticket code in what a ticket's QR code holds (`https://…/tiket/ABCD-2345`), or the text itself.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn code_in(scanned: &str) -> String {
    let scanned = scanned.trim();
    let code = match scanned.rsplit_once("/tiket/") {
        Some((_, rest)) => rest,
        None => scanned,
    };
    code.split(['?', '#', '/'])
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(feature = "hydrate")]
mod browser {
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// A QR `BarcodeDetector`, where the browser has one.
    pub fn detector() -> Option<JsValue> {
        let window = web_sys::window()?;
        let constructor = Reflect::get(&window, &"BarcodeDetector".into()).ok()?;
        let constructor = constructor.dyn_into::<Function>().ok()?;
        let options = Object::new();
        Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into())).ok()?;
        Reflect::construct(&constructor, &Array::of1(&options)).ok()
    }

    pub fn read(
        event: &leptos::ev::Event,
        field: String,
        unreadable: String,
        message: RwSignal<Option<String>>,
    ) {
        let Some(file) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.item(0))
        else {
            return;
        };
        spawn_local(async move {
            message.set(None);
            match scanned_text(&file).await {
                Some(text) => send(&field, &super::code_in(&text)),
                None => message.set(Some(unreadable)),
            }
        });
    }

    async fn scanned_text(file: &web_sys::File) -> Option<String> {
        let detector = detector()?;
        let bitmap = JsFuture::from(
            web_sys::window()?
                .create_image_bitmap_with_blob(file)
                .ok()?,
        )
        .await
        .ok()?;
        let detect = Reflect::get(&detector, &"detect".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        let found = detect
            .call1(&detector, &bitmap)
            .ok()?
            .dyn_into::<Promise>()
            .ok()?;
        let found = JsFuture::from(found).await.ok()?.dyn_into::<Array>().ok()?;
        Reflect::get(&found.get(0), &"rawValue".into())
            .ok()?
            .as_string()
    }

    /// Fills the code into the check-in form and sends it as if the organiser had typed it.
    fn send(field: &str, code: &str) {
        let Some(input) = document()
            .get_element_by_id(field)
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        input.set_value(code);
        if let Some(form) = input.form() {
            let _ = form.request_submit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::code_in;

    #[test]
    fn the_code_is_read_from_a_ticket_url_or_as_typed() {
        assert_eq!(
            code_in("https://kampung.example/tiket/ABCD-2345"),
            "ABCD-2345"
        );
        assert_eq!(
            code_in("http://127.0.0.1:3000/tiket/ABCD-2345?x=1"),
            "ABCD-2345"
        );
        assert_eq!(code_in(" ABCD-2345 "), "ABCD-2345");
    }
}
