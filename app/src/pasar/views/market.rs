//! The market page: filters, sort, the product cards and their pieces (price, stars, category).

use crate::format::rupiah;
use crate::i18n::*;
use crate::media::Thumbnail;
use crate::pasar::{
    get_market, list_products, Category, MarketPage, MarketQuery, ProductCard, Rating, Sort,
};
use crate::ui::feedback::{render_list, CardsLoading};
use crate::ui::layout::PageHeader;
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};
use crate::ui::text::Localized;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PasarPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = MarketQuery::from_map(&use_query_map().read_untracked());
    let market = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        get_market,
    );
    view! {
        <PageHeader
            title=move || t_string!(i18n, pasar.title).to_string()
            intro=move || t_string!(i18n, pasar.description).to_string()
        />
        <nav class="-mt-2 mb-3 flex flex-wrap gap-x-4" aria-label=move || t_string!(i18n, pasar.my_market).to_string()>
            <a href="/pasar/keranjang" class=LINK>{t!(i18n, pasar.cart_title)}</a>
            <a href="/pasar/pesanan" class=LINK>{t!(i18n, pasar.my_orders)}</a>
            <a href="/pasar/toko" class=LINK>{t!(i18n, pasar.directory_title)}</a>
            <a href="/pasar/saya" class=LINK>{t!(i18n, pasar.dashboard_title)}</a>
        </nav>
        <nav data-live="kategori" class="-mx-1 mb-3 flex gap-2 overflow-x-auto px-1 pb-1" aria-label=move || t_string!(i18n, pasar.category_links).to_string()>
            {Category::ALL.into_iter().map(|category| {
                let href = MarketQuery { category: category.code().into(), ..MarketQuery::default() }.url_for_page(1);
                let current = query.category == category.code();
                view! {
                    <a href=href aria-current=current.then_some("page")
                        class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                        <CategoryLabel category />
                    </a>
                }
            }).collect_view()}
        </nav>
        <Suspense fallback=|| view! { <CardsLoading /> }>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    match market.await {
                        Ok(market) => Either::Left(view! { <MarketView market query /> }),
                        Err(error) => Either::Right(view! { <crate::ui::feedback::ErrorNotice error /> }),
                    }
                })
            }}
        </Suspense>
        <p class="mt-6 text-sm text-stone-600">
            {t!(i18n, pasar.sell_prompt)} " "
            <a href="/pasar/saya" class=LINK>{t!(i18n, pasar.open_shop)}</a>
        </p>
    }
}

#[component]
fn MarketView(market: MarketPage, query: MarketQuery) -> impl IntoView {
    let i18n = use_i18n();
    let count_is_exact = market.count_is_exact();
    let MarketPage {
        products,
        total,
        page,
        page_count,
        ignored,
        villages,
        sort,
    } = market;
    let previous_page = (page > 1).then(|| query.url_for_page(page - 1));
    let next_page = (page < page_count).then(|| query.url_for_page(page + 1));
    let filtered = query.has_filters();
    let searching = !query.q.trim().is_empty();
    let empty = products.is_empty();
    view! {
        <crate::ui::live_search::LiveSearch>
            <MarketFilters query=query.clone() villages sort />
        </crate::ui::live_search::LiveSearch>
        // What live search swaps in as the visitor types (see `ui::live_search`).
        <div data-live="hasil">
        {(!ignored.is_empty()).then(|| view! {
            <p role="status" class="mb-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t!(i18n, pasar.filter_ignored)}</p>
        })}
        {(!empty).then(|| view! {
            // The heading of the result list (the cards' titles are its h3s).
            <h2 class="mb-2 text-sm font-normal text-stone-600">
                {if count_is_exact {
                    t!(i18n, pasar.result_count, count = move || total).into_any()
                } else {
                    t!(i18n, pasar.result_count_over, count = move || MarketPage::COUNT_SHOWN_UP_TO).into_any()
                }}
            </h2>
        })}
        {empty.then(|| view! {
            <div class="rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
                <p class="font-medium">{if searching { t!(i18n, pasar.no_results_search).into_any() } else { t!(i18n, pasar.no_results).into_any() }}</p>
                <p class="mt-1 text-sm">{t!(i18n, pasar.no_results_hint)}</p>
                {filtered.then(|| view! { <a href="/pasar" class=LINK>{t!(i18n, pasar.clear_filters)}</a> })}
            </div>
        })}
        <ul role="list" class="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {products.into_iter().enumerate().map(|(index, product)| view! {
                // The first row is above the fold on a phone: load those photos at once.
                <li class="flex"><ProductCardView product eager=index < 2 /></li>
            }).collect_view()}
        </ul>
        {(page_count > 1).then(|| view! {
            <nav class="my-4 flex items-center justify-between gap-2" aria-label=move || t_string!(i18n, pasar.pages).to_string()>
                {previous_page.map(|href| view! { <a href=href rel="prev" class=BUTTON_SECONDARY>{t!(i18n, pasar.previous_page)}</a> })}
                <span class="text-sm text-stone-600">{t!(i18n, pasar.page_of, page = move || page, count = move || page_count)}</span>
                {next_page.map(|href| view! { <a href=href rel="next" class=BUTTON_SECONDARY>{t!(i18n, pasar.next_page)}</a> })}
            </nav>
        })}
        </div>
    }
}

