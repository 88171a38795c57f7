//! Village pages: the list and each village's public profile.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::{get_village, list_villages, VillageKind, VillageProfile, VillageSummary};
use crate::budaya::EventListOf;
use crate::i18n::*;
use crate::layanan::ServiceListOf;
use crate::pasar::ProductListOf;
use crate::ui::feedback::{render_list, CardsLoading};
use crate::ui::icons::{Icon, IconSvg};
use crate::ui::layout::{PageHeader, SectionHeader};
use crate::ui::text::Localized;

#[component]
pub fn VillageListPage() -> impl IntoView {
    let i18n = use_i18n();
    let villages = Resource::new(|| (), |_| list_villages());
    view! {
        <PageHeader
            title=move || t_string!(i18n, desa.list_title).to_string()
            intro=move || t_string!(i18n, desa.list_description).to_string()
        />
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || Suspend::new(async move {
                render_list(
                    villages.await,
                    "grid gap-3 sm:grid-cols-2",
                    move || view! { <p>{t!(i18n, desa.empty)}</p> },
                    |village| view! { <VillageLink village /> },
                )
            })}
        </Suspense>
    }
}

#[component]
fn VillageLink(village: VillageSummary) -> impl IntoView {
    let href = format!("/desa/{}", village.slug);
    view! {
        <a href=href class="flex min-h-16 w-full items-center gap-3 rounded-xl border border-stone-200 bg-white p-4 hover:border-teal-600">
            <IconSvg icon=Icon::Village class="h-8 w-8 shrink-0 text-teal-700" />
            <span class="flex flex-col">
                <span class="font-semibold">{village.name}</span>
                <span class="text-sm text-stone-600">
                    <KindLabel kind=village.kind /> " · " <KecamatanLabel name=village.kecamatan_name />
                </span>
            </span>
        </a>
    }
}

#[component]
fn KindLabel(kind: VillageKind) -> impl IntoView {
    let i18n = use_i18n();
    move || match kind {
        VillageKind::Desa => t_string!(i18n, desa.kind_desa),
        VillageKind::Kelurahan => t_string!(i18n, desa.kind_kelurahan),
    }
}

#[component]
fn KecamatanLabel(name: String) -> impl IntoView {
    let i18n = use_i18n();
    view! { {t!(i18n, desa.kecamatan, name = move || name.clone())} }
}

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

/// The village page's three lists (see [`VillagePage`]).
#[derive(Clone, Copy)]
struct VillageLists {
    services: Resource<Result<Vec<crate::layanan::ServiceCard>, crate::error::AppError>>,
    events: Resource<Result<Vec<crate::budaya::EventCard>, crate::error::AppError>>,
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
        <h1 class="text-2xl font-bold">{summary.name.clone()}</h1>
        <p class="text-stone-600">
            <KindLabel kind=summary.kind /> " · " <KecamatanLabel name=summary.kecamatan_name /> " · " {kabupaten}
        </p>
        <p class="text-xs text-stone-500">{t!(i18n, desa.code)} " " {summary.code}</p>
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
        <section class="mt-8">
            <SectionHeader icon=Icon::Pasar title=move || t_string!(i18n, home.products_title).to_string() href="/pasar" />
            <ProductListOf products=lists.products />
        </section>
    }
}

/// The balai desa: address, opening hours and contacts, when the village's staff filled them in.
#[component]
fn OfficeCard(office: super::VillageOffice) -> impl IntoView {
    let i18n = use_i18n();
    let has_anything = !office.address.is_empty() || !office.opening_hours_id.is_empty();
    has_anything.then(|| {
        let super::VillageOffice {
            address,
            opening_hours_id,
            opening_hours_en,
            phone,
            email,
        } = office;
        view! {
            <section class="mt-4 rounded-xl border border-stone-200 bg-white p-4 text-sm" aria-labelledby="kantor">
                <h2 id="kantor" class="font-bold">{t!(i18n, desa.office)}</h2>
                <p>{address}</p>
                <p><Localized id=opening_hours_id en=opening_hours_en /></p>
                {phone.map(|phone| view! { <p><a class="inline-flex min-h-11 items-center underline" href=format!("tel:{phone}")>{phone.clone()}</a></p> })}
                {email.map(|email| view! { <p><a class="inline-flex min-h-11 items-center underline" href=format!("mailto:{email}")>{email.clone()}</a></p> })}
            </section>
        }
    })
}
