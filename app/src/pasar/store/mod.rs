//! Pasar data access (server only). Stock moves only inside `BEGIN IMMEDIATE` transactions with a
//! conditional `UPDATE … WHERE stock >= quantity`, so SQLite's write lock serialises concurrent checkouts
//! and a variant can never be sold twice.

mod approval;
mod cart;
mod catalog;
mod orders;
mod seller;
#[cfg(test)]
mod tests;

pub use approval::*;
pub use cart::*;
pub use catalog::*;
pub use orders::*;
pub use seller::*;
