//! Demo catalogue details: what each demo village's services ask for, their forms, letter templates and
//! visit hours (the balai desa takes visits Monday–Friday mornings; Friday closes earlier for prayers).

/// (name, label id, label en, kind, options, required)
type Field = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
);

struct Details {
    slug: &'static str,
    description_id: &'static str,
    description_en: &'static str,
    requirements_id: &'static str,
    requirements_en: &'static str,
    needs_slot: bool,
    letter_title: &'static str,
    classification: &'static str,
    template: &'static str,
    fields: &'static [Field],
}

const DETAILS: &[Details] = &[
    Details {
        slug: "sktm",
        description_id: "Surat keterangan bahwa keluarga pemohon tergolong tidak mampu, untuk keringanan biaya sekolah, beasiswa atau berobat. Setelah disetujui kepala desa, surat diteruskan ke kecamatan dan ditandatangani camat: Anda tidak perlu datang ke kantor kecamatan.",
        description_en: "A letter stating that the resident's family has a low income, for school fee relief, scholarships or medical costs. After the village head approves it, the village forwards it to the camat for signature: no trip to the kecamatan office.",
        requirements_id: "KTP dan Kartu Keluarga (dibawa saat datang)\nSurat pengantar RT/RW\nFoto rumah tampak depan",
        requirements_en: "ID card and family card (bring them to the visit)\nIntroduction letter from the RT/RW\nPhoto of the front of the house",
        needs_slot: true,
        letter_title: "SURAT KETERANGAN TIDAK MAMPU",
        classification: "470",
        template: "Yang bertanda tangan di bawah ini {jabatan} {desa} menerangkan bahwa {nama}, beralamat di {alamat}, pekerjaan {pekerjaan}, dengan penghasilan keluarga sekitar Rp {penghasilan} per bulan, adalah benar warga {wilayah} {desa} yang tergolong keluarga tidak mampu.\nSurat keterangan ini diberikan untuk keperluan: {keperluan}.\nDemikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.",
        fields: &[
            ("alamat", "Alamat (dusun, RT/RW)", "Address (hamlet, RT/RW)", "text", "", true),
            ("pekerjaan", "Pekerjaan", "Occupation", "text", "", true),
            ("penghasilan", "Penghasilan keluarga per bulan (Rp)", "Family income per month (Rp)", "number", "", true),
            ("keperluan", "Keperluan", "Purpose", "select", "Beasiswa sekolah\nKeringanan biaya berobat\nBantuan sosial\nLainnya", true),
            ("pengantar_rt", "Foto surat pengantar RT/RW", "Photo of the RT/RW introduction letter", "file", "", true),
            ("foto_rumah", "Foto rumah tampak depan", "Photo of the front of the house", "file", "", false),
        ],
    },
    Details {
        slug: "pengantar-pindah",
        description_id: "Pengantar untuk pindah domisili ke luar kecamatan. Ditandatangani kepala desa dan camat.",
        description_en: "Introduction letter for moving out of the sub-district, signed by the village head and the camat.",
        requirements_id: "KTP dan Kartu Keluarga\nAlamat tujuan lengkap",
        requirements_en: "ID card and family card\nFull destination address",
        needs_slot: false,
        letter_title: "SURAT PENGANTAR PINDAH",
        classification: "474",
        template: "{jabatan} {desa} menerangkan bahwa {nama}, beralamat di {alamat}, bermaksud pindah ke {tujuan} dengan alasan {alasan}.\nDemikian surat pengantar ini dibuat untuk dipergunakan sebagaimana mestinya.",
        fields: &[
            ("alamat", "Alamat sekarang", "Current address", "text", "", true),
            ("tujuan", "Alamat tujuan", "Destination address", "text", "", true),
            ("tanggal_pindah", "Tanggal pindah", "Moving date", "date", "", true),
            ("alasan", "Alasan pindah", "Reason", "select", "Pekerjaan\nPendidikan\nKeluarga\nLainnya", true),
            ("kk", "Foto Kartu Keluarga", "Photo of the family card", "file", "", true),
        ],
    },
    Details {
        slug: "domisili",
        description_id: "Keterangan tempat tinggal untuk bank, sekolah atau pekerjaan. Ditandatangani kepala desa.",
        description_en: "Proof of address for banks, schools or employers, signed by the village head.",
        requirements_id: "KTP\nSurat pengantar RT/RW",
        requirements_en: "ID card\nIntroduction letter from the RT/RW",
        needs_slot: false,
        letter_title: "SURAT KETERANGAN DOMISILI",
        classification: "470",
        template: "{jabatan} {desa} menerangkan bahwa {nama} benar bertempat tinggal di {alamat}, {wilayah} {desa}, sejak tahun {sejak}.\nSurat keterangan ini diberikan untuk keperluan: {keperluan}.",
        fields: &[
            ("alamat", "Alamat (dusun, RT/RW)", "Address (hamlet, RT/RW)", "text", "", true),
            ("sejak", "Tinggal sejak tahun", "Living here since (year)", "number", "", true),
            ("keperluan", "Keperluan", "Purpose", "text", "", true),
            ("pengantar_rt", "Foto surat pengantar RT/RW", "Photo of the RT/RW introduction letter", "file", "", true),
        ],
    },
    Details {
        slug: "sku",
        description_id: "Keterangan bahwa pemohon menjalankan usaha di desa, untuk pinjaman KUR atau izin usaha.",
        description_en: "Confirms that the resident runs a business in the village, for KUR loans or permits.",
        requirements_id: "KTP\nFoto tempat usaha",
        requirements_en: "ID card\nPhoto of the business",
        needs_slot: false,
        letter_title: "SURAT KETERANGAN USAHA",
        classification: "503",
        template: "{jabatan} {desa} menerangkan bahwa {nama} benar menjalankan usaha {usaha} di {lokasi} sejak tahun {sejak}.\nSurat keterangan ini diberikan untuk keperluan pengajuan pinjaman atau perizinan usaha.",
        fields: &[
            ("usaha", "Jenis usaha", "Kind of business", "text", "", true),
            ("lokasi", "Lokasi usaha", "Business location", "text", "", true),
            ("sejak", "Berdiri sejak tahun", "Running since (year)", "number", "", true),
            ("foto_usaha", "Foto tempat usaha", "Photo of the business", "file", "", true),
        ],
    },
    Details {
        slug: "pengantar-skck",
        description_id: "Pengantar dari desa untuk membuat SKCK di Polsek/Polres.",
        description_en: "The village's introduction letter for a police clearance certificate (SKCK).",
        requirements_id: "KTP\nKartu Keluarga\nPas foto 4×6 (dibawa ke kepolisian)",
        requirements_en: "ID card\nFamily card\nPassport photo 4×6 (for the police)",
        needs_slot: false,
        letter_title: "SURAT PENGANTAR SKCK",
        classification: "331",
        template: "{jabatan} {desa} menerangkan bahwa {nama}, beralamat di {alamat}, adalah warga {wilayah} {desa} yang berkelakuan baik dan tidak pernah tersangkut perkara pidana sepanjang pengetahuan kami.\nSurat pengantar ini diberikan untuk keperluan: {keperluan}.",
        fields: &[
            ("alamat", "Alamat", "Address", "text", "", true),
            ("keperluan", "Keperluan SKCK", "Purpose of the SKCK", "text", "", true),
        ],
    },
    Details {
        slug: "usulan-dtks",
        description_id: "Untuk keluarga miskin atau rentan yang belum masuk Data Terpadu Kesejahteraan Sosial (DTKS), syarat menerima PKH, BPNT/Sembako dan PBI-JK. Operator memeriksa, usulan dibahas di musyawarah desa, lalu desa meneruskannya ke Dinas Sosial.",
        description_en: "For poor or vulnerable families not yet in the social welfare register (DTKS), which PKH, BPNT/Sembako and PBI-JK draw on. The operator checks it, the village meeting discusses it, then the village forwards it to the social affairs office.",
        requirements_id: "KTP dan Kartu Keluarga (dibawa saat diverifikasi)\nFoto rumah tampak depan",
        requirements_en: "ID card and family card (shown at the check)\nPhoto of the front of the house",
        needs_slot: false,
        letter_title: "SURAT PENGANTAR USULAN DTKS",
        classification: "460",
        template: "{jabatan} {desa} menerangkan bahwa keluarga {nama}, beralamat di {alamat}, dengan {anggota} anggota keluarga dan penghasilan sekitar Rp {penghasilan} per bulan, diusulkan masuk Data Terpadu Kesejahteraan Sosial (DTKS) sesuai hasil musyawarah desa.\nDemikian surat pengantar ini dibuat untuk diteruskan kepada Dinas Sosial.",
        fields: &[
            ("alamat", "Alamat (dusun, RT/RW)", "Address (hamlet, RT/RW)", "text", "", true),
            ("anggota", "Jumlah anggota keluarga", "Family members", "number", "", true),
            ("penghasilan", "Penghasilan keluarga per bulan (Rp)", "Family income per month (Rp)", "number", "", true),
            ("rumah", "Kondisi rumah", "State of the house", "select", "Lantai tanah\nDinding bambu atau kayu\nTanpa jamban sendiri\nLayak", true),
            ("foto_rumah", "Foto rumah tampak depan", "Photo of the front of the house", "file", "", false),
        ],
    },
    Details {
        slug: "sanggahan-bansos",
        description_id: "Sampaikan bila keluarga Anda layak tetapi tidak menerima bantuan, data Anda salah, atau ada penerima yang menurut Anda tidak layak. Sanggahan hanya dilihat Anda dan perangkat desa, dan dibahas di musyawarah desa berikutnya.",
        description_en: "Tell the village if your family is eligible but receives nothing, your data is wrong, or a recipient seems not eligible. Only you and the village staff see it; the next village meeting discusses it.",
        requirements_id: "Tidak ada dokumen wajib",
        requirements_en: "No documents required",
        needs_slot: false,
        letter_title: "TANDA TERIMA SANGGAHAN BANTUAN SOSIAL",
        classification: "460",
        template: "{jabatan} {desa} telah menerima sanggahan dari {nama} tentang program {program} ({jenis}).\nSanggahan ini dibahas dalam musyawarah desa berikutnya dan hasilnya disampaikan kepada pemohon.",
        fields: &[
            ("program", "Program", "Programme", "select", "PKH\nBPNT/Sembako\nBLT Dana Desa\nPBI-JK", true),
            ("jenis", "Sanggahan", "Objection", "select", "Layak tetapi tidak menerima\nData saya salah\nPenerima yang tidak layak", true),
            ("uraian", "Uraian singkat", "Short description", "text", "", true),
        ],
    },
    Details {
        slug: "permohonan-informasi-publik",
        description_id: "Setiap orang berhak meminta informasi publik desa: APBDes dan realisasinya, Perdes, daftar aset, hasil musyawarah. PPID desa wajib menjawab secara tertulis paling lambat 10 hari kerja, dapat diperpanjang 7 hari kerja (UU 14/2008 Pasal 22). Batas waktunya tampil di halaman permohonan Anda.",
        description_en: "Anyone may ask for the village's public information: the budget and its spending, regulations, the asset list, meeting results. The village information officer (PPID) must answer in writing within 10 working days, extendable by 7 (UU 14/2008 article 22). The deadline is shown on your request's page.",
        requirements_id: "Tidak ada dokumen wajib",
        requirements_en: "No documents required",
        needs_slot: false,
        letter_title: "PEMBERITAHUAN TERTULIS ATAS PERMOHONAN INFORMASI PUBLIK",
        classification: "045",
        template: "{jabatan} {desa} selaku Pejabat Pengelola Informasi dan Dokumentasi (PPID) Desa memberitahukan bahwa permohonan informasi publik dari {nama} tentang: {informasi}, untuk tujuan {tujuan}, dipenuhi dengan cara: {cara}.\nPemberitahuan ini dibuat berdasarkan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.",
        fields: &[
            ("informasi", "Informasi yang diminta", "Information requested", "text", "", true),
            ("tujuan", "Tujuan penggunaan", "What it is for", "text", "", true),
            ("cara", "Cara memperoleh", "How to receive it", "select", "Membaca di balai desa\nSalinan cetak\nSalinan elektronik (PDF)", true),
        ],
    },
    Details {
        slug: "konsultasi-adminduk",
        description_id: "Janji temu dengan operator desa untuk urusan KTP, KK, akta dan pindah datang.",
        description_en: "An appointment with the village operator about ID cards, family cards, certificates and moves.",
        requirements_id: "Bawa dokumen yang ingin dikonsultasikan",
        requirements_en: "Bring the documents you want to discuss",
        needs_slot: true,
        letter_title: "",
        classification: "470",
        template: "",
        fields: &[("topik", "Topik konsultasi", "Topic", "select", "KTP\nKartu Keluarga\nAkta kelahiran\nPindah datang\nLainnya", true)],
    },
];

