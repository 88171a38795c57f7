//! Turning what an organiser types ("Saturday 5 December, 09:00–12:00, every week until 30 January,
//! except 26 December"; "Tuesday 8 December, every month on the second Tuesday until June") into dated
//! sessions. Pure and shared by server and tests; all wall-clock times
//! are WIB (UTC+7, no daylight saving), stored as UTC unix seconds.

use crate::kernel::dates::CivilDate;

/// The longest a series may run: one year ahead is what a village plans.
pub const MAX_SERIES_DAYS: i64 = 366;

/// How a series repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cadence {
    /// Every week on the first day's weekday.
    #[default]
    Weekly,
    /// Every month on the first day's weekday in the same week of the month, as posyandu days are set
    /// ("every second Tuesday"); a first day in the fifth week means "the last Tuesday" (not every
    /// month has a fifth one).
    MonthlyByWeekday,
}

impl Cadence {
    pub fn code(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::MonthlyByWeekday => "monthly",
        }
    }

    pub fn from_code(code: &str) -> Option<Cadence> {
        [Cadence::Weekly, Cadence::MonthlyByWeekday]
            .into_iter()
            .find(|cadence| cadence.code() == code)
    }
}

/// Which week of its month a day falls in (1 = days 1–7 … 5 = days 29–31), the "second" of
/// "every second Tuesday".
pub fn week_of_month(day: CivilDate) -> u32 {
    (day.day - 1) / 7 + 1
}

/// One session, or a series of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPlan {
    pub first_day: CivilDate,
    pub start_minute: u32,
    /// The day it ends (a festival can run several days); the same day for a class.
    pub last_day: CivilDate,
    pub end_minute: u32,
    /// Repeat up to and including this day, with `cadence`.
    pub repeat_until: Option<CivilDate>,
    pub cadence: Cadence,
    /// Days of the series that are skipped (a holiday, the teacher away).
    pub exceptions: Vec<CivilDate>,
}

/// Why a plan cannot become sessions; each code has a translated message next to its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanError {
    EndsBeforeStart,
    /// One session (a festival) spans more than [`MAX_SESSION_DAYS`]: the agenda only looks that far back
    /// for sessions still running, so a longer one would vanish from it.
    SessionTooLong,
    UntilBeforeStart,
    SeriesTooLong,
    NothingLeft,
}

impl PlanError {
    pub fn field(self) -> &'static str {
        match self {
            PlanError::EndsBeforeStart => "end_time",
            PlanError::SessionTooLong => "end_date",
            PlanError::UntilBeforeStart | PlanError::SeriesTooLong => "repeat_until",
            PlanError::NothingLeft => "exceptions",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            PlanError::EndsBeforeStart => "ends_before_start",
            PlanError::SessionTooLong => "session_too_long",
            PlanError::UntilBeforeStart => "until_before_start",
            PlanError::SeriesTooLong => "series_too_long",
            PlanError::NothingLeft => "no_sessions_left",
        }
    }
}

/// The longest one session may run, in days (a month-long festival). The agenda finds sessions still
/// running by looking this far back from its start (`budaya::store::agenda_sessions`).
pub const MAX_SESSION_DAYS: i64 = 31;

/// The sessions of a plan as `(starts_at, ends_at)` unix seconds, in time order.
pub fn expand(plan: &SessionPlan) -> Result<Vec<(i64, i64)>, PlanError> {
    let starts_at = plan.first_day.at_wib(plan.start_minute);
    let ends_at = plan.last_day.at_wib(plan.end_minute);
    if ends_at <= starts_at {
        return Err(PlanError::EndsBeforeStart);
    }
    let span_days = plan.last_day.days() - plan.first_day.days();
    if span_days > MAX_SESSION_DAYS {
        return Err(PlanError::SessionTooLong);
    }
    let first = plan.first_day.days();
    let last = match plan.repeat_until {
        None => first,
        Some(until) if until.days() < first => return Err(PlanError::UntilBeforeStart),
        Some(until) if until.days() - first > MAX_SERIES_DAYS => {
            return Err(PlanError::SeriesTooLong)
        }
        Some(until) => until.days(),
    };
    let days: Vec<CivilDate> = match plan.cadence {
        Cadence::Weekly => (first..=last)
            .step_by(7)
            .map(CivilDate::from_days)
            .collect(),
        Cadence::MonthlyByWeekday => monthly_by_weekday(plan.first_day, last),
    };
    let sessions: Vec<(i64, i64)> = days
        .into_iter()
        .filter(|day| !plan.exceptions.contains(day))
        .map(|day| {
            let end_day = CivilDate::from_days(day.days() + span_days);
            (
                day.at_wib(plan.start_minute),
                end_day.at_wib(plan.end_minute),
            )
        })
        .collect();
    if sessions.is_empty() {
        return Err(PlanError::NothingLeft);
    }
    Ok(sessions)
}

