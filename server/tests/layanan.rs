//! Layanan through the real router: a resident requests an SKTM with a visit slot, the operator asks for
//! a revision, the resident corrects it, the kades approves, the camat signs, the letter is issued as a
//! PDF with a yearly number and a QR to the public verification page; each role can do only its part;
//! concurrent bookings never overbook a slot and concurrent letters never share a number.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use axum::body::Body;
use http::{Request, StatusCode};
use support::*;

const SITI: &str = "+6281230000001";
const BUDI: &str = "+6281230000002";
const DEWI_OPERATOR: &str = "+6281230000004";
const SLAMET_KADES: &str = "+6281230000006";
const RINA_OLEHSARI: &str = "+6281230000007";
const YUSUF_CAMAT: &str = "+6281230000008";

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
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT r.code FROM service_requests r JOIN accounts a ON a.id = r.account_id
         WHERE a.phone = $1 ORDER BY r.id DESC LIMIT 1",
    )
    .bind(phone)
    .fetch_one(c)
    .await)
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
        let queue: Option<i64> = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT queue_number FROM service_requests WHERE code = $1"
        )
        .bind(&code)
        .fetch_one(c)
        .await)
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
        // Trust issue, defect 3: no approval while a required document is missing.
        let without_document = move_as(&app, &slamet, &code, "disetujui_kades", "").await;
        assert!(
            without_document.body.contains("documents_missing"),
            "{}",
            without_document.body
        );
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
        // The resident photographs the RT/RW letter, corrects the income and submits again.
        let uploaded = send(
            &app,
            multipart_upload(
                &format!("/layanan/permohonan/{code}/dokumen/pengantar_rt"),
                Some(&siti),
                &letter_photo(),
            ),
        )
        .await;
        assert!(uploaded.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("disimpan=dokumen"));
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
        let (number, verification): (String, String) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT l.number, l.verification_code FROM letters l JOIN service_requests r ON r.id = l.request_id WHERE r.code = $1",
        ).bind(&code).fetch_one(c).await).unwrap();
        let village_code: String = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT code FROM villages WHERE slug = 'kemiren'"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        let year = app::kernel::dates::CivilDate::of_unix_wib(app::db::now_unix()).year;
        // After the demo data's letters (Siti's SKTM, the village's history), this one took the sequence's
        // latest number.
        let latest: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT last_number FROM letter_sequences q JOIN villages v ON v.id = q.village_id
             WHERE v.slug = 'kemiren' AND q.year = $1"
        )
        .bind(year)
        .fetch_one(c)
        .await)
        .unwrap();
        assert!(latest >= 2);
        assert_eq!(number, format!("470/{latest:03}/{village_code}/{year}"));

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
            pdf.body.contains("750.000"),
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
        let messages: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE purpose = 'layanan_request' AND to_phone = $1
               AND body LIKE '%' || $2 || '%'",
        )
        .bind(SITI)
        .bind(&code)
        .fetch_one(c)
        .await)
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
        let cookies = verified_residents(&app, PEOPLE).await;
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
        let queue: Vec<i64> = app::on_db!(&app.pool, |c| sqlx::query_scalar("SELECT queue_number FROM service_requests WHERE slot_starts_at = $1 ORDER BY queue_number")
            .bind(slot.parse::<i64>().unwrap()).fetch_all(c).await).unwrap();
        assert_eq!(queue, vec![1, 2, 3]);
    })
}

#[test]
fn letters_issued_at_once_never_share_a_number() {
    run(async {
        let app = test_app().await;
        const LETTERS: usize = 12;
        let cookies = verified_residents(&app, LETTERS).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let slamet = signed_in_as(&app, SLAMET_KADES).await;
        let mut codes = Vec::new();
        for cookie in &cookies {
            let answer = send(&app, api_call("submit_request", "village=kemiren&service=domisili&answers[alamat]=Dusun%20Krajan&answers[sejak]=2001&answers[keperluan]=Bank", Some(cookie))).await;
            assert!(accepted(answer.status), "{} {}", answer.status, answer.body);
            let code: String = app::on_db!(&app.pool, |c| sqlx::query_scalar(
                "SELECT code FROM service_requests ORDER BY id DESC LIMIT 1"
            )
            .fetch_one(c)
            .await)
            .unwrap();
            let document = format!("/layanan/permohonan/{code}/dokumen/pengantar_rt");
            send(
                &app,
                multipart_upload(&document, Some(cookie), &letter_photo()),
            )
            .await;
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
        let mut sequence: Vec<i64> = app::on_db!(&app.pool, |c| sqlx::query_scalar::<_, String>(
            "SELECT l.number FROM letters l JOIN service_requests r ON r.id = l.request_id
             JOIN villages v ON v.id = r.village_id WHERE v.slug = 'kemiren'"
        )
        .fetch_all(c)
        .await)
        .unwrap()
        .iter()
        .map(|number| number.split('/').nth(1).unwrap().parse().unwrap())
        .collect();
        sequence.sort_unstable();
        // The demo data's letters took the first numbers; the twelve take the next twelve, none twice,
        // none skipped.
        let demo_letters = sequence.len() as i64 - LETTERS as i64;
        assert!(demo_letters >= 1);
        assert_eq!(
            sequence,
            (1..=demo_letters + LETTERS as i64).collect::<Vec<_>>()
        );
    })
}

/// A photographed paper (dark lines on white), not the same bytes as any public photo.
fn letter_photo() -> Vec<u8> {
    use image::{codecs::jpeg::JpegEncoder, ImageEncoder};
    let pixels: Vec<u8> = (0..500 * 700)
        .flat_map(|i| {
            if (i / 500) % 30 < 2 {
                [20, 20, 60]
            } else {
                [245, 243, 235]
            }
        })
        .collect();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 80)
        .write_image(&pixels, 500, 700, image::ExtendedColorType::Rgb8)
        .unwrap();
    jpeg
}

