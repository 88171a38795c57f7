//! Reading what organisers type: prices as Indonesians write them, tags, coordinates, page slugs.
//! Pure, so each rule is tested here; the server functions turn a refusal into a field error.

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

/// Latitude and longitude, both or neither (`-8.2136`, `114.3292`); the error is the field rule's code.
pub fn parse_coordinates(
    latitude: &str,
    longitude: &str,
) -> Result<Option<(f64, f64)>, &'static str> {
    const INVALID: &str = "coordinates_invalid";
    match (latitude.trim(), longitude.trim()) {
        ("", "") => Ok(None),
        (latitude, longitude) => {
            let latitude: f64 = latitude.replace(',', ".").parse().map_err(|_| INVALID)?;
            let longitude: f64 = longitude.replace(',', ".").parse().map_err(|_| INVALID)?;
            ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude))
                .then_some(Some((latitude, longitude)))
                .ok_or(INVALID)
        }
    }
}

/// Seats per session: empty means none given; otherwise 1 to 10,000.
pub fn parse_capacity(text: &str) -> Result<Option<i64>, &'static str> {
    match text.trim() {
        "" => Ok(None),
        text => text
            .parse::<i64>()
            .ok()
            .filter(|seats| (1..=10_000).contains(seats))
            .map(Some)
            .ok_or("capacity_invalid"),
    }
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

/// An OpenStreetMap link centred on the venue.
pub fn openstreetmap_url(latitude: f64, longitude: f64) -> String {
    format!(
        "https://www.openstreetmap.org/?mlat={latitude:.5}&mlon={longitude:.5}#map=17/{latitude:.5}/{longitude:.5}"
    )
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
    fn coordinates_come_in_pairs_inside_the_globe() {
        assert_eq!(parse_coordinates("", ""), Ok(None));
        assert_eq!(
            parse_coordinates("-8,2136", "114.3292"),
            Ok(Some((-8.2136, 114.3292)))
        );
        assert_eq!(parse_coordinates("-8.2", ""), Err("coordinates_invalid"));
        assert_eq!(parse_coordinates("95", "114"), Err("coordinates_invalid"));
    }

    #[test]
    fn capacity_is_empty_or_a_sane_number() {
        assert_eq!(parse_capacity(" "), Ok(None));
        assert_eq!(parse_capacity("25"), Ok(Some(25)));
        assert_eq!(parse_capacity("0"), Err("capacity_invalid"));
        assert_eq!(parse_capacity("banyak"), Err("capacity_invalid"));
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
}
