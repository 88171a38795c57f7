//! An official one-page document as a PDF, drawn by the server: letterhead, title and number, the body,
//! place and date, the signers, and a QR code leading to its public verification page. Layanan's letters
//! and Budaya's training certificates both use it (so it lives in the kernel, which neither pillar
//! owns). One A4 page in the PDF standard fonts (Helvetica, nothing embedded: a few kilobytes, opens on
//! any phone). The content stream is left uncompressed so tests can read it back.
//! `app/src/layanan/letter-sample.png` is the demo's SKTM rendered with `pdftoppm -r 70`.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

/// Everything printed on a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterContent {
    /// "PEMERINTAH KABUPATEN BANYUWANGI", "KECAMATAN GLAGAH", "DESA KEMIREN".
    pub letterhead: [String; 3],
    pub office_address: String,
    /// "SURAT KETERANGAN TIDAK MAMPU".
    pub title: String,
    pub number: String,
    /// Paragraphs, already filled from the request's answers.
    pub paragraphs: Vec<String>,
    /// "Nama: Siti Rahayu" lines between the paragraphs, as label and value.
    pub details: Vec<(String, String)>,
    /// "Kemiren, 28 November 2026".
    pub place_and_date: String,
    /// (position, name): "Kepala Desa Kemiren", "Slamet Riyadi".
    pub signer: (String, String),
    /// The camat's signature block, for letters the camat signs.
    pub camat: Option<(String, String)>,
    pub verification_url: String,
}

/// The three letterhead lines of a village's documents: the regency, the kecamatan, the desa or
/// kelurahan (`village_kind`), in capitals.
pub fn village_letterhead(kecamatan: &str, village: &str, village_kind: &str) -> [String; 3] {
    let place = if village_kind == "kelurahan" {
        "KELURAHAN"
    } else {
        "DESA"
    };
    [
        "PEMERINTAH KABUPATEN BANYUWANGI".into(),
        format!("KECAMATAN {}", kecamatan.to_uppercase()),
        format!("{place} {}", village.to_uppercase()),
    ]
}

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 64.0;
/// Size of one QR module in points (a 33-module code is ~3 cm: scans from paper and from a screen).
pub const QR_MODULE: f32 = 2.6;
/// Bottom-left corner of the QR code's quiet zone.
pub const QR_ORIGIN: (f32, f32) = (MARGIN, 90.0);

/// PDF standard fonts speak WinAnsi (Latin-1 here): Indonesian fits; anything else becomes `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u8,
            '–' | '—' => b'-',
            '’' | '‘' => b'\'',
            '“' | '”' => b'"',
            _ => b'?',
        })
        .collect()
}

/// Greedy word wrap at `width` characters (Helvetica at 11 pt averages ~5.5 pt a character; the body is
/// 467 pt wide).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

struct Writer {
    content: Content,
    y: f32,
}

impl Writer {
    fn text(&mut self, font: &[u8], size: f32, x: f32, text: &str) {
        self.content
            .begin_text()
            .set_font(Name(font), size)
            .next_line(x, self.y)
            .show(Str(&win_ansi(text)))
            .end_text();
    }

    /// Centred by an estimate of Helvetica's width (0.5 em a character; bold a little wider).
    fn centred(&mut self, font: &[u8], size: f32, text: &str) {
        let estimate = text.chars().count() as f32 * size * 0.55;
        let x = ((PAGE_WIDTH - estimate) / 2.0).max(MARGIN);
        self.text(font, size, x, text);
    }

    fn down(&mut self, points: f32) {
        self.y -= points;
    }
}

