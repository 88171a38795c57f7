//! Form pieces shared by every pillar: labelled fields with their error next to them, a form-level error,
//! and a submit button that shows progress. Forms are Leptos `ActionForm`s rendered on the server (islands
//! mode): the browser posts them to the server function, which answers with a redirect — to the next
//! page on success, back to the form on error, the error travelling in the URL's `__err` (never the
//! input), where the router hands it to the action. Same behaviour with JavaScript on or off.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::*;

/// The error of an action's last run, if it failed.
pub fn last_error<T, S>(value: S) -> Signal<Option<AppError>>
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.get().and_then(Result::err))
}

/// The translated message for a field rule's code (see `AppError::InvalidInput`).
pub fn field_message(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> String {
    let text = match code {
        "phone_empty" => t_string!(i18n, fields.phone_empty),
        "postage_weight_unknown" => t_string!(i18n, fields.postage_weight_unknown),
        "postage_too_heavy" => t_string!(i18n, fields.postage_too_heavy),
        "postage_not_abroad" => t_string!(i18n, fields.postage_not_abroad),
        "weight_invalid" => t_string!(i18n, fields.weight_invalid),
        "courier_unknown" => t_string!(i18n, fields.courier_unknown),
        "courier_needs_payment_first" => t_string!(i18n, fields.courier_needs_payment_first),
        "tracking_required" => t_string!(i18n, fields.tracking_required),
        "tracking_invalid" => t_string!(i18n, fields.tracking_invalid),
        "bands_not_increasing" => t_string!(i18n, fields.bands_not_increasing),
        "bands_required" => t_string!(i18n, fields.bands_required),
        "confirm_word_missing" => t_string!(i18n, fields.confirm_word_missing),
        "wrong_password" => t_string!(i18n, fields.wrong_password),
        "close_shop_first" => t_string!(i18n, fields.close_shop_first),
        "import_empty" => t_string!(i18n, fields.import_empty),
        "import_too_large" => t_string!(i18n, fields.import_too_large),
        "import_unreadable_line" => t_string!(i18n, fields.import_unreadable_line),
        "import_too_many_rows" => t_string!(i18n, fields.import_too_many_rows),
        "import_missing_columns" => t_string!(i18n, fields.import_missing_columns),
        "import_code_format" => t_string!(i18n, fields.import_code_format),
        "import_other_kabupaten" => t_string!(i18n, fields.import_other_kabupaten),
        "import_duplicate_code" => t_string!(i18n, fields.import_duplicate_code),
        "import_name_missing" => t_string!(i18n, fields.import_name_missing),
        "import_name_too_long" => t_string!(i18n, fields.import_name_too_long),
        "import_kind_unknown" => t_string!(i18n, fields.import_kind_unknown),
        "import_kind_mismatch" => t_string!(i18n, fields.import_kind_mismatch),
        "import_kecamatan_missing" => t_string!(i18n, fields.import_kecamatan_missing),
        "import_kecamatan_conflict" => t_string!(i18n, fields.import_kecamatan_conflict),
        "import_already_applied" => t_string!(i18n, fields.import_already_applied),
        "import_has_problems" => t_string!(i18n, fields.import_has_problems),
        "kabupaten_name_missing" => t_string!(i18n, fields.kabupaten_name_missing),
        "place_missing" => t_string!(i18n, fields.place_missing),
        "place_unknown" => t_string!(i18n, fields.place_unknown),
        "invitation_not_open" => t_string!(i18n, fields.invitation_not_open),
        "invitation_code_format" => t_string!(i18n, fields.invitation_code_format),
        "invitation_code_wrong" => t_string!(i18n, fields.invitation_code_wrong),
        "last_admin" => t_string!(i18n, fields.last_admin),
        "village_switched_off" => t_string!(i18n, fields.village_switched_off),
        "phone_invalid_characters" => t_string!(i18n, fields.phone_invalid_characters),
        "phone_not_indonesian" => t_string!(i18n, fields.phone_not_indonesian),
        "phone_not_mobile" => t_string!(i18n, fields.phone_not_mobile),
        "phone_wrong_length" => t_string!(i18n, fields.phone_wrong_length),
        "phone_taken" => t_string!(i18n, fields.phone_taken),
        "password_too_short" => t_string!(i18n, fields.password_too_short),
        "password_too_long" => t_string!(i18n, fields.password_too_long),
        "password_too_common" => t_string!(i18n, fields.password_too_common),
        "wrong_phone_or_password" => t_string!(i18n, fields.wrong_phone_or_password),
        "name_required" => t_string!(i18n, fields.name_required),
        "name_too_long" => t_string!(i18n, fields.name_too_long),
        "email_invalid" => t_string!(i18n, fields.email_invalid),
        "village_unknown" => t_string!(i18n, fields.village_unknown),
        "code_wrong" => t_string!(i18n, fields.code_wrong),
        "code_expired" => t_string!(i18n, fields.code_expired),
        "nik_wrong_length" => t_string!(i18n, fields.nik_wrong_length),
        "nik_not_digits" => t_string!(i18n, fields.nik_not_digits),
        "nik_implausible" => t_string!(i18n, fields.nik_implausible),
        "address_required" => t_string!(i18n, fields.address_required),
        "description_too_short" => t_string!(i18n, fields.description_too_short),
        "text_too_long" => t_string!(i18n, fields.text_too_long),
        "role_unknown" => t_string!(i18n, fields.role_unknown),
        "no_such_account" => t_string!(i18n, fields.no_such_account),
        "already_staff" => t_string!(i18n, fields.already_staff),
        "cannot_remove_self" => t_string!(i18n, fields.cannot_remove_self),
        "reason_required" => t_string!(i18n, fields.reason_required),
        "seats_invalid" => t_string!(i18n, fields.seats_invalid),
        "session_not_open" => t_string!(i18n, fields.session_not_open),
        "seats_more_than_capacity" => t_string!(i18n, fields.seats_more_than_capacity),
        "ticket_code_invalid" => t_string!(i18n, fields.ticket_code_invalid),
        "ticket_not_found" => t_string!(i18n, fields.ticket_not_found),
        "ticket_already_checked_in" => t_string!(i18n, fields.ticket_already_checked_in),
        "ticket_not_confirmed" => t_string!(i18n, fields.ticket_not_confirmed),
        "kind_unknown" => t_string!(i18n, fields.kind_unknown),
        "coordinates_invalid" => t_string!(i18n, fields.coordinates_invalid),
        "capacity_invalid" => t_string!(i18n, fields.capacity_invalid),
        "opening_hours_required" => t_string!(i18n, fields.opening_hours_required),
        "text_required" => t_string!(i18n, fields.text_required),
        "text_too_short" => t_string!(i18n, fields.text_too_short),
        "tags_invalid" => t_string!(i18n, fields.tags_invalid),
        "price_invalid" => t_string!(i18n, fields.price_invalid),
        "date_invalid" => t_string!(i18n, fields.date_invalid),
        "time_invalid" => t_string!(i18n, fields.time_invalid),
        "ends_before_start" => t_string!(i18n, fields.ends_before_start),
        "until_before_start" => t_string!(i18n, fields.until_before_start),
        "series_too_long" => t_string!(i18n, fields.series_too_long),
        "repeat_unknown" => t_string!(i18n, fields.repeat_unknown),
        "session_too_long" => t_string!(i18n, fields.session_too_long),
        "no_sessions_left" => t_string!(i18n, fields.no_sessions_left),
        "date_in_past" => t_string!(i18n, fields.date_in_past),
        "session_clash" => t_string!(i18n, fields.session_clash),
        "photo_too_large" => t_string!(i18n, fields.photo_too_large),
        "photo_not_image" => t_string!(i18n, fields.photo_not_image),
        "photo_too_many_pixels" => t_string!(i18n, fields.photo_too_many_pixels),
        "photo_unreadable" => t_string!(i18n, fields.photo_unreadable),
        "photo_too_many" => t_string!(i18n, fields.photo_too_many),
        "photo_missing" => t_string!(i18n, fields.photo_missing),
        "photo_rate_limited" => t_string!(i18n, fields.photo_rate_limited),
        "quantity_invalid" => t_string!(i18n, fields.quantity_invalid),
        "product_unavailable" => t_string!(i18n, fields.product_unavailable),
        "cart_empty" => t_string!(i18n, fields.cart_empty),
        "cart_stock_changed" => t_string!(i18n, fields.cart_stock_changed),
        "choice_required" => t_string!(i18n, fields.choice_required),
        "fulfilment_not_offered" => t_string!(i18n, fields.fulfilment_not_offered),
        "payment_not_offered" => t_string!(i18n, fields.payment_not_offered),
        "order_move_not_yours" => t_string!(i18n, fields.order_move_not_yours),
        "order_move_not_now" => t_string!(i18n, fields.order_move_not_now),
        "stars_invalid" => t_string!(i18n, fields.stars_invalid),
        "review_not_possible" => t_string!(i18n, fields.review_not_possible),
        "stock_invalid" => t_string!(i18n, fields.stock_invalid),
        "category_unknown" => t_string!(i18n, fields.category_unknown),
        "status_unknown" => t_string!(i18n, fields.status_unknown),
        "discount_percent_invalid" => t_string!(i18n, fields.discount_percent_invalid),
        "discount_amount_invalid" => t_string!(i18n, fields.discount_amount_invalid),
        "proof_not_needed" => t_string!(i18n, fields.proof_not_needed),
        "own_shop" => t_string!(i18n, fields.own_shop),
        "rating_not_possible" => t_string!(i18n, fields.rating_not_possible),
        "letter_not_revocable" => t_string!(i18n, fields.letter_not_revocable),
        "slot_required" => t_string!(i18n, fields.slot_required),
        "slot_not_offered" => t_string!(i18n, fields.slot_not_offered),
        "slot_full" => t_string!(i18n, fields.slot_full),
        "year_invalid" => t_string!(i18n, fields.year_invalid),
        "legal_number_invalid" => t_string!(i18n, fields.legal_number_invalid),
        "legal_number_taken" => t_string!(i18n, fields.legal_number_taken),
        "legal_changed_by_required" => t_string!(i18n, fields.legal_changed_by_required),
        "count_invalid" => t_string!(i18n, fields.count_invalid),
        "not_a_verified_resident" => t_string!(i18n, fields.not_a_verified_resident),
        "membership_not_found" => t_string!(i18n, fields.membership_not_found),
        "file_required" => t_string!(i18n, fields.file_required),
        "pdf_too_large" => t_string!(i18n, fields.pdf_too_large),
        "not_a_pdf" => t_string!(i18n, fields.not_a_pdf),
        "certificate_sessions_invalid" => t_string!(i18n, fields.certificate_sessions_invalid),
        "nobody_earned_certificate" => t_string!(i18n, fields.nobody_earned_certificate),
        "documents_closed" => t_string!(i18n, fields.documents_closed),
        "visit_not_movable" => t_string!(i18n, fields.visit_not_movable),
        "complaint_move_not_now" => t_string!(i18n, fields.complaint_move_not_now),
        "complaint_closed" => t_string!(i18n, fields.complaint_closed),
        "field_kind_unknown" => t_string!(i18n, fields.field_kind_unknown),
        "field_options_required" => t_string!(i18n, fields.field_options_required),
        "too_many_fields" => t_string!(i18n, fields.too_many_fields),
        "visit_hours_required" => t_string!(i18n, fields.visit_hours_required),
        "letters_from_home_village" => t_string!(i18n, fields.letters_from_home_village),
        "home_village_needed" => t_string!(i18n, fields.home_village_needed),
        "home_village_set" => t_string!(i18n, fields.home_village_set),
        "number_invalid" => t_string!(i18n, fields.number_invalid),
        "request_move_not_your_role" => t_string!(i18n, fields.request_move_not_your_role),
        "request_move_not_now" => t_string!(i18n, fields.request_move_not_now),
        "documents_missing" => t_string!(i18n, fields.documents_missing),
        "letter_needs_verified_resident" => t_string!(i18n, fields.letter_needs_verified_resident),
        "letter_needs_signer" => t_string!(i18n, fields.letter_needs_signer),
        "booking_one_per_day" => t_string!(i18n, fields.booking_one_per_day),
        "too_many_requests" => t_string!(i18n, fields.too_many_requests),
        "seats_too_many" => t_string!(i18n, fields.seats_too_many),

        _ => t_string!(i18n, errors.invalid_input),
    };
    text.to_string()
}

/// The translated message for `field` in the last error, if the error is about that field (for fields
/// that are not a plain [`Field`]: selects, text areas).
pub fn field_error_text(
    error: Signal<Option<AppError>>,
    field: &'static str,
) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        error.get().and_then(|error| {
            error
                .field_code(field)
                .map(|code| field_message(i18n, code))
        })
    }
}

