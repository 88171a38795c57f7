//! Accounts through the real router: sign-up, sign-in, sign-out, password reset, sessions across a
//! restart, rate limits, cross-site refusal, the authorization matrix of every server function, and the
//! NIK never reaching a page it must not.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use axum::{body::Body, http::Request};
use http::{header, StatusCode};
use support::matrix::{MATRIX, ROLES};
use support::*;

const PASSWORD: &str = app::demo::DEMO_PASSWORD;

/// A form post as a browser without JavaScript sends it (the server answers with a redirect).
fn form_post(path: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/akun/masuk");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

/// A server-function call as the hydrated app sends it (JSON answer, real status codes).
fn call(endpoint: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_string())).unwrap()
}

/// The error a no-JavaScript form post carries back to its page (`?__err=<base64 JSON>`).
fn error_in_location(answer: &Answer) -> String {
    use base64::Engine;
    let location = answer.headers[header::LOCATION].to_str().unwrap();
    let encoded = location
        .split(['?', '&'])
        .find_map(|pair| pair.strip_prefix("__err="))
        .unwrap_or_default();
    let encoded = encoded.replace("%3D", "=");
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(encoded)
        .unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn get_with(path: &str, cookie: &str) -> Request<Body> {
    Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap()
}

/// `sk_session=…` from a response's Set-Cookie, if it set a live session.
fn session_cookie(answer: &Answer) -> Option<String> {
    answer
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("sk_session=") && !value.contains("Max-Age=0"))
        .map(|value| value.split(';').next().unwrap_or_default().to_string())
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| {
            let encoded: String = value
                .bytes()
                .map(|byte| match byte {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (byte as char).to_string()
                    }
                    _ => format!("%{byte:02X}"),
                })
                .collect();
            format!("{key}={encoded}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

async fn sign_in(app: &TestApp, phone: &str, password: &str) -> Answer {
    send(
        app,
        form_post(
            "/api/sign_in",
            form(&[("phone", phone), ("password", password), ("next", "/akun")]),
            None,
        ),
    )
    .await
}

/// Siti (0812-3000-0001) tries a reset code with a new password, as the hydrated app would.
async fn try_reset_code(app: &TestApp, code: &str, new_password: &str) -> Answer {
    let body = form(&[
        ("phone", "081230000001"),
        ("code", code),
        ("password", new_password),
    ]);
    send(app, call("reset_password", &body, None)).await
}

/// Any six digits that are not `code`.
fn other_code(code: &str) -> &'static str {
    if code == "000000" {
        "111111"
    } else {
        "000000"
    }
}

async fn account_id(app: &TestApp, phone: &str) -> i64 {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT id FROM accounts WHERE phone = $1"
    )
    .bind(phone)
    .fetch_one(c)
    .await)
    .unwrap()
}

#[test]
fn sign_up_lands_signed_in_and_sign_out_ends_the_session_on_the_server() {
    run(async {
        let app = test_app().await;
        let answer = send(
            &app,
            form_post(
                "/api/sign_up",
                form(&[
                    ("name", "Wulan Sari"),
                    ("phone", "0812-7777-1234"),
                    ("password", "gandrung-sewu-2026"),
                    ("village", "olehsari"),
                    ("email", ""),
                    ("next", "/desa/olehsari"),
                ]),
                None,
            ),
        )
        .await;
        assert_eq!(answer.status, StatusCode::FOUND, "{}", answer.body);
        assert_eq!(answer.headers[header::LOCATION], "/desa/olehsari");
        let set_cookie = answer.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .to_string();
        assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
        let cookie = session_cookie(&answer).expect("a session cookie");

        let phone: String = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT phone FROM accounts WHERE name = 'Wulan Sari'"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(phone, "+6281277771234", "stored in E.164");

        let mine = send(&app, get_with("/akun", &cookie)).await;
        assert_eq!(mine.status, StatusCode::OK);
        assert!(mine.body.contains("Aktivitas saya"));
        assert!(mine.body.contains("Wulan Sari"));

        let out = send(
            &app,
            form_post("/api/sign_out", String::new(), Some(&cookie)),
        )
        .await;
        assert_eq!(out.status, StatusCode::FOUND);
        assert!(out.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0"));
        // The old cookie, replayed, no longer signs anyone in.
        let after = send(&app, get_with("/akun", &cookie)).await;
        assert_eq!(
            after.status,
            StatusCode::OK,
            "a visitor's /akun is the sign-in page"
        );
        assert!(!after.body.contains("Aktivitas saya"));
        assert!(after.body.contains("name=\"password\""));

        // The same number cannot sign up twice.
        let again = send(
            &app,
            call(
                "sign_up",
                &form(&[
                    ("name", "Wulan"),
                    ("phone", "+6281277771234"),
                    ("password", "gandrung-sewu-2026"),
                    ("village", "olehsari"),
                ]),
                None,
            ),
        )
        .await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("phone_taken"));
    })
}

