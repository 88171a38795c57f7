//! The thin server: it opens the database, builds the router (Leptos pages and server functions, static
//! files, health check) and wraps it in the middleware stack. Business rules live in the `app` crate.

pub mod backup;
pub mod config;
pub mod memory;
mod middleware;
pub mod page_cache;
pub mod secrets;

use std::path::Path;

use app::db::Db;
use app::{shell, App};
use axum::{
    extract::{FromRef, State},
    http::StatusCode,
    routing::{get, post},
    Router,
};
use http::{header, HeaderValue};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower::Layer;
use tower_http::{
    services::ServeDir,
    set_header::{SetResponseHeader, SetResponseHeaderLayer},
};

/// Shared by every request: Leptos' settings, the database pool and the NIK key.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub pool: Db,
    pub nik: app::akun::nik::NikCipher,
    /// Where photo files are kept (local disk under the data directory).
    pub photos: app::media::storage::SharedPhotoStore,
    /// Whether the client IP comes from `X-Forwarded-For` (behind a reverse proxy).
    pub trust_forwarded_for: bool,
    /// Anonymous visitors' pages kept in memory ([`page_cache`]); off in most tests.
    pub page_cache: page_cache::PageCacheSettings,
    /// Connections kept apart from the pages' pool for `/healthz` (and, in `main`, the outbox worker), so
    /// a burst of heavy reads can never make the server look dead or stop messages.
    pub background: BackgroundPool,
}

/// The second, small pool: see [`AppState::background`].
#[derive(Clone)]
pub struct BackgroundPool(pub Db);

/// Leptos settings for a built site in `site_root`. Hashed file names are used when cargo-leptos wrote
/// its `hash.txt` next to this executable (release builds), which is where Leptos looks for it.
pub fn leptos_options(site_root: &Path, listen: std::net::SocketAddr) -> LeptosOptions {
    let hash_files = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|hash_file| hash_file.exists());
    LeptosOptions::builder()
        .output_name("smart-kampung")
        .site_root(site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .site_addr(listen)
        .hash_files(hash_files)
        .build()
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let pool = state.pool.clone();
    let nik = state.nik.clone();
    let photos = state.photos.clone();
    let request_context = move || {
        provide_context(pool.clone());
        provide_context(nik.clone());
        provide_context(photos.clone());
        provide_context(app::akun::access::ActorOfRequest::default());
        // A visitor's "Add to cart" completes when they sign in or sign up.
        provide_context(app::akun::AfterSignIn(
            app::pasar::pending_cart::after_sign_in,
        ));
    };
    let trust_forwarded_for = state.trust_forwarded_for;
    let page_cache = state.page_cache;
    let options = state.leptos.clone();

    // Multipart photo uploads: minutes and 80 MB each (see `middleware::PHOTO_UPLOADS`).
    let uploads = Router::new()
        .route(
            "/budaya/acara/{slug}/foto",
            post(app::budaya::photos::upload_listing_photos),
        )
        .route(
            "/pasar/saya/produk/{slug}/foto",
            post(app::pasar::uploads::upload_product_photos),
        )
        .route(
            "/pasar/saya/foto",
            post(app::pasar::uploads::upload_shop_photo),
        )
        // A receipt: uploaded by the buyer, shown to buyer and seller only.
        .route(
            "/pasar/pesanan/{code}/bukti",
            get(app::pasar::uploads::payment_proof).post(app::pasar::uploads::upload_payment_proof),
        )
        // A shop's QRIS code: posted and seen by its owner, shown on its QRIS orders to their buyer.
        .route(
            "/pasar/saya/qris",
            get(app::pasar::uploads::own_shop_qris).post(app::pasar::uploads::upload_shop_qris),
        )
        .route(
            "/pasar/pesanan/{code}/qris",
            get(app::pasar::uploads::order_qris),
        )
        // Photos of a request's documents: posted by the resident, shown to whoever may see the request.
        .route(
            "/layanan/permohonan/{code}/dokumen/{field}",
            post(app::layanan::documents::upload_request_documents),
        )
        // The PDF of a produk hukum desa: posted by the village's staff (checked in the handler).
        .route(
            "/desa/{slug}/hukum/{id}/pdf",
            post(app::layanan::informasi::files::upload_legal_pdf),
        )
        // A village's photo: its staff only (checked in the handler).
        .route(
            "/desa/{slug}/foto",
            post(app::akun::village_photo::upload_village_photo),
        )
        // The regency's village list (CSV): the admin kabupaten only (checked in the handler).
        .route(
            "/admin/wilayah/impor",
            post(app::akun::regency::upload::upload_village_list),
        )
        .route(
            "/layanan/pengaduan/{code}/foto",
            get(app::layanan::documents::complaint_photo)
                .post(app::layanan::documents::upload_complaint_photo),
        );

    let pages = Router::new()
        .route("/healthz", get(healthz))
        .route("/sw.js", get(app::ui::installable::service_worker))
        .route(
            app::ui::installable::REGISTER_PATH,
            get(app::ui::installable::register_script),
        )
        .route(
            app::ui::installable::MANIFEST_PATH,
            get(app::ui::installable::manifest),
        )
        .route("/ikon/{file}", get(app::ui::installable::icon))
        .route("/offline", get(app::ui::installable::offline_page))
        .route(
            app::budaya::offline::REGISTRATION_PATH,
            get(app::budaya::offline::registration_script),
        )
        .route("/media/{key}", get(app::media::serve::photo_file))
        .route(
            "/layanan/permohonan/{code}/dokumen/{field}/{photo}",
            get(app::layanan::documents::request_document),
        )
        // Everything the platform holds about the signed-in person, as a JSON file (UU PDP).
        .route("/akun/data-saya", get(app::pages::my_data::download_my_data))
        // Issued letters: a PDF for the resident and the staff only (checked in the handler).
        .route(
            "/layanan/surat/{code}",
            get(app::layanan::letters::letter_pdf),
        )
        // Published produk hukum: public, named by the hash of their bytes.
        .route(
            "/desa/{slug}/hukum/berkas/{file}",
            get(app::layanan::informasi::files::legal_pdf),
        )
        // Training certificates: a PDF for the holder and the training's manager (checked in the handler).
        .route(
            "/budaya/sertifikat/{code}",
            get(app::budaya::certificate_pdf::certificate_pdf),
        )
        // Calendar files are plain responses, not pages (see app::budaya::feeds).
        .route(
            "/budaya/ics/acara/{file}",
            get(app::budaya::feeds::listing_calendar),
        )
        .route(
            "/budaya/ics/desa/{file}",
            get(app::budaya::feeds::village_feed),
        )
        .route(
            "/budaya/ics/jenis/{file}",
            get(app::budaya::feeds::kind_feed),
        )
        .nest_service("/pkg", static_bundle(&options))
        .leptos_routes_with_context(&state, routes, request_context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(request_context, shell));
    let router = middleware::allow(pages, middleware::FORMS)
        .merge(middleware::allow(uploads, middleware::PHOTO_UPLOADS))
        .with_state(state);
    middleware::apply(
        router,
        trust_forwarded_for,
        page_cache::PageCache::new(page_cache),
    )
}

