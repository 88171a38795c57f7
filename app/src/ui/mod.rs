//! Shared components: the page frame, the language switch, icons, feedback states and text helpers.

pub mod feedback;
pub mod form;
pub mod form_draft;
pub mod icons;
#[cfg(feature = "ssr")]
pub mod installable;
pub mod language;
pub mod layout;
pub mod live_search;
pub mod navigation;
pub mod style;
pub mod text;
pub mod wasm_loader;
