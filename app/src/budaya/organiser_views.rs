//! The organiser's pages: `/budaya/kelola` (my listings, a new one) and `/budaya/acara/{slug}/kelola`
//! (check-in at the door, sessions with who registered, cancel or move a session, add sessions, edit the
//! listing). Plain forms posting to server functions: they work without JavaScript on any phone.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::views::{kind_label, when_text};
use super::{
    get_listing_console, get_organiser_home, AddSessions, CancelSession, CheckInTicket, EventKind,
    Listing, ListingConsole, ManagedSession, MoveSession, OrganiserHome, RemoveListingPhoto,
    SaveListing, TicketStatus,
};
use crate::akun::signed_in_page;
use crate::i18n::*;
use crate::media::PhotoManager;
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{
    field_error_text, just_saved, last_error, Field, FormError, SubmitButton, TextArea,
};
use crate::ui::layout::PageTitle;
use crate::ui::style::{BUTTON_SECONDARY, CARD, LINK};

use crate::ui::style::SELECT;

#[component]
pub fn OrganiserHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let home = Resource::new(|| (), |_| get_organiser_home());
    let save = ServerAction::<SaveListing>::new();
    view! {
        <PageTitle text=move || t_string!(i18n, budaya.organiser_title).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                signed_in_page(home.await, "/budaya/kelola", move |home| view! { <OrganiserHomeView home save /> })
            })}
        </Suspense>
    }
}

