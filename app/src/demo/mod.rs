//! Demo data: real Banyuwangi kecamatan and villages with invented shops, products, services and events,
//! in Indonesian and English. Loaded only by the explicit `demo-data` step, never at start-up.
//!
//! Idempotent: every row has a natural key (code or slug) and is inserted with `ON CONFLICT DO NOTHING`,
//! so running the step again changes nothing. Event dates are set relative to the first load (the next
//! Saturday, in two weeks, …) so the agenda is never empty on a fresh demo.
//!
//! The Kemendagri codes follow the real format (35 = Jawa Timur, 35.10 = Banyuwangi, village part 1xxx for
//! a kelurahan, 2xxx for a desa); the kecamatan and village numbers are illustrative and must be checked
//! against the Permendagri list before real use.

pub mod history;
pub mod regency;

use crate::db::Db;

#[cfg(test)]
const DAY: i64 = 86_400;

struct Kecamatan {
    code: &'static str,
    name: &'static str,
}

const KECAMATAN: &[Kecamatan] = &[
    Kecamatan {
        code: "35.10.16",
        name: "Glagah",
    },
    Kecamatan {
        code: "35.10.23",
        name: "Kalipuro",
    },
    Kecamatan {
        code: "35.10.24",
        name: "Licin",
    },
];

struct Village {
    code: &'static str,
    slug: &'static str,
    name: &'static str,
    kind: &'static str,
    kecamatan: &'static str,
    description_id: &'static str,
    description_en: Option<&'static str>,
}

const VILLAGES: &[Village] = &[
    Village {
        code: "35.10.16.2005",
        slug: "kemiren",
        name: "Kemiren",
        kind: "desa",
        kecamatan: "35.10.16",
        description_id: "Desa adat Osing di lereng Ijen: rumah tradisional, batik Gajah Oling, ritual Barong Ider Bumi dan Festival Ngopi Sepuluh Ewu.",
        description_en: Some("The Osing customary village on the slopes of Ijen: traditional houses, Gajah Oling batik, the Barong Ider Bumi ritual and the Ngopi Sepuluh Ewu coffee festival."),
    },
    Village {
        code: "35.10.16.2001",
        slug: "olehsari",
        name: "Olehsari",
        kind: "desa",
        kecamatan: "35.10.16",
        description_id: "Desa tempat ritual Seblang Olehsari digelar setiap tahun setelah Idulfitri.",
        description_en: Some("Home of the Seblang Olehsari ritual, held every year after Eid al-Fitr."),
    },
    Village {
        code: "35.10.16.1002",
        slug: "bakungan",
        name: "Bakungan",
        kind: "kelurahan",
        kecamatan: "35.10.16",
        description_id: "Kelurahan di Glagah dengan tradisi Seblang Bakungan dan perajin rumahan.",
        description_en: None,
    },
    Village {
        code: "35.10.16.2006",
        slug: "kampung-anyar",
        name: "Kampung Anyar",
        kind: "desa",
        kecamatan: "35.10.16",
        description_id: "Desa wisata di Glagah dengan sanggar tari dan kuliner Osing.",
        description_en: Some("A tourism village in Glagah with dance studios and Osing food."),
    },
    Village {
        code: "35.10.23.1004",
        slug: "gombengsari",
        name: "Gombengsari",
        kind: "kelurahan",
        kecamatan: "35.10.23",
        description_id: "Kebun kopi rakyat dan peternakan kambing etawa di perbukitan Kalipuro.",
        description_en: Some("Smallholder coffee gardens and Etawa goat farms in the Kalipuro hills."),
    },
    Village {
        code: "35.10.24.2003",
        slug: "tamansari",
        name: "Tamansari",
        kind: "desa",
        kecamatan: "35.10.24",
        description_id: "Desa di kaki Gunung Ijen, gerbang pendakian kawah Ijen, dengan anyaman bambu dan kopi arabika.",
        description_en: Some("A village at the foot of Mount Ijen, gateway to the Ijen crater, known for bamboo weaving and arabica coffee."),
    },
];

struct Service {
    slug: &'static str,
    kind: &'static str,
    name_id: &'static str,
    name_en: &'static str,
    summary_id: &'static str,
    summary_en: &'static str,
    processing_days: i64,
    needs_camat: bool,
}

