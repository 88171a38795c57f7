//! A service's page: what it needs, and the request form with its typed answers and visit slot.

use crate::akun::sign_in_instead;
use crate::error::AppError;
use crate::format::{long_date, time_of_day};
use crate::i18n::*;
use crate::layanan::{get_service, FieldKind, FormField, ServicePage, SlotChoice, SubmitRequest};
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{field_error_text, last_error, FormError, SubmitButton};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{BUTTON_SECONDARY, CARD, LINK, SELECT};
use crate::ui::text::{pick, Localized};
use leptos::either::{Either, EitherOf3, EitherOf4};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A form field as the service defines it; `value` pre-fills it (a correction after a revision).
#[component]
pub(super) fn AnswerField(
    field: FormField,
    value: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let name = format!("answers[{}]", field.name);
    let id = format!("f-{}", field.name);
    let label = pick(locale, &field.label_id, field.label_en.as_deref()).text;
    let error_field = name.clone();
    let message = move || {
        error.get().and_then(|error| {
            error
                .field_code(&error_field)
                .map(|code| crate::ui::form::field_message(i18n, code))
        })
    };
    let control = match field.kind {
        FieldKind::Select => EitherOf3::A(view! {
            <select id=id.clone() name=name.clone() required=field.required class=SELECT>
                <option value="">"—"</option>
                {field.options.iter().map(|option| view! {
                    <option value=option.clone() selected=(*option == value).then_some("")>{option.clone()}</option>
                }).collect_view()}
            </select>
        }),
        FieldKind::Date => EitherOf3::B(view! {
            <input id=id.clone() name=name.clone() type="date" value=value.clone() required=field.required class=SELECT />
        }),
        _ => EitherOf3::C(view! {
            <input id=id.clone() name=name.clone() value=value.clone() required=field.required
                inputmode=(field.kind == FieldKind::Number).then_some("numeric") class=SELECT />
        }),
    };
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="font-medium">{label}</label>
            {control}
            <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{message}</p>
        </div>
    }
}

