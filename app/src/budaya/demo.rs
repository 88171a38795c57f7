//! Budaya demo data: real Banyuwangi festivals, rituals and places by name (dates and sessions invented,
//! placed around "this weekend" of the day the demo is loaded), every kind of listing, a class run by a
//! Pasar seller, a waiting list and a ticket. Coordinates are approximate village centres.

use super::recurrence::{expand, Cadence, SessionPlan};
use crate::kernel::dates::CivilDate;

/// A run of sessions: `weeks` weekly repeats starting `day` days after this weekend's Saturday, from
/// `start` to `end` (hours, minutes) WIB, ending `span_days` later (festivals), skipping week `skip`.
/// With `monthly`, `weeks` counts months instead: the same weekday of the same week of each month.
struct Series {
    day: i64,
    start: (u32, u32),
    end: (u32, u32),
    span_days: i64,
    weeks: i64,
    skip: Option<i64>,
    monthly: bool,
}

const fn once(day: i64, start: (u32, u32), end: (u32, u32)) -> Series {
    Series {
        day,
        start,
        end,
        span_days: 0,
        weeks: 1,
        skip: None,
        monthly: false,
    }
}

const fn weekly(day: i64, start: (u32, u32), end: (u32, u32), weeks: i64) -> Series {
    Series {
        day,
        start,
        end,
        span_days: 0,
        weeks,
        skip: None,
        monthly: false,
    }
}

/// A posyandu's rhythm: about `months` sessions, each on the weekday and week of the month of the first.
const fn monthly(day: i64, start: (u32, u32), end: (u32, u32), months: i64) -> Series {
    Series {
        day,
        start,
        end,
        span_days: 0,
        weeks: months,
        skip: None,
        monthly: true,
    }
}

struct DemoListing {
    slug: &'static str,
    village: &'static str,
    kind: &'static str,
    title_id: &'static str,
    title_en: Option<&'static str>,
    summary_id: &'static str,
    summary_en: Option<&'static str>,
    description_id: &'static str,
    description_en: Option<&'static str>,
    tags: &'static str,
    venue: &'static str,
    address: &'static str,
    coordinates: (f64, f64),
    accessibility: Option<(&'static str, &'static str)>,
    opening_hours: Option<(&'static str, &'static str)>,
    organiser: &'static str,
    shop: Option<&'static str>,
    price_rupiah: i64,
    capacity: Option<i64>,
    series: &'static [Series],
}

