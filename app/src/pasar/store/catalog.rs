//! What buyers browse: the market's cards and filters, shops, products, variants, photos and reviews.

use crate::db::decode_code;
use crate::db::Db;
use crate::db::{full_text, Engine, Sql};
use crate::media::PhotoRef;
use crate::pasar::market_filter::MarketFilter;
use crate::pasar::pricing::discounted;
use crate::pasar::{
    Category, Discount, ProductCard, ProductStatus, Rating, Review, ShopStatus, Sort, VariantOption,
};

/// The discounted price of `base` (a rupiah expression) for product `p`, in SQL. The same rule as
/// [`discounted`]; the test `sql_discount_matches_the_rust_rule` keeps the two in step.
pub(super) fn discounted_sql(base: &str) -> String {
    format!(
        "(CASE p.discount_kind
            WHEN 'percent' THEN {base} - ({base} * p.discount_value + 50) / 100
            WHEN 'amount' THEN CASE WHEN {base} > p.discount_value THEN {base} - p.discount_value ELSE 0 END
            ELSE {base} END)"
    )
}

/// The cheapest and dearest active variant's base price of product `p`.
pub(super) const MIN_BASE_PRICE: &str =
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

pub(super) const CARD_FROM: &str = " FROM products p
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
    pool: &Db,
    village_slug: &str,
    limit: i64,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let filter = MarketFilter {
        village: (!village_slug.is_empty()).then(|| village_slug.to_string()),
        ..MarketFilter::default()
    };
    let mut ids = Sql::new("SELECT p.id");
    push_market_matches(&mut ids, pool.engine(), &filter);
    ids.push(" ORDER BY p.created_at DESC, p.id DESC LIMIT ")
        .push_bind(limit);
    let ids: Vec<i64> = ids.fetch_scalars(pool).await?;
    cards_in_order(pool, &ids).await
}

/// The market counts matches up to this many: a page number past it cannot be asked for (500 pages of
/// 20), and "more than 10 000 products" tells a buyer as much as an exact figure would, without reading a
/// regency's whole catalogue on every page.
pub const MARKET_COUNT_CAP: i64 = crate::pasar::MarketPage::COUNT_SHOWN_UP_TO;

/// The products a market filter matches, as `FROM … WHERE …`. With search words the full-text matches
/// come first, from the `hits` table the caller defines (`CROSS JOIN` keeps them the outer loop, so the
/// match runs once, not once per product), and each match is checked through covering indexes.
fn push_market_matches(query: &mut Sql, engine: Engine, filter: &MarketFilter) {
    if filter.fts.is_some() {
        query.push(full_text::from_hits(engine));
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

/// One page of the market and the number of matches: exact for a search (it reads all its matches
/// anyway to rank them), otherwise counted up to [`MARKET_COUNT_CAP`] + 1, so a caller can tell "more
/// than". The page's ids come first, from indexed columns; only those twenty become cards.
pub async fn market(
    pool: &Db,
    filter: &MarketFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ProductCard>, i64), sqlx::Error> {
    let engine = pool.engine();
    let mut ids = Sql::new("");
    if let Some(fts) = &filter.fts {
        full_text::push_hits(&mut ids, engine, fts);
        ids.push("SELECT p.id, COUNT(*) OVER () AS total");
    } else {
        ids.push("SELECT p.id, CAST(0 AS BIGINT) AS total");
    }
    push_market_matches(&mut ids, engine, filter);
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
    let rows: Vec<(i64, i64)> = ids.fetch_all(pool).await?;

    let total = match rows.first() {
        Some((_, total)) if filter.fts.is_some() => *total,
        _ => {
            // Without search words (or past a search's last page): a separate count, capped.
            let mut count = Sql::new("");
            if let Some(fts) = &filter.fts {
                full_text::push_hits(&mut count, engine, fts);
            }
            count.push("SELECT COUNT(*) FROM (SELECT 1");
            push_market_matches(&mut count, engine, filter);
            count
                .push(" LIMIT ")
                .push_bind(MARKET_COUNT_CAP + 1)
                .push(") AS capped");
            count.fetch_scalar(pool).await?
        }
    };
    let ids: Vec<i64> = rows.into_iter().map(|(id, _)| id).collect();
    Ok((cards_in_order(pool, &ids).await?, total))
}

/// The cards of these products, in the order given (ids of products no longer on sale are skipped).
pub async fn cards_in_order(pool: &Db, ids: &[i64]) -> Result<Vec<ProductCard>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = Sql::new(&card_select());
    query.push(CARD_FROM).push(ON_SALE).push(" AND p.id IN (");
    query.push_bind_list(ids.iter().copied()).push(")");
    #[derive(sqlx::FromRow)]
    struct Identified {
        id: i64,
        #[sqlx(flatten)]
        card: CardRow,
    }
    let mut rows: Vec<Identified> = query.fetch_all(pool).await?;
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
    pub shipping: Option<String>,
}

impl ShopRow {
    /// How far the shop sends parcels (what a buyer far away needs to know before choosing).
    pub fn reach(&self) -> Option<crate::pasar::ShippingReach> {
        super::seller::read_shipping(self.shipping.as_deref()).map(|rules| {
            crate::pasar::ShippingReach {
                abroad: rules.abroad_per_kg_rupiah.is_some(),
                couriers: rules.couriers,
            }
        })
    }

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
        s.whatsapp, ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths, s.shipping
     FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN photos ph ON ph.id = s.photo_id";

pub async fn find_shop(pool: &Db, slug: &str) -> Result<Option<ShopRow>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_as(&format!(
        "{SHOP_SELECT} WHERE s.slug = $1 AND s.status = 'approved'"
    ))
    .bind(slug)
    .fetch_optional(c)
    .await)
}