const DOMISILI: &str = "village=kemiren&service=domisili&answers[alamat]=Dusun%20Krajan&answers[sejak]=2001&answers[keperluan]=Bank";

#[test]
fn document_photos_are_private_and_close_once_the_operator_checks() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let budi = signed_in_as(&app, BUDI).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let rina = signed_in_as(&app, RINA_OLEHSARI).await;
        let submitted = send(&app, api_call("submit_request", DOMISILI, Some(&siti))).await;
        assert!(accepted(submitted.status), "{}", submitted.body);
        let code = latest_code(&app, SITI).await;
        let page = send(
            &app,
            get_signed_in(&format!("/layanan/permohonan/{code}"), &siti),
        )
        .await;
        assert!(
            page.body.contains("Belum dilampirkan"),
            "the missing document is pointed out"
        );

        let upload = format!("/layanan/permohonan/{code}/dokumen/pengantar_rt");
        assert_eq!(
            send(
                &app,
                multipart_upload(&upload, Some(&budi), &letter_photo())
            )
            .await
            .status,
            StatusCode::FORBIDDEN,
            "only the resident attaches documents"
        );
        assert_eq!(
            send(
                &app,
                multipart_upload(
                    &format!("/layanan/permohonan/{code}/dokumen/tidak_ada"),
                    Some(&siti),
                    &letter_photo()
                )
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        let refused = send(
            &app,
            multipart_upload(&upload, Some(&siti), b"%PDF-1.7\n1 0 obj"),
        )
        .await;
        assert!(refused.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("foto_galat=photo_not_image"));
        let saved = send(
            &app,
            multipart_upload(&upload, Some(&siti), &letter_photo()),
        )
        .await;
        assert!(saved.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("disimpan=dokumen"));
        let (photo_id, key, widths): (i64, String, String) =
            app::on_db!(&app.pool, |c| sqlx::query_as(
                "SELECT p.id, p.key, p.widths
             FROM request_documents d JOIN photos p ON p.id = d.photo_id
             JOIN service_requests r ON r.id = d.request_id WHERE r.code = $1",
            )
            .bind(&code)
            .fetch_one(c)
            .await)
            .unwrap();
        // The file of its smallest width: `{key}-{width}.webp`.
        let key = format!("{key}-{}.webp", widths.split(',').next().unwrap());

        let photo = format!("/layanan/permohonan/{code}/dokumen/pengantar_rt/{photo_id}");
        let thumbnail = format!("{photo}?ukuran=kecil");
        let mut etag = None;
        for cookie in [&siti, &dewi] {
            let answer = send(&app, get_signed_in(&photo, cookie)).await;
            assert_eq!(answer.status, StatusCode::OK);
            // Kept by the browser only, and asked for again each time.
            assert_eq!(
                answer.headers[http::header::CACHE_CONTROL],
                "private, no-cache"
            );
            let small = send(&app, get_signed_in(&thumbnail, cookie)).await;
            assert_eq!(small.status, StatusCode::OK);
            assert!(
                small.body.len() < answer.body.len(),
                "the thumbnail is smaller: {} vs {}",
                small.body.len(),
                answer.body.len()
            );
            etag = Some(answer.headers[http::header::ETAG].clone());
        }
        // A second visit costs no picture; someone else's browser holding the same tag still gets none.
        let revisit = |cookie: &str| {
            Request::get(&photo)
                .header(http::header::COOKIE, cookie)
                .header(http::header::IF_NONE_MATCH, etag.clone().unwrap())
                .body(Body::empty())
                .unwrap()
        };
        let again = send(&app, revisit(&siti)).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED);
        assert!(again.body.is_empty());
        for cookie in [&budi, &rina] {
            assert_eq!(
                send(&app, get_signed_in(&photo, cookie)).await.status,
                StatusCode::FORBIDDEN
            );
            assert_eq!(
                send(&app, revisit(cookie)).await.status,
                StatusCode::FORBIDDEN
            );
        }
        assert_eq!(
            send(&app, get(&photo)).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            send(&app, get(&format!("/media/{key}"))).await.status,
            StatusCode::NOT_FOUND,
            "never from the public media path"
        );
        let staff_page = send(
            &app,
            get_signed_in(&format!("/layanan/permohonan/{code}"), &dewi),
        )
        .await;
        assert!(
            staff_page.body.contains(&photo),
            "the operator sees the document"
        );

        // Once the operator checks the request, its documents no longer change.
        assert!(accepted(
            move_as(&app, &dewi, &code, "diperiksa", "").await.status
        ));
        let late = send(
            &app,
            multipart_upload(&upload, Some(&siti), &letter_photo()),
        )
        .await;
        assert!(late.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("foto_galat=documents_closed"));
        let removal = send(
            &app,
            api_call(
                "remove_request_document",
                &format!("code={code}&photo={photo_id}"),
                Some(&siti),
            ),
        )
        .await;
        assert!(
            removal.body.contains("documents_closed"),
            "{}",
            removal.body
        );
        // Sent back for revision, the resident may change them again.
        assert!(accepted(
            move_as(
                &app,
                &dewi,
                &code,
                "perlu_perbaikan",
                "Foto pengantar buram"
            )
            .await
            .status
        ));
        let removed = send(
            &app,
            api_call(
                "remove_request_document",
                &format!("code={code}&photo={photo_id}"),
                Some(&siti),
            ),
        )
        .await;
        assert!(accepted(removed.status), "{}", removed.body);
        assert_eq!(
            send(&app, get_signed_in(&photo, &siti)).await.status,
            StatusCode::NOT_FOUND
        );
    })
}

