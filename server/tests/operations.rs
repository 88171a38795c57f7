//! Operations: a backup taken while people keep writing holds everything acknowledged before it and
//! restores into a server that serves it; and the real server binary, killed with SIGKILL again and
//! again in the middle of a write storm, comes back with every acknowledged write and an intact
//! database.
//!
//! `SK_CRASH_KILLS` sets how many times the server is killed (default 12; the trust issue's note gives
//! the figures of a 50-kill run).

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http::StatusCode;
use support::*;

/// A data directory as the server keeps it: database, photo files (demo photos drawn and stored) and
/// the NIK key.
async fn data_dir_with_demo(root: &std::path::Path) -> server::backup::DataPaths {
    let data = server::backup::DataPaths {
        database: root.join("smart-kampung.db"),
        photos: root.join("photos"),
        nik_key: root.join("secrets/nik.key"),
    };
    let key = server::secrets::load_or_create_key(&data.nik_key).unwrap();
    let pool = app::db::connect_and_migrate(&data.database).await.unwrap();
    let now = app::db::now_unix();
    app::demo::load(&pool, now).await.unwrap();
    let photos = app::media::storage::LocalDisk::new(data.photos.clone()).unwrap();
    app::budaya::demo::load_photos(&pool, &photos, now)
        .await
        .unwrap();
    app::pasar::demo::load_photos(&pool, &photos, now)
        .await
        .unwrap();
    app::pasar::demo::load_qris(&pool, &photos, now)
        .await
        .unwrap();
    app::demo::load_accounts(&pool, &app::akun::nik::NikCipher::from_key(key), now)
        .await
        .unwrap();
    app::layanan::demo::load_photos(&photos).await.unwrap();
    pool.close().await;
    data
}

