//! Lists of requests (the resident's, the village's and the kecamatan's inboxes, a day's visits) and
//! the public letter verification page.

use super::request::{status_label, StatusPill};
use crate::akun::sign_in_instead;
use crate::akun::signed_in_page;
use crate::error::AppError;
use crate::format::{long_date, time_of_day};
use crate::i18n::*;
use crate::layanan::{
    get_kecamatan_inbox, get_village_inbox, get_visit_day, list_my_requests, verify_letter, Inbox,
    LetterVerification, RequestSummary, VisitDay,
};
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{BUTTON_SECONDARY, CARD, LINK};
use crate::ui::text::Localized;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn RequestList(requests: Vec<RequestSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    view! {
        <ul role="list" class="mt-3 flex flex-col gap-2">
            {requests.into_iter().map(|request| view! {
                <li>
                    <a href=format!("/layanan/permohonan/{}", request.code) class=format!("{CARD} flex flex-col gap-1 hover:border-teal-600")>
                        <span class="flex items-center justify-between gap-2">
                            <span class="font-mono text-sm">{crate::kernel::codes::display_code(&request.code)}</span>
                            <StatusPill status=request.status />
                        </span>
                        <span class="font-semibold"><Localized id=request.service_name_id en=request.service_name_en /></span>
                        <span class="text-sm text-stone-600">{request.holder_name} " · " {request.village_name} " · " {long_date(request.created_at, locale)}
                            {request.slot_starts_at.map(|at| format!(" · {} {}", t_string!(i18n, layanan.visit_at), time_of_day(at, locale)))}
                            {request.queue_number.map(|number| format!(" · #{number}"))}</span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// `/layanan/saya`.
#[component]
pub fn MyRequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let requests = Resource::new(|| (), |_| list_my_requests());
    view! {
        <PageTitle text=move || t_string!(i18n, layanan.my_requests).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, layanan.my_requests)}</h1>
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match requests.await {
                    Ok(requests) if requests.is_empty() => EitherOf3::A(view! {
                        <p class="mt-3 text-stone-600">{t!(i18n, layanan.no_requests)}</p>
                        <a href="/layanan" class=LINK>{t!(i18n, layanan.title)}</a>
                    }.into_any()),
                    Ok(requests) => EitherOf3::A(view! { <RequestList requests /> }.into_any()),
                    Err(AppError::Unauthenticated) => EitherOf3::B(sign_in_instead("/layanan/saya")),
                    Err(error) => EitherOf3::C(view! { <ErrorNotice error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InboxView(inbox: Inbox, base: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 class="text-2xl font-bold">{t!(i18n, layanan.inbox_title)} " · " {inbox.place_name.clone()}</h1>
        {base.starts_with("/desa/").then(|| view! {
            <a href=base.replace("/layanan", "/kunjungan") class=LINK>{t!(i18n, layanan.visits_title)}</a>
        })}
        {(!inbox.counts.is_empty()).then(|| view! {
            <nav class="-mx-1 my-3 flex gap-2 overflow-x-auto px-1 pb-1" aria-label=move || t_string!(i18n, layanan.by_status).to_string()>
                <a href=base.clone() aria-current=inbox.showing.is_none().then_some("page")
                    class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                    {t!(i18n, layanan.open_requests)}
                </a>
                {inbox.counts.iter().filter(|(_, count)| *count > 0).map(|(status, count)| view! {
                    <a href=format!("{base}?status={}", status.code()) aria-current=(inbox.showing == Some(*status)).then_some("page")
                        class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                        {status_label(i18n, *status)} " (" {*count} ")"
                    </a>
                }).collect_view()}
            </nav>
        })}
        {if inbox.requests.is_empty() {
            Either::Left(view! { <p class="mt-3 text-stone-600">{t!(i18n, layanan.inbox_empty)}</p> })
        } else {
            Either::Right(view! { <RequestList requests=inbox.requests.clone() /> })
        }}
        {
            let status = inbox.showing.map(|status| format!("status={}&", status.code())).unwrap_or_default();
            let first = format!("{base}?{status}");
            let next = inbox.next_after.as_ref().map(|code| format!("{base}?{status}setelah={code}"));
            view! {
                <p class="mt-4 flex flex-wrap gap-3">
                    {inbox.paged.then(|| view! { <a href=first class=LINK>{t!(i18n, layanan.inbox_first_page)}</a> })}
                    {next.map(|href| view! { <a href=href rel="next" class=LINK>{t!(i18n, layanan.inbox_next_page)}</a> })}
                </p>
            }
        }
    }
}

/// `/desa/{slug}/layanan`: the village staff's inbox.
#[component]
pub fn VillageInboxPage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let query = use_query_map().read_untracked();
    let status = query.get("status").unwrap_or_default();
    let after = query.get("setelah");
    let base = format!("/desa/{slug}/layanan");
    let inbox = Resource::new(
        move || (slug.clone(), status.clone(), after.clone()),
        |(slug, status, after)| get_village_inbox(slug, status, after),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    signed_in_page(inbox.await, base.clone(), move |inbox| view! { <InboxView inbox base /> })
                })
            }}
        </Suspense>
    }
}

/// `/kecamatan/{code}/layanan`: letters waiting for the camat's signature.
#[component]
pub fn KecamatanInboxPage() -> impl IntoView {
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let base = format!("/kecamatan/{code}/layanan");
    let inbox = Resource::new(move || code.clone(), get_kecamatan_inbox);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    signed_in_page(inbox.await, base.clone(), move |inbox| view! { <InboxView inbox base /> })
                })
            }}
        </Suspense>
    }
}

