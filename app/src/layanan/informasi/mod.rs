//! Village information that the law or a programme asks the village to publish, kept by its staff and
//! read by anyone: produk hukum desa (regulations and decrees, each with its PDF), the PPID's list of
//! public information (UU 14/2008), and the social-aid (bansos) page with yearly recipient counts.
//! The one private part: staff record that a verified resident receives a programme, and only that
//! resident sees it (on their account page).

mod api;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod store;
mod views;

pub use api::*;
pub use views::*;

use serde::{Deserialize, Serialize};

/// The kinds of produk hukum desa in Permendagri 111/2014, in the order the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegalKind {
    /// Peraturan Desa: made by the kades with the BPD.
    Perdes,
    /// Peraturan Bersama Kepala Desa: between villages.
    PerdesBersama,
    /// Peraturan Kepala Desa.
    Perkades,
    /// Keputusan Kepala Desa.
    Kepkades,
}

impl LegalKind {
    pub const ALL: [LegalKind; 4] = [
        LegalKind::Perdes,
        LegalKind::PerdesBersama,
        LegalKind::Perkades,
        LegalKind::Kepkades,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LegalKind::Perdes => "perdes",
            LegalKind::PerdesBersama => "perdes_bersama",
            LegalKind::Perkades => "perkades",
            LegalKind::Kepkades => "kepkades",
        }
    }

    pub fn from_code(code: &str) -> Option<LegalKind> {
        LegalKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// "Perdes 3/2026": how a document is cited in the list and on the one it amended.
pub fn citation(kind: LegalKind, number: &str, year: i64) -> String {
    let short = match kind {
        LegalKind::Perdes => "Perdes",
        LegalKind::PerdesBersama => "Perdes Bersama",
        LegalKind::Perkades => "Perkades",
        LegalKind::Kepkades => "Kepkades",
    };
    format!("{short} {number}/{year}")
}

/// Whether a document still applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegalStatus {
    /// Berlaku.
    InForce,
    /// Diubah: a later document amends it.
    Amended,
    /// Dicabut: a later document revokes it.
    Revoked,
}

impl LegalStatus {
    pub const ALL: [LegalStatus; 3] = [
        LegalStatus::InForce,
        LegalStatus::Amended,
        LegalStatus::Revoked,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LegalStatus::InForce => "berlaku",
            LegalStatus::Amended => "diubah",
            LegalStatus::Revoked => "dicabut",
        }
    }

    pub fn from_code(code: &str) -> Option<LegalStatus> {
        LegalStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }
}

/// One produk hukum in the village's list. `file_key` is absent while its PDF is not attached yet: such
/// a document is listed to the staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalDocument {
    pub id: i64,
    pub kind: LegalKind,
    pub number: String,
    pub year: i64,
    pub title_id: String,
    pub title_en: String,
    pub status: LegalStatus,
    /// The document that amended or revoked this one: (id, "Perdes 3/2026").
    pub changed_by: Option<(i64, String)>,
    pub file_key: Option<String>,
    pub file_bytes: Option<i64>,
    pub updated_at: i64,
}

/// The filter of the legal documents page; empty values mean "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalFilter {
    pub kind: String,
    pub year: String,
    pub q: String,
}

/// `/desa/{slug}/hukum`: the list (filtered), the years that have documents, and whether the viewer
/// keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalPage {
    pub village_name: String,
    pub village_slug: String,
    pub documents: Vec<LegalDocument>,
    pub years: Vec<i64>,
    pub may_edit: bool,
}

/// How the PPID publishes an item (UU 14/2008, articles 9–11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InfoCategory {
    /// Berkala: published at least every six months (budget, reports).
    Periodic,
    /// Serta merta: at once, when it threatens lives or public order.
    Immediate,
    /// Setiap saat: available on request at any time.
    OnRequest,
}

impl InfoCategory {
    pub const ALL: [InfoCategory; 3] = [
        InfoCategory::Periodic,
        InfoCategory::Immediate,
        InfoCategory::OnRequest,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InfoCategory::Periodic => "berkala",
            InfoCategory::Immediate => "serta_merta",
            InfoCategory::OnRequest => "setiap_saat",
        }
    }

    pub fn from_code(code: &str) -> Option<InfoCategory> {
        InfoCategory::ALL
            .into_iter()
            .find(|category| category.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicInformation {
    pub id: i64,
    pub category: InfoCategory,
    pub title_id: String,
    pub title_en: String,
    pub body_id: String,
    pub body_en: String,
    pub updated_at: i64,
}

/// `/desa/{slug}/ppid`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicInformationPage {
    pub village_name: String,
    pub village_slug: String,
    pub items: Vec<PublicInformation>,
    pub may_edit: bool,
}

/// The national social-aid programmes a village page explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Programme {
    /// Program Keluarga Harapan: conditional cash for poor families.
    Pkh,
    /// Bantuan Pangan Non-Tunai / Sembako: food aid on a card.
    Bpnt,
    /// Bantuan Langsung Tunai from the village fund.
    BltDanaDesa,
    /// Penerima Bantuan Iuran Jaminan Kesehatan: health insurance paid by the state.
    PbiJk,
}

impl Programme {
    pub const ALL: [Programme; 4] = [
        Programme::Pkh,
        Programme::Bpnt,
        Programme::BltDanaDesa,
        Programme::PbiJk,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Programme::Pkh => "pkh",
            Programme::Bpnt => "bpnt",
            Programme::BltDanaDesa => "blt_dd",
            Programme::PbiJk => "pbi_jk",
        }
    }

    pub fn from_code(code: &str) -> Option<Programme> {
        Programme::ALL
            .into_iter()
            .find(|programme| programme.code() == code)
    }

    /// The name everyone uses; the same in both languages.
    pub fn name(self) -> &'static str {
        match self {
            Programme::Pkh => "PKH (Program Keluarga Harapan)",
            Programme::Bpnt => "BPNT / Sembako",
            Programme::BltDanaDesa => "BLT Dana Desa",
            Programme::PbiJk => "PBI-JK (BPJS Kesehatan)",
        }
    }
}

/// One programme as the village explains it, with its recipient counts per year (newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeInfo {
    pub programme: Programme,
    pub who_id: String,
    pub who_en: String,
    pub schedule_id: String,
    pub schedule_en: String,
    pub how_id: String,
    pub how_en: String,
    pub updated_at: Option<i64>,
    pub counts: Vec<(i64, i64)>,
}

/// `/desa/{slug}/bansos`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BansosPage {
    pub village_name: String,
    pub village_slug: String,
    pub programmes: Vec<ProgrammeInfo>,
    /// When the page was last brought up to date (the newest programme text or count).
    pub updated_at: Option<i64>,
    pub may_edit: bool,
}

/// A programme the signed-in resident receives, as recorded by their village.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyMembership {
    pub programme: Programme,
    pub since_year: i64,
    pub village_name: String,
    pub recorded_at: i64,
}

/// Largest PDF of a produk hukum: regulations are scanned at a few hundred kilobytes a page; 10 MB
/// holds a long Perdes APBDes and keeps a phone's download bearable.
pub const MAX_LEGAL_PDF_BYTES: usize = 10 * 1024 * 1024;