#[test]
fn a_resident_moves_a_visit_and_the_old_place_is_free_again() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let budi = signed_in_as(&app, BUDI).await;
        let first = first_slot(&app, &siti, "/layanan/kemiren/konsultasi-adminduk").await;
        let booked = send(
            &app,
            api_call(
                "submit_request",
                &format!(
                    "village=kemiren&service=konsultasi-adminduk&slot={first}&answers[topik]=KTP"
                ),
                Some(&siti),
            ),
        )
        .await;
        assert!(accepted(booked.status), "{}", booked.body);
        let code = latest_code(&app, SITI).await;
        // The request page offers the other free slots.
        let page = send(
            &app,
            get_signed_in(&format!("/layanan/permohonan/{code}"), &siti),
        )
        .await;
        let later = page
            .body
            .split("name=\"slot\"")
            .nth(1)
            .and_then(|rest| rest.split("value=\"").nth(1))
            .and_then(|rest| rest.split('"').next())
            .expect("other slots are offered")
            .to_string();
        assert_ne!(later, first);

        assert_eq!(
            send(
                &app,
                api_call(
                    "reschedule_request",
                    &format!("code={code}&slot={later}"),
                    Some(&budi)
                )
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let not_offered = send(
            &app,
            api_call(
                "reschedule_request",
                &format!("code={code}&slot=12345"),
                Some(&siti),
            ),
        )
        .await;
        assert!(
            not_offered.body.contains("slot_not_offered"),
            "{}",
            not_offered.body
        );
        let moved = send(
            &app,
            api_call(
                "reschedule_request",
                &format!("code={code}&slot={later}"),
                Some(&siti),
            ),
        )
        .await;
        assert!(accepted(moved.status), "{}", moved.body);
        let (slot, queue): (i64, Option<i64>) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT slot_starts_at, queue_number FROM service_requests WHERE code = $1",
        )
        .bind(&code)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(slot.to_string(), later);
        assert!(queue.is_some());
        let in_old_slot: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM service_requests WHERE slot_starts_at = $1"
        )
        .bind(first.parse::<i64>().unwrap())
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(in_old_slot, 0);
        let timeline = send(
            &app,
            get_signed_in(&format!("/layanan/permohonan/{code}"), &siti),
        )
        .await;
        assert!(timeline.body.contains("Jadwal kunjungan dipindah"));
        let moved_to = format!("· antrean no. {}", queue.unwrap());
        assert!(
            timeline.body.contains(&moved_to),
            "the new time and queue number are shown"
        );

        // A cancelled request's visit no longer moves.
        assert!(accepted(
            move_as(&app, &siti, &code, "dibatalkan", "").await.status
        ));
        let closed = send(
            &app,
            api_call(
                "reschedule_request",
                &format!("code={code}&slot={first}"),
                Some(&siti),
            ),
        )
        .await;
        assert!(closed.body.contains("visit_not_movable"), "{}", closed.body);
    })
}

#[test]
fn letters_are_requested_from_the_village_one_lives_in() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let elsewhere = send(
            &app,
            api_call(
                "submit_request",
                "village=olehsari&service=domisili&answers[alamat]=Dusun%20Krajan&answers[sejak]=2001&answers[keperluan]=Bank",
                Some(&siti),
            ),
        )
        .await;
        assert!(
            elsewhere.body.contains("letters_from_home_village"),
            "{}",
            elsewhere.body
        );
        let page = send(&app, get_signed_in("/layanan/olehsari/domisili", &siti)).await;
        assert!(page
            .body
            .contains("Surat diurus di desa tempat Anda tinggal"));
        assert!(
            !page.body.contains("name=\"answers[alamat]\""),
            "no form to fill in vain"
        );
    })
}

async fn latest_complaint(app: &TestApp) -> String {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT code FROM complaints ORDER BY id DESC LIMIT 1"
    )
    .fetch_one(c)
    .await)
    .unwrap()
}

