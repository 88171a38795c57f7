use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// Festival or ritual, often several days (Festival Gandrung Sewu, Barong Ider Bumi).
    Festival,
    /// A performance (pertunjukan), e.g. a Gandrung dance evening.
    Pertunjukan,
    /// A class or workshop (kelas): batik, dance, coffee roasting, Osing language.
    Kelas,
    /// A place (tempat) with opening hours: sanggar, museum house, reading corner.
    Tempat,
    /// A learning programme for residents (digital literacy, small-business training).
    Program,
}

impl EventKind {
    pub fn from_code(code: &str) -> Option<EventKind> {
        match code {
            "festival" => Some(EventKind::Festival),
            "pertunjukan" => Some(EventKind::Pertunjukan),
            "kelas" => Some(EventKind::Kelas),
            "tempat" => Some(EventKind::Tempat),
            "program" => Some(EventKind::Program),
            _ => None,
        }
    }
}

/// An agenda entry as shown in lists. Times are UTC unix seconds, shown in WIB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventCard {
    pub slug: String,
    pub kind: EventKind,
    pub title_id: String,
    pub title_en: Option<String>,
    pub summary_id: String,
    pub summary_en: Option<String>,
    pub venue: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub price_rupiah: i64,
    pub village_name: String,
    pub village_slug: String,
}

impl EventCard {
    /// Festivals span days: show the end date too when it is another day in WIB.
    pub fn spans_several_days(&self) -> bool {
        let start = crate::format::WibDateTime::from_unix(self.starts_at);
        let end = crate::format::WibDateTime::from_unix(self.ends_at);
        (start.year, start.month, start.day) != (end.year, end.month, end.day)
    }
}
