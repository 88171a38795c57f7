//! Content written by villagers comes in Indonesian and sometimes English. These helpers pick the text for
//! the current language and mark a missing translation instead of hiding the content.

use leptos::prelude::*;

use crate::i18n::*;

/// Text chosen for a locale, with the language it is really written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalizedText {
    pub text: String,
    /// BCP 47 tag of the text itself, for the `lang` attribute (screen readers pronounce it right).
    pub lang: &'static str,
    /// True when the English text is missing and the Indonesian one is shown instead.
    pub is_fallback: bool,
}

pub fn pick(locale: Locale, indonesian: &str, english: Option<&str>) -> LocalizedText {
    match (
        locale,
        english.map(str::trim).filter(|text| !text.is_empty()),
    ) {
        (Locale::en, Some(english)) => LocalizedText {
            text: english.to_string(),
            lang: "en",
            is_fallback: false,
        },
        (Locale::en, None) => LocalizedText {
            text: indonesian.to_string(),
            lang: "id",
            is_fallback: true,
        },
        (Locale::id, _) => LocalizedText {
            text: indonesian.to_string(),
            lang: "id",
            is_fallback: false,
        },
    }
}

/// Renders user-written text in the current language; a missing translation gets a small badge.
#[component]
pub fn Localized(#[prop(into)] id: String, #[prop(into)] en: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let picked = pick(i18n.get_locale(), &id, en.as_deref());
        let badge = picked.is_fallback.then(|| {
            view! {
                <span class="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-800">
                    {t!(i18n, ui.untranslated)}
                </span>
            }
        });
        view! {
            <span lang=picked.lang>{picked.text}</span>
            {badge}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_indonesian_and_says_so() {
        let shown = pick(Locale::en, "Kopi Osing", None);
        assert_eq!(shown.text, "Kopi Osing");
        assert!(shown.is_fallback);
        assert_eq!(shown.lang, "id");
        assert!(pick(Locale::en, "Kopi Osing", Some("  ")).is_fallback);
    }

    #[test]
    fn each_language_shows_its_own_text() {
        assert_eq!(
            pick(Locale::en, "Kopi Osing", Some("Osing coffee")).text,
            "Osing coffee"
        );
        let indonesian = pick(Locale::id, "Kopi Osing", Some("Osing coffee"));
        assert_eq!(indonesian.text, "Kopi Osing");
        assert!(!indonesian.is_fallback);
    }
}
