//! One-time password-reset codes: six random digits, valid for 15 minutes, five tries, single use.

pub const CODE_LIFETIME_SECONDS: i64 = 15 * 60;
pub const MAX_ATTEMPTS: i64 = 5;

/// Whether a stored code may still be tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeState {
    Live,
    Expired,
    /// Too many wrong tries: a new code must be requested.
    Exhausted,
}

pub fn code_state(expires_at: i64, attempts: i64, now: i64) -> CodeState {
    if now >= expires_at {
        CodeState::Expired
    } else if attempts >= MAX_ATTEMPTS {
        CodeState::Exhausted
    } else {
        CodeState::Live
    }
}

/// Keeps only the digits a person typed (codes are often copied with spaces: `123 456`).
pub fn typed_code(input: &str) -> String {
    input.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(feature = "ssr")]
pub use server::{hash_code, new_code};

#[cfg(feature = "ssr")]
mod server {
    use sha2::{Digest, Sha256};

    /// Six uniformly random digits (rejection sampling: no bias towards low codes).
    pub fn new_code() -> Result<String, getrandom::Error> {
        loop {
            let mut bytes = [0u8; 4];
            getrandom::getrandom(&mut bytes)?;
            let value = u32::from_le_bytes(bytes);
            // 4_294_000_000 is the largest multiple of 1_000_000 below 2^32.
            if value < 4_294_000_000 {
                return Ok(format!("{:06}", value % 1_000_000));
            }
        }
    }

    /// Codes are stored hashed with the account id, so a database copy shows no live code directly.
    pub fn hash_code(account_id: i64, code: &str) -> String {
        let digest = Sha256::digest(format!("{account_id}:{code}").as_bytes());
        digest.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn codes_are_six_digits_and_vary() {
            let codes: std::collections::HashSet<String> =
                (0..50).map(|_| new_code().unwrap()).collect();
            assert!(codes
                .iter()
                .all(|code| code.len() == 6 && code.chars().all(|c| c.is_ascii_digit())));
            assert!(codes.len() > 40);
            assert_ne!(hash_code(1, "123456"), hash_code(2, "123456"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_expires_after_fifteen_minutes_and_five_wrong_tries() {
        let created = 1_800_000_000;
        let expires = created + CODE_LIFETIME_SECONDS;
        assert_eq!(code_state(expires, 0, created), CodeState::Live);
        assert_eq!(code_state(expires, 4, expires - 1), CodeState::Live);
        assert_eq!(code_state(expires, 0, expires), CodeState::Expired);
        assert_eq!(code_state(expires, 5, created + 60), CodeState::Exhausted);
    }

    #[test]
    fn typed_codes_keep_only_digits() {
        assert_eq!(typed_code(" 123 456 "), "123456");
        assert_eq!(typed_code("12-34-56"), "123456");
    }
}
