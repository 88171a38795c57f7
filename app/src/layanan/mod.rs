//! Layanan: village services (letters and appointments) that residents request from their phones.
//! For now: each village's service catalogue.

mod api;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::*;
