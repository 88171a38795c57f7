//! The scorecard pages: a village's (`/desa/{slug}/skor`), a kecamatan's (`/kecamatan/{code}/skor`)
//! and the regency's (`/skor`). Each draws its chart as inline SVG and says the same in text beside it.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::chart::{bar_percent, ring_segment};
use super::{Criterion, CriterionResult, Fact, Level, RollUp, Unit, VillageScore};
use crate::format::long_date;
use crate::i18n::*;
use crate::ui::feedback::CardsLoading;
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{CARD, LINK};

pub fn criterion_label(i18n: leptos_i18n::I18nContext<Locale>, criterion: Criterion) -> String {
    match criterion {
        Criterion::PublicServices => t_string!(i18n, skor.criterion.layanan),
        Criterion::Economy => t_string!(i18n, skor.criterion.ekonomi),
        Criterion::Health => t_string!(i18n, skor.criterion.kesehatan),
        Criterion::EducationCulture => t_string!(i18n, skor.criterion.pendidikan_budaya),
        Criterion::HumanCapacity => t_string!(i18n, skor.criterion.sdm),
        Criterion::Poverty => t_string!(i18n, skor.criterion.kemiskinan),
        Criterion::LegalInformation => t_string!(i18n, skor.criterion.hukum),
    }
    .to_string()
}

fn level_label(i18n: leptos_i18n::I18nContext<Locale>, level: Level) -> String {
    match level {
        Level::Full => t_string!(i18n, skor.level.penuh),
        Level::Developing => t_string!(i18n, skor.level.berkembang),
        Level::Starting => t_string!(i18n, skor.level.rintisan),
    }
    .to_string()
}

fn level_colour(level: Level) -> &'static str {
    match level {
        Level::Full => "bg-teal-100 text-teal-900",
        Level::Developing => "bg-amber-100 text-amber-900",
        Level::Starting => "bg-stone-200 text-stone-800",
    }
}

fn fact_label(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> String {
    match code {
        "requests_finished" => t_string!(i18n, skor.fact.requests_finished),
        "on_time" => t_string!(i18n, skor.fact.on_time),
        "rating" => t_string!(i18n, skor.fact.rating),
        "active_shops" => t_string!(i18n, skor.fact.active_shops),
        "completed_orders" => t_string!(i18n, skor.fact.completed_orders),
        "health_sessions" => t_string!(i18n, skor.fact.health_sessions),
        "culture_sessions" => t_string!(i18n, skor.fact.culture_sessions),
        "check_ins" => t_string!(i18n, skor.fact.check_ins),
        "certificates" => t_string!(i18n, skor.fact.certificates),
        "sktm_issued" => t_string!(i18n, skor.fact.sktm_issued),
        "bansos_age" => t_string!(i18n, skor.fact.bansos_age),
        "legal_documents" => t_string!(i18n, skor.fact.legal_documents),
        _ => "",
    }
    .to_string()
}

/// "12", "80 %", "4,5", "20 hari" — and "—" when there is nothing to measure.
fn fact_value(i18n: leptos_i18n::I18nContext<Locale>, unit: Unit, value: Option<i64>) -> String {
    let Some(value) = value else {
        return "—".into();
    };
    match unit {
        Unit::Count => value.to_string(),
        Unit::Percent => format!("{value} %"),
        Unit::Tenths => {
            let separator = if i18n.get_locale() == Locale::id {
                ','
            } else {
                '.'
            };
            format!("{}{separator}{}", value / 10, value % 10)
        }
        Unit::Days => format!("{value} {}", t_string!(i18n, skor.days_unit)),
    }
}

fn target_text(i18n: leptos_i18n::I18nContext<Locale>, fact: &Fact) -> String {
    let target = fact_value(i18n, fact.unit, Some(fact.target));
    if fact.at_most {
        format!("{} {target}", t_string!(i18n, skor.target_at_most))
    } else {
        format!("{} {target}", t_string!(i18n, skor.target_at_least))
    }
}

/// The ring: one segment per criterion, in its colour when met, pale when not; the count in the middle.
#[component]
fn Ring(met: Vec<(Criterion, bool)>, met_count: usize) -> impl IntoView {
    let count = met.len();
    view! {
        <svg viewBox="0 0 200 200" class="h-44 w-44 shrink-0" aria-hidden="true" data-ring="">
            {met.into_iter().enumerate().map(|(index, (criterion, met))| view! {
                <path d=ring_segment(index, count) fill=criterion.colour() fill-opacity=if met { "1" } else { "0.15" }
                    data-criterion=criterion.code() data-met=met.to_string() />
            }).collect_view()}
            <text x="100" y="112" text-anchor="middle" font-size="36" font-weight="700" fill="#1c1917">{format!("{met_count}/{count}")}</text>
        </svg>
    }
}

/// The window as "1 September – 30 November 2026".
#[component]
fn WindowNote(since: i64, until: i64) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let from = long_date(since, locale);
    let to = long_date(until, locale);
    view! { <p class="text-sm text-stone-600">{t!(i18n, skor.window, from = move || from.clone(), to = move || to.clone())}</p> }
}

