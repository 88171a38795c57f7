//! Checkout and orders: stock taken under the write lock, the status machine's moves, payment proofs,
//! reviews, and the lists buyers and sellers see.

use super::cart::{cart_rows, CartRow};
use crate::db::decode_code;
use crate::db::Db;
use crate::notifikasi::store::{self as notifikasi, notify, Bilingual};
use crate::pasar::order_flow::{next_status, status_message, MoveDetails, OrderFacts};
use crate::pasar::pricing::{order_totals, Line};
use crate::pasar::shipping::{destination_of, order_weight, receive_window_days};
use crate::pasar::{
    Courier, Fulfilment, OrderLine, OrderStatus, OrderSummary, Party, Payment, Review,
    TimelineEntry,
};

/// The buyer's choice for one shop, already checked against what the shop offers.
pub struct ShopChoice {
    pub shop_id: i64,
    pub fulfilment: Fulfilment,
    pub payment: Payment,
    pub delivery_address: Option<String>,
    /// Courier orders: the country as written, and the courier the buyer prefers.
    pub ship_country: Option<String>,
    pub courier: Option<Courier>,
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
    pool: &Db,
    buyer_account_id: i64,
    choices: &[ShopChoice],
    new_code: &mut (dyn FnMut() -> String + Send),
    now: i64,
) -> Result<Vec<String>, CheckoutRefused> {
    let mut tx = crate::db::begin_write(pool).await?;
    let rows = cart_rows(&mut tx, buyer_account_id).await?;
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
        let owner: Option<i64> = crate::on_db!(&mut tx, |c| sqlx::query_scalar(
            "SELECT owner_account_id FROM shops WHERE id = $1"
        )
        .bind(shop_id)
        .fetch_one(c)
        .await)?;
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
        let options = first.shop_options();
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
        let sent = matches!(
            choice.fulfilment,
            Fulfilment::Delivery | Fulfilment::Courier
        );
        if sent && choice.delivery_address.is_none() {
            return Err(CheckoutRefused::Choice {
                field: "address",
                code: "address_required",
            });
        }
        // A parcel leaves only once paid: no cash on delivery by courier.
        if choice.fulfilment == Fulfilment::Courier && !choice.payment.paid_in_advance() {
            return Err(CheckoutRefused::Choice {
                field: "payment",
                code: "courier_needs_payment_first",
            });
        }
        let mut priced = Vec::new();
        for line in &lines {
            if !line.available() {
                return Err(CheckoutRefused::StockChanged);
            }
            let reserved = crate::on_db!(&mut tx, |c| sqlx::query(
                "UPDATE product_variants SET stock = stock - $1 WHERE id = $2 AND is_active AND stock >= $1",
            )
            .bind(line.quantity)
            .bind(line.variant_id)
            .execute(c).await.map(crate::db::Done::from))?
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
            Fulfilment::Courier => {
                let rules = options.shipping.as_ref().ok_or(CheckoutRefused::Choice {
                    field: "fulfilment",
                    code: "fulfilment_not_offered",
                })?;
                if choice
                    .courier
                    .is_some_and(|courier| !rules.couriers.contains(&courier))
                {
                    return Err(CheckoutRefused::Choice {
                        field: "courier",
                        code: "courier_unknown",
                    });
                }
                let weight =
                    order_weight(lines.iter().map(|line| (line.weight_grams, line.quantity)));
                let country = choice.ship_country.as_deref().unwrap_or_default();
                rules
                    .postage(weight, destination_of(country))
                    .map_err(|refused| CheckoutRefused::Choice {
                        field: "courier",
                        code: refused.code(),
                    })?
            }
            Fulfilment::PickupSeller | Fulfilment::PickupBalai => 0,
        };
        let totals = order_totals(&priced, delivery_fee).ok_or(CheckoutRefused::StockChanged)?;
        let code = new_code();
        let order_id: i64 = crate::on_db!(&mut tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO orders (code, buyer_account_id, shop_id, status, fulfilment, payment, delivery_address,
                                 note, subtotal_rupiah, delivery_fee_rupiah, total_rupiah, placed_at, updated_at,
                                 ship_country, courier)
             VALUES ($1, $2, $3, 'placed', $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13) RETURNING id",
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
        .bind(&choice.ship_country)
        .bind(choice.courier.map(Courier::code))
        .fetch_one(c).await
        })?;
        for (line, price) in lines.iter().zip(&priced) {
            crate::on_db!(&mut tx, |c| {
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
            .execute(c).await.map(crate::db::Done::from)
            })?;
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
    crate::on_db!(&mut tx, |c| sqlx::query(
        "DELETE FROM cart_items WHERE account_id = $1"
    )
    .bind(buyer_account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    tx.commit().await?;
    Ok(codes)
}

async fn record_step(
    tx: &mut crate::db::Tx,
    order_id: i64,
    status: OrderStatus,
    actor: Option<i64>,
    note: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    crate::on_db!(&mut *tx, |c| {
        sqlx::query(
        "INSERT INTO order_events (order_id, status, actor_account_id, note, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(order_id)
    .bind(status.code())
    .bind(actor)
    .bind(note)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

/// Tells the other side of an order that it moved, in the same transaction as the change.
async fn tell(
    tx: &mut crate::db::Tx,
    account_id: i64,
    status: OrderStatus,
    code: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (id, en) = status_message(status, code);
    let link = format!("/pasar/pesanan/{code}");
    let text = Bilingual { id: &id, en: &en };
    notifikasi::tell_account(tx, account_id, text, &link, "pasar_order", now).await
}

/// An order's facts for deciding who sees and moves it.
#[derive(sqlx::FromRow)]
pub struct OrderRow {
    pub id: i64,
    pub code: String,
    pub status: OrderStatus,
    pub fulfilment: Fulfilment,
    pub payment: Payment,
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
    pub ship_country: Option<String>,
    pub courier: Option<String>,
    pub tracking_number: Option<String>,
    pub receive_by: Option<i64>,
    pub shop_shipping: Option<String>,
}

impl OrderRow {
    pub fn facts(&self) -> OrderFacts {
        OrderFacts {
            status: self.status,
            fulfilment: self.fulfilment,
            payment: self.payment,
        }
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
    E: crate::db::Reach<'e>,
{
    crate::on_db!(executor, |c| {
        sqlx::query_as(
        "SELECT o.id, o.code, o.status, o.fulfilment, o.payment, o.buyer_account_id, o.shop_id,
                s.owner_account_id, o.delivery_address, o.note, o.subtotal_rupiah, o.delivery_fee_rupiah,
                o.total_rupiah, o.payment_proof_photo_id, s.slug AS shop_slug, s.name AS shop_name,
                s.whatsapp AS shop_whatsapp, s.pickup_address, s.bank_account,
                CASE WHEN v.office_address = '' THEN 'Balai Desa ' || v.name ELSE v.office_address END AS balai_address, a.name AS buyer_name, a.phone AS buyer_phone,
                o.ship_country, o.courier, o.tracking_number, o.receive_by, s.shipping AS shop_shipping
         FROM orders o JOIN shops s ON s.id = o.shop_id JOIN villages v ON v.id = s.village_id
         JOIN accounts a ON a.id = o.buyer_account_id
         WHERE o.code = $1",
    )
    .bind(code)
    .fetch_optional(c).await
    })
}

pub async fn order_lines(pool: &Db, order_id: i64) -> Result<Vec<OrderLine>, sqlx::Error> {
    let rows: Vec<(String, String, Option<String>, String, i64, i64)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT p.slug, oi.title_id, oi.title_en, oi.variant_name, oi.unit_price_rupiah, oi.quantity
         FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1
         ORDER BY oi.rowid",
    )
    .bind(order_id)
    .fetch_all(c).await
    })?;
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

pub async fn timeline(pool: &Db, order_id: i64) -> Result<Vec<TimelineEntry>, sqlx::Error> {
    let rows: Vec<(String, Option<String>, Option<String>, i64)> =
        crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT e.status, a.name, e.note, e.at FROM order_events e
         LEFT JOIN accounts a ON a.id = e.actor_account_id
         WHERE e.order_id = $1 ORDER BY e.at, e.id",
        )
        .bind(order_id)
        .fetch_all(c)
        .await)?;
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
    Refused(crate::pasar::order_flow::MoveRefused),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for MoveError {
    fn from(error: sqlx::Error) -> Self {
        MoveError::Database(error)
    }
}

/// Moves an order on, if `account_id`'s side may make this move now: records the step, puts reserved
/// stock back on a decline or cancel, keeps the courier and tracking number of a parcel, tells the other
/// side. One transaction.
pub async fn move_order(
    pool: &Db,
    code: &str,
    account_id: i64,
    to: OrderStatus,
    details: MoveDetails<'_>,
    courier: Option<Courier>,
    now: i64,
) -> Result<(), MoveError> {
    let mut tx = crate::db::begin_write(pool).await?;
    let order = find_order(&mut tx, code)
        .await?
        .ok_or(MoveError::NotFound)?;
    let party = order.party_of(account_id).ok_or(MoveError::NotParty)?;
    let facts = order.facts();
    let to = next_status(facts, party, to, details).map_err(MoveError::Refused)?;
    let note = details.note;
    if to == OrderStatus::Shipped {
        let destination = destination_of(order.ship_country.as_deref().unwrap_or_default());
        let receive_by = now + receive_window_days(destination) * 86_400;
        crate::on_db!(&mut tx, |c| {
            sqlx::query(
            "UPDATE orders SET courier = COALESCE($1, courier), tracking_number = $2, receive_by = $3
             WHERE id = $4"
        )
        .bind(courier.map(Courier::code))
        .bind(details.tracking_number.trim())
        .bind(receive_by)
        .bind(order.id)
        .execute(c)
        .await
        .map(crate::db::Done::from)
        })?;
    }
    crate::on_db!(&mut tx, |c| sqlx::query(
        "UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3"
    )
    .bind(to.code())
    .bind(now)
    .bind(order.id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    if to.releases_stock() {
        crate::on_db!(&mut tx, |c| sqlx::query(
            "UPDATE product_variants SET stock = stock + (SELECT oi.quantity FROM order_items oi
                 WHERE oi.order_id = $1 AND oi.variant_id = product_variants.id)
             WHERE id IN (SELECT variant_id FROM order_items WHERE order_id = $1)",
        )
        .bind(order.id)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }
    let shipped_with = (to == OrderStatus::Shipped).then(|| {
        let courier = courier
            .or_else(|| order.courier.as_deref().and_then(Courier::from_code))
            .map_or("", Courier::name);
        format!("{courier} {}", details.tracking_number.trim())
            .trim()
            .to_string()
    });
    let note = shipped_with
        .clone()
        .or_else(|| Some(note.trim().to_string()).filter(|note| !note.is_empty()));
    record_step(
        &mut tx,
        order.id,
        to,
        Some(account_id),
        note.as_deref(),
        now,
    )
    .await?;
    let other = match party {
        Party::Seller => Some(order.buyer_account_id),
        Party::Buyer => order.owner_account_id,
    };
    if let Some(other) = other {
        match &shipped_with {
            // The buyer's message carries what they need to follow the parcel.
            Some(tracking) => {
                let shown = crate::kernel::codes::display_code(&order.code);
                let link = format!("/pasar/pesanan/{}", order.code);
                let text = Bilingual {
                    id: &format!(
                        "Pesanan {shown} sudah dikirim: {tracking}. Lacak dengan nomor resi itu."
                    ),
                    en: &format!("Order {shown} was sent: {tracking}. Track it with that number."),
                };
                notifikasi::tell_account(&mut tx, other, text, &link, "pasar_order", now).await?;
            }
            None => tell(&mut tx, other, to, &order.code, now).await?,
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Parcels shipped whose waiting time is over count as received on the buyer's behalf (the buyer and the
/// seller are told, and the seller can complete the order). Returns how many were moved. Each order is
/// its own transaction, guarded by its status, so a buyer who says "received" at the same moment wins
/// cleanly and a pass run twice (or on two servers) moves nothing twice.
pub async fn receive_overdue(pool: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let due: Vec<(i64, String, Option<i64>)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT o.id, o.code, s.owner_account_id FROM orders o
         JOIN shops s ON s.id = o.shop_id
         WHERE o.status = 'shipped' AND o.receive_by <= $1 ORDER BY o.receive_by LIMIT 200"
    )
    .bind(now)
    .fetch_all(c)
    .await)?;
    let mut moved = 0;
    for (order_id, code, owner) in due {
        let mut tx = crate::db::begin_write(pool).await?;
        let changed = crate::on_db!(&mut tx, |c| sqlx::query(
            "UPDATE orders SET status = 'received', updated_at = $1 WHERE id = $2 AND status = 'shipped'"
        )
        .bind(now)
        .bind(order_id)
        .execute(c)
        .await
        .map(crate::db::Done::from))?
        .rows_affected();
        if changed == 0 {
            continue;
        }
        record_step(
            &mut tx,
            order_id,
            OrderStatus::Received,
            None,
            Some(
                "Otomatis: batas waktu konfirmasi terlewati / Automatic: the waiting time is over",
            ),
            now,
        )
        .await?;
        // The seller is told it may complete the order; the buyer's review stays open.
        if let Some(owner) = owner {
            tell(&mut tx, owner, OrderStatus::Received, &code, now).await?;
        }
        tx.commit().await?;
        moved += 1;
    }
    Ok(moved)
}

pub async fn set_payment_proof(
    pool: &Db,
    order_id: i64,
    photo_id: i64,
    owner_account_id: Option<i64>,
    code: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = crate::db::begin_write(pool).await?;
    crate::on_db!(&mut tx, |c| sqlx::query(
        "UPDATE orders SET payment_proof_photo_id = $1, updated_at = $2 WHERE id = $3"
    )
    .bind(photo_id)
    .bind(now)
    .bind(order_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    if let Some(owner) = owner_account_id {
        let link = format!("/pasar/pesanan/{code}");
        let shown = crate::kernel::codes::display_code(code);
        notify(
            &mut tx,
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

pub async fn order_review(pool: &Db, order_id: i64) -> Result<Option<Review>, sqlx::Error> {
    let row: Option<(String, i64, String, i64)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
        "SELECT a.name, r.stars, r.body, r.created_at FROM reviews r JOIN accounts a ON a.id = r.account_id
         WHERE r.order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(c).await
    })?;
    Ok(row.map(|(author, stars, body, created_at)| Review {
        author,
        stars,
        body,
        created_at,
    }))
}

/// Records the buyer's review of a completed order (once). False if already reviewed or not completed.
pub async fn add_review(
    pool: &Db,
    order: &OrderRow,
    stars: i64,
    body: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let added = crate::on_db!(pool, |c| {
        sqlx::query(
            "INSERT INTO reviews (order_id, shop_id, account_id, stars, body, created_at)
         SELECT id, shop_id, buyer_account_id, $2, $3, $4 FROM orders
         WHERE id = $1 AND status IN ('received', 'completed')
         ON CONFLICT (order_id) DO NOTHING",
        )
        .bind(order.id)
        .bind(stars)
        .bind(body)
        .bind(now)
        .execute(c)
        .await
        .map(crate::db::Done::from)
    })?;
    Ok(added.rows_affected() > 0)
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    code: String,
    status: OrderStatus,
    fulfilment: Fulfilment,
    payment: Payment,
    other_party: String,
    first_item: String,
    item_count: i64,
    total_rupiah: i64,
    placed_at: i64,
}

impl SummaryRow {
    fn into_summary(self, party: Party) -> OrderSummary {
        let facts = OrderFacts {
            status: self.status,
            fulfilment: self.fulfilment,
            payment: self.payment,
        };
        OrderSummary {
            code: self.code,
            status: facts.status,
            fulfilment: facts.fulfilment,
            payment: facts.payment,
            other_party: self.other_party,
            first_item: self.first_item,
            item_count: self.item_count,
            total_rupiah: self.total_rupiah,
            placed_at: self.placed_at,
            moves: crate::pasar::order_flow::available_moves(facts, party),
        }
    }
}

const SUMMARY_COLUMNS: &str = "o.code, o.status, o.fulfilment, o.payment, o.total_rupiah, o.placed_at,
    (SELECT oi.title_id FROM order_items oi WHERE oi.order_id = o.id ORDER BY oi.rowid LIMIT 1) AS first_item,
    CAST((SELECT SUM(oi.quantity) FROM order_items oi WHERE oi.order_id = o.id) AS BIGINT) AS item_count";

pub async fn buyer_orders(
    pool: &Db,
    account_id: i64,
    older_than: Option<&str>,
    limit: i64,
) -> Result<Vec<OrderSummary>, sqlx::Error> {
    // Keyset paging: the page after the order with code `older_than` (newest first), through the
    // `orders_of_buyer` index, however many orders came before.
    let rows: Vec<SummaryRow> = crate::on_db!(pool, |c| {
        sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, s.name AS other_party FROM orders o JOIN shops s ON s.id = o.shop_id
         WHERE o.buyer_account_id = $1
           AND ($2 IS NULL OR (o.placed_at, o.id) <
                (SELECT placed_at, id FROM orders WHERE code = $2 AND buyer_account_id = $1))
         ORDER BY o.placed_at DESC, o.id DESC LIMIT $3"
    ))
    .bind(account_id)
    .bind(older_than)
    .bind(limit)
    .fetch_all(c).await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| row.into_summary(Party::Buyer))
        .collect())
}

/// The shop's orders in `status` (None: every open one), oldest waiting first.
pub async fn shop_orders(
    pool: &Db,
    shop_id: i64,
    status: Option<OrderStatus>,
) -> Result<Vec<OrderSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = crate::on_db!(pool, |c| {
        sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.name AS other_party FROM orders o JOIN accounts a ON a.id = o.buyer_account_id
         WHERE o.shop_id = $1
           AND (($2 IS NULL AND o.status NOT IN ('completed', 'declined', 'cancelled')) OR o.status = $2)
         ORDER BY CASE WHEN $2 IS NULL THEN o.placed_at END ASC, o.placed_at DESC LIMIT 100"
    ))
    .bind(shop_id)
    .bind(status.map(OrderStatus::code))
    .fetch_all(c).await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| row.into_summary(Party::Seller))
        .collect())
}

pub async fn shop_order_counts(
    pool: &Db,
    shop_id: i64,
) -> Result<Vec<(OrderStatus, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64)> = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT status, COUNT(*) FROM orders WHERE shop_id = $1 GROUP BY status"
    )
    .bind(shop_id)
    .fetch_all(c)
    .await)?;
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
    pool: &Db,
    shop_id: i64,
    since: i64,
) -> Result<(i64, i64, Vec<(String, i64)>), sqlx::Error> {
    let (total, count): (i64, i64) = crate::on_db!(pool, |c| sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(total_rupiah), 0) AS BIGINT), COUNT(*) FROM orders
         WHERE shop_id = $1 AND placed_at >= $2 AND status NOT IN ('declined', 'cancelled')",
    )
    .bind(shop_id)
    .bind(since)
    .fetch_one(c)
    .await)?;
    let best: Vec<(String, i64)> = crate::on_db!(pool, |c| {
        sqlx::query_as(
            "SELECT MIN(oi.title_id) AS title, CAST(SUM(oi.quantity) AS BIGINT) AS units
         FROM order_items oi JOIN orders o ON o.id = oi.order_id
         WHERE o.shop_id = $1 AND o.placed_at >= $2 AND o.status NOT IN ('declined', 'cancelled')
         GROUP BY oi.product_id ORDER BY units DESC, title LIMIT 3",
        )
        .bind(shop_id)
        .bind(since)
        .fetch_all(c)
        .await
    })?;
    Ok((total, count, best))
}