pub fn sort_label(i18n: leptos_i18n::I18nContext<Locale>, sort: Sort) -> String {
    match sort {
        Sort::Relevance => t_string!(i18n, pasar.sort_relevance),
        Sort::Newest => t_string!(i18n, pasar.sort_newest),
        Sort::PriceLow => t_string!(i18n, pasar.sort_price_low),
        Sort::PriceHigh => t_string!(i18n, pasar.sort_price_high),
        Sort::BestRated => t_string!(i18n, pasar.sort_rating),
    }
    .to_string()
}

/// Search, filters and sort: a GET form (no JavaScript needed, every result has an address).
#[component]
fn MarketFilters(query: MarketQuery, villages: Vec<(String, String)>, sort: Sort) -> impl IntoView {
    let i18n = use_i18n();
    let selected = |current: &str, value: &str| (current == value).then_some("");
    let MarketQuery {
        q,
        category,
        village,
        min_price,
        max_price,
        in_stock,
        ..
    } = query;
    let open_details = [&village, &min_price, &max_price, &in_stock]
        .iter()
        .any(|value| !value.is_empty());
    view! {
        <form method="get" action="/pasar" role="search" class=format!("{CARD} mb-4 flex flex-col gap-3")>
            <div class="flex gap-2">
                <label for="f-q" class="sr-only">{t!(i18n, pasar.search_label)}</label>
                <input id="f-q" name="q" type="search" value=q placeholder=move || t_string!(i18n, pasar.search_placeholder).to_string()
                    class="min-h-12 w-full rounded-lg border border-stone-300 px-3 text-base" />
                <button type="submit" class=BUTTON>{t!(i18n, pasar.search_button)}</button>
            </div>
            <div class="grid grid-cols-2 gap-2">
                <div class="flex flex-col gap-1">
                    <label for="f-category" class="text-sm font-medium">{t!(i18n, pasar.category_label)}</label>
                    <select id="f-category" name="category" class=SELECT>
                        <option value="">{t!(i18n, pasar.all_categories)}</option>
                        {Category::ALL.into_iter().map(|option| view! {
                            <option value=option.code() selected=selected(&category, option.code())><CategoryLabel category=option /></option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="f-sort" class="text-sm font-medium">{t!(i18n, pasar.sort_label)}</label>
                    <select id="f-sort" name="sort" class=SELECT>
                        {Sort::CHOICES.into_iter().map(|option| view! {
                            <option value=option.code() selected=(option == sort).then_some("")>{sort_label(i18n, option)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <details open=open_details>
                <summary class="flex min-h-11 cursor-pointer items-center font-semibold text-teal-800">{t!(i18n, pasar.more_filters)}</summary>
                <div class="mt-2 grid gap-3 sm:grid-cols-2">
                    <div class="flex flex-col gap-1">
                        <label for="f-village" class="font-medium">{t!(i18n, pasar.village_label)}</label>
                        <select id="f-village" name="village" class=SELECT>
                            <option value="">{t!(i18n, pasar.all_villages)}</option>
                            {villages.into_iter().map(|(slug, name)| {
                                let is_selected = selected(&village, &slug);
                                view! { <option value=slug selected=is_selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="grid grid-cols-2 gap-2">
                        <div class="flex flex-col gap-1">
                            <label for="f-min" class="font-medium">{t!(i18n, pasar.min_price)}</label>
                            <input id="f-min" name="min_price" inputmode="numeric" value=min_price placeholder="0" class=SELECT />
                        </div>
                        <div class="flex flex-col gap-1">
                            <label for="f-max" class="font-medium">{t!(i18n, pasar.max_price)}</label>
                            <input id="f-max" name="max_price" inputmode="numeric" value=max_price placeholder="500.000" class=SELECT />
                        </div>
                    </div>
                    <label class="inline-flex min-h-11 items-center gap-2">
                        <input type="checkbox" name="in_stock" value="1" checked=(in_stock == "1").then_some("") class="h-5 w-5" />
                        {t!(i18n, pasar.in_stock_only)}
                    </label>
                </div>
            </details>
            <button type="submit" class=format!("{BUTTON_SECONDARY} w-full sm:w-auto")>{t!(i18n, pasar.apply_filters)}</button>
        </form>
    }
}

/// Products, newest first; `village` limits them to one village (home and village pages).
#[component]
pub fn ProductList(#[prop(optional)] village: Option<String>, limit: u32) -> impl IntoView {
    let products = Resource::new(
        move || village.clone(),
        move |village| list_products(village, limit),
    );
    view! { <ProductListOf products /> }
}

/// The list, from a resource the page made itself: a page that shows it inside another `Suspend` creates
/// the resource outside it, so a re-render of that `Suspend` does not fetch the list again.
#[component]
pub fn ProductListOf(
    products: Resource<Result<Vec<ProductCard>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
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

/// A price with the old one struck through when discounted; "from" when variants differ.
#[component]
pub fn PriceTag(
    price: i64,
    original: Option<i64>,
    #[prop(default = false)] from: bool,
    #[prop(default = "")] unit: &'static str,
    #[prop(optional, into)] unit_text: Option<String>,
    #[prop(default = "font-bold text-teal-800")] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let unit_text = unit_text.unwrap_or_else(|| unit.to_string());
    view! {
        <p class=class>
            {from.then(|| view! { <span class="text-xs font-normal text-stone-600">{t!(i18n, pasar.price_from)} " "</span> })}
            {rupiah(price, locale)}
            {(!unit_text.is_empty()).then(|| view! { <span class="text-xs font-normal text-stone-500">" / " {unit_text.clone()}</span> })}
            {original.map(|original| view! {
                <span class="ml-1 text-xs font-normal text-stone-500 line-through">
                    <span class="sr-only">{t!(i18n, pasar.was_price)} " "</span>{rupiah(original, locale)}
                </span>
            })}
        </p>
    }
}

#[component]
pub fn Stars(rating: Rating) -> impl IntoView {
    let i18n = use_i18n();
    let decimal_comma = i18n.get_locale() == Locale::id;
    let count = rating.count;
    view! {
        <span class="text-xs text-amber-800">
            "★ " {rating.stars_text(decimal_comma)}
            <span class="text-stone-500">" (" {t!(i18n, pasar.review_count, count = move || count)} ")"</span>
        </span>
    }
}

#[component]
pub fn ProductCardView(
    product: ProductCard,
    #[prop(default = false)] eager: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let sold_out = product.is_sold_out();
    let ProductCard {
        slug,
        title_id,
        title_en,
        category,
        price_rupiah,
        original_price_rupiah,
        price_varies,
        unit,
        shop_name,
        village_name,
        photo,
        rating,
        ..
    } = product;
    view! {
        <a href=format!("/pasar/produk/{slug}") class="flex w-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white hover:border-teal-600">
            {match photo {
                // Decorative: the title below names the product.
                Some(photo) => Either::Left(view! {
                    <Thumbnail photo alt="" eager=eager wide_sizes="(min-width: 1024px) 22vw, 30vw" class="rounded-none" />
                }),
                None => Either::Right(view! {
                    <div class=format!("flex aspect-[4/3] items-end p-2 {}", category_tint(category))>
                        <span class="rounded bg-white/85 px-1.5 py-0.5 text-xs font-medium"><CategoryLabel category /></span>
                    </div>
                }),
            }}
            <div class="flex flex-1 flex-col gap-1 p-3">
                <h3 class="text-sm font-semibold leading-snug"><Localized id=title_id en=title_en /></h3>
                <PriceTag price=price_rupiah original=original_price_rupiah from=price_varies unit_text=unit />
                {rating.map(|rating| view! { <Stars rating /> })}
                <p class="mt-auto text-xs text-stone-500">{shop_name} " · " {village_name}</p>
                {sold_out.then(|| view! {
                    <p class="text-xs font-semibold text-red-700">{t!(i18n, pasar.sold_out)}</p>
                })}
            </div>
        </a>
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

/// A product without photos yet gets its category's calm colour.
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