/// `/desa/{slug}/skor`.
#[component]
pub fn VillageScorePage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let score = Resource::new(move || slug.clone(), super::get_village_score);
    view! {
        <PageTitle text=move || t_string!(i18n, skor.title).to_string() />
        <leptos_meta::Meta name="description" content=t_string!(i18n, skor.intro).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match score.await {
                    Ok(score) => Either::Left(view! { <VillageScoreView score /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VillageScoreView(score: VillageScore) -> impl IntoView {
    let i18n = use_i18n();
    let VillageScore {
        slug,
        name,
        kecamatan_code,
        kecamatan_name,
        criteria,
        level,
        met_count,
        since,
        until,
    } = score;
    let ring: Vec<(Criterion, bool)> = criteria
        .iter()
        .map(|result| (result.criterion, result.met))
        .collect();
    view! {
        <nav aria-label=move || t_string!(i18n, ui.breadcrumb).to_string() class="flex flex-wrap gap-x-4 text-sm">
            <a href=format!("/desa/{slug}") class=LINK>{name.clone()}</a>
            <a href=format!("/kecamatan/{kecamatan_code}/skor") class=LINK>{t!(i18n, skor.kecamatan_link, name = move || kecamatan_name.clone())}</a>
        </nav>
        <h1 class="text-2xl font-bold">{t!(i18n, skor.title)} " · " {name}</h1>
        <WindowNote since until />
        <div class="mt-4 flex flex-wrap items-center gap-4">
            <Ring met=ring met_count />
            <div>
                <p class=format!("inline-block rounded-full px-3 py-1 font-semibold {}", level_colour(level)) data-level=level.code()>{level_label(i18n, level)}</p>
                <p class="mt-2" data-met-count=met_count.to_string()>{t!(i18n, skor.met_summary, met = move || met_count)}</p>
                <p class="mt-1 max-w-prose text-sm text-stone-600">{t!(i18n, skor.levels_explained)}</p>
            </div>
        </div>
        <ul role="list" class="mt-4 flex flex-col gap-3">
            {criteria.into_iter().map(|result| view! { <CriterionCard result /> }).collect_view()}
        </ul>
    }
}

#[component]
fn CriterionCard(result: CriterionResult) -> impl IntoView {
    let i18n = use_i18n();
    let criterion = result.criterion;
    view! {
        <li class=CARD data-criterion=criterion.code() data-met=result.met.to_string()>
            <h2 class="flex items-center justify-between gap-2 font-bold">
                <span class="flex items-center gap-2">
                    <span class="inline-block h-3 w-3 rounded-full" style=format!("background: {}", criterion.colour()) aria-hidden="true"></span>
                    {criterion_label(i18n, criterion)}
                </span>
                <span class=if result.met { "rounded-full bg-teal-100 px-2 py-0.5 text-sm text-teal-900" } else { "rounded-full bg-stone-200 px-2 py-0.5 text-sm text-stone-800" }>
                    {if result.met { t_string!(i18n, skor.met).to_string() } else { t_string!(i18n, skor.not_met).to_string() }}
                </span>
            </h2>
            <dl class="mt-2 flex flex-col gap-1 text-sm">
                {result.facts.into_iter().map(|fact| {
                    let target = target_text(i18n, &fact);
                    view! {
                        <div class="flex flex-wrap justify-between gap-x-2">
                            <dt>{fact_label(i18n, &fact.code)}</dt>
                            <dd>
                                <span class="font-semibold" data-fact=fact.code.clone()>{fact_value(i18n, fact.unit, fact.value)}</span>
                                <span class="text-stone-600">" (" {target} ")"</span>
                                {(!fact.met).then(|| view! { <span class="sr-only">{t!(i18n, skor.not_met)}</span> })}
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </li>
    }
}

/// `/kecamatan/{code}/skor`.
#[component]
pub fn KecamatanScorePage() -> impl IntoView {
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let roll_up = Resource::new(move || code.clone(), super::get_kecamatan_score);
    view! { <RollUpPage roll_up /> }
}

/// `/skor`: every village of the regency.
#[component]
pub fn RegencyScorePage() -> impl IntoView {
    let roll_up = Resource::new(|| (), |_| super::get_regency_score());
    view! { <RollUpPage roll_up /> }
}

#[component]
fn RollUpPage(roll_up: Resource<Result<RollUp, crate::error::AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=move || t_string!(i18n, skor.title).to_string() />
        <leptos_meta::Meta name="description" content=t_string!(i18n, skor.intro).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || Suspend::new(async move {
                match roll_up.await {
                    Ok(roll_up) => Either::Left(view! { <RollUpView roll_up /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RollUpView(roll_up: RollUp) -> impl IntoView {
    let i18n = use_i18n();
    let RollUp {
        kecamatan,
        kecamatan_rows,
        villages,
        meeting,
        levels,
        since,
        until,
    } = roll_up;
    let total: usize = levels.iter().sum();
    let is_regency = kecamatan.is_none();
    let heading = match kecamatan {
        Some((_, name)) => {
            Either::Left(t!(i18n, skor.kecamatan_title, name = move || name.clone()))
        }
        None => Either::Right(t!(i18n, skor.regency_title)),
    };
    let level_rows = [Level::Full, Level::Developing, Level::Starting]
        .into_iter()
        .zip(levels)
        .collect::<Vec<_>>();
    view! {
        {(!is_regency).then(|| view! { <nav class="text-sm"><a href="/skor" class=LINK>{t!(i18n, skor.regency_title)}</a></nav> })}
        <h1 class="text-2xl font-bold">{heading}</h1>
        <WindowNote since until />
        <p class="mt-1 max-w-prose text-stone-600">{t!(i18n, skor.intro)}</p>
        <section class=format!("{CARD} mt-4") aria-labelledby="tingkat">
            <h2 id="tingkat" class="font-bold">{t!(i18n, skor.by_level, count = move || total)}</h2>
            // One stacked bar of the three levels, with the counts as text under it.
            <div class="mt-2 flex h-6 w-full overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
                {level_rows.iter().map(|(level, count)| view! {
                    <div class=format!("h-full {}", match level { Level::Full => "bg-teal-600", Level::Developing => "bg-amber-500", Level::Starting => "bg-stone-400" })
                        style=format!("width: {:.1}%", bar_percent(*count, total))></div>
                }).collect_view()}
            </div>
            <ul class="mt-2 flex flex-wrap gap-x-4 text-sm">
                {level_rows.into_iter().map(|(level, count)| view! {
                    <li data-level-count=level.code() class="flex items-center gap-1">
                        <span class=format!("inline-block h-3 w-3 rounded-full {}", match level { Level::Full => "bg-teal-600", Level::Developing => "bg-amber-500", Level::Starting => "bg-stone-400" }) aria-hidden="true"></span>
                        {level_label(i18n, level)} ": " <span class="font-semibold">{count}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class=format!("{CARD} mt-4") aria-labelledby="per-kriteria">
            <h2 id="per-kriteria" class="font-bold">{t!(i18n, skor.by_criterion)}</h2>
            <ul class="mt-2 flex flex-col gap-2">
                {Criterion::ALL.into_iter().zip(meeting).map(|(criterion, count)| view! {
                    <li class="text-sm">
                        <span class="flex justify-between gap-2"><span>{criterion_label(i18n, criterion)}</span><span class="font-semibold" data-meeting=criterion.code()>{format!("{count} / {total}")}</span></span>
                        <span class="mt-1 block h-3 w-full rounded-full bg-stone-100" aria-hidden="true">
                            <span class="block h-full rounded-full" style=format!("width: {:.1}%; background: {}", bar_percent(count, total), criterion.colour())></span>
                        </span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {is_regency.then(|| view! {
            <section class="mt-4" aria-labelledby="per-kecamatan">
                <h2 id="per-kecamatan" class="mb-2 text-lg font-bold">{t!(i18n, skor.kecamatan_nav)}</h2>
                <ul role="list" class="flex flex-col gap-2">
                    {kecamatan_rows.into_iter().map(|row| {
                        let [full, developing, starting] = row.levels;
                        view! {
                            <li>
                                <a href=format!("/kecamatan/{}/skor", row.code) class=format!("{CARD} flex flex-col gap-2 hover:border-teal-600") data-kecamatan=row.code.clone()>
                                    <span class="flex justify-between gap-2">
                                        <span class="font-semibold">{row.name}</span>
                                        <span class="text-sm text-stone-600">{format!("{full} · {developing} · {starting}")}</span>
                                    </span>
                                    <span class="flex h-3 w-full overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
                                        <span class="h-full bg-teal-600" style=format!("width: {:.1}%", bar_percent(full, row.villages))></span>
                                        <span class="h-full bg-amber-500" style=format!("width: {:.1}%", bar_percent(developing, row.villages))></span>
                                        <span class="h-full bg-stone-400" style=format!("width: {:.1}%", bar_percent(starting, row.villages))></span>
                                    </span>
                                    <span class="sr-only">
                                        {level_label(i18n, Level::Full)} " " {full} ", " {level_label(i18n, Level::Developing)} " " {developing} ", "
                                        {level_label(i18n, Level::Starting)} " " {starting}
                                    </span>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!is_regency).then(|| view! {
        <section class="mt-4" aria-labelledby="per-desa">
            <h2 id="per-desa" class="mb-2 text-lg font-bold">{t!(i18n, skor.by_village)}</h2>
            <ul role="list" class="flex flex-col gap-2">
                {villages.into_iter().map(|village| view! {
                    <li>
                        <a href=format!("/desa/{}/skor", village.slug) class=format!("{CARD} flex items-center justify-between gap-3 hover:border-teal-600") data-village=village.slug.clone()>
                            <span class="flex flex-col">
                                <span class="font-semibold">{village.name}</span>
                                <span class="text-sm text-stone-600">{t!(i18n, skor.met_summary, met = move || village.met_count)}</span>
                            </span>
                            <span class="flex items-center gap-2">
                                <span class="flex gap-0.5" aria-hidden="true">
                                    {Criterion::ALL.into_iter().zip(village.met).map(|(criterion, met)| view! {
                                        <span class="inline-block h-4 w-2 rounded-sm" style=format!("background: {}; opacity: {}", criterion.colour(), if met { "1" } else { "0.15" })></span>
                                    }).collect_view()}
                                </span>
                                <span class=format!("rounded-full px-2 py-0.5 text-sm font-semibold {}", level_colour(village.level)) data-level=village.level.code()>{level_label(i18n, village.level)}</span>
                            </span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        })}
    }
}
