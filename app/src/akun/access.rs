//! Who may do what. Every server function starts with one decision from here: [`public`] for what anyone
//! may read, or [`authorize`] with a [`Rule`]. Nothing is enforced only in the browser; the views merely
//! hide buttons a person could not use anyway.
//!
//! Roles: every account is a warga (resident) of its home village; a penjual (seller) is a resident with
//! an approved shop; village staff (operator, sekdes = village secretary, kades = village head) are bound
//! to one village; camat staff to one kecamatan; the admin kabupaten to the whole regency.

use serde::{Deserialize, Serialize};

/// A staff position held by an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffRole {
    Operator,
    Sekdes,
    Kades,
    Camat,
    AdminKabupaten,
}

impl StaffRole {
    pub fn code(self) -> &'static str {
        match self {
            StaffRole::Operator => "operator",
            StaffRole::Sekdes => "sekdes",
            StaffRole::Kades => "kades",
            StaffRole::Camat => "camat",
            StaffRole::AdminKabupaten => "admin_kabupaten",
        }
    }

    pub fn from_code(code: &str) -> Option<StaffRole> {
        [
            StaffRole::Operator,
            StaffRole::Sekdes,
            StaffRole::Kades,
            StaffRole::Camat,
            StaffRole::AdminKabupaten,
        ]
        .into_iter()
        .find(|role| role.code() == code)
    }

    /// Roles that belong to one village.
    pub fn is_village_role(self) -> bool {
        matches!(
            self,
            StaffRole::Operator | StaffRole::Sekdes | StaffRole::Kades
        )
    }
}

/// One staff position and where it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grant {
    Village { role: StaffRole, village_id: i64 },
    Kecamatan { kecamatan_code: String },
    Kabupaten,
}

/// The signed-in person, as the server sees them for this request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account_id: i64,
    /// `None` for a visitor (a tourist): no letters, verification or shop until they add one.
    pub home_village_id: Option<i64>,
    pub is_verified_resident: bool,
    pub is_seller: bool,
    pub grants: Vec<Grant>,
}

/// What an action requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Any signed-in person, acting on their own data.
    SignedIn,
    /// A penjual: a resident whose shop was approved.
    Seller,
    /// Operator, sekdes or kades of this village.
    VillageStaff { village_id: i64 },
    /// The kades of this village (manages who else is staff).
    VillageHead { village_id: i64 },
    /// Camat staff of this kecamatan.
    KecamatanStaff { kecamatan_code: String },
    /// The regency's administrators.
    AdminKabupaten,
}

impl Actor {
    pub fn is_admin(&self) -> bool {
        self.grants.contains(&Grant::Kabupaten)
    }

    /// The decision itself: pure, so the whole matrix is unit-tested. The admin kabupaten may do every
    /// staff action (villages without staff yet still need someone), but never acts as a seller.
    pub fn may(&self, rule: &Rule) -> bool {
        match rule {
            Rule::SignedIn => true,
            Rule::Seller => self.is_seller,
            Rule::VillageStaff { village_id } => {
                self.is_admin()
                    || self.grants.iter().any(|grant| {
                        matches!(grant, Grant::Village { village_id: id, .. } if id == village_id)
                    })
            }
            Rule::VillageHead { village_id } => {
                self.is_admin()
                    || self.grants.contains(&Grant::Village {
                        role: StaffRole::Kades,
                        village_id: *village_id,
                    })
            }
            Rule::KecamatanStaff { kecamatan_code } => {
                self.is_admin()
                    || self.grants.iter().any(|grant| {
                        matches!(grant, Grant::Kecamatan { kecamatan_code: code } if code == kecamatan_code)
                    })
            }
            Rule::AdminKabupaten => self.is_admin(),
        }
    }
}

#[cfg(feature = "ssr")]
pub use server::{authorize, current_actor, public, ActorOfRequest};

#[cfg(feature = "ssr")]
mod server {
    use super::{Actor, Rule};
    use crate::error::AppError;

    /// The decision for what anyone may see or do without an account. Calling it documents the choice in
    /// the server function itself (the authorization-matrix test lists every function's decision).
    pub fn public() {}

    /// The actor of one page request, looked up once. A page's resources each ask who is signed in;
    /// without this `/akun` ran 31 statements, most of them the same session and role lookups. Only
    /// for `GET` (a page render): a server-function call that signs in, or changes roles, must see its
    /// own change, so writes always look up afresh.
    #[derive(Clone, Default)]
    pub struct ActorOfRequest(std::sync::Arc<tokio::sync::OnceCell<Option<Actor>>>);

