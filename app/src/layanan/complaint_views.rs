//! Pengaduan pages: the resident's form and list (`/layanan/pengaduan`), one complaint with its replies
//! (`/layanan/pengaduan/{code}`), and the village staff's inbox (`/desa/{slug}/pengaduan`).

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    get_complaint, get_complaint_inbox, list_my_complaints, ComplaintCategory, ComplaintInbox,
    ComplaintPage, ComplaintStatus, ComplaintSummary, ReplyComplaint, SubmitComplaint,
};
use crate::akun::sign_in_instead;
use crate::akun::signed_in_page;
use crate::error::AppError;
use crate::format::{long_date, time_of_day};
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{
    field_error_text, just_saved, last_error, Field, FormError, SubmitButton, TextArea,
};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{CARD, LINK, SELECT};

pub fn category_label(
    i18n: leptos_i18n::I18nContext<Locale>,
    category: ComplaintCategory,
) -> String {
    match category {
        ComplaintCategory::Infrastruktur => t_string!(i18n, pengaduan.category.infrastruktur),
        ComplaintCategory::Kebersihan => t_string!(i18n, pengaduan.category.kebersihan),
        ComplaintCategory::Keamanan => t_string!(i18n, pengaduan.category.keamanan),
        ComplaintCategory::Pelayanan => t_string!(i18n, pengaduan.category.pelayanan),
        ComplaintCategory::Bantuan => t_string!(i18n, pengaduan.category.bantuan),
        ComplaintCategory::Aspirasi => t_string!(i18n, pengaduan.category.aspirasi),
        ComplaintCategory::Lainnya => t_string!(i18n, pengaduan.category.lainnya),
    }
    .to_string()
}

pub fn complaint_status_label(
    i18n: leptos_i18n::I18nContext<Locale>,
    status: ComplaintStatus,
) -> String {
    match status {
        ComplaintStatus::Diterima => t_string!(i18n, pengaduan.status.diterima),
        ComplaintStatus::Diproses => t_string!(i18n, pengaduan.status.diproses),
        ComplaintStatus::Selesai => t_string!(i18n, pengaduan.status.selesai),
    }
    .to_string()
}

#[component]
fn ComplaintStatusPill(status: ComplaintStatus) -> impl IntoView {
    let i18n = use_i18n();
    let colour = match status {
        ComplaintStatus::Diterima => "bg-amber-100 text-amber-900",
        ComplaintStatus::Diproses => "bg-sky-100 text-sky-900",
        ComplaintStatus::Selesai => "bg-teal-100 text-teal-900",
    };
    view! {
        <span class=format!("rounded-full px-2 py-0.5 text-sm font-semibold {colour}")>{complaint_status_label(i18n, status)}</span>
    }
}