#[test]
fn bad_sign_up_input_is_refused_field_by_field_without_a_server_error() {
    run(async {
        let app = test_app().await;
        for (pairs, field_code) in [
            (
                vec![
                    ("name", "Wulan"),
                    ("phone", "0333-123456"),
                    ("password", "gandrung-sewu"),
                    ("village", "kemiren"),
                ],
                "phone_not_mobile",
            ),
            (
                vec![
                    ("name", "Wulan"),
                    ("phone", "081277771234"),
                    ("password", "bismillah"),
                    ("village", "kemiren"),
                ],
                "password_too_common",
            ),
            (
                vec![
                    ("name", "Wulan"),
                    ("phone", "081277771234"),
                    ("password", "kopi"),
                    ("village", "kemiren"),
                ],
                "password_too_short",
            ),
            (
                vec![
                    ("name", "Wulan"),
                    ("phone", "081277771234"),
                    ("password", "gandrung-sewu"),
                    ("village", "atlantis"),
                ],
                "village_unknown",
            ),
        ] {
            let answer = send(&app, call("sign_up", &form(&pairs), None)).await;
            assert_eq!(
                answer.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field_code}"
            );
            assert!(answer.body.contains(field_code), "{}", answer.body);
        }
        // Without JavaScript the error travels back to the form's page in the URL (never the input).
        let answer = send(
            &app,
            form_post(
                "/api/sign_up",
                form(&[
                    ("name", "W"),
                    ("phone", "081277771234"),
                    ("password", "gandrung-sewu"),
                    ("village", "kemiren"),
                ]),
                None,
            ),
        )
        .await;
        assert_eq!(answer.status, StatusCode::FOUND);
        let location = answer.headers[header::LOCATION].to_str().unwrap();
        assert!(
            location.starts_with("http://127.0.0.1:3000/akun/masuk?"),
            "{location}"
        );
        assert!(
            error_in_location(&answer).contains("name_required"),
            "{location}"
        );
        assert!(
            !location.contains("gandrung"),
            "the password never goes into a URL"
        );
    })
}

#[test]
fn sign_in_rotates_the_session_and_refuses_a_wrong_password() {
    run(async {
        let app = test_app().await;
        let wrong = sign_in(&app, "081230000001", "not-the-password").await;
        assert!(session_cookie(&wrong).is_none());
        assert_eq!(wrong.status, StatusCode::FOUND);
        assert!(error_in_location(&wrong).contains("wrong_phone_or_password"));
        // An unknown number gets the same answer (nobody learns who has an account).
        let unknown = send(
            &app,
            call(
                "sign_in",
                &form(&[("phone", "081299999999"), ("password", "whatever-123")]),
                None,
            ),
        )
        .await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unknown.body.contains("wrong_phone_or_password"));

        let first = session_cookie(&sign_in(&app, "081230000001", PASSWORD).await).unwrap();
        // Signing in again from the same browser replaces its session.
        let again = send(
            &app,
            form_post(
                "/api/sign_in",
                form(&[("phone", "+6281230000001"), ("password", PASSWORD)]),
                Some(&first),
            ),
        )
        .await;
        let second = session_cookie(&again).unwrap();
        assert_ne!(first, second);
        assert!(!send(&app, get_with("/akun", &first))
            .await
            .body
            .contains("Aktivitas saya"));
        assert!(send(&app, get_with("/akun", &second))
            .await
            .body
            .contains("Aktivitas saya"));
    })
}

#[test]
fn a_session_survives_a_server_restart() {
    run(async {
        let app = test_app().await;
        let cookie = session_cookie(&sign_in(&app, "081230000001", PASSWORD).await).unwrap();
        let database = app.database.clone();
        app.pool.close().await;
        // A new process: new pool, new router, same database file.
        let pool = app::db::connect_and_migrate(&database).await.unwrap();
        let restarted = TestApp {
            router: build_router(app.dir.path(), pool.clone()),
            pool,
            database,
            dir: app.dir,
        };
        let mine = send(&restarted, get_with("/akun", &cookie)).await;
        assert!(mine.body.contains("Aktivitas saya"));
        assert!(mine.body.contains("Siti Rahayu"));
    })
}

