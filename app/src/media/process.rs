//! From an uploaded file to stored WebP variants. Runs on a blocking thread (decoding a 12-megapixel
//! phone photo takes a while); everything here is pure and tested with generated images.

use std::io::Cursor;

use image::{
    imageops::FilterType, metadata::Orientation, DynamicImage, ImageDecoder, ImageFormat,
    ImageReader, Limits,
};
use sha2::{Digest, Sha256};

use super::{PHOTO_ASPECT, PHOTO_WIDTHS};

/// Phones send 2–8 MB JPEGs; anything over this is refused before decoding.
pub const MAX_UPLOAD_BYTES: usize = 12 * 1024 * 1024;
/// 40 megapixels: more than the 12–24 MP a phone saves by default, and bounded memory per decode
/// (decoded to 8 bits per channel, at most ~160 MB of pixels; a 7000×7000 16-bit PNG of 372 KiB once
/// took the server to 1 GB).
pub const MAX_PIXELS: u64 = 40_000_000;
/// Longest side accepted, and the memory the decoder may allocate.
const MAX_SIDE: u32 = 10_000;
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// Longest side a decoded picture is shrunk to before framing and resizing: twice the largest stored
/// width, so the final resize still has detail to work from.
const WORKING_SIDE: u32 = 2 * PHOTO_WIDTHS[PHOTO_WIDTHS.len() - 1];
/// WebP quality: photos of batik and crafts stay crisp at a third of the JPEG's size.
const WEBP_QUALITY: f32 = 78.0;
/// What fills the frame beside a picture of another shape: the page's own background (stone-50), so a
/// portrait photo reads as a photo on the page rather than as a photo with bars.
const FRAME_FILL: image::Rgb<u8> = image::Rgb([250, 250, 249]);

/// Why a file was refused; each code has a translated message next to the upload field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoError {
    TooLarge,
    NotAnImage,
    TooManyPixels,
    Unreadable,
}

impl PhotoError {
    pub fn code(self) -> &'static str {
        match self {
            PhotoError::TooLarge => "photo_too_large",
            PhotoError::NotAnImage => "photo_not_image",
            PhotoError::TooManyPixels => "photo_too_many_pixels",
            PhotoError::Unreadable => "photo_unreadable",
        }
    }
}

/// The stored sizes of one photo.
pub struct ProcessedPhoto {
    /// Content hash prefix: the same photo uploaded twice gets the same files.
    pub key: String,
    /// `(width, height, webp bytes)`, smallest first.
    pub variants: Vec<(u32, u32, Vec<u8>)>,
}

fn classify(error: image::ImageError) -> PhotoError {
    match error {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels,
        image::ImageError::Unsupported(_) => PhotoError::NotAnImage,
        _ => PhotoError::Unreadable,
    }
}

/// Decodes `bytes` (JPEG, PNG or WebP only, recognised by content, not by name), applies the EXIF
/// orientation and encodes the WebP widths of a 4:3 frame that holds the whole picture. Nothing is cut:
/// a portrait photo of a scarf keeps its top and bottom, with the page's background beside it. Metadata
/// never survives: only pixels are re-encoded.
pub fn process(bytes: &[u8]) -> Result<ProcessedPhoto, PhotoError> {
    let image = decode_upright(bytes)?;
    let frame_width = frame_width_around(image.width(), image.height());
    let mut variants = Vec::new();
    for target in PHOTO_WIDTHS {
        // Never enlarge; the smallest size always exists.
        if target > frame_width && target != PHOTO_WIDTHS[0] {
            continue;
        }
        variants.push(encode_framed(&image, target));
    }
    Ok(ProcessedPhoto {
        key: content_key(bytes),
        variants,
    })
}

