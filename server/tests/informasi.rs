//! Village information through the real router: Kemiren's operator publishes a regulation with its PDF
//! (refused when it is not a PDF or too large), marks an older one revoked by it, people filter and
//! search the list and download the PDF; the social-aid page shows programmes and counts, never names;
//! a membership recorded by the staff is seen by that resident only; the PPID list grows.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use http::StatusCode;
use support::*;

const SITI: &str = "+6281230000001";
const DEWI_OPERATOR: &str = "+6281230000004";
const RINA_OLEHSARI: &str = "+6281230000007";

fn pdf_upload(path: &str, cookie: &str, file: &[u8]) -> http::Request<axum::body::Body> {
    let boundary = "----sk-test-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"perdes.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes());
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    http::Request::post(path)
        .header(
            http::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(http::header::COOKIE, cookie)
        .body(axum::body::Body::from(body))
        .unwrap()
}

/// A real PDF, drawn by the letter renderer.
fn regulation_pdf(title: &str) -> Vec<u8> {
    app::kernel::official_pdf::render(&app::kernel::official_pdf::LetterContent {
        letterhead: ["KABUPATEN".into(), "KECAMATAN".into(), "DESA".into()],
        office_address: "Balai desa".into(),
        title: title.into(),
        number: "1/2026".into(),
        paragraphs: vec!["Pasal 1.".into()],
        details: Vec::new(),
        place_and_date: "Kemiren, 2026".into(),
        signer: ("Kepala Desa".into(), "Slamet".into()),
        camat: None,
        verification_url: "https://kampung.example/desa/kemiren/hukum".into(),
    })
}

async fn document_id(app: &TestApp, number: &str, year: i64) -> i64 {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT id FROM legal_documents WHERE number = $1 AND year = $2"
    )
    .bind(number)
    .bind(year)
    .fetch_one(c)
    .await)
    .unwrap()
}

