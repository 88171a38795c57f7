//! Password rules, and hashing with Argon2id (server only, on blocking threads: one hash takes tens of
//! milliseconds of CPU, which must not stall the async workers serving other people).

use serde::{Deserialize, Serialize};

pub const MIN_LENGTH: usize = 8;
/// Long enough for any passphrase, short enough that nobody can make the server hash megabytes.
pub const MAX_LENGTH: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordError {
    TooShort,
    TooLong,
    /// On a list of passwords attackers try first, or made of the person's own phone number.
    TooCommon,
}

impl PasswordError {
    pub fn code(self) -> &'static str {
        match self {
            PasswordError::TooShort => "password_too_short",
            PasswordError::TooLong => "password_too_long",
            PasswordError::TooCommon => "password_too_common",
        }
    }
}

const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Checks a new password; `phone_e164` is the account's number (its digits make a guessable password).
pub fn check_new_password(password: &str, phone_e164: &str) -> Result<(), PasswordError> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(PasswordError::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(PasswordError::TooLong);
    }
    let lowered = password.to_lowercase();
    let is_listed = COMMON_PASSWORDS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|common| common == lowered);
    let first = lowered.chars().next();
    let one_repeated_character = lowered.chars().all(|character| Some(character) == first);
    let subscriber = phone_e164.trim_start_matches("+62");
    let is_own_number = !subscriber.is_empty()
        && (lowered.contains(subscriber) || lowered == format!("0{subscriber}"));
    if is_listed || one_repeated_character || is_own_number {
        return Err(PasswordError::TooCommon);
    }
    Ok(())
}

#[cfg(feature = "ssr")]
pub use hashing::{hash_password, verify_password};

#[cfg(feature = "ssr")]
mod hashing {
    use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
    use argon2::{Argon2, PasswordVerifier};

    use crate::error::AppError;

    /// A well-formed hash with the same parameters, checked when the phone number has no account.
    pub(super) const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$\
                                    qHd5Qx3nZtvnIhNULi6ImL5WSX1CQLdyyyoBSWsMNVs";

    /// Argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommendation).
    pub async fn hash_password(password: String) -> Result<String, AppError> {
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
        })
        .await
        .map_err(|error| {
            tracing::error!(%error, "password hashing task failed");
            AppError::Internal
        })?
        .map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            AppError::Internal
        })
    }

    /// True when `password` matches the stored hash. With no stored hash (unknown phone number) a dummy
    /// hash is checked anyway, so the answer takes as long and does not reveal who has an account.
    pub async fn verify_password(password: String, stored: Option<String>) -> bool {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY.to_string());
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&stored).is_ok_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
        })
        .await
        .unwrap_or(false)
            && known
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHONE: &str = "+6281234567890";

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(
            check_new_password("kopi7", PHONE),
            Err(PasswordError::TooShort)
        );
        assert_eq!(check_new_password("kopiluwak", PHONE), Ok(()));
        // Eight characters, more than eight bytes.
        assert_eq!(check_new_password("kopiñ7ée", PHONE), Ok(()));
        assert_eq!(
            check_new_password(&"a1".repeat(65), PHONE),
            Err(PasswordError::TooLong)
        );
    }

    #[test]
    fn common_and_guessable_passwords_are_refused() {
        for guessable in [
            "password",
            "Password123",
            "12345678",
            "bismillah",
            "BANYUWANGI",
            "aaaaaaaaaa",
            "081234567890",
            "x81234567890",
        ] {
            assert_eq!(
                check_new_password(guessable, PHONE),
                Err(PasswordError::TooCommon),
                "{guessable}"
            );
        }
        assert_eq!(check_new_password("gandrung-sewu-2026", PHONE), Ok(()));
    }

    #[test]
    fn the_dummy_hash_is_well_formed_so_unknown_numbers_cost_a_full_check() {
        let parsed = argon2::password_hash::PasswordHash::new(hashing::DUMMY).unwrap();
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert_eq!(parsed.params.get_decimal("m"), Some(19456));
    }

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let hash = hash_password("gandrung-sewu".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("gandrung-sewu".into(), Some(hash.clone())).await);
        assert!(!verify_password("gandrung-sewu!".into(), Some(hash)).await);
        assert!(!verify_password("gandrung-sewu".into(), None).await);
    }
}
