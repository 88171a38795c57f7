//! Pages, language, health, compression and static files through the real router (see `support`).
//!
//! All tests share one multi-threaded runtime and run one at a time. Leptos keeps per-process state (its
//! task spawner is global, the route list is generated through thread-locals), and several routers built
//! and driven at once from different test threads were seen to interfere (requests hanging). Production
//! has one router; the concurrency a test wants to exercise happens inside one router, on the runtime's
//! worker threads (see `concurrent_page_renders_never_fail`).

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use axum::{body::Body, http::Request};
use http::{header, StatusCode};
use http_body_util::BodyExt;
use support::*;
use tower::ServiceExt;

#[test]
fn the_home_page_is_rendered_on_the_server_with_data_from_the_database() {
    run(async {
        let app = test_app().await;
        let answer = send(&app, get("/")).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert!(
            answer.body.contains("<html lang=\"id\""),
            "Indonesian by default"
        );
        // The four newest products, the catalogue and the agenda, all from the demo data.
        assert!(answer.body.contains("Lilin lebah alami"));
        assert!(answer.body.contains("Rp 30.000"), "40.000 less 25%");
        assert!(answer.body.contains("Surat Keterangan Tidak Mampu (SKTM)"));
        assert!(answer.body.contains("Kelas membatik Gajah Oling"));
        assert!(answer.body.contains("<title>Smart Kampung</title>"));
        assert!(answer.body.contains("name=\"description\""));
    })
}

#[test]
fn the_language_cookie_switches_the_whole_page_to_english() {
    run(async {
        let app = test_app().await;
        let answer = send(&app, get_in_english("/")).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert!(answer.body.contains("<html lang=\"en\""));
        assert!(answer.body.contains("Natural beeswax candle"));
        assert!(answer.body.contains("IDR 30,000"));
        assert!(answer.body.contains("Upcoming culture &amp; classes"));
        // A product without an English title shows the Indonesian one, marked as such.
        let market = send(&app, get_in_english("/pasar/produk/jenang-bedil")).await;
        assert!(market.body.contains("Jenang bedil"));
        assert!(market.body.contains("not yet translated"));
    })
}

