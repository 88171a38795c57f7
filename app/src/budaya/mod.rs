//! Budaya & Edukasi: festivals, performances, classes, places and learning programmes that tourists and
//! residents browse and join. The agenda and month calendar, listing pages with "add to calendar" and
//! share tags, iCalendar feeds, registration with a waiting list and QR tickets, and the organiser's
//! pages (listings, sessions, registrations, check-in, training certificates).

pub mod agenda;
pub(crate) mod api;
#[cfg(feature = "ssr")]
pub mod certificate_pdf;
mod certificate_views;
mod check_in_scan;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod feeds;
#[cfg(feature = "ssr")]
pub mod ics;
pub mod input;
#[cfg(feature = "ssr")]
pub mod offline;
#[cfg(feature = "ssr")]
pub mod photos;
pub use crate::media::MAX_PHOTOS;
mod organiser_views;
#[cfg(feature = "ssr")]
mod qr;
pub mod recurrence;
pub mod seats;
#[cfg(feature = "ssr")]
pub mod store;
mod ticket_views;
mod types;
mod views;

pub use api::*;
pub use certificate_views::*;
pub use organiser_views::*;
pub use ticket_views::*;
pub use types::*;
pub use views::*;
