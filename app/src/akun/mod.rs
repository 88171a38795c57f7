//! Akun: villages and places, accounts, roles and sessions that the three pillars trust.
//! Everything in the product belongs to a desa (rural village) or kelurahan (urban village); every
//! account is a warga (resident) of one, and staff roles are bound to one village or kecamatan.

pub mod access;
mod account_api;
mod account_views;
mod api;
#[cfg(feature = "ssr")]
pub mod csrf;
#[cfg(feature = "ssr")]
pub mod extract;
mod language;
pub mod nik;
pub mod password;
pub mod phone;
mod privacy;
#[cfg(feature = "ssr")]
pub mod rate_limit;
pub mod regency;
pub mod reset_code;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod sign_in_guard;
mod staff_api;
mod staff_views;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;
#[cfg(feature = "ssr")]
pub mod village_photo;

pub use account_api::*;
pub use account_views::*;
pub use api::*;
pub use language::*;
pub use privacy::*;
pub use staff_api::*;
pub use staff_views::*;
pub use types::*;
pub use views::*;
