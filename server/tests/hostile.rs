//! Hostile input, generated: every server function (the authorization matrix's well-formed calls,
//! mutated) and every upload route get missing, repeated, oversized, wrong-typed, non-UTF-8 and
//! markup-laden arguments from every role. The server must never answer 5xx or panic, and whatever
//! markup got stored must come back as text on the pages, the calendar feeds and the JSON-LD.
//!
//! `SK_HOSTILE_CASES` sets how many calls are generated (default 2,000; the note of the trust issue
//! gives the figures of a longer run).

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use axum::{body::Body, http::Request};
use http::{header, StatusCode};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use support::matrix::{MATRIX, ROLES};
use support::*;

/// Text a person could type that must never become markup anywhere it is shown.
const MARKUP: &str = r#"Batik"'</title></textarea></script><img src=x onerror=alert(1)><meta http-equiv="refresh" content="0">"#;

#[derive(Debug, Clone)]
enum Mutation {
    /// Leave one argument out.
    Drop(usize),
    /// Send one argument twice with different values.
    Repeat(usize),
    /// One argument far longer than any field.
    Oversize(usize, usize),
    /// Letters where a number or code goes, or numbers beyond i64.
    WrongType(usize, &'static str),
    /// Bytes that are not UTF-8 once percent-decoded.
    NotUtf8(usize),
    /// Markup in one argument.
    Markup(usize),
    /// An argument name the function does not know, or a broken nested key.
    Junk(String),
    /// Every argument set to markup at once (the most likely to be stored and shown).
    AllMarkup,
    /// A body that is not a form at all.
    RawBytes(Vec<u8>),
}

#[derive(Debug, Clone)]
struct Case {
    endpoint: usize,
    role: usize,
    mutation: Mutation,
    /// As a plain HTML form post (JavaScript off) rather than a fetch call.
    plain_form: bool,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0..8usize).prop_map(Mutation::Drop),
        (0..8usize).prop_map(Mutation::Repeat),
        (0..8usize, 5_000..200_000usize).prop_map(|(i, n)| Mutation::Oversize(i, n)),
        (
            0..8usize,
            prop::sample::select(vec![
                "abc",
                "-1",
                "99999999999999999999999",
                "1.5",
                "NaN",
                "",
                "%00",
                "[]",
                "true",
                "0x10",
            ])
        )
            .prop_map(|(i, v)| Mutation::WrongType(i, v)),
        (0..8usize).prop_map(Mutation::NotUtf8),
        (0..8usize).prop_map(Mutation::Markup),
        prop::sample::select(vec![
            "zzz=1".to_string(),
            "choices[999999999999][shop_id]=1".to_string(),
            "answers[=1".to_string(),
            "query[q][x]=1".to_string(),
            "%=%".to_string(),
            "&&&==&".to_string(),
        ])
        .prop_map(Mutation::Junk),
        Just(Mutation::AllMarkup),
        prop::collection::vec(any::<u8>(), 0..300).prop_map(Mutation::RawBytes),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (0..MATRIX.len(), 0..ROLES.len(), mutation(), any::<bool>()).prop_map(
        |(endpoint, role, mutation, plain_form)| Case {
            endpoint,
            role,
            mutation,
            plain_form,
        },
    )
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The well-formed call's arguments, mutated.
fn body_of(base: &str, mutation: &Mutation) -> Vec<u8> {
    let mut pairs: Vec<(String, String)> = base
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key.to_string(), value.to_string())
        })
        .collect();
    let pick = |index: usize, len: usize| if len == 0 { None } else { Some(index % len) };
    match mutation {
        Mutation::Drop(index) => {
            if let Some(index) = pick(*index, pairs.len()) {
                pairs.remove(index);
            }
        }
        Mutation::Repeat(index) => {
            if let Some(index) = pick(*index, pairs.len()) {
                let (key, _) = pairs[index].clone();
                pairs.push((key, "2".into()));
            }
        }
        Mutation::Oversize(index, length) => {
            if let Some(index) = pick(*index, pairs.len()) {
                pairs[index].1 = "a".repeat(*length);
            }
        }
        Mutation::WrongType(index, value) => {
            if let Some(index) = pick(*index, pairs.len()) {
                pairs[index].1 = value.to_string();
            }
        }
        Mutation::NotUtf8(index) => {
            if let Some(index) = pick(*index, pairs.len()) {
                pairs[index].1 = "caf%C3%28%FF%FE".into();
            }
        }
        Mutation::Markup(index) => {
            if let Some(index) = pick(*index, pairs.len()) {
                pairs[index].1 = encode(MARKUP);
            }
        }
        Mutation::AllMarkup => {
            for pair in &mut pairs {
                pair.1 = encode(MARKUP);
            }
        }
        Mutation::Junk(extra) => {
            return format!("{base}&{extra}").into_bytes();
        }
        Mutation::RawBytes(bytes) => return bytes.clone(),
    }
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

