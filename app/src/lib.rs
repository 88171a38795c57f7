//! Smart Kampung: the isomorphic application. The same code renders pages on the server (feature `ssr`)
//! and hydrates them in the browser (feature `hydrate`, through the tiny `hydrate` crate).
//!
//! One folder per domain: `akun` (accounts, villages), `pasar` (market), `layanan` (village services),
//! `budaya` (culture & education), `notifikasi` (the bell and messages to phones); `pages` composes
//! pillars (home, a village's page, the account dashboard); `ui` holds shared components; `kernel` the small pure pieces every layer uses
//! (dates, codes, money, text inputs), importing none of them.
#![recursion_limit = "256"]

/// Translations from `app/locales/{id,en}.json`, checked at compile time. (leptos_i18n 0.6 prefers a
/// build-script generator, but that pulls ICU's data exporter with networking into the build; the macro
/// does the same job here.)
#[allow(deprecated)]
mod locales {
    leptos_i18n::load_locales!();
}
pub use locales::i18n;

mod app;
pub mod error;
pub mod format;
pub mod kernel;
pub mod ui;

pub mod akun;
pub mod budaya;
pub mod layanan;
pub mod media;
pub mod notifikasi;
pub mod pages;
pub mod pasar;
pub mod skor;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;

pub use app::{shell, App};

#[cfg(test)]
mod layering;

/// Starts the islands in the browser. It lives here, not in the `hydrate` crate, so that the wasm links
/// this crate at all: the islands are exported from it, and a crate nothing calls into is left out.
#[cfg(feature = "hydrate")]
pub fn start_islands() {
    leptos::mount::hydrate_islands();
}
