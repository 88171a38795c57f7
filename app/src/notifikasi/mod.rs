//! Notifikasi: in-app notifications (the bell) and the outbox of messages to phones (SMS/WhatsApp).
//! Every pillar announces status changes through here; the account domain uses it for reset codes.

mod api;
#[cfg(feature = "ssr")]
pub mod gateways;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::*;