/// Trust issue, defect 7: ten wrong passwords from anywhere on a (public) number made even its owner's
/// correct password answer 429, and anyone could use up the owner's reset codes. Failures now slow down
/// the client that makes them; the owner signs in from elsewhere, or from a browser used before.
#[test]
fn failing_clients_slow_down_and_the_owner_is_never_locked_out() {
    run(async {
        let app = test_app().await;
        let app = TestApp {
            router: build_router_behind_proxy(app.dir.path(), app.pool.clone(), true),
            pool: app.pool.clone(),
            database: app.database.clone(),
            dir: app.dir,
        };
        let from = |ip: &str, password: &str, cookie: Option<&str>| {
            let mut request = call(
                "sign_in",
                &form(&[("phone", "081230000002"), ("password", password)]),
                cookie,
            );
            request
                .headers_mut()
                .insert("x-forwarded-for", http::HeaderValue::from_str(ip).unwrap());
            request
        };
        // Budi signed in on his phone before: it carries a device cookie.
        let earlier = send(&app, from("36.68.1.1", PASSWORD, None)).await;
        assert_eq!(earlier.status, StatusCode::OK, "{}", earlier.body);
        let device = earlier
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with("sk_device="))
            .expect("a device cookie");
        // The browser sends it back to the server functions that sign in and send reset codes.
        assert!(device.contains("Path=/api;"), "{device}");
        let device = device.split(';').next().unwrap().to_string();

        // Someone on the same carrier IP guesses: five tries, then that client waits.
        for _ in 0..5 {
            let guess = send(&app, from("36.68.1.1", "guessing-123", None)).await;
            assert_eq!(guess.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let slowed = send(&app, from("36.68.1.1", "guessing-456", None)).await;
        assert_eq!(slowed.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(slowed.body.contains("TooManyAttempts"));
        // Budi is not held back: not from his own phone on that IP, not from anywhere else.
        let own_phone = send(&app, from("36.68.1.1", PASSWORD, Some(&device))).await;
        assert_eq!(own_phone.status, StatusCode::OK, "{}", own_phone.body);
        let elsewhere = send(&app, from("114.124.2.2", PASSWORD, None)).await;
        assert_eq!(elsewhere.status, StatusCode::OK, "{}", elsewhere.body);
        // Half a minute later the guessing client may try once more, then waits twice as long.
        app::on_db!(&app.pool, |c| sqlx::query(
            "UPDATE sign_in_failures SET last_failed_at = last_failed_at - 31"
        )
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        let again = send(&app, from("36.68.1.1", "guessing-789", None)).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        let waits = send(&app, from("36.68.1.1", "guessing-000", None)).await;
        assert_eq!(waits.status, StatusCode::TOO_MANY_REQUESTS);

        // A storm from ninety-four more addresses slows unknown browsers to one try per half minute; Budi's
        // phone still signs in at once.
        // (Six failures were counted above: a hundred in all.)
        for n in 0..94 {
            let ip = format!("10.1.{}.{}", n / 200, n % 200 + 1);
            let guess = send(&app, from(&ip, "guessing-123", None)).await;
            assert_eq!(guess.status, StatusCode::UNPROCESSABLE_ENTITY, "{n}");
        }
        let stranger = send(&app, from("182.1.1.1", PASSWORD, None)).await;
        assert_eq!(stranger.status, StatusCode::TOO_MANY_REQUESTS);
        let own_phone = send(&app, from("10.1.0.1", PASSWORD, Some(&device))).await;
        assert_eq!(own_phone.status, StatusCode::OK, "{}", own_phone.body);

        // Reset codes: a stranger gets three an hour; Budi's phone still gets one after that.
        let reset_from = |ip: &str, cookie: Option<&str>| {
            let mut request = form_post(
                "/api/request_reset_code",
                "phone=081230000002".into(),
                cookie,
            );
            request
                .headers_mut()
                .insert("x-forwarded-for", http::HeaderValue::from_str(ip).unwrap());
            request
        };
        for _ in 0..3 {
            assert_eq!(
                send(&app, reset_from("36.68.9.9", None)).await.status,
                StatusCode::FOUND
            );
        }
        let capped = send(&app, reset_from("36.68.9.9", None)).await;
        assert!(
            error_in_location(&capped).contains("TooManyAttempts")
                || capped.status == StatusCode::TOO_MANY_REQUESTS,
            "{:?}",
            capped.headers
        );
        let owner = send(&app, reset_from("36.68.9.9", Some(&device))).await;
        assert_eq!(owner.status, StatusCode::FOUND);
        assert!(
            !error_in_location(&owner).contains("TooMany"),
            "{:?}",
            owner.headers
        );
    })
}

#[test]
fn sign_ups_are_limited_per_client_ip_and_other_ips_are_not_affected() {
    run(async {
        let app = test_app().await;
        let behind_proxy = TestApp {
            router: build_router_behind_proxy(app.dir.path(), app.pool.clone(), true),
            pool: app.pool.clone(),
            database: app.database.clone(),
            dir: app.dir,
        };
        let sign_up_from = |ip: &'static str, n: u32| {
            let body = form(&[
                ("name", "Warga Baru"),
                ("phone", &format!("08139{n:07}")),
                ("password", "gandrung-sewu-2026"),
                ("village", "kemiren"),
            ]);
            let mut request = call("sign_up", &body, None);
            request.headers_mut().insert(
                "x-forwarded-for",
                http::HeaderValue::from_str(&format!("10.0.0.1, {ip}")).unwrap(),
            );
            request
        };
        // Thirty new accounts an hour from one address (a whole village may share it)…
        for n in 0..30 {
            let answer = send(&behind_proxy, sign_up_from("36.68.1.1", n)).await;
            assert_eq!(answer.status, StatusCode::OK, "{n}: {}", answer.body);
        }
        // …then that address waits, and another does not.
        let limited = send(&behind_proxy, sign_up_from("36.68.1.1", 30)).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        let elsewhere = send(&behind_proxy, sign_up_from("114.124.2.2", 31)).await;
        assert_eq!(elsewhere.status, StatusCode::OK, "{}", elsewhere.body);
        // Phones that carry the device cookie the sign-up page hands out are counted each by itself:
        // behind that same busy address people still sign up on their own phones, ten per phone an hour
        // (an operator helping residents at the balai desa).
        let from_phone = |n: u32, device: &str| {
            let mut request = sign_up_from("36.68.1.1", n);
            request.headers_mut().insert(
                http::header::COOKIE,
                http::HeaderValue::from_str(&format!("sk_device={device}")).unwrap(),
            );
            request
        };
        for n in 100..110 {
            let answer = send(&behind_proxy, from_phone(n, "balai-desa-tablet")).await;
            assert_eq!(answer.status, StatusCode::OK, "{n}: {}", answer.body);
        }
        let eleventh = send(&behind_proxy, from_phone(110, "balai-desa-tablet")).await;
        assert_eq!(eleventh.status, StatusCode::TOO_MANY_REQUESTS);
        let neighbour = send(&behind_proxy, from_phone(111, "phone-of-a-neighbour")).await;
        assert_eq!(neighbour.status, StatusCode::OK, "{}", neighbour.body);
    })
}

#[test]
fn a_password_is_reset_with_a_single_use_code_from_the_outbox() {
    run(async {
        let app = test_app().await;
        let old_session = session_cookie(&sign_in(&app, "081230000001", PASSWORD).await).unwrap();
        let requested = send(
            &app,
            form_post(
                "/api/request_reset_code",
                "phone=0812-3000-0001".into(),
                None,
            ),
        )
        .await;
        assert_eq!(requested.status, StatusCode::FOUND);
        assert_eq!(
            requested.headers[header::LOCATION],
            "/akun/atur-ulang-sandi"
        );
        // An unknown number gets the same answer and no message.
        let unknown = send(
            &app,
            form_post("/api/request_reset_code", "phone=081299999999".into(), None),
        )
        .await;
        assert_eq!(unknown.headers[header::LOCATION], "/akun/atur-ulang-sandi");

        let (to_phone, body): (String, String) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT to_phone, body FROM outbox WHERE purpose = 'password_reset'"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(to_phone, "+6281230000001");
        let code: String = body.chars().filter(char::is_ascii_digit).take(6).collect();
        assert_eq!(code.len(), 6, "{body}");
        let stored: Vec<String> = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT code_hash FROM reset_codes"
        )
        .fetch_all(c)
        .await)
        .unwrap();
        assert!(
            stored.iter().all(|hash| !hash.contains(&code)),
            "stored hashed"
        );

        let wrong = try_reset_code(&app, other_code(&code), "seblang-olehsari-9").await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("code_wrong"));

        let reset = send(
            &app,
            form_post(
                "/api/reset_password",
                form(&[
                    ("phone", "081230000001"),
                    ("code", &code),
                    ("password", "seblang-olehsari-9"),
                ]),
                None,
            ),
        )
        .await;
        assert_eq!(reset.headers[header::LOCATION], "/akun");
        assert!(
            session_cookie(&reset).is_some(),
            "signed in after the reset"
        );

        // Single use; every earlier session ended; the old password is gone.
        let reused = try_reset_code(&app, &code, "another-pass-77").await;
        assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reused.body.contains("code_expired"));
        assert!(!send(&app, get_with("/akun", &old_session))
            .await
            .body
            .contains("Aktivitas saya"));
        assert!(session_cookie(&sign_in(&app, "081230000001", PASSWORD).await).is_none());
        assert!(
            session_cookie(&sign_in(&app, "081230000001", "seblang-olehsari-9").await).is_some()
        );
    })
}

