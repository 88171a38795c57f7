//! One request as its resident and the staff see it: status, answers, documents, timeline, the moves
//! each may make, rescheduling, rating and revoking the letter.

use super::service::{AnswerField, SlotSelect};
use crate::akun::signed_in_page;
use crate::format::{long_date, time_of_day};
use crate::i18n::*;
use crate::layanan::{
    get_request, DocumentSlot, MoveRequest, RateRequest, RemoveRequestDocument, RequestPage,
    RequestStatus, RescheduleRequest, RevokeLetter, SlotChoice,
};
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{field_error_text, just_saved, last_error, FormError, SubmitButton};
use crate::ui::layout::PageTitle;
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};
use crate::ui::text::pick;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
pub(super) fn StatusPill(status: RequestStatus) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match status {
        RequestStatus::PerluPerbaikan => "bg-amber-100 text-amber-900",
        RequestStatus::Siap | RequestStatus::Selesai => "bg-teal-100 text-teal-900",
        RequestStatus::Ditolak | RequestStatus::Dibatalkan => "bg-stone-200 text-stone-700",
        _ => "bg-sky-100 text-sky-900",
    };
    view! { <span class=format!("inline-flex w-fit rounded-full px-2 py-0.5 text-xs font-semibold {tone}")>{status_label(i18n, status)}</span> }
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
            {page.legal_deadline.map(|(due, workdays)| view! {
                <p class="font-semibold" data-legal-deadline=crate::format::iso_utc(due)>
                    {t!(i18n, layanan.legal_deadline, day = move || long_date(due, locale), workdays = move || workdays)}
                </p>
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
                let room = document.photo_ids.len() < crate::layanan::MAX_PHOTOS_PER_DOCUMENT;
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
