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
    /// Health (kesehatan): posyandu for babies and toddlers, posbindu, posyandu lansia, vaccination
    /// days at the dusun's post. Sessions and who registers only; no health record is ever stored
    /// (growth data is specific personal data under UU PDP).
    Kesehatan,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Festival,
        EventKind::Pertunjukan,
        EventKind::Kelas,
        EventKind::Tempat,
        EventKind::Program,
        EventKind::Kesehatan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Festival => "festival",
            EventKind::Pertunjukan => "pertunjukan",
            EventKind::Kelas => "kelas",
            EventKind::Tempat => "tempat",
            EventKind::Program => "program",
            EventKind::Kesehatan => "kesehatan",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// An agenda entry as shown in lists: one dated session of a listing (or a place, with its opening
/// hours instead of a date). Times are UTC unix seconds, shown in WIB.
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
    /// Seats still free in this session; `None` when no registration is needed.
    pub seats_left: Option<i64>,
    pub cancelled: bool,
    /// The listing's first photo, if it has one.
    pub photo: Option<crate::media::PhotoRef>,
}

impl EventCard {
    /// Festivals span days: show the end date too when it is another day in WIB.
    pub fn spans_several_days(&self) -> bool {
        let start = crate::format::WibDateTime::from_unix(self.starts_at);
        let end = crate::format::WibDateTime::from_unix(self.ends_at);
        (start.year, start.month, start.day) != (end.year, end.month, end.day)
    }
}

/// The agenda's filters, read from the page's query string (a GET form, so it works without JS).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaQuery {
    /// `hari-ini`, `akhir-pekan`, `bulan-ini`, `tanggal` (use `from`/`to`), or empty for "from now on".
    pub when: String,
    pub from: String,
    pub to: String,
    pub kind: String,
    pub tag: String,
    pub village: String,
    /// `gratis` or `berbayar`.
    pub cost: String,
    pub q: String,
    /// Only listings run by this Pasar shop (its slug); used by the shop page.
    pub shop: String,
    /// 1-based page of dated sessions.
    pub page: u32,
}

/// A bad filter is not an error page: the agenda says which filter it ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// The period actually shown, `[from, to)` unix seconds.
    pub from: i64,
    pub to: i64,
    pub sessions: Vec<EventCard>,
    pub places: Vec<EventCard>,
    pub has_more: bool,
    /// Filter fields that could not be read (e.g. a malformed date) and were ignored.
    pub ignored: Vec<String>,
    pub villages: Vec<(String, String)>,
    pub tags: Vec<String>,
}

/// One day of the month calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// `2026-12-05`.
    pub date: String,
    pub day: u32,
    pub weekday: u32,
    pub sessions: u32,
    pub is_today: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCalendar {
    pub year: i64,
    pub month: u32,
    pub days: Vec<CalendarDay>,
    /// `2026-11` and `2027-01`, for the previous/next links.
    pub previous: String,
    pub next: String,
}

/// A listing's full page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub id: i64,
    pub slug: String,
    pub kind: EventKind,
    pub title_id: String,
    pub title_en: Option<String>,
    pub summary_id: String,
    pub summary_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub tags: Vec<String>,
    pub venue: String,
    pub address: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub accessibility_id: Option<String>,
    pub accessibility_en: Option<String>,
    pub opening_hours_id: Option<String>,
    pub opening_hours_en: Option<String>,
    pub organiser_name: String,
    pub shop_name: Option<String>,
    /// The shop's page in Pasar, when a seller runs it.
    pub shop_slug: Option<String>,
    pub price_rupiah: i64,
    pub capacity: Option<i64>,
    pub village_name: String,
    pub village_slug: String,
    pub is_hidden: bool,
}

/// A session as shown on the listing page, with the visitor's own registration if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSlot {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: Option<i64>,
    pub seats_left: Option<i64>,
    pub waiting: i64,
    pub cancelled: bool,
    /// Already under way: shown, but no longer open for registration.
    pub started: bool,
    pub my_ticket: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingPage {
    pub listing: Listing,
    pub photos: Vec<crate::media::PhotoRef>,
    pub sessions: Vec<SessionSlot>,
    pub may_manage: bool,
    pub signed_in: bool,
    /// Absolute link to this page, for OpenGraph and the share text.
    pub canonical_url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TicketStatus {
    Confirmed,
    Waitlisted,
    Cancelled,
}

impl TicketStatus {
    pub fn code(self) -> &'static str {
        match self {
            TicketStatus::Confirmed => "confirmed",
            TicketStatus::Waitlisted => "waitlisted",
            TicketStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<TicketStatus> {
        [
            TicketStatus::Confirmed,
            TicketStatus::Waitlisted,
            TicketStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }
}

/// A registration as its holder (or the organiser at the door) sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub code: String,
    pub status: TicketStatus,
    pub seats: i64,
    /// Place in line (1 = next) while waitlisted.
    pub waitlist_position: Option<i64>,
    pub holder_name: String,
    pub event_slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub venue: String,
    pub address: String,
    pub village_name: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub session_cancelled: bool,
    pub checked_in_at: Option<i64>,
    /// Inline SVG of the QR code (the ticket's URL); empty for a cancelled ticket.
    pub qr_svg: String,
    pub is_holder: bool,
    pub may_check_in: bool,
}

/// One line of "my tickets" in the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub code: String,
    pub status: TicketStatus,
    pub title_id: String,
    pub title_en: Option<String>,
    pub starts_at: i64,
    pub session_cancelled: bool,
}

/// A listing in the organiser's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedListing {
    pub slug: String,
    pub kind: EventKind,
    pub title_id: String,
    pub village_name: String,
    pub next_session: Option<i64>,
    pub registrations: i64,
}

/// Where a person may create listings: villages they are staff of, and their shop's village.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganiserHome {
    pub listings: Vec<ManagedListing>,
    /// `(slug, name)` of villages where they may create a listing.
    pub villages: Vec<(String, String)>,
    /// The shop a seller runs workshops as.
    pub shop_name: Option<String>,
}

/// One registration in the organiser's list for a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registrant {
    pub code: String,
    pub name: String,
    pub seats: i64,
    pub status: TicketStatus,
    pub checked_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedSession {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: Option<i64>,
    pub seats_left: Option<i64>,
    pub checked_in_seats: i64,
    pub cancelled: bool,
    pub registrants: Vec<Registrant>,
}

/// The organiser's page for one listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingConsole {
    pub listing: Listing,
    pub photos: Vec<crate::media::PhotoRef>,
    pub sessions: Vec<ManagedSession>,
}

/// A training's certificate rule: `sessions` attended earn one (`None`: the listing gives none);
/// `teaches_selling` lets a holder's shop say "trained in …".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateRule {
    pub sessions: Option<i64>,
    pub teaches_selling: bool,
}

/// A certificate as its organiser lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCertificate {
    pub number: String,
    pub verification_code: String,
    pub holder_name: String,
    pub sessions_attended: i64,
    pub issued_at: i64,
}

/// The certificate part of a listing's console: the rule, who has earned one and not received it, and
/// those issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateConsole {
    pub rule: CertificateRule,
    pub waiting: usize,
    pub issued: Vec<IssuedCertificate>,
}

/// `/verifikasi/sertifikat/{code}`: what anyone holding the paper may check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateVerification {
    pub number: String,
    pub holder_masked: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub sessions_attended: i64,
    pub organiser_name: String,
    pub village_name: String,
    pub issued_at: i64,
}

/// One of the signed-in person's certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCertificate {
    pub verification_code: String,
    pub number: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub issued_at: i64,
}
