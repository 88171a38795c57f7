//! The home page (beranda): what Smart Kampung is, and highlights from each pillar read from the database.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::budaya::EventList;
use crate::i18n::*;
use crate::layanan::ServiceList;
use crate::pasar::ProductList;
use crate::ui::icons::{Icon, IconSvg};
use crate::ui::layout::SectionHeader;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text="" />
        <Meta name="description" content=t_string!(i18n, home.meta_description).to_string() />
        <section class="rounded-2xl bg-gradient-to-br from-teal-700 to-teal-900 p-5 text-white">
            <h1 class="text-2xl font-bold leading-tight">{t!(i18n, home.heading)}</h1>
            <p class="mt-2 text-teal-50">{t!(i18n, home.intro)}</p>
            <div class="mt-4 grid grid-cols-3 gap-2 text-center text-sm font-semibold">
                <PillarLink href="/pasar" icon=Icon::Pasar label=move || t_string!(i18n, nav.pasar).to_string() />
                <PillarLink href="/layanan" icon=Icon::Layanan label=move || t_string!(i18n, nav.layanan).to_string() />
                <PillarLink href="/budaya" icon=Icon::Budaya label=move || t_string!(i18n, nav.budaya_short).to_string() />
            </div>
        </section>
        <section class="mt-8">
            <SectionHeader icon=Icon::Budaya title=move || t_string!(i18n, home.events_title).to_string() href="/budaya" />
            <EventList limit=3 />
        </section>
        <section class="mt-8">
            <SectionHeader icon=Icon::Pasar title=move || t_string!(i18n, home.products_title).to_string() href="/pasar" />
            <ProductList limit=4 />
        </section>
        <section class="mt-8">
            <SectionHeader icon=Icon::Layanan title=move || t_string!(i18n, home.services_title).to_string() href="/layanan" />
            <p class="mb-3 text-sm text-stone-600">{t!(i18n, home.services_pitch)}</p>
            <ServiceList limit=3 />
        </section>
    }
}

#[component]
fn PillarLink(
    href: &'static str,
    icon: Icon,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <a href=href class="flex min-h-16 flex-col items-center justify-center gap-1 rounded-xl bg-white/10 p-2 hover:bg-white/20">
            <IconSvg icon />
            <span>{label}</span>
        </a>
    }
}
