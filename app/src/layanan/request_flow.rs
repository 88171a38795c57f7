//! The life of a service request, as a pure state machine: who may move it from which state to which.
//!
//! diajukan (submitted) → diperiksa (in review, operator) → perlu perbaikan (needs revision, with a note;
//! the resident edits and submits again) → disetujui kades (only the kades approves) → [diteruskan ke
//! kecamatan → ditandatangani camat (only camat staff sign)] → siap (ready: the letter is issued) →
//! selesai (done); or ditolak (rejected, with a reason) by the village — or by the camat for a forwarded
//! one; the resident may cancel before approval.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestStatus {
    Diajukan,
    Diperiksa,
    PerluPerbaikan,
    DisetujuiKades,
    DiteruskanKecamatan,
    DitandatanganiCamat,
    Siap,
    Selesai,
    Ditolak,
    Dibatalkan,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 10] = [
        RequestStatus::Diajukan,
        RequestStatus::Diperiksa,
        RequestStatus::PerluPerbaikan,
        RequestStatus::DisetujuiKades,
        RequestStatus::DiteruskanKecamatan,
        RequestStatus::DitandatanganiCamat,
        RequestStatus::Siap,
        RequestStatus::Selesai,
        RequestStatus::Ditolak,
        RequestStatus::Dibatalkan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Diajukan => "diajukan",
            RequestStatus::Diperiksa => "diperiksa",
            RequestStatus::PerluPerbaikan => "perlu_perbaikan",
            RequestStatus::DisetujuiKades => "disetujui_kades",
            RequestStatus::DiteruskanKecamatan => "diteruskan_kecamatan",
            RequestStatus::DitandatanganiCamat => "ditandatangani_camat",
            RequestStatus::Siap => "siap",
            RequestStatus::Selesai => "selesai",
            RequestStatus::Ditolak => "ditolak",
            RequestStatus::Dibatalkan => "dibatalkan",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        RequestStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    /// Still waiting for someone (shown in the staff inbox by default).
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            RequestStatus::Selesai | RequestStatus::Ditolak | RequestStatus::Dibatalkan
        )
    }
}

/// The part a person plays for one request. Who holds which part is decided by the server from the
/// account's grants (an admin kabupaten may act as village or camat staff).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestRole {
    /// The resident who asked.
    Pemohon,
    /// Operator or sekdes of the request's village.
    Operator,
    /// Kepala desa of the request's village.
    Kades,
    /// Camat staff of the village's kecamatan.
    Camat,
}

/// Why a move is refused (stable codes, translated next to the button).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRefused {
    /// This role never makes this move.
    NotYourRole,
    /// Not from the current state (e.g. signing a request that was not forwarded).
    NotNow,
    /// A revision request or a rejection needs a note the resident can read.
    NoteRequired,
}

impl MoveRefused {
    pub fn code(self) -> &'static str {
        match self {
            MoveRefused::NotYourRole => "request_move_not_your_role",
            MoveRefused::NotNow => "request_move_not_now",
            MoveRefused::NoteRequired => "reason_required",
        }
    }
}

/// The request's facts a move depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestFacts {
    pub status: RequestStatus,
    /// The service's letter must be signed by the camat: approval leads to the kecamatan.
    pub needs_camat: bool,
}