#[test]
fn the_language_form_works_without_javascript() {
    run(async {
        let app = test_app().await;
        let request = Request::post("/api/set_language")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://127.0.0.1:3000/desa/kemiren")
            .body(Body::from("lang=en"))
            .unwrap();
        let answer = send(&app, request).await;
        assert_eq!(
            answer.status,
            StatusCode::FOUND,
            "back to the page the person was on"
        );
        let location = answer.headers[header::LOCATION].to_str().unwrap();
        assert!(
            location.starts_with("http://127.0.0.1:3000/desa/kemiren"),
            "{location}"
        );
        let cookie = answer.headers[header::SET_COOKIE].to_str().unwrap();
        assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");
        assert!(
            cookie.contains("Path=/") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
    })
}

/// The client-side router (`app/src/ui/navigation.js`) fetches pages and posts forms itself: a redirect
/// comes back to it as a header, with its `#fragment` (fetch would follow it and drop the fragment), and
/// the cookie the answer sets still arrives. Browsers without the router get the real redirect.
#[test]
fn the_router_receives_redirects_as_a_header_with_their_fragment() {
    run(async {
        let app = test_app().await;
        let sign_in = |from_router: bool| {
            let mut request = Request::post("/api/sign_in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "text/html")
                .header(header::REFERER, "http://127.0.0.1:3000/akun/masuk");
            if from_router {
                request = request.header("islands-router", "true");
            }
            request
                .body(Body::from(
                    "phone=0812-3000-0001&password=demo-kampung-2026&next=",
                ))
                .unwrap()
        };
        let plain = send(&app, sign_in(false)).await;
        assert!(plain.status.is_redirection(), "{}", plain.status);
        let by_router = send(&app, sign_in(true)).await;
        assert_eq!(by_router.status, StatusCode::OK);
        assert!(!by_router.headers.contains_key(header::LOCATION));
        assert_eq!(
            by_router.headers["islands-location"],
            plain.headers[header::LOCATION]
        );
        assert!(by_router.body.is_empty());
        assert!(
            by_router
                .headers
                .get_all(header::SET_COOKIE)
                .iter()
                .any(|cookie| cookie
                    .to_str()
                    .unwrap()
                    .starts_with(app::akun::session::COOKIE_NAME)),
            "the session cookie still arrives"
        );

        let cookie = signed_in_as(&app, "+6281230000001").await;
        let save_profile = Request::post("/api/update_my_profile")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::COOKIE, &cookie)
            .header(header::REFERER, "http://127.0.0.1:3000/akun")
            .header("islands-router", "true")
            .body(Body::from("name=Siti+Aminah&email="))
            .unwrap();
        let answer = send(&app, save_profile).await;
        assert_eq!(answer.status, StatusCode::OK);
        let location = answer.headers["islands-location"].to_str().unwrap();
        assert!(location.ends_with("#profil"), "{location}");

        // Pages themselves answer the router as they answer anyone.
        let page = send(
            &app,
            Request::get("/pasar")
                .header("islands-router", "true")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<main"));
    })
}

#[test]
fn an_unknown_language_is_refused_without_a_server_error() {
    run(async {
        let app = test_app().await;
        let request = post_form("/api/set_language", "lang=klingon");
        let answer = send(&app, request).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(answer.body.contains("InvalidInput"), "{}", answer.body);
        assert!(answer.headers.get(header::SET_COOKIE).is_none());
    })
}

#[test]
fn village_pages_list_each_village_and_its_own_offer() {
    run(async {
        let app = test_app().await;
        let list = send(&app, get("/desa")).await;
        assert_eq!(list.status, StatusCode::OK);
        for village in [
            "Kemiren",
            "Olehsari",
            "Bakungan",
            "Gombengsari",
            "Tamansari",
        ] {
            assert!(list.body.contains(village), "{village} is listed");
        }
        let kemiren = send(&app, get("/desa/kemiren")).await;
        assert_eq!(kemiren.status, StatusCode::OK);
        assert!(kemiren
            .body
            .contains("<title>Kemiren · Smart Kampung</title>"));
        assert!(kemiren.body.contains("Desa adat Osing"));
        assert!(kemiren.body.contains("Glagah"));
        assert!(kemiren.body.contains("Festival Ngopi Sepuluh Ewu"));
        // Its services (once silently missing on PostgreSQL: a literal `1` is INT4 there).
        assert!(
            kemiren.body.contains("href=\"/layanan/kemiren/sktm\""),
            "Kemiren's services are listed"
        );
        assert!(
            !kemiren.body.contains("Kelas sangrai kopi"),
            "Gombengsari's class is not Kemiren's"
        );
    })
}

#[test]
fn unknown_pages_and_villages_answer_404_with_a_helpful_page() {
    run(async {
        let app = test_app().await;
        for path in ["/tidak-ada", "/desa/atlantis", "/pasar/x/y/z"] {
            let answer = send(&app, get(path)).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
            assert!(answer.body.contains("Halaman tidak ditemukan"), "{path}");
            assert!(answer.body.contains("href=\"/\""), "{path} links home");
        }
    })
}

#[test]
fn server_functions_answer_json_for_the_browser() {
    run(async {
        let app = test_app().await;
        let request = post_form("/api/list_products", "village=tamansari&limit=10");
        let answer = send(&app, request).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        assert!(answer.body.contains("madu-hutan-ijen"));
        assert!(
            !answer.body.contains("kopi-lanang"),
            "only Tamansari's products"
        );

        let missing = post_form("/api/get_village", "slug=atlantis");
        let answer = send(&app, missing).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert!(answer.body.contains("NotFound"));
    })
}

/// Many pages rendered at once, as on a market day: none may fail. (This caught a panic when a page
/// title read the language signal outside its request's reactive owner.)
#[test]
fn concurrent_page_renders_never_fail() {
    run(async {
        let app = test_app().await;
        let paths = [
            "/",
            "/desa/kemiren",
            "/pasar",
            "/layanan",
            "/budaya",
            "/desa",
            "/akun",
            "/nope",
        ];
        let mut requests = tokio::task::JoinSet::new();
        for round in 0..60 {
            for path in paths {
                let router = app.router.clone();
                let language = if round % 2 == 0 { "id" } else { "en" };
                requests.spawn(async move {
                    let request = Request::get(path)
                        .header(header::COOKIE, format!("i18n_pref_locale={language}"))
                        .body(Body::empty())
                        .unwrap();
                    let response = router.oneshot(request).await.unwrap();
                    let status = response.status();
                    let bytes = response.into_body().collect().await.unwrap().to_bytes();
                    (path, status, bytes.len())
                });
            }
        }
        while let Some(outcome) = requests.join_next().await {
            let (path, status, length) = outcome.expect("request task");
            let expected = if path == "/nope" {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::OK
            };
            assert_eq!(status, expected, "{path}");
            assert!(length > 1000, "{path} rendered a page");
        }
    })
}

#[test]
fn health_check_reports_the_database() {
    run(async {
        let app = test_app().await;
        let answer = send(&app, get("/healthz")).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.body, "ok");
    })
}

#[test]
fn health_check_fails_when_the_database_is_gone() {
    run(async {
        let dir = tempfile::tempdir().unwrap();
        let pool = app::db::connect_and_migrate(test_database(dir.path()).await)
            .await
            .unwrap();
        let router = build_router(dir.path(), pool.clone());
        pool.close().await;
        let response = router.oneshot(get("/healthz")).await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    })
}

#[test]
fn html_is_compressed_and_carries_security_headers() {
    run(async {
        let app = test_app().await;
        let request = Request::get("/")
            .header(header::ACCEPT_ENCODING, "br")
            .body(Body::empty())
            .unwrap();
        let response = app.router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(
            response.headers()[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff"
        );
        assert_eq!(response.headers()[header::X_FRAME_OPTIONS], "DENY");
    })
}

#[test]
fn pages_allow_only_their_own_scripts() {
    run(async {
        let app = test_app().await;
        let page = send(&app, get("/")).await;
        let policy = page.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_string();
        assert!(policy.contains("default-src 'self'"), "{policy}");
        assert!(policy.contains("form-action 'self'"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        // Every inline script of the page carries the nonce this very response allows.
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap();
        let inline_scripts = page.body.matches("<script nonce=").count()
            + page.body.matches("<script type=\"module\" nonce=").count();
        assert!(inline_scripts >= 2);
        assert!(page.body.matches(&format!("nonce=\"{nonce}\"")).count() >= inline_scripts);
    })
}

#[test]
fn the_bundle_is_served_precompressed() {
    run(async {
        let app = test_app().await;
        let request = Request::get("/pkg/smart-kampung.css")
            .header(header::ACCEPT_ENCODING, "gzip, br")
            .body(Body::empty())
            .unwrap();
        let response = app.router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        assert!(response.headers().contains_key(header::CACHE_CONTROL));
    })
}
