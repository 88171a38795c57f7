use serde::{Deserialize, Serialize};

/// Surat: a letter the village issues. Janji: an appointment at the balai desa (village office).
/// Stored as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "TEXT", rename_all = "lowercase")
)]
pub enum ServiceKind {
    Surat,
    Janji,
}

impl ServiceKind {
    pub fn from_code(code: &str) -> Option<ServiceKind> {
        match code {
            "surat" => Some(ServiceKind::Surat),
            "janji" => Some(ServiceKind::Janji),
            _ => None,
        }
    }
}

/// A service as listed in a village's catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCard {
    pub slug: String,
    pub kind: ServiceKind,
    pub name_id: String,
    pub name_en: Option<String>,
    pub summary_id: String,
    pub summary_en: Option<String>,
    pub processing_days: i64,
    /// The letter needs the camat's (sub-district head's) signature; the village forwards it.
    pub needs_camat: bool,
    pub fee_rupiah: i64,
    /// The (first) village offering it; in the all-villages overview, one of `village_count`.
    pub village_name: String,
    pub village_slug: String,
    pub village_count: i64,
}

pub use super::request_flow::{RequestRole, RequestStatus};

/// The kind of a form field a service asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldKind {
    Text,
    Number,
    Date,
    Select,
    /// A photo of a document.
    File,
}

impl FieldKind {
    pub fn code(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Select => "select",
            FieldKind::File => "file",
        }
    }

    pub fn from_code(code: &str) -> Option<FieldKind> {
        [
            FieldKind::Text,
            FieldKind::Number,
            FieldKind::Date,
            FieldKind::Select,
            FieldKind::File,
        ]
        .into_iter()
        .find(|kind| kind.code() == code)
    }
}

/// One field of a service's form, as the village staff defined it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormField {
    pub name: String,
    pub label_id: String,
    pub label_en: Option<String>,
    pub kind: FieldKind,
    pub options: Vec<String>,
    pub required: bool,
}

/// A request in a list (the resident's requests, a staff inbox).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub code: String,
    pub status: RequestStatus,
    pub service_name_id: String,
    pub service_name_en: Option<String>,
    pub holder_name: String,
    pub village_name: String,
    pub slot_starts_at: Option<i64>,
    pub queue_number: Option<i64>,
    pub created_at: i64,
}

/// One step of a request's audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineStep {
    /// The status entered; `None` when the resident moved the visit.
    pub status: Option<RequestStatus>,
    /// For a moved visit: the new slot's start and queue number.
    pub moved_to: Option<(i64, i64)>,
    pub by: String,
    /// pemohon, operator, kades or camat: in which part the person acted.
    pub role: String,
    pub note: Option<String>,
    pub at: i64,
}

/// A free visit slot offered on the request form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotChoice {
    pub starts_at: i64,
    pub places_left: i64,
}

/// `/layanan/{village}/{service}`: what a resident reads and fills in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePage {
    pub village_slug: String,
    pub village_name: String,
    pub slug: String,
    pub kind: ServiceKind,
    pub name_id: String,
    pub name_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub requirements_id: Vec<String>,
    pub requirements_en: Vec<String>,
    pub processing_days: i64,
    pub needs_camat: bool,
    pub fee_rupiah: i64,
    pub fields: Vec<FormField>,
    pub needs_slot: bool,
    pub slots: Vec<SlotChoice>,
    pub signed_in: bool,
    /// The viewer lives in another village: letters are asked for where one lives.
    pub lives_elsewhere: bool,
    /// A letter, and the viewer's identity is not verified yet: letters name verified residents.
    pub needs_verification: bool,
}

/// An answer as shown on the request page: the field's label (or name) and the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub field: FormField,
    pub value: String,
}

/// `/layanan/permohonan/{code}` for the resident, the village staff and (forwarded) the camat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestPage {
    pub code: String,
    pub status: RequestStatus,
    pub service_name_id: String,
    pub service_name_en: Option<String>,
    pub village_name: String,
    pub holder_name: String,
    pub needs_camat: bool,
    pub slot_starts_at: Option<i64>,
    pub queue_number: Option<i64>,
    pub answers: Vec<Answer>,
    pub timeline: Vec<TimelineStep>,
    /// The moves the viewer may make now.
    pub moves: Vec<RequestStatus>,
    pub is_resident: bool,
    /// The issued letter's number and verification code.
    pub letter: Option<(String, String)>,
    pub letter_revoked: bool,
    /// The viewer is staff of the request's village (may revoke its letter).
    pub is_village_staff: bool,
    pub rating: Option<i64>,
    /// The documents the service asks for (its file fields) and the photos attached to each.
    pub documents: Vec<DocumentSlot>,
    /// The resident may still attach or remove photos (submitted, or sent back for revision).
    pub may_attach: bool,
    /// Free visit slots to move to (for the resident while the visit can still be moved).
    pub reschedule_slots: Vec<SlotChoice>,
    /// The day the law requires an answer by (unix seconds, start of that day WIB) and the working
    /// days it allows, for services that have such a deadline (public information requests).
    pub legal_deadline: Option<(i64, i64)>,
}

