//! People own their data (UU PDP 27/2022), through the real router: staff opening a resident's
//! verification data is recorded and the resident sees who; a resident downloads everything about them
//! (their NIK included, decrypted for them alone); deleting an account erases the person and keeps the
//! records the law requires.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use http::StatusCode;
use support::*;

const SITI: &str = "+6281230000001";
const BUDI: &str = "+6281230000002";
const DEWI_OPERATOR: &str = "+6281230000004";
const ADMIN: &str = "+6281230000009";

#[test]
fn staff_views_are_recorded_and_shown_to_the_resident_and_the_admin() {
    run(async {
        let app = test_app().await;
        let budi = signed_in_as(&app, BUDI).await;
        let before = send(&app, api_call("get_my_account", "", Some(&budi))).await;
        assert!(before.body.contains("\"data_views\":[]"), "{}", before.body);
        // The operator opens the console, where Budi waits for verification.
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let console = send(
            &app,
            api_call("get_village_console", "slug=kemiren", Some(&dewi)),
        )
        .await;
        assert_eq!(console.status, StatusCode::OK);
        let after = send(&app, api_call("get_my_account", "", Some(&budi))).await;
        assert!(
            after.body.contains("\"what\":\"Verification\""),
            "{}",
            after.body
        );
        assert!(
            after.body.contains("\"viewer_role\":\"Operator\""),
            "{}",
            after.body
        );
        // Siti saw nothing of the kind; the admin's audit lists it with whose data it was.
        let siti = signed_in_as(&app, SITI).await;
        let siti_account = send(&app, api_call("get_my_account", "", Some(&siti))).await;
        assert!(
            siti_account.body.contains("\"data_views\":[]"),
            "{}",
            siti_account.body
        );
        let admin = signed_in_as(&app, ADMIN).await;
        let audit = send(&app, api_call("list_data_views", "", Some(&admin))).await;
        assert!(audit.body.contains("Budi Santoso"), "{}", audit.body);
    });
}

#[test]
fn a_resident_downloads_their_data_then_deletes_their_account() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        assert_eq!(
            send(&app, get("/akun/data-saya")).await.status,
            StatusCode::UNAUTHORIZED
        );
        let export = send(&app, get_signed_in("/akun/data-saya", &siti)).await;
        assert_eq!(export.status, StatusCode::OK);
        assert_eq!(export.headers[http::header::CACHE_CONTROL], "no-store");
        let data: serde_json::Value = serde_json::from_str(&export.body).unwrap();
        assert_eq!(data["account"]["phone"], SITI);
        assert_eq!(data["verification"]["nik"], "3510164503900001");
        assert!(data["orders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|order| order["code"] == "DEMU2345"));

        let id: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT id FROM accounts WHERE phone = $1"
        )
        .bind(SITI)
        .fetch_one(c)
        .await)
        .unwrap();
        let orders_before: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM orders WHERE buyer_account_id = $1"
        )
        .bind(id)
        .fetch_one(c)
        .await)
        .unwrap();
        let wrong = send(
            &app,
            api_call(
                "delete_my_account",
                "password=salah-sandi-1&confirm=HAPUS",
                Some(&siti),
            ),
        )
        .await;
        assert!(wrong.body.contains("wrong_password"), "{}", wrong.body);
        let deleted = send(
            &app,
            api_call(
                "delete_my_account",
                "password=demo-kampung-2026&confirm=hapus",
                Some(&siti),
            ),
        )
        .await;
        assert!(
            deleted.status.is_success() || deleted.status.is_redirection(),
            "{} {}",
            deleted.status,
            deleted.body
        );

        let (name, phone, email): (String, String, Option<String>) =
            app::on_db!(&app.pool, |c| sqlx::query_as(
                "SELECT name, phone, email FROM accounts WHERE id = $1"
            )
            .bind(id)
            .fetch_one(c)
            .await)
            .unwrap();
        assert_eq!((name.as_str(), email), ("Akun dihapus", None));
        assert!(!phone.starts_with('+'));
        let verifications: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM resident_verifications WHERE account_id = $1"
        )
        .bind(id)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(
            verifications, 0,
            "name, address and NIK go with the verification"
        );
        let orders_after: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM orders WHERE buyer_account_id = $1"
        )
        .bind(id)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(
            orders_after, orders_before,
            "orders stay for the seller's records"
        );
        let messages: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE account_id = $1"
        )
        .bind(id)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(messages, 0);
        // Her session ended, and her number signs in no more (it is free for a new account).
        assert_eq!(
            send(&app, api_call("get_my_account", "", Some(&siti)))
                .await
                .body,
            "null"
        );
        let sign_in = send(
            &app,
            api_call(
                "sign_in",
                "phone=081230000001&password=demo-kampung-2026",
                None,
            ),
        )
        .await;
        assert!(
            sign_in.body.contains("wrong_phone_or_password"),
            "{}",
            sign_in.body
        );
        let again = send(&app, api_call("sign_up", "name=Siti%20Baru&phone=081230000001&password=gandrung-sewu-2026&village=kemiren&email=", None)).await;
        assert!(
            again.status.is_success() || again.status.is_redirection(),
            "{} {}",
            again.status,
            again.body
        );
    });
}
