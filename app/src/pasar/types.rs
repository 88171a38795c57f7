use serde::{Deserialize, Serialize};

pub use super::order_flow::{Fulfilment, OrderStatus, Party, Payment};
pub use super::pricing::Discount;
pub use super::shipping::{Courier, ShippingRules};
use crate::media::PhotoRef;

/// Where a shop stands with its village: it applies (pending), the village approves or rejects it; a
/// rejected shop that edits its application is pending again. Stored as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "TEXT", rename_all = "lowercase")
)]
pub enum ShopStatus {
    Pending,
    Approved,
    Rejected,
}

/// Whether a product is on sale: a draft is the seller's only, an archived one is off the market but
/// keeps its orders and reviews. Stored as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type),
    sqlx(type_name = "TEXT", rename_all = "lowercase")
)]
pub enum ProductStatus {
    Draft,
    Active,
    Archived,
}

impl ProductStatus {
    pub const ALL: [ProductStatus; 3] = [
        ProductStatus::Draft,
        ProductStatus::Active,
        ProductStatus::Archived,
    ];

    /// The form's and the database's spelling.
    pub fn code(self) -> &'static str {
        match self {
            ProductStatus::Draft => "draft",
            ProductStatus::Active => "active",
            ProductStatus::Archived => "archived",
        }
    }

    pub fn from_code(code: &str) -> Option<ProductStatus> {
        ProductStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }
}

/// Product categories of village commerce (../DOMAIN: batik & kain, kerajinan, kopi & hasil bumi, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    BatikKain,
    Kerajinan,
    KopiHasilBumi,
    MakananOlahan,
    Fashion,
    Seni,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::BatikKain,
        Category::Kerajinan,
        Category::KopiHasilBumi,
        Category::MakananOlahan,
        Category::Fashion,
        Category::Seni,
    ];

    /// The value stored in the database and used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Category::BatikKain => "batik_kain",
            Category::Kerajinan => "kerajinan",
            Category::KopiHasilBumi => "kopi_hasil_bumi",
            Category::MakananOlahan => "makanan_olahan",
            Category::Fashion => "fashion",
            Category::Seni => "seni",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|category| category.code() == code)
    }
}

/// The average of a product's or shop's reviews: `tenths` = 45 means 4.5 stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub tenths: i64,
    pub count: i64,
}

impl Rating {
    pub fn from_average(average: Option<f64>, count: i64) -> Option<Rating> {
        average.filter(|_| count > 0).map(|average| Rating {
            tenths: (average * 10.0).round() as i64,
            count,
        })
    }

    /// "4,5" or "4.5".
    pub fn stars_text(self, decimal_comma: bool) -> String {
        let text = format!("{}.{}", self.tenths / 10, self.tenths % 10);
        if decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    }
}

/// A product as shown in lists: enough to recognise it and decide to open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    pub slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub category: Category,
    /// What one unit costs now (after the discount; the lowest variant's price if variants differ).
    pub price_rupiah: i64,
    /// The price before the discount, when there is one (shown struck through).
    pub original_price_rupiah: Option<i64>,
    /// Variants have different prices: the price is "from".
    pub price_varies: bool,
    pub unit: String,
    pub stock: i64,
    pub shop_name: String,
    pub village_name: String,
    pub village_slug: String,
    pub photo: Option<PhotoRef>,
    pub rating: Option<Rating>,
}

impl ProductCard {
    pub fn is_sold_out(&self) -> bool {
        self.stock <= 0
    }
}

/// How the market list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    Newest,
    PriceLow,
    PriceHigh,
    BestRated,
    /// Best match first (only with search words).
    Relevance,
}

