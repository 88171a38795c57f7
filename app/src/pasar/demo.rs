//! Demo market: twelve shops in six villages with sixty products (names, prices and stories as a
//! Banyuwangi village market would have them; people and numbers invented), photos drawn and run through
//! the upload pipeline, and a few orders so dashboards, ratings and reviews are not empty.

struct Shop {
    slug: &'static str,
    village: &'static str,
    name: &'static str,
    story_id: &'static str,
    story_en: Option<&'static str>,
    /// Invented numbers in the 0812-3000-01xx range.
    whatsapp: &'static str,
    pickup_address: &'static str,
    offers_pickup_balai: bool,
    delivery_fee: Option<i64>,
    bank_account: Option<&'static str>,
}

const SHOPS: &[Shop] = &[
    Shop {
        slug: "batik-sekar-osing", village: "kemiren", name: "Batik Sekar Osing",
        story_id: "Bu Sulastri membatik motif Gajah Oling sejak remaja, kini bersama enam tetangga.",
        story_en: Some("Bu Sulastri has drawn Gajah Oling batik since her teens, now with six neighbours."),
        whatsapp: "+6281230000101", pickup_address: "Dusun Krajan RT 01 RW 02, Kemiren (rumah joglo hijau)",
        offers_pickup_balai: true, delivery_fee: Some(10_000), bank_account: Some("BRI 0123-01-000123-50-1 a.n. Sulastri"),
    },
    Shop {
        slug: "kopi-lereng-ijen", village: "gombengsari", name: "Kopi Lereng Ijen",
        story_id: "Kopi robusta dan arabika dari kebun keluarga Pak Darmaji, disangrai sendiri.",
        story_en: None,
        whatsapp: "+6281230000102", pickup_address: "Lingkungan Kaliklatak, Gombengsari (gudang kopi)",
        offers_pickup_balai: false, delivery_fee: Some(15_000), bank_account: Some("BNI 0456 7890 12 a.n. Darmaji"),
    },
    Shop {
        slug: "anyaman-tamansari", village: "tamansari", name: "Anyaman Bambu Tamansari",
        story_id: "Kelompok perajin bambu Tamansari membuat keranjang, tudung saji dan lampu.",
        story_en: Some("Tamansari's bamboo weavers make baskets, food covers and lamps."),
        whatsapp: "+6281230000103", pickup_address: "Dusun Sumberwatu, Tamansari (balai kelompok perajin)",
        offers_pickup_balai: true, delivery_fee: None, bank_account: None,
    },
    Shop {
        slug: "kue-bu-yati", village: "kemiren", name: "Kue Tradisional Bu Yati",
        story_id: "Kue khas Osing buatan dapur Bu Yati: bagiak, kucur, dan sale pisang. Dibuat tiap pagi.",
        story_en: Some("Osing cakes from Bu Yati's kitchen: bagiak, kucur and dried banana. Made every morning."),
        whatsapp: "+6281230000104", pickup_address: "Dusun Sukosari RT 03, Kemiren",
        offers_pickup_balai: true, delivery_fee: Some(5_000), bank_account: None,
    },
    Shop {
        slug: "sanggar-gandrung-olehsari", village: "olehsari", name: "Sanggar Seni Gandrung Olehsari",
        story_id: "Sanggar tari yang juga membuat omprok, selendang, dan kipas Gandrung untuk penari dan kolektor.",
        story_en: Some("A dance studio that also makes Gandrung headdresses, sashes and fans for dancers and collectors."),
        whatsapp: "+6281230000105", pickup_address: "Jalan Seblang 7, Olehsari",
        offers_pickup_balai: true, delivery_fee: Some(10_000), bank_account: Some("Bank Jatim 0021 3344 55 a.n. Sanggar Olehsari"),
    },
    Shop {
        slug: "ukir-barong-bakungan", village: "bakungan", name: "Ukir Barong Bakungan",
        story_id: "Topeng Barong dan hiasan kayu ukir dari bengkel keluarga Pak Wagiman.",
        story_en: Some("Barong masks and carved wood from Pak Wagiman's family workshop."),
        whatsapp: "+6281230000106", pickup_address: "Bakungan RT 02 RW 01 (bengkel ukir)",
        offers_pickup_balai: false, delivery_fee: Some(20_000), bank_account: Some("BRI 0987-01-002233-50-9 a.n. Wagiman"),
    },
    Shop {
        slug: "kopi-jaran-goyang", village: "kemiren", name: "Kopi Osing Jaran Goyang",
        story_id: "Kopi sangrai tradisional di tungku tanah liat, seperti disajikan di Festival Ngopi Sepuluh Ewu.",
        story_en: Some("Coffee roasted on a clay stove, as served at the Ngopi Sepuluh Ewu festival."),
        whatsapp: "+6281230000107", pickup_address: "Dusun Kedaleman, Kemiren (warung kopi)",
        offers_pickup_balai: true, delivery_fee: Some(10_000), bank_account: Some("BRI 0555-01-000777-50-3 a.n. Suhaimi"),
    },
    Shop {
        slug: "gula-aren-kampung-anyar", village: "kampung-anyar", name: "Gula Aren Kampung Anyar",
        story_id: "Gula aren cetak dan semut dari nira pohon aren di lereng desa, tanpa campuran.",
        story_en: None,
        whatsapp: "+6281230000108", pickup_address: "Dusun Krajan, Kampung Anyar",
        offers_pickup_balai: false, delivery_fee: Some(10_000), bank_account: None,
    },
    Shop {
        slug: "busana-osing-bakungan", village: "bakungan", name: "Busana Osing Bakungan",
        story_id: "Udeng, kaos, dan kemeja bermotif Osing dijahit penjahit muda Bakungan.",
        story_en: Some("Udeng head cloths, shirts and T-shirts with Osing motifs, sewn by young tailors of Bakungan."),
        whatsapp: "+6281230000109", pickup_address: "Jalan Bakungan 12 (konveksi)",
        offers_pickup_balai: true, delivery_fee: Some(10_000), bank_account: Some("Mandiri 143-00-1234567-8 a.n. Rizal"),
    },
    Shop {
        slug: "olahan-pisang-tamansari", village: "tamansari", name: "Olahan Pisang Tamansari",
        story_id: "Kelompok ibu-ibu PKK mengolah pisang dan singkong kebun sendiri menjadi camilan.",
        story_en: Some("The village women's group turns bananas and cassava from their gardens into snacks."),
        whatsapp: "+6281230000110", pickup_address: "Balai dusun Sumberwatu, Tamansari",
        offers_pickup_balai: true, delivery_fee: None, bank_account: None,
    },
    Shop {
        slug: "lukis-kaca-olehsari", village: "olehsari", name: "Lukis Kaca Olehsari",
        story_id: "Lukisan kaca tokoh wayang dan penari Gandrung, dilukis terbalik di balik kaca.",
        story_en: Some("Reverse glass paintings of wayang figures and Gandrung dancers."),
        whatsapp: "+6281230000111", pickup_address: "Olehsari RT 04 RW 02",
        offers_pickup_balai: false, delivery_fee: Some(25_000), bank_account: Some("BRI 0777-01-004455-50-2 a.n. Hasan"),
    },
    Shop {
        slug: "madu-hutan-ijen", village: "tamansari", name: "Madu Hutan Ijen",
        story_id: "Madu hutan dan madu kopi dari peternak lebah di tepi hutan Ijen.",
        story_en: Some("Forest honey and coffee-blossom honey from beekeepers at the edge of the Ijen forest."),
        whatsapp: "+6281230000112", pickup_address: "Dusun Jambu, Tamansari",
        offers_pickup_balai: true, delivery_fee: Some(15_000), bank_account: Some("BNI 0333 2211 00 a.n. Slamet"),
    },
];

