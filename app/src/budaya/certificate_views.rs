//! Certificates on screen: the organiser's section of a listing's console (the rule, issuing, the list),
//! the public verification page, the holder's card on the account page, and "trained in …" on a shop.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{
    get_certificate_console, list_my_certificates, verify_certificate, CertificateConsole,
    CertificateVerification, IssueCertificates, SetCertificateRule,
};
use crate::format::long_date;
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{field_error_text, last_error, Field, FormError, SubmitButton};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{CARD, LINK};
use crate::ui::text::Localized;

/// The certificate section of `/budaya/acara/{slug}/kelola`.
#[component]
pub fn CertificateSection(slug: String) -> impl IntoView {
    let console = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        get_certificate_console,
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    match console.await {
                        Ok(console) => Either::Left(view! { <CertificateConsoleView slug console /> }),
                        Err(error) => Either::Right(view! { <ErrorNotice error /> }),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn CertificateConsoleView(slug: String, console: CertificateConsole) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let rule_action = ServerAction::<SetCertificateRule>::new();
    let rule_error = last_error(rule_action.value());
    let issue_action = ServerAction::<IssueCertificates>::new();
    let issue_error = last_error(issue_action.value());
    let issue_message = field_error_text(issue_error, "sessions");
    let CertificateConsole {
        rule,
        waiting,
        issued,
    } = console;
    let issue_slug = slug.clone();
    view! {
        <section id="sertifikat" class=format!("{CARD} mt-4") aria-labelledby="sertifikat-judul">
            <h2 id="sertifikat-judul" class="font-bold">{t!(i18n, budaya.certificates_title)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, budaya.certificates_intro)}</p>
            <ActionForm action=rule_action attr:class="mt-2 flex flex-col gap-3">
                <input type="hidden" name="slug" value=slug.clone() />
                <Field label=Signal::derive(move || t_string!(i18n, budaya.certificate_sessions).to_string()) name="sessions" id="f-certificate-sessions"
                    inputmode="numeric" required=false value=rule.sessions.map(|count| count.to_string()).unwrap_or_default()
                    hint=Signal::derive(move || t_string!(i18n, budaya.certificate_sessions_hint).to_string()) error=rule_error />
                <label class="flex min-h-11 items-center gap-3">
                    <input type="checkbox" name="teaches_selling" checked=rule.teaches_selling class="h-6 w-6" />
                    <span>{t!(i18n, budaya.teaches_selling)}</span>
                </label>
                <FormError error=rule_error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, budaya.save_certificate_rule).to_string()) secondary=true />
            </ActionForm>
            {rule.sessions.map(|required| view! {
                <ActionForm action=issue_action attr:class="mt-4 flex flex-col gap-2">
                    <input type="hidden" name="slug" value=issue_slug.clone() />
                    <p data-certificates-waiting=waiting.to_string()>{t!(i18n, budaya.certificates_waiting, count = move || waiting, sessions = move || required)}</p>
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{issue_message}</p>
                    <FormError error=issue_error />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, budaya.issue_certificates).to_string()) />
                </ActionForm>
            })}
            {(!issued.is_empty()).then(|| view! {
                <h3 class="mt-4 font-semibold">{t!(i18n, budaya.certificates_issued)}</h3>
                <ul class="flex flex-col">
                    {issued.into_iter().map(|certificate| view! {
                        <li class="flex flex-col py-1">
                            <span class="font-semibold">{certificate.holder_name}</span>
                            <span class="text-sm text-stone-600">
                                <span class="font-mono">{certificate.number}</span> " · " {long_date(certificate.issued_at, locale)} " · "
                                <a href=format!("/budaya/sertifikat/{}", certificate.verification_code) class="font-semibold text-teal-700 underline">"PDF"</a>
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// `/verifikasi/sertifikat/{code}`: anyone holding the paper can check it.
#[component]
pub fn CertificateVerificationPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let certificate = Resource::new(move || code.clone(), verify_certificate);
    view! {
        <PageTitle text=move || t_string!(i18n, budaya.certificate_verification).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
            {move || Suspend::new(async move {
                match certificate.await {
                    Ok(certificate) => Either::Left(view! { <CertificateVerificationView certificate /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CertificateVerificationView(certificate: CertificateVerification) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let sessions = certificate.sessions_attended;
    view! {
        <h1 class="text-2xl font-bold">{t!(i18n, budaya.certificate_verification)}</h1>
        <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 font-semibold text-teal-900">{t!(i18n, budaya.certificate_valid)}</p>
        <dl class=format!("{CARD} mt-4 flex flex-col gap-3 [overflow-wrap:anywhere]")>
            <div><dt class="text-sm text-stone-600">{t!(i18n, budaya.certificate_number)}</dt><dd class="font-mono font-semibold">{certificate.number}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, budaya.certificate_training)}</dt><dd><Localized id=certificate.title_id en=certificate.title_en /></dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, budaya.certificate_holder)}</dt><dd>{certificate.holder_masked}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, budaya.certificate_attended)}</dt><dd>{t!(i18n, budaya.certificate_sessions_count, count = move || sessions)}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, budaya.certificate_issuer)}</dt><dd>{certificate.organiser_name} ", " {certificate.village_name}</dd></div>
            <div><dt class="text-sm text-stone-600">{t!(i18n, budaya.certificate_date)}</dt><dd>{long_date(certificate.issued_at, locale)}</dd></div>
        </dl>
    }
}

/// "My certificates" on the account page (nothing when there are none).
#[component]
pub fn MyCertificates() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let certificates = Resource::new(|| (), |_| list_my_certificates());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match certificates.await {
                    Ok(certificates) if certificates.is_empty() => None,
                    Ok(certificates) => Some(Either::Left(view! {
                        <section id="sertifikat" class=CARD aria-labelledby="sertifikat-saya">
                            <h2 id="sertifikat-saya" class="font-bold">{t!(i18n, budaya.my_certificates)}</h2>
                            <ul class="mt-1 flex flex-col">
                                {certificates.into_iter().map(|certificate| view! {
                                    <li class="py-1">
                                        <span class="font-semibold"><Localized id=certificate.title_id en=certificate.title_en /></span>
                                        <span class="block text-sm text-stone-600">{long_date(certificate.issued_at, locale)}</span>
                                        <span class="flex flex-wrap gap-x-4">
                                            <a href=format!("/budaya/sertifikat/{}", certificate.verification_code) class=LINK>{t!(i18n, budaya.download_certificate)}</a>
                                            <a href=format!("/verifikasi/sertifikat/{}", certificate.verification_code) class=LINK>{t!(i18n, budaya.certificate_verification)}</a>
                                        </span>
                                    </li>
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

/// "Trained in …" under a shop's introduction: the selling trainings its owner completed.
#[component]
pub fn TrainedIn(trainings: Vec<(String, Option<String>)>) -> impl IntoView {
    let i18n = use_i18n();
    (!trainings.is_empty()).then(|| {
        view! {
            <p class="mt-2 flex flex-wrap items-center gap-2 text-sm" data-trained-in="">
                <span class="font-semibold">{t!(i18n, budaya.trained_in)}</span>
                {trainings.into_iter().map(|(title_id, title_en)| view! {
                    <span class="rounded-full bg-teal-50 px-2 py-0.5 text-teal-900"><Localized id=title_id en=title_en /></span>
                }).collect_view()}
            </p>
        }
    })
}
