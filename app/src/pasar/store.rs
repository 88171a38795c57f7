//! Pasar data access (server only). Stock moves only inside `BEGIN IMMEDIATE` transactions with a
//! conditional `UPDATE … WHERE stock >= quantity`, so SQLite's write lock serialises concurrent checkouts
//! and a variant can never be sold twice.

use sqlx::{QueryBuilder, Sqlite, SqlitePool, Transaction};

use crate::db::decode_code;
use crate::media::PhotoRef;
use crate::notifikasi::store::{enqueue_message, notify, Bilingual};

use super::order_flow::{next_status, OrderFacts};
use super::pricing::{discounted, order_totals, Line};
use super::{
    Cart, CartLine, CartShop, Category, Discount, Fulfilment, MarketQuery, MyProduct, MyShop,
    OrderLine, OrderStatus, OrderSummary, Party, Payment, ProductCard, Rating, Review, ShopOptions,
    Sort, TimelineEntry, VariantOption,
};

/// The discounted price of `base` (a rupiah expression) for product `p`, in SQL. The same rule as
/// [`discounted`]; the test `sql_discount_matches_the_rust_rule` keeps the two in step.
fn discounted_sql(base: &str) -> String {
    format!(
        "(CASE p.discount_kind
            WHEN 'percent' THEN {base} - ({base} * p.discount_value + 50) / 100
            WHEN 'amount' THEN MAX({base} - p.discount_value, 0)
            ELSE {base} END)"
    )
}

/// The cheapest and dearest active variant's base price of product `p`.
const MIN_BASE_PRICE: &str =
    "(SELECT MIN(COALESCE(pv.price_rupiah, p.price_rupiah)) FROM product_variants pv
     WHERE pv.product_id = p.id AND pv.is_active)";
const MAX_BASE_PRICE: &str =
    "(SELECT MAX(COALESCE(pv.price_rupiah, p.price_rupiah)) FROM product_variants pv
     WHERE pv.product_id = p.id AND pv.is_active)";

fn card_select() -> String {
    format!(
        "SELECT p.id, p.slug, p.title_id, p.title_en, p.category, p.unit, p.stock, p.created_at,
                p.discount_kind, p.discount_value,
                s.name AS shop_name, v.name AS village_name, v.slug AS village_slug,
                {MIN_BASE_PRICE} AS base_min, {MAX_BASE_PRICE} AS base_max,
                p.sort_price AS price, p.rating_average, p.rating_count,
                ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths"
    )
}

const CARD_FROM: &str = " FROM products p
     JOIN shops s ON s.id = p.shop_id
     JOIN villages v ON v.id = s.village_id
     LEFT JOIN photos ph ON ph.id = (SELECT pp.photo_id FROM product_photos pp
                                     WHERE pp.product_id = p.id ORDER BY pp.position LIMIT 1)";

#[derive(sqlx::FromRow)]
struct CardRow {
    slug: String,
    title_id: String,
    title_en: Option<String>,
    category: String,
    unit: String,
    stock: i64,
    discount_kind: Option<String>,
    discount_value: Option<i64>,
    shop_name: String,
    village_name: String,
    village_slug: String,
    base_min: Option<i64>,
    base_max: Option<i64>,
    price: i64,
    rating_average: Option<f64>,
    rating_count: i64,
    photo_id: Option<i64>,
    photo_key: Option<String>,
    photo_widths: Option<String>,
}

impl CardRow {
    fn into_card(self) -> Result<ProductCard, sqlx::Error> {
        let discount = Discount::from_parts(self.discount_kind.as_deref(), self.discount_value);
        let base = self.base_min.unwrap_or(self.price);
        Ok(ProductCard {
            category: decode_code("product category", &self.category, Category::from_code)?,
            slug: self.slug,
            title_id: self.title_id,
            title_en: self.title_en,
            price_rupiah: self.price,
            original_price_rupiah: discount.map(|_| base).filter(|base| *base != self.price),
            price_varies: self.base_min != self.base_max,
            unit: self.unit,
            stock: self.stock,
            shop_name: self.shop_name,
            village_name: self.village_name,
            village_slug: self.village_slug,
            photo: PhotoRef::from_columns(self.photo_id, self.photo_key, self.photo_widths),
            rating: Rating::from_average(self.rating_average, self.rating_count),
        })
    }
}

/// Products of approved shops that are for sale.
const ON_SALE: &str = " WHERE p.status = 'active' AND s.status = 'approved'";

/// Active products, newest first; `village_slug` empty means every village.
pub async fn list_active_products(
    pool: &SqlitePool,
    village_slug: &str,
    limit: i64,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let filter = MarketFilter {
        village: (!village_slug.is_empty()).then(|| village_slug.to_string()),
        ..MarketFilter::default()
    };
    let mut ids = QueryBuilder::<Sqlite>::new("SELECT p.id");
    push_market_matches(&mut ids, &filter);
    ids.push(" ORDER BY p.created_at DESC, p.id DESC LIMIT ")
        .push_bind(limit);
    let ids: Vec<i64> = ids.build_query_scalar().fetch_all(pool).await?;
    cards_in_order(pool, &ids).await
}

/// The market filters once read: each is optional.
#[derive(Debug, Clone, Default)]
pub struct MarketFilter {
    pub fts: Option<String>,
    pub category: Option<Category>,
    pub village: Option<String>,
    pub min_price: Option<i64>,
    pub max_price: Option<i64>,
    pub in_stock: bool,
    pub sort: Option<Sort>,
}

impl MarketFilter {
    /// Reads the URL's filters; the names of those that could not be read are returned to be reported.
    pub fn read(query: &MarketQuery) -> (MarketFilter, Vec<String>) {
        let mut ignored = Vec::new();
        let mut filter = MarketFilter {
            fts: super::search::fts_query(&query.q),
            in_stock: query.in_stock == "1",
            ..MarketFilter::default()
        };
        if !query.category.is_empty() {
            filter.category = Category::from_code(&query.category);
            if filter.category.is_none() {
                ignored.push("category".into());
            }
        }
        if !query.village.is_empty() {
            filter.village = Some(query.village.clone());
        }
        for (text, slot, name) in [
            (&query.min_price, &mut filter.min_price, "min_price"),
            (&query.max_price, &mut filter.max_price, "max_price"),
        ] {
            if !text.trim().is_empty() {
                match crate::kernel::money::parse_rupiah(text) {
                    Some(amount) => *slot = Some(amount),
                    None => ignored.push(name.into()),
                }
            }
        }
        if !query.sort.is_empty() {
            filter.sort = Sort::from_code(&query.sort);
            if filter.sort.is_none() {
                ignored.push("sort".into());
            }
        }
        (filter, ignored)
    }

    /// The sort applied: relevance only makes sense with search words; newest otherwise.
    pub fn effective_sort(&self) -> Sort {
        match (self.sort, self.fts.is_some()) {
            (Some(Sort::Relevance), false) | (None, false) => Sort::Newest,
            (None, true) => Sort::Relevance,
            (Some(sort), _) => sort,
        }
    }
}

/// The market counts matches up to this many: a page number past it cannot be asked for (500 pages of
/// 20), and "more than 10 000 products" tells a buyer as much as an exact figure would, without reading a
/// regency's whole catalogue on every page.
pub const MARKET_COUNT_CAP: i64 = super::MarketPage::COUNT_SHOWN_UP_TO;

