//! The frame around every page: header with the language switch, navigation (a bottom bar on phones, a top
//! bar on wider screens), the page itself inside an error boundary, and the 404 page.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

use crate::i18n::*;
use crate::ui::icons::{Icon, IconSvg};

/// `tools`: what the header shows on the right (the bell and the language switch, given by the router in
/// `app.rs`: `ui` names no domain).
#[component]
pub fn Frame(#[prop(into)] tools: ViewFn, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a
            href="#isi"
            class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
            {t!(i18n, ui.skip_to_content)}
        </a>
        <header class="sticky top-0 z-30 bg-teal-700 text-white shadow">
            <div class="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-2">
                <a href="/" class="flex min-h-11 flex-col justify-center leading-tight">
                    <span class="text-lg font-bold">"Smart Kampung"</span>
                    <span class="text-xs text-teal-100">{t!(i18n, ui.region)}</span>
                </a>
                <nav aria-label=move || t_string!(i18n, nav.label_top).to_string() class="hidden md:block">
                    <ul class="flex gap-1">
                        <TopLink href="/pasar" label=move || t_string!(i18n, nav.pasar).to_string() />
                        <TopLink href="/layanan" label=move || t_string!(i18n, nav.layanan).to_string() />
                        <TopLink href="/budaya" label=move || t_string!(i18n, nav.budaya).to_string() />
                        <TopLink href="/desa" label=move || t_string!(i18n, nav.desa).to_string() />
                        <TopLink href="/akun" label=move || t_string!(i18n, nav.akun).to_string() />
                    </ul>
                </nav>
                <div class="flex items-center gap-1">{tools.run()}</div>
            </div>
        </header>
        <main id="isi" class="mx-auto max-w-5xl px-4 pb-28 pt-4 md:pb-12">
            <ErrorBoundary fallback=|errors| {
                view! { <PageError errors /> }
            }>{children()}</ErrorBoundary>
        </main>
        <footer class="mx-auto max-w-5xl px-4 pb-28 text-sm text-stone-500 md:pb-8">
            <p>{t!(i18n, ui.footer)}</p>
            <p><a class="underline" href="/desa">{t!(i18n, nav.all_villages)}</a></p>
        </footer>
        <nav
            aria-label=move || t_string!(i18n, nav.label_bottom).to_string()
            class="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-white/95 backdrop-blur md:hidden"
        >
            <ul class="grid grid-cols-4">
                <BottomLink href="/pasar" icon=Icon::Pasar label=move || t_string!(i18n, nav.pasar).to_string() />
                <BottomLink href="/layanan" icon=Icon::Layanan label=move || t_string!(i18n, nav.layanan).to_string() />
                <BottomLink href="/budaya" icon=Icon::Budaya label=move || t_string!(i18n, nav.budaya_short).to_string() />
                <BottomLink href="/akun" icon=Icon::Akun label=move || t_string!(i18n, nav.akun).to_string() />
            </ul>
        </nav>
    }
}

#[component]
fn TopLink(
    href: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <li>
            <A
                href=href
                attr:class="flex min-h-11 items-center rounded-lg px-3 text-sm font-medium hover:bg-teal-800 aria-[current=page]:bg-teal-900"
            >
                {label}
            </A>
        </li>
    }
}

#[component]
fn BottomLink(
    href: &'static str,
    icon: Icon,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <li>
            <A
                href=href
                attr:class="flex min-h-16 flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium text-stone-600 aria-[current=page]:text-teal-700"
            >
                <IconSvg icon />
                <span>{label}</span>
            </A>
        </li>
    }
}

/// Shown when a page failed to render; the detail is in the server log, never on screen.
#[component]
fn PageError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    let first_error = move || {
        errors.with(|errors| {
            errors
                .iter()
                .find_map(|(_, error)| error.downcast_ref::<crate::error::AppError>().cloned())
                .unwrap_or(crate::error::AppError::Internal)
        })
    };
    view! {
        <section class="py-8">
            <h1 class="text-xl font-bold">{t!(i18n, errors.title)}</h1>
            <div class="mt-4">
                {move || view! { <crate::ui::feedback::ErrorNotice error=first_error() /> }}
            </div>
            <a href="/" class="mt-6 inline-flex min-h-11 items-center rounded-lg bg-teal-700 px-4 font-semibold text-white">
                {t!(i18n, errors.back_home)}
            </a>
        </section>
    }
}

/// The 404 page. On the server it also sets the HTTP status, so crawlers and tests see a real 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <PageTitle text=move || t_string!(i18n, not_found.title).to_string() />
        <Meta name="robots" content="noindex" />
        <section class="py-10 text-center">
            <p class="text-5xl font-bold text-teal-700">"404"</p>
            <h1 class="mt-2 text-xl font-bold">{t!(i18n, not_found.title)}</h1>
            <p class="mt-2 text-stone-600">{t!(i18n, not_found.body)}</p>
            <div class="mt-6 flex flex-wrap justify-center gap-2">
                <a href="/" class="inline-flex min-h-11 items-center rounded-lg bg-teal-700 px-4 font-semibold text-white">
                    {t!(i18n, errors.back_home)}
                </a>
                <a href="/desa" class="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 font-semibold">
                    {t!(i18n, nav.all_villages)}
                </a>
            </div>
        </section>
    }
}

/// A page whose main record failed to load: an unknown one gets the 404 page, anything else the error.
#[component]
pub fn NotFoundOr(error: crate::error::AppError) -> impl IntoView {
    match error {
        crate::error::AppError::NotFound => Either::Left(view! { <NotFound /> }),
        error => Either::Right(view! { <crate::ui::feedback::ErrorNotice error /> }),
    }
}

/// The document title of a page, following the language switch in the browser.
///
/// On the server the text is computed once, right here: leptos_axum renders head tags (title, meta)
/// after the body, outside the request's reactive owner, and a closure that reads the language signal
/// there panics or leaves the response hanging (seen under concurrent load). The same holds for `<Meta>`:
/// give it a value, not a signal-reading closure. In the browser the title closure stays reactive.
#[component]
pub fn PageTitle(text: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    let text: TextProp = if cfg!(feature = "ssr") {
        text().into()
    } else {
        text.into()
    };
    view! { <Title text /> }
}

/// The top of a list page: its `<title>`, meta description, heading and one-line intro, translated.
#[component]
pub fn PageHeader(
    title: impl Fn() -> String + Copy + Send + Sync + 'static,
    intro: impl Fn() -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <PageTitle text=title />
        // A plain value: head tags must not read signals on the server (see `PageTitle`).
        <Meta name="description" content=intro() />
        <h1 class="text-2xl font-bold">{title}</h1>
        <p class="mb-4 mt-1 text-stone-600">{intro}</p>
    }
}

/// A section heading with a "see all" link, used by the home page and village pages.
#[component]
pub fn SectionHeader(
    icon: Icon,
    title: impl Fn() -> String + Send + Sync + 'static,
    href: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="mb-3 flex items-center justify-between gap-2">
            <h2 class="flex items-center gap-2 text-lg font-bold">
                <IconSvg icon class="h-5 w-5 text-teal-700" />
                {title}
            </h2>
            <a href=href class="inline-flex min-h-11 items-center text-sm font-semibold text-teal-700">
                {t!(i18n, ui.see_all)}
            </a>
        </div>
    }
}
