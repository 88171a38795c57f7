//! Visit slots at the balai desa, as pure arithmetic: a service's weekly opening hours cut into slots of
//! a fixed length, each taking a few people; closed dates (holidays, village events) have none. All
//! times are WIB. The store books a slot only inside a write transaction (`db::begin_write`, one writer
//! at a time on either engine) that counts the bookings first, so a slot is never overbooked; the queue number is the booking's place in its day.

use serde::{Deserialize, Serialize};

use crate::kernel::dates::CivilDate;

/// Opening hours on one weekday: `weekday` 0 = Sunday … 6 = Saturday, minutes after midnight WIB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    pub weekday: u32,
    pub opens: u32,
    pub closes: u32,
}

/// How a service takes visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRules {
    pub hours: Vec<OpeningHours>,
    pub slot_minutes: u32,
    /// People per slot.
    pub capacity: i64,
    pub closed: Vec<CivilDate>,
}

/// One bookable time: unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub starts_at: i64,
    pub ends_at: i64,
}

/// The slots of one day (none on a closed date or a day without hours). A slot that would run past
/// closing time is not offered.
pub fn slots_on(rules: &SlotRules, day: CivilDate) -> Vec<Slot> {
    if rules.slot_minutes == 0 || rules.closed.contains(&day) {
        return Vec::new();
    }
    let mut slots = Vec::new();
    for hours in rules
        .hours
        .iter()
        .filter(|hours| hours.weekday == day.weekday())
    {
        let mut start = hours.opens;
        while start + rules.slot_minutes <= hours.closes {
            slots.push(Slot {
                starts_at: day.at_wib(start),
                ends_at: day.at_wib(start + rules.slot_minutes),
            });
            start += rules.slot_minutes;
        }
    }
    slots.sort_by_key(|slot| slot.starts_at);
    slots
}

/// Whether `starts_at` is one of the service's slots and still ahead (at least `lead_minutes` from now).
pub fn is_offered(rules: &SlotRules, starts_at: i64, now: i64, lead_minutes: i64) -> bool {
    starts_at >= now + lead_minutes * 60
        && slots_on(rules, CivilDate::of_unix_wib(starts_at))
            .iter()
            .any(|slot| slot.starts_at == starts_at)
}

/// Places left in a slot with `booked` people.
pub fn places_left(rules: &SlotRules, booked: i64) -> i64 {
    (rules.capacity - booked).max(0)
}

/// The next days (from `today`, at most `days`) that have at least one slot.
pub fn open_days(rules: &SlotRules, today: CivilDate, days: i64) -> Vec<CivilDate> {
    (0..days)
        .map(|offset| CivilDate::from_days(today.days() + offset))
        .filter(|day| !slots_on(rules, *day).is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weekday_mornings() -> SlotRules {
        SlotRules {
            // Monday to Friday 08:00–12:00; Friday closes at 11:00 (Friday prayers).
            hours: (1..=5)
                .map(|weekday| OpeningHours {
                    weekday,
                    opens: 8 * 60,
                    closes: if weekday == 5 { 11 * 60 } else { 12 * 60 },
                })
                .collect(),
            slot_minutes: 30,
            capacity: 3,
            closed: vec![CivilDate::parse("2026-12-25").unwrap()],
        }
    }

    #[test]
    fn opening_hours_are_cut_into_slots_in_wib() {
        let rules = weekday_mornings();
        // Monday 30 November 2026.
        let monday = CivilDate::parse("2026-11-30").unwrap();
        let slots = slots_on(&rules, monday);
        assert_eq!(slots.len(), 8);
        // 08:00 WIB is 01:00 UTC.
        assert_eq!(
            slots[0].starts_at,
            crate::format::unix_from_wib(2026, 11, 30, 8, 0)
        );
        assert_eq!(slots[0].starts_at % 86_400, 3600);
        assert_eq!(
            slots[7].ends_at,
            crate::format::unix_from_wib(2026, 11, 30, 12, 0)
        );
        let friday = CivilDate::parse("2026-12-04").unwrap();
        assert_eq!(slots_on(&rules, friday).len(), 6);
    }

    #[test]
    fn weekends_and_closed_dates_have_no_slots() {
        let rules = weekday_mornings();
        assert!(slots_on(&rules, CivilDate::parse("2026-12-05").unwrap()).is_empty());
        assert!(slots_on(&rules, CivilDate::parse("2026-12-25").unwrap()).is_empty());
        let days = open_days(&rules, CivilDate::parse("2026-12-24").unwrap(), 5);
        let iso: Vec<String> = days.into_iter().map(CivilDate::iso).collect();
        // Thu 24 open, Fri 25 closed (Christmas), Sat/Sun none, Mon 28 open.
        assert_eq!(iso, ["2026-12-24", "2026-12-28"]);
    }

    #[test]
    fn a_slot_that_would_run_past_closing_is_not_offered() {
        let rules = SlotRules {
            hours: vec![OpeningHours {
                weekday: 1,
                opens: 8 * 60,
                closes: 9 * 60 + 20,
            }],
            slot_minutes: 30,
            capacity: 1,
            closed: vec![],
        };
        assert_eq!(
            slots_on(&rules, CivilDate::parse("2026-11-30").unwrap()).len(),
            2
        );
    }

    #[test]
    fn only_real_future_slots_are_offered_and_capacity_is_counted() {
        let rules = weekday_mornings();
        let now = crate::format::unix_from_wib(2026, 11, 30, 9, 10);
        let later = crate::format::unix_from_wib(2026, 11, 30, 10, 0);
        let past = crate::format::unix_from_wib(2026, 11, 30, 9, 0);
        let odd = crate::format::unix_from_wib(2026, 11, 30, 10, 15);
        assert!(is_offered(&rules, later, now, 30));
        assert!(!is_offered(&rules, past, now, 30));
        assert!(!is_offered(&rules, odd, now, 30));
        assert_eq!(places_left(&rules, 2), 1);
        assert_eq!(places_left(&rules, 5), 0);
    }
}