/// The products a market filter matches, as `FROM … WHERE …`. With search words the full-text matches
/// come first, from the `hits` table the caller defines (`CROSS JOIN` keeps them the outer loop, so the
/// match runs once, not once per product), and each match is checked through covering indexes.
fn push_market_matches(query: &mut QueryBuilder<'_, Sqlite>, filter: &MarketFilter) {
    if filter.fts.is_some() {
        query.push(
            " FROM hits CROSS JOIN products p INDEXED BY products_market_columns ON p.id = hits.id",
        );
    } else {
        query.push(" FROM products p");
    }
    // `listed`: active and of an approved shop, kept by triggers (migration 8).
    query.push(" WHERE p.listed = TRUE");
    if let Some(category) = filter.category {
        query.push(" AND p.category = ").push_bind(category.code());
    }
    if let Some(village) = &filter.village {
        // Through the village's shops: a few hundred products, not a walk over the whole catalogue.
        query
            .push(
                " AND p.shop_id IN (SELECT id FROM shops WHERE village_id =
                   (SELECT id FROM villages WHERE slug = ",
            )
            .push_bind(village.clone())
            .push("))");
    }
    if filter.in_stock {
        query.push(" AND p.stock > 0");
    }
    if let Some(min) = filter.min_price {
        query.push(" AND p.sort_price >= ").push_bind(min);
    }
    if let Some(max) = filter.max_price {
        query.push(" AND p.sort_price <= ").push_bind(max);
    }
}

/// The search's matches with their relevance, computed once (bm25 cannot run inside a window query).
fn push_hits(query: &mut QueryBuilder<'_, Sqlite>, fts: &str) {
    query
        .push(
            "WITH hits AS MATERIALIZED (SELECT rowid AS id,
                 bm25(products_fts, 10.0, 10.0, 2.0, 2.0, 4.0) AS relevance
             FROM products_fts WHERE products_fts MATCH ",
        )
        .push_bind(fts.to_string())
        .push(") ");
}

/// One page of the market and the number of matches: exact for a search (it reads all its matches
/// anyway to rank them), otherwise counted up to [`MARKET_COUNT_CAP`] + 1, so a caller can tell "more
/// than". The page's ids come first, from indexed columns; only those twenty become cards.
pub async fn market(
    pool: &SqlitePool,
    filter: &MarketFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ProductCard>, i64), sqlx::Error> {
    let mut ids = QueryBuilder::<Sqlite>::new("");
    if let Some(fts) = &filter.fts {
        push_hits(&mut ids, fts);
        ids.push("SELECT p.id, COUNT(*) OVER () AS total");
    } else {
        ids.push("SELECT p.id, 0 AS total");
    }
    push_market_matches(&mut ids, filter);
    ids.push(match filter.effective_sort() {
        Sort::Relevance => " ORDER BY hits.relevance, p.created_at DESC, p.id DESC",
        Sort::Newest => " ORDER BY p.created_at DESC, p.id DESC",
        Sort::PriceLow => " ORDER BY p.sort_price, p.id",
        Sort::PriceHigh => " ORDER BY p.sort_price DESC, p.id DESC",
        // NULL (no review yet) sorts last when descending.
        Sort::BestRated => {
            " ORDER BY p.rating_average DESC, p.rating_count DESC, p.created_at DESC"
        }
    });
    ids.push(" LIMIT ").push_bind(limit);
    ids.push(" OFFSET ").push_bind(offset);
    let rows: Vec<(i64, i64)> = ids.build_query_as().fetch_all(pool).await?;

    let total = match rows.first() {
        Some((_, total)) if filter.fts.is_some() => *total,
        _ => {
            // Without search words (or past a search's last page): a separate count, capped.
            let mut count = QueryBuilder::<Sqlite>::new("");
            if let Some(fts) = &filter.fts {
                push_hits(&mut count, fts);
            }
            count.push("SELECT COUNT(*) FROM (SELECT 1");
            push_market_matches(&mut count, filter);
            count
                .push(" LIMIT ")
                .push_bind(MARKET_COUNT_CAP + 1)
                .push(")");
            count.build_query_scalar().fetch_one(pool).await?
        }
    };
    let ids: Vec<i64> = rows.into_iter().map(|(id, _)| id).collect();
    Ok((cards_in_order(pool, &ids).await?, total))
}

/// The cards of these products, in the order given (ids of products no longer on sale are skipped).
pub async fn cards_in_order(
    pool: &SqlitePool,
    ids: &[i64],
) -> Result<Vec<ProductCard>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = QueryBuilder::<Sqlite>::new(card_select());
    query.push(CARD_FROM).push(ON_SALE).push(" AND p.id IN (");
    let mut separated = query.separated(", ");
    for id in ids {
        separated.push_bind(*id);
    }
    query.push(")");
    #[derive(sqlx::FromRow)]
    struct Identified {
        id: i64,
        #[sqlx(flatten)]
        card: CardRow,
    }
    let mut rows: Vec<Identified> = query.build_query_as().fetch_all(pool).await?;
    rows.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
    rows.into_iter().map(|row| row.card.into_card()).collect()
}

/// An approved shop's public facts.
#[derive(sqlx::FromRow)]
pub struct ShopRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub story_id: String,
    pub story_en: Option<String>,
    pub village_name: String,
    pub village_slug: String,
    pub owner_account_id: Option<i64>,
    pub owner_verified: bool,
    pub whatsapp: Option<String>,
    pub photo_id: Option<i64>,
    pub photo_key: Option<String>,
    pub photo_widths: Option<String>,
}

impl ShopRow {
    pub fn photo(&self) -> Option<PhotoRef> {
        PhotoRef::from_columns(
            self.photo_id,
            self.photo_key.clone(),
            self.photo_widths.clone(),
        )
    }
}

const SHOP_SELECT: &str = "SELECT s.id, s.slug, s.name, s.story_id, s.story_en, v.name AS village_name,
        v.slug AS village_slug, s.owner_account_id,
        EXISTS (SELECT 1 FROM resident_verifications rv
                WHERE rv.account_id = s.owner_account_id AND rv.status = 'verified') AS owner_verified,
        s.whatsapp, ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths
     FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN photos ph ON ph.id = s.photo_id";

pub async fn find_shop(pool: &SqlitePool, slug: &str) -> Result<Option<ShopRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SHOP_SELECT} WHERE s.slug = $1 AND s.status = 'approved'"
    ))
    .bind(slug)
    .fetch_optional(pool)
    .await
}

/// A shop's active products, newest first (all of them but one, when `except` names a product).
pub async fn shop_products(
    pool: &SqlitePool,
    shop_id: i64,
    except_product: Option<i64>,
    limit: i64,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT p.id FROM products p WHERE p.shop_id = $1 AND p.listed = TRUE AND p.id <> $2
         ORDER BY p.created_at DESC, p.id DESC LIMIT $3",
    )
    .bind(shop_id)
    .bind(except_product.unwrap_or(0))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    cards_in_order(pool, &ids).await
}

/// A shop's average and count of reviews.
pub async fn shop_rating(pool: &SqlitePool, shop_id: i64) -> Result<Option<Rating>, sqlx::Error> {
    let (average, count): (Option<f64>, i64) =
        sqlx::query_as("SELECT AVG(stars), COUNT(*) FROM reviews WHERE shop_id = $1")
            .bind(shop_id)
            .fetch_one(pool)
            .await?;
    Ok(Rating::from_average(average, count))
}

/// The newest reviews of a shop, or of orders containing one product.
pub async fn reviews(
    pool: &SqlitePool,
    shop_id: i64,
    product_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Review>, sqlx::Error> {
    let rows: Vec<(String, i64, String, i64)> = sqlx::query_as(
        "SELECT a.name, r.stars, r.body, r.created_at FROM reviews r JOIN accounts a ON a.id = r.account_id
         WHERE r.shop_id = $1
           AND ($2 IS NULL OR r.order_id IN (SELECT order_id FROM order_items WHERE product_id = $2))
         ORDER BY r.created_at DESC LIMIT $3",
    )
    .bind(shop_id)
    .bind(product_id)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(name, stars, body, created_at)| Review {
            // First name only: a review is public.
            author: name
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string(),
            stars,
            body,
            created_at,
        })
        .collect())
}

