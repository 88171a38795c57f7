//! The shared kernel: small pure pieces both targets use, whichever pillar asks — civil dates in WIB,
//! the code alphabet, money as Indonesians type it, text inputs. It imports no domain (`akun`, `pasar`,
//! `layanan`, `budaya`, `notifikasi`, `media`) and no `ui`; the layering test (`crate::layering`) keeps
//! it that way.

pub mod codes;
pub mod dates;
pub mod money;
pub mod text;
