//! The ID/EN switch in every page header: a form that posts to [`set_language`], which sets the language
//! cookie (and, for a signed-in person, the language of messages to their phone) and sends the person
//! back to the page they were on.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;
use crate::i18n::*;

/// Remembers the chosen language in a cookie, and in the account of a signed-in person.
#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    super::access::public();
    let locale: Locale = lang.parse().map_err(|_| {
        AppError::InvalidInput {
            field: "lang".into(),
            code: "unknown_language".into(),
        }
        .with_status()
    })?;
    if let Some(actor) = super::access::current_actor().await? {
        let pool = crate::db::pool()?;
        super::store::set_locale(&pool, actor.account_id, locale.as_str()).await?;
    }
    let cookie = crate::ui::language::cookie_for(locale);
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
