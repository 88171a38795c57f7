//! The regency administration's pages: the overview (`/admin`), importing the village list
//! (`/admin/wilayah`, its preview `/admin/wilayah/impor/{id}`), staff and invitations (`/admin/staf`),
//! and taking up an invitation (`/akun/undangan`). Every form posts without JavaScript.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    get_import_preview, get_regency_overview, get_staff_administration, AcceptInvitation,
    ApplyVillageImport, CancelInvitation, ImportPreview, Invitation, InvitationState, InviteStaff,
    RegencyVillage, RevokeStaffRole, RolePlace, StaffGrant, VillageChange,
};
use crate::akun::account_views::RoleName;
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{field_message, last_error, Field, FormError, SubmitButton};
use crate::ui::layout::PageTitle;

const CARD: &str = "rounded-xl border border-stone-200 bg-white p-4";
const LINK_BUTTON: &str = "inline-flex min-h-12 items-center justify-center rounded-lg border border-teal-700 bg-white px-4 font-semibold text-teal-800";

fn query(name: &'static str) -> Option<String> {
    use_query_map().get_untracked().get(name)
}

#[component]
fn AdminNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label=move || t_string!(i18n, wilayah.admin_title).to_string()>
            <a href="/admin" class=LINK_BUTTON>{t!(i18n, wilayah.nav_villages)}</a>
            <a href="/admin/wilayah" class=LINK_BUTTON>{t!(i18n, wilayah.nav_import)}</a>
            <a href="/admin/staf" class=LINK_BUTTON>{t!(i18n, wilayah.nav_staff)}</a>
            <a href="/admin/outbox" class=LINK_BUTTON>{t!(i18n, notifikasi.outbox_title)}</a>
            <a href="/admin/akses" class=LINK_BUTTON>{t!(i18n, privasi.audit_title)}</a>
        </nav>
    }
}

/// `/admin`: every village with its staff, open requests and last activity.
#[component]
pub fn RegencyAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |_| get_regency_overview());
    let imported = (query("impor").as_deref() == Some("selesai")).then(|| {
        (
            query("baru").unwrap_or_default(),
            query("diubah").unwrap_or_default(),
        )
    });
    let imported = move || {
        imported.clone().map(|(added, updated)| view! {
            <p role="status" class="mt-3 rounded-lg bg-teal-50 p-3 font-medium text-teal-900" data-import-applied="">
                {t!(i18n, wilayah.import_applied)} " " {added} " · " {t!(i18n, wilayah.updated_count)} " " {updated}
            </p>
        })
    };
    view! {
        <PageTitle text=move || t_string!(i18n, wilayah.admin_title).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || {
                let imported = imported.clone();
                Suspend::new(async move {
                match overview.await {
                    Err(error) => Either::Left(view! { <ErrorNotice error /> }),
                    Ok(overview) => Either::Right(view! {
                        <h1 class="text-2xl font-bold">
                            {t!(i18n, wilayah.admin_title)}
                            {overview.kabupaten_name.map(|name| format!(" · {name}"))}
                        </h1>
                        <AdminNav />
                        {imported()}
                        <VillageOverview villages=overview.villages />
                    }),
                }
            })}}
        </Suspense>
    }
}

