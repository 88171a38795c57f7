//! Tailwind class sets shared by every pillar, so buttons and cards look and feel the same (and every tap
//! target is at least 44–48 px high).

pub const CARD: &str = "rounded-xl border border-stone-200 bg-white p-4";
pub const LINK: &str = "inline-flex min-h-11 items-center font-semibold text-teal-700 underline";
pub const BUTTON: &str =
    "inline-flex min-h-12 items-center justify-center rounded-lg bg-teal-700 px-4 font-semibold text-white";
pub const BUTTON_SECONDARY: &str =
    "inline-flex min-h-12 items-center justify-center rounded-lg border border-stone-300 bg-white px-4 font-semibold";
pub const SELECT: &str =
    "min-h-12 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";
pub const TEXTAREA: &str =
    "min-h-24 w-full rounded-lg border border-stone-300 bg-white p-3 text-base";
