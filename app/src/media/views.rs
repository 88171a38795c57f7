//! Showing photos: responsive `srcset`, lazy below the fold, a fixed 4:3 box so nothing jumps.

use leptos::prelude::*;

use super::{PhotoRef, MAX_PHOTOS, PHOTO_WIDTHS};
use crate::i18n::*;

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

/// The file picker as a plain multipart form posting to `action` (works without JavaScript). With it,
/// the [`PhotoUpload`] island shows a preview, shrinks phone photos in the browser and sends them with a
/// progress bar. `multiple` for galleries, one file otherwise.
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
    let input_id = match &name {
        Some(name) => format!("f-photos-{name}"),
        None => "f-photos".to_string(),
    };
    let refusal = match &name {
        Some(name) => {
            let refused_form = leptos_router::hooks::use_query_map()
                .read_untracked()
                .get("berkas")
                .unwrap_or_default();
            (refused_form == *name).then(upload_refusal).flatten()
        }
        // A refusal addressed to a named form on the same page is not this one's.
        None => {
            let named = leptos_router::hooks::use_query_map()
                .read_untracked()
                .get("berkas")
                .is_some_and(|form| !form.is_empty());
            (!named).then(upload_refusal).flatten()
        }
    };
    // Islands get plain values: the translations are looked up here, on the server.
    let copy = UploadCopy {
        label: label.map_or_else(
            || t_string!(i18n, foto.add_photos).to_string(),
            |label| label.get_untracked(),
        ),
        hint: t_string!(i18n, foto.photos_hint).to_string(),
        upload: t_string!(i18n, foto.upload).to_string(),
        working: t_string!(i18n, ui.working).to_string(),
        progress: t_string!(i18n, foto.upload_progress).to_string(),
        shrinking: t_string!(i18n, foto.shrinking).to_string(),
        chosen: t_string!(i18n, foto.chosen).to_string(),
    };
    view! { <PhotoUpload action multiple input_id refusal copy /> }
}

/// The words of the upload form, in the page's language.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UploadCopy {
    label: String,
    hint: String,
    upload: String,
    working: String,
    progress: String,
    shrinking: String,
    chosen: String,
}

/// The upload form as an island: the server renders the plain form; in the browser, choosing photos
/// shows them at once, and sending first shrinks each to at most 1600 px (a JPEG of a few hundred KB
/// instead of a 4–8 MB camera file: rural data is expensive), then posts with a progress bar. The server
/// still checks and re-encodes everything it receives.
#[island]
fn PhotoUpload(
    action: String,
    multiple: bool,
    input_id: String,
    refusal: Option<String>,
    copy: UploadCopy,
) -> impl IntoView {
    let previews = RwSignal::new(Vec::<String>::new());
    let progress = RwSignal::new(None::<f64>);
    let status = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let error_id = format!("{input_id}-error");
    let UploadCopy {
        label,
        hint,
        upload,
        working,
        progress: progress_label,
        shrinking,
        chosen,
    } = copy;
    #[cfg(not(feature = "hydrate"))]
    let _ = (sending, &shrinking);
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let on_change = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        browser::show_previews(&event, previews);
    };
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        browser::send(
            event,
            browser::Upload {
                progress,
                status,
                sending,
                previews,
                shrinking: shrinking.clone(),
            },
        );
    };
    view! {
        <form method="post" enctype="multipart/form-data" action=action data-upload="" on:submit:capture=on_submit class="mt-3 flex flex-col gap-2">
            <label for=input_id.clone() class="font-medium">{label}</label>
            <p class="text-sm text-stone-600">{hint}</p>
            <input id=input_id type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple=multiple required
                aria-describedby=error_id.clone() on:change=on_change class="min-h-12 text-base" />
            <ul class="grid grid-cols-3 gap-2 empty:hidden" aria-label=chosen data-testid="photo-previews">
                <For each=move || previews.get() key=|url| url.clone() let:url>
                    <li><img src=url alt="" class="aspect-square w-full rounded-lg bg-stone-200 object-cover" /></li>
                </For>
            </ul>
            <p id=error_id role="alert" class="text-sm font-medium text-red-700">{refusal}</p>
            <p role="status" class="text-sm text-stone-600">{move || status.get()}</p>
            <progress max="100" value=move || progress.get().unwrap_or(0.0) hidden=move || progress.get().is_none()
                class="h-3 w-full" aria-label=progress_label></progress>
            <button type="submit" data-pending-label=working
                class="inline-flex min-h-12 items-center justify-center rounded-lg bg-teal-700 px-4 font-semibold text-white disabled:opacity-60">
                {upload}
            </button>
        </form>
    }
}

