//! Pages that put several pillars together — the one place that may import more than one of them
//! (see `crate::layering`): the home page, a village's page, a shop's page, the account dashboard, a village's console.

pub mod account;
pub mod home;
pub mod my_data;
pub mod shop;
pub mod village;
pub mod village_console;