/// A product with what its page needs from the row.
#[derive(sqlx::FromRow)]
pub struct ProductRow {
    pub id: i64,
    pub shop_id: i64,
    pub slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub category: String,
    pub price_rupiah: i64,
    pub unit: String,
    pub status: String,
    pub discount_kind: Option<String>,
    pub discount_value: Option<i64>,
    pub shop_slug: String,
    pub shop_status: String,
    pub owner_account_id: Option<i64>,
}

impl ProductRow {
    pub fn discount(&self) -> Option<Discount> {
        Discount::from_parts(self.discount_kind.as_deref(), self.discount_value)
    }
}

pub async fn find_product(
    pool: &SqlitePool,
    slug: &str,
) -> Result<Option<ProductRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.shop_id, p.slug, p.title_id, p.title_en, p.description_id, p.description_en,
                p.category, p.price_rupiah, p.unit, p.status, p.discount_kind, p.discount_value,
                s.slug AS shop_slug, s.status AS shop_status, s.owner_account_id
         FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await
}

/// `(id, name_id, name_en, own price, stock)` of a variant row.
type VariantRow = (i64, String, Option<String>, Option<i64>, i64);

/// The active variants of a product, priced (named ones first in their order; the unnamed one alone).
pub async fn variants(
    pool: &SqlitePool,
    product: &ProductRow,
) -> Result<Vec<VariantOption>, sqlx::Error> {
    let rows: Vec<VariantRow> = sqlx::query_as(
        "SELECT id, name_id, name_en, price_rupiah, stock FROM product_variants
         WHERE product_id = $1 AND is_active ORDER BY position, id",
    )
    .bind(product.id)
    .fetch_all(pool)
    .await?;
    let discount = product.discount();
    Ok(rows
        .into_iter()
        .map(|(id, name_id, name_en, price, stock)| {
            let base = price.unwrap_or(product.price_rupiah);
            let price_rupiah = discounted(base, discount);
            VariantOption {
                id,
                name_id,
                name_en,
                price_rupiah,
                original_price_rupiah: (price_rupiah != base).then_some(base),
                stock,
            }
        })
        .collect())
}

pub async fn product_photos(
    pool: &SqlitePool,
    product_id: i64,
) -> Result<Vec<PhotoRef>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT ph.id, ph.key, ph.widths FROM product_photos pp JOIN photos ph ON ph.id = pp.photo_id
         WHERE pp.product_id = $1 ORDER BY pp.position, ph.id",
    )
    .bind(product_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, key, widths)| PhotoRef {
            id,
            key,
            widths: PhotoRef::widths_from_text(&widths),
        })
        .collect())
}

pub async fn attach_product_photo(
    pool: &SqlitePool,
    product_id: i64,
    photo_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO product_photos (product_id, photo_id, position)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM product_photos WHERE product_id = $1))
         ON CONFLICT (product_id, photo_id) DO NOTHING",
    )
    .bind(product_id)
    .bind(photo_id)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn detach_product_photo(
    pool: &SqlitePool,
    product_id: i64,
    photo_id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM product_photos WHERE product_id = $1 AND photo_id = $2")
            .bind(product_id)
            .bind(photo_id)
            .execute(pool)
            .await?
            .rows_affected()
            > 0,
    )
}

// ---------------------------------------------------------------------------------------------------
// The seller's shop and products

/// The shop owned by an account (any status).
pub async fn own_shop(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<(i64, MyShop)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        slug: String,
        name: String,
        pending_name: Option<String>,
        status: String,
        story_id: String,
        story_en: Option<String>,
        whatsapp: Option<String>,
        pickup_address: String,
        offers_pickup_balai: bool,
        delivery_fee_rupiah: Option<i64>,
        bank_account: Option<String>,
        village_name: String,
        photo_id: Option<i64>,
        photo_key: Option<String>,
        photo_widths: Option<String>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT s.id, s.slug, s.name, s.pending_name, s.status, s.story_id, s.story_en, s.whatsapp, s.pickup_address,
                s.offers_pickup_balai, s.delivery_fee_rupiah, s.bank_account, v.name AS village_name,
                ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths
         FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN photos ph ON ph.id = s.photo_id
         WHERE s.owner_account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| {
        (
            row.id,
            MyShop {
                slug: row.slug,
                name: row.name,
                pending_name: row.pending_name,
                status: row.status,
                story_id: row.story_id,
                story_en: row.story_en,
                whatsapp: row.whatsapp.unwrap_or_default(),
                options: ShopOptions {
                    pickup_address: row.pickup_address,
                    offers_pickup_balai: row.offers_pickup_balai,
                    delivery_fee_rupiah: row.delivery_fee_rupiah,
                    bank_account: row.bank_account,
                },
                photo: PhotoRef::from_columns(row.photo_id, row.photo_key, row.photo_widths),
                village_name: row.village_name,
            },
        )
    }))
}

/// What the shop form sets.
pub struct ShopFields {
    pub name: String,
    pub story_id: String,
    pub story_en: Option<String>,
    pub whatsapp: String,
    pub options: ShopOptions,
}

/// Creates the account's shop application in its home village, or updates its shop. A rejected shop
/// that is changed goes back to the village for a new decision. Returns the shop's slug.
pub async fn save_own_shop(
    pool: &SqlitePool,
    account_id: i64,
    fields: &ShopFields,
    now: i64,
) -> Result<String, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let existing: Option<(i64, String)> =
        sqlx::query_as("SELECT id, slug FROM shops WHERE owner_account_id = $1")
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?;
    let slug = match existing {
        Some((id, slug)) => {
            sqlx::query(
                // An approved shop keeps its reviewed name in public until the village approves the new
                // one (a rename would otherwise pass off a verified shop as another).
                "UPDATE shops SET
                        name = CASE WHEN status = 'approved' THEN name ELSE $1 END,
                        pending_name = CASE WHEN status = 'approved' AND name <> $1 THEN $1 ELSE NULL END,
                        story_id = $2, story_en = $3, whatsapp = $4, pickup_address = $5,
                        offers_pickup_balai = $6, delivery_fee_rupiah = $7, bank_account = $8,
                        status = CASE status WHEN 'rejected' THEN 'pending' ELSE status END
                 WHERE id = $9",
            )
            .bind(&fields.name)
            .bind(&fields.story_id)
            .bind(&fields.story_en)
            .bind(&fields.whatsapp)
            .bind(&fields.options.pickup_address)
            .bind(fields.options.offers_pickup_balai)
            .bind(fields.options.delivery_fee_rupiah)
            .bind(&fields.options.bank_account)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            slug
        }
        None => {
            let base = crate::kernel::text::slugify(&fields.name);
            let slug = unique_slug(&mut tx, "shops", &base).await?;
            sqlx::query(
                "INSERT INTO shops (village_id, slug, name, story_id, story_en, owner_account_id, status,
                                    whatsapp, pickup_address, offers_pickup_balai, delivery_fee_rupiah,
                                    bank_account, created_at)
                 SELECT home_village_id, $1, $2, $3, $4, id, 'pending', $5, $6, $7, $8, $9, $10
                 FROM accounts WHERE id = $11",
            )
            .bind(&slug)
            .bind(&fields.name)
            .bind(&fields.story_id)
            .bind(&fields.story_en)
            .bind(&fields.whatsapp)
            .bind(&fields.options.pickup_address)
            .bind(fields.options.offers_pickup_balai)
            .bind(fields.options.delivery_fee_rupiah)
            .bind(&fields.options.bank_account)
            .bind(now)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
            slug
        }
    };
    tx.commit().await?;
    Ok(slug)
}