    /// The signed-in person, if any (an ended or unknown session counts as nobody).
    pub async fn current_actor() -> Result<Option<Actor>, AppError> {
        let page_render = leptos::prelude::use_context::<http::request::Parts>()
            .is_some_and(|request| request.method == http::Method::GET);
        match leptos::prelude::use_context::<ActorOfRequest>().filter(|_| page_render) {
            Some(ActorOfRequest(once)) => once.get_or_try_init(look_up_actor).await.cloned(),
            None => look_up_actor().await,
        }
    }

    async fn look_up_actor() -> Result<Option<Actor>, AppError> {
        let pool = crate::db::pool()?;
        let Some(account_id) = super::super::session::current_account_id(&pool).await? else {
            return Ok(None);
        };
        Ok(super::super::store::load_actor(&pool, account_id).await?)
    }

    /// Passes with the actor when they satisfy `rule`; otherwise 401 (nobody signed in) or 403.
    pub async fn authorize(rule: Rule) -> Result<Actor, AppError> {
        let Some(actor) = current_actor().await? else {
            return Err(AppError::Unauthenticated.with_status());
        };
        if actor.may(&rule) {
            Ok(actor)
        } else {
            tracing::info!(
                account = actor.account_id,
                ?rule,
                "refused by authorization rule"
            );
            Err(AppError::Forbidden.with_status())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEMIREN: i64 = 1;
    const OLEHSARI: i64 = 2;

    fn actor(grants: Vec<Grant>, is_seller: bool) -> Actor {
        Actor {
            account_id: 10,
            home_village_id: Some(KEMIREN),
            is_verified_resident: false,
            is_seller,
            grants,
        }
    }

    #[test]
    fn each_role_reaches_exactly_its_own_scope() {
        let warga = actor(vec![], false);
        let penjual = actor(vec![], true);
        let operator = actor(
            vec![Grant::Village {
                role: StaffRole::Operator,
                village_id: KEMIREN,
            }],
            false,
        );
        let kades = actor(
            vec![Grant::Village {
                role: StaffRole::Kades,
                village_id: KEMIREN,
            }],
            false,
        );
        let camat = actor(
            vec![Grant::Kecamatan {
                kecamatan_code: "35.10.13".into(),
            }],
            false,
        );
        let admin = actor(vec![Grant::Kabupaten], false);

        let rules = [
            Rule::SignedIn,
            Rule::Seller,
            Rule::VillageStaff {
                village_id: KEMIREN,
            },
            Rule::VillageStaff {
                village_id: OLEHSARI,
            },
            Rule::VillageHead {
                village_id: KEMIREN,
            },
            Rule::VillageHead {
                village_id: OLEHSARI,
            },
            Rule::KecamatanStaff {
                kecamatan_code: "35.10.13".into(),
            },
            Rule::KecamatanStaff {
                kecamatan_code: "35.10.05".into(),
            },
            Rule::AdminKabupaten,
        ];
        // Columns follow `rules`.
        let expected: [(&str, &Actor, [bool; 9]); 6] = [
            (
                "warga",
                &warga,
                [true, false, false, false, false, false, false, false, false],
            ),
            (
                "penjual",
                &penjual,
                [true, true, false, false, false, false, false, false, false],
            ),
            (
                "operator",
                &operator,
                [true, false, true, false, false, false, false, false, false],
            ),
            (
                "kades",
                &kades,
                [true, false, true, false, true, false, false, false, false],
            ),
            (
                "camat",
                &camat,
                [true, false, false, false, false, false, true, false, false],
            ),
            (
                "admin",
                &admin,
                [true, false, true, true, true, true, true, true, true],
            ),
        ];
        for (name, who, allowed) in expected {
            for (rule, allowed) in rules.iter().zip(allowed) {
                assert_eq!(who.may(rule), allowed, "{name} × {rule:?}");
            }
        }
    }

    #[test]
    fn role_codes_round_trip() {
        for code in ["operator", "sekdes", "kades", "camat", "admin_kabupaten"] {
            assert_eq!(StaffRole::from_code(code).map(StaffRole::code), Some(code));
        }
        assert_eq!(StaffRole::from_code("raja"), None);
    }
}
