//! Layanan: village services (letters and appointments) that residents request from their phones.
//! So far: each village's service catalogue, and the pure rules the request flow is built on — the
//! request state machine with its roles, letter numbers, and visit-slot arithmetic.

mod api;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod letter_number;
#[cfg(feature = "ssr")]
pub mod letter_pdf;
#[cfg(feature = "ssr")]
pub mod letters;
pub mod request_flow;
mod request_views;
pub mod slots;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use request_views::*;
pub use types::*;
pub use views::*;
