//! A regency's volume of data for benchmarks: the demo grown to Banyuwangi's size and beyond (217
//! villages in 25 kecamatan, 200 000 accounts, 20 000 shops, 100 000 products, 10 000 listings with 50 000
//! sessions and 200 000 registrations, 1 000 000 orders, 300 000 service requests).
//!
//! Generated with set-based SQL (recursive counters joined to small "pick" tables) on top of the demo data,
//! so the demo accounts keep working and see a busy regency: Budi has hundreds of orders, Kemiren's inbox
//! has well over a thousand requests. Deterministic: the same counts give the same rows (no `random()`),
//! so two benchmark runs measure the same data. Invented names only; no real person's data.

use crate::db::Db;

/// How much to generate. [`RegencySize::regency`] is the size the performance targets are set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegencySize {
    pub kecamatan: i64,
    pub villages: i64,
    pub accounts: i64,
    pub shops: i64,
    pub products: i64,
    pub listings: i64,
    pub sessions_per_listing: i64,
    pub registrations: i64,
    pub orders: i64,
    pub requests: i64,
}

impl RegencySize {
    pub const fn regency() -> Self {
        RegencySize {
            kecamatan: 25,
            villages: 217,
            accounts: 200_000,
            shops: 20_000,
            products: 100_000,
            listings: 10_000,
            sessions_per_listing: 5,
            registrations: 200_000,
            orders: 1_000_000,
            requests: 300_000,
        }
    }

    /// The same shape a hundred times smaller, for the generator's own test.
    pub const fn sample() -> Self {
        RegencySize {
            kecamatan: 5,
            villages: 12,
            accounts: 2_000,
            shops: 200,
            products: 1_000,
            listings: 100,
            sessions_per_listing: 5,
            registrations: 2_000,
            orders: 10_000,
            requests: 3_000,
        }
    }
}

