//! The authorization matrix: every server function with a well-formed call and the decision expected
//! for each role. The matrix test checks the decisions; the hostile-input suite mutates these calls.

/// Who is asking, in the matrix's column order.
pub const ROLES: [(&str, Option<&str>); 8] = [
    ("visitor", None),
    ("warga", Some("+6281230000001")),
    ("penjual", Some("+6281230000003")),
    ("operator Kemiren", Some("+6281230000004")),
    ("kades Kemiren", Some("+6281230000006")),
    ("operator Olehsari", Some("+6281230000007")),
    ("camat Glagah", Some("+6281230000008")),
    ("admin kabupaten", Some("+6281230000009")),
];

/// Every server function, with a well-formed call and the decision expected for each role (columns as in
/// `ROLES`): `+` allowed, `401` sign-in needed, `403` refused. Village-scoped calls target Kemiren.
/// Allowed calls may still answer 404/422 (no such record, bad value): authorization passed.
pub const MATRIX: &[(&str, &str, [&str; 8])] = &[
    ("list_villages", "", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_village", "slug=kemiren", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_products", "village=&limit=4", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_shop", "slug=batik-sekar-osing", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_market", "query[q]=batik&query[page]=1", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_shop_directory", "village=kemiren&category=batik_kain&page=1", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_product", "slug=selendang-gajah-oling", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    // Quantity 0 is refused (422) after authorization, so the matrix fills no cart.
    ("add_to_cart", "product=selendang-gajah-oling&variant_id=1&quantity=0", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("cart_count", "", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("update_cart", "variant_id=999999&quantity=0", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_cart", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // Empty carts: allowed callers get 422.
    ("checkout", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // Siti's demo order to Sulastri's shop: only the two of them.
    ("get_order", "code=DEMU2345", ["401", "+", "+", "403", "403", "403", "403", "403"]),
    // Confirming is the seller's move: Siti (buyer) gets 422, Sulastri's call would confirm, so ask for a
    // move nobody may make now (completed): both parties get 422, everyone else 403.
    ("move_order", "code=DEMU2345&to=completed", ["401", "+", "+", "403", "403", "403", "403", "403"]),
    ("list_my_orders", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("review_order", "code=DEMU2345&stars=5&body=Bagus%20sekali", ["401", "+", "403", "403", "403", "403", "403", "403"]),
    ("get_seller_dashboard", "status=", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // An empty shop name: allowed callers get 422, no shop is created.
    ("save_shop", "name=&story_id=&whatsapp=&pickup_address=", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // An unknown courier is refused (422) after authorization, so the matrix changes no shop; only a
    // shop's owner gets that far.
    ("save_shipping", "shipping[couriers][0]=dhl-palsu", ["401", "403", "+", "403", "403", "403", "403", "403"]),
    ("remove_qris", "", ["401", "403", "+", "403", "403", "403", "403", "403"]),
    ("get_product_editor", "slug=", ["401", "403", "+", "403", "403", "403", "403", "403"]),
    ("save_product", "slug=&title_id=&description_id=&category=seni&price=1&unit=pcs&status=active", ["401", "403", "+", "403", "403", "403", "403", "403"]),
    ("remove_product_photo", "slug=selendang-gajah-oling&photo_id=999999", ["401", "403", "+", "403", "403", "403", "403", "403"]),
    ("list_services", "village=&limit=4", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_service", "village=kemiren&slug=sktm", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_free_slots", "village=kemiren&slug=sktm", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    // A missing answer: allowed callers get 422, nothing is recorded.
    ("submit_request", "village=kemiren&service=domisili", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_request", "code=ZZZZZZZZ", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("move_request", "code=ZZZZZZZZ&to=diperiksa", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_my_requests", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_village_inbox", "slug=kemiren&status=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("get_kecamatan_inbox", "code=35.10.16", ["401", "403", "403", "403", "403", "403", "+", "+"]),
    ("verify_letter", "code=ZZZZZZZZZZZZ", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("rate_request", "code=ZZZZZZZZ&stars=5", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("revoke_letter", "code=ZZZZZZZZ&reason=Salah%20nama", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_visit_day", "slug=kemiren&date=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("reschedule_request", "code=ZZZZZZZZ&slot=1", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("remove_request_document", "code=ZZZZZZZZ&photo=1", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // An empty complaint: allowed callers get 422 before the rate limit counts anything.
    ("submit_complaint", "category=&body=", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_complaint", "code=ZZZZZZZZ", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("reply_complaint", "code=ZZZZZZZZ&body=", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_my_complaints", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_complaint_inbox", "slug=kemiren&status=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("get_catalogue", "slug=kemiren", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("get_service_editor", "village=kemiren&service=sktm", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    // Saves with an empty name: allowed callers get 422, so the matrix changes nothing.
    ("save_service", "village=kemiren&service=sktm&name_id=&summary_id=&processing_days=&fee_rupiah=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("add_closed_date", "village=kemiren&date=x", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("remove_closed_date", "village=kemiren&date=1999-01-01", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("list_upcoming_events", "village=&limit=4", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_health_offer", "village=kemiren&limit=4", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    // Village information (produk hukum, PPID, bansos): reading is public; writing is Kemiren's staff
    // (empty values: allowed callers get 422 and nothing is written).
    ("get_legal_documents", "village=kemiren&filter[kind]=&filter[year]=&filter[q]=", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("add_legal_document", "village=kemiren&kind=&number=&year=&title_id=&title_en=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("set_legal_status", "village=kemiren&document=999999&status=&changed_by=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("get_public_information", "village=kemiren", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("add_public_information", "village=kemiren&category=&title_id=&title_en=&body_id=&body_en=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("get_bansos_page", "village=kemiren", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("save_bansos_programme", "village=kemiren&programme=pkh&who_id=&who_en=&schedule_id=&schedule_en=&how_id=&how_en=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("save_bansos_count", "village=kemiren&programme=pkh&year=&recipients=", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("set_bansos_membership", "village=kemiren&phone=&programme=pkh", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    // Only the resident's own record.
    ("list_my_bansos", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // Training certificates: a listing's manager (the batik class: Sulastri, its organiser, and Kemiren's
    // staff); an unknown rule value is 422. Checking a certificate is public.
    ("get_certificate_console", "slug=kelas-batik-gajah-oling", ["401", "403", "+", "+", "+", "403", "403", "+"]),
    ("set_certificate_rule", "slug=kelas-batik-gajah-oling&sessions=lots", ["401", "403", "+", "+", "+", "403", "403", "+"]),
    ("issue_certificates", "slug=literasi-digital-umkm", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("verify_certificate", "code=ZZZZZZZZZZZZ", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_my_certificates", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_shop_trainings", "shop=batik-sekar-osing", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    // The scorecard counts activity, never people: public.
    ("get_village_score", "slug=kemiren", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_kecamatan_score", "code=35.10.16", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_regency_score", "", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_shop_classes", "shop=batik-sekar-osing", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("set_language", "lang=en", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("sign_up", "name=X&phone=x&password=x&village=kemiren", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("sign_in", "phone=x&password=x", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("sign_out", "", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("request_reset_code", "phone=x", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("reset_password", "phone=x&code=1&password=x", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_session_summary", "", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_my_account", "", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("update_my_profile", "name=Nama%20Baru&email=", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("submit_verification", "nik=x&full_name=Nama&address=Dusun%20Krajan", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // An unknown village: allowed callers get 422, no account changes.
    ("set_home_village", "village=atlantis", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_my_notifications", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("mark_notifications_read", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_village_console", "slug=kemiren", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    (
        "update_village_profile",
        "slug=kemiren&description_id=Desa%20adat%20Osing%20di%20lereng%20Ijen.&office_address=Balai&opening_hours_id=08-15",
        ["401", "403", "403", "+", "+", "403", "403", "+"],
    ),
    ("decide_resident", "slug=kemiren&account_id=999999&decision=verify", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("get_shop_queue", "slug=kemiren", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("decide_shop", "slug=kemiren&shop_id=999999&decision=approve", ["401", "403", "403", "+", "+", "403", "403", "+"]),
    ("add_village_staff", "slug=kemiren&phone=081299999999&role=operator", ["401", "403", "403", "403", "+", "403", "403", "+"]),
    ("remove_village_staff", "slug=kemiren&staff_role_id=999999", ["401", "403", "403", "403", "+", "403", "403", "+"]),
    ("list_outbox", "", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    // The regency's administration: no such import (404 for the admin), an empty phone (422), a decision
    // nobody makes (422), a code of the wrong length (422): nothing changes.
    ("get_import_preview", "id=999999", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("apply_village_import", "id=999999&kabupaten_name=", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("get_regency_overview", "", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("get_staff_administration", "", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("invite_staff", "phone=&role=operator&village=kemiren&kecamatan=", ["401", "403", "403", "403", "+", "403", "403", "+"]),
    ("cancel_invitation", "id=999999", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("accept_invitation", "code=1", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("revoke_staff_role", "staff_role_id=999999", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("set_village_active", "slug=kemiren&state=x", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    // Without the confirming word: every signed-in caller gets 422 and nobody is deleted.
    ("delete_my_account", "password=x&confirm=", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_data_views", "", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("get_agenda", "query[when]=akhir-pekan&query[kind]=kelas", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_month_calendar", "month=&kind=&village=", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("get_listing", "slug=kelas-batik-gajah-oling", ["+", "+", "+", "+", "+", "+", "+", "+"]),
    ("register_for_session", "session_id=999999&seats=1", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("cancel_registration", "code=ZZZZZZZZ", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    ("list_my_tickets", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // Siti holds the demo ticket; Sulastri runs the class; Kemiren's staff manage it.
    ("get_ticket", "code=KMRN2345", ["401", "+", "+", "+", "+", "403", "403", "+"]),
    // A waitlisted ticket of Gombengsari's coffee class (no staff there): only an admin may check it in.
    ("check_in_ticket", "code=KP2W8TQM", ["401", "403", "403", "403", "403", "403", "403", "+"]),
    ("get_organiser_home", "", ["401", "+", "+", "+", "+", "+", "+", "+"]),
    // Saves with an empty title: allowed callers get 422, so the matrix changes nothing.
    ("save_listing", "slug=kelas-batik-gajah-oling&kind=kelas&title_id=&summary_id=&description_id=&tags=&venue=&address=&latitude=&longitude=&organiser_name=&price=&capacity=", ["401", "403", "+", "+", "+", "403", "403", "+"]),
    ("get_listing_console", "slug=kelas-batik-gajah-oling", ["401", "403", "+", "+", "+", "403", "403", "+"]),
    ("add_sessions", "slug=kelas-batik-gajah-oling&start_date=x&start_time=&end_time=&capacity=", ["401", "403", "+", "+", "+", "403", "403", "+"]),
    ("cancel_session", "slug=kelas-batik-gajah-oling&session_id=999999&reason=Hujan%20deras", ["401", "403", "+", "+", "+", "403", "403", "+"]),
    ("remove_listing_photo", "slug=kelas-batik-gajah-oling&photo_id=999999", ["401", "403", "+", "+", "+", "403", "403", "+"]),
    ("move_session", "slug=kelas-batik-gajah-oling&session_id=999999&date=x&start_time=&end_time=", ["401", "403", "+", "+", "+", "403", "403", "+"]),
];