/// Fills in every demo village's services with their details, forms and visit hours (idempotent).
pub async fn load_details(tx: &mut crate::db::Tx) -> Result<(), sqlx::Error> {
    // UU 14/2008 article 22(7): a written answer within ten working days.
    crate::on_db!(&mut *tx, |c| {
        sqlx::query(
        "UPDATE services SET legal_deadline_workdays = 10 WHERE slug = 'permohonan-informasi-publik'"
    )
    .execute(c)
    .await
    .map(crate::db::Done::from)
    })?;
    for details in DETAILS {
        crate::on_db!(&mut *tx, |c| {
            sqlx::query(
            "UPDATE services SET description_id = $2, description_en = $3, requirements_id = $4,
                    requirements_en = $5, needs_slot = $6, letter_title = $7, classification_code = $8,
                    letter_template = $9
             WHERE slug = $1",
        )
        .bind(details.slug)
        .bind(details.description_id)
        .bind(details.description_en)
        .bind(details.requirements_id)
        .bind(details.requirements_en)
        .bind(details.needs_slot)
        .bind(details.letter_title)
        .bind(details.classification)
        .bind(details.template)
        .execute(c).await.map(crate::db::Done::from)
        })?;
        for (position, (name, label_id, label_en, kind, options, required)) in
            details.fields.iter().enumerate()
        {
            crate::on_db!(&mut *tx, |c| {
                sqlx::query(
                "INSERT INTO service_fields (service_id, position, name, label_id, label_en, kind, options, required)
                 SELECT id, $2, $3, $4, $5, $6, $7, $8 FROM services WHERE slug = $1
                 ON CONFLICT (service_id, name) DO NOTHING",
            )
            .bind(details.slug)
            .bind(position as i64)
            .bind(name)
            .bind(label_id)
            .bind(label_en)
            .bind(kind)
            .bind(options)
            .bind(required)
            .execute(c).await.map(crate::db::Done::from)
            })?;
        }
        if details.needs_slot {
            for weekday in 1..=5i64 {
                let closes = if weekday == 5 { 11 * 60 } else { 12 * 60 };
                crate::on_db!(&mut *tx, |c| sqlx::query(
                    "INSERT INTO service_hours (service_id, weekday, opens, closes)
                     SELECT id, $2, $3, $4 FROM services WHERE slug = $1
                     ON CONFLICT (service_id, weekday, opens) DO NOTHING",
                )
                .bind(details.slug)
                .bind(weekday)
                .bind(8 * 60i64)
                .bind(closes)
                .execute(c)
                .await
                .map(crate::db::Done::from))?;
            }
        }
    }
    Ok(())
}

