//! The Smart Kampung scorecard: for each of Banyuwangi's seven criteria, what a village did on the
//! platform in the last 90 days, whether that meets the criterion, and the village's level; and the
//! same rolled up per kecamatan and for the regency. The rules are one pure function ([`rules`]); the
//! facts come from one query per indicator ([`store`], reading the pillars' tables, writing none); the
//! pages draw a chart on the server with the same facts as text beside it.

mod api;
pub mod chart;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
mod views;

pub use api::*;
pub use views::*;

use serde::{Deserialize, Serialize};

/// The days the indicators look back over.
pub const WINDOW_DAYS: i64 = 90;

/// The seven needs a Smart Kampung serves, in Banyuwangi's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Criterion {
    PublicServices,
    Economy,
    Health,
    EducationCulture,
    HumanCapacity,
    Poverty,
    LegalInformation,
}

impl Criterion {
    pub const ALL: [Criterion; 7] = [
        Criterion::PublicServices,
        Criterion::Economy,
        Criterion::Health,
        Criterion::EducationCulture,
        Criterion::HumanCapacity,
        Criterion::Poverty,
        Criterion::LegalInformation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Criterion::PublicServices => "layanan",
            Criterion::Economy => "ekonomi",
            Criterion::Health => "kesehatan",
            Criterion::EducationCulture => "pendidikan_budaya",
            Criterion::HumanCapacity => "sdm",
            Criterion::Poverty => "kemiskinan",
            Criterion::LegalInformation => "hukum",
        }
    }

    /// Its colour in the chart (Tailwind 600s, readable on white).
    pub fn colour(self) -> &'static str {
        match self {
            Criterion::PublicServices => "#0d9488",
            Criterion::Economy => "#d97706",
            Criterion::Health => "#dc2626",
            Criterion::EducationCulture => "#7c3aed",
            Criterion::HumanCapacity => "#2563eb",
            Criterion::Poverty => "#16a34a",
            Criterion::LegalInformation => "#475569",
        }
    }
}

/// What a village did in the window, as the queries count it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicators {
    pub requests_finished: i64,
    pub requests_on_time: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub active_shops: i64,
    pub completed_orders: i64,
    pub health_sessions: i64,
    pub culture_sessions: i64,
    pub culture_check_ins: i64,
    pub certificates: i64,
    pub sktm_issued: i64,
    /// When the bansos page was last brought up to date, if ever.
    pub bansos_updated_at: Option<i64>,
    pub legal_documents: i64,
}

/// How a fact is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Count,
    Percent,
    /// An average rating times ten (45 = 4.5).
    Tenths,
    Days,
}

/// One measured fact against its target: met when `value >= target` (or `<=` when `at_most`).
/// `value` is `None` when there is nothing to measure (no rating yet, a page never written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub code: String,
    pub value: Option<i64>,
    pub target: i64,
    pub unit: Unit,
    pub at_most: bool,
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub criterion: Criterion,
    pub met: bool,
    pub facts: Vec<Fact>,
}

/// All seven met; four to six; fewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Full,
    Developing,
    Starting,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Full => "penuh",
            Level::Developing => "berkembang",
            Level::Starting => "rintisan",
        }
    }
}

/// `/desa/{slug}/skor`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageScore {
    pub slug: String,
    pub name: String,
    pub kecamatan_code: String,
    pub kecamatan_name: String,
    pub criteria: Vec<CriterionResult>,
    pub level: Level,
    pub met_count: usize,
    /// The window's first and last instants (unix seconds).
    pub since: i64,
    pub until: i64,
}

/// One village in a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageRow {
    pub slug: String,
    pub name: String,
    pub met: Vec<bool>,
    pub met_count: usize,
    pub level: Level,
}

/// One kecamatan in the regency's roll-up: how many of its villages are at each level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KecamatanRow {
    pub code: String,
    pub name: String,
    pub villages: usize,
    pub levels: [usize; 3],
}

/// `/kecamatan/{code}/skor` and `/skor` (the regency): how many villages meet each criterion (in
/// [`Criterion::ALL`] order) and how many are at each level (full, developing, starting); a kecamatan
/// lists its villages, the regency its kecamatan (two hundred village rows are too much for a phone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollUp {
    /// The kecamatan's code and name, or `None` for the whole regency.
    pub kecamatan: Option<(String, String)>,
    /// The regency's kecamatan (empty on a kecamatan's page).
    pub kecamatan_rows: Vec<KecamatanRow>,
    /// The kecamatan's villages (empty on the regency's page).
    pub villages: Vec<VillageRow>,
    pub meeting: Vec<usize>,
    pub levels: [usize; 3],
    pub since: i64,
    pub until: i64,
}
