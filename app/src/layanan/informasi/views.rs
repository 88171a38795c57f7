//! The pages: `/desa/{slug}/hukum` (produk hukum, filter and search; the staff add documents, attach
//! PDFs and mark them amended or revoked), `/desa/{slug}/ppid` (the list of public information and how
//! to ask for more), `/desa/{slug}/bansos` (the programmes, who qualifies, when, how to apply or
//! complain, and yearly recipient counts; the staff edit it and record memberships), and the resident's
//! own card on the account page.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    AddLegalDocument, AddPublicInformation, BansosPage, InfoCategory, LegalDocument, LegalFilter,
    LegalKind, LegalPage, LegalStatus, Programme, ProgrammeInfo, PublicInformationPage,
    SaveBansosCount, SaveBansosProgramme, SetBansosMembership, SetLegalStatus,
};
use crate::format::long_date;
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{just_saved, last_error, Field, FormError, SubmitButton, TextArea};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{CARD, LINK, SELECT};
use crate::ui::text::Localized;

fn slug_param() -> String {
    use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default()
}

pub fn legal_kind_label(i18n: leptos_i18n::I18nContext<Locale>, kind: LegalKind) -> String {
    match kind {
        LegalKind::Perdes => t_string!(i18n, informasi.kind.perdes),
        LegalKind::PerdesBersama => t_string!(i18n, informasi.kind.perdes_bersama),
        LegalKind::Perkades => t_string!(i18n, informasi.kind.perkades),
        LegalKind::Kepkades => t_string!(i18n, informasi.kind.kepkades),
    }
    .to_string()
}

fn legal_status_label(i18n: leptos_i18n::I18nContext<Locale>, status: LegalStatus) -> String {
    match status {
        LegalStatus::InForce => t_string!(i18n, informasi.status.berlaku),
        LegalStatus::Amended => t_string!(i18n, informasi.status.diubah),
        LegalStatus::Revoked => t_string!(i18n, informasi.status.dicabut),
    }
    .to_string()
}

fn category_label(i18n: leptos_i18n::I18nContext<Locale>, category: InfoCategory) -> String {
    match category {
        InfoCategory::Periodic => t_string!(i18n, informasi.category.berkala),
        InfoCategory::Immediate => t_string!(i18n, informasi.category.serta_merta),
        InfoCategory::OnRequest => t_string!(i18n, informasi.category.setiap_saat),
    }
    .to_string()
}

/// The breadcrumb back to the village, shared by the three pages.
#[component]
fn BackToVillage(slug: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav aria-label=move || t_string!(i18n, ui.breadcrumb).to_string() class="text-sm">
            <a href=format!("/desa/{slug}") class=LINK>{name}</a>
        </nav>
    }
}

