//! `/pasar/toko`: every approved shop with its village, what it sells, its photo and rating; filtered
//! by village and category with a GET form (an address per filter, no JavaScript needed).

use super::market::{CategoryLabel, Stars};
use crate::i18n::*;
use crate::media::Photo;
use crate::pasar::{get_shop_directory, Category, ShopCard, ShopDirectory};
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::layout::PageHeader;
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ShopDirectoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().read_untracked().clone();
    let village = query.get("village").unwrap_or_default();
    let category = query.get("category").unwrap_or_default();
    let page = query
        .get("page")
        .and_then(|page| page.parse().ok())
        .unwrap_or(1);
    let directory = Resource::new(
        move || (village.clone(), category.clone(), page),
        |(village, category, page)| get_shop_directory(village, category, page),
    );
    view! {
        <PageHeader
            title=move || t_string!(i18n, pasar.directory_title).to_string()
            intro=move || t_string!(i18n, pasar.directory_intro).to_string()
        />
        <nav class="-mt-2 mb-3 text-sm"><a href="/pasar" class=LINK>{t!(i18n, pasar.title)}</a></nav>
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || Suspend::new(async move {
                match directory.await {
                    Ok(directory) => Either::Left(view! { <DirectoryView directory /> }),
                    Err(error) => Either::Right(view! { <ErrorNotice error /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DirectoryView(directory: ShopDirectory) -> impl IntoView {
    let i18n = use_i18n();
    let previous_page = (directory.page > 1).then(|| directory.url_for_page(directory.page - 1));
    let next_page =
        (directory.page < directory.page_count).then(|| directory.url_for_page(directory.page + 1));
    let ShopDirectory {
        shops,
        total,
        page,
        page_count,
        villages,
        village,
        category,
    } = directory;
    let filtered = !(village.is_empty() && category.is_empty());
    view! {
        <form method="get" action="/pasar/toko" class=format!("{CARD} mb-4 grid gap-3 sm:grid-cols-3 sm:items-end")>
            <div class="flex flex-col gap-1">
                <label for="f-village" class="text-sm font-medium">{t!(i18n, pasar.village_label)}</label>
                <select id="f-village" name="village" class=SELECT>
                    <option value="">{t!(i18n, pasar.all_villages)}</option>
                    {villages.into_iter().map(|(slug, name)| {
                        let is_selected = (slug == village).then_some("");
                        view! { <option value=slug selected=is_selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="flex flex-col gap-1">
                <label for="f-category" class="text-sm font-medium">{t!(i18n, pasar.category_label)}</label>
                <select id="f-category" name="category" class=SELECT>
                    <option value="">{t!(i18n, pasar.all_categories)}</option>
                    {Category::ALL.into_iter().map(|option| view! {
                        <option value=option.code() selected=(option.code() == category).then_some("")><CategoryLabel category=option /></option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class=BUTTON>{t!(i18n, pasar.apply_filters)}</button>
        </form>
        <h2 class="mb-2 text-sm font-normal text-stone-600" data-shop-count=total>{t!(i18n, pasar.directory_count, count = move || total)}</h2>
        {shops.is_empty().then(|| view! {
            <div class="rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
                <p class="font-medium">{t!(i18n, pasar.directory_empty)}</p>
                {filtered.then(|| view! { <a href="/pasar/toko" class=LINK>{t!(i18n, pasar.clear_filters)}</a> })}
            </div>
        })}
        <ul role="list" class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {shops.into_iter().enumerate().map(|(index, shop)| view! { <li class="flex"><ShopCardView shop eager=index < 2 /></li> }).collect_view()}
        </ul>
        {(page_count > 1).then(|| view! {
            <nav class="my-4 flex items-center justify-between gap-2" aria-label=move || t_string!(i18n, pasar.pages).to_string()>
                {previous_page.map(|href| view! { <a href=href rel="prev" class=BUTTON_SECONDARY>{t!(i18n, pasar.previous_page)}</a> })}
                <span class="text-sm text-stone-600">{t!(i18n, pasar.page_of, page = move || page, count = move || page_count)}</span>
                {next_page.map(|href| view! { <a href=href rel="next" class=BUTTON_SECONDARY>{t!(i18n, pasar.next_page)}</a> })}
            </nav>
        })}
    }
}

/// A shop as a card: photo, name, village, rating, what it sells.
#[component]
fn ShopCardView(shop: ShopCard, #[prop(default = false)] eager: bool) -> impl IntoView {
    let i18n = use_i18n();
    let ShopCard {
        slug,
        name,
        village_name,
        village_slug,
        photo,
        rating,
        categories,
        product_count,
    } = shop;
    view! {
        <a href=format!("/pasar/toko/{slug}") data-shop=slug.clone() data-village=village_slug class=format!("{CARD} flex w-full gap-3 hover:border-teal-600")>
            <div class="w-24 shrink-0">
                {match photo {
                    Some(photo) => Either::Left(view! { <Photo photo alt="" sizes="96px" eager /> }),
                    None => Either::Right(view! { <div class="aspect-[4/3] w-full rounded-lg bg-stone-200"></div> }),
                }}
            </div>
            <div class="flex min-w-0 flex-col gap-1">
                <h3 class="font-semibold leading-snug">{name}</h3>
                <p class="text-sm text-stone-600">{village_name}</p>
                {rating.map(|rating| view! { <Stars rating /> })}
                <p class="text-sm text-stone-700">
                    {categories.into_iter().take(3).map(|category| view! {
                        <span class="mr-1 inline-block rounded-full bg-stone-100 px-2 py-0.5 text-xs"><CategoryLabel category /></span>
                    }).collect_view()}
                </p>
                <p class="text-xs text-stone-600">{t!(i18n, pasar.directory_products, count = move || product_count)}</p>
            </div>
        </a>
    }
}