/// A photo of a document (a transfer receipt, a KTP): the same checks and clean-up as [`process`], the
/// whole picture in its own shape (a receipt is tall), at most 1280 px wide, plus a 320 px thumbnail
/// for the lists that show it (a fifth of the bytes on a slow link; the full one opens on tap).
pub fn process_document(bytes: &[u8]) -> Result<ProcessedPhoto, PhotoError> {
    let image = decode_upright(bytes)?;
    let full_width = image
        .width()
        .min(PHOTO_WIDTHS[PHOTO_WIDTHS.len() - 1])
        .max(1);
    let thumbnail_width = PHOTO_WIDTHS[0];
    let mut widths = vec![full_width];
    if full_width > thumbnail_width {
        widths.insert(0, thumbnail_width);
    }
    let variants = widths
        .into_iter()
        .map(|width| {
            let height = ((u64::from(image.height()) * u64::from(width))
                / u64::from(image.width().max(1)))
            .clamp(1, u64::from(MAX_SIDE)) as u32;
            encode(&image, width, height)
        })
        .collect();
    Ok(ProcessedPhoto {
        key: content_key(bytes),
        variants,
    })
}

/// Quality for codes meant to be scanned: a QR's modules must keep their edges.
const CODE_QUALITY: f32 = 92.0;

/// A photo or screenshot of a code to scan (a shop's static QRIS): upright, cut to the largest central
/// square (a QRIS sticker is a tall card with the code in its middle; a screenshot is the code with a
/// margin), at most 800 px, plus a 320 px thumbnail. Encoded at a higher quality than photos so a
/// banking app still reads it from the screen.
pub fn process_square_code(bytes: &[u8]) -> Result<ProcessedPhoto, PhotoError> {
    let image = decode_upright(bytes)?;
    let side = image.width().min(image.height()).max(1);
    let square = image.crop_imm(
        (image.width() - side) / 2,
        (image.height() - side) / 2,
        side,
        side,
    );
    let full = side.min(SQUARE_CODE_SIDE);
    let mut sides = vec![full];
    if full > PHOTO_WIDTHS[0] {
        sides.insert(0, PHOTO_WIDTHS[0]);
    }
    let variants = sides
        .into_iter()
        .map(|side| {
            let resized = square
                .resize_exact(side, side, FilterType::Lanczos3)
                .to_rgb8();
            let webp = webp::Encoder::from_rgb(resized.as_raw(), side, side).encode(CODE_QUALITY);
            (side, side, webp.to_vec())
        })
        .collect();
    Ok(ProcessedPhoto {
        key: content_key(bytes),
        variants,
    })
}

/// The largest side a stored code has (a phone screen shows it at ~350 CSS px, 2–3 device pixels each).
const SQUARE_CODE_SIDE: u32 = 800;

/// Checks, decodes under limits and turns the picture upright.
fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(PhotoError::NotAnImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (width, height) = decoder.dimensions();
    // Checked from the header, before a single pixel is allocated.
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = if format == ImageFormat::Png {
        // image's PNG decoder keeps 16-bit samples (twice the memory for nothing a WebP can show).
        drop(decoder);
        decode_png_8bit(bytes)?
    } else {
        // JPEG and WebP decode to 8 bits per channel already.
        DynamicImage::from_decoder(decoder).map_err(classify)?
    };
    // Shrink before anything else: turning, cropping and resizing a 12-megapixel picture each made
    // copies of it, and only 1280 px are ever stored. The bound is the same both ways, so shrinking
    // before turning upright gives the same picture.
    let mut image = if image.width().max(image.height()) > WORKING_SIDE {
        image.thumbnail(WORKING_SIDE, WORKING_SIDE)
    } else {
        image
    };
    image.apply_orientation(orientation);
    Ok(image)
}

/// A PNG decoded straight to 8 bits per channel (16-bit samples stripped, palettes expanded), under the
/// same allocation limit as the other formats.
fn decode_png_8bit(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    use image::{GrayAlphaImage, GrayImage, RgbImage, RgbaImage};
    let mut decoder = png::Decoder::new_with_limits(
        Cursor::new(bytes),
        png::Limits {
            bytes: MAX_DECODE_BYTES as usize,
        },
    );
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|error| match error {
        png::DecodingError::LimitsExceeded => PhotoError::TooManyPixels,
        _ => PhotoError::Unreadable,
    })?;
    let size = reader
        .output_buffer_size()
        .ok_or(PhotoError::TooManyPixels)?;
    if size as u64 > MAX_DECODE_BYTES {
        return Err(PhotoError::TooManyPixels);
    }
    let mut pixels = vec![0; size];
    let frame = reader
        .next_frame(&mut pixels)
        .map_err(|_| PhotoError::Unreadable)?;
    pixels.truncate(frame.buffer_size());
    let (width, height) = (frame.width, frame.height);
    let image = match frame.color_type {
        png::ColorType::Grayscale => {
            GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8)
        }
        png::ColorType::GrayscaleAlpha => {
            GrayAlphaImage::from_raw(width, height, pixels).map(DynamicImage::ImageLumaA8)
        }
        png::ColorType::Rgb => {
            RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8)
        }
        png::ColorType::Rgba => {
            RgbaImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgba8)
        }
        png::ColorType::Indexed => None,
    };
    image.ok_or(PhotoError::Unreadable)
}