impl Sort {
    pub const CHOICES: [Sort; 5] = [
        Sort::Relevance,
        Sort::Newest,
        Sort::PriceLow,
        Sort::PriceHigh,
        Sort::BestRated,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Newest => "terbaru",
            Sort::PriceLow => "termurah",
            Sort::PriceHigh => "termahal",
            Sort::BestRated => "rating",
            Sort::Relevance => "relevan",
        }
    }

    pub fn from_code(code: &str) -> Option<Sort> {
        Sort::CHOICES.into_iter().find(|sort| sort.code() == code)
    }
}

/// The market's filters, as they appear in the URL (`/pasar?q=batik&category=batik_kain&page=2`): a GET
/// form, so every result has a shareable address and works without JavaScript.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub village: String,
    #[serde(default)]
    pub min_price: String,
    #[serde(default)]
    pub max_price: String,
    /// "1" = in stock only.
    #[serde(default)]
    pub in_stock: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub page: u32,
}

impl MarketQuery {
    /// Reads the filters from the page's query string.
    pub fn from_map(query: &leptos_router::params::ParamsMap) -> MarketQuery {
        let get = |key: &str| query.get(key).unwrap_or_default();
        MarketQuery {
            q: get("q"),
            category: get("category"),
            village: get("village"),
            min_price: get("min_price"),
            max_price: get("max_price"),
            in_stock: get("in_stock"),
            sort: get("sort"),
            page: get("page").parse().unwrap_or(1),
        }
    }

    pub fn has_filters(&self) -> bool {
        !(self.q.trim().is_empty()
            && self.category.is_empty()
            && self.village.is_empty()
            && self.min_price.trim().is_empty()
            && self.max_price.trim().is_empty()
            && self.in_stock.is_empty())
    }

    /// The URL of this query at another page.
    pub fn url_for_page(&self, page: u32) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("q", self.q.as_str()),
            ("category", &self.category),
            ("village", &self.village),
            ("min_price", &self.min_price),
            ("max_price", &self.max_price),
            ("in_stock", &self.in_stock),
            ("sort", &self.sort),
        ] {
            if !value.trim().is_empty() {
                parts.push(format!(
                    "{key}={}",
                    crate::kernel::text::encode_query(value.trim())
                ));
            }
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if parts.is_empty() {
            "/pasar".to_string()
        } else {
            format!("/pasar?{}", parts.join("&"))
        }
    }
}

/// One page of the market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketPage {
    pub products: Vec<ProductCard>,
    /// Matches, counted up to a cap: above [`MarketPage::COUNT_SHOWN_UP_TO`] the page says "more than".
    pub total: i64,
    pub page: u32,
    pub page_count: u32,
    /// Filters that could not be read and were ignored (shown as a notice, never an error page).
    pub ignored: Vec<String>,
    pub villages: Vec<(String, String)>,
    /// The sort applied (relevance only with search words).
    pub sort: Sort,
}

impl MarketPage {
    /// The largest count shown exactly (the store counts one past it).
    pub const COUNT_SHOWN_UP_TO: i64 = 10_000;

    pub fn count_is_exact(&self) -> bool {
        self.total <= Self::COUNT_SHOWN_UP_TO
    }
}

/// One buyable choice of a product (the only one, unnamed, for products without variants).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantOption {
    pub id: i64,
    pub name_id: String,
    pub name_en: Option<String>,
    pub price_rupiah: i64,
    pub original_price_rupiah: Option<i64>,
    pub stock: i64,
}

/// A review as shown on product and shop pages (first name only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub author: String,
    pub stars: i64,
    pub body: String,
    pub created_at: i64,
}

/// Where a shop sends parcels by courier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingReach {
    pub couriers: Vec<Courier>,
    pub abroad: bool,
}

/// The seller's card on a product page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerCard {
    pub slug: String,
    pub name: String,
    pub village_name: String,
    pub village_slug: String,
    pub owner_verified: bool,
    pub rating: Option<Rating>,
    pub photo: Option<PhotoRef>,
    /// `https://wa.me/62…?text=…` naming the product and its link; none if the shop gave no number.
    pub whatsapp_url: Option<String>,
    /// `None`: pickup and delivery in the village only.
    pub reach: Option<ShippingReach>,
}

