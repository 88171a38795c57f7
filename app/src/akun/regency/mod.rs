//! The regency's own administration (admin kabupaten): importing kecamatan and villages from the
//! Kemendagri list, inviting staff by phone with a one-time code, revoking roles, switching a village
//! off, and the overview of every village's activity. Villages, kecamatan and roles are akun's tables.

mod api;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod invitations;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod upload;
mod views;

pub use api::*;
pub use views::*;

use serde::{Deserialize, Serialize};

use super::access::StaffRole;
use super::VillageKind;

/// One village row of an imported list, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedVillage {
    /// The line of the file (1 = the first), for the preview.
    pub line: usize,
    pub code: String,
    pub name: String,
    pub kind: VillageKind,
    pub kecamatan_code: String,
    pub kecamatan_name: String,
}

/// A problem in an imported file: where (line 0 = the whole file) and the message's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub line: usize,
    /// `kode`, `nama`, `jenis`, `kecamatan` or `file`.
    pub column: String,
    pub error: String,
}

/// What applying a row would do to the village with that code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VillageChange {
    New,
    /// Known by its code; its name, kind or kecamatan changes (the old name shown).
    Updated {
        old_name: String,
    },
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    pub village: ImportedVillage,
    pub change: VillageChange,
}

/// An uploaded list before (or after) it is applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub id: i64,
    pub file_name: String,
    /// `35.10`, from the codes; `None` when no row could be read.
    pub kabupaten_code: Option<String>,
    /// The regency's name when it is already known (else the apply form asks for it).
    pub kabupaten_name: Option<String>,
    pub rows: Vec<PreviewRow>,
    pub problems: Vec<ImportProblem>,
    pub applied: bool,
}

impl ImportPreview {
    pub fn count(&self, change: fn(&VillageChange) -> bool) -> usize {
        self.rows.iter().filter(|row| change(&row.change)).count()
    }
}

/// A village in the regency overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegencyVillage {
    pub slug: String,
    pub name: String,
    pub code: String,
    pub kecamatan_name: String,
    pub staff_count: i64,
    pub open_requests: i64,
    /// The latest of: a request filed there, a staff member of it using the site.
    pub last_activity: Option<i64>,
    pub switched_off: bool,
}

/// Where an invitation or a role applies, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RolePlace {
    pub role: StaffRole,
    /// The village's or kecamatan's name; `None` for the whole regency.
    pub place: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationState {
    Open,
    Accepted,
    Cancelled,
    Expired,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: i64,
    pub phone: String,
    pub role: RolePlace,
    pub created_at: i64,
    pub expires_at: i64,
    pub state: InvitationState,
}

/// A staff role held, for the admin's list (revocable there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffGrant {
    pub staff_role_id: i64,
    pub name: String,
    pub phone: String,
    pub role: RolePlace,
    pub granted_at: i64,
}

/// The admin's regency page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegencyOverview {
    pub kabupaten_name: Option<String>,
    pub villages: Vec<RegencyVillage>,
    /// Every kecamatan (code, name), for the invitation form.
    pub kecamatan: Vec<(String, String)>,
}

/// The admin's staff page: open and recent invitations, every role held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAdministration {
    pub invitations: Vec<Invitation>,
    pub staff: Vec<StaffGrant>,
    /// Villages (slug, name · kecamatan) and kecamatan (code, name) for the invitation form.
    pub villages: Vec<(String, String)>,
    pub kecamatan: Vec<(String, String)>,
}

/// Where an accepted invitation leads: the console of the place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsoleOf {
    Village(String),
    Kecamatan(String),
    Regency,
}

impl ConsoleOf {
    pub fn path(&self) -> String {
        match self {
            ConsoleOf::Village(slug) => format!("/desa/{slug}/kelola"),
            ConsoleOf::Kecamatan(code) => format!("/kecamatan/{code}/layanan"),
            ConsoleOf::Regency => "/admin".to_string(),
        }
    }
}