/// A shop's active products, newest first (all of them but one, when `except` names a product).
pub async fn shop_products(
    pool: &Db,
    shop_id: i64,
    except_product: Option<i64>,
    limit: i64,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let ids: Vec<i64> = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT p.id FROM products p WHERE p.shop_id = $1 AND p.listed = TRUE AND p.id <> $2
         ORDER BY p.created_at DESC, p.id DESC LIMIT $3",
    )
    .bind(shop_id)
    .bind(except_product.unwrap_or(0))
    .bind(limit)
    .fetch_all(c)
    .await)?;
    cards_in_order(pool, &ids).await
}

/// A shop's average and count of reviews.
pub async fn shop_rating(pool: &Db, shop_id: i64) -> Result<Option<Rating>, sqlx::Error> {
    let (average, count): (Option<f64>, i64) = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT CAST(AVG(stars) AS DOUBLE PRECISION), COUNT(*) FROM reviews WHERE shop_id = $1"
    )
    .bind(shop_id)
    .fetch_one(c)
    .await)?;
    Ok(Rating::from_average(average, count))
}

/// The newest reviews of a shop, or of orders containing one product.
pub async fn reviews(
    pool: &Db,
    shop_id: i64,
    product_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Review>, sqlx::Error> {
    let rows: Vec<(String, i64, String, i64)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT a.name, r.stars, r.body, r.created_at FROM reviews r JOIN accounts a ON a.id = r.account_id
         WHERE r.shop_id = $1
           AND ($2 IS NULL OR r.order_id IN (SELECT order_id FROM order_items WHERE product_id = $2))
         ORDER BY r.created_at DESC LIMIT $3",
    )
    .bind(shop_id)
    .bind(product_id)
    .bind(limit)
    .fetch_all(c).await
    })?;
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
    pub status: ProductStatus,
    pub discount_kind: Option<String>,
    pub discount_value: Option<i64>,
    pub shop_slug: String,
    pub shop_status: ShopStatus,
    pub owner_account_id: Option<i64>,
    pub weight_grams: Option<i64>,
}

impl ProductRow {
    pub fn discount(&self) -> Option<Discount> {
        Discount::from_parts(self.discount_kind.as_deref(), self.discount_value)
    }
}

pub async fn find_product(pool: &Db, slug: &str) -> Result<Option<ProductRow>, sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT p.id, p.shop_id, p.slug, p.title_id, p.title_en, p.description_id, p.description_en,
                p.category, p.price_rupiah, p.unit, p.status, p.discount_kind, p.discount_value,
                s.slug AS shop_slug, s.status AS shop_status, s.owner_account_id, p.weight_grams
         FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.slug = $1",
    )
    .bind(slug)
    .fetch_optional(c).await
    })
}

/// `(id, name_id, name_en, own price, stock)` of a variant row.
type VariantRow = (i64, String, Option<String>, Option<i64>, i64);

/// The active variants of a product, priced (named ones first in their order; the unnamed one alone).
pub async fn variants(pool: &Db, product: &ProductRow) -> Result<Vec<VariantOption>, sqlx::Error> {
    let rows: Vec<VariantRow> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT id, name_id, name_en, price_rupiah, stock FROM product_variants
         WHERE product_id = $1 AND is_active ORDER BY position, id",
    )
    .bind(product.id)
    .fetch_all(c)
    .await)?;
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

pub async fn product_photos(pool: &Db, product_id: i64) -> Result<Vec<PhotoRef>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT ph.id, ph.key, ph.widths FROM product_photos pp JOIN photos ph ON ph.id = pp.photo_id
         WHERE pp.product_id = $1 ORDER BY pp.position, ph.id",
    )
    .bind(product_id)
    .fetch_all(c).await
    })?;
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
    pool: &Db,
    product_id: i64,
    photo_id: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO product_photos (product_id, photo_id, position)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM product_photos WHERE product_id = $1))
         ON CONFLICT (product_id, photo_id) DO NOTHING",
    )
    .bind(product_id)
    .bind(photo_id)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

pub async fn detach_product_photo(
    pool: &Db,
    product_id: i64,
    photo_id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(crate::on_db!(pool, |c| sqlx::query(
        "DELETE FROM product_photos WHERE product_id = $1 AND photo_id = $2"
    )
    .bind(product_id)
    .bind(photo_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?
    .rows_affected()
        > 0)
}

// ---------------------------------------------------------------------------------------------------
// The seller's shop and products