const LISTINGS: &[DemoListing] = &[
    DemoListing {
        slug: "kelas-batik-gajah-oling", village: "kemiren", kind: "kelas",
        title_id: "Kelas membatik Gajah Oling", title_en: Some("Gajah Oling batik class"),
        summary_id: "Tiga jam belajar mencanting motif Gajah Oling bersama perajin Kemiren. Kain dibawa pulang.",
        summary_en: Some("Three hours drawing the Gajah Oling motif with Kemiren's batik makers. Take your cloth home."),
        description_id: "Gajah Oling adalah motif batik khas Banyuwangi. Anda belajar menggambar pola, mencanting dengan malam panas, dan mewarnai.\nSemua bahan disediakan. Cocok untuk pemula dan anak mulai 10 tahun.",
        description_en: Some("Gajah Oling is Banyuwangi's signature batik motif. You learn to draw the pattern, apply hot wax with a canting, and dye.\nAll materials provided. Good for beginners and children from 10."),
        tags: ",batik,kerajinan,keluarga,", venue: "Sanggar Batik Sekar Osing", address: "Dusun Krajan, Kemiren",
        coordinates: (-8.2149, 114.3306),
        accessibility: Some(("Di lantai dasar, jalan masuk tanpa tangga; duduk di kursi atau lesehan.", "Ground floor with step-free entrance; chairs or floor seating.")),
        opening_hours: None, organiser: "Batik Sekar Osing (Sulastri)", shop: Some("batik-sekar-osing"),
        price_rupiah: 150_000, capacity: Some(8),
        series: &[
            Series { day: 0, start: (9, 0), end: (12, 0), span_days: 0, weeks: 8, skip: Some(2), monthly: false },
            weekly(1, (14, 0), (17, 0), 8),
        ],
    },
    DemoListing {
        slug: "kelas-sangrai-kopi", village: "gombengsari", kind: "kelas",
        title_id: "Kelas sangrai kopi di kebun", title_en: Some("Coffee roasting class in the garden"),
        summary_id: "Petik, jemur dan sangrai kopi bersama petani Gombengsari.",
        summary_en: Some("Pick, dry and roast coffee with Gombengsari's farmers."),
        description_id: "Kampung kopi di lereng Ijen. Sangrai di wajan tanah liat, tumbuk, lalu seduh kopi Anda sendiri.",
        description_en: Some("A coffee village on the slopes of Ijen. Roast in a clay pan, pound, and brew your own coffee."),
        tags: ",kopi,kuliner,alam,", venue: "Kebun Kopi Lereng Ijen", address: "Dusun Lerek, Gombengsari, Kalipuro",
        coordinates: (-8.1420, 114.3320),
        accessibility: Some(("Jalan kebun menanjak dan tidak rata.", "Garden paths are steep and uneven.")),
        opening_hours: None, organiser: "Kelompok Tani Kopi Gombengsari", shop: Some("kopi-lereng-ijen"),
        price_rupiah: 100_000, capacity: Some(2),
        series: &[weekly(1, (8, 0), (12, 0), 6)],
    },
    DemoListing {
        slug: "kelas-tari-gandrung-anak", village: "kampung-anyar", kind: "kelas",
        title_id: "Latihan tari Gandrung untuk anak", title_en: Some("Gandrung dance practice for children"),
        summary_id: "Latihan mingguan tari Gandrung bagi anak 7–14 tahun. Gratis.",
        summary_en: Some("Weekly Gandrung dance practice for children aged 7–14. Free."),
        description_id: "Dilatih penari senior sanggar. Anak membawa selendang sendiri bila ada.",
        description_en: None,
        tags: ",tari,gandrung,anak,", venue: "Pendopo Kampung Anyar", address: "Jl. Raya Kampung Anyar",
        coordinates: (-8.1900, 114.3350), accessibility: None, opening_hours: None,
        organiser: "Sanggar Tari Kampung Anyar", shop: None, price_rupiah: 0, capacity: Some(15),
        series: &[weekly(4, (15, 30), (17, 0), 8)],
    },
    DemoListing {
        slug: "gandrung-malam-minggu", village: "kampung-anyar", kind: "pertunjukan",
        title_id: "Pentas tari Gandrung malam Minggu", title_en: Some("Saturday night Gandrung dance"),
        summary_id: "Penari muda sanggar Kampung Anyar membawakan Gandrung, tarian khas Banyuwangi.",
        summary_en: Some("Young dancers of Kampung Anyar perform Gandrung, Banyuwangi's emblematic dance."),
        description_id: "Pertunjukan terbuka di pendopo desa, diiringi gamelan Banyuwangen.",
        description_en: Some("An open-air performance at the village pendopo with Banyuwangi gamelan."),
        tags: ",tari,gandrung,musik,", venue: "Pendopo Kampung Anyar", address: "Jl. Raya Kampung Anyar",
        coordinates: (-8.1900, 114.3350), accessibility: None, opening_hours: None,
        organiser: "Sanggar Tari Kampung Anyar", shop: None, price_rupiah: 0, capacity: None,
        series: &[weekly(0, (19, 30), (21, 30), 4)],
    },
    DemoListing {
        slug: "sendratari-taman-gandrung-terakota", village: "tamansari", kind: "pertunjukan",
        title_id: "Sendratari di Taman Gandrung Terakota", title_en: Some("Dance drama at Taman Gandrung Terakota"),
        summary_id: "Sendratari Meras Gandrung di antara ratusan patung penari terakota, menjelang senja.",
        summary_en: Some("The Meras Gandrung dance drama among hundreds of terracotta dancers, towards sunset."),
        description_id: "Amfiteater terbuka di kaki Gunung Ijen. Datang 30 menit lebih awal.",
        description_en: Some("An open-air amphitheatre at the foot of Mount Ijen. Arrive 30 minutes early."),
        tags: ",tari,gandrung,seni,", venue: "Taman Gandrung Terakota", address: "Jiwa Jawa Resort, Tamansari, Licin",
        coordinates: (-8.1470, 114.2300),
        accessibility: Some(("Tempat duduk berundak; tersedia area kursi roda di depan.", "Stepped seating; wheelchair area at the front.")),
        opening_hours: None, organiser: "Taman Gandrung Terakota", shop: None, price_rupiah: 50_000, capacity: Some(60),
        series: &[weekly(0, (16, 0), (17, 30), 4)],
    },
    DemoListing {
        slug: "festival-ngopi-sepuluh-ewu", village: "kemiren", kind: "festival",
        title_id: "Festival Ngopi Sepuluh Ewu", title_en: Some("Ngopi Sepuluh Ewu coffee festival"),
        summary_id: "Sepanjang jalan desa, warga menyuguhkan kopi gratis untuk tamu — sepuluh ribu cangkir.",
        summary_en: Some("Along the village road, residents serve free coffee to guests — ten thousand cups."),
        description_id: "Setiap rumah di Kemiren membuka teras dan menyuguhkan kopi dalam cangkir pusaka keluarga.",
        description_en: Some("Every house in Kemiren opens its terrace and serves coffee in the family's heirloom cups."),
        tags: ",kopi,festival,kuliner,", venue: "Jalan utama Desa Kemiren", address: "Kemiren, Glagah",
        coordinates: (-8.2149, 114.3306), accessibility: None, opening_hours: None,
        organiser: "Pemerintah Desa Kemiren", shop: None, price_rupiah: 0, capacity: None,
        series: &[once(7, (18, 0), (23, 0))],
    },
    DemoListing {
        slug: "tumpeng-sewu", village: "kemiren", kind: "festival",
        title_id: "Tumpeng Sewu", title_en: Some("Tumpeng Sewu (a thousand tumpeng)"),
        summary_id: "Selamatan desa: seribu tumpeng pecel pitik disantap bersama di sepanjang jalan.",
        summary_en: Some("The village's thanksgiving: a thousand tumpeng of pecel pitik shared along the road."),
        description_id: "Ritual bersih desa masyarakat Osing, diawali arak-arakan dan doa bersama.",
        description_en: None,
        tags: ",ritual,festival,kuliner,", venue: "Jalan utama Desa Kemiren", address: "Kemiren, Glagah",
        coordinates: (-8.2149, 114.3306), accessibility: None, opening_hours: None,
        organiser: "Pemerintah Desa Kemiren", shop: None, price_rupiah: 0, capacity: None,
        series: &[once(21, (17, 0), (22, 0))],
    },
    DemoListing {
        slug: "barong-ider-bumi", village: "kemiren", kind: "festival",
        title_id: "Barong Ider Bumi", title_en: Some("Barong Ider Bumi procession"),
        summary_id: "Arak-arakan Barong keliling desa untuk menolak bala, tradisi Osing sejak ratusan tahun.",
        summary_en: Some("The Barong is paraded around the village to ward off misfortune, an Osing tradition centuries old."),
        description_id: "Diakhiri makan bersama di sepanjang jalan desa.", description_en: Some("It ends with a shared meal along the village road."),
        tags: ",ritual,barong,festival,", venue: "Balai Desa Kemiren", address: "Jl. Barong No. 1, Kemiren",
        coordinates: (-8.2149, 114.3306), accessibility: None, opening_hours: None,
        organiser: "Pemerintah Desa Kemiren", shop: None, price_rupiah: 0, capacity: None,
        series: &[once(35, (13, 0), (17, 0))],
    },
    DemoListing {
        slug: "seblang-olehsari", village: "olehsari", kind: "festival",
        title_id: "Ritual Seblang Olehsari", title_en: None,
        summary_id: "Ritual tolak bala tujuh hari dengan penari Seblang yang menari dalam keadaan trance.",
        summary_en: None,
        description_id: "Penari Seblang dipilih secara turun-temurun dan menari setiap sore selama tujuh hari.",
        description_en: None,
        tags: ",ritual,seblang,tari,festival,", venue: "Lapangan Desa Olehsari", address: "Olehsari, Glagah",
        coordinates: (-8.2330, 114.3280), accessibility: None, opening_hours: None,
        organiser: "Pemerintah Desa Olehsari", shop: None, price_rupiah: 0, capacity: None,
        series: &[Series { day: 14, start: (14, 0), end: (18, 0), span_days: 6, weeks: 1, skip: None, monthly: false }],
    },
    DemoListing {
        slug: "seblang-bakungan", village: "bakungan", kind: "festival",
        title_id: "Ritual Seblang Bakungan", title_en: Some("Seblang Bakungan ritual"),
        summary_id: "Seblang Bakungan ditarikan perempuan lanjut usia pada malam hari, diterangi obor.",
        summary_en: Some("Seblang Bakungan is danced at night by an elder woman, lit by torches."),
        description_id: "Diawali ider bumi dan selamatan di makam leluhur.", description_en: Some("It begins with a procession and a blessing at the ancestors' graves."),
        tags: ",ritual,seblang,tari,", venue: "Sanggar Seblang Bakungan", address: "Bakungan, Glagah",
        coordinates: (-8.2130, 114.3560), accessibility: None, opening_hours: None,
        organiser: "Kelurahan Bakungan", shop: None, price_rupiah: 0, capacity: None,
        series: &[once(28, (19, 0), (23, 0))],
    },
    DemoListing {
        slug: "literasi-digital-umkm", village: "tamansari", kind: "program",
        title_id: "Literasi digital untuk pelaku UMKM", title_en: Some("Digital literacy for small businesses"),
        summary_id: "Empat pertemuan: foto produk dengan ponsel, berjualan daring, dan keamanan akun.",
        summary_en: Some("Four sessions: product photos with a phone, selling online, and account safety."),
        description_id: "Untuk warga yang berjualan. Bawa ponsel Android yang terisi daya.",
        description_en: Some("For residents who sell. Bring a charged Android phone."),
        tags: ",umkm,digital,pelatihan,", venue: "Balai Desa Tamansari", address: "Tamansari, Licin",
        coordinates: (-8.1470, 114.2300), accessibility: Some(("Ruang di lantai dasar.", "Ground-floor room.")), opening_hours: None,
        organiser: "Pemerintah Desa Tamansari", shop: None, price_rupiah: 0, capacity: Some(25),
        series: &[weekly(3, (13, 0), (16, 0), 4)],
    },
    DemoListing {
        slug: "foto-produk-jualan-daring", village: "kemiren", kind: "program",
        title_id: "Foto produk dan jualan daring", title_en: Some("Product photos and selling online"),
        summary_id: "Tiga pertemuan untuk perajin: memotret produk dengan ponsel, menulis deskripsi, melayani pesanan.",
        summary_en: Some("Three sessions for makers: photographing products with a phone, writing descriptions, handling orders."),
        description_id: "Peserta yang hadir di ketiga pertemuan mendapat sertifikat.",
        description_en: Some("Those who attend all three sessions get a certificate."),
        tags: ",umkm,digital,pelatihan,", venue: "Balai Desa Kemiren", address: "Jl. Barong No. 1, Kemiren",
        coordinates: (-8.2149, 114.3306), accessibility: None, opening_hours: None,
        organiser: "Pemerintah Desa Kemiren", shop: None, price_rupiah: 0, capacity: Some(20),
        series: &[weekly(-30, (13, 0), (16, 0), 3)],
    },
    DemoListing {
        slug: "kelas-bahasa-osing", village: "kemiren", kind: "program",
        title_id: "Belajar bahasa Osing", title_en: Some("Learn the Osing language"),
        summary_id: "Enam pertemuan bahasa Osing sehari-hari untuk warga baru dan pemuda.",
        summary_en: Some("Six sessions of everyday Osing for newcomers and young people."),
        description_id: "Dibimbing budayawan Kemiren, dengan lagu dan cerita rakyat.", description_en: None,
        tags: ",bahasa,osing,pelatihan,", venue: "Balai Desa Kemiren", address: "Jl. Barong No. 1, Kemiren",
        coordinates: (-8.2149, 114.3306), accessibility: None, opening_hours: None,
        organiser: "Pemerintah Desa Kemiren", shop: None, price_rupiah: 0, capacity: Some(20),
        series: &[weekly(6, (16, 0), (17, 30), 6)],
    },
    DemoListing {
        slug: "rumah-adat-osing", village: "kemiren", kind: "tempat",
        title_id: "Rumah adat Osing", title_en: Some("Osing traditional house"),
        summary_id: "Rumah tikel balung, baresan dan crocogan yang terbuka untuk tamu.",
        summary_en: Some("Tikel balung, baresan and crocogan houses, open to visitors."),
        description_id: "Pemandu warga menjelaskan arsitektur dan kehidupan keluarga Osing.", description_en: Some("Resident guides explain the architecture and Osing family life."),
        tags: ",arsitektur,sejarah,", venue: "Kemiren", address: "Dusun Krajan, Kemiren",
        coordinates: (-8.2149, 114.3306), accessibility: Some(("Ada ambang pintu tinggi.", "There are high door sills.")),
        opening_hours: Some(("Setiap hari 08.00–16.00 WIB", "Daily 08:00–16:00 WIB")),
        organiser: "Pemerintah Desa Kemiren", shop: None, price_rupiah: 10_000, capacity: None, series: &[],
    },
    DemoListing {
        slug: "sanggar-genjah-arum", village: "kemiren", kind: "tempat",
        title_id: "Sanggar Genjah Arum", title_en: Some("Sanggar Genjah Arum"),
        summary_id: "Rumah kopi dan sanggar budaya Osing: lesung, gamelan, dan kopi Kemiren.",
        summary_en: Some("An Osing coffee house and cultural studio: rice-pounding music, gamelan and Kemiren coffee."),
        description_id: "Pertunjukan gedhogan (musik lesung) bisa dipesan untuk rombongan.", description_en: Some("Gedhogan (rice-mortar music) can be booked for groups."),
        tags: ",kopi,musik,", venue: "Sanggar Genjah Arum", address: "Kemiren, Glagah",
        coordinates: (-8.2160, 114.3290), accessibility: None,
        opening_hours: Some(("Setiap hari 09.00–17.00 WIB", "Daily 09:00–17:00 WIB")),
        organiser: "Sanggar Genjah Arum", shop: None, price_rupiah: 0, capacity: None, series: &[],
    },
    DemoListing {
        slug: "taman-gandrung-terakota", village: "tamansari", kind: "tempat",
        title_id: "Taman Gandrung Terakota", title_en: Some("Taman Gandrung Terakota (terracotta park)"),
        summary_id: "Seribu patung penari Gandrung dari terakota di tengah sawah berundak.",
        summary_en: Some("A thousand terracotta Gandrung dancers among terraced rice fields."),
        description_id: "Taman seni terbuka; pertunjukan sendratari pada akhir pekan.", description_en: Some("An open-air art park; dance drama at weekends."),
        tags: ",seni,tari,gandrung,", venue: "Taman Gandrung Terakota", address: "Jiwa Jawa Resort, Tamansari, Licin",
        coordinates: (-8.1470, 114.2300), accessibility: None,
        opening_hours: Some(("Setiap hari 07.00–17.00 WIB", "Daily 07:00–17:00 WIB")),
        organiser: "Taman Gandrung Terakota", shop: None, price_rupiah: 20_000, capacity: None, series: &[],
    },
    // Health (kesehatan): sessions at the dusun's post, and facilities as places tagged `kesehatan`.
    // Kemiren runs all of it, Olehsari and Tamansari some, the other villages none yet.
    DemoListing {
        slug: "posyandu-balita-kemiren", village: "kemiren", kind: "kesehatan",
        title_id: "Posyandu Balita Melati", title_en: Some("Melati baby and toddler health day (posyandu)"),
        summary_id: "Penimbangan, imunisasi dasar, vitamin A dan konsultasi gizi untuk balita. Bawa buku KIA.",
        summary_en: Some("Weighing, basic immunisation, vitamin A and nutrition advice for under-fives. Bring the KIA book."),
        description_id: "Setiap bulan pada hari yang sama (Selasa di minggu yang sama). Datang tanpa daftar; kader mencatat di buku KIA, bukan di aplikasi ini.",
        description_en: Some("Every month on the same day (the same week's Tuesday). No registration; volunteers write in the KIA book, not in this app."),
        tags: ",kesehatan,posyandu,balita,", venue: "Pos Posyandu Dusun Krajan", address: "Dusun Krajan, Kemiren",
        coordinates: (-8.2149, 114.3306), accessibility: Some(("Ruang depan tanpa tangga.", "Step-free front room.")), opening_hours: None,
        organiser: "Kader Posyandu Melati & Bidan Desa Kemiren", shop: None, price_rupiah: 0, capacity: None,
        series: &[monthly(3, (8, 0), (11, 0), 6)],
    },
    DemoListing {
        slug: "imunisasi-kejar-kemiren", village: "kemiren", kind: "kesehatan",
        title_id: "Hari imunisasi kejar", title_en: Some("Catch-up vaccination day"),
        summary_id: "Imunisasi kejar untuk anak yang terlewat jadwal. Daftar agar vaksin cukup untuk semua.",
        summary_en: Some("Catch-up vaccination for children who missed a dose. Register so there is vaccine for everyone."),
        description_id: "Dilayani bidan desa dan petugas Puskesmas Glagah. Bawa buku KIA.", description_en: Some("By the village midwife and Glagah health centre staff. Bring the KIA book."),
        tags: ",kesehatan,imunisasi,balita,", venue: "Polindes Kemiren", address: "Jl. Barong No. 3, Kemiren",
        coordinates: (-8.2149, 114.3306), accessibility: None, opening_hours: None,
        organiser: "Bidan Desa Kemiren", shop: None, price_rupiah: 0, capacity: Some(40),
        series: &[once(10, (8, 0), (12, 0))],
    },
    DemoListing {
        slug: "polindes-kemiren", village: "kemiren", kind: "tempat",
        title_id: "Polindes Kemiren (bidan desa)", title_en: Some("Kemiren village maternity post (midwife)"),
        summary_id: "Pemeriksaan kehamilan, KB, persalinan normal dan pertolongan pertama.",
        summary_en: Some("Pregnancy check-ups, family planning, normal births and first aid."),
        description_id: "Di luar jam buka, bidan desa tinggal di rumah sebelah polindes.", description_en: Some("Outside opening hours, the midwife lives next door."),
        tags: ",kesehatan,bidan,", venue: "Polindes Kemiren", address: "Jl. Barong No. 3, Kemiren",
        coordinates: (-8.2149, 114.3306), accessibility: Some(("Jalan masuk tanpa tangga.", "Step-free entrance.")),
        opening_hours: Some(("Senin–Sabtu 07.00–14.00 WIB", "Monday–Saturday 07:00–14:00 WIB")),
        organiser: "Bidan Desa Kemiren", shop: None, price_rupiah: 0, capacity: None, series: &[],
    },
    DemoListing {
        slug: "posbindu-olehsari", village: "olehsari", kind: "kesehatan",
        title_id: "Posbindu PTM Olehsari", title_en: Some("Olehsari non-communicable disease check (posbindu)"),
        summary_id: "Cek tekanan darah, gula darah dan berat badan untuk warga 15 tahun ke atas.",
        summary_en: Some("Blood pressure, blood sugar and weight checks for residents aged 15 and over."),
        description_id: "Setiap bulan pada Kamis di minggu yang sama.", description_en: Some("Every month on the same week's Thursday."),
        tags: ",kesehatan,posbindu,", venue: "Balai Dusun Olehsari", address: "Olehsari, Glagah",
        coordinates: (-8.2060, 114.3280), accessibility: None, opening_hours: None,
        organiser: "Kader Posbindu Olehsari", shop: None, price_rupiah: 0, capacity: None,
        series: &[monthly(5, (8, 0), (11, 0), 6)],
    },
    DemoListing {
        slug: "pustu-olehsari", village: "olehsari", kind: "tempat",
        title_id: "Puskesmas Pembantu Olehsari", title_en: Some("Olehsari health sub-centre (pustu)"),
        summary_id: "Berobat umum, imunisasi dan rujukan ke Puskesmas Glagah.",
        summary_en: Some("General treatment, immunisation and referral to Glagah health centre."),
        description_id: "", description_en: None,
        tags: ",kesehatan,", venue: "Pustu Olehsari", address: "Olehsari, Glagah",
        coordinates: (-8.2060, 114.3280), accessibility: None,
        opening_hours: Some(("Senin–Jumat 08.00–12.00 WIB", "Monday–Friday 08:00–12:00 WIB")),
        organiser: "Puskesmas Glagah", shop: None, price_rupiah: 0, capacity: None, series: &[],
    },
    DemoListing {
        slug: "posyandu-lansia-tamansari", village: "tamansari", kind: "kesehatan",
        title_id: "Posyandu Lansia Tamansari", title_en: Some("Tamansari health day for older people"),
        summary_id: "Senam lansia, cek tekanan darah dan konsultasi untuk warga 60 tahun ke atas.",
        summary_en: Some("Exercise, blood pressure checks and advice for residents aged 60 and over."),
        description_id: "Setiap bulan pada Rabu di minggu yang sama.", description_en: Some("Every month on the same week's Wednesday."),
        tags: ",kesehatan,lansia,", venue: "Balai Desa Tamansari", address: "Tamansari, Licin",
        coordinates: (-8.1470, 114.2300), accessibility: Some(("Ruang di lantai dasar.", "Ground-floor room.")), opening_hours: None,
        organiser: "Kader Posyandu Lansia Tamansari", shop: None, price_rupiah: 0, capacity: None,
        series: &[monthly(4, (7, 0), (9, 0), 6)],
    },
];

