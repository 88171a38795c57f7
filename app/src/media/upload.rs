//! Receiving photos from a plain multipart form (works without JavaScript; with it, the form island
//! shows the upload's progress). Shared by every handler that takes photos: a listing's gallery, a
//! product's photos, a shop's picture, a payment receipt. The handlers decide who may upload and where
//! the photos go; this reads the files, processes each on a blocking thread and stores it.

use crate::db::Db;
use axum::extract::{FromRef, FromRequest, Multipart, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::process::{self, PhotoError};
use super::storage::{PhotoStore, SharedPhotoStore};
use super::PhotoRef;

/// What kind of picture is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A gallery photo: 4:3, three widths, public.
    Gallery,
    /// A document (receipt): whole picture, one width, private (never served from `/media`).
    Document,
    /// A printed code to scan (a shop's QRIS): the central square, sharp, private like a document.
    SquareCode,
}

/// What came out of a form: the photos stored (in the order sent) and, if one was refused, why (the
/// code translated next to the field). Photos stored before a refused one are kept.
pub struct Received {
    pub photos: Vec<PhotoRef>,
    pub refused: Option<&'static str>,
}

/// Where received photos go and who sent them.
struct Uploader<'a> {
    pool: &'a Db,
    store: &'a dyn PhotoStore,
    uploaded_by: i64,
    now: i64,
}

/// The field every photo form sends its files in.
const PHOTOS_FIELD: &str = "photos";

/// A multipart form of photos, as an upload handler's last argument. It brings the pool and the photo
/// store along, so a handler only decides who may upload, what kind and how many still fit, and where
/// the stored photos go.
pub struct PhotoForm {
    pool: Db,
    store: SharedPhotoStore,
    multipart: Multipart,
}

impl<S> FromRequest<S> for PhotoForm
where
    Db: FromRef<S>,
    SharedPhotoStore: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let multipart = Multipart::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(PhotoForm {
            pool: Db::from_ref(state),
            store: SharedPhotoStore::from_ref(state),
            multipart,
        })
    }
}

impl PhotoForm {
    /// Stores at most `room` photos of `kind` sent by account `uploaded_by` (see [`receive_photos`]).
    /// A storage or database failure is logged and answered with 500.
    pub async fn receive(
        mut self,
        uploaded_by: i64,
        kind: Kind,
        room: usize,
    ) -> Result<Received, Response> {
        let uploader = Uploader {
            pool: &self.pool,
            store: self.store.as_ref(),
            uploaded_by,
            now: crate::db::now_unix(),
        };
        receive_photos(&mut self.multipart, PHOTOS_FIELD, kind, room, &uploader)
            .await
            .map_err(|error| {
                tracing::error!(%error, "storing uploaded photos");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            })
    }
}

/// Decoding a phone photo needs up to ~300 MB for a moment; this many run at once, the others wait
/// their turn (a burst of uploads must not take the server's memory).
const CONCURRENT_DECODES: usize = 2;
static DECODE_TURNS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(CONCURRENT_DECODES);

/// Photos one account may send in an hour: a seller filling a catalogue stays far below it, a script
/// feeding the decoder does not.
const PHOTOS_PER_HOUR: i64 = 120;

/// Reads the fields named `field_name` and stores at most `room` photos; one more is refused with
/// `photo_too_many`. Only a storage or database failure is an `Err`.
async fn receive_photos(
    multipart: &mut Multipart,
    field_name: &str,
    kind: Kind,
    room: usize,
    uploader: &Uploader<'_>,
) -> Result<Received, crate::error::AppError> {
    let mut received = Received {
        photos: Vec::new(),
        refused: None,
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // A body over the limit or a connection lost mid-upload.
            Err(_) => {
                received.refused = Some(PhotoError::TooLarge.code());
                break;
            }
        };
        if field.name() != Some(field_name) {
            continue;
        }
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(_) => {
                received.refused = Some(PhotoError::TooLarge.code());
                break;
            }
        };
        if bytes.is_empty() {
            continue; // the picker was left empty
        }
        if received.photos.len() >= room {
            received.refused = Some("photo_too_many");
            break;
        }
        let per_hour = crate::akun::rate_limit::Limit::per_account(
            "photo_upload",
            uploader.uploaded_by,
            PHOTOS_PER_HOUR,
            3600,
        );
        match crate::akun::rate_limit::hit(uploader.pool, &[per_hour], uploader.now).await {
            Ok(()) => {}
            Err(crate::error::AppError::TooManyAttempts) => {
                received.refused = Some("photo_rate_limited");
                break;
            }
            Err(other) => return Err(other),
        }
        let Ok(_turn) = DECODE_TURNS.acquire().await else {
            received.refused = Some(PhotoError::Unreadable.code());
            break;
        };
        let processing = tokio::task::spawn_blocking(move || match kind {
            Kind::Gallery => process::process(&bytes),
            Kind::Document => process::process_document(&bytes),
            Kind::SquareCode => process::process_square_code(&bytes),
        })
        .await;
        let processed = match processing {
            Ok(Ok(processed)) => processed,
            Ok(Err(error)) => {
                received.refused = Some(error.code());
                break;
            }
            Err(error) => {
                tracing::error!(%error, "photo processing task");
                received.refused = Some(PhotoError::Unreadable.code());
                break;
            }
        };
        let photo = super::store::save(
            uploader.pool,
            uploader.store,
            processed,
            Some(uploader.uploaded_by),
            matches!(kind, Kind::Document | Kind::SquareCode),
            uploader.now,
        )
        .await?;
        received.photos.push(photo);
    }
    if received.photos.is_empty() && received.refused.is_none() {
        received.refused = Some("photo_missing");
    }
    Ok(received)
}
