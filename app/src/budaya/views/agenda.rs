//! The agenda (`/budaya`) with its filters and feeds, the event cards, and the month calendar.

use crate::budaya::{
    get_agenda, get_month_calendar, list_upcoming_events, Agenda, AgendaQuery, EventCard, EventKind,
};
use crate::format::{iso_utc, long_date, rupiah, time_of_day};
use crate::i18n::*;
use crate::kernel::dates::CivilDate;
use crate::kernel::text::encode_query;
use crate::ui::feedback::{render_list, CardsLoading};
use crate::ui::layout::{PageHeader, PageTitle};
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};
use crate::ui::text::Localized;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The translated name of a kind.
pub fn kind_label(i18n: leptos_i18n::I18nContext<Locale>, kind: EventKind) -> String {
    match kind {
        EventKind::Festival => t_string!(i18n, budaya.kind.festival),
        EventKind::Pertunjukan => t_string!(i18n, budaya.kind.pertunjukan),
        EventKind::Kelas => t_string!(i18n, budaya.kind.kelas),
        EventKind::Tempat => t_string!(i18n, budaya.kind.tempat),
        EventKind::Program => t_string!(i18n, budaya.kind.program),
        EventKind::Kesehatan => t_string!(i18n, budaya.kind.kesehatan),
    }
    .to_string()
}

/// `Sabtu, 28 November 2026 · 09.00–12.00 WIB`, or a date range for what spans days.
pub fn when_text(starts_at: i64, ends_at: i64, locale: Locale) -> String {
    let same_day = CivilDate::of_unix_wib(starts_at) == CivilDate::of_unix_wib(ends_at - 1);
    if same_day {
        let end = time_of_day(ends_at, locale);
        let start = time_of_day(starts_at, locale);
        format!(
            "{} · {}–{}",
            long_date(starts_at, locale),
            start.trim_end_matches(" WIB"),
            end
        )
    } else {
        format!(
            "{} {} – {} {}",
            long_date(starts_at, locale),
            time_of_day(starts_at, locale).trim_end_matches(" WIB"),
            long_date(ends_at, locale),
            time_of_day(ends_at, locale)
        )
    }
}

pub fn price_text(i18n: leptos_i18n::I18nContext<Locale>, price: i64) -> String {
    match price {
        0 => t_string!(i18n, ui.free).to_string(),
        amount => rupiah(amount, i18n.get_locale()),
    }
}

/// The agenda's address with these filters (empty ones left out).
pub fn agenda_href(query: &AgendaQuery) -> String {
    let page = if query.page > 1 {
        query.page.to_string()
    } else {
        String::new()
    };
    let pairs = [
        ("kapan", query.when.as_str()),
        ("dari", query.from.as_str()),
        ("sampai", query.to.as_str()),
        ("jenis", query.kind.as_str()),
        ("tag", query.tag.as_str()),
        ("desa", query.village.as_str()),
        ("biaya", query.cost.as_str()),
        ("q", query.q.as_str()),
        ("hal", page.as_str()),
    ];
    let encoded: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode_query(value)))
        .collect();
    if encoded.is_empty() {
        "/budaya".to_string()
    } else {
        format!("/budaya?{}", encoded.join("&"))
    }
}

fn query_from_url() -> AgendaQuery {
    let map = use_query_map();
    let map = map.read_untracked();
    let text = |name: &str| {
        map.get(name)
            .unwrap_or_default()
            .trim()
            .chars()
            .take(100)
            .collect::<String>()
    };
    AgendaQuery {
        when: text("kapan"),
        from: text("dari"),
        to: text("sampai"),
        kind: text("jenis"),
        tag: text("tag"),
        village: text("desa"),
        cost: text("biaya"),
        q: text("q"),
        shop: String::new(),
        page: text("hal").parse().unwrap_or(1).max(1),
    }
}

