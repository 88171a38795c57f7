//! Villages, accounts, roles and resident verification: data access (server only).

mod access_log;
mod accounts;
mod reset_codes;
mod residents;
mod staff;
mod villages;

pub use access_log::*;
pub use accounts::*;
pub use reset_codes::*;
pub use residents::*;
pub use staff::*;
pub use villages::*;