#[component]
fn VillageOverview(villages: Vec<RegencyVillage>) -> impl IntoView {
    let i18n = use_i18n();
    if villages.is_empty() {
        return Either::Left(view! {
            <section class=format!("{CARD} mt-4")>
                <p>{t!(i18n, wilayah.no_villages)}</p>
                <a href="/admin/wilayah" class="mt-3 inline-flex min-h-12 items-center rounded-lg bg-teal-700 px-4 font-semibold text-white">{t!(i18n, wilayah.nav_import)}</a>
            </section>
        });
    }
    let count = villages.len();
    let active = villages
        .iter()
        .filter(|village| village.last_activity.is_some())
        .count();
    Either::Right(view! {
        <p class="mt-4 text-stone-700">{t!(i18n, wilayah.village_count)} " " {count} " · " {t!(i18n, wilayah.with_activity)} " " {active}</p>
        <ul class="mt-2 flex flex-col gap-2">
            {villages.into_iter().map(|village| {
                let last = village.last_activity;
                view! {
                    <li class=CARD data-village=village.slug.clone()>
                        <div class="flex flex-wrap items-baseline justify-between gap-2">
                            <a href=format!("/desa/{}/kelola", village.slug) class="inline-flex min-h-11 items-center font-semibold text-teal-800 underline">{village.name}</a>
                            <span class="text-sm text-stone-600">{village.kecamatan_name} " · " {village.code}</span>
                        </div>
                        <p class="mt-1 flex flex-wrap gap-x-4 text-sm text-stone-700">
                            <span data-staff-count=village.staff_count>{t!(i18n, wilayah.staff_count)} " " {village.staff_count}</span>
                            <span>{t!(i18n, wilayah.open_requests)} " " {village.open_requests}</span>
                            <span>
                                {t!(i18n, wilayah.last_activity)} " "
                                {move || match last {
                                    Some(at) => crate::format::long_date(at, i18n.get_locale()),
                                    None => t_string!(i18n, wilayah.never).to_string(),
                                }}
                            </span>
                        </p>
                        {village.switched_off.then(|| view! {
                            <p class="mt-1 text-sm font-semibold text-red-800">{t!(i18n, wilayah.switched_off)}</p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

/// `/admin/wilayah`: upload the regency's village list.
#[component]
pub fn VillageImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let refused = query("galat");
    view! {
        <PageTitle text=move || t_string!(i18n, wilayah.import_title).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, wilayah.import_title)}</h1>
        <AdminNav />
        <section class=format!("{CARD} mt-4")>
            <p>{t!(i18n, wilayah.import_intro)}</p>
            <pre class="mt-2 overflow-x-auto rounded bg-stone-100 p-2 text-sm">"kode,nama,jenis,kecamatan\n35.10.16.2005,Kemiren,desa,Glagah\n35.10.16.1002,Bakungan,kelurahan,Glagah"</pre>
            <p class="mt-2 text-sm text-stone-600">{t!(i18n, wilayah.import_rules)}</p>
            <form method="post" action="/admin/wilayah/impor" enctype="multipart/form-data" class="mt-4 flex flex-col gap-3" id="berkas">
                <label class="flex flex-col gap-1">
                    <span class="font-medium">{t!(i18n, wilayah.import_file)}</span>
                    <input type="file" name="berkas" accept=".csv,text/csv,text/plain" required class="min-h-12 rounded-lg border border-stone-300 bg-white p-2 text-base" aria-describedby="berkas-galat" />
                    <span id="berkas-galat" class="text-sm font-medium text-red-700" role="alert">
                        {move || refused.as_deref().map(|code| field_message(i18n, code))}
                    </span>
                </label>
                <button type="submit" class="inline-flex min-h-12 items-center justify-center rounded-lg bg-teal-700 px-4 font-semibold text-white">{t!(i18n, wilayah.import_upload)}</button>
            </form>
        </section>
    }
}

/// `/admin/wilayah/impor/{id}`: what the file would change, its problems, and the apply button.
#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let preview = Resource::new(id, get_import_preview);
    let apply = ServerAction::<ApplyVillageImport>::new();
    view! {
        <PageTitle text=move || t_string!(i18n, wilayah.preview_title).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, wilayah.preview_title)}</h1>
        <AdminNav />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match preview.await {
                    Err(error) => Either::Left(view! { <ErrorNotice error /> }),
                    Ok(preview) => Either::Right(view! { <Preview preview apply /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Preview(preview: ImportPreview, apply: ServerAction<ApplyVillageImport>) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(apply.value());
    let new = preview.count(|change| *change == VillageChange::New);
    let updated = preview.count(|change| matches!(change, VillageChange::Updated { .. }));
    let unchanged = preview.count(|change| *change == VillageChange::Unchanged);
    let problems = preview.problems.clone();
    let has_problems = !problems.is_empty();
    let ask_name = preview.kabupaten_name.is_none();
    let apply_form = if preview.applied {
        EitherOf3::A(
            view! { <p class="font-medium text-teal-900" data-import-state="applied">{t!(i18n, wilayah.already_applied)}</p> },
        )
    } else if has_problems {
        EitherOf3::B(
            view! { <p class="font-medium text-red-800" data-import-state="problems">{t!(i18n, wilayah.fix_and_upload_again)}</p> },
        )
    } else {
        EitherOf3::C(view! {
            <ActionForm action=apply attr:class="flex flex-col gap-3" attr:data-import-state="ready">
                <input type="hidden" name="id" value=preview.id />
                {ask_name.then(|| view! {
                    <Field label=Signal::derive(move || t_string!(i18n, wilayah.kabupaten_name).to_string()) name="kabupaten_name" autocomplete="off" error />
                })}
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, wilayah.apply).to_string()) />
            </ActionForm>
        })
    };
    view! {
        <section class=format!("{CARD} mt-4")>
            <p class="font-semibold">{preview.file_name.clone()} {preview.kabupaten_code.clone().map(|code| format!(" · {code}"))}</p>
            <p class="mt-1 flex flex-wrap gap-x-4 text-stone-700">
                <span data-count-new=new>{t!(i18n, wilayah.new_count)} " " {new}</span>
                <span data-count-updated=updated>{t!(i18n, wilayah.updated_count)} " " {updated}</span>
                <span>{t!(i18n, wilayah.unchanged_count)} " " {unchanged}</span>
                <span data-count-problems=problems.len()>{t!(i18n, wilayah.problem_count)} " " {problems.len()}</span>
            </p>
            <div class="mt-3">{apply_form}</div>
        </section>
        {has_problems.then(|| view! {
            <section class=format!("{CARD} mt-4 border-red-300") aria-labelledby="masalah">
                <h2 id="masalah" class="font-bold text-red-800">{t!(i18n, wilayah.problems_title)}</h2>
                <ul class="mt-2 flex flex-col gap-1">
                    {problems.into_iter().map(|problem| {
                        let code = problem.error.clone();
                        view! {
                            <li data-problem-line=problem.line data-problem=problem.error.clone()>
                                <span class="font-mono text-sm">
                                    {if problem.line > 0 { format!("{} {} · {}", t_string!(i18n, wilayah.line), problem.line, problem.column) } else { problem.column.clone() }}
                                </span>
                                ": " {move || field_message(i18n, &code)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section class=format!("{CARD} mt-4")>
            <h2 class="font-bold">{t!(i18n, wilayah.rows_title)}</h2>
            <ul class="mt-2 flex flex-col divide-y divide-stone-100">
                {preview.rows.into_iter().map(|row| {
                    let change = match row.change {
                        VillageChange::New => EitherOf3::A(view! { <span class="text-sm font-semibold text-teal-800">{t!(i18n, wilayah.change_new)}</span> }),
                        VillageChange::Updated { old_name } => EitherOf3::B(view! { <span class="text-sm font-semibold text-amber-800">{t!(i18n, wilayah.change_updated)} " (" {old_name} ")"</span> }),
                        VillageChange::Unchanged => EitherOf3::C(view! { <span class="text-sm text-stone-500">{t!(i18n, wilayah.change_none)}</span> }),
                    };
                    let code = row.village.code.clone();
                    view! {
                        <li class="flex flex-wrap items-baseline justify-between gap-2 py-2" data-row=code>
                            <span><span class="font-medium">{row.village.name}</span> " · " {row.village.kecamatan_name}</span>
                            <span class="font-mono text-sm text-stone-600">{row.village.code}</span>
                            {change}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `/admin/staf`: invite by phone, follow the invitations, revoke roles.
#[component]
pub fn StaffAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<InviteStaff>::new();
    let cancel = ServerAction::<CancelInvitation>::new();
    let revoke = ServerAction::<RevokeStaffRole>::new();
    let administration = Resource::new(
        move || {
            (
                invite.version().get(),
                cancel.version().get(),
                revoke.version().get(),
            )
        },
        |_| get_staff_administration(),
    );
    let invite_error = last_error(invite.value());
    let revoke_error = last_error(revoke.value());
    let invited = query("diundang").is_some();
    view! {
        <PageTitle text=move || t_string!(i18n, wilayah.staff_title).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, wilayah.staff_title)}</h1>
        <AdminNav />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match administration.await {
                    Err(error) => Either::Left(view! { <ErrorNotice error /> }),
                    Ok(administration) => Either::Right(view! {
                        <section class=format!("{CARD} mt-4") aria-labelledby="undang">
                            <h2 id="undang" class="font-bold">{t!(i18n, wilayah.invite_title)}</h2>
                            <p class="text-sm text-stone-600">{t!(i18n, wilayah.invite_intro)}</p>
                            <ActionForm action=invite attr:class="mt-3 flex flex-col gap-4">
                                <Field label=Signal::derive(move || t_string!(i18n, akun.phone).to_string()) name="phone" input_type="tel" inputmode="tel" autocomplete="off" error=invite_error />
                                <label class="flex flex-col gap-1">
                                    <span class="font-medium">{t!(i18n, konsol.role)}</span>
                                    <select name="role" class="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base">
                                        <option value="kades">{t!(i18n, akun.role_kades)}</option>
                                        <option value="sekdes">{t!(i18n, akun.role_sekdes)}</option>
                                        <option value="operator">{t!(i18n, akun.role_operator)}</option>
                                        <option value="camat">{t!(i18n, akun.role_camat)}</option>
                                        <option value="admin_kabupaten">{t!(i18n, akun.role_admin)}</option>
                                    </select>
                                </label>
                                <PlaceSelect name="village" label=Signal::derive(move || t_string!(i18n, wilayah.village_for_role).to_string()) choices=administration.villages error=invite_error />
                                <PlaceSelect name="kecamatan" label=Signal::derive(move || t_string!(i18n, wilayah.kecamatan_for_role).to_string()) choices=administration.kecamatan error=invite_error />
                                <FormError error=invite_error />
                                {invited.then(|| view! { <p role="status" class="font-medium text-teal-800">{t!(i18n, wilayah.invitation_sent)}</p> })}
                                <SubmitButton label=Signal::derive(move || t_string!(i18n, wilayah.invite).to_string()) />
                            </ActionForm>
                        </section>
                        <section class=format!("{CARD} mt-4") aria-labelledby="undangan" id="undangan-list">
                            <h2 id="undangan" class="font-bold">{t!(i18n, wilayah.invitations_title)}</h2>
                            <InvitationList invitations=administration.invitations cancel />
                        </section>
                        <section class=format!("{CARD} mt-4") aria-labelledby="peran">
                            <h2 id="peran" class="font-bold">{t!(i18n, wilayah.roles_title)}</h2>
                            <FormError error=revoke_error />
                            <StaffGrantList staff=administration.staff revoke />
                        </section>
                    }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlaceSelect(
    name: &'static str,
    #[prop(into)] label: Signal<String>,
    choices: Vec<(String, String)>,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || {
        error
            .get()
            .and_then(|error| error.field_code(name).map(str::to_string))
            .map(|code| field_message(i18n, &code))
    };
    view! {
        <label class="flex flex-col gap-1">
            <span class="font-medium">{label}</span>
            <select name=name class="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base">
                <option value="">"—"</option>
                {choices.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
            <span class="text-sm font-medium text-red-700" role="alert">{message}</span>
        </label>
    }
}

#[component]
fn RoleAndPlace(role: RolePlace) -> impl IntoView {
    view! { <RoleName role=role.role /> {role.place.map(|place| format!(" · {place}"))} }
}

#[component]
fn InvitationList(
    invitations: Vec<Invitation>,
    cancel: ServerAction<CancelInvitation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(cancel.value());
    if invitations.is_empty() {
        return Either::Left(
            view! { <p class="mt-2 text-stone-600">{t!(i18n, wilayah.no_invitations)}</p> },
        );
    }
    Either::Right(view! {
        <FormError error />
        <ul class="mt-2 flex flex-col gap-2">
            {invitations.into_iter().map(|invitation| {
                let state = invitation.state;
                let expires_at = invitation.expires_at;
                let state_label = move || match state {
                    InvitationState::Open => format!("{} {}", t_string!(i18n, wilayah.invitation_open), crate::format::long_date(expires_at, i18n.get_locale())),
                    InvitationState::Accepted => t_string!(i18n, wilayah.invitation_accepted).to_string(),
                    InvitationState::Cancelled => t_string!(i18n, wilayah.invitation_cancelled).to_string(),
                    InvitationState::Expired => t_string!(i18n, wilayah.invitation_expired).to_string(),
                };
                let phone = invitation.phone.clone();
                view! {
                    <li class="flex flex-wrap items-center justify-between gap-2 border-b border-stone-100 pb-2" data-invitation=phone data-invitation-state=format!("{state:?}").to_lowercase()>
                        <span><span class="font-semibold">{invitation.phone}</span> " · " <RoleAndPlace role=invitation.role /> <br /><span class="text-sm text-stone-600">{state_label}</span></span>
                        {(state == InvitationState::Open).then(|| view! {
                            <ActionForm action=cancel>
                                <input type="hidden" name="id" value=invitation.id />
                                <SubmitButton secondary=true label=Signal::derive(move || t_string!(i18n, wilayah.cancel_invitation).to_string()) />
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

#[component]
fn StaffGrantList(staff: Vec<StaffGrant>, revoke: ServerAction<RevokeStaffRole>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="mt-2 flex flex-col gap-2">
            {staff.into_iter().map(|grant| {
                let phone = grant.phone.clone();
                view! {
                <li class="flex flex-wrap items-center justify-between gap-2 border-b border-stone-100 pb-2" data-staff-phone=phone>
                    <span><span class="font-semibold">{grant.name}</span> " · " <RoleAndPlace role=grant.role /> " · " {grant.phone}</span>
                    <ActionForm action=revoke>
                        <input type="hidden" name="staff_role_id" value=grant.staff_role_id />
                        <SubmitButton secondary=true label=Signal::derive(move || t_string!(i18n, wilayah.revoke).to_string()) />
                    </ActionForm>
                </li>
            }}).collect_view()}
        </ul>
    }
}

/// `/akun/undangan`: the invited person enters their code (signed in with the invited number).
#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = last_error(accept.value());
    let signed_in = Resource::new(|| (), |_| crate::akun::get_session_summary());
    view! {
        <PageTitle text=move || t_string!(i18n, wilayah.accept_title).to_string() />
        <div class="mx-auto max-w-md">
            <h1 class="text-2xl font-bold">{t!(i18n, wilayah.accept_title)}</h1>
            <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
                {move || Suspend::new(async move {
                    match signed_in.await {
                        Ok(Some(_)) => Either::Left(view! {
                            <section class=format!("{CARD} mt-4")>
                                <p>{t!(i18n, wilayah.accept_intro)}</p>
                                <ActionForm action=accept attr:class="mt-3 flex flex-col gap-4">
                                    <Field label=Signal::derive(move || t_string!(i18n, wilayah.invitation_code).to_string()) name="code" inputmode="numeric" autocomplete="one-time-code" error />
                                    <FormError error />
                                    <SubmitButton label=Signal::derive(move || t_string!(i18n, wilayah.accept).to_string()) />
                                </ActionForm>
                            </section>
                        }),
                        _ => Either::Right(view! {
                            <section class=format!("{CARD} mt-4")>
                                <p>{t!(i18n, wilayah.accept_sign_in_first)}</p>
                                <div class="mt-3 grid grid-cols-1 gap-2">
                                    <a href="/akun/masuk?next=%2Fakun%2Fundangan" class="inline-flex min-h-12 items-center justify-center rounded-lg bg-teal-700 px-4 font-semibold text-white">{t!(i18n, akun.sign_in)}</a>
                                    <a href="/akun/daftar?next=%2Fakun%2Fundangan" class=LINK_BUTTON>{t!(i18n, akun.sign_up)}</a>
                                </div>
                            </section>
                        }),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The admin's section of a village console: switch the village off, or on again.
#[component]
pub fn VillageStatus(slug: String, switched_off: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<super::SetVillageActive>::new();
    let error = last_error(action.value());
    view! {
        <section class=format!("{CARD} mt-4") aria-labelledby="status-desa">
            <h2 id="status-desa" class="font-bold">{t!(i18n, wilayah.status_title)}</h2>
            <p class="mt-1" data-village-state=if switched_off { "off" } else { "on" }>
                {move || if switched_off { t_string!(i18n, wilayah.status_off) } else { t_string!(i18n, wilayah.status_active) }}
            </p>
            <ActionForm action attr:class="mt-3">
                <input type="hidden" name="slug" value=slug />
                <FormError error />
                {if switched_off {
                    Either::Left(view! { <SubmitButton name="state" value="aktif" label=Signal::derive(move || t_string!(i18n, wilayah.switch_on).to_string()) /> })
                } else {
                    Either::Right(view! { <SubmitButton secondary=true name="state" value="nonaktif" label=Signal::derive(move || t_string!(i18n, wilayah.switch_off).to_string()) /> })
                }}
            </ActionForm>
        </section>
    }
}