#[test]
fn five_wrong_codes_spend_the_code() {
    run(async {
        let app = test_app().await;
        send(&app, call("request_reset_code", "phone=081230000001", None)).await;
        let body: String = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT body FROM outbox WHERE purpose = 'password_reset'"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        let code: String = body.chars().filter(char::is_ascii_digit).take(6).collect();
        for _ in 0..5 {
            let wrong = try_reset_code(&app, other_code(&code), "seblang-olehsari-9").await;
            assert!(wrong.body.contains("code_wrong"));
        }
        let right_too_late = try_reset_code(&app, &code, "seblang-olehsari-9").await;
        assert!(right_too_late.body.contains("code_expired"));
    })
}

#[test]
fn cross_site_posts_are_refused() {
    run(async {
        let app = test_app().await;
        let body = form(&[("phone", "081230000001"), ("password", PASSWORD)]);
        let cross_site = Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "cross-site")
            .body(Body::from(body.clone()))
            .unwrap();
        assert_eq!(send(&app, cross_site).await.status, StatusCode::FORBIDDEN);
        let foreign_origin = Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::from(body.clone()))
            .unwrap();
        assert_eq!(
            send(&app, foreign_origin).await.status,
            StatusCode::FORBIDDEN
        );
        let same_origin = Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .header(header::ORIGIN, "http://127.0.0.1:3000")
            .body(Body::from(body))
            .unwrap();
        assert_eq!(send(&app, same_origin).await.status, StatusCode::OK);
    })
}

