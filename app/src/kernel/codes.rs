//! Codes people read out and type: tickets at the door, order and request tracking codes, letter
//! verification codes. One alphabet without look-alikes, one way to make them, read and show them.

/// The alphabet of every code: no 0/O or 1/I, easy to read out at the door or over the phone.
pub const CODE_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// A code of any length from random bytes, one symbol of [`CODE_ALPHABET`] per byte (32 symbols divide
/// 256, so every symbol is equally likely).
pub fn code_from_bytes(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|byte| CODE_ALPHABET[usize::from(byte % 32)] as char)
        .collect()
}

/// What a person typed (`k7mq-4xpz`, with spaces, lower case) → the stored form of an 8-symbol code
/// (ticket, order, request), if it can be one.
pub fn normalize_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == 8 && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// `K7MQ-4XPZ`: two groups of four read more easily.
pub fn display_code(code: &str) -> String {
    match (code.get(..4), code.get(4..)) {
        (Some(head), Some(tail)) if !tail.is_empty() => format!("{head}-{tail}"),
        _ => code.to_string(),
    }
}

/// A fresh random code of `N` symbols from [`CODE_ALPHABET`]. Without randomness there is no code: an
/// error, never a predictable one.
#[cfg(feature = "ssr")]
pub fn random_code<const N: usize>() -> Result<String, crate::error::AppError> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|error| {
        tracing::error!(%error, "no randomness for a code");
        crate::error::AppError::Internal
    })?;
    Ok(code_from_bytes(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_codes_use_only_unambiguous_symbols_and_read_back_from_what_people_type() {
        let code = code_from_bytes(&[0, 1, 31, 32, 200, 255, 7, 64]);
        assert_eq!(code.len(), 8);
        assert!(!code.contains(['0', 'O', '1', 'I']));
        assert_eq!(normalize_code(&code.to_lowercase()), Some(code.clone()));
        let shown = display_code(&code);
        assert_eq!(shown.len(), 9);
        assert_eq!(normalize_code(&format!(" {shown} ")), Some(code));
        assert_eq!(normalize_code("K7MQ-4XP"), None, "too short");
        assert_eq!(normalize_code("K7MQ-4XP0"), None, "0 is never used");
        assert_eq!(normalize_code("' OR 1=1"), None);
    }
}
