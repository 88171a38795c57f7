//! Two app servers (the real binary, on two ports) share one PostgreSQL database, as a regency runs
//! them behind a load balancer. People split across both race for the same things; afterwards nothing
//! is oversold or overbooked, no letter number is given twice and no message is sent twice.
//! Runs in the PostgreSQL pass of the test command (`PG_TEST_URL` set).

#![allow(clippy::unwrap_used)]

mod support;

use std::sync::{Arc, Barrier};

use support::*;

const BUYERS: usize = 64;
const LAST_LAMPS: i64 = 5;
const RESIDENTS: usize = 40;
const SLOT_PLACES: i64 = 3;
const LETTERS: usize = 20;
const MESSAGES: i64 = 300;

struct Setup {
    database_url: String,
    buyers: Vec<String>,
    residents: Vec<String>,
    staff: String,
    lamp_variant: i64,
    lamp_shop: i64,
    letter_requests: Vec<String>,
}

async fn prepare(dir: &std::path::Path) -> Setup {
    let url = test_database(dir).await;
    let app::db::DatabaseUrl::Postgres(database_url) = url.clone() else {
        unreachable!("the PostgreSQL pass")
    };
    let pool = app::db::connect_and_migrate(&url).await.unwrap();
    let now = app::db::now_unix();
    app::demo::load(&pool, now).await.unwrap();
    app::demo::load_accounts(&pool, &test_cipher(), now)
        .await
        .unwrap();
    // Letters need no RT/RW photo here, so staff can issue them by a move.
    app::on_db!(&pool, |c| sqlx::query(
        "UPDATE service_fields SET required = FALSE WHERE kind = 'file'"
    )
    .execute(c)
    .await
    .map(app::db::Done::from))
    .unwrap();
    let mut people = Vec::new();
    for person in 0..BUYERS.max(RESIDENTS) {
        let id: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "INSERT INTO accounts (phone, name, home_village_id, password_hash, created_at)
             SELECT $1, $2, id, 'not-a-hash', 0 FROM villages WHERE slug = 'kemiren' RETURNING id",
        )
        .bind(format!("+62816{person:08}"))
        .bind(format!("Warga {person}"))
        .fetch_one(c)
        .await)
        .unwrap();
        app::on_db!(&pool, |c| sqlx::query(
            "INSERT INTO resident_verifications (account_id, village_id, full_name, address, nik_ciphertext,
                                                 nik_last4, status, submitted_at)
             SELECT id, home_village_id, name, 'Dusun Krajan', $2, '0000', 'verified', 0
             FROM accounts WHERE id = $1",
        )
        .bind(id)
        .bind(vec![0_u8])
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        let token = app::akun::session::insert_for_tests(&pool, id, now)
            .await
            .unwrap();
        people.push(format!("sk_session={token}"));
    }
    let operator: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
        "SELECT id FROM accounts WHERE phone = '+6281230000004'"
    )
    .fetch_one(c)
    .await)
    .unwrap();
    let staff = format!(
        "sk_session={}",
        app::akun::session::insert_for_tests(&pool, operator, now)
            .await
            .unwrap()
    );
    let (lamp_variant, lamp_shop): (i64, i64) = app::on_db!(&pool, |c| {
        sqlx::query_as(
        "SELECT pv.id, p.shop_id FROM product_variants pv JOIN products p ON p.id = pv.product_id
         WHERE p.slug = 'lampu-bambu-ijen' ORDER BY pv.position LIMIT 1",
    )
    .fetch_one(c)
    .await
    })
    .unwrap();
    app::on_db!(&pool, |c| sqlx::query(
        "UPDATE product_variants SET stock = $1 WHERE id = $2"
    )
    .bind(LAST_LAMPS)
    .bind(lamp_variant)
    .execute(c)
    .await
    .map(app::db::Done::from))
    .unwrap();
    app::on_db!(&pool, |c| sqlx::query(
        "UPDATE services SET slot_capacity = $1 WHERE slug = 'sktm'"
    )
    .bind(SLOT_PLACES)
    .execute(c)
    .await
    .map(app::db::Done::from))
    .unwrap();
    // Twenty approved requests, waiting for the operator to issue their letters.
    let mut letter_requests = Vec::new();
    for number in 0..LETTERS {
        let code = format!("DUA{number:05}");
        app::on_db!(&pool, |c| sqlx::query(
            "INSERT INTO service_requests (code, service_id, village_id, account_id, status, created_at,
                                           updated_at, holder_legal_name)
             SELECT $1, s.id, s.village_id, a.id, 'disetujui_kades', $2, $2, a.name
             FROM services s JOIN villages v ON v.id = s.village_id AND v.slug = 'kemiren'
             JOIN accounts a ON a.phone = $3
             WHERE s.slug = 'domisili'",
        )
        .bind(&code)
        .bind(now)
        .bind(format!("+62816{number:08}"))
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        letter_requests.push(code);
    }
    for number in 0..MESSAGES {
        app::notifikasi::store::enqueue_message(
            &pool,
            None,
            "+6281234567890",
            "test",
            &format!("Pesan {number}"),
            now,
        )
        .await
        .unwrap();
    }
    pool.close().await;
    Setup {
        database_url,
        buyers: people[..BUYERS].to_vec(),
        residents: people[..RESIDENTS].to_vec(),
        staff,
        lamp_variant,
        lamp_shop,
        letter_requests,
    }
}

/// The first visit slot the SKTM page offers.
fn first_slot(port: u16, cookie: &str) -> i64 {
    let (_, page) = raw_http(port, "GET", "/layanan/kemiren/sktm", Some(cookie), "").unwrap();
    page.split("name=\"slot\"")
        .nth(1)
        .and_then(|rest| rest.split("value=\"").nth(1))
        .and_then(|rest| rest.split('"').next()?.parse().ok())
        .expect("the SKTM page offers a slot")
}