/// True when the page was reached by a successful save (the server function redirects with
/// `?disimpan=…`).
pub fn just_saved() -> bool {
    leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("disimpan")
        .is_some()
}

/// A labelled input with its hint and, after a failed submit, its error (announced to screen readers).
#[component]
pub fn Field(
    #[prop(into)] label: Signal<String>,
    name: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = true)] required: bool,
    /// Personal data (the NIK): never kept in the browser's form draft.
    #[prop(default = false)]
    private: bool,
    /// The element id, when the same field appears in several forms of one page (default `f-{name}`).
    #[prop(optional, into)]
    id: Option<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("f-{name}"));
    let error_id = format!("{id}-error");
    let message = field_error_text(error, name);
    // What was typed before a refusal comes back (without JavaScript too); never a private field.
    let value = (!private && input_type != "password")
        .then(|| super::form_draft::typed_value(name))
        .flatten()
        .or(value);
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="font-medium">{label}</label>
            {hint.map(|hint| view! { <p class="text-sm text-stone-600">{hint}</p> })}
            <input
                id=id
                name=name
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                value=value
                required=required
                data-private=private.then_some("")
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
                class="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base aria-[invalid=true]:border-red-600"
            />
            <p id=error_id class="text-sm font-medium text-red-700" role="alert">{message}</p>
        </div>
    }
}

