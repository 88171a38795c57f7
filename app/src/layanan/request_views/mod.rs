//! The request loop's pages: a service with its requirements and form (`/layanan/{village}/{service}`),
//! a request with its timeline and the moves the viewer may make (`/layanan/permohonan/{code}`), the
//! resident's requests (`/layanan/saya`), the village and kecamatan inboxes, and the public letter
//! verification page (`/verifikasi/{code}`). Plain forms posting to server functions.

mod lists;
mod request;
mod service;
mod slot_picker;

pub use lists::*;
pub use request::*;
pub use service::*;
pub use slot_picker::*;