/// The usual catalogue of a village office (../DOMAIN: letters and appointments); every demo village
/// offers it.
const SERVICES: &[Service] = &[
    Service {
        slug: "sktm",
        kind: "surat",
        name_id: "Surat Keterangan Tidak Mampu (SKTM)",
        name_en: "Certificate of low income (SKTM)",
        summary_id: "Untuk keringanan biaya sekolah atau berobat. Dilegalisasi camat.",
        summary_en: "For school or medical fee relief. Legalised by the camat.",
        processing_days: 3,
        needs_camat: true,
    },
    Service {
        slug: "pengantar-pindah",
        kind: "surat",
        name_id: "Surat Pengantar Pindah",
        name_en: "Letter for moving residence",
        summary_id: "Pengantar pindah domisili ke luar kecamatan, ditandatangani camat.",
        summary_en: "Introduction letter for moving out of the sub-district, signed by the camat.",
        processing_days: 3,
        needs_camat: true,
    },
    Service {
        slug: "domisili",
        kind: "surat",
        name_id: "Surat Keterangan Domisili",
        name_en: "Certificate of residence",
        summary_id: "Keterangan tempat tinggal untuk bank, sekolah atau pekerjaan.",
        summary_en: "Proof of address for banks, schools or employers.",
        processing_days: 1,
        needs_camat: false,
    },
    Service {
        slug: "sku",
        kind: "surat",
        name_id: "Surat Keterangan Usaha (SKU)",
        name_en: "Business certificate (SKU)",
        summary_id: "Keterangan usaha warga untuk pinjaman KUR atau izin.",
        summary_en: "Confirms a resident's business, for KUR loans or permits.",
        processing_days: 2,
        needs_camat: false,
    },
    Service {
        slug: "pengantar-skck",
        kind: "surat",
        name_id: "Surat Pengantar SKCK",
        name_en: "Police clearance (SKCK) introduction letter",
        summary_id: "Pengantar ke Polsek untuk membuat SKCK.",
        summary_en: "Introduction to the police station to obtain an SKCK.",
        processing_days: 1,
        needs_camat: false,
    },
    // Poverty alleviation: the two requests around the social-aid register (DTKS).
    Service {
        slug: "usulan-dtks",
        kind: "surat",
        name_id: "Usulan masuk DTKS",
        name_en: "Proposal for the social welfare register (DTKS)",
        summary_id: "Keluarga yang belum terdata diusulkan lewat musyawarah desa ke Dinas Sosial.",
        summary_en: "A family not yet registered is proposed to the social affairs office through the village meeting.",
        processing_days: 14,
        needs_camat: false,
    },
    Service {
        slug: "sanggahan-bansos",
        kind: "surat",
        name_id: "Sanggahan penerima bantuan sosial",
        name_en: "Objection about social aid recipients",
        summary_id: "Layak tetapi tidak menerima, atau penerima yang tidak layak: dibahas di musyawarah desa.",
        summary_en: "Eligible but left out, or a recipient who is not eligible: discussed at the village meeting.",
        processing_days: 7,
        needs_camat: false,
    },
    // Legal information: a request to the village's information officer (PPID desa).
    Service {
        slug: "permohonan-informasi-publik",
        kind: "surat",
        name_id: "Permohonan informasi publik",
        name_en: "Public information request",
        summary_id: "Minta salinan APBDes, Perdes atau informasi publik lain (UU 14/2008).",
        summary_en: "Ask for the village budget, regulations or other public information (UU 14/2008).",
        processing_days: 10,
        needs_camat: false,
    },
    Service {
        slug: "konsultasi-adminduk",
        kind: "janji",
        name_id: "Konsultasi administrasi kependudukan",
        name_en: "Civil registration consultation",
        summary_id: "Janji temu dengan operator desa soal KK, KTP dan akta.",
        summary_en: "Meet the village operator about family cards, ID cards and certificates.",
        processing_days: 0,
        needs_camat: false,
    },
];

/// What the demo-data step added, for its log line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub villages: u64,
    pub products: u64,
    pub services: u64,
    pub events: u64,
}

