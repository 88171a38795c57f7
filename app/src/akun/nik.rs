//! NIK (Nomor Induk Kependudukan): the 16-digit resident ID. It encodes region, birth date and sex, so it
//! is personal data (UU PDP 27/2022): stored encrypted with a key kept outside the database, shown only
//! masked (last four digits) to the resident and their village's staff, never in a public page, URL or log.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NikError {
    WrongLength,
    NotDigits,
    /// Sixteen digits, but no real NIK looks like this (region or birth date impossible).
    Implausible,
}

impl NikError {
    pub fn code(self) -> &'static str {
        match self {
            NikError::WrongLength => "nik_wrong_length",
            NikError::NotDigits => "nik_not_digits",
            NikError::Implausible => "nik_implausible",
        }
    }
}

/// Accepts a NIK typed with spaces or dots (as printed on some cards) and returns the 16 digits.
pub fn normalize_nik(input: &str) -> Result<String, NikError> {
    let mut digits = String::with_capacity(16);
    for character in input.chars() {
        match character {
            '0'..='9' => digits.push(character),
            ' ' | '.' | '-' => {}
            _ => return Err(NikError::NotDigits),
        }
    }
    if digits.len() != 16 {
        return Err(NikError::WrongLength);
    }
    let number = |range: std::ops::Range<usize>| digits[range].parse::<u32>().unwrap_or(0);
    let province = number(0..2);
    // Birth day: 01–31 for men, 41–71 for women (day + 40).
    let day = number(6..8);
    let month = number(8..10);
    let sequence = number(12..16);
    let plausible = (11..=94).contains(&province)
        && ((1..=31).contains(&day) || (41..=71).contains(&day))
        && (1..=12).contains(&month)
        && sequence > 0;
    if !plausible {
        return Err(NikError::Implausible);
    }
    Ok(digits)
}

/// How a NIK is shown, even to the people allowed to see it: `•••• •••• •••• 1234`.
pub fn masked(last4: &str) -> String {
    format!("•••• •••• •••• {last4}")
}

#[cfg(feature = "ssr")]
pub use cipher::NikCipher;

#[cfg(feature = "ssr")]
mod cipher {
    use chacha20poly1305::aead::{Aead, KeyInit};
    use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

    const NONCE_BYTES: usize = 12;

    /// Encrypts NIKs with ChaCha20-Poly1305. The key comes from the server's configuration (a file or an
    /// environment variable), never from the database, so a copy of the database alone reveals nothing.
    #[derive(Clone)]
    pub struct NikCipher {
        cipher: ChaCha20Poly1305,
    }

    impl NikCipher {
        pub fn from_key(key: [u8; 32]) -> Self {
            NikCipher {
                cipher: ChaCha20Poly1305::new(Key::from_slice(&key)),
            }
        }

        /// A new random key, for a first start without one.
        pub fn generate_key() -> Result<[u8; 32], getrandom::Error> {
            let mut key = [0u8; 32];
            getrandom::getrandom(&mut key)?;
            Ok(key)
        }

        /// Random nonce followed by the ciphertext.
        pub fn encrypt(&self, nik: &str) -> Result<Vec<u8>, crate::error::AppError> {
            let mut nonce = [0u8; NONCE_BYTES];
            let sealed = getrandom::getrandom(&mut nonce)
                .ok()
                .and_then(|_| {
                    self.cipher
                        .encrypt(Nonce::from_slice(&nonce), nik.as_bytes())
                        .ok()
                })
                .ok_or_else(|| {
                    tracing::error!("NIK encryption failed");
                    crate::error::AppError::Internal
                })?;
            let mut stored = nonce.to_vec();
            stored.extend_from_slice(&sealed);
            Ok(stored)
        }

        /// The NIK back, or `None` when the bytes were not sealed with this key.
        pub fn decrypt(&self, stored: &[u8]) -> Option<String> {
            if stored.len() <= NONCE_BYTES {
                return None;
            }
            let (nonce, sealed) = stored.split_at(NONCE_BYTES);
            let plain = self.cipher.decrypt(Nonce::from_slice(nonce), sealed).ok()?;
            String::from_utf8(plain).ok()
        }
    }

    impl std::fmt::Debug for NikCipher {
        fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str("NikCipher(<key hidden>)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_nik_is_normalised_and_checked() {
        assert_eq!(
            normalize_nik("3510 1245 0890 0003"),
            Ok("3510124508900003".into())
        );
        // A woman's NIK: birth day + 40.
        assert_eq!(
            normalize_nik("3510.1252.0890.0003"),
            Ok("3510125208900003".into())
        );
        assert_eq!(normalize_nik("35101245089000"), Err(NikError::WrongLength));
        assert_eq!(normalize_nik("3510124508900O03"), Err(NikError::NotDigits));
        assert_eq!(
            normalize_nik("0010124508900003"),
            Err(NikError::Implausible)
        );
        assert_eq!(
            normalize_nik("3510123508900003"),
            Err(NikError::Implausible)
        );
        assert_eq!(
            normalize_nik("3510124513900003"),
            Err(NikError::Implausible)
        );
        assert_eq!(
            normalize_nik("3510124508900000"),
            Err(NikError::Implausible)
        );
    }

    #[test]
    fn only_the_last_four_digits_are_ever_shown() {
        assert_eq!(masked("0003"), "•••• •••• •••• 0003");
    }

    #[test]
    fn encryption_round_trips_and_depends_on_the_key() {
        let cipher = NikCipher::from_key([7; 32]);
        let stored = cipher.encrypt("3510124508900003").unwrap();
        assert!(!stored
            .windows(4)
            .any(|window| window == b"3510" || window == b"0003"));
        assert_eq!(cipher.decrypt(&stored).as_deref(), Some("3510124508900003"));
        // The same NIK twice gives different bytes (random nonce).
        assert_ne!(stored, cipher.encrypt("3510124508900003").unwrap());
        assert_eq!(NikCipher::from_key([8; 32]).decrypt(&stored), None);
    }
}
