//! Budaya pages for visitors: the agenda with its filters, the month calendar, a listing's page and the
//! registration step. Everything is server-rendered and works without JavaScript (filters are a GET
//! form, pagination and calendar months are links).

mod agenda;
mod listing;

pub use agenda::*;
pub use listing::*;