/// `/desa/{slug}/hukum`.
#[component]
pub fn LegalDocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = slug_param();
    let query = use_query_map();
    let filter = move || {
        let query = query.read();
        LegalFilter {
            kind: query.get("jenis").unwrap_or_default(),
            year: query.get("tahun").unwrap_or_default(),
            q: query.get("q").unwrap_or_default(),
        }
    };
    let page = Resource::new(
        move || (slug.clone(), filter()),
        |(slug, filter)| super::get_legal_documents(slug, filter),
    );
    view! {
        <PageTitle text=move || t_string!(i18n, informasi.legal_title).to_string() />
        <leptos_meta::Meta name="description" content=t_string!(i18n, informasi.legal_intro).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => Either::Left(view! { <LegalView page filter=filter() /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LegalView(page: LegalPage, filter: LegalFilter) -> impl IntoView {
    let i18n = use_i18n();
    let LegalPage {
        village_name,
        village_slug,
        documents,
        years,
        may_edit,
    } = page;
    let filtered =
        !(filter.kind.is_empty() && filter.year.is_empty() && filter.q.trim().is_empty());
    let choices: Vec<(i64, String)> = documents
        .iter()
        .map(|document| {
            (
                document.id,
                super::citation(document.kind, &document.number, document.year),
            )
        })
        .collect();
    view! {
        <BackToVillage slug=village_slug.clone() name=village_name.clone() />
        <h1 class="text-2xl font-bold">{t!(i18n, informasi.legal_title)}</h1>
        <p class="mt-1 max-w-prose text-stone-600">{t!(i18n, informasi.legal_intro)}</p>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, ui.saved)}</p> })}
        <form method="get" action=format!("/desa/{village_slug}/hukum") role="search" class=format!("{CARD} mt-4 grid grid-cols-2 gap-3")>
            <div class="col-span-2 flex flex-col gap-1">
                <label for="hukum-q" class="font-medium">{t!(i18n, informasi.search)}</label>
                <input id="hukum-q" name="q" type="search" value=filter.q.clone() class=SELECT />
            </div>
            <div class="flex flex-col gap-1">
                <label for="hukum-jenis" class="font-medium">{t!(i18n, informasi.kind_label)}</label>
                <select id="hukum-jenis" name="jenis" class=SELECT>
                    <option value="">{t!(i18n, informasi.all)}</option>
                    {LegalKind::ALL.into_iter().map(|kind| view! {
                        <option value=kind.code() selected=filter.kind == kind.code()>{legal_kind_label(i18n, kind)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col gap-1">
                <label for="hukum-tahun" class="font-medium">{t!(i18n, informasi.year_label)}</label>
                <select id="hukum-tahun" name="tahun" class=SELECT>
                    <option value="">{t!(i18n, informasi.all)}</option>
                    {years.into_iter().map(|year| view! {
                        <option value=year.to_string() selected=filter.year == year.to_string()>{year}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="col-span-2 inline-flex min-h-12 items-center justify-center rounded-lg bg-teal-700 px-4 font-semibold text-white">{t!(i18n, informasi.filter)}</button>
        </form>
        {if documents.is_empty() {
            Either::Left(view! {
                <p class="mt-4 text-stone-600">{if filtered { t!(i18n, informasi.legal_none_match).into_any() } else { t!(i18n, informasi.legal_none).into_any() }}</p>
            })
        } else {
            Either::Right(view! {
                <ul role="list" class="mt-4 flex flex-col gap-3">
                    {documents.into_iter().map(|document| view! {
                        <LegalItem document slug=village_slug.clone() may_edit choices=choices.clone() />
                    }).collect_view()}
                </ul>
            })
        }}
        {may_edit.then(|| view! { <AddLegalForm slug=village_slug.clone() /> })}
        <p class="mt-6"><a href=format!("/desa/{village_slug}/ppid") class=LINK>{t!(i18n, informasi.ppid_title)}</a></p>
    }
}

#[component]
fn LegalItem(
    document: LegalDocument,
    slug: String,
    may_edit: bool,
    choices: Vec<(i64, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let id = document.id;
    let citation = super::citation(document.kind, &document.number, document.year);
    let colour = match document.status {
        LegalStatus::InForce => "bg-teal-100 text-teal-900",
        LegalStatus::Amended => "bg-amber-100 text-amber-900",
        LegalStatus::Revoked => "bg-red-100 text-red-900",
    };
    let query = use_query_map().read_untracked();
    let refusal = (query.get("dokumen") == Some(id.to_string()))
        .then(|| query.get("pdf_galat"))
        .flatten()
        .map(|code| crate::ui::form::field_message(i18n, &code));
    let error_id = format!("pdf-{id}-error");
    let open_manager = refusal.is_some() || document.file_key.is_none();
    view! {
        <li id=format!("dokumen-{id}") class=format!("{CARD} flex flex-col gap-1") data-legal-document=citation.clone()>
            <span class="flex flex-wrap items-center justify-between gap-2">
                <span class="text-sm font-semibold text-stone-600">{legal_kind_label(i18n, document.kind)} " · " {citation.clone()}</span>
                <span class=format!("rounded-full px-2 py-0.5 text-sm font-semibold {colour}")>{legal_status_label(i18n, document.status)}</span>
            </span>
            <h2 class="font-bold"><Localized id=document.title_id.clone() en=Some(document.title_en.clone()) /></h2>
            {document.changed_by.clone().map(|(changed_id, changed)| view! {
                <p class="text-sm">{t!(i18n, informasi.changed_by)} " " <a href=format!("#dokumen-{changed_id}") class="font-semibold text-teal-700 underline">{changed}</a></p>
            })}
            {match (document.file_key.clone(), document.file_bytes) {
                (Some(key), bytes) => Either::Left(view! {
                    <a href=format!("/desa/{slug}/hukum/berkas/{key}") class=LINK>
                        {t!(i18n, informasi.download_pdf)} {bytes.map(|bytes| format!(" ({} KB)", (bytes + 1023) / 1024))}
                    </a>
                }),
                (None, _) => Either::Right(view! { <p class="text-sm text-amber-800">{t!(i18n, informasi.waiting_for_pdf)}</p> }),
            }}
            <p class="text-xs text-stone-500">{t!(i18n, informasi.updated)} " " {long_date(document.updated_at, locale)}</p>
            {may_edit.then(|| view! {
                <details class="mt-2 border-t border-stone-100 pt-2" open=open_manager>
                    <summary class="flex min-h-11 cursor-pointer items-center font-semibold">{t!(i18n, informasi.manage)}</summary>
                    <form method="post" enctype="multipart/form-data" action=format!("/desa/{slug}/hukum/{id}/pdf") class="mt-2 flex flex-col gap-2">
                        <label for=format!("pdf-{id}") class="font-medium">{t!(i18n, informasi.pdf_label)}</label>
                        <p class="text-sm text-stone-600">{t!(i18n, informasi.pdf_hint)}</p>
                        <input id=format!("pdf-{id}") type="file" name="pdf" accept="application/pdf" required aria-describedby=error_id.clone() class="min-h-12 text-base" />
                        <p id=error_id role="alert" class="text-sm font-medium text-red-700 empty:hidden">{refusal}</p>
                        <SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.upload_pdf).to_string()) secondary=true />
                    </form>
                    <StatusForm slug=slug.clone() id choices=choices.into_iter().filter(|(other, _)| *other != id).collect() />
                </details>
            })}
        </li>
    }
}

#[component]
fn StatusForm(slug: String, id: i64, choices: Vec<(i64, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetLegalStatus>::new();
    let error = last_error(action.value());
    let changed_error = crate::ui::form::field_error_text(error, "changed_by");
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-2">
            <input type="hidden" name="village" value=slug />
            <input type="hidden" name="document" value=id.to_string() />
            <label for=format!("status-{id}") class="font-medium">{t!(i18n, informasi.status_label)}</label>
            <select id=format!("status-{id}") name="status" class=SELECT>
                {LegalStatus::ALL.into_iter().map(|status| view! { <option value=status.code()>{legal_status_label(i18n, status)}</option> }).collect_view()}
            </select>
            <label for=format!("changed-{id}") class="font-medium">{t!(i18n, informasi.changed_by_label)}</label>
            <select id=format!("changed-{id}") name="changed_by" class=SELECT aria-describedby=format!("changed-{id}-error")>
                <option value="">"—"</option>
                {choices.into_iter().map(|(other, citation)| view! { <option value=other.to_string()>{citation}</option> }).collect_view()}
            </select>
            <p id=format!("changed-{id}-error") role="alert" class="text-sm font-medium text-red-700 empty:hidden">{changed_error}</p>
            <FormError error />
            <SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.save_status).to_string()) secondary=true />
        </ActionForm>
    }
}

#[component]
fn AddLegalForm(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<AddLegalDocument>::new();
    let error = last_error(action.value());
    let kind_error = crate::ui::form::field_error_text(error, "kind");
    view! {
        <section class=format!("{CARD} mt-6") aria-labelledby="tambah-dokumen">
            <h2 id="tambah-dokumen" class="font-bold">{t!(i18n, informasi.add_document)}</h2>
            <ActionForm action attr:class="mt-2 flex flex-col gap-3">
                <input type="hidden" name="village" value=slug />
                <div class="flex flex-col gap-1">
                    <label for="f-kind" class="font-medium">{t!(i18n, informasi.kind_label)}</label>
                    <select id="f-kind" name="kind" required class=SELECT aria-describedby="f-kind-error">
                        <option value="">"—"</option>
                        {LegalKind::ALL.into_iter().map(|kind| view! { <option value=kind.code()>{legal_kind_label(i18n, kind)}</option> }).collect_view()}
                    </select>
                    <p id="f-kind-error" role="alert" class="text-sm font-medium text-red-700 empty:hidden">{kind_error}</p>
                </div>
                <Field label=Signal::derive(move || t_string!(i18n, informasi.number_label).to_string()) name="number" error />
                <Field label=Signal::derive(move || t_string!(i18n, informasi.year_label).to_string()) name="year" input_type="number" inputmode="numeric" error />
                <Field label=Signal::derive(move || t_string!(i18n, informasi.title_id_label).to_string()) name="title_id" error />
                <Field label=Signal::derive(move || t_string!(i18n, informasi.title_en_label).to_string()) name="title_en" error />
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.add_document).to_string()) />
            </ActionForm>
        </section>
    }
}

