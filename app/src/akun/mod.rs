//! Akun: villages and places, and phone numbers; accounts, roles and sessions come next (Akun issue).
//! Everything in the product belongs to a desa (rural village) or kelurahan (urban village).

mod api;
pub mod phone;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::*;
