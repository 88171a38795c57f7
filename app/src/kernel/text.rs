//! Text inputs as people type them on a phone: required and optional fields, tags, page slugs, query
//! values, and the safe `next` address after signing in.

/// A holder's name as the public verification page shows it: first letters kept, the rest masked
/// ("Siti Rahayu" → "S*** R*****"), enough to match a letter or a certificate in hand, not to learn who asked.
pub fn masked_name(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => {
                    let rest = chars.count();
                    format!("{first}{}", "*".repeat(rest))
                }
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks a required text's length in characters.
#[cfg(feature = "ssr")]
pub fn required_text(
    field: &str,
    value: &str,
    min: usize,
    max: usize,
) -> Result<String, crate::error::AppError> {
    let value = value.trim();
    match value.chars().count() {
        0 => Err(crate::error::AppError::field(field, "text_required")),
        n if n < min => Err(crate::error::AppError::field(field, "text_too_short")),
        n if n > max => Err(crate::error::AppError::field(field, "text_too_long")),
        _ => Ok(value.to_string()),
    }
}

/// A text field left empty (or only spaces) is no value.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn optional_text(value: Option<String>) -> Option<String> {
    value
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
}

/// `Batik, anak-anak  Kopi` → `,batik,anak-anak,kopi,` (stored wrapped in commas so one `LIKE` finds a
/// whole tag). At most ten tags of 2–30 letters, digits or dashes.
pub fn normalize_tags(text: &str) -> Option<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text
        .split([',', ' ', '#'])
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
    {
        let tag = tag.to_lowercase();
        let length = tag.chars().count();
        if !(2..=30).contains(&length) || !tag.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    (tags.len() <= 10).then(|| format!(",{},", tags.join(",")).replace(",,", ","))
}

/// `Kelas Membatik: Gajah Oling!` → `kelas-membatik-gajah-oling`; never empty.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "acara".to_string()
    } else {
        slug
    }
}

/// Percent-encodes a path for a query value (keeps it readable: only what must be escaped is).
pub fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Where to go after signing in: only a path on this site (never `//elsewhere` or a full URL), so a
/// shared link cannot bounce someone to another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next.map(str::trim) {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_string()
        }
        _ => "/akun".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised_and_limited() {
        assert_eq!(
            normalize_tags("Batik, anak-anak  #Kopi batik").as_deref(),
            Some(",batik,anak-anak,kopi,")
        );
        assert_eq!(normalize_tags("").as_deref(), Some(","));
        assert_eq!(normalize_tags("a"), None);
        assert_eq!(normalize_tags("batik%"), None);
        assert_eq!(normalize_tags("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11"), None);
    }

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(
            slugify("Kelas Membatik: Gajah Oling!"),
            "kelas-membatik-gajah-oling"
        );
        assert_eq!(slugify("  ¿¿ "), "acara");
        assert!(slugify(&"panjang ".repeat(30)).len() <= 60);
    }

    #[test]
    fn only_paths_on_this_site_are_followed_after_sign_in() {
        assert_eq!(
            safe_next(Some("/pasar?kategori=batik")),
            "/pasar?kategori=batik"
        );
        for hostile in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(safe_next(Some(hostile)), "/akun", "{hostile}");
        }
        assert_eq!(safe_next(None), "/akun");
    }
}