/// Hands pending outbox messages to the sender every few seconds, queues the day-before reminders of
/// sessions and of visits to the village office every minute, marks parcels received once their waiting
/// time is over, stems products written by bulk SQL, and prunes old rate-limit windows.
pub fn spawn_outbox_worker(
    pool: Db,
    sender: std::sync::Arc<dyn app::notifikasi::outbox::MessageSender>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(2));
        let mut rounds: u64 = 0;
        loop {
            tick.tick().await;
            let now = app::db::now_unix();
            if let Err(error) =
                app::notifikasi::outbox::deliver_pending(&pool, sender.as_ref(), now).await
            {
                tracing::error!(%error, "outbox delivery round failed");
            }
            rounds += 1;
            // Products written by bulk SQL get the roots of their words for search (at start, then
            // whatever appears).
            if rounds == 1 || rounds.is_multiple_of(30) {
                match app::pasar::store::stem_all_products(&pool).await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "products stemmed for search"),
                    Err(error) => tracing::error!(%error, "stemming products failed"),
                }
            }
            if rounds.is_multiple_of(30) {
                match app::pasar::store::receive_overdue(&pool, now).await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "parcels received after their waiting time"),
                    Err(error) => tracing::error!(%error, "receiving overdue parcels failed"),
                }
                match app::budaya::store::send_due_reminders(&pool, now).await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "session reminders queued"),
                    Err(error) => tracing::error!(%error, "queueing session reminders failed"),
                }
                match app::layanan::store::send_due_visit_reminders(&pool, now).await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "visit reminders queued"),
                    Err(error) => tracing::error!(%error, "queueing visit reminders failed"),
                }
            }
            if rounds.is_multiple_of(1800) {
                if let Err(error) = app::akun::rate_limit::prune(&pool, now).await {
                    tracing::error!(%error, "pruning rate-limit counters failed");
                }
                if let Err(error) = app::akun::sign_in_guard::prune(&pool, now).await {
                    tracing::error!(%error, "pruning sign-in failures failed");
                }
            }
        }
    })
}

/// The wasm, JS and CSS bundle, served from its precompressed `.br`/`.gz` twins. Hashed names change
/// with every build, so they may be cached forever.
fn static_bundle(options: &LeptosOptions) -> SetResponseHeader<ServeDir, HeaderValue> {
    let cache_control = if options.hash_files {
        HeaderValue::from_static("public, max-age=31536000, immutable")
    } else {
        HeaderValue::from_static("no-cache")
    };
    let dir = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, cache_control)
        .layer(ServeDir::new(dir).precompressed_br().precompressed_gzip())
}

/// Liveness and readiness: 200 when the database answers, 503 when it does not.
async fn healthz(State(BackgroundPool(pool)): State<BackgroundPool>) -> (StatusCode, &'static str) {
    match pool.answers().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
