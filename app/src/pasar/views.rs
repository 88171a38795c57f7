//! Pasar pages and components.

use leptos::prelude::*;

use super::{list_products, Category, ProductCard};
use crate::format::rupiah;
use crate::i18n::*;
use crate::ui::feedback::{render_list, CardsLoading};
use crate::ui::layout::PageHeader;
use crate::ui::text::Localized;

#[component]
pub fn PasarPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeader
            title=move || t_string!(i18n, pasar.title).to_string()
            intro=move || t_string!(i18n, pasar.description).to_string()
        />
        <ProductList limit=24 />
    }
}

/// Products, newest first; `village` limits them to one village.
#[component]
pub fn ProductList(#[prop(optional)] village: Option<String>, limit: u32) -> impl IntoView {
    let i18n = use_i18n();
    let products = Resource::new(
        move || village.clone(),
        move |village| list_products(village, limit),
    );
    view! {
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || Suspend::new(async move {
                render_list(
                    products.await,
                    "grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4",
                    move || view! { <p>{t!(i18n, pasar.empty)}</p> },
                    |product| view! { <ProductCardView product /> },
                )
            })}
        </Suspense>
    }
}

#[component]
pub fn ProductCardView(product: ProductCard) -> impl IntoView {
    let i18n = use_i18n();
    let ProductCard {
        title_id,
        title_en,
        category,
        price_rupiah,
        unit,
        shop_name,
        village_name,
        ..
    } = product.clone();
    let sold_out = product.is_sold_out();
    view! {
        <article class="flex flex-col overflow-hidden rounded-xl border border-stone-200 bg-white">
            <div class=format!(
                "flex aspect-[4/3] items-end p-2 {}",
                category_tint(category),
            )>
                <span class="rounded bg-white/85 px-1.5 py-0.5 text-xs font-medium">
                    <CategoryLabel category />
                </span>
            </div>
            <div class="flex flex-1 flex-col gap-1 p-3">
                <h3 class="text-sm font-semibold leading-snug">
                    <Localized id=title_id en=title_en />
                </h3>
                <p class="font-bold text-teal-800">
                    {move || rupiah(price_rupiah, i18n.get_locale())}
                    <span class="text-xs font-normal text-stone-500">" / " {unit.clone()}</span>
                </p>
                <p class="text-xs text-stone-500">{shop_name} " · " {village_name}</p>
                {sold_out.then(|| view! {
                    <p class="text-xs font-semibold text-red-700">{t!(i18n, pasar.sold_out)}</p>
                })}
            </div>
        </article>
    }
}

#[component]
pub fn CategoryLabel(category: Category) -> impl IntoView {
    let i18n = use_i18n();
    move || match category {
        Category::BatikKain => t_string!(i18n, pasar.category.batik_kain),
        Category::Kerajinan => t_string!(i18n, pasar.category.kerajinan),
        Category::KopiHasilBumi => t_string!(i18n, pasar.category.kopi_hasil_bumi),
        Category::MakananOlahan => t_string!(i18n, pasar.category.makanan_olahan),
        Category::Fashion => t_string!(i18n, pasar.category.fashion),
        Category::Seni => t_string!(i18n, pasar.category.seni),
    }
}

/// Until products have photos (Pasar issue), each category gets its own calm colour.
fn category_tint(category: Category) -> &'static str {
    match category {
        Category::BatikKain => "bg-amber-200",
        Category::Kerajinan => "bg-lime-200",
        Category::KopiHasilBumi => "bg-orange-300",
        Category::MakananOlahan => "bg-rose-200",
        Category::Fashion => "bg-sky-200",
        Category::Seni => "bg-violet-200",
    }
}
