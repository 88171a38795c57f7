//! When a criterion is met, from a village's [`Indicators`]: pure, so every threshold is unit-tested.
//! The thresholds are ours (Banyuwangi publishes the seven needs, not numbers): they ask for steady use
//! over 90 days, within reach of a village of a few thousand people that uses the platform.

use super::{Criterion, CriterionResult, Fact, Indicators, Level, Unit};

/// Requests finished in the window.
pub const MIN_REQUESTS_FINISHED: i64 = 5;
/// Share of them finished within the service's promised working days, in percent.
pub const MIN_ON_TIME_PERCENT: i64 = 80;
/// The residents' average rating, when they gave any, times ten.
pub const MIN_RATING_TENTHS: i64 = 35;
pub const MIN_ACTIVE_SHOPS: i64 = 3;
pub const MIN_COMPLETED_ORDERS: i64 = 5;
/// Posyandu and posbindu meet monthly: two in 90 days allows one missed month.
pub const MIN_HEALTH_SESSIONS: i64 = 2;
pub const MIN_CULTURE_SESSIONS: i64 = 4;
pub const MIN_CULTURE_CHECK_INS: i64 = 10;
pub const MIN_CERTIFICATES: i64 = 1;
pub const MIN_SKTM_ISSUED: i64 = 1;
/// The bansos page is fresh when brought up to date within half a year (aid rounds are quarterly; the
/// DTKS list is updated each semester).
pub const MAX_BANSOS_AGE_DAYS: i64 = 180;
pub const MIN_LEGAL_DOCUMENTS: i64 = 1;

fn at_least(code: &str, value: i64, target: i64, unit: Unit) -> Fact {
    Fact {
        code: code.into(),
        value: Some(value),
        target,
        unit,
        at_most: false,
        met: value >= target,
    }
}

/// Every criterion's facts and whether it is met, in [`Criterion::ALL`] order; `now` dates the bansos
/// page's freshness.
pub fn assess(indicators: &Indicators, now: i64) -> Vec<CriterionResult> {
    Criterion::ALL
        .into_iter()
        .map(|criterion| {
            let facts = facts_of(criterion, indicators, now);
            CriterionResult {
                criterion,
                met: facts.iter().all(|fact| fact.met),
                facts,
            }
        })
        .collect()
}

fn facts_of(criterion: Criterion, i: &Indicators, now: i64) -> Vec<Fact> {
    match criterion {
        Criterion::PublicServices => {
            let on_time = if i.requests_finished > 0 {
                Some(i.requests_on_time * 100 / i.requests_finished)
            } else {
                None
            };
            let rating = (i.rating_count > 0).then(|| i.rating_sum * 10 / i.rating_count);
            vec![
                at_least(
                    "requests_finished",
                    i.requests_finished,
                    MIN_REQUESTS_FINISHED,
                    Unit::Count,
                ),
                Fact {
                    code: "on_time".into(),
                    value: on_time,
                    target: MIN_ON_TIME_PERCENT,
                    unit: Unit::Percent,
                    at_most: false,
                    met: on_time.is_some_and(|share| share >= MIN_ON_TIME_PERCENT),
                },
                // No rating yet is no failing: residents rate when they like.
                Fact {
                    code: "rating".into(),
                    value: rating,
                    target: MIN_RATING_TENTHS,
                    unit: Unit::Tenths,
                    at_most: false,
                    met: rating.is_none_or(|tenths| tenths >= MIN_RATING_TENTHS),
                },
            ]
        }
        Criterion::Economy => vec![
            at_least(
                "active_shops",
                i.active_shops,
                MIN_ACTIVE_SHOPS,
                Unit::Count,
            ),
            at_least(
                "completed_orders",
                i.completed_orders,
                MIN_COMPLETED_ORDERS,
                Unit::Count,
            ),
        ],
        Criterion::Health => vec![at_least(
            "health_sessions",
            i.health_sessions,
            MIN_HEALTH_SESSIONS,
            Unit::Count,
        )],
        Criterion::EducationCulture => vec![
            at_least(
                "culture_sessions",
                i.culture_sessions,
                MIN_CULTURE_SESSIONS,
                Unit::Count,
            ),
            at_least(
                "check_ins",
                i.culture_check_ins,
                MIN_CULTURE_CHECK_INS,
                Unit::Count,
            ),
        ],
        Criterion::HumanCapacity => vec![at_least(
            "certificates",
            i.certificates,
            MIN_CERTIFICATES,
            Unit::Count,
        )],
        Criterion::Poverty => {
            let age = i.bansos_updated_at.map(|at| (now - at).max(0) / 86_400);
            vec![
                at_least("sktm_issued", i.sktm_issued, MIN_SKTM_ISSUED, Unit::Count),
                Fact {
                    code: "bansos_age".into(),
                    value: age,
                    target: MAX_BANSOS_AGE_DAYS,
                    unit: Unit::Days,
                    at_most: true,
                    met: age.is_some_and(|days| days <= MAX_BANSOS_AGE_DAYS),
                },
            ]
        }
        Criterion::LegalInformation => vec![at_least(
            "legal_documents",
            i.legal_documents,
            MIN_LEGAL_DOCUMENTS,
            Unit::Count,
        )],
    }
}

