//! Showing photos: responsive `srcset`, lazy below the fold, a fixed 4:3 box so nothing jumps.

use leptos::prelude::*;

use super::{PhotoRef, MAX_PHOTOS, PHOTO_WIDTHS};
use crate::i18n::*;
use crate::ui::form::SubmitButton;

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

/// A photo in a list of cards: on a phone (under 640 px) always one small file — `phone_width`, 320 px
/// for a two-column list (already twice a card's width), 640 px for a full-width card — where `srcset`
/// would pick the 1280 px file on a 2.75× screen and triple what a slow link downloads for the same list.
/// Wider screens choose by `wide_sizes`. `eager` for the cards of the first screen; the rest wait until
/// they are scrolled near (browsers load every image at once when JavaScript is off).
#[component]
pub fn Thumbnail(
    photo: PhotoRef,
    #[prop(into)] alt: String,
    wide_sizes: &'static str,
    #[prop(default = PHOTO_WIDTHS[0])] phone_width: u32,
    #[prop(default = false)] eager: bool,
    #[prop(default = "")] class: &'static str,
) -> impl IntoView {
    let small = photo.best_width(phone_width);
    view! {
        <picture>
            <source media="(min-width: 640px)" srcset=photo.srcset() sizes=wide_sizes />
            <img
                src=photo.url(small)
                width=small
                height=small * 3 / 4
                alt=alt
                loading=if eager { "eager" } else { "lazy" }
                fetchpriority=eager.then_some("high")
                decoding="async"
                class=format!("aspect-[4/3] w-full rounded-xl bg-stone-200 object-cover {class}")
            />
        </picture>
    }
}

/// The first photo large (it is the page's main content, so loaded at once), the others in a row to
/// swipe through, loaded lazily. Each keeps its 4:3 box while loading.
#[component]
pub fn Gallery(photos: Vec<PhotoRef>, alt: String) -> impl IntoView {
    let mut photos = photos.into_iter();
    let first = photos.next();
    let rest: Vec<_> = photos.collect();
    first.map(|first| {
        view! {
            <div class="-mx-4 sm:mx-0">
                <Photo photo=first alt=alt.clone() sizes="(min-width: 768px) 720px, 100vw" eager=true class="rounded-none sm:rounded-xl" />
                {(!rest.is_empty()).then(|| view! {
                    <ul class="mt-2 flex snap-x gap-2 overflow-x-auto px-4 sm:px-0" role="list">
                        {rest.into_iter().map(|photo| view! {
                            <li class="w-2/3 shrink-0 snap-start sm:w-1/3">
                                <Photo photo alt=alt.clone() sizes="(min-width: 640px) 33vw, 66vw" />
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        }
    })
}

/// The reason the last upload was refused (`?foto_galat=code` after the redirect), translated.
pub fn upload_refusal() -> Option<String> {
    let i18n = use_i18n();
    let code = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("foto_galat")
        .unwrap_or_default();
    (!code.is_empty()).then(|| crate::ui::form::field_message(i18n, &code))
}

/// The file picker as a plain multipart form posting to `action` (works without JavaScript; with it,
/// the form island sends it with a progress bar). `multiple` for galleries, one file otherwise.
#[component]
pub fn PhotoUploadForm(
    action: String,
    #[prop(default = true)] multiple: bool,
    #[prop(optional, into)] label: Option<Signal<String>>,
    /// Names this form among several on one page: its input's id, and the refusal (`?berkas=…`) it shows.
    #[prop(optional)]
    name: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = label
        .unwrap_or_else(|| Signal::derive(move || t_string!(i18n, foto.add_photos).to_string()));
    let input_id = match &name {
        Some(name) => format!("f-photos-{name}"),
        None => "f-photos".to_string(),
    };
    let error_id = format!("{input_id}-error");
    let refusal = match &name {
        Some(name) => {
            let refused_form = leptos_router::hooks::use_query_map()
                .read_untracked()
                .get("berkas")
                .unwrap_or_default();
            (refused_form == *name).then(upload_refusal).flatten()
        }
        None => upload_refusal(),
    };
    view! {
        <form method="post" enctype="multipart/form-data" action=action data-upload="" class="mt-3 flex flex-col gap-2">
            <label for=input_id.clone() class="font-medium">{label}</label>
            <p class="text-sm text-stone-600">{t!(i18n, foto.photos_hint)}</p>
            <input id=input_id type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple=multiple required
                aria-describedby=error_id.clone() class="min-h-12 text-base" />
            <p id=error_id role="alert" class="text-sm font-medium text-red-700">{refusal}</p>
            <progress max="100" value="0" hidden class="h-3 w-full" aria-label=move || t_string!(i18n, foto.upload_progress).to_string()></progress>
            <SubmitButton label=Signal::derive(move || t_string!(i18n, foto.upload).to_string()) />
        </form>
    }
}

/// A gallery being edited (up to six photos), each with the remove form `remove` draws for its id, and
/// the upload form while there is room.
#[component]
pub fn PhotoManager<R, V>(
    photos: Vec<PhotoRef>,
    alt: String,
    upload_action: String,
    remove: R,
) -> impl IntoView
where
    R: Fn(i64) -> V + Send + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let count = photos.len();
    let may_add = count < MAX_PHOTOS;
    view! {
        <section id="foto" class="mt-4 rounded-xl border border-stone-200 bg-white p-4" aria-labelledby="foto-title">
            <h2 id="foto-title" class="font-bold">{t!(i18n, foto.photos_title)} {format!(" ({count}/{MAX_PHOTOS})")}</h2>
            {(!photos.is_empty()).then(|| view! {
                <ul class="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
                    {photos.into_iter().map(|photo| {
                        let id = photo.id;
                        view! {
                            <li class="flex flex-col gap-1">
                                <Photo photo alt=alt.clone() sizes="(min-width: 640px) 33vw, 50vw" />
                                {remove(id)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {may_add.then(|| view! { <PhotoUploadForm action=upload_action /> })}
        </section>
    }
}
