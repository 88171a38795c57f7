//! Account pages: sign in, sign up, password reset, and "Aktivitas saya" (the signed-in person's orders,
//! requests, tickets, notifications and profile).

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::access::StaffRole;
use super::{
    list_villages, MyAccount, RequestResetCode, ResetPassword, SignIn, SignOut, SignUp,
    SubmitVerification, UpdateMyProfile, VerificationStatus,
};
use crate::i18n::*;
use crate::kernel::text::encode_query;
use crate::ui::form::{last_error, Field, FormError, SubmitButton};
use crate::ui::layout::PageTitle;

fn next_from_query() -> Option<String> {
    use_query_map().read_untracked().get("next")
}

const CARD: &str = "rounded-xl border border-stone-200 bg-white p-4";
const LINK: &str = "inline-flex min-h-11 items-center font-semibold text-teal-700 underline";

/// The sign-in form; also shown in place on pages that need an account.
#[component]
pub fn SignInForm(#[prop(optional)] next: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SignIn>::new();
    let error = last_error(action.value());
    let sign_up_href = match &next {
        Some(next) => format!("/akun/daftar?next={}", encode_query(next)),
        None => "/akun/daftar".to_string(),
    };
    view! {
        <ActionForm action attr:class="flex flex-col gap-4" attr:aria-label=move || t_string!(i18n, akun.sign_in).to_string()>
            <input type="hidden" name="next" value=next.unwrap_or_default() />
            <FormError error />
            <Field label=Signal::derive(move || t_string!(i18n, akun.phone).to_string()) name="phone" input_type="tel"
                autocomplete="tel" inputmode="tel" error
                hint=Signal::derive(move || t_string!(i18n, akun.phone_hint).to_string()) />
            <Field label=Signal::derive(move || t_string!(i18n, akun.password).to_string()) name="password"
                input_type="password" autocomplete="current-password" error />
            <SubmitButton label=Signal::derive(move || t_string!(i18n, akun.sign_in).to_string()) />
        </ActionForm>
        <div class="mt-4 flex flex-col items-start">
            <a href="/akun/lupa-sandi" class=LINK>{t!(i18n, akun.forgot_password)}</a>
            <a href=sign_up_href class=LINK>{t!(i18n, akun.no_account_sign_up)}</a>
        </div>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=move || t_string!(i18n, akun.sign_in).to_string() />
        <div class="mx-auto max-w-md">
            <h1 class="text-2xl font-bold">{t!(i18n, akun.sign_in)}</h1>
            <p class="mb-4 mt-1 text-stone-600">{t!(i18n, akun.sign_in_intro)}</p>
            <div class=CARD><SignInForm next=next_from_query().unwrap_or_default() /></div>
        </div>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SignUp>::new();
    let error = last_error(action.value());
    let villages = Resource::new(|| (), |_| list_villages());
    let next = next_from_query().unwrap_or_default();
    let village_error = crate::ui::form::field_error_text(error, "village");
    // After a refused post without JavaScript, the village chosen before (see `ui::form_draft`).
    let typed_village = crate::ui::form_draft::typed_value("village");
    #[cfg(feature = "ssr")]
    if let Err(error) = super::sign_in_guard::ensure_device_cookie() {
        tracing::warn!(?error, "no device cookie for the sign-up page");
    }
    view! {
        <PageTitle text=move || t_string!(i18n, akun.sign_up).to_string() />
        <div class="mx-auto max-w-md">
            <h1 class="text-2xl font-bold">{t!(i18n, akun.sign_up)}</h1>
            <p class="mb-4 mt-1 text-stone-600">{t!(i18n, akun.sign_up_intro)}</p>
            <div class=CARD>
                <ActionForm action attr:class="flex flex-col gap-4">
                    <input type="hidden" name="next" value=next />
                    // At the top: after a refused post the page opens here, and a reason below the
                    // fields would be out of sight on a phone.
                    <FormError error />
                    <Field label=Signal::derive(move || t_string!(i18n, akun.name).to_string()) name="name" autocomplete="name" error />
                    <Field label=Signal::derive(move || t_string!(i18n, akun.phone).to_string()) name="phone" input_type="tel"
                        autocomplete="tel" inputmode="tel" error
                        hint=Signal::derive(move || t_string!(i18n, akun.phone_hint).to_string()) />
                    <div class="flex flex-col gap-1">
                        <label for="f-village" class="font-medium">{t!(i18n, akun.home_village)}</label>
                        <Suspense fallback=|| view! { <div class="h-12 animate-pulse rounded-lg bg-stone-200"></div> }>
                            {move || {
                                let typed_village = typed_village.clone();
                                Suspend::new(async move {
                                let villages = villages.await.unwrap_or_default();
                                view! {
                                    <select id="f-village" name="village" required aria-describedby="f-village-error" class="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base">
                                        <option value="">{t!(i18n, akun.choose_village)}</option>
                                        // Tourists need no village; residents pick theirs (letters, verification).
                                        <option value=super::VISITOR_CHOICE selected=typed_village.as_deref() == Some(super::VISITOR_CHOICE)>{t!(i18n, akun.visiting_choice)}</option>
                                        {village_options(villages, typed_village.clone())}
                                    </select>
                                }
                            })}}
                        </Suspense>
                        <p id="f-village-error" class="text-sm font-medium text-red-700" role="alert">{village_error}</p>
                    </div>
                    <Field label=Signal::derive(move || t_string!(i18n, akun.email_optional).to_string()) name="email"
                        input_type="email" autocomplete="email" required=false error />
                    <Field label=Signal::derive(move || t_string!(i18n, akun.new_password).to_string()) name="password"
                        input_type="password" autocomplete="new-password" error
                        hint=Signal::derive(move || t_string!(i18n, akun.password_hint).to_string()) />
                    <p class="text-sm text-stone-600">{t!(i18n, akun.privacy_note)}</p>
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, akun.sign_up).to_string()) />
                </ActionForm>
                <a href="/akun/masuk" class=format!("{LINK} mt-4")>{t!(i18n, akun.have_account_sign_in)}</a>
            </div>
        </div>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RequestResetCode>::new();
    let error = last_error(action.value());
    view! {
        <PageTitle text=move || t_string!(i18n, akun.forgot_title).to_string() />
        <div class="mx-auto max-w-md">
            <h1 class="text-2xl font-bold">{t!(i18n, akun.forgot_title)}</h1>
            <p class="mb-4 mt-1 text-stone-600">{t!(i18n, akun.forgot_intro)}</p>
            <div class=CARD>
                <ActionForm action attr:class="flex flex-col gap-4">
                    <Field label=Signal::derive(move || t_string!(i18n, akun.phone).to_string()) name="phone" input_type="tel"
                        autocomplete="tel" inputmode="tel" error />
                    <FormError error />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, akun.send_code).to_string()) />
                </ActionForm>
                <a href="/akun/atur-ulang-sandi" class=format!("{LINK} mt-4")>{t!(i18n, akun.have_code)}</a>
            </div>
        </div>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ResetPassword>::new();
    let error = last_error(action.value());
    view! {
        <PageTitle text=move || t_string!(i18n, akun.reset_title).to_string() />
        <div class="mx-auto max-w-md">
            <h1 class="text-2xl font-bold">{t!(i18n, akun.reset_title)}</h1>
            <p class="mb-4 mt-1 text-stone-600">{t!(i18n, akun.reset_intro)}</p>
            <div class=CARD>
                <ActionForm action attr:class="flex flex-col gap-4">
                    <Field label=Signal::derive(move || t_string!(i18n, akun.phone).to_string()) name="phone" input_type="tel"
                        autocomplete="tel" inputmode="tel" error />
                    <Field label=Signal::derive(move || t_string!(i18n, akun.code).to_string()) name="code"
                        autocomplete="one-time-code" inputmode="numeric" error />
                    <Field label=Signal::derive(move || t_string!(i18n, akun.new_password).to_string()) name="password"
                        input_type="password" autocomplete="new-password" error
                        hint=Signal::derive(move || t_string!(i18n, akun.password_hint).to_string()) />
                    <FormError error />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, akun.reset_submit).to_string()) />
                </ActionForm>
                <a href="/akun/lupa-sandi" class=format!("{LINK} mt-4")>{t!(i18n, akun.send_new_code)}</a>
            </div>
        </div>
    }
}

