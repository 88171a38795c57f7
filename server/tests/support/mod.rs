//! The real router, in-process, against a temporary SQLite file loaded with the demo data and accounts.
//!
//! All tests of a binary share one multi-threaded runtime and run one at a time. Leptos keeps per-process
//! state (its task spawner is global, the route list is generated through thread-locals), and several
//! routers built and driven at once from different test threads were seen to interfere (requests
//! hanging). Production has one router; the concurrency a test wants to exercise happens inside one router.

// Test helpers may unwrap: a failed unwrap here is a failed test, with its line.
#![allow(clippy::unwrap_used)]
#![allow(dead_code)]

pub mod matrix;

use axum::{body::Body, http::Request, Router};
use http::{header, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub static RUNTIME: std::sync::LazyLock<tokio::runtime::Runtime> = std::sync::LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("test runtime")
});

pub static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Errors the app logs (a database error behind an `Internal` answer) show in a failed test's output.
fn show_error_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("error"))
            .with_test_writer()
            .try_init();
    });
}

pub fn run<F: std::future::Future<Output = ()>>(test: F) {
    // Opt-in: the statement-counting test installs its own global subscriber.
    if std::env::var_os("SK_TEST_LOGS").is_some() {
        show_error_logs();
    }
    // A failed test poisons the lock; the next one may still run.
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    RUNTIME.block_on(test)
}

pub struct TestApp {
    pub router: Router,
    pub pool: app::db::Db,
    /// Where `pool` points (to open it again, as a restarted server does).
    pub database: app::db::DatabaseUrl,
    pub dir: tempfile::TempDir,
}

/// The key tests encrypt NIKs with.
pub fn test_cipher() -> app::akun::nik::NikCipher {
    app::akun::nik::NikCipher::from_key([9; 32])
}

/// A router as the server builds it, over `pool`, with a fake bundle in `dir/site`.
pub fn build_router(dir: &std::path::Path, pool: app::db::Db) -> Router {
    build_router_behind_proxy(dir, pool, false)
}

/// The same, optionally trusting `X-Forwarded-For` for the client's IP (as behind a reverse proxy).
pub fn build_router_behind_proxy(
    dir: &std::path::Path,
    pool: app::db::Db,
    trust_forwarded_for: bool,
) -> Router {
    build_router_with(
        dir,
        pool,
        trust_forwarded_for,
        server::page_cache::PageCacheSettings::OFF,
    )
}

/// The router with every setting given (the page cache is off in the other builders: most tests change
/// the database directly and read pages right after).
pub fn build_router_with(
    dir: &std::path::Path,
    pool: app::db::Db,
    trust_forwarded_for: bool,
    page_cache: server::page_cache::PageCacheSettings,
) -> Router {
    let leptos = server::leptos_options(&dir.join("site"), "127.0.0.1:0".parse().unwrap());
    server::router(server::AppState {
        leptos,
        page_cache,
        background: server::BackgroundPool(pool.clone()),
        pool,
        nik: test_cipher(),
        photos: std::sync::Arc::new(
            app::media::storage::LocalDisk::new(dir.join("photos")).unwrap(),
        ),
        trust_forwarded_for,
    })
}

/// The database a test runs on: a new SQLite file in `dir`, or, when `PG_TEST_URL` names a PostgreSQL
/// server (the test command starts a throwaway cluster and runs the suite a second time), a new database
/// on it. The cluster is deleted afterwards, databases and all.
pub async fn test_database(dir: &std::path::Path) -> app::db::DatabaseUrl {
    match std::env::var("PG_TEST_URL") {
        Ok(server) if !server.is_empty() => {
            static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let name = format!(
                "sk_test_{}_{}",
                std::process::id(),
                NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            );
            let admin = sqlx::PgPool::connect(&format!("{server}/postgres"))
                .await
                .unwrap();
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
            app::db::DatabaseUrl::Postgres(format!("{server}/{name}"))
        }
        _ => app::db::DatabaseUrl::Sqlite(dir.join("test.db")),
    }
}

/// Whether this run is the PostgreSQL one.
pub fn on_postgres() -> bool {
    std::env::var("PG_TEST_URL").is_ok_and(|url| !url.is_empty())
}

