//! Budaya & Edukasi pages and components.

use leptos::prelude::*;

use super::{list_upcoming_events, EventCard, EventKind};
use crate::format::{iso_utc, long_date, rupiah, time_of_day};
use crate::i18n::*;
use crate::ui::feedback::{render_list, CardsLoading};
use crate::ui::layout::PageHeader;
use crate::ui::text::Localized;

#[component]
pub fn BudayaPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeader
            title=move || t_string!(i18n, budaya.title).to_string()
            intro=move || t_string!(i18n, budaya.description).to_string()
        />
        <EventList limit=24 />
    }
}

#[component]
pub fn EventList(#[prop(optional)] village: Option<String>, limit: u32) -> impl IntoView {
    let i18n = use_i18n();
    let events = Resource::new(
        move || village.clone(),
        move |village| list_upcoming_events(village, limit),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || Suspend::new(async move {
                render_list(
                    events.await,
                    "grid gap-3 sm:grid-cols-2 lg:grid-cols-3",
                    move || view! { <p>{t!(i18n, budaya.empty)}</p> },
                    |event| view! { <EventCardView event /> },
                )
            })}
        </Suspense>
    }
}

#[component]
pub fn EventCardView(event: EventCard) -> impl IntoView {
    let i18n = use_i18n();
    let several_days = event.spans_several_days();
    let EventCard {
        kind,
        title_id,
        title_en,
        summary_id,
        summary_en,
        venue,
        starts_at,
        ends_at,
        price_rupiah,
        village_name,
        ..
    } = event;
    let kind_label = move || match kind {
        EventKind::Festival => t_string!(i18n, budaya.kind.festival),
        EventKind::Pertunjukan => t_string!(i18n, budaya.kind.pertunjukan),
        EventKind::Kelas => t_string!(i18n, budaya.kind.kelas),
        EventKind::Tempat => t_string!(i18n, budaya.kind.tempat),
        EventKind::Program => t_string!(i18n, budaya.kind.program),
    };
    let when = move || {
        let locale = i18n.get_locale();
        if several_days {
            format!(
                "{} – {}",
                long_date(starts_at, locale),
                long_date(ends_at, locale)
            )
        } else {
            format!(
                "{} · {}",
                long_date(starts_at, locale),
                time_of_day(starts_at, locale)
            )
        }
    };
    let price = move || match price_rupiah {
        0 => t_string!(i18n, ui.free).to_string(),
        amount => rupiah(amount, i18n.get_locale()),
    };
    view! {
        <article class="flex w-full flex-col gap-2 rounded-xl border border-stone-200 bg-white p-4">
            <span class="w-fit rounded bg-rose-50 px-1.5 py-0.5 text-xs font-medium text-rose-800">{kind_label}</span>
            <h3 class="font-semibold leading-snug"><Localized id=title_id en=title_en /></h3>
            <p class="text-sm font-medium text-teal-800">
                <time datetime=iso_utc(starts_at)>{when}</time>
            </p>
            <p class="text-sm text-stone-600"><Localized id=summary_id en=summary_en /></p>
            <p class="mt-auto text-xs text-stone-500">{venue} " · " {village_name} " · " {price}</p>
        </article>
    }
}
