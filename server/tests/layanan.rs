//! Layanan through the real router: a resident requests an SKTM with a visit slot, the operator asks for
//! a revision, the resident corrects it, the kades approves, the camat signs, the letter is issued as a
//! PDF with a yearly number and a QR to the public verification page; each role can do only its part;
//! concurrent bookings never overbook a slot and concurrent letters never share a number.

mod support;

use http::StatusCode;
use support::*;

const SITI: &str = "+6281230000001";
const BUDI: &str = "+6281230000002";
const DEWI_OPERATOR: &str = "+6281230000004";
const SLAMET_KADES: &str = "+6281230000006";
const RINA_OLEHSARI: &str = "+6281230000007";
const YUSUF_CAMAT: &str = "+6281230000008";

fn accepted(status: StatusCode) -> bool {
    status.is_success() || status.is_redirection()
}

/// The first free slot offered on the service page (a `<option value=…>` of the slot select).
async fn first_slot(app: &TestApp, cookie: &str, path: &str) -> String {
    let page = send(app, get_signed_in(path, cookie)).await;
    page.body
        .split("name=\"slot\"")
        .nth(1)
        .and_then(|rest| rest.split("value=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("a free slot is offered")
        .to_string()
}

async fn latest_code(app: &TestApp, phone: &str) -> String {
    sqlx::query_scalar(
        "SELECT r.code FROM service_requests r JOIN accounts a ON a.id = r.account_id
         WHERE a.phone = $1 ORDER BY r.id DESC LIMIT 1",
    )
    .bind(phone)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn move_as(app: &TestApp, cookie: &str, code: &str, to: &str, note: &str) -> Answer {
    send(
        app,
        api_call(
            "move_request",
            &format!("code={code}&to={to}&note={}", note.replace(' ', "%20")),
            Some(cookie),
        ),
    )
    .await
}

const SKTM_ANSWERS: &str = "answers[alamat]=Dusun%20Krajan%20RT%2001%20RW%2002&answers[pekerjaan]=Petani&answers[penghasilan]=900000&answers[keperluan]=Beasiswa%20sekolah";

#[test]
fn an_sktm_goes_from_request_to_a_verifiable_letter_signed_by_the_camat() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let slamet = signed_in_as(&app, SLAMET_KADES).await;
        let rina = signed_in_as(&app, RINA_OLEHSARI).await;
        let yusuf = signed_in_as(&app, YUSUF_CAMAT).await;
        let budi = signed_in_as(&app, BUDI).await;

        // A required field left empty is refused next to it; nothing is recorded.
        let slot = first_slot(&app, &siti, "/layanan/kemiren/sktm").await;
        let missing = send(&app, api_call("submit_request", &format!("village=kemiren&service=sktm&slot={slot}&answers[alamat]=&answers[pekerjaan]=Petani&answers[penghasilan]=900000&answers[keperluan]=Beasiswa%20sekolah"), Some(&siti))).await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(missing.body.contains("answers[alamat]"), "{}", missing.body);
        let submitted = send(
            &app,
            api_call(
                "submit_request",
                &format!("village=kemiren&service=sktm&slot={slot}&{SKTM_ANSWERS}"),
                Some(&siti),
            ),
        )
        .await;
        assert!(
            accepted(submitted.status),
            "{} {}",
            submitted.status,
            submitted.body
        );
        let code = latest_code(&app, SITI).await;
        let queue: Option<i64> =
            sqlx::query_scalar("SELECT queue_number FROM service_requests WHERE code = $1")
                .bind(&code)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert_eq!(queue, Some(1), "first in line that day");

        // Another village's operator and the camat (not yet forwarded) see nothing; Budi neither.
        for cookie in [&rina, &yusuf, &budi] {
            let answer = send(
                &app,
                api_call("get_request", &format!("code={code}"), Some(cookie)),
            )
            .await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN);
        }

        // The operator checks it and asks for a revision (a note is required).
        assert!(accepted(
            move_as(&app, &dewi, &code, "diperiksa", "").await.status
        ));
        let no_note = move_as(&app, &dewi, &code, "perlu_perbaikan", "").await;
        assert!(no_note.body.contains("reason_required"), "{}", no_note.body);
        assert!(accepted(
            move_as(
                &app,
                &dewi,
                &code,
                "perlu_perbaikan",
                "Penghasilan ditulis per tahun, mohon per bulan"
            )
            .await
            .status
        ));
        // The resident corrects the income and submits again.
        let resubmitted = send(
            &app,
            api_call(
                "move_request",
                &format!(
                    "code={code}&to=diajukan&{}",
                    SKTM_ANSWERS.replace("900000", "750000")
                ),
                Some(&siti),
            ),
        )
        .await;
        assert!(
            accepted(resubmitted.status),
            "{} {}",
            resubmitted.status,
            resubmitted.body
        );
        assert!(accepted(
            move_as(&app, &dewi, &code, "diperiksa", "").await.status
        ));

        // Only the kades approves; only the camat signs.
        let operator_approves = move_as(&app, &dewi, &code, "disetujui_kades", "").await;
        assert!(
            operator_approves
                .body
                .contains("request_move_not_your_role"),
            "{}",
            operator_approves.body
        );
        assert!(accepted(
            move_as(&app, &slamet, &code, "disetujui_kades", "")
                .await
                .status
        ));
        assert!(accepted(
            move_as(&app, &dewi, &code, "diteruskan_kecamatan", "")
                .await
                .status
        ));
        let kades_signs = move_as(&app, &slamet, &code, "ditandatangani_camat", "").await;
        assert!(kades_signs.body.contains("request_move_not_your_role"));
        let inbox = send(
            &app,
            api_call("get_kecamatan_inbox", "code=35.10.16", Some(&yusuf)),
        )
        .await;
        assert!(inbox.body.contains(&code), "{}", inbox.body);
        assert!(accepted(
            move_as(&app, &yusuf, &code, "ditandatangani_camat", "")
                .await
                .status
        ));
        assert!(accepted(
            move_as(&app, &dewi, &code, "siap", "").await.status
        ));

        // The letter: number from the village's yearly sequence, the camat's signature, the new income.
        let (number, verification): (String, String) = sqlx::query_as(
            "SELECT l.number, l.verification_code FROM letters l JOIN service_requests r ON r.id = l.request_id WHERE r.code = $1",
        ).bind(&code).fetch_one(&app.pool).await.unwrap();
        let village_code: String =
            sqlx::query_scalar("SELECT code FROM villages WHERE slug = 'kemiren'")
                .fetch_one(&app.pool)
                .await
                .unwrap();
        let year = app::budaya::recurrence::CivilDate::of_unix_wib(app::db::now_unix()).year;
        assert_eq!(number, format!("470/001/{village_code}/{year}"));

        let pdf = send(
            &app,
            get_signed_in(&format!("/layanan/surat/{code}"), &siti),
        )
        .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.headers[http::header::CONTENT_TYPE], "application/pdf");
        assert!(pdf.body.starts_with("%PDF-"));
        assert!(pdf.body.contains(&format!("(Nomor: {number}) Tj")));
        assert!(
            pdf.body.contains("750000"),
            "the corrected answer is printed"
        );
        assert!(pdf.body.contains("(Yusuf Hidayat) Tj"));
        assert!(pdf.body.contains(&format!("/verifikasi/{verification}")));
        assert_eq!(
            send(
                &app,
                get_signed_in(&format!("/layanan/surat/{code}"), &budi)
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            send(&app, get(&format!("/layanan/surat/{code}")))
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );

        // The public verification page: number, village, signers; the holder masked, never the name.
        let page = send(&app, get(&format!("/verifikasi/{verification}"))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&number));
        assert!(page.body.contains("S*** R*****"));
        assert!(!page.body.contains("Siti Rahayu"));
        assert!(
            !page.body.contains("Dusun Krajan"),
            "no answers on the public page"
        );

        // Siti was told at each step the staff took (checked, revision, checked, approved, forwarded,
        // signed, ready).
        let messages: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE purpose = 'layanan_request' AND to_phone = $1",
        )
        .bind(SITI)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(messages, 7);
        let timeline = send(
            &app,
            get_signed_in(&format!("/layanan/permohonan/{code}"), &siti),
        )
        .await;
        assert!(timeline.body.contains("Penghasilan ditulis per tahun"));
        assert!(timeline.body.contains("Ditandatangani camat"));
    })
}

