//! Which period the agenda shows for "today", "this weekend", "this month" or a date range, in WIB.

use crate::kernel::dates::CivilDate;

/// How far ahead "everything coming up" looks, and the longest range a person may ask for.
pub const HORIZON_DAYS: i64 = 366;

/// Why a requested period was not used (the agenda then shows everything coming up and says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodProblem {
    UnknownWhen,
    BadDate,
    RangeBackwards,
}

/// `[from, to)` in unix seconds for a `when` choice, seen at `now`.
pub fn period(when: &str, from: &str, to: &str, now: i64) -> Result<(i64, i64), PeriodProblem> {
    let today = CivilDate::of_unix_wib(now);
    let start_of = |day: CivilDate| day.at_wib(0);
    let day_after = |day: CivilDate| CivilDate::from_days(day.days() + 1).at_wib(0);
    match when {
        "" => Ok((now, now + HORIZON_DAYS * 86_400)),
        "hari-ini" => Ok((now, day_after(today))),
        "akhir-pekan" => {
            // Saturday and Sunday of this week; on a Sunday, today is still the weekend.
            let saturday = today.weekend_saturday();
            let monday = CivilDate::from_days(saturday.days() + 2);
            Ok((start_of(saturday).max(now), start_of(monday)))
        }
        "bulan-ini" => {
            let next_month = today.first_of_next_month();
            Ok((now, start_of(next_month)))
        }
        "tanggal" => {
            let first = if from.trim().is_empty() {
                today
            } else {
                CivilDate::parse(from).ok_or(PeriodProblem::BadDate)?
            };
            let last = if to.trim().is_empty() {
                CivilDate::from_days(first.days() + 30)
            } else {
                CivilDate::parse(to).ok_or(PeriodProblem::BadDate)?
            };
            if last < first {
                return Err(PeriodProblem::RangeBackwards);
            }
            let last = CivilDate::from_days(last.days().min(first.days() + HORIZON_DAYS));
            Ok((start_of(first), day_after(last)))
        }
        _ => Err(PeriodProblem::UnknownWhen),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::unix_from_wib;

    #[test]
    fn today_ends_at_midnight_wib_not_utc() {
        // Friday 27 November 2026, 23:30 WIB = 16:30 UTC.
        let now = unix_from_wib(2026, 11, 27, 23, 30);
        assert_eq!(
            period("hari-ini", "", "", now),
            Ok((now, unix_from_wib(2026, 11, 28, 0, 0)))
        );
    }

    #[test]
    fn the_weekend_is_saturday_and_sunday_of_this_week() {
        let friday = unix_from_wib(2026, 11, 27, 10, 0);
        let weekend = (
            unix_from_wib(2026, 11, 28, 0, 0),
            unix_from_wib(2026, 11, 30, 0, 0),
        );
        assert_eq!(period("akhir-pekan", "", "", friday), Ok(weekend));
        // On Saturday afternoon what is over is left out; on Sunday it is still this weekend.
        let saturday = unix_from_wib(2026, 11, 28, 15, 0);
        assert_eq!(
            period("akhir-pekan", "", "", saturday),
            Ok((saturday, weekend.1))
        );
        let sunday = unix_from_wib(2026, 11, 29, 8, 0);
        assert_eq!(
            period("akhir-pekan", "", "", sunday),
            Ok((sunday, weekend.1))
        );
        // Monday looks ahead to the coming weekend.
        let monday = unix_from_wib(2026, 11, 30, 8, 0);
        assert_eq!(
            period("akhir-pekan", "", "", monday),
            Ok((
                unix_from_wib(2026, 12, 5, 0, 0),
                unix_from_wib(2026, 12, 7, 0, 0)
            ))
        );
    }

    #[test]
    fn this_month_runs_to_the_first_of_the_next_across_the_year_end() {
        let now = unix_from_wib(2026, 12, 20, 9, 0);
        assert_eq!(
            period("bulan-ini", "", "", now),
            Ok((now, unix_from_wib(2027, 1, 1, 0, 0)))
        );
    }

    #[test]
    fn a_date_range_includes_its_last_day_and_refuses_nonsense() {
        let now = unix_from_wib(2026, 11, 27, 9, 0);
        assert_eq!(
            period("tanggal", "2026-12-24", "2026-12-26", now),
            Ok((
                unix_from_wib(2026, 12, 24, 0, 0),
                unix_from_wib(2026, 12, 27, 0, 0)
            ))
        );
        assert_eq!(
            period("tanggal", "2026-12-26", "2026-12-24", now),
            Err(PeriodProblem::RangeBackwards)
        );
        assert_eq!(
            period("tanggal", "26/12/2026", "", now),
            Err(PeriodProblem::BadDate)
        );
        assert_eq!(
            period("kemarin", "", "", now),
            Err(PeriodProblem::UnknownWhen)
        );
    }
}
