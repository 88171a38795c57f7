//! The catalogue editor's pages for village staff: the services and closed days
//! (`/desa/{slug}/katalog`) and one service's settings, form and hours (`/desa/{slug}/katalog/{service}`).
//! Plain forms posting to server functions; without JavaScript a save shows two more empty field rows.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::catalogue::clock_text;
use super::{
    get_catalogue, get_service_editor, AddClosedDate, Catalogue, FieldKind, RemoveClosedDate,
    SaveService, ServiceEditor, ServiceKind,
};
use crate::akun::signed_in_page;
use crate::i18n::*;
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{
    field_error_text, just_saved, last_error, Field, FormError, SubmitButton, TextArea,
};
use crate::ui::layout::PageTitle;
use crate::ui::style::{BUTTON_SECONDARY, CARD, LINK, SELECT, TEXTAREA};
use crate::ui::text::Localized;

fn weekday_name(i18n: leptos_i18n::I18nContext<Locale>, weekday: u32) -> &'static str {
    let names = match i18n.get_locale() {
        Locale::id => [
            "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
        ],
        Locale::en => [
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
        ],
    };
    names[weekday as usize % 7]
}

/// `/desa/{slug}/katalog`.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let next = format!("/desa/{slug}/katalog");
    let catalogue = Resource::new(move || slug.clone(), get_catalogue);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    signed_in_page(catalogue.await, next, move |catalogue| view! { <CatalogueView catalogue /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn CatalogueView(catalogue: Catalogue) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let add = ServerAction::<AddClosedDate>::new();
    let remove = ServerAction::<RemoveClosedDate>::new();
    let add_error = last_error(add.value());
    let remove_error = last_error(remove.value());
    let slug = catalogue.village_slug.clone();
    let console = format!("/desa/{slug}/kelola");
    let list_slug = slug.clone();
    let removal_slug = slug.clone();
    view! {
        <PageTitle text=move || t_string!(i18n, katalog.title).to_string() />
        <nav class="text-sm"><a href=console class=LINK>{t!(i18n, konsol.title)}</a></nav>
        <h1 class="text-2xl font-bold">{t!(i18n, katalog.title)} " · " {catalogue.village_name.clone()}</h1>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, katalog.saved)}</p> })}
        <ul role="list" class="mt-3 flex flex-col gap-2">
            {catalogue.services.into_iter().map(|service| view! {
                <li>
                    <a href=format!("/desa/{list_slug}/katalog/{}", service.slug) class=format!("{CARD} flex flex-col gap-1 hover:border-teal-600")>
                        <span class="font-semibold"><Localized id=service.name_id en=service.name_en /></span>
                        <span class="text-sm text-stone-600">
                            {match service.kind { ServiceKind::Surat => t_string!(i18n, layanan.kind_surat), ServiceKind::Janji => t_string!(i18n, layanan.kind_janji) }}
                            {service.needs_slot.then(|| format!(" · {}", t_string!(i18n, katalog.with_slots)))}
                            {service.needs_camat.then(|| format!(" · {}", t_string!(i18n, layanan.camat_signs)))}
                            {(!service.is_active).then(|| format!(" · {}", t_string!(i18n, katalog.inactive)))}
                        </span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
        <section id="libur" class=format!("{CARD} mt-6 flex flex-col gap-3") aria-labelledby="libur-title">
            <h2 id="libur-title" class="font-bold">{t!(i18n, katalog.closed_title)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, katalog.closed_hint)}</p>
            {if catalogue.closed_dates.is_empty() {
                leptos::either::Either::Left(view! { <p class="text-stone-600">{t!(i18n, katalog.no_closed)}</p> })
            } else {
                leptos::either::Either::Right(view! {
                    <ul role="list" class="flex flex-col gap-2">
                        {catalogue.closed_dates.into_iter().map(|(date, reason)| {
                            let slug = removal_slug.clone();
                            let when = crate::kernel::dates::CivilDate::parse(&date)
                                .map(|day| crate::format::long_date(day.at_wib(12 * 60), locale))
                                .unwrap_or_else(|| date.clone());
                            view! {
                                <li class="flex items-center justify-between gap-2 border-b border-stone-100 pb-2">
                                    <span><span class="font-semibold">{when}</span> {(!reason.is_empty()).then(|| format!(" · {reason}"))}</span>
                                    <ActionForm action=remove>
                                        <input type="hidden" name="village" value=slug.clone() />
                                        <input type="hidden" name="date" value=date />
                                        <button type="submit" class=format!("{BUTTON_SECONDARY} text-red-800")>{t!(i18n, katalog.remove)}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            <FormError error=remove_error />
            <ActionForm action=add attr:class="flex flex-col gap-3">
                <input type="hidden" name="village" value=slug.clone() />
                <Field label=Signal::derive(move || t_string!(i18n, katalog.closed_date).to_string()) name="date" input_type="date" error=add_error />
                <Field label=Signal::derive(move || t_string!(i18n, katalog.closed_reason).to_string()) name="reason" required=false error=add_error />
                <FormError error=add_error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, katalog.add_closed).to_string()) />
            </ActionForm>
        </section>
    }
}

/// `/desa/{slug}/katalog/{service}`.
#[component]
pub fn ServiceEditorPage() -> impl IntoView {
    let (village, service) = {
        let params = use_params_map();
        let params = params.read_untracked();
        (
            params.get("slug").unwrap_or_default(),
            params.get("service").unwrap_or_default(),
        )
    };
    let next = format!("/desa/{village}/katalog/{service}");
    let editor = Resource::new(
        move || (village.clone(), service.clone()),
        |(village, service)| get_service_editor(village, service),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    signed_in_page(editor.await, next, move |editor| view! { <ServiceEditorForm editor /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn Check(name: &'static str, checked: bool, label: Signal<String>) -> impl IntoView {
    let id = format!("f-{name}");
    let label_for = id.clone();
    view! {
        <label for=label_for class="flex min-h-11 items-center gap-3">
            <input id=id type="checkbox" name=name value="on" checked=checked class="h-6 w-6" />
            <span class="font-medium">{label}</span>
        </label>
    }
}

#[component]
fn ServiceEditorForm(editor: ServiceEditor) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveService>::new();
    let error = last_error(save.value());
    let fields_error = field_error_text(error, "fields");
    let hours_error = field_error_text(error, "hours");
    let title = editor.name_id.clone();
    let page_title = title.clone();
    let placeholders = ["{nama}", "{desa}", "{jabatan}", "{wilayah}"]
        .into_iter()
        .map(str::to_string)
        .chain(
            editor
                .fields
                .iter()
                .filter(|field| field.kind != FieldKind::File)
                .map(|field| format!("{{{}}}", field.name)),
        )
        .collect::<Vec<_>>()
        .join(" ");
    // The existing fields and two empty rows to add more.
    let rows: Vec<Option<super::FormField>> = editor
        .fields
        .iter()
        .cloned()
        .map(Some)
        .chain([None, None])
        .collect();
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    view! {
        <PageTitle text=move || page_title.clone() />
        <nav class="text-sm"><a href=format!("/desa/{}/katalog", editor.village_slug) class=LINK>{t!(i18n, katalog.title)}</a></nav>
        <h1 class="text-2xl font-bold">{title}</h1>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, katalog.saved)}</p> })}
        <ActionForm action=save attr:class="mt-3 flex flex-col gap-4">
            <input type="hidden" name="village" value=editor.village_slug.clone() />
            <input type="hidden" name="service" value=editor.slug.clone() />
            <section class=format!("{CARD} flex flex-col gap-3")>
                <h2 class="font-bold">{t!(i18n, katalog.about)}</h2>
                <Field label=Signal::derive(move || t_string!(i18n, katalog.name_id).to_string()) name="name_id" value=editor.name_id.clone() error />
                <Field label=Signal::derive(move || t_string!(i18n, katalog.name_en).to_string()) name="name_en" value=text(&editor.name_en) required=false error />
                <Field label=Signal::derive(move || t_string!(i18n, katalog.summary_id).to_string()) name="summary_id" value=editor.summary_id.clone() error />
                <TextArea label=Signal::derive(move || t_string!(i18n, katalog.description_id).to_string()) name="description_id" value=editor.description_id.clone() error />
                <TextArea label=Signal::derive(move || t_string!(i18n, katalog.description_en).to_string()) name="description_en" value=text(&editor.description_en) error />
                <TextArea label=Signal::derive(move || t_string!(i18n, katalog.requirements_id).to_string()) name="requirements_id" value=editor.requirements_id.clone() error />
                <TextArea label=Signal::derive(move || t_string!(i18n, katalog.requirements_en).to_string()) name="requirements_en" value=text(&editor.requirements_en) error />
                <div class="grid grid-cols-2 gap-3">
                    <Field label=Signal::derive(move || t_string!(i18n, katalog.processing_days).to_string()) name="processing_days" inputmode="numeric" value=editor.processing_days.to_string() error />
                    <Field label=Signal::derive(move || t_string!(i18n, katalog.fee).to_string()) name="fee_rupiah" inputmode="numeric" value=editor.fee_rupiah.to_string() error />
                </div>
                <Check name="needs_camat" checked=editor.needs_camat label=Signal::derive(move || t_string!(i18n, katalog.needs_camat).to_string()) />
                <Check name="is_active" checked=editor.is_active label=Signal::derive(move || t_string!(i18n, katalog.active).to_string()) />
            </section>
            <section class=format!("{CARD} flex flex-col gap-3")>
                <h2 class="font-bold">{t!(i18n, katalog.form_title)}</h2>
                <p class="text-sm text-stone-600">{t!(i18n, katalog.form_hint)}</p>
                {rows.into_iter().enumerate().map(|(index, field)| {
                    let name = move |part: &str| format!("fields[{index}][{part}]");
                    let id = move |part: &str| format!("f-field-{index}-{part}");
                    let kind = field.as_ref().map_or(FieldKind::Text, |field| field.kind);
                    view! {
                        <fieldset class="flex flex-col gap-2 rounded-lg border border-stone-200 p-3">
                            <legend class="px-1 text-sm font-semibold">{t!(i18n, katalog.field)} " " {index + 1}</legend>
                            <input type="hidden" name=name("name") value=field.as_ref().map(|field| field.name.clone()).unwrap_or_default() />
                            <label for=id("label_id") class="font-medium">{t!(i18n, katalog.field_label_id)}</label>
                            <input id=id("label_id") name=name("label_id") value=field.as_ref().map(|field| field.label_id.clone()).unwrap_or_default() class=SELECT />
                            <label for=id("label_en") class="font-medium">{t!(i18n, katalog.field_label_en)}</label>
                            <input id=id("label_en") name=name("label_en") value=field.as_ref().and_then(|field| field.label_en.clone()).unwrap_or_default() class=SELECT />
                            <label for=id("kind") class="font-medium">{t!(i18n, katalog.field_kind)}</label>
                            <select id=id("kind") name=name("kind") class=SELECT>
                                {[FieldKind::Text, FieldKind::Number, FieldKind::Date, FieldKind::Select, FieldKind::File].into_iter().map(|option| view! {
                                    <option value=option.code() selected=(option == kind).then_some("")>{match option {
                                        FieldKind::Text => t_string!(i18n, katalog.kind_text),
                                        FieldKind::Number => t_string!(i18n, katalog.kind_number),
                                        FieldKind::Date => t_string!(i18n, katalog.kind_date),
                                        FieldKind::Select => t_string!(i18n, katalog.kind_select),
                                        FieldKind::File => t_string!(i18n, katalog.kind_file),
                                    }}</option>
                                }).collect_view()}
                            </select>
                            <label for=id("options") class="font-medium">{t!(i18n, katalog.field_options)}</label>
                            <textarea id=id("options") name=name("options") rows="2" class=TEXTAREA>{crate::ui::text::rcdata(&field.as_ref().map(|field| field.options.join("\n")).unwrap_or_default())}</textarea>
                            <label for=id("required") class="flex min-h-11 items-center gap-3">
                                <input id=id("required") type="checkbox" name=name("required") value="on" checked=field.as_ref().is_none_or(|field| field.required) class="h-6 w-6" />
                                <span>{t!(i18n, katalog.field_required)}</span>
                            </label>
                        </fieldset>
                    }
                }).collect_view()}
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{fields_error}</p>
            </section>
            <section class=format!("{CARD} flex flex-col gap-3")>
                <h2 class="font-bold">{t!(i18n, katalog.visits_title)}</h2>
                <Check name="needs_slot" checked=editor.needs_slot label=Signal::derive(move || t_string!(i18n, katalog.needs_slot).to_string()) />
                <div class="grid grid-cols-2 gap-3">
                    <Field label=Signal::derive(move || t_string!(i18n, katalog.slot_minutes).to_string()) name="slot_minutes" inputmode="numeric" value=editor.slot_minutes.to_string() error />
                    <Field label=Signal::derive(move || t_string!(i18n, katalog.slot_capacity).to_string()) name="slot_capacity" inputmode="numeric" value=editor.slot_capacity.to_string() error />
                </div>
                <p class="text-sm text-stone-600">{t!(i18n, katalog.hours_hint)}</p>
                // A row per day with its two times side by side: a table of time inputs is wider than a phone.
                <ul class="flex flex-col gap-2">
                    {editor.week.iter().enumerate().map(|(index, day)| {
                        let (opens, closes) = day.hours.map_or((String::new(), String::new()), |(opens, closes)| (clock_text(opens), clock_text(closes)));
                        let day_name = weekday_name(i18n, day.weekday);
                        view! {
                            <li class="grid grid-cols-2 gap-x-3">
                                <span class="col-span-2 font-medium">{day_name}</span>
                                <input type="hidden" name=format!("hours[{index}][weekday]") value=day.weekday />
                                <label class="flex min-w-0 flex-col text-sm text-stone-600">{t!(i18n, katalog.opens)}
                                    <input type="time" name=format!("hours[{index}][opens]") value=opens aria-label=format!("{day_name} {}", t_string!(i18n, katalog.opens)) class=format!("{SELECT} min-w-0") /></label>
                                <label class="flex min-w-0 flex-col text-sm text-stone-600">{t!(i18n, katalog.closes)}
                                    <input type="time" name=format!("hours[{index}][closes]") value=closes aria-label=format!("{day_name} {}", t_string!(i18n, katalog.closes)) class=format!("{SELECT} min-w-0") /></label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{hours_error}</p>
            </section>
            {(editor.kind == ServiceKind::Surat).then(|| view! {
                <section class=format!("{CARD} flex flex-col gap-3")>
                    <h2 class="font-bold">{t!(i18n, katalog.letter_title)}</h2>
                    <Field label=Signal::derive(move || t_string!(i18n, katalog.letter_heading).to_string()) name="letter_title" value=editor.letter_title.clone() required=false error />
                    <TextArea label=Signal::derive(move || t_string!(i18n, katalog.letter_template).to_string()) name="letter_template" value=editor.letter_template.clone() error />
                    <p class="text-sm text-stone-600">{t!(i18n, katalog.placeholders)} " " <span class="font-mono">{placeholders}</span></p>
                </section>
            })}
            <FormError error />
            <SubmitButton label=Signal::derive(move || t_string!(i18n, katalog.save).to_string()) />
        </ActionForm>
    }
}