#[component]
pub fn BudayaPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = query_from_url();
    let agenda = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        get_agenda,
    );
    let quick = |when: &str| {
        agenda_href(&AgendaQuery {
            when: when.to_string(),
            page: 1,
            from: String::new(),
            to: String::new(),
            ..query.clone()
        })
    };
    let current_when = query.when.clone();
    let quick_links = [
        ("", quick(""), t_string!(i18n, budaya.when_all).to_string()),
        (
            "hari-ini",
            quick("hari-ini"),
            t_string!(i18n, budaya.when_today).to_string(),
        ),
        (
            "akhir-pekan",
            quick("akhir-pekan"),
            t_string!(i18n, budaya.when_weekend).to_string(),
        ),
        (
            "bulan-ini",
            quick("bulan-ini"),
            t_string!(i18n, budaya.when_month).to_string(),
        ),
    ];
    view! {
        <PageHeader
            title=move || t_string!(i18n, budaya.title).to_string()
            intro=move || t_string!(i18n, budaya.description).to_string()
        />
        <nav data-live="kapan" aria-label=move || t_string!(i18n, budaya.when_label).to_string() class="-mx-1 mb-3 flex gap-2 overflow-x-auto px-1 pb-1">
            {quick_links.into_iter().map(|(when, href, label)| {
                let current = when == current_when;
                view! {
                    <a href=href aria-current=current.then_some("page")
                        class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                        {label}
                    </a>
                }
            }).collect_view()}
            <a href="/budaya/kalender" class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold">
                {t!(i18n, budaya.calendar)}
            </a>
        </nav>
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    match agenda.await {
                        Ok(agenda) => Either::Left(view! { <AgendaView agenda query /> }),
                        Err(error) => Either::Right(view! { <crate::ui::feedback::ErrorNotice error /> }),
                    }
                })
            }}
        </Suspense>
        <FeedLinks />
    }
}

