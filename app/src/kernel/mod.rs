//! The shared kernel: small pieces every layer may use, whichever pillar asks — civil dates in WIB,
//! the code alphabet, cookies, money as Indonesians type it, text inputs, the official one-page PDF with its QR code (letters,
//! certificates, server only), and this site's own address
//! (`site`, server only). It imports no domain (`akun`, `pasar`, `layanan`, `budaya`, `notifikasi`,
//! `media`) and no `ui`; the layering test (`crate::layering`) keeps it that way.

pub mod codes;
pub mod cookies;
pub mod dates;
pub mod money;
#[cfg(feature = "ssr")]
pub mod official_pdf;
#[cfg(feature = "ssr")]
pub mod site;
pub mod text;
