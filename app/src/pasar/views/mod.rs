//! Pasar public pages: the market (search, filters, sort, pages — a GET form, so it works without
//! JavaScript and every result has an address), product cards, the product page (made to be shared on
//! WhatsApp: OpenGraph and schema.org Product), and the shop page.

mod cart_islands;
mod directory;
mod market;
mod product;
mod shop;

pub use cart_islands::*;
pub use directory::*;
pub use market::*;
pub use product::*;
pub use shop::*;