#[test]
fn every_server_function_has_an_authorization_decision_and_keeps_it() {
    run(async {
        let app = test_app().await;
        // Completeness: a server function added without a row here fails this test.
        let registered: Vec<(String, http::Method)> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, method)| (path.trim_start_matches("/api/").to_string(), method))
            .collect();
        for (endpoint, method) in &registered {
            assert!(
                MATRIX.iter().any(|(name, ..)| name == endpoint),
                "server function `{endpoint}` has no row in the authorization matrix"
            );
            assert_eq!(
                *method,
                http::Method::POST,
                "`{endpoint}` must not change state over GET"
            );
        }
        assert_eq!(
            registered.len(),
            MATRIX.len(),
            "the matrix lists a function that no longer exists"
        );

        let now = app::db::now_unix();
        for (endpoint, body, expected) in MATRIX {
            for ((role, phone), expected) in ROLES.iter().zip(expected) {
                // A fresh session per call: `sign_out` ends the one it is given.
                let cookie = match phone {
                    Some(phone) => {
                        let id = account_id(&app, phone).await;
                        let token = app::akun::session::insert_for_tests(&app.pool, id, now)
                            .await
                            .unwrap();
                        Some(format!("sk_session={token}"))
                    }
                    None => None,
                };
                let answer = send(&app, call(endpoint, body, cookie.as_deref())).await;
                let outcome = match answer.status {
                    StatusCode::UNAUTHORIZED => "401",
                    StatusCode::FORBIDDEN => "403",
                    status => {
                        assert!(
                            status.as_u16() < 500,
                            "{endpoint} as {role}: {status} {}",
                            answer.body
                        );
                        "+"
                    }
                };
                assert_eq!(
                    outcome, *expected,
                    "{endpoint} as {role}: {} {}",
                    answer.status, answer.body
                );
            }
        }
    })
}

