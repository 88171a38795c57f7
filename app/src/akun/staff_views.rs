//! The village console (`/desa/{slug}/kelola`): residents waiting for verification, the village profile
//! and the staff list, with the shops waiting for approval given by the page that composes it (pasar
//! owns shops). Only that village's staff get it from the server.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::account_views::{RoleName, SignInForm};
use super::{
    get_village_console, AddVillageStaff, DecideResident, PendingResident, RemoveVillageStaff,
    StaffMember, UpdateVillageProfile, VillageConsole,
};
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{last_error, Field, FormError, SubmitButton};
use crate::ui::layout::PageTitle;

const CARD: &str = "rounded-xl border border-stone-200 bg-white p-4";

/// `shop_queue`: the section of shops waiting for the village's decision (`pasar::ShopQueue`), placed after
/// the residents.
#[component]
pub fn VillageConsoleView(#[prop(into)] shop_queue: ViewFn) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let decide_resident = ServerAction::<DecideResident>::new();
    let save_profile = ServerAction::<UpdateVillageProfile>::new();
    let add_staff = ServerAction::<AddVillageStaff>::new();
    let remove_staff = ServerAction::<RemoveVillageStaff>::new();
    let console = Resource::new(slug, get_village_console);
    let actions = ConsoleActions {
        decide_resident,
        save_profile,
        add_staff,
        remove_staff,
    };
    view! {
        <PageTitle text=move || t_string!(i18n, konsol.title).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || {
                let shop_queue = shop_queue.clone();
                Suspend::new(async move {
                    match console.await {
                        Ok(console) => Either::Left(view! { <Console console actions shop_queue /> }),
                        Err(crate::error::AppError::Unauthenticated) => Either::Right(Either::Left(view! {
                            <div class="mx-auto max-w-md">
                                <h1 class="text-2xl font-bold">{t!(i18n, akun.sign_in)}</h1>
                                <div class=format!("{CARD} mt-4")><SignInForm next=format!("/desa/{}/kelola", slug()) /></div>
                            </div>
                        })),
                        Err(error) => Either::Right(Either::Right(view! { <ErrorNotice error /> })),
                    }
                })
            }}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
struct ConsoleActions {
    decide_resident: ServerAction<DecideResident>,
    save_profile: ServerAction<UpdateVillageProfile>,
    add_staff: ServerAction<AddVillageStaff>,
    remove_staff: ServerAction<RemoveVillageStaff>,
}

#[component]
fn Console(console: VillageConsole, actions: ConsoleActions, shop_queue: ViewFn) -> impl IntoView {
    let i18n = use_i18n();
    let VillageConsole {
        village,
        staff,
        pending_residents,
        verified_residents,
        may_manage_staff,
        may_switch_off,
    } = console;
    let switched_off = village.switched_off;
    let slug = village.summary.slug.clone();
    let resident_count = pending_residents.len();
    view! {
        <nav class="text-sm"><a href=format!("/desa/{slug}") class="inline-flex min-h-11 items-center text-teal-700 underline">{village.summary.name.clone()}</a></nav>
        <h1 class="text-2xl font-bold">{t!(i18n, konsol.title)} " · " {village.summary.name.clone()}</h1>
        <div class="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-3">
            <a href=format!("/desa/{slug}/layanan") class="inline-flex min-h-12 items-center justify-center rounded-lg bg-teal-700 px-4 font-semibold text-white">
                {t!(i18n, layanan.inbox_title)}
            </a>
            <a href=format!("/desa/{slug}/pengaduan") class="inline-flex min-h-12 items-center justify-center rounded-lg border border-teal-700 bg-white px-4 font-semibold text-teal-800">
                {t!(i18n, pengaduan.inbox)}
            </a>
            <a href=format!("/desa/{slug}/katalog") class="inline-flex min-h-12 items-center justify-center rounded-lg border border-teal-700 bg-white px-4 font-semibold text-teal-800">
                {t!(i18n, katalog.title)}
            </a>
        </div>
        <section class=format!("{CARD} mt-4") aria-labelledby="warga">
            <h2 id="warga" class="font-bold">{t!(i18n, konsol.residents_title, count = move || resident_count)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, konsol.residents_verified, count = move || verified_residents)}</p>
            <ResidentQueue slug=slug.clone() residents=pending_residents action=actions.decide_resident />
        </section>
        {shop_queue.run()}
        <section class=format!("{CARD} mt-4") aria-labelledby="foto-desa">
            <h2 id="foto-desa" class="font-bold">{t!(i18n, konsol.photo_title)}</h2>
            {village.photo.clone().map(|photo| view! { <div class="mt-2 w-48"><crate::media::Photo photo alt="" sizes="192px" /></div> })}
            <crate::media::PhotoUploadForm action=format!("/desa/{slug}/foto") multiple=false label=Signal::derive(move || t_string!(i18n, konsol.photo_pick).to_string()) />
        </section>
        <section class=format!("{CARD} mt-4") aria-labelledby="profil-desa">
            <h2 id="profil-desa" class="font-bold">{t!(i18n, konsol.profile_title)}</h2>
            <ProfileEditor village action=actions.save_profile />
        </section>
        <section class=format!("{CARD} mt-4") aria-labelledby="perangkat">
            <h2 id="perangkat" class="font-bold">{t!(i18n, konsol.staff_title)}</h2>
            <StaffList slug=slug.clone() staff may_manage_staff add=actions.add_staff remove=actions.remove_staff />
        </section>
        {may_switch_off.then(|| view! { <super::regency::VillageStatus slug switched_off /> })}
    }
}