/// How many demo listings there are (for the demo step's tests).
pub const LISTING_COUNT: usize = LISTINGS.len();

/// Saturday of this weekend in WIB (yesterday on a Sunday), so "this weekend" always has classes.
pub fn this_weekends_saturday(now: i64) -> CivilDate {
    CivilDate::of_unix_wib(now).weekend_saturday()
}

fn sessions_of(series: &Series, saturday: CivilDate) -> Vec<(i64, i64)> {
    let first_day = CivilDate::from_days(saturday.days() + series.day);
    let plan = SessionPlan {
        first_day,
        start_minute: series.start.0 * 60 + series.start.1,
        last_day: CivilDate::from_days(first_day.days() + series.span_days),
        end_minute: series.end.0 * 60 + series.end.1,
        // A month's same weekday comes 28 or 35 days later: 30 days a month keeps about `weeks` of them.
        repeat_until: (series.weeks > 1).then(|| {
            let step = if series.monthly { 30 } else { 7 };
            CivilDate::from_days(first_day.days() + step * (series.weeks - 1))
        }),
        cadence: if series.monthly {
            Cadence::MonthlyByWeekday
        } else {
            Cadence::Weekly
        },
        exceptions: series
            .skip
            .map(|week| CivilDate::from_days(first_day.days() + 7 * week))
            .into_iter()
            .collect(),
    };
    expand(&plan).unwrap_or_default()
}

