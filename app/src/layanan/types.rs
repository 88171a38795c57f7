use serde::{Deserialize, Serialize};

/// Surat: a letter the village issues. Janji: an appointment at the balai desa (village office).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    pub status: RequestStatus,
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
}

/// A village's (or a kecamatan's) inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub place_name: String,
    pub counts: Vec<(RequestStatus, i64)>,
    pub showing: Option<RequestStatus>,
    pub requests: Vec<RequestSummary>,
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