pub async fn test_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let database = test_database(dir.path()).await;
    let pool = app::db::connect_and_migrate(&database).await.unwrap();
    app::demo::load(&pool, app::db::now_unix()).await.unwrap();
    app::demo::load_accounts(&pool, &test_cipher(), app::db::now_unix())
        .await
        .unwrap();
    std::fs::create_dir_all(dir.path().join("site/pkg")).unwrap();
    std::fs::write(dir.path().join("site/pkg/smart-kampung.css"), "body{}").unwrap();
    std::fs::write(
        dir.path().join("site/pkg/smart-kampung.css.br"),
        [0x0b, 0x02, 0x80, 0x62, 0x6f, 0x64, 0x79, 0x7b, 0x7d, 0x03],
    )
    .unwrap();
    TestApp {
        router: build_router(dir.path(), pool.clone()),
        pool,
        database,
        dir,
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
}

pub async fn send(app: &TestApp, request: Request<Body>) -> Answer {
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

/// A server-function call as a plain HTML form sends it.
pub fn post_form(path: &str, body: &'static str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

pub fn get_in_english(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::COOKIE, "i18n_pref_locale=en")
        .body(Body::empty())
        .unwrap()
}

/// A server-function call as the hydrated app sends it (JSON answer, real status codes).
pub fn api_call(endpoint: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_string())).unwrap()
}

/// A GET with a session cookie.
pub fn get_signed_in(path: &str, cookie: &str) -> Request<Body> {
    Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap()
}

/// A form post was taken: answered, or sent on (a plain form's redirect).
pub fn accepted(status: StatusCode) -> bool {
    status.is_success() || status.is_redirection()
}

/// The id of a product's variant (by name; "" for a product without options).
pub async fn variant_id(app: &TestApp, product: &str, name: &str) -> i64 {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT pv.id FROM product_variants pv JOIN products p ON p.id = pv.product_id
         WHERE p.slug = $1 AND pv.name_id = $2 AND pv.is_active",
    )
    .bind(product)
    .bind(name)
    .fetch_one(c)
    .await)
    .unwrap()
}

/// The shop a product belongs to.
pub async fn shop_id_of(app: &TestApp, product: &str) -> i64 {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT shop_id FROM products WHERE slug = $1"
    )
    .bind(product)
    .fetch_one(c)
    .await)
    .unwrap()
}

/// A live session for the account with this phone number, as a `Cookie` header value.
pub async fn signed_in_as(app: &TestApp, phone: &str) -> String {
    let id: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT id FROM accounts WHERE phone = $1"
    )
    .bind(phone)
    .fetch_one(c)
    .await)
    .unwrap();
    let token = app::akun::session::insert_for_tests(&app.pool, id, app::db::now_unix())
        .await
        .unwrap();
    format!("sk_session={token}")
}

/// `count` new accounts (tourists), each with a live session; returns their cookies.
pub async fn tourists(app: &TestApp, count: usize) -> Vec<String> {
    let mut cookies = Vec::with_capacity(count);
    // Numbered after the tourists a test already made.
    let start: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM accounts WHERE phone LIKE '+62813%'"
    )
    .fetch_one(c)
    .await)
    .unwrap();
    for n in start as usize..start as usize + count {
        let phone = format!("+62813{n:08}");
        app::on_db!(&app.pool, |c| sqlx::query(
            "INSERT INTO accounts (phone, name, home_village_id, password_hash, created_at)
             SELECT $1, $2, id, 'not-a-hash', 0 FROM villages WHERE slug = 'kemiren'",
        )
        .bind(&phone)
        .bind(format!("Wisatawan {n}"))
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        cookies.push(signed_in_as(app, &phone).await);
    }
    cookies
}

/// `count` new residents of Kemiren whose identity the village verified, each with a live session.
pub async fn verified_residents(app: &TestApp, count: usize) -> Vec<String> {
    let newest_before: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT COALESCE(MAX(id), 0) FROM accounts"
    )
    .fetch_one(c)
    .await)
    .unwrap();
    let cookies = tourists(app, count).await;
    app::on_db!(&app.pool, |c| sqlx::query(
        "INSERT INTO resident_verifications
           (account_id, village_id, full_name, address, nik_ciphertext, nik_last4, status, submitted_at)
         SELECT id, home_village_id, 'Warga ' || name, 'Dusun Krajan', $2, '0000', 'verified', 0
         FROM accounts WHERE phone LIKE '+62813%' AND id > $1
         ON CONFLICT (account_id) DO NOTHING",
    )
    .bind(newest_before)
    .bind(vec![0_u8])
    .execute(c).await.map(app::db::Done::from))
    .unwrap();
    cookies
}

