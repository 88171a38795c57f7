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
    pub office: VillageOffice,
    /// The regency switched it off: its pages say so; nothing new is filed there.
    pub switched_off: bool,
    /// The village's photo (the balai desa, a landscape), uploaded by its staff.
    pub photo: Option<crate::media::PhotoRef>,
}

/// The balai desa (village office): where residents go, when, and how to reach it. Edited by staff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageOffice {
    pub address: String,
    pub opening_hours_id: String,
    pub opening_hours_en: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Who is signed in, for the header (name and the bell's count). `None` when nobody is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub name: String,
    pub unread_notifications: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerificationStatus {
    Pending,
    Verified,
    Rejected,
}

impl VerificationStatus {
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "pending" => Some(VerificationStatus::Pending),
            "verified" => Some(VerificationStatus::Verified),
            "rejected" => Some(VerificationStatus::Rejected),
            _ => None,
        }
    }
}

/// What the resident sees of their own verification: the NIK only masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyVerification {
    pub status: VerificationStatus,
    pub nik_masked: String,
    pub full_name: String,
    pub address: String,
    pub reason: Option<String>,
}

/// A staff position, with the console it opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPosition {
    pub role: crate::akun::access::StaffRole,
    pub place_name: String,
    /// `/desa/{slug}/kelola` for village staff.
    pub console_href: Option<String>,
}

/// The signed-in person's own account, for "Aktivitas saya".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub name: String,
    pub phone: String,
    pub email: Option<String>,
    /// `None` for a visitor, who may add one later.
    pub home_village: Option<VillageSummary>,
    pub verification: Option<MyVerification>,
    pub is_seller: bool,
    pub positions: Vec<StaffPosition>,
    /// Who opened this person's personal data lately (UU PDP), newest first.
    pub data_views: Vec<DataView>,
}

/// One staff member of a village, as the village's staff see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub staff_role_id: i64,
    pub name: String,
    pub phone: String,
    pub role: crate::akun::access::StaffRole,
    pub is_me: bool,
}

/// A resident waiting for verification, as their village's staff see them (NIK masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingResident {
    pub account_id: i64,
    pub account_name: String,
    pub phone: String,
    pub full_name: String,
    pub address: String,
    pub nik_masked: String,
    pub submitted_at: i64,
}

/// Everything a village's staff manage, on one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageConsole {
    pub village: VillageProfile,
    pub staff: Vec<StaffMember>,
    pub pending_residents: Vec<PendingResident>,
    pub verified_residents: i64,
    /// The kades (or an admin) may add and remove staff.
    pub may_manage_staff: bool,
    /// The admin kabupaten may switch the village off and on.
    pub may_switch_off: bool,
}

/// Kinds of personal data whose views are recorded (UU PDP 27/2022).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonalData {
    /// A photo of an identity document attached to a request (KTP, KK, …).
    Document,
    /// The verification data (name, address, masked NIK) in the village's queue.
    Verification,
    /// An issued letter's PDF, which names the resident.
    Letter,
}

impl PersonalData {
    pub fn code(self) -> &'static str {
        match self {
            PersonalData::Document => "document",
            PersonalData::Verification => "verification",
            PersonalData::Letter => "letter",
        }
    }

    pub fn from_code(code: &str) -> Option<PersonalData> {
        [
            PersonalData::Document,
            PersonalData::Verification,
            PersonalData::Letter,
        ]
        .into_iter()
        .find(|kind| kind.code() == code)
    }
}

/// One recorded view of someone's personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataView {
    /// Whose data (shown in the admin's audit).
    pub subject_name: String,
    /// Who looked: `None` when that account was deleted since.
    pub viewer_name: Option<String>,
    pub viewer_role: Option<crate::akun::access::StaffRole>,
    pub what: PersonalData,
    /// Which request, letter or village.
    pub context: String,
    pub viewed_at: i64,
}
