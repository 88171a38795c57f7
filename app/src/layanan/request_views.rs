//! The request loop's pages: a service with its requirements and form (`/layanan/{village}/{service}`),
//! a request with its timeline and the moves the viewer may make (`/layanan/permohonan/{code}`), the
//! resident's requests (`/layanan/saya`), the village and kecamatan inboxes, and the public letter
//! verification page (`/verifikasi/{code}`). Plain forms posting to server functions.

use leptos::either::{Either, EitherOf3, EitherOf4};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    get_kecamatan_inbox, get_request, get_service, get_village_inbox, get_visit_day,
    list_my_requests, verify_letter, DocumentSlot, FieldKind, FormField, Inbox, LetterVerification,
    MoveRequest, RateRequest, RemoveRequestDocument, RequestPage, RequestStatus, RequestSummary,
    RescheduleRequest, RevokeLetter, ServicePage, SlotChoice, SubmitRequest, VisitDay,
};
use crate::akun::sign_in_instead;
use crate::akun::signed_in_page;
use crate::error::AppError;
use crate::format::{long_date, time_of_day};
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{field_error_text, just_saved, last_error, FormError, SubmitButton};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};
use crate::ui::text::{pick, Localized};

pub fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: RequestStatus) -> String {
    match status {
        RequestStatus::Diajukan => t_string!(i18n, layanan.status.diajukan),
        RequestStatus::Diperiksa => t_string!(i18n, layanan.status.diperiksa),
        RequestStatus::PerluPerbaikan => t_string!(i18n, layanan.status.perlu_perbaikan),
        RequestStatus::DisetujuiKades => t_string!(i18n, layanan.status.disetujui_kades),
        RequestStatus::DiteruskanKecamatan => t_string!(i18n, layanan.status.diteruskan_kecamatan),
        RequestStatus::DitandatanganiCamat => t_string!(i18n, layanan.status.ditandatangani_camat),
        RequestStatus::Siap => t_string!(i18n, layanan.status.siap),
        RequestStatus::Selesai => t_string!(i18n, layanan.status.selesai),
        RequestStatus::Ditolak => t_string!(i18n, layanan.status.ditolak),
        RequestStatus::Dibatalkan => t_string!(i18n, layanan.status.dibatalkan),
    }
    .to_string()
}

fn move_label(i18n: leptos_i18n::I18nContext<Locale>, status: RequestStatus) -> String {
    match status {
        RequestStatus::Diajukan => t_string!(i18n, layanan.move_to.diajukan),
        RequestStatus::Diperiksa => t_string!(i18n, layanan.move_to.diperiksa),
        RequestStatus::PerluPerbaikan => t_string!(i18n, layanan.move_to.perlu_perbaikan),
        RequestStatus::DisetujuiKades => t_string!(i18n, layanan.move_to.disetujui_kades),
        RequestStatus::DiteruskanKecamatan => t_string!(i18n, layanan.move_to.diteruskan_kecamatan),
        RequestStatus::DitandatanganiCamat => t_string!(i18n, layanan.move_to.ditandatangani_camat),
        RequestStatus::Siap => t_string!(i18n, layanan.move_to.siap),
        RequestStatus::Selesai => t_string!(i18n, layanan.move_to.selesai),
        RequestStatus::Ditolak => t_string!(i18n, layanan.move_to.ditolak),
        RequestStatus::Dibatalkan => t_string!(i18n, layanan.move_to.dibatalkan),
    }
    .to_string()
}

#[component]
fn StatusPill(status: RequestStatus) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match status {
        RequestStatus::PerluPerbaikan => "bg-amber-100 text-amber-900",
        RequestStatus::Siap | RequestStatus::Selesai => "bg-teal-100 text-teal-900",
        RequestStatus::Ditolak | RequestStatus::Dibatalkan => "bg-stone-200 text-stone-700",
        _ => "bg-sky-100 text-sky-900",
    };
    view! { <span class=format!("inline-flex w-fit rounded-full px-2 py-0.5 text-xs font-semibold {tone}")>{status_label(i18n, status)}</span> }
}