#[test]
fn complaints_reach_only_the_village_staff_who_answer_and_move_them() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let budi = signed_in_as(&app, BUDI).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let rina = signed_in_as(&app, RINA_OLEHSARI).await;
        let body = "Lampu%20jalan%20di%20depan%20masjid%20Dusun%20Krajan%20mati%20sejak%20seminggu";
        let no_category = send(
            &app,
            api_call(
                "submit_complaint",
                &format!("category=politik&body={body}"),
                Some(&siti),
            ),
        )
        .await;
        assert!(
            no_category.body.contains("\"category\""),
            "{}",
            no_category.body
        );
        let too_short = send(
            &app,
            api_call(
                "submit_complaint",
                "category=infrastruktur&body=Lampu",
                Some(&siti),
            ),
        )
        .await;
        assert!(
            too_short.body.contains("text_too_short"),
            "{}",
            too_short.body
        );
        let sent = send(
            &app,
            api_call(
                "submit_complaint",
                &format!("category=infrastruktur&body={body}&location=Depan%20masjid"),
                Some(&siti),
            ),
        )
        .await;
        assert!(accepted(sent.status), "{}", sent.body);
        let code = latest_complaint(&app).await;

        for cookie in [&budi, &rina] {
            assert_eq!(
                send(
                    &app,
                    api_call("get_complaint", &format!("code={code}"), Some(cookie))
                )
                .await
                .status,
                StatusCode::FORBIDDEN
            );
        }
        let inbox = send(&app, get_signed_in("/desa/kemiren/pengaduan", &dewi)).await;
        assert!(
            inbox.body.contains("Lampu jalan di depan masjid"),
            "in Kemiren's inbox"
        );
        assert_eq!(
            send(
                &app,
                api_call("get_complaint_inbox", "slug=kemiren&status=", Some(&rina))
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );

        // The resident adds a photo; it is private like the documents.
        let photo_path = format!("/layanan/pengaduan/{code}/foto");
        let saved = send(
            &app,
            multipart_upload(&photo_path, Some(&siti), &letter_photo()),
        )
        .await;
        assert!(saved.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("disimpan=foto"));
        assert_eq!(
            send(&app, get_signed_in(&photo_path, &dewi)).await.status,
            StatusCode::OK
        );
        assert_eq!(
            send(&app, get_signed_in(&photo_path, &budi)).await.status,
            StatusCode::FORBIDDEN
        );

        // The resident cannot move it; the staff answer and move it forward only.
        let by_resident = send(
            &app,
            api_call(
                "reply_complaint",
                &format!("code={code}&body=Tolong%20cepat&status=selesai"),
                Some(&siti),
            ),
        )
        .await;
        assert_eq!(by_resident.status, StatusCode::FORBIDDEN);
        let answered = send(
            &app,
            api_call(
                "reply_complaint",
                &format!(
                    "code={code}&body=Petugas%20PLN%20desa%20dijadwalkan%20Kamis&status=diproses"
                ),
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(answered.status), "{}", answered.body);
        let back = send(
            &app,
            api_call(
                "reply_complaint",
                &format!("code={code}&body=Salah%20klik&status=diterima"),
                Some(&dewi),
            ),
        )
        .await;
        assert!(
            back.body.contains("complaint_move_not_now"),
            "{}",
            back.body
        );
        let page = send(
            &app,
            get_signed_in(&format!("/layanan/pengaduan/{code}"), &siti),
        )
        .await;
        assert!(page.body.contains("Petugas PLN desa dijadwalkan Kamis"));
        assert!(page.body.contains("Diproses"));
        let told: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE purpose = 'layanan_complaint' AND to_phone = $1",
        )
        .bind(SITI)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(told, 1, "the resident is told by message");
        let late_photo = send(
            &app,
            multipart_upload(&photo_path, Some(&siti), &letter_photo()),
        )
        .await;
        assert!(late_photo.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("complaint_closed"));

        // Five a day per account: the sixth is refused.
        for _ in 0..4 {
            let more = send(
                &app,
                api_call(
                    "submit_complaint",
                    &format!("category=kebersihan&body={body}"),
                    Some(&siti),
                ),
            )
            .await;
            assert!(accepted(more.status), "{}", more.body);
        }
        let flood = send(
            &app,
            api_call(
                "submit_complaint",
                &format!("category=kebersihan&body={body}"),
                Some(&siti),
            ),
        )
        .await;
        assert_eq!(flood.status, StatusCode::TOO_MANY_REQUESTS);
    })
}