#[component]
fn AgendaView(agenda: Agenda, query: AgendaQuery) -> impl IntoView {
    let i18n = use_i18n();
    let Agenda {
        sessions,
        places,
        has_more,
        ignored,
        villages,
        tags,
        ..
    } = agenda;
    let next_page = has_more.then(|| {
        agenda_href(&AgendaQuery {
            page: query.page.max(1) + 1,
            ..query.clone()
        })
    });
    let previous_page = (query.page > 1).then(|| {
        agenda_href(&AgendaQuery {
            page: query.page - 1,
            ..query.clone()
        })
    });
    let filtered = query
        != AgendaQuery {
            page: query.page,
            ..AgendaQuery::default()
        };
    // Sessions grouped under the WIB day they start.
    let mut days: Vec<(i64, Vec<EventCard>)> = Vec::new();
    for session in sessions {
        let day = CivilDate::of_unix_wib(session.starts_at).days();
        match days.last_mut() {
            Some((last, group)) if *last == day => group.push(session),
            _ => days.push((day, vec![session])),
        }
    }
    let no_sessions = days.is_empty();
    let show_places = !places.is_empty();
    view! {
        <crate::ui::live_search::LiveSearch>
            <AgendaFilters query=query.clone() villages tags />
        </crate::ui::live_search::LiveSearch>
        // What live search swaps in as the visitor types (see `ui::live_search`).
        <div data-live="hasil">
        {(!ignored.is_empty()).then(|| view! {
            <p role="status" class="mb-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t!(i18n, budaya.filter_ignored)}</p>
        })}
        {no_sessions.then(|| view! {
            <div class="rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
                <p class="font-medium">{t!(i18n, budaya.no_results)}</p>
                {filtered.then(|| view! {
                    <a href="/budaya" class=LINK>{t!(i18n, budaya.clear_filters)}</a>
                })}
                <a href="/budaya/kalender" class=format!("{LINK} ml-3")>{t!(i18n, budaya.calendar)}</a>
            </div>
        })}
        {days.into_iter().map(|(day, sessions)| {
            let date = CivilDate::from_days(day);
            let heading = long_date(date.at_wib(12 * 60), i18n.get_locale());
            let label = heading.clone();
            view! {
                <section class="mb-5" aria-label=label>
                    <h2 class="sticky top-0 z-10 -mx-4 mb-2 bg-stone-50/95 px-4 py-1 text-sm font-bold uppercase tracking-wide text-stone-600">{heading}</h2>
                    <ul role="list" class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                        {sessions.into_iter().map(|event| view! { <li class="flex"><EventCardView event /></li> }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
        <nav class="my-4 flex justify-between gap-2" aria-label=move || t_string!(i18n, budaya.pages).to_string()>
            {previous_page.map(|href| view! { <a href=href rel="prev" class=BUTTON_SECONDARY>{t!(i18n, budaya.previous_page)}</a> })}
            {next_page.map(|href| view! { <a href=href rel="next" class=format!("{BUTTON_SECONDARY} ml-auto")>{t!(i18n, budaya.next_page)}</a> })}
        </nav>
        {show_places.then(|| view! {
            <section class="mt-6" aria-labelledby="tempat">
                <h2 id="tempat" class="mb-2 text-lg font-bold">{t!(i18n, budaya.places_title)}</h2>
                <ul role="list" class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                    {places.into_iter().map(|event| view! { <li class="flex"><EventCardView event /></li> }).collect_view()}
                </ul>
            </section>
        })}
        </div>
    }
}

/// The filter form: a GET form, so it works without JavaScript and every result has a shareable URL.
#[component]
fn AgendaFilters(
    query: AgendaQuery,
    villages: Vec<(String, String)>,
    tags: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let selected = |current: &str, value: &str| (current == value).then_some("");
    let AgendaQuery {
        when,
        from,
        to,
        kind,
        tag,
        village,
        cost,
        q,
        ..
    } = query;
    let open_details = [&from, &to, &kind, &tag, &village, &cost]
        .iter()
        .any(|value| !value.is_empty());
    view! {
        <form method="get" action="/budaya" role="search" class=format!("{CARD} mb-4 flex flex-col gap-3")>
            <div class="flex gap-2">
                <label for="f-q" class="sr-only">{t!(i18n, budaya.search_label)}</label>
                <input id="f-q" name="q" type="search" value=q placeholder=move || t_string!(i18n, budaya.search_placeholder).to_string()
                    class="min-h-12 w-full rounded-lg border border-stone-300 px-3 text-base" />
                <button type="submit" class=BUTTON>{t!(i18n, budaya.search_button)}</button>
            </div>
            <details open=open_details>
                <summary class="flex min-h-11 cursor-pointer items-center font-semibold text-teal-800">{t!(i18n, budaya.more_filters)}</summary>
                <div class="mt-2 grid gap-3 sm:grid-cols-2">
                    <div class="flex flex-col gap-1">
                        <label for="f-kapan" class="font-medium">{t!(i18n, budaya.when_label)}</label>
                        <select id="f-kapan" name="kapan" class=SELECT>
                            <option value="" selected=selected(&when, "")>{t!(i18n, budaya.when_all)}</option>
                            <option value="hari-ini" selected=selected(&when, "hari-ini")>{t!(i18n, budaya.when_today)}</option>
                            <option value="akhir-pekan" selected=selected(&when, "akhir-pekan")>{t!(i18n, budaya.when_weekend)}</option>
                            <option value="bulan-ini" selected=selected(&when, "bulan-ini")>{t!(i18n, budaya.when_month)}</option>
                            <option value="tanggal" selected=selected(&when, "tanggal")>{t!(i18n, budaya.when_range)}</option>
                        </select>
                    </div>
                    <div class="grid grid-cols-2 gap-2">
                        <div class="flex flex-col gap-1">
                            <label for="f-dari" class="font-medium">{t!(i18n, budaya.from_date)}</label>
                            <input id="f-dari" name="dari" type="date" value=from class=SELECT />
                        </div>
                        <div class="flex flex-col gap-1">
                            <label for="f-sampai" class="font-medium">{t!(i18n, budaya.to_date)}</label>
                            <input id="f-sampai" name="sampai" type="date" value=to class=SELECT />
                        </div>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="f-jenis" class="font-medium">{t!(i18n, budaya.kind_label)}</label>
                        <select id="f-jenis" name="jenis" class=SELECT>
                            <option value="">{t!(i18n, budaya.all_kinds)}</option>
                            {EventKind::ALL.into_iter().map(|option| view! {
                                <option value=option.code() selected=selected(&kind, option.code())>{kind_label(i18n, option)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="f-desa" class="font-medium">{t!(i18n, budaya.village_label)}</label>
                        <select id="f-desa" name="desa" class=SELECT>
                            <option value="">{t!(i18n, budaya.all_villages)}</option>
                            {villages.into_iter().map(|(slug, name)| {
                                let is_selected = selected(&village, &slug);
                                view! { <option value=slug selected=is_selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="f-tag" class="font-medium">{t!(i18n, budaya.tag_label)}</label>
                        <select id="f-tag" name="tag" class=SELECT>
                            <option value="">{t!(i18n, budaya.all_tags)}</option>
                            {tags.into_iter().map(|option| {
                                let is_selected = selected(&tag, &option);
                                view! { <option value=option.clone() selected=is_selected>{format!("#{option}")}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <fieldset class="flex flex-col gap-1">
                        <legend class="font-medium">{t!(i18n, budaya.cost_label)}</legend>
                        <div class="flex flex-wrap gap-3">
                            <label class="inline-flex min-h-11 items-center gap-2"><input type="radio" name="biaya" value="" checked=selected(&cost, "") class="h-5 w-5" />{t!(i18n, budaya.cost_any)}</label>
                            <label class="inline-flex min-h-11 items-center gap-2"><input type="radio" name="biaya" value="gratis" checked=selected(&cost, "gratis") class="h-5 w-5" />{t!(i18n, ui.free)}</label>
                            <label class="inline-flex min-h-11 items-center gap-2"><input type="radio" name="biaya" value="berbayar" checked=selected(&cost, "berbayar") class="h-5 w-5" />{t!(i18n, budaya.cost_paid)}</label>
                        </div>
                    </fieldset>
                </div>
                <button type="submit" class=format!("{BUTTON} mt-3 w-full sm:w-auto")>{t!(i18n, budaya.apply_filters)}</button>
            </details>
        </form>
    }
}

/// Subscribe links for calendar apps.
#[component]
fn FeedLinks() -> impl IntoView {
    let i18n = use_i18n();
    let lang = match i18n.get_locale() {
        Locale::en => "?lang=en",
        Locale::id => "",
    };
    view! {
        <section class=format!("{CARD} mt-8") aria-labelledby="langganan">
            <h2 id="langganan" class="font-bold">{t!(i18n, budaya.feeds_title)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, budaya.feeds_intro)}</p>
            <ul class="mt-2 flex flex-wrap gap-x-4">
                {EventKind::ALL.into_iter().map(|kind| view! {
                    <li><a href=format!("/budaya/ics/jenis/{}.ics{lang}", kind.code()) class=LINK>{kind_label(i18n, kind)}</a></li>
                }).collect_view()}
            </ul>
            <p class="mt-1 text-sm text-stone-600">{t!(i18n, budaya.feeds_village_hint)}</p>
        </section>
    }
}

/// A short list of what's coming (home page and village pages).
#[component]
pub fn EventList(#[prop(optional)] village: Option<String>, limit: u32) -> impl IntoView {
    let events = Resource::new(
        move || village.clone(),
        move |village| list_upcoming_events(village, limit),
    );
    view! { <EventListOf events /> }
}

/// The list, from a resource the page made itself: a page that shows it inside another `Suspend` creates
/// the resource outside it, so a re-render of that `Suspend` does not fetch the list again.
#[component]
pub fn EventListOf(
    events: Resource<Result<Vec<EventCard>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || Suspend::new(async move {
                render_list(
                    events.await,
                    "grid gap-3 sm:grid-cols-2 lg:grid-cols-3",
                    move || view! { <p>{t!(i18n, budaya.empty)}</p> },
                    |event| view! { <EventCardView event /> },
                )
            })}
        </Suspense>
    }
}

#[component]
pub fn EventCardView(event: EventCard) -> impl IntoView {
    let i18n = use_i18n();
    let EventCard {
        slug,
        kind,
        title_id,
        title_en,
        summary_id,
        summary_en,
        venue,
        starts_at,
        ends_at,
        price_rupiah,
        village_name,
        seats_left,
        cancelled,
        photo,
        ..
    } = event;
    let locale = i18n.get_locale();
    let when = if kind == EventKind::Tempat {
        t_string!(i18n, budaya.place_open).to_string()
    } else {
        when_text(starts_at, ends_at, locale)
    };
    let availability = match (cancelled, seats_left) {
        (true, _) => Some(EitherOf3::A(
            view! { <p class="text-sm font-semibold text-red-700">{t!(i18n, budaya.session_cancelled)}</p> },
        )),
        (false, Some(0)) => Some(EitherOf3::B(
            view! { <p class="text-sm font-semibold text-amber-800">{t!(i18n, budaya.full_waitlist)}</p> },
        )),
        (false, Some(left)) => Some(EitherOf3::C(
            view! { <p class="text-sm font-semibold text-teal-800">{t!(i18n, budaya.seats_left, count = move || left)}</p> },
        )),
        (false, None) => None,
    };
    view! {
        <a href=format!("/budaya/acara/{slug}") class="flex w-full flex-col gap-2 rounded-xl border border-stone-200 bg-white p-4 hover:border-teal-600">
            {photo.map(|photo| view! {
                // Decorative here: the card's heading already names it.
                <crate::media::Thumbnail photo alt="" phone_width=640 wide_sizes="(min-width: 1024px) 30vw, 45vw" class="mb-1" />
            })}
            <span class="w-fit rounded bg-rose-50 px-1.5 py-0.5 text-xs font-medium text-rose-800">{kind_label(i18n, kind)}</span>
            <h3 class="font-semibold leading-snug"><Localized id=title_id en=title_en /></h3>
            <p class="text-sm font-medium text-teal-800">
                <time datetime=iso_utc(starts_at)>{when}</time>
            </p>
            <p class="text-sm text-stone-600"><Localized id=summary_id en=summary_en /></p>
            <p class="mt-auto text-xs text-stone-500">{venue} " · " {village_name} " · " {price_text(i18n, price_rupiah)}</p>
            {availability}
        </a>
    }
}

/// `/budaya/kalender?bulan=2026-12`: a month grid; each day with sessions links to that day's agenda.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    let map = use_query_map();
    let (month, kind, village) = {
        let map = map.read_untracked();
        let text = |name: &str| {
            map.get(name)
                .unwrap_or_default()
                .chars()
                .take(20)
                .collect::<String>()
        };
        (text("bulan"), text("jenis"), text("desa"))
    };
    let calendar = Resource::new(
        move || (month.clone(), kind.clone(), village.clone()),
        |(month, kind, village)| get_month_calendar(month, kind, village),
    );
    let weekdays = match i18n.get_locale() {
        Locale::id => ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
        Locale::en => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    };
    view! {
        <PageTitle text=move || t_string!(i18n, budaya.calendar).to_string() />
        <nav class="text-sm"><a href="/budaya" class=LINK>{t!(i18n, budaya.title)}</a></nav>
        <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
            {move || Suspend::new(async move {
                match calendar.await {
                    Err(error) => Either::Left(view! { <crate::ui::feedback::ErrorNotice error /> }),
                    Ok(calendar) => {
                        let first = CivilDate::parse(&calendar.days[0].date).unwrap_or(CivilDate { year: calendar.year, month: calendar.month, day: 1 });
                        let title = long_date(first.at_wib(12 * 60), i18n.get_locale())
                            .split(' ').skip(2).collect::<Vec<_>>().join(" ");
                        // Monday-first grid: blank cells before the 1st.
                        let leading = (first.weekday() + 6) % 7;
                        Either::Right(view! {
                            <h1 class="mt-2 text-2xl font-bold">{title}</h1>
                            <div class="my-3 flex justify-between">
                                <a href=format!("/budaya/kalender?bulan={}", calendar.previous) rel="prev" class=BUTTON_SECONDARY>{t!(i18n, budaya.previous_month)}</a>
                                <a href=format!("/budaya/kalender?bulan={}", calendar.next) rel="next" class=BUTTON_SECONDARY>{t!(i18n, budaya.next_month)}</a>
                            </div>
                            <div role="grid" class="grid grid-cols-7 gap-1 text-center">
                                {weekdays.into_iter().map(|day| view! { <div role="columnheader" class="py-1 text-xs font-bold text-stone-600">{day}</div> }).collect_view()}
                                {(0..leading).map(|_| view! { <div aria-hidden="true"></div> }).collect_view()}
                                {calendar.days.into_iter().map(|day| {
                                    let href = format!("/budaya?kapan=tanggal&dari={0}&sampai={0}", day.date);
                                    let label = format!("{}× {}", day.sessions, t_string!(i18n, budaya.events_word));
                                    let today = if day.is_today { " ring-2 ring-teal-700" } else { "" };
                                    if day.sessions > 0 {
                                        Either::Left(view! {
                                            <a role="gridcell" href=href aria-label=format!("{} {}: {label}", day.day, day.date)
                                                class=format!("flex min-h-12 flex-col items-center justify-center rounded-lg bg-teal-700 font-semibold text-white{today}")>
                                                <span>{day.day}</span>
                                                <span class="text-xs font-normal">{format!("{}×", day.sessions)}</span>
                                            </a>
                                        })
                                    } else {
                                        Either::Right(view! {
                                            <span role="gridcell" class=format!("flex min-h-12 items-center justify-center rounded-lg bg-white text-stone-500{today}")>{day.day}</span>
                                        })
                                    }
                                }).collect_view()}
                            </div>
                        })
                    }
                }
            })}
        </Suspense>
    }
}
