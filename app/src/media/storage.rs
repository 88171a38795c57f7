//! Where photo files live. The app only sees [`PhotoStore`]; [`LocalDisk`] keeps them under the data
//! directory today, and an object-storage implementation can replace it without touching the domains.

use std::{future::Future, io, path::PathBuf, pin::Pin, sync::Arc};

pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

/// A flat key → bytes store. Keys are `{content hash}-{width}.webp`, so a stored file never changes.
pub trait PhotoStore: Send + Sync {
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()>;
    fn get<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<Vec<u8>>>;
    fn delete<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()>;
}

/// The store every request uses (provided as context and in the router's state).
pub type SharedPhotoStore = Arc<dyn PhotoStore>;

/// Keys are made by the app (hex hash, dash, width, `.webp` for photos; hex hash, `.pdf` for documents
/// such as a village's regulations); anything else is refused so a request can never name a path outside
/// the store. `/media` serves only keys recorded as public photos.
pub fn is_valid_key(key: &str) -> bool {
    let Some(stem) = key
        .strip_suffix(".webp")
        .or_else(|| key.strip_suffix(".pdf"))
    else {
        return false;
    };
    !stem.is_empty()
        && stem.len() <= 64
        && stem
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == '-' || c.is_ascii_digit())
}

/// Files under one directory, written atomically (temporary file, then rename).
pub struct LocalDisk {
    root: PathBuf,
}

impl LocalDisk {
    pub fn new(root: PathBuf) -> io::Result<Self> {
        std::fs::create_dir_all(&root)?;
        Ok(LocalDisk { root })
    }

    fn path(&self, key: &str) -> io::Result<PathBuf> {
        if is_valid_key(key) {
            Ok(self.root.join(key))
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "invalid photo key",
            ))
        }
    }
}

impl PhotoStore for LocalDisk {
    /// Written to a temporary file, synced, renamed into place, and the folder synced: once `put`
    /// returns, the photo survives a power cut (the database row that names it is written after).
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path(key)?;
            let root = self.root.clone();
            let temporary = path.with_file_name(format!("{key}.part"));
            tokio::task::spawn_blocking(move || {
                use std::io::Write;
                let mut file = std::fs::File::create(&temporary)?;
                file.write_all(&bytes)?;
                file.sync_all()?;
                drop(file);
                std::fs::rename(&temporary, &path)?;
                std::fs::File::open(&root)?.sync_all()
            })
            .await
            .map_err(io::Error::other)?
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            match tokio::fs::read(self.path(key)?).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error),
            }
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            match tokio::fs::remove_file(self.path(key)?).await {
                Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
                _ => Ok(()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn local_disk_round_trips_and_refuses_paths() {
        let dir = tempfile::tempdir().unwrap();
        let store = LocalDisk::new(dir.path().join("photos")).unwrap();
        store.put("ab12-320.webp", b"RIFF".to_vec()).await.unwrap();
        assert_eq!(
            store.get("ab12-320.webp").await.unwrap(),
            Some(b"RIFF".to_vec())
        );
        assert_eq!(store.get("ab12-640.webp").await.unwrap(), None);
        assert!(store.get("../secrets/nik.key").await.is_err());
        assert!(!is_valid_key("ab12-320.webp/../../x.webp"));
        assert!(!is_valid_key("ab12-320.png"));
        assert!(is_valid_key("ab12.pdf"));
        assert!(!is_valid_key("ab12.pdf.exe"));
        store.delete("ab12-320.webp").await.unwrap();
        assert_eq!(store.get("ab12-320.webp").await.unwrap(), None);
    }
}
