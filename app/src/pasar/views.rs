//! Pasar pages and components.

use leptos::prelude::*;

use super::{get_shop, list_products, Category, ProductCard, ShopPage};
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

/// `/pasar/toko/{slug}`: a shop's story, where it is, its products, and the classes it runs.
#[component]
pub fn ShopPageView() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let shop = Resource::new(move || slug.clone(), get_shop);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match shop.await {
                    Ok(shop) => leptos::either::Either::Left(view! { <ShopDetail shop /> }),
                    Err(error) => leptos::either::Either::Right(view! { <crate::ui::layout::NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ShopDetail(shop: ShopPage) -> impl IntoView {
    let i18n = use_i18n();
    let ShopPage {
        name,
        story_id,
        story_en,
        village_name,
        village_slug,
        owner_verified,
        products,
        workshops,
        ..
    } = shop;
    let title = name.clone();
    let has_workshops = !workshops.is_empty();
    view! {
        <crate::ui::layout::PageTitle text=move || title.clone() />
        <nav class="text-sm"><a href="/pasar" class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, pasar.title)}</a></nav>
        <h1 class="flex flex-wrap items-center gap-2 text-2xl font-bold">{name}
            {owner_verified.then(|| view! { <crate::akun::VerifiedBadge /> })}
        </h1>
        <p class="text-stone-600"><a href=format!("/desa/{village_slug}") class="underline">{village_name}</a></p>
        <p class="mt-2 max-w-prose whitespace-pre-line"><Localized id=story_id en=story_en /></p>
        {has_workshops.then(|| view! {
            <section class="mt-6" aria-labelledby="kelas-lapak">
                <h2 id="kelas-lapak" class="mb-2 text-lg font-bold">{t!(i18n, pasar.shop_workshops)}</h2>
                <ul role="list" class="grid gap-3 sm:grid-cols-2">
                    {workshops.into_iter().map(|event| view! { <li class="flex"><crate::budaya::EventCardView event /></li> }).collect_view()}
                </ul>
            </section>
        })}
        <section class="mt-6" aria-labelledby="produk-lapak">
            <h2 id="produk-lapak" class="mb-2 text-lg font-bold">{t!(i18n, pasar.shop_products)}</h2>
            {render_list(
                Ok(products),
                "grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4",
                move || view! { <p>{t!(i18n, pasar.empty)}</p> },
                |product| view! { <ProductCardView product /> },
            )}
        </section>
    }
}