/// Runs of exactly 16 digits (the shape of a NIK) in a page.
fn sixteen_digit_runs(html: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    for character in html.chars().chain(std::iter::once(' ')) {
        if character.is_ascii_digit() {
            current.push(character);
        } else {
            if current.len() == 16 {
                runs.push(current.clone());
            }
            current.clear();
        }
    }
    runs
}

#[test]
fn a_nik_never_appears_in_a_page_and_staff_see_it_masked() {
    run(async {
        let app = test_app().await;
        let siti = session_cookie(&sign_in(&app, "081230000001", PASSWORD).await).unwrap();
        let submitted = send(
            &app,
            call(
                "submit_verification",
                &form(&[
                    ("nik", "3510 1652 0890 0007"),
                    ("full_name", "Siti Rahayu"),
                    ("address", "Dusun Krajan RT 01 RW 02"),
                ]),
                Some(&siti),
            ),
        )
        .await;
        assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
        let stored: Vec<u8> = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT nik_ciphertext FROM resident_verifications WHERE nik_last4 = '0007'",
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert!(
            !String::from_utf8_lossy(&stored).contains("3510165208900007"),
            "encrypted at rest"
        );
        assert_eq!(
            test_cipher().decrypt(&stored).as_deref(),
            Some("3510165208900007")
        );

        let operator = session_cookie(&sign_in(&app, "081230000004", PASSWORD).await).unwrap();
        let console = send(&app, get_with("/desa/kemiren/kelola", &operator)).await;
        assert_eq!(console.status, StatusCode::OK);
        assert!(
            console.body.contains("•••• •••• •••• 0007"),
            "staff see the masked NIK"
        );
        assert!(
            console.body.contains("•••• •••• •••• 0003"),
            "and Budi's, from the demo data"
        );
        let own = send(&app, get_with("/akun", &siti)).await;
        assert!(
            own.body.contains("•••• •••• •••• 0007"),
            "the resident sees their own, masked"
        );

        let mut pages = Vec::new();
        for path in [
            "/",
            "/pasar",
            "/layanan",
            "/budaya",
            "/desa",
            "/desa/kemiren",
            "/akun/masuk",
            "/akun/daftar",
        ] {
            pages.push((path, send(&app, get(path)).await.body));
        }
        pages.push(("/desa/kemiren/kelola (operator)", console.body));
        pages.push(("/akun (resident)", own.body));
        let summary = send(
            &app,
            call("get_village_console", "slug=kemiren", Some(&operator)),
        )
        .await;
        pages.push(("get_village_console", summary.body));
        for (path, html) in pages {
            assert_eq!(sixteen_digit_runs(&html), Vec::<String>::new(), "{path}");
        }
        // Other villages' staff cannot open Kemiren's console at all.
        let olehsari = session_cookie(&sign_in(&app, "081230000007", PASSWORD).await).unwrap();
        let refused = send(&app, get_with("/desa/kemiren/kelola", &olehsari)).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(!refused.body.contains("0007"));
    })
}

#[test]
fn staff_verify_a_resident_who_is_then_notified_and_badged() {
    run(async {
        let app = test_app().await;
        let operator = session_cookie(&sign_in(&app, "081230000004", PASSWORD).await).unwrap();
        let budi = account_id(&app, "+6281230000002").await;
        // Declining needs a reason.
        let no_reason = send(
            &app,
            call(
                "decide_resident",
                &format!("slug=kemiren&account_id={budi}&decision=reject&reason="),
                Some(&operator),
            ),
        )
        .await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_reason.body.contains("reason_required"));
        let verified = send(
            &app,
            call(
                "decide_resident",
                &format!("slug=kemiren&account_id={budi}&decision=verify"),
                Some(&operator),
            ),
        )
        .await;
        assert_eq!(verified.status, StatusCode::OK, "{}", verified.body);

        let budi_session = session_cookie(&sign_in(&app, "081230000002", PASSWORD).await).unwrap();
        let page = send(&app, get_with("/akun", &budi_session)).await;
        assert!(page.body.contains("Warga terverifikasi"));
        let summary = send(&app, call("get_session_summary", "", Some(&budi_session))).await;
        assert!(
            summary.body.contains("\"unread_notifications\":1"),
            "{}",
            summary.body
        );
        // Olehsari's operator cannot decide on a Kemiren resident, even by naming Olehsari.
        let rina = session_cookie(&sign_in(&app, "081230000007", PASSWORD).await).unwrap();
        let elsewhere = send(
            &app,
            call(
                "decide_resident",
                &format!("slug=olehsari&account_id={budi}&decision=reject&reason=x"),
                Some(&rina),
            ),
        )
        .await;
        assert_eq!(
            elsewhere.status,
            StatusCode::NOT_FOUND,
            "no pending request of this resident in Olehsari"
        );
    })
}

