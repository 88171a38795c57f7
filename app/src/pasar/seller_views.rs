//! The seller's pages, made for a phone: `/pasar/saya` (apply for a shop; then the dashboard with orders
//! by state and quick actions, this month's sales and best sellers, products, shop settings) and the
//! product editor `/pasar/saya/produk/{slug}` (`baru` for a new one) with variants, discount and photos.
//! Plain forms posting to server functions: everything but the upload's progress bar works without
//! JavaScript.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::order_views::{move_label, status_label, StatusBadge};
use super::{
    get_product_editor, get_seller_dashboard, Category, MoveOrder, MyShop, OrderStatus,
    ProductEditor, ProductStatus, RemoveProductPhoto, RemoveQris, SaveProduct, SaveShipping,
    SaveShop, SellerDashboard, ShopStatus, VariantInput,
};
use crate::akun::signed_in_page;
use crate::format::rupiah;
use crate::i18n::*;
use crate::media::{Photo, PhotoManager, PhotoUploadForm};
use crate::ui::feedback::CardsLoading;
use crate::ui::form::{
    field_error_text, just_saved, last_error, Field, FormError, SubmitButton, TextArea,
};
use crate::ui::layout::PageTitle;
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};

use super::views::CategoryLabel;

/// `/pasar/saya`.
#[component]
pub fn SellerDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let status = use_query_map()
        .read_untracked()
        .get("status")
        .unwrap_or_default();
    let dashboard = Resource::new(move || status.clone(), get_seller_dashboard);
    view! {
        <PageTitle text=move || t_string!(i18n, pasar.dashboard_title).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=3 /> }>
            {move || Suspend::new(async move {
                signed_in_page(dashboard.await, "/pasar/saya", move |dashboard| view! { <Dashboard dashboard /> })
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(dashboard: SellerDashboard) -> impl IntoView {
    let i18n = use_i18n();
    let save_shop = ServerAction::<SaveShop>::new();
    let SellerDashboard {
        shop,
        home_village_name,
        counts,
        showing,
        orders,
        products,
        month_sales_rupiah,
        month_orders,
        best_sellers,
    } = dashboard;
    let Some(shop) = shop else {
        return EitherOf3::A(view! {
            <h1 class="text-2xl font-bold">{t!(i18n, pasar.apply_title)}</h1>
            {match home_village_name {
                Some(village) => Either::Left(view! {
                    <p class="mt-1 text-stone-600">{t!(i18n, pasar.apply_intro, village = move || village.clone())}</p>
                    <section class=format!("{CARD} mt-4")><ShopForm shop=None action=save_shop /></section>
                }),
                None => Either::Right(view! {
                    <p role="status" class="mt-2 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, fields.home_village_needed)}</p>
                    <a href="/akun#desa-asal" class="inline-flex min-h-11 items-center font-semibold text-teal-700 underline">{t!(i18n, akun.add_home_village)}</a>
                }),
            }}
        });
    };
    if shop.status != ShopStatus::Approved {
        let rejected = shop.status == ShopStatus::Rejected;
        let village_name = shop.village_name.clone();
        return EitherOf3::B(view! {
            <h1 class="text-2xl font-bold">{shop.name.clone()}</h1>
            {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, pasar.shop_saved)}</p> })}
            <p role="status" class="mt-2 rounded-lg bg-amber-50 p-3 text-amber-900">
                {if rejected { t!(i18n, pasar.shop_rejected).into_any() } else { t!(i18n, pasar.shop_pending, village = move || village_name.clone()).into_any() }}
            </p>
            <ShopPhoto shop=shop.clone() />
            <section class=format!("{CARD} mt-4")>
                <h2 class="font-bold">{t!(i18n, pasar.shop_settings)}</h2>
                <ShopForm shop=Some(shop) action=save_shop />
            </section>
        });
    }
    let locale = i18n.get_locale();
    let move_action = ServerAction::<MoveOrder>::new();
    let move_error = last_error(move_action.value());
    let open_count: i64 = counts
        .iter()
        .filter(|(status, _)| status.is_open())
        .map(|(_, count)| count)
        .sum();
    let shop_slug = shop.slug.clone();
    EitherOf3::C(view! {
        <div class="flex flex-wrap items-center justify-between gap-2">
            <h1 class="text-2xl font-bold">{shop.name.clone()}</h1>
            <a href=format!("/pasar/toko/{shop_slug}") class=LINK>{t!(i18n, pasar.view_shop)}</a>
        </div>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, pasar.dashboard_saved)}</p> })}
        <section class="mt-4 grid grid-cols-2 gap-3" aria-label=move || t_string!(i18n, pasar.this_month).to_string()>
            <div class=CARD>
                <p class="text-sm text-stone-600">{t!(i18n, pasar.month_sales)}</p>
                <p class="text-xl font-bold">{rupiah(month_sales_rupiah, locale)}</p>
                <p class="text-sm text-stone-600">{t!(i18n, pasar.month_orders, count = move || month_orders)}</p>
            </div>
            <div class=CARD>
                <p class="text-sm text-stone-600">{t!(i18n, pasar.best_sellers)}</p>
                {if best_sellers.is_empty() {
                    Either::Left(view! { <p class="text-sm">"—"</p> })
                } else {
                    Either::Right(view! {
                        <ol class="text-sm">
                            {best_sellers.into_iter().map(|(title, units)| view! { <li>{title} " · " {units}</li> }).collect_view()}
                        </ol>
                    })
                }}
            </div>
        </section>
        <section class="mt-6" aria-labelledby="pesanan-masuk">
            <h2 id="pesanan-masuk" class="mb-2 text-lg font-bold">{t!(i18n, pasar.incoming_orders)}</h2>
            <nav class="-mx-1 mb-3 flex gap-2 overflow-x-auto px-1 pb-1" aria-label=move || t_string!(i18n, pasar.orders_by_status).to_string()>
                <a href="/pasar/saya" aria-current=showing.is_none().then_some("page")
                    class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                    {t!(i18n, pasar.open_orders)} " (" {open_count} ")"
                </a>
                {counts.into_iter().filter(|(_, count)| *count > 0).map(|(status, count)| view! {
                    <a href=format!("/pasar/saya?status={}", status.code()) aria-current=(showing == Some(status)).then_some("page")
                        class="inline-flex min-h-11 shrink-0 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white">
                        {status_label(i18n, status)} " (" {count} ")"
                    </a>
                }).collect_view()}
            </nav>
            <FormError error=move_error />
            {if orders.is_empty() {
                Either::Left(view! { <p class="text-stone-600">{t!(i18n, pasar.no_orders_here)}</p> })
            } else {
                Either::Right(view! {
                    <ul role="list" class="flex flex-col gap-2">
                        {orders.into_iter().map(|order| {
                            let code = order.code.clone();
                            // Quick actions: every forward move; declining needs a reason, on the order page.
                            // Declining and shipping ask for more (a reason, the tracking number): on the order's page.
                            let quick: Vec<OrderStatus> = order.moves.iter().copied().filter(|to| !matches!(to, OrderStatus::Declined | OrderStatus::Shipped)).collect();
                            let to_ship = order.moves.contains(&OrderStatus::Shipped).then(|| format!("/pasar/pesanan/{code}#tindakan"));
                            view! {
                                <li class=format!("{CARD} flex flex-col gap-2")>
                                    <a href=format!("/pasar/pesanan/{code}") class="flex flex-col gap-1">
                                        <span class="flex items-center justify-between gap-2">
                                            <span class="font-mono text-sm underline">{crate::kernel::codes::display_code(&code)}</span>
                                            <StatusBadge status=order.status />
                                        </span>
                                        <span class="font-semibold">{order.first_item} " × " {order.item_count}</span>
                                        <span class="text-sm text-stone-600">{order.other_party} " · " {rupiah(order.total_rupiah, locale)} " · "
                                            {super::order_views::fulfilment_label(i18n, order.fulfilment)} " · " {super::order_views::payment_label(i18n, order.payment)}</span>
                                    </a>
                                    <div class="flex flex-wrap gap-2">
                                        {quick.into_iter().map(|to| { let code = code.clone(); view! {
                                            <ActionForm action=move_action>
                                                <input type="hidden" name="code" value=code />
                                                <input type="hidden" name="to" value=to.code() />
                                                <input type="hidden" name="back" value="dasbor" />
                                                <button type="submit" class=BUTTON>{move_label(i18n, to)}</button>
                                            </ActionForm>
                                        }}).collect_view()}
                                        {to_ship.map(|href| view! { <a href=href class=BUTTON>{move_label(i18n, OrderStatus::Shipped)}</a> })}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
        <section class="mt-6" aria-labelledby="produk-saya">
            <div class="mb-2 flex items-center justify-between gap-2">
                <h2 id="produk-saya" class="text-lg font-bold">{t!(i18n, pasar.my_products)}</h2>
                <a href="/pasar/saya/produk/baru" class=BUTTON>{t!(i18n, pasar.new_product)}</a>
            </div>
            {if products.is_empty() {
                Either::Left(view! { <p class="text-stone-600">{t!(i18n, pasar.no_products_yet)}</p> })
            } else {
                Either::Right(view! {
                    <ul role="list" class="flex flex-col divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
                        {products.into_iter().map(|product| {
                            let stock = product.stock;
                            view! {
                                <li>
                                    <a href=format!("/pasar/saya/produk/{}", product.slug) class="flex min-h-16 items-center gap-3 p-3 hover:bg-stone-50">
                                        <div class="w-16 shrink-0">{product.photo.map(|photo| view! { <Photo photo alt="" sizes="64px" /> })}</div>
                                        <span class="flex flex-1 flex-col">
                                            <span class="font-semibold">{product.title_id}</span>
                                            <span class="text-sm text-stone-600">{rupiah(product.price_rupiah, locale)} " · " {t!(i18n, pasar.stock_count, count = move || stock)}
                                                " · " {product_status_label(i18n, product.status)}</span>
                                        </span>
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
        <ShopPhoto shop=shop.clone() />
        <ShopShipping shop=shop.clone() />
        <ShopQris shop=shop.clone() />
        <details class=format!("{CARD} mt-4")>
            <summary class="flex min-h-11 cursor-pointer items-center font-bold">{t!(i18n, pasar.shop_settings)}</summary>
            {shop.pending_name.clone().map(|new_name| view! {
                <p role="status" class="mt-2 rounded-lg bg-amber-50 p-3 text-amber-900">{t!(i18n, pasar.shop_rename_pending, name = move || new_name.clone())}</p>
            })}
            <ShopForm shop=Some(shop) action=save_shop />
        </details>
    })
}

fn product_status_label(i18n: leptos_i18n::I18nContext<Locale>, status: ProductStatus) -> String {
    match status {
        ProductStatus::Active => t_string!(i18n, pasar.product_status.active),
        ProductStatus::Draft => t_string!(i18n, pasar.product_status.draft),
        ProductStatus::Archived => t_string!(i18n, pasar.product_status.archived),
    }
    .to_string()
}

#[component]
fn ShopPhoto(shop: MyShop) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section id="foto" class=format!("{CARD} mt-4") aria-labelledby="foto-lapak">
            <h2 id="foto-lapak" class="font-bold">{t!(i18n, pasar.shop_photo)}</h2>
            {shop.photo.map(|photo| view! { <div class="mt-2 w-40"><Photo photo alt="" sizes="160px" /></div> })}
            <PhotoUploadForm action="/pasar/saya/foto".to_string() multiple=false label=Signal::derive(move || t_string!(i18n, pasar.shop_photo_pick).to_string()) />
        </section>
    }
}

/// How the shop ships by courier: the couriers it uses, the postage within Indonesia (flat or by
/// weight band), abroad per kilogram.
#[component]
fn ShopShipping(shop: MyShop) -> impl IntoView {
    use super::shipping::{BandInput, Courier, ShippingInput, BAND_ROWS};
    let i18n = use_i18n();
    let save = ServerAction::<SaveShipping>::new();
    let error = last_error(save.value());
    let input = ShippingInput::from_rules(shop.options.shipping.as_ref());
    let mut bands = input.bands.clone();
    bands.resize(BAND_ROWS.max(bands.len()), BandInput::default());
    let by_weight = input.kind == "weight";
    let couriers_error = field_error_text(error, "shipping_couriers");
    let flat_error = field_error_text(error, "shipping_flat");
    let bands_error = field_error_text(error, "shipping_bands");
    let abroad_error = field_error_text(error, "shipping_abroad");
    let ticked = input.couriers.clone();
    let saved = use_query_map().read_untracked().get("disimpan").as_deref() == Some("pengiriman");
    view! {
        <section id="pengiriman" class=format!("{CARD} mt-4") aria-labelledby="pengiriman-judul">
            <h2 id="pengiriman-judul" class="font-bold">{t!(i18n, pasar.shipping_title)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, pasar.shipping_intro)}</p>
            {saved.then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, pasar.shipping_saved)}</p> })}
            <ActionForm action=save attr:class="mt-3 flex flex-col gap-3">
                <fieldset class="flex flex-col gap-1">
                    <legend class="font-medium">{t!(i18n, pasar.shipping_couriers)}</legend>
                    <div class="grid grid-cols-2 gap-1">
                        {Courier::ALL.into_iter().enumerate().map(|(index, courier)| view! {
                            <label class="inline-flex min-h-11 items-center gap-2">
                                <input type="checkbox" name=format!("shipping[couriers][{index}]") value=courier.code()
                                    checked=ticked.iter().any(|code| code == courier.code()).then_some("") class="h-5 w-5" />
                                {courier.name()}
                            </label>
                        }).collect_view()}
                    </div>
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{couriers_error}</p>
                </fieldset>
                <fieldset class="flex flex-col gap-2">
                    <legend class="font-medium">{t!(i18n, pasar.shipping_domestic)}</legend>
                    <label class="flex min-h-11 items-center gap-2">
                        <input type="radio" name="shipping[kind]" value="flat" checked=(!by_weight).then_some("") class="h-5 w-5" />
                        {t!(i18n, pasar.shipping_flat)}
                    </label>
                    <input name="shipping[flat]" inputmode="numeric" value=input.flat.clone() aria-label=move || t_string!(i18n, pasar.shipping_flat).to_string()
                        placeholder="20000" class=SELECT />
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{flat_error}</p>
                    <label class="flex min-h-11 items-center gap-2">
                        <input type="radio" name="shipping[kind]" value="weight" checked=by_weight.then_some("") class="h-5 w-5" />
                        {t!(i18n, pasar.shipping_by_weight)}
                    </label>
                    <p class="text-sm text-stone-600">{t!(i18n, pasar.shipping_bands_hint)}</p>
                    {bands.into_iter().enumerate().map(|(index, band)| view! {
                        <div class="grid grid-cols-2 gap-2">
                            <input name=format!("shipping[bands][{index}][up_to_grams]") inputmode="numeric" value=band.up_to_grams
                                aria-label=move || t_string!(i18n, pasar.shipping_band_grams).to_string() placeholder=move || t_string!(i18n, pasar.shipping_band_grams).to_string() class=SELECT />
                            <input name=format!("shipping[bands][{index}][rupiah]") inputmode="numeric" value=band.rupiah
                                aria-label=move || t_string!(i18n, pasar.shipping_band_fee).to_string() placeholder=move || t_string!(i18n, pasar.shipping_band_fee).to_string() class=SELECT />
                        </div>
                    }).collect_view()}
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{bands_error}</p>
                </fieldset>
                <div class="flex flex-col gap-1">
                    <label for="f-abroad" class="font-medium">{t!(i18n, pasar.shipping_abroad)}</label>
                    <input id="f-abroad" name="shipping[abroad_per_kg]" inputmode="numeric" value=input.abroad_per_kg.clone() class=SELECT />
                    <p class="text-sm text-stone-600">{t!(i18n, pasar.shipping_abroad_hint)}</p>
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{abroad_error}</p>
                </div>
                <FormError error />
                <SubmitButton label=Signal::derive(move || t_string!(i18n, ui.save).to_string()) />
            </ActionForm>
        </section>
    }
}

/// The shop's static QRIS code: uploaded as a photo or screenshot, kept private (shown only on the
/// shop's QRIS orders), removable.
#[component]
fn ShopQris(shop: MyShop) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveQris>::new();
    let has_qris = shop.options.qris;
    view! {
        <section id="qris" class=format!("{CARD} mt-4") aria-labelledby="qris-judul">
            <h2 id="qris-judul" class="font-bold">{t!(i18n, pasar.qris_title)}</h2>
            <p class="text-sm text-stone-600">{t!(i18n, pasar.qris_intro)}</p>
            {has_qris.then(|| view! {
                <img src="/pasar/saya/qris" alt=move || t_string!(i18n, pasar.qris_alt).to_string() width="160" height="160"
                    class="mt-2 aspect-square w-40 rounded-lg border border-stone-200 bg-white" />
                <ActionForm action=remove attr:class="mt-2">
                    <button type="submit" class="inline-flex min-h-11 items-center text-sm font-semibold text-red-800 underline">{t!(i18n, pasar.qris_remove)}</button>
                </ActionForm>
            })}
            <PhotoUploadForm action="/pasar/saya/qris".to_string() multiple=false name="qris".to_string()
                label=Signal::derive(move || t_string!(i18n, pasar.qris_pick).to_string()) />
        </section>
    }
}

/// Apply for a shop (`shop` = None) or change it.
#[component]
fn ShopForm(shop: Option<MyShop>, action: ServerAction<SaveShop>) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action.value());
    let label = move |text: fn(leptos_i18n::I18nContext<Locale>) -> String| {
        Signal::derive(move || text(i18n))
    };
    let balai = shop
        .as_ref()
        .is_some_and(|shop| shop.options.offers_pickup_balai);
    let is_new = shop.is_none();
    let value = move |get: fn(&MyShop) -> String| shop.as_ref().map(get);
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-3">
            <Field label=label(|i| t_string!(i, pasar.shop_name).to_string()) name="name" value=value(|s| s.name.clone()).unwrap_or_default() error />
            <TextArea label=label(|i| t_string!(i, pasar.shop_story_id).to_string()) name="story_id" value=value(|s| s.story_id.clone()).unwrap_or_default() required=true error />
            <TextArea label=label(|i| t_string!(i, pasar.shop_story_en).to_string()) name="story_en" value=value(|s| s.story_en.clone().unwrap_or_default()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, pasar.shop_whatsapp).to_string()) name="whatsapp" input_type="tel" inputmode="tel" autocomplete="tel"
                hint=label(|i| t_string!(i, pasar.shop_whatsapp_hint).to_string()) value=value(|s| s.whatsapp.clone()).unwrap_or_default() error />
            <TextArea label=label(|i| t_string!(i, pasar.pickup_address).to_string()) name="pickup_address" value=value(|s| s.options.pickup_address.clone()).unwrap_or_default() required=true error />
            <label class="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" name="offers_pickup_balai" value="1" checked=balai.then_some("") class="h-5 w-5" />
                {t!(i18n, pasar.offers_balai)}
            </label>
            <Field label=label(|i| t_string!(i, pasar.delivery_fee_label).to_string()) name="delivery_fee" inputmode="numeric" required=false
                hint=label(|i| t_string!(i, pasar.delivery_fee_hint).to_string())
                value=value(|s| s.options.delivery_fee_rupiah.map(|fee| fee.to_string()).unwrap_or_default()).unwrap_or_default() error />
            <Field label=label(|i| t_string!(i, pasar.bank_account).to_string()) name="bank_account" required=false
                hint=label(|i| t_string!(i, pasar.bank_account_hint).to_string())
                value=value(|s| s.options.bank_account.clone().unwrap_or_default()).unwrap_or_default() error />
            <FormError error />
            <SubmitButton label=Signal::derive(move || if is_new { t_string!(i18n, pasar.apply_button) } else { t_string!(i18n, ui.save) }.to_string()) />
        </ActionForm>
    }
}

/// `/pasar/saya/produk/{slug}` (`baru`: a new product).
#[component]
pub fn ProductEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let editing = if slug == "baru" { String::new() } else { slug };
    let next = if editing.is_empty() {
        "/pasar/saya/produk/baru".to_string()
    } else {
        format!("/pasar/saya/produk/{editing}")
    };
    let editor = Resource::new(move || editing.clone(), get_product_editor);
    view! {
        <PageTitle text=move || t_string!(i18n, pasar.product_editor).to_string() />
        <nav class="text-sm"><a href="/pasar/saya" class=LINK>{t!(i18n, pasar.dashboard_title)}</a></nav>
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    signed_in_page(editor.await, next, move |editor| view! { <ProductForm editor /> })
                })
            }}
        </Suspense>
    }
}

