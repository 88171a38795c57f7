//! Pasar data access (server only). Stock moves only inside write transactions (`db::begin_write`: one
//! writer at a time on either engine) with a conditional `UPDATE … WHERE stock >= quantity`, so concurrent
//! checkouts are serialised and a variant can never be sold twice.

mod approval;
mod cart;
mod catalog;
mod directory;
mod orders;
mod search_index;
mod seller;
#[cfg(test)]
mod tests;

pub use approval::*;
pub use cart::*;
pub use catalog::*;
pub use directory::*;
pub use orders::*;
pub use search_index::*;
pub use seller::*;
