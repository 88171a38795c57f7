//! Turning what an organiser types ("Saturday 5 December, 09:00–12:00, every week until 30 January,
//! except 26 December") into dated sessions. Pure and shared by server and tests; all wall-clock times
//! are WIB (UTC+7, no daylight saving), stored as UTC unix seconds.

use crate::kernel::dates::CivilDate;

/// The longest a weekly series may run: one year ahead is what a village plans.
pub const MAX_SERIES_DAYS: i64 = 366;

/// One session, or a weekly series of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPlan {
    pub first_day: CivilDate,
    pub start_minute: u32,
    /// The day it ends (a festival can run several days); the same day for a class.
    pub last_day: CivilDate,
    pub end_minute: u32,
    /// Repeat every week on the same weekday up to and including this day.
    pub weekly_until: Option<CivilDate>,
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
    let last = match plan.weekly_until {
        None => first,
        Some(until) if until.days() < first => return Err(PlanError::UntilBeforeStart),
        Some(until) if until.days() - first > MAX_SERIES_DAYS => {
            return Err(PlanError::SeriesTooLong)
        }
        Some(until) => until.days(),
    };
    let sessions: Vec<(i64, i64)> = (first..=last)
        .step_by(7)
        .map(CivilDate::from_days)
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
            weekly_until: Some(date(until)),
            exceptions: exceptions.iter().map(|day| date(day)).collect(),
        }
    }

    #[test]
    fn a_festival_may_run_a_month_but_not_longer() {
        let festival = |last: &str| SessionPlan {
            first_day: CivilDate::parse("2026-12-01").unwrap(),
            start_minute: 8 * 60,
            last_day: CivilDate::parse(last).unwrap(),
            end_minute: 22 * 60,
            weekly_until: None,
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
            weekly_until: None,
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