fn server_fn_call(
    endpoint: &str,
    body: Vec<u8>,
    cookie: Option<&str>,
    plain_form: bool,
) -> Request<Body> {
    let mut request = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(
            header::ACCEPT,
            if plain_form {
                "text/html"
            } else {
                "application/json"
            },
        );
    if plain_form {
        request = request.header(header::REFERER, "http://127.0.0.1:3000/");
    }
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

/// Panics anywhere in the process (a request handler, or a task a page spawned), counted by a hook:
/// the catch-panic layer would turn a handler's panic into a 500, but a spawned task's panic is silent.
static PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
/// One known exception, counted apart and reported: leptos_i18n 0.6.2 starts an effect on a spawned
/// task for every page; under load the task sometimes runs after the page was sent and its reactive
/// owner disposed, and reading the locale signal then panics inside that detached task (about 2% of
/// renders here). The response is complete and correct; nothing of ours runs there.
static DETACHED_I18N_PANICS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

fn count_panics() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or_default();
            if message.contains("already been disposed") && message.contains("leptos_i18n") {
                DETACHED_I18N_PANICS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                return;
            }
            PANICS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            default(info);
        }));
    });
}

fn panics() -> usize {
    PANICS.load(std::sync::atomic::Ordering::SeqCst)
}

async fn cookies_for_every_role(app: &TestApp) -> Vec<Option<String>> {
    let mut cookies = Vec::new();
    for (_, phone) in ROLES {
        cookies.push(match phone {
            Some(phone) => Some(signed_in_as(app, phone).await),
            None => None,
        });
    }
    cookies
}

#[test]
fn generated_hostile_arguments_never_crash_the_server_and_stored_markup_stays_text() {
    count_panics();
    run(async {
        let app = test_app().await;
        let cookies = cookies_for_every_role(&app).await;
        let cases: usize = std::env::var("SK_HOSTILE_CASES")
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(2_000);
        let mut runner = TestRunner::default();
        let strategy = case();
        let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
        let started = std::time::Instant::now();
        for _ in 0..cases {
            let case = strategy.new_tree(&mut runner).unwrap().current();
            let (endpoint, base, _) = MATRIX[case.endpoint];
            // Signing out ends the shared session the other calls use.
            let cookie = if endpoint == "sign_out" {
                None
            } else {
                cookies[case.role].as_deref()
            };
            let body = body_of(base, &case.mutation);
            let panics_before = panics();
            let answer = send(
                &app,
                server_fn_call(endpoint, body, cookie, case.plain_form),
            )
            .await;
            // Give tasks the call spawned a moment to run.
            tokio::task::yield_now().await;
            assert_eq!(
                panics(),
                panics_before,
                "{endpoint} panicked\ncase: {case:?}"
            );
            *statuses.entry(answer.status.as_u16()).or_default() += 1;
            assert!(
                answer.status.as_u16() < 500,
                "{endpoint} as {}: {} {}\ncase: {case:?}",
                ROLES[case.role].0,
                answer.status,
                answer.body.chars().take(300).collect::<String>()
            );
        }
        println!(
            "hostile input: {cases} server-function calls in {:?}, statuses {statuses:?}",
            started.elapsed()
        );
        assert_markup_is_shown_as_text(&app, &cookies).await;
        println!(
            "known detached leptos_i18n effect panics after the page was sent: {}",
            DETACHED_I18N_PANICS.load(std::sync::atomic::Ordering::SeqCst)
        );
    });
}