/// Adds the listings and their sessions (only for listings not there yet); returns how many listings.
pub async fn load_listings(tx: &mut crate::db::Tx, now: i64) -> Result<u64, sqlx::Error> {
    let saturday = this_weekends_saturday(now);
    let mut added = 0;
    for listing in LISTINGS {
        let sessions: Vec<(i64, i64)> = listing
            .series
            .iter()
            .flat_map(|series| sessions_of(series, saturday))
            .collect();
        let starts_at = sessions
            .iter()
            .map(|(start, _)| *start)
            .min()
            .unwrap_or(now);
        let ends_at = sessions.iter().map(|(_, end)| *end).max().unwrap_or(now);
        let event_id: Option<i64> = crate::on_db!(&mut *tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO events (village_id, slug, kind, title_id, title_en, summary_id, summary_en, venue,
                                 starts_at, ends_at, price_rupiah, description_id, description_en, tags, address,
                                 latitude, longitude, accessibility_id, accessibility_en, opening_hours_id,
                                 opening_hours_en, organiser_name, shop_id, capacity)
             SELECT v.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                    $21, $22, (SELECT id FROM shops WHERE slug = $23), $24
             FROM villages v WHERE v.slug = $1
             ON CONFLICT (slug) DO NOTHING
             RETURNING id",
        )
        .bind(listing.village)
        .bind(listing.slug)
        .bind(listing.kind)
        .bind(listing.title_id)
        .bind(listing.title_en)
        .bind(listing.summary_id)
        .bind(listing.summary_en)
        .bind(listing.venue)
        .bind(starts_at)
        .bind(ends_at)
        .bind(listing.price_rupiah)
        .bind(listing.description_id)
        .bind(listing.description_en)
        .bind(listing.tags)
        .bind(listing.address)
        .bind(listing.coordinates.0)
        .bind(listing.coordinates.1)
        .bind(listing.accessibility.map(|(id, _)| id))
        .bind(listing.accessibility.map(|(_, en)| en))
        .bind(listing.opening_hours.map(|(id, _)| id))
        .bind(listing.opening_hours.map(|(_, en)| en))
        .bind(listing.organiser)
        .bind(listing.shop)
        .bind(listing.capacity)
        .fetch_optional(c).await
        })?;
        let Some(event_id) = event_id else { continue };
        added += 1;
        for (starts_at, ends_at) in sessions {
            crate::on_db!(&mut *tx, |c| {
                sqlx::query(
                "INSERT INTO event_sessions (event_id, starts_at, ends_at, capacity) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (event_id, starts_at) DO NOTHING",
            )
            .bind(event_id)
            .bind(starts_at)
            .bind(ends_at)
            .bind(listing.capacity)
            .execute(c).await.map(crate::db::Done::from)
            })?;
        }
    }
    Ok(added)
}

