//! Keeping the server's resident memory small on a village's or regency's small machine.
//!
//! glibc gives every thread that allocates its own arena (up to eight per core) and keeps memory freed
//! in them: after a burst of page renders the server held 168 MB and still did a minute later, although
//! only ~20 MB was in use (no leak: it levelled off). Two arenas are plenty for a server whose work is
//! short renders on two to four worker threads, and handing free memory back to the system every few
//! seconds keeps the steady footprint near what is in use. Elsewhere (musl, other systems) both are no-ops.

use std::time::Duration;

/// How often free memory is handed back. Trimming takes well under a millisecond at this size.
const TRIM_EVERY: Duration = Duration::from_secs(5);

/// Limits glibc to two malloc arenas. Call before any thread is started.
// The one place the workspace allows `unsafe`: two calls into glibc's allocator settings.
#[allow(unsafe_code)]
pub fn limit_allocator_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator settings; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Hands memory freed in the allocator's arenas back to the system, now.
#[allow(unsafe_code)]
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim is thread-safe and only releases free memory.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Trims every few seconds, on the blocking pool (it takes the allocator's locks briefly).
pub fn spawn_trimmer() -> tokio::task::JoinHandle<()> {
    tokio::spawn(async {
        let mut tick = tokio::time::interval(TRIM_EVERY);
        loop {
            tick.tick().await;
            let _ = tokio::task::spawn_blocking(trim).await;
        }
    })
}
