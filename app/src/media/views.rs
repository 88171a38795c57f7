//! Showing photos: responsive `srcset`, lazy below the fold, a fixed 4:3 box so nothing jumps.

use leptos::prelude::*;

use super::PhotoRef;

/// A photo in a 4:3 box. `sizes` tells the browser how wide it is drawn (e.g. `(min-width: 640px) 50vw,
/// 100vw`); `eager` for the first photo on a page (it is the largest content), lazy otherwise.
#[component]
pub fn Photo(
    photo: PhotoRef,
    #[prop(into)] alt: String,
    sizes: &'static str,
    #[prop(default = false)] eager: bool,
    #[prop(default = "")] class: &'static str,
) -> impl IntoView {
    let (width, height) = (photo.best_width(640), photo.best_width(640) * 3 / 4);
    view! {
        <img
            src=photo.url(photo.best_width(640))
            srcset=photo.srcset()
            sizes=sizes
            width=width
            height=height
            alt=alt
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
            class=format!("aspect-[4/3] w-full rounded-xl bg-stone-200 object-cover {class}")
        />
    }
}
