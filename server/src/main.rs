//! `smart-kampung [serve|migrate|demo-data]`: see `--help`.

use anyhow::Context;
use clap::Parser;
use server::config::{Cli, Command, LogFormat};
use tracing_subscriber::EnvFilter;

fn main() -> anyhow::Result<()> {
    // Before any thread exists: the allocator's arena limit applies to threads created afterwards.
    server::memory::limit_allocator_arenas();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_tracing(cli.config.log_format);
    let config = cli.config;

    // Restoring replaces the database file: before anything opens it.
    if let Some(Command::Restore { from, replace }) = &cli.command {
        let report = server::backup::restore(from, &config.data_paths(), *replace)
            .await
            .with_context(|| format!("restoring {}", from.display()))?;
        tracing::info!(
            photos = report.photo_files,
            tables = report.rows.len(),
            "backup restored"
        );
        return Ok(());
    }
    let database = config
        .database_url()
        .map_err(|error| anyhow::anyhow!("--database-url: {error}"))?;
    if let app::db::DatabaseUrl::Sqlite(path) = &database {
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("creating the database folder {}", folder.display()))?;
        }
    }
    let pool = app::db::connect_and_migrate(&database)
        .await
        .with_context(|| format!("opening the database {}", database.redacted()))?;

    match cli.command.unwrap_or(Command::Serve) {
        Command::Migrate => tracing::info!(database = %database.redacted(), "migrations applied"),
        Command::RotateNikKey => {
            let rotation = server::secrets::rotate_nik_key(&pool, &config.nik_key_path())
                .await
                .context("rotating the NIK key")?;
            tracing::info!(
                rotated = rotation.rotated,
                already_new = rotation.already_new,
                retired_key = %rotation.retired.display(),
                "every NIK is now sealed with the new key; keep the retired key only as long as backups made with it"
            );
        }
        Command::InviteAdmin { phone } => {
            let phone = app::akun::phone::normalize_mobile(&phone)
                .map_err(|error| anyhow::anyhow!("--phone: {}", error.code()))?;
            let code = app::akun::regency::send_invitation(
                &pool,
                &phone,
                app::akun::access::StaffRole::AdminKabupaten,
                app::akun::regency::store::Place::Regency,
                None,
                None,
                &config.site_url(),
                app::db::now_unix(),
            )
            .await
            .map_err(|error| anyhow::anyhow!("inviting the administrator: {error}"))?;
            // The one place the code is shown in full: the operator's terminal, to pass on in person.
            println!("{code}");
            tracing::info!(
                "invitation queued; sign in or up with that number and enter the code at /akun/undangan"
            );
        }
        Command::Restore { .. } => {}
        Command::Backup { to } => {
            let report = server::backup::backup(&pool, &config.data_paths(), &to)
                .await
                .with_context(|| format!("backing up into {}", to.display()))?;
            let rows: i64 = report.rows.iter().map(|(_, rows)| rows).sum();
            tracing::info!(rows, photos = report.photo_files, to = %to.display(), "backup written");
        }
        Command::CopyToPostgres { from } => {
            let app::db::Db::Postgres(target) = &pool else {
                anyhow::bail!("copy-to-postgres needs --database-url postgres://…");
            };
            let source = app::db::sqlite::connect_and_migrate(&from)
                .await
                .with_context(|| format!("opening {}", from.display()))?;
            let started = std::time::Instant::now();
            let report = app::db::copy::sqlite_to_postgres(&source, target)
                .await
                .context("copying into PostgreSQL")?;
            let rows: u64 = report.rows.iter().map(|(_, rows)| rows).sum();
            tracing::info!(
                rows,
                tables = report.rows.len(),
                seconds = started.elapsed().as_secs(),
                "copied into PostgreSQL"
            );
        }
        Command::RegencyData => {
            let started = std::time::Instant::now();
            let report = app::demo::regency::generate(
                &pool,
                app::demo::regency::RegencySize::regency(),
                app::db::now_unix(),
            )
            .await
            .context("generating the regency data")?;
            tracing::info!(
                counts = ?report.counts,
                seconds = started.elapsed().as_secs(),
                "regency data generated"
            );
        }
        Command::DemoData => {
            let report = app::demo::load(&pool, app::db::now_unix())
                .await
                .context("loading demo data")?;
            let photos = app::media::storage::LocalDisk::new(config.photos_dir())
                .context("opening the photo directory")?;
            let now = app::db::now_unix();
            let photo_count = app::budaya::demo::load_photos(&pool, &photos, now)
                .await
                .map_err(|error| anyhow::anyhow!("loading demo photos: {error}"))?
                + app::pasar::demo::load_photos(&pool, &photos, now)
                    .await
                    .map_err(|error| anyhow::anyhow!("loading demo product photos: {error}"))?
                + app::pasar::demo::load_qris(&pool, &photos, now)
                    .await
                    .map_err(|error| anyhow::anyhow!("loading demo QRIS codes: {error}"))?;
            tracing::info!(photos = photo_count, "demo photos generated");
            let nik_key = server::secrets::load_or_create_key(&config.nik_key_path())
                .context("reading the NIK key")?;
            let accounts = app::demo::load_accounts(
                &pool,
                &app::akun::nik::NikCipher::from_key(nik_key),
                app::db::now_unix(),
            )
            .await
            .map_err(|error| anyhow::anyhow!("loading demo accounts: {error}"))?;
            app::layanan::demo::load_photos(&photos)
                .await
                .map_err(|error| anyhow::anyhow!("writing demo document photos: {error}"))?;
            let regulations = app::layanan::informasi::demo::load(&pool, &photos, now)
                .await
                .map_err(|error| anyhow::anyhow!("loading demo village information: {error}"))?;
            tracing::info!(regulations, "demo village information loaded");
            tracing::info!(
                accounts,
                "demo accounts loaded (see README for their phone numbers)"
            );
            tracing::info!(
                ?report,
                "demo data loaded (rows added; zero means it was already there)"
            );
        }
        Command::Serve => {
            app::kernel::site::configure(&config.site_url());
            // The migration pool above has no time budget; serving uses budgeted pools.
            pool.close().await;
            let budget = std::time::Duration::from_millis(config.statement_budget_ms);
            let pool = app::db::connect_for_serving(&database, budget, 8)
                .await
                .context("opening the database for serving")?;
            let background = app::db::connect_for_serving(&database, budget, 2)
                .await
                .context("opening the background connections")?;
            let nik_key = server::secrets::load_or_create_key(&config.nik_key_path())
                .context("reading the NIK key")?;
            let state = server::AppState {
                leptos: server::leptos_options(&config.site_root, config.listen),
                pool: pool.clone(),
                nik: app::akun::nik::NikCipher::from_key(nik_key),
                photos: std::sync::Arc::new(
                    app::media::storage::LocalDisk::new(config.photos_dir())
                        .context("opening the photo directory")?,
                ),
                trust_forwarded_for: config.trust_forwarded_for,
                page_cache: server::page_cache::PageCacheSettings::seconds(
                    config.page_cache_seconds,
                ),
                background: server::BackgroundPool(background.clone()),
            };
            let _trimmer = server::memory::spawn_trimmer();
            let sender = config
                .message_sender()
                .map_err(|error| anyhow::anyhow!("message gateway: {error}"))?;
            tracing::info!(
                sender = sender.name(),
                "messages to phones go out through this sender"
            );
            let _outbox = server::spawn_outbox_worker(background, sender);
            let listener = tokio::net::TcpListener::bind(config.listen)
                .await
                .with_context(|| format!("listening on {}", config.listen))?;
            // Without TCP_NODELAY, responses written in several pieces stall ~40 ms each on keep-alive.
            let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
                let _ = tcp.set_nodelay(true);
            });
            tracing::info!("Smart Kampung is serving on http://{}", config.listen);
            let app =
                server::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
            axum::serve(listener, app)
                .with_graceful_shutdown(shutdown_signal())
                .await
                .context("serving")?;
        }
    }
    Ok(())
}

fn init_tracing(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