fn encode(image: &DynamicImage, width: u32, height: u32) -> (u32, u32, Vec<u8>) {
    let resized = image
        .resize_exact(width, height, FilterType::CatmullRom)
        .to_rgb8();
    let webp = webp::Encoder::from_rgb(resized.as_raw(), width, height).encode(WEBP_QUALITY);
    (width, height, webp.to_vec())
}

/// The picture scaled to fit a `frame_width` × ¾ frame, centred on [`FRAME_FILL`].
fn encode_framed(image: &DynamicImage, frame_width: u32) -> (u32, u32, Vec<u8>) {
    let frame_height = frame_width * PHOTO_ASPECT.1 / PHOTO_ASPECT.0;
    let (width, height) = fit_within(image.width(), image.height(), frame_width, frame_height);
    let picture = image
        .resize_exact(width, height, FilterType::CatmullRom)
        .to_rgb8();
    let mut frame = image::RgbImage::from_pixel(frame_width, frame_height, FRAME_FILL);
    image::imageops::replace(
        &mut frame,
        &picture,
        i64::from((frame_width - width) / 2),
        i64::from((frame_height - height) / 2),
    );
    let webp =
        webp::Encoder::from_rgb(frame.as_raw(), frame_width, frame_height).encode(WEBP_QUALITY);
    (frame_width, frame_height, webp.to_vec())
}

/// The width of the smallest 4:3 frame that holds a `width` × `height` picture whole.
fn frame_width_around(width: u32, height: u32) -> u32 {
    let (aspect_w, aspect_h) = PHOTO_ASPECT;
    let from_height = (u64::from(height) * u64::from(aspect_w)).div_ceil(u64::from(aspect_h));
    u64::from(width).max(from_height).min(u64::from(u32::MAX)) as u32
}

/// The largest size of `width` × `height`'s shape inside `max_width` × `max_height` (at least 1 px).
fn fit_within(width: u32, height: u32, max_width: u32, max_height: u32) -> (u32, u32) {
    let (width, height) = (u64::from(width.max(1)), u64::from(height.max(1)));
    let (max_width, max_height) = (u64::from(max_width), u64::from(max_height));
    if width * max_height > height * max_width {
        (
            max_width as u32,
            (height * max_width / width).clamp(1, max_height) as u32,
        )
    } else {
        (
            (width * max_height / height).clamp(1, max_width) as u32,
            max_height as u32,
        )
    }
}