/// The level for a number of criteria met.
pub fn level(met: usize) -> Level {
    match met {
        7.. => Level::Full,
        4..=6 => Level::Developing,
        _ => Level::Starting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    /// A village that meets everything exactly at the thresholds.
    fn at_thresholds() -> Indicators {
        Indicators {
            requests_finished: MIN_REQUESTS_FINISHED,
            requests_on_time: 4,
            rating_sum: 7,
            rating_count: 2,
            active_shops: MIN_ACTIVE_SHOPS,
            completed_orders: MIN_COMPLETED_ORDERS,
            health_sessions: MIN_HEALTH_SESSIONS,
            culture_sessions: MIN_CULTURE_SESSIONS,
            culture_check_ins: MIN_CULTURE_CHECK_INS,
            certificates: MIN_CERTIFICATES,
            sktm_issued: MIN_SKTM_ISSUED,
            bansos_updated_at: Some(NOW - MAX_BANSOS_AGE_DAYS * 86_400),
            legal_documents: MIN_LEGAL_DOCUMENTS,
        }
    }

    fn met(indicators: &Indicators) -> Vec<bool> {
        assess(indicators, NOW)
            .iter()
            .map(|result| result.met)
            .collect()
    }

    #[test]
    fn a_village_at_every_threshold_meets_all_seven() {
        assert_eq!(met(&at_thresholds()), vec![true; 7]);
        assert_eq!(level(7), Level::Full);
    }

    /// A change to a village's numbers, and the criterion (index) it should fail.
    type Case = (fn(&mut Indicators), usize);

    #[test]
    fn one_below_any_threshold_fails_only_its_criterion() {
        let cases: [Case; 12] = [
            (|i| i.requests_finished -= 1, 0),
            (|i| i.requests_on_time -= 1, 0),
            (|i| i.rating_sum -= 1, 0),
            (|i| i.active_shops -= 1, 1),
            (|i| i.completed_orders -= 1, 1),
            (|i| i.health_sessions -= 1, 2),
            (|i| i.culture_sessions -= 1, 3),
            (|i| i.culture_check_ins -= 1, 3),
            (|i| i.certificates -= 1, 4),
            (|i| i.sktm_issued -= 1, 5),
            (
                |i| i.bansos_updated_at = i.bansos_updated_at.map(|at| at - 86_400),
                5,
            ),
            (|i| i.legal_documents -= 1, 6),
        ];
        for (index, (change, failing)) in cases.into_iter().enumerate() {
            let mut indicators = at_thresholds();
            change(&mut indicators);
            let expected: Vec<bool> = (0..7).map(|position| position != failing).collect();
            assert_eq!(met(&indicators), expected, "case {index}");
        }
    }

    #[test]
    fn nothing_to_measure_is_not_met_except_a_missing_rating() {
        let empty = Indicators::default();
        assert_eq!(met(&empty), vec![false; 7]);
        let mut no_rating = at_thresholds();
        no_rating.rating_sum = 0;
        no_rating.rating_count = 0;
        assert!(met(&no_rating)[0], "residents need not rate");
        let mut never_written = at_thresholds();
        never_written.bansos_updated_at = None;
        assert!(!met(&never_written)[5]);
    }

    #[test]
    fn levels_follow_the_count_of_criteria_met() {
        assert_eq!(level(0), Level::Starting);
        assert_eq!(level(3), Level::Starting);
        assert_eq!(level(4), Level::Developing);
        assert_eq!(level(6), Level::Developing);
        assert_eq!(level(7), Level::Full);
    }

    #[test]
    fn facts_carry_the_numbers_the_page_shows() {
        let results = assess(&at_thresholds(), NOW);
        let services = &results[0].facts;
        assert_eq!(services[1].value, Some(80), "4 of 5 on time");
        assert_eq!(services[2].value, Some(35), "7 / 2 = 3.5");
        let poverty = &results[5].facts;
        assert_eq!(poverty[1].value, Some(MAX_BANSOS_AGE_DAYS));
        assert!(poverty[1].at_most);
    }
}
