//! Villages, accounts, roles and resident verification: data access (server only).

mod accounts;
mod reset_codes;
mod residents;
mod staff;
mod villages;

pub use accounts::*;
pub use reset_codes::*;
pub use residents::*;
pub use staff::*;
pub use villages::*;
