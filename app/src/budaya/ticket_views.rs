//! The ticket page (`/tiket/{code}`) and "my tickets" in the account. The QR code holds the ticket's own
//! URL: scanned with any phone camera by the organiser, it opens this page with a check-in button.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::views::when_text;
use super::{get_ticket, list_my_tickets, CancelRegistration, CheckInTicket, Ticket, TicketStatus};
use crate::akun::SignInForm;
use crate::i18n::*;
use crate::kernel::codes::display_code;
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{field_error_text, just_saved, last_error, FormError, SubmitButton};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{BUTTON_SECONDARY, CARD, LINK};
use crate::ui::text::Localized;

#[component]
pub fn TicketPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = params.read_untracked().get("code").unwrap_or_default();
    let ticket = Resource::new(
        {
            let code = code.clone();
            move || code.clone()
        },
        get_ticket,
    );
    view! {
        <PageTitle text=move || t_string!(i18n, budaya.ticket_title).to_string() />
        <leptos_meta::Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
            {move || {
                let code = code.clone();
                Suspend::new(async move {
                    match ticket.await {
                        Ok(ticket) => EitherOf3::A(view! { <TicketView ticket /> }),
                        Err(crate::error::AppError::Unauthenticated) => EitherOf3::B(view! {
                            <div class="mx-auto max-w-md">
                                <h1 class="text-2xl font-bold">{t!(i18n, budaya.ticket_title)}</h1>
                                <p class="mb-3 mt-1 text-stone-600">{t!(i18n, budaya.ticket_sign_in)}</p>
                                <div class=CARD><SignInForm next=format!("/tiket/{code}") /></div>
                            </div>
                        }),
                        Err(error) => EitherOf3::C(view! { <NotFoundOr error /> }),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn TicketView(ticket: Ticket) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let cancel = ServerAction::<CancelRegistration>::new();
    let check_in = ServerAction::<CheckInTicket>::new();
    let check_in_error = last_error(check_in.value());
    let cancel_error = last_error(cancel.value());
    let code_message = field_error_text(check_in_error, "code");
    let Ticket {
        code,
        status,
        seats,
        waitlist_position,
        holder_name,
        event_slug,
        title_id,
        title_en,
        venue,
        address,
        village_name,
        starts_at,
        ends_at,
        session_cancelled,
        checked_in_at,
        qr_svg,
        is_holder,
        may_check_in,
    } = ticket;
    let (banner_class, banner) = match (status, session_cancelled, checked_in_at) {
        (_, true, _) => (
            "bg-red-50 text-red-900",
            t_string!(i18n, budaya.ticket_session_cancelled).to_string(),
        ),
        (TicketStatus::Cancelled, _, _) => (
            "bg-stone-100 text-stone-800",
            t_string!(i18n, budaya.ticket_cancelled).to_string(),
        ),
        (TicketStatus::Waitlisted, _, _) => {
            let position = waitlist_position.unwrap_or(1);
            (
                "bg-amber-50 text-amber-900",
                format!("{} {position}", t_string!(i18n, budaya.ticket_waitlisted)),
            )
        }
        (TicketStatus::Confirmed, false, Some(at)) => (
            "bg-teal-50 text-teal-900",
            format!(
                "{} {}",
                t_string!(i18n, budaya.ticket_checked_in),
                crate::format::time_of_day(at, locale)
            ),
        ),
        (TicketStatus::Confirmed, false, None) => (
            "bg-teal-700 text-white",
            t_string!(i18n, budaya.ticket_confirmed).to_string(),
        ),
    };
    let usable = status == TicketStatus::Confirmed && !session_cancelled;
    let may_cancel = is_holder
        && status != TicketStatus::Cancelled
        && checked_in_at.is_none()
        && !session_cancelled;
    let show_check_in = may_check_in && usable && checked_in_at.is_none();
    let just_checked_in = just_saved() && checked_in_at.is_some();
    let back = format!("/tiket/{code}");
    let cancel_code = code.clone();
    view! {
        <div class="mx-auto flex max-w-md flex-col gap-3">
            <h1 class="text-2xl font-bold">{t!(i18n, budaya.ticket_title)}</h1>
            {just_checked_in.then(|| view! { <p role="status" class="rounded-lg bg-teal-700 p-3 font-semibold text-white">{t!(i18n, budaya.check_in_done)}</p> })}
            <p role="status" data-ticket-status=status.code() class=format!("rounded-lg p-3 font-semibold {banner_class}")>{banner}</p>
            <section class=format!("{CARD} flex flex-col items-center gap-2 text-center")>
                {(!qr_svg.is_empty()).then(|| view! {
                    <div data-qr="" class="w-60 max-w-full [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label=move || t_string!(i18n, budaya.qr_label).to_string() inner_html=qr_svg></div>
                })}
                <p class="text-sm text-stone-600">{t!(i18n, budaya.ticket_code)}</p>
                <p class="font-mono text-3xl font-bold tracking-widest" data-ticket-code=code.clone()>{display_code(&code)}</p>
                <p class="text-sm text-stone-600">{t!(i18n, budaya.ticket_offline_hint)}</p>
                <OfflineTicket />
            </section>
            <dl class=format!("{CARD} grid gap-2 text-sm")>
                <div><dt class="font-semibold">{t!(i18n, budaya.what)}</dt>
                    <dd><a href=format!("/budaya/acara/{event_slug}") class="underline"><Localized id=title_id en=title_en /></a></dd></div>
                <div><dt class="font-semibold">{t!(i18n, budaya.when_label)}</dt><dd>{when_text(starts_at, ends_at, locale)}</dd></div>
                <div><dt class="font-semibold">{t!(i18n, budaya.where_label)}</dt><dd>{venue} {(!address.is_empty()).then(|| format!(", {address}"))} ", " {village_name}</dd></div>
                <div><dt class="font-semibold">{t!(i18n, budaya.holder)}</dt><dd>{holder_name}</dd></div>
                <div><dt class="font-semibold">{t!(i18n, budaya.seats_label)}</dt><dd>{seats}</dd></div>
            </dl>
            {show_check_in.then(|| view! {
                <ActionForm action=check_in attr:class=format!("{CARD} flex flex-col gap-2")>
                    <input type="hidden" name="code" value=code.clone() />
                    <input type="hidden" name="back" value=back.clone() />
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{code_message}</p>
                    <FormError error=check_in_error />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, budaya.check_in_button).to_string()) />
                </ActionForm>
            })}
            {may_cancel.then(|| view! {
                <ActionForm action=cancel attr:class="flex flex-col gap-2">
                    <input type="hidden" name="code" value=cancel_code />
                    <FormError error=cancel_error />
                    <p class="text-sm text-stone-600">{t!(i18n, budaya.cancel_hint)}</p>
                    <SubmitButton secondary=true label=Signal::derive(move || t_string!(i18n, budaya.cancel_ticket).to_string()) />
                </ActionForm>
            })}
            <a href="/akun" class=BUTTON_SECONDARY>{t!(i18n, akun.activity_title)}</a>
        </div>
    }
}

/// "My tickets" in the account page.
#[component]
pub fn MyTickets() -> impl IntoView {
    let i18n = use_i18n();
    let tickets = Resource::new(|| (), |_| list_my_tickets());
    view! {
        <section class=CARD aria-labelledby="tiket-saya">
            <h2 id="tiket-saya" class="font-bold">{t!(i18n, akun.tickets_title)}</h2>
            <Suspense fallback=move || view! { <p>{t!(i18n, ui.loading)}</p> }>
                {move || Suspend::new(async move {
                    match tickets.await {
                        Ok(tickets) if tickets.is_empty() => Either::Left(view! {
                            <p class="mt-1 text-sm text-stone-600">{t!(i18n, akun.tickets_empty)}</p>
                            <a href="/budaya" class=LINK>"→"</a>
                        }),
                        Ok(tickets) => Either::Right(Either::Left(view! {
                            <ul class="mt-1 flex flex-col">
                                {tickets.into_iter().map(|ticket| {
                                    let note = match (ticket.session_cancelled, ticket.status) {
                                        (true, _) => Some(t_string!(i18n, budaya.session_cancelled)),
                                        (_, TicketStatus::Waitlisted) => Some(t_string!(i18n, budaya.waitlisted_short)),
                                        (_, TicketStatus::Cancelled) => Some(t_string!(i18n, budaya.cancelled_short)),
                                        _ => None,
                                    };
                                    view! {
                                        <li>
                                            <a href=format!("/tiket/{}", ticket.code) class="flex min-h-11 flex-col justify-center py-1 hover:underline">
                                                <span class="font-semibold"><Localized id=ticket.title_id en=ticket.title_en /></span>
                                                <span class="text-sm text-stone-600">
                                                    {crate::format::long_date(ticket.starts_at, i18n.get_locale())}
                                                    {note.map(|note| format!(" · {note}"))}
                                                </span>
                                            </a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })),
                        Err(error) => Either::Right(Either::Right(view! { <crate::ui::feedback::ErrorNotice error /> })),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Keeps this ticket page available offline (service worker + cache). Only the holder's page registers
/// it (`budaya::offline`).
#[component]
fn OfflineTicket() -> impl IntoView {
    view! { <script src="/tiket-offline.js" defer></script> }
}