#[test]
fn village_staff_edit_their_services_form_hours_and_closed_days() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let rina = signed_in_as(&app, RINA_OLEHSARI).await;
        let editor = send(
            &app,
            get_signed_in("/desa/kemiren/katalog/konsultasi-adminduk", &dewi),
        )
        .await;
        assert_eq!(editor.status, StatusCode::OK);
        assert!(editor.body.contains("Topik konsultasi"));
        for cookie in [&siti, &rina] {
            assert_eq!(
                send(
                    &app,
                    api_call(
                        "get_service_editor",
                        "village=kemiren&service=konsultasi-adminduk",
                        Some(cookie)
                    )
                )
                .await
                .status,
                StatusCode::FORBIDDEN
            );
        }
        let base = "village=kemiren&service=konsultasi-adminduk&name_id=Konsultasi%20adminduk&summary_id=Janji%20temu%20dengan%20operator%20desa&processing_days=0&fee_rupiah=0&is_active=on&needs_slot=on&slot_minutes=60&slot_capacity=1";
        let one_choice = send(&app, api_call("save_service", &format!("{base}&fields[0][label_id]=Topik&fields[0][kind]=select&fields[0][options]=KTP&fields[0][required]=on&hours[0][weekday]=1&hours[0][opens]=08:00&hours[0][closes]=10:00"), Some(&dewi))).await;
        assert!(
            one_choice.body.contains("field_options_required"),
            "{}",
            one_choice.body
        );
        let backwards = send(
            &app,
            api_call(
                "save_service",
                &format!("{base}&hours[0][weekday]=1&hours[0][opens]=10:00&hours[0][closes]=08:00"),
                Some(&dewi),
            ),
        )
        .await;
        assert!(
            backwards.body.contains("ends_before_start"),
            "{}",
            backwards.body
        );
        let saved = send(&app, api_call("save_service", &format!("{base}&fields[0][name]=topik&fields[0][label_id]=Topik%20konsultasi&fields[0][kind]=select&fields[0][options]=KTP%0AKartu%20Keluarga&fields[0][required]=on&fields[1][label_id]=Nomor%20KK&fields[1][kind]=number&hours[0][weekday]=1&hours[0][opens]=08:00&hours[0][closes]=10:00&hours[1][weekday]=2&hours[1][opens]=&hours[1][closes]="), Some(&dewi))).await;
        assert!(accepted(saved.status), "{} {}", saved.status, saved.body);
        let hours: Vec<(i64, i64, i64)> = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT h.weekday, h.opens, h.closes FROM service_hours h JOIN services s ON s.id = h.service_id
             JOIN villages v ON v.id = s.village_id WHERE v.slug = 'kemiren' AND s.slug = 'konsultasi-adminduk'",
        )
        .fetch_all(c).await)
        .unwrap();
        assert_eq!(hours, vec![(1, 480, 600)], "Mondays 08:00–10:00 only");
        // The resident's form follows: the new field, and two one-hour Monday slots a week.
        let page = send(
            &app,
            get_signed_in("/layanan/kemiren/konsultasi-adminduk", &siti),
        )
        .await;
        assert!(
            page.body.contains("name=\"answers[nomor_kk]\""),
            "{}",
            page.body
        );
        let slots = page.body.matches(" tempat</option>").count();
        assert!(
            (2..=6).contains(&slots),
            "{slots} slots in two weeks of Mondays"
        );

        // Closed days: not in the past; a closed Monday offers no slot.
        let past = send(
            &app,
            api_call(
                "add_closed_date",
                "village=kemiren&date=2020-01-01&reason=Lalu",
                Some(&dewi),
            ),
        )
        .await;
        assert!(past.body.contains("date_in_past"), "{}", past.body);
        let added = send(
            &app,
            api_call(
                "add_closed_date",
                "village=kemiren&date=2099-12-25&reason=Natal",
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(added.status), "{}", added.body);
        let catalogue = send(&app, get_signed_in("/desa/kemiren/katalog", &dewi)).await;
        assert!(catalogue.body.contains("Natal"));
        assert_eq!(
            send(
                &app,
                api_call(
                    "add_closed_date",
                    "village=kemiren&date=2099-12-26",
                    Some(&rina)
                )
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );

        // Switched off, with its form emptied: no new requests, but the requests already made go on and
        // keep every answer.
        let off = send(&app, api_call("save_service", "village=kemiren&service=sktm&name_id=Surat%20Keterangan%20Tidak%20Mampu&summary_id=Untuk%20keringanan%20biaya%20sekolah&processing_days=3&fee_rupiah=0&letter_title=SKTM&letter_template=Isi", Some(&dewi))).await;
        assert!(accepted(off.status), "{}", off.body);
        assert_eq!(
            send(&app, get("/layanan/kemiren/sktm")).await.status,
            StatusCode::NOT_FOUND
        );
        let demo_request = send(&app, get_signed_in("/layanan/permohonan/SKTMDEMA", &siti)).await;
        assert_eq!(demo_request.status, StatusCode::OK);
        assert!(
            demo_request.body.contains("Petani kopi"),
            "answers to removed fields stay visible"
        );
    })
}

