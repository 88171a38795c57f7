//! A shop's parts for the shop page that `pages::shop` composes: its introduction and catalogue.

use super::market::{ProductCardView, Stars};
use super::product::ReviewList;
use crate::i18n::*;
use crate::media::Photo;
use crate::pasar::ShopPage;
use crate::ui::feedback::render_list;
use crate::ui::layout::PageTitle;
use crate::ui::style::LINK;
use crate::ui::text::Localized;
use leptos::prelude::*;

/// `/pasar/toko/{slug}`: a shop's story, where it is, its products, and the classes it runs.
/// The top of a shop's page: its name, village, rating, photo and story. `pages::shop` puts the classes
/// the shop runs (from `budaya`) between this and [`ShopCatalogue`].
#[component]
pub fn ShopIntro(shop: ShopPage) -> impl IntoView {
    let i18n = use_i18n();
    let ShopPage {
        name,
        story_id,
        story_en,
        village_name,
        village_slug,
        owner_verified,
        photo,
        rating,
        reach,
        ..
    } = shop;
    let title = name.clone();
    view! {
        <PageTitle text=move || title.clone() />
        <nav class="text-sm"><a href="/pasar" class=LINK>{t!(i18n, pasar.title)}</a></nav>
        <div class="flex items-start gap-3">
            {photo.map(|photo| view! { <div class="w-24 shrink-0"><Photo photo alt="" sizes="96px" eager=true /></div> })}
            <div>
                <h1 class="flex flex-wrap items-center gap-2 text-2xl font-bold">{name}
                    {owner_verified.then(|| view! { <crate::akun::VerifiedBadge /> })}
                </h1>
                <p class="text-stone-600"><a href=format!("/desa/{village_slug}") class="underline">{village_name}</a></p>
                {rating.map(|rating| view! { <Stars rating /> })}
                {reach.map(|reach| view! { <super::product::ShipsBy reach /> })}
            </div>
        </div>
        <p class="mt-2 max-w-prose whitespace-pre-line"><Localized id=story_id en=story_en /></p>
    }
}

/// A shop's products and reviews.
#[component]
pub fn ShopCatalogue(shop: ShopPage) -> impl IntoView {
    let i18n = use_i18n();
    let ShopPage {
        products, reviews, ..
    } = shop;
    view! {
        <section class="mt-6" aria-labelledby="produk-lapak">
            <h2 id="produk-lapak" class="mb-2 text-lg font-bold">{t!(i18n, pasar.shop_products)}</h2>
            {render_list(
                Ok(products),
                "grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4",
                move || view! { <p>{t!(i18n, pasar.empty)}</p> },
                |product| view! { <ProductCardView product /> },
            )}
        </section>
        <ReviewList reviews />
    }
}