/// `/pasar/produk/{slug}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductPage {
    pub slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub category: Category,
    pub unit: String,
    pub status: ProductStatus,
    pub discount: Option<Discount>,
    pub variants: Vec<VariantOption>,
    pub photos: Vec<PhotoRef>,
    pub seller: SellerCard,
    pub more_from_shop: Vec<ProductCard>,
    pub reviews: Vec<Review>,
    pub rating: Option<Rating>,
    pub canonical_url: String,
    pub signed_in: bool,
    /// The viewer owns the shop (sees an "Edit" link, and the page even while a draft).
    pub is_owner: bool,
}

impl ProductPage {
    pub fn stock(&self) -> i64 {
        self.variants.iter().map(|variant| variant.stock).sum()
    }

    /// The cheapest variant's price (the price shown at the top).
    pub fn price_from(&self) -> Option<&VariantOption> {
        self.variants
            .iter()
            .min_by_key(|variant| variant.price_rupiah)
    }
}

/// A shop's page: its story, where it is, what it sells, and the classes it runs (Budaya).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopPage {
    pub slug: String,
    pub name: String,
    pub story_id: String,
    pub story_en: Option<String>,
    pub village_name: String,
    pub village_slug: String,
    /// The owner is a verified resident of the village.
    pub owner_verified: bool,
    pub photo: Option<PhotoRef>,
    pub rating: Option<Rating>,
    pub reviews: Vec<Review>,
    pub products: Vec<ProductCard>,
    pub reach: Option<ShippingReach>,
}

/// A shop in the directory (`/pasar/toko`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopCard {
    pub slug: String,
    pub name: String,
    pub village_name: String,
    pub village_slug: String,
    pub photo: Option<PhotoRef>,
    pub rating: Option<Rating>,
    /// What it sells, most products first.
    pub categories: Vec<Category>,
    pub product_count: i64,
}

/// One page of the shop directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopDirectory {
    pub shops: Vec<ShopCard>,
    pub total: i64,
    pub page: u32,
    pub page_count: u32,
    /// (slug, name) of every village, for the filter.
    pub villages: Vec<(String, String)>,
    pub village: String,
    pub category: String,
}

impl ShopDirectory {
    /// The address of this filter at another page.
    pub fn url_for_page(&self, page: u32) -> String {
        let mut parts = Vec::new();
        for (key, value) in [("village", &self.village), ("category", &self.category)] {
            if !value.is_empty() {
                parts.push(format!(
                    "{key}={}",
                    crate::kernel::text::encode_query(value)
                ));
            }
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if parts.is_empty() {
            "/pasar/toko".to_string()
        } else {
            format!("/pasar/toko?{}", parts.join("&"))
        }
    }
}

/// How a shop hands over and gets paid (what the buyer may choose at checkout).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopOptions {
    pub pickup_address: String,
    pub offers_pickup_balai: bool,
    /// `None`: no delivery.
    pub delivery_fee_rupiah: Option<i64>,
    /// `None`: cash only.
    pub bank_account: Option<String>,
    /// Courier shipping (`None`: none).
    pub shipping: Option<ShippingRules>,
    /// The shop has a QRIS code buyers may pay with.
    pub qris: bool,
}

impl ShopOptions {
    pub fn fulfilments(&self) -> Vec<Fulfilment> {
        Fulfilment::ALL
            .into_iter()
            .filter(|option| match option {
                Fulfilment::PickupSeller => true,
                Fulfilment::PickupBalai => self.offers_pickup_balai,
                Fulfilment::Delivery => self.delivery_fee_rupiah.is_some(),
                Fulfilment::Courier => self.shipping.is_some(),
            })
            .collect()
    }

    pub fn payments(&self) -> Vec<Payment> {
        let mut payments = vec![Payment::Cash];
        if self.bank_account.is_some() {
            payments.push(Payment::Transfer);
        }
        if self.qris {
            payments.push(Payment::Qris);
        }
        payments
    }
}

