//! Content written by villagers comes in Indonesian and sometimes English. These helpers pick the text for
//! the current language and mark a missing translation instead of hiding the content.

use leptos::prelude::*;

use crate::i18n::*;

/// Text for the two elements whose content Leptos writes unescaped on the server: `<title>` (leptos_meta
/// renders the title string as is) and `<textarea>` (tachys marks its children as raw, like `<script>`).
/// A product named `</title><meta http-equiv="refresh" …>` became a real element on public pages. Both
/// elements are RCDATA in HTML: the browser decodes entities inside them, so the escaped text reads
/// exactly as typed while no `</title>` or `</textarea>` can end the element early. In the browser (an
/// island) text goes through the DOM and is left as it is.
pub fn rcdata(text: &str) -> String {
    if cfg!(feature = "ssr") {
        let mut escaped = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => escaped.push_str("&amp;"),
                '<' => escaped.push_str("&lt;"),
                '>' => escaped.push_str("&gt;"),
                c => escaped.push(c),
            }
        }
        escaped
    } else {
        text.to_string()
    }
}

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

#[cfg(all(test, feature = "ssr"))]
mod rcdata_tests {
    use super::rcdata;

    #[test]
    fn markup_in_a_title_or_textarea_stays_text() {
        assert_eq!(
            rcdata(r#"Batik</title><meta http-equiv="refresh" content="0;url=//evil">"#),
            r#"Batik&lt;/title&gt;&lt;meta http-equiv="refresh" content="0;url=//evil"&gt;"#
        );
        assert_eq!(rcdata("Kopi & teh\nbaris dua"), "Kopi &amp; teh\nbaris dua");
    }

    /// Every textarea that shows stored text passes it through `rcdata` (tachys would write it raw).
    #[test]
    fn every_textarea_with_content_escapes_it() {
        let mut unescaped = Vec::new();
        visit(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            &mut |path, source| {
                for (index, piece) in source.split("<textarea").enumerate().skip(1) {
                    let Some(open_end) = piece.find('>') else {
                        continue;
                    };
                    let content =
                        &piece[open_end + 1..piece.find("</textarea>").unwrap_or(open_end + 1)];
                    if !content.trim().is_empty() && !content.contains("rcdata") {
                        unescaped.push(format!("{} (textarea {index}): {content}", path.display()));
                    }
                }
            },
        );
        assert!(
            unescaped.is_empty(),
            "textareas writing raw text: {unescaped:#?}"
        );
    }

    fn visit(dir: &std::path::Path, check: &mut dyn FnMut(&std::path::Path, &str)) {
        for entry in std::fs::read_dir(dir).expect("a readable folder") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                visit(&path, check);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && !path.ends_with("ui/text.rs")
            {
                check(
                    &path,
                    &std::fs::read_to_string(&path).expect("a readable file"),
                );
            }
        }
    }
}
