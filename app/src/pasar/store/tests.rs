//! Store-wide checks: the columns triggers keep must equal what the Rust rules compute.

use crate::db::Db;

use super::*;
use crate::pasar::pricing::discounted;
use crate::pasar::Discount;

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
    async fn check(pool: &Db, when: &str) {
        let rows: Vec<Kept> = crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT p.id, p.sort_price, p.price_rupiah, p.discount_kind, p.discount_value,
                        p.rating_count, p.rating_sum, p.rating_average FROM products p",
        )
        .fetch_all(c)
        .await)
        .unwrap();
        assert!(!rows.is_empty());
        for (id, sort_price, price, kind, value, count, sum, average) in rows {
            let variant_min: Option<i64> = crate::on_db!(pool, |c| sqlx::query_scalar(
                "SELECT MIN(COALESCE(price_rupiah, $2)) FROM product_variants
                 WHERE product_id = $1 AND is_active",
            )
            .bind(id)
            .bind(price)
            .fetch_one(c)
            .await)
            .unwrap();
            let expected = discounted(
                variant_min.unwrap_or(price),
                Discount::from_parts(kind.as_deref(), value),
            );
            assert_eq!(sort_price, expected, "product {id} {when}");
            let (review_count, review_sum): (i64, Option<i64>) =
                crate::on_db!(pool, |c| sqlx::query_as(
                    "SELECT COUNT(*), SUM(stars) FROM reviews WHERE order_id IN
                   (SELECT order_id FROM order_items WHERE product_id = $1)",
                )
                .bind(id)
                .fetch_one(c)
                .await)
                .unwrap();
            assert_eq!(
                (count, sum),
                (review_count, review_sum.unwrap_or(0)),
                "{when}"
            );
            assert_eq!(
                average,
                (review_count > 0).then(|| review_sum.unwrap_or(0) as f64 / review_count as f64),
                "{when}"
            );
        }
    }
    check(&pool, "after the demo load").await;
    async fn check_listed(pool: &Db, when: &str) {
        let wrong: i64 = crate::on_db!(pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id
             WHERE p.listed <> (p.status = 'active' AND s.status = 'approved')",
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(wrong, 0, "listed is wrong for {wrong} products {when}");
    }
    check_listed(&pool, "after the demo load").await;
    let product: i64 = crate::on_db!(&pool, |c| sqlx::query_scalar(
        "SELECT id FROM products ORDER BY id LIMIT 1"
    )
    .fetch_one(c)
    .await)
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
        crate::on_db!(&pool, |c| sqlx::query(sql).bind(product).execute(c).await.map(crate::db::Done::from)).unwrap();
        check(&pool, change).await;
        check_listed(&pool, change).await;
    }
    let listed_now: bool = crate::on_db!(&pool, |c| sqlx::query_scalar(
        "SELECT listed FROM products WHERE id = $1"
    )
    .bind(product)
    .fetch_one(c)
    .await)
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
    let order: Option<(i64, i64, i64)> = crate::on_db!(&pool, |c| sqlx::query_as(
        "SELECT id, shop_id, buyer_account_id FROM orders
         WHERE id NOT IN (SELECT order_id FROM reviews) LIMIT 1",
    )
    .fetch_optional(c)
    .await)
    .unwrap();
    let (order, shop, buyer) = order.expect("the demo has an order without a review");
    crate::on_db!(&pool, |c| sqlx::query(
        "INSERT INTO reviews (order_id, shop_id, account_id, stars, body, created_at) VALUES ($1, $2, $3, 2, 'ok', 0)",
    )
    .bind(order)
    .bind(shop)
    .bind(buyer)
    .execute(c).await.map(crate::db::Done::from))
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
        let sql: i64 = crate::on_db!(&pool, |c| sqlx::query_scalar(&format!(
            "SELECT {} FROM (SELECT $1 AS discount_kind, $2 AS discount_value) p",
            discounted_sql(&price.to_string())
        ))
        .bind(discount.map(Discount::kind_code))
        .bind(discount.map(Discount::value))
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(sql, discounted(price, discount), "{price} {discount:?}");
    }
}