/// A form field as the service defines it; `value` pre-fills it (a correction after a revision).
#[component]
fn AnswerField(field: FormField, value: String, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let name = format!("answers[{}]", field.name);
    let id = format!("f-{}", field.name);
    let label = pick(locale, &field.label_id, field.label_en.as_deref()).text;
    let error_field = name.clone();
    let message = move || {
        error.get().and_then(|error| {
            error
                .field_code(&error_field)
                .map(|code| crate::ui::form::field_message(i18n, code))
        })
    };
    let control = match field.kind {
        FieldKind::Select => EitherOf3::A(view! {
            <select id=id.clone() name=name.clone() required=field.required class=SELECT>
                <option value="">"—"</option>
                {field.options.iter().map(|option| view! {
                    <option value=option.clone() selected=(*option == value).then_some("")>{option.clone()}</option>
                }).collect_view()}
            </select>
        }),
        FieldKind::Date => EitherOf3::B(view! {
            <input id=id.clone() name=name.clone() type="date" value=value.clone() required=field.required class=SELECT />
        }),
        _ => EitherOf3::C(view! {
            <input id=id.clone() name=name.clone() value=value.clone() required=field.required
                inputmode=(field.kind == FieldKind::Number).then_some("numeric") class=SELECT />
        }),
    };
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="font-medium">{label}</label>
            {control}
            <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{message}</p>
        </div>
    }
}

