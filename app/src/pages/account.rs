//! "Aktivitas saya" (`/akun`): the person's own account (from `akun`) with their orders, requests,
//! tickets and notifications from each pillar; the sign-in form for a visitor.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::akun::{
    get_my_account, AccountHeader, AccountSettings, SignInForm, SubmitVerification, UpdateMyProfile,
};
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::layout::PageTitle;
use crate::ui::style::{CARD, LINK};

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let profile_saved = ServerAction::<UpdateMyProfile>::new();
    let verification_sent = ServerAction::<SubmitVerification>::new();
    // Server-rendered (islands mode): every form post comes back to a fresh page, so no refetching.
    let account = Resource::new(|| (), |_| get_my_account());
    view! {
        <PageTitle text=move || t_string!(i18n, akun.title).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(Some(account)) => { let data_views = account.data_views.clone(); EitherOf3::A(view! {
                        <AccountHeader account=account.clone() />
                        <div class="mt-4 grid gap-3 sm:grid-cols-3">
                            <crate::pasar::MyOrdersCard />
                            <crate::layanan::MyRequestsCard />
                            <crate::layanan::informasi::MyBansosCard />
                            <crate::budaya::MyCertificates />
                            <crate::budaya::MyTickets />
                        </div>
                        <section class=format!("{CARD} mt-4")>
                            <div class="flex items-center justify-between">
                                <h2 class="font-bold">{t!(i18n, notifikasi.title)}</h2>
                                <a href="/akun/notifikasi" class=LINK>{t!(i18n, ui.see_all)}</a>
                            </div>
                            <crate::notifikasi::NotificationList limit=5 />
                        </section>
                        <AccountSettings account profile_saved verification_sent />
                        <MyData views=data_views />
                    }) }
                    Ok(None) => EitherOf3::B(view! {
                        <div class="mx-auto max-w-md">
                            <h1 class="text-2xl font-bold">{t!(i18n, akun.sign_in)}</h1>
                            <p class="mb-4 mt-1 text-stone-600">{t!(i18n, akun.sign_in_intro)}</p>
                            <div class=CARD><SignInForm /></div>
                        </div>
                    }),
                    Err(error) => EitherOf3::C(view! { <ErrorNotice error /> }),
                }
            })}
        </Suspense>
    }
}

/// "Data saya": the download of everything the platform holds about the person, who looked at their
/// personal data, and deleting the account (`super::my_data`).
#[component]
fn MyData(views: Vec<crate::akun::DataView>) -> impl IntoView {
    use crate::ui::form::{last_error, Field, FormError, SubmitButton};
    let i18n = use_i18n();
    let delete = ServerAction::<super::my_data::DeleteMyAccount>::new();
    let error = last_error(delete.value());
    view! {
        <section class=format!("{CARD} mt-4") aria-labelledby="data-saya" id="data-saya">
            <h2 id="data-saya" class="font-bold">{t!(i18n, privasi.my_data_title)}</h2>
            <p class="mt-1 text-sm text-stone-600">{t!(i18n, privasi.my_data_intro)}</p>
            <a href="/akun/data-saya" download="data-saya-smart-kampung.json" rel="external" class="mt-3 inline-flex min-h-12 items-center justify-center rounded-lg border border-teal-700 bg-white px-4 font-semibold text-teal-800">
                {t!(i18n, privasi.download)}
            </a>
            <crate::akun::MyDataViews views />
            <details class="mt-4">
                <summary class="inline-flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{t!(i18n, privasi.delete_title)}</summary>
                <p class="mt-2 text-sm">{t!(i18n, privasi.delete_explained)}</p>
                <ActionForm action=delete attr:class="mt-3 flex flex-col gap-4">
                    <Field label=Signal::derive(move || t_string!(i18n, privasi.current_password).to_string()) name="password" input_type="password" autocomplete="current-password" error />
                    <Field label=Signal::derive(move || t_string!(i18n, privasi.type_delete).to_string()) name="confirm" autocomplete="off" error />
                    <FormError error />
                    <SubmitButton secondary=true label=Signal::derive(move || t_string!(i18n, privasi.delete_button).to_string()) />
                </ActionForm>
            </details>
        </section>
    }
}