/// Every page a stored text can appear on, read by every role: the markup stays text.
async fn assert_markup_is_shown_as_text(app: &TestApp, cookies: &[Option<String>]) {
    let mut paths: Vec<String> = [
        "/",
        "/pasar",
        "/pasar?q=batik",
        "/budaya",
        "/budaya/kalender",
        "/layanan",
        "/desa",
        "/desa/kemiren",
        "/akun",
        "/akun/notifikasi",
        "/pasar/keranjang",
        "/pasar/pesanan",
        "/pasar/saya",
        "/layanan/saya",
        "/layanan/pengaduan",
        "/budaya/kelola",
        "/desa/kemiren/kelola",
        "/desa/kemiren/layanan",
        "/desa/kemiren/pengaduan",
        "/desa/kemiren/katalog",
        "/kecamatan/35.10.16/layanan",
        "/admin/outbox",
    ]
    .iter()
    .map(|path| path.to_string())
    .collect();
    let slugs: Vec<(String, String)> = app::on_db!(&app.pool, |c| sqlx::query_as(
        "SELECT '/pasar/produk/' || slug, '' FROM products
         UNION ALL SELECT '/pasar/toko/' || slug, '' FROM shops
         UNION ALL SELECT '/budaya/acara/' || slug, '/budaya/acara/' || slug || '/kelola' FROM events",
    )
    .fetch_all(c).await)
    .unwrap();
    for (page, console) in slugs {
        paths.push(page);
        if !console.is_empty() {
            paths.push(console);
        }
    }
    let feeds: Vec<String> = app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT '/budaya/ics/desa/' || slug || '.ics' FROM villages"
    )
    .fetch_all(c)
    .await)
    .unwrap();
    for cookie in cookies {
        for path in &paths {
            let request = match cookie {
                Some(cookie) => get_signed_in(path, cookie),
                None => get(path),
            };
            let panics_before = panics();
            let answer = send(app, request).await;
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
            assert_eq!(
                panics(),
                panics_before,
                "{path} panicked (cookie {cookie:?})"
            );
            assert!(answer.status.as_u16() < 500, "{path}: {}", answer.status);
            for markup in ["<img src=x", "<meta http-equiv=\"refresh\""] {
                assert!(
                    !answer.body.contains(markup),
                    "{path} shows markup: {markup}"
                );
            }
            // JSON-LD: no stored text can close its script element.
            for json_ld in answer.body.split("application/ld+json\">").skip(1) {
                let script = json_ld.split("</script>").next().unwrap_or_default();
                assert!(!script.contains('<'), "{path}: JSON-LD carries raw markup");
            }
        }
    }
    for feed in feeds {
        let answer = send(app, get(&feed)).await;
        assert!(answer.status.as_u16() < 500, "{feed}");
        for line in answer.body.lines() {
            assert!(
                line.split(':')
                    .next()
                    .is_some_and(|name| !name.contains('<')),
                "{feed}: a stored text broke out of its property: {line}"
            );
        }
    }
}

/// Uploads: every route that takes a multipart body, with broken bodies, from every role.
#[test]
fn generated_broken_uploads_never_crash_the_server() {
    count_panics();
    run(async {
        let app = test_app().await;
        let cookies = cookies_for_every_role(&app).await;
        let (order,): (String,) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT code FROM orders ORDER BY id LIMIT 1"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        let (request,): (String,) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT code FROM service_requests ORDER BY id LIMIT 1"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        let routes = [
            "/budaya/acara/kelas-batik-gajah-oling/foto".to_string(),
            "/pasar/saya/produk/selendang-gajah-oling/foto".to_string(),
            "/pasar/saya/foto".to_string(),
            format!("/pasar/pesanan/{order}/bukti"),
            format!("/layanan/permohonan/{request}/dokumen/pengantar_rt"),
            format!("/layanan/permohonan/{request}/dokumen/%FF%00"),
            format!("/layanan/pengaduan/{request}/foto"),
            "/layanan/pengaduan/%E2%80%AE/foto".to_string(),
        ];
        let broken = (
            0..routes.len(),
            0..ROLES.len(),
            prop_oneof![
                // No boundary, a boundary that never appears, garbage.
                prop::collection::vec(any::<u8>(), 0..2_000).prop_map(|bytes| ("multipart/form-data".to_string(), bytes)),
                prop::collection::vec(any::<u8>(), 0..2_000).prop_map(|bytes| ("multipart/form-data; boundary=x".to_string(), bytes)),
                // A well-formed envelope around random content, cut anywhere.
                (prop::collection::vec(any::<u8>(), 0..5_000), 0..6_000usize).prop_map(|(file, cut)| {
                    let mut body = b"--b\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"\xff.jpg\"\r\n\r\n".to_vec();
                    body.extend_from_slice(&file);
                    body.extend_from_slice(b"\r\n--b--\r\n");
                    body.truncate(cut.max(1).min(body.len()));
                    ("multipart/form-data; boundary=b".to_string(), body)
                }),
                Just(("application/json".to_string(), b"{\"photos\": 1}".to_vec())),
            ],
        );
        let mut runner = TestRunner::default();
        let cases = 400;
        for _ in 0..cases {
            let (route, role, (content_type, body)) =
                broken.new_tree(&mut runner).unwrap().current();
            let mut request =
                Request::post(&routes[route]).header(header::CONTENT_TYPE, &content_type);
            if let Some(cookie) = &cookies[role] {
                request = request.header(header::COOKIE, cookie);
            }
            let answer = send(&app, request.body(Body::from(body)).unwrap()).await;
            assert!(
                answer.status.as_u16() < 500,
                "{} as {} ({content_type}): {}",
                routes[route],
                ROLES[role].0,
                answer.status
            );
            assert_ne!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
            assert_eq!(panics(), 0, "{} panicked", routes[route]);
        }
        println!("hostile uploads: {cases} broken multipart posts, none answered 5xx");
    });
}
