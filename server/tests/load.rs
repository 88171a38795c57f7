//! Mixed load on the real server binary over loopback: 64 people at once browse, order the last lamps,
//! book visit slots, register for a class, and village staff move requests until letters are issued.
//! Afterwards: no error answers (5xx or dropped connections), nothing oversold or overbooked, no letter
//! number or ticket code twice, an intact database; the latency percentiles are printed.
//!
//! `SK_LOAD_SECONDS` sets the duration (default 10; 60 for the figures in the trust issue's note) and
//! `SK_SERVER_BINARY` the binary (default: this build's; the release binary for real figures).

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::*;

const PEOPLE: usize = 64;
const LAMP_STOCK: i64 = 25;
const CLASS_SEATS: i64 = 12;

struct Setup {
    cookies: Vec<String>,
    staff: Vec<String>,
    lamp_variant: i64,
    lamp_shop: i64,
    class_session: i64,
    slots: Vec<i64>,
}

async fn prepare(database: &std::path::Path) -> Setup {
    let pool = app::db::connect_and_migrate(database).await.unwrap();
    let now = app::db::now_unix();
    app::demo::load(&pool, now).await.unwrap();
    app::demo::load_accounts(&pool, &test_cipher(), now)
        .await
        .unwrap();
    // This village does not ask for the RT/RW letter photo, so staff can issue letters under load.
    app::on_db!(&pool, |c| sqlx::query(
        "UPDATE service_fields SET required = FALSE WHERE kind = 'file'"
    )
    .execute(c)
    .await
    .map(app::db::Done::from))
    .unwrap();
    let mut cookies = Vec::new();
    for person in 0..PEOPLE {
        let id: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "INSERT INTO accounts (phone, name, home_village_id, password_hash, created_at)
             SELECT $1, $2, id, 'not-a-hash', 0 FROM villages WHERE slug = 'kemiren' RETURNING id",
        )
        .bind(format!("+62815{person:08}"))
        .bind(format!("Pengunjung {person}"))
        .fetch_one(c)
        .await)
        .unwrap();
        app::on_db!(&pool, |c| sqlx::query(
            "INSERT INTO resident_verifications (account_id, village_id, full_name, address, nik_ciphertext,
                                                 nik_last4, status, submitted_at)
             SELECT id, home_village_id, name, 'Dusun Krajan', $2, '0000', 'verified', 0 FROM accounts WHERE id = $1",
        )
        .bind(id)
        .bind(vec![0_u8])
        .execute(c).await.map(app::db::Done::from))
        .unwrap();
        let token = app::akun::session::insert_for_tests(&pool, id, now)
            .await
            .unwrap();
        cookies.push(format!("sk_session={token}"));
    }
    let mut staff = Vec::new();
    for phone in ["+6281230000004", "+6281230000006"] {
        let id: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT id FROM accounts WHERE phone = $1"
        )
        .bind(phone)
        .fetch_one(c)
        .await)
        .unwrap();
        let token = app::akun::session::insert_for_tests(&pool, id, now)
            .await
            .unwrap();
        staff.push(format!("sk_session={token}"));
    }
    let (lamp_variant, lamp_shop): (i64, i64) = app::on_db!(&pool, |c| {
        sqlx::query_as(
        "SELECT pv.id, p.shop_id FROM product_variants pv JOIN products p ON p.id = pv.product_id
         WHERE p.slug = 'lampu-bambu-ijen'",
    )
    .fetch_one(c).await
    })
    .unwrap();
    app::on_db!(&pool, |c| sqlx::query(
        "UPDATE product_variants SET stock = $1 WHERE id = $2"
    )
    .bind(LAMP_STOCK)
    .bind(lamp_variant)
    .execute(c)
    .await
    .map(app::db::Done::from))
    .unwrap();
    let event: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
        "INSERT INTO events (village_id, slug, kind, title_id, summary_id, venue, starts_at, ends_at, capacity, status)
         SELECT id, 'kelas-beban', 'kelas', 'Kelas beban', 'Kelas untuk uji beban', 'Balai', $1, $1, $2, 'published'
         FROM villages WHERE slug = 'kemiren' RETURNING id",
    )
    .bind(now + 86_400)
    .bind(CLASS_SEATS)
    .fetch_one(c).await)
    .unwrap();
    let class_session: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
        "INSERT INTO event_sessions (event_id, starts_at, ends_at, capacity) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(event)
    .bind(now + 86_400)
    .bind(now + 86_400 + 7_200)
    .bind(CLASS_SEATS)
    .fetch_one(c).await)
    .unwrap();
    pool.close().await;
    Setup {
        cookies,
        staff,
        lamp_variant,
        lamp_shop,
        class_session,
        slots: Vec::new(),
    }
}

