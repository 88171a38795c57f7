//! The page language: the cookie that remembers the person's choice, and applying it before anything
//! renders. The ID/EN switch that sets it lives in `akun::language` (it also records the language of
//! messages to a signed-in person's phone).

use leptos::prelude::*;

use crate::i18n::*;

/// The language a person chose, for a year, on the whole site (not just the current folder), and sent
/// along when they arrive from a link shared on WhatsApp (SameSite=Lax).
pub const LANGUAGE_COOKIE: &str = "i18n_pref_locale";
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
const ONE_YEAR_SECONDS: i64 = 365 * 24 * 3600;

/// The `Set-Cookie` value that remembers `locale`.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn cookie_for(locale: Locale) -> String {
    format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={ONE_YEAR_SECONDS}; SameSite=Lax",
        locale.as_str()
    )
}

/// The language named in a `Cookie:` header, if any and if we speak it.
pub fn locale_from_cookie_header(header: &str) -> Option<Locale> {
    crate::kernel::cookies::cookie_in(header, LANGUAGE_COOKIE)
        .and_then(|value| value.trim().parse().ok())
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