/// A textarea with its label and, after a failed submit, its error.
#[component]
pub fn TextArea(
    #[prop(into)] label: Signal<String>,
    name: &'static str,
    #[prop(optional, into)] value: Option<String>,
    #[prop(default = false)] required: bool,
    /// The element id, when the same field appears in several forms of one page (default `f-{name}`).
    #[prop(optional, into)]
    id: Option<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("f-{name}"));
    let message = field_error_text(error, name);
    let value = super::form_draft::typed_value(name).or(value);
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="font-medium">{label}</label>
            <textarea id=id.clone() name=name required=required class=crate::ui::style::TEXTAREA aria-describedby=format!("{id}-error")>{value.as_deref().map(crate::ui::text::rcdata)}</textarea>
            <p id=format!("{id}-error") class="text-sm font-medium text-red-700" role="alert">{message}</p>
        </div>
    }
}

/// An error that belongs to no single field (too many attempts, network, not allowed).
#[component]
pub fn FormError(error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match error.get()? {
        AppError::InvalidInput { .. } => None,
        AppError::TooManyAttempts => Some(t_string!(i18n, errors.too_many_attempts).to_string()),
        AppError::Unauthenticated => Some(t_string!(i18n, errors.unauthenticated).to_string()),
        AppError::Forbidden => Some(t_string!(i18n, errors.forbidden).to_string()),
        AppError::NotFound => Some(t_string!(i18n, errors.not_found).to_string()),
        AppError::Network => Some(t_string!(i18n, errors.network).to_string()),
        AppError::Busy => Some(t_string!(i18n, errors.busy).to_string()),
        AppError::Internal => Some(t_string!(i18n, errors.internal).to_string()),
    };
    view! {
        <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{message}</p>
    }
}