#[test]
fn concurrent_bookings_never_overbook_a_slot() {
    run(async {
        let app = test_app().await;
        const PEOPLE: usize = 20;
        let cookies = tourists(&app, PEOPLE).await;
        let slot = first_slot(&app, &cookies[0], "/layanan/kemiren/sktm").await;
        let started = std::time::Instant::now();
        let mut bookings = tokio::task::JoinSet::new();
        for cookie in cookies {
            let router = app.router.clone();
            let body = format!("village=kemiren&service=sktm&slot={slot}&{SKTM_ANSWERS}");
            bookings.spawn(async move {
                use tower::ServiceExt;
                router
                    .oneshot(api_call("submit_request", &body, Some(&cookie)))
                    .await
                    .unwrap()
                    .status()
            });
        }
        let mut statuses = Vec::new();
        while let Some(status) = bookings.join_next().await {
            statuses.push(status.unwrap());
        }
        println!(
            "{PEOPLE} concurrent bookings of a 3-person slot took {:?}",
            started.elapsed()
        );
        let booked = statuses.iter().filter(|status| accepted(**status)).count();
        assert_eq!(booked, 3, "{statuses:?}");
        assert_eq!(
            statuses
                .iter()
                .filter(|status| **status == StatusCode::UNPROCESSABLE_ENTITY)
                .count(),
            PEOPLE - 3
        );
        let queue: Vec<i64> = sqlx::query_scalar("SELECT queue_number FROM service_requests WHERE slot_starts_at = $1 ORDER BY queue_number")
            .bind(slot.parse::<i64>().unwrap()).fetch_all(&app.pool).await.unwrap();
        assert_eq!(queue, vec![1, 2, 3]);
    })
}

