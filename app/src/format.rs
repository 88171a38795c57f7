//! Shared formatting for money and dates, used by the server and the browser alike so that hydration sees
//! the same text. Kept dependency-free on purpose: a date library would bloat the wasm bundle.

use crate::i18n::Locale;

/// WIB (Waktu Indonesia Barat) is UTC+7 all year; Banyuwangi is in WIB.
pub const WIB_OFFSET_SECONDS: i64 = 7 * 3600;

/// `Rp 1.500.000` in Indonesian, `IDR 1,500,000` in English. Rupiah have no decimals.
/// "750 g", "1,2 kg" / "1.2 kg".
pub fn weight(grams: i64, locale: Locale) -> String {
    if grams < 1_000 {
        return format!("{grams} g");
    }
    let tenths = (grams + 50) / 100;
    let separator = match locale {
        Locale::id => ',',
        Locale::en => '.',
    };
    match tenths % 10 {
        0 => format!("{} kg", tenths / 10),
        decimal => format!("{}{separator}{decimal} kg", tenths / 10),
    }
}

pub fn rupiah(amount: i64, locale: Locale) -> String {
    let (prefix, separator) = match locale {
        Locale::id => ("Rp ", '.'),
        Locale::en => ("IDR ", ','),
    };
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    let sign = if amount < 0 { "-" } else { "" };
    format!("{sign}{prefix}{grouped}")
}

/// A calendar date and wall-clock time in WIB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WibDateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub weekday: u32, // 0 = Sunday
    pub hour: u32,
    pub minute: u32,
}

impl WibDateTime {
    pub fn from_unix(unix_seconds: i64) -> Self {
        let local = unix_seconds + WIB_OFFSET_SECONDS;
        let days = local.div_euclid(86_400);
        let seconds_of_day = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        WibDateTime {
            year,
            month,
            day,
            // 1970-01-01 was a Thursday.
            weekday: (days + 4).rem_euclid(7) as u32,
            hour: (seconds_of_day / 3600) as u32,
            minute: (seconds_of_day % 3600 / 60) as u32,
        }
    }
}

/// Unix seconds for a WIB wall-clock time (used by the demo data and tests).
pub fn unix_from_wib(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> i64 {
    days_from_civil(year, month, day) * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60
        - WIB_OFFSET_SECONDS
}

const DAYS_ID: [&str; 7] = [
    "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
];
const DAYS_EN: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `Sabtu, 12 Desember 2026` / `Saturday, 12 December 2026`.
pub fn long_date(unix_seconds: i64, locale: Locale) -> String {
    let t = WibDateTime::from_unix(unix_seconds);
    let (days, months) = match locale {
        Locale::id => (DAYS_ID, MONTHS_ID),
        Locale::en => (DAYS_EN, MONTHS_EN),
    };
    format!(
        "{}, {} {} {}",
        days[t.weekday as usize],
        t.day,
        months[(t.month - 1) as usize],
        t.year
    )
}

/// `09.00 WIB` in Indonesian (the dot is the Indonesian time separator), `09:00 WIB` in English.
pub fn time_of_day(unix_seconds: i64, locale: Locale) -> String {
    let t = WibDateTime::from_unix(unix_seconds);
    let separator = match locale {
        Locale::id => '.',
        Locale::en => ':',
    };
    format!("{:02}{separator}{:02} WIB", t.hour, t.minute)
}

/// `2026-12-12T02:00:00Z`, for `<time datetime>` and machine-readable markup.
pub fn iso_utc(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let seconds_of_day = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds_of_day / 3600,
        seconds_of_day % 3600 / 60,
        seconds_of_day % 60
    )
}

// Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Escapes text for a JSON string inside a `<script>` block (no `</script>` can close it early).
pub fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_in_grams_then_kilograms() {
        assert_eq!(weight(750, Locale::id), "750 g");
        assert_eq!(weight(1_200, Locale::id), "1,2 kg");
        assert_eq!(weight(1_200, Locale::en), "1.2 kg");
        assert_eq!(weight(3_000, Locale::en), "3 kg");
    }

    #[test]
    fn rupiah_uses_dots_in_indonesian_and_commas_in_english() {
        assert_eq!(rupiah(1_500_000, Locale::id), "Rp 1.500.000");
        assert_eq!(rupiah(1_500_000, Locale::en), "IDR 1,500,000");
        assert_eq!(rupiah(0, Locale::id), "Rp 0");
        assert_eq!(rupiah(950, Locale::id), "Rp 950");
        assert_eq!(rupiah(100_000, Locale::id), "Rp 100.000");
        assert_eq!(rupiah(-25_000, Locale::en), "-IDR 25,000");
    }

    #[test]
    fn dates_are_shown_in_wib() {
        // 2026-12-12 02:00 UTC is Saturday 09:00 WIB.
        let unix = 1_797_040_800;
        assert_eq!(long_date(unix, Locale::id), "Sabtu, 12 Desember 2026");
        assert_eq!(long_date(unix, Locale::en), "Saturday, 12 December 2026");
        assert_eq!(time_of_day(unix, Locale::id), "09.00 WIB");
        assert_eq!(time_of_day(unix, Locale::en), "09:00 WIB");
        assert_eq!(iso_utc(unix), "2026-12-12T02:00:00Z");
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_wib() {
        // 2026-12-31 20:30 UTC = 2027-01-01 03:30 WIB (a Friday).
        let unix = unix_from_wib(2027, 1, 1, 3, 30);
        assert_eq!(long_date(unix, Locale::en), "Friday, 1 January 2027");
        assert_eq!(WibDateTime::from_unix(unix).hour, 3);
    }

    #[test]
    fn civil_conversion_round_trips_across_leap_years() {
        for days in [-1, 0, 59, 60, 365, 11_016, 20_454, 20_513, 47_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(days_from_civil(2028, 2, 29)), (2028, 2, 29));
    }
}
