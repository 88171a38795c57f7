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