#[component]
fn OrganiserHomeView(home: OrganiserHome, save: ServerAction<SaveListing>) -> impl IntoView {
    let i18n = use_i18n();
    let OrganiserHome {
        listings,
        villages,
        shop_name,
    } = home;
    let may_create = !villages.is_empty();
    view! {
        <h1 class="text-2xl font-bold">{t!(i18n, budaya.organiser_title)}</h1>
        <section class=format!("{CARD} mt-4")>
            <h2 class="font-bold">{t!(i18n, budaya.my_listings)}</h2>
            {if listings.is_empty() {
                Either::Left(view! { <p class="text-stone-600">{t!(i18n, budaya.no_listings)}</p> })
            } else {
                Either::Right(view! {
                    <ul class="mt-2 flex flex-col divide-y divide-stone-100">
                        {listings.into_iter().map(|listing| view! {
                            <li>
                                <a href=format!("/budaya/acara/{}/kelola", listing.slug) class="flex min-h-12 flex-col justify-center py-2 hover:underline">
                                    <span class="font-semibold">{listing.title_id}</span>
                                    <span class="text-sm text-stone-600">
                                        {kind_label(i18n, listing.kind)} " · " {listing.village_name} " · "
                                        {t!(i18n, budaya.registrations_count, count = move || listing.registrations)}
                                        {listing.next_session.map(|at| format!(" · {}", crate::format::long_date(at, i18n.get_locale())))}
                                    </span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
        {if may_create {
            Either::Left(view! {
                <section class=format!("{CARD} mt-4") aria-labelledby="baru">
                    <h2 id="baru" class="font-bold">{t!(i18n, budaya.new_listing)}</h2>
                    {shop_name.map(|shop| view! { <p class="text-sm text-stone-600">{t!(i18n, budaya.as_seller, shop = move || shop.clone())}</p> })}
                    <ListingForm listing=None villages action=save />
                </section>
            })
        } else {
            Either::Right(view! { <p class="mt-4 text-stone-600">{t!(i18n, budaya.who_may_create)}</p> })
        }}
    }
}

/// Create (`listing` = None, choosing a village) or edit a listing.
#[component]
fn ListingForm(
    listing: Option<Listing>,
    villages: Vec<(String, String)>,
    action: ServerAction<SaveListing>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action.value());
    let values = listing.clone();
    let value = move |get: fn(&Listing) -> String| values.as_ref().map(get);
    let kind = listing
        .as_ref()
        .map(|listing| listing.kind)
        .unwrap_or(EventKind::Kelas);
    let kind_error = field_error_text(error, "kind");
    let village_error = field_error_text(error, "village");
    let label = move |text: fn(leptos_i18n::I18nContext<Locale>) -> String| {
        Signal::derive(move || text(i18n))
    };
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-3">
            <input type="hidden" name="slug" value=value(|l| l.slug.clone()).unwrap_or_default() />
            {listing.is_none().then(|| view! {
                <div class="flex flex-col gap-1">
                    <label for="f-village" class="font-medium">{t!(i18n, budaya.village_label)}</label>
                    <select id="f-village" name="village" class=SELECT>
                        {villages.into_iter().map(|(slug, name)| view! { <option value=slug>{name}</option> }).collect_view()}
                    </select>
                    <p class="text-sm font-medium text-red-700" role="alert">{village_error}</p>
                </div>
            })}
            <div class="flex flex-col gap-1">
                <label for="f-kind" class="font-medium">{t!(i18n, budaya.kind_label)}</label>
                <select id="f-kind" name="kind" class=SELECT>
                    {EventKind::ALL.into_iter().map(|option| view! {
                        <option value=option.code() selected=(option == kind).then_some("")>{kind_label(i18n, option)}</option>
                    }).collect_view()}
                </select>
                <p class="text-sm font-medium text-red-700" role="alert">{kind_error}</p>
            </div>
            <Field label=label(|i| t_string!(i, budaya.field_title_id).to_string()) name="title_id" value=value(|l| l.title_id.clone()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, budaya.field_title_en).to_string()) name="title_en" required=false value=value(|l| l.title_en.clone().unwrap_or_default()).unwrap_or_default() error />
            <TextArea label=label(|i| t_string!(i, budaya.field_summary_id).to_string()) name="summary_id" required=true value=value(|l| l.summary_id.clone()).unwrap_or_default() error />
            <TextArea label=label(|i| t_string!(i, budaya.field_summary_en).to_string()) name="summary_en" value=value(|l| l.summary_en.clone().unwrap_or_default()).unwrap_or_default() error />
            <TextArea label=label(|i| t_string!(i, budaya.field_description_id).to_string()) name="description_id" value=value(|l| l.description_id.clone()).unwrap_or_default() error />
            <TextArea label=label(|i| t_string!(i, budaya.field_description_en).to_string()) name="description_en" value=value(|l| l.description_en.clone().unwrap_or_default()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, budaya.field_organiser).to_string()) name="organiser_name" value=value(|l| l.organiser_name.clone()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, budaya.field_venue).to_string()) name="venue" value=value(|l| l.venue.clone()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, budaya.field_address).to_string()) name="address" required=false value=value(|l| l.address.clone()).unwrap_or_default() error />
            <div class="grid grid-cols-2 gap-2">
                <Field label=label(|i| t_string!(i, budaya.field_latitude).to_string()) name="latitude" required=false inputmode="decimal" value=value(|l| l.latitude.map(|v| v.to_string()).unwrap_or_default()).unwrap_or_default() error />
                <Field label=label(|i| t_string!(i, budaya.field_longitude).to_string()) name="longitude" required=false inputmode="decimal" value=value(|l| l.longitude.map(|v| v.to_string()).unwrap_or_default()).unwrap_or_default() error />
            </div>
            <div class="grid grid-cols-2 gap-2">
                <Field label=label(|i| t_string!(i, budaya.field_price).to_string()) name="price" required=false inputmode="numeric" value=value(|l| l.price_rupiah.to_string()).unwrap_or_default()
                    hint=label(|i| t_string!(i, budaya.field_price_hint).to_string()) error />
                <Field label=label(|i| t_string!(i, budaya.field_capacity).to_string()) name="capacity" required=false inputmode="numeric" value=value(|l| l.capacity.map(|v| v.to_string()).unwrap_or_default()).unwrap_or_default()
                    hint=label(|i| t_string!(i, budaya.field_capacity_hint).to_string()) error />
            </div>
            <Field label=label(|i| t_string!(i, budaya.field_tags).to_string()) name="tags" required=false value=value(|l| l.tags.join(", ")).unwrap_or_default()
                hint=label(|i| t_string!(i, budaya.field_tags_hint).to_string()) error />
            <Field label=label(|i| t_string!(i, budaya.field_opening_hours_id).to_string()) name="opening_hours_id" required=false value=value(|l| l.opening_hours_id.clone().unwrap_or_default()).unwrap_or_default()
                hint=label(|i| t_string!(i, budaya.field_opening_hours_hint).to_string()) error />
            <Field label=label(|i| t_string!(i, budaya.field_opening_hours_en).to_string()) name="opening_hours_en" required=false value=value(|l| l.opening_hours_en.clone().unwrap_or_default()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, budaya.field_accessibility_id).to_string()) name="accessibility_id" required=false value=value(|l| l.accessibility_id.clone().unwrap_or_default()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, budaya.field_accessibility_en).to_string()) name="accessibility_en" required=false value=value(|l| l.accessibility_en.clone().unwrap_or_default()).unwrap_or_default() error />
            <FormError error />
            <SubmitButton label=label(|i| t_string!(i, ui.save).to_string()) />
        </ActionForm>
    }
}