#[test]
fn a_backup_taken_while_serving_holds_every_acknowledged_write_and_restores() {
    if on_postgres() {
        eprintln!("SQLite's own backup (a file snapshot); PostgreSQL is backed up with pg_dump");
        return;
    }
    run(async {
        let dir = tempfile::tempdir().unwrap();
        let data = data_dir_with_demo(&dir.path().join("data")).await;
        let pool = app::db::connect(&data.database).await.unwrap();
        let app = TestApp {
            router: build_router(dir.path(), pool.clone()),
            pool: pool.clone(),
            database: (&data.database).into(),
            dir,
        };
        let cookies = tourists(&app, 8).await;

        // Eight people keep renaming themselves ("Nama <n>", n counting up) during the backup.
        let stop = Arc::new(AtomicBool::new(false));
        let acknowledged = Arc::new(Mutex::new(vec![0_u64; cookies.len()]));
        let mut writers = tokio::task::JoinSet::new();
        for (person, cookie) in cookies.iter().cloned().enumerate() {
            let (router, stop, acknowledged) =
                (app.router.clone(), stop.clone(), acknowledged.clone());
            writers.spawn(async move {
                use tower::ServiceExt;
                let mut n = 0_u64;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let request = api_call(
                        "update_my_profile",
                        &format!("name=Nama%20{n}&email="),
                        Some(&cookie),
                    );
                    let status = router.clone().oneshot(request).await.unwrap().status();
                    assert_eq!(status, StatusCode::OK);
                    acknowledged.lock().unwrap()[person] = n;
                }
            });
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        let before_backup = acknowledged.lock().unwrap().clone();
        let backup_dir = app.dir.path().join("backup");
        let started = Instant::now();
        let report = server::backup::backup(&pool, &data, &backup_dir)
            .await
            .unwrap();
        let took = started.elapsed();
        tokio::time::sleep(Duration::from_millis(100)).await;
        stop.store(true, Ordering::SeqCst);
        while let Some(writer) = writers.join_next().await {
            writer.unwrap();
        }
        let writes: u64 = acknowledged.lock().unwrap().iter().sum();
        println!(
            "backup of {} rows and {} photo files took {took:?} while {writes} profile writes were acknowledged",
            report.rows.iter().map(|(_, rows)| rows).sum::<i64>(),
            report.photo_files
        );
        assert!(report.photo_files > 0);

        // Restored into a new data directory, by the same code as `smart-kampung restore`.
        let restored = server::backup::DataPaths {
            database: app.dir.path().join("restored/smart-kampung.db"),
            photos: app.dir.path().join("restored/photos"),
            nik_key: app.dir.path().join("restored/secrets/nik.key"),
        };
        let restore_report = server::backup::restore(&backup_dir, &restored, false)
            .await
            .unwrap();
        assert_eq!(
            restore_report.rows, report.rows,
            "the restored database is the snapshot"
        );
        assert!(
            server::backup::restore(&backup_dir, &restored, false)
                .await
                .is_err(),
            "an existing database is never overwritten without --replace"
        );
        let restored_pool = app::db::connect(&restored.database).await.unwrap();
        for (person, acknowledged) in before_backup.iter().enumerate() {
            let name: String = app::on_db!(&restored_pool, |c| sqlx::query_scalar(
                "SELECT name FROM accounts WHERE phone = $1"
            )
            .bind(format!("+62813{person:08}"))
            .fetch_one(c)
            .await)
            .unwrap();
            let held: u64 = name.trim_start_matches("Nama ").parse().unwrap_or(0);
            assert!(held >= *acknowledged, "person {person}: backup has {name}, {acknowledged} was acknowledged before it began");
        }
        // The NIK key came along: Budi's encrypted NIK still reads.
        let key = server::secrets::load_or_create_key(&restored.nik_key).unwrap();
        let ciphertext: Vec<u8> = app::on_db!(&restored_pool, |c| sqlx::query_scalar(
            "SELECT v.nik_ciphertext FROM resident_verifications v JOIN accounts a ON a.id = v.account_id WHERE a.phone = '+6281230000002'",
        )
        .fetch_one(c).await)
        .unwrap();
        assert_eq!(
            app::akun::nik::NikCipher::from_key(key)
                .decrypt(&ciphertext)
                .unwrap(),
            "3510161207850003"
        );
        // A server on the restored data serves a product page and its photo.
        let restored_app = TestApp {
            router: server::router(server::AppState {
                leptos: server::leptos_options(
                    &app.dir.path().join("site"),
                    "127.0.0.1:0".parse().unwrap(),
                ),
                pool: restored_pool.clone(),
                page_cache: server::page_cache::PageCacheSettings::OFF,
                background: server::BackgroundPool(restored_pool.clone()),
                nik: test_cipher(),
                photos: Arc::new(
                    app::media::storage::LocalDisk::new(restored.photos.clone()).unwrap(),
                ),
                trust_forwarded_for: false,
            }),
            pool: restored_pool,
            database: (&restored.database).into(),
            dir: tempfile::tempdir().unwrap(),
        };
        let page = send(&restored_app, get("/pasar/produk/selendang-gajah-oling")).await;
        assert_eq!(page.status, StatusCode::OK);
        let photo = first_photo_src(&page.body);
        assert_eq!(
            send(&restored_app, get(&photo)).await.status,
            StatusCode::OK,
            "{photo}"
        );
    });
}

fn post(port: u16, path: &str, cookie: &str, body: &str) -> Option<u16> {
    raw_http(port, "POST", path, Some(cookie), body).map(|(status, _)| status)
}