/// The first day's weekday in the same week of every month, from the first day up to `last` (day
/// number); the fifth week is each month's last such weekday.
fn monthly_by_weekday(first_day: CivilDate, last: i64) -> Vec<CivilDate> {
    let weekday = first_day.weekday();
    let week = week_of_month(first_day);
    let mut days = Vec::new();
    let mut month_start = CivilDate {
        day: 1,
        ..first_day
    };
    loop {
        let first_match = month_start.days() + i64::from((weekday + 7 - month_start.weekday()) % 7);
        let mut day = first_match + 7 * i64::from(week.min(4) - 1);
        if week == 5 && CivilDate::from_days(day + 7).month == month_start.month {
            day += 7;
        }
        if day > last {
            return days;
        }
        days.push(CivilDate::from_days(day));
        month_start = month_start.first_of_next_month();
    }
}

/// A comma- or space-separated list of dates; anything unreadable is reported, not ignored.
pub fn parse_date_list(text: &str) -> Result<Vec<CivilDate>, String> {
    text.split([',', ' ', '\n', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| CivilDate::parse(part).ok_or_else(|| part.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CivilDate {
        CivilDate::parse(text).unwrap()
    }

    fn wib(unix: i64) -> String {
        let t = crate::format::WibDateTime::from_unix(unix);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            t.year, t.month, t.day, t.hour, t.minute
        )
    }

    fn weekly(first: &str, until: &str, exceptions: &[&str]) -> SessionPlan {
        SessionPlan {
            first_day: date(first),
            start_minute: 9 * 60,
            last_day: date(first),
            end_minute: 12 * 60,
            repeat_until: Some(date(until)),
            cadence: Cadence::Weekly,
            exceptions: exceptions.iter().map(|day| date(day)).collect(),
        }
    }

    fn monthly(first: &str, until: &str) -> Vec<String> {
        let plan = SessionPlan {
            cadence: Cadence::MonthlyByWeekday,
            ..weekly(first, until, &[])
        };
        expand(&plan)
            .unwrap()
            .iter()
            .map(|(start, _)| wib(*start)[..10].to_string())
            .collect()
    }

    #[test]
    fn a_posyandu_runs_every_second_tuesday_of_the_month() {
        // 8 December 2026 is the second Tuesday of December.
        assert_eq!(week_of_month(date("2026-12-08")), 2);
        assert_eq!(
            monthly("2026-12-08", "2027-04-30"),
            [
                "2026-12-08",
                "2027-01-12",
                "2027-02-09",
                "2027-03-09",
                "2027-04-13"
            ]
        );
    }

    #[test]
    fn a_fifth_weekday_means_the_last_one_of_each_month() {
        // 29 December 2026 is the fifth (and last) Tuesday; February 2027 has four.
        assert_eq!(
            monthly("2026-12-29", "2027-03-31"),
            ["2026-12-29", "2027-01-26", "2027-02-23", "2027-03-30"]
        );
        // The first Friday of each month, across a year end and a leap February.
        assert_eq!(
            monthly("2027-12-03", "2028-03-31"),
            ["2027-12-03", "2028-01-07", "2028-02-04", "2028-03-03"]
        );
    }

    #[test]
    fn a_monthly_series_keeps_its_exceptions_and_limits() {
        let plan = SessionPlan {
            cadence: Cadence::MonthlyByWeekday,
            ..weekly("2026-12-08", "2027-02-28", &["2027-01-12"])
        };
        let days: Vec<String> = expand(&plan)
            .unwrap()
            .iter()
            .map(|(start, _)| wib(*start)[..10].to_string())
            .collect();
        assert_eq!(days, ["2026-12-08", "2027-02-09"]);
        let too_long = SessionPlan {
            cadence: Cadence::MonthlyByWeekday,
            ..weekly("2026-12-08", "2028-01-31", &[])
        };
        assert_eq!(expand(&too_long), Err(PlanError::SeriesTooLong));
        assert_eq!(
            Cadence::from_code("monthly"),
            Some(Cadence::MonthlyByWeekday)
        );
        assert_eq!(Cadence::from_code("yearly"), None);
    }

    #[test]
    fn a_festival_may_run_a_month_but_not_longer() {
        let festival = |last: &str| SessionPlan {
            first_day: CivilDate::parse("2026-12-01").unwrap(),
            start_minute: 8 * 60,
            last_day: CivilDate::parse(last).unwrap(),
            end_minute: 22 * 60,
            repeat_until: None,
            cadence: Cadence::Weekly,
            exceptions: Vec::new(),
        };
        assert_eq!(expand(&festival("2027-01-01")).unwrap().len(), 1);
        assert_eq!(
            expand(&festival("2027-01-02")),
            Err(PlanError::SessionTooLong)
        );
        assert_eq!(PlanError::SessionTooLong.field(), "end_date");
    }

    #[test]
    fn a_weekly_class_runs_every_saturday_across_month_and_year_ends_in_wib() {
        let sessions = expand(&weekly("2026-12-19", "2027-01-16", &[])).unwrap();
        let shown: Vec<String> = sessions.iter().map(|(start, _)| wib(*start)).collect();
        assert_eq!(
            shown,
            [
                "2026-12-19 09:00",
                "2026-12-26 09:00",
                "2027-01-02 09:00",
                "2027-01-09 09:00",
                "2027-01-16 09:00"
            ]
        );
        // 09:00 WIB is 02:00 UTC the same day.
        assert_eq!(
            crate::format::iso_utc(sessions[0].0),
            "2026-12-19T02:00:00Z"
        );
        assert!(sessions.iter().all(|(start, end)| end - start == 3 * 3600));
    }

    #[test]
    fn a_series_crosses_february_in_a_leap_year() {
        let sessions = expand(&weekly("2028-02-22", "2028-03-07", &[])).unwrap();
        let days: Vec<String> = sessions
            .iter()
            .map(|(start, _)| wib(*start)[..10].to_string())
            .collect();
        assert_eq!(days, ["2028-02-22", "2028-02-29", "2028-03-07"]);
    }

    #[test]
    fn exceptions_are_skipped_and_the_until_day_is_included() {
        let sessions = expand(&weekly(
            "2026-12-05",
            "2026-12-26",
            &["2026-12-26", "2026-12-12"],
        ))
        .unwrap();
        let days: Vec<String> = sessions
            .iter()
            .map(|(start, _)| wib(*start)[..10].to_string())
            .collect();
        assert_eq!(days, ["2026-12-05", "2026-12-19"]);
        // An exception that is not a session day changes nothing.
        assert_eq!(
            expand(&weekly("2026-12-05", "2026-12-12", &["2026-12-06"]))
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn a_festival_spans_several_days_and_early_morning_wib_is_the_previous_day_in_utc() {
        let plan = SessionPlan {
            first_day: date("2027-01-01"),
            start_minute: 5 * 60,
            last_day: date("2027-01-03"),
            end_minute: 22 * 60,
            repeat_until: None,
            cadence: Cadence::Weekly,
            exceptions: vec![],
        };
        let sessions = expand(&plan).unwrap();
        assert_eq!(sessions.len(), 1);
        assert_eq!(
            crate::format::iso_utc(sessions[0].0),
            "2026-12-31T22:00:00Z"
        );
        assert_eq!(wib(sessions[0].1), "2027-01-03 22:00");
    }

    #[test]
    fn impossible_plans_are_refused_with_a_reason() {
        let mut plan = weekly("2026-12-05", "2026-12-05", &[]);
        plan.end_minute = 9 * 60;
        assert_eq!(expand(&plan), Err(PlanError::EndsBeforeStart));
        assert_eq!(
            expand(&weekly("2026-12-05", "2026-11-28", &[])),
            Err(PlanError::UntilBeforeStart)
        );
        assert_eq!(
            expand(&weekly("2026-12-05", "2028-01-01", &[])),
            Err(PlanError::SeriesTooLong)
        );
        assert_eq!(
            expand(&weekly("2026-12-05", "2026-12-05", &["2026-12-05"])),
            Err(PlanError::NothingLeft)
        );
    }

    #[test]
    fn date_lists_report_what_they_cannot_read() {
        assert_eq!(
            parse_date_list("2026-12-26, 2027-01-02").unwrap(),
            vec![date("2026-12-26"), date("2027-01-02")]
        );
        assert_eq!(parse_date_list(""), Ok(vec![]));
        assert_eq!(
            parse_date_list("2026-12-26, besok"),
            Err("besok".to_string())
        );
    }
}
