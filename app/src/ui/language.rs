//! The ID/EN switch. With JavaScript the language changes in place (and leptos_i18n writes the cookie);
//! without it, the same form posts to [`set_language`], which sets the cookie and sends the person back
//! to the page they were on.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;
use crate::i18n::*;

/// The cookie leptos_i18n reads on the server and writes in the browser.
pub const LANGUAGE_COOKIE: &str = "i18n_pref_locale";
const ONE_YEAR_SECONDS: i64 = 365 * 24 * 3600;

/// Cookie written in the browser: whole site (not just the current folder), a year, sent on links shared
/// from WhatsApp (Lax).
pub fn cookie_options() -> leptos_i18n::context::CookieOptions<Locale> {
    leptos_use::UseCookieOptions::default()
        .path("/")
        .max_age(ONE_YEAR_SECONDS * 1000)
        .same_site(leptos_use::SameSite::Lax)
}

/// Remembers the chosen language in a cookie (the form fallback when JavaScript is off).
#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    let locale: Locale = lang.parse().map_err(|_| {
        AppError::InvalidInput {
            field: "lang".into(),
            code: "unknown_language".into(),
        }
        .with_status()
    })?;
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={ONE_YEAR_SECONDS}; SameSite=Lax",
        locale.as_str()
    );
    let response = expect_context::<leptos_axum::ResponseOptions>();
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
    Ok(())
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |locale: Locale, short: &'static str, full: &'static str| {
        let is_current = move || i18n.get_locale() == locale;
        view! {
            <form
                method="post"
                action=SetLanguage::url()
                on:submit=move |event| {
                    event.prevent_default();
                    i18n.set_locale(locale);
                }
            >
                <input type="hidden" name="lang" value=locale.as_str() />
                <button
                    type="submit"
                    lang=locale.as_str()
                    aria-label=full
                    aria-pressed=move || is_current().to_string()
                    class="min-h-11 min-w-11 rounded-lg px-2 text-sm font-semibold text-teal-50 hover:bg-teal-800 aria-pressed:bg-white aria-pressed:text-teal-800"
                >
                    {short}
                </button>
            </form>
        }
    };
    view! {
        <div role="group" aria-label=move || t_string!(i18n, lang.label).to_string() class="flex items-center gap-1">
            {choice(Locale::id, "ID", "Bahasa Indonesia")}
            {choice(Locale::en, "EN", "English")}
        </div>
    }
}