/// `/desa/{slug}/ppid`.
#[component]
pub fn PublicInformationPageView() -> impl IntoView {
    let i18n = use_i18n();
    let slug = slug_param();
    let page = Resource::new(move || slug.clone(), super::get_public_information);
    view! {
        <PageTitle text=move || t_string!(i18n, informasi.ppid_title).to_string() />
        <leptos_meta::Meta name="description" content=t_string!(i18n, informasi.ppid_intro).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => Either::Left(view! { <PublicInformationView page /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PublicInformationView(page: PublicInformationPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let PublicInformationPage {
        village_name,
        village_slug,
        items,
        may_edit,
    } = page;
    view! {
        <BackToVillage slug=village_slug.clone() name=village_name />
        <h1 class="text-2xl font-bold">{t!(i18n, informasi.ppid_title)}</h1>
        <p class="mt-1 max-w-prose text-stone-600">{t!(i18n, informasi.ppid_intro)}</p>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, ui.saved)}</p> })}
        <p class="mt-3 flex flex-col">
            <a href=format!("/layanan/{village_slug}/permohonan-informasi-publik") class=LINK>{t!(i18n, informasi.ppid_request)}</a>
            <a href=format!("/desa/{village_slug}/hukum") class=LINK>{t!(i18n, informasi.legal_title)}</a>
        </p>
        {InfoCategory::ALL.into_iter().map(|category| {
            let in_category: Vec<_> = items.iter().filter(|item| item.category == category).cloned().collect();
            view! {
                <section class="mt-6" aria-labelledby=format!("ppid-{}", category.code())>
                    <h2 id=format!("ppid-{}", category.code()) class="text-lg font-bold">{category_label(i18n, category)}</h2>
                    {if in_category.is_empty() {
                        Either::Left(view! { <p class="text-stone-600">"—"</p> })
                    } else {
                        Either::Right(view! {
                            <ul role="list" class="mt-2 flex flex-col gap-2">
                                {in_category.into_iter().map(|item| view! {
                                    <li class=CARD>
                                        <h3 class="font-semibold"><Localized id=item.title_id en=Some(item.title_en) /></h3>
                                        <p class="mt-1 whitespace-pre-line"><Localized id=item.body_id en=Some(item.body_en) /></p>
                                        <p class="mt-1 text-xs text-stone-500">{t!(i18n, informasi.updated)} " " {long_date(item.updated_at, locale)}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        })
                    }}
                </section>
            }
        }).collect_view()}
        {may_edit.then(|| view! { <AddInformationForm slug=village_slug.clone() /> })}
    }
}

#[component]
fn AddInformationForm(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<AddPublicInformation>::new();
    let error = last_error(action.value());
    let category_error = crate::ui::form::field_error_text(error, "category");
    view! {
        <section class=format!("{CARD} mt-6") aria-labelledby="tambah-informasi">
            <h2 id="tambah-informasi" class="font-bold">{t!(i18n, informasi.add_information)}</h2>
            <ActionForm action attr:class="mt-2 flex flex-col gap-3">
                <input type="hidden" name="village" value=slug />
                <div class="flex flex-col gap-1">
                    <label for="f-category" class="font-medium">{t!(i18n, informasi.category_label)}</label>
                    <select id="f-category" name="category" required class=SELECT aria-describedby="f-category-error">
                        <option value="">"—"</option>
                        {InfoCategory::ALL.into_iter().map(|category| view! { <option value=category.code()>{category_label(i18n, category)}</option> }).collect_view()}
                    </select>
                    <p id="f-category-error" role="alert" class="text-sm font-medium text-red-700 empty:hidden">{category_error}</p>
                </div>
                <Field label=Signal::derive(move || t_string!(i18n, informasi.title_id_label).to_string()) name="title_id" error />
                <Field label=Signal::derive(move || t_string!(i18n, informasi.title_en_label).to_string()) name="title_en" error />
                <TextArea label=Signal::derive(move || t_string!(i18n, informasi.body_id_label).to_string()) name="body_id" required=true error />
                <TextArea label=Signal::derive(move || t_string!(i18n, informasi.body_en_label).to_string()) name="body_en" required=true error />
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.add_information).to_string()) />
            </ActionForm>
        </section>
    }
}