/// Photos per document a service asks for (a KTP front and back, a two-page KK).
pub const MAX_PHOTOS_PER_DOCUMENT: usize = 3;

/// One document a service asks for, with the ids of the photos attached for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSlot {
    pub field: FormField,
    pub photo_ids: Vec<i64>,
}

/// A village's (or a kecamatan's) inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub place_name: String,
    pub counts: Vec<(RequestStatus, i64)>,
    pub showing: Option<RequestStatus>,
    pub requests: Vec<RequestSummary>,
    /// This is a later page (a link back to the first is shown).
    pub paged: bool,
    /// The code after which the next page starts, when there is one.
    pub next_after: Option<String>,
}

/// The public verification page of a letter: never the NIK, never the documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterVerification {
    pub number: String,
    pub title: String,
    pub issued_at: i64,
    pub village_name: String,
    pub kecamatan_name: String,
    pub holder_masked: String,
    pub signer: String,
    pub camat: Option<String>,
    pub revoked_at: Option<i64>,
    pub revoked_reason: Option<String>,
}

/// `/desa/{slug}/kunjungan`: who comes to the balai desa on a day, in queue order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitDay {
    pub village_name: String,
    /// `2026-11-30`
    pub date: String,
    pub previous: String,
    pub next: String,
    pub visits: Vec<RequestSummary>,
}

pub use super::complaint_flow::{ComplaintCategory, ComplaintStatus};

/// A complaint in a list (the resident's own, or a village's inbox).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintSummary {
    pub code: String,
    pub category: ComplaintCategory,
    /// The first words of the text.
    pub excerpt: String,
    pub status: ComplaintStatus,
    pub author_name: String,
    pub village_name: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// One reply under a complaint, from the village staff or from the resident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintReply {
    pub author_name: String,
    pub from_staff: bool,
    pub body: String,
    /// The status the staff moved the complaint to with this reply.
    pub status: Option<ComplaintStatus>,
    pub at: i64,
}

/// `/layanan/pengaduan/{code}`: seen by its author and the village's staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintPage {
    pub code: String,
    pub category: ComplaintCategory,
    pub body: String,
    pub location: String,
    pub status: ComplaintStatus,
    pub village_name: String,
    pub village_slug: String,
    pub author_name: String,
    pub created_at: i64,
    pub has_photo: bool,
    pub replies: Vec<ComplaintReply>,
    pub is_author: bool,
    pub is_staff: bool,
}

/// A village's complaints by status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintInbox {
    pub village_name: String,
    pub counts: Vec<(ComplaintStatus, i64)>,
    pub showing: Option<ComplaintStatus>,
    pub complaints: Vec<ComplaintSummary>,
}

/// A service in the village staff's catalogue list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub slug: String,
    pub kind: ServiceKind,
    pub name_id: String,
    pub name_en: Option<String>,
    pub is_active: bool,
    pub needs_slot: bool,
    pub needs_camat: bool,
}

/// `/desa/{slug}/katalog`: the village's services and the days the balai desa takes no visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub village_slug: String,
    pub village_name: String,
    pub services: Vec<CatalogueEntry>,
    /// (`2026-12-25`, reason), coming ones first.
    pub closed_dates: Vec<(String, String)>,
}

/// One weekday's visiting hours in the editor: minutes after midnight WIB, `None` = closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    /// 0 = Sunday … 6 = Saturday.
    pub weekday: u32,
    pub hours: Option<(u32, u32)>,
}

/// `/desa/{slug}/katalog/{service}`: everything the staff may change about a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEditor {
    pub village_slug: String,
    pub village_name: String,
    pub slug: String,
    pub kind: ServiceKind,
    pub name_id: String,
    pub name_en: Option<String>,
    pub summary_id: String,
    pub description_id: String,
    pub description_en: Option<String>,
    pub requirements_id: String,
    pub requirements_en: Option<String>,
    pub processing_days: i64,
    pub fee_rupiah: i64,
    pub needs_camat: bool,
    pub needs_slot: bool,
    pub slot_minutes: i64,
    pub slot_capacity: i64,
    pub is_active: bool,
    pub letter_title: String,
    pub letter_template: String,
    pub fields: Vec<FormField>,
    /// Monday first, Sunday last, as on a wall calendar.
    pub week: Vec<DayHours>,
}

/// A form-field row of the service editor (an empty label removes the row).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub label_id: String,
    #[serde(default)]
    pub label_en: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub options: String,
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    pub required: String,
}

/// A weekday row of the service editor: `08:00` / `12:00`, both empty when closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursInput {
    #[serde(default)]
    pub weekday: String,
    #[serde(default)]
    pub opens: String,
    #[serde(default)]
    pub closes: String,
}