/// A multipart body with one file in the `photos` field.
pub fn multipart_upload(
    path: &str,
    cookie: Option<&str>,
    file: &[u8],
) -> axum::http::Request<axum::body::Body> {
    multipart_upload_many(path, cookie, &[file])
}

/// A multipart body with several files in the `photos` field (a phone's multi-select picker).
pub fn multipart_upload_many(
    path: &str,
    cookie: Option<&str>,
    files: &[&[u8]],
) -> axum::http::Request<axum::body::Body> {
    let boundary = "----sk-test-boundary";
    let mut body = Vec::new();
    for (index, file) in files.iter().enumerate() {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"IMG_{index}.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").as_bytes());
        body.extend_from_slice(file);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let mut request = axum::http::Request::post(path).header(
        http::header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={boundary}"),
    );
    if let Some(cookie) = cookie {
        request = request.header(http::header::COOKIE, cookie);
    }
    request.body(axum::body::Body::from(body)).unwrap()
}

/// A small JPEG as a phone writes it, GPS position included in its EXIF block.
pub fn phone_photo() -> Vec<u8> {
    use image::{codecs::jpeg::JpegEncoder, ImageEncoder};
    let pixels: Vec<u8> = (0..800 * 600)
        .flat_map(|i| [(i % 251) as u8, 90, 160])
        .collect();
    let mut jpeg = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut jpeg, 85);
    let mut exif = b"II\x2a\x00\x08\x00\x00\x00\x01\x00\x25\x88\x04\x00\x01\x00\x00\x00\x1a\x00\x00\x00\x00\x00\x00\x00".to_vec();
    exif.extend_from_slice(b"GPSLatitude-8.2149");
    encoder.set_exif_metadata(exif).unwrap();
    encoder
        .write_image(&pixels, 800, 600, image::ExtendedColorType::Rgb8)
        .unwrap();
    jpeg
}

/// A photo the size a phone camera writes: `width`×`height` pixels of a scene with grain (sensor noise
/// is what makes real photos 3–6 MB), `grain` setting how much detail the JPEG must keep.
pub fn camera_photo(width: u32, height: u32, grain: u32) -> Vec<u8> {
    use image::{codecs::jpeg::JpegEncoder, ImageEncoder};
    let mut state: u32 = 0x2545_f491;
    let mut pixels = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            // xorshift: deterministic noise, the same file on every run.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let noise = (state % (2 * grain + 1)) as i32 - grain as i32;
            let base = [
                (x * 200 / width) as i32 + 30,
                (y * 180 / height) as i32 + 40,
                ((x + y) % 256) as i32 / 2 + 60,
            ];
            pixels.extend(base.map(|channel| (channel + noise).clamp(0, 255) as u8));
        }
    }
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 92)
        .write_image(&pixels, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    jpeg
}

/// One HTTP/1.1 request to a server on loopback over a fresh connection: the status code and the body,
/// or None when the connection failed (the server is gone). Blocking: for tests that drive the real
/// binary from threads.
pub fn raw_http(
    port: u16,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: &str,
) -> Option<(u16, String)> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .ok()?;
    let cookie = cookie
        .map(|cookie| format!("Cookie: {cookie}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{cookie}Accept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).ok()?;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    Some((status, body))
}

/// A free port on loopback for a server the test starts.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The server binary, started on `port` with `data_dir`, its output discarded; returns once it accepts
/// connections. `SK_SERVER_BINARY` may name another build (the release binary, for figures).
pub fn start_server(
    data_dir: &std::path::Path,
    site_root: &std::path::Path,
    port: u16,
) -> std::process::Child {
    start_server_with(data_dir, site_root, port, &[])
}

/// [`start_server`] with more flags (`("--database-url", "postgres://…")`).
pub fn start_server_with(
    data_dir: &std::path::Path,
    site_root: &std::path::Path,
    port: u16,
    flags: &[(&str, &str)],
) -> std::process::Child {
    let binary = std::env::var("SK_SERVER_BINARY")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_smart-kampung").to_string());
    let mut command = std::process::Command::new(binary);
    command
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--site-root")
        .arg(site_root);
    for (flag, value) in flags {
        command.arg(flag).arg(value);
    }
    let child = command
        .env("RUST_LOG", "error")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "the server did not start"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child
}

/// The address of the first photo a page shows (its smallest width, from the first `srcset`).
pub fn first_photo_src(html: &str) -> String {
    html.split("srcset=\"")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect("the page shows a photo")
        .to_string()
}