/// The visit slots the SKTM page offers (read the way a phone reads them).
fn offered_slots(port: u16, cookie: &str) -> Vec<i64> {
    let (_, page) = raw_http(port, "GET", "/layanan/kemiren/sktm", Some(cookie), "").unwrap();
    page.split("name=\"slot\"")
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .unwrap_or_default()
        .split("value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

#[derive(Default)]
struct Tally {
    latencies_micros: Vec<u64>,
    errors: Vec<String>,
}

#[test]
fn sixty_four_people_at_once_lose_nothing_and_nothing_is_oversold_or_overbooked() {
    if on_postgres() {
        // One server on its SQLite file; on PostgreSQL the same races run across two servers
        // (`two_servers.rs`).
        eprintln!("the SQLite server's load test");
        return;
    }
    let seconds: u64 = std::env::var("SK_LOAD_SECONDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(10);
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(dir.path().join("site/pkg")).unwrap();
    std::fs::create_dir_all(&data_dir).unwrap();
    let database = data_dir.join("smart-kampung.db");
    let mut setup = RUNTIME.block_on(prepare(&database));
    let port = free_port();
    let mut server = start_server(&data_dir, &dir.path().join("site"), port);
    setup.slots = offered_slots(port, &setup.cookies[0]);
    assert!(!setup.slots.is_empty(), "the SKTM page offers slots");
    let setup = Arc::new(setup);

    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let requests = Arc::new(AtomicU64::new(0));
    let call = {
        let (tally, requests) = (tally.clone(), requests.clone());
        move |method: &str, path: &str, cookie: &str, body: &str| -> Option<(u16, String)> {
            let started = Instant::now();
            let answer = raw_http(port, method, path, Some(cookie), body);
            let micros = started.elapsed().as_micros() as u64;
            requests.fetch_add(1, Ordering::Relaxed);
            let mut tally = tally.lock().unwrap();
            tally.latencies_micros.push(micros);
            match &answer {
                None => tally
                    .errors
                    .push(format!("{method} {path}: connection failed")),
                Some((status, body)) if *status >= 500 => tally.errors.push(format!(
                    "{method} {path}: {status} {}",
                    body.chars().take(200).collect::<String>()
                )),
                _ => {}
            }
            answer
        }
    };

    let started = Instant::now();
    let mut threads = Vec::new();
    for person in 0..PEOPLE {
        let (setup, stop, call) = (setup.clone(), stop.clone(), call.clone());
        threads.push(std::thread::spawn(move || {
            let cookie = &setup.cookies[person];
            let mut random = 0x9e37_79b9_u32.wrapping_mul(person as u32 + 1);
            let mut next = move || {
                random ^= random << 13;
                random ^= random >> 17;
                random ^= random << 5;
                random
            };
            while !stop.load(Ordering::SeqCst) {
                match next() % 10 {
                    // Browsing is most of what people do.
                    0..=4 => {
                        let pages = ["/", "/pasar", "/pasar?q=batik", "/pasar/produk/lampu-bambu-ijen", "/budaya", "/layanan", "/desa/kemiren"];
                        call("GET", pages[next() as usize % pages.len()], cookie, "");
                    }
                    5 | 6 => {
                        call("POST", "/api/add_to_cart", cookie, &format!("product=lampu-bambu-ijen&variant_id={}&quantity=1", setup.lamp_variant));
                        let shop = setup.lamp_shop;
                        call("POST", "/api/checkout", cookie, &format!("choices[0][shop_id]={shop}&choices[0][fulfilment]=pickup_seller&choices[0][payment]=cash&choices[0][address]=&choices[0][note]="));
                    }
                    7 => {
                        let slot = setup.slots[next() as usize % setup.slots.len()];
                        call("POST", "/api/submit_request", cookie, &format!("village=kemiren&service=sktm&slot={slot}&answers[alamat]=Dusun%20Krajan&answers[pekerjaan]=Petani&answers[penghasilan]=900000&answers[keperluan]=Bantuan%20sosial"));
                    }
                    8 => {
                        call("POST", "/api/register_for_session", cookie, &format!("session_id={}&seats={}", setup.class_session, 1 + next() % 3));
                    }
                    _ => {
                        call("POST", "/api/submit_request", cookie, "village=kemiren&service=domisili&answers[alamat]=Dusun%20Krajan&answers[sejak]=2001&answers[keperluan]=Bank");
                    }
                }
            }
        }));
    }
    // The operator and the kades work through the inbox while it fills.
    {
        let (setup, stop, call) = (setup.clone(), stop.clone(), call.clone());
        let database = database.clone();
        threads.push(std::thread::spawn(move || {
            let (dewi, slamet) = (&setup.staff[0], &setup.staff[1]);
            let moves = [("diajukan", "diperiksa", dewi), ("diperiksa", "disetujui_kades", slamet), ("disetujui_kades", "siap", dewi)];
            while !stop.load(Ordering::SeqCst) {
                for (from, to, cookie) in moves {
                    let codes: Vec<String> = RUNTIME.block_on(async {
                        let pool = app::db::connect(&database).await.unwrap();
                        let codes = app::on_db!(&pool, |c| sqlx::query_scalar(
                            "SELECT r.code FROM service_requests r JOIN services s ON s.id = r.service_id
                             WHERE r.status = $1 AND s.slug = 'domisili' ORDER BY r.id LIMIT 5",
                        )
                        .bind(from)
                        .fetch_all(c).await)
                        .unwrap();
                        pool.close().await;
                        codes
                    });
                    for code in codes {
                        call("POST", "/api/move_request", cookie, &format!("code={code}&to={to}"));
                    }
                }
            }
        }));
    }
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::SeqCst);
    for thread in threads {
        thread.join().unwrap();
    }
    let elapsed = started.elapsed();
    server.kill().unwrap();
    server.wait().unwrap();

    let mut tally = std::mem::take(&mut *tally.lock().unwrap());
    tally.latencies_micros.sort_unstable();
    let percentile = |p: f64| {
        let index = ((tally.latencies_micros.len() as f64 - 1.0) * p) as usize;
        Duration::from_micros(tally.latencies_micros[index])
    };
    let total = requests.load(Ordering::Relaxed);
    RUNTIME.block_on(async {
        let pool = app::db::connect(&database).await.unwrap();
        let integrity: String = app::on_db!(&pool, |c| sqlx::query_scalar("PRAGMA integrity_check").fetch_one(c).await).unwrap();
        assert_eq!(integrity, "ok");
        let (sold, stock): (i64, i64) = app::on_db!(&pool, |c| sqlx::query_as(
            "SELECT (SELECT CAST(COALESCE(SUM(oi.quantity), 0) AS BIGINT) FROM order_items oi JOIN orders o ON o.id = oi.order_id
                     WHERE oi.variant_id = $1 AND o.status <> 'cancelled'),
                    (SELECT stock FROM product_variants WHERE id = $1)",
        )
        .bind(setup.lamp_variant)
        .fetch_one(c).await)
        .unwrap();
        let demo_orders: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(oi.quantity), 0) AS BIGINT) FROM order_items oi JOIN orders o ON o.id = oi.order_id
             JOIN accounts a ON a.id = o.buyer_account_id WHERE oi.variant_id = $1 AND a.phone NOT LIKE '+62815%'
               AND o.status <> 'cancelled'",
        )
        .bind(setup.lamp_variant)
        .fetch_one(c).await)
        .unwrap();
        assert_eq!(sold - demo_orders + stock, LAMP_STOCK, "every lamp sold once: sold {sold}, left {stock}");
        let overbooked_slots: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT r.slot_starts_at, COUNT(*) AS taken, MAX(s.slot_capacity) AS capacity
               FROM service_requests r JOIN services s ON s.id = r.service_id
               WHERE r.slot_starts_at IS NOT NULL AND r.status NOT IN ('dibatalkan', 'ditolak')
               GROUP BY r.service_id, r.slot_starts_at) WHERE taken > capacity",
        )
        .fetch_one(c).await)
        .unwrap();
        assert_eq!(overbooked_slots, 0);
        let confirmed_seats: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(seats), 0) AS BIGINT) FROM event_registrations WHERE session_id = $1 AND status = 'confirmed'",
        )
        .bind(setup.class_session)
        .fetch_one(c).await)
        .unwrap();
        assert!(confirmed_seats <= CLASS_SEATS, "{confirmed_seats} seats confirmed of {CLASS_SEATS}");
        let (letters, distinct_numbers): (i64, i64) =
            app::on_db!(&pool, |c| sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT number) FROM letters")
                .fetch_one(c).await)
                .unwrap();
        assert_eq!(letters, distinct_numbers, "no letter number twice");
        let (tickets, distinct_codes): (i64, i64) =
            app::on_db!(&pool, |c| sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT ticket_code) FROM event_registrations")
                .fetch_one(c).await)
                .unwrap();
        assert_eq!(tickets, distinct_codes, "no ticket code twice");
        let orders: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM orders o JOIN accounts a ON a.id = o.buyer_account_id WHERE a.phone LIKE '+62815%'",
        )
        .fetch_one(c).await)
        .unwrap();
        println!(
            "mixed load: {PEOPLE} people + 2 staff for {elapsed:?}: {total} requests ({:.0}/s), errors {}, \
             p50 {:?} p95 {:?} p99 {:?} max {:?}; {orders} orders for {LAMP_STOCK} lamps (left {stock}), \
             {confirmed_seats}/{CLASS_SEATS} seats, {letters} letters, 0 overbooked slots",
            total as f64 / elapsed.as_secs_f64(),
            tally.errors.len(),
            percentile(0.5),
            percentile(0.95),
            percentile(0.99),
            percentile(1.0),
        );
        assert!(letters > 0, "letters were issued under load");
    });
    assert!(
        tally.errors.is_empty(),
        "{} errors, first: {:?}",
        tally.errors.len(),
        tally.errors.first()
    );
}
