//! The scorecard through the real router, on the demo villages' last three months: Kemiren meets all
//! seven criteria, Olehsari four (developing), the rest fewer; the kecamatan and regency pages roll them
//! up; a new regulation moves a village's legal criterion; the pages carry the chart and its text.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use http::StatusCode;
use support::*;

/// The demo app with the village information (regulations, bansos pages) the demo step also loads.
async fn demo_app() -> TestApp {
    let app = test_app().await;
    let files = app::media::storage::LocalDisk::new(app.dir.path().join("files")).unwrap();
    app::layanan::informasi::demo::load(&app.pool, &files, app::db::now_unix())
        .await
        .unwrap();
    app
}

fn level_of(body: &str) -> String {
    body.split("data-level=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string()
}

#[test]
fn the_demo_villages_stand_at_different_levels() {
    run(async {
        let app = demo_app().await;
        let kemiren = send(&app, get("/desa/kemiren/skor")).await;
        assert_eq!(kemiren.status, StatusCode::OK);
        assert_eq!(level_of(&kemiren.body), "penuh", "{}", kemiren.body);
        assert_eq!(
            kemiren.body.matches("data-met=\"true\"").count(),
            14,
            "7 ring segments and 7 cards"
        );
        assert!(kemiren.body.contains("7/7"));
        assert!(kemiren.body.contains("<svg"));

        let olehsari = send(&app, get_in_english("/desa/olehsari/skor")).await;
        assert_eq!(level_of(&olehsari.body), "berkembang");
        assert!(olehsari.body.contains("data-met-count=\"4\""));
        assert!(olehsari.body.contains("Economic empowerment"), "in English");
        for (criterion, met) in [
            ("layanan", true),
            ("ekonomi", false),
            ("kesehatan", true),
            ("pendidikan_budaya", true),
            ("sdm", false),
            ("kemiskinan", true),
            ("hukum", false),
        ] {
            assert!(
                olehsari
                    .body
                    .matches(&format!(
                        "data-criterion=\"{criterion}\" data-met=\"{met}\""
                    ))
                    .count()
                    == 2,
                "Olehsari {criterion} met: {met} (ring and card)"
            );
        }
        let bakungan = send(&app, get("/desa/bakungan/skor")).await;
        assert_eq!(level_of(&bakungan.body), "rintisan");

        // Glagah's roll-up counts its four villages; the regency's all six.
        let glagah = send(&app, get("/kecamatan/35.10.16/skor")).await;
        assert_eq!(glagah.status, StatusCode::OK);
        for (level, count) in [("penuh", 1), ("berkembang", 1), ("rintisan", 2)] {
            let shown = glagah
                .body
                .split(&format!("data-level-count=\"{level}\""))
                .nth(1)
                .unwrap();
            let shown = shown
                .split("font-semibold\">")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap();
            assert_eq!(shown, count.to_string(), "Glagah {level}");
        }
        let health = glagah
            .body
            .split("data-meeting=\"kesehatan\"")
            .nth(1)
            .expect("the health bar");
        assert!(
            health.split_once('>').unwrap().1.starts_with("2 / 4<"),
            "{}",
            &health[..40]
        );
        let regency = send(&app, get("/skor")).await;
        assert!(regency.body.contains("/kecamatan/35.10.16/skor"));
        // The regency lists its kecamatan (villages are on their kecamatan's page).
        assert_eq!(regency.body.matches("data-kecamatan=").count(), 3);
        assert_eq!(regency.body.matches("data-village=").count(), 0);
        assert_eq!(glagah.body.matches("data-village=").count(), 4);
        assert_eq!(
            send(&app, get("/kecamatan/99.99/skor")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            send(&app, get("/desa/atlantis/skor")).await.status,
            StatusCode::NOT_FOUND
        );
    });
}

#[test]
fn a_regulation_published_today_meets_the_legal_criterion() {
    run(async {
        let app = demo_app().await;
        let before = send(&app, api_call("get_village_score", "slug=olehsari", None)).await;
        assert!(
            before
                .body
                .contains("\"code\":\"legal_documents\",\"value\":0"),
            "{}",
            before.body
        );
        let rina = signed_in_as(&app, "+6281230000007").await;
        let added = send(&app, api_call("add_legal_document", "village=olehsari&kind=perkades&number=2&year=2026&title_id=Jadwal%20posyandu%20dan%20posbindu&title_en=Posyandu%20and%20posbindu%20schedule", Some(&rina))).await;
        assert!(
            added.status.is_success() || added.status.is_redirection(),
            "{}",
            added.body
        );
        // Not yet: a regulation counts once it is public (its PDF attached).
        let waiting = send(&app, api_call("get_village_score", "slug=olehsari", None)).await;
        assert!(waiting
            .body
            .contains("\"code\":\"legal_documents\",\"value\":0"));
        app::on_db!(&app.pool, |c| sqlx::query(
            "UPDATE legal_documents SET file_key = 'ab.pdf', file_bytes = 1 WHERE number = '2' AND kind = 'perkades'"
        ).execute(c).await.map(app::db::Done::from)).unwrap();
        let after = send(&app, get("/desa/olehsari/skor")).await;
        assert!(after
            .body
            .contains("data-criterion=\"hukum\" data-met=\"true\""));
        assert!(after.body.contains("data-met-count=\"5\""));
    });
}