/// Siti's ticket for the batik class (a fixed code, used by the tests and the README).
pub const DEMO_TICKET_CODE: &str = "KMRN2345";

async fn account_of(tx: &mut crate::db::Tx, phone: &str) -> Result<Option<i64>, sqlx::Error> {
    crate::on_db!(tx, |c| sqlx::query_scalar::<_, i64>(
        "SELECT id FROM accounts WHERE phone = $1"
    )
    .bind(phone)
    .fetch_optional(c)
    .await)
}

/// The listing's last session still to come.
async fn last_session_of(
    tx: &mut crate::db::Tx,
    slug: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    crate::on_db!(tx, |c| sqlx::query_scalar::<_, i64>(
        "SELECT s.id FROM event_sessions s JOIN events e ON e.id = s.event_id
         WHERE e.slug = $1 AND s.starts_at > $2 ORDER BY s.starts_at DESC LIMIT 1",
    )
    .bind(slug)
    .bind(now)
    .fetch_optional(c)
    .await)
}

/// After the accounts exist: the batik class is managed by its seller (Sulastri), and the coffee class's
/// next session is full with one person waiting, so the waiting list can be seen at once.
pub async fn load_people(tx: &mut crate::db::Tx, now: i64) -> Result<(), sqlx::Error> {
    let Some(sulastri) = account_of(tx, "+6281230000003").await? else {
        return Ok(());
    };
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "UPDATE events SET organiser_account_id = $1
         WHERE slug = 'kelas-batik-gajah-oling' AND organiser_account_id IS NULL",
    )
    .bind(sulastri)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    let already: i64 = crate::on_db!(&mut *tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_registrations"
    )
    .fetch_one(c)
    .await)?;
    if already > 0 {
        return Ok(());
    }
    let people = [
        // (phone, listing, status, code)
        (
            "+6281230000001",
            "kelas-batik-gajah-oling",
            "confirmed",
            DEMO_TICKET_CODE,
        ),
        (
            "+6281230000001",
            "kelas-sangrai-kopi",
            "confirmed",
            "KP2S4NGR",
        ),
        (
            "+6281230000002",
            "kelas-sangrai-kopi",
            "confirmed",
            "KP2B6DXY",
        ),
        (
            "+6281230000004",
            "kelas-sangrai-kopi",
            "waitlisted",
            "KP2W8TQM",
        ),
    ];
    for (offset, (phone, listing, status, code)) in people.into_iter().enumerate() {
        let (Some(account_id), Some(session_id)) = (
            account_of(tx, phone).await?,
            last_session_of(tx, listing, now).await?,
        ) else {
            continue;
        };
        crate::on_db!(&mut *tx, |c| {
            sqlx::query(
            "INSERT INTO event_registrations (session_id, account_id, seats, status, ticket_code, created_at)
             VALUES ($1, $2, 1, $3, $4, $5)",
        )
        .bind(session_id)
        .bind(account_id)
        .bind(status)
        .bind(code)
        .bind(now + offset as i64)
        .execute(c).await.map(crate::db::Done::from)
        })?;
    }
    Ok(())
}

