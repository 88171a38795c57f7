//! A village's public page: its profile (from `akun`) with what it offers in each pillar — services,
//! events and classes, health (posyandu and facilities, a Budaya kind), products.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::akun::{get_village, KecamatanLabel, KindLabel, OfficeCard, VillageProfile};
use crate::budaya::EventListOf;
use crate::i18n::*;
use crate::layanan::ServiceListOf;
use crate::pasar::ProductListOf;
use crate::ui::feedback::CardsLoading;
use crate::ui::icons::Icon;
use crate::ui::layout::SectionHeader;
use crate::ui::text::Localized;

#[component]
pub fn VillagePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let village = Resource::new(slug, get_village);
    // The lists' resources are made here, once, and not inside the `Suspend` below: Leptos may run that
    // closure again while the page resolves, and lists made inside it were fetched two or three times.
    let lists = VillageLists {
        services: Resource::new(
            move || Some(slug()),
            |village| crate::layanan::list_services(village, 6),
        ),
        events: Resource::new(
            move || Some(slug()),
            |village| crate::budaya::list_upcoming_events(village, 6),
        ),
        health: Resource::new(slug, |village| crate::budaya::list_health_offer(village, 4)),
        products: Resource::new(
            move || Some(slug()),
            |village| crate::pasar::list_products(village, 8),
        ),
    };
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
            {move || Suspend::new(async move {
                match village.await {
                    Ok(profile) => Either::Left(view! { <VillageProfileView profile lists /> }),
                    Err(error) => Either::Right(view! { <crate::ui::layout::NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

/// The village page's lists (see [`VillagePage`]).
#[derive(Clone, Copy)]
struct VillageLists {
    services: Resource<Result<Vec<crate::layanan::ServiceCard>, crate::error::AppError>>,
    events: Resource<Result<Vec<crate::budaya::EventCard>, crate::error::AppError>>,
    health: Resource<Result<Vec<crate::budaya::EventCard>, crate::error::AppError>>,
    products: Resource<Result<Vec<crate::pasar::ProductCard>, crate::error::AppError>>,
}

#[component]
fn VillageProfileView(profile: VillageProfile, lists: VillageLists) -> impl IntoView {
    let i18n = use_i18n();
    let VillageProfile {
        summary,
        kabupaten,
        description_id,
        description_en,
        office,
        switched_off,
        photo,
    } = profile;
    let title = summary.name.clone();
    let meta_description = description_id.clone();
    let slug = summary.slug.clone();
    view! {
        <Title text=title />
        <Meta name="description" content=meta_description />
        <nav aria-label=move || t_string!(i18n, ui.breadcrumb).to_string() class="text-sm">
            <a href="/desa" class="inline-flex min-h-11 items-center text-teal-700 underline">{t!(i18n, nav.all_villages)}</a>
        </nav>
        {photo.map(|photo| view! {
            <div class="mb-3 overflow-hidden rounded-xl">
                <crate::media::Photo photo alt=summary.name.clone() sizes="(min-width: 1024px) 1024px, 100vw" eager=true class="w-full" />
            </div>
        })}
        <h1 class="text-2xl font-bold">{summary.name.clone()}</h1>
        <p class="text-stone-600">
            <KindLabel kind=summary.kind /> " · " <KecamatanLabel name=summary.kecamatan_name /> " · " {kabupaten}
        </p>
        <p class="text-xs text-stone-500">{t!(i18n, desa.code)} " " {summary.code}</p>
        {switched_off.then(|| view! {
            <p role="status" class="mt-3 rounded-lg border border-red-300 bg-red-50 p-3 font-medium text-red-900" data-switched-off="">
                {t!(i18n, wilayah.switched_off_banner)}
            </p>
        })}
        <p class="mt-3 max-w-prose"><Localized id=description_id en=description_en /></p>
        <OfficeCard office />
        <section class="mt-8">
            <SectionHeader icon=Icon::Layanan title=move || t_string!(i18n, home.services_title).to_string() href="/layanan" />
            <ServiceListOf services=lists.services />
        </section>
        <section class="mt-8">
            <SectionHeader icon=Icon::Budaya title=move || t_string!(i18n, home.events_title).to_string() href="/budaya" />
            <EventListOf events=lists.events />
            <p class="mt-2 flex flex-wrap gap-x-4">
                <a href=format!("/budaya?desa={slug}") class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, budaya.village_agenda)}</a>
                <a href=format!("/budaya/ics/desa/{slug}.ics") class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, budaya.village_feed)}</a>
            </p>
        </section>
        <section class="mt-8" id="kesehatan">
            <SectionHeader icon=Icon::Budaya title=move || t_string!(i18n, desa.health_title).to_string() href="/budaya?jenis=kesehatan" />
            <p class="mb-3 text-sm text-stone-600">{t!(i18n, desa.health_intro)}</p>
            <EventListOf events=lists.health />
            <p class="mt-2 flex flex-wrap gap-x-4">
                <a href=format!("/budaya?jenis=kesehatan&desa={slug}") class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, desa.health_agenda)}</a>
                <a href="/budaya/ics/jenis/kesehatan.ics" class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, desa.health_feed)}</a>
            </p>
        </section>
        <section class="mt-8" id="informasi">
            <h2 class="mb-3 text-lg font-bold">{t!(i18n, desa.information_title)}</h2>
            <ul class="grid gap-2 sm:grid-cols-2">
                <li><a href=format!("/desa/{slug}/skor") class="flex min-h-12 items-center rounded-xl border border-teal-600 bg-teal-50 px-4 font-semibold text-teal-900 hover:bg-teal-100">{t!(i18n, desa.score_link)}</a></li>
                <li><a href=format!("/desa/{slug}/hukum") class="flex min-h-12 items-center rounded-xl border border-stone-200 bg-white px-4 font-semibold hover:border-teal-600">{t!(i18n, informasi.legal_title)}</a></li>
                <li><a href=format!("/desa/{slug}/ppid") class="flex min-h-12 items-center rounded-xl border border-stone-200 bg-white px-4 font-semibold hover:border-teal-600">{t!(i18n, informasi.ppid_title)}</a></li>
                <li><a href=format!("/desa/{slug}/bansos") class="flex min-h-12 items-center rounded-xl border border-stone-200 bg-white px-4 font-semibold hover:border-teal-600">{t!(i18n, informasi.bansos_title)}</a></li>
            </ul>
        </section>
        <section class="mt-8">
            <SectionHeader icon=Icon::Pasar title=move || t_string!(i18n, home.products_title).to_string() href="/pasar" />
            <ProductListOf products=lists.products />
        </section>
    }
}
