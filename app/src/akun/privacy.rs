//! "Who looked at my data": a resident's list on their account page (read with `get_my_account`), the
//! admin's audit of the regency (`/admin/akses`). The views are recorded where personal data is shown (`store::record_view`).

use leptos::either::Either;
use leptos::prelude::*;

use super::access::StaffRole;
use super::account_views::RoleName;
use super::{DataView, PersonalData};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::layout::PageTitle;

/// The latest views in the regency. Admin kabupaten.
#[server(endpoint = "list_data_views")]
pub async fn list_data_views() -> Result<Vec<DataView>, AppError> {
    super::access::authorize(super::access::Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    Ok(super::store::latest_views(&pool, 300).await?)
}

#[component]
fn WhatLabel(what: PersonalData) -> impl IntoView {
    let i18n = use_i18n();
    move || match what {
        PersonalData::Document => t_string!(i18n, privasi.what_document),
        PersonalData::Verification => t_string!(i18n, privasi.what_verification),
        PersonalData::Letter => t_string!(i18n, privasi.what_letter),
    }
}

#[component]
fn ViewList(views: Vec<DataView>, #[prop(default = false)] with_subject: bool) -> impl IntoView {
    let i18n = use_i18n();
    if views.is_empty() {
        return Either::Left(
            view! { <p class="mt-2 text-stone-600">{t!(i18n, privasi.nobody_yet)}</p> },
        );
    }
    Either::Right(view! {
        <ul class="mt-2 flex flex-col gap-2">
            {views.into_iter().map(|view| {
                let at = view.viewed_at;
                let role: Option<StaffRole> = view.viewer_role;
                view! {
                    <li class="border-b border-stone-100 pb-2 text-sm" data-data-view=view.what.code()>
                        {with_subject.then(|| view! { <span class="font-semibold">{view.subject_name.clone()}</span> " ← " })}
                        <span class="font-semibold">{view.viewer_name.unwrap_or_else(|| "—".to_string())}</span>
                        {role.map(|role| view! { " (" <RoleName role /> ")" })}
                        " · " <WhatLabel what=view.what /> " " {view.context}
                        <br />
                        <span class="text-stone-600">{move || format!("{}, {}", crate::format::long_date(at, i18n.get_locale()), crate::format::time_of_day(at, i18n.get_locale()))}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

/// The account page's section: who opened the person's documents, verification data and letters (read
/// with the account itself, so the page runs no extra request for it).
#[component]
pub fn MyDataViews(views: Vec<DataView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3 class="mt-4 font-semibold">{t!(i18n, privasi.who_looked)}</h3>
        <p class="text-sm text-stone-600">{t!(i18n, privasi.who_looked_intro)}</p>
        <ViewList views />
    }
}

/// `/admin/akses`: the regency's audit of personal-data views.
#[component]
pub fn DataAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let views = Resource::new(|| (), |_| list_data_views());
    view! {
        <PageTitle text=move || t_string!(i18n, privasi.audit_title).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, privasi.audit_title)}</h1>
        <p class="mt-1 text-stone-600">{t!(i18n, privasi.audit_intro)}</p>
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match views.await {
                    Ok(views) => Either::Left(view! { <ViewList views with_subject=true /> }),
                    Err(error) => Either::Right(view! { <ErrorNotice error /> }),
                }
            })}
        </Suspense>
    }
}