/// `/desa/{slug}/bansos`.
#[component]
pub fn BansosPageView() -> impl IntoView {
    let i18n = use_i18n();
    let slug = slug_param();
    let page = Resource::new(move || slug.clone(), super::get_bansos_page);
    view! {
        <PageTitle text=move || t_string!(i18n, informasi.bansos_title).to_string() />
        <leptos_meta::Meta name="description" content=t_string!(i18n, informasi.bansos_intro).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => Either::Left(view! { <BansosView page /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BansosView(page: BansosPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let BansosPage {
        village_name,
        village_slug,
        programmes,
        updated_at,
        may_edit,
    } = page;
    view! {
        <BackToVillage slug=village_slug.clone() name=village_name />
        <h1 class="text-2xl font-bold">{t!(i18n, informasi.bansos_title)}</h1>
        <p class="mt-1 max-w-prose text-stone-600">{t!(i18n, informasi.bansos_intro)}</p>
        {updated_at.map(|at| view! { <p class="mt-1 text-sm text-stone-600" data-bansos-updated="">{t!(i18n, informasi.updated)} " " {long_date(at, locale)}</p> })}
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, ui.saved)}</p> })}
        <section class=format!("{CARD} mt-4") aria-labelledby="cara-bansos">
            <h2 id="cara-bansos" class="font-bold">{t!(i18n, informasi.bansos_paths)}</h2>
            <ul class="mt-1 flex flex-col">
                <li><a href=format!("/layanan/{village_slug}/usulan-dtks") class=LINK>{t!(i18n, informasi.bansos_apply)}</a></li>
                <li><a href=format!("/layanan/{village_slug}/sanggahan-bansos") class=LINK>{t!(i18n, informasi.bansos_objection)}</a></li>
                <li><a href="/layanan/pengaduan" class=LINK>{t!(i18n, informasi.bansos_complain)}</a></li>
            </ul>
        </section>
        {programmes.into_iter().map(|info| view! { <ProgrammeSection info slug=village_slug.clone() may_edit /> }).collect_view()}
        {may_edit.then(|| view! { <MembershipForm slug=village_slug.clone() /> })}
    }
}