/// Rows in the tables that matter, after generation.
#[derive(Debug, Default)]
pub struct RegencyReport {
    pub counts: Vec<(&'static str, i64)>,
}

/// A multiplicative hash of a counter into `0..modulus`: spreads picks evenly and deterministically.
fn spread(counter: &str, multiplier: i64, modulus: &str) -> String {
    format!("(({counter} * {multiplier}) % {modulus})")
}

const PRODUCT_WORDS: &str = r#"["Batik Gajah Oling","Kopi Robusta Ijen","Anyaman Bambu","Keripik Pisang","Kain Tenun","Topeng Barong","Kopi Arabika Lerek","Sambal Pecel","Tas Anyaman Pandan","Udeng Osing","Gula Aren","Madu Hutan","Bakpia Kemiren","Lukisan Gandrung","Kopi Luwak","Sarung Batik","Kerupuk Ikan","Gerabah Tanah Liat","Selendang Batik","Dodol Buah Naga"]"#;
const PRODUCT_ADJECTIVES: &str = r#"["Asli","Premium","Tradisional","Motif Kangkung","Khas Osing","Buatan Tangan","Ukuran Besar","Kemasan Hadiah","Organik","Klasik"]"#;
const CATEGORIES: &str = r#"["batik_kain","kopi_hasil_bumi","kerajinan","makanan_olahan","batik_kain","seni","kopi_hasil_bumi","makanan_olahan","kerajinan","fashion","makanan_olahan","makanan_olahan","makanan_olahan","seni","kopi_hasil_bumi","batik_kain","makanan_olahan","kerajinan","batik_kain","makanan_olahan"]"#;
const LISTING_WORDS: &str = r#"["Kelas Membatik","Tari Gandrung","Festival Kopi","Jelajah Kebun Kopi","Pertunjukan Barong","Kelas Anyaman","Rumah Adat Osing","Program Bahasa Osing","Festival Kuliner","Kelas Memasak Pecel"]"#;
const LISTING_KINDS: &str = r#"["kelas","pertunjukan","festival","tempat","pertunjukan","kelas","tempat","program","festival","kelas"]"#;
const LISTING_TAGS: &str = r#"[",batik,kerajinan,",",tari,gandrung,",",kopi,kuliner,",",kopi,alam,",",tari,musik,",",kerajinan,keluarga,",",budaya,",",anak,",",kuliner,",",kuliner,keluarga,"]"#;
const ORDER_STATUSES: &str = r#"["completed","completed","completed","completed","completed","completed","cancelled","placed","confirmed","ready"]"#;
const REQUEST_STATUSES: &str = r#"["selesai","selesai","selesai","selesai","diajukan","diperiksa","siap","ditolak","perlu_perbaikan","dibatalkan"]"#;

/// A counter table `n` from 1 to `count`.
fn counter(count: i64) -> String {
    counter_between(1, count)
}

/// A counter table `n` from `first` to `last`.
fn counter_between(first: i64, last: i64) -> String {
    format!(
        "WITH RECURSIVE seq(n) AS (SELECT {first} WHERE {first} <= {last} UNION ALL SELECT n + 1 FROM seq WHERE n < {last})"
    )
}

/// Grows a database that holds the demo data to a regency's size. Refuses a database that was grown
/// already (it would duplicate nothing, but would take minutes to find that out).
pub async fn generate(db: &Db, size: RegencySize, now: i64) -> Result<RegencyReport, sqlx::Error> {
    // Bulk SQL in SQLite's dialect (recursive counters, printf, json_extract). A PostgreSQL database of
    // this size is made by generating it in SQLite and copying it over (`copy-to-postgres`).
    let Some(pool) = db.as_sqlite() else {
        return Err(sqlx::Error::Protocol(
            "regency-data writes a SQLite database; copy it to PostgreSQL with copy-to-postgres"
                .into(),
        ));
    };
    let villages: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM villages")
        .fetch_one(pool)
        .await?;
    if villages == 0 {
        return Err(sqlx::Error::Protocol(
            "load the demo data first (demo-data)".into(),
        ));
    }
    if villages >= size.villages {
        return Err(sqlx::Error::Protocol(format!(
            "the database already has {villages} villages: it was grown before"
        )));
    }
    let existing_kecamatan: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kecamatan")
        .fetch_one(pool)
        .await?;
    let day = 86_400_i64;
    let year = 365 * day;
    let new_villages = size.villages - villages;
    let RegencySize {
        kecamatan,
        accounts,
        shops,
        products,
        listings,
        sessions_per_listing,
        registrations,
        orders,
        requests,
        ..
    } = size;
    let sessions = listings * sessions_per_listing;

    let mut conn = pool.acquire().await?;
    // Bulk loading: one transaction, no fsync per statement (a crash mid-way leaves a database to throw away).
    sqlx::query("PRAGMA synchronous = OFF")
        .execute(&mut *conn)
        .await?;
    sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
    let statements: Vec<(&str, String)> = vec![
        ("kecamatan", format!(
            "{seq} INSERT INTO kecamatan (code, name, kabupaten, kabupaten_code)
             SELECT '35.10.' || (40 + n), 'Kecamatan ' || (40 + n), 'Banyuwangi', (SELECT code FROM kabupaten LIMIT 1)
             FROM seq",
            seq = counter(kecamatan - existing_kecamatan)
        )),
        ("villages", format!(
            "{seq}, kec AS (SELECT code, ROW_NUMBER() OVER (ORDER BY code) - 1 AS idx FROM kecamatan)
             INSERT INTO villages (code, slug, name, kind, kecamatan_code, description_id, office_address,
                                   opening_hours_id)
             SELECT kec.code || '.' || (2100 + n), 'desa-' || n, 'Desa Contoh ' || n,
                    CASE WHEN n % 9 = 0 THEN 'kelurahan' ELSE 'desa' END, kec.code,
                    'Desa contoh untuk uji beban.', 'Jl. Raya Desa ' || n, 'Senin–Jumat 08.00–15.00'
             FROM seq JOIN kec ON kec.idx = n % (SELECT COUNT(*) FROM kecamatan)",
            seq = counter(new_villages)
        )),
        ("services", "INSERT INTO services (village_id, slug, kind, name_id, name_en, summary_id, summary_en,
                    processing_days, needs_camat, fee_rupiah, description_id, description_en, requirements_id,
                    requirements_en, needs_slot, slot_minutes, slot_capacity, classification_code, letter_title,
                    letter_template, is_active)
             SELECT v.id, s.slug, s.kind, s.name_id, s.name_en, s.summary_id, s.summary_en, s.processing_days,
                    s.needs_camat, s.fee_rupiah, s.description_id, s.description_en, s.requirements_id,
                    s.requirements_en, s.needs_slot, s.slot_minutes, s.slot_capacity, s.classification_code,
                    s.letter_title, s.letter_template, s.is_active
             FROM villages v JOIN services s ON s.village_id = (SELECT id FROM villages WHERE slug = 'kemiren')
             WHERE v.slug LIKE 'desa-%'".into()),
        ("service_fields", "INSERT INTO service_fields (service_id, position, name, label_id, label_en, kind, options, required)
             SELECT copy.id, f.position, f.name, f.label_id, f.label_en, f.kind, f.options, f.required
             FROM services copy JOIN villages v ON v.id = copy.village_id AND v.slug LIKE 'desa-%'
             JOIN services original ON original.slug = copy.slug
                  AND original.village_id = (SELECT id FROM villages WHERE slug = 'kemiren')
             JOIN service_fields f ON f.service_id = original.id".into()),
        ("service_hours", "INSERT INTO service_hours (service_id, weekday, opens, closes)
             SELECT copy.id, h.weekday, h.opens, h.closes
             FROM services copy JOIN villages v ON v.id = copy.village_id AND v.slug LIKE 'desa-%'
             JOIN services original ON original.slug = copy.slug
                  AND original.village_id = (SELECT id FROM villages WHERE slug = 'kemiren')
             JOIN service_hours h ON h.service_id = original.id".into()),
        ("pick tables", "CREATE TEMP TABLE pick_village AS
             SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS idx, id FROM villages".into()),
        ("accounts", format!(
            "{seq} INSERT INTO accounts (phone, name, home_village_id, password_hash, locale, created_at)
             SELECT '+62899' || printf('%07d', n), 'Warga ' || n, pv.id,
                    (SELECT password_hash FROM accounts ORDER BY id LIMIT 1),
                    CASE WHEN n % 7 = 0 THEN 'en' ELSE 'id' END, {now} - {spread_time}
             FROM seq JOIN pick_village pv ON pv.idx = {village}",
            seq = counter(accounts),
            village = spread("n", 7919, &size.villages.to_string()),
            spread_time = spread("n", 104_729, &(3 * year).to_string()),
        )),
        ("pick accounts", "CREATE TEMP TABLE pick_account AS
             SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS idx, id, home_village_id FROM accounts
             WHERE phone LIKE '+62899%'".into()),
        ("shops", format!(
            "{seq} INSERT INTO shops (village_id, slug, name, story_id, owner_account_id, status, pickup_address,
                                      offers_pickup_balai, delivery_fee_rupiah, whatsapp, created_at)
             SELECT a.home_village_id, 'usaha-' || n, 'Toko ' || json_extract('{words}', '$[' || (n % 20) || ']') || ' ' || n,
                    'Usaha keluarga sejak ' || (1990 + n % 30) || '.', a.id,
                    CASE WHEN n % 50 = 0 THEN 'pending' ELSE 'approved' END, 'Dusun Krajan',
                    n % 2, CASE WHEN n % 3 = 0 THEN 10000 END, '+62899' || printf('%07d', n), {now} - {age}
             FROM seq JOIN pick_account a ON a.idx = n - 1",
            seq = counter(shops), words = PRODUCT_WORDS, age = spread("n", 31, &(2 * year).to_string()),
        )),
        ("pick shops", "CREATE TEMP TABLE pick_shop AS
             SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS idx, id FROM shops WHERE slug LIKE 'usaha-%'".into()),
        ("products", format!(
            "{seq} INSERT INTO products (shop_id, slug, title_id, title_en, category, price_rupiah, unit, stock,
                                         status, created_at, updated_at, description_id, discount_kind, discount_value)
             SELECT s.id, 'produk-' || n,
                    json_extract('{words}', '$[' || (n % 20) || ']') || ' ' ||
                        json_extract('{adjectives}', '$[' || ((n / 20) % 10) || ']'),
                    CASE WHEN n % 4 = 0 THEN 'Handmade product ' || n END,
                    json_extract('{categories}', '$[' || (n % 20) || ']'),
                    5000 + {price} * 500, 'pcs', 0,
                    CASE WHEN n % 25 = 0 THEN 'draft' WHEN n % 40 = 0 THEN 'archived' ELSE 'active' END,
                    {now} - {age}, {now} - {age},
                    'Dibuat oleh perajin desa dengan bahan pilihan. Cocok untuk oleh-oleh dan hadiah. Nomor ' || n || '.',
                    CASE WHEN n % 10 = 0 THEN 'percent' WHEN n % 17 = 0 THEN 'amount' END,
                    CASE WHEN n % 10 = 0 THEN 10 WHEN n % 17 = 0 THEN 2000 END
             FROM seq JOIN pick_shop s ON s.idx = (n - 1) % {shops}",
            seq = counter(products), words = PRODUCT_WORDS, adjectives = PRODUCT_ADJECTIVES,
            categories = CATEGORIES, price = spread("n", 7907, "900"),
            age = spread("n", 7_777_777, &(2 * year).to_string()),
        )),
        ("product variants", "INSERT INTO product_variants (product_id, name_id, price_rupiah, stock, position)
             SELECT p.id, '', NULL, p.id % 30, 0 FROM products p WHERE p.slug LIKE 'produk-%'
             UNION ALL
             SELECT p.id, 'Ukuran besar', p.price_rupiah + 15000, p.id % 7, 1 FROM products p
             WHERE p.slug LIKE 'produk-%' AND p.id % 5 = 0".into()),
        ("product photos", "INSERT INTO product_photos (product_id, photo_id, position)
             SELECT p.id, pp.photo_id, 0 FROM products p
             JOIN (SELECT ROW_NUMBER() OVER (ORDER BY photo_id) - 1 AS idx, photo_id
                   FROM (SELECT DISTINCT photo_id FROM product_photos)) pp
               ON pp.idx = p.id % (SELECT COUNT(DISTINCT photo_id) FROM product_photos)
             WHERE p.slug LIKE 'produk-%'".into()),
        ("pick products", "CREATE TEMP TABLE pick_product AS
             SELECT ROW_NUMBER() OVER (ORDER BY p.id) - 1 AS idx, p.id, p.shop_id, pv.id AS variant_id,
                    p.title_id, p.price_rupiah
             FROM products p JOIN product_variants pv ON pv.product_id = p.id AND pv.position = 0
             WHERE p.slug LIKE 'produk-%' AND p.status = 'active'".into()),
        ("orders", format!(
            "{seq} INSERT INTO orders (id, code, buyer_account_id, shop_id, status, fulfilment, payment,
                                       subtotal_rupiah, delivery_fee_rupiah, total_rupiah, placed_at, updated_at)
             SELECT 1000000 + n, 'PB' || printf('%08d', n),
                    CASE WHEN n % 1500 = 0 THEN (SELECT id FROM accounts WHERE phone = '+6281230000002') ELSE a.id END,
                    p.shop_id, json_extract('{statuses}', '$[' || (n % 10) || ']'),
                    CASE WHEN n % 3 = 0 THEN 'delivery' ELSE 'pickup_seller' END,
                    CASE WHEN n % 2 = 0 THEN 'transfer' ELSE 'cash' END,
                    p.price_rupiah * (1 + n % 3), 0, p.price_rupiah * (1 + n % 3),
                    {now} - {age}, {now} - {age}
             FROM seq JOIN pick_product p ON p.idx = {product}
             JOIN pick_account a ON a.idx = {buyer}",
            seq = counter(orders), statuses = ORDER_STATUSES,
            product = spread("n", 48_271, "(SELECT COUNT(*) FROM pick_product)"),
            buyer = spread("n", 16_807, &accounts.to_string()),
            age = spread("n", 69_621, &(2 * year).to_string()),
        )),
        ("order items", format!(
            "INSERT INTO order_items (order_id, variant_id, product_id, title_id, variant_name, unit_price_rupiah, quantity)
             SELECT o.id, p.variant_id, p.id, p.title_id, '', p.price_rupiah, 1 + (o.id % 3)
             FROM orders o JOIN pick_product p ON p.idx = {product}
             WHERE o.id > 1000000",
            product = spread("(o.id - 1000000)", 48_271, "(SELECT COUNT(*) FROM pick_product)"),
        )),
        ("reviews", "INSERT INTO reviews (order_id, shop_id, account_id, stars, body, created_at)
             SELECT id, shop_id, buyer_account_id, 3 + id % 3, 'Barang sesuai, penjual ramah.', updated_at + 86400
             FROM orders WHERE id > 1000000 AND status = 'completed' AND id % 8 = 0".into()),
        ("listings", format!(
            "{seq} INSERT INTO events (village_id, slug, kind, title_id, title_en, summary_id, venue, starts_at,
                                       ends_at, price_rupiah, description_id, tags, address, organiser_name, capacity)
             SELECT pv.id, 'acara-' || n, json_extract('{kinds}', '$[' || (n % 10) || ']'),
                    json_extract('{words}', '$[' || (n % 10) || ']') || ' ' || n,
                    CASE WHEN n % 2 = 0 THEN 'Village activity ' || n END,
                    'Kegiatan budaya desa untuk wisatawan dan warga.', 'Balai Desa', {start},
                    {start} + {sessions_per_listing} * 14 * 86400, (n % 4) * 25000,
                    'Kegiatan budaya desa. Datang tepat waktu.', json_extract('{tags}', '$[' || (n % 10) || ']'),
                    'Balai Desa', 'Sanggar Desa ' || n, CASE WHEN n % 3 = 0 THEN 30 END
             FROM seq JOIN pick_village pv ON pv.idx = {village}",
            seq = counter(listings), kinds = LISTING_KINDS, words = LISTING_WORDS, tags = LISTING_TAGS,
            start = format!("({now} - {year} + {})", spread("n", 9_973, &(year + 180 * day).to_string())),
            village = spread("n", 7919, &size.villages.to_string()),
        )),
        ("listing sessions", format!(
            "{seq} INSERT INTO event_sessions (event_id, starts_at, ends_at, capacity)
             SELECT e.id, e.starts_at + s.n * 14 * 86400, e.starts_at + s.n * 14 * 86400 + 7200, e.capacity
             FROM events e JOIN seq s WHERE e.slug LIKE 'acara-%'",
            seq = counter_between(0, sessions_per_listing - 1),
        )),
        ("pick sessions", "CREATE TEMP TABLE pick_session AS
             SELECT ROW_NUMBER() OVER (ORDER BY es.id) - 1 AS idx, es.id, es.starts_at FROM event_sessions es
             JOIN events e ON e.id = es.event_id WHERE e.slug LIKE 'acara-%'".into()),
        ("registrations", format!(
            "{seq} INSERT OR IGNORE INTO event_registrations (session_id, account_id, seats, status, ticket_code, created_at,
                                                    checked_in_at)
             SELECT s.id, a.id, 1 + n % 3, CASE WHEN n % 11 = 0 THEN 'cancelled' ELSE 'confirmed' END,
                    'TB' || printf('%08d', n), s.starts_at - 3 * 86400,
                    CASE WHEN s.starts_at < {now} AND n % 11 <> 0 THEN s.starts_at END
             FROM seq JOIN pick_session s ON s.idx = (n - 1) % {sessions}
             JOIN pick_account a ON a.idx = {account}",
            seq = counter(registrations), account = spread("n", 40_503, &accounts.to_string()),
        )),
        ("pick services", "CREATE TEMP TABLE pick_service AS
             SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS idx, id, village_id FROM services
             WHERE kind = 'surat' AND is_active".into()),
        ("service requests", format!(
            "{seq} INSERT INTO service_requests (code, service_id, village_id, account_id, status, created_at,
                                                 updated_at, holder_legal_name)
             SELECT 'LB' || printf('%08d', n), s.id, s.village_id, a.id,
                    json_extract('{statuses}', '$[' || (n % 10) || ']'), {now} - {age}, {now} - {age} + 86400,
                    'Warga ' || a.idx
             FROM seq JOIN pick_service s ON s.idx = {service}
             JOIN pick_account a ON a.idx = {account}",
            seq = counter(requests), statuses = REQUEST_STATUSES,
            service = spread("n", 2_147, "(SELECT COUNT(*) FROM pick_service)"),
            account = spread("n", 92_821, &accounts.to_string()),
            age = spread("n", 69_621, &(2 * year).to_string()),
        )),
        ("request events", "INSERT INTO request_events (request_id, status, actor_account_id, role, at)
             SELECT id, 'diajukan', account_id, 'warga', created_at FROM service_requests WHERE code LIKE 'LB%'".into()),
        ("statistics", "ANALYZE".into()),
    ];
    for (name, sql) in &statements {
        let started = std::time::Instant::now();
        sqlx::query(sql).execute(&mut *conn).await?;
        tracing::info!(
            step = name,
            ms = started.elapsed().as_millis() as u64,
            "regency data"
        );
    }
    sqlx::query("COMMIT").execute(&mut *conn).await?;
    sqlx::query("PRAGMA synchronous = FULL")
        .execute(&mut *conn)
        .await?;
    // Half a gigabyte of write-ahead log into the database file, so the server starts on a tidy file.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut *conn)
        .await?;
    drop(conn);
    // The roots of the generated products' words, as the product editor would have stored them.
    crate::pasar::store::stem_all_products(db).await?;
    let mut report = RegencyReport::default();
    for table in [
        "kecamatan",
        "villages",
        "accounts",
        "shops",
        "products",
        "events",
        "event_sessions",
        "event_registrations",
        "orders",
        "reviews",
        "service_requests",
    ] {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(pool)
            .await?;
        report.counts.push((table, rows));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_sample_regency_grows_the_demo_to_the_asked_counts() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        let now = 1_790_000_000;
        crate::demo::load(&pool, now).await.unwrap();
        let cipher = crate::akun::nik::NikCipher::from_key([7; 32]);
        crate::demo::load_accounts(&pool, &cipher, now)
            .await
            .unwrap();
        let size = RegencySize::sample();
        let report = generate(&pool, size, now).await.unwrap();
        let count = |table: &str| {
            report
                .counts
                .iter()
                .find(|(name, _)| *name == table)
                .map(|(_, rows)| *rows)
                .unwrap()
        };
        assert_eq!(count("villages"), size.villages);
        assert_eq!(count("kecamatan"), size.kecamatan);
        assert!(count("accounts") >= size.accounts);
        assert!(count("products") >= size.products);
        assert!(count("orders") >= size.orders);
        assert!(count("service_requests") >= size.requests);
        assert!(count("event_sessions") >= size.listings * size.sessions_per_listing);
        // Registrations that would repeat a person on a session are skipped, never more than asked.
        assert!(count("event_registrations") > size.registrations * 9 / 10);
        // Every generated product is searchable and has a variant; a second run is refused.
        let searchable: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM products_fts WHERE products_fts MATCH 'batik'",
        )
        .fetch_one(pool.as_sqlite().unwrap())
        .await
        .unwrap();
        assert!(searchable > 50, "{searchable}");
        let unstemmed: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE search_stems IS NULL")
                .fetch_one(pool.as_sqlite().unwrap())
                .await
                .unwrap();
        assert_eq!(unstemmed, 0);
        let without_variant: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM products p WHERE NOT EXISTS
               (SELECT 1 FROM product_variants v WHERE v.product_id = p.id)",
        )
        .fetch_one(pool.as_sqlite().unwrap())
        .await
        .unwrap();
        assert_eq!(without_variant, 0);
        assert!(generate(&pool, size, now).await.is_err());
    }
}
