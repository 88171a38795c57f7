//! A village's console (`/desa/{slug}/kelola`): akun's sections (residents, profile, staff) with pasar's
//! queue of shops waiting for the village's decision.

use leptos::prelude::*;

use crate::{akun, pasar};

#[component]
pub fn VillageConsolePage() -> impl IntoView {
    view! { <akun::VillageConsoleView shop_queue=|| view! { <pasar::ShopQueue /> } /> }
}
