//! What a person sees while data loads, when there is none, and when something went wrong.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::*;

/// A translated, human message for an error, with what to do next.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let needs_sign_in = error == AppError::Unauthenticated;
    let message = move || match error {
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::InvalidInput { .. } => t_string!(i18n, errors.invalid_input).to_string(),
        AppError::Network => t_string!(i18n, errors.network).to_string(),
        AppError::Unauthenticated => t_string!(i18n, errors.unauthenticated).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::TooManyAttempts => t_string!(i18n, errors.too_many_attempts).to_string(),
        AppError::Busy => t_string!(i18n, errors.busy).to_string(),
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
    };
    view! {
        <div role="alert" class="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
            <p class="font-medium">{message}</p>
            {needs_sign_in.then(|| view! {
                <a href="/akun/masuk" class="mt-2 inline-flex min-h-11 items-center font-semibold underline">{t!(i18n, akun.sign_in)}</a>
            })}
        </div>
    }
}

/// Grey placeholders shaped like the cards that are coming, so nothing jumps when they arrive.
#[component]
pub fn CardsLoading(#[prop(default = 3)] count: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true">
            <span class="sr-only">{t!(i18n, ui.loading)}</span>
            {(0..count)
                .map(|_| view! { <div class="h-28 animate-pulse rounded-xl bg-stone-200"></div> })
                .collect_view()}
        </div>
    }
}

/// Renders a loaded list the same way everywhere: the error, a helpful empty state, or the items.
///
/// Static dispatch (`Either*`) on purpose: every `into_any()` keeps all of a view's render paths (server
/// HTML included) alive in the wasm bundle, which costs kilobytes per use.
pub fn render_list<T, Empty, Item>(
    result: Result<Vec<T>, AppError>,
    list_class: &'static str,
    empty: impl FnOnce() -> Empty,
    item: impl Fn(T) -> Item,
) -> impl IntoView
where
    Empty: IntoView,
    Item: IntoView,
{
    match result {
        Err(error) => EitherOf3::A(view! { <ErrorNotice error /> }),
        Ok(items) if items.is_empty() => EitherOf3::B(view! {
            <div class="rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
                {empty()}
            </div>
        }),
        Ok(items) => EitherOf3::C(view! {
            <ul role="list" class=list_class>
                {items.into_iter().map(|entry| view! { <li class="flex">{item(entry)}</li> }).collect_view()}
            </ul>
        }),
    }
}
