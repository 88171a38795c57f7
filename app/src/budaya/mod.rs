//! Budaya & Edukasi: festivals, performances, classes, places and learning programmes that tourists and
//! residents browse and join. For now: the upcoming agenda.

mod api;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::*;
