//! Budaya data access (server only): the agenda, listings, sessions, registrations and tickets.
//! Every change that touches seats runs in one `BEGIN IMMEDIATE` transaction, so concurrent
//! registrations are serialised by SQLite's write lock and a session can never be oversold.

mod agenda;
mod listings;
mod sessions;
mod tickets;

pub use agenda::*;
pub use listings::*;
pub use sessions::*;
pub use tickets::*;
