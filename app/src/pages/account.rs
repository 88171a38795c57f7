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
                    Ok(Some(account)) => EitherOf3::A(view! {
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
                    }),
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