/// `/layanan/{village}/{service}`.
#[component]
pub fn ServicePageView() -> impl IntoView {
    let params = use_params_map();
    let (village, slug) = {
        let params = params.read_untracked();
        (
            params.get("village").unwrap_or_default(),
            params.get("service").unwrap_or_default(),
        )
    };
    let page = Resource::new(
        move || (village.clone(), slug.clone()),
        |(village, slug)| get_service(village, slug),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => Either::Left(view! { <ServiceDetail page /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ServiceDetail(page: ServicePage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let submit = ServerAction::<SubmitRequest>::new();
    let error = last_error(submit.value());
    let slot_error = field_error_text(error, "slot");
    let title = pick(locale, &page.name_id, page.name_en.as_deref()).text;
    let page_title = title.clone();
    let requirements = if locale == Locale::en && !page.requirements_en.is_empty() {
        page.requirements_en.clone()
    } else {
        page.requirements_id.clone()
    };
    let next = format!("/layanan/{}/{}", page.village_slug, page.slug);
    // Search results and shared links show what the service is and where: the first words of its
    // description after the village's name.
    let description = pick(locale, &page.description_id, page.description_en.as_deref()).text;
    let meta_description: String = format!("{} · {}", page.village_name, description)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(160)
        .collect();
    let documents: Vec<FormField> = page
        .fields
        .iter()
        .filter(|field| field.kind == FieldKind::File)
        .cloned()
        .collect();
    view! {
        <PageTitle text=move || page_title.clone() />
        <leptos_meta::Meta name="description" content=meta_description />
        <nav class="text-sm"><a href="/layanan" class=LINK>{t!(i18n, layanan.title)}</a></nav>
        <h1 class="text-2xl font-bold"><Localized id=page.name_id.clone() en=page.name_en.clone() /></h1>
        <p class="text-stone-600">{page.village_name.clone()}
            {page.needs_camat.then(|| view! { " · " <span class="font-semibold text-indigo-800">{t!(i18n, layanan.camat_signs)}</span> })}
        </p>
        <p class="mt-2 max-w-prose whitespace-pre-line"><Localized id=page.description_id.clone() en=page.description_en.clone() /></p>
        {(!requirements.is_empty()).then(|| view! {
            <section class=format!("{CARD} mt-4") aria-labelledby="syarat">
                <h2 id="syarat" class="font-bold">{t!(i18n, layanan.requirements)}</h2>
                <ul class="mt-1 list-disc pl-5">
                    {requirements.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </section>
        })}
        {if page.lives_elsewhere {
            EitherOf4::A(view! {
                <p role="status" class="mt-4 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, fields.letters_from_home_village)}</p>
            })
        } else if page.needs_verification {
            EitherOf4::D(view! {
                <p role="status" class="mt-4 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, layanan.verify_first)}</p>
                <a href="/akun" class=format!("{BUTTON_SECONDARY} mt-2")>{t!(i18n, layanan.verify_first_link)}</a>
            })
        } else if page.signed_in {
            EitherOf4::B(view! {
                <ActionForm action=submit attr:class=format!("{CARD} mt-4 flex flex-col gap-3")>
                    <h2 class="font-bold">{t!(i18n, layanan.fill_form)}</h2>
                    <input type="hidden" name="village" value=page.village_slug.clone() />
                    <input type="hidden" name="service" value=page.slug.clone() />
                    {page.fields.iter().filter(|field| field.kind != FieldKind::File).map(|field| view! {
                        <AnswerField field=field.clone() value=String::new() error />
                    }).collect_view()}
                    {page.needs_slot.then(|| view! {
                        <div class="flex flex-col gap-1">
                            <label for="f-slot" class="font-medium">{t!(i18n, layanan.visit_slot)}</label>
                            <SlotSelect slots=page.slots.clone() />
                            {page.slots.is_empty().then(|| view! { <p class="text-sm text-amber-800">{t!(i18n, layanan.no_free_slots)}</p> })}
                            <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{slot_error}</p>
                        </div>
                    })}
                    {(!documents.is_empty()).then(|| view! {
                        <div class="rounded-lg bg-stone-50 p-3 text-sm">
                            <p>{t!(i18n, layanan.documents_after_submit)}</p>
                            <ul class="mt-1 list-disc pl-5">
                                {documents.iter().map(|field| view! { <li>{pick(locale, &field.label_id, field.label_en.as_deref()).text}</li> }).collect_view()}
                            </ul>
                        </div>
                    })}
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{field_error_text(error, "village")}</p>
                    <FormError error />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, layanan.submit).to_string()) />
                </ActionForm>
            })
        } else {
            EitherOf4::C(view! {
                <p class="mt-4 text-stone-600">{t!(i18n, layanan.sign_in_to_request)}</p>
                {sign_in_instead(next)}
            })
        }}
    }
}

/// `/layanan/permohonan/{code}`.
#[component]
pub fn RequestPageView() -> impl IntoView {
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let next = format!("/layanan/permohonan/{code}");
    let page = Resource::new(move || code.clone(), get_request);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    signed_in_page(page.await, next, move |page| view! { <RequestDetail page /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn RequestDetail(page: RequestPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let move_action = ServerAction::<MoveRequest>::new();
    let error = last_error(move_action.value());
    let note_error = field_error_text(error, "note");
    let title = pick(
        locale,
        &page.service_name_id,
        page.service_name_en.as_deref(),
    )
    .text;
    let page_title = title.clone();
    let display_code = crate::kernel::codes::display_code(&page.code);
    let needs_note =
        |to: RequestStatus| matches!(to, RequestStatus::PerluPerbaikan | RequestStatus::Ditolak);
    let resubmit = page.is_resident && page.moves.contains(&RequestStatus::Diajukan);
    let simple_moves: Vec<RequestStatus> = page
        .moves
        .iter()
        .copied()
        .filter(|to| !needs_note(*to) && *to != RequestStatus::Diajukan)
        .collect();
    let noted_moves: Vec<RequestStatus> = page
        .moves
        .iter()
        .copied()
        .filter(|to| needs_note(*to))
        .collect();
    let code = page.code.clone();
    view! {
        <PageTitle text=move || page_title.clone() />
        <nav class="text-sm"><a href="/layanan/saya" class=LINK>{t!(i18n, layanan.my_requests)}</a></nav>
        <h1 class="text-2xl font-bold">{title}</h1>
        <p class="flex flex-wrap items-center gap-2"><span class="font-mono">{display_code}</span> <StatusPill status=page.status /></p>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, layanan.saved)}</p> })}
        <section class=format!("{CARD} mt-4 flex flex-col gap-1")>
            <p>{t!(i18n, layanan.holder)} " " {page.holder_name.clone()} " · " {page.village_name.clone()}</p>
            {page.slot_starts_at.map(|at| view! {
                <p class="font-semibold">{t!(i18n, layanan.visit_at)} " " {long_date(at, locale)} " " {time_of_day(at, locale)}
                    {page.queue_number.map(|number| format!(" · {} {number}", t_string!(i18n, layanan.queue_number)))}</p>
            })}
            // Label above value on a phone (long labels would squeeze the answers into a thin column).
            <dl class="mt-2 flex flex-col gap-2 sm:grid sm:grid-cols-[auto_1fr] sm:gap-x-3 sm:gap-y-1">
                {page.answers.iter().map(|answer| view! {
                    <dt class="text-sm text-stone-600">{pick(locale, &answer.field.label_id, answer.field.label_en.as_deref()).text}</dt>
                    <dd class="-mt-2 font-medium sm:mt-0">{answer.value.clone()}</dd>
                }).collect_view()}
            </dl>
        </section>
        {(!page.documents.is_empty()).then(|| view! {
            <DocumentsSection code=page.code.clone() documents=page.documents.clone() may_attach=page.may_attach />
        })}
        {(!page.reschedule_slots.is_empty()).then(|| view! {
            <RescheduleForm code=page.code.clone() slots=page.reschedule_slots.clone() />
        })}
        {page.letter.clone().map(|(number, verification)| view! {
            <section class=format!("{CARD} mt-4") aria-labelledby="surat">
                <h2 id="surat" class="font-bold">{t!(i18n, layanan.letter)}</h2>
                <p class="font-mono text-sm">{number}</p>
                {page.letter_revoked.then(|| view! { <p class="font-semibold text-red-800">{t!(i18n, layanan.letter_revoked)}</p> })}
                <a href=format!("/layanan/surat/{}", page.code) class=format!("{BUTTON} mt-2 w-full")>{t!(i18n, layanan.download_pdf)}</a>
                <a href=format!("/verifikasi/{verification}") class=LINK>{t!(i18n, layanan.verification_page)}</a>
                {(page.is_village_staff && !page.letter_revoked).then(|| view! { <RevokeForm code=page.code.clone() /> })}
            </section>
        })}
        {(page.is_resident && page.status == RequestStatus::Selesai).then(|| view! { <RatingForm code=page.code.clone() rating=page.rating /> })}
        {(!page.moves.is_empty()).then(|| view! {
            <section class=format!("{CARD} mt-4 flex flex-col gap-3") aria-labelledby="tindakan">
                <h2 id="tindakan" class="font-bold">{t!(i18n, layanan.next_step)}</h2>
                {resubmit.then(|| { let code = code.clone(); view! {
                    <ActionForm action=move_action attr:class="flex flex-col gap-3">
                        <input type="hidden" name="code" value=code />
                        <input type="hidden" name="to" value="diajukan" />
                        <p class="text-sm text-stone-600">{t!(i18n, layanan.correct_and_resubmit)}</p>
                        {page.answers.iter().map(|answer| view! {
                            <AnswerField field=answer.field.clone() value=answer.value.clone() error />
                        }).collect_view()}
                        <SubmitButton label=Signal::derive(move || t_string!(i18n, layanan.move_to.diajukan).to_string()) />
                    </ActionForm>
                }})}
                {simple_moves.into_iter().map(|to| { let code = code.clone(); view! {
                    <ActionForm action=move_action>
                        <input type="hidden" name="code" value=code />
                        <input type="hidden" name="to" value=to.code() />
                        <button type="submit" class=if to == RequestStatus::Dibatalkan { format!("{BUTTON_SECONDARY} w-full text-red-800") } else { format!("{BUTTON} w-full") }>{move_label(i18n, to)}</button>
                    </ActionForm>
                }}).collect_view()}
                {noted_moves.into_iter().map(|to| { let code = code.clone(); view! {
                    <details>
                        <summary class="flex min-h-11 cursor-pointer items-center font-semibold">{move_label(i18n, to)}</summary>
                        <ActionForm action=move_action attr:class="mt-2 flex flex-col gap-2">
                            <input type="hidden" name="code" value=code />
                            <input type="hidden" name="to" value=to.code() />
                            <label for=format!("note-{}", to.code()) class="font-medium">
                                {if to == RequestStatus::Ditolak { t_string!(i18n, layanan.note_rejection) } else { t_string!(i18n, layanan.note_revision) }}
                            </label>
                            <textarea id=format!("note-{}", to.code()) name="note" required rows="2" class=crate::ui::style::TEXTAREA></textarea>
                            <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{note_error}</p>
                            <button type="submit" class=BUTTON_SECONDARY>{move_label(i18n, to)}</button>
                        </ActionForm>
                    </details>
                }}).collect_view()}
                <FormError error />
            </section>
        })}
        <section class=format!("{CARD} mt-4") aria-labelledby="riwayat">
            <h2 id="riwayat" class="font-bold">{t!(i18n, layanan.timeline)}</h2>
            <ol class="mt-2 flex flex-col gap-3 border-l-2 border-teal-200 pl-4">
                {page.timeline.into_iter().map(|step| view! {
                    <li>
                        <p class="font-semibold">{match step.status {
                            Some(status) => status_label(i18n, status),
                            None => t_string!(i18n, layanan.visit_moved).to_string(),
                        }}</p>
                        <p class="text-sm text-stone-600">{long_date(step.at, locale)} " " {time_of_day(step.at, locale)}
                            {(!step.by.is_empty()).then(|| format!(" · {} ({})", step.by, step.role))}</p>
                        {step.moved_to.map(|(starts_at, queue)| view! {
                            <p class="text-sm">{long_date(starts_at, locale)} " " {time_of_day(starts_at, locale)}
                                {format!(" · {} {queue}", t_string!(i18n, layanan.queue_number))}</p>
                        })}
                        {step.note.map(|note| view! { <p class="text-sm">{note}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

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

/// The resident's 1–5 stars for a finished request (once; then the given rating is shown).
#[component]
fn RatingForm(code: String, rating: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let rate = ServerAction::<RateRequest>::new();
    let error = last_error(rate.value());
    view! {
        <section class=format!("{CARD} mt-4") aria-labelledby="nilai">
            <h2 id="nilai" class="font-bold">{t!(i18n, layanan.rate_title)}</h2>
            {match rating {
                Some(stars) => Either::Left(view! { <p class="text-amber-800" aria-label=format!("{stars}/5")>{"★".repeat(stars as usize)}</p> }),
                None => Either::Right(view! {
                    <ActionForm action=rate attr:class="mt-2 flex flex-col gap-2">
                        <input type="hidden" name="code" value=code />
                        <div class="flex flex-wrap gap-2">
                            {(1..=5).rev().map(|stars| view! {
                                <label class="inline-flex min-h-12 min-w-12 items-center justify-center gap-1 rounded-lg border border-stone-300 px-3 has-[:checked]:border-amber-600 has-[:checked]:bg-amber-50">
                                    <input type="radio" name="stars" value=stars required checked=(stars == 5).then_some("") class="h-5 w-5" />
                                    {format!("{stars} ★")}
                                </label>
                            }).collect_view()}
                        </div>
                        <FormError error />
                        <SubmitButton label=Signal::derive(move || t_string!(i18n, layanan.rate_button).to_string()) />
                    </ActionForm>
                }),
            }}
        </section>
    }
}

/// Village staff revoke an issued letter with a reason the verification page shows.
#[component]
fn RevokeForm(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let revoke = ServerAction::<RevokeLetter>::new();
    let error = last_error(revoke.value());
    let reason_error = field_error_text(error, "reason");
    view! {
        <details class="mt-2">
            <summary class="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{t!(i18n, layanan.revoke)}</summary>
            <ActionForm action=revoke attr:class="mt-2 flex flex-col gap-2">
                <input type="hidden" name="code" value=code />
                <label for="f-revoke" class="font-medium">{t!(i18n, layanan.revoke_reason)}</label>
                <input id="f-revoke" name="reason" required class=SELECT />
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{reason_error}</p>
                <button type="submit" class=format!("{BUTTON_SECONDARY} border-red-300 text-red-800")>{t!(i18n, layanan.revoke)}</button>
            </ActionForm>
        </details>
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

/// The free slots as a select named `slot`, each with the places left.
#[component]
fn SlotSelect(slots: Vec<SlotChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    view! {
        <select id="f-slot" name="slot" required class=SELECT>
            {slots.into_iter().map(|slot| {
                let label = format!("{} {} · {}", long_date(slot.starts_at, locale), time_of_day(slot.starts_at, locale),
                    t_string!(i18n, layanan.places_left).replace("{count}", &slot.places_left.to_string()));
                view! { <option value=slot.starts_at>{label}</option> }
            }).collect_view()}
        </select>
    }
}

/// The documents a service asks for, with their photos (private addresses, shown after the same check
/// as the request) and, while the request is open to changes, the resident's upload and remove forms.
#[component]
fn DocumentsSection(code: String, documents: Vec<DocumentSlot>, may_attach: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let remove = ServerAction::<RemoveRequestDocument>::new();
    let error = last_error(remove.value());
    let missing_required = documents
        .iter()
        .any(|document| document.field.required && document.photo_ids.is_empty());
    view! {
        <section id="dokumen" class=format!("{CARD} mt-4 flex flex-col gap-3") aria-labelledby="dokumen-title">
            <h2 id="dokumen-title" class="font-bold">{t!(i18n, layanan.documents)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, layanan.documents_private)}</p>
            {(may_attach && missing_required).then(|| view! {
                <p role="status" class="rounded-lg bg-amber-50 p-3 font-semibold text-amber-900">{t!(i18n, layanan.documents_needed)}</p>
            })}
            {documents.into_iter().map(|document| {
                let label = pick(locale, &document.field.label_id, document.field.label_en.as_deref()).text;
                let room = document.photo_ids.len() < super::MAX_PHOTOS_PER_DOCUMENT;
                let name = document.field.name.clone();
                let code = code.clone();
                view! {
                    <div class="border-t border-stone-200 pt-3">
                        <h3 class="font-semibold">{label.clone()}
                            {(!document.field.required).then(|| view! { " " <span class="font-normal text-stone-500">{t!(i18n, layanan.document_optional)}</span> })}
                        </h3>
                        {document.photo_ids.is_empty().then(|| view! { <p class="text-sm text-amber-800">{t!(i18n, layanan.document_missing)}</p> })}
                        <ul class="mt-2 grid grid-cols-2 gap-2">
                            {document.photo_ids.clone().into_iter().map(|photo| {
                                let url = format!("/layanan/permohonan/{code}/dokumen/{name}/{photo}");
                                let link = url.clone();
                                let code = code.clone();
                                view! {
                                    <li class="flex flex-col gap-1">
                                        // The thumbnail (a few KB on a slow link); the whole picture opens on tap.
                                        <a href=link aria-label=t_string!(i18n, layanan.document_view).to_string()>
                                            <img src=format!("{url}?{}", crate::media::PRIVATE_THUMBNAIL_QUERY) alt=label.clone() loading="lazy" class="h-32 w-full rounded-lg bg-stone-100 object-contain" />
                                        </a>
                                        {may_attach.then(|| view! {
                                            <ActionForm action=remove>
                                                <input type="hidden" name="code" value=code.clone() />
                                                <input type="hidden" name="photo" value=photo />
                                                <button type="submit" class=format!("{BUTTON_SECONDARY} w-full text-red-800")>{t!(i18n, layanan.document_remove)}</button>
                                            </ActionForm>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(may_attach && room).then(|| view! {
                            <crate::media::PhotoUploadForm
                                action=format!("/layanan/permohonan/{code}/dokumen/{name}")
                                name=name.clone()
                                // Named after its document: a screen reader lists "Add a photo: KTP", "…: KK".
                                label=Signal::derive(move || format!("{}: {label}", t_string!(i18n, layanan.document_add))) />
                        })}
                    </div>
                }
            }).collect_view()}
            <FormError error />
        </section>
    }
}

/// The resident moves the visit to another free slot.
#[component]
fn RescheduleForm(code: String, slots: Vec<SlotChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let reschedule = ServerAction::<RescheduleRequest>::new();
    let error = last_error(reschedule.value());
    let slot_error = field_error_text(error, "slot");
    view! {
        <details class=format!("{CARD} mt-4")>
            <summary class="flex min-h-11 cursor-pointer items-center font-semibold">{t!(i18n, layanan.reschedule)}</summary>
            <ActionForm action=reschedule attr:class="mt-2 flex flex-col gap-2">
                <input type="hidden" name="code" value=code />
                <label for="f-slot" class="font-medium">{t!(i18n, layanan.reschedule_to)}</label>
                <SlotSelect slots />
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{slot_error}</p>
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, layanan.reschedule_button).to_string()) />
            </ActionForm>
        </details>
    }
}
