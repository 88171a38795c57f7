//! `/pasar/toko`: every approved shop, by name, filtered by village and by the category of what it sells.

use crate::db::{Db, Sql};
use crate::media::PhotoRef;
use crate::pasar::{Category, Rating, ShopCard};

/// `WHERE …` of the directory's filters.
fn push_filters(sql: &mut Sql, village_slug: Option<&str>, category: Option<Category>) {
    sql.push(" WHERE s.status = 'approved'");
    if let Some(village) = village_slug {
        sql.push(" AND v.slug = ").push_bind(village);
    }
    if let Some(category) = category {
        sql.push(
            " AND EXISTS (SELECT 1 FROM products p WHERE p.shop_id = s.id AND p.listed = TRUE
               AND p.category = ",
        )
        .push_bind(category.code())
        .push(")");
    }
}

/// One page of shops and how many match.
pub async fn shop_directory(
    pool: &Db,
    village_slug: Option<&str>,
    category: Option<Category>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ShopCard>, i64), sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        slug: String,
        name: String,
        village_name: String,
        village_slug: String,
        photo_id: Option<i64>,
        photo_key: Option<String>,
        photo_widths: Option<String>,
    }
    const FROM: &str = " FROM shops s JOIN villages v ON v.id = s.village_id";
    let mut page = Sql::new(
        "SELECT s.id, s.slug, s.name, v.name AS village_name, v.slug AS village_slug,
                ph.id AS photo_id, ph.key AS photo_key, ph.widths AS photo_widths",
    );
    page.push(FROM)
        .push(" LEFT JOIN photos ph ON ph.id = s.photo_id");
    push_filters(&mut page, village_slug, category);
    page.push(" ORDER BY s.name, s.id LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    let rows: Vec<Row> = page.fetch_all(pool).await?;
    let mut count = Sql::new("SELECT COUNT(*)");
    count.push(FROM);
    push_filters(&mut count, village_slug, category);
    let total: i64 = count.fetch_scalar(pool).await?;
    if rows.is_empty() {
        return Ok((Vec::new(), total));
    }
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    // The page's ratings and categories in two grouped queries (not two per shop).
    let mut ratings = Sql::new(
        "SELECT shop_id, CAST(AVG(stars) AS DOUBLE PRECISION), COUNT(*) FROM reviews WHERE shop_id IN (",
    );
    ratings
        .push_bind_list(ids.iter().copied())
        .push(") GROUP BY shop_id");
    let ratings: Vec<(i64, Option<f64>, i64)> = ratings.fetch_all(pool).await?;
    let mut categories = Sql::new(
        "SELECT shop_id, category, COUNT(*) FROM products WHERE listed = TRUE AND shop_id IN (",
    );
    categories
        .push_bind_list(ids.iter().copied())
        .push(") GROUP BY shop_id, category ORDER BY shop_id, COUNT(*) DESC, category");
    let categories: Vec<(i64, String, i64)> = categories.fetch_all(pool).await?;
    let shops = rows
        .into_iter()
        .map(|row| {
            let rating = ratings
                .iter()
                .find(|(shop, _, _)| *shop == row.id)
                .and_then(|(_, average, count)| Rating::from_average(*average, *count));
            let sold: Vec<&(i64, String, i64)> = categories
                .iter()
                .filter(|(shop, _, _)| *shop == row.id)
                .collect();
            ShopCard {
                photo: PhotoRef::from_columns(row.photo_id, row.photo_key, row.photo_widths),
                categories: sold
                    .iter()
                    .filter_map(|(_, code, _)| Category::from_code(code))
                    .collect(),
                product_count: sold.iter().map(|(_, _, count)| count).sum(),
                rating,
                slug: row.slug,
                name: row.name,
                village_name: row.village_name,
                village_slug: row.village_slug,
            }
        })
        .collect();
    Ok((shops, total))
}
