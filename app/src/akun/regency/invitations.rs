//! Invitation codes: eight random digits sent to the invited number, valid for seven days, single use,
//! stored as a SHA-256 of the number and the code (a copy of the database shows no live code).

use sha2::{Digest, Sha256};

use crate::akun::access::StaffRole;

pub const INVITATION_LIFETIME_SECONDS: i64 = 7 * 86_400;

/// Eight uniformly random digits (two six-digit draws, each without bias).
pub fn new_invitation_code() -> Result<String, getrandom::Error> {
    let first = crate::akun::reset_code::new_code()?;
    let second = crate::akun::reset_code::new_code()?;
    Ok(format!("{first}{}", &second[..2]))
}

pub fn hash_invitation_code(phone: &str, code: &str) -> String {
    let digest = Sha256::digest(format!("invitation:{phone}:{code}").as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The role's name in a message, in both languages.
pub fn role_names(role: StaffRole) -> (&'static str, &'static str) {
    match role {
        StaffRole::Operator => ("operator desa", "village operator"),
        StaffRole::Sekdes => ("sekretaris desa", "village secretary"),
        StaffRole::Kades => ("kepala desa", "village head"),
        StaffRole::Camat => ("staf kecamatan", "sub-district staff"),
        StaffRole::AdminKabupaten => ("admin kabupaten", "regency administrator"),
    }
}

/// The invitation message in Indonesian and English: the place, the code and where to enter it.
pub fn invitation_message(
    role: StaffRole,
    place: Option<&str>,
    code: &str,
    site: &str,
) -> (String, String) {
    let (role_id, role_en) = role_names(role);
    let place_id = place.map(|place| format!(" {place}")).unwrap_or_default();
    let place_en = place
        .map(|place| format!(" of {place}"))
        .unwrap_or_default();
    (
        format!(
            "Smart Kampung: Anda diundang sebagai {role_id}{place_id}. Masuk atau daftar dengan nomor ini, \
             lalu buka {site}/akun/undangan dan masukkan kode {code}. Berlaku 7 hari; jangan berikan kode ini \
             kepada siapa pun."
        ),
        format!(
            "Smart Kampung: you are invited as {role_en}{place_en}. Sign in or sign up with this number, then \
             open {site}/akun/undangan and enter the code {code}. Valid for 7 days; never share this code."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_digits_vary_and_are_bound_to_the_number() {
        let codes: std::collections::HashSet<String> =
            (0..50).map(|_| new_invitation_code().unwrap()).collect();
        assert!(codes
            .iter()
            .all(|code| code.len() == 8 && code.chars().all(|c| c.is_ascii_digit())));
        assert!(codes.len() > 45);
        assert_ne!(
            hash_invitation_code("+6281200000001", "12345678"),
            hash_invitation_code("+6281200000002", "12345678")
        );
    }

    #[test]
    fn the_message_names_the_place_the_code_and_the_page() {
        let (id, en) = invitation_message(
            StaffRole::Kades,
            Some("Desa Kemiren"),
            "12345678",
            "https://sk.id",
        );
        assert!(id.contains("kepala desa Desa Kemiren"));
        assert!(id.contains("https://sk.id/akun/undangan"));
        assert!(en.contains("12345678"));
    }
}