#[component]
fn ProgrammeSection(info: ProgrammeInfo, slug: String, may_edit: bool) -> impl IntoView {
    let i18n = use_i18n();
    let programme = info.programme;
    let written = info.updated_at.is_some() && !info.who_id.is_empty();
    let largest = info
        .counts
        .iter()
        .map(|(_, count)| *count)
        .max()
        .unwrap_or(0)
        .max(1);
    let counts = info.counts.clone();
    view! {
        <section id=programme.code() class=format!("{CARD} mt-4") aria-labelledby=format!("{}-judul", programme.code())>
            <h2 id=format!("{}-judul", programme.code()) class="text-lg font-bold">{programme.name()}</h2>
            {if written {
                Either::Left(view! {
                    <dl class="mt-2 flex flex-col gap-2">
                        <div><dt class="text-sm font-semibold text-stone-600">{t!(i18n, informasi.who)}</dt><dd class="whitespace-pre-line"><Localized id=info.who_id.clone() en=Some(info.who_en.clone()) /></dd></div>
                        <div><dt class="text-sm font-semibold text-stone-600">{t!(i18n, informasi.schedule)}</dt><dd class="whitespace-pre-line"><Localized id=info.schedule_id.clone() en=Some(info.schedule_en.clone()) /></dd></div>
                        <div><dt class="text-sm font-semibold text-stone-600">{t!(i18n, informasi.how)}</dt><dd class="whitespace-pre-line"><Localized id=info.how_id.clone() en=Some(info.how_en.clone()) /></dd></div>
                    </dl>
                })
            } else {
                Either::Right(view! { <p class="mt-1 text-stone-600">{t!(i18n, informasi.programme_not_written)}</p> })
            }}
            {(!counts.is_empty()).then(|| view! {
                <table class="mt-3 w-full text-left text-sm">
                    <caption class="text-left font-semibold">{t!(i18n, informasi.recipients_caption)}</caption>
                    <thead><tr><th scope="col" class="py-1">{t!(i18n, informasi.year_label)}</th><th scope="col" class="py-1">{t!(i18n, informasi.households)}</th></tr></thead>
                    <tbody>
                        {counts.into_iter().map(|(year, count)| view! {
                            <tr>
                                <th scope="row" class="py-1 font-normal">{year}</th>
                                <td class="py-1">
                                    <span class="flex items-center gap-2">
                                        <span class="inline-block h-3 rounded bg-teal-600" style=format!("width: {}%", (count * 60 / largest).max(1)) aria-hidden="true"></span>
                                        <span data-recipients=format!("{}-{year}", programme.code())>{count}</span>
                                    </span>
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {may_edit.then(|| view! { <ProgrammeEditor info slug /> })}
        </section>
    }
}

#[component]
fn ProgrammeEditor(info: ProgrammeInfo, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveBansosProgramme>::new();
    let save_error = last_error(save.value());
    let count = ServerAction::<SaveBansosCount>::new();
    let count_error = last_error(count.value());
    let code = info.programme.code();
    let count_slug = slug.clone();
    view! {
        <details class="mt-3 border-t border-stone-100 pt-2">
            <summary class="flex min-h-11 cursor-pointer items-center font-semibold">{t!(i18n, informasi.edit_programme)}</summary>
            <ActionForm action=save attr:class="mt-2 flex flex-col gap-3">
                <input type="hidden" name="village" value=slug.clone() />
                <input type="hidden" name="programme" value=code />
                <TextArea label=Signal::derive(move || format!("{} (ID)", t_string!(i18n, informasi.who))) name="who_id" id=format!("who_id-{code}") value=info.who_id required=true error=save_error />
                <TextArea label=Signal::derive(move || format!("{} (EN)", t_string!(i18n, informasi.who))) name="who_en" id=format!("who_en-{code}") value=info.who_en required=true error=save_error />
                <TextArea label=Signal::derive(move || format!("{} (ID)", t_string!(i18n, informasi.schedule))) name="schedule_id" id=format!("schedule_id-{code}") value=info.schedule_id required=true error=save_error />
                <TextArea label=Signal::derive(move || format!("{} (EN)", t_string!(i18n, informasi.schedule))) name="schedule_en" id=format!("schedule_en-{code}") value=info.schedule_en required=true error=save_error />
                <TextArea label=Signal::derive(move || format!("{} (ID)", t_string!(i18n, informasi.how))) name="how_id" id=format!("how_id-{code}") value=info.how_id required=true error=save_error />
                <TextArea label=Signal::derive(move || format!("{} (EN)", t_string!(i18n, informasi.how))) name="how_en" id=format!("how_en-{code}") value=info.how_en required=true error=save_error />
                <FormError error=save_error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.save_programme).to_string()) />
            </ActionForm>
            <ActionForm action=count attr:class="mt-4 grid grid-cols-2 gap-3">
                <input type="hidden" name="village" value=count_slug />
                <input type="hidden" name="programme" value=code />
                <Field label=Signal::derive(move || t_string!(i18n, informasi.year_label).to_string()) name="year" id=format!("year-{code}") input_type="number" inputmode="numeric" error=count_error />
                <Field label=Signal::derive(move || t_string!(i18n, informasi.households).to_string()) name="recipients" id=format!("recipients-{code}") input_type="number" inputmode="numeric" error=count_error />
                <div class="col-span-2"><FormError error=count_error /></div>
                <div class="col-span-2"><SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.save_count).to_string()) secondary=true /></div>
            </ActionForm>
        </details>
    }
}

#[component]
fn MembershipForm(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetBansosMembership>::new();
    let error = last_error(action.value());
    let programme_error = crate::ui::form::field_error_text(error, "programme");
    view! {
        <section id="penerima" class=format!("{CARD} mt-6") aria-labelledby="penerima-judul">
            <h2 id="penerima-judul" class="font-bold">{t!(i18n, informasi.membership_title)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, informasi.membership_hint)}</p>
            <ActionForm action attr:class="mt-2 flex flex-col gap-3">
                <input type="hidden" name="village" value=slug />
                <Field label=Signal::derive(move || t_string!(i18n, informasi.resident_phone).to_string()) name="phone" input_type="tel" inputmode="tel" error />
                <div class="flex flex-col gap-1">
                    <label for="f-programme" class="font-medium">{t!(i18n, informasi.programme_label)}</label>
                    <select id="f-programme" name="programme" required class=SELECT aria-describedby="f-programme-error">
                        {Programme::ALL.into_iter().map(|programme| view! { <option value=programme.code()>{programme.name()}</option> }).collect_view()}
                    </select>
                    <p id="f-programme-error" role="alert" class="text-sm font-medium text-red-700 empty:hidden">{programme_error}</p>
                </div>
                <Field label=Signal::derive(move || t_string!(i18n, informasi.since_year).to_string()) name="since_year" input_type="number" inputmode="numeric" required=false error />
                <FormError error />
                <div class="flex flex-wrap gap-2">
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.record_membership).to_string()) />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, informasi.end_membership).to_string()) name="remove" value="1" secondary=true />
                </div>
            </ActionForm>
        </section>
    }
}