pub async fn set_shop_photo(
    pool: &SqlitePool,
    shop_id: i64,
    photo_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE shops SET photo_id = $1 WHERE id = $2")
        .bind(photo_id)
        .bind(shop_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// `base`, or `base-2`, `base-3`… whichever is free in `table` (shops or products).
async fn unique_slug(
    tx: &mut Transaction<'static, Sqlite>,
    table: &'static str,
    base: &str,
) -> Result<String, sqlx::Error> {
    let mut slug = base.to_string();
    let mut suffix = 2;
    while sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table} WHERE slug = $1"))
        .bind(&slug)
        .fetch_one(&mut **tx)
        .await?
        > 0
    {
        slug = format!("{base}-{suffix}");
        suffix += 1;
    }
    Ok(slug)
}

pub async fn my_products(pool: &SqlitePool, shop_id: i64) -> Result<Vec<MyProduct>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        slug: String,
        title_id: String,
        status: String,
        price: i64,
        stock: i64,
        photo_id: Option<i64>,
        photo_key: Option<String>,
        photo_widths: Option<String>,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT p.slug, p.title_id, p.status, {price} AS price, p.stock,
                ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths
         {CARD_FROM} WHERE p.shop_id = $1
         ORDER BY CASE p.status WHEN 'active' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, p.created_at DESC",
        price = discounted_sql(&format!("COALESCE({MIN_BASE_PRICE}, p.price_rupiah)")),
    ))
    .bind(shop_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| MyProduct {
            slug: row.slug,
            title_id: row.title_id,
            status: row.status,
            price_rupiah: row.price,
            stock: row.stock,
            photo: PhotoRef::from_columns(row.photo_id, row.photo_key, row.photo_widths),
        })
        .collect())
}

/// A variant as the seller edits it.
pub struct VariantFields {
    pub id: Option<i64>,
    pub name: String,
    pub price_rupiah: Option<i64>,
    pub stock: i64,
}

/// What the product form sets. `variants` empty: the product has no choices and `stock` is its stock.
pub struct ProductFields {
    pub title_id: String,
    pub title_en: Option<String>,
    pub description_id: String,
    pub description_en: Option<String>,
    pub category: Category,
    pub price_rupiah: i64,
    pub unit: String,
    pub stock: i64,
    pub discount: Option<Discount>,
    pub status: String,
    pub variants: Vec<VariantFields>,
}

/// Creates (`slug` None) or updates one of the shop's products with its variants; returns the slug.
/// Variants that disappear from the form are switched off, never deleted (orders point at them).
pub async fn save_product(
    pool: &SqlitePool,
    shop_id: i64,
    slug: Option<&str>,
    fields: &ProductFields,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    let (product_id, slug) = match slug {
        Some(slug) => {
            let Some(id) = sqlx::query_scalar::<_, i64>(
                "SELECT id FROM products WHERE slug = $1 AND shop_id = $2",
            )
            .bind(slug)
            .bind(shop_id)
            .fetch_optional(&mut *tx)
            .await?
            else {
                return Ok(None);
            };
            (id, slug.to_string())
        }
        None => {
            let base = crate::kernel::text::slugify(&fields.title_id);
            let slug = unique_slug(&mut tx, "products", &base).await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO products (shop_id, slug, title_id, category, price_rupiah, unit, stock, status,
                                       created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 0, 'draft', $7, $7) RETURNING id",
            )
            .bind(shop_id)
            .bind(&slug)
            .bind(&fields.title_id)
            .bind(fields.category.code())
            .bind(fields.price_rupiah)
            .bind(&fields.unit)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            (id, slug)
        }
    };
    sqlx::query(
        "UPDATE products SET title_id = $1, title_en = $2, description_id = $3, description_en = $4,
                category = $5, price_rupiah = $6, unit = $7, discount_kind = $8, discount_value = $9,
                status = $10, updated_at = $11
         WHERE id = $12",
    )
    .bind(&fields.title_id)
    .bind(&fields.title_en)
    .bind(&fields.description_id)
    .bind(&fields.description_en)
    .bind(fields.category.code())
    .bind(fields.price_rupiah)
    .bind(&fields.unit)
    .bind(fields.discount.map(Discount::kind_code))
    .bind(fields.discount.map(Discount::value))
    .bind(&fields.status)
    .bind(now)
    .bind(product_id)
    .execute(&mut *tx)
    .await?;
    // Switch everything off, then switch on (and update) what the form lists.
    sqlx::query("UPDATE product_variants SET is_active = FALSE WHERE product_id = $1")
        .bind(product_id)
        .execute(&mut *tx)
        .await?;
    let unnamed = [VariantFields {
        id: None,
        name: String::new(),
        price_rupiah: None,
        stock: fields.stock,
    }];
    let rows = if fields.variants.is_empty() {
        &unnamed[..]
    } else {
        &fields.variants[..]
    };
    for (position, variant) in rows.iter().enumerate() {
        // An existing row of this product: by its id, or (the unnamed one) by its empty name.
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM product_variants WHERE product_id = $1
               AND (id = $2 OR ($2 IS NULL AND name_id = $3)) LIMIT 1",
        )
        .bind(product_id)
        .bind(variant.id)
        .bind(&variant.name)
        .fetch_optional(&mut *tx)
        .await?;
        match existing {
            Some(id) => {
                sqlx::query(
                    "UPDATE product_variants SET name_id = $1, price_rupiah = $2, stock = $3, is_active = TRUE,
                            position = $4 WHERE id = $5",
                )
                .bind(&variant.name)
                .bind(variant.price_rupiah)
                .bind(variant.stock)
                .bind(position as i64)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO product_variants (product_id, name_id, price_rupiah, stock, position)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(product_id)
                .bind(&variant.name)
                .bind(variant.price_rupiah)
                .bind(variant.stock)
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    // Switched-off variants leave the carts they were in.
    sqlx::query(
        "DELETE FROM cart_items WHERE variant_id IN
           (SELECT id FROM product_variants WHERE product_id = $1 AND NOT is_active)",
    )
    .bind(product_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(slug))
}

/// The variants as the form shows them (the unnamed one is the form's plain "stock").
pub async fn editor_variants(
    pool: &SqlitePool,
    product_id: i64,
) -> Result<Vec<(i64, String, Option<i64>, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name_id, price_rupiah, stock FROM product_variants
         WHERE product_id = $1 AND is_active ORDER BY position, id",
    )
    .bind(product_id)
    .fetch_all(pool)
    .await
}

// ---------------------------------------------------------------------------------------------------
// Cart

/// Adds `quantity` of a variant (on top of what is already in the cart). False if the variant is not
/// for sale.
pub async fn add_to_cart(
    pool: &SqlitePool,
    account_id: i64,
    variant_id: i64,
    quantity: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let added = sqlx::query(
        "INSERT INTO cart_items (account_id, variant_id, quantity, added_at)
         SELECT $1, pv.id, $3, $4 FROM product_variants pv
         JOIN products p ON p.id = pv.product_id JOIN shops s ON s.id = p.shop_id
         WHERE pv.id = $2 AND pv.is_active AND p.status = 'active' AND s.status = 'approved'
         ON CONFLICT (account_id, variant_id) DO UPDATE SET quantity = MIN(cart_items.quantity + excluded.quantity, 99)",
    )
    .bind(account_id)
    .bind(variant_id)
    .bind(quantity)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(added.rows_affected() > 0)
}

/// Sets a line's quantity; 0 removes it.
pub async fn set_cart_quantity(
    pool: &SqlitePool,
    account_id: i64,
    variant_id: i64,
    quantity: i64,
) -> Result<(), sqlx::Error> {
    if quantity <= 0 {
        sqlx::query("DELETE FROM cart_items WHERE account_id = $1 AND variant_id = $2")
            .bind(account_id)
            .bind(variant_id)
            .execute(pool)
            .await?;
    } else {
        sqlx::query(
            "UPDATE cart_items SET quantity = $3 WHERE account_id = $1 AND variant_id = $2",
        )
        .bind(account_id)
        .bind(variant_id)
        .bind(quantity)
        .execute(pool)
        .await?;
    }
    Ok(())
}