/// The product-photo training took place in the last weeks: Sulastri and Siti came to all three
/// sessions and were checked in; Sulastri's certificate is issued (her shop says "trained in …"), Siti's
/// waits for the organiser. Idempotent: nothing happens once the training has attendance.
pub async fn load_training(tx: &mut crate::db::Tx, now: i64) -> Result<(), sqlx::Error> {
    let slug = "foto-produk-jualan-daring";
    let event: Option<i64> = crate::on_db!(&mut *tx, |c| {
        sqlx::query_scalar(
        "SELECT e.id FROM events e WHERE e.slug = $1
           AND NOT EXISTS (SELECT 1 FROM event_sessions s JOIN event_registrations r ON r.session_id = s.id
                           WHERE s.event_id = e.id)"
    )
    .bind(slug)
    .fetch_optional(c)
    .await
    })?;
    let (Some(event_id), Some(sulastri), Some(siti), Some(dewi)) = (
        event,
        account_of(tx, "+6281230000003").await?,
        account_of(tx, "+6281230000001").await?,
        account_of(tx, "+6281230000004").await?,
    ) else {
        return Ok(());
    };
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "UPDATE events SET certificate_sessions = 3, teaches_selling = TRUE WHERE id = $1"
    )
    .bind(event_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    let sessions: Vec<(i64, i64)> = crate::on_db!(&mut *tx, |c| sqlx::query_as(
        "SELECT id, starts_at FROM event_sessions WHERE event_id = $1 ORDER BY starts_at"
    )
    .bind(event_id)
    .fetch_all(c)
    .await)?;
    for (index, (session_id, starts_at)) in sessions.iter().enumerate() {
        for (person, account_id) in [("A", sulastri), ("B", siti)] {
            crate::on_db!(&mut *tx, |c| {
                sqlx::query(
                "INSERT INTO event_registrations (session_id, account_id, seats, status, ticket_code, created_at,
                                                  checked_in_at, checked_in_by)
                 VALUES ($1, $2, 1, 'confirmed', $3, $4, $5, $6)"
            )
            .bind(session_id)
            .bind(account_id)
            .bind(format!("FPJD{person}{}7Q", ["K", "M", "P"][index % 3]))
            .bind(starts_at - 86_400)
            .bind(starts_at + 600)
            .bind(dewi)
            .execute(c)
            .await
            .map(crate::db::Done::from)
            })?;
        }
    }
    let last = sessions.last().map_or(now, |(_, starts_at)| *starts_at);
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "INSERT INTO certificates (event_id, account_id, number, verification_code, holder_name,
                                   sessions_attended, issued_by, issued_at)
         VALUES ($1, $2, $3, 'SERTDEMU2345', 'Sulastri', 3, $4, $5)"
    )
    .bind(event_id)
    .bind(sulastri)
    .bind(format!(
        "SERT/{event_id}/{}/001",
        crate::kernel::dates::CivilDate::of_unix_wib(last).year
    ))
    .bind(dewi)
    .bind(last + 86_400)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// Listings that get generated photos, with two colours each (background, motif).
