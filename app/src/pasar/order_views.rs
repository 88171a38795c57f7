//! The buyer's side after "add to cart": the cart with one checkout form for every shop in it, the list
//! of one's orders, and the order page (shared with the seller: timeline, the moves each side may make,
//! the transfer receipt, the review). Plain forms posting to server functions: no JavaScript needed.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    get_cart, get_order, list_my_orders, Cart, CartShop, Checkout, Fulfilment, MoveOrder,
    OrderPage, OrderStatus, OrderSummary, Party, Payment, ReviewOrder, UpdateCart,
};
use crate::akun::sign_in_instead;
use crate::akun::signed_in_page;
use crate::error::AppError;
use crate::format::{long_date, rupiah, time_of_day};
use crate::i18n::*;
use crate::media::{Photo, PhotoUploadForm};
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{
    field_error_text, just_saved, last_error, FormError, SubmitButton, TextArea,
};
use crate::ui::layout::PageTitle;
use crate::ui::style::{BUTTON, BUTTON_SECONDARY, CARD, LINK, SELECT};
use crate::ui::text::Localized;

pub fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: OrderStatus) -> String {
    match status {
        OrderStatus::Placed => t_string!(i18n, pasar.status.placed),
        OrderStatus::Confirmed => t_string!(i18n, pasar.status.confirmed),
        OrderStatus::Declined => t_string!(i18n, pasar.status.declined),
        OrderStatus::Paid => t_string!(i18n, pasar.status.paid),
        OrderStatus::Ready => t_string!(i18n, pasar.status.ready),
        OrderStatus::Delivering => t_string!(i18n, pasar.status.delivering),
        OrderStatus::Shipped => t_string!(i18n, pasar.status.shipped),
        OrderStatus::Received => t_string!(i18n, pasar.status.received),
        OrderStatus::Completed => t_string!(i18n, pasar.status.completed),
        OrderStatus::Cancelled => t_string!(i18n, pasar.status.cancelled),
    }
    .to_string()
}

/// The button text for moving an order to `status`.
pub fn move_label(i18n: leptos_i18n::I18nContext<Locale>, status: OrderStatus) -> String {
    match status {
        OrderStatus::Confirmed => t_string!(i18n, pasar.move_to.confirmed),
        OrderStatus::Declined => t_string!(i18n, pasar.move_to.declined),
        OrderStatus::Paid => t_string!(i18n, pasar.move_to.paid),
        OrderStatus::Ready => t_string!(i18n, pasar.move_to.ready),
        OrderStatus::Delivering => t_string!(i18n, pasar.move_to.delivering),
        OrderStatus::Shipped => t_string!(i18n, pasar.move_to.shipped),
        OrderStatus::Received => t_string!(i18n, pasar.move_to.received),
        OrderStatus::Completed => t_string!(i18n, pasar.move_to.completed),
        OrderStatus::Cancelled => t_string!(i18n, pasar.move_to.cancelled),
        OrderStatus::Placed => t_string!(i18n, pasar.status.placed),
    }
    .to_string()
}

pub fn fulfilment_label(i18n: leptos_i18n::I18nContext<Locale>, fulfilment: Fulfilment) -> String {
    match fulfilment {
        Fulfilment::PickupSeller => t_string!(i18n, pasar.fulfilment.pickup_seller),
        Fulfilment::PickupBalai => t_string!(i18n, pasar.fulfilment.pickup_balai),
        Fulfilment::Delivery => t_string!(i18n, pasar.fulfilment.delivery),
        Fulfilment::Courier => t_string!(i18n, pasar.fulfilment.courier),
    }
    .to_string()
}

pub fn payment_label(i18n: leptos_i18n::I18nContext<Locale>, payment: Payment) -> String {
    match payment {
        Payment::Cash => t_string!(i18n, pasar.payment.cash),
        Payment::Transfer => t_string!(i18n, pasar.payment.transfer),
        Payment::Qris => t_string!(i18n, pasar.payment.qris),
    }
    .to_string()
}

/// A coloured status pill.
#[component]
pub fn StatusBadge(status: OrderStatus) -> impl IntoView {
    let i18n = use_i18n();
    let tone = match status {
        OrderStatus::Placed => "bg-amber-100 text-amber-900",
        OrderStatus::Completed => "bg-teal-100 text-teal-900",
        OrderStatus::Declined | OrderStatus::Cancelled => "bg-stone-200 text-stone-700",
        _ => "bg-sky-100 text-sky-900",
    };
    view! {
        <span class=format!("inline-flex w-fit items-center rounded-full px-2 py-0.5 text-xs font-semibold {tone}")>
            {status_label(i18n, status)}
        </span>
    }
}

