//! The regency's administration through the real router: the admin uploads the village list (a file with
//! problems is refused whole, line by line), applies a good one (a renamed village keeps its address, a new
//! one appears, applying twice does nothing), invites a kades by phone (the code arrives in the outbox, a
//! wrong code is refused, the right one grants the role), revokes roles (never the last admin), switches
//! a village off; visit reminders go out once.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use http::StatusCode;
use support::*;

const ADMIN: &str = "+6281230000009";
const SITI: &str = "+6281230000001";

fn csv_upload(cookie: &str, text: &str) -> http::Request<axum::body::Body> {
    let boundary = "----sk-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"desa.csv\"\r\nContent-Type: text/csv\r\n\r\n{text}\r\n--{boundary}--\r\n"
    );
    http::Request::post("/admin/wilayah/impor")
        .header(
            http::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(http::header::COOKIE, cookie)
        .body(axum::body::Body::from(body))
        .unwrap()
}

/// Uploads a list and returns the id of its preview.
async fn upload(app: &TestApp, cookie: &str, text: &str) -> i64 {
    let answer = send(app, csv_upload(cookie, text)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let location = answer.headers[http::header::LOCATION].to_str().unwrap();
    location
        .strip_prefix("/admin/wilayah/impor/")
        .unwrap()
        .parse()
        .unwrap()
}

async fn scalar_text(app: &TestApp, sql: &'static str) -> String {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(sql).fetch_one(c).await).unwrap()
}

#[test]
fn the_admin_imports_villages_invites_a_kades_and_revokes_roles() {
    run(async {
        let app = test_app().await;
        let admin = signed_in_as(&app, ADMIN).await;
        let demo_list = include_str!("../../app/src/demo/wilayah-banyuwangi.csv");

        // Only the admin may upload.
        let siti = signed_in_as(&app, SITI).await;
        assert_eq!(
            send(&app, csv_upload(&siti, demo_list)).await.status,
            StatusCode::FORBIDDEN
        );

        // A file with problems: previewed with each problem, and refused whole.
        let bad =
            format!("{demo_list}35.10.16.2099,,desa,Glagah\n35.10.16.1098,Salah,desa,Glagah\n");
        let id = upload(&app, &admin, &bad).await;
        let preview = send(
            &app,
            api_call("get_import_preview", &format!("id={id}"), Some(&admin)),
        )
        .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        assert!(
            preview.body.contains("import_name_missing")
                && preview.body.contains("import_kind_mismatch"),
            "{}",
            preview.body
        );
        let refused = send(
            &app,
            api_call("apply_village_import", &format!("id={id}"), Some(&admin)),
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("import_has_problems"));

        // A good file: Kemiren renamed, one new village. Applied once.
        let good = format!(
            "{}35.10.16.2010,Tamansuruh,desa,Glagah\n",
            demo_list.replace("Kemiren,desa", "Kemiren Osing,desa")
        );
        let id = upload(&app, &admin, &good).await;
        let preview = send(
            &app,
            api_call("get_import_preview", &format!("id={id}"), Some(&admin)),
        )
        .await;
        assert!(preview.body.contains("\"problems\":[]"), "{}", preview.body);
        assert!(
            preview.body.contains("\"old_name\":\"Kemiren\""),
            "{}",
            preview.body
        );
        let applied = send(
            &app,
            api_call("apply_village_import", &format!("id={id}"), Some(&admin)),
        )
        .await;
        assert!(
            applied.status.is_success() || applied.status.is_redirection(),
            "{} {}",
            applied.status,
            applied.body
        );
        assert_eq!(
            scalar_text(&app, "SELECT name FROM villages WHERE slug = 'kemiren'").await,
            "Kemiren Osing"
        );
        assert_eq!(
            scalar_text(
                &app,
                "SELECT slug FROM villages WHERE code = '35.10.16.2010'"
            )
            .await,
            "tamansuruh"
        );
        let again = send(
            &app,
            api_call("apply_village_import", &format!("id={id}"), Some(&admin)),
        )
        .await;
        assert!(
            again.body.contains("import_already_applied"),
            "{}",
            again.body
        );
        let count: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM villages"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(count, 7);
        let overview = send(&app, api_call("get_regency_overview", "", Some(&admin))).await;
        assert!(
            overview.body.contains("\"slug\":\"tamansuruh\""),
            "{}",
            overview.body
        );

        // Invite a kades for the new village by phone; the code arrives in the outbox.
        let invitee = tourists(&app, 1).await.remove(0);
        let phone = scalar_text(
            &app,
            "SELECT phone FROM accounts WHERE phone LIKE '+62813%' ORDER BY id DESC LIMIT 1",
        )
        .await;
        let local = format!("0{}", &phone[3..]);
        let invited = send(
            &app,
            api_call(
                "invite_staff",
                &format!("phone={local}&role=kades&village=tamansuruh&kecamatan="),
                Some(&admin),
            ),
        )
        .await;
        assert!(
            invited.status.is_success() || invited.status.is_redirection(),
            "{} {}",
            invited.status,
            invited.body
        );
        let body = scalar_text(
            &app,
            "SELECT body FROM outbox WHERE purpose = 'staff_invitation' ORDER BY id DESC LIMIT 1",
        )
        .await;
        let code: String = body
            .split_whitespace()
            .map(|word| word.trim_end_matches('.'))
            .find(|word| word.len() == 8 && word.chars().all(|c| c.is_ascii_digit()))
            .unwrap()
            .to_string();
        assert!(
            body.contains("Desa Tamansuruh") && body.contains("/akun/undangan"),
            "{body}"
        );
        // The code works only for the invited number, and only the right code.
        let wrong = send(
            &app,
            api_call("accept_invitation", "code=00000000", Some(&invitee)),
        )
        .await;
        assert!(
            wrong.body.contains("invitation_code_wrong"),
            "{}",
            wrong.body
        );
        let not_theirs = send(
            &app,
            api_call("accept_invitation", &format!("code={code}"), Some(&siti)),
        )
        .await;
        assert!(
            not_theirs.body.contains("invitation_code_wrong"),
            "{}",
            not_theirs.body
        );
        let accepted = send(
            &app,
            api_call(
                "accept_invitation",
                &format!("code={}", code),
                Some(&invitee),
            ),
        )
        .await;
        assert!(
            accepted.status.is_success() || accepted.status.is_redirection(),
            "{} {}",
            accepted.status,
            accepted.body
        );
        let console = send(
            &app,
            api_call("get_village_console", "slug=tamansuruh", Some(&invitee)),
        )
        .await;
        assert_eq!(console.status, StatusCode::OK, "{}", console.body);
        // Used once.
        let reused = send(
            &app,
            api_call("accept_invitation", &format!("code={code}"), Some(&invitee)),
        )
        .await;
        assert!(reused.body.contains("invitation_code_wrong"));

        // Revoke: the kades loses the console; the last admin cannot be revoked.
        let role_id: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT r.id FROM staff_roles r JOIN villages v ON v.id = r.village_id WHERE v.slug = 'tamansuruh'"
        ).fetch_one(c).await).unwrap();
        let revoked = send(
            &app,
            api_call(
                "revoke_staff_role",
                &format!("staff_role_id={role_id}"),
                Some(&admin),
            ),
        )
        .await;
        assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
        let console = send(
            &app,
            api_call("get_village_console", "slug=tamansuruh", Some(&invitee)),
        )
        .await;
        assert_eq!(console.status, StatusCode::FORBIDDEN);
        let admin_role: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT id FROM staff_roles WHERE role = 'admin_kabupaten'"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        let last = send(
            &app,
            api_call(
                "revoke_staff_role",
                &format!("staff_role_id={admin_role}"),
                Some(&admin),
            ),
        )
        .await;
        assert!(last.body.contains("last_admin"), "{}", last.body);

        // Switching a village off: its page says so, sign-ups there are refused; on again.
        let off = send(
            &app,
            api_call(
                "set_village_active",
                "slug=olehsari&state=nonaktif",
                Some(&admin),
            ),
        )
        .await;
        assert!(
            off.status.is_success() || off.status.is_redirection(),
            "{}",
            off.body
        );
        let page = send(&app, get("/desa/olehsari")).await;
        assert!(page.body.contains("data-switched-off"), "the page says so");
        let sign_up = send(&app, api_call("sign_up", "name=Budi%20Baru&phone=081377700011&password=olehsari-2026-baru&village=olehsari&email=", None)).await;
        assert!(
            sign_up.body.contains("village_switched_off"),
            "{}",
            sign_up.body
        );
        send(
            &app,
            api_call(
                "set_village_active",
                "slug=olehsari&state=aktif",
                Some(&admin),
            ),
        )
        .await;
        assert!(!send(&app, get("/desa/olehsari"))
            .await
            .body
            .contains("data-switched-off"));
    });
}