/// Whether `role` may move the request to `to` (with `note`, required for revision and rejection).
pub fn next_status(
    facts: RequestFacts,
    role: RequestRole,
    to: RequestStatus,
    note: &str,
) -> Result<RequestStatus, MoveRefused> {
    use RequestRole::*;
    use RequestStatus::*;
    let village_staff = matches!(role, Operator | Kades);
    // Which roles may make a move into `to` at all, and from which states.
    let (role_ok, from_ok) = match to {
        Diperiksa => (village_staff, facts.status == Diajukan),
        PerluPerbaikan => (village_staff, matches!(facts.status, Diajukan | Diperiksa)),
        // The resident's corrected request goes back to the start of the queue.
        Diajukan => (role == Pemohon, facts.status == PerluPerbaikan),
        DisetujuiKades => (role == Kades, facts.status == Diperiksa),
        DiteruskanKecamatan => (
            village_staff,
            facts.status == DisetujuiKades && facts.needs_camat,
        ),
        DitandatanganiCamat => (role == Camat, facts.status == DiteruskanKecamatan),
        Siap => (
            village_staff,
            (facts.status == DisetujuiKades && !facts.needs_camat)
                || facts.status == DitandatanganiCamat,
        ),
        Selesai => (village_staff || role == Pemohon, facts.status == Siap),
        Ditolak => match facts.status {
            DiteruskanKecamatan => (role == Camat, true),
            Diajukan | Diperiksa | PerluPerbaikan => (village_staff, true),
            _ => (village_staff || role == Camat, false),
        },
        Dibatalkan => (
            role == Pemohon,
            matches!(facts.status, Diajukan | Diperiksa | PerluPerbaikan),
        ),
    };
    if !role_ok {
        return Err(MoveRefused::NotYourRole);
    }
    if !from_ok {
        return Err(MoveRefused::NotNow);
    }
    if matches!(to, PerluPerbaikan | Ditolak) && note.trim().is_empty() {
        return Err(MoveRefused::NoteRequired);
    }
    Ok(to)
}

/// What the resident is told when their request reaches `status` (Indonesian, English).
pub fn status_message(status: RequestStatus, service: &str) -> (String, String) {
    match status {
        RequestStatus::Diajukan => (
            format!("Permohonan {service} diterima."),
            format!("Your request for {service} was received."),
        ),
        RequestStatus::Diperiksa => (
            format!("Permohonan {service} sedang diperiksa."),
            format!("Your request for {service} is being checked."),
        ),
        RequestStatus::PerluPerbaikan => (
            format!("Permohonan {service} perlu perbaikan. Lihat catatan petugas."),
            format!("Your request for {service} needs a correction. See the staff's note."),
        ),
        RequestStatus::DisetujuiKades => (
            format!("Permohonan {service} disetujui kepala desa."),
            format!("Your request for {service} was approved by the village head."),
        ),
        RequestStatus::DiteruskanKecamatan => (
            format!("Permohonan {service} diteruskan ke kecamatan untuk ditandatangani camat."),
            format!("Your request for {service} was forwarded to the camat for signature."),
        ),
        RequestStatus::DitandatanganiCamat => (
            format!("Surat {service} sudah ditandatangani camat."),
            format!("The camat signed your {service}."),
        ),
        RequestStatus::Siap => (
            format!("Surat {service} siap: unduh atau ambil di balai desa."),
            format!("Your {service} is ready: download it or collect it at the village office."),
        ),
        RequestStatus::Selesai => (
            format!("Permohonan {service} selesai. Beri penilaian?"),
            format!("Your request for {service} is complete. Rate the service?"),
        ),
        RequestStatus::Ditolak => (
            format!("Permohonan {service} ditolak. Lihat alasannya."),
            format!("Your request for {service} was rejected. See the reason."),
        ),
        RequestStatus::Dibatalkan => (
            format!("Permohonan {service} dibatalkan."),
            format!("Your request for {service} was cancelled."),
        ),
    }
}

/// The moves offered to `role` now (buttons on the request page), in a stable order.
pub fn available_moves(facts: RequestFacts, role: RequestRole) -> Vec<RequestStatus> {
    RequestStatus::ALL
        .into_iter()
        .filter(|to| next_status(facts, role, *to, "note").is_ok())
        .collect()
}

