//! The village staff's catalogue editor: each service's texts, form, fee, processing time, visit slots
//! (weekly hours, length, capacity) and letter template, and the days the balai desa takes no visits.
//! The checks on the editor's rows are pure functions (tested below); the server functions apply them
//! for the staff of the service's village (or an admin).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{Catalogue, FieldInput, FieldKind, FormField, HoursInput, ServiceEditor};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::akun::access::{authorize, Rule};

/// Most fields a service form may have (a long form is a trip to the balai desa on a phone).
pub const MAX_FORM_FIELDS: usize = 12;

/// `08:00` → minutes after midnight; `24:00` is the end of the day.
pub fn parse_clock(text: &str) -> Option<u32> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= 24 * 60).then_some(total)
}

/// Minutes after midnight → `08:00`.
pub fn clock_text(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A field's stored name from its label: `Alamat tujuan` → `alamat_tujuan` (the `{…}` placeholder in
/// the letter template).
pub fn field_name_from_label(label: &str) -> String {
    let mut name = String::new();
    for character in label.chars() {
        if character.is_ascii_alphanumeric() {
            name.push(character.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('_') {
            name.push('_');
        }
    }
    name.trim_end_matches('_').chars().take(40).collect()
}

/// The form rows as fields, in order: empty rows dropped, names made from labels when left empty and
/// kept unique, select fields with at least two choices. The error is (field, code) for the form.
pub fn checked_fields(rows: &[FieldInput]) -> Result<Vec<FormField>, (&'static str, &'static str)> {
    let mut fields: Vec<FormField> = Vec::new();
    for row in rows {
        let label_id = row.label_id.trim();
        if label_id.is_empty() {
            continue;
        }
        if label_id.chars().count() > 120 || row.label_en.trim().chars().count() > 120 {
            return Err(("fields", "text_too_long"));
        }
        let kind = FieldKind::from_code(row.kind.trim()).ok_or(("fields", "field_kind_unknown"))?;
        let mut name = field_name_from_label(if row.name.trim().is_empty() {
            label_id
        } else {
            row.name.trim()
        });
        if name.is_empty() {
            name = format!("isian_{}", fields.len() + 1);
        }
        let base = name.clone();
        let mut suffix = 2;
        while fields.iter().any(|field| field.name == name) {
            name = format!("{base}_{suffix}");
            suffix += 1;
        }
        let options: Vec<String> = row
            .options
            .lines()
            .map(str::trim)
            .filter(|option| !option.is_empty())
            .map(|option| option.chars().take(80).collect())
            .collect();
        if kind == FieldKind::Select && options.len() < 2 {
            return Err(("fields", "field_options_required"));
        }
        fields.push(FormField {
            name,
            label_id: label_id.to_string(),
            label_en: Some(row.label_en.trim().to_string()).filter(|label| !label.is_empty()),
            kind,
            options: if kind == FieldKind::Select {
                options
            } else {
                Vec::new()
            },
            required: !row.required.trim().is_empty(),
        });
    }
    if fields.len() > MAX_FORM_FIELDS {
        return Err(("fields", "too_many_fields"));
    }
    Ok(fields)
}

/// The weekday rows as opening hours: both times empty = closed that day; otherwise both valid, closing
/// after opening.
pub fn checked_week(
    rows: &[HoursInput],
) -> Result<Vec<super::slots::OpeningHours>, (&'static str, &'static str)> {
    let mut week = Vec::new();
    for row in rows {
        let Some(weekday) = row
            .weekday
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|day| *day <= 6)
        else {
            continue;
        };
        if row.opens.trim().is_empty() && row.closes.trim().is_empty() {
            continue;
        }
        let (Some(opens), Some(closes)) = (parse_clock(&row.opens), parse_clock(&row.closes))
        else {
            return Err(("hours", "time_invalid"));
        };
        if closes <= opens {
            return Err(("hours", "ends_before_start"));
        }
        week.push(super::slots::OpeningHours {
            weekday,
            opens,
            closes,
        });
    }
    Ok(week)
}

/// Reads a whole number in a range, or the field's error.
#[cfg(feature = "ssr")]
fn number_in(
    field: &'static str,
    text: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<i64, AppError> {
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    digits
        .parse::<i64>()
        .ok()
        .filter(|value| range.contains(value))
        .ok_or_else(|| AppError::field(field, "number_invalid"))
}

/// The village's catalogue and closed days. Its staff (or an admin).
#[server(endpoint = "get_catalogue")]
pub async fn get_catalogue(slug: String) -> Result<Catalogue, AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let today = crate::kernel::dates::CivilDate::of_unix_wib(crate::db::now_unix()).iso();
        Ok(Catalogue {
            village_name: crate::akun::store::village_name(&pool, village_id).await?,
            services: super::store::catalogue(&pool, village_id).await?,
            closed_dates: super::store::closed_dates(&pool, village_id, &today).await?,
            village_slug: slug,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// Everything about one service, for its editor. The village's staff (or an admin).
#[server(endpoint = "get_service_editor")]
pub async fn get_service_editor(
    village: String,
    service: String,
) -> Result<ServiceEditor, AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &village)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        super::store::service_editor(&pool, village_id, &service)
            .await?
            .ok_or(AppError::NotFound)
    }
    .await
    .map_err(AppError::with_status)
}

/// Saves a service's settings, form fields and weekly hours at once. The village's staff (or an
/// admin). Requests already made keep their answers.
#[server(endpoint = "save_service")]
pub async fn save_service(
    village: String,
    service: String,
    name_id: String,
    #[server(default)] name_en: String,
    summary_id: String,
    #[server(default)] description_id: String,
    #[server(default)] description_en: String,
    #[server(default)] requirements_id: String,
    #[server(default)] requirements_en: String,
    processing_days: String,
    fee_rupiah: String,
    #[server(default)] needs_camat: String,
    #[server(default)] needs_slot: String,
    #[server(default)] slot_minutes: String,
    #[server(default)] slot_capacity: String,
    #[server(default)] is_active: String,
    #[server(default)] letter_title: String,
    #[server(default)] letter_template: String,
    #[server(default)] fields: Vec<FieldInput>,
    #[server(default)] hours: Vec<HoursInput>,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &village)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let current = super::store::service_editor(&pool, village_id, &service)
            .await?
            .ok_or(AppError::NotFound)?;
        let optional = |text: &str| Some(text.trim().to_string()).filter(|text| !text.is_empty());
        let needs_slot = !needs_slot.trim().is_empty();
        let settings = super::store::ServiceSettings {
            name_id: crate::kernel::text::required_text("name_id", &name_id, 3, 120)?,
            name_en: optional(&name_en),
            summary_id: crate::kernel::text::required_text("summary_id", &summary_id, 10, 300)?,
            description_id: description_id.trim().chars().take(4000).collect(),
            description_en: optional(&description_en),
            requirements_id: requirements_id.trim().chars().take(2000).collect(),
            requirements_en: optional(&requirements_en),
            processing_days: number_in("processing_days", &processing_days, 0..=60)?,
            fee_rupiah: number_in("fee_rupiah", &fee_rupiah, 0..=10_000_000)?,
            needs_camat: !needs_camat.trim().is_empty(),
            needs_slot,
            slot_minutes: if needs_slot {
                number_in("slot_minutes", &slot_minutes, 5..=240)?
            } else {
                current.slot_minutes
            },
            slot_capacity: if needs_slot {
                number_in("slot_capacity", &slot_capacity, 1..=100)?
            } else {
                current.slot_capacity
            },
            is_active: !is_active.trim().is_empty(),
            letter_title: letter_title.trim().chars().take(120).collect(),
            letter_template: letter_template.trim().chars().take(4000).collect(),
        };
        if name_en.chars().count() > 120 {
            return Err(AppError::field("name_en", "text_too_long"));
        }
        let fields =
            checked_fields(&fields).map_err(|(field, code)| AppError::field(field, code))?;
        let week = checked_week(&hours).map_err(|(field, code)| AppError::field(field, code))?;
        if needs_slot && week.is_empty() {
            return Err(AppError::field("hours", "visit_hours_required"));
        }
        super::store::save_service(&pool, village_id, &service, &settings, &fields, &week).await?;
        leptos_axum::redirect(&format!(
            "/desa/{village}/katalog/{service}?disimpan=layanan"
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Adds a day without visits (a holiday, a village event). The village's staff (or an admin).
#[server(endpoint = "add_closed_date")]
pub async fn add_closed_date(
    village: String,
    date: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &village)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        let day = crate::kernel::dates::CivilDate::parse(date.trim())
            .ok_or_else(|| AppError::field("date", "date_invalid"))?;
        let today = crate::kernel::dates::CivilDate::of_unix_wib(crate::db::now_unix());
        if day < today {
            return Err(AppError::field("date", "date_in_past"));
        }
        if reason.chars().count() > 120 {
            return Err(AppError::field("reason", "text_too_long"));
        }
        super::store::add_closed_date(&pool, village_id, &day.iso(), reason.trim()).await?;
        leptos_axum::redirect(&format!("/desa/{village}/katalog?disimpan=libur#libur"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Takes a day off the closed list. The village's staff (or an admin).
#[server(endpoint = "remove_closed_date")]
pub async fn remove_closed_date(village: String, date: String) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &village)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(Rule::VillageStaff { village_id }).await?;
        super::store::remove_closed_date(&pool, village_id, date.trim()).await?;
        leptos_axum::redirect(&format!("/desa/{village}/katalog?disimpan=libur#libur"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, kind: &str, options: &str, required: bool) -> FieldInput {
        FieldInput {
            label_id: label.into(),
            kind: kind.into(),
            options: options.into(),
            required: if required { "on".into() } else { String::new() },
            ..FieldInput::default()
        }
    }

    #[test]
    fn clocks_read_and_print() {
        assert_eq!(parse_clock("08:00"), Some(480));
        assert_eq!(parse_clock(" 7:30 "), Some(450));
        assert_eq!(parse_clock("24:00"), Some(1440));
        assert_eq!(parse_clock("24:30"), None);
        assert_eq!(parse_clock("8:75"), None);
        assert_eq!(parse_clock("delapan"), None);
        assert_eq!(clock_text(690), "11:30");
    }

    #[test]
    fn field_names_come_from_labels_and_stay_unique() {
        assert_eq!(
            field_name_from_label("Alamat tujuan (lengkap)"),
            "alamat_tujuan_lengkap"
        );
        let fields = checked_fields(&[
            row("Alamat", "text", "", true),
            row("", "text", "", true),
            row("Alamat", "text", "", false),
            row("Keperluan", "select", "Sekolah\nBerobat\n", true),
        ])
        .unwrap();
        let names: Vec<&str> = fields.iter().map(|field| field.name.as_str()).collect();
        assert_eq!(names, ["alamat", "alamat_2", "keperluan"]);
        assert!(!fields[1].required);
        assert_eq!(fields[2].options, ["Sekolah", "Berobat"]);
    }

    #[test]
    fn bad_field_rows_are_refused() {
        assert_eq!(
            checked_fields(&[row("Keperluan", "select", "Sekolah", true)]),
            Err(("fields", "field_options_required"))
        );
        assert_eq!(
            checked_fields(&[row("Foto", "video", "", true)]),
            Err(("fields", "field_kind_unknown"))
        );
        let many: Vec<FieldInput> = (0..13)
            .map(|i| row(&format!("Isian {i}"), "text", "", true))
            .collect();
        assert_eq!(checked_fields(&many), Err(("fields", "too_many_fields")));
    }

    #[test]
    fn weeks_skip_closed_days_and_refuse_backwards_hours() {
        let day = |weekday: &str, opens: &str, closes: &str| HoursInput {
            weekday: weekday.into(),
            opens: opens.into(),
            closes: closes.into(),
        };
        let week = checked_week(&[
            day("1", "08:00", "12:00"),
            day("0", "", ""),
            day("5", "08:00", "11:00"),
        ])
        .unwrap();
        assert_eq!(week.len(), 2);
        assert_eq!(
            (week[1].weekday, week[1].opens, week[1].closes),
            (5, 480, 660)
        );
        assert_eq!(
            checked_week(&[day("2", "12:00", "08:00")]),
            Err(("hours", "ends_before_start"))
        );
        assert_eq!(
            checked_week(&[day("2", "08:00", "")]),
            Err(("hours", "time_invalid"))
        );
    }
}
