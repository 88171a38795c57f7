//! Layanan: village services (letters and appointments) that residents request from their phones.
//! Each village's catalogue, the request loop from a resident's phone to a signed, verifiable letter
//! (typed forms, private document photos, visit slots with queue numbers, role-gated moves with an audit
//! trail), and complaints. The pure rules — the request state machine, letter numbers, slot arithmetic —
//! sit in their own modules with their tests.

mod api;
pub mod catalogue;
mod catalogue_views;
mod complaint_api;
pub mod complaint_flow;
mod complaint_views;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod documents;
pub mod informasi;
pub mod letter_number;
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
pub use catalogue::*;
pub use catalogue_views::*;
pub use complaint_api::*;
pub use complaint_views::*;
pub use request_views::*;
pub use types::*;
pub use views::*;