/// Loads the demo data in one write transaction.
pub async fn load(pool: &Db, now_unix: i64) -> Result<DemoReport, sqlx::Error> {
    let mut report = DemoReport::default();
    let mut tx = crate::db::begin_write(pool).await?;

    for kecamatan in KECAMATAN {
        crate::on_db!(&mut tx, |c| sqlx::query(
            "INSERT INTO kecamatan (code, name, kabupaten) VALUES ($1, $2, 'Banyuwangi')
             ON CONFLICT (code) DO NOTHING",
        )
        .bind(kecamatan.code)
        .bind(kecamatan.name)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }

    for village in VILLAGES {
        report.villages += crate::on_db!(&mut tx, |c| sqlx::query(
            "INSERT INTO villages (code, slug, name, kind, kecamatan_code, description_id, description_en)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (code) DO NOTHING",
        )
        .bind(village.code)
        .bind(village.slug)
        .bind(village.name)
        .bind(village.kind)
        .bind(village.kecamatan)
        .bind(village.description_id)
        .bind(village.description_en)
        .execute(c).await.map(crate::db::Done::from))?
        .rows_affected();

        for service in SERVICES {
            report.services += crate::on_db!(&mut tx, |c| sqlx::query(
                "INSERT INTO services (village_id, slug, kind, name_id, name_en, summary_id, summary_en,
                                       processing_days, needs_camat, fee_rupiah)
                 SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, 0 FROM villages WHERE slug = $1
                 ON CONFLICT (village_id, slug) DO NOTHING",
            )
            .bind(village.slug)
            .bind(service.slug)
            .bind(service.kind)
            .bind(service.name_id)
            .bind(service.name_en)
            .bind(service.summary_id)
            .bind(service.summary_en)
            .bind(service.processing_days)
            .bind(service.needs_camat)
            .execute(c).await.map(crate::db::Done::from))?
            .rows_affected();
        }
    }

    report.products += crate::pasar::demo::load_catalogue(&mut tx, now_unix).await?;

    crate::layanan::demo::load_details(&mut tx).await?;
    report.events += crate::budaya::demo::load_listings(&mut tx, now_unix).await?;

    tx.commit().await?;
    Ok(report)
}

/// The password of every demo account (documented in the README; the demo step is never run in production).
pub const DEMO_PASSWORD: &str = "demo-kampung-2026";

/// One demo account per role. Phone numbers are in a range no operator assigns to people (0812-3000-00xx
/// is invented; replace it before real use).
pub struct DemoAccount {
    pub phone: &'static str,
    pub name: &'static str,
    pub village: &'static str,
    /// `role:place` for staff: `operator:kemiren`, `camat:35.10.16`, `admin_kabupaten:`.
    pub staff: Option<(&'static str, &'static str)>,
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        phone: "+6281230000001",
        name: "Siti Rahayu",
        village: "kemiren",
        staff: None,
    },
    DemoAccount {
        phone: "+6281230000002",
        name: "Budi Santoso",
        village: "kemiren",
        staff: None,
    },
    DemoAccount {
        phone: "+6281230000003",
        name: "Sulastri",
        village: "kemiren",
        staff: None,
    },
    DemoAccount {
        phone: "+6281230000004",
        name: "Dewi Lestari",
        village: "kemiren",
        staff: Some(("operator", "kemiren")),
    },
    DemoAccount {
        phone: "+6281230000005",
        name: "Hadi Purnomo",
        village: "kemiren",
        staff: Some(("sekdes", "kemiren")),
    },
    DemoAccount {
        phone: "+6281230000006",
        name: "Slamet Riyadi",
        village: "kemiren",
        staff: Some(("kades", "kemiren")),
    },
    DemoAccount {
        phone: "+6281230000007",
        name: "Rina Marlina",
        village: "olehsari",
        staff: Some(("operator", "olehsari")),
    },
    DemoAccount {
        phone: "+6281230000008",
        name: "Yusuf Hidayat",
        village: "kemiren",
        staff: Some(("camat", "35.10.16")),
    },
    DemoAccount {
        phone: "+6281230000009",
        name: "Admin Kabupaten",
        village: "kemiren",
        staff: Some(("admin_kabupaten", "")),
    },
];