#[test]
fn the_server_killed_mid_write_storm_keeps_every_acknowledged_write() {
    if on_postgres() {
        eprintln!("SQLite's durability on one file; PostgreSQL's is the database server's own");
        return;
    }
    let kills: usize = std::env::var("SK_CRASH_KILLS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(12);
    const PEOPLE: usize = 16;
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let database = data_dir.join("smart-kampung.db");
    std::fs::create_dir_all(dir.path().join("site/pkg")).unwrap();
    // The people and their sessions, written before the first start.
    let cookies: Vec<String> = RUNTIME.block_on(async {
        std::fs::create_dir_all(&data_dir).unwrap();
        let pool = app::db::connect_and_migrate(&database).await.unwrap();
        app::demo::load(&pool, app::db::now_unix()).await.unwrap();
        let mut cookies = Vec::new();
        for person in 0..PEOPLE {
            let id: i64 = app::on_db!(&pool, |c| sqlx::query_scalar(
                "INSERT INTO accounts (phone, name, home_village_id, password_hash, created_at)
                 SELECT $1, 'Nama 0', id, 'not-a-hash', 0 FROM villages WHERE slug = 'kemiren' RETURNING id",
            )
            .bind(format!("+62814{person:08}"))
            .fetch_one(c).await)
            .unwrap();
            let token = app::akun::session::insert_for_tests(&pool, id, app::db::now_unix())
                .await
                .unwrap();
            cookies.push(format!("sk_session={token}"));
        }
        pool.close().await;
        cookies
    });

    let acknowledged = Arc::new(Mutex::new(vec![0_u64; PEOPLE]));
    let next = Arc::new(Mutex::new(vec![0_u64; PEOPLE]));
    let mut total_acknowledged = 0_u64;
    let started = Instant::now();
    for kill in 0..kills {
        let port = free_port();
        let mut child = start_server(&data_dir, &dir.path().join("site"), port);
        let stop = Arc::new(AtomicBool::new(false));
        let writers: Vec<_> = (0..PEOPLE)
            .map(|person| {
                let (cookie, stop) = (cookies[person].clone(), stop.clone());
                let (acknowledged, next) = (acknowledged.clone(), next.clone());
                std::thread::spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        let n = {
                            let mut next = next.lock().unwrap();
                            next[person] += 1;
                            next[person]
                        };
                        let body = format!("name=Nama%20{n}&email=");
                        match post(port, "/api/update_my_profile", &cookie, &body) {
                            Some(200) => acknowledged.lock().unwrap()[person] = n,
                            Some(status) => panic!("a write answered {status}"),
                            None => break,
                        }
                    }
                })
            })
            .collect();
        // Kill at a different moment each time, in the thick of the writes.
        std::thread::sleep(Duration::from_millis(150 + (kill as u64 * 37) % 400));
        child.kill().unwrap(); // SIGKILL: no shutdown, no flush
        child.wait().unwrap();
        stop.store(true, Ordering::SeqCst);
        for writer in writers {
            writer.join().unwrap();
        }
        let acknowledged_now = acknowledged.lock().unwrap().clone();
        total_acknowledged = acknowledged_now.iter().sum();
        RUNTIME.block_on(async {
            let pool = app::db::connect(&database).await.unwrap();
            let integrity: String =
                app::on_db!(&pool, |c| sqlx::query_scalar("PRAGMA integrity_check")
                    .fetch_one(c)
                    .await)
                .unwrap();
            assert_eq!(integrity, "ok", "after kill {kill}");
            for (person, acknowledged) in acknowledged_now.iter().enumerate() {
                let name: String = app::on_db!(&pool, |c| sqlx::query_scalar(
                    "SELECT name FROM accounts WHERE phone = $1"
                )
                .bind(format!("+62814{person:08}"))
                .fetch_one(c)
                .await)
                .unwrap();
                let stored: u64 = name.trim_start_matches("Nama ").parse().unwrap();
                assert!(
                    stored >= *acknowledged,
                    "kill {kill}, person {person}: {name} stored, {acknowledged} was acknowledged"
                );
            }
            pool.close().await;
        });
    }
    println!(
        "crash safety: {kills} SIGKILLs during a write storm of {PEOPLE} people, {total_acknowledged} acknowledged writes, all there after every restart, integrity ok ({:?})",
        started.elapsed()
    );
    assert!(
        total_acknowledged > kills as u64 * 10,
        "the storm really wrote"
    );
}
