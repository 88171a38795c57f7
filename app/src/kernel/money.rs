//! Money as Indonesians type it.

/// `150.000`, `Rp 150.000`, `150000`, `150,000` → 150000. Rupiah have no decimals; empty is free.
pub fn parse_rupiah(text: &str) -> Option<i64> {
    let text = text
        .trim()
        .trim_start_matches("Rp")
        .trim_start_matches("IDR")
        .trim();
    if text.is_empty() {
        return Some(0);
    }
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' '))
        .collect();
    if digits.is_empty() || digits.len() > 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_read_as_people_write_them() {
        assert_eq!(parse_rupiah("150.000"), Some(150_000));
        assert_eq!(parse_rupiah("Rp 150.000"), Some(150_000));
        assert_eq!(parse_rupiah("150,000"), Some(150_000));
        assert_eq!(parse_rupiah(""), Some(0));
        assert_eq!(parse_rupiah("gratis"), None);
        assert_eq!(parse_rupiah("-5"), None);
        assert_eq!(parse_rupiah("99999999999"), None);
    }
}