/// The primary button of a form. While the form is on its way, the [`FormProgress`] island says so on
/// the button (its `data-pending-label`).
#[component]
pub fn SubmitButton(
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(optional)] value: Option<&'static str>,
    #[prop(default = false)] secondary: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if secondary {
        "inline-flex min-h-12 items-center justify-center rounded-lg border border-stone-300 bg-white px-4 font-semibold disabled:opacity-60"
    } else {
        "inline-flex min-h-12 items-center justify-center rounded-lg bg-teal-700 px-4 font-semibold text-white disabled:opacity-60"
    };
    view! {
        <button type="submit" name=name value=value class=class data-pending-label=move || t_string!(i18n, ui.working).to_string()>
            {label}
        </button>
    }
}

/// Progress feedback and drafts for every form on the page, from one tiny island.
///
/// On submit, the pressed button shows its pending label ("Memproses…") and is marked busy, and a second
/// tap while the first post is on its way is ignored (no double sign-ups, orders or requests on a slow
/// link). The button is not disabled during the event: that would drop its `name=value` from the post.
///
/// The typed values are also kept in `sessionStorage` (this tab only; never passwords, hidden fields or
/// fields marked `data-private`, such as the NIK). When the server sends the person back to the form
/// with an error (`__err` in the URL), they are put back, so a mistake in one field does not wipe the
/// others. Without JavaScript the browser simply shows the form again.
#[island]
pub fn FormProgress() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| browser::start());
}

