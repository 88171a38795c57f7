//! Pictures for the demo data, drawn on the spot (no image files to ship): they go through the same
//! upload pipeline as a phone's photo.

/// A "phone photo" with a batik-like motif (kawung circles on a ground colour), as a JPEG: the demo
/// runs it through the same pipeline as a real upload.
pub fn batik_picture(width: u32, height: u32, ground: [u8; 3], motif: [u8; 3]) -> Vec<u8> {
    use image::{Rgb, RgbImage};
    let picture = RgbImage::from_fn(width, height, |x, y| {
        let (cx, cy) = ((x % 160) as i32 - 80, (y % 160) as i32 - 80);
        let ring = cx * cx + cy * cy;
        let petal =
            (cx.abs() - 40).pow(2) + cy * cy < 900 || cx * cx + (cy.abs() - 40).pow(2) < 900;
        let shade = (y * 40 / height) as u8;
        if petal || (3_000..3_600).contains(&ring) {
            Rgb([
                motif[0].saturating_sub(shade),
                motif[1].saturating_sub(shade),
                motif[2].saturating_sub(shade),
            ])
        } else {
            Rgb([
                ground[0].saturating_add(shade),
                ground[1].saturating_add(shade),
                ground[2].saturating_add(shade),
            ])
        }
    });
    jpeg(&picture, 88)
}

/// A "photographed paper" (dark ruled lines on off-white), for the demo's document photos.
pub fn paper_picture(width: u32, height: u32) -> Vec<u8> {
    use image::{Rgb, RgbImage};
    let picture = RgbImage::from_fn(width, height, |x, y| {
        if y % 30 < 2 && x > width / 10 && x < width * 9 / 10 {
            Rgb([20, 20, 60])
        } else {
            Rgb([245, 243, 235])
        }
    });
    jpeg(&picture, 85)
}

/// A drawn picture as a phone camera's JPEG, for the upload pipeline.
pub fn jpeg(picture: &image::RgbImage, quality: u8) -> Vec<u8> {
    use image::{codecs::jpeg::JpegEncoder, ImageEncoder};
    let mut jpeg = Vec::new();
    // Encoding a picture just drawn cannot fail; an empty file would be refused by the pipeline anyway.
    let _ = JpegEncoder::new_with_quality(&mut jpeg, quality).write_image(
        picture.as_raw(),
        picture.width(),
        picture.height(),
        image::ExtendedColorType::Rgb8,
    );
    jpeg
}