/// The letter as PDF bytes.
pub fn render(letter: &LetterContent) -> Vec<u8> {
    let catalog_id = Ref::new(1);
    let page_tree_id = Ref::new(2);
    let page_id = Ref::new(3);
    let regular_id = Ref::new(4);
    let bold_id = Ref::new(5);
    let content_id = Ref::new(6);
    let info_id = Ref::new(7);

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(page_tree_id);
    pdf.pages(page_tree_id).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
    page.parent(page_tree_id);
    page.contents(content_id);
    let mut resources = page.resources();
    let mut fonts = resources.fonts();
    fonts.pair(Name(b"F1"), regular_id);
    fonts.pair(Name(b"F2"), bold_id);
    fonts.finish();
    resources.finish();
    page.finish();
    pdf.type1_font(regular_id)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold_id)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info_id)
        .title(pdf_writer::TextStr(&letter.title))
        .producer(pdf_writer::TextStr("Smart Kampung"));

    let mut w = Writer {
        content: Content::new(),
        y: PAGE_HEIGHT - 60.0,
    };
    // Letterhead.
    w.centred(b"F2", 12.0, &letter.letterhead[0]);
    w.down(16.0);
    w.centred(b"F2", 12.0, &letter.letterhead[1]);
    w.down(18.0);
    w.centred(b"F2", 16.0, &letter.letterhead[2]);
    w.down(14.0);
    w.centred(b"F1", 9.0, &letter.office_address);
    w.down(10.0);
    w.content
        .set_line_width(1.5)
        .move_to(MARGIN, w.y)
        .line_to(PAGE_WIDTH - MARGIN, w.y)
        .stroke();
    w.down(32.0);
    // Title and number.
    w.centred(b"F2", 13.0, &letter.title);
    w.down(15.0);
    w.centred(b"F1", 10.0, &format!("Nomor: {}", letter.number));
    w.down(28.0);
    // Body: first paragraph, the details, the other paragraphs.
    let mut paragraphs = letter.paragraphs.iter();
    if let Some(first) = paragraphs.next() {
        for line in wrap(first, 84) {
            w.text(b"F1", 11.0, MARGIN, &line);
            w.down(15.0);
        }
        w.down(6.0);
    }
    for (label, value) in &letter.details {
        w.text(b"F1", 11.0, MARGIN + 24.0, label);
        w.text(b"F1", 11.0, MARGIN + 150.0, &format!(": {value}"));
        w.down(15.0);
    }
    w.down(6.0);
    for paragraph in paragraphs {
        for line in wrap(paragraph, 84) {
            w.text(b"F1", 11.0, MARGIN, &line);
            w.down(15.0);
        }
        w.down(6.0);
    }
    // Signatures: the village on the right; the camat's block on the left when there is one.
    w.down(14.0);
    let right = PAGE_WIDTH - MARGIN - 200.0;
    let top = w.y;
    w.text(b"F1", 11.0, right, &letter.place_and_date);
    w.down(15.0);
    w.text(b"F1", 11.0, right, &letter.signer.0);
    w.down(60.0);
    w.text(b"F2", 11.0, right, &letter.signer.1);
    if let Some((position, name)) = &letter.camat {
        w.y = top - 15.0;
        w.text(b"F1", 11.0, MARGIN, "Mengetahui,");
        w.down(15.0);
        w.text(b"F1", 11.0, MARGIN, position);
        w.down(60.0);
        w.text(b"F2", 11.0, MARGIN, name);
    }
    // QR code to the verification page, with its address written out beside it.
    if let Ok(code) = qrcode::QrCode::new(letter.verification_url.as_bytes()) {
        let width = code.width();
        let (x0, y0) = QR_ORIGIN;
        let quiet = 4.0 * QR_MODULE;
        for (index, colour) in code.to_colors().iter().enumerate() {
            if *colour == qrcode::Color::Dark {
                let (column, row) = ((index % width) as f32, (index / width) as f32);
                w.content.rect(
                    x0 + quiet + column * QR_MODULE,
                    y0 + quiet + (width as f32 - 1.0 - row) * QR_MODULE,
                    QR_MODULE,
                    QR_MODULE,
                );
            }
        }
        w.content.fill_nonzero();
        let text_x = x0 + 2.0 * quiet + width as f32 * QR_MODULE + 8.0;
        w.y = y0 + quiet + width as f32 * QR_MODULE - 10.0;
        w.text(b"F2", 9.0, text_x, "Verifikasi keaslian surat ini:");
        w.down(12.0);
        w.text(b"F1", 9.0, text_x, &letter.verification_url);
        w.down(12.0);
        w.text(
            b"F1",
            9.0,
            text_x,
            "Dokumen ini diterbitkan secara elektronik oleh Smart Kampung.",
        );
    }
    pdf.stream(content_id, &w.content.finish());
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn sample() -> LetterContent {
        LetterContent {
            letterhead: [
                "PEMERINTAH KABUPATEN BANYUWANGI".into(),
                "KECAMATAN GLAGAH".into(),
                "DESA KEMIREN".into(),
            ],
            office_address: "Jalan Barong 1, Kemiren, Glagah, Banyuwangi 68432".into(),
            title: "SURAT KETERANGAN TIDAK MAMPU".into(),
            number: "470/012/35.10.07.2004/2026".into(),
            paragraphs: vec![
                "Yang bertanda tangan di bawah ini Kepala Desa Kemiren, Kecamatan Glagah, Kabupaten Banyuwangi, menerangkan bahwa:".into(),
                "Adalah benar warga Desa Kemiren yang tergolong keluarga tidak mampu. Surat keterangan ini dibuat untuk keperluan pendaftaran beasiswa sekolah.".into(),
            ],
            details: vec![
                ("Nama".into(), "Siti Rahayu".into()),
                ("Alamat".into(), "Dusun Krajan RT 01 RW 02, Kemiren".into()),
            ],
            place_and_date: "Kemiren, 28 November 2026".into(),
            signer: ("Kepala Desa Kemiren".into(), "Slamet Riyadi".into()),
            camat: Some(("Camat Glagah".into(), "Yusuf Hidayat".into())),
            verification_url: "https://kampung.example/verifikasi/ABCD2345EFGH".into(),
        }
    }

    /// Reads the QR back from the page: the filled module squares of the content stream become a bitmap
    /// that a QR decoder must understand.
    fn decode_qr(pdf: &[u8]) -> String {
        let text = String::from_utf8_lossy(pdf);
        let squares: Vec<(f32, f32)> = text
            .lines()
            .filter(|line| line.ends_with(" re"))
            .filter_map(|line| {
                let numbers: Vec<f32> = line
                    .split_whitespace()
                    .filter_map(|part| part.parse().ok())
                    .collect();
                (numbers.len() == 4 && (numbers[2] - QR_MODULE).abs() < 0.01)
                    .then(|| (numbers[0], numbers[1]))
            })
            .collect();
        assert!(squares.len() > 100, "QR modules drawn");
        // Each square back to its module position, measured from the quiet zone's corner.
        let modules: std::collections::HashSet<(u32, u32)> = squares
            .iter()
            .map(|(x, y)| {
                (
                    ((x - QR_ORIGIN.0) / QR_MODULE).round() as u32,
                    ((y - QR_ORIGIN.1) / QR_MODULE).round() as u32,
                )
            })
            .collect();
        let size = modules.iter().map(|(x, y)| x.max(y) + 5).max().unwrap();
        let scale = 4;
        let image = image::GrayImage::from_fn(size * scale, size * scale, |x, y| {
            let (column, row_from_bottom) = (x / scale, size - 1 - y / scale);
            let dark = modules.contains(&(column, row_from_bottom));
            image::Luma([if dark { 0 } else { 255 }])
        });
        let mut prepared = rqrr::PreparedImage::prepare(image);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code on the page");
        grids[0].decode().unwrap().1
    }

    #[test]
    fn the_letter_is_a_pdf_with_its_number_and_a_qr_to_the_verification_page() {
        let letter = sample();
        let pdf = render(&letter);
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(String::from_utf8_lossy(&pdf[pdf.len() - 8..]).contains("%%EOF"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("(Nomor: 470/012/35.10.07.2004/2026) Tj"));
        assert!(
            text.contains("(Yusuf Hidayat) Tj"),
            "the camat signs this one"
        );
        assert!(text.contains("/BaseFont /Helvetica"));
        assert_eq!(decode_qr(&pdf), letter.verification_url);
    }

    #[test]
    fn text_outside_latin_1_never_breaks_the_page() {
        assert_eq!(win_ansi("Kopí – “Osing”"), b"Kop\xed - \"Osing\"".to_vec());
        assert_eq!(win_ansi("日本"), b"??".to_vec());
        assert_eq!(
            wrap("satu dua tiga empat lima", 9),
            vec!["satu dua", "tiga", "empat", "lima"]
        );
    }
}
