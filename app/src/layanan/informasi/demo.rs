//! Demo village information, so each demo village stands somewhere different: Kemiren keeps its
//! regulations, PPID list and social-aid page current; Olehsari wrote its page and one regulation
//! months ago; the other villages have not started. Run after the demo accounts exist. Idempotent.

use crate::db::Db;
use crate::kernel::official_pdf::{render, LetterContent};
use crate::media::storage::PhotoStore;

const DAY: i64 = 86_400;

struct DemoDocument {
    village: &'static str,
    kind: &'static str,
    number: &'static str,
    year: i64,
    title_id: &'static str,
    title_en: &'static str,
    /// Days before now it was published.
    age_days: i64,
}

const DOCUMENTS: &[DemoDocument] = &[
    DemoDocument {
        village: "kemiren",
        kind: "perdes",
        number: "1",
        year: 2025,
        title_id: "Anggaran Pendapatan dan Belanja Desa Tahun Anggaran 2025",
        title_en: "Village budget for the 2025 fiscal year",
        age_days: 330,
    },
    DemoDocument {
        village: "kemiren",
        kind: "perdes",
        number: "4",
        year: 2025,
        title_id: "Perubahan Anggaran Pendapatan dan Belanja Desa Tahun Anggaran 2025",
        title_en: "Amended village budget for the 2025 fiscal year",
        age_days: 120,
    },
    DemoDocument {
        village: "kemiren",
        kind: "perdes",
        number: "2",
        year: 2026,
        title_id: "Pelestarian Adat Osing dan Rumah Adat Kemiren",
        title_en: "Preserving Osing custom and Kemiren's traditional houses",
        age_days: 60,
    },
    DemoDocument {
        village: "kemiren",
        kind: "perkades",
        number: "3",
        year: 2026,
        title_id: "Tata Cara Pelayanan Surat Secara Daring",
        title_en: "How the village handles letter requests online",
        age_days: 40,
    },
    DemoDocument {
        village: "kemiren",
        kind: "kepkades",
        number: "12",
        year: 2026,
        title_id: "Pembentukan Tim Pelaksana Smart Kampung Desa Kemiren",
        title_en: "Forming Kemiren's Smart Kampung team",
        age_days: 12,
    },
    DemoDocument {
        village: "olehsari",
        kind: "perdes",
        number: "1",
        year: 2025,
        title_id: "Anggaran Pendapatan dan Belanja Desa Tahun Anggaran 2025",
        title_en: "Village budget for the 2025 fiscal year",
        age_days: 300,
    },
];

/// (village, category, title id, title en, body id, body en)
const INFORMATION: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("kemiren", "berkala", "APBDes 2026 dan realisasinya", "The 2026 village budget and its spending",
     "Ringkasan APBDes ditempel di papan informasi balai desa dan diperbarui setiap semester. Dokumen lengkap: Perdes APBDes di daftar produk hukum.",
     "A summary of the budget is posted on the village office's notice board and updated every six months. The full text: the budget Perdes in the list of regulations."),
    ("kemiren", "berkala", "Laporan penyelenggaraan pemerintahan desa", "Report on the village government's work",
     "Laporan tahunan kepala desa kepada BPD dan warga, dibacakan di musyawarah desa setiap Januari.",
     "The village head's yearly report to the BPD and residents, read at the village meeting every January."),
    ("kemiren", "serta_merta", "Peringatan dini banjir lahar dingin", "Early warning of cold lava floods",
     "Saat hujan lebat di lereng Ijen, warga di sempadan sungai diminta mengungsi ke balai desa. Sirene dibunyikan tiga kali.",
     "When heavy rain falls on Ijen's slopes, residents by the river move to the village office. The siren sounds three times."),
    ("kemiren", "setiap_saat", "Daftar aset desa", "List of village assets",
     "Daftar tanah kas desa, bangunan dan kendaraan desa dapat dilihat di kantor desa pada jam kerja atau diminta lewat permohonan informasi publik.",
     "The list of village land, buildings and vehicles can be seen at the village office in working hours or asked for with a public information request."),
];

/// (village, programme, who id/en, schedule id/en, how id/en, age in days, counts per year)
struct DemoProgramme {
    village: &'static str,
    programme: &'static str,
    who: (&'static str, &'static str),
    schedule: (&'static str, &'static str),
    how: (&'static str, &'static str),
    age_days: i64,
    counts: &'static [(i64, i64)],
}

const HOW_DTKS: (&str, &str) = (
    "Keluarga yang belum terdaftar mengajukan \"Usulan masuk DTKS\" lewat layanan desa; usulan dibahas di musyawarah desa lalu dikirim ke Dinas Sosial.",
    "A family not yet listed files \"Propose a household for the DTKS list\" through the village services; the village meeting discusses it and sends it to the social affairs office.",
);