pub async fn cart_count(pool: &SqlitePool, account_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(SUM(quantity), 0) FROM cart_items WHERE account_id = $1")
        .bind(account_id)
        .fetch_one(pool)
        .await
}

#[derive(sqlx::FromRow)]
struct CartRow {
    variant_id: i64,
    quantity: i64,
    variant_name: String,
    variant_price: Option<i64>,
    stock: i64,
    variant_active: bool,
    product_id: i64,
    product_slug: String,
    title_id: String,
    title_en: Option<String>,
    price_rupiah: i64,
    discount_kind: Option<String>,
    discount_value: Option<i64>,
    product_status: String,
    shop_id: i64,
    shop_slug: String,
    shop_name: String,
    shop_status: String,
    village_name: String,
    pickup_address: String,
    offers_pickup_balai: bool,
    delivery_fee_rupiah: Option<i64>,
    bank_account: Option<String>,
    photo_id: Option<i64>,
    photo_key: Option<String>,
    photo_widths: Option<String>,
}

impl CartRow {
    fn unit_price(&self) -> i64 {
        discounted(
            self.variant_price.unwrap_or(self.price_rupiah),
            Discount::from_parts(self.discount_kind.as_deref(), self.discount_value),
        )
    }

    fn available(&self) -> bool {
        self.variant_active && self.product_status == "active" && self.shop_status == "approved"
    }
}

async fn cart_rows<'e, E>(executor: E, account_id: i64) -> Result<Vec<CartRow>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Sqlite>,
{
    sqlx::query_as(
        "SELECT c.variant_id, c.quantity, pv.name_id AS variant_name, pv.price_rupiah AS variant_price,
                pv.stock, pv.is_active AS variant_active, p.id AS product_id, p.slug AS product_slug,
                p.title_id, p.title_en, p.price_rupiah, p.discount_kind, p.discount_value,
                p.status AS product_status, s.id AS shop_id, s.slug AS shop_slug, s.name AS shop_name,
                s.status AS shop_status, v.name AS village_name, s.pickup_address, s.offers_pickup_balai,
                s.delivery_fee_rupiah, s.bank_account,
                ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths
         FROM cart_items c
         JOIN product_variants pv ON pv.id = c.variant_id
         JOIN products p ON p.id = pv.product_id
         JOIN shops s ON s.id = p.shop_id
         JOIN villages v ON v.id = s.village_id
         LEFT JOIN photos ph ON ph.id = (SELECT pp.photo_id FROM product_photos pp
                                         WHERE pp.product_id = p.id ORDER BY pp.position LIMIT 1)
         WHERE c.account_id = $1
         -- The shop id keeps each shop's lines together when two shops share a name (the cart
         -- groups consecutive rows).
         ORDER BY s.name, s.id, c.added_at, c.variant_id",
    )
    .bind(account_id)
    .fetch_all(executor)
    .await
}

/// The cart grouped by shop, priced now.
pub async fn cart(pool: &SqlitePool, account_id: i64) -> Result<Cart, sqlx::Error> {
    let mut cart = Cart::default();
    for row in cart_rows(pool, account_id).await? {
        let line = CartLine {
            variant_id: row.variant_id,
            product_slug: row.product_slug.clone(),
            title_id: row.title_id.clone(),
            title_en: row.title_en.clone(),
            variant_name: row.variant_name.clone(),
            unit_price_rupiah: row.unit_price(),
            quantity: row.quantity,
            stock: row.stock,
            photo: PhotoRef::from_columns(
                row.photo_id,
                row.photo_key.clone(),
                row.photo_widths.clone(),
            ),
            available: row.available(),
        };
        if cart.shops.last().map(|shop| shop.shop_id) != Some(row.shop_id) {
            cart.shops.push(CartShop {
                shop_id: row.shop_id,
                shop_slug: row.shop_slug,
                shop_name: row.shop_name,
                village_name: row.village_name,
                options: ShopOptions {
                    pickup_address: row.pickup_address,
                    offers_pickup_balai: row.offers_pickup_balai,
                    delivery_fee_rupiah: row.delivery_fee_rupiah,
                    bank_account: row.bank_account,
                },
                lines: Vec::new(),
                subtotal_rupiah: 0,
            });
        }
        if let Some(shop) = cart.shops.last_mut() {
            if line.available {
                shop.subtotal_rupiah += line.unit_price_rupiah * line.quantity;
            }
            shop.lines.push(line);
        }
    }
    Ok(cart)
}

// ---------------------------------------------------------------------------------------------------
// Checkout and orders

/// The buyer's choice for one shop, already checked against what the shop offers.
pub struct ShopChoice {
    pub shop_id: i64,
    pub fulfilment: Fulfilment,
    pub payment: Payment,
    pub delivery_address: Option<String>,
    pub note: Option<String>,
}

/// Why a checkout did not go through (nothing was ordered, nothing was reserved).
#[derive(Debug)]
pub enum CheckoutRefused {
    EmptyCart,
    /// A shop in the cart has no choice, or the choice is not offered by the shop.
    Choice {
        field: &'static str,
        code: &'static str,
    },
    /// Something went off sale or ran short since it was put in the cart: the cart shows what.
    StockChanged,
    Database(sqlx::Error),
}

impl From<sqlx::Error> for CheckoutRefused {
    fn from(error: sqlx::Error) -> Self {
        CheckoutRefused::Database(error)
    }
}