/// "Bantuan sosial saya" on the account page: only the resident sees what their village recorded.
#[component]
pub fn MyBansosCard() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let memberships = Resource::new(|| (), |_| super::list_my_bansos());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match memberships.await {
                    Ok(memberships) if memberships.is_empty() => None,
                    Ok(memberships) => Some(Either::Left(view! {
                        <section class=CARD aria-labelledby="bansos-saya">
                            <h2 id="bansos-saya" class="font-bold">{t!(i18n, informasi.my_bansos)}</h2>
                            <p class="text-sm text-stone-600">{t!(i18n, informasi.my_bansos_private)}</p>
                            <ul class="mt-1 flex flex-col gap-1">
                                {memberships.into_iter().map(|membership| {
                                    let since = membership.since_year;
                                    view! {
                                        <li>
                                            <span class="font-semibold">{membership.programme.name()}</span>
                                            <span class="block text-sm text-stone-600">
                                                {t!(i18n, informasi.member_since, year = move || since)} " · " {membership.village_name}
                                                " · " {t!(i18n, informasi.updated)} " " {long_date(membership.recorded_at, locale)}
                                            </span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    })),
                    Err(error) => Some(Either::Right(view! { <ErrorNotice error /> })),
                }
            })}
        </Suspense>
    }
}