/// Trust issue, defect 5: camat staff could open a village-only request once it was ready (answers,
/// document photos, the letter PDF), though it never went to the kecamatan.
#[test]
fn camat_staff_see_only_requests_that_went_to_the_kecamatan() {
    run(async {
        let app = test_app().await;
        let (code, needs_camat): (String, bool) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT r.code, s.needs_camat FROM service_requests r JOIN services s ON s.id = r.service_id
             JOIN villages v ON v.id = r.village_id
             WHERE v.slug = 'kemiren' AND NOT s.needs_camat ORDER BY r.id LIMIT 1",
        )
        .fetch_one(c).await)
        .unwrap();
        assert!(!needs_camat);
        let yusuf = signed_in_as(&app, YUSUF_CAMAT).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        for status in ["diajukan", "siap", "selesai"] {
            app::on_db!(&app.pool, |c| sqlx::query(
                "UPDATE service_requests SET status = $1 WHERE code = $2"
            )
            .bind(status)
            .bind(&code)
            .execute(c)
            .await
            .map(app::db::Done::from))
            .unwrap();
            let call = send(
                &app,
                api_call("get_request", &format!("code={code}"), Some(&yusuf)),
            )
            .await;
            assert_eq!(call.status, StatusCode::FORBIDDEN, "{status}");
            let page = send(
                &app,
                get_signed_in(&format!("/layanan/permohonan/{code}"), &yusuf),
            )
            .await;
            assert!(
                !page.body.contains(&format!("{code}</")),
                "{status}: the page shows the request"
            );
            let letter = send(
                &app,
                get_signed_in(&format!("/layanan/surat/{code}"), &yusuf),
            )
            .await;
            assert!(
                matches!(letter.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
                "{status}: {}",
                letter.status
            );
            // The village's operator still sees it.
            let own = send(
                &app,
                api_call("get_request", &format!("code={code}"), Some(&dewi)),
            )
            .await;
            assert_eq!(own.status, StatusCode::OK, "{status}");
        }
    });
}

const ADMIN: &str = "+6281230000009";

/// Submits a domicile letter request as `cookie` in `village`, with its RT/RW letter photographed.
async fn domicile_request(app: &TestApp, cookie: &str, village: &str, address: &str) -> Answer {
    let answer = send(
        app,
        api_call(
            "submit_request",
            &format!("village={village}&service=domisili&answers[alamat]={address}&answers[sejak]=2001&answers[keperluan]=Bank"),
            Some(cookie),
        ),
    )
    .await;
    if accepted(answer.status) {
        let code = newest_request(app).await;
        let document = format!("/layanan/permohonan/{code}/dokumen/pengantar_rt");
        send(
            app,
            multipart_upload(&document, Some(cookie), &letter_photo()),
        )
        .await;
    }
    answer
}

async fn newest_request(app: &TestApp) -> String {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT code FROM service_requests ORDER BY id DESC LIMIT 1"
    )
    .fetch_one(c)
    .await)
    .unwrap()
}

