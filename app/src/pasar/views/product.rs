//! A product's page: photos, options, add to cart, the seller, reviews, and its structured data.

use super::market::{CategoryLabel, PriceTag, ProductCardView, Stars};
use crate::format::{json_string, rupiah};
use crate::i18n::*;
use crate::media::{Gallery, Photo};
use crate::pasar::{
    get_product, AddToCart, MarketQuery, ProductPage, ProductStatus, Review, VariantOption,
};
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{field_error_text, last_error, FormError, SubmitButton};
use crate::ui::layout::{NotFoundOr, PageTitle};
use crate::ui::style::{BUTTON_SECONDARY, CARD, LINK};
use crate::ui::text::{pick, Localized};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

/// schema.org Product markup, so a shared link and search engines show name, photo and price.
pub fn product_json_ld(page: &ProductPage, locale: Locale, image: Option<&str>) -> String {
    let title = pick(locale, &page.title_id, page.title_en.as_deref()).text;
    let description = pick(locale, &page.description_id, page.description_en.as_deref()).text;
    let price = page.price_from().map_or(0, |variant| variant.price_rupiah);
    let availability = if page.stock() > 0 {
        "https://schema.org/InStock"
    } else {
        "https://schema.org/SoldOut"
    };
    let image = image
        .map(|image| format!(r#","image":{}"#, json_string(image)))
        .unwrap_or_default();
    let rating = page
        .rating
        .map(|rating| {
            format!(
                r#","aggregateRating":{{"@type":"AggregateRating","ratingValue":"{}","reviewCount":{}}}"#,
                rating.stars_text(false),
                rating.count
            )
        })
        .unwrap_or_default();
    format!(
        r#"{{"@context":"https://schema.org","@type":"Product","name":{},"description":{},"url":{}{image}{rating},"brand":{{"@type":"Brand","name":{}}},"offers":{{"@type":"Offer","price":{price},"priceCurrency":"IDR","availability":"{availability}","url":{},"seller":{{"@type":"Organization","name":{}}}}}}}"#,
        json_string(&title),
        json_string(&description),
        json_string(&page.canonical_url),
        json_string(&page.seller.name),
        json_string(&page.canonical_url),
        json_string(&page.seller.name),
    )
}

/// `/pasar/produk/{slug}`.
#[component]
pub fn ProductPageView() -> impl IntoView {
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let page = Resource::new(move || slug.clone(), get_product);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => Either::Left(view! { <ProductDetail page /> }),
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}

fn variant_label(locale: Locale, variant: &VariantOption) -> String {
    pick(locale, &variant.name_id, variant.name_en.as_deref()).text
}

#[component]
fn ProductDetail(page: ProductPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let origin = page
        .canonical_url
        .split("/pasar/")
        .next()
        .unwrap_or_default()
        .to_string();
    let og_image = page
        .photos
        .first()
        .map(|photo| format!("{origin}{}", photo.url(photo.best_width(1280))));
    let json_ld = product_json_ld(&page, locale, og_image.as_deref());
    let stock = page.stock();
    let price_from = page.price_from().cloned();
    let price_varies = page
        .variants
        .iter()
        .any(|variant| Some(variant.price_rupiah) != price_from.as_ref().map(|v| v.price_rupiah));
    let title = pick(locale, &page.title_id, page.title_en.as_deref()).text;
    let description = pick(locale, &page.description_id, page.description_en.as_deref()).text;
    let meta_description: String = description.chars().take(160).collect();
    let og_description = match &price_from {
        Some(variant) => format!(
            "{} · {}",
            rupiah(variant.price_rupiah, locale),
            page.seller.name
        ),
        None => page.seller.name.clone(),
    };
    let ProductPage {
        slug,
        title_id,
        title_en,
        description_id,
        description_en,
        category,
        unit,
        status,
        variants,
        photos,
        seller,
        more_from_shop,
        reviews,
        rating,
        canonical_url,
        is_owner,
        ..
    } = page;
    let add = ServerAction::<AddToCart>::new();
    let edit_slug = slug.clone();
    let error = last_error(add.value());
    let quantity_error = field_error_text(error, "quantity");
    let page_title = title.clone();
    let has_choices =
        variants.len() > 1 || variants.iter().any(|variant| !variant.name_id.is_empty());
    let single_variant = (!has_choices)
        .then(|| variants.first().map(|variant| variant.id))
        .flatten();
    let first_in_stock = variants
        .iter()
        .find(|variant| variant.stock > 0)
        .map(|variant| variant.id);
    let share = format!(
        "https://wa.me/?text={}",
        crate::kernel::text::encode_query(&format!("{title} — {canonical_url}"))
    );
    view! {
        <PageTitle text=move || page_title.clone() />
        <Meta name="description" content=meta_description />
        <Meta property="og:type" content="product" />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=og_description />
        <Meta property="og:url" content=canonical_url.clone() />
        {og_image.map(|image| view! {
            <Meta property="og:image" content=image />
            <Meta property="og:image:type" content="image/webp" />
        })}
        {price_from.as_ref().map(|variant| view! {
            <Meta property="product:price:amount" content=variant.price_rupiah.to_string() />
            <Meta property="product:price:currency" content="IDR" />
        })}
        <script type="application/ld+json" inner_html=json_ld></script>
        <nav class="text-sm" aria-label=move || t_string!(i18n, pasar.breadcrumb).to_string()>
            <a href="/pasar" class=LINK>{t!(i18n, pasar.title)}</a> " › "
            <a href=MarketQuery { category: category.code().into(), ..MarketQuery::default() }.url_for_page(1) class=LINK><CategoryLabel category /></a>
        </nav>
        {(status != ProductStatus::Active).then(|| view! {
            <p class="my-2 rounded bg-amber-100 p-2 text-sm">{t!(i18n, pasar.not_on_sale_notice)}</p>
        })}
        <div class="mt-2 grid gap-4 md:grid-cols-2">
            <div>
                <Gallery photos alt=title.clone() />
            </div>
            <div class="flex flex-col gap-3">
                <h1 class="text-2xl font-bold leading-tight"><Localized id=title_id.clone() en=title_en.clone() /></h1>
                {price_from.map(|variant| view! {
                    <PriceTag price=variant.price_rupiah original=variant.original_price_rupiah from=price_varies unit_text=unit.clone() class="text-2xl font-bold text-teal-800" />
                })}
                {rating.map(|rating| view! { <Stars rating /> })}
                <p class="text-sm" role="status">
                    {if stock > 0 {
                        Either::Left(view! { <span class="font-semibold text-teal-800">{t!(i18n, pasar.in_stock, count = move || stock)}</span> })
                    } else {
                        Either::Right(view! { <span class="font-semibold text-red-700">{t!(i18n, pasar.sold_out)}</span> })
                    }}
                </p>
                // The owner sees an "Edit" link instead (a seller does not buy from herself).
                {(stock > 0 && !is_owner).then(|| view! {
                    <super::QuickAdd added=t_string!(i18n, pasar.added_to_cart).to_string() view_cart=t_string!(i18n, pasar.view_cart).to_string()>
                    <ActionForm action=add attr:class=format!("{CARD} flex flex-col gap-3")>
                        <input type="hidden" name="product" value=slug.clone() />
                        {match single_variant {
                            Some(id) => Either::Left(view! { <input type="hidden" name="variant_id" value=id /> }),
                            None => Either::Right(view! {
                                <fieldset class="flex flex-col gap-2">
                                    <legend class="mb-1 font-medium">{t!(i18n, pasar.choose_variant)}</legend>
                                    {variants.iter().map(|variant| {
                                        let label = variant_label(locale, variant);
                                        let sold_out = variant.stock <= 0;
                                        let price = variant.price_rupiah;
                                        let left = variant.stock;
                                        view! {
                                            <label class="flex min-h-12 items-center gap-3 rounded-lg border border-stone-300 px-3 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50">
                                                <input type="radio" name="variant_id" value=variant.id required disabled=sold_out
                                                    checked=(Some(variant.id) == first_in_stock).then_some("") class="h-5 w-5" />
                                                <span class="flex-1 font-medium">{label}</span>
                                                <span class="text-sm">{rupiah(price, locale)}</span>
                                                <span class="text-xs text-stone-600">
                                                    {if sold_out { t_string!(i18n, pasar.sold_out).to_string() } else { t_string!(i18n, pasar.left_short).replace("{count}", &left.to_string()) }}
                                                </span>
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                            }),
                        }}
                        <div class="flex items-end gap-2">
                            <div class="flex w-28 flex-col gap-1">
                                <label for="f-quantity" class="font-medium">{t!(i18n, pasar.quantity)}</label>
                                <input id="f-quantity" name="quantity" type="number" inputmode="numeric" min="1" max="99" value="1" required
                                    aria-describedby="f-quantity-error" class="min-h-12 rounded-lg border border-stone-300 px-3 text-base" />
                            </div>
                            <SubmitButton label=Signal::derive(move || t_string!(i18n, pasar.add_to_cart).to_string()) />
                        </div>
                        <p id="f-quantity-error" role="alert" class="text-sm font-medium text-red-700">{quantity_error}</p>
                        <FormError error />
                    </ActionForm>
                    </super::QuickAdd>
                })}
                <SellerCardView seller=seller.clone() />
                <a href=share class=format!("{BUTTON_SECONDARY} w-full") rel="noopener" target="_blank">{t!(i18n, pasar.share_whatsapp)}</a>
                {is_owner.then(|| view! {
                    <a href=format!("/pasar/saya/produk/{edit_slug}") class=format!("{BUTTON_SECONDARY} w-full")>{t!(i18n, pasar.edit_product)}</a>
                })}
            </div>
        </div>
        <section class="mt-6" aria-labelledby="deskripsi">
            <h2 id="deskripsi" class="mb-2 text-lg font-bold">{t!(i18n, pasar.description_title)}</h2>
            <p class="max-w-prose whitespace-pre-line"><Localized id=description_id en=description_en /></p>
        </section>
        <ReviewList reviews />
        {(!more_from_shop.is_empty()).then(|| view! {
            <section class="mt-6" aria-labelledby="lainnya">
                <h2 id="lainnya" class="mb-2 text-lg font-bold">{t!(i18n, pasar.more_from_shop, shop = move || seller.name.clone())}</h2>
                <ul role="list" class="grid grid-cols-2 gap-3 sm:grid-cols-4">
                    {more_from_shop.into_iter().map(|product| view! { <li class="flex"><ProductCardView product /></li> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn SellerCardView(seller: crate::pasar::SellerCard) -> impl IntoView {
    let i18n = use_i18n();
    let crate::pasar::SellerCard {
        slug,
        name,
        village_name,
        owner_verified,
        rating,
        photo,
        whatsapp_url,
        reach,
        ..
    } = seller;
    view! {
        <section class=format!("{CARD} flex flex-col gap-2") aria-label=move || t_string!(i18n, pasar.seller).to_string()>
            <div class="flex items-center gap-3">
                {photo.map(|photo| view! { <div class="w-16 shrink-0"><Photo photo alt="" sizes="64px" /></div> })}
                <div>
                    <a href=format!("/pasar/toko/{slug}") class="font-semibold underline">{name}</a>
                    <p class="text-sm text-stone-600">{village_name}</p>
                    <div class="flex flex-wrap items-center gap-2">
                        {owner_verified.then(|| view! { <crate::akun::VerifiedBadge /> })}
                        {rating.map(|rating| view! { <Stars rating /> })}
                    </div>
                </div>
            </div>
            {reach.map(|reach| view! { <ShipsBy reach /> })}
            {whatsapp_url.map(|url| view! {
                <a href=url rel="noopener" target="_blank" class="inline-flex min-h-12 items-center justify-center rounded-lg bg-green-700 px-4 font-semibold text-white">
                    {t!(i18n, pasar.chat_whatsapp)}
                </a>
            })}
        </section>
    }
}

/// "Ships by courier: JNE, Pos Indonesia · also abroad" (for a buyer far away, before the cart).
#[component]
pub fn ShipsBy(reach: crate::pasar::ShippingReach) -> impl IntoView {
    let i18n = use_i18n();
    let names = reach
        .couriers
        .iter()
        .map(|courier| courier.name())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p class="text-sm text-stone-700" data-ships-abroad=reach.abroad.to_string()>
            <span class="font-semibold">{t!(i18n, pasar.ships_by)}</span> " " {names}
            {reach.abroad.then(|| view! { " · " {t!(i18n, pasar.ships_abroad_too)} })}
        </p>
    }
}

#[component]
pub fn ReviewList(reviews: Vec<Review>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    view! {
        <section class="mt-6" aria-labelledby="ulasan">
            <h2 id="ulasan" class="mb-2 text-lg font-bold">{t!(i18n, pasar.reviews_title)}</h2>
            {if reviews.is_empty() {
                Either::Left(view! { <p class="text-stone-600">{t!(i18n, pasar.no_reviews)}</p> })
            } else {
                Either::Right(view! {
                    <ul role="list" class="flex flex-col gap-2">
                        {reviews.into_iter().map(|review| view! {
                            <li class=CARD>
                                <p class="text-amber-800" aria-label=format!("{}/5", review.stars)>{"★".repeat(review.stars as usize)}<span class="text-stone-300">{"★".repeat(5 - review.stars as usize)}</span></p>
                                <p class="mt-1 whitespace-pre-line">{review.body}</p>
                                <p class="mt-1 text-xs text-stone-500">{review.author} " · " {crate::format::long_date(review.created_at, locale)}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}
