//! Photos that villagers upload from phone cameras, made safe and small for slow links: decoded under
//! limits (no decompression bombs), turned upright by their EXIF orientation, framed whole in 4:3 (never cut), stripped of
//! every metadata field (GPS above all: re-encoding keeps pixels only), and stored as lossy WebP in three
//! widths served with `srcset`. Storage sits behind [`storage::PhotoStore`] (local disk now).
//! Shared by Budaya listings now and Pasar products next.

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod process;
#[cfg(feature = "ssr")]
pub mod serve;
#[cfg(feature = "ssr")]
pub mod storage;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
#[cfg(feature = "ssr")]
pub mod upload;

/// A gallery (listing, product) holds at most this many photos.
pub const MAX_PHOTOS: usize = 6;
mod views;

pub use types::*;
pub use views::*;