/// Rows offered for variants: the existing ones plus two empty ones to add more (without JavaScript
/// there is no "add row" button; save and two more appear).
const EMPTY_VARIANT_ROWS: usize = 2;

#[component]
fn ProductForm(editor: ProductEditor) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveProduct>::new();
    let remove_photo = ServerAction::<RemoveProductPhoto>::new();
    let error = last_error(save.value());
    let label = move |text: fn(leptos_i18n::I18nContext<Locale>) -> String| {
        Signal::derive(move || text(i18n))
    };
    let is_new = editor.slug.is_empty();
    let ProductEditor {
        slug,
        title_id,
        title_en,
        description_id,
        description_en,
        category,
        price,
        unit,
        stock,
        discount_kind,
        discount_value,
        status,
        variants,
        photos,
        weight,
    } = editor;
    let selected = |current: &str, value: &str| (current == value).then_some("");
    let mut rows = variants;
    rows.extend((0..EMPTY_VARIANT_ROWS).map(|_| VariantInput::default()));
    let category_error = field_error_text(error, "category");
    let variants_error = field_error_text(error, "variants");
    let discount_error = field_error_text(error, "discount_value");
    let status_error = field_error_text(error, "status");
    let photo_slug = slug.clone();
    let heading = title_id.clone();
    view! {
        <h1 class="text-2xl font-bold">{if is_new { t_string!(i18n, pasar.new_product).to_string() } else { heading }}</h1>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, pasar.product_saved)}</p> })}
        {(!is_new).then(|| view! {
            <p class="mt-1"><a href=format!("/pasar/produk/{slug}") class=LINK>{t!(i18n, pasar.view_product)}</a></p>
        })}
        {(!is_new).then(|| {
            let slug = photo_slug.clone();
            view! {
                <PhotoManager
                    photos
                    alt=title_id.clone()
                    upload_action=format!("/pasar/saya/produk/{slug}/foto")
                    remove=move |photo_id| {
                        let slug = slug.clone();
                        view! {
                            <ActionForm action=remove_photo>
                                <input type="hidden" name="slug" value=slug />
                                <input type="hidden" name="photo_id" value=photo_id />
                                <button type="submit" class=format!("{BUTTON_SECONDARY} w-full text-sm")>{t!(i18n, foto.remove_photo)}</button>
                            </ActionForm>
                        }
                    }
                />
            }
        })}
        {is_new.then(|| view! { <p class="mt-2 text-sm text-stone-600">{t!(i18n, pasar.photos_after_save)}</p> })}
        <ActionForm action=save attr:class=format!("{CARD} mt-4 flex flex-col gap-3")>
            <input type="hidden" name="slug" value=photo_slug />
            <Field label=label(|i| t_string!(i, pasar.product_title_id).to_string()) name="title_id" value=title_id error />
            <Field label=label(|i| t_string!(i, pasar.product_title_en).to_string()) name="title_en" value=title_en required=false error />
            <TextArea label=label(|i| t_string!(i, pasar.product_description_id).to_string()) name="description_id" value=description_id required=true error />
            <TextArea label=label(|i| t_string!(i, pasar.product_description_en).to_string()) name="description_en" value=description_en error />
            <div class="flex flex-col gap-1">
                <label for="f-category" class="font-medium">{t!(i18n, pasar.category_label)}</label>
                <select id="f-category" name="category" class=SELECT>
                    {Category::ALL.into_iter().map(|option| view! {
                        <option value=option.code() selected=selected(&category, option.code())><CategoryLabel category=option /></option>
                    }).collect_view()}
                </select>
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{category_error}</p>
            </div>
            <div class="grid grid-cols-2 gap-2">
                <Field label=label(|i| t_string!(i, pasar.price_label).to_string()) name="price" inputmode="numeric" value=price error />
                <Field label=label(|i| t_string!(i, pasar.unit_label).to_string()) name="unit" value=unit
                    hint=label(|i| t_string!(i, pasar.unit_hint).to_string()) error />
            </div>
            <Field label=label(|i| t_string!(i, pasar.stock_label).to_string()) name="stock" input_type="number" inputmode="numeric" value=stock required=false
                hint=label(|i| t_string!(i, pasar.stock_hint).to_string()) error />
            <Field label=label(|i| t_string!(i, pasar.weight_label).to_string()) name="weight" inputmode="numeric" value=weight required=false
                hint=label(|i| t_string!(i, pasar.weight_hint).to_string()) error />
            <fieldset class="flex flex-col gap-2">
                <legend class="font-medium">{t!(i18n, pasar.variants_label)}</legend>
                <p class="text-sm text-stone-600">{t!(i18n, pasar.variants_hint)}</p>
                {rows.into_iter().enumerate().map(|(index, row)| {
                    let name = move |field: &str| format!("variants[{index}][{field}]");
                    view! {
                        <div class="grid grid-cols-[2fr_1.3fr_1fr] gap-2">
                            <input type="hidden" name=name("id") value=row.id />
                            <input name=name("name") value=row.name aria-label=move || format!("{} {}", t_string!(i18n, pasar.variant_name), index + 1)
                                placeholder=move || t_string!(i18n, pasar.variant_name).to_string() class="min-h-12 min-w-0 rounded-lg border border-stone-300 px-2 text-base" />
                            <input name=name("price") value=row.price inputmode="numeric" aria-label=move || format!("{} {}", t_string!(i18n, pasar.variant_price), index + 1)
                                placeholder=move || t_string!(i18n, pasar.variant_price).to_string() class="min-h-12 min-w-0 rounded-lg border border-stone-300 px-2 text-base" />
                            <input name=name("stock") value=row.stock inputmode="numeric" aria-label=move || format!("{} {}", t_string!(i18n, pasar.variant_stock), index + 1)
                                placeholder=move || t_string!(i18n, pasar.variant_stock).to_string() class="min-h-12 min-w-0 rounded-lg border border-stone-300 px-2 text-base" />
                        </div>
                    }
                }).collect_view()}
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{variants_error}</p>
            </fieldset>
            <fieldset class="flex flex-col gap-2">
                <legend class="font-medium">{t!(i18n, pasar.discount_label)}</legend>
                <div class="grid grid-cols-2 gap-2">
                    <select name="discount_kind" aria-label=move || t_string!(i18n, pasar.discount_label).to_string() class=SELECT>
                        <option value="" selected=selected(&discount_kind, "")>{t!(i18n, pasar.discount_none)}</option>
                        <option value="percent" selected=selected(&discount_kind, "percent")>{t!(i18n, pasar.discount_percent)}</option>
                        <option value="amount" selected=selected(&discount_kind, "amount")>{t!(i18n, pasar.discount_amount)}</option>
                    </select>
                    <input name="discount_value" value=discount_value inputmode="numeric" aria-label=move || t_string!(i18n, pasar.discount_value).to_string()
                        placeholder=move || t_string!(i18n, pasar.discount_value).to_string() aria-describedby="f-discount-error" class=SELECT />
                </div>
                <p id="f-discount-error" role="alert" class="text-sm font-medium text-red-700 empty:hidden">{discount_error}</p>
            </fieldset>
            <div class="flex flex-col gap-1">
                <label for="f-status" class="font-medium">{t!(i18n, pasar.status_label)}</label>
                <select id="f-status" name="status" class=SELECT>
                    {[ProductStatus::Active, ProductStatus::Draft, ProductStatus::Archived].into_iter().map(|option| view! {
                        <option value=option.code() selected=selected(&status, option.code())>{product_status_label(i18n, option)}</option>
                    }).collect_view()}
                </select>
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{status_error}</p>
            </div>
            <FormError error />
            <SubmitButton label=Signal::derive(move || t_string!(i18n, ui.save).to_string()) />
        </ActionForm>
    }
}
