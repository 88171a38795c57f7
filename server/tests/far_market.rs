//! The market for buyers far away, through the real router: a parcel abroad priced by weight, paid,
//! shipped with a tracking number, received and reviewed; parcels received on the buyer's behalf after
//! their waiting time; a shop's QRIS code kept private to its QRIS orders; the shop directory; search
//! that meets Indonesian words at their roots.

// Tests and their helpers may unwrap: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used)]

mod support;

use http::StatusCode;
use support::*;

const SITI: &str = "+6281230000001";
const BUDI: &str = "+6281230000002";
const SULASTRI: &str = "+6281230000003";

async fn add(app: &TestApp, cookie: &str, product: &str, variant: &str, quantity: i64) {
    let variant = variant_id(app, product, variant).await;
    let added = send(
        app,
        api_call(
            "add_to_cart",
            &format!("product={product}&variant_id={variant}&quantity={quantity}"),
            Some(cookie),
        ),
    )
    .await;
    assert!(accepted(added.status), "{} {}", added.status, added.body);
}

async fn newest_order(app: &TestApp) -> String {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT code FROM orders ORDER BY id DESC LIMIT 1"
    )
    .fetch_one(c)
    .await)
    .unwrap()
}

async fn order_status(app: &TestApp, code: &str) -> String {
    app::on_db!(&app.pool, |c| sqlx::query_scalar(
        "SELECT status FROM orders WHERE code = $1"
    )
    .bind(code)
    .fetch_one(c)
    .await)
    .unwrap()
}

async fn move_to(app: &TestApp, cookie: &str, code: &str, body: &str) -> Answer {
    send(
        app,
        api_call("move_order", &format!("code={code}&{body}"), Some(cookie)),
    )
    .await
}

