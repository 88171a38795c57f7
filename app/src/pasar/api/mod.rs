//! Pasar server functions. Browsing is public; the cart, orders and reviews need an account; a shop's
//! products and orders are managed by its owner only. Each function starts with its authorization
//! decision, and its body ends in `.map_err(AppError::with_status)` so every refusal carries its HTTP
//! status (a person's mistake is a 4xx, never a 500).
// A form with many fields is a server function with one argument per field.
#![allow(clippy::too_many_arguments)]

mod market;
mod orders;
mod seller;

pub use market::*;
pub use orders::*;
pub use seller::*;
