//! The last three months of the demo villages, so the scorecard has something true to count and each
//! village stands somewhere different: Kemiren used every part of the platform (all seven criteria
//! met), Olehsari served its residents, held posyandu and culture nights and keeps its bansos page, but
//! sells little and published no regulation lately (four met: developing), the others only started.
//! Rows are written directly, as they would be after those months (finished requests with their audit
//! trail and a rating, completed orders with their item, sessions held with check-ins). Idempotent: it
//! runs once, when no history exists. Run after the accounts, listings and products exist.

use crate::db::Db;

const DAY: i64 = 86_400;

/// (village, service, days ago it was filed, working days it took, rating)
const FINISHED_REQUESTS: &[(&str, &str, i64, i64, Option<i64>)] = &[
    ("kemiren", "domisili", 80, 1, Some(5)),
    ("kemiren", "domisili", 66, 1, Some(4)),
    ("kemiren", "sktm", 58, 2, Some(5)),
    ("kemiren", "domisili", 45, 1, None),
    ("kemiren", "sktm", 37, 3, Some(4)),
    ("kemiren", "domisili", 24, 1, Some(5)),
    ("kemiren", "domisili", 17, 6, Some(3)),
    ("kemiren", "sktm", 11, 2, Some(5)),
    ("olehsari", "domisili", 75, 1, Some(4)),
    ("olehsari", "sktm", 61, 2, Some(4)),
    ("olehsari", "domisili", 47, 1, Some(5)),
    ("olehsari", "domisili", 33, 1, None),
    ("olehsari", "domisili", 19, 1, Some(4)),
    ("olehsari", "domisili", 8, 9, Some(2)),
    ("bakungan", "domisili", 40, 1, Some(4)),
];

/// (shop, days ago completed) — orders of the demo products, bought by Siti and Budi.
const COMPLETED_ORDERS: &[(&str, i64)] = &[
    ("batik-sekar-osing", 70),
    ("batik-sekar-osing", 52),
    ("kopi-jaran-goyang", 49),
    ("kue-bu-yati", 40),
    ("batik-sekar-osing", 31),
    ("kopi-jaran-goyang", 22),
    ("kue-bu-yati", 15),
    ("batik-sekar-osing", 6),
    ("lukis-kaca-olehsari", 44),
    ("sanggar-gandrung-olehsari", 12),
];

/// (listing, days ago, people checked in): sessions held.
const HELD_SESSIONS: &[(&str, i64, i64)] = &[
    ("posyandu-balita-kemiren", 63, 0),
    ("posyandu-balita-kemiren", 35, 0),
    ("posyandu-balita-kemiren", 7, 0),
    ("kelas-batik-gajah-oling", 56, 3),
    ("kelas-batik-gajah-oling", 42, 4),
    ("kelas-batik-gajah-oling", 28, 3),
    ("kelas-batik-gajah-oling", 14, 2),
    ("posbindu-olehsari", 50, 0),
    ("posbindu-olehsari", 20, 0),
    ("seblang-olehsari", 60, 4),
    ("seblang-olehsari", 45, 3),
    ("seblang-olehsari", 30, 2),
    ("seblang-olehsari", 16, 2),
];

async fn scalar(pool: &Db, sql: &str, text: &str) -> Result<Option<i64>, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar::<_, i64>(sql)
        .bind(text)
        .fetch_optional(c)
        .await)
}