/// A scarf (350 g packed) to Amsterdam by courier: postage per started kilogram abroad, shown in the
/// cart before ordering; no parcel on cash; the tracking number is required, kept, shown to the buyer
/// and sent to her; only she says it arrived; she reviews; the seller completes it.
#[test]
fn a_scarf_goes_abroad_by_courier_with_a_tracking_number_and_is_received_and_reviewed() {
    run(async {
        let app = test_app().await;
        let tourist = tourists(&app, 1).await.remove(0);
        let sulastri = signed_in_as(&app, SULASTRI).await;
        let shop = shop_id_of(&app, "selendang-gajah-oling").await;
        add(&app, &tourist, "selendang-gajah-oling", "Soga coklat", 1).await;

        // The cart prices the parcel both ways before anything is ordered.
        let cart = send(&app, get_signed_in("/pasar/keranjang", &tourist)).await;
        assert!(cart.body.contains("Kirim lewat ekspedisi"), "{}", cart.body);
        assert!(cart.body.contains("Dalam negeri: Rp 18.000"));
        assert!(cart.body.contains("Luar negeri: Rp 250.000"));
        assert!(cart.body.contains("name=\"choices[0][country]\""));

        let courier = |payment: &str, country: &str| {
            format!(
                "choices[0][shop_id]={shop}&choices[0][fulfilment]=courier&choices[0][payment]={payment}\
                 &choices[0][address]=Keizersgracht%20123%2C%201015%20CJ%20Amsterdam&choices[0][country]={country}\
                 &choices[0][courier]=jne&choices[0][note]="
            )
        };
        let on_cash = send(
            &app,
            api_call("checkout", &courier("cash", "Netherlands"), Some(&tourist)),
        )
        .await;
        assert_eq!(on_cash.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(on_cash.body.contains("courier_needs_payment_first"));
        let no_address = send(
            &app,
            api_call(
                "checkout",
                &format!("choices[0][shop_id]={shop}&choices[0][fulfilment]=courier&choices[0][payment]=transfer&choices[0][address]=&choices[0][country]=Netherlands"),
                Some(&tourist),
            ),
        )
        .await;
        assert!(no_address.body.contains("address_required"));

        let placed = send(
            &app,
            api_call(
                "checkout",
                &courier("transfer", "Netherlands"),
                Some(&tourist),
            ),
        )
        .await;
        assert!(accepted(placed.status), "{} {}", placed.status, placed.body);
        let code = newest_order(&app).await;
        let (fee, total, country, chosen): (i64, i64, String, String) =
            app::on_db!(&app.pool, |c| sqlx::query_as(
                "SELECT delivery_fee_rupiah, total_rupiah, ship_country, courier FROM orders WHERE code = $1"
            )
            .bind(&code)
            .fetch_one(c)
            .await)
            .unwrap();
        assert_eq!(fee, 250_000, "one started kilogram abroad");
        assert_eq!(total, 275_000 + 250_000);
        assert_eq!((country.as_str(), chosen.as_str()), ("Netherlands", "jne"));

        for step in ["to=confirmed", "to=paid"] {
            let moved = move_to(&app, &sulastri, &code, step).await;
            assert!(accepted(moved.status), "{step}: {}", moved.body);
        }
        // Shipping needs a tracking number made of letters, digits and dashes.
        let without = move_to(
            &app,
            &sulastri,
            &code,
            "to=shipped&courier=pos&tracking_number=",
        )
        .await;
        assert!(
            without.body.contains("tracking_required"),
            "{}",
            without.body
        );
        let markup = move_to(
            &app,
            &sulastri,
            &code,
            "to=shipped&courier=pos&tracking_number=%3Cb%3E1%3C%2Fb%3E",
        )
        .await;
        assert!(markup.body.contains("tracking_invalid"));
        let shipped = move_to(
            &app,
            &sulastri,
            &code,
            "to=shipped&courier=pos&tracking_number=ee123456789id",
        )
        .await;
        assert!(accepted(shipped.status), "{}", shipped.body);
        let (tracking, courier_used, receive_by): (String, String, i64) =
            app::on_db!(&app.pool, |c| sqlx::query_as(
                "SELECT tracking_number, courier, receive_by FROM orders WHERE code = $1"
            )
            .bind(&code)
            .fetch_one(c)
            .await)
            .unwrap();
        assert_eq!(tracking, "EE123456789ID");
        assert_eq!(
            courier_used, "pos",
            "the seller's courier replaces the buyer's wish"
        );
        let days = (receive_by - app::db::now_unix() + 3_600) / 86_400;
        assert_eq!(days, 30, "a parcel abroad has thirty days");

        // The buyer sees the courier and the number, and was sent them.
        let page = send(
            &app,
            get_signed_in(&format!("/pasar/pesanan/{code}"), &tourist),
        )
        .await;
        assert!(page.body.contains("data-resi=\"EE123456789ID\""));
        assert!(page.body.contains("Pos Indonesia"));
        assert!(page.body.contains("Netherlands"));
        let told: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox o JOIN orders d ON d.code = $1
             JOIN accounts a ON a.id = d.buyer_account_id
             WHERE o.to_phone = a.phone AND o.body LIKE '%EE123456789ID%'"
        )
        .bind(&code)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(told, 1);

        // Only the buyer says it arrived; then she reviews and the seller completes.
        let by_seller = move_to(&app, &sulastri, &code, "to=received").await;
        assert!(by_seller.body.contains("order_move_not_yours"));
        let received = move_to(&app, &tourist, &code, "to=received").await;
        assert!(accepted(received.status), "{}", received.body);
        let reviewed = send(
            &app,
            api_call(
                "review_order",
                &format!("code={code}&stars=5&body=Sampai%20di%20Amsterdam%2C%20indah%20sekali"),
                Some(&tourist),
            ),
        )
        .await;
        assert!(accepted(reviewed.status), "{}", reviewed.body);
        let completed = move_to(&app, &sulastri, &code, "to=completed").await;
        assert!(accepted(completed.status), "{}", completed.body);
        assert_eq!(order_status(&app, &code).await, "completed");
        let product = send(&app, get("/pasar/produk/selendang-gajah-oling")).await;
        assert!(product.body.contains("Sampai di Amsterdam"));
    })
}

