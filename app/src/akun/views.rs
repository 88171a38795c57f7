//! The list of villages, and the parts of a village's public page that are the village's own (its kind,
//! kecamatan, balai desa); `pages::village` puts them together with the pillars' lists.

use leptos::prelude::*;

use super::{list_villages, VillageKind, VillageSummary};
use crate::i18n::*;
use crate::ui::feedback::{render_list, CardsLoading};
use crate::ui::icons::{Icon, IconSvg};
use crate::ui::layout::PageHeader;
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
pub fn KindLabel(kind: VillageKind) -> impl IntoView {
    let i18n = use_i18n();
    move || match kind {
        VillageKind::Desa => t_string!(i18n, desa.kind_desa),
        VillageKind::Kelurahan => t_string!(i18n, desa.kind_kelurahan),
    }
}

#[component]
pub fn KecamatanLabel(name: String) -> impl IntoView {
    let i18n = use_i18n();
    view! { {t!(i18n, desa.kecamatan, name = move || name.clone())} }
}

/// The balai desa: address, opening hours and contacts, when the village's staff filled them in.
#[component]
pub fn OfficeCard(office: super::VillageOffice) -> impl IntoView {
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
