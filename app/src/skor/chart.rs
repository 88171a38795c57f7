//! The scorecard's pictures, drawn as SVG path data on the server (no script, no image request): a ring
//! of seven segments, one per criterion, filled in its colour when met; and bars for a roll-up. Pure
//! geometry, tested here; the views put the numbers beside them as text.

/// The ring's centre and radii in its 200×200 view box.
const CENTRE: f64 = 100.0;
const OUTER: f64 = 92.0;
const INNER: f64 = 58.0;
/// The gap between segments, in degrees.
const GAP: f64 = 3.0;

fn point(radius: f64, degrees: f64) -> (f64, f64) {
    // 0° at twelve o'clock, clockwise.
    let radians = (degrees - 90.0).to_radians();
    (
        CENTRE + radius * radians.cos(),
        CENTRE + radius * radians.sin(),
    )
}

/// The path of segment `index` of `count` (a slice of the ring), as SVG `d`.
pub fn ring_segment(index: usize, count: usize) -> String {
    let span = 360.0 / count.max(1) as f64;
    let start = index as f64 * span + GAP / 2.0;
    let end = (index + 1) as f64 * span - GAP / 2.0;
    let large = if end - start > 180.0 { 1 } else { 0 };
    let (ox1, oy1) = point(OUTER, start);
    let (ox2, oy2) = point(OUTER, end);
    let (ix2, iy2) = point(INNER, end);
    let (ix1, iy1) = point(INNER, start);
    format!(
        "M{ox1:.1} {oy1:.1}A{OUTER} {OUTER} 0 {large} 1 {ox2:.1} {oy2:.1}L{ix2:.1} {iy2:.1}A{INNER} {INNER} 0 {large} 0 {ix1:.1} {iy1:.1}Z"
    )
}

/// A bar's width in percent of the track for `value` of `total` (at least a sliver when not zero).
pub fn bar_percent(value: usize, total: usize) -> f64 {
    if total == 0 || value == 0 {
        return 0.0;
    }
    (value as f64 * 100.0 / total as f64).clamp(2.0, 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(path: &str) -> Vec<f64> {
        path.split(|c: char| c.is_ascii_alphabetic() || c == ' ')
            .filter(|part| !part.is_empty())
            .map(|part| part.parse().expect("a number"))
            .collect()
    }

    #[test]
    fn the_first_segment_starts_near_twelve_o_clock_and_stays_in_the_box() {
        let first = ring_segment(0, 7);
        let values = numbers(&first);
        // Starts on the outer radius just right of the top centre.
        assert!(
            (values[0] - 100.0).abs() < 4.0 && values[1] < 10.0,
            "{first}"
        );
        for index in 0..7 {
            for value in numbers(&ring_segment(index, 7)) {
                assert!((0.0..=200.0).contains(&value), "{index}: {value}");
            }
        }
    }

    #[test]
    fn seven_segments_are_all_different_and_closed() {
        let paths: Vec<String> = (0..7).map(|index| ring_segment(index, 7)).collect();
        for path in &paths {
            assert!(path.starts_with('M') && path.ends_with('Z'));
        }
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 7);
    }

    #[test]
    fn bars_are_proportional_and_never_invisible_when_not_zero() {
        assert_eq!(bar_percent(0, 10), 0.0);
        assert_eq!(bar_percent(5, 10), 50.0);
        assert_eq!(bar_percent(1, 1000), 2.0);
        assert_eq!(bar_percent(3, 0), 0.0);
    }
}