/// Within Indonesia the weight bands apply; too heavy and "does not ship abroad" are refused with their
/// reason; a parcel not confirmed is received on the buyer's behalf after seven days, once.
#[test]
fn postage_follows_the_weight_bands_and_silent_buyers_receive_after_the_waiting_time() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let sulastri = signed_in_as(&app, SULASTRI).await;
        let shop = shop_id_of(&app, "kain-batik-kangkung-setingkes").await;
        // Two cloths of 350 g: 700 g, the first band.
        add(&app, &siti, "kain-batik-kangkung-setingkes", "", 2).await;
        let placed = send(
            &app,
            api_call(
                "checkout",
                &format!("choices[0][shop_id]={shop}&choices[0][fulfilment]=courier&choices[0][payment]=transfer&choices[0][address]=Jl.%20Kaliurang%20km%205%2C%20Sleman%2055281&choices[0][country]=&choices[0][courier]=jnt"),
                Some(&siti),
            ),
        )
        .await;
        assert!(accepted(placed.status), "{}", placed.body);
        let code = newest_order(&app).await;
        let (fee, country): (i64, String) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT delivery_fee_rupiah, ship_country FROM orders WHERE code = $1"
        )
        .bind(&code)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!((fee, country.as_str()), (18_000, "Indonesia"));

        for step in [
            "to=confirmed",
            "to=paid",
            "to=shipped&courier=jnt&tracking_number=JP1234567890",
        ] {
            let moved = move_to(&app, &sulastri, &code, step).await;
            assert!(accepted(moved.status), "{step}: {}", moved.body);
        }
        let now = app::db::now_unix();
        assert_eq!(
            app::pasar::store::receive_overdue(&app.pool, now + 6 * 86_400)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            app::pasar::store::receive_overdue(&app.pool, now + 8 * 86_400)
                .await
                .unwrap(),
            1
        );
        assert_eq!(order_status(&app, &code).await, "received");
        assert_eq!(
            app::pasar::store::receive_overdue(&app.pool, now + 9 * 86_400)
                .await
                .unwrap(),
            0,
            "once"
        );
        let page = send(
            &app,
            get_signed_in(&format!("/pasar/pesanan/{code}"), &siti),
        )
        .await;
        assert!(page.body.contains("Otomatis"));

        // A product without a weight cannot be priced by weight: the cart says why, checkout refuses.
        app::on_db!(&app.pool, |c| sqlx::query(
            "UPDATE products SET weight_grams = NULL WHERE slug = 'sarung-batik-paras-gempal'"
        )
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        add(&app, &siti, "sarung-batik-paras-gempal", "", 1).await;
        let cart = send(&app, get_signed_in("/pasar/keranjang", &siti)).await;
        assert!(
            cart.body.contains("Penjual belum mengisi berat"),
            "{}",
            cart.body
        );
        let unweighed = send(
            &app,
            api_call(
                "checkout",
                &format!("choices[0][shop_id]={shop}&choices[0][fulfilment]=courier&choices[0][payment]=transfer&choices[0][address]=Jl.%20Kaliurang%20km%205%2C%20Sleman%2055281"),
                Some(&siti),
            ),
        )
        .await;
        assert!(
            unweighed.body.contains("postage_weight_unknown"),
            "{}",
            unweighed.body
        );
        let sarung = variant_id(&app, "sarung-batik-paras-gempal", "").await;
        send(
            &app,
            api_call(
                "update_cart",
                &format!("variant_id={sarung}&quantity=0"),
                Some(&siti),
            ),
        )
        .await;

        // Honey ships within Indonesia only (flat): abroad is refused with the reason, nothing ordered.
        let honey_shop = shop_id_of(&app, "madu-bunga-kopi").await;
        add(&app, &siti, "madu-bunga-kopi", "", 1).await;
        let cart = send(&app, get_signed_in("/pasar/keranjang", &siti)).await;
        assert!(
            cart.body.contains("Dalam negeri: Rp 30.000"),
            "flat postage"
        );
        let abroad = send(
            &app,
            api_call(
                "checkout",
                &format!("choices[0][shop_id]={honey_shop}&choices[0][fulfilment]=courier&choices[0][payment]=transfer&choices[0][address]=1%20Raffles%20Place%2C%20048616&choices[0][country]=Singapore"),
                Some(&siti),
            ),
        )
        .await;
        assert_eq!(abroad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(abroad.body.contains("postage_not_abroad"));
        let siti_cart: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM cart_items WHERE account_id = (SELECT id FROM accounts WHERE phone = $1)"
        )
        .bind(SITI)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(siti_cart, 1, "the refused checkout kept the cart");
    })
}