fn content_key(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(12)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{codecs::jpeg::JpegEncoder, ImageEncoder, Rgb, RgbImage};

    /// A JPEG `width`×`height`, left half red and right half blue, with an EXIF orientation tag and a
    /// GPS position (what a phone writes).
    fn phone_jpeg(width: u32, height: u32, orientation: Option<u8>) -> Vec<u8> {
        let image = RgbImage::from_fn(width, height, |x, _| {
            if x < width / 2 {
                Rgb([220, 20, 20])
            } else {
                Rgb([20, 20, 220])
            }
        });
        let mut jpeg = Vec::new();
        let mut encoder = JpegEncoder::new_with_quality(&mut jpeg, 90);
        // Little-endian TIFF header, IFD0 with Orientation (0x0112) and a GPS IFD pointer (0x8825).
        let mut exif = b"II\x2a\x00\x08\x00\x00\x00\x02\x00".to_vec();
        exif.extend_from_slice(&[0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00]);
        exif.extend_from_slice(&[orientation.unwrap_or(1), 0, 0, 0]);
        exif.extend_from_slice(&[
            0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00,
        ]);
        exif.extend_from_slice(&[0, 0, 0, 0]);
        exif.extend_from_slice(b"GPS-8.2149,114.3306");
        encoder.set_exif_metadata(exif).unwrap();
        encoder
            .write_image(
                image.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        jpeg
    }

    fn jpeg_with_orientation(image: &RgbImage, orientation: u8) -> Vec<u8> {
        let mut jpeg = Vec::new();
        let mut encoder = JpegEncoder::new_with_quality(&mut jpeg, 85);
        let mut exif = b"II\x2a\x00\x08\x00\x00\x00\x01\x00".to_vec();
        exif.extend_from_slice(&[0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00]);
        exif.extend_from_slice(&[orientation, 0, 0, 0, 0, 0, 0, 0]);
        encoder.set_exif_metadata(exif).unwrap();
        encoder
            .write_image(
                image.as_raw(),
                image.width(),
                image.height(),
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        jpeg
    }

    fn decode_webp(bytes: &[u8]) -> RgbImage {
        image::load_from_memory_with_format(bytes, ImageFormat::WebP)
            .unwrap()
            .to_rgb8()
    }

    #[test]
    fn a_phone_photo_becomes_upright_4_3_webp_in_every_width_without_metadata() {
        let jpeg = phone_jpeg(1600, 1200, None);
        assert!(
            jpeg.windows(3).any(|w| w == b"GPS"),
            "the fixture carries GPS"
        );
        let photo = process(&jpeg).unwrap();
        let widths: Vec<(u32, u32)> = photo.variants.iter().map(|(w, h, _)| (*w, *h)).collect();
        assert_eq!(widths, [(320, 240), (640, 480), (1280, 960)]);
        for (_, _, webp) in &photo.variants {
            assert_eq!(&webp[..4], b"RIFF");
            assert_eq!(&webp[8..12], b"WEBP");
            assert!(
                !webp.windows(3).any(|w| w == b"GPS"),
                "no metadata survives"
            );
            assert!(!webp.windows(4).any(|w| w == b"EXIF" || w == b"Exif"));
        }
        let small = decode_webp(&photo.variants[0].2);
        assert!(small.get_pixel(10, 120)[0] > 150, "red stays on the left");
        assert_eq!(photo.key.len(), 24);
    }

    #[test]
    fn the_exif_orientation_is_applied() {
        // Stored sideways (1200×1600) with "rotate 90° clockwise to view": upright it is 1600×1200 with
        // the red half on top (the stored left side).
        let jpeg = phone_jpeg(1200, 1600, Some(6));
        let photo = process(&jpeg).unwrap();
        let image = decode_webp(&photo.variants[0].2);
        assert_eq!(image.dimensions(), (320, 240));
        let top = image.get_pixel(160, 20);
        let bottom = image.get_pixel(160, 220);
        assert!(top[0] > 150 && top[2] < 100, "top is red: {top:?}");
        assert!(
            bottom[2] > 150 && bottom[0] < 100,
            "bottom is blue: {bottom:?}"
        );
    }

    #[test]
    fn a_12_megapixel_photo_taken_sideways_is_shrunk_then_turned_upright() {
        // Stored 3000×4000 with "rotate 90° clockwise": upright 4000×3000, red half on top.
        let jpeg = phone_jpeg(3000, 4000, Some(6));
        let photo = process(&jpeg).unwrap();
        let widths: Vec<(u32, u32)> = photo.variants.iter().map(|(w, h, _)| (*w, *h)).collect();
        assert_eq!(widths, [(320, 240), (640, 480), (1280, 960)]);
        let large = decode_webp(&photo.variants[2].2);
        assert!(large.get_pixel(640, 40)[0] > 150, "top is red");
        assert!(large.get_pixel(640, 920)[2] > 150, "bottom is blue");
    }

    #[test]
    fn small_photos_are_not_enlarged() {
        let photo = process(&phone_jpeg(500, 300, None)).unwrap();
        let widths: Vec<u32> = photo.variants.iter().map(|(w, _, _)| *w).collect();
        assert_eq!(widths, [320]);
        // A tall one's frame is as wide as its height needs: 700×2000 fits a 2667×2000 frame.
        let photo = process(&phone_jpeg(700, 2000, None)).unwrap();
        let widths: Vec<u32> = photo.variants.iter().map(|(w, _, _)| *w).collect();
        assert_eq!(widths, [320, 640, 1280]);
    }

    #[test]
    fn an_upright_portrait_photo_keeps_its_top_and_bottom() {
        // What the phone stores for a portrait photo: 4000×3000 sensor pixels with "rotate 90°
        // clockwise to view". The stored left edge (green) is the top of the scarf, the right edge
        // (black) its bottom; upright the picture is 3000×4000.
        let stored = RgbImage::from_fn(4000, 3000, |x, _| match x {
            0..200 => Rgb([20, 200, 20]),
            3800.. => Rgb([10, 10, 10]),
            _ => Rgb([200, 120, 40]),
        });
        let photo = process(&jpeg_with_orientation(&stored, 6)).unwrap();
        let sizes: Vec<(u32, u32)> = photo.variants.iter().map(|(w, h, _)| (*w, *h)).collect();
        assert_eq!(sizes, [(320, 240), (640, 480), (1280, 960)]);
        let large = decode_webp(&photo.variants[2].2);
        let top = large.get_pixel(640, 6);
        let bottom = large.get_pixel(640, 953);
        assert!(
            top[1] > 150 && top[0] < 100,
            "the top band is kept: {top:?}"
        );
        assert!(
            bottom.0.iter().all(|c| *c < 60),
            "the bottom band is kept: {bottom:?}"
        );
        // 3000×4000 in a 1280×960 frame is 720×960, centred: the sides are the page's background.
        let side = large.get_pixel(100, 480);
        assert!(
            side.0.iter().all(|c| *c > 235),
            "background beside it: {side:?}"
        );
        let middle = large.get_pixel(640, 480);
        assert!(
            middle[0] > 150 && middle[2] < 100,
            "the scarf itself: {middle:?}"
        );
    }

    #[test]
    fn frames_fit_the_whole_picture() {
        assert_eq!(frame_width_around(1600, 1200), 1600);
        assert_eq!(frame_width_around(3000, 4000), 5334);
        assert_eq!(frame_width_around(4000, 1000), 4000);
        assert_eq!(fit_within(3000, 4000, 1280, 960), (720, 960));
        assert_eq!(fit_within(4000, 1000, 320, 240), (320, 80));
        assert_eq!(fit_within(1600, 1200, 640, 480), (640, 480));
        assert_eq!(fit_within(1, 10_000, 320, 240), (1, 240));
    }

    /// A phone photo of a QRIS sticker: a tall card, the code in its middle. What is stored is the
    /// square around the code, and a QR reader still decodes it from the stored WebP.
    #[test]
    fn a_qris_sticker_photo_becomes_a_square_code_that_still_scans() {
        let payload = "00020101021126570011ID.DANA.WWW011893600915000000000102090000000010303UMI51440014ID.CO.QRIS.WWW0215ID10200000000010303UMI5204594553033605802ID5914SANGGAR BATIK6010BANYUWANGI6304ABCD";
        let code = qrcode::QrCode::new(payload.as_bytes()).unwrap();
        let modules = code.width() as u32;
        let colours = code.to_colors();
        // 3000×4000 card, light grey, the code 2400 px wide (with its quiet zone) in the middle.
        let (width, height, code_side) = (3000u32, 4000u32, 2400u32);
        let module = code_side / (modules + 8);
        let origin = ((width - code_side) / 2, (height - code_side) / 2);
        let card = RgbImage::from_fn(width, height, |x, y| {
            let inside = x >= origin.0
                && y >= origin.1
                && x < origin.0 + code_side
                && y < origin.1 + code_side;
            if !inside {
                return Rgb([230, 230, 230]);
            }
            let (column, row) = ((x - origin.0) / module, (y - origin.1) / module);
            let dark = (4..modules + 4).contains(&column)
                && (4..modules + 4).contains(&row)
                && colours[((row - 4) * modules + column - 4) as usize] == qrcode::Color::Dark;
            if dark {
                Rgb([0, 0, 0])
            } else {
                Rgb([255, 255, 255])
            }
        });
        let stored = process_square_code(&jpeg_with_orientation(&card, 1)).unwrap();
        let sizes: Vec<(u32, u32)> = stored.variants.iter().map(|(w, h, _)| (*w, *h)).collect();
        assert_eq!(sizes, [(320, 320), (800, 800)]);
        let full = image::DynamicImage::ImageRgb8(decode_webp(&stored.variants[1].2)).to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(full);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the stored square");
        assert_eq!(grids[0].decode().unwrap().1, payload);
    }

    #[test]
    fn a_receipt_keeps_its_whole_tall_shape_without_metadata() {
        let receipt = phone_jpeg(600, 1400, None);
        let processed = process_document(&receipt).unwrap();
        let sizes: Vec<(u32, u32)> = processed
            .variants
            .iter()
            .map(|(w, h, _)| (*w, *h))
            .collect();
        assert_eq!(
            sizes,
            [(320, 746), (600, 1400)],
            "a thumbnail, then the whole picture"
        );
        let (_, _, bytes) = &processed.variants[1];
        assert!(!bytes.windows(4).any(|window| window == b"Exif"));
        let decoded = image::load_from_memory(bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (600, 1400));
        assert_eq!(
            process_document(b"%PDF-1.4").err(),
            Some(PhotoError::NotAnImage)
        );
    }

    #[test]
    fn non_images_oversize_files_and_decompression_bombs_are_refused() {
        assert_eq!(
            process(b"%PDF-1.7 not a photo").err(),
            Some(PhotoError::NotAnImage)
        );
        assert_eq!(
            process(b"GIF89a\x01\x00\x01\x00").err(),
            Some(PhotoError::NotAnImage)
        );
        assert_eq!(
            process(&vec![0xff; MAX_UPLOAD_BYTES + 1]).err(),
            Some(PhotoError::TooLarge)
        );
        // A 20000×20000 PNG header: a tiny file that would need 1.2 GB once decoded.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&20_000u32.to_be_bytes());
        ihdr.extend_from_slice(&20_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        png.extend_from_slice(&(ihdr.len() as u32).to_be_bytes());
        let mut chunk = b"IHDR".to_vec();
        chunk.extend_from_slice(&ihdr);
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
        assert_eq!(process(&png).err(), Some(PhotoError::TooManyPixels));
        // A JPEG cut off inside its headers is unreadable, not a crash.
        let jpeg = phone_jpeg(400, 300, None);
        assert_eq!(process(&jpeg[..64]).err(), Some(PhotoError::Unreadable));
    }

    #[test]
    fn a_16_bit_png_is_decoded_with_8_bits_per_channel() {
        use image::{ImageBuffer, Rgb as Rgb16};
        let image: ImageBuffer<Rgb16<u16>, Vec<u16>> = ImageBuffer::from_fn(800, 600, |x, _| {
            Rgb16([if x < 400 { 60_000 } else { 0 }, 0, 0])
        });
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb16(image)
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        let decoded = decode_upright(&png).unwrap();
        assert!(
            matches!(decoded, DynamicImage::ImageRgb8(_)),
            "8-bit: {:?}",
            decoded.color()
        );
        assert_eq!((decoded.width(), decoded.height()), (800, 600));
        assert!(decoded.to_rgb8().get_pixel(10, 10)[0] > 200);
        // The 7000×7000 16-bit PNG of the review (372 KiB on disk, ~1 GB decoded): refused from its
        // header, before any pixel is decoded.
        let mut header = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = b"IHDR".to_vec();
        chunk.extend_from_slice(&7_000u32.to_be_bytes());
        chunk.extend_from_slice(&7_000u32.to_be_bytes());
        chunk.extend_from_slice(&[16, 2, 0, 0, 0]);
        header.extend_from_slice(&13u32.to_be_bytes());
        header.extend_from_slice(&chunk);
        header.extend_from_slice(&crc32(&chunk).to_be_bytes());
        // An image-data chunk (its pixels never matter: the size alone refuses it) and the end.
        for (kind, data) in [
            (&b"IDAT"[..], &b"\x78\x9c\x03\x00\x00\x00\x00\x01"[..]),
            (b"IEND", b""),
        ] {
            let mut chunk = kind.to_vec();
            chunk.extend_from_slice(data);
            header.extend_from_slice(&(data.len() as u32).to_be_bytes());
            header.extend_from_slice(&chunk);
            header.extend_from_slice(&crc32(&chunk).to_be_bytes());
        }
        assert_eq!(process(&header).err(), Some(PhotoError::TooManyPixels));
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    0xedb8_8320 ^ (crc >> 1)
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