#[test]
fn a_regulation_is_published_with_its_pdf_filtered_and_revoked() {
    run(async {
        let app = test_app().await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let add = |body: &str| api_call("add_legal_document", body, Some(&dewi));
        let added = send(&app, add("village=kemiren&kind=perdes&number=2&year=2026&title_id=Pelestarian%20Adat%20Osing&title_en=Preserving%20Osing%20custom")).await;
        assert!(accepted(added.status), "{} {}", added.status, added.body);
        // The same number again, and a year in the future: told next to the field, nothing added.
        let again = send(&app, add("village=kemiren&kind=perdes&number=2&year=2026&title_id=Lagi%20lagi&title_en=Again%20again")).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("legal_number_taken"), "{}", again.body);
        let future = send(&app, add("village=kemiren&kind=perkades&number=9&year=2999&title_id=Masa%20depan&title_en=The%20future")).await;
        assert!(future.body.contains("year_invalid"), "{}", future.body);
        // Another village's operator may not write Kemiren's list.
        let rina = signed_in_as(&app, RINA_OLEHSARI).await;
        let refused = send(&app, api_call("add_legal_document", "village=kemiren&kind=perdes&number=7&year=2026&title_id=Bukan%20desaku&title_en=Not%20my%20village", Some(&rina))).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        // Without its PDF it is not public yet; the operator sees it waiting.
        let id = document_id(&app, "2", 2026).await;
        let public = send(&app, get("/desa/kemiren/hukum")).await;
        assert!(!public.body.contains("Pelestarian Adat Osing"));
        let staff_page = send(&app, get_signed_in("/desa/kemiren/hukum", &dewi)).await;
        assert!(staff_page.body.contains("Pelestarian Adat Osing"));
        assert!(staff_page.body.contains("Belum publik"));

        // A photo under a .pdf name, and a 12 MB file: refused with the reason, nothing attached.
        let upload_path = format!("/desa/kemiren/hukum/{id}/pdf");
        let photo = send(&app, pdf_upload(&upload_path, &dewi, &phone_photo())).await;
        assert_eq!(photo.status, StatusCode::SEE_OTHER);
        let location = photo.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .to_string();
        assert!(location.contains("pdf_galat=not_a_pdf"), "{location}");
        let mut huge = b"%PDF-1.4\n".to_vec();
        huge.resize(12 * 1024 * 1024, b'0');
        let too_big = send(&app, pdf_upload(&upload_path, &dewi, &huge)).await;
        let location = too_big.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .to_string();
        assert!(location.contains("pdf_galat=pdf_too_large"), "{location}");
        let refused_page = send(
            &app,
            get_signed_in(location.split('#').next().unwrap(), &dewi),
        )
        .await;
        assert!(refused_page.body.contains("PDF lebih dari 10 MB"));
        assert!(!send(&app, get("/desa/kemiren/hukum"))
            .await
            .body
            .contains("Pelestarian Adat Osing"));

        // A real PDF: public now, under the hash of its bytes, downloadable by anyone.
        let pdf = regulation_pdf("PERDES PELESTARIAN ADAT");
        let stored = send(&app, pdf_upload(&upload_path, &dewi, &pdf)).await;
        let location = stored.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .to_string();
        assert!(location.contains("disimpan=pdf"), "{location}");
        let key = app::layanan::informasi::files::file_key(&pdf);
        let public = send(&app, get_in_english("/desa/kemiren/hukum")).await;
        assert!(
            public.body.contains("Preserving Osing custom"),
            "English title"
        );
        let href = format!("/desa/kemiren/hukum/berkas/{key}");
        assert!(public.body.contains(&href));
        let download = app.router.clone();
        let response = tower::ServiceExt::oneshot(download, get(&href))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[http::header::CONTENT_TYPE],
            "application/pdf"
        );
        let body = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        assert_eq!(body.as_ref(), pdf.as_slice());
        // The same file under another village's address is not found; nor is a path outside the store.
        assert_eq!(
            send(&app, get(&format!("/desa/olehsari/hukum/berkas/{key}")))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            send(
                &app,
                get("/desa/kemiren/hukum/berkas/..%2Fsecrets%2Fnik.key")
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );

        // An older decree, revoked by the new Perdes.
        let added = send(&app, add("village=kemiren&kind=kepkades&number=5&year=2025&title_id=Tim%20pengelola%20sampah&title_en=Waste%20team")).await;
        assert!(accepted(added.status));
        let old = document_id(&app, "5", 2025).await;
        send(
            &app,
            pdf_upload(
                &format!("/desa/kemiren/hukum/{old}/pdf"),
                &dewi,
                &regulation_pdf("KEPUTUSAN"),
            ),
        )
        .await;
        let no_reason = send(
            &app,
            api_call(
                "set_legal_status",
                &format!("village=kemiren&document={old}&status=dicabut&changed_by="),
                Some(&dewi),
            ),
        )
        .await;
        assert!(
            no_reason.body.contains("legal_changed_by_required"),
            "{}",
            no_reason.body
        );
        let revoked = send(
            &app,
            api_call(
                "set_legal_status",
                &format!("village=kemiren&document={old}&status=dicabut&changed_by={id}"),
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(revoked.status), "{}", revoked.body);
        let page = send(&app, get("/desa/kemiren/hukum")).await;
        assert!(page.body.contains("Dicabut"));
        assert!(
            page.body.contains(&format!("href=\"#dokumen-{id}\"")),
            "links the revoking Perdes"
        );

        // Filter by kind and year, and search words of the title.
        let decrees = send(&app, get("/desa/kemiren/hukum?jenis=kepkades")).await;
        assert!(
            decrees.body.contains("Tim pengelola sampah")
                && !decrees.body.contains("Pelestarian Adat Osing")
        );
        let in_2026 = send(&app, get("/desa/kemiren/hukum?tahun=2026")).await;
        assert!(
            !in_2026.body.contains("Tim pengelola sampah")
                && in_2026.body.contains("Pelestarian Adat Osing")
        );
        let searched = send(&app, get("/desa/kemiren/hukum?q=osing")).await;
        assert!(
            searched.body.contains("Pelestarian Adat Osing")
                && !searched.body.contains("Tim pengelola sampah")
        );
        let nothing = send(&app, get("/desa/kemiren/hukum?q=%25%25zz")).await;
        assert_eq!(nothing.status, StatusCode::OK);
        assert!(nothing.body.contains("Tidak ada yang cocok"));
    });
}