/// `(name, own price or None, stock)`.
type Variant = (&'static str, Option<i64>, i64);

struct Product {
    slug: &'static str,
    shop: &'static str,
    title_id: &'static str,
    title_en: Option<&'static str>,
    description_id: &'static str,
    category: &'static str,
    price: i64,
    unit: &'static str,
    /// Stock of a product without variants.
    stock: i64,
    variants: &'static [Variant],
    /// `("percent" | "amount", value)`.
    discount: Option<(&'static str, i64)>,
}

macro_rules! product {
    ($slug:literal, $shop:literal, $title_id:literal, $title_en:expr, $category:literal, $price:literal, $unit:literal, $stock:literal, $description:literal $(, variants = $variants:expr)? $(, discount = $discount:expr)?) => {
        Product {
            slug: $slug, shop: $shop, title_id: $title_id, title_en: $title_en, description_id: $description,
            category: $category, price: $price, unit: $unit, stock: $stock,
            variants: { let _v: &'static [Variant] = &[]; $(let _v = $variants;)? _v },
            discount: { let _d: Option<(&'static str, i64)> = None; $(let _d = Some($discount);)? _d },
        }
    };
}

const PRODUCTS: &[Product] = &[
    // Batik Sekar Osing (Kemiren)
    product!("selendang-gajah-oling", "batik-sekar-osing", "Selendang batik tulis Gajah Oling", Some("Hand-drawn Gajah Oling batik scarf"), "batik_kain", 275_000, "lembar", 0,
        "Selendang katun primisima 2 × 0,5 m, dibatik tulis dengan motif Gajah Oling khas Banyuwangi. Pewarna alam, dicuci dingin.",
        variants = &[("Soga coklat", None, 4), ("Indigo", Some(295_000), 2)]),
    product!("kain-batik-kangkung-setingkes", "batik-sekar-osing", "Kain batik Kangkung Setingkes 2 m", Some("Kangkung Setingkes batik cloth, 2 m"), "batik_kain", 450_000, "lembar", 2,
        "Kain batik tulis 2 m motif Kangkung Setingkes, lambang kebersamaan warga Osing."),
    product!("kemeja-batik-osing", "batik-sekar-osing", "Kemeja batik Osing lengan pendek", Some("Osing batik short-sleeved shirt"), "fashion", 185_000, "pcs", 0,
        "Kemeja katun batik cap kombinasi tulis, potongan pria. Ukuran S sampai XL.",
        variants = &[("S", None, 0), ("M", None, 3), ("L", None, 2), ("XL", Some(195_000), 1)]),
    product!("sarung-batik-paras-gempal", "batik-sekar-osing", "Sarung batik Paras Gempal", Some("Paras Gempal batik sarong"), "batik_kain", 320_000, "lembar", 3,
        "Sarung batik tulis motif Paras Gempal, warna merah bata dan krem.", discount = ("percent", 10)),
    product!("masker-batik-kawung", "batik-sekar-osing", "Masker kain batik kawung", Some("Kawung batik cloth mask"), "fashion", 25_000, "pcs", 30,
        "Masker tiga lapis dari sisa kain batik, bisa dicuci."),
    // Kopi Lereng Ijen (Gombengsari)
    product!("kopi-robusta-gombengsari", "kopi-lereng-ijen", "Kopi robusta Gombengsari sangrai", Some("Roasted Gombengsari robusta coffee"), "kopi_hasil_bumi", 45_000, "paket", 0,
        "Robusta petik merah dari kebun Gombengsari, sangrai medium. Pilih biji atau bubuk.",
        variants = &[("Biji 250 g", None, 20), ("Bubuk 250 g", None, 20), ("Biji 500 g", Some(85_000), 8)]),
    product!("kopi-lanang", "kopi-lereng-ijen", "Kopi lanang (peaberry) 200 g", Some("Peaberry coffee, 200 g"), "kopi_hasil_bumi", 60_000, "paket", 15,
        "Kopi lanang: satu biji bulat per buah, rasa lebih tebal. Sangrai medium-dark."),
    product!("arabika-ijen-natural", "kopi-lereng-ijen", "Arabika Ijen proses natural 200 g", Some("Ijen arabica, natural process, 200 g"), "kopi_hasil_bumi", 85_000, "paket", 10,
        "Arabika dari ketinggian 1.200 m, dijemur utuh bersama buahnya. Aroma buah dan cokelat."),
    product!("susu-kambing-etawa", "kopi-lereng-ijen", "Susu kambing etawa bubuk", Some("Etawa goat milk powder"), "makanan_olahan", 55_000, "paket", 12,
        "Susu kambing etawa dari peternak Gombengsari, dikeringkan menjadi bubuk. 200 g."),
    product!("drip-bag-robusta", "kopi-lereng-ijen", "Kopi drip bag robusta isi 10", Some("Robusta drip bags, pack of 10"), "kopi_hasil_bumi", 40_000, "kotak", 25,
        "Kopi seduh praktis: gantung di cangkir, tuang air panas. Cocok untuk oleh-oleh.", discount = ("amount", 5_000)),
    // Anyaman Bambu Tamansari
    product!("tudung-saji-bambu", "anyaman-tamansari", "Tudung saji anyaman bambu", Some("Woven bamboo food cover"), "kerajinan", 75_000, "pcs", 9,
        "Tudung saji diameter 50 cm dari bambu apus, dianyam rapat dan dipernis."),
    product!("lampu-bambu-ijen", "anyaman-tamansari", "Lampu gantung bambu motif kawah", Some("Bamboo pendant lamp, crater motif"), "seni", 210_000, "pcs", 3,
        "Kap lampu gantung dari anyaman bambu dengan pola seperti kawah Ijen. Fiting dan kabel 1 m."),
    product!("keranjang-bambu-pasar", "anyaman-tamansari", "Keranjang belanja bambu", Some("Bamboo shopping basket"), "kerajinan", 65_000, "pcs", 12,
        "Keranjang belanja kuat dengan pegangan rotan. Pengganti kantong plastik.",
        variants = &[("Kecil", Some(55_000), 6), ("Sedang", None, 4), ("Besar", Some(85_000), 2)]),
    product!("tempat-tisu-bambu", "anyaman-tamansari", "Tempat tisu anyaman bambu", Some("Woven bamboo tissue box"), "kerajinan", 35_000, "pcs", 20,
        "Kotak tisu anyaman halus, cocok untuk meja tamu dan homestay."),
    product!("besek-bambu-isi-10", "anyaman-tamansari", "Besek bambu isi 10", Some("Bamboo boxes, set of 10"), "kerajinan", 30_000, "paket", 40,
        "Besek untuk hantaran dan nasi berkat, 20 × 20 cm. Bisa pesan banyak untuk hajatan."),
    // Kue Tradisional Bu Yati (Kemiren)
    product!("kue-bagiak", "kue-bu-yati", "Kue bagiak khas Banyuwangi", Some("Bagiak biscuits from Banyuwangi"), "makanan_olahan", 20_000, "bungkus", 25,
        "Kue kering dari tepung sagu dan telur, renyah dan wangi. 250 g."),
    product!("kue-kucur", "kue-bu-yati", "Kue kucur gula aren isi 10", Some("Kucur palm sugar cakes, 10 pieces"), "makanan_olahan", 15_000, "kotak", 10,
        "Kue kucur hangat dari tepung beras dan gula aren. Pesan pagi, ambil siang."),
    product!("sale-pisang-basah", "kue-bu-yati", "Sale pisang basah", Some("Soft dried banana"), "makanan_olahan", 18_000, "bungkus", 0,
        "Pisang ambon dijemur dan diasap, manis alami tanpa gula. 250 g."),
    product!("pecel-pitik-bumbu", "kue-bu-yati", "Bumbu pecel pitik siap masak", Some("Pecel pitik spice paste"), "makanan_olahan", 25_000, "botol", 14,
        "Bumbu kelapa sangrai untuk pecel pitik, hidangan selamatan Osing. Cukup untuk satu ekor ayam."),
    product!("jenang-bedil", "kue-bu-yati", "Jenang bedil", None, "makanan_olahan", 22_000, "kotak", 8,
        "Jenang ketan hitam dan gula aren, dimasak lima jam. Tahan tiga hari."),
    // Sanggar Seni Gandrung Olehsari
    product!("omprok-gandrung-mini", "sanggar-gandrung-olehsari", "Omprok Gandrung miniatur", Some("Miniature Gandrung headdress"), "seni", 150_000, "pcs", 5,
        "Miniatur mahkota penari Gandrung dari kulit dan manik, tinggi 20 cm, dengan dudukan kayu."),
    product!("selendang-gandrung", "sanggar-gandrung-olehsari", "Selendang tari Gandrung", Some("Gandrung dance sash"), "seni", 95_000, "lembar", 10,
        "Selendang sifon merah dengan tepi emas, seperti dipakai penari sanggar.",
        variants = &[("Merah", None, 6), ("Hijau", None, 4)]),
    product!("kipas-gandrung", "sanggar-gandrung-olehsari", "Kipas tari Gandrung", Some("Gandrung dance fan"), "seni", 45_000, "pcs", 15,
        "Kipas kain bermotif untuk latihan tari. Ringan, cocok untuk anak."),
    product!("poster-penari-gandrung", "sanggar-gandrung-olehsari", "Cetak foto penari Gandrung A3", Some("Gandrung dancer photo print, A3"), "seni", 60_000, "lembar", 20,
        "Foto pementasan Gandrung Sewu, dicetak di kertas foto A3.", discount = ("percent", 15)),
    product!("gelang-manik-gandrung", "sanggar-gandrung-olehsari", "Gelang manik penari", Some("Dancer's bead bracelet"), "fashion", 35_000, "pasang", 18,
        "Sepasang gelang manik kuning emas seperti perhiasan penari Gandrung."),
    // Ukir Barong Bakungan
    product!("topeng-barong-osing", "ukir-barong-bakungan", "Topeng Barong Osing", Some("Osing Barong mask"), "seni", 350_000, "pcs", 2,
        "Topeng Barong kayu pule diukir tangan, dicat merah-emas. Tinggi 35 cm. Untuk hiasan dinding."),
    product!("gantungan-kunci-barong", "ukir-barong-bakungan", "Gantungan kunci Barong kayu", Some("Wooden Barong key ring"), "kerajinan", 15_000, "pcs", 50,
        "Oleh-oleh kecil: Barong kayu ukir 5 cm dengan tali."),
    product!("hiasan-dinding-gajah-oling", "ukir-barong-bakungan", "Hiasan dinding ukir Gajah Oling", Some("Carved Gajah Oling wall panel"), "seni", 420_000, "pcs", 1,
        "Panel kayu jati 60 × 30 cm dengan ukiran motif Gajah Oling."),
    product!("nampan-kayu-ukir", "ukir-barong-bakungan", "Nampan kayu ukir", Some("Carved wooden tray"), "kerajinan", 120_000, "pcs", 6,
        "Nampan kayu mahoni dengan tepi ukir, 40 × 25 cm. Aman untuk makanan kering."),
    product!("patung-penari-kayu", "ukir-barong-bakungan", "Patung kayu penari Gandrung", Some("Wooden Gandrung dancer statue"), "seni", 275_000, "pcs", 3,
        "Patung penari Gandrung dari kayu sawo, tinggi 30 cm.", discount = ("amount", 25_000)),
    // Kopi Osing Jaran Goyang (Kemiren)
    product!("kopi-osing-sangrai-tungku", "kopi-jaran-goyang", "Kopi Osing sangrai tungku 250 g", Some("Osing coffee roasted on a clay stove, 250 g"), "kopi_hasil_bumi", 50_000, "paket", 30,
        "Robusta disangrai di wajan tanah liat di atas tungku kayu, aroma asap yang khas."),
    product!("cangkir-kopi-festival", "kopi-jaran-goyang", "Cangkir seng Festival Ngopi", Some("Enamel cup of the coffee festival"), "kerajinan", 35_000, "pcs", 24,
        "Cangkir seng putih-hijau seperti di Festival Ngopi Sepuluh Ewu. Cocok jadi oleh-oleh."),
    product!("paket-ngopi-osing", "kopi-jaran-goyang", "Paket ngopi Osing (kopi + cangkir + kue)", Some("Osing coffee set (coffee, cup, cakes)"), "kopi_hasil_bumi", 95_000, "paket", 8,
        "Kopi tungku 250 g, dua cangkir seng, dan satu bungkus kue bagiak, dalam besek bambu.", discount = ("percent", 10)),
    product!("kopi-jahe-sachet", "kopi-jaran-goyang", "Kopi jahe isi 10 sachet", Some("Ginger coffee, 10 sachets"), "makanan_olahan", 28_000, "kotak", 20,
        "Kopi robusta dengan jahe emprit dan gula aren, tinggal seduh."),
    product!("biji-kopi-hijau", "kopi-jaran-goyang", "Biji kopi hijau robusta 1 kg", Some("Green robusta beans, 1 kg"), "kopi_hasil_bumi", 75_000, "kg", 40,
        "Untuk yang menyangrai sendiri: biji kopi mentah sortasi, kadar air 12%."),
    // Gula Aren Kampung Anyar
    product!("gula-aren-cetak", "gula-aren-kampung-anyar", "Gula aren cetak 500 g", Some("Palm sugar blocks, 500 g"), "kopi_hasil_bumi", 30_000, "paket", 35,
        "Gula aren murni dicetak di batok kelapa. Manis legit untuk kolak dan kopi."),
    product!("gula-semut-aren", "gula-aren-kampung-anyar", "Gula semut aren 250 g", Some("Granulated palm sugar, 250 g"), "kopi_hasil_bumi", 25_000, "paket", 30,
        "Gula aren kristal, mudah larut. Kemasan kertas dengan zip."),
    product!("sirup-aren", "gula-aren-kampung-anyar", "Sirup gula aren 350 ml", Some("Palm sugar syrup, 350 ml"), "makanan_olahan", 35_000, "botol", 12,
        "Sirup kental untuk es, pancake dan kopi susu."),
    product!("nira-aren-segar", "gula-aren-kampung-anyar", "Legen (nira aren) segar 1 liter", Some("Fresh palm sap, 1 litre"), "makanan_olahan", 15_000, "botol", 0,
        "Legen disadap pagi, harus diminum hari itu juga. Hanya ambil di tempat."),
    product!("paket-aren-oleh-oleh", "gula-aren-kampung-anyar", "Paket oleh-oleh aren", Some("Palm sugar gift set"), "kopi_hasil_bumi", 80_000, "paket", 6,
        "Gula cetak, gula semut dan sirup dalam kotak anyaman."),
    // Busana Osing Bakungan
    product!("udeng-osing", "busana-osing-bakungan", "Udeng batik Osing", Some("Osing batik head cloth (udeng)"), "fashion", 45_000, "pcs", 20,
        "Ikat kepala khas laki-laki Osing, sudah dibentuk, motif Gajah Oling."),
    product!("kaos-gandrung", "busana-osing-bakungan", "Kaos sablon penari Gandrung", Some("Gandrung dancer T-shirt"), "fashion", 85_000, "pcs", 0,
        "Kaos katun combed 30s, sablon plastisol gambar penari Gandrung.",
        variants = &[("S", None, 3), ("M", None, 5), ("L", None, 4), ("XL", None, 2), ("XXL", Some(95_000), 1)]),
    product!("kemeja-osing-wanita", "busana-osing-bakungan", "Blus batik Osing wanita", Some("Women's Osing batik blouse"), "fashion", 165_000, "pcs", 0,
        "Blus katun batik cap, kancing depan, lengan tiga perempat.",
        variants = &[("M", None, 2), ("L", None, 3)], discount = ("percent", 20)),
    product!("tas-batik-osing", "busana-osing-bakungan", "Tas jinjing batik", Some("Batik tote bag"), "fashion", 70_000, "pcs", 10,
        "Tas kanvas dengan panel batik, muat laptop 14 inci."),
    product!("sarung-tenun-bakungan", "busana-osing-bakungan", "Sarung tenun kotak", Some("Woven checked sarong"), "batik_kain", 130_000, "lembar", 7,
        "Sarung tenun ATBM motif kotak hijau-hitam."),
    // Olahan Pisang Tamansari
    product!("keripik-pisang-agung", "olahan-pisang-tamansari", "Keripik pisang agung", Some("Agung banana chips"), "makanan_olahan", 18_000, "bungkus", 40,
        "Keripik pisang agung tipis, rasa original atau balado.",
        variants = &[("Original", None, 25), ("Balado", None, 15)]),
    product!("sale-pisang-kering", "olahan-pisang-tamansari", "Sale pisang goreng", Some("Fried dried banana"), "makanan_olahan", 20_000, "bungkus", 30,
        "Sale pisang dibalut tepung lalu digoreng, renyah di luar."),
    product!("keripik-singkong-pedas", "olahan-pisang-tamansari", "Keripik singkong pedas", Some("Spicy cassava chips"), "makanan_olahan", 15_000, "bungkus", 35,
        "Singkong kebun Tamansari dengan cabai rawit. Pedasnya nyata."),
    product!("tepung-pisang", "olahan-pisang-tamansari", "Tepung pisang 500 g", Some("Banana flour, 500 g"), "makanan_olahan", 28_000, "paket", 10,
        "Tepung dari pisang kepok, bebas gluten, untuk kue dan bubur bayi."),
    product!("dodol-pisang", "olahan-pisang-tamansari", "Dodol pisang", None, "makanan_olahan", 16_000, "bungkus", 22,
        "Dodol lembut dari pisang dan ketan, dibungkus kulit jagung."),
    // Lukis Kaca Olehsari
    product!("lukis-kaca-gandrung", "lukis-kaca-olehsari", "Lukisan kaca penari Gandrung", Some("Reverse glass painting of a Gandrung dancer"), "seni", 450_000, "pcs", 2,
        "Lukisan kaca 40 × 50 cm dengan bingkai kayu, dilukis terbalik dengan cat minyak."),
    product!("lukis-kaca-wayang", "lukis-kaca-olehsari", "Lukisan kaca wayang Semar", Some("Reverse glass painting of Semar"), "seni", 380_000, "pcs", 1,
        "Tokoh Semar dalam warna cerah khas lukis kaca pesisir."),
    product!("lukis-kaca-mini", "lukis-kaca-olehsari", "Lukisan kaca mini 15 × 20", Some("Small reverse glass painting, 15 × 20 cm"), "seni", 120_000, "pcs", 8,
        "Motif bunga dan burung, cocok untuk hadiah.", discount = ("amount", 20_000)),
    product!("kartu-pos-lukis", "lukis-kaca-olehsari", "Kartu pos lukisan kaca isi 6", Some("Postcards of glass paintings, 6 pack"), "seni", 30_000, "paket", 25,
        "Enam kartu pos dari foto lukisan kaca sanggar."),
    product!("cermin-lukis-kaca", "lukis-kaca-olehsari", "Cermin dengan bingkai lukis kaca", Some("Mirror with painted glass frame"), "kerajinan", 210_000, "pcs", 3,
        "Cermin 30 × 40 cm dengan tepi kaca berlukis sulur."),
    // Madu Hutan Ijen (Tamansari)
    product!("madu-hutan-ijen", "madu-hutan-ijen", "Madu hutan Ijen 500 ml", Some("Ijen forest honey, 500 ml"), "kopi_hasil_bumi", 120_000, "botol", 10,
        "Madu lebah hutan (Apis dorsata) dipanen lestari. Warna gelap, rasa kuat.",
        variants = &[("250 ml", Some(65_000), 8), ("500 ml", None, 10)]),
    product!("madu-bunga-kopi", "madu-hutan-ijen", "Madu bunga kopi 250 ml", Some("Coffee blossom honey, 250 ml"), "kopi_hasil_bumi", 75_000, "botol", 12,
        "Madu dari lebah yang dilepas di kebun kopi saat berbunga. Ringan dan harum."),
    product!("sarang-madu", "madu-hutan-ijen", "Sarang madu (honeycomb) 200 g", Some("Honeycomb, 200 g"), "kopi_hasil_bumi", 90_000, "kotak", 4,
        "Sarang madu utuh dalam kotak, langsung dari stup."),
    product!("propolis-ijen", "madu-hutan-ijen", "Propolis cair 30 ml", Some("Liquid propolis, 30 ml"), "makanan_olahan", 85_000, "botol", 9,
        "Propolis lebah hutan dalam botol tetes."),
    product!("lilin-lebah", "madu-hutan-ijen", "Lilin lebah alami", Some("Natural beeswax candle"), "kerajinan", 40_000, "pcs", 15,
        "Lilin dari malam lebah murni, tanpa parafin. Menyala 8 jam.", discount = ("percent", 25)),
];

/// Grams of one unit of a demo product, as its seller would weigh it packed: from the weight in its
/// title when it has one ("250 g", "1 kg", "500 ml"), otherwise by what it is.
fn demo_weight_grams(product: &Product) -> i64 {
    let title = product.title_id.to_lowercase();
    let words: Vec<&str> = title.split_whitespace().collect();
    for pair in words.windows(2) {
        if let Ok(amount) = pair[0].replace('.', "").parse::<i64>() {
            let grams = match pair[1] {
                "g" | "ml" => amount,
                "kg" | "liter" => amount * 1_000,
                _ => continue,
            };
            // The packaging: a pouch, a jar, a box.
            return grams + grams / 5 + 50;
        }
    }
    match product.category {
        "batik_kain" => 350,
        "fashion" => 250,
        "kopi_hasil_bumi" => 300,
        "makanan_olahan" => 300,
        "kerajinan" => 600,
        _ => 900,
    }
}

/// How the demo shops that sell to buyers far away ship by courier (the others hand over in the village).
fn demo_shipping(shop: &str) -> Option<super::ShippingRules> {
    use super::shipping::{Courier, DomesticPostage, ShippingRules, WeightBand};
    let band = |up_to_grams, rupiah| WeightBand {
        up_to_grams,
        rupiah,
    };
    match shop {
        "batik-sekar-osing" => Some(ShippingRules {
            couriers: vec![Courier::Jne, Courier::Jnt, Courier::PosIndonesia],
            domestic: DomesticPostage::ByWeight {
                bands: vec![
                    band(1_000, 18_000),
                    band(3_000, 35_000),
                    band(10_000, 75_000),
                ],
            },
            abroad_per_kg_rupiah: Some(250_000),
        }),
        "kopi-lereng-ijen" | "kopi-jaran-goyang" => Some(ShippingRules {
            couriers: vec![Courier::Jne, Courier::SiCepat, Courier::PosIndonesia],
            domestic: DomesticPostage::ByWeight {
                bands: vec![
                    band(1_000, 15_000),
                    band(2_000, 25_000),
                    band(5_000, 45_000),
                ],
            },
            abroad_per_kg_rupiah: Some(220_000),
        }),
        "madu-hutan-ijen" | "ukir-barong-bakungan" | "lukis-kaca-olehsari" => Some(ShippingRules {
            couriers: vec![Courier::Jne, Courier::Tiki],
            domestic: DomesticPostage::Flat { rupiah: 30_000 },
            abroad_per_kg_rupiah: None,
        }),
        "anyaman-tamansari" | "busana-osing-bakungan" => Some(ShippingRules {
            couriers: vec![Courier::Jnt, Courier::AnterAja],
            domestic: DomesticPostage::Flat { rupiah: 22_000 },
            abroad_per_kg_rupiah: None,
        }),
        _ => None,
    }
}

/// Demo shops with a static QRIS code (the others take cash or transfer).
pub const QRIS_SHOPS: [&str; 3] = ["batik-sekar-osing", "kopi-lereng-ijen", "madu-hutan-ijen"];

/// Shops with their buying options, products and variants (idempotent: existing rows stay).
pub async fn load_catalogue(tx: &mut crate::db::Tx, now: i64) -> Result<u64, sqlx::Error> {
    const HOUR: i64 = 3600;
    for shop in SHOPS {
        crate::on_db!(&mut *tx, |c| {
            sqlx::query(
            "INSERT INTO shops (village_id, slug, name, story_id, story_en, whatsapp, pickup_address,
                                offers_pickup_balai, delivery_fee_rupiah, bank_account, created_at)
             SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM villages WHERE slug = $1
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(shop.village)
        .bind(shop.slug)
        .bind(shop.name)
        .bind(shop.story_id)
        .bind(shop.story_en)
        .bind(shop.whatsapp)
        .bind(shop.pickup_address)
        .bind(shop.offers_pickup_balai)
        .bind(shop.delivery_fee)
        .bind(shop.bank_account)
        .bind(now)
        .execute(c).await.map(crate::db::Done::from)
        })?;
        if let Some(rules) = demo_shipping(shop.slug) {
            let document = serde_json::to_string(&rules).unwrap_or_default();
            crate::on_db!(&mut *tx, |c| sqlx::query(
                "UPDATE shops SET shipping = $1 WHERE slug = $2 AND shipping IS NULL"
            )
            .bind(&document)
            .bind(shop.slug)
            .execute(c)
            .await
            .map(crate::db::Done::from))?;
        }
    }
    let mut added = 0;
    for (position, product) in PRODUCTS.iter().enumerate() {
        // Listed a few hours apart so "newest first" has a stable, meaningful order.
        let created_at = now - (PRODUCTS.len() - position) as i64 * 3 * HOUR;
        let inserted: Option<i64> = crate::on_db!(&mut *tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO products (shop_id, slug, title_id, title_en, description_id, category, price_rupiah,
                                   unit, stock, status, discount_kind, discount_value, created_at, updated_at,
                                   weight_grams, search_stems)
             SELECT id, $2, $3, $4, $5, $6, $7, $8, 0, 'active', $9, $10, $11, $11, $12, $13
             FROM shops WHERE slug = $1
             ON CONFLICT (slug) DO NOTHING
             RETURNING id",
        )
        .bind(product.shop)
        .bind(product.slug)
        .bind(product.title_id)
        .bind(product.title_en)
        .bind(product.description_id)
        .bind(product.category)
        .bind(product.price)
        .bind(product.unit)
        .bind(product.discount.map(|(kind, _)| kind))
        .bind(product.discount.map(|(_, value)| value))
        .bind(created_at)
        .bind(demo_weight_grams(product))
        .bind(crate::pasar::search::stems_of_product(
            product.title_id,
            product.title_en,
            product.description_id,
            None,
        ))
        .fetch_optional(c).await
        })?;
        let Some(product_id) = inserted else {
            continue;
        };
        added += 1;
        let unnamed: &[Variant] = &[("", None, product.stock)];
        let variants = if product.variants.is_empty() {
            unnamed
        } else {
            product.variants
        };
        for (position, (name, price, stock)) in variants.iter().enumerate() {
            crate::on_db!(&mut *tx, |c| sqlx::query(
                "INSERT INTO product_variants (product_id, name_id, price_rupiah, stock, position)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(product_id)
            .bind(name)
            .bind(price)
            .bind(stock)
            .bind(position as i64)
            .execute(c)
            .await
            .map(crate::db::Done::from))?;
        }
    }
    Ok(added)
}

/// Gives demo products without photos a drawn one (two for the first product of each shop, whose first
/// also becomes the shop's picture); returns how many photos were added.
pub async fn load_photos(
    pool: &crate::db::Db,
    store: &dyn crate::media::storage::PhotoStore,
    now: i64,
) -> Result<u64, crate::error::AppError> {
    let mut added = 0;
    let mut previous_shop = "";
    for (index, product) in PRODUCTS.iter().enumerate() {
        let first_of_shop = product.shop != previous_shop;
        previous_shop = product.shop;
        let Some(row) = super::store::find_product(pool, product.slug).await? else {
            continue;
        };
        if !super::store::product_photos(pool, row.id).await?.is_empty() {
            continue;
        }
        let count = if first_of_shop { 2 } else { 1 };
        let subject = super::demo_pictures::Subject::of_product(product.slug, product.category);
        for extra in 0..count {
            let variant = (index + extra * 7) as u32;
            let processed = tokio::task::spawn_blocking(move || {
                crate::media::process::process(&super::demo_pictures::photo_jpeg(
                    subject, variant, 1280, 960,
                ))
            })
            .await
            .map_err(|_| crate::error::AppError::Internal)?
            .map_err(|_| crate::error::AppError::Internal)?;
            let photo = crate::media::store::save(pool, store, processed, None, false, now).await?;
            super::store::attach_product_photo(pool, row.id, photo.id).await?;
            // A shop's picture is its first product's, as a seller would photograph her goods.
            if first_of_shop && extra == 0 {
                crate::on_db!(pool, |c| sqlx::query(
                    "UPDATE shops SET photo_id = $1 WHERE id = $2 AND photo_id IS NULL"
                )
                .bind(photo.id)
                .bind(row.shop_id)
                .execute(c)
                .await
                .map(crate::db::Done::from))?;
            }
            added += 1;
        }
    }
    Ok(added)
}

/// Gives the demo shops of [`QRIS_SHOPS`] their QRIS sticker (a real QR code naming a demo merchant,
/// photographed as a card, through the same pipeline as an upload); returns how many were added.
pub async fn load_qris(
    pool: &crate::db::Db,
    store: &dyn crate::media::storage::PhotoStore,
    now: i64,
) -> Result<u64, crate::error::AppError> {
    let mut added = 0;
    for slug in QRIS_SHOPS {
        let Some(shop) = super::store::find_shop(pool, slug).await? else {
            continue;
        };
        if super::store::shop_qris_photo(pool, shop.id)
            .await?
            .is_some()
        {
            continue;
        }
        // The shape of a QRIS payload (EMVCo merchant-presented, "ID.CO.QRIS.WWW"), for a demo merchant.
        let payload = format!(
            "00020101021126570011ID.CO.QRIS.WWW0118936000000000{:05}0215ID{:013}5204594553033605802ID59{:02}{}6010BANYUWANGI6304DEMO",
            shop.id,
            shop.id,
            shop.name.len().min(25),
            shop.name.chars().take(25).collect::<String>().to_uppercase(),
        );
        let processed = tokio::task::spawn_blocking(move || {
            crate::media::process::process_square_code(&super::demo_pictures::qris_sticker_jpeg(
                &payload,
            ))
        })
        .await
        .map_err(|_| crate::error::AppError::Internal)?
        .map_err(|_| crate::error::AppError::Internal)?;
        let photo = crate::media::store::save(pool, store, processed, None, true, now).await?;
        super::store::set_shop_qris(pool, shop.id, Some(photo.id)).await?;
        added += 1;
    }
    Ok(added)
}

/// Orders between the demo people: Siti bought from three shops (completed and reviewed), and has one
/// order waiting for Sulastri's confirmation, so the dashboard, ratings and reviews show something.
pub async fn load_orders(tx: &mut crate::db::Tx, now: i64) -> Result<(), sqlx::Error> {
    const DAY: i64 = 86_400;
    // (code, product, variant name, quantity, status, days ago, review stars and text)
    type DemoOrder = (
        &'static str,
        &'static str,
        &'static str,
        i64,
        &'static str,
        i64,
        Option<(i64, &'static str)>,
    );
    let orders: [DemoOrder; 5] = [
        (
            "DEMQ2345",
            "kopi-robusta-gombengsari",
            "Biji 250 g",
            2,
            "completed",
            20,
            Some((5, "Kopinya harum, dikirim cepat. Pasti pesan lagi.")),
        ),
        (
            "DEMR2345",
            "tudung-saji-bambu",
            "",
            1,
            "completed",
            15,
            Some((
                4,
                "Anyamannya rapi, sedikit lebih kecil dari bayangan saya.",
            )),
        ),
        (
            "DEMS2345",
            "kain-batik-kangkung-setingkes",
            "",
            1,
            "completed",
            9,
            Some((5, "Batik tulisnya halus sekali. Bu Sulastri ramah.")),
        ),
        (
            "DEMT2345",
            "madu-hutan-ijen",
            "500 ml",
            1,
            "completed",
            4,
            Some((5, "Madu asli, kental.")),
        ),
        ("DEMU2345", "masker-batik-kawung", "", 3, "placed", 0, None),
    ];
    for (code, product, variant, quantity, status, days_ago, review) in orders {
        let at = now - days_ago * DAY - 3 * 3600;
        let order_id: Option<i64> = crate::on_db!(&mut *tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO orders (code, buyer_account_id, shop_id, status, fulfilment, payment, subtotal_rupiah,
                                 delivery_fee_rupiah, total_rupiah, placed_at, updated_at)
             SELECT $1, a.id, p.shop_id, $2, 'pickup_seller', 'cash', 0, 0, 0, $3, $3
             FROM accounts a, products p WHERE a.phone = '+6281230000001' AND p.slug = $4
             ON CONFLICT (code) DO NOTHING RETURNING id",
        )
        .bind(code)
        .bind(status)
        .bind(at)
        .bind(product)
        .fetch_optional(c).await
        })?;
        let Some(order_id) = order_id else {
            continue;
        };
        crate::on_db!(&mut *tx, |c| {
            sqlx::query(
            "INSERT INTO order_items (order_id, variant_id, product_id, title_id, title_en, variant_name,
                                      unit_price_rupiah, quantity)
             SELECT $1, pv.id, p.id, p.title_id, p.title_en, pv.name_id,
                    COALESCE(pv.price_rupiah, p.price_rupiah), $2
             FROM products p JOIN product_variants pv ON pv.product_id = p.id
             WHERE p.slug = $3 AND pv.name_id = $4",
        )
        .bind(order_id)
        .bind(quantity)
        .bind(product)
        .bind(variant)
        .execute(c).await.map(crate::db::Done::from)
        })?;
        crate::on_db!(&mut *tx, |c| {
            sqlx::query(
            "UPDATE orders SET subtotal_rupiah = (SELECT CAST(SUM(unit_price_rupiah * quantity) AS BIGINT) FROM order_items WHERE order_id = $1),
                               total_rupiah = (SELECT CAST(SUM(unit_price_rupiah * quantity) AS BIGINT) FROM order_items WHERE order_id = $1)
             WHERE id = $1",
        )
        .bind(order_id)
        .execute(c).await.map(crate::db::Done::from)
        })?;
        let steps: &[&str] = if status == "completed" {
            &["placed", "confirmed", "ready", "completed"]
        } else {
            &["placed"]
        };
        for (hour, step) in steps.iter().enumerate() {
            crate::on_db!(&mut *tx, |c| {
                sqlx::query(
                "INSERT INTO order_events (order_id, status, actor_account_id, at)
                 SELECT $1, $2, CASE WHEN $2 = 'placed' THEN o.buyer_account_id ELSE s.owner_account_id END, $3
                 FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.id = $1",
            )
            .bind(order_id)
            .bind(step)
            .bind(at + hour as i64 * 3600)
            .execute(c).await.map(crate::db::Done::from)
            })?;
        }
        if let Some((stars, body)) = review {
            crate::on_db!(&mut *tx, |c| sqlx::query(
                "INSERT INTO reviews (order_id, shop_id, account_id, stars, body, created_at)
                 SELECT id, shop_id, buyer_account_id, $2, $3, $4 FROM orders WHERE id = $1",
            )
            .bind(order_id)
            .bind(stars)
            .bind(body)
            .bind(at + DAY)
            .execute(c)
            .await
            .map(crate::db::Done::from))?;
        }
        if status == "placed" {
            // The placed order holds its stock, as a real checkout would.
            crate::on_db!(&mut *tx, |c| {
                sqlx::query(
                "UPDATE product_variants SET stock = stock - $2
                 WHERE id = (SELECT variant_id FROM order_items WHERE order_id = $1) AND stock >= $2",
            )
            .bind(order_id)
            .bind(quantity)
            .execute(c).await.map(crate::db::Done::from)
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_market_is_a_dozen_shops_with_about_sixty_products() {
        assert_eq!(SHOPS.len(), 12);
        assert_eq!(PRODUCTS.len(), 60);
        for product in PRODUCTS {
            assert!(
                SHOPS.iter().any(|shop| shop.slug == product.shop),
                "{}",
                product.slug
            );
            assert!(super::super::Category::from_code(product.category).is_some());
            if let Some((kind, value)) = product.discount {
                let discount = super::super::Discount::from_parts(Some(kind), Some(value)).unwrap();
                assert_eq!(discount.check(product.price), Ok(()), "{}", product.slug);
            }
        }
        let mut slugs: Vec<_> = PRODUCTS.iter().map(|product| product.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), PRODUCTS.len());
    }
}