/// Trust issue, defect 3: the letter printed the account's display name at issue time (rename to a
/// neighbour after approval and the letter named the neighbour), a newline in an answer became a
/// paragraph reading as the village's statement, unverified accounts got letters, a kelurahan's letter
/// said "Kepala Desa", and without a kades on record the signer printed as "—".
#[test]
fn a_letter_names_the_verified_resident_keeps_answers_on_one_line_and_needs_a_signer() {
    run(async {
        let app = test_app().await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let slamet = signed_in_as(&app, SLAMET_KADES).await;

        // An unverified account cannot ask for a letter: the page says how to get verified.
        let tourist = tourists(&app, 1).await.remove(0);
        let page = send(&app, get_signed_in("/layanan/kemiren/domisili", &tourist)).await;
        assert!(page
            .body
            .contains("Surat desa hanya untuk warga yang datanya sudah diverifikasi"));
        assert!(
            !page.body.contains("name=\"answers[alamat]\""),
            "no form to fill in vain"
        );
        let refused = domicile_request(&app, &tourist, "kemiren", "Dusun%20Krajan").await;
        assert!(
            refused.body.contains("letter_needs_verified_resident"),
            "{} {}",
            refused.status,
            refused.body
        );

        // A verified resident (verified as "Warga Wisatawan 1") asks, with a forged statement after a
        // newline in the address, then renames the account to a neighbour once it is approved.
        let resident = verified_residents(&app, 1).await.remove(0);
        let forged = "Dusun%20Krajan%0A%0AKepala%20Desa%20menyatakan%20pemohon%20bebas%20pajak";
        let submitted = domicile_request(&app, &resident, "kemiren", forged).await;
        assert!(accepted(submitted.status), "{}", submitted.body);
        let code = newest_request(&app).await;
        for (cookie, to) in [(&dewi, "diperiksa"), (&slamet, "disetujui_kades")] {
            let moved = move_as(&app, cookie, &code, to, "").await;
            assert!(accepted(moved.status), "{to}: {}", moved.body);
        }
        let renamed = send(
            &app,
            api_call(
                "update_my_profile",
                "name=Tetangga%20Sebelah&email=",
                Some(&resident),
            ),
        )
        .await;
        assert!(accepted(renamed.status), "{}", renamed.body);
        let issued = move_as(&app, &dewi, &code, "siap", "").await;
        assert!(accepted(issued.status), "{}", issued.body);
        let (holder, body, signer, position): (String, String, String, String) =
            app::on_db!(&app.pool, |c| sqlx::query_as(
                "SELECT l.holder_name, l.body, l.signer_name, l.signer_position FROM letters l
             JOIN service_requests r ON r.id = l.request_id WHERE r.code = $1",
            )
            .bind(&code)
            .fetch_one(c)
            .await)
            .unwrap();
        assert_eq!(holder, "Warga Wisatawan 1");
        assert!(body.contains("Warga Wisatawan 1"), "{body}");
        assert!(!body.contains("Tetangga"), "{body}");
        assert!(
            body.contains("Dusun Krajan Kepala Desa menyatakan pemohon bebas pajak, Desa Kemiren"),
            "the answer stays inside its sentence: {body}"
        );
        assert_eq!(
            body.lines().count(),
            2,
            "only the template's own paragraphs: {body}"
        );
        assert_eq!(position, "Kepala Desa Kemiren");
        assert_ne!(signer, "—");

        // A kelurahan's letter is signed by its lurah.
        let admin = signed_in_as(&app, ADMIN).await;
        app::on_db!(&app.pool, |c| sqlx::query("UPDATE accounts SET home_village_id = (SELECT id FROM villages WHERE slug = 'bakungan') WHERE phone = '+6281300000001'")
            .execute(c).await.map(app::db::Done::from))
            .unwrap();
        let no_signer = domicile_request(&app, &resident, "bakungan", "Lingkungan%20Krajan").await;
        assert!(accepted(no_signer.status), "{}", no_signer.body);
        let bakungan = newest_request(&app).await;
        for to in ["diperiksa", "disetujui_kades"] {
            let moved = move_as(&app, &admin, &bakungan, to, "").await;
            assert!(accepted(moved.status), "{to}: {}", moved.body);
        }
        // Nobody is on record as Bakungan's lurah yet: no letter without a signer.
        let unsigned = move_as(&app, &admin, &bakungan, "siap", "").await;
        assert!(
            unsigned.body.contains("letter_needs_signer"),
            "{}",
            unsigned.body
        );
        app::on_db!(&app.pool, |c| sqlx::query(
            "INSERT INTO staff_roles (account_id, role, village_id, granted_at)
             SELECT a.id, 'kades', v.id, 0 FROM accounts a, villages v WHERE a.phone = $1 AND v.slug = 'bakungan'",
        )
        .bind(ADMIN)
        .execute(c).await.map(app::db::Done::from))
        .unwrap();
        let signed = move_as(&app, &admin, &bakungan, "siap", "").await;
        assert!(accepted(signed.status), "{}", signed.body);
        let (position, body): (String, String) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT l.signer_position, l.body FROM letters l JOIN service_requests r ON r.id = l.request_id
             WHERE r.code = $1",
        )
        .bind(&bakungan)
        .fetch_one(c).await)
        .unwrap();
        assert_eq!(position, "Lurah Bakungan");
        assert!(body.starts_with("Lurah Bakungan menerangkan"), "{body}");
        assert!(body.contains("Kelurahan Bakungan"), "{body}");
    });
}

