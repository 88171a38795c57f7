//! A listing's page with its sessions and structured data, and the registration page.

use super::agenda::{kind_label, price_text, when_text};
use crate::akun::SignInForm;
use crate::budaya::{
    get_listing, EventKind, Listing, ListingPage, RegisterForSession, SessionSlot,
};
use crate::format::iso_utc;
use crate::i18n::*;
use crate::kernel::text::encode_query;
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{field_error_text, last_error, FormError, SubmitButton};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};
use crate::ui::text::{pick, Localized};
use leptos::either::{Either, EitherOf3, EitherOf4};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::{use_params_map, use_query_map};

/// schema.org Event markup, so search engines and chat apps understand the listing.
pub fn event_json_ld(page: &ListingPage, locale: Locale) -> String {
    let listing = &page.listing;
    let title = pick(locale, &listing.title_id, listing.title_en.as_deref()).text;
    let summary = pick(locale, &listing.summary_id, listing.summary_en.as_deref()).text;
    let next = page.sessions.iter().find(|session| !session.cancelled);
    let dates = next
        .map(|session| {
            format!(
                r#","startDate":{},"endDate":{}"#,
                crate::format::json_string(&iso_utc(session.starts_at)),
                crate::format::json_string(&iso_utc(session.ends_at))
            )
        })
        .unwrap_or_default();
    let geo = listing
        .latitude
        .zip(listing.longitude)
        .map(|(latitude, longitude)| {
            format!(r#","geo":{{"@type":"GeoCoordinates","latitude":{latitude},"longitude":{longitude}}}"#)
        })
        .unwrap_or_default();
    let availability = match next.and_then(|session| session.seats_left) {
        Some(0) => "https://schema.org/SoldOut",
        _ => "https://schema.org/InStock",
    };
    format!(
        r#"{{"@context":"https://schema.org","@type":"Event","name":{},"description":{},"url":{}{dates},"eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","eventStatus":"https://schema.org/EventScheduled","location":{{"@type":"Place","name":{},"address":{{"@type":"PostalAddress","streetAddress":{},"addressLocality":{},"addressRegion":"Jawa Timur","addressCountry":"ID"}}{geo}}},"organizer":{{"@type":"Organization","name":{}}},"offers":{{"@type":"Offer","price":{},"priceCurrency":"IDR","availability":"{availability}","url":{}}}}}"#,
        crate::format::json_string(&title),
        crate::format::json_string(&summary),
        crate::format::json_string(&page.canonical_url),
        crate::format::json_string(&listing.venue),
        crate::format::json_string(&listing.address),
        crate::format::json_string(&listing.village_name),
        crate::format::json_string(&listing.organiser_name),
        listing.price_rupiah,
        crate::format::json_string(&page.canonical_url),
    )
}

/// `/budaya/acara/{slug}`.
#[component]
pub fn ListingPageView() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let page = Resource::new(slug, get_listing);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => Either::Left(view! { <ListingDetail page /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ListingDetail(page: ListingPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let json_ld = event_json_ld(&page, locale);
    let ListingPage {
        listing,
        photos,
        sessions,
        may_manage,
        canonical_url,
        ..
    } = page;
    // Share previews need an absolute image address: the largest stored size of the first photo.
    let origin = canonical_url
        .split("/budaya/")
        .next()
        .unwrap_or_default()
        .to_string();
    let og_image = photos
        .first()
        .map(|photo| format!("{origin}{}", photo.url(photo.best_width(1280))));
    let title = pick(locale, &listing.title_id, listing.title_en.as_deref()).text;
    let summary = pick(locale, &listing.summary_id, listing.summary_en.as_deref()).text;
    let share_text = format!("{title} — {canonical_url}");
    let whatsapp = format!("https://wa.me/?text={}", encode_query(&share_text));
    let lang = if locale == Locale::en { "?lang=en" } else { "" };
    let Listing {
        slug,
        kind,
        title_id,
        title_en,
        description_id,
        description_en,
        tags,
        venue,
        address,
        latitude,
        longitude,
        accessibility_id,
        accessibility_en,
        opening_hours_id,
        opening_hours_en,
        organiser_name,
        shop_name,
        shop_slug,
        price_rupiah,
        village_name,
        village_slug,
        is_hidden,
        ..
    } = listing;
    let map_link = latitude
        .zip(longitude)
        .map(|(latitude, longitude)| crate::budaya::input::openstreetmap_url(latitude, longitude));
    let has_sessions = !sessions.is_empty();
    view! {
        <PageTitle text=move || title.clone() />
        <Meta name="description" content=summary.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:title" content=pick(locale, &title_id, title_en.as_deref()).text />
        <Meta property="og:description" content=summary.clone() />
        <Meta property="og:url" content=canonical_url.clone() />
        {og_image.map(|image| view! {
            <Meta property="og:image" content=image />
            <Meta property="og:image:type" content="image/webp" />
        })}
        <script type="application/ld+json" inner_html=json_ld></script>
        <nav class="text-sm"><a href="/budaya" class=LINK>{t!(i18n, budaya.title)}</a></nav>
        {is_hidden.then(|| view! { <p class="rounded bg-amber-100 p-2 text-sm">{t!(i18n, budaya.hidden_notice)}</p> })}
        <article class="mt-2 flex flex-col gap-4">
            <crate::media::Gallery photos alt=pick(locale, &title_id, title_en.as_deref()).text />
            <header>
                <span class="rounded bg-rose-50 px-1.5 py-0.5 text-xs font-medium text-rose-800">{kind_label(i18n, kind)}</span>
                <h1 class="mt-1 text-2xl font-bold leading-tight"><Localized id=title_id en=title_en /></h1>
                <p class="mt-1 text-stone-700">{summary}</p>
                {may_manage.then(|| view! {
                    <a href=format!("/budaya/acara/{slug}/kelola") class=format!("{BUTTON_SECONDARY} mt-2")>{t!(i18n, budaya.manage)}</a>
                })}
            </header>
            <dl class=format!("{CARD} grid gap-3 text-sm")>
                <div><dt class="font-semibold">{t!(i18n, budaya.price)}</dt><dd>{price_text(i18n, price_rupiah)}</dd></div>
                <div>
                    <dt class="font-semibold">{t!(i18n, budaya.where_label)}</dt>
                    <dd>{venue} {(!address.is_empty()).then(|| format!(", {address}"))} ", " <a href=format!("/desa/{village_slug}") class="underline">{village_name}</a></dd>
                    {map_link.map(|href| view! {
                        <dd><a href=href rel="noopener" target="_blank" class=LINK>{t!(i18n, budaya.open_map)}</a></dd>
                    })}
                </div>
                <div>
                    <dt class="font-semibold">{t!(i18n, budaya.organiser)}</dt>
                    <dd>{organiser_name}
                        {shop_name.zip(shop_slug).map(|(shop, shop_slug)| view! {
                            <a href=format!("/pasar/toko/{shop_slug}") class="ml-2 inline-flex min-h-9 items-center rounded-full bg-amber-100 px-3 text-xs font-semibold text-amber-900 underline">{t!(i18n, budaya.seller_badge)} ": " {shop}</a>
                        })}
                    </dd>
                </div>
                {opening_hours_id.map(|hours| view! {
                    <div><dt class="font-semibold">{t!(i18n, budaya.opening_hours)}</dt><dd><Localized id=hours en=opening_hours_en /></dd></div>
                })}
                {accessibility_id.map(|notes| view! {
                    <div><dt class="font-semibold">{t!(i18n, budaya.accessibility)}</dt><dd><Localized id=notes en=accessibility_en /></dd></div>
                })}
                {(!tags.is_empty()).then(|| view! {
                    <div class="flex flex-wrap gap-2">
                        {tags.into_iter().map(|tag| view! {
                            <a href=format!("/budaya?tag={tag}") class="inline-flex min-h-9 items-center rounded-full bg-stone-100 px-3 text-xs font-medium">{format!("#{tag}")}</a>
                        }).collect_view()}
                    </div>
                })}
            </dl>
            {(kind != EventKind::Tempat || has_sessions).then(|| view! {
                <section aria-labelledby="jadwal" id="jadwal">
                    <h2 id="jadwal-title" class="mb-2 text-lg font-bold">{t!(i18n, budaya.sessions_title)}</h2>
                    <SessionList slug=slug.clone() sessions />
                </section>
            })}
            {(!description_id.is_empty()).then(|| view! {
                <section class=CARD>
                    <h2 class="mb-1 font-bold">{t!(i18n, budaya.about)}</h2>
                    <p class="whitespace-pre-line"><Localized id=description_id en=description_en /></p>
                </section>
            })}
            <div class="flex flex-wrap gap-2">
                {has_sessions.then(|| view! {
                    <a href=format!("/budaya/ics/acara/{slug}.ics{lang}") class=BUTTON_SECONDARY download>{t!(i18n, budaya.add_to_calendar)}</a>
                })}
                <a href=whatsapp rel="noopener" target="_blank" class=BUTTON_SECONDARY>{t!(i18n, budaya.share_whatsapp)}</a>
            </div>
        </article>
    }
}

#[component]
fn SessionList(slug: String, sessions: Vec<SessionSlot>) -> impl IntoView {
    let i18n = use_i18n();
    if sessions.is_empty() {
        return Either::Left(
            view! { <p class="text-stone-600">{t!(i18n, budaya.no_sessions)}</p> },
        );
    }
    let locale = i18n.get_locale();
    let render = |session: SessionSlot| {
        let SessionSlot {
            id,
            starts_at,
            ends_at,
            capacity,
            seats_left,
            waiting,
            cancelled,
            started,
            my_ticket,
        } = session;
        let when = when_text(starts_at, ends_at, locale);
        // Seats are shown for every open session, also to someone who already has a ticket.
        let seats = match (cancelled || started, seats_left) {
            (false, Some(0)) => Some(Either::Left(view! {
                <p class="text-sm font-semibold text-amber-800" data-seats-left=0>{t!(i18n, budaya.full_waitlist_count, count = move || waiting)}</p>
            })),
            (false, Some(left)) => Some(Either::Right(view! {
                <p class="text-sm font-semibold text-teal-800" data-seats-left=left>{t!(i18n, budaya.seats_left, count = move || left)}</p>
            })),
            _ => None,
        };
        let action = match (cancelled, my_ticket, capacity) {
            (true, _, _) => EitherOf3::A(Either::Left(
                view! { <p class="font-semibold text-red-700">{t!(i18n, budaya.session_cancelled)}</p> },
            )),
            (false, None, _) if started => EitherOf3::A(Either::Right(
                view! { <p class="font-semibold text-teal-800">{t!(i18n, budaya.in_progress)}</p> },
            )),
            (false, Some(code), _) => EitherOf3::B(view! {
                <a href=format!("/tiket/{code}") class=format!("{BUTTON} mt-2")>{t!(i18n, budaya.see_my_ticket)}</a>
            }),
            (false, None, Some(capacity)) => {
                let full = seats_left == Some(0);
                let max_seats = crate::budaya::seats::max_seats_per_registration(capacity);
                let button = if full {
                    t_string!(i18n, budaya.join_waitlist)
                } else {
                    t_string!(i18n, budaya.register)
                }
                .to_string();
                EitherOf3::C(Some(view! {
                    <form method="get" action=format!("/budaya/acara/{slug}/daftar") class="mt-2 flex flex-wrap items-end gap-2">
                        <input type="hidden" name="sesi" value=id />
                        <div class="flex flex-col gap-1">
                            <label for=format!("kursi-{id}") class="text-sm font-medium">{t!(i18n, budaya.seats_label)}</label>
                            <select id=format!("kursi-{id}") name="kursi" class="min-h-12 rounded-lg border border-stone-300 bg-white px-3">
                                {(1..=max_seats).map(|n| view! { <option value=n>{n}</option> }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class=BUTTON>{button}</button>
                    </form>
                }))
            }
            (false, None, None) => EitherOf3::C(None),
        };
        let open_to_all = capacity.is_none() && !cancelled;
        view! {
            <li class=CARD>
                <p class="font-semibold"><time datetime=iso_utc(starts_at)>{when}</time></p>
                {open_to_all.then(|| view! { <p class="text-sm text-stone-600">{t!(i18n, budaya.open_to_all)}</p> })}
                {seats}
                {action}
            </li>
        }
    };
    // A weekly class has many dates: the next few are shown, the rest one tap away (no script needed).
    let mut sessions = sessions;
    let later = sessions.split_off(sessions.len().min(4));
    let later_count = later.len();
    Either::Right(view! {
        <ul role="list" class="flex flex-col gap-3">
            {sessions.into_iter().map(render).collect_view()}
        </ul>
        {(later_count > 0).then(|| view! {
            <details class="mt-3">
                <summary class=format!("{BUTTON_SECONDARY} w-full cursor-pointer")>{t!(i18n, budaya.all_sessions, count = move || later_count + 4)}</summary>
                <ul role="list" class="mt-3 flex flex-col gap-3">
                    {later.into_iter().map(render).collect_view()}
                </ul>
            </details>
        })}
    })
}

/// `/budaya/acara/{slug}/daftar?sesi=…&kursi=…`: confirm the registration; a visitor signs in (or
/// signs up) right here and comes back to the same choice.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let map = use_query_map();
    let (session_id, seats) = {
        let map = map.read_untracked();
        (
            map.get("sesi")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or_default(),
            map.get("kursi")
                .and_then(|n| n.parse::<i64>().ok())
                .unwrap_or(1)
                .clamp(1, 10),
        )
    };
    let action = ServerAction::<RegisterForSession>::new();
    let error = last_error(action.value());
    let page = Resource::new(move || slug.clone(), get_listing);
    view! {
        <PageTitle text=move || t_string!(i18n, budaya.register_title).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
            {move || Suspend::new(async move {
                let page = match page.await {
                    Ok(page) => page,
                    Err(error) => return EitherOf4::A(view! { <NotFoundOr error /> }),
                };
                let Some(session) = page.sessions.iter().find(|session| session.id == session_id).cloned() else {
                    return EitherOf4::A(view! { <NotFoundOr error=crate::error::AppError::NotFound /> });
                };
                let locale = i18n.get_locale();
                let slug = page.listing.slug.clone();
                let summary = view! {
                    <a href=format!("/budaya/acara/{slug}") class=LINK>{pick(locale, &page.listing.title_id, page.listing.title_en.as_deref()).text}</a>
                    <p class="font-semibold">{when_text(session.starts_at, session.ends_at, locale)}</p>
                    <p class="text-sm text-stone-600">{page.listing.venue.clone()} " · " {page.listing.village_name.clone()} " · " {price_text(i18n, page.listing.price_rupiah)}</p>
                };
                if !page.signed_in {
                    let next = format!("/budaya/acara/{slug}/daftar?sesi={session_id}&kursi={seats}");
                    return EitherOf4::B(view! {
                        <div class="mx-auto max-w-md">
                            <h1 class="text-2xl font-bold">{t!(i18n, budaya.register_title)}</h1>
                            <div class=format!("{CARD} mt-3")>{summary}</div>
                            <p class="mb-2 mt-4 text-stone-700">{t!(i18n, budaya.sign_in_to_register)}</p>
                            <div class=CARD><SignInForm next /></div>
                        </div>
                    });
                }
                if session.started || session.cancelled || session.capacity.is_none() {
                    return EitherOf4::D(view! {
                        <div class="mx-auto max-w-md">
                            <h1 class="text-2xl font-bold">{t!(i18n, budaya.register_title)}</h1>
                            <div class=format!("{CARD} mt-3")>{summary}</div>
                            <p role="alert" class="mt-3 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, fields.session_not_open)}</p>
                        </div>
                    });
                }
                let full = session.seats_left == Some(0);
                let max_seats = crate::budaya::seats::max_seats_per_registration(session.capacity.unwrap_or(1));
                let seats_error = field_error_text(error, "seats");
                let session_error = field_error_text(error, "session_id");
                EitherOf4::C(view! {
                    <div class="mx-auto max-w-md">
                        <h1 class="text-2xl font-bold">{t!(i18n, budaya.register_title)}</h1>
                        <div class=format!("{CARD} mt-3")>{summary}</div>
                        {session.my_ticket.clone().map(|code| view! {
                            <p class="mt-3"><a href=format!("/tiket/{code}") class=LINK>{t!(i18n, budaya.see_my_ticket)}</a></p>
                        })}
                        {full.then(|| view! { <p class="mt-3 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, budaya.full_explained)}</p> })}
                        <ActionForm action attr:class=format!("{CARD} mt-3 flex flex-col gap-3")>
                            <input type="hidden" name="session_id" value=session_id />
                            <div class="flex flex-col gap-1">
                                <label for="f-seats" class="font-medium">{t!(i18n, budaya.seats_label)}</label>
                                <select id="f-seats" name="seats" class=SELECT aria-describedby="f-seats-error">
                                    {(1..=max_seats).map(|n| view! { <option value=n selected=(n == seats).then_some("")>{n}</option> }).collect_view()}
                                </select>
                                <p id="f-seats-error" role="alert" class="text-sm font-medium text-red-700">{seats_error}</p>
                            </div>
                            <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{session_error}</p>
                            <FormError error />
                            <SubmitButton label=Signal::derive(move || if full { t_string!(i18n, budaya.join_waitlist) } else { t_string!(i18n, budaya.confirm_registration) }.to_string()) />
                        </ActionForm>
                    </div>
                })
            })}
        </Suspense>
    }
}