/// Runs `act(person, port)` for every person at once (released together), half on each server.
fn all_at_once(people: usize, ports: [u16; 2], act: impl Fn(usize, u16) + Send + Sync + 'static) {
    let act = Arc::new(act);
    let start = Arc::new(Barrier::new(people));
    let threads: Vec<_> = (0..people)
        .map(|person| {
            let (act, start) = (act.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                act(person, ports[person % 2]);
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
}

#[test]
fn two_servers_on_one_postgresql_never_oversell_overbook_number_twice_or_send_twice() {
    if !on_postgres() {
        eprintln!("PG_TEST_URL is not set: two servers share PostgreSQL in the PostgreSQL pass");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let setup = Arc::new(RUNTIME.block_on(prepare(dir.path())));
    std::fs::create_dir_all(dir.path().join("site/pkg")).unwrap();
    let key = dir.path().join("nik.key");
    let ports = [free_port(), free_port()];
    let mut servers: Vec<_> = ports
        .iter()
        .enumerate()
        .map(|(index, port)| {
            let data_dir = dir.path().join(format!("server-{index}"));
            std::fs::create_dir_all(&data_dir).unwrap();
            start_server_with(
                &data_dir,
                &dir.path().join("site"),
                *port,
                &[
                    ("--database-url", setup.database_url.as_str()),
                    ("--nik-key-file", key.to_str().unwrap()),
                ],
            )
        })
        .collect();

    // 64 buyers, half on each server, put a lamp in their cart and check out at the same moment.
    {
        let setup = setup.clone();
        all_at_once(BUYERS, ports, move |buyer, port| {
            let cookie = &setup.buyers[buyer];
            raw_http(
                port,
                "POST",
                "/api/add_to_cart",
                Some(cookie),
                &format!(
                    "product=lampu-bambu-ijen&variant_id={}&quantity=1",
                    setup.lamp_variant
                ),
            );
            raw_http(port, "POST", "/api/checkout", Some(cookie), &format!(
                "choices[0][shop_id]={}&choices[0][fulfilment]=pickup_seller&choices[0][payment]=cash&choices[0][address]=&choices[0][note]=",
                setup.lamp_shop
            ));
        });
    }
    // 40 residents ask for the same visit slot, which has three places.
    let slot = first_slot(ports[0], &setup.residents[0]);
    {
        let setup = setup.clone();
        all_at_once(RESIDENTS, ports, move |resident, port| {
            raw_http(port, "POST", "/api/submit_request", Some(&setup.residents[resident]), &format!(
                "village=kemiren&service=sktm&slot={slot}&answers[alamat]=Dusun%20Krajan&answers[pekerjaan]=Petani&answers[penghasilan]=900000&answers[keperluan]=Bantuan%20sosial"
            ));
        });
    }
    // Twenty letters issued at once, half through each server.
    {
        let setup = setup.clone();
        all_at_once(LETTERS, ports, move |letter, port| {
            let code = &setup.letter_requests[letter];
            raw_http(
                port,
                "POST",
                "/api/move_request",
                Some(&setup.staff),
                &format!("code={code}&to=siap"),
            );
        });
    }

    let (sold, left, taken, letters, numbers, unsent, resent) = RUNTIME.block_on(async {
        let pool = app::db::connect(app::db::DatabaseUrl::Postgres(setup.database_url.clone()))
            .await
            .unwrap();
        // Both servers' outbox workers run every two seconds; wait until the messages are out.
        let mut unsent = i64::MAX;
        for _ in 0..60 {
            unsent = app::on_db!(&pool, |c| sqlx::query_scalar(
                "SELECT COUNT(*) FROM outbox WHERE purpose = 'test' AND status <> 'sent'"
            )
            .fetch_one(c)
            .await)
            .unwrap();
            if unsent == 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
        let resent: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE purpose = 'test' AND attempts <> 1"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        let (sold, left): (i64, i64) = app::on_db!(&pool, |c| sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id
                     JOIN accounts a ON a.id = o.buyer_account_id
                     WHERE oi.variant_id = $1 AND a.phone LIKE '+62816%'),
                    (SELECT stock FROM product_variants WHERE id = $1)",
        )
        .bind(setup.lamp_variant)
        .fetch_one(c)
        .await)
        .unwrap();
        let taken: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM service_requests WHERE slot_starts_at = $1"
        )
        .bind(slot)
        .fetch_one(c)
        .await)
        .unwrap();
        let (letters, numbers): (i64, i64) = app::on_db!(&pool, |c| sqlx::query_as(
            "SELECT COUNT(*), COUNT(DISTINCT l.number) FROM letters l
             JOIN service_requests r ON r.id = l.request_id WHERE r.code LIKE 'DUA%'",
        )
        .fetch_one(c)
        .await)
        .unwrap();
        pool.close().await;
        (sold, left, taken, letters, numbers, unsent, resent)
    });
    for server in &mut servers {
        server.kill().unwrap();
        server.wait().unwrap();
    }
    assert_eq!(
        (sold, left),
        (LAST_LAMPS, 0),
        "exactly the last {LAST_LAMPS} lamps sold"
    );
    assert_eq!(
        taken, SLOT_PLACES,
        "exactly {SLOT_PLACES} visits in the slot"
    );
    assert_eq!(
        (letters, numbers),
        (LETTERS as i64, LETTERS as i64),
        "{LETTERS} letters, each with its own number"
    );
    assert_eq!(unsent, 0, "every message was sent");
    assert_eq!(resent, 0, "no message was sent twice");
}