#[cfg(feature = "hydrate")]
pub use browser::release;

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::document;
    use wasm_bindgen::{closure::Closure, JsCast};

    const DRAFT_KEY: &str = "sk-form-draft";

    pub fn start() {
        restore_draft();
        let on_submit = Closure::<dyn Fn(web_sys::SubmitEvent)>::new(on_submit);
        let _ = document()
            .add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        // Back/forward may bring this page back from the cache exactly as it was left, mid-submit:
        // make its forms usable again.
        let on_page_show = Closure::<dyn Fn()>::new(reset_forms);
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback(
                "pageshow",
                on_page_show.as_ref().unchecked_ref(),
            );
        }
        // A page the router swapped in may be the form again, refused (`__err`): put the typing back.
        // Islands the router kept (a photo form) may still look busy.
        let on_navigated = Closure::<dyn Fn()>::new(|| {
            reset_forms();
            restore_draft();
        });
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback(
                "sk:navigated",
                on_navigated.as_ref().unchecked_ref(),
            );
        }
        // All live as long as the document (the router keeps this island across pages).
        on_submit.forget();
        on_page_show.forget();
        on_navigated.forget();
    }

    fn reset_forms() {
        let forms = document().forms();
        for form in (0..forms.length()).filter_map(|index| forms.item(index)) {
            if let Ok(form) = form.dyn_into::<web_sys::HtmlFormElement>() {
                release(&form);
            }
        }
    }

    /// The form is usable again: not busy, its pressed button back to its own label.
    pub fn release(form: &web_sys::HtmlFormElement) {
        let _ = form.remove_attribute("data-submitting");
        let _ = form.remove_attribute("aria-busy");
        if let Ok(buttons) = form.query_selector_all("button[data-label]") {
            for button in (0..buttons.length()).filter_map(|index| buttons.item(index)) {
                if let Some(button) = button.dyn_ref::<web_sys::Element>() {
                    button.set_text_content(button.get_attribute("data-label").as_deref());
                    let _ = button.remove_attribute("data-label");
                    let _ = button.remove_attribute("aria-busy");
                }
            }
        }
    }

    fn on_submit(event: web_sys::SubmitEvent) {
        let Some(form) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        if form.has_attribute("data-submitting") {
            event.prevent_default();
            return;
        }
        let _ = form.set_attribute("data-submitting", "");
        let _ = form.set_attribute("aria-busy", "true");
        if let Some(button) = event.submitter() {
            if let Some(label) = button.get_attribute("data-pending-label") {
                if let Some(original) = button.text_content() {
                    let _ = button.set_attribute("data-label", &original);
                }
                button.set_text_content(Some(&label));
            }
            let _ = button.set_attribute("aria-busy", "true");
        }
        save_draft(&form);
    }

    /// A field worth keeping: its name and current value.
    fn keepable(element: &web_sys::Element) -> Option<(String, String)> {
        if element.has_attribute("data-private") {
            return None;
        }
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let kind = input.type_();
            let skipped = [
                "password", "hidden", "submit", "button", "file", "checkbox", "radio",
            ];
            return (!skipped.contains(&kind.as_str())).then(|| (input.name(), input.value()));
        }
        if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
            return Some((select.name(), select.value()));
        }
        element
            .dyn_ref::<web_sys::HtmlTextAreaElement>()
            .map(|area| (area.name(), area.value()))
    }

    fn fields(form: &web_sys::HtmlFormElement) -> Vec<web_sys::Element> {
        let controls = form.elements();
        (0..controls.length())
            .filter_map(|index| controls.item(index))
            .collect()
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    fn save_draft(form: &web_sys::HtmlFormElement) {
        let (Some(storage), Ok(params)) = (storage(), web_sys::UrlSearchParams::new()) else {
            return;
        };
        params.append("__action", &form.action());
        for element in fields(form) {
            if let Some((name, value)) = keepable(&element) {
                if !name.is_empty() {
                    params.append(&name, &value);
                }
            }
        }
        let _ = storage.set_item(DRAFT_KEY, &String::from(params.to_string()));
    }

    fn restore_draft() {
        let Some(storage) = storage() else { return };
        let draft = storage.get_item(DRAFT_KEY).ok().flatten();
        let _ = storage.remove_item(DRAFT_KEY);
        let came_back_with_error = web_sys::window()
            .and_then(|window| window.location().search().ok())
            .is_some_and(|search| search.contains("__err="));
        let (Some(draft), true) = (draft, came_back_with_error) else {
            return;
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&draft) else {
            return;
        };
        let Some(action) = params.get("__action") else {
            return;
        };
        let forms = document().forms();
        let form = (0..forms.length())
            .filter_map(|index| forms.item(index))
            .filter_map(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok())
            .find(|form| form.action() == action);
        let Some(form) = form else { return };
        for element in fields(&form) {
            let Some((name, _)) = keepable(&element) else {
                continue;
            };
            let Some(value) = params.get(&name) else {
                continue;
            };
            if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                input.set_value(&value);
            } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
                select.set_value(&value);
            } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(&value);
            }
        }
    }
}