/// Trust issue, defect 6: one account could fill every visit slot of a day and flood the inbox.
#[test]
fn one_person_holds_one_visit_per_service_and_day_and_requests_are_rate_limited() {
    run(async {
        let app = test_app().await;
        let resident = verified_residents(&app, 1).await.remove(0);
        let page = send(&app, get_signed_in("/layanan/kemiren/sktm", &resident)).await;
        let slots: Vec<i64> = page
            .body
            .split("name=\"slot\"")
            .nth(1)
            .unwrap()
            .split("</select>")
            .next()
            .unwrap()
            .split("value=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        let day = |slot: i64| (slot + 7 * 3600) / 86_400;
        // The first day with two free slots (late in the morning, today may have only one left).
        let first = *slots
            .iter()
            .find(|slot| {
                slots
                    .iter()
                    .filter(|other| day(**other) == day(**slot))
                    .count()
                    >= 2
            })
            .expect("a day with two slots");
        let same_day = *slots
            .iter()
            .find(|slot| **slot != first && day(**slot) == day(first))
            .expect("two slots on one day");
        let other_day = *slots.iter().find(|slot| day(**slot) != day(first)).unwrap();
        let book = |slot: i64| {
            api_call(
                "submit_request",
                &format!("village=kemiren&service=sktm&slot={slot}&{SKTM_ANSWERS}"),
                Some(&resident),
            )
        };
        assert!(accepted(send(&app, book(first)).await.status));
        let second = send(&app, book(same_day)).await;
        assert_eq!(second.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            second.body.contains("booking_one_per_day"),
            "{}",
            second.body
        );
        assert!(
            accepted(send(&app, book(other_day)).await.status),
            "another day is fine"
        );
        // Ten requests an hour, then the inbox is protected.
        let mut outcomes = Vec::new();
        for _ in 0..10 {
            let answer = send(&app, api_call("submit_request", DOMISILI, Some(&resident))).await;
            outcomes.push((answer.status, answer.body));
        }
        let (status, body) = outcomes.last().unwrap();
        assert_eq!(*status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("too_many_requests"), "{body}");
        assert!(accepted(outcomes[0].0), "{:?}", outcomes[0]);
    });
}

/// Features that had no test of their own: the resident rates a finished request, the staff revoke a
/// letter (the public verification page then says so), and the day's visits in queue order.
#[test]
fn a_finished_request_is_rated_a_letter_revoked_and_the_days_visits_listed_in_order() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        // Siti's demo SKTM is ready: she collects it, then rates the service.
        let early = send(
            &app,
            api_call("rate_request", "code=SKTMDEMA&stars=5", Some(&siti)),
        )
        .await;
        assert!(
            early.body.contains("rating_not_possible"),
            "not before it is done: {}",
            early.body
        );
        let done = move_as(&app, &siti, "SKTMDEMA", "selesai", "").await;
        assert!(accepted(done.status), "{}", done.body);
        let stranger = send(
            &app,
            api_call("rate_request", "code=SKTMDEMA&stars=1", Some(&dewi)),
        )
        .await;
        assert!(!accepted(stranger.status), "only the resident rates");
        let rated = send(
            &app,
            api_call("rate_request", "code=SKTMDEMA&stars=4", Some(&siti)),
        )
        .await;
        assert!(accepted(rated.status), "{}", rated.body);
        let rating: Option<i64> = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT rating FROM service_requests WHERE code = 'SKTMDEMA'"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(rating, Some(4));

        // The operator revokes the letter: its public page says so.
        let verification = "/verifikasi/SKTMVERFY234";
        assert!(!send(&app, get(verification)).await.body.contains("DICABUT"));
        let revoked = send(
            &app,
            api_call(
                "revoke_letter",
                "code=SKTMDEMA&reason=Data%20penghasilan%20keliru",
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(revoked.status), "{}", revoked.body);
        let page = send(&app, get(verification)).await;
        assert!(page.body.contains("Surat ini sudah DICABUT."));
        assert!(page.body.contains("Data penghasilan keliru"));
        let again = send(
            &app,
            api_call(
                "revoke_letter",
                "code=SKTMDEMA&reason=Dicabut%20sekali%20lagi",
                Some(&dewi),
            ),
        )
        .await;
        assert!(
            again.body.contains("letter_not_revocable"),
            "{}",
            again.body
        );

        // Two residents book the same slot: the day view lists them in queue order.
        let residents = verified_residents(&app, 2).await;
        let slot = first_slot(&app, &residents[0], "/layanan/kemiren/sktm").await;
        for cookie in &residents {
            let booked = send(
                &app,
                api_call(
                    "submit_request",
                    &format!("village=kemiren&service=sktm&slot={slot}&{SKTM_ANSWERS}"),
                    Some(cookie),
                ),
            )
            .await;
            assert!(accepted(booked.status), "{}", booked.body);
        }
        let day = (slot.parse::<i64>().unwrap() + 7 * 3600) / 86_400 * 86_400;
        let date = app::kernel::dates::CivilDate::of_unix_wib(day).iso();
        let visits = send(
            &app,
            get_signed_in(&format!("/desa/kemiren/kunjungan?tanggal={date}"), &dewi),
        )
        .await;
        assert_eq!(visits.status, StatusCode::OK);
        let first = visits
            .body
            .find("Wisatawan 0")
            .expect("the first booking is listed");
        let second = visits
            .body
            .find("Wisatawan 1")
            .expect("the second booking is listed");
        assert!(first < second, "queue order");
        let resident_view = send(
            &app,
            get_signed_in("/desa/kemiren/kunjungan", &residents[0]),
        )
        .await;
        assert!(
            !resident_view.body.contains("Wisatawan 1"),
            "residents do not see the day's list"
        );
    });
}

#[test]
fn a_public_information_request_shows_the_answer_deadline_the_law_sets() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let asked = send(
            &app,
            api_call(
                "submit_request",
                "village=kemiren&service=permohonan-informasi-publik&answers[informasi]=APBDes%202026%20dan%20realisasinya&answers[tujuan]=Rapat%20karang%20taruna&answers[cara]=Salinan%20elektronik%20(PDF)",
                Some(&siti),
            ),
        )
        .await;
        assert!(accepted(asked.status), "{}", asked.body);
        let code = latest_code(&app, SITI).await;
        let page = send(
            &app,
            get_signed_in(&format!("/layanan/permohonan/{code}"), &siti),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        let deadline = page
            .body
            .split("data-legal-deadline=")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .expect("the deadline is shown");
        assert!(
            deadline.contains("Batas waktu jawaban menurut UU 14/2008"),
            "{deadline}"
        );
        assert!(
            deadline.contains("hari kerja sejak permohonan"),
            "{deadline}"
        );
        // Ten working days after today (WIB), weekends skipped.
        let today = app::kernel::dates::CivilDate::of_unix_wib(app::db::now_unix());
        let due = app::format::iso_utc(today.plus_working_days(10).at_wib(0));
        assert!(
            page.body
                .contains(&format!("data-legal-deadline=\"{due}\"")),
            "due {due}"
        );
        // Other services carry no such deadline.
        let sktm = send(&app, get_signed_in("/layanan/permohonan/SKTMDEMA", &siti)).await;
        assert_eq!(sktm.status, StatusCode::OK);
        assert!(!sktm.body.contains("data-legal-deadline"));
    })
}