const DEMO_PHOTOS: &[(&str, [u8; 3], [u8; 3])] = &[
    ("kelas-batik-gajah-oling", [120, 53, 15], [234, 179, 8]),
    ("kelas-sangrai-kopi", [68, 40, 20], [190, 140, 80]),
    ("festival-ngopi-sepuluh-ewu", [30, 64, 55], [245, 222, 179]),
    ("seblang-olehsari", [127, 29, 29], [250, 204, 21]),
    (
        "sendratari-taman-gandrung-terakota",
        [154, 52, 18],
        [253, 186, 116],
    ),
    ("rumah-adat-osing", [87, 83, 78], [214, 211, 209]),
    ("kelas-tari-gandrung-anak", [157, 23, 77], [251, 207, 232]),
    ("barong-ider-bumi", [20, 83, 45], [220, 38, 38]),
];

/// Gives the demo listings generated photos (only those without any yet); returns how many were added.
pub async fn load_photos(
    pool: &crate::db::Db,
    store: &dyn crate::media::storage::PhotoStore,
    now: i64,
) -> Result<u64, crate::error::AppError> {
    let mut added = 0;
    for (slug, ground, motif) in DEMO_PHOTOS {
        let Some(found) = super::store::find_listing(pool, slug).await? else {
            continue;
        };
        if !super::store::listing_photos(pool, found.listing.id)
            .await?
            .is_empty()
        {
            continue;
        }
        let (ground, motif) = (*ground, *motif);
        let processed = tokio::task::spawn_blocking(move || {
            crate::media::process::process(&crate::media::demo::batik_picture(
                1600, 1200, ground, motif,
            ))
        })
        .await
        .map_err(|_| crate::error::AppError::Internal)?
        .map_err(|_| crate::error::AppError::Internal)?;
        let photo = crate::media::store::save(pool, store, processed, None, false, now).await?;
        super::store::attach_photo(pool, found.listing.id, photo.id).await?;
        added += 1;
    }
    Ok(added)
}
