//! Seats, the waiting list and ticket codes: the arithmetic, kept pure so it is tested on its own. The
//! store applies it inside one write transaction, so two people can never take the last seat.

/// Seats still free in a session (never negative, even if an organiser lowered the capacity).
pub fn seats_left(capacity: i64, confirmed_seats: i64) -> i64 {
    (capacity - confirmed_seats).max(0)
}

/// The most seats one registration may take: half the session (so one account cannot book a whole
/// class and keep everyone else out), at least one, at most six (a family or a small group).
pub fn max_seats_per_registration(capacity: i64) -> i64 {
    (capacity / 2).clamp(1, 6)
}

/// Whether a new registration for `seats` is confirmed now or waits in line. Someone already waiting
/// keeps their place: a newcomer is confirmed only when nobody is waiting.
pub fn admits(capacity: i64, confirmed_seats: i64, waiting: usize, seats: i64) -> bool {
    waiting == 0 && seats <= seats_left(capacity, confirmed_seats)
}

/// Who moves from the waiting list to confirmed when `free_seats` open up. `waiting` is in the order
/// people joined, as `(registration id, seats)`. First come, first served; a group that does not fit
/// yet keeps its place while a smaller party behind it takes the seats that are free (otherwise one
/// family of four would leave two free seats empty on the day).
pub fn promotions(free_seats: i64, waiting: &[(i64, i64)]) -> Vec<i64> {
    let mut free = free_seats;
    let mut promoted = Vec::new();
    for &(registration, seats) in waiting {
        if seats <= free {
            free -= seats;
            promoted.push(registration);
        }
    }
    promoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_registration_takes_at_most_half_a_session_and_six_seats() {
        assert_eq!(max_seats_per_registration(1), 1);
        assert_eq!(max_seats_per_registration(2), 1);
        assert_eq!(max_seats_per_registration(5), 2);
        assert_eq!(max_seats_per_registration(10), 5);
        assert_eq!(max_seats_per_registration(40), 6);
        assert_eq!(max_seats_per_registration(0), 1);
    }

    #[test]
    fn seats_left_never_goes_negative() {
        assert_eq!(seats_left(12, 0), 12);
        assert_eq!(seats_left(12, 11), 1);
        assert_eq!(seats_left(12, 12), 0);
        assert_eq!(seats_left(5, 8), 0);
    }

    #[test]
    fn a_newcomer_is_confirmed_only_if_the_seats_fit_and_nobody_waits() {
        assert!(admits(10, 8, 0, 2));
        assert!(!admits(10, 8, 0, 3));
        assert!(
            !admits(10, 0, 1, 1),
            "someone already in line keeps their place"
        );
        assert!(!admits(10, 10, 0, 1));
    }

    #[test]
    fn the_waiting_list_is_promoted_in_order_and_small_parties_fill_gaps() {
        assert_eq!(promotions(0, &[(1, 1)]), Vec::<i64>::new());
        assert_eq!(promotions(1, &[(1, 1), (2, 1)]), vec![1]);
        assert_eq!(promotions(2, &[(1, 1), (2, 1), (3, 1)]), vec![1, 2]);
        // A family of four waits; the couple behind them fits in the two free seats.
        assert_eq!(promotions(2, &[(1, 4), (2, 2), (3, 1)]), vec![2]);
        assert_eq!(promotions(5, &[(1, 4), (2, 2), (3, 1)]), vec![1, 3]);
        assert_eq!(promotions(3, &[]), Vec::<i64>::new());
    }
}