/// A feature that had no test of its own: the kades appoints a new operator by phone number, who then
/// opens the village console, and removes them again (never themself).
#[test]
fn the_kades_adds_and_removes_village_staff() {
    run(async {
        let app = test_app().await;
        let slamet = signed_in_as(&app, "+6281230000006").await;
        let budi = signed_in_as(&app, "+6281230000002").await;
        assert_eq!(
            send(&app, get_with("/desa/kemiren/kelola", &budi))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let added = send(
            &app,
            call(
                "add_village_staff",
                "slug=kemiren&phone=0812-3000-0002&role=operator",
                Some(&slamet),
            ),
        )
        .await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.body);
        let twice = send(
            &app,
            call(
                "add_village_staff",
                "slug=kemiren&phone=081230000002&role=operator",
                Some(&slamet),
            ),
        )
        .await;
        assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
        let console = send(&app, get_with("/desa/kemiren/kelola", &budi)).await;
        assert_eq!(console.status, StatusCode::OK);
        let role_id: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT r.id FROM staff_roles r JOIN accounts a ON a.id = r.account_id WHERE a.phone = '+6281230000002'",
        )
        .fetch_one(c).await)
        .unwrap();
        let own_role: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT r.id FROM staff_roles r JOIN accounts a ON a.id = r.account_id WHERE a.phone = '+6281230000006'",
        )
        .fetch_one(c).await)
        .unwrap();
        let self_removal = send(
            &app,
            call(
                "remove_village_staff",
                &format!("slug=kemiren&staff_role_id={own_role}"),
                Some(&slamet),
            ),
        )
        .await;
        assert_eq!(self_removal.status, StatusCode::UNPROCESSABLE_ENTITY);
        let removed = send(
            &app,
            call(
                "remove_village_staff",
                &format!("slug=kemiren&staff_role_id={role_id}"),
                Some(&slamet),
            ),
        )
        .await;
        assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
        assert_eq!(
            send(&app, get_with("/desa/kemiren/kelola", &budi))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    })
}

/// Without JavaScript a refused form used to come back empty. The typed values (never the password)
/// travel in a five-minute cookie of that browser and fill the form shown with the refusal, and only it.
#[test]
fn a_refused_plain_form_comes_back_with_what_was_typed_but_never_the_password() {
    run(async {
        let app = test_app().await;
        let body = form(&[
            ("name", "Wulan Sari"),
            ("phone", "0813-5555-0101"),
            ("password", "password123"),
            ("village", "kemiren"),
        ]);
        let request = Request::post("/api/sign_up")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://127.0.0.1:3000/akun/daftar")
            .body(Body::from(body))
            .unwrap();
        let refused = send(&app, request).await;
        assert!(error_in_location(&refused).contains("password_too_common"));
        let location = refused.headers[header::LOCATION].to_str().unwrap();
        let back = location.trim_start_matches("http://127.0.0.1:3000");
        let draft = refused
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with("sk_form_draft="))
            .expect("the typed values are kept")
            .to_string();
        assert!(draft.contains("HttpOnly") && draft.contains("Max-Age=300"));
        assert!(!draft.contains("password"), "{draft}");
        let cookie = draft.split(';').next().unwrap();
        let page = send(&app, get_with(back, cookie)).await;
        assert!(page.body.contains(r#"value="Wulan Sari""#), "{}", page.body);
        assert!(page.body.contains(r#"value="0813-5555-0101""#));
        assert!(page.body.contains(r#"value="kemiren" selected"#));
        assert!(!page.body.contains("password123"));
        // Anywhere else (no refusal in the address) the form starts empty.
        let fresh = send(&app, get_with("/akun/daftar", cookie)).await;
        assert!(!fresh.body.contains("Wulan Sari"));
    })
}
