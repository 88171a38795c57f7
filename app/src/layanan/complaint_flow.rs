//! Pengaduan (complaints and aspirations): the categories a resident chooses from and the three steps a
//! complaint goes through. Pure rules, shared by the server and the pages.

use serde::{Deserialize, Serialize};

/// What a complaint is about (stored as the code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComplaintCategory {
    /// Roads, bridges, street lights, drains.
    Infrastruktur,
    /// Rubbish, dirty rivers.
    Kebersihan,
    /// Security and order.
    Keamanan,
    /// How a village office or service treated someone.
    Pelayanan,
    /// Social help (bansos) that did not arrive or went to the wrong people.
    Bantuan,
    /// A proposal or idea rather than a complaint.
    Aspirasi,
    Lainnya,
}

impl ComplaintCategory {
    pub const ALL: [ComplaintCategory; 7] = [
        ComplaintCategory::Infrastruktur,
        ComplaintCategory::Kebersihan,
        ComplaintCategory::Keamanan,
        ComplaintCategory::Pelayanan,
        ComplaintCategory::Bantuan,
        ComplaintCategory::Aspirasi,
        ComplaintCategory::Lainnya,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ComplaintCategory::Infrastruktur => "infrastruktur",
            ComplaintCategory::Kebersihan => "kebersihan",
            ComplaintCategory::Keamanan => "keamanan",
            ComplaintCategory::Pelayanan => "pelayanan",
            ComplaintCategory::Bantuan => "bantuan",
            ComplaintCategory::Aspirasi => "aspirasi",
            ComplaintCategory::Lainnya => "lainnya",
        }
    }

    pub fn from_code(code: &str) -> Option<ComplaintCategory> {
        ComplaintCategory::ALL
            .into_iter()
            .find(|category| category.code() == code)
    }
}

/// Received → being handled → done. The village staff move it; the resident only watches and replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComplaintStatus {
    Diterima,
    Diproses,
    Selesai,
}

impl ComplaintStatus {
    pub const ALL: [ComplaintStatus; 3] = [
        ComplaintStatus::Diterima,
        ComplaintStatus::Diproses,
        ComplaintStatus::Selesai,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ComplaintStatus::Diterima => "diterima",
            ComplaintStatus::Diproses => "diproses",
            ComplaintStatus::Selesai => "selesai",
        }
    }

    pub fn from_code(code: &str) -> Option<ComplaintStatus> {
        ComplaintStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    /// Whether the staff may move a complaint from `self` to `to`: only forward (a step may be skipped —
    /// a quick fix goes straight to done), never back, and a finished one stays finished; a resident who
    /// is not satisfied replies, and the staff see the reply.
    pub fn may_move_to(self, to: ComplaintStatus) -> bool {
        let rank = |status: ComplaintStatus| ComplaintStatus::ALL.iter().position(|s| *s == status);
        rank(to) > rank(self)
    }
}

/// How many complaints one account may send per day, and from one address per hour (a village may share
/// one carrier address): enough for real problems, not for flooding the village's inbox.
pub const COMPLAINTS_PER_ACCOUNT_PER_DAY: i64 = 5;
pub const COMPLAINTS_PER_IP_PER_HOUR: i64 = 30;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complaints_only_move_forward() {
        use ComplaintStatus::*;
        let allowed: Vec<(ComplaintStatus, ComplaintStatus)> = ComplaintStatus::ALL
            .into_iter()
            .flat_map(|from| ComplaintStatus::ALL.into_iter().map(move |to| (from, to)))
            .filter(|(from, to)| from.may_move_to(*to))
            .collect();
        assert_eq!(
            allowed,
            vec![
                (Diterima, Diproses),
                (Diterima, Selesai),
                (Diproses, Selesai)
            ]
        );
    }

    #[test]
    fn codes_round_trip() {
        for category in ComplaintCategory::ALL {
            assert_eq!(
                ComplaintCategory::from_code(category.code()),
                Some(category)
            );
        }
        for status in ComplaintStatus::ALL {
            assert_eq!(ComplaintStatus::from_code(status.code()), Some(status));
        }
        assert_eq!(ComplaintCategory::from_code("politik"), None);
        assert_eq!(ComplaintStatus::from_code("ditolak"), None);
    }
}
