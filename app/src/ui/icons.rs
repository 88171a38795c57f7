//! Inline SVG icons: no icon font or image request on a slow link.

use leptos::prelude::*;

/// A small leaf-green "K" as an inline SVG favicon, so the browser does not request /favicon.ico.
pub const FAVICON: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%230f766e'/%3E%3Cpath d='M10 7v18M10 16l10-9M13 14l8 11' stroke='white' stroke-width='3.5' fill='none' stroke-linecap='round'/%3E%3C/svg%3E";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Home,
    Pasar,
    Layanan,
    Budaya,
    Akun,
    Village,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Home => "M3 11.5 12 4l9 7.5M5.5 10v10h13V10",
            Icon::Pasar => "M4 9h16l-1.5 11h-13L4 9Zm4 0V7a4 4 0 0 1 8 0v2",
            Icon::Layanan => "M7 3h7l5 5v13H7V3Zm7 0v5h5M10 13h6M10 17h6",
            Icon::Budaya => "M12 3v10.5a3 3 0 1 1-2-2.8V6l8-2v8.5a3 3 0 1 1-2-2.8",
            Icon::Akun => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 9a7 7 0 0 1 14 0",
            Icon::Village => "M3 21h18M5 21V10l7-6 7 6v11M10 21v-5h4v5",
        }
    }
}

#[component]
pub fn IconSvg(icon: Icon, #[prop(default = "h-6 w-6")] class: &'static str) -> impl IntoView {
    view! {
        <svg
            class=class
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
        >
            <path d=icon.path() />
        </svg>
    }
}
