//! Letter numbers as Indonesian village offices write them: classification code / yearly sequence /
//! village code / year, e.g. `470/012/35.10.07.2004/2026`. The sequence restarts every year per village;
//! the store takes the next one in the same transaction that issues the letter, so two letters never share
//! a number.

/// `470/012/35.10.07.2004/2026`: the sequence has at least three digits.
pub fn format_letter_number(
    classification: &str,
    sequence: i64,
    village_code: &str,
    year: i32,
) -> String {
    format!("{classification}/{sequence:03}/{village_code}/{year}")
}

/// A verification code for the letter's QR: 12 characters from the ticket alphabet (no 0/O, 1/I), 60
/// bits — not guessable, short enough to type from paper.
pub fn verification_code_from_bytes(bytes: [u8; 12]) -> String {
    crate::kernel::codes::code_from_bytes(&bytes)
}

/// Letters mask their holder's name the way every verification page does.
pub use crate::kernel::text::masked_name;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_village_office_format() {
        assert_eq!(
            format_letter_number("470", 12, "35.10.07.2004", 2026),
            "470/012/35.10.07.2004/2026"
        );
        assert_eq!(
            format_letter_number("474.1", 1, "35.10.13.2001", 2027),
            "474.1/001/35.10.13.2001/2027"
        );
        assert_eq!(
            format_letter_number("470", 1234, "35.10.07.2004", 2026),
            "470/1234/35.10.07.2004/2026"
        );
    }

    #[test]
    fn verification_codes_avoid_look_alike_characters() {
        let code = verification_code_from_bytes([0, 1, 2, 3, 31, 32, 63, 64, 200, 255, 7, 8]);
        assert_eq!(code.len(), 12);
        assert!(!code.contains(['0', 'O', '1', 'I']));
    }

    #[test]
    fn names_are_masked_word_by_word() {
        assert_eq!(masked_name("Siti Rahayu"), "S*** R*****");
        assert_eq!(masked_name("  Budi  "), "B***");
        assert_eq!(masked_name("Ni Luh Ayu"), "N* L** A**");
        assert_eq!(masked_name(""), "");
    }
}
