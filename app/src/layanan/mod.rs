//! Layanan: village services (letters and appointments) that residents request from their phones.
//! So far: each village's service catalogue, and the pure rules the request flow is built on — the
//! request state machine with its roles, letter numbers, and visit-slot arithmetic.

mod api;
pub mod letter_number;
#[cfg(feature = "ssr")]
pub mod letter_pdf;
pub mod request_flow;
pub mod slots;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::*;