/// One line of the cart, priced now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub variant_id: i64,
    pub product_slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub variant_name: String,
    pub unit_price_rupiah: i64,
    pub quantity: i64,
    pub stock: i64,
    pub photo: Option<PhotoRef>,
    /// Still for sale (active product of an approved shop, variant on).
    pub available: bool,
}

/// The cart's lines of one shop: they become one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartShop {
    pub shop_id: i64,
    pub shop_slug: String,
    pub shop_name: String,
    pub village_name: String,
    pub options: ShopOptions,
    pub lines: Vec<CartLine>,
    pub subtotal_rupiah: i64,
    /// What the lines weigh (`None`: a product has no weight).
    pub weight_grams: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub shops: Vec<CartShop>,
}

/// What the buyer chose for one shop at checkout (form fields `choices[i][…]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutChoice {
    #[serde(default)]
    pub shop_id: String,
    #[serde(default)]
    pub fulfilment: String,
    #[serde(default)]
    pub payment: String,
    #[serde(default)]
    pub address: String,
    /// Courier orders: the country of the address (free text; Indonesia by default).
    #[serde(default)]
    pub country: String,
    /// Courier orders: the courier the buyer prefers, among the shop's.
    #[serde(default)]
    pub courier: String,
    #[serde(default)]
    pub note: String,
}

/// One line of a placed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub product_slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub variant_name: String,
    pub unit_price_rupiah: i64,
    pub quantity: i64,
}

/// One step of an order's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub status: OrderStatus,
    pub by: String,
    pub note: Option<String>,
    pub at: i64,
}

/// `/pasar/pesanan/{code}` for its buyer or the shop's owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPage {
    pub code: String,
    pub status: OrderStatus,
    pub fulfilment: Fulfilment,
    pub payment: Payment,
    pub shop_slug: String,
    pub shop_name: String,
    pub shop_whatsapp_url: Option<String>,
    pub pickup_address: String,
    pub balai_address: String,
    pub bank_account: Option<String>,
    pub buyer_name: String,
    /// Only for the seller, to arrange the handover.
    pub buyer_phone: Option<String>,
    pub delivery_address: Option<String>,
    pub note: Option<String>,
    pub lines: Vec<OrderLine>,
    pub subtotal_rupiah: i64,
    pub delivery_fee_rupiah: i64,
    pub total_rupiah: i64,
    pub timeline: Vec<TimelineEntry>,
    pub party: Party,
    pub moves: Vec<OrderStatus>,
    pub has_payment_proof: bool,
    pub review: Option<Review>,
    /// Courier orders: the country the parcel goes to.
    pub ship_country: Option<String>,
    /// Courier orders: the buyer's choice, then the courier the seller shipped with.
    pub courier: Option<Courier>,
    pub tracking_number: Option<String>,
    /// When a shipped order counts as received if the buyer does not say so.
    pub receive_by: Option<i64>,
    /// The shop's couriers (the seller picks one when shipping).
    pub shop_couriers: Vec<Courier>,
}

impl OrderPage {
    pub fn may_upload_proof(&self) -> bool {
        self.party == Party::Buyer
            && self.payment.paid_in_advance()
            && matches!(self.status, OrderStatus::Placed | OrderStatus::Confirmed)
    }

    /// A parcel's buyer reviews once it arrived; other orders once completed.
    pub fn may_review(&self) -> bool {
        self.party == Party::Buyer
            && matches!(self.status, OrderStatus::Received | OrderStatus::Completed)
            && self.review.is_none()
    }
}

/// An order in a list (the buyer's orders, the seller's dashboard).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub code: String,
    pub status: OrderStatus,
    pub fulfilment: Fulfilment,
    pub payment: Payment,
    /// The shop (for the buyer) or the buyer's name (for the seller).
    pub other_party: String,
    pub first_item: String,
    pub item_count: i64,
    pub total_rupiah: i64,
    pub placed_at: i64,
    /// The quick actions the seller may take from the list.
    pub moves: Vec<OrderStatus>,
}