/// `/verifikasi/{code}`: anyone holding the paper can check it.
#[component]
pub fn VerificationPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let letter = Resource::new(move || code.clone(), verify_letter);
    view! {
        <PageTitle text=move || t_string!(i18n, layanan.verification_title).to_string() />
        <leptos_meta::Meta name="description" content=t_string!(i18n, layanan.verification_meta).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
            {move || Suspend::new(async move {
                match letter.await {
                    Ok(letter) => Either::Left(view! { <VerificationView letter /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VerificationView(letter: LetterVerification) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let revoked = letter.revoked_at.is_some();
    view! {
        <h1 class="text-2xl font-bold">{t!(i18n, layanan.verification_title)}</h1>
        {if revoked {
            Either::Left(view! { <p role="status" class="mt-2 rounded-lg bg-red-100 p-3 font-semibold text-red-900">{t!(i18n, layanan.letter_revoked)} " " {letter.revoked_reason.clone().unwrap_or_default()}</p> })
        } else {
            Either::Right(view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 font-semibold text-teal-900">{t!(i18n, layanan.letter_valid)}</p> })
        }}
        // One label above each value: a letter number has no place to break and must fit 360 px.
        <dl class=format!("{CARD} mt-4 flex flex-col gap-3 [overflow-wrap:anywhere]")>
            <div><dt class="text-sm text-stone-600">{t!(i18n, layanan.letter_number)}</dt><dd class="font-mono font-semibold">{letter.number}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, layanan.letter_kind)}</dt><dd>{letter.title}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, layanan.letter_date)}</dt><dd>{long_date(letter.issued_at, locale)}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, layanan.letter_village)}</dt><dd>{letter.village_name} ", " {letter.kecamatan_name}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, layanan.holder)}</dt><dd>{letter.holder_masked}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, layanan.signed_by)}</dt><dd>{letter.signer}{letter.camat.map(|camat| format!("; {camat}"))}</dd></div>
        </dl>
    }
}

/// "My requests" on the account page: the five newest, or an invitation to the services.
#[component]
pub fn MyRequestsCard() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let requests = Resource::new(|| (), |_| list_my_requests());
    view! {
        <section class=CARD aria-labelledby="permohonan-saya">
            <h2 id="permohonan-saya" class="font-bold">{t!(i18n, akun.requests_title)}</h2>
            <Suspense fallback=move || view! { <p>{t!(i18n, ui.loading)}</p> }>
                {move || Suspend::new(async move {
                    match requests.await {
                        Ok(requests) if requests.is_empty() => EitherOf3::A(view! {
                            <p class="mt-1 text-sm text-stone-600">{t!(i18n, akun.requests_empty)}</p>
                            <a href="/layanan" class=LINK>"→"</a>
                        }),
                        Ok(requests) => EitherOf3::B(view! {
                            <ul class="mt-1 flex flex-col">
                                {requests.into_iter().take(5).map(|request| view! {
                                    <li>
                                        <a href=format!("/layanan/permohonan/{}", request.code) class="flex min-h-11 flex-col justify-center py-1 hover:underline">
                                            <span class="font-semibold"><Localized id=request.service_name_id en=request.service_name_en /></span>
                                            <span class="text-sm text-stone-600">{status_label(i18n, request.status)} " · " {long_date(request.created_at, locale)}</span>
                                        </a>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <a href="/layanan/saya" class=LINK>{t!(i18n, ui.see_all)}</a>
                        }),
                        Err(error) => EitherOf3::C(view! { <ErrorNotice error /> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// `/desa/{slug}/kunjungan?tanggal=…`: the day's visits with their queue numbers.
#[component]
pub fn VisitDayPage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let date = use_query_map()
        .read_untracked()
        .get("tanggal")
        .unwrap_or_default();
    let next = format!("/desa/{slug}/kunjungan");
    let day = Resource::new(
        move || (slug.clone(), date.clone()),
        |(slug, date)| get_visit_day(slug, date),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    signed_in_page(day.await, next.clone(), move |day| view! { <VisitDayView day base=next /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn VisitDayView(day: VisitDay, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let heading = crate::kernel::dates::CivilDate::parse(&day.date)
        .map(|date| long_date(date.at_wib(12 * 60), locale))
        .unwrap_or_default();
    view! {
        <PageTitle text=move || t_string!(i18n, layanan.visits_title).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, layanan.visits_title)} " · " {day.village_name}</h1>
        <nav class="my-3 flex items-center justify-between gap-2">
            <a href=format!("{base}?tanggal={}", day.previous) rel="prev" class=BUTTON_SECONDARY>"←"</a>
            <span class="font-semibold">{heading}</span>
            <a href=format!("{base}?tanggal={}", day.next) rel="next" class=BUTTON_SECONDARY>"→"</a>
        </nav>
        {if day.visits.is_empty() {
            Either::Left(view! { <p class="text-stone-600">{t!(i18n, layanan.no_visits)}</p> })
        } else {
            Either::Right(view! {
                <ol class="flex flex-col gap-2">
                    {day.visits.into_iter().map(|visit| view! {
                        <li>
                            <a href=format!("/layanan/permohonan/{}", visit.code) class=format!("{CARD} flex items-center gap-3 hover:border-teal-600")>
                                <span class="text-2xl font-bold text-teal-800">{visit.queue_number.map(|number| format!("#{number}"))}</span>
                                <span class="flex flex-col">
                                    <span class="font-semibold">{visit.holder_name}</span>
                                    <span class="text-sm text-stone-600">{visit.slot_starts_at.map(|at| time_of_day(at, locale))} " · "
                                        <Localized id=visit.service_name_id en=visit.service_name_en /></span>
                                </span>
                                <span class="ml-auto"><StatusPill status=visit.status /></span>
                            </a>
                        </li>
                    }).collect_view()}
                </ol>
            })
        }}
    }
}