/// `/layanan/{village}/{service}`.
#[component]
pub fn ServicePageView() -> impl IntoView {
    let params = use_params_map();
    let (village, slug) = {
        let params = params.read_untracked();
        (
            params.get("village").unwrap_or_default(),
            params.get("service").unwrap_or_default(),
        )
    };
    let page = Resource::new(
        move || (village.clone(), slug.clone()),
        |(village, slug)| get_service(village, slug),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => Either::Left(view! { <ServiceDetail page /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ServiceDetail(page: ServicePage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let submit = ServerAction::<SubmitRequest>::new();
    let error = last_error(submit.value());
    let slot_error = field_error_text(error, "slot");
    let title = pick(locale, &page.name_id, page.name_en.as_deref()).text;
    let page_title = title.clone();
    let requirements = if locale == Locale::en && !page.requirements_en.is_empty() {
        page.requirements_en.clone()
    } else {
        page.requirements_id.clone()
    };
    let next = format!("/layanan/{}/{}", page.village_slug, page.slug);
    // Search results and shared links show what the service is and where: the first words of its
    // description after the village's name.
    let description = pick(locale, &page.description_id, page.description_en.as_deref()).text;
    let meta_description: String = format!("{} · {}", page.village_name, description)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(160)
        .collect();
    let documents: Vec<FormField> = page
        .fields
        .iter()
        .filter(|field| field.kind == FieldKind::File)
        .cloned()
        .collect();
    view! {
        <PageTitle text=move || page_title.clone() />
        <leptos_meta::Meta name="description" content=meta_description />
        <nav class="text-sm"><a href="/layanan" class=LINK>{t!(i18n, layanan.title)}</a></nav>
        <h1 class="text-2xl font-bold"><Localized id=page.name_id.clone() en=page.name_en.clone() /></h1>
        <p class="text-stone-600">{page.village_name.clone()}
            {page.needs_camat.then(|| view! { " · " <span class="font-semibold text-indigo-800">{t!(i18n, layanan.camat_signs)}</span> })}
        </p>
        <p class="mt-2 max-w-prose whitespace-pre-line"><Localized id=page.description_id.clone() en=page.description_en.clone() /></p>
        {(!requirements.is_empty()).then(|| view! {
            <section class=format!("{CARD} mt-4") aria-labelledby="syarat">
                <h2 id="syarat" class="font-bold">{t!(i18n, layanan.requirements)}</h2>
                <ul class="mt-1 list-disc pl-5">
                    {requirements.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </section>
        })}
        {if page.lives_elsewhere {
            EitherOf4::A(view! {
                <p role="status" class="mt-4 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, fields.letters_from_home_village)}</p>
            })
        } else if page.needs_verification {
            EitherOf4::D(view! {
                <p role="status" class="mt-4 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, layanan.verify_first)}</p>
                <a href="/akun" class=format!("{BUTTON_SECONDARY} mt-2")>{t!(i18n, layanan.verify_first_link)}</a>
            })
        } else if page.signed_in {
            EitherOf4::B(view! {
                <ActionForm action=submit attr:class=format!("{CARD} mt-4 flex flex-col gap-3")>
                    <h2 class="font-bold">{t!(i18n, layanan.fill_form)}</h2>
                    <input type="hidden" name="village" value=page.village_slug.clone() />
                    <input type="hidden" name="service" value=page.slug.clone() />
                    {page.fields.iter().filter(|field| field.kind != FieldKind::File).map(|field| view! {
                        <AnswerField field=field.clone() value=String::new() error />
                    }).collect_view()}
                    {page.needs_slot.then(|| view! {
                        <div class="flex flex-col gap-1">
                            <label for="f-slot" class="font-medium">{t!(i18n, layanan.visit_slot)}</label>
                            <super::SlotPicker
                                village=page.village_slug.clone()
                                service=page.slug.clone()
                                options=page.slots.iter().map(|slot| super::SlotOption::of(slot, slot_when(slot.starts_at, locale))).collect()
                                places_template=t_string!(i18n, layanan.places_left).to_string()
                                full=t_string!(i18n, fields.slot_full).to_string()
                            />
                            {page.slots.is_empty().then(|| view! { <p class="text-sm text-amber-800">{t!(i18n, layanan.no_free_slots)}</p> })}
                            <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{slot_error}</p>
                        </div>
                    })}
                    {(!documents.is_empty()).then(|| view! {
                        <div class="rounded-lg bg-stone-50 p-3 text-sm">
                            <p>{t!(i18n, layanan.documents_after_submit)}</p>
                            <ul class="mt-1 list-disc pl-5">
                                {documents.iter().map(|field| view! { <li>{pick(locale, &field.label_id, field.label_en.as_deref()).text}</li> }).collect_view()}
                            </ul>
                        </div>
                    })}
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{field_error_text(error, "village")}</p>
                    <FormError error />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, layanan.submit).to_string()) />
                </ActionForm>
            })
        } else {
            EitherOf4::C(view! {
                <p class="mt-4 text-stone-600">{t!(i18n, layanan.sign_in_to_request)}</p>
                {sign_in_instead(next)}
            })
        }}
    }
}

/// The free slots as a select named `slot`, each with the places left.
#[component]
pub(super) fn SlotSelect(slots: Vec<SlotChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    view! {
        <select id="f-slot" name="slot" required class=SELECT>
            {slots.into_iter().map(|slot| {
                let label = format!("{} · {}", slot_when(slot.starts_at, locale),
                    t_string!(i18n, layanan.places_left).replace("{count}", &slot.places_left.to_string()));
                view! { <option value=slot.starts_at>{label}</option> }
            }).collect_view()}
        </select>
    }
}

/// A slot's day and time in words ("Senin, 1 Desember 2026 08.00").
fn slot_when(starts_at: i64, locale: Locale) -> String {
    format!(
        "{} {}",
        long_date(starts_at, locale),
        time_of_day(starts_at, locale)
    )
}