const PROGRAMMES: &[DemoProgramme] = &[
    DemoProgramme {
        village: "kemiren",
        programme: "pkh",
        who: ("Keluarga miskin di DTKS yang punya ibu hamil, anak balita, anak sekolah, lansia atau penyandang disabilitas berat.",
              "Poor families on the DTKS list with a pregnant mother, a child under five, a school child, an elderly person or a person with a severe disability."),
        schedule: ("Empat tahap setahun (Januari, April, Juli, Oktober), lewat rekening bank Himbara.",
                   "Four rounds a year (January, April, July, October), paid into a state bank account."),
        how: HOW_DTKS,
        age_days: 20,
        counts: &[(2026, 84), (2025, 91)],
    },
    DemoProgramme {
        village: "kemiren",
        programme: "bpnt",
        who: ("Keluarga miskin di DTKS; satu kartu per keluarga.",
              "Poor families on the DTKS list; one card per family."),
        schedule: ("Setiap dua bulan, diambil di e-warong atau kantor pos.",
                   "Every two months, collected at an e-warong shop or the post office."),
        how: HOW_DTKS,
        age_days: 20,
        counts: &[(2026, 132), (2025, 140)],
    },
    DemoProgramme {
        village: "kemiren",
        programme: "blt_dd",
        who: ("Keluarga miskin yang tidak menerima PKH atau BPNT, ditetapkan musyawarah desa khusus.",
              "Poor families who receive neither PKH nor BPNT, chosen by a special village meeting."),
        schedule: ("Rp 300.000 per bulan, dibagikan di balai desa setiap tiga bulan.",
                   "IDR 300,000 a month, handed out at the village office every three months."),
        how: ("Usulkan lewat ketua RT; daftar calon penerima diumumkan di papan informasi tujuh hari sebelum ditetapkan.",
              "Propose through the RT head; the list of candidates is posted on the notice board seven days before it is decided."),
        age_days: 35,
        counts: &[(2026, 26), (2025, 30)],
    },
    DemoProgramme {
        village: "kemiren",
        programme: "pbi_jk",
        who: ("Warga miskin dan tidak mampu di DTKS: iuran BPJS Kesehatan dibayar negara.",
              "Poor residents on the DTKS list: the state pays their BPJS health insurance."),
        schedule: ("Berlaku sepanjang tahun; kartu KIS dibagikan lewat desa.",
                   "Valid all year; the KIS card is handed out through the village."),
        how: HOW_DTKS,
        age_days: 35,
        counts: &[(2026, 410), (2025, 402)],
    },
    DemoProgramme {
        village: "olehsari",
        programme: "pkh",
        who: ("Keluarga miskin di DTKS dengan ibu hamil, balita, anak sekolah atau lansia.",
              "Poor families on the DTKS list with a pregnant mother, a child under five, a school child or an elderly person."),
        schedule: ("Empat tahap setahun lewat bank.", "Four rounds a year through the bank."),
        how: HOW_DTKS,
        age_days: 160,
        counts: &[(2025, 77)],
    },
];

/// (phone, programme, since year): Siti's household receives PKH and PBI-JK.
const MEMBERSHIPS: &[(&str, &str, i64)] = &[
    ("+6281230000001", "pkh", 2024),
    ("+6281230000001", "pbi_jk", 2023),
];

/// A demo regulation's PDF: a real one-page document drawn like the village's letters.
fn document_pdf(document: &DemoDocument, village_name: &str) -> Vec<u8> {
    let kind = super::LegalKind::from_code(document.kind).unwrap_or(super::LegalKind::Perdes);
    render(&LetterContent {
        letterhead: crate::kernel::official_pdf::village_letterhead("Glagah", village_name, "desa"),
        office_address: format!("Balai Desa {village_name}"),
        title: document.title_id.to_uppercase(),
        number: super::citation(kind, document.number, document.year),
        paragraphs: vec![
            "Dengan rahmat Tuhan Yang Maha Esa, Kepala Desa menimbang bahwa ketentuan ini perlu ditetapkan untuk kepentingan warga desa.".into(),
            "Mengingat Undang-Undang Nomor 6 Tahun 2014 tentang Desa dan Peraturan Menteri Dalam Negeri Nomor 111 Tahun 2014 tentang Pedoman Teknis Peraturan di Desa.".into(),
            "Contoh dokumen untuk data demo Smart Kampung.".into(),
        ],
        details: Vec::new(),
        place_and_date: format!("{village_name}, {}", document.year),
        signer: (format!("Kepala Desa {village_name}"), "Slamet Riyadi".into()),
        camat: None,
        verification_url: format!("https://kampung.example/desa/{}/hukum", document.village),
    })
}

