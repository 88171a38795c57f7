//! The configured site address (`--site-url`), in its own test process because it is set once per
//! process: absolute links never follow the Host header, cookies are `Secure` and HSTS is sent for an
//! HTTPS site, and a plain-HTTP page of the same host counts as another site.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use axum::{body::Body, http::Request};
use http::{header, StatusCode};
use support::*;

#[test]
fn absolute_links_cookies_and_the_cross_site_check_follow_the_configured_address() {
    app::kernel::site::configure("https://smartkampung.example");
    run(async {
        let app = test_app().await;
        // A calendar feed is cached publicly: its links name the configured site, whatever Host says.
        let feed = send(
            &app,
            Request::get("/budaya/ics/desa/kemiren.ics")
                .header(header::HOST, "evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(feed.status, StatusCode::OK);
        assert!(
            feed.body.contains("https://smartkampung.example/"),
            "{}",
            &feed.body[..400.min(feed.body.len())]
        );
        assert!(!feed.body.contains("evil.example"));
        // Every answer carries HSTS for an HTTPS site.
        assert!(feed.headers[header::STRICT_TRANSPORT_SECURITY]
            .to_str()
            .unwrap()
            .contains("max-age="));
        assert!(feed.headers.contains_key("permissions-policy"));

        // The session cookie is Secure without any proxy header.
        let signed_in = send(
            &app,
            Request::post("/api/sign_in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .header(header::ORIGIN, "https://smartkampung.example")
                .body(Body::from(format!(
                    "phone=081230000001&password={}",
                    app::demo::DEMO_PASSWORD
                )))
                .unwrap(),
        )
        .await;
        assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
        let session = signed_in
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with("sk_session="))
            .unwrap()
            .to_string();
        assert!(session.contains("; Secure"), "{session}");

        // A page of http://smartkampung.example is another origin.
        let downgraded = send(
            &app,
            Request::post("/api/sign_out")
                .header(header::ORIGIN, "http://smartkampung.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(downgraded.status, StatusCode::FORBIDDEN);
    });
}