/// `/pasar/keranjang`.
#[component]
pub fn CartPage() -> impl IntoView {
    let i18n = use_i18n();
    let cart = Resource::new(|| (), |_| get_cart());
    view! {
        <PageTitle text=move || t_string!(i18n, pasar.cart_title).to_string() />
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                signed_in_page(cart.await, "/pasar/keranjang", move |cart| view! { <CartView cart /> })
            })}
        </Suspense>
    }
}

#[component]
fn CartView(cart: Cart) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let update = ServerAction::<UpdateCart>::new();
    let checkout = ServerAction::<Checkout>::new();
    let checkout_error = last_error(checkout.value());
    let cart_message = field_error_text(checkout_error, "cart");
    let update_error = last_error(update.value());
    if cart.shops.is_empty() {
        return Either::Left(view! {
            <h1 class="text-2xl font-bold">{t!(i18n, pasar.cart_title)}</h1>
            <div class="mt-4 rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
                <p class="font-medium">{t!(i18n, pasar.cart_empty)}</p>
                <a href="/pasar" class=LINK>{t!(i18n, pasar.browse_market)}</a>
            </div>
        });
    }
    let total: i64 = cart.shops.iter().map(|shop| shop.subtotal_rupiah).sum();
    let shop_count = cart.shops.len();
    let ships_by_courier = cart
        .shops
        .iter()
        .any(|shop| shop.options.shipping.is_some());
    Either::Right(view! {
        <h1 class="text-2xl font-bold">{t!(i18n, pasar.cart_title)}</h1>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, pasar.added_to_cart)}</p> })}
        <p id="cart-error" role="alert" class="mt-2 text-sm font-medium text-red-700 empty:hidden">{cart_message}</p>
        <FormError error=update_error />
        // One section per shop: its lines (each with its own small quantity form) …
        {cart.shops.iter().map(|shop| view! { <CartShopLines shop=shop.clone() update /> }).collect_view()}
        // … then one checkout form with the choices for every shop: one order per shop.
        <ActionForm action=checkout attr:class="mt-4 flex flex-col gap-4" attr:id="checkout">
            <h2 class="text-lg font-bold">{t!(i18n, pasar.checkout_title)}</h2>
            {(shop_count > 1).then(|| view! { <p class="text-sm text-stone-600">{t!(i18n, pasar.checkout_split, count = move || shop_count)}</p> })}
            {cart.shops.into_iter().enumerate().map(|(index, shop)| view! { <CheckoutChoices index shop error=checkout_error /> }).collect_view()}
            <p class="text-lg font-bold">{t!(i18n, pasar.items_total)} " " {rupiah(total, locale)}</p>
            <p class="text-sm text-stone-600">{t!(i18n, pasar.checkout_hint)}</p>
            <FormError error=checkout_error />
            <SubmitButton label=Signal::derive(move || t_string!(i18n, pasar.place_order).to_string()) />
        </ActionForm>
        // Countries suggested in every courier order's country field (one list for the page).
        {ships_by_courier.then(|| view! {
            <datalist id="countries">
                {COMMON_COUNTRIES.iter().map(|country| view! { <option value=*country></option> }).collect_view()}
            </datalist>
        })}
    })
}

