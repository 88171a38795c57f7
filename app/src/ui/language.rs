//! The ID/EN switch: a form that posts to [`set_language`], which sets the cookie (and, for a signed-in
//! person, the language of messages to their phone) and sends the person back to the page they were on.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;
use crate::i18n::*;

/// The language a person chose, for a year, on the whole site (not just the current folder), and sent
/// along when they arrive from a link shared on WhatsApp (SameSite=Lax).
pub const LANGUAGE_COOKIE: &str = "i18n_pref_locale";
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
const ONE_YEAR_SECONDS: i64 = 365 * 24 * 3600;

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn cookie_for(locale: Locale) -> String {
    format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={ONE_YEAR_SECONDS}; SameSite=Lax",
        locale.as_str()
    )
}

/// The language named in a `Cookie:` header, if any and if we speak it.
pub fn locale_from_cookie_header(header: &str) -> Option<Locale> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANGUAGE_COOKIE)
        .and_then(|(_, value)| value.trim().parse().ok())
}

/// Sets the page language before anything renders: the cookie if the person chose one, otherwise
/// Indonesian. The browser's `Accept-Language` is deliberately ignored: many Indonesian phones run an
/// English system language, and the ID/EN switch sits in every page header. In the browser, leptos_i18n
/// takes the language the server chose from `<html lang>`, so both sides render the same text.
#[component]
pub fn ApplyLanguagePreference(children: Children) -> impl IntoView {
    #[cfg(feature = "ssr")]
    use_i18n().set_locale(request_locale());
    children()
}

/// The language of the current request: the cookie if the person chose one, otherwise Indonesian.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    use_context::<http::request::Parts>()
        .and_then(|request| {
            request
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(locale_from_cookie_header)
        })
        .unwrap_or(Locale::id)
}

/// Remembers the chosen language in a cookie, and in the account of a signed-in person.
#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    crate::akun::access::public();
    let locale: Locale = lang.parse().map_err(|_| {
        AppError::InvalidInput {
            field: "lang".into(),
            code: "unknown_language".into(),
        }
        .with_status()
    })?;
    if let Some(actor) = crate::akun::access::current_actor().await? {
        let pool = crate::db::pool()?;
        crate::akun::store::set_locale(&pool, actor.account_id, locale.as_str()).await?;
    }
    let cookie = cookie_for(locale);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_cookie_is_found_among_others() {
        assert_eq!(
            locale_from_cookie_header("a=1; i18n_pref_locale=en; b=2"),
            Some(Locale::en)
        );
        assert_eq!(
            locale_from_cookie_header("i18n_pref_locale=id"),
            Some(Locale::id)
        );
        assert_eq!(locale_from_cookie_header("i18n_pref_locale=fr"), None);
        assert_eq!(locale_from_cookie_header("x_i18n_pref_locale=en"), None);
        assert_eq!(locale_from_cookie_header(""), None);
    }

    #[test]
    fn the_cookie_covers_the_whole_site_for_a_year() {
        assert_eq!(
            cookie_for(Locale::en),
            "i18n_pref_locale=en; Path=/; Max-Age=31536000; SameSite=Lax"
        );
    }
}
