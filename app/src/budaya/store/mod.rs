//! Budaya data access (server only): the agenda, listings, sessions, registrations and tickets.
//! Every change that touches seats runs in one write transaction (`db::begin_write`), so concurrent
//! registrations are serialised (SQLite's write lock, PostgreSQL's advisory lock) and a session can never
//! be oversold.

mod agenda;
mod certificates;
mod listings;
mod reminders;
mod sessions;
mod tickets;

pub use agenda::*;
pub use certificates::*;
pub use listings::*;
pub use reminders::*;
pub use sessions::*;
pub use tickets::*;
