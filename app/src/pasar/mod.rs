//! Pasar: the village market where villagers sell creative-economy products. Shops (applied for by a
//! resident, approved by the village), products with variants, discounts and photos, the market with
//! word search and filters, product pages made to be shared on WhatsApp, the cart in the account,
//! checkout into one order per shop, the order timeline, reviews, and the seller's dashboard.

mod api;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod demo_pictures;
#[cfg(feature = "ssr")]
pub mod market_filter;
pub mod order_flow;
mod order_views;
#[cfg(feature = "ssr")]
pub mod pending_cart;
pub mod pricing;
#[cfg(feature = "ssr")]
pub mod search;
mod seller_views;
pub mod shipping;
mod shop_approval;
#[cfg(feature = "ssr")]
pub mod store;
mod types;
#[cfg(feature = "ssr")]
pub mod uploads;
mod views;

pub use api::*;
pub use order_views::*;
pub use seller_views::*;
pub use shop_approval::*;
pub use types::*;
pub use views::*;
