//! Akun: villages and places now; accounts, roles and sessions next (Akun issue).
//! Everything in the product belongs to a desa (rural village) or kelurahan (urban village).

mod api;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::*;
