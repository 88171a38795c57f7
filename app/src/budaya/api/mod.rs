//! Budaya server functions. Browsing is public; registering needs an account; a listing is managed by
//! its organiser and the staff of its village. Each function starts with its authorization decision.
// A form with many fields is a server function with one argument per field.
#![allow(clippy::too_many_arguments)]

mod agenda;
mod certificates;
mod organiser;
mod tickets;

pub use agenda::*;
pub use certificates::*;
pub use organiser::*;
pub use tickets::*;