/// Whether the resident may still attach or remove documents: before the staff checked the request, or
/// when they sent it back for revision.
pub fn documents_open(status: RequestStatus) -> bool {
    matches!(
        status,
        RequestStatus::Diajukan | RequestStatus::PerluPerbaikan
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use RequestRole::*;
    use RequestStatus::*;

    const ROLES: [RequestRole; 4] = [Pemohon, Operator, Kades, Camat];

    /// Every (state, role, target) for a letter the camat must sign, against the one table of allowed
    /// moves.
    #[test]
    fn a_camat_letter_allows_exactly_its_moves() {
        let allowed: &[(RequestStatus, RequestRole, RequestStatus)] = &[
            (Diajukan, Operator, Diperiksa),
            (Diajukan, Kades, Diperiksa),
            (Diajukan, Operator, PerluPerbaikan),
            (Diajukan, Kades, PerluPerbaikan),
            (Diajukan, Operator, Ditolak),
            (Diajukan, Kades, Ditolak),
            (Diajukan, Pemohon, Dibatalkan),
            (Diperiksa, Operator, PerluPerbaikan),
            (Diperiksa, Kades, PerluPerbaikan),
            (Diperiksa, Kades, DisetujuiKades),
            (Diperiksa, Operator, Ditolak),
            (Diperiksa, Kades, Ditolak),
            (Diperiksa, Pemohon, Dibatalkan),
            (PerluPerbaikan, Pemohon, Diajukan),
            (PerluPerbaikan, Pemohon, Dibatalkan),
            (PerluPerbaikan, Operator, Ditolak),
            (PerluPerbaikan, Kades, Ditolak),
            (DisetujuiKades, Operator, DiteruskanKecamatan),
            (DisetujuiKades, Kades, DiteruskanKecamatan),
            (DiteruskanKecamatan, Camat, DitandatanganiCamat),
            (DiteruskanKecamatan, Camat, Ditolak),
            (DitandatanganiCamat, Operator, Siap),
            (DitandatanganiCamat, Kades, Siap),
            (Siap, Operator, Selesai),
            (Siap, Kades, Selesai),
            (Siap, Pemohon, Selesai),
        ];
        let facts = |status| RequestFacts {
            status,
            needs_camat: true,
        };
        for from in RequestStatus::ALL {
            for role in ROLES {
                for to in RequestStatus::ALL {
                    let result = next_status(facts(from), role, to, "Foto KTP buram");
                    assert_eq!(
                        result.is_ok(),
                        allowed.contains(&(from, role, to)),
                        "{from:?} → {to:?} by {role:?}: {result:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_village_letter_is_ready_right_after_the_kades_approves() {
        let approved = RequestFacts {
            status: DisetujuiKades,
            needs_camat: false,
        };
        assert_eq!(available_moves(approved, Operator), vec![Siap]);
        assert_eq!(
            next_status(approved, Operator, DiteruskanKecamatan, ""),
            Err(MoveRefused::NotNow)
        );
    }

    #[test]
    fn only_the_kades_approves_and_only_the_camat_signs() {
        let in_review = RequestFacts {
            status: Diperiksa,
            needs_camat: true,
        };
        assert_eq!(
            next_status(in_review, Operator, DisetujuiKades, ""),
            Err(MoveRefused::NotYourRole)
        );
        let forwarded = RequestFacts {
            status: DiteruskanKecamatan,
            needs_camat: true,
        };
        assert_eq!(
            next_status(forwarded, Kades, DitandatanganiCamat, ""),
            Err(MoveRefused::NotYourRole)
        );
        assert_eq!(
            next_status(forwarded, Camat, DitandatanganiCamat, ""),
            Ok(DitandatanganiCamat)
        );
    }

    #[test]
    fn revision_and_rejection_need_a_note() {
        let submitted = RequestFacts {
            status: Diajukan,
            needs_camat: false,
        };
        assert_eq!(
            next_status(submitted, Operator, PerluPerbaikan, " "),
            Err(MoveRefused::NoteRequired)
        );
        assert_eq!(
            next_status(submitted, Operator, Ditolak, ""),
            Err(MoveRefused::NoteRequired)
        );
        for status in RequestStatus::ALL {
            assert_eq!(RequestStatus::from_code(status.code()), Some(status));
        }
        assert!(!Selesai.is_open() && Diajukan.is_open());
    }
}
