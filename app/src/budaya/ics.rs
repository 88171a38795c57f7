//! iCalendar (RFC 5545) output for "add to calendar" and the subscribable feeds. Written by hand: the
//! format is small, and the rules that matter (CRLF lines, text escaping, folding long lines at 75 octets
//! without splitting a UTF-8 character, UTC times) are tested below against a real parser.

/// One session as a calendar entry.
#[derive(Debug, Clone, PartialEq)]
pub struct IcsEntry {
    /// Stable across edits (the session id), so a calendar app updates the entry instead of duplicating.
    pub uid: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub geo: Option<(f64, f64)>,
    pub url: String,
    pub cancelled: bool,
}

/// A whole calendar; `name` is what calendar apps show for a subscription.
pub fn calendar(name: &str, entries: &[IcsEntry], now: i64) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Smart Kampung//Budaya//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    push_line(&mut out, "X-WR-TIMEZONE:Asia/Jakarta");
    for entry in entries {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", entry.uid));
        push_line(&mut out, &format!("DTSTAMP:{}", utc_stamp(now)));
        push_line(&mut out, &format!("DTSTART:{}", utc_stamp(entry.starts_at)));
        push_line(&mut out, &format!("DTEND:{}", utc_stamp(entry.ends_at)));
        push_line(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&entry.summary)),
        );
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&entry.description)),
        );
        push_line(
            &mut out,
            &format!("LOCATION:{}", escape_text(&entry.location)),
        );
        if let Some((latitude, longitude)) = entry.geo {
            push_line(&mut out, &format!("GEO:{latitude:.6};{longitude:.6}"));
        }
        push_line(&mut out, &format!("URL:{}", entry.url));
        push_line(
            &mut out,
            if entry.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// `20261212T020000Z`.
fn utc_stamp(unix_seconds: i64) -> String {
    crate::format::iso_utc(unix_seconds).replace(['-', ':'], "")
}

/// TEXT values: backslash, semicolon and comma are escaped, line breaks become `\n`.
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends a content line, folded so no physical line exceeds 75 octets (continuations start with a
/// space), never inside a UTF-8 character.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> IcsEntry {
        IcsEntry {
            uid: "session-7@smart-kampung".into(),
            starts_at: 1_797_040_800, // 2026-12-12 09:00 WIB
            ends_at: 1_797_040_800 + 3 * 3600,
            summary: "Kelas membatik Gajah Oling; motif, canting & warna".into(),
            description: "Bawa baju ganti.\nKain dibawa pulang, termasuk malam (wax).".repeat(3),
            location: "Sanggar Batik Sekar Osing, Kemiren — Glagah, Banyuwangi".into(),
            geo: Some((-8.2136, 114.3292)),
            url: "https://kampung.example/budaya/acara/kelas-batik".into(),
            cancelled: false,
        }
    }

    #[test]
    fn lines_end_in_crlf_and_none_is_longer_than_75_octets() {
        let text = calendar("Kemiren · Budaya", &[entry()], 1_797_000_000);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "no bare line feeds"
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        assert!(text.contains("DTSTART:20261212T020000Z\r\n"));
        assert!(text.contains("SUMMARY:Kelas membatik Gajah Oling\\; motif\\, canting & warna"));
    }

    #[test]
    fn a_parser_reads_back_every_field() {
        let mut cancelled = entry();
        cancelled.uid = "session-8@smart-kampung".into();
        cancelled.cancelled = true;
        let text = calendar("Kemiren", &[entry(), cancelled], 1_797_000_000);
        let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let parsed = calendars
            .next()
            .expect("one calendar")
            .expect("valid iCalendar");
        assert!(calendars.next().is_none());
        assert_eq!(parsed.events.len(), 2);
        let property = |index: usize, name: &str| {
            parsed.events[index]
                .properties
                .iter()
                .find(|property| property.name == name)
                .and_then(|property| property.value.clone())
                .unwrap_or_default()
        };
        // The parser unfolds lines; the escaped text comes back exactly.
        assert_eq!(
            property(0, "DESCRIPTION"),
            escape_text(&entry().description)
        );
        assert_eq!(property(0, "LOCATION"), escape_text(&entry().location));
        assert_eq!(property(0, "DTEND"), "20261212T050000Z");
        assert_eq!(property(0, "GEO"), "-8.213600;114.329200");
        assert_eq!(property(1, "STATUS"), "CANCELLED");
        assert_eq!(property(1, "UID"), "session-8@smart-kampung");
    }

    #[test]
    fn folding_never_splits_a_multibyte_character() {
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "é".repeat(100)));
        for line in out.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(line.len() <= 75);
            assert!(std::str::from_utf8(line.as_bytes()).is_ok());
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(100))
        );
    }
}
