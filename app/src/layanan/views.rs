//! Layanan pages and components.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use super::{list_services, ServiceCard, ServiceKind};
use crate::format::rupiah;
use crate::i18n::*;
use crate::ui::feedback::{render_list, CardsLoading};
use crate::ui::layout::PageHeader;
use crate::ui::text::Localized;

#[component]
pub fn LayananPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeader
            title=move || t_string!(i18n, layanan.title).to_string()
            intro=move || t_string!(i18n, layanan.description).to_string()
        />
        <p class="-mt-2 mb-3 flex flex-wrap gap-x-4">
            <a href="/layanan/saya" class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, layanan.my_requests)}</a>
            <a href="/layanan/pengaduan" class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, pengaduan.title)}</a>
            // Regulations, public information and social aid are each village's: its page links them.
            <a href="/desa" class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, layanan.village_information)}</a>
            <a href="/skor" class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, layanan.score_link)}</a>
        </p>
        <ServiceList limit=24 />
    }
}

#[component]
pub fn ServiceList(#[prop(optional)] village: Option<String>, limit: u32) -> impl IntoView {
    let services = Resource::new(
        move || village.clone(),
        move |village| list_services(village, limit),
    );
    view! { <ServiceListOf services /> }
}

/// The list, from a resource the page made itself: a page that shows it inside another `Suspend` creates
/// the resource outside it, so a re-render of that `Suspend` does not fetch the list again.
#[component]
pub fn ServiceListOf(
    services: Resource<Result<Vec<ServiceCard>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || Suspend::new(async move {
                render_list(
                    services.await,
                    "grid gap-3 sm:grid-cols-2 lg:grid-cols-3",
                    move || view! { <p>{t!(i18n, layanan.empty)}</p> },
                    |service| view! { <ServiceCardView service /> },
                )
            })}
        </Suspense>
    }
}

#[component]
pub fn ServiceCardView(service: ServiceCard) -> impl IntoView {
    let i18n = use_i18n();
    let ServiceCard {
        slug,
        village_slug,
        kind,
        name_id,
        name_en,
        summary_id,
        summary_en,
        processing_days,
        needs_camat,
        fee_rupiah,
        village_name,
        village_count,
        ..
    } = service;
    let offered_where = move || match village_count {
        1 => Either::Left(village_name.clone()),
        count => Either::Right(t!(i18n, layanan.offered_in, count)),
    };
    let kind_label = move || match kind {
        ServiceKind::Surat => t_string!(i18n, layanan.kind_surat),
        ServiceKind::Janji => t_string!(i18n, layanan.kind_janji),
    };
    let processing = move || match processing_days {
        0 => EitherOf3::A(t!(i18n, layanan.same_day)),
        1 => EitherOf3::B(t!(i18n, layanan.one_day)),
        days => EitherOf3::C(t!(i18n, layanan.many_days, days)),
    };
    let fee = move || match fee_rupiah {
        0 => t_string!(i18n, ui.free).to_string(),
        amount => rupiah(amount, i18n.get_locale()),
    };
    view! {
        <a href=format!("/layanan/{village_slug}/{slug}") class="flex w-full flex-col gap-2 rounded-xl border border-stone-200 bg-white p-4 hover:border-teal-600">
            <div class="flex flex-wrap gap-1 text-xs font-medium">
                <span class="rounded bg-teal-50 px-1.5 py-0.5 text-teal-800">{kind_label}</span>
                {needs_camat.then(|| view! {
                    <span class="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-800">{t!(i18n, layanan.camat_signs)}</span>
                })}
            </div>
            <h3 class="font-semibold leading-snug"><Localized id=name_id en=name_en /></h3>
            <p class="text-sm text-stone-600"><Localized id=summary_id en=summary_en /></p>
            <p class="mt-auto text-xs text-stone-500">{processing} " · " {fee} " · " {offered_where}</p>
        </a>
    }
}