#[test]
fn a_visit_is_reminded_once_the_day_before() {
    run(async {
        let app = test_app().await;
        let now = app::db::now_unix();
        let tomorrow = app::kernel::dates::CivilDate::from_days(
            app::kernel::dates::CivilDate::of_unix_wib(now).days() + 1,
        );
        let slot = tomorrow.at_wib(9 * 60);
        app::on_db!(&app.pool, |c| sqlx::query(
            "INSERT INTO service_requests (code, village_id, service_id, account_id, status, created_at, updated_at, slot_starts_at, slot_day, queue_number)
             SELECT 'VISITZZ1', s.village_id, s.id, a.id, 'diajukan', $1, $1, $2, $3, 99
             FROM services s JOIN villages v ON v.id = s.village_id, accounts a
             WHERE v.slug = 'kemiren' AND s.slug = 'domisili' AND a.phone = $4"
        )
        .bind(now)
        .bind(slot)
        .bind(tomorrow.iso())
        .bind(SITI)
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        let due = app::kernel::dates::day_before_reminder_time(slot).max(now);
        assert_eq!(
            app::layanan::store::send_due_visit_reminders(&app.pool, due)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            app::layanan::store::send_due_visit_reminders(&app.pool, due + 60)
                .await
                .unwrap(),
            0
        );
        let body = scalar_text(
            &app,
            "SELECT body FROM outbox WHERE purpose = 'layanan_visit_reminder'",
        )
        .await;
        assert!(
            body.contains("antrean nomor 99") && body.contains("/layanan/permohonan/VISITZZ1"),
            "{body}"
        );
    });
}

#[test]
fn a_kades_sets_the_village_photo_from_a_phone_camera_photo() {
    run(async {
        let app = test_app().await;
        let kades = signed_in_as(&app, "+6281230000006").await;
        let siti = signed_in_as(&app, SITI).await;
        // A 4000×3000 camera photo (several megabytes), as a phone sends it.
        let photo = camera_photo(4000, 3000, 24);
        assert!(photo.len() > 2_000_000, "{} bytes", photo.len());
        let refused = send(
            &app,
            multipart_upload("/desa/kemiren/foto", Some(&siti), &photo),
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let saved = send(
            &app,
            multipart_upload("/desa/kemiren/foto", Some(&kades), &photo),
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        assert!(saved.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("disimpan=foto"));
        let page = send(&app, get("/desa/kemiren")).await;
        let src = first_photo_src(&page.body);
        assert!(
            src.starts_with("/media/") && src.ends_with(".webp"),
            "{src}"
        );
        assert_eq!(send(&app, get(&src)).await.status, StatusCode::OK);
    });
}