/// Loads the demo information; returns how many regulations were added.
pub async fn load(
    pool: &Db,
    store: &dyn PhotoStore,
    now: i64,
) -> Result<u64, crate::error::AppError> {
    let internal = |error: std::io::Error| {
        tracing::error!(%error, "writing a demo regulation");
        crate::error::AppError::Internal
    };
    let mut added = 0;
    let mut ids = std::collections::HashMap::new();
    for document in DOCUMENTS {
        let Some((village_id, _)) = crate::akun::store::village_ref(pool, document.village).await?
        else {
            continue;
        };
        let village_name = crate::akun::store::village_name(pool, village_id).await?;
        let pdf = document_pdf(document, &village_name);
        let key = super::files::file_key(&pdf);
        let size = pdf.len() as i64;
        store.put(&key, pdf).await.map_err(internal)?;
        let at = now - document.age_days * DAY;
        let inserted: Option<i64> = crate::on_db!(pool, |c| {
            sqlx::query_scalar(
            "INSERT INTO legal_documents (village_id, kind, number, year, title_id, title_en, file_key, file_bytes,
                                          created_by, created_at, updated_at)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, a.id, $9, $9 FROM accounts a WHERE a.phone = '+6281230000004'
             ON CONFLICT (village_id, kind, year, number) DO NOTHING RETURNING id"
        )
        .bind(village_id)
        .bind(document.kind)
        .bind(document.number)
        .bind(document.year)
        .bind(document.title_id)
        .bind(document.title_en)
        .bind(&key)
        .bind(size)
        .bind(at)
        .fetch_optional(c)
        .await
        })?;
        if let Some(id) = inserted {
            added += 1;
            ids.insert(
                (
                    document.village,
                    document.kind,
                    document.number,
                    document.year,
                ),
                id,
            );
        }
    }
    // The 2025 budget was amended by Perdes 4/2025.
    if let (Some(old), Some(new)) = (
        ids.get(&("kemiren", "perdes", "1", 2025)),
        ids.get(&("kemiren", "perdes", "4", 2025)),
    ) {
        crate::on_db!(pool, |c| sqlx::query(
            "UPDATE legal_documents SET status = 'diubah', changed_by_id = $2 WHERE id = $1"
        )
        .bind(*old)
        .bind(*new)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
    }
    for (village, category, title_id, title_en, body_id, body_en) in INFORMATION {
        crate::on_db!(pool, |c| {
            sqlx::query(
            "INSERT INTO public_information (village_id, category, title_id, title_en, body_id, body_en, updated_at)
             SELECT v.id, $2, $3, $4, $5, $6, $7 FROM villages v WHERE v.slug = $1
               AND NOT EXISTS (SELECT 1 FROM public_information p WHERE p.village_id = v.id AND p.title_id = $3)"
        )
        .bind(village)
        .bind(category)
        .bind(title_id)
        .bind(title_en)
        .bind(body_id)
        .bind(body_en)
        .bind(now - 30 * DAY)
        .execute(c)
        .await
        .map(crate::db::Done::from)
        })?;
    }
    for programme in PROGRAMMES {
        crate::on_db!(pool, |c| {
            sqlx::query(
            "INSERT INTO bansos_programmes (village_id, programme, who_id, who_en, schedule_id, schedule_en,
                                            how_id, how_en, updated_at)
             SELECT id, $2, $3, $4, $5, $6, $7, $8, $9 FROM villages WHERE slug = $1
             ON CONFLICT (village_id, programme) DO NOTHING"
        )
        .bind(programme.village)
        .bind(programme.programme)
        .bind(programme.who.0)
        .bind(programme.who.1)
        .bind(programme.schedule.0)
        .bind(programme.schedule.1)
        .bind(programme.how.0)
        .bind(programme.how.1)
        .bind(now - programme.age_days * DAY)
        .execute(c)
        .await
        .map(crate::db::Done::from)
        })?;
        for (year, recipients) in programme.counts {
            crate::on_db!(pool, |c| sqlx::query(
                "INSERT INTO bansos_recipient_counts (village_id, programme, year, recipients)
                 SELECT id, $2, $3, $4 FROM villages WHERE slug = $1
                 ON CONFLICT (village_id, programme, year) DO NOTHING"
            )
            .bind(programme.village)
            .bind(programme.programme)
            .bind(year)
            .bind(recipients)
            .execute(c)
            .await
            .map(crate::db::Done::from))?;
        }
    }
    for (phone, programme, since_year) in MEMBERSHIPS {
        crate::on_db!(pool, |c| {
            sqlx::query(
            "INSERT INTO bansos_memberships (account_id, programme, village_id, since_year, recorded_by, recorded_at)
             SELECT a.id, $2, a.home_village_id, $3, s.id, $4 FROM accounts a
             JOIN accounts s ON s.phone = '+6281230000004'
             WHERE a.phone = $1 AND a.home_village_id IS NOT NULL
             ON CONFLICT (account_id, programme) DO NOTHING"
        )
        .bind(phone)
        .bind(programme)
        .bind(since_year)
        .bind(now - 90 * DAY)
        .execute(c)
        .await
        .map(crate::db::Done::from)
        })?;
    }
    Ok(added)
}