/// The top of "Aktivitas saya": the person, their badges and their staff positions. The page itself
/// (`pages::account`) puts the pillars' cards between this and [`AccountSettings`].
#[component]
pub fn AccountHeader(account: MyAccount) -> impl IntoView {
    let i18n = use_i18n();
    let is_verified = matches!(
        account.verification.as_ref().map(|v| v.status),
        Some(VerificationStatus::Verified)
    );
    let MyAccount {
        name,
        is_seller,
        positions,
        ..
    } = account;
    view! {
        <h1 class="text-2xl font-bold">{t!(i18n, akun.activity_title)}</h1>
        <p class="mt-1 flex flex-wrap items-center gap-2 text-stone-600">
            <span>{name}</span>
            {is_verified.then(|| view! { <VerifiedBadge /> })}
            {is_seller.then(|| view! { <span class="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t!(i18n, akun.role_penjual)}</span> })}
        </p>
        {(!positions.is_empty()).then(|| view! {
            <section class=format!("{CARD} mt-4") aria-labelledby="jabatan">
                <h2 id="jabatan" class="font-bold">{t!(i18n, akun.positions_title)}</h2>
                <ul class="mt-2 flex flex-col gap-2">
                    {positions.into_iter().map(|position| view! {
                        <li class="flex flex-wrap items-center justify-between gap-2">
                            <span><RoleName role=position.role /> " · " {position.place_name}</span>
                            {match (position.console_href, position.role) {
                                (Some(href), role) => Either::Left(view! { <a href=href class=LINK>
                                    {if role == StaffRole::Camat { t!(i18n, akun.open_kecamatan_console).into_any() } else { t!(i18n, akun.open_console).into_any() }}
                                </a> }),
                                (None, StaffRole::AdminKabupaten) => Either::Right(Some(view! { <a href="/admin" class=LINK>{t!(i18n, wilayah.admin_title)}</a> })),
                                (None, _) => Either::Right(None),
                            }}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// The bottom of "Aktivitas saya": resident verification (or, for a visitor, adding a home village),
/// the profile, and signing out.
#[component]
pub fn AccountSettings(
    account: MyAccount,
    profile_saved: ServerAction<UpdateMyProfile>,
    verification_sent: ServerAction<SubmitVerification>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sign_out = ServerAction::<SignOut>::new();
    let MyAccount {
        name,
        phone,
        email,
        home_village,
        verification,
        ..
    } = account;
    view! {
        {match home_village.clone() {
            Some(village) => Either::Left(view! {
                <section class=format!("{CARD} mt-4") aria-labelledby="verifikasi">
                    <h2 id="verifikasi" class="font-bold">{t!(i18n, akun.verification_title)}</h2>
                    <VerificationSection verification village_name=village.name action=verification_sent />
                </section>
            }),
            // A visitor: no village to verify them yet; they may add one (a tourist who moves here).
            None => Either::Right(view! { <HomeVillageForm /> }),
        }}
        <section class=format!("{CARD} mt-4") aria-labelledby="profil">
            <h2 id="profil" class="font-bold">{t!(i18n, akun.profile_title)}</h2>
            <p class="mt-1 text-sm text-stone-600">{phone} " · "
                {match home_village {
                    Some(village) => Either::Left(village.name),
                    None => Either::Right(t!(i18n, akun.visitor)),
                }}
            </p>
            <ProfileForm name email action=profile_saved />
        </section>
        <ActionForm action=sign_out attr:class="mt-6">
            <SubmitButton secondary=true label=Signal::derive(move || t_string!(i18n, akun.sign_out).to_string()) />
        </ActionForm>
    }
}

/// The villages as `<option>`s (slug → "Name — Kecamatan"), with `selected` the one chosen before.
fn village_options(
    villages: Vec<super::VillageSummary>,
    selected: Option<String>,
) -> impl IntoView {
    villages
        .into_iter()
        .map(|village| {
            let chosen = selected.as_deref() == Some(village.slug.as_str());
            view! {
                <option value=village.slug selected=chosen>{format!("{} — {}", village.name, village.kecamatan_name)}</option>
            }
        })
        .collect_view()
}

/// A visitor's account: "I live here now" — add a home village (once).
#[component]
fn HomeVillageForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<super::SetHomeVillage>::new();
    let error = last_error(action.value());
    let village_error = crate::ui::form::field_error_text(error, "village");
    let villages = Resource::new(|| (), |_| list_villages());
    view! {
        <section id="desa-asal" class=format!("{CARD} mt-4") aria-labelledby="desa-asal-title">
            <h2 id="desa-asal-title" class="font-bold">{t!(i18n, akun.home_village)}</h2>
            <p class="mt-1 text-sm text-stone-600">{t!(i18n, akun.visitor_intro)}</p>
            <ActionForm action attr:class="mt-2 flex flex-col gap-2">
                <label for="f-home-village" class="font-medium">{t!(i18n, akun.add_home_village)}</label>
                <Suspense fallback=|| view! { <div class="h-12 animate-pulse rounded-lg bg-stone-200"></div> }>
                    {move || Suspend::new(async move {
                        let villages = villages.await.unwrap_or_default();
                        view! {
                            <select id="f-home-village" name="village" required aria-describedby="f-home-village-error" class="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base">
                                <option value="">{t!(i18n, akun.choose_village)}</option>
                                {village_options(villages, None)}
                            </select>
                        }
                    })}
                </Suspense>
                <p id="f-home-village-error" class="text-sm font-medium text-red-700" role="alert">{village_error}</p>
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, akun.save_home_village).to_string()) />
            </ActionForm>
        </section>
    }
}

#[component]
pub fn VerifiedBadge() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="inline-flex items-center gap-1 rounded-full bg-teal-100 px-2 py-0.5 text-xs font-semibold text-teal-900">
            "✓ " {t!(i18n, akun.verified_badge)}
        </span>
    }
}

#[component]
pub fn RoleName(role: StaffRole) -> impl IntoView {
    let i18n = use_i18n();
    move || match role {
        StaffRole::Operator => t_string!(i18n, akun.role_operator),
        StaffRole::Sekdes => t_string!(i18n, akun.role_sekdes),
        StaffRole::Kades => t_string!(i18n, akun.role_kades),
        StaffRole::Camat => t_string!(i18n, akun.role_camat),
        StaffRole::AdminKabupaten => t_string!(i18n, akun.role_admin),
    }
}

#[component]
fn VerificationSection(
    verification: Option<super::MyVerification>,
    village_name: String,
    action: ServerAction<SubmitVerification>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action.value());
    let status = verification.as_ref().map(|verification| {
        let reason = verification.reason.clone();
        let state = match verification.status {
            VerificationStatus::Pending => EitherOf3::A(view! { <p class="font-medium text-amber-800">{t!(i18n, akun.verification_pending)}</p> }),
            VerificationStatus::Verified => EitherOf3::B(view! { <VerifiedBadge /> }),
            VerificationStatus::Rejected => EitherOf3::C(view! {
                <p class="font-medium text-red-800">{t!(i18n, akun.verification_rejected)} " " {reason}</p>
            }),
        };
        view! {
            <div class="mt-2 flex flex-col gap-1 text-sm">
                {state}
                <p>{t!(i18n, akun.nik)} ": " <span class="font-mono">{verification.nik_masked.clone()}</span></p>
                <p>{verification.full_name.clone()} " · " {verification.address.clone()}</p>
            </div>
        }
    });
    let show_form = !matches!(
        verification.as_ref().map(|v| v.status),
        Some(VerificationStatus::Verified)
    );
    view! {
        <p class="mt-1 text-sm text-stone-600">{t!(i18n, akun.verification_intro, village = move || village_name.clone())}</p>
        {status}
        {show_form.then(|| view! {
            <ActionForm action attr:class="mt-3 flex flex-col gap-4">
                <Field label=Signal::derive(move || t_string!(i18n, akun.nik).to_string()) name="nik" inputmode="numeric"
                    autocomplete="off" private=true error hint=Signal::derive(move || t_string!(i18n, akun.nik_hint).to_string()) />
                <Field label=Signal::derive(move || t_string!(i18n, akun.full_name).to_string()) name="full_name" autocomplete="name" error />
                <Field label=Signal::derive(move || t_string!(i18n, akun.address).to_string()) name="address" autocomplete="street-address" error />
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, akun.verification_submit).to_string()) />
            </ActionForm>
        })}
    }
}

#[component]
fn ProfileForm(
    name: String,
    email: Option<String>,
    action: ServerAction<UpdateMyProfile>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action.value());
    let saved = crate::ui::form::just_saved();
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-4">
            <Field label=Signal::derive(move || t_string!(i18n, akun.name).to_string()) name="name" autocomplete="name" value=name error />
            <Field label=Signal::derive(move || t_string!(i18n, akun.email_optional).to_string()) name="email" input_type="email"
                autocomplete="email" value=email.unwrap_or_default() required=false error />
            <FormError error />
            <p role="status" class="text-sm font-medium text-teal-800">{move || saved.then(|| t_string!(i18n, ui.saved).to_string())}</p>
            <SubmitButton label=Signal::derive(move || t_string!(i18n, ui.save).to_string()) />
        </ActionForm>
    }
}

/// A page that needs an account, opened by a visitor: the sign-in form in its place, coming back to
/// `next` afterwards.
/// What a page that needs a signed-in person shows once its data has loaded: the page, the sign-in form
/// for a visitor (coming back to `next` afterwards), the 404 page for an unknown record, the error
/// otherwise. Used inside the page's `Suspense`.
pub fn signed_in_page<T, V: IntoView>(
    loaded: Result<T, crate::error::AppError>,
    next: impl Into<String>,
    page: impl FnOnce(T) -> V,
) -> impl IntoView {
    match loaded {
        Ok(value) => EitherOf3::A(page(value)),
        Err(crate::error::AppError::Unauthenticated) => EitherOf3::B(sign_in_instead(next)),
        Err(error) => EitherOf3::C(view! { <crate::ui::layout::NotFoundOr error /> }),
    }
}

pub fn sign_in_instead(next: impl Into<String>) -> impl IntoView {
    let i18n = use_i18n();
    let next = next.into();
    view! {
        <div class="mx-auto max-w-md">
            <h1 class="text-2xl font-bold">{t!(i18n, akun.sign_in)}</h1>
            <div class=format!("{CARD} mt-4")><SignInForm next /></div>
        </div>
    }
}
