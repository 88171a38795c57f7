use serde::{Deserialize, Serialize};

/// Desa: a rural village (Kemendagri code's village part starts with 2); kelurahan: an urban one (1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VillageKind {
    Desa,
    Kelurahan,
}

impl VillageKind {
    pub fn from_code(code: &str) -> Option<VillageKind> {
        match code {
            "desa" => Some(VillageKind::Desa),
            "kelurahan" => Some(VillageKind::Kelurahan),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageSummary {
    pub slug: String,
    pub name: String,
    pub kind: VillageKind,
    /// Kemendagri region code, e.g. `35.10.13.2004`.
    pub code: String,
    pub kecamatan_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageProfile {
    pub summary: VillageSummary,
    pub kabupaten: String,
    pub description_id: String,
    pub description_en: Option<String>,
}