/// The seller's own shop, as on the dashboard and its settings form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyShop {
    pub slug: String,
    pub name: String,
    /// A new name waiting for the village's approval (an approved shop keeps `name` until then).
    pub pending_name: Option<String>,
    /// pending, approved or rejected.
    pub status: ShopStatus,
    pub story_id: String,
    pub story_en: Option<String>,
    pub whatsapp: String,
    pub options: ShopOptions,
    pub photo: Option<PhotoRef>,
    pub village_name: String,
}

/// A product in the seller's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProduct {
    pub slug: String,
    pub title_id: String,
    pub status: ProductStatus,
    pub price_rupiah: i64,
    pub stock: i64,
    pub photo: Option<PhotoRef>,
}

/// `/pasar/saya`: the seller's dashboard (or the shop application for someone without a shop).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerDashboard {
    pub shop: Option<MyShop>,
    /// `None` for a visitor: a shop belongs to a village, so they add their home village first.
    pub home_village_name: Option<String>,
    pub counts: Vec<(OrderStatus, i64)>,
    /// The status the order list is filtered by (None = open orders).
    pub showing: Option<OrderStatus>,
    pub orders: Vec<OrderSummary>,
    pub products: Vec<MyProduct>,
    pub month_sales_rupiah: i64,
    pub month_orders: i64,
    /// (title, units sold this month).
    pub best_sellers: Vec<(String, i64)>,
}

/// A variant row of the product form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantInput {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub price: String,
    #[serde(default)]
    pub stock: String,
}

/// The product form's values (new product: empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductEditor {
    pub slug: String,
    pub title_id: String,
    pub title_en: String,
    pub description_id: String,
    pub description_en: String,
    pub category: String,
    pub price: String,
    pub unit: String,
    /// Stock of a product without variants.
    pub stock: String,
    pub discount_kind: String,
    pub discount_value: String,
    pub status: String,
    pub variants: Vec<VariantInput>,
    pub photos: Vec<PhotoRef>,
    /// Grams of one unit ("" = not given).
    pub weight: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_round_trip() {
        for category in Category::ALL {
            assert_eq!(Category::from_code(category.code()), Some(category));
        }
        assert_eq!(Category::from_code("narkoba"), None);
    }

    #[test]
    fn market_urls_keep_filters_and_drop_empty_ones() {
        let query = MarketQuery {
            q: "batik tulis".into(),
            category: "batik_kain".into(),
            in_stock: "1".into(),
            ..MarketQuery::default()
        };
        assert_eq!(
            query.url_for_page(2),
            "/pasar?q=batik%20tulis&category=batik_kain&in_stock=1&page=2"
        );
        assert_eq!(MarketQuery::default().url_for_page(1), "/pasar");
        assert!(query.has_filters());
        assert!(!MarketQuery::default().has_filters());
    }

    #[test]
    fn ratings_show_one_decimal() {
        let rating = Rating::from_average(Some(4.46), 7).unwrap();
        assert_eq!(rating.stars_text(true), "4,5");
        assert_eq!(rating.stars_text(false), "4.5");
        assert_eq!(Rating::from_average(None, 0), None);
    }

    #[test]
    fn a_shop_offers_what_it_set_up() {
        let options = ShopOptions {
            pickup_address: "Dusun Krajan".into(),
            offers_pickup_balai: false,
            delivery_fee_rupiah: Some(10_000),
            bank_account: None,
            shipping: None,
            qris: true,
        };
        assert_eq!(
            options.fulfilments(),
            vec![Fulfilment::PickupSeller, Fulfilment::Delivery]
        );
        assert_eq!(options.payments(), vec![Payment::Cash, Payment::Qris]);
    }
}
