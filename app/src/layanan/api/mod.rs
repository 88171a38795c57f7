//! Layanan server functions. The catalogue and the letter verification page are public; requests need
//! an account and are seen by their resident, their village's staff, and — once forwarded — the camat
//! staff of the village's kecamatan. Each function starts with its authorization decision and maps every
//! refusal to its HTTP status.
// A form with many fields is a server function with one argument per field.
#![allow(clippy::too_many_arguments)]

mod inbox;
mod requests;
mod services;

pub use inbox::*;
pub use requests::*;
pub use services::*;