#[test]
fn letters_issued_at_once_never_share_a_number() {
    run(async {
        let app = test_app().await;
        const LETTERS: usize = 12;
        let cookies = tourists(&app, LETTERS).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let slamet = signed_in_as(&app, SLAMET_KADES).await;
        let mut codes = Vec::new();
        for cookie in &cookies {
            let answer = send(&app, api_call("submit_request", "village=kemiren&service=domisili&answers[alamat]=Dusun%20Krajan&answers[sejak]=2001&answers[keperluan]=Bank", Some(cookie))).await;
            assert!(accepted(answer.status), "{} {}", answer.status, answer.body);
            let code: String =
                sqlx::query_scalar("SELECT code FROM service_requests ORDER BY id DESC LIMIT 1")
                    .fetch_one(&app.pool)
                    .await
                    .unwrap();
            assert!(accepted(
                move_as(&app, &dewi, &code, "diperiksa", "").await.status
            ));
            assert!(accepted(
                move_as(&app, &slamet, &code, "disetujui_kades", "")
                    .await
                    .status
            ));
            codes.push(code);
        }
        let started = std::time::Instant::now();
        let mut issues = tokio::task::JoinSet::new();
        for code in codes {
            let router = app.router.clone();
            let cookie = dewi.clone();
            issues.spawn(async move {
                use tower::ServiceExt;
                router
                    .oneshot(api_call(
                        "move_request",
                        &format!("code={code}&to=siap"),
                        Some(&cookie),
                    ))
                    .await
                    .unwrap()
                    .status()
            });
        }
        while let Some(status) = issues.join_next().await {
            assert!(accepted(status.unwrap()));
        }
        println!(
            "{LETTERS} letters issued at once took {:?}",
            started.elapsed()
        );
        let mut sequence: Vec<i64> = sqlx::query_scalar::<_, String>("SELECT number FROM letters")
            .fetch_all(&app.pool)
            .await
            .unwrap()
            .iter()
            .map(|number| number.split('/').nth(1).unwrap().parse().unwrap())
            .collect();
        sequence.sort_unstable();
        assert_eq!(sequence, (1..=LETTERS as i64).collect::<Vec<_>>());
    })
}