/// The demo's requests and complaints, walked through the real request flow so every inbox has something
/// in it: Siti's SKTM, signed by the camat and ready to download; Budi's domicile letter waiting for the
/// operator; Budi's complaint about a blocked ditch. Skipped when Siti already has a request.
pub async fn load_requests(pool: &crate::db::Db, now: i64) -> Result<(), sqlx::Error> {
    use super::request_flow::{RequestRole, RequestStatus};
    use super::store::{self, LetterIssue, MoveError, SubmitRefused};
    let account = |phone: &'static str| async move {
        crate::on_db!(pool, |c| sqlx::query_scalar::<_, i64>(
            "SELECT id FROM accounts WHERE phone = $1"
        )
        .bind(phone)
        .fetch_one(c)
        .await)
    };
    let (siti, budi, dewi, slamet, yusuf) = (
        account("+6281230000001").await?,
        account("+6281230000002").await?,
        account("+6281230000004").await?,
        account("+6281230000006").await?,
        account("+6281230000008").await?,
    );
    let existing: i64 = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM service_requests WHERE account_id = $1"
    )
    .bind(siti)
    .fetch_one(c)
    .await)?;
    if existing > 0 {
        return Ok(());
    }
    let refused = |error: SubmitRefused| match error {
        SubmitRefused::Database(error) => error,
        other => sqlx::Error::Protocol(format!("demo request refused: {other:?}")),
    };
    let answers = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect()
    };
    const DAY: i64 = 86_400;

    let sktm = store::find_service(pool, "kemiren", "sktm")
        .await?
        .ok_or_else(|| sqlx::Error::Protocol("demo service sktm missing".into()))?;
    store::submit_request(
        pool,
        siti,
        &sktm,
        &answers(&[
            ("alamat", "Dusun Krajan RT 01 RW 02"),
            ("pekerjaan", "Petani kopi"),
            ("penghasilan", "750000"),
            ("keperluan", "Beasiswa sekolah"),
        ]),
        None,
        "SKTMDEMA",
        now - 6 * DAY,
    )
    .await
    .map_err(refused)?;
    // The RT/RW letter Siti photographed: a private document the operator checks before approval.
    // Its row is written here; `load_photos` writes its files (the demo step has the photo store).
    let document =
        rt_letter_photo().map_err(|_| sqlx::Error::Protocol("demo document photo".into()))?;
    let widths: Vec<u32> = document
        .variants
        .iter()
        .map(|(width, _, _)| *width)
        .collect();
    crate::media::store::record(
        pool,
        &document.key,
        &widths,
        Some(siti),
        true,
        now - 6 * DAY,
    )
    .await?;
    crate::on_db!(pool, |c| sqlx::query(
        "INSERT INTO request_documents (request_id, field, photo_id)
         SELECT r.id, 'pengantar_rt', p.id FROM service_requests r, photos p
         WHERE r.code = 'SKTMDEMA' AND p.key = $1",
    )
    .bind(&document.key)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    let year = crate::kernel::dates::CivilDate::of_unix_wib(now).year as i32;
    let steps = [
        (dewi, RequestRole::Operator, RequestStatus::Diperiksa, 5),
        (slamet, RequestRole::Kades, RequestStatus::DisetujuiKades, 4),
        (
            dewi,
            RequestRole::Operator,
            RequestStatus::DiteruskanKecamatan,
            4,
        ),
        (
            yusuf,
            RequestRole::Camat,
            RequestStatus::DitandatanganiCamat,
            3,
        ),
        (dewi, RequestRole::Operator, RequestStatus::Siap, 2),
    ];
    for (actor, role, to, days_ago) in steps {
        store::move_request(
            pool,
            "SKTMDEMA",
            actor,
            &[role],
            to,
            "",
            &[],
            &LetterIssue {
                verification_code: "SKTMVERFY234".into(),
                year,
            },
            now - days_ago * DAY,
        )
        .await
        .map_err(|error| match error {
            MoveError::Database(error) => error,
            other => sqlx::Error::Protocol(format!("demo move refused: {other:?}")),
        })?;
    }

    let domisili = store::find_service(pool, "kemiren", "domisili")
        .await?
        .ok_or_else(|| sqlx::Error::Protocol("demo service domisili missing".into()))?;
    store::submit_request(
        pool,
        budi,
        &domisili,
        &answers(&[
            ("alamat", "Dusun Sukosari RT 03 RW 01"),
            ("sejak", "1998"),
            ("keperluan", "Membuka rekening bank"),
        ]),
        None,
        "DMSLBUDA",
        now - DAY,
    )
    .await
    .map_err(refused)?;

    let kemiren: i64 = crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT id FROM villages WHERE slug = 'kemiren'"
    )
    .fetch_one(c)
    .await)?;
    super::store::complaints::insert_complaint(
        pool,
        &super::store::complaints::NewComplaint {
            code: "ADUBUDA2",
            village_id: kemiren,
            account_id: budi,
            category: super::ComplaintCategory::Kebersihan,
            body: "Saluran irigasi di Dusun Sukosari tersumbat sampah plastik; kalau hujan air meluap ke jalan.",
            location: "Saluran dekat jembatan Sukosari",
        },
        now - 2 * DAY,
    )
    .await
}

/// The photo of Siti's RT/RW letter, processed as every document upload is.
fn rt_letter_photo(
) -> Result<crate::media::process::ProcessedPhoto, crate::media::process::PhotoError> {
    crate::media::process::process_document(&crate::media::demo::paper_picture(600, 840))
}

/// Writes the files of the demo's document photos (their rows come with the requests).
pub async fn load_photos(
    store: &dyn crate::media::storage::PhotoStore,
) -> Result<u64, crate::error::AppError> {
    let document = tokio::task::spawn_blocking(rt_letter_photo)
        .await
        .map_err(|_| crate::error::AppError::Internal)?
        .map_err(|_| crate::error::AppError::Internal)?;
    let mut written = 0;
    for (width, _, bytes) in document.variants {
        store
            .put(&format!("{}-{width}.webp", document.key), bytes)
            .await
            .map_err(|error| {
                tracing::error!(%error, "writing a demo document photo");
                crate::error::AppError::Internal
            })?;
        written += 1;
    }
    Ok(written)
}
