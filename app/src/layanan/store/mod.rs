//! Layanan data access (server only).

mod catalogue;
pub mod complaints;
mod documents;
mod forget;
mod letters;
mod reminders;
mod requests;

pub use catalogue::*;
pub use documents::*;
pub use forget::*;
pub use letters::*;
pub use reminders::*;
pub use requests::*;
