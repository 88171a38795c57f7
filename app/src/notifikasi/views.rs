//! The bell in the header, the notifications page and the administrators' outbox page.

use leptos::either::Either;
use leptos::prelude::*;

use super::{
    list_my_notifications, list_outbox, MarkNotificationsRead, Notification, OutboxMessage,
};
use crate::i18n::*;
use crate::ui::feedback::{render_list, CardsLoading, ErrorNotice};
use crate::ui::form::SubmitButton;
use crate::ui::layout::PageTitle;

/// The bell with the unread count for a signed-in person; a "Masuk" (sign in) link for a visitor.
#[component]
pub fn NotificationBell() -> impl IntoView {
    let i18n = use_i18n();
    let session = Resource::new(|| (), |_| crate::akun::get_session_summary());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.await.ok().flatten() {
                    Some(summary) => {
                        let unread = summary.unread_notifications;
                        Either::Left(view! {
                            <a
                                href="/akun/notifikasi"
                                class="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-teal-800"
                                aria-label=move || format!("{} ({unread})", t_string!(i18n, notifikasi.title))
                            >
                                <svg viewBox="0 0 24 24" class="h-6 w-6" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
                                    <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                                </svg>
                                {(unread > 0).then(|| view! {
                                    <span data-testid="unread-count" class="absolute right-0 top-0 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold text-stone-900">{unread}</span>
                                })}
                            </a>
                        })
                    }
                    None => Either::Right(view! {
                        <a href="/akun/masuk" class="inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-semibold hover:bg-teal-800">
                            {t!(i18n, akun.sign_in)}
                        </a>
                    }),
                }
            })}
        </Suspense>
    }
}

/// A person's latest notifications (used on the notifications page and in "Aktivitas saya").
#[component]
pub fn NotificationList(#[prop(default = 50)] limit: usize) -> impl IntoView {
    let i18n = use_i18n();
    let notifications = Resource::new(|| (), |_| list_my_notifications());
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
            {move || Suspend::new(async move {
                let notifications = notifications.await.map(|mut list| {
                    list.truncate(limit);
                    list
                });
                render_list(
                    notifications,
                    "mt-2 flex flex-col gap-2",
                    move || view! { <p>{t!(i18n, notifikasi.empty)}</p> },
                    |notification| view! { <NotificationItem notification /> },
                )
            })}
        </Suspense>
    }
}

#[component]
fn NotificationItem(notification: Notification) -> impl IntoView {
    let i18n = use_i18n();
    let Notification {
        title_id,
        title_en,
        link,
        created_at,
        is_read,
        ..
    } = notification;
    let title = move || match i18n.get_locale() {
        Locale::en => title_en.clone(),
        Locale::id => title_id.clone(),
    };
    view! {
        <a
            href=link.unwrap_or_else(|| "/akun".into())
            class="flex w-full flex-col rounded-lg border border-stone-200 p-3 data-[unread=true]:border-teal-600 data-[unread=true]:bg-teal-50"
            data-unread=(!is_read).to_string()
        >
            <span class="font-medium">{title}</span>
            <span class="text-xs text-stone-600">{move || format!("{} {}", crate::format::long_date(created_at, i18n.get_locale()), crate::format::time_of_day(created_at, i18n.get_locale()))}</span>
        </a>
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let mark_read = ServerAction::<MarkNotificationsRead>::new();
    view! {
        <PageTitle text=move || t_string!(i18n, notifikasi.title).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, notifikasi.title)}</h1>
        <ActionForm action=mark_read attr:class="my-3">
            <SubmitButton secondary=true label=Signal::derive(move || t_string!(i18n, notifikasi.mark_read).to_string()) />
        </ActionForm>
        <NotificationList />
    }
}

/// The outbox: every message to a phone, for administrators (the recording sender delivers nothing).
#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let messages = Resource::new(|| (), |_| list_outbox());
    view! {
        <PageTitle text=move || t_string!(i18n, notifikasi.outbox_title).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, notifikasi.outbox_title)}</h1>
        <p class="mb-4 mt-1 text-stone-600">{t!(i18n, notifikasi.outbox_intro)}</p>
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match messages.await {
                    Err(error) => Either::Left(view! { <ErrorNotice error /> }),
                    Ok(messages) => Either::Right(render_list(
                        Ok(messages),
                        "flex flex-col gap-2",
                        move || view! { <p>{t!(i18n, notifikasi.outbox_empty)}</p> },
                        |message| view! { <OutboxItem message /> },
                    )),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OutboxItem(message: OutboxMessage) -> impl IntoView {
    let i18n = use_i18n();
    let created_at = message.created_at;
    let next_attempt_at = message.next_attempt_at;
    let status = message.status.clone();
    let status_label = move || match status.as_str() {
        "sent" => t_string!(i18n, notifikasi.outbox_sent).to_string(),
        "failed" => t_string!(i18n, notifikasi.outbox_failed).to_string(),
        _ => t_string!(i18n, notifikasi.outbox_pending).to_string(),
    };
    let status_class = match message.status.as_str() {
        "sent" => "font-semibold text-green-800",
        "failed" => "font-semibold text-red-800",
        _ => "font-semibold text-amber-800",
    };
    let retry = (message.status == "pending" && message.attempts > 0).then(|| {
        view! {
            <p class="mt-1 text-sm text-amber-900">
                {t!(i18n, notifikasi.outbox_retry_at)} " "
                {move || crate::format::time_of_day(next_attempt_at, i18n.get_locale())}
            </p>
        }
    });
    view! {
        <article class="w-full rounded-lg border border-stone-200 bg-white p-3" data-outbox-status=message.status.clone()>
            <p class="flex flex-wrap justify-between gap-2 text-sm text-stone-600">
                <span>{message.to_phone} " · " {message.purpose}</span>
                <span>
                    <span class=status_class>{status_label}</span>
                    " · " {message.sender.unwrap_or_default()}
                    " · " {t!(i18n, notifikasi.outbox_attempts)} " " {message.attempts}
                    " · " {move || crate::format::time_of_day(created_at, i18n.get_locale())}
                </span>
            </p>
            <p class="mt-1">{message.body}</p>
            {message.last_error.map(|error| view! { <p class="mt-1 text-sm text-red-800">{error}</p> })}
            {retry}
            {message.provider_message_id.map(|id| view! { <p class="mt-1 break-all text-xs text-stone-500">"ID: " {id}</p> })}
        </article>
    }
}