#[test]
fn the_social_aid_page_shows_counts_and_only_the_resident_sees_their_membership() {
    run(async {
        let app = test_app().await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let texts = "who_id=Keluarga%20miskin%20di%20DTKS%20dengan%20balita&who_en=Poor%20families%20with%20small%20children&schedule_id=Empat%20tahap%20setahun%20lewat%20bank&schedule_en=Four%20rounds%20a%20year%20by%20bank&how_id=Ajukan%20Usulan%20masuk%20DTKS&how_en=File%20a%20DTKS%20proposal%20first";
        let saved = send(
            &app,
            api_call(
                "save_bansos_programme",
                &format!("village=kemiren&programme=pkh&{texts}"),
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(saved.status), "{}", saved.body);
        let count = send(
            &app,
            api_call(
                "save_bansos_count",
                "village=kemiren&programme=pkh&year=2026&recipients=84",
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(count.status));
        let bad_count = send(
            &app,
            api_call(
                "save_bansos_count",
                "village=kemiren&programme=pkh&year=2026&recipients=banyak",
                Some(&dewi),
            ),
        )
        .await;
        assert!(bad_count.body.contains("count_invalid"));

        let page = send(&app, get_in_english("/desa/kemiren/bansos")).await;
        assert!(page.body.contains("Poor families with small children"));
        assert!(
            page.body.contains("data-recipients=\"pkh-2026\">84<"),
            "the count is public"
        );
        assert!(page.body.contains("/layanan/kemiren/usulan-dtks"));

        // Siti (a verified resident) receives PKH; a tourist's number is refused.
        let recorded = send(
            &app,
            api_call(
                "set_bansos_membership",
                "village=kemiren&phone=0812-3000-0001&programme=pkh&since_year=2024",
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(recorded.status), "{}", recorded.body);
        let tourist = tourists(&app, 1).await;
        let not_resident = send(
            &app,
            api_call(
                "set_bansos_membership",
                "village=kemiren&phone=081300000000&programme=pkh&since_year=2024",
                Some(&dewi),
            ),
        )
        .await;
        assert!(
            not_resident.body.contains("not_a_verified_resident"),
            "{}",
            not_resident.body
        );

        let siti = signed_in_as(&app, SITI).await;
        let mine = send(&app, api_call("list_my_bansos", "", Some(&siti))).await;
        assert!(
            mine.body.contains("Pkh") && mine.body.contains("2024"),
            "{}",
            mine.body
        );
        let account = send(&app, get_signed_in("/akun", &siti)).await;
        assert!(account.body.contains("Bantuan sosial saya"));
        assert!(account.body.contains("PKH (Program Keluarga Harapan)"));
        // Nobody else sees it: not the tourist, not the public page.
        let theirs = send(&app, api_call("list_my_bansos", "", Some(&tourist[0]))).await;
        assert_eq!(theirs.body, "[]");
        let public = send(&app, get("/desa/kemiren/bansos")).await;
        assert!(!public.body.contains("Siti"));
        assert!(!public.body.contains("0001"));

        // Ended: gone from her page.
        let ended = send(
            &app,
            api_call(
                "set_bansos_membership",
                "village=kemiren&phone=0812-3000-0001&programme=pkh&remove=1",
                Some(&dewi),
            ),
        )
        .await;
        assert!(accepted(ended.status));
        let mine = send(&app, api_call("list_my_bansos", "", Some(&siti))).await;
        assert_eq!(mine.body, "[]");
    });
}

#[test]
fn the_ppid_list_grows_and_links_the_information_request() {
    run(async {
        let app = test_app().await;
        let dewi = signed_in_as(&app, DEWI_OPERATOR).await;
        let short = send(&app, api_call("add_public_information", "village=kemiren&category=berkala&title_id=APBDes&title_en=Budget&body_id=pendek&body_en=short", Some(&dewi))).await;
        assert!(short.body.contains("text_too_short"), "{}", short.body);
        let added = send(&app, api_call("add_public_information", "village=kemiren&category=berkala&title_id=APBDes%202026&title_en=The%202026%20budget&body_id=Ringkasan%20ditempel%20di%20balai%20desa.&body_en=A%20summary%20is%20on%20the%20notice%20board.", Some(&dewi))).await;
        assert!(accepted(added.status), "{}", added.body);
        let page = send(&app, get("/desa/kemiren/ppid")).await;
        assert!(page.body.contains("APBDes 2026"));
        assert!(page
            .body
            .contains("/layanan/kemiren/permohonan-informasi-publik"));
        let village = send(&app, get("/desa/kemiren")).await;
        for link in [
            "/desa/kemiren/hukum",
            "/desa/kemiren/ppid",
            "/desa/kemiren/bansos",
        ] {
            assert!(village.body.contains(link), "the village page links {link}");
        }
    });
}