#[component]
fn CartShopLines(shop: CartShop, update: ServerAction<UpdateCart>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    view! {
        <section class=format!("{CARD} mt-4") aria-label=shop.shop_name.clone()>
            <h2 class="font-bold"><a href=format!("/pasar/toko/{}", shop.shop_slug) class="underline">{shop.shop_name.clone()}</a>
                <span class="text-sm font-normal text-stone-600">" · " {shop.village_name.clone()}</span></h2>
            <ul class="mt-2 flex flex-col divide-y divide-stone-100">
                {shop.lines.into_iter().map(|line| {
                    let short = line.available && line.quantity > line.stock;
                    let id = line.variant_id;
                    view! {
                        <li class="flex gap-3 py-3">
                            <div class="w-20 shrink-0">
                                {line.photo.map(|photo| view! { <Photo photo alt="" sizes="80px" /> })}
                            </div>
                            <div class="flex flex-1 flex-col gap-1">
                                <a href=format!("/pasar/produk/{}", line.product_slug) class="font-semibold leading-snug underline"><Localized id=line.title_id en=line.title_en /></a>
                                {(!line.variant_name.is_empty()).then(|| view! { <span class="text-sm text-stone-600">{line.variant_name.clone()}</span> })}
                                <span class="text-sm">{rupiah(line.unit_price_rupiah, locale)}</span>
                                {(!line.available).then(|| view! { <span class="text-sm font-semibold text-red-700">{t!(i18n, pasar.line_unavailable)}</span> })}
                                {short.then(|| { let stock = line.stock; view! { <span class="text-sm font-semibold text-red-700">
                                    // Nothing left (someone else bought the last ones) is "sold out", not "0 left".
                                    {if stock <= 0 { t!(i18n, pasar.line_sold_out).into_any() } else { t!(i18n, pasar.line_short, count = move || stock).into_any() }}
                                </span> } })}
                                <div class="flex flex-wrap items-end gap-2">
                                    <ActionForm action=update attr:class="flex items-end gap-2">
                                        <input type="hidden" name="variant_id" value=id />
                                        <label class="sr-only" for=format!("q-{id}")>{t!(i18n, pasar.quantity)}</label>
                                        <input id=format!("q-{id}") name="quantity" type="number" inputmode="numeric" min="1" max="99" value=line.quantity
                                            class="min-h-11 w-20 rounded-lg border border-stone-300 px-2 text-base" />
                                        <button type="submit" class=format!("{BUTTON_SECONDARY} min-h-11 text-sm")>{t!(i18n, pasar.update_quantity)}</button>
                                    </ActionForm>
                                    <ActionForm action=update>
                                        <input type="hidden" name="variant_id" value=id />
                                        <input type="hidden" name="quantity" value="0" />
                                        <button type="submit" class="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-red-800 underline">{t!(i18n, pasar.remove_line)}</button>
                                    </ActionForm>
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="text-right font-semibold">{t!(i18n, pasar.subtotal)} " " {rupiah(shop.subtotal_rupiah, locale)}</p>
        </section>
    }
}

/// How one shop's order is received and paid (fields `choices[i][…]`).
#[component]
fn CheckoutChoices(index: usize, shop: CartShop, error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let name = move |field: &str| format!("choices[{index}][{field}]");
    let fulfilments = shop.options.fulfilments();
    let payments = shop.options.payments();
    let fulfilment_error = field_error_text(error, "fulfilment");
    let payment_error = field_error_text(error, "payment");
    let address_error = field_error_text(error, "address");
    let has_delivery = fulfilments.contains(&Fulfilment::Delivery);
    let courier_rules = shop.options.shipping.clone();
    let courier_error = field_error_text(error, "courier");
    let country_error = field_error_text(error, "country");
    view! {
        <fieldset class=format!("{CARD} flex flex-col gap-3")>
            <legend class="px-1 font-bold">{shop.shop_name.clone()}</legend>
            <input type="hidden" name=name("shop_id") value=shop.shop_id />
            <div class="flex flex-col gap-2" role="radiogroup" aria-label=move || t_string!(i18n, pasar.how_receive).to_string()>
                <p class="font-medium">{t!(i18n, pasar.how_receive)}</p>
                {fulfilments.iter().enumerate().map(|(position, option)| {
                    let detail = match option {
                        Fulfilment::PickupSeller => shop.options.pickup_address.clone(),
                        Fulfilment::PickupBalai => t_string!(i18n, pasar.balai_hint).to_string(),
                        Fulfilment::Delivery => format!("+ {}", rupiah(shop.options.delivery_fee_rupiah.unwrap_or(0), locale)),
                        Fulfilment::Courier => courier_detail(i18n, &shop),
                    };
                    view! {
                        <label class="flex min-h-12 items-center gap-3 rounded-lg border border-stone-300 px-3 py-2 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50">
                            <input type="radio" name=name("fulfilment") value=option.code() required checked=(position == 0).then_some("") class="h-5 w-5" />
                            <span class="flex flex-col"><span class="font-medium">{fulfilment_label(i18n, *option)}</span>
                                <span class="text-sm text-stone-600">{detail}</span></span>
                        </label>
                    }
                }).collect_view()}
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{fulfilment_error}</p>
            </div>
            {(has_delivery || courier_rules.is_some()).then(|| view! {
                <div class="flex flex-col gap-1">
                    <label for=format!("address-{index}") class="font-medium">{t!(i18n, pasar.delivery_address)}</label>
                    <p class="text-sm text-stone-600">
                        {if courier_rules.is_some() { t!(i18n, pasar.courier_address_hint).into_any() } else { t!(i18n, pasar.delivery_address_hint).into_any() }}
                    </p>
                    <textarea id=format!("address-{index}") name=name("address") rows="3" autocomplete="street-address" class=crate::ui::style::TEXTAREA></textarea>
                    <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{address_error}</p>
                </div>
            })}
            // A parcel: the country (free text; Indonesia unless changed) and the courier the buyer prefers.
            {courier_rules.map(|rules| view! {
                <div class="grid gap-3 sm:grid-cols-2">
                    <div class="flex flex-col gap-1">
                        <label for=format!("country-{index}") class="font-medium">{t!(i18n, pasar.country_label)}</label>
                        <input id=format!("country-{index}") name=name("country") value="Indonesia" autocomplete="country-name" list="countries" class=SELECT />
                        <p class="text-sm text-stone-600">{t!(i18n, pasar.country_hint)}</p>
                        <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{country_error}</p>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for=format!("courier-{index}") class="font-medium">{t!(i18n, pasar.courier_label)}</label>
                        <select id=format!("courier-{index}") name=name("courier") class=SELECT>
                            {rules.couriers.into_iter().map(|courier| view! { <option value=courier.code()>{courier.name()}</option> }).collect_view()}
                        </select>
                        <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{courier_error}</p>
                    </div>
                </div>
            })}
            <div class="flex flex-col gap-2">
                <p class="font-medium">{t!(i18n, pasar.how_pay)}</p>
                {payments.iter().enumerate().map(|(position, option)| view! {
                    <label class="flex min-h-12 items-center gap-3 rounded-lg border border-stone-300 px-3 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50">
                        <input type="radio" name=name("payment") value=option.code() required checked=(position == 0).then_some("") class="h-5 w-5" />
                        <span class="font-medium">{payment_label(i18n, *option)}</span>
                    </label>
                }).collect_view()}
                <p role="alert" class="text-sm font-medium text-red-700 empty:hidden">{payment_error}</p>
            </div>
            <div class="flex flex-col gap-1">
                <label for=format!("note-{index}") class="font-medium">{t!(i18n, pasar.note_to_seller)}</label>
                <input id=format!("note-{index}") name=name("note") class=SELECT />
            </div>
        </fieldset>
    }
}

/// Countries suggested as the buyer types (any other may be written): Indonesia, its neighbours, and
/// where Banyuwangi's foreign visitors come from most.
const COMMON_COUNTRIES: [&str; 16] = [
    "Indonesia",
    "Malaysia",
    "Singapore",
    "Australia",
    "Netherlands",
    "Germany",
    "France",
    "United Kingdom",
    "United States",
    "Japan",
    "South Korea",
    "China",
    "Taiwan",
    "Belgium",
    "Switzerland",
    "Timor-Leste",
];

/// What a courier order of this cart costs to send: the shop's couriers, the postage within Indonesia and
/// abroad (or why it cannot be priced), and the parcel's weight.
fn courier_detail(i18n: leptos_i18n::I18nContext<Locale>, shop: &CartShop) -> String {
    use super::shipping::Destination;
    let locale = i18n.get_locale();
    let Some(rules) = &shop.options.shipping else {
        return String::new();
    };
    let quote = |destination| match rules.postage(shop.weight_grams, destination) {
        Ok(fee) => rupiah(fee, locale),
        Err(refused) => crate::ui::form::field_message(i18n, refused.code()),
    };
    let mut parts = vec![
        rules
            .couriers
            .iter()
            .map(|courier| courier.name())
            .collect::<Vec<_>>()
            .join(", "),
        format!(
            "{}: {}",
            t_string!(i18n, pasar.postage_domestic),
            quote(Destination::Domestic)
        ),
    ];
    if rules.abroad_per_kg_rupiah.is_some() {
        parts.push(format!(
            "{}: {}",
            t_string!(i18n, pasar.postage_abroad),
            quote(Destination::Abroad)
        ));
    }
    if let Some(grams) = shop.weight_grams.filter(|grams| *grams > 0) {
        parts.push(crate::format::weight(grams, locale));
    }
    parts.join(" · ")
}

/// `/pasar/pesanan`: the buyer's orders.
#[component]
pub fn MyOrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let older_than = use_query_map()
        .read_untracked()
        .get("sebelum")
        .filter(|code| !code.is_empty());
    let paged = older_than.is_some();
    let orders = Resource::new(move || older_than.clone(), list_my_orders);
    view! {
        <PageTitle text=move || t_string!(i18n, pasar.my_orders).to_string() />
        <h1 class="text-2xl font-bold">{t!(i18n, pasar.my_orders)}</h1>
        {just_saved().then(|| view! { <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">{t!(i18n, pasar.orders_placed)}</p> })}
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Ok(orders) if orders.is_empty() => EitherOf3::A(view! {
                        <div class="mt-4 rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
                            <p>{t!(i18n, pasar.no_orders)}</p>
                            <a href="/pasar" class=LINK>{t!(i18n, pasar.browse_market)}</a>
                        </div>
                    }.into_any()),
                    Ok(mut orders) => {
                        // One more than a page came back: there are older orders, reached by keyset.
                        let older = (orders.len() as i64 > super::api::ORDERS_PAGE_SIZE).then(|| {
                            orders.truncate(super::api::ORDERS_PAGE_SIZE as usize);
                            orders.last().map(|order| format!("/pasar/pesanan?sebelum={}", order.code))
                        }).flatten();
                        EitherOf3::A(view! {
                            <OrderList orders />
                            <p class="mt-4 flex flex-wrap gap-3">
                                {paged.then(|| view! { <a href="/pasar/pesanan" class=BUTTON_SECONDARY>{t!(i18n, pasar.newest_orders)}</a> })}
                                {older.map(|href| view! { <a href=href rel="next" class=BUTTON_SECONDARY>{t!(i18n, pasar.older_orders)}</a> })}
                            </p>
                        }.into_any())
                    }
                    Err(AppError::Unauthenticated) => EitherOf3::B(sign_in_instead("/pasar/pesanan")),
                    Err(error) => EitherOf3::C(view! { <ErrorNotice error /> }),
                }
            })}
        </Suspense>
    }
}

/// Orders as cards linking to their page.
#[component]
pub fn OrderList(orders: Vec<OrderSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    view! {
        <ul role="list" class="mt-4 flex flex-col gap-2">
            {orders.into_iter().map(|order| {
                let more = order.item_count - 1;
                view! {
                    <li>
                        <a href=format!("/pasar/pesanan/{}", order.code) class=format!("{CARD} flex flex-col gap-1 hover:border-teal-600")>
                            <span class="flex items-center justify-between gap-2">
                                <span class="font-mono text-sm">{crate::kernel::codes::display_code(&order.code)}</span>
                                <StatusBadge status=order.status />
                            </span>
                            <span class="font-semibold">{order.first_item}
                                {(more > 0).then(|| view! { <span class="font-normal text-stone-600">" " {t!(i18n, pasar.and_more, count = move || more)}</span> })}
                            </span>
                            <span class="text-sm text-stone-600">{order.other_party} " · " {long_date(order.placed_at, locale)} " · " {rupiah(order.total_rupiah, locale)}</span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// `/pasar/pesanan/{code}`.
#[component]
pub fn OrderPageView() -> impl IntoView {
    let params = use_params_map();
    let code = params.read_untracked().get("code").unwrap_or_default();
    let next = format!("/pasar/pesanan/{code}");
    let order = Resource::new(move || code.clone(), get_order);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    signed_in_page(order.await, next, move |order| view! { <OrderDetail order /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn OrderDetail(order: OrderPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let move_action = ServerAction::<MoveOrder>::new();
    let move_error = last_error(move_action.value());
    let review = ServerAction::<ReviewOrder>::new();
    let review_error = last_error(review.value());
    let saved = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("disimpan");
    let may_upload_proof = order.may_upload_proof();
    let may_review = order.may_review();
    let display_code = crate::kernel::codes::display_code(&order.code);
    let title = t_string!(i18n, pasar.order_title).replace("{code}", &display_code);
    let page_title = title.clone();
    let OrderPage {
        code,
        status,
        fulfilment,
        payment,
        shop_slug,
        shop_name,
        shop_whatsapp_url,
        pickup_address,
        balai_address,
        bank_account,
        buyer_name,
        buyer_phone,
        delivery_address,
        note,
        lines,
        subtotal_rupiah,
        delivery_fee_rupiah,
        total_rupiah,
        timeline,
        party,
        moves,
        has_payment_proof,
        review: existing_review,
        ship_country,
        courier,
        tracking_number,
        receive_by,
        shop_couriers,
    } = order;
    let handover = match fulfilment {
        Fulfilment::PickupSeller => pickup_address.clone(),
        Fulfilment::PickupBalai => balai_address,
        Fulfilment::Delivery => delivery_address.clone().unwrap_or_default(),
        Fulfilment::Courier => format!(
            "{} — {}",
            delivery_address.clone().unwrap_or_default(),
            ship_country.clone().unwrap_or_default()
        ),
    };
    let tracking_error = field_error_text(move_error, "tracking_number");
    let ship_possible = moves.contains(&OrderStatus::Shipped);
    let note_error = field_error_text(move_error, "note");
    let review_code = code.clone();
    let proof_code = code.clone();
    let decline_possible = moves.contains(&OrderStatus::Declined);
    // Declining and shipping ask for more (a reason, the tracking number): their own forms below.
    let forward_moves: Vec<OrderStatus> = moves
        .iter()
        .copied()
        .filter(|status| !matches!(status, OrderStatus::Declined | OrderStatus::Shipped))
        .collect();
    let ship_code = code.clone();
    let qris_code = code.clone();
    view! {
        <PageTitle text=move || page_title.clone() />
        <nav class="text-sm">
            {match party {
                Party::Buyer => Either::Left(view! { <a href="/pasar/pesanan" class=LINK>{t!(i18n, pasar.my_orders)}</a> }),
                Party::Seller => Either::Right(view! { <a href="/pasar/saya" class=LINK>{t!(i18n, pasar.dashboard_title)}</a> }),
            }}
        </nav>
        <h1 class="flex flex-wrap items-center gap-2 text-2xl font-bold">{title} <StatusBadge status /></h1>
        {saved.map(|what| view! {
            <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 text-teal-900">
                {if what == "pesanan" { t!(i18n, pasar.order_placed).into_any() } else { t!(i18n, pasar.order_saved).into_any() }}
            </p>
        })}
        <section class=format!("{CARD} mt-4 flex flex-col gap-1") aria-labelledby="rincian">
            <h2 id="rincian" class="font-bold">{t!(i18n, pasar.order_details)}</h2>
            <p>{t!(i18n, pasar.shop_label)} " " <a href=format!("/pasar/toko/{shop_slug}") class="underline">{shop_name}</a></p>
            <p>{t!(i18n, pasar.buyer_label)} " " {buyer_name} {buyer_phone.map(|phone| format!(" · {phone}"))}</p>
            <p>{fulfilment_label(i18n, fulfilment)} ": " {handover}</p>
            <p>{payment_label(i18n, payment)}</p>
            {note.map(|note| view! { <p class="text-sm text-stone-600">{t!(i18n, pasar.note_label)} " " {note}</p> })}
            <ul class="mt-2 flex flex-col divide-y divide-stone-100">
                {lines.into_iter().map(|line| view! {
                    <li class="flex justify-between gap-2 py-2">
                        <span>
                            <a href=format!("/pasar/produk/{}", line.product_slug) class="underline"><Localized id=line.title_id en=line.title_en /></a>
                            {(!line.variant_name.is_empty()).then(|| format!(" ({})", line.variant_name))}
                            " × " {line.quantity}
                        </span>
                        <span>{rupiah(line.unit_price_rupiah * line.quantity, locale)}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="flex justify-between"><span>{t!(i18n, pasar.subtotal)}</span><span>{rupiah(subtotal_rupiah, locale)}</span></p>
            {(delivery_fee_rupiah > 0).then(|| view! { <p class="flex justify-between"><span>{t!(i18n, pasar.delivery_fee)}</span><span>{rupiah(delivery_fee_rupiah, locale)}</span></p> })}
            <p class="flex justify-between text-lg font-bold"><span>{t!(i18n, pasar.total)}</span><span>{rupiah(total_rupiah, locale)}</span></p>
            {shop_whatsapp_url.filter(|_| party == Party::Buyer).map(|url| view! {
                <a href=url rel="noopener" target="_blank" class="mt-2 inline-flex min-h-12 items-center justify-center rounded-lg bg-green-700 px-4 font-semibold text-white">{t!(i18n, pasar.chat_whatsapp)}</a>
            })}
        </section>
        {(fulfilment == Fulfilment::Courier).then(|| view! {
            <section class=format!("{CARD} mt-4 flex flex-col gap-1") aria-labelledby="pengiriman" data-testid="shipment">
                <h2 id="pengiriman" class="font-bold">{t!(i18n, pasar.shipment_title)}</h2>
                {courier.map(|courier| view! { <p>{t!(i18n, pasar.courier_label)} ": " <strong data-courier=courier.code()>{courier.name()}</strong></p> })}
                {match tracking_number.clone() {
                    Some(number) => Either::Left(view! {
                        <p>{t!(i18n, pasar.tracking_label)} ": " <strong class="font-mono text-lg select-all" data-resi=number.clone()>{number.clone()}</strong></p>
                        <p class="text-sm text-stone-600">{t!(i18n, pasar.tracking_hint)}</p>
                    }),
                    None => Either::Right(view! { <p class="text-sm text-stone-600">{t!(i18n, pasar.not_shipped_yet)}</p> }),
                }}
                {receive_by.filter(|_| status == OrderStatus::Shipped).map(|at| view! {
                    <p class="text-sm text-stone-600">{t!(i18n, pasar.auto_received_on)} " " {long_date(at, locale)}</p>
                })}
            </section>
        })}
        {(payment == Payment::Qris).then(|| { let qris_code = qris_code.clone(); view! {
            <section id="foto" class=format!("{CARD} mt-4") aria-labelledby="bayar-qris">
                <h2 id="bayar-qris" class="font-bold">{t!(i18n, pasar.qris_title)}</h2>
                {may_upload_proof.then(|| view! {
                    <p class="mt-1">{t!(i18n, pasar.qris_pay_exactly)} " " <strong class="text-lg" data-amount=total_rupiah>{rupiah(total_rupiah, locale)}</strong></p>
                    <img src=format!("/pasar/pesanan/{qris_code}/qris") alt=move || t_string!(i18n, pasar.qris_alt).to_string()
                        width="320" height="320" class="mt-2 aspect-square w-full max-w-xs rounded-lg border border-stone-200 bg-white" />
                    <p class="mt-2 text-sm text-stone-600">{t!(i18n, pasar.qris_hint)}</p>
                })}
                {has_payment_proof.then(|| view! {
                    <p class="mt-2">{t!(i18n, pasar.proof_uploaded)}</p>
                    <a href=format!("/pasar/pesanan/{qris_code}/bukti") class="mt-2 block w-fit">
                        <img src=format!("/pasar/pesanan/{qris_code}/bukti?{}", crate::media::PRIVATE_THUMBNAIL_QUERY) alt=move || t_string!(i18n, pasar.proof_alt).to_string() loading="lazy" class="max-h-96 w-auto rounded-lg border border-stone-200" />
                    </a>
                })}
                {may_upload_proof.then(|| view! {
                    <PhotoUploadForm action=format!("/pasar/pesanan/{qris_code}/bukti") multiple=false label=Signal::derive(move || t_string!(i18n, pasar.upload_qris_proof).to_string()) />
                })}
            </section>
        }})}
        {(payment == Payment::Transfer).then(|| view! {
            <section id="foto" class=format!("{CARD} mt-4") aria-labelledby="bayar">
                <h2 id="bayar" class="font-bold">{t!(i18n, pasar.transfer_title)}</h2>
                {bank_account.clone().map(|account| view! { <p class="mt-1">{t!(i18n, pasar.transfer_to)} " " <strong>{account}</strong></p> })}
                {has_payment_proof.then(|| view! {
                    <p class="mt-2">{t!(i18n, pasar.proof_uploaded)}</p>
                    // The thumbnail; the whole receipt (to read the amount) opens on tap.
                    <a href=format!("/pasar/pesanan/{proof_code}/bukti") class="mt-2 block w-fit">
                        <img src=format!("/pasar/pesanan/{proof_code}/bukti?{}", crate::media::PRIVATE_THUMBNAIL_QUERY) alt=move || t_string!(i18n, pasar.proof_alt).to_string() loading="lazy" class="max-h-96 w-auto rounded-lg border border-stone-200" />
                    </a>
                })}
                {may_upload_proof.then(|| view! {
                    <PhotoUploadForm action=format!("/pasar/pesanan/{proof_code}/bukti") multiple=false label=Signal::derive(move || t_string!(i18n, pasar.upload_proof).to_string()) />
                })}
            </section>
        })}
        {(!moves.is_empty()).then(|| { let decline_code = code.clone(); view! {
            <section class=format!("{CARD} mt-4 flex flex-col gap-3") aria-labelledby="tindakan">
                <h2 id="tindakan" class="font-bold">{t!(i18n, pasar.next_step)}</h2>
                {forward_moves.into_iter().map(|to| { let code = code.clone(); view! {
                    <ActionForm action=move_action>
                        <input type="hidden" name="code" value=code />
                        <input type="hidden" name="to" value=to.code() />
                        <button type="submit" class=if to == OrderStatus::Cancelled { format!("{BUTTON_SECONDARY} w-full border-red-300 text-red-800") } else { format!("{BUTTON} w-full") }>
                            {move_label(i18n, to)}
                        </button>
                    </ActionForm>
                }}).collect_view()}
                {ship_possible.then(|| { let chosen = courier; view! {
                    <ActionForm action=move_action attr:class="flex flex-col gap-2" attr:data-testid="ship-form">
                        <input type="hidden" name="code" value=ship_code.clone() />
                        <input type="hidden" name="to" value="shipped" />
                        <label for="f-courier" class="font-medium">{t!(i18n, pasar.courier_label)}</label>
                        <select id="f-courier" name="courier" class=SELECT>
                            {shop_couriers.clone().into_iter().map(|option| view! {
                                <option value=option.code() selected=(Some(option) == chosen).then_some("")>{option.name()}</option>
                            }).collect_view()}
                        </select>
                        <label for="f-resi" class="font-medium">{t!(i18n, pasar.tracking_label)}</label>
                        <input id="f-resi" name="tracking_number" required autocomplete="off" autocapitalize="characters"
                            class="min-h-12 rounded-lg border border-stone-300 px-3 font-mono text-base" aria-describedby="f-resi-error" />
                        <p id="f-resi-error" role="alert" class="text-sm font-medium text-red-700 empty:hidden">{tracking_error}</p>
                        <button type="submit" class=format!("{BUTTON} w-full")>{move_label(i18n, OrderStatus::Shipped)}</button>
                    </ActionForm>
                }})}
                {decline_possible.then(|| view! {
                    <details>
                        <summary class="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{t!(i18n, pasar.move_to.declined)}</summary>
                        <ActionForm action=move_action attr:class="mt-2 flex flex-col gap-2">
                            <input type="hidden" name="code" value=decline_code />
                            <input type="hidden" name="to" value="declined" />
                            <label for="f-note" class="font-medium">{t!(i18n, pasar.decline_reason)}</label>
                            <input id="f-note" name="note" required class="min-h-12 rounded-lg border border-stone-300 px-3 text-base" />
                            <p role="alert" class="text-sm font-medium text-red-700">{note_error}</p>
                            <button type="submit" class=format!("{BUTTON_SECONDARY} border-red-300 text-red-800")>{t!(i18n, pasar.move_to.declined)}</button>
                        </ActionForm>
                    </details>
                })}
                <FormError error=move_error />
            </section>
        }})}
        <section class=format!("{CARD} mt-4") aria-labelledby="riwayat">
            <h2 id="riwayat" class="font-bold">{t!(i18n, pasar.timeline)}</h2>
            <ol class="mt-2 flex flex-col gap-3 border-l-2 border-teal-200 pl-4">
                {timeline.into_iter().map(|entry| view! {
                    <li>
                        <p class="font-semibold">{status_label(i18n, entry.status)}</p>
                        <p class="text-sm text-stone-600">
                            <time datetime=crate::format::iso_utc(entry.at)>{long_date(entry.at, locale)} " " {time_of_day(entry.at, locale)}</time>
                            {(!entry.by.is_empty()).then(|| format!(" · {}", entry.by))}
                        </p>
                        {entry.note.map(|note| view! { <p class="text-sm">{note}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        {existing_review.map(|review| view! {
            <section class=format!("{CARD} mt-4")>
                <h2 class="font-bold">{t!(i18n, pasar.your_review)}</h2>
                <p class="text-amber-800">{"★".repeat(review.stars as usize)}</p>
                <p>{review.body}</p>
            </section>
        })}
        {may_review.then(|| view! {
            <section class=format!("{CARD} mt-4") aria-labelledby="beri-ulasan">
                <h2 id="beri-ulasan" class="font-bold">{t!(i18n, pasar.write_review)}</h2>
                <ActionForm action=review attr:class="mt-2 flex flex-col gap-3">
                    <input type="hidden" name="code" value=review_code.clone() />
                    <fieldset class="flex flex-col gap-1">
                        <legend class="font-medium">{t!(i18n, pasar.stars_label)}</legend>
                        <div class="flex flex-wrap gap-2">
                            {(1..=5).rev().map(|stars| view! {
                                <label class="inline-flex min-h-12 min-w-12 items-center justify-center gap-1 rounded-lg border border-stone-300 px-3 has-[:checked]:border-amber-600 has-[:checked]:bg-amber-50">
                                    <input type="radio" name="stars" value=stars required checked=(stars == 5).then_some("") class="h-5 w-5" />
                                    {format!("{stars} ★")}
                                </label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <TextArea label=Signal::derive(move || t_string!(i18n, pasar.review_text).to_string()) name="body" required=true error=review_error />
                    <FormError error=review_error />
                    <SubmitButton label=Signal::derive(move || t_string!(i18n, pasar.send_review).to_string()) />
                </ActionForm>
            </section>
        })}
    }
}

/// "My orders" on the account page: the five newest, or an invitation to the market.
#[component]
pub fn MyOrdersCard() -> impl IntoView {
    let i18n = use_i18n();
    let orders = Resource::new(|| (), |_| list_my_orders(None));
    let locale = i18n.get_locale();
    view! {
        <section class=CARD aria-labelledby="pesanan-saya">
            <h2 id="pesanan-saya" class="font-bold">{t!(i18n, akun.orders_title)}</h2>
            <Suspense fallback=move || view! { <p>{t!(i18n, ui.loading)}</p> }>
                {move || Suspend::new(async move {
                    match orders.await {
                        Ok(orders) if orders.is_empty() => EitherOf3::A(view! {
                            <p class="mt-1 text-sm text-stone-600">{t!(i18n, akun.orders_empty)}</p>
                            <a href="/pasar" class=LINK>"→"</a>
                        }),
                        Ok(orders) => EitherOf3::B(view! {
                            <ul class="mt-1 flex flex-col">
                                {orders.into_iter().take(5).map(|order| view! {
                                    <li>
                                        <a href=format!("/pasar/pesanan/{}", order.code) class="flex min-h-11 flex-col justify-center py-1 hover:underline">
                                            <span class="font-semibold">{order.first_item}</span>
                                            <span class="text-sm text-stone-600">{status_label(i18n, order.status)} " · " {long_date(order.placed_at, locale)}</span>
                                        </a>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <a href="/pasar/pesanan" class=LINK>{t!(i18n, ui.see_all)}</a>
                        }),
                        Err(error) => EitherOf3::C(view! { <ErrorNotice error /> }),
                    }
                })}
            </Suspense>
        </section>
    }
}