#[component]
fn ResidentQueue(
    slug: String,
    residents: Vec<PendingResident>,
    action: ServerAction<DecideResident>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action.value());
    if residents.is_empty() {
        return Either::Left(
            view! { <p class="mt-2 text-stone-600">{t!(i18n, konsol.residents_empty)}</p> },
        );
    }
    Either::Right(view! {
        <FormError error />
        <ul class="mt-2 flex flex-col gap-3">
            {residents.into_iter().map(|resident| {
                let slug = slug.clone();
                let reason_id = format!("reason-{}", resident.account_id);
                view! {
                    <li class="rounded-lg border border-stone-200 p-3">
                        <p class="font-semibold">{resident.full_name}</p>
                        <p class="text-sm">{t!(i18n, akun.nik)} ": " <span class="font-mono">{resident.nik_masked}</span></p>
                        <p class="text-sm text-stone-600">{resident.address}</p>
                        <p class="text-sm text-stone-600">{resident.account_name} " · " {resident.phone}</p>
                        <ActionForm action attr:class="mt-2 flex flex-col gap-2">
                            <input type="hidden" name="slug" value=slug />
                            <input type="hidden" name="account_id" value=resident.account_id />
                            <label for=reason_id.clone() class="text-sm">{t!(i18n, konsol.reason_if_rejecting)}</label>
                            <input id=reason_id name="reason" class="min-h-11 rounded-lg border border-stone-300 px-3" />
                            <div class="flex flex-wrap gap-2">
                                <SubmitButton name="decision" value="verify" label=Signal::derive(move || t_string!(i18n, konsol.verify).to_string()) />
                                <SubmitButton secondary=true name="decision" value="reject" label=Signal::derive(move || t_string!(i18n, konsol.reject).to_string()) />
                            </div>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

#[component]
fn ProfileEditor(
    village: super::VillageProfile,
    action: ServerAction<UpdateVillageProfile>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action.value());
    let saved = crate::ui::form::just_saved();
    let office = village.office;
    let description_error = crate::ui::form::field_error_text(error, "description_id");
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-4">
            <input type="hidden" name="slug" value=village.summary.slug />
            <label class="flex flex-col gap-1">
                <span class="font-medium">{t!(i18n, konsol.description_id)}</span>
                <textarea name="description_id" rows="4" class="rounded-lg border border-stone-300 p-3 text-base">{crate::ui::text::rcdata(&village.description_id)}</textarea>
                <span class="text-sm font-medium text-red-700" role="alert">{description_error}</span>
            </label>
            <label class="flex flex-col gap-1">
                <span class="font-medium">{t!(i18n, konsol.description_en)}</span>
                <textarea name="description_en" rows="4" class="rounded-lg border border-stone-300 p-3 text-base">{crate::ui::text::rcdata(&village.description_en.unwrap_or_default())}</textarea>
            </label>
            <Field label=Signal::derive(move || t_string!(i18n, konsol.office_address).to_string()) name="office_address" value=office.address required=false error />
            <Field label=Signal::derive(move || t_string!(i18n, konsol.opening_hours_id).to_string()) name="opening_hours_id" value=office.opening_hours_id required=false error />
            <Field label=Signal::derive(move || t_string!(i18n, konsol.opening_hours_en).to_string()) name="opening_hours_en" value=office.opening_hours_en.unwrap_or_default() required=false error />
            <Field label=Signal::derive(move || t_string!(i18n, konsol.contact_phone).to_string()) name="contact_phone" input_type="tel" value=office.phone.unwrap_or_default() required=false error />
            <Field label=Signal::derive(move || t_string!(i18n, konsol.contact_email).to_string()) name="contact_email" input_type="email" value=office.email.unwrap_or_default() required=false error />
            <FormError error />
            <p role="status" class="text-sm font-medium text-teal-800">{move || saved.then(|| t_string!(i18n, ui.saved).to_string())}</p>
            <SubmitButton label=Signal::derive(move || t_string!(i18n, ui.save).to_string()) />
        </ActionForm>
    }
}

#[component]
fn StaffList(
    slug: String,
    staff: Vec<StaffMember>,
    may_manage_staff: bool,
    add: ServerAction<AddVillageStaff>,
    remove: ServerAction<RemoveVillageStaff>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add_error = last_error(add.value());
    let remove_error = last_error(remove.value());
    let slug_for_add = slug.clone();
    view! {
        <FormError error=remove_error />
        <ul class="mt-2 flex flex-col gap-2">
            {staff.into_iter().map(|member| {
                let removable = may_manage_staff && !member.is_me;
                let slug = slug.clone();
                view! {
                    <li class="flex flex-wrap items-center justify-between gap-2 border-b border-stone-100 pb-2">
                        <span><span class="font-semibold">{member.name}</span> " · " <RoleName role=member.role /> " · " {member.phone}</span>
                        {removable.then(|| view! {
                            <ActionForm action=remove>
                                <input type="hidden" name="slug" value=slug />
                                <input type="hidden" name="staff_role_id" value=member.staff_role_id />
                                <SubmitButton secondary=true label=Signal::derive(move || t_string!(i18n, konsol.remove).to_string()) />
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {may_manage_staff.then(|| view! {
            <ActionForm action=add attr:class="mt-4 flex flex-col gap-4">
                <h3 class="font-semibold">{t!(i18n, konsol.add_staff)}</h3>
                <input type="hidden" name="slug" value=slug_for_add />
                <Field label=Signal::derive(move || t_string!(i18n, akun.phone).to_string()) name="phone" input_type="tel" inputmode="tel" error=add_error />
                <label class="flex flex-col gap-1">
                    <span class="font-medium">{t!(i18n, konsol.role)}</span>
                    <select name="role" class="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base">
                        <option value="operator">{t!(i18n, akun.role_operator)}</option>
                        <option value="sekdes">{t!(i18n, akun.role_sekdes)}</option>
                        <option value="kades">{t!(i18n, akun.role_kades)}</option>
                    </select>
                </label>
                <FormError error=add_error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, konsol.add_staff).to_string()) />
            </ActionForm>
        })}
    }
}