/// Writes the history once; returns whether it did.
pub async fn load(pool: &Db, now: i64) -> Result<bool, sqlx::Error> {
    let done: bool = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM service_requests WHERE code LIKE 'RIW%')"
    )
    .fetch_one(c)
    .await)?;
    let account =
        |phone: &'static str| scalar(pool, "SELECT id FROM accounts WHERE phone = $1", phone);
    let (Some(siti), Some(budi), Some(dewi), Some(rina)) = (
        account("+6281230000001").await?,
        account("+6281230000002").await?,
        account("+6281230000004").await?,
        account("+6281230000007").await?,
    ) else {
        return Ok(false);
    };
    if done {
        return Ok(false);
    }
    let mut tx = crate::db::begin_write(pool).await?;
    for (index, (village, service, days_ago, took, rating)) in FINISHED_REQUESTS.iter().enumerate()
    {
        let created = now - days_ago * DAY + 9 * 3600;
        let finished = crate::kernel::dates::CivilDate::of_unix_wib(created)
            .plus_working_days(*took)
            .at_wib(14 * 60);
        let (resident, operator) = if *village == "kemiren" {
            (siti, dewi)
        } else {
            (budi, rina)
        };
        let code = format!("RIW{index:05}");
        let request: Option<i64> = crate::on_db!(&mut tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO service_requests (code, service_id, village_id, account_id, status, rating, created_at, updated_at)
             SELECT $1, s.id, v.id, $2, 'selesai', $3, $4, $5 FROM services s JOIN villages v ON v.id = s.village_id
             WHERE v.slug = $6 AND s.slug = $7 RETURNING id"
        )
        .bind(&code)
        .bind(resident)
        .bind(*rating)
        .bind(created)
        .bind(finished)
        .bind(*village)
        .bind(*service)
        .fetch_optional(c)
        .await
        })?;
        let Some(request) = request else { continue };
        for (status, role, actor, at) in [
            ("diajukan", "pemohon", resident, created),
            ("diperiksa", "operator", operator, created + 3600),
            ("siap", "operator", operator, finished - 3600),
            ("selesai", "operator", operator, finished),
        ] {
            crate::on_db!(&mut tx, |c| {
                sqlx::query(
                "INSERT INTO request_events (request_id, status, actor_account_id, role, at) VALUES ($1, $2, $3, $4, $5)"
            )
            .bind(request)
            .bind(status)
            .bind(actor)
            .bind(role)
            .bind(at)
            .execute(c)
            .await
            .map(crate::db::Done::from)
            })?;
        }
        if *service == "sktm" {
            // Numbered from the village's yearly sequence, as every issued letter is.
            let year = crate::kernel::dates::CivilDate::of_unix_wib(finished).year;
            let sequence: i64 = crate::on_db!(&mut tx, |c| {
                sqlx::query_scalar(
                "INSERT INTO letter_sequences (village_id, year, last_number)
                 SELECT id, $2, 1 FROM villages WHERE slug = $1
                 ON CONFLICT (village_id, year) DO UPDATE SET last_number = letter_sequences.last_number + 1
                 RETURNING last_number"
            )
            .bind(*village)
            .bind(year)
            .fetch_one(c)
            .await
            })?;
            let (classification, village_code): (String, String) = crate::on_db!(&mut tx, |c| {
                sqlx::query_as(
                "SELECT s.classification_code, v.code FROM services s JOIN villages v ON v.id = s.village_id
                 WHERE v.slug = $1 AND s.slug = 'sktm'"
            )
            .bind(*village)
            .fetch_one(c)
            .await
            })?;
            crate::on_db!(&mut tx, |c| {
                sqlx::query(
                "INSERT INTO letters (request_id, number, verification_code, title, holder_name, body, signer_name,
                                      signer_position, issued_at)
                 VALUES ($1, $2, $3, 'SURAT KETERANGAN TIDAK MAMPU', $4, 'Surat keterangan tidak mampu (riwayat demo).',
                         'Kepala Desa', 'Kepala Desa', $5)"
            )
            .bind(request)
            .bind(crate::layanan::letter_number::format_letter_number(
                &classification,
                sequence,
                &village_code,
                year as i32,
            ))
            .bind(format!("RIWAYAT{index:05}"))
            .bind(if resident == siti { "Siti Rahayu" } else { "Budi Santoso" })
            .bind(finished - 3600)
            .execute(c)
            .await
            .map(crate::db::Done::from)
            })?;
        }
    }
    for (index, (shop, days_ago)) in COMPLETED_ORDERS.iter().enumerate() {
        let completed = now - days_ago * DAY;
        let buyer = if index % 2 == 0 { siti } else { budi };
        let order: Option<i64> = crate::on_db!(&mut tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO orders (code, buyer_account_id, shop_id, status, fulfilment, payment, subtotal_rupiah,
                                 delivery_fee_rupiah, total_rupiah, placed_at, updated_at)
             SELECT $1, $2, s.id, 'completed', 'pickup_seller', 'cash', COALESCE(v.price_rupiah, p.price_rupiah), 0,
                    COALESCE(v.price_rupiah, p.price_rupiah), $3, $4
             FROM shops s JOIN products p ON p.shop_id = s.id JOIN product_variants v ON v.product_id = p.id
             WHERE s.slug = $5 ORDER BY p.id, v.id LIMIT 1 RETURNING id"
        )
        .bind(format!("RIWY{index:04}"))
        .bind(buyer)
        .bind(completed - 3 * DAY)
        .bind(completed)
        .bind(*shop)
        .fetch_optional(c)
        .await
        })?;
        let Some(order) = order else { continue };
        crate::on_db!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO order_items (order_id, variant_id, product_id, title_id, title_en, variant_name, unit_price_rupiah, quantity)
             SELECT $1, v.id, p.id, p.title_id, p.title_en, v.name_id, COALESCE(v.price_rupiah, p.price_rupiah), 1
             FROM shops s JOIN products p ON p.shop_id = s.id JOIN product_variants v ON v.product_id = p.id
             WHERE s.slug = $2 ORDER BY p.id, v.id LIMIT 1"
        )
        .bind(order)
        .bind(*shop)
        .execute(c)
        .await
        .map(crate::db::Done::from)
        })?;
    }
    let people = [siti, budi, dewi, rina];
    for (index, (listing, days_ago, check_ins)) in HELD_SESSIONS.iter().enumerate() {
        let starts =
            crate::kernel::dates::CivilDate::of_unix_wib(now - days_ago * DAY).at_wib(9 * 60);
        let session: Option<i64> = crate::on_db!(&mut tx, |c| sqlx::query_scalar(
            "INSERT INTO event_sessions (event_id, starts_at, ends_at, capacity)
             SELECT id, $2, $3, capacity FROM events WHERE slug = $1
             ON CONFLICT (event_id, starts_at) DO NOTHING RETURNING id"
        )
        .bind(*listing)
        .bind(starts)
        .bind(starts + 3 * 3600)
        .fetch_optional(c)
        .await)?;
        let Some(session) = session else { continue };
        for (person, account_id) in people.iter().take(*check_ins as usize).enumerate() {
            crate::on_db!(&mut tx, |c| {
                sqlx::query(
                "INSERT INTO event_registrations (session_id, account_id, seats, status, ticket_code, created_at,
                                                  checked_in_at, checked_in_by)
                 VALUES ($1, $2, 1, 'confirmed', $3, $4, $5, $6)"
            )
            .bind(session)
            .bind(*account_id)
            .bind(format!("RW{index:03}{person}XZ"))
            .bind(starts - 2 * DAY)
            .bind(starts + 900)
            .bind(dewi)
            .execute(c)
            .await
            .map(crate::db::Done::from)
            })?;
        }
    }
    tx.commit().await?;
    Ok(true)
}
