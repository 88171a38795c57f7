//! The buyer's cart: one line per variant, checked against stock when shown.

use crate::db::Db;
use crate::media::PhotoRef;
use crate::pasar::pricing::discounted;
use crate::pasar::{Cart, CartLine, CartShop, Discount, ProductStatus, ShopOptions, ShopStatus};

/// Adds `quantity` of a variant (on top of what is already in the cart). False if the variant is not
/// for sale.
pub async fn add_to_cart(
    pool: &Db,
    account_id: i64,
    variant_id: i64,
    quantity: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let added = crate::on_db!(pool, |c| {
        sqlx::query(
        "INSERT INTO cart_items (account_id, variant_id, quantity, added_at)
         SELECT $1, pv.id, $3, $4 FROM product_variants pv
         JOIN products p ON p.id = pv.product_id JOIN shops s ON s.id = p.shop_id
         WHERE pv.id = $2 AND pv.is_active AND p.status = 'active' AND s.status = 'approved'
         ON CONFLICT (account_id, variant_id) DO UPDATE SET quantity = CASE WHEN cart_items.quantity + excluded.quantity < 99
             THEN cart_items.quantity + excluded.quantity ELSE 99 END",
    )
    .bind(account_id)
    .bind(variant_id)
    .bind(quantity)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(added.rows_affected() > 0)
}

/// Sets a line's quantity; 0 removes it.
pub async fn set_cart_quantity(
    pool: &Db,
    account_id: i64,
    variant_id: i64,
    quantity: i64,
) -> Result<(), sqlx::Error> {
    if quantity <= 0 {
        crate::on_db!(pool, |c| sqlx::query(
            "DELETE FROM cart_items WHERE account_id = $1 AND variant_id = $2"
        )
        .bind(account_id)
        .bind(variant_id)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    } else {
        crate::on_db!(pool, |c| sqlx::query(
            "UPDATE cart_items SET quantity = $3 WHERE account_id = $1 AND variant_id = $2",
        )
        .bind(account_id)
        .bind(variant_id)
        .bind(quantity)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }
    Ok(())
}

pub async fn cart_count(pool: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM cart_items WHERE account_id = $1"
    )
    .bind(account_id)
    .fetch_one(c)
    .await)
}

#[derive(sqlx::FromRow)]
pub(super) struct CartRow {
    pub(super) variant_id: i64,
    pub(super) quantity: i64,
    pub(super) variant_name: String,
    pub(super) variant_price: Option<i64>,
    pub(super) stock: i64,
    pub(super) variant_active: bool,
    pub(super) product_id: i64,
    pub(super) product_slug: String,
    pub(super) title_id: String,
    pub(super) title_en: Option<String>,
    pub(super) price_rupiah: i64,
    pub(super) discount_kind: Option<String>,
    pub(super) discount_value: Option<i64>,
    pub(super) product_status: ProductStatus,
    pub(super) shop_id: i64,
    pub(super) shop_slug: String,
    pub(super) shop_name: String,
    pub(super) shop_status: ShopStatus,
    pub(super) village_name: String,
    pub(super) pickup_address: String,
    pub(super) offers_pickup_balai: bool,
    pub(super) delivery_fee_rupiah: Option<i64>,
    pub(super) bank_account: Option<String>,
    pub(super) shipping: Option<String>,
    pub(super) has_qris: bool,
    pub(super) weight_grams: Option<i64>,
    pub(super) photo_id: Option<i64>,
    pub(super) photo_key: Option<String>,
    pub(super) photo_widths: Option<String>,
}

impl CartRow {
    /// How the row's shop hands over and gets paid.
    pub(super) fn shop_options(&self) -> ShopOptions {
        ShopOptions {
            pickup_address: self.pickup_address.clone(),
            offers_pickup_balai: self.offers_pickup_balai,
            delivery_fee_rupiah: self.delivery_fee_rupiah,
            bank_account: self.bank_account.clone(),
            shipping: super::seller::read_shipping(self.shipping.as_deref()),
            qris: self.has_qris,
        }
    }

    pub(super) fn unit_price(&self) -> i64 {
        discounted(
            self.variant_price.unwrap_or(self.price_rupiah),
            Discount::from_parts(self.discount_kind.as_deref(), self.discount_value),
        )
    }

    pub(super) fn available(&self) -> bool {
        self.variant_active
            && self.product_status == ProductStatus::Active
            && self.shop_status == ShopStatus::Approved
    }
}

pub(super) async fn cart_rows<'e, E>(
    executor: E,
    account_id: i64,
) -> Result<Vec<CartRow>, sqlx::Error>
where
    E: crate::db::Reach<'e>,
{
    crate::on_db!(executor, |c| {
        sqlx::query_as(
        "SELECT c.variant_id, c.quantity, pv.name_id AS variant_name, pv.price_rupiah AS variant_price,
                pv.stock, pv.is_active AS variant_active, p.id AS product_id, p.slug AS product_slug,
                p.title_id, p.title_en, p.price_rupiah, p.discount_kind, p.discount_value,
                p.status AS product_status, s.id AS shop_id, s.slug AS shop_slug, s.name AS shop_name,
                s.status AS shop_status, v.name AS village_name, s.pickup_address, s.offers_pickup_balai,
                s.delivery_fee_rupiah, s.bank_account, s.shipping, s.qris_photo_id IS NOT NULL AS has_qris,
                p.weight_grams, ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths
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
    .fetch_all(c).await
    })
}

/// The cart grouped by shop, priced now.
pub async fn cart(pool: &Db, account_id: i64) -> Result<Cart, sqlx::Error> {
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
                options: row.shop_options(),
                shop_slug: row.shop_slug.clone(),
                shop_name: row.shop_name.clone(),
                village_name: row.village_name.clone(),
                lines: Vec::new(),
                subtotal_rupiah: 0,
                weight_grams: Some(0),
            });
        }
        if let Some(shop) = cart.shops.last_mut() {
            if line.available {
                shop.subtotal_rupiah += line.unit_price_rupiah * line.quantity;
                shop.weight_grams = crate::pasar::shipping::order_weight([
                    (shop.weight_grams, 1),
                    (row.weight_grams, line.quantity),
                ]);
            }
            shop.lines.push(line);
        }
    }
    Ok(cart)
}

// ---------------------------------------------------------------------------------------------------
// Checkout and orders

/// What Pasar forgets of a deleted account: its cart. Its orders stay (the seller's records and the
/// village's trade figures need them; they point at the anonymised account).
pub async fn forget_buyer(tx: &mut crate::db::Tx, account_id: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "DELETE FROM cart_items WHERE account_id = $1"
    )
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}