#[derive(Clone, Copy)]
struct ConsoleActions {
    save: ServerAction<SaveListing>,
    add: ServerAction<AddSessions>,
    cancel: ServerAction<CancelSession>,
    moved: ServerAction<MoveSession>,
    check_in: ServerAction<CheckInTicket>,
    remove_photo: ServerAction<RemoveListingPhoto>,
}

/// `/budaya/acara/{slug}/kelola`.
#[component]
pub fn ListingConsolePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let actions = ConsoleActions {
        save: ServerAction::new(),
        add: ServerAction::new(),
        cancel: ServerAction::new(),
        moved: ServerAction::new(),
        check_in: ServerAction::new(),
        remove_photo: ServerAction::new(),
    };
    let console = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        get_listing_console,
    );
    view! {
        <PageTitle text=move || t_string!(i18n, budaya.manage).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    signed_in_page(console.await, format!("/budaya/acara/{slug}/kelola"), move |console| view! { <ListingConsoleView console actions /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn ListingConsoleView(console: ListingConsole, actions: ConsoleActions) -> impl IntoView {
    let i18n = use_i18n();
    let ListingConsole {
        listing,
        sessions,
        photos,
    } = console;
    let slug = listing.slug.clone();
    let check_in_error = last_error(actions.check_in.value());
    let code_message = field_error_text(check_in_error, "code");
    let add_error = last_error(actions.add.value());
    let repeat_error = field_error_text(add_error, "repeat");
    let saved = just_saved();
    let label = move |text: fn(leptos_i18n::I18nContext<Locale>) -> String| {
        Signal::derive(move || text(i18n))
    };
    let back = format!("/budaya/acara/{slug}/kelola");
    let certificate_slug = slug.clone();
    view! {
        <nav class="text-sm"><a href=format!("/budaya/acara/{slug}") class=LINK>{listing.title_id.clone()}</a></nav>
        <h1 class="text-2xl font-bold">{t!(i18n, budaya.manage)} " · " {listing.title_id.clone()}</h1>
        {saved.then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 font-medium text-teal-900">{t!(i18n, ui.saved)}</p> })}
        <section class=format!("{CARD} mt-4") aria-labelledby="check-in">
            <h2 id="check-in" class="font-bold">{t!(i18n, budaya.check_in_title)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, budaya.check_in_intro)}</p>
            <ActionForm action=actions.check_in attr:class="mt-2 flex flex-col gap-2">
                <input type="hidden" name="back" value=back />
                <label for="f-code" class="font-medium">{t!(i18n, budaya.ticket_code)}</label>
                <input id="f-code" name="code" autocomplete="off" autocapitalize="characters" required
                    class="min-h-12 rounded-lg border border-stone-300 px-3 font-mono text-xl uppercase tracking-widest" />
                <p role="alert" class="text-sm font-medium text-red-700">{code_message}</p>
                <FormError error=check_in_error />
                <SubmitButton label=label(|i| t_string!(i, budaya.check_in_button).to_string()) />
            </ActionForm>
            <super::check_in_scan::ScanTicket
                field="f-code".to_string()
                scan=t_string!(i18n, budaya.scan_ticket).to_string()
                unreadable=t_string!(i18n, budaya.scan_unreadable).to_string()
            />
        </section>
        <PhotoManager
            photos
            alt=listing.title_id.clone()
            upload_action=format!("/budaya/acara/{slug}/foto")
            remove={
                let slug = slug.clone();
                move |photo_id| {
                let slug = slug.clone();
                view! {
                    <ActionForm action=actions.remove_photo>
                        <input type="hidden" name="slug" value=slug />
                        <input type="hidden" name="photo_id" value=photo_id />
                        <button type="submit" class=format!("{BUTTON_SECONDARY} w-full text-sm")>{t!(i18n, foto.remove_photo)}</button>
                    </ActionForm>
                }.into_any()
            }}
        />
        <section class="mt-4" aria-labelledby="sesi">
            <h2 id="sesi" class="mb-2 text-lg font-bold">{t!(i18n, budaya.sessions_title)}</h2>
            {if sessions.is_empty() {
                Either::Left(view! { <p class="text-stone-600">{t!(i18n, budaya.no_sessions)}</p> })
            } else {
                Either::Right(view! {
                    <ul class="flex flex-col gap-3">
                        {sessions.into_iter().map(|session| view! { <SessionManager slug=slug.clone() session actions /> }).collect_view()}
                    </ul>
                })
            }}
        </section>
        <section class=format!("{CARD} mt-4") aria-labelledby="tambah-sesi">
            <h2 id="tambah-sesi" class="font-bold">{t!(i18n, budaya.add_sessions)}</h2>
            <ActionForm action=actions.add attr:class="mt-2 flex flex-col gap-3">
                <input type="hidden" name="slug" value=slug.clone() />
                <div class="grid grid-cols-2 gap-2">
                    <Field label=label(|i| t_string!(i, budaya.start_date).to_string()) name="start_date" input_type="date" error=add_error />
                    <Field label=label(|i| t_string!(i, budaya.end_date).to_string()) name="end_date" input_type="date" required=false error=add_error
                        hint=label(|i| t_string!(i, budaya.end_date_hint).to_string()) />
                    <Field label=label(|i| t_string!(i, budaya.start_time).to_string()) name="start_time" input_type="time" error=add_error />
                    <Field label=label(|i| t_string!(i, budaya.end_time).to_string()) name="end_time" input_type="time" error=add_error />
                </div>
                <div class="flex flex-col gap-1">
                    <label for="f-repeat" class="font-medium">{t!(i18n, budaya.repeat_label)}</label>
                    <select id="f-repeat" name="repeat" class=SELECT>
                        <option value="weekly">{t!(i18n, budaya.repeat_weekly)}</option>
                        <option value="monthly">{t!(i18n, budaya.repeat_monthly)}</option>
                    </select>
                    <p class="text-sm font-medium text-red-700" role="alert">{repeat_error}</p>
                </div>
                <Field label=label(|i| t_string!(i, budaya.repeat_until).to_string()) name="repeat_until" input_type="date" required=false error=add_error
                    hint=label(|i| t_string!(i, budaya.repeat_until_hint).to_string()) />
                <Field label=label(|i| t_string!(i, budaya.exceptions).to_string()) name="exceptions" required=false error=add_error
                    hint=label(|i| t_string!(i, budaya.exceptions_hint).to_string()) />
                <Field label=label(|i| t_string!(i, budaya.field_capacity).to_string()) name="capacity" id="add-capacity" required=false inputmode="numeric" error=add_error
                    value=listing.capacity.map(|c| c.to_string()).unwrap_or_default() hint=label(|i| t_string!(i, budaya.field_capacity_hint).to_string()) />
                <FormError error=add_error />
                <SubmitButton label=label(|i| t_string!(i, budaya.add_sessions).to_string()) />
            </ActionForm>
        </section>
        <super::CertificateSection slug=certificate_slug />
        <section class=format!("{CARD} mt-4") aria-labelledby="ubah-acara">
            <h2 id="ubah-acara" class="font-bold">{t!(i18n, budaya.edit_listing)}</h2>
            <ListingForm listing=Some(listing) villages=Vec::new() action=actions.save />
        </section>
    }
}

#[component]
fn SessionManager(slug: String, session: ManagedSession, actions: ConsoleActions) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let cancel_error = last_error(actions.cancel.value());
    let move_error = last_error(actions.moved.value());
    let ManagedSession {
        id,
        starts_at,
        ends_at,
        capacity,
        seats_left,
        checked_in_seats,
        cancelled,
        registrants,
    } = session;
    let day = crate::kernel::dates::CivilDate::of_unix_wib(starts_at).iso();
    let start = crate::format::WibDateTime::from_unix(starts_at);
    let end = crate::format::WibDateTime::from_unix(ends_at);
    let start_time = format!("{:02}:{:02}", start.hour, start.minute);
    let end_time = format!("{:02}:{:02}", end.hour, end.minute);
    let counts = match (capacity, seats_left) {
        (Some(capacity), Some(left)) => Either::Left(
            view! { {t!(i18n, budaya.seat_counts, taken = move || capacity - left, capacity = move || capacity, checked_in = move || checked_in_seats)} },
        ),
        _ => Either::Right(view! { {t!(i18n, budaya.open_to_all)} }),
    };
    let label = move |text: fn(leptos_i18n::I18nContext<Locale>) -> String| {
        Signal::derive(move || text(i18n))
    };
    let reason_message = field_error_text(cancel_error, "reason");
    let registrant_count = registrants.len();
    let move_slug = slug.clone();
    view! {
        <li class=CARD data-session-id=id>
            <p class="font-semibold">{when_text(starts_at, ends_at, locale)}</p>
            {cancelled.then(|| view! { <p class="font-semibold text-red-700">{t!(i18n, budaya.session_cancelled)}</p> })}
            <p class="text-sm text-stone-700" data-seat-counts="">{counts}</p>
            {(!registrants.is_empty()).then(|| view! {
                <details class="mt-2">
                    <summary class="flex min-h-11 cursor-pointer items-center font-semibold text-teal-800">{t!(i18n, budaya.registrants, count = move || registrant_count)}</summary>
                    <ul class="flex flex-col divide-y divide-stone-100 text-sm">
                        {registrants.into_iter().map(|person| {
                            let state = match (person.status, person.checked_in) {
                                (_, true) => t_string!(i18n, budaya.checked_in_short),
                                (TicketStatus::Waitlisted, _) => t_string!(i18n, budaya.waitlisted_short),
                                _ => t_string!(i18n, budaya.confirmed_short),
                            };
                            view! {
                                <li class="flex flex-wrap justify-between gap-2 py-2">
                                    <span>{person.name} " · " {person.seats} "×"</span>
                                    <span><a href=format!("/tiket/{}", person.code) class="font-mono underline">{crate::kernel::codes::display_code(&person.code)}</a> " · " {state}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            })}
            {(!cancelled).then(|| view! {
                <details class="mt-2">
                    <summary class="flex min-h-11 cursor-pointer items-center font-semibold text-teal-800">{t!(i18n, budaya.move_session)}</summary>
                    <ActionForm action=actions.moved attr:class="mt-2 flex flex-col gap-2">
                        <input type="hidden" name="slug" value=move_slug />
                        <input type="hidden" name="session_id" value=id />
                        <Field label=label(|i| t_string!(i, budaya.start_date).to_string()) name="date" input_type="date" value=day id=format!("move-{id}-date") error=move_error />
                        <div class="grid grid-cols-2 gap-2">
                            <Field label=label(|i| t_string!(i, budaya.start_time).to_string()) name="start_time" input_type="time" value=start_time id=format!("move-{id}-start") error=move_error />
                            <Field label=label(|i| t_string!(i, budaya.end_time).to_string()) name="end_time" input_type="time" value=end_time id=format!("move-{id}-end") error=move_error />
                        </div>
                        <FormError error=move_error />
                        <SubmitButton secondary=true label=label(|i| t_string!(i, budaya.move_session).to_string()) />
                    </ActionForm>
                </details>
                <details class="mt-2">
                    <summary class="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{t!(i18n, budaya.cancel_session)}</summary>
                    <ActionForm action=actions.cancel attr:class="mt-2 flex flex-col gap-2">
                        <input type="hidden" name="slug" value=slug.clone() />
                        <input type="hidden" name="session_id" value=id />
                        <label for=format!("reason-{id}") class="font-medium">{t!(i18n, budaya.cancel_reason)}</label>
                        <input id=format!("reason-{id}") name="reason" required class="min-h-12 rounded-lg border border-stone-300 px-3" />
                        <p role="alert" class="text-sm font-medium text-red-700">{reason_message}</p>
                        <FormError error=cancel_error />
                        <button type="submit" class=format!("{BUTTON_SECONDARY} border-red-300 text-red-800")>{t!(i18n, budaya.cancel_session)}</button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}
