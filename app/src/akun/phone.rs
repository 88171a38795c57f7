//! Indonesian mobile numbers. Stored in E.164 (`+62812…`); people type them in many ways (`0812-…`,
//! `62812…`, `+62 812 …`), and sellers are reached on WhatsApp through `wa.me` links.

use serde::{Deserialize, Serialize};

/// Why a typed number was refused; the UI translates the code next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhoneError {
    /// Nothing but spaces and punctuation.
    Empty,
    /// Letters or other characters that never appear in a phone number.
    InvalidCharacters,
    /// Not a number in Indonesia (+62).
    NotIndonesian,
    /// Indonesian mobile numbers start with 8 after the country code (0812…, +62812…).
    NotMobile,
    /// Too short or too long for an Indonesian mobile number.
    WrongLength,
}

impl PhoneError {
    pub fn code(self) -> &'static str {
        match self {
            PhoneError::Empty => "phone_empty",
            PhoneError::InvalidCharacters => "phone_invalid_characters",
            PhoneError::NotIndonesian => "phone_not_indonesian",
            PhoneError::NotMobile => "phone_not_mobile",
            PhoneError::WrongLength => "phone_wrong_length",
        }
    }
}

/// Subscriber part of an Indonesian mobile number (after +62): 8xx plus 6 to 9 digits.
const SUBSCRIBER_DIGITS: std::ops::RangeInclusive<usize> = 9..=12;

/// Normalises what a person typed to E.164, e.g. `0812-3456-7890` → `+6281234567890`.
pub fn normalize_mobile(input: &str) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    let has_plus = trimmed.starts_with('+');
    let mut digits = String::with_capacity(trimmed.len());
    for (index, character) in trimmed.chars().enumerate() {
        match character {
            '0'..='9' => digits.push(character),
            '+' if index == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(PhoneError::InvalidCharacters),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    let subscriber = if let Some(rest) = digits.strip_prefix("62") {
        rest
    } else if has_plus {
        return Err(PhoneError::NotIndonesian);
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else if digits.starts_with('8') {
        // Typed without the leading 0, as some people do after seeing "+62" printed beside the field.
        digits.as_str()
    } else {
        return Err(PhoneError::NotIndonesian);
    };
    if !subscriber.starts_with('8') {
        return Err(PhoneError::NotMobile);
    }
    if !SUBSCRIBER_DIGITS.contains(&subscriber.len()) {
        return Err(PhoneError::WrongLength);
    }
    Ok(format!("+62{subscriber}"))
}

/// `https://wa.me/6281234567890?text=…` for a normalised number, with the message URL-encoded.
pub fn whatsapp_link(e164: &str, message: &str) -> String {
    let number = e164.trim_start_matches('+');
    let mut link = format!("https://wa.me/{number}");
    if !message.is_empty() {
        link.push_str("?text=");
        for byte in message.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    link.push(byte as char)
                }
                _ => link.push_str(&format!("%{byte:02X}")),
            }
        }
    }
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_ways_of_typing_a_number_all_normalise_the_same() {
        for typed in [
            "081234567890",
            "0812-3456-7890",
            "0812 3456 7890",
            "62812 3456 7890",
            "+62 812-3456-7890",
            "+6281234567890",
            "(0812) 3456.7890",
            "81234567890",
            "  081234567890  ",
        ] {
            assert_eq!(
                normalize_mobile(typed),
                Ok("+6281234567890".to_string()),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn numbers_that_are_not_indonesian_mobiles_are_refused_with_a_reason() {
        assert_eq!(normalize_mobile(""), Err(PhoneError::Empty));
        assert_eq!(normalize_mobile(" - "), Err(PhoneError::Empty));
        assert_eq!(
            normalize_mobile("0812abc"),
            Err(PhoneError::InvalidCharacters)
        );
        assert_eq!(
            normalize_mobile("+31612345678"),
            Err(PhoneError::NotIndonesian)
        );
        assert_eq!(normalize_mobile("0333-123456"), Err(PhoneError::NotMobile));
        assert_eq!(normalize_mobile("0812345"), Err(PhoneError::WrongLength));
        assert_eq!(
            normalize_mobile("08123456789012345"),
            Err(PhoneError::WrongLength)
        );
        assert_eq!(
            normalize_mobile("12+34"),
            Err(PhoneError::InvalidCharacters)
        );
    }

    #[test]
    fn whatsapp_links_carry_an_encoded_message() {
        assert_eq!(
            whatsapp_link("+6281234567890", "Halo, saya mau pesan: Kopi lanang & gula?"),
            "https://wa.me/6281234567890?text=Halo%2C%20saya%20mau%20pesan%3A%20Kopi%20lanang%20%26%20gula%3F"
        );
        assert_eq!(
            whatsapp_link("+6281234567890", ""),
            "https://wa.me/6281234567890"
        );
        // UTF-8 is encoded byte by byte.
        assert!(whatsapp_link("+62812345678", "é").ends_with("?text=%C3%A9"));
    }
}