fn qris_sticker() -> Vec<u8> {
    app::pasar::demo_pictures::qris_sticker_jpeg(
        "00020101021126570011ID.CO.QRIS.WWW0118936000000000000010215ID00000000000015204594553033605802ID5917BATIK SEKAR OSING6010BANYUWANGI6304TEST",
    )
}

/// The shop's QRIS code: uploaded by its owner, stored square, private; shown with the exact amount on
/// the shop's QRIS orders to their buyer and seller, to nobody else, on no public page.
#[test]
fn a_shops_qris_code_is_shown_only_on_its_qris_orders() {
    run(async {
        let app = test_app().await;
        let siti = signed_in_as(&app, SITI).await;
        let budi = signed_in_as(&app, BUDI).await;
        let sulastri = signed_in_as(&app, SULASTRI).await;
        let shop = shop_id_of(&app, "masker-batik-kawung").await;

        // Before there is a code, QRIS is not offered.
        add(&app, &siti, "masker-batik-kawung", "", 2).await;
        let cart = send(&app, get_signed_in("/pasar/keranjang", &siti)).await;
        assert!(!cart.body.contains("value=\"qris\""));

        assert_eq!(
            send(
                &app,
                multipart_upload("/pasar/saya/qris", Some(&budi), &qris_sticker())
            )
            .await
            .status,
            StatusCode::FORBIDDEN,
            "Budi has no shop"
        );
        // Not a picture: refused next to the QRIS form only (the shop photo's form on the same page
        // stays quiet).
        let refused = send(
            &app,
            multipart_upload(
                "/pasar/saya/qris",
                Some(&sulastri),
                b"%PDF-1.4 not a picture",
            ),
        )
        .await;
        let back = refused.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            back.contains("berkas=qris&foto_galat=photo_not_image"),
            "{back}"
        );
        let dashboard = send(&app, get_signed_in(&back, &sulastri)).await;
        let section = |id: &str| {
            let start = dashboard
                .body
                .find(&format!("<section id=\"{id}\""))
                .unwrap();
            let end = dashboard.body[start..].find("</section>").unwrap();
            dashboard.body[start..start + end].to_string()
        };
        let message = "Berkas ini bukan foto JPEG, PNG atau WebP.";
        assert!(section("qris").contains(message));
        assert!(!section("foto").contains(message), "the shop photo's form");
        let uploaded = send(
            &app,
            multipart_upload("/pasar/saya/qris", Some(&sulastri), &qris_sticker()),
        )
        .await;
        assert!(
            uploaded.headers[http::header::LOCATION]
                .to_str()
                .unwrap()
                .contains("disimpan=qris"),
            "{:?}",
            uploaded.headers
        );
        let (widths, private): (String, bool) = app::on_db!(&app.pool, |c| sqlx::query_as(
            "SELECT p.widths, p.is_private FROM photos p JOIN shops s ON s.qris_photo_id = p.id WHERE s.id = $1"
        )
        .bind(shop)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(widths, "320,800", "a square of 800 and its thumbnail");
        assert!(private);
        // A 12-megapixel camera photo of the sticker (several MB) is taken too, and stored the same way.
        let camera = camera_photo(3000, 4000, 18);
        assert!(camera.len() > 2_000_000, "{} bytes", camera.len());
        let retaken = send(
            &app,
            multipart_upload("/pasar/saya/qris", Some(&sulastri), &camera),
        )
        .await;
        assert!(retaken.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("disimpan=qris"));
        let widths: String = app::on_db!(&app.pool, |c| {
            sqlx::query_scalar(
            "SELECT p.widths FROM photos p JOIN shops s ON s.qris_photo_id = p.id WHERE s.id = $1"
        )
        .bind(shop)
        .fetch_one(c)
        .await
        })
        .unwrap();
        assert_eq!(widths, "320,800");
        let own = send(&app, get_signed_in("/pasar/saya/qris", &sulastri)).await;
        assert_eq!(own.status, StatusCode::OK);
        assert_eq!(own.headers[http::header::CONTENT_TYPE], "image/webp");

        let cart = send(&app, get_signed_in("/pasar/keranjang", &siti)).await;
        assert!(cart.body.contains("value=\"qris\""));
        let placed = send(
            &app,
            api_call(
                "checkout",
                &format!("choices[0][shop_id]={shop}&choices[0][fulfilment]=pickup_seller&choices[0][payment]=qris"),
                Some(&siti),
            ),
        )
        .await;
        assert!(accepted(placed.status), "{}", placed.body);
        let code = newest_order(&app).await;
        let page = send(
            &app,
            get_signed_in(&format!("/pasar/pesanan/{code}"), &siti),
        )
        .await;
        assert!(page.body.contains(&format!("/pasar/pesanan/{code}/qris")));
        assert!(
            page.body.contains("data-amount=\"50000\""),
            "the exact amount"
        );
        let qris = format!("/pasar/pesanan/{code}/qris");
        assert_eq!(
            send(&app, get_signed_in(&qris, &siti)).await.status,
            StatusCode::OK
        );
        assert_eq!(
            send(&app, get_signed_in(&qris, &sulastri)).await.status,
            StatusCode::OK
        );
        assert_eq!(
            send(&app, get_signed_in(&qris, &budi)).await.status,
            StatusCode::FORBIDDEN
        );
        assert_ne!(send(&app, get(&qris)).await.status, StatusCode::OK);
        // The proof is uploaded as for a transfer; the seller confirms and marks it paid.
        let proof = send(
            &app,
            multipart_upload(
                &format!("/pasar/pesanan/{code}/bukti"),
                Some(&siti),
                &phone_photo(),
            ),
        )
        .await;
        assert!(proof.headers[http::header::LOCATION]
            .to_str()
            .unwrap()
            .contains("disimpan=foto"));
        for step in ["to=confirmed", "to=paid"] {
            let moved = move_to(&app, &sulastri, &code, step).await;
            assert!(accepted(moved.status), "{step}: {}", moved.body);
        }

        // A cash order of the same shop has no QRIS address; no public page names the code.
        add(&app, &siti, "masker-batik-kawung", "", 1).await;
        send(
            &app,
            api_call(
                "checkout",
                &format!("choices[0][shop_id]={shop}&choices[0][fulfilment]=pickup_seller&choices[0][payment]=cash"),
                Some(&siti),
            ),
        )
        .await;
        let cash = newest_order(&app).await;
        assert_eq!(
            send(
                &app,
                get_signed_in(&format!("/pasar/pesanan/{cash}/qris"), &siti)
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        for public in [
            "/pasar/toko/batik-sekar-osing",
            "/pasar/produk/masker-batik-kawung",
            "/pasar/toko",
        ] {
            assert!(
                !send(&app, get(public)).await.body.contains("qris"),
                "{public}"
            );
        }
    })
}

#[test]
fn the_shop_directory_lists_approved_shops_by_village_and_category() {
    run(async {
        let app = test_app().await;
        let shops_in = |body: &str| body.matches("data-shop=").count();
        let all = send(&app, get("/pasar/toko")).await;
        assert_eq!(all.status, StatusCode::OK);
        assert_eq!(shops_in(&all.body), 12);
        assert!(all.body.contains("data-shop-count=\"12\""));
        let kemiren = send(&app, get("/pasar/toko?village=kemiren")).await;
        assert_eq!(shops_in(&kemiren.body), 3);
        assert!(kemiren.body.contains("Kue Tradisional Bu Yati"));
        assert!(!kemiren.body.contains("Madu Hutan Ijen"));
        let batik = send(&app, get("/pasar/toko?category=batik_kain")).await;
        assert!(batik.body.contains("data-shop=\"batik-sekar-osing\""));
        assert!(batik.body.contains("data-shop=\"busana-osing-bakungan\""));
        assert!(!batik.body.contains("data-shop=\"kopi-lereng-ijen\""));
        // A shop the village has not approved is not listed; nonsense filters list nothing or everything.
        app::on_db!(&app.pool, |c| sqlx::query(
            "UPDATE shops SET status = 'pending' WHERE slug = 'madu-hutan-ijen'"
        )
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        assert_eq!(shops_in(&send(&app, get("/pasar/toko")).await.body), 11);
        assert_eq!(
            shops_in(&send(&app, get("/pasar/toko?village=atlantis")).await.body),
            0
        );
        let odd = send(&app, get("/pasar/toko?category=narkoba&page=-3")).await;
        assert_eq!(odd.status, StatusCode::OK);
        assert_eq!(shops_in(&odd.body), 11);

        // A buyer far away learns before the cart who sends parcels, and whether abroad.
        let scarf = send(&app, get("/pasar/produk/selendang-gajah-oling")).await;
        assert!(scarf.body.contains("data-ships-abroad=\"true\""));
        assert!(scarf.body.contains("Pos Indonesia"));
        let honey_shop = send(&app, get("/pasar/toko/ukir-barong-bakungan")).await;
        assert!(honey_shop.body.contains("data-ships-abroad=\"false\""));
        let cakes = send(&app, get("/pasar/produk/kue-bagiak")).await;
        assert!(
            !cakes.body.contains("data-ships-abroad"),
            "pickup and delivery in the village only"
        );
    })
}

/// Search meets Indonesian words at their roots ("membatik" finds batik, "menganyam" finds what is
/// "dianyam"), English plurals at their stems, on both engines; rows written by bulk SQL get their
/// roots from the background pass; an edited product gets new ones.
#[test]
fn search_meets_indonesian_words_at_their_roots() {
    run(async {
        let app = test_app().await;
        let found = |body: &str, title: &str| body.contains(title);
        let membatik = send(&app, get("/pasar?q=membatik")).await;
        assert!(found(&membatik.body, "Selendang batik tulis Gajah Oling"));
        let anyaman = send(&app, get("/pasar?q=anyaman%20bambu")).await;
        assert!(found(&anyaman.body, "Tudung saji anyaman bambu"));
        let menganyam = send(&app, get("/pasar?q=menganyam")).await;
        assert!(
            found(&menganyam.body, "Tudung saji anyaman bambu"),
            "its description says dianyam"
        );
        let baskets = send(&app, get("/pasar?q=baskets")).await;
        assert!(found(&baskets.body, "Keranjang belanja bambu"));
        let pengukir = send(&app, get("/pasar?q=ukiran")).await;
        assert!(
            found(&pengukir.body, "Topeng Barong Osing"),
            "diukir tangan"
        );
        // Not everything: coffee is not found for batik.
        assert!(!found(&membatik.body, "Kopi lanang"));

        // Rows without roots (bulk SQL) are found by the words as written, then by roots once stemmed.
        app::on_db!(&app.pool, |c| sqlx::query(
            "UPDATE products SET search_stems = NULL"
        )
        .execute(c)
        .await
        .map(app::db::Done::from))
        .unwrap();
        assert!(!found(
            &send(&app, get("/pasar?q=menganyam")).await.body,
            "Tudung saji anyaman bambu"
        ));
        let stemmed = app::pasar::store::stem_all_products(&app.pool)
            .await
            .unwrap();
        assert!(stemmed >= 60, "{stemmed}");
        assert!(found(
            &send(&app, get("/pasar?q=menganyam")).await.body,
            "Tudung saji anyaman bambu"
        ));

        // The editor stores the roots of what the seller wrote.
        let sulastri = signed_in_as(&app, SULASTRI).await;
        let saved = send(
            &app,
            api_call(
                "save_product",
                "slug=masker-batik-kawung&title_id=Masker%20kain%20tenunan%20kawung&title_en=&description_id=Masker%20tiga%20lapis%20dari%20sisa%20kain%2C%20bisa%20dicuci.&description_en=&category=fashion&price=25000&unit=pcs&stock=30&status=active&weight=40",
                Some(&sulastri),
            ),
        )
        .await;
        assert!(accepted(saved.status), "{} {}", saved.status, saved.body);
        assert!(found(
            &send(&app, get("/pasar?q=menenun")).await.body,
            "Masker kain tenunan kawung"
        ));
        let weight: i64 = app::on_db!(&app.pool, |c| sqlx::query_scalar(
            "SELECT weight_grams FROM products WHERE slug = 'masker-batik-kawung'"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(weight, 40);
        let heavy = send(
            &app,
            api_call(
                "save_product",
                "slug=masker-batik-kawung&title_id=Masker%20kain&description_id=Masker%20tiga%20lapis%20dari%20sisa%20kain.&category=fashion&price=25000&unit=pcs&stock=30&status=active&weight=satu%20kilo",
                Some(&sulastri),
            ),
        )
        .await;
        assert_eq!(heavy.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(heavy.body.contains("weight_invalid"));
    })
}

/// The shop's courier settings through the plain form: ticked couriers arrive with gaps where boxes were
/// left unticked; bands must grow; no courier ticked stops courier shipping.
#[test]
fn a_seller_sets_courier_shipping_with_the_plain_form() {
    run(async {
        let app = test_app().await;
        let sulastri = signed_in_as(&app, SULASTRI).await;
        let shipping = |app: &TestApp| {
            let pool = app.pool.clone();
            async move {
                app::on_db!(&pool, |c| sqlx::query_scalar::<_, Option<String>>(
                    "SELECT shipping FROM shops WHERE slug = 'batik-sekar-osing'"
                )
                .fetch_one(c)
                .await)
                .unwrap()
            }
        };
        let saved = send(
            &app,
            api_call(
                "save_shipping",
                "shipping[couriers][0]=jne&shipping[couriers][3]=pos&shipping[kind]=flat&shipping[flat]=20.000&shipping[bands][0][up_to_grams]=&shipping[bands][0][rupiah]=&shipping[abroad_per_kg]=",
                Some(&sulastri),
            ),
        )
        .await;
        assert!(accepted(saved.status), "{} {}", saved.status, saved.body);
        let stored: app::pasar::ShippingRules =
            serde_json::from_str(&shipping(&app).await.unwrap()).unwrap();
        assert_eq!(
            stored.couriers,
            vec![app::pasar::Courier::Jne, app::pasar::Courier::PosIndonesia]
        );
        assert_eq!(
            stored.domestic,
            app::pasar::shipping::DomesticPostage::Flat { rupiah: 20_000 }
        );
        assert_eq!(stored.abroad_per_kg_rupiah, None);
        let product = send(&app, get("/pasar/produk/selendang-gajah-oling")).await;
        assert!(product.body.contains("data-ships-abroad=\"false\""));

        let shrinking = send(
            &app,
            api_call(
                "save_shipping",
                "shipping[couriers][0]=jne&shipping[kind]=weight&shipping[bands][0][up_to_grams]=3000&shipping[bands][0][rupiah]=30000&shipping[bands][1][up_to_grams]=1000&shipping[bands][1][rupiah]=15000",
                Some(&sulastri),
            ),
        )
        .await;
        assert_eq!(shrinking.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(shrinking.body.contains("bands_not_increasing"));
        assert!(shipping(&app).await.is_some(), "nothing saved is lost");

        let stopped = send(
            &app,
            api_call(
                "save_shipping",
                "shipping[kind]=flat&shipping[flat]=",
                Some(&sulastri),
            ),
        )
        .await;
        assert!(accepted(stopped.status), "{}", stopped.body);
        assert_eq!(shipping(&app).await, None);
        let product = send(&app, get("/pasar/produk/selendang-gajah-oling")).await;
        assert!(!product.body.contains("data-ships-abroad"));
    })
}
