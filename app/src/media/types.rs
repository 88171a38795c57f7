use serde::{Deserialize, Serialize};

/// The widths every photo is stored in (px). Phones at 360 px CSS width and 2–3× density pick 640 or
/// 1280 in a gallery, 320 in a two-column list.
pub const PHOTO_WIDTHS: [u32; 3] = [320, 640, 1280];

/// Added to a private photo's address (a document, a receipt) for its 320 px thumbnail.
pub const PRIVATE_THUMBNAIL_QUERY: &str = "ukuran=kecil";

/// Every stored photo is 4:3, so a page reserves its space before the image arrives (nothing jumps).
pub const PHOTO_ASPECT: (u32, u32) = (4, 3);

/// A stored photo: `key` names its files (`{key}-{width}.webp`), `widths` the sizes that exist (a small
/// original is never blown up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRef {
    pub id: i64,
    pub key: String,
    pub widths: Vec<u32>,
}

impl PhotoRef {
    pub fn url(&self, width: u32) -> String {
        format!("/media/{}-{width}.webp", self.key)
    }

    /// The largest stored width up to `wanted` (or the smallest there is).
    pub fn best_width(&self, wanted: u32) -> u32 {
        self.widths
            .iter()
            .copied()
            .filter(|width| *width <= wanted)
            .max()
            .or_else(|| self.widths.iter().copied().min())
            .unwrap_or(PHOTO_WIDTHS[0])
    }

    /// `/media/k-320.webp 320w, /media/k-640.webp 640w, …`
    pub fn srcset(&self) -> String {
        self.widths
            .iter()
            .map(|width| format!("{} {width}w", self.url(*width)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A photo from a query's optional columns (a `LEFT JOIN` that found nothing gives `None`).
    pub fn from_columns(
        id: Option<i64>,
        key: Option<String>,
        widths: Option<String>,
    ) -> Option<PhotoRef> {
        match (id, key, widths) {
            (Some(id), Some(key), Some(widths)) => Some(PhotoRef {
                id,
                widths: PhotoRef::widths_from_text(&widths),
                key,
            }),
            _ => None,
        }
    }

    /// Stored as `320,640,1280`.
    pub fn widths_from_text(text: &str) -> Vec<u32> {
        text.split(',')
            .filter_map(|width| width.trim().parse().ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_lists_the_stored_widths_and_small_photos_are_not_blown_up() {
        let photo = PhotoRef {
            id: 1,
            key: "ab12".into(),
            widths: vec![320, 640],
        };
        assert_eq!(
            photo.srcset(),
            "/media/ab12-320.webp 320w, /media/ab12-640.webp 640w"
        );
        assert_eq!(photo.best_width(1280), 640);
        assert_eq!(photo.best_width(400), 320);
        assert_eq!(photo.best_width(100), 320);
        assert_eq!(
            PhotoRef::widths_from_text("320,640,1280"),
            vec![320, 640, 1280]
        );
    }
}
