//! Keys kept outside the database (today: the NIK encryption key).

use std::path::Path;

use anyhow::{bail, Context};
use base64::Engine;

/// Reads a 32-byte key (base64) from `path`, or creates one there, readable by this user only.
pub fn load_or_create_key(path: &Path) -> anyhow::Result<[u8; 32]> {
    let engine = base64::engine::general_purpose::STANDARD;
    if path.exists() {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let bytes = engine
            .decode(text.trim())
            .with_context(|| format!("{} is not base64", path.display()))?;
        let Ok(key) = <[u8; 32]>::try_from(bytes.as_slice()) else {
            bail!("{} must hold 32 bytes", path.display());
        };
        return Ok(key);
    }
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    let key = app::akun::nik::NikCipher::generate_key().context("no randomness for a key")?;
    write_key(path, &key)?;
    tracing::info!(path = %path.display(), "created a new NIK encryption key: back it up");
    Ok(key)
}

/// Writes a new key file (base64, readable by this user only, flushed to disk).
fn write_key(path: &Path, key: &[u8; 32]) -> anyhow::Result<()> {
    let engine = base64::engine::general_purpose::STANDARD;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    std::io::Write::write_all(&mut file, engine.encode(key).as_bytes())?;
    file.sync_all()?;
    Ok(())
}

/// What `rotate-nik-key` did.
#[derive(Debug)]
pub struct KeyRotation {
    pub rotated: usize,
    pub already_new: usize,
    /// Where the retired key was kept.
    pub retired: std::path::PathBuf,
}

/// Re-encrypts every NIK with a new key (server stopped). The new key is written next to the old one
/// (`<key>.next`) before the database changes; the database is re-encrypted in one transaction; only
/// then does the new key take the old one's place, the old one kept as `<key>.retired-<unix time>`. An
/// interrupted rotation is finished by running the command again: it reuses `<key>.next`, and rows
/// already sealed with it are recognised.
pub async fn rotate_nik_key(pool: &app::db::Db, key_path: &Path) -> anyhow::Result<KeyRotation> {
    let old = load_or_create_key(key_path)?;
    let next_path = key_path.with_extension("key.next");
    let new = if next_path.exists() {
        tracing::info!(path = %next_path.display(), "finishing an interrupted rotation with its new key");
        load_or_create_key(&next_path)?
    } else {
        let key = app::akun::nik::NikCipher::generate_key().context("no randomness for a key")?;
        write_key(&next_path, &key)?;
        key
    };
    if new == old {
        bail!("{} holds the current key already", next_path.display());
    }
    let outcome = app::akun::store::rotate_nik_key(
        pool,
        &app::akun::nik::NikCipher::from_key(old),
        &app::akun::nik::NikCipher::from_key(new),
    )
    .await
    .map_err(|error| anyhow::anyhow!("re-encrypting: {error}"))?;
    let rotation = match outcome {
        Ok(rotation) => rotation,
        Err(accounts) => bail!(
            "{} stored NIKs open with neither key (accounts {:?}); nothing was changed",
            accounts.len(),
            accounts
        ),
    };
    let retired = key_path.with_extension(format!("key.retired-{}", app::db::now_unix()));
    std::fs::rename(key_path, &retired)
        .with_context(|| format!("keeping the old key as {}", retired.display()))?;
    std::fs::rename(&next_path, key_path)
        .with_context(|| format!("putting the new key in {}", key_path.display()))?;
    Ok(KeyRotation {
        rotated: rotation.rotated,
        already_new: rotation.already_new,
        retired,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_created_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets/nik.key");
        let first = load_or_create_key(&path).unwrap();
        assert_eq!(load_or_create_key(&path).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "short").unwrap();
        assert!(load_or_create_key(&path).is_err());
    }

    #[tokio::test]
    async fn rotating_the_key_reencrypts_every_nik_and_can_be_resumed() {
        let dir = tempfile::tempdir().unwrap();
        let key_path = dir.path().join("secrets/nik.key");
        let pool = app::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        app::demo::load(&pool, 1).await.unwrap();
        let old = app::akun::nik::NikCipher::from_key(load_or_create_key(&key_path).unwrap());
        app::demo::load_accounts(&pool, &old, 1).await.unwrap();
        let stored = || async {
            let rows: Vec<Vec<u8>> = app::on_db!(&pool, |c| sqlx::query_scalar(
                "SELECT nik_ciphertext FROM resident_verifications ORDER BY account_id"
            )
            .fetch_all(c)
            .await)
            .unwrap();
            rows
        };
        let before = stored().await;
        assert!(before.len() >= 2);
        let first = rotate_nik_key(&pool, &key_path).await.unwrap();
        assert_eq!((first.rotated, first.already_new), (before.len(), 0));
        let new = app::akun::nik::NikCipher::from_key(load_or_create_key(&key_path).unwrap());
        let after = stored().await;
        let mut niks: Vec<String> = after
            .iter()
            .map(|sealed| new.decrypt(sealed).unwrap())
            .collect();
        niks.sort();
        assert!(niks.contains(&"3510164503900001".to_string()));
        assert!(after.iter().all(|sealed| old.decrypt(sealed).is_none()));
        assert!(first.retired.exists());

        // Interrupted after the commit, before the key files moved: running it again finishes.
        std::fs::rename(&key_path, key_path.with_extension("key.next")).unwrap();
        std::fs::copy(&first.retired, &key_path).unwrap();
        let resumed = rotate_nik_key(&pool, &key_path).await.unwrap();
        assert_eq!((resumed.rotated, resumed.already_new), (0, before.len()));
        let current = app::akun::nik::NikCipher::from_key(load_or_create_key(&key_path).unwrap());
        assert!(stored()
            .await
            .iter()
            .all(|sealed| current.decrypt(sealed).is_some()));
    }
}