/// Loads the regency, village office details and the demo accounts: Sulastri owns the approved batik
/// shop (penjual), Budi waits for resident verification and has a shop application pending, and every
/// staff role has one account. Idempotent like [`load`]; returns how many accounts were added.
pub async fn load_accounts(
    pool: &Db,
    nik: &crate::akun::nik::NikCipher,
    now_unix: i64,
) -> Result<u64, crate::error::AppError> {
    let password_hash = crate::akun::password::hash_password(DEMO_PASSWORD.to_string()).await?;
    let budi_nik = nik.encrypt("3510161207850003")?;
    let siti_nik = nik.encrypt("3510164503900001")?;
    let mut tx = crate::db::begin_write(pool).await?;
    crate::on_db!(&mut tx, |c| sqlx::query(
        "INSERT INTO kabupaten (code, name, province) VALUES ('35.10', 'Banyuwangi', 'Jawa Timur')
         ON CONFLICT (code) DO NOTHING",
    )
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::on_db!(&mut tx, |c| {
        sqlx::query("UPDATE kecamatan SET kabupaten_code = '35.10' WHERE kabupaten_code IS NULL AND code LIKE '35.10.%'")
        .execute(c).await.map(crate::db::Done::from)
    })?;
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "UPDATE villages SET office_address = 'Jl. Barong No. 1, Kemiren, Glagah, Banyuwangi',
                opening_hours_id = 'Senin–Jumat 08.00–15.00 WIB', opening_hours_en = 'Monday–Friday 08:00–15:00 WIB',
                contact_email = 'pemdes@kemiren.desa.id'
         WHERE slug = 'kemiren' AND office_address = ''",
    )
    .execute(c).await.map(crate::db::Done::from)
    })?;

    let mut added = 0;
    for account in DEMO_ACCOUNTS {
        added += crate::on_db!(&mut tx, |c| {
            sqlx::query(
            "INSERT INTO accounts (phone, name, home_village_id, password_hash, locale, created_at)
             SELECT $1, $2, id, $3, 'id', $4 FROM villages WHERE slug = $5
             ON CONFLICT (phone) DO NOTHING",
        )
        .bind(account.phone)
        .bind(account.name)
        .bind(&password_hash)
        .bind(now_unix)
        .bind(account.village)
        .execute(c).await.map(crate::db::Done::from)
        })?
        .rows_affected();
        if let Some((role, place)) = account.staff {
            let (village, kecamatan) = match role {
                "camat" => (None, Some(place)),
                "admin_kabupaten" => (None, None),
                _ => (Some(place), None),
            };
            crate::on_db!(&mut tx, |c| {
                sqlx::query(
                "INSERT INTO staff_roles (account_id, role, village_id, kecamatan_code, granted_at)
                 SELECT a.id, $2, (SELECT id FROM villages WHERE slug = $3), $4, $5
                 FROM accounts a WHERE a.phone = $1
                   AND NOT EXISTS (SELECT 1 FROM staff_roles r WHERE r.account_id = a.id AND r.role = $2)",
            )
            .bind(account.phone)
            .bind(role)
            .bind(village)
            .bind(kecamatan)
            .bind(now_unix)
            .execute(c).await.map(crate::db::Done::from)
            })?;
        }
    }
    // Sulastri: the seller of the batik shop.
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "UPDATE shops SET owner_account_id = (SELECT id FROM accounts WHERE phone = '+6281230000003')
         WHERE slug = 'batik-sekar-osing' AND owner_account_id IS NULL",
    )
    .execute(c).await.map(crate::db::Done::from)
    })?;
    // Siti: verified by Kemiren's staff (letters name residents as verified).
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "INSERT INTO resident_verifications
           (account_id, village_id, full_name, address, nik_ciphertext, nik_last4, status, submitted_at,
            decided_at, decided_by)
         SELECT a.id, a.home_village_id, 'Siti Rahayu', 'Dusun Krajan RT 01 RW 02, Kemiren', $2, '0001',
                'verified', $3, $3, (SELECT id FROM accounts WHERE phone = '+6281230000004')
         FROM accounts a WHERE a.phone = $1
         ON CONFLICT (account_id) DO NOTHING",
    )
    .bind("+6281230000001")
    .bind(&siti_nik)
    .bind(now_unix)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    // Budi: waiting for verification, and a shop application for the staff to decide.
    crate::on_db!(&mut tx, |c| {
        sqlx::query(
        "INSERT INTO resident_verifications
           (account_id, village_id, full_name, address, nik_ciphertext, nik_last4, status, submitted_at)
         SELECT a.id, a.home_village_id, 'Budi Santoso', 'Dusun Krajan RT 02 RW 01, Kemiren', $2, '0003', 'pending', $3
         FROM accounts a WHERE a.phone = $1
         ON CONFLICT (account_id) DO NOTHING",
    )
    .bind("+6281230000002")
    .bind(&budi_nik)
    .bind(now_unix)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    crate::on_db!(&mut tx, |c| sqlx::query(
        "INSERT INTO shops (village_id, slug, name, story_id, owner_account_id, status)
         SELECT a.home_village_id, 'ukir-kayu-budi', 'Ukir Kayu Budi',
                'Topeng dan hiasan kayu ukir khas Osing, dibuat di rumah.', a.id, 'pending'
         FROM accounts a WHERE a.phone = '+6281230000002'
         ON CONFLICT (slug) DO NOTHING",
    )
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::budaya::demo::load_people(&mut tx, now_unix).await?;
    crate::budaya::demo::load_training(&mut tx, now_unix).await?;
    crate::pasar::demo::load_orders(&mut tx, now_unix).await?;
    tx.commit().await?;
    crate::layanan::demo::load_requests(pool, now_unix).await?;
    history::load(pool, now_unix).await?;
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::unix_from_wib;

    #[tokio::test]
    async fn loading_twice_adds_nothing_the_second_time() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("demo.db"))
            .await
            .unwrap();
        let now = unix_from_wib(2026, 11, 27, 12, 0);
        let first = load(&pool, now).await.unwrap();
        assert_eq!(first.villages, VILLAGES.len() as u64);
        assert_eq!(first.products, 60);
        assert_eq!(first.services, (VILLAGES.len() * SERVICES.len()) as u64);
        assert_eq!(first.events, crate::budaya::demo::LISTING_COUNT as u64);
        let second = load(&pool, now + DAY).await.unwrap();
        assert_eq!(second, DemoReport::default());

        let cipher = crate::akun::nik::NikCipher::from_key([1; 32]);
        let accounts = load_accounts(&pool, &cipher, now).await.unwrap();
        assert_eq!(accounts, DEMO_ACCOUNTS.len() as u64);
        assert_eq!(load_accounts(&pool, &cipher, now).await.unwrap(), 0);
        let staff: i64 = crate::on_db!(&pool, |c| sqlx::query_scalar(
            "SELECT COUNT(*) FROM staff_roles"
        )
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(staff, 6);
    }

    #[tokio::test]
    async fn every_kind_of_listing_is_there_and_this_weekend_has_a_batik_class() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("demo.db"))
            .await
            .unwrap();
        for now in [
            unix_from_wib(2026, 11, 27, 12, 0), // Friday
            unix_from_wib(2026, 11, 28, 6, 0),  // Saturday morning
        ] {
            crate::on_db!(&pool, |c| sqlx::query("DELETE FROM event_sessions")
                .execute(c)
                .await
                .map(crate::db::Done::from))
            .unwrap();
            crate::on_db!(&pool, |c| sqlx::query("DELETE FROM events")
                .execute(c)
                .await
                .map(crate::db::Done::from))
            .unwrap();
            load(&pool, now).await.unwrap();
            let kinds: Vec<String> = crate::on_db!(&pool, |c| sqlx::query_scalar(
                "SELECT DISTINCT kind FROM events ORDER BY kind"
            )
            .fetch_all(c)
            .await)
            .unwrap();
            assert_eq!(
                kinds,
                [
                    "festival",
                    "kelas",
                    "kesehatan",
                    "pertunjukan",
                    "program",
                    "tempat"
                ]
            );
            let query = crate::budaya::AgendaQuery {
                when: "akhir-pekan".into(),
                village: "kemiren".into(),
                kind: "kelas".into(),
                ..Default::default()
            };
            let (from, to) = crate::budaya::agenda::period("akhir-pekan", "", "", now).unwrap();
            let weekend = crate::budaya::store::agenda_sessions(&pool, &query, from, to, 20, 0)
                .await
                .unwrap();
            assert!(
                weekend
                    .iter()
                    .any(|s| s.slug == "kelas-batik-gajah-oling" && s.starts_at > now),
                "no batik class this weekend at {now}"
            );
            let upcoming = crate::budaya::store::list_upcoming_events(&pool, "", now, 48)
                .await
                .unwrap();
            assert!(upcoming
                .windows(2)
                .all(|pair| pair[0].starts_at <= pair[1].starts_at));
        }
    }
}
