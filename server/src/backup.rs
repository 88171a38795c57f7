//! Backups taken while the server keeps serving, and restoring one.
//!
//! A backup folder holds `smart-kampung.db` (one consistent snapshot: SQLite's `VACUUM INTO` reads a
//! single transaction's view while writers carry on), `photos/` (every photo file; files are named by
//! their content and never change, and a photo's file is on disk before its row is committed, so every
//! photo the snapshot names is there), `secrets/nik.key` (without it no NIK in the snapshot can be read:
//! keep the backup as private as the server) and `MANIFEST.txt`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use app::db::Db;

const DATABASE_FILE: &str = "smart-kampung.db";

/// What a backup or restore copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Rows in the snapshot, per table, in name order.
    pub rows: Vec<(String, i64)>,
    pub photo_files: usize,
}

/// Where a server keeps its data (from the configuration).
pub struct DataPaths {
    pub database: PathBuf,
    pub photos: PathBuf,
    pub nik_key: PathBuf,
}

/// Writes a backup of the running database `pool` (and the files of `data`) into the folder `to`,
/// which must not exist yet or be empty.
pub async fn backup(pool: &Db, data: &DataPaths, to: &Path) -> anyhow::Result<Report> {
    if to.exists() && std::fs::read_dir(to)?.next().is_some() {
        bail!("the backup folder {} is not empty", to.display());
    }
    std::fs::create_dir_all(to.join("photos"))?;
    std::fs::create_dir_all(to.join("secrets"))?;
    let snapshot = to.join(DATABASE_FILE);
    let snapshot_text = snapshot
        .to_str()
        .context("the backup folder's path is not UTF-8")?;
    let Some(sqlite) = pool.as_sqlite() else {
        bail!("backup copies a SQLite database; back up PostgreSQL with pg_dump (see the README)");
    };
    sqlx::query("VACUUM INTO $1")
        .bind(snapshot_text)
        .execute(sqlite)
        .await
        .context("writing the database snapshot")?;
    let report = check_database(&snapshot).await?;
    let mut photo_files = 0;
    if data.photos.exists() {
        for entry in std::fs::read_dir(&data.photos)? {
            let entry = entry?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !app::media::storage::is_valid_key(name) {
                continue; // `.part` files of uploads under way
            }
            copy_synced(&entry.path(), &to.join("photos").join(name))?;
            photo_files += 1;
        }
    }
    let missing = missing_photos(&snapshot, &to.join("photos")).await?;
    if !missing.is_empty() {
        bail!(
            "{} photo files named by the database are missing from {} (first: {})",
            missing.len(),
            data.photos.display(),
            missing[0]
        );
    }
    if data.nik_key.exists() {
        copy_synced(&data.nik_key, &to.join("secrets").join("nik.key"))?;
    }
    let manifest = report
        .rows
        .iter()
        .map(|(table, rows)| format!("{table}\t{rows}\n"))
        .collect::<String>();
    std::fs::write(
        to.join("MANIFEST.txt"),
        format!(
            "Smart Kampung backup\ntaken_at_unix\t{}\nphoto_files\t{photo_files}\n{manifest}",
            app::db::now_unix()
        ),
    )?;
    Ok(Report {
        photo_files,
        ..report
    })
}

/// Puts the backup in `from` in place of the server's data. Refuses to overwrite an existing database
/// unless `replace` is set (then the old files are kept beside it with a `.before-restore` suffix).
/// Run it with the server stopped.
pub async fn restore(from: &Path, data: &DataPaths, replace: bool) -> anyhow::Result<Report> {
    let snapshot = from.join(DATABASE_FILE);
    let report = check_database(&snapshot).await?;
    let missing = missing_photos(&snapshot, &from.join("photos")).await?;
    if !missing.is_empty() {
        bail!("the backup lacks {} photo files", missing.len());
    }
    if data.database.exists() {
        if !replace {
            bail!(
                "{} exists; pass --replace to put the backup in its place",
                data.database.display()
            );
        }
        std::fs::rename(
            &data.database,
            data.database.with_extension("db.before-restore"),
        )?;
        for suffix in ["db-wal", "db-shm"] {
            let _ = std::fs::remove_file(data.database.with_extension(suffix));
        }
    }
    if let Some(folder) = data.database.parent() {
        std::fs::create_dir_all(folder)?;
    }
    copy_synced(&snapshot, &data.database)?;
    std::fs::create_dir_all(&data.photos)?;
    let mut photo_files = 0;
    for entry in std::fs::read_dir(from.join("photos"))? {
        let entry = entry?;
        let target = data.photos.join(entry.file_name());
        if !target.exists() {
            copy_synced(&entry.path(), &target)?;
        }
        photo_files += 1;
    }
    let key = from.join("secrets").join("nik.key");
    if key.exists() {
        if data.nik_key.exists() && std::fs::read(&data.nik_key)? != std::fs::read(&key)? {
            std::fs::rename(
                &data.nik_key,
                data.nik_key.with_extension("key.before-restore"),
            )?;
        }
        if let Some(folder) = data.nik_key.parent() {
            std::fs::create_dir_all(folder)?;
        }
        copy_synced(&key, &data.nik_key)?;
    }
    Ok(Report {
        photo_files,
        ..report
    })
}

/// Opens a database file read-only, checks it (`PRAGMA integrity_check`) and counts each table's rows.
pub async fn check_database(path: &Path) -> anyhow::Result<Report> {
    use std::str::FromStr;
    let options = sqlx::sqlite::SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(true);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(|| format!("opening {}", path.display()))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await?;
    if integrity != "ok" {
        bail!("{} failed its integrity check: {integrity}", path.display());
    }
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE '%_fts%' ORDER BY name",
    )
    .fetch_all(&pool)
    .await?;
    let mut rows = Vec::new();
    for table in tables {
        let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
            .fetch_one(&pool)
            .await?;
        rows.push((table, count));
    }
    pool.close().await;
    Ok(Report {
        rows,
        photo_files: 0,
    })
}

/// The photo files the database at `database` names that `photos` lacks.
async fn missing_photos(database: &Path, photos: &Path) -> anyhow::Result<Vec<String>> {
    use std::str::FromStr;
    let options = sqlx::sqlite::SqliteConnectOptions::from_str("sqlite:")?
        .filename(database)
        .read_only(true);
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    let named: Vec<(String, String)> = sqlx::query_as("SELECT key, widths FROM photos")
        .fetch_all(&pool)
        .await?;
    pool.close().await;
    Ok(named
        .into_iter()
        .flat_map(|(key, widths)| {
            widths
                .split(',')
                .map(|width| format!("{key}-{}.webp", width.trim()))
                .collect::<Vec<_>>()
        })
        .filter(|file| !photos.join(file).exists())
        .collect())
}

fn copy_synced(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    std::fs::File::open(to)?.sync_all()?;
    Ok(())
}
