//! Reading what organisers type: coordinates and capacities (prices, tags and slugs are in `kernel`).
//! Pure, so each rule is tested here; the server functions turn a refusal into a field error.

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
}