/// The browser half of [`PhotoUpload`].
#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Blob, File, FormData, HtmlFormElement, HtmlInputElement, XmlHttpRequest};

    /// The longest side a photo is sent with; the server keeps at most 1280 px anyway.
    const LONGEST_SIDE: f64 = 1600.0;
    /// Photos already this small (and within `LONGEST_SIDE`) go as they are.
    const SMALL_ENOUGH_BYTES: f64 = 1_000_000.0;
    const JPEG_QUALITY: f64 = 0.85;

    pub struct Upload {
        pub progress: RwSignal<Option<f64>>,
        pub status: RwSignal<Option<String>>,
        pub sending: RwSignal<bool>,
        pub previews: RwSignal<Vec<String>>,
        pub shrinking: String,
    }

    pub fn show_previews(event: &leptos::ev::Event, previews: RwSignal<Vec<String>>) {
        for url in previews.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        let files = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files());
        let urls = files
            .map(|files| {
                (0..files.length())
                    .filter_map(|index| files.item(index))
                    .filter_map(|file| web_sys::Url::create_object_url_with_blob(&file).ok())
                    .collect()
            })
            .unwrap_or_default();
        previews.set(urls);
    }

    /// Runs on the form itself, before the page-wide listeners (form progress, then the router, which
    /// leaves a form alone once this has taken it).
    pub fn send(event: leptos::ev::SubmitEvent, upload: Upload) {
        // A second tap while the first upload is on its way does nothing.
        if upload.sending.get_untracked() {
            event.prevent_default();
            return;
        }
        let Some(form) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        event.prevent_default();
        upload.sending.set(true);
        spawn_local(async move {
            upload.status.set(Some(upload.shrinking.clone()));
            let data = form_with_small_photos(&form).await;
            upload.status.set(None);
            match data {
                Some(data) if post(&form, &data, &upload) => {}
                // Nothing can be sent from here: the browser posts the form as it is.
                _ => {
                    upload.sending.set(false);
                    let _ = form.submit();
                }
            }
        });
    }

    /// The form's fields, each photo replaced by a smaller JPEG where that saves something.
    async fn form_with_small_photos(form: &HtmlFormElement) -> Option<FormData> {
        let data = FormData::new_with_form(form).ok()?;
        let inputs = form.query_selector_all("input[type=file]").ok()?;
        for input in (0..inputs.length())
            .filter_map(|index| inputs.item(index))
            .filter_map(|node| node.dyn_into::<HtmlInputElement>().ok())
        {
            let Some(files) = input.files() else { continue };
            let name = input.name();
            let mut chosen = Vec::new();
            for file in (0..files.length()).filter_map(|index| files.item(index)) {
                chosen.push(match shrink(&file).await {
                    Some(small) => (small, jpeg_name(&file.name())),
                    None => (Blob::from(file.clone()), file.name()),
                });
            }
            if chosen.is_empty() {
                continue;
            }
            data.delete(&name);
            for (blob, file_name) in chosen {
                data.append_with_blob_and_filename(&name, &blob, &file_name)
                    .ok()?;
            }
        }
        Some(data)
    }

    fn jpeg_name(name: &str) -> String {
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        format!("{stem}.jpg")
    }

    /// The photo drawn again at most `LONGEST_SIDE` wide or high, as a JPEG; `None` to send the file as
    /// it is (already small, not a photo the browser can read, or not smaller once re-encoded).
    async fn shrink(file: &File) -> Option<Blob> {
        if !matches!(
            file.type_().as_str(),
            "image/jpeg" | "image/png" | "image/webp"
        ) {
            return None;
        }
        let window = web_sys::window()?;
        // Browsers apply the photo's EXIF rotation here ("from-image" is the default).
        let bitmap: web_sys::ImageBitmap =
            JsFuture::from(window.create_image_bitmap_with_blob(file).ok()?)
                .await
                .ok()?
                .dyn_into()
                .ok()?;
        let (width, height) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
        let scale = (LONGEST_SIDE / width.max(height)).min(1.0);
        if scale >= 1.0 && file.size() <= SMALL_ENOUGH_BYTES {
            bitmap.close();
            return None;
        }
        let (width, height) = ((width * scale).round(), (height * scale).round());
        let canvas: web_sys::HtmlCanvasElement =
            document().create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(width as u32);
        canvas.set_height(height as u32);
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        // A transparent PNG gets white behind it, not JPEG's black.
        context.set_fill_style_str("#fff");
        context.fill_rect(0.0, 0.0, width, height);
        context
            .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, width, height)
            .ok()?;
        bitmap.close();
        let encoded = js_sys::Promise::new(&mut |resolve, _reject| {
            let done = Closure::once_into_js(move |blob: JsValue| {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            });
            let _ = canvas.to_blob_with_type_and_encoder_options(
                done.unchecked_ref(),
                "image/jpeg",
                &JsValue::from_f64(JPEG_QUALITY),
            );
        });
        let small: Blob = JsFuture::from(encoded).await.ok()?.dyn_into().ok()?;
        (small.size() < file.size()).then_some(small)
    }

    /// Posts with a progress bar; `false` if the request could not start.
    fn post(form: &HtmlFormElement, data: &FormData, upload: &Upload) -> bool {
        let Ok(request) = XmlHttpRequest::new() else {
            return false;
        };
        if request.open("POST", &form.action()).is_err() {
            return false;
        }
        // The server then hands its redirect over (`Islands-Location`) instead of answering with the
        // whole next page, and the router shows that page.
        let _ = request.set_request_header("Islands-Router", "true");
        let progress = upload.progress;
        progress.set(Some(0.0));
        if let Ok(target) = request.upload() {
            let on_progress = Closure::<dyn Fn(web_sys::ProgressEvent)>::new(
                move |event: web_sys::ProgressEvent| {
                    if event.length_computable() && event.total() > 0.0 {
                        progress.set(Some(event.loaded() / event.total() * 100.0));
                    }
                },
            );
            target.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
            on_progress.forget();
        }
        let (sending, previews, finished, sent_form) = (
            upload.sending,
            upload.previews,
            request.clone(),
            form.clone(),
        );
        let on_load = Closure::<dyn Fn()>::new(move || {
            // The island may stay on the next page as it is: ready for the next photos.
            sending.set(false);
            progress.set(None);
            previews.set(Vec::new());
            sent_form.reset();
            let next = finished
                .get_response_header("islands-location")
                .ok()
                .flatten()
                .unwrap_or_else(|| finished.response_url());
            crate::ui::navigation::go_to(&next);
        });
        request.set_onload(Some(on_load.as_ref().unchecked_ref()));
        on_load.forget();
        let retry = form.clone();
        let on_error = Closure::<dyn Fn()>::new(move || {
            sending.set(false);
            progress.set(None);
            let _ = retry.submit();
        });
        request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        request.send_with_opt_form_data(Some(data)).is_ok()
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
