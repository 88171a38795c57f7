//! Pasar: the village market where villagers sell creative-economy products.
//! For now: the product catalogue as shown on the home page and the market page.

mod api;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
mod views;

pub use api::*;
pub use types::*;
pub use views::*;
