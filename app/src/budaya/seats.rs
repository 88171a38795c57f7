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

/// Ticket codes: 8 characters from an alphabet without 0/O and 1/I, easy to read out at the door.
pub const TICKET_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// A code from 8 random bytes (32 symbols divide 256, so every symbol is equally likely).
pub fn ticket_code_from_bytes(bytes: [u8; 8]) -> String {
    code_from_bytes(&bytes)
}

/// A code of any length from random bytes, one symbol of [`TICKET_ALPHABET`] per byte (order codes,
/// request tracking codes and letter verification codes use it too).
pub fn code_from_bytes(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|byte| TICKET_ALPHABET[usize::from(byte % 32)] as char)
        .collect()
}

/// What a person typed (`k7mq-4xpz`, with spaces, lower case) → the stored form, if it can be one.
pub fn normalize_ticket_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == 8 && code.bytes().all(|b| TICKET_ALPHABET.contains(&b))).then_some(code)
}

/// `K7MQ-4XPZ`: two groups of four read more easily.
pub fn display_ticket_code(code: &str) -> String {
    match (code.get(..4), code.get(4..)) {
        (Some(head), Some(tail)) if !tail.is_empty() => format!("{head}-{tail}"),
        _ => code.to_string(),
    }
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

    #[test]
    fn ticket_codes_use_only_unambiguous_symbols_and_read_back_from_what_people_type() {
        let code = ticket_code_from_bytes([0, 1, 31, 32, 200, 255, 7, 64]);
        assert_eq!(code.len(), 8);
        assert!(!code.contains(['0', 'O', '1', 'I']));
        assert_eq!(
            normalize_ticket_code(&code.to_lowercase()),
            Some(code.clone())
        );
        let shown = display_ticket_code(&code);
        assert_eq!(shown.len(), 9);
        assert_eq!(normalize_ticket_code(&format!(" {shown} ")), Some(code));
        assert_eq!(normalize_ticket_code("K7MQ-4XP"), None, "too short");
        assert_eq!(normalize_ticket_code("K7MQ-4XP0"), None, "0 is never used");
        assert_eq!(normalize_ticket_code("' OR 1=1"), None);
    }
}