#[component]
fn ComplaintList(complaints: Vec<ComplaintSummary>, show_author: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    view! {
        <ul role="list" class="mt-3 flex flex-col gap-2">
            {complaints.into_iter().map(|complaint| view! {
                <li>
                    <a href=format!("/layanan/pengaduan/{}", complaint.code) class=format!("{CARD} flex flex-col gap-1 hover:border-teal-600")>
                        <span class="flex items-center justify-between gap-2">
                            <span class="font-semibold">{category_label(i18n, complaint.category)}</span>
                            <ComplaintStatusPill status=complaint.status />
                        </span>
                        <span>{complaint.excerpt}</span>
                        <span class="text-sm text-stone-600">
                            {show_author.then(|| format!("{} · ", complaint.author_name))}
                            {complaint.village_name} " · " {long_date(complaint.created_at, locale)}
                        </span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// `/layanan/pengaduan`: send a complaint or an aspiration to one's village, and follow earlier ones.
#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let i18n = use_i18n();
    let mine = Resource::new(|| (), |_| list_my_complaints());
    view! {
        <PageTitle text=move || t_string!(i18n, pengaduan.title).to_string() />
        <nav class="text-sm"><a href="/layanan" class=LINK>{t!(i18n, layanan.title)}</a></nav>
        <h1 class="text-2xl font-bold">{t!(i18n, pengaduan.title)}</h1>
        <p class="mt-1 max-w-prose text-stone-600">{t!(i18n, pengaduan.intro)}</p>
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(complaints) => EitherOf3::A(view! {
                        <ComplaintForm />
                        <h2 class="mt-6 text-lg font-bold">{t!(i18n, pengaduan.mine)}</h2>
                        {if complaints.is_empty() {
                            Either::Left(view! { <p class="mt-2 text-stone-600">{t!(i18n, pengaduan.none_yet)}</p> })
                        } else {
                            Either::Right(view! { <ComplaintList complaints show_author=false /> })
                        }}
                    }),
                    Err(AppError::Unauthenticated) => EitherOf3::B(view! {
                        <p class="mt-4">{t!(i18n, pengaduan.sign_in)}</p>
                        {sign_in_instead("/layanan/pengaduan")}
                    }),
                    Err(error) => EitherOf3::C(view! { <ErrorNotice error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ComplaintForm() -> impl IntoView {
    let i18n = use_i18n();
    let submit = ServerAction::<SubmitComplaint>::new();
    let error = last_error(submit.value());
    let category_error = field_error_text(error, "category");
    view! {
        <ActionForm action=submit attr:class=format!("{CARD} mt-4 flex flex-col gap-3")>
            <h2 class="font-bold">{t!(i18n, pengaduan.new)}</h2>
            <div class="flex flex-col gap-1">
                <label for="f-category" class="font-medium">{t!(i18n, pengaduan.category_label)}</label>
                <select id="f-category" name="category" required class=SELECT>
                    <option value="">"—"</option>
                    {ComplaintCategory::ALL.into_iter().map(|category| view! {
                        <option value=category.code()>{category_label(i18n, category)}</option>
                    }).collect_view()}
                </select>
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{category_error}</p>
            </div>
            <TextArea label=Signal::derive(move || t_string!(i18n, pengaduan.body_label).to_string()) name="body" required=true error />
            <Field label=Signal::derive(move || t_string!(i18n, pengaduan.location_label).to_string()) name="location" required=false
                hint=Signal::derive(move || t_string!(i18n, pengaduan.location_hint).to_string()) error />
            <p class="text-sm text-stone-600">{t!(i18n, pengaduan.photo_later)}</p>
            <FormError error />
            <SubmitButton label=Signal::derive(move || t_string!(i18n, pengaduan.send).to_string()) />
        </ActionForm>
    }
}

/// `/layanan/pengaduan/{code}`.
#[component]
pub fn ComplaintPageView() -> impl IntoView {
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let next = format!("/layanan/pengaduan/{code}");
    let page = Resource::new(move || code.clone(), get_complaint);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    match page.await {
                        Ok(page) => EitherOf3::A(view! { <ComplaintDetail page /> }),
                        Err(AppError::Unauthenticated) => EitherOf3::B(sign_in_instead(next)),
                        Err(error) => EitherOf3::C(view! { <NotFoundOr error /> }),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ComplaintDetail(page: ComplaintPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let reply = ServerAction::<ReplyComplaint>::new();
    let error = last_error(reply.value());
    let status_error = field_error_text(error, "status");
    let title = category_label(i18n, page.category);
    let page_title = title.clone();
    let photo_url = format!("/layanan/pengaduan/{}/foto", page.code);
    let later: Vec<ComplaintStatus> = ComplaintStatus::ALL
        .into_iter()
        .filter(|to| page.status.may_move_to(*to))
        .collect();
    let may_reply = page.is_staff || page.status != ComplaintStatus::Selesai;
    view! {
        <PageTitle text=move || page_title.clone() />
        <nav class="text-sm">
            {if page.is_staff && !page.is_author {
                Either::Left(view! { <a href=format!("/desa/{}/pengaduan", page.village_slug) class=LINK>{t!(i18n, pengaduan.inbox)}</a> })
            } else {
                Either::Right(view! { <a href="/layanan/pengaduan" class=LINK>{t!(i18n, pengaduan.mine)}</a> })
            }}
        </nav>
        <h1 class="text-2xl font-bold">{title}</h1>
        <p class="flex flex-wrap items-center gap-2">
            <span class="font-mono">{crate::kernel::codes::display_code(&page.code)}</span>
            <ComplaintStatusPill status=page.status />
        </p>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, pengaduan.saved)}</p> })}
        <section class=format!("{CARD} mt-4 flex flex-col gap-2")>
            <p class="text-sm text-stone-600">{page.author_name.clone()} " · " {page.village_name.clone()} " · "
                {long_date(page.created_at, locale)} " " {time_of_day(page.created_at, locale)}</p>
            <p class="whitespace-pre-line">{page.body.clone()}</p>
            {(!page.location.is_empty()).then(|| view! {
                <p><span class="font-medium">{t!(i18n, pengaduan.location_label)} ": "</span>{page.location.clone()}</p>
            })}
            {page.has_photo.then(|| view! {
                <a href=photo_url.clone()>
                    <img src=format!("{photo_url}?{}", crate::media::PRIVATE_THUMBNAIL_QUERY) alt=t_string!(i18n, pengaduan.photo).to_string() loading="lazy" class="max-h-72 w-full rounded-lg bg-stone-100 object-contain" />
                </a>
            })}
            {(page.is_author && page.status == ComplaintStatus::Diterima).then(|| view! {
                <div id="foto">
                    <crate::media::PhotoUploadForm action=photo_url.clone() multiple=false
                        label=Signal::derive(move || if page.has_photo { t_string!(i18n, pengaduan.photo_replace).to_string() } else { t_string!(i18n, pengaduan.photo_add).to_string() }) />
                </div>
            })}
        </section>
        <section class=format!("{CARD} mt-4") aria-labelledby="balasan">
            <h2 id="balasan" class="font-bold">{t!(i18n, pengaduan.replies)}</h2>
            {if page.replies.is_empty() {
                Either::Left(view! { <p class="mt-2 text-stone-600">{t!(i18n, pengaduan.no_replies)}</p> })
            } else {
                Either::Right(view! {
                    <ol class="mt-2 flex flex-col gap-3">
                        {page.replies.into_iter().map(|reply| view! {
                            <li class=if reply.from_staff { "rounded-lg bg-teal-50 p-3" } else { "rounded-lg bg-stone-50 p-3" }>
                                <p class="text-sm text-stone-600">
                                    <span class="font-semibold">{reply.author_name}</span>
                                    {reply.from_staff.then(|| view! { " · " {t!(i18n, pengaduan.village_staff)} })}
                                    " · " {long_date(reply.at, locale)} " " {time_of_day(reply.at, locale)}
                                </p>
                                <p class="whitespace-pre-line">{reply.body}</p>
                                {reply.status.map(|status| view! {
                                    <p class="mt-1 text-sm font-semibold">{t!(i18n, pengaduan.moved_to)} " " {complaint_status_label(i18n, status)}</p>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                })
            }}
        </section>
        {may_reply.then(|| view! {
            <ActionForm action=reply attr:class=format!("{CARD} mt-4 flex flex-col gap-3")>
                <input type="hidden" name="code" value=page.code.clone() />
                <TextArea label=Signal::derive(move || t_string!(i18n, pengaduan.reply_label).to_string()) name="body" required=true error />
                {(page.is_staff && !later.is_empty()).then(|| view! {
                    <div class="flex flex-col gap-1">
                        <label for="f-status" class="font-medium">{t!(i18n, pengaduan.status_label)}</label>
                        <select id="f-status" name="status" class=SELECT>
                            <option value="">{t!(i18n, pengaduan.keep_status)}</option>
                            {later.into_iter().map(|status| view! {
                                <option value=status.code()>{complaint_status_label(i18n, status)}</option>
                            }).collect_view()}
                        </select>
                        <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{status_error}</p>
                    </div>
                })}
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, pengaduan.reply_send).to_string()) />
            </ActionForm>
        })}
    }
}

#[component]
fn ComplaintInboxView(inbox: ComplaintInbox, base: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=move || t_string!(i18n, pengaduan.inbox).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, pengaduan.inbox)} " · " {inbox.village_name.clone()}</h1>
        <nav class="-mx-1 my-3 flex gap-2 overflow-x-auto px-1 pb-1" aria-label=move || t_string!(i18n, layanan.by_status).to_string()>
            <a href=base.clone() aria-current=inbox.showing.is_none().then_some("page")
                class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                {t!(i18n, pengaduan.all)}
            </a>
            {inbox.counts.iter().map(|(status, count)| view! {
                <a href=format!("{base}?status={}", status.code()) aria-current=(inbox.showing == Some(*status)).then_some("page")
                    class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                    {complaint_status_label(i18n, *status)} " (" {*count} ")"
                </a>
            }).collect_view()}
        </nav>
        {if inbox.complaints.is_empty() {
            Either::Left(view! { <p class="mt-3 text-stone-600">{t!(i18n, pengaduan.inbox_empty)}</p> })
        } else {
            Either::Right(view! { <ComplaintList complaints=inbox.complaints show_author=true /> })
        }}
    }
}

/// `/desa/{slug}/pengaduan`: the village staff's complaints.
#[component]
pub fn ComplaintInboxPage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let status = use_query_map()
        .read_untracked()
        .get("status")
        .unwrap_or_default();
    let base = format!("/desa/{slug}/pengaduan");
    let inbox = Resource::new(
        move || (slug.clone(), status.clone()),
        |(slug, status)| get_complaint_inbox(slug, status),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    signed_in_page(inbox.await, base.clone(), move |inbox| view! { <ComplaintInboxView inbox base /> })
                })
            }}
        </Suspense>
    }
}
