//! Delivering the outbox (server only). Messages are written in the same transaction as the change they
//! announce; a worker hands pending ones to a [`MessageSender`]. The default sender only records them
//! (admins read them on the outbox page); a WhatsApp or SMS gateway plugs in by implementing the trait.

use std::future::Future;
use std::pin::Pin;

use crate::db::Db;

/// Something that delivers a message to a phone.
pub trait MessageSender: Send + Sync {
    /// A short name recorded with each message (`record`, `whatsapp-gateway`, …).
    fn name(&self) -> &'static str;
    /// Delivers one message; an error leaves it pending for another try.
    fn send<'a>(
        &'a self,
        to_phone: &'a str,
        body: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

/// The default: nothing leaves the server; the message stays readable on the outbox page, and the log
/// says that it was recorded — never its body (which may hold a reset code) or the full number.
pub struct RecordingSender;

impl MessageSender for RecordingSender {
    fn name(&self) -> &'static str {
        "record"
    }

    fn send<'a>(
        &'a self,
        to_phone: &'a str,
        _body: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            tracing::info!(to = %mask_phone(to_phone), "outbox message recorded (no gateway configured)");
            Ok(())
        })
    }
}

/// `+62812******90`: enough for an operator to tell messages apart, not enough to identify someone.
pub fn mask_phone(phone: &str) -> String {
    let characters: Vec<char> = phone.chars().collect();
    if characters.len() <= 6 {
        return "*".repeat(characters.len());
    }
    characters
        .iter()
        .enumerate()
        .map(|(index, character)| {
            if index < 6 || index >= characters.len() - 2 {
                *character
            } else {
                '*'
            }
        })
        .collect()
}

/// After this many failed tries a message is marked failed and left for a person to look at.
const MAX_ATTEMPTS: i64 = 5;

/// Hands pending messages to `sender` (up to 100 per call); returns how many were delivered.
///
/// Each message is claimed in a transaction of its own that lasts until its outcome is written: on
/// PostgreSQL the row stays locked while it is sent, and a second app server's worker passes over it
/// (`db::locking`), so one message is sent once. A server that dies mid-send releases the claim and the
/// message is tried again (at least once, never twice at the same moment).
pub async fn deliver_pending(
    pool: &Db,
    sender: &dyn MessageSender,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let claim = format!(
        "SELECT id, to_phone, body FROM outbox WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT 1{}",
        crate::db::locking::claim_rows(pool.engine())
    );
    let mut delivered = 0;
    // Past the last message tried: one that failed waits for the next call, not the next loop.
    let mut after = 0_i64;
    for _ in 0..100 {
        let mut tx = crate::db::begin(pool).await?;
        let claimed: Option<(i64, String, String)> =
            crate::on_db!(&mut tx, |c| sqlx::query_as(&claim)
                .bind(after)
                .fetch_optional(c)
                .await)?;
        let Some((id, to_phone, body)) = claimed else {
            break;
        };
        after = id;
        match sender.send(&to_phone, &body).await {
            Ok(()) => {
                crate::on_db!(&mut tx, |c| {
                    sqlx::query(
                    "UPDATE outbox SET status = 'sent', sender = $1, sent_at = $2, attempts = attempts + 1
                     WHERE id = $3",
                )
                .bind(sender.name())
                .bind(now)
                .bind(id)
                .execute(c)
                .await
                .map(crate::db::Done::from)
                })?;
                delivered += 1;
            }
            Err(error) => {
                tracing::warn!(message = id, %error, "outbox delivery failed");
                crate::on_db!(&mut tx, |c| sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, sender = $1,
                     status = CASE WHEN attempts + 1 >= $2 THEN 'failed' ELSE 'pending' END
                     WHERE id = $3",
                )
                .bind(sender.name())
                .bind(MAX_ATTEMPTS)
                .bind(id)
                .execute(c)
                .await
                .map(crate::db::Done::from))?;
            }
        }
        tx.commit().await?;
    }
    Ok(delivered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_masked_in_logs() {
        assert_eq!(mask_phone("+6281234567890"), "+62812******90");
        assert_eq!(mask_phone("+62"), "***");
    }

    struct FailingSender;
    impl MessageSender for FailingSender {
        fn name(&self) -> &'static str {
            "failing"
        }
        fn send<'a>(
            &'a self,
            _: &'a str,
            _: &'a str,
        ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
            Box::pin(async { Err("gateway down".to_string()) })
        }
    }

    #[tokio::test]
    async fn pending_messages_are_delivered_once_and_failures_retried_then_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        crate::notifikasi::store::enqueue_message(&pool, None, "+6281234567890", "test", "Halo", 1)
            .await
            .unwrap();
        for _ in 0..MAX_ATTEMPTS {
            assert_eq!(deliver_pending(&pool, &FailingSender, 2).await.unwrap(), 0);
        }
        let status: String =
            crate::on_db!(&pool, |c| sqlx::query_scalar("SELECT status FROM outbox")
                .fetch_one(c)
                .await)
            .unwrap();
        assert_eq!(status, "failed");

        crate::notifikasi::store::enqueue_message(&pool, None, "+6281234567890", "test", "Lagi", 3)
            .await
            .unwrap();
        assert_eq!(
            deliver_pending(&pool, &RecordingSender, 4).await.unwrap(),
            1
        );
        assert_eq!(
            deliver_pending(&pool, &RecordingSender, 5).await.unwrap(),
            0
        );
    }
}
