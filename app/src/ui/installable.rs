//! The site installs on a phone's home screen: a web app manifest, its icons (drawn here, PNG), the
//! service worker every page registers (`service-worker.js`: tickets keep opening offline, and any other
//! page asked for without signal gets the offline page instead of the browser's error).

use axum::{http::header, response::IntoResponse};

const SERVICE_WORKER: &str = include_str!("service-worker.js");

/// The cache the worker keeps ticket pages in (shared with Budaya's ticket page script).
pub const TICKET_CACHE: &str = "sk-tiket-v1";
/// The script every page loads to register the worker.
pub const REGISTER_PATH: &str = "/sw-daftar.js";
pub const MANIFEST_PATH: &str = "/manifest.webmanifest";
const THEME: [u8; 3] = [0x0f, 0x76, 0x6e];

/// `GET /sw.js`. Served from the root so its scope is the whole site; never cached long, so a new
/// version reaches phones at once.
pub async fn service_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SERVICE_WORKER,
    )
}

/// `GET /sw-daftar.js`: registers the worker (a file, not an inline script: the CSP allows only ours).
pub async fn register_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        "if('serviceWorker'in navigator){navigator.serviceWorker.register('/sw.js').catch(function(){})}",
    )
}

/// `GET /manifest.webmanifest`.
pub async fn manifest() -> impl IntoResponse {
    let manifest = serde_json::json!({
        "name": "Smart Kampung",
        "short_name": "Smart Kampung",
        "description": "Layanan desa, pasar kreatif, budaya dan edukasi — langsung dari desa.",
        "lang": "id",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fafaf9",
        "theme_color": "#0f766e",
        "icons": [
            { "src": "/ikon/192.png", "sizes": "192x192", "type": "image/png", "purpose": "any" },
            { "src": "/ikon/512.png", "sizes": "512x512", "type": "image/png", "purpose": "any" },
            { "src": "/ikon/maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" }
        ]
    });
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        manifest.to_string(),
    )
}

/// The icon: a white village house (roof, walls, door) on the theme's teal. `inset` is the share of the
/// side left as margin around the house: wider for the maskable icon, whose edges a launcher may cut.
pub fn draw_icon(size: u32, inset: f32) -> Vec<u8> {
    let side = size as f32;
    let scale = 1.0 - 2.0 * inset;
    let at = |fraction: f32| side * (inset + fraction * scale);
    let mut image = image::RgbaImage::new(size, size);
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
        let roof_top = at(0.12);
        let roof_base = at(0.48);
        let half_width = (py - roof_top) / (roof_base - roof_top) * (at(0.95) - at(0.5));
        let in_roof = py >= roof_top && py <= roof_base && (px - at(0.5)).abs() <= half_width;
        let in_walls = px >= at(0.18) && px <= at(0.82) && py > roof_base && py <= at(0.88);
        let in_door = px >= at(0.42) && px <= at(0.58) && py >= at(0.62) && py <= at(0.88);
        let white = (in_roof || in_walls) && !in_door;
        *pixel = if white {
            image::Rgba([255, 255, 255, 255])
        } else {
            image::Rgba([THEME[0], THEME[1], THEME[2], 255])
        };
    }
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap_or_default();
    png
}

/// `GET /ikon/{file}`: `192.png`, `512.png`, `maskable-512.png`; drawn once, then kept.
pub async fn icon(
    axum::extract::Path(file): axum::extract::Path<String>,
) -> axum::response::Response {
    use std::sync::OnceLock;
    static ICONS: [OnceLock<Vec<u8>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (slot, size, inset) = match file.as_str() {
        "192.png" => (0, 192, 0.14),
        "512.png" => (1, 512, 0.14),
        "maskable-512.png" => (2, 512, 0.22),
        _ => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    let png = ICONS[slot].get_or_init(|| draw_icon(size, inset)).clone();
    (
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "public, max-age=604800"),
        ],
        png,
    )
        .into_response()
}

/// `GET /offline`: what a phone without signal sees instead of a browser error. Self-contained (the
/// stylesheet may not be in the cache), in both languages.
pub async fn offline_page() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        r##"<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="theme-color" content="#0f766e"><title>Tidak ada sinyal · Smart Kampung</title><style>body{font-family:system-ui,sans-serif;margin:0;background:#fafaf9;color:#1c1917}main{max-width:32rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.5rem;color:#0f766e}p{line-height:1.5}a{display:inline-flex;min-height:3rem;align-items:center;padding:0 1rem;border-radius:.5rem;background:#0f766e;color:#fff;font-weight:600;text-decoration:none}</style></head><body><main><h1>Tidak ada sinyal</h1><p>Halaman ini belum bisa dimuat karena HP Anda sedang offline. Tiket acara yang pernah Anda buka tetap bisa dibuka tanpa sinyal.</p><p lang="en">You are offline, so this page cannot load yet. Event tickets you opened before still open without signal.</p><p><a href="/">Coba lagi · Try again</a></p></main></body></html>"##,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_are_pngs_of_their_size_with_the_house_in_the_middle() {
        let png = draw_icon(192, 0.14);
        let image = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(image.dimensions(), (192, 192));
        // A corner is the theme colour, the wall beside the door is white.
        assert_eq!(image.get_pixel(2, 2).0, [THEME[0], THEME[1], THEME[2], 255]);
        assert_eq!(image.get_pixel(60, 140).0, [255, 255, 255, 255]);
        // The maskable icon keeps its house inside the safe circle (80 % of the side).
        let maskable = image::load_from_memory(&draw_icon(512, 0.22))
            .unwrap()
            .to_rgba8();
        for (x, y, pixel) in maskable.enumerate_pixels() {
            if pixel.0 == [255, 255, 255, 255] {
                let (dx, dy) = (x as f32 - 256.0, y as f32 - 256.0);
                assert!(
                    (dx * dx + dy * dy).sqrt() <= 0.4 * 512.0,
                    "({x}, {y}) outside the safe zone"
                );
            }
        }
    }
}