/// Turns the cart into one order per shop: checks every choice, prices every line from the current
/// prices, reserves the stock (`UPDATE … WHERE stock >= quantity`), writes the orders, their first
/// timeline step and the sellers' notifications, and empties the cart. All or nothing. Returns the
/// order codes.
pub async fn checkout(
    pool: &SqlitePool,
    buyer_account_id: i64,
    choices: &[ShopChoice],
    new_code: &mut (dyn FnMut() -> String + Send),
    now: i64,
) -> Result<Vec<String>, CheckoutRefused> {
    let mut tx = crate::db::begin_write(pool).await?;
    let rows = cart_rows(&mut *tx, buyer_account_id).await?;
    if rows.is_empty() {
        return Err(CheckoutRefused::EmptyCart);
    }
    // One order per shop, whatever order the rows come in.
    let mut shop_ids: Vec<i64> = Vec::new();
    for row in &rows {
        if !shop_ids.contains(&row.shop_id) {
            shop_ids.push(row.shop_id);
        }
    }
    let mut codes = Vec::new();
    for shop_id in shop_ids {
        let lines: Vec<&CartRow> = rows.iter().filter(|row| row.shop_id == shop_id).collect();
        let first = lines[0];
        let owner: Option<i64> =
            sqlx::query_scalar("SELECT owner_account_id FROM shops WHERE id = $1")
                .bind(shop_id)
                .fetch_one(&mut *tx)
                .await?;
        // A seller does not buy from herself (it would only move her own stock around).
        if owner == Some(buyer_account_id) {
            return Err(CheckoutRefused::Choice {
                field: "cart",
                code: "own_shop",
            });
        }
        let choice = choices
            .iter()
            .find(|choice| choice.shop_id == shop_id)
            .ok_or(CheckoutRefused::Choice {
                field: "fulfilment",
                code: "choice_required",
            })?;
        let options = ShopOptions {
            pickup_address: first.pickup_address.clone(),
            offers_pickup_balai: first.offers_pickup_balai,
            delivery_fee_rupiah: first.delivery_fee_rupiah,
            bank_account: first.bank_account.clone(),
        };
        if !options.fulfilments().contains(&choice.fulfilment) {
            return Err(CheckoutRefused::Choice {
                field: "fulfilment",
                code: "fulfilment_not_offered",
            });
        }
        if !options.payments().contains(&choice.payment) {
            return Err(CheckoutRefused::Choice {
                field: "payment",
                code: "payment_not_offered",
            });
        }
        if choice.fulfilment == Fulfilment::Delivery && choice.delivery_address.is_none() {
            return Err(CheckoutRefused::Choice {
                field: "address",
                code: "address_required",
            });
        }
        let mut priced = Vec::new();
        for line in &lines {
            if !line.available() {
                return Err(CheckoutRefused::StockChanged);
            }
            let reserved = sqlx::query(
                "UPDATE product_variants SET stock = stock - $1 WHERE id = $2 AND is_active AND stock >= $1",
            )
            .bind(line.quantity)
            .bind(line.variant_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if reserved == 0 {
                return Err(CheckoutRefused::StockChanged);
            }
            priced.push(Line {
                unit_price: line.unit_price(),
                quantity: line.quantity,
            });
        }
        let delivery_fee = match choice.fulfilment {
            Fulfilment::Delivery => options.delivery_fee_rupiah.unwrap_or(0),
            _ => 0,
        };
        let totals = order_totals(&priced, delivery_fee).ok_or(CheckoutRefused::StockChanged)?;
        let code = new_code();
        let order_id: i64 = sqlx::query_scalar(
            "INSERT INTO orders (code, buyer_account_id, shop_id, status, fulfilment, payment, delivery_address,
                                 note, subtotal_rupiah, delivery_fee_rupiah, total_rupiah, placed_at, updated_at)
             VALUES ($1, $2, $3, 'placed', $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        )
        .bind(&code)
        .bind(buyer_account_id)
        .bind(shop_id)
        .bind(choice.fulfilment.code())
        .bind(choice.payment.code())
        .bind(&choice.delivery_address)
        .bind(&choice.note)
        .bind(totals.subtotal)
        .bind(totals.delivery_fee)
        .bind(totals.total)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for (line, price) in lines.iter().zip(&priced) {
            sqlx::query(
                "INSERT INTO order_items (order_id, variant_id, product_id, title_id, title_en, variant_name,
                                          unit_price_rupiah, quantity)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(order_id)
            .bind(line.variant_id)
            .bind(line.product_id)
            .bind(&line.title_id)
            .bind(&line.title_en)
            .bind(&line.variant_name)
            .bind(price.unit_price)
            .bind(price.quantity)
            .execute(&mut *tx)
            .await?;
        }
        record_step(
            &mut tx,
            order_id,
            OrderStatus::Placed,
            Some(buyer_account_id),
            None,
            now,
        )
        .await?;
        if let Some(owner) = owner {
            tell(&mut tx, owner, OrderStatus::Placed, &code, now).await?;
        }
        codes.push(code);
    }
    sqlx::query("DELETE FROM cart_items WHERE account_id = $1")
        .bind(buyer_account_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(codes)
}

async fn record_step(
    tx: &mut Transaction<'static, Sqlite>,
    order_id: i64,
    status: OrderStatus,
    actor: Option<i64>,
    note: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO order_events (order_id, status, actor_account_id, note, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(order_id)
    .bind(status.code())
    .bind(actor)
    .bind(note)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What the other side is told when an order reaches `status`.
pub fn status_message(status: OrderStatus, code: &str) -> (String, String) {
    let code = crate::kernel::codes::display_code(code);
    match status {
        OrderStatus::Placed => (
            format!("Pesanan baru {code} masuk. Mohon konfirmasi."),
            format!("New order {code}. Please confirm it."),
        ),
        OrderStatus::Confirmed => (
            format!("Pesanan {code} dikonfirmasi penjual."),
            format!("Your order {code} was confirmed by the seller."),
        ),
        OrderStatus::Declined => (
            format!("Pesanan {code} ditolak penjual."),
            format!("Your order {code} was declined by the seller."),
        ),
        OrderStatus::Paid => (
            format!("Pembayaran pesanan {code} sudah diterima."),
            format!("The payment for order {code} was received."),
        ),
        OrderStatus::Ready => (
            format!("Pesanan {code} siap diambil."),
            format!("Order {code} is ready for pickup."),
        ),
        OrderStatus::Delivering => (
            format!("Pesanan {code} sedang diantar."),
            format!("Order {code} is out for delivery."),
        ),
        OrderStatus::Completed => (
            format!("Pesanan {code} selesai. Beri ulasan?"),
            format!("Order {code} is complete. Leave a review?"),
        ),
        OrderStatus::Cancelled => (
            format!("Pembeli membatalkan pesanan {code}."),
            format!("The buyer cancelled order {code}."),
        ),
    }
}

/// In-app notification and a message to the phone, in the same transaction as the change.
async fn tell(
    tx: &mut Transaction<'static, Sqlite>,
    account_id: i64,
    status: OrderStatus,
    code: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (id, en) = status_message(status, code);
    let link = format!("/pasar/pesanan/{code}");
    notify(
        &mut **tx,
        account_id,
        Bilingual { id: &id, en: &en },
        Some(&link),
        now,
    )
    .await?;
    let (phone, locale): (String, String) =
        sqlx::query_as("SELECT phone, locale FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_one(&mut **tx)
            .await?;
    let body = if locale == "en" { en } else { id };
    enqueue_message(
        &mut **tx,
        Some(account_id),
        &phone,
        "pasar_order",
        &format!("{body} {link}"),
        now,
    )
    .await
}

/// An order's facts for deciding who sees and moves it.
#[derive(sqlx::FromRow)]
pub struct OrderRow {
    pub id: i64,
    pub code: String,
    pub status: String,
    pub fulfilment: String,
    pub payment: String,
    pub buyer_account_id: i64,
    pub shop_id: i64,
    pub owner_account_id: Option<i64>,
    pub delivery_address: Option<String>,
    pub note: Option<String>,
    pub subtotal_rupiah: i64,
    pub delivery_fee_rupiah: i64,
    pub total_rupiah: i64,
    pub payment_proof_photo_id: Option<i64>,
    pub shop_slug: String,
    pub shop_name: String,
    pub shop_whatsapp: Option<String>,
    pub pickup_address: String,
    pub bank_account: Option<String>,
    pub balai_address: String,
    pub buyer_name: String,
    pub buyer_phone: String,
}

impl OrderRow {
    pub fn facts(&self) -> Result<OrderFacts, sqlx::Error> {
        Ok(OrderFacts {
            status: decode_code("order status", &self.status, OrderStatus::from_code)?,
            fulfilment: decode_code("fulfilment", &self.fulfilment, Fulfilment::from_code)?,
            payment: decode_code("payment", &self.payment, Payment::from_code)?,
        })
    }

    /// The buyer or the seller, if `account_id` is one of them.
    pub fn party_of(&self, account_id: i64) -> Option<Party> {
        if self.owner_account_id == Some(account_id) {
            Some(Party::Seller)
        } else if self.buyer_account_id == account_id {
            Some(Party::Buyer)
        } else {
            None
        }
    }
}

pub async fn find_order<'e, E>(executor: E, code: &str) -> Result<Option<OrderRow>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = Sqlite>,
{
    sqlx::query_as(
        "SELECT o.id, o.code, o.status, o.fulfilment, o.payment, o.buyer_account_id, o.shop_id,
                s.owner_account_id, o.delivery_address, o.note, o.subtotal_rupiah, o.delivery_fee_rupiah,
                o.total_rupiah, o.payment_proof_photo_id, s.slug AS shop_slug, s.name AS shop_name,
                s.whatsapp AS shop_whatsapp, s.pickup_address, s.bank_account,
                CASE WHEN v.office_address = '' THEN 'Balai Desa ' || v.name ELSE v.office_address END AS balai_address, a.name AS buyer_name, a.phone AS buyer_phone
         FROM orders o JOIN shops s ON s.id = o.shop_id JOIN villages v ON v.id = s.village_id
         JOIN accounts a ON a.id = o.buyer_account_id
         WHERE o.code = $1",
    )
    .bind(code)
    .fetch_optional(executor)
    .await
}

pub async fn order_lines(pool: &SqlitePool, order_id: i64) -> Result<Vec<OrderLine>, sqlx::Error> {
    let rows: Vec<(String, String, Option<String>, String, i64, i64)> = sqlx::query_as(
        "SELECT p.slug, oi.title_id, oi.title_en, oi.variant_name, oi.unit_price_rupiah, oi.quantity
         FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1
         ORDER BY oi.rowid",
    )
    .bind(order_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(product_slug, title_id, title_en, variant_name, unit_price_rupiah, quantity)| {
                OrderLine {
                    product_slug,
                    title_id,
                    title_en,
                    variant_name,
                    unit_price_rupiah,
                    quantity,
                }
            },
        )
        .collect())
}

pub async fn timeline(pool: &SqlitePool, order_id: i64) -> Result<Vec<TimelineEntry>, sqlx::Error> {
    let rows: Vec<(String, Option<String>, Option<String>, i64)> = sqlx::query_as(
        "SELECT e.status, a.name, e.note, e.at FROM order_events e
         LEFT JOIN accounts a ON a.id = e.actor_account_id
         WHERE e.order_id = $1 ORDER BY e.at, e.id",
    )
    .bind(order_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(status, by, note, at)| {
            Ok(TimelineEntry {
                status: decode_code("order status", &status, OrderStatus::from_code)?,
                by: by.unwrap_or_default(),
                note,
                at,
            })
        })
        .collect()
}

/// Why a move was not made.
#[derive(Debug)]
pub enum MoveError {
    NotFound,
    NotParty,
    Refused(super::order_flow::MoveRefused),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for MoveError {
    fn from(error: sqlx::Error) -> Self {
        MoveError::Database(error)
    }
}

/// Moves an order on, if `account_id`'s side may make this move now: records the step, puts reserved
/// stock back on a decline or cancel, tells the other side. One transaction.
pub async fn move_order(
    pool: &SqlitePool,
    code: &str,
    account_id: i64,
    to: OrderStatus,
    note: &str,
    now: i64,
) -> Result<(), MoveError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let order = find_order(&mut *tx, code)
        .await?
        .ok_or(MoveError::NotFound)?;
    let party = order.party_of(account_id).ok_or(MoveError::NotParty)?;
    let facts = order.facts()?;
    let to = next_status(facts, party, to, note).map_err(MoveError::Refused)?;
    sqlx::query("UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(to.code())
        .bind(now)
        .bind(order.id)
        .execute(&mut *tx)
        .await?;
    if to.releases_stock() {
        sqlx::query(
            "UPDATE product_variants SET stock = stock + (SELECT oi.quantity FROM order_items oi
                 WHERE oi.order_id = $1 AND oi.variant_id = product_variants.id)
             WHERE id IN (SELECT variant_id FROM order_items WHERE order_id = $1)",
        )
        .bind(order.id)
        .execute(&mut *tx)
        .await?;
    }
    let note = Some(note.trim()).filter(|note| !note.is_empty());
    record_step(&mut tx, order.id, to, Some(account_id), note, now).await?;
    let other = match party {
        Party::Seller => Some(order.buyer_account_id),
        Party::Buyer => order.owner_account_id,
    };
    if let Some(other) = other {
        tell(&mut tx, other, to, &order.code, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn set_payment_proof(
    pool: &SqlitePool,
    order_id: i64,
    photo_id: i64,
    owner_account_id: Option<i64>,
    code: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    sqlx::query("UPDATE orders SET payment_proof_photo_id = $1, updated_at = $2 WHERE id = $3")
        .bind(photo_id)
        .bind(now)
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    if let Some(owner) = owner_account_id {
        let link = format!("/pasar/pesanan/{code}");
        let shown = crate::kernel::codes::display_code(code);
        notify(
            &mut *tx,
            owner,
            Bilingual {
                id: &format!("Pembeli mengunggah bukti transfer pesanan {shown}."),
                en: &format!("The buyer uploaded a transfer receipt for order {shown}."),
            },
            Some(&link),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn order_review(pool: &SqlitePool, order_id: i64) -> Result<Option<Review>, sqlx::Error> {
    let row: Option<(String, i64, String, i64)> = sqlx::query_as(
        "SELECT a.name, r.stars, r.body, r.created_at FROM reviews r JOIN accounts a ON a.id = r.account_id
         WHERE r.order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(author, stars, body, created_at)| Review {
        author,
        stars,
        body,
        created_at,
    }))
}

/// Records the buyer's review of a completed order (once). False if already reviewed or not completed.
pub async fn add_review(
    pool: &SqlitePool,
    order: &OrderRow,
    stars: i64,
    body: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let added = sqlx::query(
        "INSERT INTO reviews (order_id, shop_id, account_id, stars, body, created_at)
         SELECT id, shop_id, buyer_account_id, $2, $3, $4 FROM orders WHERE id = $1 AND status = 'completed'
         ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(order.id)
    .bind(stars)
    .bind(body)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(added.rows_affected() > 0)
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    code: String,
    status: String,
    fulfilment: String,
    payment: String,
    other_party: String,
    first_item: String,
    item_count: i64,
    total_rupiah: i64,
    placed_at: i64,
}

impl SummaryRow {
    fn into_summary(self, party: Party) -> Result<OrderSummary, sqlx::Error> {
        let facts = OrderFacts {
            status: decode_code("order status", &self.status, OrderStatus::from_code)?,
            fulfilment: decode_code("fulfilment", &self.fulfilment, Fulfilment::from_code)?,
            payment: decode_code("payment", &self.payment, Payment::from_code)?,
        };
        Ok(OrderSummary {
            code: self.code,
            status: facts.status,
            fulfilment: facts.fulfilment,
            payment: facts.payment,
            other_party: self.other_party,
            first_item: self.first_item,
            item_count: self.item_count,
            total_rupiah: self.total_rupiah,
            placed_at: self.placed_at,
            moves: super::order_flow::available_moves(facts, party),
        })
    }
}

const SUMMARY_COLUMNS: &str = "o.code, o.status, o.fulfilment, o.payment, o.total_rupiah, o.placed_at,
    (SELECT oi.title_id FROM order_items oi WHERE oi.order_id = o.id ORDER BY oi.rowid LIMIT 1) AS first_item,
    (SELECT SUM(oi.quantity) FROM order_items oi WHERE oi.order_id = o.id) AS item_count";

pub async fn buyer_orders(
    pool: &SqlitePool,
    account_id: i64,
    older_than: Option<&str>,
    limit: i64,
) -> Result<Vec<OrderSummary>, sqlx::Error> {
    // Keyset paging: the page after the order with code `older_than` (newest first), through the
    // `orders_of_buyer` index, however many orders came before.
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, s.name AS other_party FROM orders o JOIN shops s ON s.id = o.shop_id
         WHERE o.buyer_account_id = $1
           AND ($2 IS NULL OR (o.placed_at, o.id) <
                (SELECT placed_at, id FROM orders WHERE code = $2 AND buyer_account_id = $1))
         ORDER BY o.placed_at DESC, o.id DESC LIMIT $3"
    ))
    .bind(account_id)
    .bind(older_than)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| row.into_summary(Party::Buyer))
        .collect()
}

/// The shop's orders in `status` (None: every open one), oldest waiting first.
pub async fn shop_orders(
    pool: &SqlitePool,
    shop_id: i64,
    status: Option<OrderStatus>,
) -> Result<Vec<OrderSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.name AS other_party FROM orders o JOIN accounts a ON a.id = o.buyer_account_id
         WHERE o.shop_id = $1
           AND (($2 IS NULL AND o.status NOT IN ('completed', 'declined', 'cancelled')) OR o.status = $2)
         ORDER BY CASE WHEN $2 IS NULL THEN o.placed_at END ASC, o.placed_at DESC LIMIT 100"
    ))
    .bind(shop_id)
    .bind(status.map(OrderStatus::code))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| row.into_summary(Party::Seller))
        .collect()
}

pub async fn shop_order_counts(
    pool: &SqlitePool,
    shop_id: i64,
) -> Result<Vec<(OrderStatus, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM orders WHERE shop_id = $1 GROUP BY status")
            .bind(shop_id)
            .fetch_all(pool)
            .await?;
    Ok(OrderStatus::ALL
        .into_iter()
        .map(|status| {
            let count = rows
                .iter()
                .find(|(code, _)| code == status.code())
                .map_or(0, |(_, count)| *count);
            (status, count)
        })
        .collect())
}

/// Sales since `since` (orders not declined or cancelled): total rupiah, number of orders, and the three
/// best-selling products by units.
pub async fn sales_since(
    pool: &SqlitePool,
    shop_id: i64,
    since: i64,
) -> Result<(i64, i64, Vec<(String, i64)>), sqlx::Error> {
    let (total, count): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(total_rupiah), 0), COUNT(*) FROM orders
         WHERE shop_id = $1 AND placed_at >= $2 AND status NOT IN ('declined', 'cancelled')",
    )
    .bind(shop_id)
    .bind(since)
    .fetch_one(pool)
    .await?;
    let best: Vec<(String, i64)> = sqlx::query_as(
        "SELECT oi.title_id, SUM(oi.quantity) AS units FROM order_items oi JOIN orders o ON o.id = oi.order_id
         WHERE o.shop_id = $1 AND o.placed_at >= $2 AND o.status NOT IN ('declined', 'cancelled')
         GROUP BY oi.product_id ORDER BY units DESC, oi.title_id LIMIT 3",
    )
    .bind(shop_id)
    .bind(since)
    .fetch_all(pool)
    .await?;
    Ok((total, count, best))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The price and rating columns the market sorts by are kept by triggers (migration 8); they must
    /// equal what the Rust rules compute from the variants, the discount and the reviews, after every
    /// kind of change a seller or buyer makes.
    #[tokio::test]
    async fn sort_price_is_the_card_price_and_ratings_follow_reviews() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        crate::demo::load(&pool, 1_790_000_000).await.unwrap();
        /// id, sort price, base price, discount kind and value, rating count, sum and average.
        type Kept = (
            i64,
            i64,
            i64,
            Option<String>,
            Option<i64>,
            i64,
            i64,
            Option<f64>,
        );
        async fn check(pool: &SqlitePool, when: &str) {
            let rows: Vec<Kept> = sqlx::query_as(
                "SELECT p.id, p.sort_price, p.price_rupiah, p.discount_kind, p.discount_value,
                            p.rating_count, p.rating_sum, p.rating_average FROM products p",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            assert!(!rows.is_empty());
            for (id, sort_price, price, kind, value, count, sum, average) in rows {
                let variant_min: Option<i64> = sqlx::query_scalar(
                    "SELECT MIN(COALESCE(price_rupiah, $2)) FROM product_variants
                     WHERE product_id = $1 AND is_active",
                )
                .bind(id)
                .bind(price)
                .fetch_one(pool)
                .await
                .unwrap();
                let expected = discounted(
                    variant_min.unwrap_or(price),
                    Discount::from_parts(kind.as_deref(), value),
                );
                assert_eq!(sort_price, expected, "product {id} {when}");
                let (review_count, review_sum): (i64, Option<i64>) = sqlx::query_as(
                    "SELECT COUNT(*), SUM(stars) FROM reviews WHERE order_id IN
                       (SELECT order_id FROM order_items WHERE product_id = $1)",
                )
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap();
                assert_eq!(
                    (count, sum),
                    (review_count, review_sum.unwrap_or(0)),
                    "{when}"
                );
                assert_eq!(
                    average,
                    (review_count > 0)
                        .then(|| review_sum.unwrap_or(0) as f64 / review_count as f64),
                    "{when}"
                );
            }
        }
        check(&pool, "after the demo load").await;
        async fn check_listed(pool: &SqlitePool, when: &str) {
            let wrong: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id
                 WHERE p.listed <> (p.status = 'active' AND s.status = 'approved')",
            )
            .fetch_one(pool)
            .await
            .unwrap();
            assert_eq!(wrong, 0, "listed is wrong for {wrong} products {when}");
        }
        check_listed(&pool, "after the demo load").await;
        let product: i64 = sqlx::query_scalar("SELECT id FROM products ORDER BY id LIMIT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
        for (change, sql) in [
            ("a percent discount", "UPDATE products SET discount_kind = 'percent', discount_value = 15 WHERE id = $1"),
            ("a cheaper variant", "INSERT INTO product_variants (product_id, name_id, price_rupiah, stock) VALUES ($1, 'kecil', 7000, 3)"),
            ("the cheap variant off", "UPDATE product_variants SET is_active = FALSE WHERE product_id = $1 AND price_rupiah = 7000"),
            ("an amount discount", "UPDATE products SET discount_kind = 'amount', discount_value = 999999999 WHERE id = $1"),
            ("a new base price", "UPDATE products SET price_rupiah = 123456, discount_kind = NULL, discount_value = NULL WHERE id = $1"),
            ("a variant price", "UPDATE product_variants SET price_rupiah = 5000 WHERE product_id = $1"),
            ("the product archived", "UPDATE products SET status = 'archived' WHERE id = $1"),
            ("the product active again", "UPDATE products SET status = 'active' WHERE id = $1"),
            ("its shop back to pending", "UPDATE shops SET status = 'pending' WHERE id = (SELECT shop_id FROM products WHERE id = $1)"),
            ("its shop approved", "UPDATE shops SET status = 'approved' WHERE id = (SELECT shop_id FROM products WHERE id = $1)"),
        ] {
            sqlx::query(sql).bind(product).execute(&pool).await.unwrap();
            check(&pool, change).await;
            check_listed(&pool, change).await;
        }
        let listed_now: bool = sqlx::query_scalar("SELECT listed FROM products WHERE id = $1")
            .bind(product)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(listed_now);
        // A review counts for every product of its order.
        crate::demo::load_accounts(
            &pool,
            &crate::akun::nik::NikCipher::from_key([3; 32]),
            1_790_000_000,
        )
        .await
        .unwrap();
        let order: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT id, shop_id, buyer_account_id FROM orders
             WHERE id NOT IN (SELECT order_id FROM reviews) LIMIT 1",
        )
        .fetch_optional(&pool)
        .await
        .unwrap();
        let (order, shop, buyer) = order.expect("the demo has an order without a review");
        sqlx::query(
            "INSERT INTO reviews (order_id, shop_id, account_id, stars, body, created_at) VALUES ($1, $2, $3, 2, 'ok', 0)",
        )
        .bind(order)
        .bind(shop)
        .bind(buyer)
        .execute(&pool)
        .await
        .unwrap();
        check(&pool, "after a review").await;
    }

    #[tokio::test]
    async fn sql_discount_matches_the_rust_rule() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        for (price, discount) in [
            (275_000, Some(Discount::Percent(10))),
            (9_999, Some(Discount::Percent(15))),
            (1, Some(Discount::Percent(50))),
            (10_000, Some(Discount::Amount(15_000))),
            (50_000, Some(Discount::Amount(15_000))),
            (50_000, None),
        ] {
            let sql: i64 = sqlx::query_scalar(&format!(
                "SELECT {} FROM (SELECT $1 AS discount_kind, $2 AS discount_value) p",
                discounted_sql(&price.to_string())
            ))
            .bind(discount.map(Discount::kind_code))
            .bind(discount.map(Discount::value))
            .fetch_one(&pool)
            .await
            .unwrap();
            assert_eq!(sql, discounted(price, discount), "{price} {discount:?}");
        }
    }
}
