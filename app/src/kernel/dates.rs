//! Calendar days and times of day as people in Banyuwangi type and read them. All wall-clock times are
//! WIB (UTC+7, no daylight saving), stored as UTC unix seconds.

use crate::format::{civil_from_days, days_from_civil, WIB_OFFSET_SECONDS};

/// A calendar day, as typed in an `<input type="date">` (`2026-12-05`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct CivilDate {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl CivilDate {
    pub fn parse(text: &str) -> Option<CivilDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i64 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let date = CivilDate { year, month, day };
        // Rejects 2026-02-30 and friends: a real date survives the round trip through day numbers.
        ((1900..=2200).contains(&year) && CivilDate::from_days(date.days()) == date).then_some(date)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(self.year, self.month.clamp(1, 12), self.day.clamp(1, 31))
    }

    pub fn from_days(days: i64) -> CivilDate {
        let (year, month, day) = civil_from_days(days);
        CivilDate { year, month, day }
    }

    /// The WIB day containing `unix_seconds`.
    pub fn of_unix_wib(unix_seconds: i64) -> CivilDate {
        CivilDate::from_days((unix_seconds + WIB_OFFSET_SECONDS).div_euclid(86_400))
    }

    /// 0 = Sunday … 6 = Saturday.
    pub fn weekday(self) -> u32 {
        (self.days() + 4).rem_euclid(7) as u32
    }

    /// Unix seconds of this day at `minute_of_day` WIB.
    pub fn at_wib(self, minute_of_day: u32) -> i64 {
        self.days() * 86_400 + i64::from(minute_of_day) * 60 - WIB_OFFSET_SECONDS
    }

    /// The 1st of the following month (January after December).
    pub fn first_of_next_month(self) -> CivilDate {
        if self.month == 12 {
            CivilDate {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            CivilDate {
                year: self.year,
                month: self.month + 1,
                day: 1,
            }
        }
    }

    /// Saturday of this day's weekend: the coming Saturday, or yesterday on a Sunday.
    pub fn weekend_saturday(self) -> CivilDate {
        match self.weekday() {
            0 => CivilDate::from_days(self.days() - 1),
            weekday => CivilDate::from_days(self.days() + i64::from(6 - weekday)),
        }
    }

    /// The day `workdays` working days (Monday to Friday) after this one: a deadline "ten working days
    /// from the request". Public holidays are not known here and are counted as working days.
    pub fn plus_working_days(self, workdays: i64) -> CivilDate {
        let mut day = self.days();
        let mut left = workdays;
        while left > 0 {
            day += 1;
            if !matches!(CivilDate::from_days(day).weekday(), 0 | 6) {
                left -= 1;
            }
        }
        CivilDate::from_days(day)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `09:00` (or `09.00`, as Indonesians write it) → minutes after midnight.
pub fn parse_time_of_day(text: &str) -> Option<u32> {
    let (hour, minute) = text.trim().split_once([':', '.'])?;
    let hour: u32 = hour.parse().ok()?;
    let minute: u32 = minute.get(..2).unwrap_or(minute).parse().ok()?;
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

/// The earliest a day-before reminder goes out (a class, a visit to the village office): 07:00 WIB of the
/// day before, never at night.
pub fn day_before_reminder_time(starts_at: i64) -> i64 {
    let day = CivilDate::of_unix_wib(starts_at);
    CivilDate::from_days(day.days() - 1).at_wib(7 * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_before_reminder_goes_out_at_seven_the_morning_before_in_wib() {
        // A posyandu at 08:00 WIB on Tuesday 8 December 2026 (01:00 UTC).
        let starts_at = CivilDate::parse("2026-12-08").unwrap().at_wib(8 * 60);
        assert_eq!(
            crate::format::iso_utc(day_before_reminder_time(starts_at)),
            "2026-12-07T00:00:00Z"
        );
        // At 06:30 WIB a session is still "the day before" in WIB though UTC says otherwise.
        let early = CivilDate::parse("2026-12-08").unwrap().at_wib(6 * 60 + 30);
        assert_eq!(
            crate::format::iso_utc(day_before_reminder_time(early)),
            "2026-12-07T00:00:00Z"
        );
    }

    #[test]
    fn dates_and_times_are_read_strictly() {
        assert_eq!(
            CivilDate::parse("2026-12-05"),
            Some(CivilDate {
                year: 2026,
                month: 12,
                day: 5
            })
        );
        assert_eq!(CivilDate::parse("2026-02-30"), None);
        assert_eq!(CivilDate::parse("2027-02-29"), None);
        assert!(CivilDate::parse("2028-02-29").is_some());
        assert_eq!(CivilDate::parse("5/12/2026"), None);
        assert_eq!(CivilDate::parse(""), None);
        assert_eq!(parse_time_of_day("09:00"), Some(540));
        assert_eq!(parse_time_of_day("19.30"), Some(1170));
        assert_eq!(parse_time_of_day("24:00"), None);
        assert_eq!(parse_time_of_day("9"), None);
        assert_eq!(
            CivilDate::parse("2026-12-05").unwrap().weekday(),
            6,
            "a Saturday"
        );
    }

    #[test]
    fn working_days_skip_weekends() {
        let day = |text| CivilDate::parse(text).unwrap();
        // Monday 30 November 2026 + 10 working days = Monday 14 December.
        assert_eq!(day("2026-11-30").plus_working_days(10), day("2026-12-14"));
        // Asked on a Saturday: the count starts on Monday.
        assert_eq!(day("2026-12-05").plus_working_days(1), day("2026-12-07"));
        // Friday + 1 is Monday; across a year end.
        assert_eq!(day("2027-12-31").plus_working_days(1), day("2028-01-03"));
        assert_eq!(day("2026-12-01").plus_working_days(0), day("2026-12-01"));
    }
}
